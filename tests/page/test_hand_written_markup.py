"""Body text, twenty-first round (issue #18): faults of extraction that hand-written and older
markup shows and no gold page does. Words inside ``<time>`` and ``<label>`` in a sentence, a
``<q>`` that broke its line, a sentence standing loose in a ``div`` or ``<article>``, a
screen reader's "Link opens in a new tab" glued onto a word, lines of furniture (ad markers,
player and script notices, follow prompts) and a dateline in capitals above the article.
Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import pytest
from lxml import etree

from diurna.page.layouts import (
    has_loose_text,
    loose_text_paragraphs,
    read_in_sentence,
    read_loose_text,
)
from tests.page.test_furniture import P1, P2, P3, _page, _read

SENTENCE = "The mayor told reporters the bridge would reopen to traffic in the first week of May."
LATER = "The council said work on the road would start in June next year."


def _lines(middle: str, before: str = "") -> list[str]:
    """The body lines of a page whose article is ``before``, P1, P2, ``middle``, P3."""
    doc = _read(_page(f'<div class="article-text">{before}<p>{P1}</p><p>{P2}</p>{middle}'
                      f"<p>{P3}</p></div>"))
    return [line for line in doc.text.split("\n") if line]


@pytest.mark.parametrize("markup", [
    "<p>The mayor told reporters on <time datetime='2024-05-07'>Tuesday</time> the bridge"
    " would reopen to traffic in the first week of May.</p>",
    "<p>The mayor told reporters on <label>Tuesday</label> the bridge would reopen to"
    " traffic in the first week of May.</p>",
])
def test_the_words_of_a_time_or_label_inside_a_sentence_stay(markup: str) -> None:
    assert "The mayor told reporters on Tuesday the bridge would reopen to traffic in the " \
           "first week of May." in _lines(markup)


def test_a_q_stays_in_its_line_between_quotation_marks() -> None:
    lines = _lines("<p>The mayor said <q>the bridge would reopen</q> in the first week of"
                   " May.</p>")
    # the page declares English: the marks a browser prints there (round 22; see
    # test_quote_marks_and_datelines.py for other languages)
    assert "The mayor said “the bridge would reopen” in the first week of May." in lines


def test_a_time_that_opens_its_paragraph_stays_a_time() -> None:
    # a live blog's entry stamp: no words before it, so it is no word of a sentence
    tree = etree.fromstring("<div><p><time>10:42</time> The minister spoke.</p>"
                            "<p>At <time>noon</time> we left.</p></div>")
    first, second = tree.iter("time")
    assert not read_in_sentence(first) and first.tag == "time"
    assert read_in_sentence(second) and second.tag == "span"


@pytest.mark.parametrize("markup, expected", [
    (f'<div class="text-block">{SENTENCE}</div>', [SENTENCE]),  # a div among paragraphs
    (f"<div>{SENTENCE}<p>{LATER}</p></div>", [SENTENCE, LATER]),  # loose before a paragraph
    (f"<article>{SENTENCE}<br>{LATER}</article>", [SENTENCE, LATER]),  # an article of text
])
def test_a_sentence_standing_loose_in_a_block_is_read(markup: str, expected: list[str]) -> None:
    lines = _lines(markup)
    assert lines[lines.index(P2) + 1:lines.index(P3)] == expected


def test_loose_text_that_is_no_sentence_is_left_alone() -> None:
    tree = etree.fromstring(
        f"<main><p>{P1}</p><div>Share this <a href='/x'>on the site</a></div>"
        f"<div><a href='/a'>One story of the week.</a> <a href='/b'>Another one today.</a></div>"
        "<div>The mayor told <a href='/y'>reporters</a>  the bridge\n would reopen.</div></main>")
    made = [loose_text_paragraphs(div) for div in tree.iter("div")]
    # no closing stop; only links' words; a sentence with its link, made one paragraph, its
    # runs of white space printed as one space as a browser prints them
    assert made == [0, 0, 1]
    para = tree[3][0]
    assert para.tag == "p" and para.text == "The mayor told " and para[0].text == "reporters"
    assert "".join(para.itertext()) == "The mayor told reporters the bridge would reopen."


def test_a_new_tab_label_glued_onto_a_word_leaves_the_sentence() -> None:
    lines = _lines('<p>The mayor told reporters <a href="/b">the bridge<span class="sr-only">'
                   "Link opens in a new tab</span></a> would reopen to traffic in the first"
                   " week of May.</p>")
    assert SENTENCE in lines


def test_a_sentence_saying_a_page_opens_in_a_new_tab_stays() -> None:
    said = "The council's booking page reopens in a new tab after the payment is made."
    assert said in _lines(f"<p>{said}</p>")


@pytest.mark.parametrize("line", [
    "<p>Anzeige</p>",
    "<p>Story continues below advertisement</p>",
    "<div>Article continues below</div>",
    "<p>Listen to this article · 4 min</p>",
    "<p>Follow us on WhatsApp for the latest news</p>",
    "<p>Follow Example News on Google News</p>",
    "<p>Please enable JavaScript to view this content.</p>",
    "<p>This video can not be played</p>",
])
def test_a_line_of_furniture_leaves_the_body(line: str) -> None:
    assert _lines(line) == [P1, P2, P3]


def test_a_sentence_about_following_or_video_stays() -> None:
    said = "The mayor said the video of the bridge would be played at the council on Monday."
    assert said in _lines(f"<p>{said}</p>")


@pytest.mark.parametrize("dateline", ["PARIS", "ROME", "CAIRO"])
def test_a_dateline_in_capitals_above_the_article_stays(dateline: str) -> None:
    assert _lines("", before=f"<p>{dateline}</p>")[0] == dateline


def test_an_agency_s_initials_above_the_article_still_leave() -> None:
    assert _lines("", before="<p>AFP</p>")[0] == P1


def test_blocks_of_one_kind_are_read_alike_and_furniture_apart_is_not() -> None:
    # the article's later paragraphs sit in a box with no <p> near them; a promotion's
    # sentence stands in a block of its own kind outside the article
    tree = etree.fromstring(
        f'<main><div class="body"><p>{P1}</p><div class="par">{SENTENCE}</div>'
        f'<div class="rest"><div class="par">{LATER}</div></div></div>'
        '<div class="promo">Discover our offers for readers who want to know more.</div></main>')
    holders = [div for div in tree.iter("div") if div.text]
    assert read_loose_text(holders) == 2
    assert [p.text for p in tree.iter("p")] == [P1, SENTENCE, LATER]
    assert tree[1].tag == "div" and tree[1].text.startswith("Discover")


def test_a_block_holds_loose_text_in_its_own_text_or_after_a_child() -> None:
    # the walk's quick test (session 40 wrote it as a loop): a child's tail counts as the
    # block's own text; white space alone, a no-break space included, does not
    own, after, blank = etree.fromstring(
        f"<main><div>{SENTENCE}<p>{LATER}</p></div><div><p>{LATER}</p> {SENTENCE}</div>"
        f"<div> <p>{LATER}</p>\n\u00a0<span>x</span> </div></main>")
    assert [has_loose_text(el) for el in (own, after, blank)] == [True, True, False]
