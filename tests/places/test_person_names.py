"""Issue 13, round 9: a name the article uses for a person is not a place, unless the article
also uses it as a place. The gazetteer holds Būsh, an Egyptian town of 136,000, and the place
stage stored "President Bush" as it (session 23). Round 9b adds a known person's name before an
office word and the buildings that stand for an institution. Each expectation was read by hand."""

from __future__ import annotations

from diurna.model import Place
from diurna.places.recognize import institution_building, person_surnames


def _texts(places: list[Place]) -> list[str]:
    return [p.text for p in places]


def _assert_no_place(places: list[Place], name: str, country: str) -> None:
    """``name`` is stored as no place, and no place of the text lies in ``country`` (the
    gazetteer's wrong reading of the name)."""
    assert name not in _texts(places)
    assert all(p.country != country for p in places)


def test_a_name_after_a_title_is_a_person(places_of) -> None:  # type: ignore[no-untyped-def]
    places = places_of("President Bush said on Tuesday that the talks would go on.")
    _assert_no_place(places, "Bush", "EG")


def test_the_surname_of_a_person_named_fully_before_is_a_person(places_of) -> None:  # type: ignore[no-untyped-def]
    text = ("George W. Bush arrived in Moscow on Friday. Bush met Putin at the Kremlin, and "
            "Bush said the meeting went well.")
    places = places_of(text)
    _assert_no_place(places, "Bush", "EG")
    # the real place of the same text is still read
    moscow = next(p for p in places if p.text == "Moscow")
    assert moscow.country == "RU"


def test_a_name_also_used_as_a_place_stays_a_place(places_of) -> None:  # type: ignore[no-untyped-def]
    text = ("A portrait of George Washington was unveiled on Monday. The painting will hang "
            "in Washington until the spring.")
    places = places_of(text)
    washington = [p for p in places if p.text == "Washington"]
    assert washington and washington[0].country == "US"
    # the president's name itself is no place
    assert all(p.start >= text.index("in Washington") for p in washington)


def test_a_town_named_like_a_person_is_a_place_where_the_text_says_so(places_of) -> None:  # type: ignore[no-untyped-def]
    # Vaughan is a city of 300,000 in Ontario; here it is first a scientist, then the city
    scientist = ("Dr. Jane Vaughan studied the lungs of mice. Vaughan said the cells appeared "
                 "only after an infection.")
    assert "Vaughan" not in _texts(places_of(scientist))
    city = scientist + " The study was funded by a hospital in Vaughan, Ontario."
    found = [p for p in places_of(city) if p.text == "Vaughan"]
    assert found and all(p.country == "CA" for p in found)


def test_a_county_or_a_town_inside_an_ner_person_stays_a_place(places_of) -> None:  # type: ignore[no-untyped-def]
    # the small model reads "Anderson County Sheriff Greg Taylor" as one PERSON; LGL's gold
    # annotates Anderson (County) there, and "Anderson County" says it is a place
    text = ("The man was shot once in the head, according to Anderson County Sheriff Greg "
            "Taylor. The arrest was made after Anderson County Crimestoppers received a tip.")
    assert "Anderson" in _texts(places_of(text))
    # a title word ending a sentence is no title of the next one's first name
    text = ("Hyles unseats Turner for Municipal Court Judge. Columbus attorney Stephen Hyles "
            "won on Tuesday.")
    assert "Columbus" in _texts(places_of(text))


# Round 9b: a person's name before an office word ("the Bush administration", "a Clinton aide")
# is no place, nor is a building that stands for an institution ("the White House", "the
# Kremlin"), which Diurna's guidelines leave out (docs/annotation-places-times.md).


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
    _assert_no_place(places, "Bush", "EG")
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
    _assert_no_place(places, "White House", "JM")
