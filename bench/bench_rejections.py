"""Rejection look-up benchmark: what asking the store about one source name costs at scale.

    python bench/bench_rejections.py [--rejections 100000] [--documents 10000] [--asks 400]

Makes a store with ``--rejections`` rejection rows (one source each, half under the id named by
source and reason as an input that could not be loaded, half under a content id) and
``--documents`` stored documents, then times the two look-ups by source name:

- ``source_rejection``: what ``diurna fetch`` asks before requesting each URL;
- ``unloaded_rejections``: what every stored document asks (``Store.save``), to drop its
  source's out-of-date rows.

Each is asked for ``--asks`` source names: half have a rejection row, half are new. It times
them first on the file as the start code of session 34 made it (no index on ``source``: the
indexes are dropped), then after reopening it with ``Store``, which adds them, and prints the
milliseconds per look-up of each, their ratio, the query plans and what adding the indexes on
open cost. Baseline: the same file without the indexes, in the same minutes.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from diurna.model import content_id, unloaded_id
from diurna.store import Store
from diurna.store.sqlite import source_rejection, unloaded_rejections

INDEXES = ("rejections_source", "documents_source")
LOOK_UPS: dict[str, Callable[[sqlite3.Connection, str], object]] = {
    "source_rejection (fetch, per URL)": source_rejection,
    "unloaded_rejections (per stored document)": unloaded_rejections,
}


def url(i: int) -> str:
    return f"https://news.example.org/2026/12/story-{i}.html"


def make_store(db: Path, rejections: int, documents: int) -> None:
    """A store with ``rejections`` rejection rows and ``documents`` documents, written in bulk."""
    with Store(db) as store:
        rows = []
        for i in range(rejections):
            source = url(i)
            doc_id = unloaded_id(source, "fetch") if i % 2 else content_id(source.encode())
            rows.append((doc_id, source, "fetch" if i % 2 else "binary", None,
                         f"2026-12-06T00:{i % 60:02d}:00", "page"))
        store.conn.executemany("INSERT INTO rejections VALUES (?,?,?,?,?,?)", rows)
        store.conn.executemany(
            "INSERT INTO documents (id, source, text) VALUES (?,?,?)",
            ((content_id(b"doc%d" % i), url(rejections + i), "Talks.") for i in range(documents)))
        store.conn.commit()


def time_look_ups(db: Path, sources: list[str]) -> dict[str, float]:
    """Milliseconds per look-up of each of ``LOOK_UPS`` over ``sources``, on a plain connection."""
    conn = sqlite3.connect(db)
    out = {}
    try:
        for name, ask in LOOK_UPS.items():
            for source in sources[:20]:  # warm the page cache
                ask(conn, source)
            start = time.perf_counter()
            for source in sources:
                ask(conn, source)
            out[name] = (time.perf_counter() - start) * 1000 / len(sources)
    finally:
        conn.close()
    return out


def plans(db: Path) -> list[str]:
    """The query plan lines of the two look-ups' SQL (traced as they run)."""
    conn = sqlite3.connect(db)
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    for ask in LOOK_UPS.values():
        ask(conn, url(1))
    conn.set_trace_callback(None)
    lines = [str(r[3]) for q in seen
             for r in conn.execute("EXPLAIN QUERY PLAN " + q, ("x",) * q.count("?"))]
    conn.close()
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rejections", type=int, default=100_000)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--asks", type=int, default=400, help="source names looked up (default 400)")
    args = ap.parse_args()
    rng = random.Random(34)
    half = args.asks // 2
    sources = ([url(i) for i in rng.sample(range(args.rejections), half)]
               + [url(10**9 + i) for i in range(args.asks - half)])
    rng.shuffle(sources)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "r.db"
        make_store(db, args.rejections, args.documents)
        with sqlite3.connect(db) as conn:  # the file as the start code made it
            for name in INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {name}")
        before, plan_before = time_look_ups(db, sources), plans(db)
        start = time.perf_counter()
        Store(db).close()  # opening adds the indexes
        opened = time.perf_counter() - start
        after, plan_after = time_look_ups(db, sources), plans(db)
    print(f"{args.rejections:,} rejection rows, {args.documents:,} documents, "
          f"{args.asks} look-ups each ({half} with a rejection row)")
    print(f"{'look-up':44} {'no index (start)':>17} {'index':>9} {'ratio':>7}")
    for name in LOOK_UPS:
        print(f"{name:44} {before[name]:14.3f} ms {after[name]:6.3f} ms "
              f"{before[name] / after[name]:6.0f}x")
    print(f"opening the older file (adds the indexes): {opened:.2f} s, once")
    print("plan without:", "; ".join(plan_before))
    print("plan with:   ", "; ".join(plan_after))


if __name__ == "__main__":
    main()
