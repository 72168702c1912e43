"""Body precision, seventeenth round (issue #18): a section heading that ends the body, with no
text after it, heads something that was not taken as text (a podcast's "How to listen" over its
links, a newsletter box), so it leaves the body; a heading followed by its section's text stays.
Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

from diurna.page.html import without_closing_headings
from tests.page.test_furniture import P1, P2, P3, _page, _read

#: the podcast's links under its heading: no body text (the extractors leave such link lines out)
LINKS = ("<p><strong>Listen: </strong><a href='https://pod.example.com/hp12'>https://pod.example"
         ".com/hp12</a><br> <strong>Download:</strong> <a href='https://pod.example.com/hp12.mp3'>"
         "https://pod.example.com/hp12.mp3</a></p>")


def test_a_heading_over_link_lines_at_the_end_leaves_the_body() -> None:
    html = _page(f"<p>{P1}</p><h2>What the envoys asked for</h2><p>{P2}</p><p>{P3}</p>"
                 f"<h4><strong>How to listen to the Harbour Podcast</strong></h4>{LINKS}")
    doc = _read(html)
    assert doc.text.split("\n\n") == [P1, "What the envoys asked for", P2, P3]
    assert [h.text for h in doc.headings] == ["What the envoys asked for"]


def test_a_heading_followed_by_its_text_stays() -> None:
    html = _page(f"<p>{P1}</p><p>{P2}</p><h2>What comes next</h2><p>{P3}</p>")
    assert _read(html).text.split("\n\n") == [P1, P2, "What comes next", P3]


def test_closing_headings_go_and_a_body_of_headings_alone_stays() -> None:
    heads = {"Next", "Also"}
    assert without_closing_headings(["A text.", "Next", "Also"], heads) == ["A text."]
    assert without_closing_headings(["Next", "A text."], heads) == ["Next", "A text."]
    assert without_closing_headings(["Next", "Also"], heads) == ["Next", "Also"]
    assert without_closing_headings([], heads) == []
