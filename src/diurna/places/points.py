"""Representative points for countries and divisions, for the gazetteer build.

GeoNames gives every country and division its own point (roughly the middle of its area); the
data packages Diurna builds from ship no such points, only the coordinates of towns. The median
of the towns leans to where people live (the United States' lands in Indiana, Ontario's near
Toronto), which fails the usual 161 km test on a right answer. Two better estimates, both from
data already installed:

- a country: the area centroid of its largest polygon in the Natural Earth 1:110m outlines the
  web page draws (``diurna/api/static/countries.json``, public domain), when that polygon holds
  three quarters of the country's area and the centroid lies inside it (archipelagos and
  crescent-shaped countries keep their older point);
- a division: the middle of the extent of its towns, trimmed of the outermost 2 % each way when
  it has 20 towns or more (an outlying island does not drag it).

Both cope with the antimeridian (Fiji, Chukotka, the Aleutians).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

_OUTLINES = Path(__file__).resolve().parent.parent / "api" / "static" / "countries.json"

# Natural Earth's short names that no GeoNames country name or alias matches
_NE_ISO = {
    "Bosnia and Herz.": "BA", "Central African Rep.": "CF", "Dem. Rep. Congo": "CD",
    "Dominican Rep.": "DO", "Eq. Guinea": "GQ", "Falkland Is.": "FK", "S. Sudan": "SS",
    "Solomon Is.": "SB", "W. Sahara": "EH", "Fr. S. Antarctic Lands": "TF", "Congo": "CG",
    "eSwatini": "SZ", "Macedonia": "MK", "Czechia": "CZ", "Timor-Leste": "TL",
    "United States of America": "US", "Côte d'Ivoire": "CI", "Palestine": "PS",
    "Kosovo": "XK",
}
# an archipelago (Indonesia, the Philippines, New Zealand) has no one middle: a country's
# outline centroid is used only when its largest polygon holds this share of its area
MAIN_SHARE = 0.75
_NOT_COUNTRIES = {"N. Cyprus", "Somaliland", "Antarctica"}


def _unwrap(lons: Sequence[float]) -> list[float]:
    """Longitudes shifted to 0..360 when the set spans the antimeridian (else unchanged)."""
    if max(lons) - min(lons) > 180:
        return [x + 360 if x < 0 else x for x in lons]
    return list(lons)


def _wrap(lon: float) -> float:
    return lon - 360 if lon > 180 else lon


def ring_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a closed ring of [lon, lat] points (planar shoelace formula)."""
    xs = _unwrap([p[0] for p in ring])
    ys = [p[1] for p in ring]
    a = cx = cy = 0.0
    for i in range(len(xs) - 1):
        f = xs[i] * ys[i + 1] - xs[i + 1] * ys[i]
        a += f
        cx += (xs[i] + xs[i + 1]) * f
        cy += (ys[i] + ys[i + 1]) * f
    if abs(a) < 1e-12:
        return 0.0, ys[0], xs[0]
    a /= 2
    return abs(a), cy / (6 * a), _wrap(cx / (6 * a))


def inside(lat: float, lon: float, ring: Sequence[Sequence[float]]) -> bool:
    """Is the point inside the ring? (even-odd rule, longitudes unwrapped like the ring's)"""
    xs = _unwrap([p[0] for p in ring])
    if max(xs) > 180 and lon < 0:
        lon += 360
    ys = [p[1] for p in ring]
    hit = False
    for i in range(len(xs) - 1):
        if (ys[i] > lat) != (ys[i + 1] > lat):
            x = xs[i] + (lat - ys[i]) * (xs[i + 1] - xs[i]) / (ys[i + 1] - ys[i])
            if lon < x:
                hit = not hit
    return hit


def country_points(iso_of: Callable[[str], str | None],
                   path: Path = _OUTLINES) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 → the centroid of the country's largest polygon in the outline file.

    ``iso_of`` maps a country name to its ISO code (the gazetteer's own names and aliases);
    names it does not know use the small table of Natural Earth abbreviations above.
    """
    try:
        outlines = json.loads(path.read_text(encoding="utf-8"))["countries"]
    except (OSError, ValueError, KeyError):
        log.warning("no country outlines at %s: countries keep their older points", path)
        return {}
    out: dict[str, tuple[float, float]] = {}
    for country in outlines:
        name = country.get("name", "")
        if name in _NOT_COUNTRIES:
            continue
        iso = _NE_ISO.get(name) or iso_of(name)
        rings = [r for r in country.get("rings", []) if len(r) >= 4]
        if not iso or not rings:
            continue
        parts = [(ring_centroid(r), r) for r in rings]
        weights = [a * math.cos(math.radians(la)) for (a, la, _), _ in parts]
        i = max(range(len(parts)), key=lambda j: weights[j])
        (_, lat, lon), best = parts[i]
        if weights[i] >= MAIN_SHARE * sum(weights) and inside(lat, lon, best):
            out[iso] = (round(lat, 4), round(lon, 4))
    return out


def _trimmed_range(values: list[float], trim: float) -> tuple[float, float]:
    values = sorted(values)
    k = int(len(values) * trim) if len(values) >= 20 else 0
    return values[k], values[len(values) - 1 - k]


def extent_middle(points: Iterable[tuple[float, float]],
                  trim: float = 0.02) -> tuple[float | None, float | None]:
    """The middle of the (trimmed) extent of a division's towns: (lat, lon), or (None, None)."""
    pts = list(points)
    if not pts:
        return None, None
    lats = [p[0] for p in pts]
    lons = _unwrap([p[1] for p in pts])
    lo_lat, hi_lat = _trimmed_range(lats, trim)
    lo_lon, hi_lon = _trimmed_range(lons, trim)
    return round((lo_lat + hi_lat) / 2, 5), round(_wrap((lo_lon + hi_lon) / 2), 5)


_SOURCES = Path(__file__).resolve().parent / "sources"


def source_rows(name: str) -> list[list[str]]:
    """The rows of a file in ``sources/`` (its first line, a header, and ``#`` comment lines
    skipped)."""
    path = _SOURCES / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
    except OSError:
        log.warning("%s is missing: read as empty (places are found without it)", path)
        return []
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def natural_earth_admin1_points() -> dict[int, tuple[float, float]]:
    """GeoNames id → the middle point Natural Earth gives the state or province (US, Canada,
    Australia and Brazil: ``sources/ne_admin1_points.tsv``)."""
    return {int(r[0]): (float(r[1]), float(r[2])) for r in source_rows("ne_admin1_points.tsv")}


def geonames_points() -> dict[int, tuple[float, float]]:
    """GeoNames id → GeoNames' own point for a country or a first- or second-level division
    (``sources/geonames_points.tsv``; see its README for where it comes from)."""
    return {int(r[0]): (float(r[1]), float(r[2])) for r in source_rows("geonames_points.tsv")}


def natural_earth_features() -> list[tuple[str, str, float, float]]:
    """(name, GeoNames-style feature code, lat, lon) of Natural Earth's named seas, lakes,
    rivers, islands, ranges, deserts... (``sources/natural_earth_features.tsv``)."""
    return [(r[0], r[1], float(r[2]), float(r[3]))
            for r in source_rows("natural_earth_features.tsv")]
