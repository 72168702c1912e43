"""Body recall, eighteenth round (issue #18): the words of a ``span`` inside a paragraph stay
in the body whatever its class or style, as (round 10) the words after an empty icon do.
trafilatura's precise pass deletes spans whose class or id holds a "link" or "…bottom"
token, or whose style sets a border, as page boxes, and their words with them ("… has
reported that for his role in the fight"). Every page and line here is hand-written for the
test (our own text)."""

from __future__ import annotations

import lxml.html
import pytest

from diurna.page.html import keep_inline_text
from tests.page.test_furniture import P1, P2, P3, _page, _read


@pytest.mark.parametrize("span", [
    # round 10: the precise pass deletes an empty element with the text that follows it
    '<a href="/nfl/fine"><span class="icon icon-external"></span>the league will fine him</a>',
    '<span class="link"><a href="/nfl/fine">the league will fine him</a></span>',
    '<span class="inline bottom-line">the league will fine him</span>',
    '<span style="border:none windowtext 1.0pt; padding:0in">the league will fine him</span>',
])
def test_words_in_a_span_of_a_paragraph_stay_whatever_its_class(span: str) -> None:
    # trafilatura's precise pass deletes spans of these classes and styles as page boxes,
    # with their words: "... has said that for his role in the fight."
    said = f"A reporter has said that {span} for his role in the fight on Sunday night."
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><p>{said}</p><p>{P2}</p>'
                      f"<p>{P3}</p></div>"))
    assert ("A reporter has said that the league will fine him for his role in the fight on "
            "Sunday night.") in doc.text


def test_keep_inline_text_unmarks_only_spans_inside_paragraphs() -> None:
    tree = lxml.html.fromstring('<div><p>He said <span class="link x">so</span>.</p>'
                                '<div><span class="link">More stories</span></div></div>')
    keep_inline_text(tree)
    spans = tree.findall(".//span")
    assert spans[0].get("class") is None
    assert spans[1].get("class") == "link"  # a box's span, outside running text: as it was
