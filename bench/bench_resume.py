"""Resume benchmark: what rerunning a finished (or crashed) batch costs, against its first run.

    python bench/bench_resume.py [--n 600] [--workers 1]

Writes ``--n`` distinct inputs (the 115 development pages of ``shared/gold/article-body/html``,
cycled, each copy made distinct by an HTML comment so that its content id differs) to a temporary
folder, then runs ``diurna.batch.run`` into a new store three times:

1. the first run over every input (the baseline cost);
2. a rerun of the completed batch: every input is already stored, so none should be processed;
3. a crash-and-resume: the store is cut back to its first half (as if the batch died at 50 %)
   and the batch rerun, which should cost about half the first run, not all of it.

It prints seconds, documents/second and each rerun's cost as a share of the first run. The issue's
target: rerunning a completed 600-input batch costs at most 5 % of its first run. The baseline
beside it is what a rerun cost before the skip (the dedup check ran after the whole pipeline, so a
rerun cost 100 %).
"""

from __future__ import annotations

import argparse
import gzip
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from diurna import batch
from diurna.evaluate.gold import shared_dir
from diurna.pipeline import Pipeline
from diurna.store import Store


def write_inputs(folder: Path, n: int) -> list[Path]:
    pages = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))
    texts = [gzip.decompress(p.read_bytes()) for p in pages]
    out = []
    for i in range(n):
        path = folder / f"{i:05d}.html"
        path.write_bytes(texts[i % len(texts)] + f"\n<!-- copy {i} -->\n".encode())
        out.append(path)
    return out


def timed_run(folder: Path, db: Path, pipeline: Pipeline, workers: int) -> tuple[float, Counter]:
    start = time.perf_counter()
    with Store(db) as store:
        counts = Counter(
            o.status for o in batch.run([str(folder)], pipeline=pipeline, store=store,
                                        workers=workers)
        )
    return time.perf_counter() - start, counts


def cut_store_back(db: Path, keep_fraction: float) -> int:
    """Delete the later documents (by rowid) as if the batch had died part-way; returns kept."""
    with Store(db) as store:
        total = store.count("documents")
        keep = int(total * keep_fraction)
        late = [r[0] for r in store.conn.execute(
            "SELECT id FROM documents ORDER BY rowid LIMIT -1 OFFSET ?", (keep,))]
        with store.conn:
            for doc_id in late:
                for table in ("comments", "entities", "mentions", "quotes", "times", "places",
                              "events", "codings", "documents"):
                    column = "id" if table == "documents" else "doc_id"
                    store.conn.execute(f"DELETE FROM {table} WHERE {column}=?", (doc_id,))
    return keep


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=600, help="inputs in the batch (default 600)")
    ap.add_argument("--workers", type=int, default=1, help="processes to spread pages over")
    args = ap.parse_args()

    pipeline = Pipeline.default()
    with tempfile.TemporaryDirectory(prefix="diurna-resume-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_inputs(folder, args.n)
        list(batch.run([str(folder / "00000.html")], pipeline=pipeline))  # load the models
        db = Path(tmp) / "resume.db"

        first, c1 = timed_run(folder, db, pipeline, args.workers)
        print(f"first run:      {first:8.1f} s  {args.n / first:6.2f} inputs/s  {dict(c1)}")
        rerun, c2 = timed_run(folder, db, pipeline, args.workers)
        print(f"rerun (done):   {rerun:8.1f} s  {100 * rerun / first:5.1f} % of the first run  "
              f"{dict(c2)}  (target <= 5 %; before the skip: ~100 %)")
        kept = cut_store_back(db, 0.5)
        resumed, c3 = timed_run(folder, db, pipeline, args.workers)
        print(f"resume at 50 %: {resumed:8.1f} s  {100 * resumed / first:5.1f} % of the first run "
              f"({kept} of {args.n} were stored)  {dict(c3)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
