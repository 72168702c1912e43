"""Issue 13, round 7: readings of world-news names mended on GeoVirus's dev half (made-up
sentences in the same shapes; each expected reading checked by hand against GeoNames)."""

from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver


def _places(text: str) -> list[Place]:
    doc = Language()(Document(id="t", source="t", text=text, language="en"))
    return PlaceResolver().resolve(doc)


def _named(places: list[Place], text: str, name: str) -> Place:
    hits = [p for p in places if text[p.start:p.end] == name]
    assert hits, f"{name!r} not found as a place"
    return hits[0]


def test_a_state_followed_by_its_country_is_the_state() -> None:
    text = "A church in southern California, United States, received three letters on Monday."
    places = _places(text)
    state = _named(places, text, "California")
    # the state (A.ADM1), not California, Maryland, a town of 11,857
    assert (state.country, state.feature, state.precision) == ("US", "A.ADM1", "admin1")
    assert _named(places, text, "United States").precision == "country"


def test_a_known_feature_is_not_read_by_its_last_word() -> None:
    text = ("The strain was found there on Sunday. Romania reported that there has been a new "
            "outbreak in the Danube Delta area.")
    places = _places(text)
    delta = _named(places, text, "Danube Delta")
    # the delta on the Black Sea coast (Natural Earth), not Nigeria's Delta State
    assert delta.feature == "T.DLTA" and delta.lat is not None and delta.lon is not None
    assert 44 < delta.lat < 46 and 28 < delta.lon < 30
    assert all(p.country != "NG" for p in places)


def test_a_village_name_with_a_particle_is_read_whole() -> None:
    text = ("Romania has culled more birds. The H5N1 strain was confirmed in the villages of "
            "Ceamurlia de Jos, Maliuc and Caraorman last week.")
    places = _places(text)
    village = _named(places, text, "Ceamurlia de Jos")
    assert (village.country, village.admin1) == ("RO", "Tulcea")
    assert all(text[p.start:p.end] != "Jos" for p in places)  # the Nigerian city


def test_a_name_before_governor_is_the_state() -> None:
    text = "New York Governor Andrew Cuomo declared a statewide health emergency on Tuesday."
    state = _named(_places(text), text, "New York")
    assert (state.country, state.feature) == ("US", "A.ADM1")


def test_a_small_town_of_a_named_state_is_read_and_an_island_stays_an_island() -> None:
    text = ("The stallion was held at the Eastern Creek quarantine station in New South Wales "
            "after arriving from Japan.")
    town = _named(_places(text), text, "Eastern Creek")
    # Eastern Creek, a suburb of western Sydney (874 people in GeoNames)
    assert (town.country, town.admin1, town.precision) == ("AU", "New South Wales", "city")
    text = ("Three farm workers in Central Luzon fell ill; more pigs on Luzon, the largest "
            "island of the Philippines, are being tested.")
    island = _named(_places(text), text, "Luzon")
    assert island.feature is not None and island.feature.startswith("T.")


def test_a_disease_named_after_a_place_is_not_the_place() -> None:
    text = ("Marburg virus keeps spreading in Angola, and Indiana reported two more people ill "
            "with West Nile virus. Doctors fear West Nile will reach Ohio.")
    names = [text[p.start:p.end] for p in _places(text)]
    assert "Marburg" not in names and "West Nile" not in names
    assert {"Angola", "Indiana", "Ohio"} <= set(names)
    # "flu" after a place is where the flu is, not its name
    text = "Texas flu deaths rose to 40, officials in Austin said."
    assert _named(_places(text), text, "Texas").feature == "A.ADM1"


def test_a_two_letter_word_before_a_name_is_not_a_state_code() -> None:
    text = "The trial ran for four weeks in Goma, DR Congo, and in Kampala."
    country = _named(_places(text), text, "DR Congo")
    assert (country.country, country.precision) == ("CD", "country")


def test_names_after_the_island_of_and_in_the() -> None:
    text = "Eleven children fell ill on the Philippine island of Bohol after eating cassava."
    assert _named(_places(text), text, "Bohol").country == "PH"
    text = "Ducks died near to Bieżuń, in central Poland."
    assert _named(_places(text), text, "Bieżuń").country == "PL"
    text = "Russian vets said the bird flu began among coots in the Temryuk and Anapa areas."
    places = _places(text)
    # both towns of Krasnodar Krai on the Black Sea
    assert {(_named(places, text, n).country, _named(places, text, n).admin1)
            for n in ("Temryuk", "Anapa")} == {("RU", "Krasnodarskiy kray")}


def test_a_country_named_like_a_plural_demonym_is_the_country() -> None:
    # "Philippine" and "Lao" are adjectives, "Philippines" and "Laos" the countries
    text = "Pigs in the Philippines tested positive, and a study ran in Vientiane, Laos."
    places = _places(text)
    assert _named(places, text, "Philippines").country == "PH"
    assert _named(places, text, "Laos").country == "LA"
    assert all(text[p.start:p.end] != "Philippine" for p in _places("A Philippine farm."))


def test_the_first_item_of_a_shared_head_and_a_bracketed_short_form() -> None:
    text = "Frogs are dying in the jungles of Central and South America."
    places = _places(text)
    # GeoNames' region Central America (L.RGN), not a division called "Central"
    assert (_named(places, text, "Central").name, _named(places, text, "Central").feature) == (
        "Central America", "L.RGN")
    assert _named(places, text, "South America").feature == "L.CONT"
    text = ("Horses were held in New South Wales (NSW) and in the Democratic Republic of Congo "
            "(DRC).")
    places = _places(text)
    assert _named(places, text, "NSW").name == "New South Wales"
    assert _named(places, text, "DRC").country == "CD"


# Round 8 (brief 13p): recognition errors of GeoVirus's dev half that are not the point
# convention; each test fails on the round's base (c58f82e)


def test_a_name_spacy_cut_short_is_completed_by_the_gazetteer() -> None:
    text = ("Five deaths from cholera were reported in the Zimbabwean provinces of Mashonaland "
            "West and Midlands this week.")
    # spaCy takes "Mashonaland" alone; the province is "Mashonaland West" (ZW, A.ADM1), and
    # the other province named is Midlands
    read = {text[p.start:p.end]: (p.country, p.feature) for p in _places(text)}
    assert read == {"Mashonaland West": ("ZW", "A.ADM1"), "Midlands": ("ZW", "A.ADM1")}


def test_a_place_entity_naming_an_institution_is_read_as_its_place() -> None:
    text = "Parents in California spoke at a meeting of the Santa Ana City Council on Tuesday."
    places = _places(text)
    # spaCy labels the council a GPE; its place is the city of Santa Ana, California, and the
    # council itself is no toponym (left unresolved before)
    city = _named(places, text, "Santa Ana")
    assert (city.country, city.admin1, city.precision) == ("US", "California", "city")
    assert all("Council" not in text[p.start:p.end] for p in places)


def test_a_village_is_a_populated_place() -> None:
    text = ("The village of Pongpong had the largest number of sick pigs, officials in the "
            "Philippines said.")
    # GeoNames files it as Pung-Pang (Davao region), an alternate spelling: "village of" says
    # it is a town, as "town of" does, so the small namesake of the text's country is credible
    village = _named(_places(text), text, "Pongpong")
    assert (village.country, village.admin1, village.name) == ("PH", "Davao", "Pung-Pang")


def test_a_state_abbreviation_is_the_state_again_where_spacy_reads_an_organisation() -> None:
    text = ("Horse movements were banned in New South Wales (NSW) on Monday. NSW and Queensland "
            "have extended their bans indefinitely.")
    places = _places(text)
    # the second "NSW" is spaCy's ORG
    assert [p.name for p in places if text[p.start:p.end] == "NSW"] == ["New South Wales"] * 2


def test_a_lower_case_word_is_no_toponym() -> None:
    # spaCy labels "swan" a GPE; the gazetteer knows the Swan, a Western Australian shire
    text = "Officials also report that the area where the swan has been found is being sealed off."
    assert _places(text) == []
