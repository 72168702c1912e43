"""Body text, twenty-second round (issue #18): the two faults round 21 noticed. A ``<q>`` is
printed with the quotation marks of the language the page declares (a browser's, not straight
``"`` marks), and a dateline in capitals set apart above the article stays, whatever its
length or agency in brackets, while a news agency's initials still leave. And a general fault
found on a development page: a sentence cut in two lines at an icon in its link. Every page and
line here is hand-written for the test (our own text)."""

from __future__ import annotations

import pytest
from lxml import etree

from diurna.page.furniture import is_furniture_line
from diurna.page.layouts import collapse_blank_breaks, print_quote_marks, quote_marks
from tests.page.test_furniture import P1, P2, P3, _read

SAID = "The mayor said <q>the bridge would reopen</q> in the first week of May."


def _page(lang: str | None, article: str, before: str = "") -> str:
    """A page declaring ``lang`` (none when None) whose article is ``before``, P1,
    ``article``, P2, P3."""
    declared = f' lang="{lang}"' if lang is not None else ""
    return (f'<!DOCTYPE html><html{declared}><head><meta charset="utf-8">'
            "<title>Talks to resume in Geneva</title></head><body>"
            "<main><article><h1>Talks to resume in Geneva</h1>"
            f'<div class="article-text">{before}<p>{P1}</p>{article}<p>{P2}</p><p>{P3}</p></div>'
            "</article></main></body></html>")


def _lines(lang: str | None, article: str, before: str = "") -> list[str]:
    return [line for line in _read(_page(lang, article, before)).text.split("\n") if line]


# --- the quotation marks of a q ---------------------------------------------------------------

@pytest.mark.parametrize("lang, opening, closing", [
    ("en", "“", "”"),
    ("en-GB", "“", "”"),
    ("de", "„", "“"),
    ("de-AT", "„", "“"),  # a region of a listed language: the language's marks
    ("fr", "«", "»"),
    ("pt-PT", "«", "»"),  # a region listed on its own: Portugal's, not Brazil's “…”
    ("ja", "「", "」"),
    (None, "“", "”"),  # no language declared: the marks browsers print by default
    ("xx", "“", "”"),  # a language not listed: the same
])
def test_a_q_gets_the_quotation_marks_of_the_page_s_language(
        lang: str | None, opening: str, closing: str) -> None:
    said = f"The mayor said {opening}the bridge would reopen{closing} in the first week of May."
    assert said in _lines(lang, f"<p>{SAID}</p>")


def test_a_q_in_another_language_than_the_page_takes_its_own_marks() -> None:
    lines = _lines("en", '<p lang="de">Der Bürgermeister sagte <q>die Brücke öffnet im Mai</q>'
                         " wieder für den Verkehr.</p>")
    assert "Der Bürgermeister sagte „die Brücke öffnet im Mai“ wieder für den Verkehr." in lines


def test_a_q_inside_a_q_takes_the_language_s_second_marks() -> None:
    tree = etree.fromstring('<html lang="de"><body><p>Er sagte <q>sie rief <q>Halt</q> und'
                            " <em>lief</em></q> davon.</p></body></html>")
    outer = next(tree.iter("q"))
    print_quote_marks(outer)
    assert "".join(tree.find("body/p").itertext()) == "Er sagte „sie rief ‚Halt‘ und lief“ davon."
    assert not list(tree.iter("q"))  # all read as spans, so the line is not broken


def test_the_marks_are_looked_up_by_the_longest_listed_prefix_of_the_tag() -> None:
    assert quote_marks("zh-Hant-TW") == (("「", "」"), ("『", "』"))
    assert quote_marks("zh-CN") == (("“", "”"), ("‘", "’"))
    assert quote_marks("DE_ch") == (("«", "»"), ("‹", "›"))


# --- datelines in capitals above the article ----------------------------------------------------

@pytest.mark.parametrize("dateline", ["UFA", "LOD", "ROME", "LIMA (AP) —", "ROME (Reuters) -"])
def test_a_dateline_in_capitals_set_apart_above_the_article_stays(dateline: str) -> None:
    # a three-letter town is no agency's initials; a dateline with its agency and dash is no
    # broadcaster's credit: the places stage reads a dateline from its dash
    assert _lines("en", "", before=f"<p>{dateline}</p>")[:2] == [dateline, P1]


@pytest.mark.parametrize("initials", ["AFP", "AA", "ANSA", "TASS"])
def test_a_news_agency_s_initials_above_the_article_leave(initials: str) -> None:
    assert _lines("en", "", before=f"<p>{initials}</p>")[0] == P1


@pytest.mark.parametrize("line, credit", [
    ("MDR (dst)", True),
    ("AFP/dpa (jle).", True),
    ("LIMA (AP) —", False),
    ("ROME (Reuters) -", False),
])
def test_a_credit_closes_without_a_dateline_s_dash(line: str, credit: bool) -> None:
    assert is_furniture_line(line) is credit


# --- a sentence cut at an icon --------------------------------------------------------------

#: an icon sprite sheet (symbols defined once, each icon a ``<use>`` of one), as many sites
#: print it at the top of the body
SPRITES = ('<svg width="0" height="0" style="position:absolute"><defs><svg id="cart">'
           '<path d="M0 0"></path></svg></defs></svg>')
ICON = ('<p>The <a href="/offer">\n   <svg class="icon">\n    <use href="#cart"></use>\n   </svg>'
        " spring offer</a> runs from Monday to Sunday in all of the city's shops, the council"
        " said on Tuesday.</p>")


def test_a_sentence_with_an_icon_in_its_link_stays_one_line() -> None:
    # the extractor deleted the icon and kept the source's line breaks around it, which cut
    # "The" off its sentence
    lines = _lines("en", ICON, before=SPRITES)
    assert lines[:3] == [P1, "The spring offer runs from Monday to Sunday in all of the city's"
                             " shops, the council said on Tuesday.", P2]


@pytest.mark.parametrize("markup, text", [
    # white space alone with a line break: one space where the words had none
    ('<p>only<a>\n  <svg><use/></svg>\n  </a>members</p>', "only members"),
    # none where the words have one already
    ('<p>Die <a>\n <svg>\n <use/>\n </svg> Aktion</a> läuft</p>', "Die Aktion läuft"),
    # the words' own spacing, a space without a break and code are left as they are
    ('<p>one  two <b> </b>three<code>\n</code>four</p>', "one  two  three\nfour"),
])
def test_a_paragraph_s_blank_line_breaks_print_as_a_browser_prints_them(
        markup: str, text: str) -> None:
    p = etree.fromstring(markup)
    collapse_blank_breaks(p)
    assert "".join(p.itertext()) == text
