"""Body extraction helpers: the readability-style dense block and furniture-line cleaning."""

from __future__ import annotations

import pytest
from lxml import html

from diurna.page.html import _prefer_dense, clean_paragraphs, densest_block

A = "First part of the story, with enough words to count as a real paragraph of prose here."
B = "Second part of the story continues after the advertisement with more reporting."


def test_dense_block_joins_same_class_containers_in_order() -> None:
    tree = html.fromstring(
        f'<html><body><div class="body"><p>{A}</p><h2>Background</h2></div>'
        f'<div class="ad"><p>Buy now</p></div>'
        f'<div class="body"><p>{B}</p><p>{B}</p></div></body></html>')
    assert densest_block(tree) == [A, "Background", B, B]


def test_dense_block_only_extends_the_same_text() -> None:
    short = [A]
    assert _prefer_dense(short, [A, B, B]) == [A, B, B]  # 3x the words, contains A
    assert _prefer_dense(short, [B, B, B]) == short  # more words, but another text
    assert _prefer_dense([A, B], [A, B]) == [A, B]


def test_furniture_lines_dropped_but_prose_kept() -> None:
    paras = ["Talks to resume in Geneva", "The minister said the talks would resume.",
             "Read more: Earlier talks collapsed", "Share this article", "Tags:",
             "Copyright 2019 Example News. All rights reserved.",
             "Follow us on Twitter and Facebook for updates",
             "Related concerns were raised by the delegation, officials said."]
    assert clean_paragraphs(paras, "Talks to resume in Geneva") == [
        "The minister said the talks would resume.",
        "Related concerns were raised by the delegation, officials said."]


def test_extraction_leaves_the_parsed_tree_as_it_was() -> None:
    """The page stage reads the tree again after trafilatura (blocks, layouts, captions) and
    gives trafilatura no copy of its own: an extractor that cleaned the tree in place (cut the
    nav, the aside and the script) would take those out of everything read afterwards."""
    from lxml import etree
    from trafilatura.utils import load_html

    from diurna.page.html import _body

    story = " ".join([A, B] * 3)
    tree = load_html(
        '<html><body><nav><a href="/">Home</a><a href="/world">World</a></nav>'
        f'<script>var x = 1;</script><article><h1>Talks resume</h1><p>{story}</p><p>{A}</p>'
        '</article><aside class="related"><p>Related: earlier talks collapsed</p></aside>'
        '<footer>Copyright Example News</footer></body></html>')
    before = etree.tostring(tree)
    lines = _body(tree, 50)
    assert story in lines  # the article's text was extracted ...
    assert not any("Home" in line or "Copyright" in line for line in lines)  # ... cleaned
    assert etree.tostring(tree) == before


def test_the_passes_settings_made_once_extract_as_the_keywords_and_stay_as_they_were() -> None:
    """The precise and balanced passes hand trafilatura settings built once (round 14): they
    give the text the keyword arguments give, on a page with a comment box, a table and a
    list, and extracting leaves them unchanged, so the next page gets the same settings."""
    import trafilatura
    from trafilatura.utils import load_html

    from diurna.page.html import _passes

    table = ("<table><tr><td>Votes for</td><td>212</td></tr>"
             "<tr><td>Against</td><td>98</td></tr></table>")
    page = (f"<html><body><article><h1>Talks resume</h1><p>{A}</p><p>{B}</p>{table}"
            "<ul><li>First point of the agenda</li><li>Second point of the agenda</li></ul>"
            # the text after an empty icon: the precise pass drops it, the balanced keeps it
            f"<p>{A}</p><p>Officials said <span class='icon'></span>the vote follows.</p>"
            "</article><div class='comments'><p>A reader wrote that the talks "
            "would fail again this year.</p></div></body></html>")
    precise, balanced = _passes()

    def settings() -> list[dict[str, str]]:
        return [{name: repr(getattr(o, name)) for name in o.__slots__} for o in _passes()]

    before = settings()
    for options, keywords in ((precise, {"favor_precision": True}), (balanced, {})):
        assert trafilatura.extract(load_html(page), options=options) == trafilatura.extract(
            load_html(page), fast=True, include_comments=False, include_tables=True,
            deduplicate=False, **keywords)
    assert settings() == before


ODD_PAGES = [
    "<p>a lone fragment</p>", "", "   ", "plain text, no tags", "<html/>",
    "<!DOCTYPE html/><html><body><p>A doctype closed by a slash.</p></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared.</p></body></html>',
    "<div>first</div><div>second</div>", "<b>bold</b> and <i>italic</i>",
    "<html lang=en/>\n<body><p>control\x00characters\x0b here \ufffe</p></body>",
    "<html><body><form><input name=q value=1><select><option>a</select>"
    "<textarea>t</textarea><label>L</label></form><p>After the form.</p></body></html>",
    "<html><body>&nbsp;&amp;<p>x</p><!-- a comment --><?pi x?></body></html>",
]


@pytest.mark.parametrize("page", ODD_PAGES)
def test_a_page_is_parsed_as_trafilaturas_loader_parses_it(page: str) -> None:
    """The page stage parses with its own parser (elements made without asking Python for
    their class, round 14) but the same repairs and refusals as trafilatura's ``load_html``:
    the same tree, or None for what it refuses (a lone fragment, text without tags)."""
    from lxml import etree
    from trafilatura.utils import load_html

    from diurna.page.html import load_page_tree

    ours, theirs = load_page_tree(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert isinstance(ours, html.HtmlElement)  # trafilatura takes only lxml.html trees
