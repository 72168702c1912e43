"""Body precision, tenth round (issue #18): a pull quote (a sentence of the article printed
again in a ``blockquote``, with the speaker's name) leaves the body; a standfirst that repeats
a description the CMS cut short ("… the families…") leaves it too; a correspondent's credit,
a developer's debug panel and Chinese/Japanese button labels are not article text; the text
after an empty icon element moves, unchanged (its words in a page: ``test_inline_spans.py``);
the headings of the body chosen are marked
whichever candidate it came from. Every page and line here is hand-written for the test (our
own text)."""

from __future__ import annotations

import lxml.html
import pytest

from diurna.page import html as page_html
from diurna.page.blocks import drop_pull_quotes
from diurna.page.furniture import is_furniture_line
from diurna.page.html import keep_inline_text
from tests.page.test_furniture import LEAD, P1, P2, P3, _page, _read

SAID = "We will not leave the table before the families are home again."
QUOTED = (f'The deputy minister was firm on Tuesday evening. "{SAID}" He then left the '
          "building without taking further questions from the reporters outside.")


def test_a_pull_quote_repeating_a_sentence_of_the_article_leaves_the_body() -> None:
    box = (f'<blockquote class="quote-box"><p>{SAID}</p>'
           '<div class="quote-author">Deputy minister Ana Berg</div></blockquote>')
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p>{box}<p>{QUOTED}</p>'
                      f"<p>{P2}</p><p>{P3}</p></div>"))
    assert doc.text.count("before the families are home again") == 1  # said once, in place
    assert QUOTED in doc.text
    assert "Deputy minister Ana Berg" not in doc.text  # the quote box's name line goes too
    assert P1 in doc.text and P3 in doc.text


def test_a_quote_said_only_in_its_blockquote_stays() -> None:
    box = f"<blockquote><p>{SAID}</p><p>Deputy minister Ana Berg</p></blockquote>"
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p>{box}<p>{P2}</p>'
                      f"<p>{P3}</p></div>"))
    assert SAID in doc.text  # the article's only copy of the quote: text, not furniture
    assert P2 in doc.text


def test_drop_pull_quotes_keeps_short_repeats_and_lines_outside_the_quote() -> None:
    lines = ["Yes.", P1, QUOTED, "Yes.", P2]
    assert drop_pull_quotes(lines, ["Yes."]) == lines  # too short to be a pull quote
    assert drop_pull_quotes([SAID, "Ana Berg", QUOTED, P2], [f"{SAID} Ana Berg"]) == \
        [QUOTED, P2]
    assert drop_pull_quotes([P1, SAID, P2], [SAID]) == [P1, SAID, P2]  # said nowhere else


def test_a_standfirst_repeating_a_description_the_cms_cut_short_leaves_the_body() -> None:
    cut = LEAD[:LEAD.index(" who fled")] + "..."  # "… the families..."
    head = f'<meta name="description" content="{cut}">'
    doc = _read(_page(f'<div class="article-text"><p class="text-lead">{LEAD}</p>'
                      f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div>", head))
    assert "agenda already names" not in doc.text
    assert doc.text.startswith(P1)


def test_a_description_marked_as_cut_in_one_copy_only_counts_as_cut() -> None:
    # og:description stops at a word with no mark; the JSON-LD copy runs on and says "…"
    bare = LEAD[:LEAD.index(" who fled")]
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks to '
          f'resume in Geneva", "description": "{bare} who fled their…"}}</script>')
    head = f'<meta property="og:description" content="{bare}">{ld}'
    lead = f"<p><strong>{LEAD}</strong></p>"
    doc = _read(_page(f'<div class="article-text">{lead}<p>{P1}</p><p>{P2}</p>'
                      f"<p>{P3}</p></div>", head))
    assert "agenda already names" not in doc.text
    # the same page without the mark: the line is the article's first paragraph on some sites
    doc = _read(_page(f'<div class="article-text">{lead}<p>{P1}</p><p>{P2}</p>'
                      f"<p>{P3}</p></div>", f'<meta property="og:description" content="{bare}">'))
    assert "agenda already names" in doc.text


def test_a_first_paragraph_beginning_with_a_cut_description_among_siblings_stays() -> None:
    cut = LEAD[:LEAD.index(" who fled")] + "…"
    head = f'<meta name="description" content="{cut}">'
    doc = _read(_page(f'<div class="article-text"><p>{LEAD}</p><p>{P1}</p><p>{P2}</p>'
                      f"<p>{P3}</p></div>", head))
    assert doc.text.startswith(LEAD)  # not marked as a summary, not in a box of its own


def test_a_correspondents_credit_alone_on_its_line_is_furniture() -> None:
    assert is_furniture_line("DALLA NOSTRA CORRISPONDENTE")
    assert is_furniture_line("Dal nostro inviato a Kiev")
    assert is_furniture_line("De notre correspondant à Berlin")
    assert not is_furniture_line("Dal nostro inviato a Kiev abbiamo saputo che i colloqui "
                                 "riprenderanno la prossima settimana.")


def test_a_debug_panel_in_the_article_leaves_the_body() -> None:
    panel = ('<dl class="x1 debug-panel"><div><dt>showPaywall:</dt><dd>false</dd></div>'
             "<div><dt>isSubscriber:</dt><dd>false</dd></div></dl>")
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p>{panel}<p>{P2}</p>'
                      f"<p>{P3}</p></div>"))
    assert "showPaywall" not in doc.text and "isSubscriber" not in doc.text
    assert P2 in doc.text


def test_keep_inline_text_moves_text_only_off_empty_elements() -> None:
    tree = lxml.html.fromstring('<p>See <a><i></i>the map</a>,<em> </em>and <b>this</b> now.</p>')
    keep_inline_text(tree)
    assert tree.text_content() == "See the map, and this now."  # the page's text unchanged
    icon = tree.find(".//i")
    assert icon.tail is None and icon.getparent().text == "the map"
    assert tree.find(".//em").tail == "and "  # a space is not empty: left alone
    assert tree.find(".//b").tail == " now."


def test_button_labels_of_chinese_and_japanese_pages_are_furniture() -> None:
    for label in ("评论", "关注", "分享", "コメント"):
        assert _read(_page(f'<div class="article-text"><p>{P1}</p><ul><li>{label}</li></ul>'
                           f"<p>{P2}</p><p>{P3}</p></div>")).text.count(label) == 0


def test_a_pull_quote_that_shortens_the_quoted_sentence_leaves_the_body_too() -> None:
    short = "Warm seas give the air more moisture, and the storms grow stronger."
    said = ("The agency's deputy director pointed to the oceans. \u201cWe know that warm seas "
            "give the air more moisture, and that the storms then grow stronger,\u201d she said.")
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><blockquote><p>{short}</p>'
                      f"</blockquote><p>{said}</p><p>{P2}</p><p>{P3}</p></div>"))
    assert short not in doc.text and said in doc.text
    # a quote of other words beside it stays
    other = "Nobody in the delegation expected the talks to end before the winter."
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><blockquote><p>{other}</p>'
                      f"</blockquote><p>{said}</p><p>{P2}</p><p>{P3}</p></div>"))
    assert other in doc.text


def test_a_heading_is_marked_when_the_densest_block_is_the_body_chosen(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the extractor hands back only the site's menu: the quality check picks the densest block
    monkeypatch.setattr(page_html, "_body", lambda tree, n: ["Home", "World"])
    head = "A second round in the spring"
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><p>{P2}</p><h2>{head}</h2>'
                      f"<p>{P3}</p><p>{LEAD}</p></div>"))
    assert doc.meta.get("body_source") == "dense"
    assert head in doc.text
    assert [doc.text[h.start:h.end] for h in doc.headings] == [head]
