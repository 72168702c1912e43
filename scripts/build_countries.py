"""Derive the web page's country outlines (src/diurna/api/static/countries.json).

Source: Natural Earth 1:110m admin-0 countries (public domain), as packaged in TopoJSON by the
npm package world-atlas 2.0.2 (`npm pack world-atlas@2.0.2`, file countries-110m.json). This
decodes the TopoJSON arcs into plain rings of [lon, lat] rounded to 0.01 degree and writes one
small JSON file the page draws with no library. Run once by hand; the output is in the repository:

    python scripts/build_countries.py package/countries-110m.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/diurna/api/static/countries.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute [lon, lat] points of every arc (TopoJSON arcs are quantised and delta-coded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share an end point
    out: list[list[float]] = []
    for p in points:
        if not out or out[-1] != list(p):
            out.append(list(p))
    return out


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text())
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        rings = [ring(r, arcs) for poly in polys for r in poly]
        countries.append({"name": geom["properties"]["name"], "rings": rings})
    source = "Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2"
    OUT.write_text(json.dumps({"source": source, "countries": countries}, separators=(",", ":")))
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size // 1024} KiB")


def cli(argv: list[str]) -> None:
    """``PATH`` from the command line; ``--help`` prints the usage (it was read as the path
    before)."""
    parser = argparse.ArgumentParser(
        prog="python scripts/build_countries.py",
        description=f"Write the web page's country outlines ({OUT.name}) from world-atlas "
                    "2.0.2's countries-110m.json (TopoJSON).")
    parser.add_argument("path", metavar="package/countries-110m.json")
    main(parser.parse_args(argv).path)


if __name__ == "__main__":
    cli(sys.argv[1:])
