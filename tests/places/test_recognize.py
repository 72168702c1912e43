"""Issue 13 item 2: place names the small model's NER misses, found with the evidence that makes
them places, and the counter-evidence that keeps people, months and common words out."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver

WEST_VIRGINIA = 4826850  # GeoNames ids, checked on geonames.org
TORRINGTON_CT = 4844309
CLAY_COUNTY_MN = 5021444


@pytest.fixture(scope="module")
def places_of() -> object:
    language, resolver = Language(), PlaceResolver()

    def run(text: str) -> dict[str, Place]:
        doc = resolver(language(Document(id="t", source="t", text=text)))
        assert all(doc.text[p.start:p.end] == p.text for p in doc.places)
        return {p.text: p for p in doc.places}

    return run


def test_dateline_after_the_headline(places_of) -> None:  # type: ignore[no-untyped-def]
    found = places_of("Man charged after crash. TORRINGTON — A local man was charged Friday.")
    assert found["TORRINGTON"].geonameid == TORRINGTON_CT


def test_legislators_home_town_and_state(places_of) -> None:  # type: ignore[no-untyped-def]
    found = places_of("Rep. Torrey Westrom, R-Elbow Lake, said the bill would pass. "
                      "Sen. Jay Rockefeller, D-W. Va., agreed.")
    assert found["Elbow Lake"].admin1 == "Minnesota"
    assert found["W. Va."].geonameid == WEST_VIRGINIA


def test_every_item_of_a_county_list_is_a_county(places_of) -> None:  # type: ignore[no-untyped-def]
    found = places_of("Flood warnings remain in effect for Becker, Clay and Wilkin counties, "
                      "the weather service said.")
    assert {"Becker", "Clay", "Wilkin"} <= set(found)
    assert found["Clay"].geonameid == CLAY_COUNTY_MN and found["Clay"].precision == "admin2"


def test_small_towns_after_a_preposition_a_cue_or_a_name(places_of) -> None:  # type: ignore[no-untyped-def]
    assert "Newberry" in places_of(
        "Deputies said a man was shot during a home invasion robbery in Newberry on Friday.")
    assert "Chiefland" in places_of(
        "Chiefland Police Chief Robert Douglas said the fight involved 200 people.")
    assert "Roswell" in places_of(
        "The suspect, Daniel Ray Hufstetler of Roswell, was arrested on Tuesday.")
    # WordNet knows "Anderson" only as people: with a preposition it is still a town
    assert "Anderson" in places_of("A new fire station opened in Anderson on Friday.")
    found = places_of("Volunteers came from Gainesville and Whitesboro, Texas, to help.")
    assert found["Whitesboro"].admin1 == "Texas"


def test_months_beliefs_and_people_are_not_places(places_of) -> None:  # type: ignore[no-untyped-def]
    assert places_of("The season runs from March until June. She believed in God.") == {}
    assert "Bell" not in places_of(
        "Officer Michael Eggers shot Tyrise M. Bell after a chase. Eggers said Bell ran "
        "from him, and pressed his weapon into Bell's back.")
    assert "Sherman" not in places_of("Neighbours came to help the Sherman family on Friday.")
