"""Representative points of countries and divisions (diurna.places.points)."""

from __future__ import annotations

import math
from pathlib import Path

from diurna.places.points import extent_middle, inside, ring_centroid


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_square_centroid_is_its_middle() -> None:
    ring = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]]
    area, lat, lon = ring_centroid(ring)
    assert area == 100.0 and (lat, lon) == (5.0, 5.0)
    assert inside(5.0, 5.0, ring) and not inside(15.0, 5.0, ring)


def test_ring_across_the_antimeridian() -> None:
    # a box from 178 E to 178 W: its middle is on the date line, not at 0 degrees
    ring = [[178.0, -18.0], [-178.0, -18.0], [-178.0, -16.0], [178.0, -16.0], [178.0, -18.0]]
    _, lat, lon = ring_centroid(ring)
    assert lat == -17.0 and abs(abs(lon) - 180.0) < 1e-9
    assert inside(-17.0, 179.5, ring) and inside(-17.0, -179.5, ring)


def test_extent_middle_ignores_an_outlying_island() -> None:
    towns = [(30.0 + i / 10, -100.0 + i / 10) for i in range(50)]
    towns.append((10.0, -60.0))  # one far-off island town
    lat, lon = extent_middle(towns)
    assert lat is not None and lon is not None
    assert abs(lat - 32.4) < 0.3 and abs(lon + 97.6) < 0.3
    assert extent_middle([]) == (None, None)


def test_gazetteer_country_and_state_points_near_their_middle() -> None:
    from diurna.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    us = gaz.country("US")
    texas = next(e for e in gaz.lookup("Texas") if e.is_admin1)
    assert us is not None and us.lat is not None and us.lon is not None
    assert texas.lat is not None and texas.lon is not None
    # the geographic centre of the contiguous US is near Lebanon, Kansas (39.83 N, 98.58 W);
    # the median of US towns was in Indiana, ~900 km away
    assert _km((us.lat, us.lon), (39.83, -98.58)) < 161
    # Texas' middle is near Brady (31.1 N, 99.3 W), not in the populous east
    assert _km((texas.lat, texas.lon), (31.1, -99.3)) < 161


def test_a_state_name_is_the_state_not_a_small_town_of_that_name() -> None:
    from diurna.places import resolve

    text = ("Cases were reported in California, Oregon and Idaho, and in Pennsylvania towns "
            "such as Pittsburgh and Erie.")
    chosen = [c for c in resolve("California", context=text) if c.chosen]
    assert chosen and chosen[0].feature == "A.ADM1" and chosen[0].country == "US"


def test_abbreviation_and_congo_without_the() -> None:
    from diurna.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    nsw = gaz.abbreviation("NSW")
    assert nsw is not None and nsw.name == "New South Wales"
    assert any(e.country == "CD" and e.is_country
               for e in gaz.lookup("Democratic Republic of Congo"))


def test_physical_features_resolve_without_a_geonames_id() -> None:
    from diurna.language import Language
    from diurna.model import Document
    from diurna.places.resolver import PlaceResolver

    text = ("Fishermen who live along the shores of Lake Titicaca in Peru reported the illness "
            "to the health ministry on Monday.")
    doc = PlaceResolver()(Language()(Document(id="t", source="t", text=text)))
    lake = [p for p in doc.places if "Titicaca" in p.text]
    assert len(lake) == 1
    p = lake[0]
    assert p.geonameid is None and p.feature == "H.LK" and p.precision == "point"
    assert p.lat is not None and p.lon is not None
    assert _km((p.lat, p.lon), (-15.8, -69.4)) < 50  # the lake, between Peru and Bolivia


def test_natural_earth_state_points_replace_town_extents() -> None:
    from diurna.places.gazetteer import load_gazetteer

    qld = load_gazetteer().get(2152274)  # Queensland
    assert qld is not None and qld.lat is not None and qld.lon is not None
    # Natural Earth's point lies inland (about 23 S, 145 E), not at Brisbane (27.5 S, 153 E)
    assert _km((qld.lat, qld.lon), (-27.47, 153.03)) > 500


def test_america_and_republic_names() -> None:
    from diurna.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert any(e.is_country and e.country == "US" for e in gaz.lookup("America"))
    # GeoNames writes "Dagestan, Respublika": news writes "Dagestan"
    assert any(e.is_admin1 and e.country == "RU" for e in gaz.lookup("Dagestan"))


def test_resolve_gives_no_geonames_id_to_a_natural_earth_feature() -> None:
    from diurna.places import resolve

    best = resolve("Lake Titicaca")[0]
    assert best.chosen and best.geonameid is None and best.feature == "H.LK"


def test_la_with_dots_is_los_angeles_not_laos() -> None:
    from diurna.places.gazetteer import load_gazetteer

    la = load_gazetteer().abbreviation("L.A.")
    assert la is not None and la.name == "Los Angeles" and la.country == "US"


def test_countries_and_divisions_carry_geonames_own_points() -> None:
    from diurna.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    # GeoNames' own points (geonames.org/6252001, /2635167, /4155751), not estimates
    for gid, point in ((6252001, (39.76, -98.5)), (2635167, (54.75844, -2.69531)),
                       (4155751, (28.75054, -82.5001))):
        entry = gaz.get(gid)
        assert entry is not None and (entry.lat, entry.lon) == point


def test_export_gives_the_united_states_geonames_own_point(tmp_path: Path) -> None:
    import csv

    from diurna.language import Language
    from diurna.model import Document, Event
    from diurna.places.resolver import PlaceResolver
    from diurna.store import Store, export_events

    text = "Protesters marched in the United States on Monday."
    doc = PlaceResolver()(Language()(Document(id="us", source="us.txt", text=text)))
    (us,) = [p for p in doc.places if p.text == "United States"]
    trig = text.index("marched")
    doc.events.append(Event(id="us:0", type="PROTEST", trigger=doc.span(trig, trig + 7),
                            sentence=doc.span(0, len(text)), place=us))
    with Store(tmp_path / "t.db") as store:
        store.save(doc)
        export_events(store, tmp_path / "e.csv")
        export_events(store, tmp_path / "p.csv", columns="polecat")
    (row,) = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert row["place_geonameid"] == "6252001"
    assert (float(row["place_lat"]), float(row["place_lon"])) == (39.76, -98.5)
    (pol,) = list(csv.DictReader((tmp_path / "p.csv").open()))
    assert (float(pol["Latitude"]), float(pol["Longitude"])) == (39.76, -98.5)
