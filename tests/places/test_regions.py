"""Issue 13 (places, resolution): world regions and former country names (curated tables)."""

from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver, resolve
from diurna.places.curated import former_names, regions
from diurna.places.gazetteer import name_key
from diurna.places.ranker import haversine_km

# GeoNames' own entries (no-country.txt): Middle East 6269133 at 33.13906 N, 35.85869 E; Western
# Africa 7729885; Balkans 12216908; North Macedonia is 718075, Myanmar 1327865 (geonames.org)
MIDDLE_EAST, WEST_AFRICA, BALKANS = 6269133, 7729885, 12216908
OUTBREAK = ("The virus has spread from West Africa to the Middle East, and two cases were "
            "confirmed in the Balkans and in Macedonia, health officials in Burma said.")
OHIO = "Firefighters from Hudson and Macedonia, Ohio, fought the blaze near Akron."


def _given(text: str, names: list[str]) -> list[Place]:
    doc = Language()(Document(id="t", source="t", text=text, language="en"))
    return PlaceResolver().resolve_spans(doc, [(text.index(n), text.index(n) + len(n))
                                              for n in names])


def test_a_region_resolves_to_geonames_region_not_a_same_named_town() -> None:
    top = resolve("Middle East")[0]
    assert (top.geonameid, top.feature, top.chosen) == (MIDDLE_EAST, "L.RGN", True)
    assert top.lat is not None and top.lon is not None
    assert haversine_km(top.lat, top.lon, 33.13906, 35.85869) < 1
    # the US town of that name is still a reading, ranked below
    assert any(c.country == "US" and not c.chosen for c in resolve("Middle East"))


def test_regions_and_former_names_in_a_world_story() -> None:
    places = _given(OUTBREAK, ["West Africa", "Middle East", "Balkans", "Macedonia", "Burma"])
    got = [(p.geonameid, p.country) for p in places]
    assert got[:3] == [(WEST_AFRICA, None), (MIDDLE_EAST, None), (BALKANS, None)]
    assert [p.country for p in places[3:]] == ["MK", "MM"]
    assert all(p.precision == "country" for p in places[3:])


def test_a_town_the_text_places_keeps_its_former_country_name() -> None:
    (place,) = _given(OHIO, ["Macedonia"])
    assert (place.country, place.admin1, place.precision) == ("US", "Ohio", "city")


def test_the_curated_tables_name_known_places_once() -> None:
    gaz = PlaceResolver().gazetteer
    owners: dict[str, set[object]] = {}
    for r in regions():
        for n in r.names:
            owners.setdefault(name_key(n), set()).add(r.geonameid)
    for n, cc in former_names():
        owners.setdefault(name_key(n), set()).add(cc)
    assert [k for k, v in owners.items() if len(v) > 1] == [], "a name given to two places"
    for r in regions():
        entry = gaz.get(r.geonameid)
        assert entry is not None and (entry.lat, entry.lon) == (r.lat, r.lon), r.name
        assert all(any(e.geonameid == r.geonameid and e.primary for e in gaz.lookup(n))
                   for n in r.names), r.name
    for name, cc in former_names():
        country = gaz.country(cc)
        assert country is not None, cc
        assert any(e.geonameid == country.geonameid and e.primary for e in gaz.lookup(name))


def test_words_before_a_name_inside_an_entity_are_not_part_of_it() -> None:
    # spaCy takes "Eastern China", "City of Santa Ana" and "Central and South America" whole;
    # none is a gazetteer name, the rest of each is
    text = ("Eastern China saw many cases. Officials of the City of Santa Ana, California met. "
            "Many species live in Central and South America.")
    doc = Language()(Document(id="t", source="t", text=text, language="en"))
    got = {p.text: p for p in PlaceResolver().resolve(doc)}
    assert got["China"].country == "CN" and got["China"].qualifier == "eastern"
    assert (got["Santa Ana"].admin1, got["Santa Ana"].precision) == ("California", "city")
    assert got["South America"].geonameid == 6255150  # GeoNames' continent


def test_a_name_listed_between_states_is_the_state() -> None:
    text = ("Cases were reported in Oregon, Texas, Utah, Virginia, Washington, West Virginia and "
            "Wyoming, the agency said.")
    doc = Language()(Document(id="t", source="t", text=text, language="en"))
    (wa,) = [p for p in PlaceResolver().resolve(doc) if p.text == "Washington"]
    assert (wa.precision, wa.admin1) == ("admin1", "Washington")
    names = ["Oregon", "Texas", "Utah", "Virginia", "Washington", "West Virginia", "Wyoming"]
    assert all(p.precision == "admin1" for p in _given(text, names))


def test_short_country_names_and_continent_adjectives() -> None:
    # "U.S." and "UK" share their keys with Us (France) and Uk (Russia), villages by their main
    # names; the country is the reading
    assert (resolve("U.S.")[0].country, resolve("U.S.")[0].feature) == ("US", "A.PCLI")
    assert (resolve("UK")[0].country, resolve("UK")[0].feature) == ("GB", "A.PCLI")
    # given as a toponym (as LGL annotates it), a continent's adjective stands for the continent
    text = "European leaders met in Brussels with African envoys."
    europe, africa = _given(text, ["European", "African"])
    assert (europe.geonameid, africa.geonameid) == (6255148, 6255146)
