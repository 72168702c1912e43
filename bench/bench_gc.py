"""The cyclic garbage collector's share of a pipeline run over the 115 development pages.

    python bench/bench_gc.py [--freeze] [--threshold N] [--limit N]

Loads the default pipeline, warms it on the first page, then runs ``Pipeline.pipe`` over every
page of ``shared/gold/article-body/html`` (as ``bench_pipeline.py --pipe-only`` does) with a
``gc.callbacks`` hook that counts the collections of each generation and the CPU seconds they
took. ``--freeze`` moves the objects existing after the warm-up out of the collector's reach
(``gc.freeze``) and ``--threshold N`` sets generation 0's threshold, the two usual remedies, so
that their saving can be read against the run's whole CPU (session 40, brief G1, docs/scale.md).
Compare variants in alternating fresh runs: one run's CPU moves by more than the collector's
share on a shared machine. Where ``Pipeline.pipe`` freezes after its first batch by itself
(branch s40-g1), a run without ``--freeze`` is frozen too: time the base with an older ``src/``
first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import resource
import time
from collections import Counter, defaultdict
from typing import Any

from diurna.evaluate.gold import shared_dir
from diurna.language import load_nlp
from diurna.page import RawInput, read_page
from diurna.pipeline import Pipeline


class CollectorClock:
    """Collections per generation and their CPU seconds, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()
        self.seconds: dict[int, float] = defaultdict(float)
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            generation = info["generation"]
            self.counts[generation] += 1
            self.seconds[generation] += time.process_time() - self._start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--freeze", action="store_true", help="gc.freeze() after the warm-up")
    ap.add_argument("--threshold", type=int, default=None, help="generation 0's threshold")
    args = ap.parse_args()
    pages = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages[: args.limit]]
    load_nlp()
    pipeline = Pipeline.default()
    pipeline(read_page(raws[0]))  # warm every component, as bench_pipeline.py does
    tracked = len(gc.get_objects())
    if args.freeze:
        gc.collect()
        gc.freeze()
    if args.threshold:
        gc.set_threshold(args.threshold, *gc.get_threshold()[1:])
    clock = CollectorClock()
    gc.callbacks.append(clock)
    cpu = time.process_time()
    docs = list(pipeline.pipe(raws))
    cpu = time.process_time() - cpu
    gc.callbacks.remove(clock)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    spent = sum(clock.seconds.values())
    print(f"pages            {len(docs)}; objects tracked after warm-up {tracked:,}")
    print(f"cpu seconds      {cpu:.2f} ({1000 * cpu / len(docs):.1f} ms per document)")
    for generation in sorted(clock.counts):
        print(f"generation {generation}     {clock.counts[generation]:5d} collections, "
              f"{clock.seconds[generation]:.2f} CPU s")
    print(f"collector        {spent:.2f} CPU s ({100 * spent / cpu:.1f} % of the run)")
    print(f"peak memory      {peak:.0f} MB (ru_maxrss)")


if __name__ == "__main__":
    main()
