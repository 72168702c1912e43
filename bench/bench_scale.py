"""Distributed runner benchmark: the same job on one process, on Ray and on Spark.

    python bench/bench_scale.py [--limit N] [--engines local,ray,spark] [--workers 1,2]

The job is the 115 development pages (``shared/gold/article-body/html``): every page through the
whole pipeline, written out (SQLite for ``local``, which is ``Pipeline.pipe(workers=N)`` as
``diurna process --workers N`` runs it; Parquet for the engines, ``diurna process --engine``).
Each run is a fresh process, timed from start to finish, so the figure includes starting the
engine and loading the models in every worker, as a user would see it. Prints documents/second
per run and, per engine, the scaling from 1 to 2 workers. Figures and reading: docs/scale.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diurna.evaluate.gold import shared_dir


def _command(engine: str, workers: int, pages: Path, out: Path) -> list[str]:
    diurna = str(Path(sys.executable).with_name("diurna"))
    base = [diurna, "process", str(pages), "--workers", str(workers)]
    if engine == "local":
        return [*base, "--db", str(out / "local.db"), "--format", "jsonl", "--no-progress"]
    return [*base, "--engine", engine, "--out", str(out / "parquet")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--engines", default="local,ray,spark")
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    html = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))
    html = html[: args.limit]
    rates: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory(prefix="diurna-scale-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for p in html:  # links, not copies: the shared data stays where it is
            (pages / p.name).symlink_to(p)
        for engine in args.engines.split(","):
            for workers in (int(w) for w in args.workers.split(",")):
                out = Path(tmp) / f"{engine}-{workers}"
                out.mkdir()
                start = time.perf_counter()
                subprocess.run(_command(engine, workers, pages, out), check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                secs = time.perf_counter() - start
                rates[(engine, workers)] = len(html) / secs
                print(f"{engine:<6} {workers} worker(s)  {secs:7.1f} s  "
                      f"{len(html) / secs:5.2f} documents/second", flush=True)
    for engine in args.engines.split(","):
        one, two = rates.get((engine, 1)), rates.get((engine, 2))
        if one and two:
            print(f"{engine:<6} 1 -> 2 workers: {two / one:.2f}x")


if __name__ == "__main__":
    main()
