"""Body structure, twelfth round (issue #18): a block that embeds a widget (a ``<script>``,
``<style>`` or ``<iframe>`` inside a section heading, as some CMSs print a shopping or video
widget) is looked up by the words a reader sees, so the heading is still known as a heading and
the prose gold, which leaves headings out, is met. Every page and line here is hand-written for
the test (our own text)."""

from __future__ import annotations

from tests.page.test_furniture import P1, P2, P3, _page, _read

HEAD = "The new set starts with a launch pad"
WIDGET = ('<iframe src="https://widgets.example.org/frame/1" title="Shop widget"></iframe> '
          "<script>!function(){var t=window.addEventListener;t('message',function(e){})}();"
          "</script><style>.w{height:400px}</style>")


def test_a_heading_that_embeds_a_script_is_still_a_heading() -> None:
    doc = _read(_page(f"<p>{P1}</p><p>{P2}</p><h2>{HEAD} {WIDGET}</h2><p>{P3}</p>"))
    assert [h.text for h in doc.headings] == [HEAD]
    assert "addEventListener" not in doc.text and ".w{" not in doc.text
    for paragraph in (P1, P2, P3):
        assert paragraph in doc.text


def test_a_list_item_whose_paragraph_embeds_a_style_keeps_its_flags() -> None:
    # the style sits two levels down (li > p > style): the item's link share is still
    # measured on its words, so a rail of links stays a rail
    items = "".join(f'<li><p><a href="/story/{i}">Another story on the talks, part {i}</a>'
                    f"<style>.item{i}{{color:red}}</style></p></li>" for i in range(4))
    doc = _read(_page(f"<p>{P1}</p><p>{P2}</p><ul>{items}</ul><p>{P3}</p>"))
    assert "Another story on the talks" not in doc.text
    assert "color:red" not in doc.text
