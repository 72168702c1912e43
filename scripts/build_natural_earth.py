"""Derive the gazetteer's Natural Earth files (src/diurna/places/sources/*.tsv).

Source: Natural Earth vector data (public domain, naturalearthdata.com) as GeoJSON in the public
repository martynafford/natural-earth-geojson (CC0; 7z archives extracted by hand first). Run once
by hand; the two outputs are in the repository:

    python scripts/build_natural_earth.py FOLDER

FOLDER holds the extracted files:
- 50m/cultural/ne_50m_admin_1_states_provinces_lakes.json: the states and provinces of the US,
  Canada, Australia and Brazil with their GeoNames id (``gn_id``) and a middle point
  (``latitude``/``longitude``) -> ``ne_admin1_points.tsv`` (geonameid, lat, lon);
- 10m/physical: geography_regions_polys (islands, ranges, deserts, peninsulas, plateaus...),
  geography_regions_points (islands, capes), geography_regions_elevation_points (mountains),
  geography_marine_polys (seas, gulfs, bays, straits), lakes, rivers_lake_centerlines
  -> ``natural_earth_features.tsv`` (name, GeoNames-style feature code, lat, lon, scalerank).

A polygon's point is the area centroid of its largest part; a river's is the middle vertex of
its longest line (GeoNames puts a stream at its mouth: a river's point is only indicative).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from diurna.places.points import ring_centroid

OUT = Path(__file__).resolve().parent.parent / "src/diurna/places/sources"

# Natural Earth "featurecla" -> GeoNames feature class.code (None: not kept)
FEATURES: dict[str, str | None] = {
    # regions (polygons and points)
    "island": "T.ISL", "island group": "T.ISLS", "range/mtn": "T.MTS", "plateau": "T.PLAT",
    "desert": "T.DSRT", "pen/cape": "T.PEN", "peninsula": "T.PEN", "geoarea": "L.RGN",
    "coast": "L.CST", "plain": "T.PLN", "delta": "T.DLTA", "basin": "T.BSNU", "valley": "T.VAL",
    "lowland": "T.LWL", "tundra": "L.RGN", "isthmus": "T.ISTH", "wetlands": "H.WTLD",
    "gorge": "T.GRGE", "foothills": "T.HLLS", "depression": "T.DPR", "cape": "T.CAPE",
    "waterfall": "H.FLLS", "mountain": "T.MT", "pass": "T.PASS",
    # water
    "sea": "H.SEA", "gulf": "H.GULF", "bay": "H.BAY", "strait": "H.STRT", "sound": "H.SD",
    "channel": "H.CHN", "generic": "H.SEA", "lagoon": "H.LGN", "fjord": "H.FJD",
    "ocean": "H.OCN", "river": "H.STM", "reef": "H.RF", "inlet": "H.INLT",
    "lake": "H.LK", "alkaline lake": "H.LK", "reservoir": "H.RSV",
    # not kept: continents (the gazetteer has them), poles, spot heights, lake centre lines
    "continent": None, "pole": None, "spot elevation": None, "lake centerline": None,
    "dragons-be-here": None,
}


def _title(name: str) -> str:
    """"GREAT RIFT VALLEY" -> "Great Rift Valley" (names in capitals are title-cased)."""
    return name.title() if name.isupper() else name


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area weighted by cos(latitude), lat, lon) of a ring: larger rings win by real size."""
    area, lat, lon = ring_centroid(ring)
    return area * math.cos(math.radians(lat)), lat, lon


def _point(geometry: dict) -> tuple[float, float] | None:
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if not coords:
        return None
    if kind == "Point":
        return coords[1], coords[0]
    if kind in ("Polygon", "MultiPolygon"):
        rings = [coords[0]] if kind == "Polygon" else [poly[0] for poly in coords]
        area, lat, lon = max((_ring_centroid(r) for r in rings if len(r) >= 4),
                             default=(0.0, 0.0, 0.0))
        return (lat, lon) if area else None
    if kind in ("LineString", "MultiLineString"):
        lines = [coords] if kind == "LineString" else coords
        line = max(lines, key=len)
        mid = line[len(line) // 2]
        return mid[1], mid[0]
    return None


def features(folder: Path) -> list[tuple[str, str, float, float, int]]:
    files = [
        "10m/physical/ne_10m_geography_regions_polys.json",
        "10m/physical/ne_10m_geography_regions_points.json",
        "10m/physical/ne_10m_geography_regions_elevation_points.json",
        "10m/physical/ne_10m_geography_marine_polys.json",
        "10m/physical/ne_10m_lakes.json",
        "10m/physical/ne_10m_rivers_lake_centerlines.json",
    ]
    best: dict[tuple[str, str], tuple[int, float, float]] = {}
    for name in files:
        for f in json.loads((folder / name).read_text(encoding="utf-8"))["features"]:
            props = f["properties"]
            label = (props.get("name_en") or props.get("name") or "").strip()
            code = FEATURES.get((props.get("featurecla") or "").strip().lower())
            point = _point(f.get("geometry") or {})
            if not label or code is None or point is None:
                continue
            rank = int(props.get("scalerank") or 10)
            key = (_title(label), code)
            if key not in best or rank < best[key][0]:  # keep the most prominent of a name
                best[key] = (rank, round(point[0], 4), round(point[1], 4))
    return sorted((n, c, lat, lon, r) for (n, c), (r, lat, lon) in best.items())


def admin1_points(folder: Path) -> list[tuple[int, float, float]]:
    path = folder / "50m/cultural/ne_50m_admin_1_states_provinces_lakes.json"
    out = []
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        if p.get("gn_id") and p.get("latitude") is not None and p.get("longitude") is not None:
            out.append((int(p["gn_id"]), round(float(p["latitude"]), 4),
                        round(float(p["longitude"]), 4)))
    return sorted(set(out))


def main(folder: str) -> None:
    root = Path(folder)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = features(root)
    with (OUT / "natural_earth_features.tsv").open("w", encoding="utf-8") as fh:
        fh.write("name\tfeature\tlat\tlon\tscalerank\n")
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")
    pts = admin1_points(root)
    with (OUT / "ne_admin1_points.tsv").open("w", encoding="utf-8") as fh:
        fh.write("geonameid\tlat\tlon\n")
        for r in pts:
            fh.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows)} features, {len(pts)} division points -> {OUT}")


def cli(argv: list[str]) -> None:
    """``FOLDER`` from the command line; ``--help`` prints the usage (it was read as the
    folder before)."""
    parser = argparse.ArgumentParser(
        prog="python scripts/build_natural_earth.py",
        description="Write the gazetteer's Natural Earth files (ne_admin1_points.tsv, "
                    "natural_earth_features.tsv) from the extracted GeoJSON in FOLDER (see the "
                    "script's docstring for the files it reads).")
    parser.add_argument("folder", metavar="FOLDER")
    main(parser.parse_args(argv).folder)


if __name__ == "__main__":
    cli(sys.argv[1:])
