"""Body precision, sixteenth round (issue #18): three kinds of line that reached the body.
A teaser of another story led by the site's domain ("Also on example.com …"),
a follow prompt that closes its line with the platforms ("Die Zeitung auch bei Social Media –
ob WhatsApp, Instagram oder Facebook.") and a letters desk's standing invitation under a
letters page ("… letters to the editor. We'd like to hear what you think …") are furniture; a
sentence that mentions social media or letters to the editor stays.
Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import pytest

from diurna.page.furniture import is_furniture_line
from tests.page.test_furniture import P1, P2, P3, _page, _read

#: (line, whether it is furniture): the prompts, and article sentences that share their words
CASES = (
    ("Das Blatt auch bei Social Media – ob WhatsApp, Instagram oder Facebook.", True),
    ("- The Courier on social media: Instagram, TikTok and YouTube", True),
    ("The Courier welcomes letters to the editor. We'd like to hear what you think of today's "
     "stories; here is how to write to us.", True),
    ("Die Stadt warnt auf Social Media vor Betrügern auf WhatsApp und Facebook.", False),
    ("Viele Schüler sind auf Social Media – ob WhatsApp oder Instagram – jeden Tag "
     "stundenlang unterwegs.", False),
    ("The mayor answered letters to the editor for years; we would like to hear him again, "
     "said one reader.", False),
)


@pytest.mark.parametrize(("line", "furniture"), CASES)
def test_follow_prompts_and_letters_notes_are_furniture_and_sentences_stay(
        line: str, furniture: bool) -> None:
    assert is_furniture_line(line) is furniture


def test_a_follow_list_under_the_article_leaves_the_body() -> None:
    html = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
                 "<ul><li>Das Blatt auch bei <strong>Social Media</strong> – ob WhatsApp, "
                 "Instagram oder Facebook.</li></ul>")
    assert _read(html).text.split("\n\n") == [P1, P2, P3]


def test_a_letters_desk_note_under_the_letters_leaves_the_body() -> None:
    note = ("The Courier welcomes letters to the editor. We’d like to hear what you think "
            "about this or any of our articles. Write to the letters desk.")
    html = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p><em>{note}</em></p>")
    assert _read(html).text.split("\n\n") == [P1, P2, P3]


@pytest.mark.parametrize(("line", "furniture"), (
    ("Also on example.com Harbour talks resume in Geneva after a week", True),
    ("Also on news.example.co.uk: Ferry strike called off", True),
    ("Also on Tuesday, the council voted to close the harbour road.", False),
    ("Also at stake is the port's licence, which runs out in May.", False),
))
def test_a_teaser_led_by_the_sites_domain_is_furniture(line: str, furniture: bool) -> None:
    assert is_furniture_line(line) is furniture
