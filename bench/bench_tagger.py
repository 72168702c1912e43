"""The fine-tuned event tagger's own cost: sentences/second by onnxruntime threads and batch size.

    python bench/bench_tagger.py [--model-dir DIR] [--rounds 3]

Reads the sentences of the Wikinews development gold (``gold/events-wikinews-dev.jsonl``, as
the training script's cache holds them: run ``python -m diurna.events.finetune`` once, or this
script parses them) with the shipped tagger, for every combination of ``intra_op`` threads (1, 2)
and batch size (1, 8, 32, all of them in one call), alternating the settings ``--rounds`` times so
that each sees the same machine load, and prints the median sentences/second of each with the
load average beside it. The pipeline's own figure is ``bench/bench_pipeline.py --coders``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from diurna.evaluate.gold import repo_dir
from diurna.events.finetune import DEFAULT_DEV, cached_extract
from diurna.events.learned import MODEL_DIR
from diurna.events.tagger import Tagger


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    sents = cached_extract([repo_dir() / DEFAULT_DEV], repo_dir() / ".cache")
    rows = [(s.words, s.rule) for s in sents]
    # a tagger trained with --context reads each sentence's preceding text: time it with it
    before = [s.before for s in sents]
    settings = [(threads, batch) for threads in (1, 2) for batch in (1, 8, 32, len(rows))]
    taggers = {threads: Tagger(args.model_dir, threads) for threads in (1, 2)}
    times: dict[tuple[int, int], list[float]] = {s: [] for s in settings}
    for _ in range(args.rounds):
        for threads, batch in settings:
            started = time.perf_counter()
            taggers[threads].probabilities(rows, batch=batch, before=before)
            times[(threads, batch)].append(time.perf_counter() - started)
    print(f"{len(rows)} sentences, {sum(len(w) for w, _ in rows)} words; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for (threads, batch), secs in times.items():
        label = "all" if batch == len(rows) else str(batch)
        print(f"  threads {threads}  batch {label:>4}  "
              f"{len(rows) / statistics.median(secs):7.1f} sentences/s")


if __name__ == "__main__":
    main()
