from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver


def _at(doc: Document, needle: str, name: str | None = None) -> Place:
    """The place called ``name`` (default: the needle) inside the first ``needle``."""
    pos = doc.text.index(needle) + (needle.index(name) if name else 0)
    return next(p for p in doc.places if p.start <= pos < p.end)


def test_every_place_span_is_provenanced(seed_doc: Document) -> None:
    assert seed_doc.places
    for p in seed_doc.places:
        assert seed_doc.text[p.start:p.end] == p.text


def test_seed_page_toponyms(seed_doc: Document) -> None:
    assert _at(seed_doc, "Tehran").geonameid == 112931
    assert _at(seed_doc, "Kuwait").geonameid == 285570  # the country
    assert _at(seed_doc, "Geneva").geonameid == 2660646  # Switzerland, not Geneva (Illinois)
    syria = _at(seed_doc, "Syria")
    assert syria.geonameid == 163843 and syria.precision == "country"


def test_deir_ezzor_city_and_governorate_distinguished(seed_doc: Document) -> None:
    city = _at(seed_doc, "Deir Ezzor city", "Deir Ezzor")
    assert city.geonameid == 170794 and city.precision == "city"
    countryside = _at(seed_doc, "eastern Deir Ezzor countryside", "Deir Ezzor")
    assert countryside.text == "Deir Ezzor"
    assert countryside.geonameid == 170792 and countryside.precision == "admin1"
    assert countryside.qualifier == "eastern countryside"
    governorate = _at(seed_doc, "Deir Ezzor governorate", "Deir Ezzor")
    assert governorate.geonameid == 170792


def test_demonyms_are_not_places_and_a_region_is_geonames_region(seed_doc: Document) -> None:
    assert not any(p.text.startswith("Iranian") for p in seed_doc.places)
    # GeoNames' own region entry (no-country.txt: L.RGN 6269133), not a US town of that name
    middle_east = _at(seed_doc, "Middle East")
    assert (middle_east.geonameid, middle_east.feature) == (6269133, "L.RGN")


def test_attack_is_placed_where_it_happened(seed_doc: Document) -> None:
    attack = next(e for e in seed_doc.events if e.type == "ASSAULT")
    assert attack.place is not None
    assert attack.place.text == "Deir Ezzor" and attack.place.geonameid == 170792


def test_call_is_placed_where_the_speaker_spoke(seed_doc: Document) -> None:
    demand = next(e for e in seed_doc.events if e.type == "DEMAND")
    assert demand.place is not None
    assert demand.place.text == "Tehran" and demand.place.geonameid == 112931


def test_context_picks_among_same_named_places() -> None:
    text = ("Fighting continued in Homs province on Monday. Syrian troops shelled villages "
            "near Palmyra, while officials in Damascus said aid convoys would resume.")
    doc = Language()(Document(id="t", source="t", text=text))
    PlaceResolver()(doc)
    damascus = next(p for p in doc.places if p.text == "Damascus")
    assert damascus.country == "SY"
    homs = next(p for p in doc.places if p.text == "Homs")
    assert homs.precision == "admin1" and homs.country == "SY"


def test_city_state_listing_resolves_state_codes() -> None:
    text = "The tour opens June 9 in West Palm Beach, FL and closes in Mansfield, MA."
    doc = Language()(Document(id="t", source="t", text=text))
    PlaceResolver()(doc)
    by_text = {p.text: p for p in doc.places}
    assert by_text["FL"].geonameid == 4155751  # Florida
    assert by_text["MA"].name is not None and by_text["MA"].country == "US"  # not Morocco
    assert by_text["Mansfield"].admin1 == by_text["MA"].name


def test_empty_and_non_english_documents_pass_through() -> None:
    doc = PlaceResolver()(Document(id="e", source="e", text=""))
    assert doc.places == []
    fr = PlaceResolver()(Document(id="f", source="f", text="Paris est belle.", language="fr"))
    assert fr.places == [] and fr.skipped


def test_list_of_states_is_not_a_town_in_a_state() -> None:
    """"Oklahoma, Pennsylvania, Wisconsin": the states, not Oklahoma, Pa. (a town of 786)."""
    text = ("The disorder has been found in a diverse group of states including Georgia, "
            "Oklahoma, Pennsylvania, Wisconsin and California, US officials said.")
    doc = Language()(Document(id="t", source="t", text=text))
    PlaceResolver()(doc)
    by_text = {p.text: p for p in doc.places}
    assert by_text["Oklahoma"].geonameid == 4544379  # the state
    assert by_text["Pennsylvania"].precision == "admin1"


def test_town_in_a_state_before_a_list_of_towns_is_kept() -> None:
    """"Washington, Pa., and Dallas": Dallas is a town, so Washington is the town in Pa."""
    text = "The team played in Washington, Pa., and Dallas last week."
    doc = Language()(Document(id="t", source="t", text=text))
    PlaceResolver()(doc)
    by_text = {p.text: p for p in doc.places}
    assert by_text["Washington"].admin1 == "Pennsylvania"


def test_a_name_once_called_a_state_is_the_state_where_it_stands_bare() -> None:
    """"New York state ... died in New York": the state both times, not New York City."""
    text = ("Governor David Paterson declared a state of emergency across New York state on "
            "Sunday. Health officials said 75 people have died in New York since April.")
    doc = Language()(Document(id="t", source="t", text=text))
    PlaceResolver()(doc)
    bare = _at(doc, "in New York since", "New York")
    assert bare.precision == "admin1" and bare.geonameid == 5128638  # New York State

