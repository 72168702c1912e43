"""The French marks of a ``<q>`` (issue #18, round 23): the marks a browser prints, «…» without
the spaces French typography adds, since Unicode CLDR's marks for French (which browsers print)
have none; spaces a page types inside its ``<q>`` stay. Every page and line here is hand-written
for the test (our own text)."""

from __future__ import annotations

import pytest

from diurna.model import Document
from tests.page.test_furniture import P1, P2, P3, _read


def _page(before: str, middle: str = "", lang: str = "en") -> str:
    """A page whose article opens with ``before``, then P1, ``middle``, P2, P3."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            "<title>Talks to resume in Geneva</title></head><body>"
            "<main><article><h1>Talks to resume in Geneva</h1>"
            f'<div class="article-text">{before}<p>{P1}</p>{middle}<p>{P2}</p><p>{P3}</p></div>'
            "</article></main></body></html>")


def _lines(doc: Document) -> list[str]:
    return [line for line in doc.text.split("\n") if line]


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
