"""Benchmark: the statements stage's share of the whole pipeline's time, per component.

Input: the first ``--limit`` articles of the quote training gold (Wikinews; their text is read
from ../shared). The default pipeline (language, actors, statements, events, time, places) is
warmed up on one article, then each component is timed on every article. Target of issue #17:
statements at most 5 % of pipeline time. CPU time (``time.process_time``) is used, so other jobs
on a shared machine disturb it less than wall time.

The components are called one by one, outside ``Pipeline.__call__``, so by default OpenBLAS runs
with its own thread count (two here) where the pipeline runs it with one (``one_blas_thread``);
the spare thread's spin-waiting is counted in the language and events stages' CPU, which makes
the statements stage's share smaller than in the pipeline as it runs. ``--one-blas-thread`` times
the components as the pipeline runs them (docs/quotes.md part 52).

    .venv/bin/python bench/bench_statements.py [--limit 100] [--one-blas-thread]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from diurna.evaluate.gold import base_text, repo_dir
from diurna.model import Document, content_id
from diurna.pipeline import Pipeline, one_blas_thread
from diurna.statements.quotes import Statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=100, help="articles to time (default 100)")
    parser.add_argument("--gold", type=Path,
                        default=repo_dir() / "gold" / "quotes-wikinews-train.jsonl")
    parser.add_argument("--one-blas-thread", action="store_true",
                        help="BLAS on one thread, as Pipeline runs the components")
    args = parser.parse_args()
    if args.one_blas_thread:
        with one_blas_thread():
            run(args.gold, args.limit)
    else:
        run(args.gold, args.limit)


def run(gold: Path, limit: int) -> None:
    """Time every component on the first ``limit`` articles of ``gold`` and print the shares."""
    lines = [json.loads(ln) for ln in gold.read_text(encoding="utf-8").splitlines()]
    texts = [base_text(ln["source"]) for ln in lines[: limit + 1]]
    pipeline = Pipeline.default()
    warm = Document(id="warm", source="warm", text=texts[0])
    pipeline(warm)
    stage = pipeline.components[pipeline.names.index("statements")]
    assert isinstance(stage, Statements)
    rules_alone = Statements(stage._resolver(), learned=False)  # the same stage without its check
    spent: defaultdict[str, float] = defaultdict(float)
    quotes = 0
    for text in texts[1:]:
        doc = Document(id=content_id(text.encode("utf-8")), source="bench", text=text)
        for component in pipeline.components:
            if component is stage:
                t0 = time.process_time()
                rules_alone(doc)
                spent["rules alone"] += time.process_time() - t0
            t0 = time.process_time()
            doc = component(doc)
            spent[component.name] += time.process_time() - t0
        quotes += len(doc.quotes)
    alone = spent.pop("rules alone")
    total = sum(spent.values())
    n = len(texts) - 1
    print(f"{n} articles, {quotes} quotes, {total:.1f} s CPU, {n / total:.1f} articles/s")
    for name, secs in spent.items():
        print(f"  {name:12} {secs:7.2f} s  {100 * secs / total:5.1f} %")
    share = 100 * spent["statements"] / total
    print(f"statements stage: {share:.1f} % of pipeline time (target <= 5 %); without the "
          f"learned check (rules alone, timed on the same documents): {alone:.2f} s, "
          f"{100 * alone / (total - spent['statements'] + alone):.1f} %")


if __name__ == "__main__":
    main()
