"""A text that names no state takes the country its own place names point to (session 53): local
news names its towns only, and its police, courts and residents were left without a country."""

from __future__ import annotations

from collections.abc import Callable

from diurna.actors import ActorResolver
from diurna.language import Language
from diurna.model import Document

IRISH_TOWNS = ("Gardai said five men were arrested in Tipperary town on Monday after the "
               "disturbances in Cahir. Police said the men appeared in court on Tuesday.")


def codes(doc: Document) -> dict[str, str | None]:
    return {doc.text[m.start:m.end]: m.actor.cameo if m.actor else None for m in doc.mentions}


def test_towns_of_one_country_give_its_police_and_court_a_country(
        resolve: Callable[[str], Document]) -> None:
    # Tipperary and Cahir are Irish towns only, so "Police" are Ireland's and so is "court"
    got = codes(resolve(IRISH_TOWNS))
    assert got["Police"] == "IRLCOP"
    assert got["court"] == "IRLJUD"
    assert got["five men"] == "IRLCVL"


def test_a_named_state_still_decides_and_no_place_gives_no_country(
        resolve: Callable[[str], Document]) -> None:
    # the text names Iraq twice: the towns' vote is never asked
    named = codes(resolve("Police in Iraq arrested five men in Tipperary and Cahir. Iraq's "
                          "police said the men appeared in court."))
    assert named["Police"] == "IRQCOP"
    # no place at all: no country is invented
    bare = codes(resolve("Police arrested five men on Monday. The men appeared in court."))
    assert bare["Police"] is None and bare["men"] is None


def test_the_vote_can_be_turned_off(language: Language) -> None:
    resolver = ActorResolver(use_places=False)
    doc = resolver(language(Document.from_paragraphs("test", "<test>", [IRISH_TOWNS])))
    assert codes(doc)["Police"] is None
