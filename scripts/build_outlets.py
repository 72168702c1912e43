"""Build ``src/diurna/places/sources/outlets.tsv``: where US local news outlets are, by web domain.

``python scripts/build_outlets.py usa_2016_2024_pu5e.json.gz [--out PATH]``

The input is the 3DLNews list of US local news outlets (newspapers, TV, radio, broadcasters:
name, website, state, city or county and its point), file ``resources/usa_2016_2024_pu5e.json.gz``
of the public repository ``wm-newslab/3DLNews`` (MIT licence, William & Mary, 2024), brought
with the search tool's ``fetch``. Run once by hand; the output is committed.

Each website's host (lower case, without ``www.``) becomes one row: domain, first-level
division (GeoNames admin1 code: ``US.`` and the postal code of the state), the outlet's city or
county, and its point. A domain listed in two or more states (a chain's shared site) is left
out, since it says nothing of where a story is; a domain listed at two or more points of one
state keeps its state and no point. The rows are sorted, so the file is byte-stable.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from diurna.places.outlets import domain_of

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src/diurna/places/sources/outlets.tsv"
HEADER = "# domain\tadmin1_code\tcity\tlat\tlon\n"


def rows(data: dict[str, dict[str, list[dict[str, object]]]]) -> list[tuple[str, ...]]:
    """One row per domain whose outlets all lie in one state (see the module docstring)."""
    seen: dict[str, set[tuple[str, str, float, float]]] = {}
    for state, classes in data.items():
        for outlets in classes.values():
            for o in outlets:
                h = domain_of(str(o.get("website") or ""))
                lat, lon = o.get("city-county-lat"), o.get("city-county-long")
                if not h or "." not in h or not isinstance(lat, (int, float)) or not isinstance(
                        lon, (int, float)):
                    continue
                place = str(o.get("city-county-name") or "").replace("\t", " ").strip()
                seen.setdefault(h, set()).add((state.upper(), place, round(float(lat), 4),
                                               round(float(lon), 4)))
    out = []
    for h, where in sorted(seen.items()):
        states = {w[0] for w in where}
        if len(states) != 1:
            continue
        state = states.pop()
        points = {(w[1], w[2], w[3]) for w in where}
        if len(points) == 1:
            city, lat, lon = points.pop()
            out.append((h, f"US.{state}", city, f"{lat:.4f}", f"{lon:.4f}"))
        else:
            out.append((h, f"US.{state}", "", "", ""))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/build_outlets.py",
                                     description="Build places/sources/outlets.tsv from 3DLNews.")
    parser.add_argument("source", type=Path, help="usa_2016_2024_pu5e.json(.gz) of 3DLNews")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        opener = gzip.open if args.source.suffix == ".gz" else open
        with opener(args.source, "rt", encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as exc:
        print(f"cannot read {args.source} ({exc}): give the 3DLNews outlets file "
              "(resources/usa_2016_2024_pu5e.json.gz)", file=sys.stderr)
        return 2
    table = rows(data)
    args.out.write_text(HEADER + "".join("\t".join(r) + "\n" for r in table), encoding="utf-8")
    print(f"wrote {args.out}: {len(table)} domains")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
