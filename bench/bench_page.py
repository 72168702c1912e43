"""Speed and peak memory of the page stage vs trafilatura alone on the article-body dev pages.

    /tmp/venv/bin/python bench/bench_page.py [--repeat 3]

Each system reads every page (already decompressed, in memory) ``repeat`` times; the best run is
reported as pages/second. Peak memory is the tracemalloc peak of one extra pass (Python
allocations, including lxml's Python objects but not libxml2's C heap) and the process's
ru_maxrss after the runs. Also prints the slowest page of the page stage, and the slowest of a
set of hostile inputs (the per-page time bound documented in docs/page.md).
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable

import trafilatura

from diurna.evaluate.body import load_gold
from diurna.evaluate.gold import shared_dir
from diurna.model import Rejected
from diurna.page import RawInput, read_page


def page_stage(html: bytes) -> object:
    try:
        return read_page(RawInput("bench", html))
    except Rejected as err:
        return err


def trafilatura_alone(html: bytes) -> object:
    return trafilatura.extract(html)


def timed(fn: Callable[[bytes], object], pages: list[bytes], repeat: int) -> tuple[float, float]:
    best, slowest = float("inf"), 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        for html in pages:
            t0 = time.perf_counter()
            fn(html)
            slowest = max(slowest, time.perf_counter() - t0)
        best = min(best, time.perf_counter() - start)
    return best, slowest


def peak_mib(fn: Callable[[bytes], object], pages: list[bytes]) -> float:
    tracemalloc.start()
    for html in pages:
        fn(html)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def hostile_inputs() -> list[bytes]:
    import os

    nested = "<html><body>" + "<div>" * 100_000 + "<p>x</p>" + "</div>" * 100_000
    wide = "<html><body>" + "<p>word " * 99_000 + "</body></html>"  # just under MAX_ELEMENTS
    prose = "<html><body>" + "<p>" + "A sentence of news text. " * 400 + "</p>" * 1
    return [os.urandom(1 << 20), b"\x80\x81" * 500_000, nested.encode(), wide.encode(),
            b"<p>" * 300_000, (prose * 2000).encode(),
            ("  \u2022 name\n    text\n" * 50_000).encode()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = [html for _, _, html in load_gold(shared_dir() / "gold" / "article-body")]
    for fn in (page_stage, trafilatura_alone):  # warm caches and lazy imports
        fn(pages[0])
    results = {}
    for name, fn in (("trafilatura", trafilatura_alone), ("page stage", page_stage)):
        seconds, slowest = timed(fn, pages, args.repeat)
        results[name] = seconds
        print(f"{name:<12} {len(pages) / seconds:7.1f} pages/s  {seconds:6.2f} s for "
              f"{len(pages)} pages  slowest page {slowest:.2f} s  "
              f"tracemalloc peak {peak_mib(fn, pages):6.1f} MiB", flush=True)
    print(f"page stage / trafilatura time: {results['page stage'] / results['trafilatura']:.2f}x "
          "(limit 1.30x)")
    worst = 0.0
    for data in hostile_inputs():
        t0 = time.perf_counter()
        page_stage(data)
        worst = max(worst, time.perf_counter() - t0)
    print(f"slowest hostile input (1-20 MB: nested, 99k elements, binary, ...): {worst:.2f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (ru_maxrss): {rss:.0f} MiB")


if __name__ == "__main__":
    main()
