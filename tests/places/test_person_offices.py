"""Issue 13, round 9b: a person's name before an office word ("the Bush administration", "a
Clinton aide") is no place, nor is a building that stands for an institution ("the White
House", "the Kremlin"), which Diurna's guidelines leave out (docs/annotation-places-times.md).
Each expectation was read by hand."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver
from diurna.places.recognize import institution_building, person_surnames


@pytest.fixture(scope="module")
def places_of() -> object:
    language, resolver = Language(), PlaceResolver()

    def run(text: str) -> list[Place]:
        doc = language(Document(id="t", source="t", text=text, language="en"))
        return resolver.resolve(doc)

    return run


def _texts(places: list[Place]) -> list[str]:
    return [p.text for p in places]


def test_the_dictionary_knows_surnames_of_people_it_lists() -> None:
    names = person_surnames()
    # George W. Bush and Tony Blair are in the built-in persons file; "Jr." is no surname
    assert {"Bush", "Blair", "Putin", "Kennedy"} <= names
    assert "Jr." not in names and "Jr" not in names


def test_a_known_surname_before_administration_is_no_place(places_of) -> None:  # type: ignore[no-untyped-def]
    # a Wikinews sentence shape: the article never gives "George W. Bush" in full, and the
    # gazetteer's Būsh (Egypt, 136,000) was stored for it before round 9b
    text = ("Ministers from 46 countries meeting in Strasbourg, France asked the Bush "
            "administration on Tuesday to cease torture at its prisons.")
    places = places_of(text)
    assert "Bush" not in _texts(places)
    assert all(p.country != "EG" for p in places)
    # the real places of the sentence stay
    assert {"Strasbourg", "France"} <= set(_texts(places))


def test_a_name_before_government_that_the_text_uses_as_a_place_stays(places_of) -> None:  # type: ignore[no-untyped-def]
    # Kabul is no person; "the Kabul government" must not be dropped by the rule
    text = ("Talks in Kabul went on. The Kabul government said the Taliban had agreed to "
            "meet in Doha.")
    assert "Kabul" in _texts(places_of(text))
    # a refugee camp named after its place: Rukban is no person's name
    camp = "Aid reached the Rukban camp near the Jordanian border on Monday."
    assert "Rukban" in _texts(places_of(camp))


def test_institution_buildings_are_no_places() -> None:
    text = "The White House and the Kremlin spoke; Downing Street did not. White House, Tenn."
    for name, want in (("White House", True), ("Kremlin", True), ("Downing Street", True)):
        i = text.index(name)
        assert institution_building(text, i, i + len(name)) is want, name
    # the Tennessee city of White House (no "the" before it) is a place
    i = text.rindex("White House")
    assert not institution_building(text, i, i + len("White House"))


def test_the_white_house_is_not_stored_as_a_place(places_of) -> None:  # type: ignore[no-untyped-def]
    # before round 9b this was Whitehouse, a district of Jamaica
    text = ("He testified about a July 10 meeting at the White House when officials from "
            "Ukraine visited Washington.")
    places = places_of(text)
    assert "White House" not in _texts(places)
    assert all(p.country != "JM" for p in places)
