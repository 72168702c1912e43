"""Speed and peak memory of the page stage vs trafilatura alone on the article-body dev pages.

    .venv/bin/python bench/bench_page.py [--repeat 5]

Each system reads every page (already decompressed, in memory) ``repeat`` times, the two systems
taking turns; the best pass is reported as pages/second. Peak memory is the tracemalloc peak of
one extra pass (Python allocations, including lxml's Python objects but not libxml2's C heap)
and the process's ru_maxrss after the runs. Also prints the slowest page of each system and the
slowest of a set of hostile inputs (the per-page time bound documented in docs/page.md).
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
from diurna.page.html import MAX_ELEMENTS
from diurna.page.text import MAX_LINES


def page_stage(html: bytes) -> object:
    try:
        return read_page(RawInput("bench", html))
    except Rejected as err:
        return err


def trafilatura_alone(html: bytes) -> object:
    return trafilatura.extract(html)


def timed(fn: Callable[[bytes], object], pages: list[bytes]) -> tuple[float, float, float]:
    """CPU seconds and wall seconds for one pass over ``pages``, and the slowest single page."""
    slowest = 0.0
    cpu, wall = time.process_time(), time.perf_counter()
    for html in pages:
        t0 = time.perf_counter()
        fn(html)
        slowest = max(slowest, time.perf_counter() - t0)
    return time.process_time() - cpu, time.perf_counter() - wall, slowest


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
    wide = "<html><body>" + "<p>word " * (MAX_ELEMENTS - 10) + "</body></html>"
    prose = "<html><body>" + "<p>" + "A sentence of news text. " * 400 + "</p>" * 1
    return [
        os.urandom(1 << 20),
        b"\x80\x81" * 500_000,
        nested.encode(),
        wide.encode(),
        b"<p>" * 300_000,
        (prose * 2000).encode(),
        ("  \u2022 name\n    text\n" * (MAX_LINES // 2 - 10)).encode(),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pages = [html for _, _, html in load_gold(shared_dir() / "gold" / "article-body")]
    for fn in (page_stage, trafilatura_alone):  # warm caches and lazy imports
        fn(pages[0])
    systems = {"trafilatura": trafilatura_alone, "page stage": page_stage}
    cpu = {name: float("inf") for name in systems}
    wall = {name: float("inf") for name in systems}
    slowest = {name: 0.0 for name in systems}
    for _ in range(args.repeat):  # interleaved, so load on the shared machine hits both alike
        for name, fn in systems.items():
            c, w, slow = timed(fn, pages)
            cpu[name], wall[name] = min(cpu[name], c), min(wall[name], w)
            slowest[name] = max(slowest[name], slow)
    for name, fn in systems.items():
        print(
            f"{name:<12} {len(pages) / cpu[name]:6.1f} pages/s (CPU {cpu[name]:5.2f} s, wall "
            f"{wall[name]:5.2f} s for {len(pages)} pages, best of {args.repeat})  slowest page "
            f"{slowest[name]:.2f} s  tracemalloc peak {peak_mib(fn, pages):5.1f} MiB",
            flush=True,
        )
    print(
        f"page stage / trafilatura: CPU {cpu['page stage'] / cpu['trafilatura']:.2f}x, "
        f"wall {wall['page stage'] / wall['trafilatura']:.2f}x (limit 1.30x)"
    )
    worst = 0.0
    for data in hostile_inputs():
        t0 = time.perf_counter()
        page_stage(data)
        worst = max(worst, time.perf_counter() - t0)
    print(f"slowest hostile input (1-20 MB; nested, MAX_ELEMENTS, MAX_LINES, ...): {worst:.2f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (ru_maxrss): {rss:.0f} MiB")


if __name__ == "__main__":
    main()
