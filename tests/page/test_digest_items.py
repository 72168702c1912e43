"""Body recall, nineteenth round (issue #18): an item of the article's own list that links its
opening words (a digest's linked headline) and goes on with a sentence of its own stays in the
body, even when the link takes most of its letters; a list item that is only a link, or a
link and a few words that make no sentence (a menu's), is still a link line. Every page and
line here is hand-written for the test (our own text)."""

from __future__ import annotations

from tests.page.test_furniture import P1, P2, P3, _page, _read

#: a linked headline and the sentence after it: the link takes about 70 % of the letters
LINKED = ('<strong><a href="/ports/harbour-vote">The harbour plan goes to a vote after three '
          "years of hearings and two rejected drafts</a>.</strong> The council meets on "
          "Thursday morning.")
PLAIN = ("The port authority will publish its own figures on the cost of the new quays before "
         "the council meets.")
OTHER = ('<strong><a href="/rail/night-trains">Night trains to the coast return next summer '
         "after a pause of four years</a>.</strong> Tickets go on sale in March.")


def _digest(*items: str) -> str:
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f'<div class="article-text"><p>{P1}</p><p>{P2}</p><ol>{rows}</ol><p>{P3}</p></div>'


def test_a_digest_item_with_a_linked_headline_and_a_sentence_stays() -> None:
    doc = _read(_page(_digest(LINKED, PLAIN, OTHER)))
    assert ("The harbour plan goes to a vote after three years of hearings and two rejected "
            "drafts. The council meets on Thursday morning.") in doc.text
    assert ("Night trains to the coast return next summer after a pause of four years. "
            "Tickets go on sale in March.") in doc.text
    assert PLAIN in doc.text and P3 in doc.text


def test_a_list_item_that_is_only_a_link_is_still_a_link_line() -> None:
    link_only = ('<a href="/ports/harbour-vote">The harbour plan goes to a vote after three '
                 "years of hearings and two rejected drafts</a>")
    doc = _read(_page(_digest(link_only, PLAIN, OTHER)))
    assert "two rejected drafts" not in doc.text
    assert PLAIN in doc.text


def test_a_link_and_words_that_make_no_sentence_are_still_a_link_line() -> None:
    # a menu's item: a linked section name and the names of its places, no sentence
    menu = ('<a href="/region/north">Northern coast region news and reports from the '
            "islands</a> Harbour Bay Pier Cove Dunes")
    doc = _read(_page(_digest(menu, PLAIN, OTHER)))
    assert "Northern coast region" not in doc.text
