"""Body, eighteenth round (issue #18): a page laid out in a table (the article in one cell,
a column of teaser links in the next, as older sites are built) gives the article as its
paragraphs, not as one "| … |" row glued to the headline, the date and the teasers; a
one-cell table holding an image and a short text is a figure, the text its caption; a data
table inside an article keeps its rows. Every page and line here is hand-written for the test
(our own text)."""

from __future__ import annotations

from tests.page.test_furniture import P1, P2, P3, _read

TITLE = "Talks to resume in Geneva"
TEASERS = ["Harbour reopens after the storm", "Council votes on the new tram line",
           "Library extends its opening hours"]


def _table_laid(article_cell: str) -> str:
    """A whole page set in a one-row table: the article's cell beside a column of links."""
    links = "".join(f"<div><a href='/n/{i}'>{t}</a></div>" for i, t in enumerate(TEASERS))
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{TITLE}</title></head><body>"
            "<table border='0' cellpadding='0'><tr valign='top'>"
            f"<td>{article_cell}</td>"
            f"<td><b>Top stories</b>{links}</td></tr></table></body></html>")


def test_an_article_laid_out_in_a_table_cell_comes_out_as_its_paragraphs() -> None:
    cell = (f"<h1>{TITLE}</h1><div class='date'>5 December 2026 - 09:12</div>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>")
    paragraphs = _read(_table_laid(cell)).text.split("\n\n")
    assert paragraphs == [P1, P2, P3]


def test_a_cell_of_paragraphs_without_a_heading_is_layout_too() -> None:
    cell = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    text = _read(_table_laid(cell)).text
    assert "|" not in text
    assert [p for p in text.split("\n\n") if p in (P1, P2, P3)] == [P1, P2, P3]


def test_a_data_table_inside_the_article_keeps_its_rows() -> None:
    table = ("<table><tr><th>Delegation</th><th>Members</th></tr>"
             "<tr><td>North</td><td>12</td></tr><tr><td>South</td><td>9</td></tr></table>")
    html = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{TITLE}</title></head><body><main><article><h1>{TITLE}</h1>"
            f"<p>{P1}</p>{table}<p>{P2}</p><p>{P3}</p></article></main></body></html>")
    lines = _read(html).text.split("\n\n")
    assert "| North | 12 |" in "\n".join(lines)
    assert P1 in lines and P3 in lines


def test_a_one_cell_table_holding_an_image_and_its_caption_is_a_figure() -> None:
    caption = "The new quay at dawn, a week before it opens. (credit: Port of Example)"
    figure = (f"<table align='center'><tr><td><img src='/img/quay.jpg' alt='Quay'>"
              f"<div class='info'>{caption}</div></td></tr></table>")
    html = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{TITLE}</title></head><body><main><article>{figure}<h1>{TITLE}</h1>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></main></body></html>")
    doc = _read(html)
    assert doc.text.split("\n\n") == [P1, P2, P3]
    assert caption in doc.captions


def test_a_one_cell_table_of_text_alone_stays_in_the_body() -> None:
    # a pull quote or a note set in a box of its own: no image, so no caption
    note = "The talks were first announced in October, two weeks after the ceasefire."
    html = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{TITLE}</title></head><body><main><article><h1>{TITLE}</h1>"
            f"<p>{P1}</p><table><tr><td>{note}</td></tr></table><p>{P2}</p><p>{P3}</p>"
            "</article></main></body></html>")
    assert note in _read(html).text
