"""Gazetteer lookup speed: ``python bench/bench_gazetteer.py`` prints the median time per name.

Lookups are uncached (the resolver caches repeated names); target: median <= 50 µs.
"""

from __future__ import annotations

import statistics
import time

from diurna.places.gazetteer import load_gazetteer

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


def main(rounds: int = 20) -> None:
    gaz = load_gazetteer()
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
    main()
