"""Body recall, nineteenth round (issue #18): a crosshead that a CMS sets in a ``div`` between
two paragraphs stays in the body, marked as a heading (the extractor reads a text-only ``div``
only in its recall mode and dropped it). A sentence, a link or a label in such a ``div`` is no
crosshead. Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import lxml.html

from diurna.evaluate.body import diurna_prose
from diurna.page.layouts import div_crosshead
from tests.page.test_furniture import P1, P2, P3, _page, _read

HEAD = "Who pays for the new quays?"


def _between(box: str) -> str:
    return _page(f'<div class="article-text"><p>{P1}</p><p>{P2}</p>{box}<p>{P3}</p>'
                 f"<p>{P1.replace('foreign', 'deputy foreign')}</p></div>")


def test_a_crosshead_set_in_a_div_between_paragraphs_is_a_heading() -> None:
    page = _between(f'<div class="story-subhead"><strong>{HEAD}</strong></div>')
    doc = _read(page)
    lines = [line for line in doc.text.split("\n") if line.strip()]
    assert HEAD in lines and lines.index(HEAD) == lines.index(P3) - 1  # in its place
    assert HEAD in {h.text for h in doc.headings}
    assert HEAD not in diurna_prose(page.encode())  # the prose leaves headings out


def test_a_sentence_or_a_link_in_a_div_is_no_crosshead() -> None:
    sentence = "The council will meet again on Thursday to vote on the plan."
    for box, words in ((f"<div>{sentence}</div>", "vote on the plan"),
                       ('<div>Read more: <a href="/ports">Who pays for the new quays</a></div>',
                        "Read more")):
        doc = _read(_between(box))
        assert not any(words in h.text for h in doc.headings)
    # the sentence is a paragraph of the article (round 21), the link no line of it
    assert sentence in _read(_between(f"<div>{sentence}</div>")).text.split("\n")
    assert "Read more" not in doc.text


def test_a_stamp_between_paragraphs_stays_out_of_the_body() -> None:
    # a stamp passes the div test (short, no closing stop); the stamp rule drops its line
    doc = _read(_between("<div>Updated: 12.03.2025, 14:05</div>"))
    assert "12.03.2025" not in doc.text
    assert P3 in doc.text


def test_div_crosshead_reads_only_a_short_div_between_two_paragraphs() -> None:
    tree = lxml.html.fromstring(
        f"<div><p>{P1}</p><div><b>{HEAD}</b></div><p>{P2}</p>"  # a crosshead
        f"<div>Who pays? <a href='/q'>Read on</a></div><p>{P3}</p>"  # holds a link
        f"<div>{HEAD}</div></div>")  # no paragraph after it
    assert sum(div_crosshead(div) for div in list(tree.iter("div"))[1:]) == 1
    assert [el.tag for el in tree.iterchildren()] == ["p", "h3", "p", "div", "p", "div"]
