"""Body precision, twentieth round (issue #18): one-word lines the extractor takes in at the
article's edges leave the body. Above the first paragraph: a comment counter printed after
its icon ("47"), an agency's initials in the byline row ("AFP"), the section the page's own
address files the article under ("Politics" on …/politics/…) or a kicker the page prints
over its headline. Under the last
paragraph: a word alone, an icon's or a button's label left from a box. A dateline set
apart from its paragraph ("Geneva.") and one-word lines inside the article stay. Every page
and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import pytest

from diurna.page.html import without_stray_labels
from tests.page.test_furniture import P1, P2, P3, _page, _read

URL = "https://news.example.com/world/politics/talks-to-resume-in-geneva-1234.html"
CANONICAL = f'<link rel="canonical" href="{URL}">'


def _article(before: str = "", after: str = "") -> str:
    return _page(f'<div class="article-text">{before}<p>{P1}</p><p>{P2}</p><p>{P3}</p>'
                 f"{after}</div>", head=CANONICAL)


@pytest.mark.parametrize("label", [
    '<p class="comments"><i class="icon-comment"></i>47</p>',  # a comment counter
    '<div><p>AFP</p></div>',  # an agency's initials
    "<p>Politics</p>",  # the section the address files the article under
    "<p>POLITICS</p>",
])
def test_a_one_word_label_above_the_article_leaves_the_body(label: str) -> None:
    doc = _read(_article(before=label))
    assert doc.text.split("\n")[0] == P1
    assert P2 in doc.text and P3 in doc.text


@pytest.mark.parametrize("line", [
    "<p>Geneva.</p>",  # a dateline with its stop, set apart from its paragraph
    "<p>Diplomacy</p>",  # a word in no folder of the address, in lower case
])
def test_a_dateline_or_a_word_of_no_section_stays(line: str) -> None:
    doc = _read(_article(before=line))
    assert doc.text.split("\n")[0] == line[3:-4]


def test_a_word_alone_under_the_last_paragraph_leaves_the_body() -> None:
    doc = _read(_article(after='<span class="arrow">Arrow</span>'))
    assert doc.text.rstrip().endswith(P3)


def test_the_lines_in_between_and_the_last_of_an_unfinished_sentence_stay() -> None:
    lines = ["47", P1, "GPS", P2, "Talks resume in Geneva on", "Tuesday"]
    # one word inside the article stays; so does one that ends a sentence left open
    assert without_stray_labels(lines, URL) == lines[1:]


def test_labels_are_judged_by_their_word_alone() -> None:
    folders_url = "https://example.es/espana/andalucia/cordoba/story-2024.html"
    # accents off as an address spells them: "Córdoba" names the folder "cordoba"
    assert without_stray_labels(["Córdoba", P1, P2], folders_url) == [P1, P2]
    # the article's slug is no folder; two words are no label; a list item is no label
    assert without_stray_labels(["Story", P1], folders_url) == ["Story", P1]
    assert without_stray_labels(["AFP Geneva", P1], URL) == ["AFP Geneva", P1]
    assert without_stray_labels(["- 47", P1], URL) == ["- 47", P1]
    # agency initials have at most five capitals; a longer word in capitals stays
    assert without_stray_labels(["DPA", P1], None) == [P1]
    assert without_stray_labels(["EXCLUSIVE", P1], None) == ["EXCLUSIVE", P1]


def test_the_last_line_is_never_taken_away() -> None:
    assert without_stray_labels(["47"], URL) == ["47"]
    assert without_stray_labels(["Arrow"], URL) == ["Arrow"]
    assert without_stray_labels(["AFP", P1, "Arrow"], URL) == [P1]


def _kicked(kicker: str, under: str = "") -> str:
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>Talks to resume in Geneva</title></head><body>"
            f'<main><div class="top">{kicker}<h1>Talks to resume in Geneva</h1>{under}</div>'
            f'<div class="article-text"><p>Analysis</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>'
            "</div></main></body></html>")


def test_a_kicker_printed_over_the_headline_leaves_the_body() -> None:
    doc = _read(_kicked('<div><span class="kicker">Analysis</span></div>'))
    assert doc.text.split("\n")[0] == P1


@pytest.mark.parametrize("page", [
    _kicked(""),  # the word is printed nowhere above the headline
    _kicked("", under='<span class="kicker">Analysis</span>'),  # printed under it
])
def test_a_word_not_printed_over_the_headline_stays(page: str) -> None:
    assert _read(page).text.split("\n")[0] == "Analysis"
    assert without_stray_labels([], URL) == []
