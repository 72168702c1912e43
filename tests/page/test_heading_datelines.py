"""Body text, twenty-third round (issue #18): a dateline that a page sets in a heading element
over its first paragraph ("<h6>Ankara</h6>") is the dateline, kept with the body's prose, not a
section heading; a topic heading ("Background"), a hamlet's name that is also a word ("Home")
and a town's name heading a later section stay headings. And the French marks of a ``<q>``: the
marks a browser prints, «…» without the spaces French typography adds, since Unicode CLDR's
marks for French (which browsers print) have none. Every page and line here is hand-written
for the test (our own text)."""

from __future__ import annotations

import pytest

from diurna.model import Document
from diurna.places.gazetteer import built_gazetteer
from tests.page.test_furniture import P1, P2, P3, _read

needs_gazetteer = pytest.mark.skipif(built_gazetteer() is None,
                                     reason="the gazetteer is not built (DIURNA_GAZETTEER)")


def _page(before: str, middle: str = "", lang: str = "en") -> str:
    """A page whose article opens with ``before``, then P1, ``middle``, P2, P3."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            "<title>Talks to resume in Geneva</title></head><body>"
            "<main><article><h1>Talks to resume in Geneva</h1>"
            f'<div class="article-text">{before}<p>{P1}</p>{middle}<p>{P2}</p><p>{P3}</p></div>'
            "</article></main></body></html>")


def _lines(doc: Document) -> list[str]:
    return [line for line in doc.text.split("\n") if line]


def _heads(doc: Document) -> list[str]:
    return [h.text for h in doc.headings]


@needs_gazetteer
@pytest.mark.parametrize("dateline", ["Ankara", "ANKARA", "Ankara (AA)", "ISTANBUL (AA) –",
                                      "Ankara, 5 April", "Berlin."])
def test_a_dateline_in_a_heading_element_opens_the_prose(dateline: str) -> None:
    doc = _read(_page(f"<h6>{dateline}</h6>"))
    assert _lines(doc)[:2] == [dateline, P1]  # kept where the page prints it, a line apart
    assert dateline not in _heads(doc)


@needs_gazetteer
def test_the_dateline_under_a_kicker_and_a_subheading_leaves_them_headings() -> None:
    sub = "Shares slip as yields climb to a three-month high"
    doc = _read(_page(f"<h4>Markets</h4><h5>{sub}</h5><h6>Frankfurt</h6>"))
    heads = _heads(doc)
    assert "Frankfurt" not in heads and sub in heads
    assert _lines(doc)[_lines(doc).index("Frankfurt") + 1] == P1


@needs_gazetteer
@pytest.mark.parametrize("heading", [
    "Background",  # a topic: no place of that name
    "Home",  # a hamlet's name (a few hundred people) that is as often a word
    "Latest news from Ankara today",  # a heading that says more than a dateline
    "ku Frankfurt",  # a reporter's initials before the place: a credit, not a dateline
])
def test_a_heading_that_is_no_dateline_stays_a_heading(heading: str) -> None:
    doc = _read(_page(f"<h2>{heading}</h2>"))
    assert heading in _heads(doc)


@needs_gazetteer
def test_a_town_heading_a_later_section_stays_a_heading() -> None:
    doc = _read(_page("", middle="<h2>Ankara</h2>"))
    assert "Ankara" in _heads(doc)


# --- French quotation marks -------------------------------------------------------------------

SAID = "Le maire a dit <q>{}</q> lors de la réunion du conseil municipal de mardi soir."


@pytest.mark.parametrize("lang", ["fr", "fr-FR", "fr-CA"])
def test_a_french_q_gets_the_guillemets_a_browser_prints_without_spaces(lang: str) -> None:
    doc = _read(_page("", middle=f"<p>{SAID.format('le pont rouvrira en mai')}</p>", lang=lang))
    assert ("Le maire a dit «le pont rouvrira en mai» lors de la réunion du conseil municipal "
            "de mardi soir.") in _lines(doc)


def test_the_spaces_a_french_page_types_inside_its_q_stay() -> None:
    inner = "\u202fle pont rouvrira en mai\u202f"  # narrow no-break spaces, typed by the page
    doc = _read(_page("", middle=f"<p>{SAID.format(inner)}</p>", lang="fr"))
    # kept where the page puts them, printed as the stage prints every space: " "
    assert any("« le pont rouvrira en mai »" in line for line in _lines(doc))
