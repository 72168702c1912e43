"""Whole-pipeline benchmark: documents/second and peak memory on the 115 development pages.

    python bench/bench_pipeline.py [--limit N] [--workers N]

Runs the page stage and every component on each page of ``shared/gold/article-body/html`` (the
gzipped HTML as a user would feed it), prints throughput, per-stage seconds and the process's peak
resident memory (``ru_maxrss``), including the spaCy model. The first page's model load is timed
separately so that throughput reflects steady state.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import time
from collections import defaultdict

from diurna.evaluate.gold import shared_dir
from diurna.language import load_nlp
from diurna.model import Rejected
from diurna.page import RawInput, read_page
from diurna.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--workers", type=int, default=1, help="processes (Pipeline.pipe(workers=))")
    args = ap.parse_args()

    pages = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))[
        : args.limit
    ]
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages]

    t0 = time.perf_counter()
    load_nlp()
    pipeline = Pipeline.default()
    pipeline(read_page(raws[0]))  # warm every component (model, dictionaries, gazetteer)
    setup = time.perf_counter() - t0

    if args.workers > 1:
        run_parallel(pipeline, raws, args.workers)
        return

    per_stage: dict[str, float] = defaultdict(float)
    events = rejected = chars = 0
    start = time.perf_counter()
    for raw in raws:
        t = time.perf_counter()
        try:
            doc = read_page(raw)
        except Rejected:
            rejected += 1
            continue
        per_stage["page"] += time.perf_counter() - t
        for comp in pipeline.components:
            t = time.perf_counter()
            doc = comp(doc)
            per_stage[comp.name] += time.perf_counter() - t
        chars += len(doc.text)
        events += len(doc.events)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"pages            {len(raws)} ({rejected} rejected)")
    print(f"setup            {setup:.2f} s (model load + warm-up)")
    print(f"elapsed          {elapsed:.2f} s")
    print(f"documents/second {len(raws) / elapsed:.2f}")
    print(f"chars/second     {chars / elapsed:,.0f}")
    print(f"events           {events}")
    print(f"peak memory      {peak_mb:.0f} MB (ru_maxrss)")
    for name, secs in per_stage.items():
        print(f"  {name:<12} {secs:6.2f} s  {100 * secs / elapsed:5.1f}%")


def run_parallel(pipeline: Pipeline, raws: list[RawInput], workers: int) -> None:
    start = time.perf_counter()
    docs = list(pipeline.pipe(raws, workers=workers))
    elapsed = time.perf_counter() - start
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"pages            {len(raws)} ({sum(bool(d.rejected) for d in docs)} rejected)")
    print(f"workers          {workers}")
    print(f"elapsed          {elapsed:.2f} s")
    print(f"documents/second {len(raws) / elapsed:.2f}")
    print(f"events           {sum(len(d.events) for d in docs)}")
    print(f"peak memory      parent {parent:.0f} MB, largest worker {child:.0f} MB (ru_maxrss)")


if __name__ == "__main__":
    main()
