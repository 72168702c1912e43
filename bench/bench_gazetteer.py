"""Gazetteer lookup speed: ``python bench/bench_gazetteer.py`` prints the median time per name.

Lookups are uncached (the resolver caches repeated names); target: median <= 50 µs.

``--synthetic-extra N`` measures a copy of the gazetteer with N made-up supplementary rows
(``diurna.places.extra``; names built from syllables, points in the US, three alternate names
each) instead: the size and speed a GeoNames dump extract of that many rows would cost, before
one is shipped.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from diurna.places.extra import ExtraRow, insert_extra
from diurna.places.gazetteer import Gazetteer, ensure_gazetteer, load_gazetteer, name_key

NAMES = [
    "Syria", "Deir Ezzor", "Dayr az Zawr", "Tehran", "Kuwait", "Geneva", "Damascus", "Aleppo",
    "Homs", "Palmyra", "Raqqa", "Idlib", "Baghdad", "Mosul", "Kirkuk", "Erbil", "Beirut",
    "Amman", "Jerusalem", "Gaza", "Cairo", "Riyadh", "Sanaa", "Aden", "Kabul", "Kandahar",
    "Islamabad", "Karachi", "Moscow", "Kyiv", "Crimea", "Washington", "New York", "Houston",
    "West Palm Beach", "Mountain View", "Toronto", "London", "Paris", "Berlin", "Vienna",
    "Madrid", "Hanoi", "Beijing", "Inner Mongolia", "Yunnan", "Tibet", "Springfield",
    "Nowhereville", "Middle East",
    # issue 13: counties, small towns, news abbreviations ("W.Va." goes through abbreviation())
    "Boone County", "Kanawha County", "Henry County", "Edmonton", "Parkers Prairie", "Amboy",
    "Tennessee Colony", "Palestine", "Gainesville", "Alexandria",
]
ABBREVIATIONS = ["W.Va.", "Tenn.", "Ky.", "Calif.", "D.C."]


_SYLLABLES = ("ash", "bel", "cor", "dun", "el", "far", "gro", "hal", "ing", "ton", "ville",
              "wood", "mar", "ner", "os", "pen", "quin", "ros", "ster", "bury")
_KINDS = ("P.PPL", "P.PPL", "A.ADMD", "H.STM", "L.PRK", "P.PPLX", "T.ISL", "S.AIRP")


def synthetic_copy(rows: int, folder: Path) -> Gazetteer:
    """A copy of the gazetteer with ``rows`` made-up supplementary rows (seeded)."""
    rng = random.Random(13)
    path = folder / "gazetteer.sqlite"
    shutil.copy(ensure_gazetteer(), path)

    def name() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).title()

    made = (ExtraRow(90_000_000 + i, name(), rng.choice(_KINDS), "US", "NJ", "019",
                     rng.randint(0, 499), round(rng.uniform(25, 49), 5),
                     round(rng.uniform(-124, -67), 5), (name(), name(), name()))
            for i in range(rows))
    con = sqlite3.connect(path)
    insert_extra(con, made, name_key)
    con.commit()
    con.execute("VACUUM")
    con.close()
    return Gazetteer(path)


def main(rounds: int = 20, gaz: Gazetteer | None = None) -> None:
    gaz = gaz or load_gazetteer()
    gaz.lookup_uncached("warm-up")
    samples: list[float] = []
    for _ in range(rounds):
        for name in NAMES:
            t0 = time.perf_counter()
            gaz.lookup_uncached(name)
            samples.append(time.perf_counter() - t0)
        for abbr in ABBREVIATIONS:
            t0 = time.perf_counter()
            gaz.abbreviation(abbr)
            samples.append(time.perf_counter() - t0)
    med = statistics.median(samples) * 1e6
    p95 = statistics.quantiles(samples, n=20)[-1] * 1e6
    size = gaz.path.stat().st_size / 1e6
    print(f"gazetteer: {gaz.path} ({size:.1f} MB on disk)")
    print(f"lookups: {len(samples)}  median: {med:.1f} µs  p95: {p95:.1f} µs  (target <= 50 µs)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="gazetteer lookup speed and size")
    ap.add_argument("--synthetic-extra", type=int, default=0, metavar="N",
                    help="measure a copy with N made-up supplementary rows")
    n = ap.parse_args().synthetic_extra
    if n:
        with tempfile.TemporaryDirectory() as tmp:
            main(gaz=synthetic_copy(n, Path(tmp)))
    else:
        main()
