"""Prove that a speed change leaves the stored rows unchanged: an md5 per table of a store.

    python bench/store_digest.py [--coders learned,rules] [--limit N] [--out FILE]
    python bench/store_digest.py ... --against FILE   # exit 1 if any table differs from FILE

For each coder, runs ``Pipeline.pipe`` (what ``diurna process`` runs) over the 115 development
pages (``shared/gold/article-body/html``) and the seed page (dated 2018-02-15, as README's quick
start) and saves every document with ``Store.save`` into a fresh SQLite file, then prints, per
table, the number of rows and the md5 of all rows in a fixed order with the columns that hold
the time of writing (``*_at``) left out. The seed page's events and quotes are counted apart
(22 and 14 with the learned coder when this was written). ``--out`` writes the digests as JSON,
``--against`` compares with such a file, table by table.

``bench/check_outputs.py`` compares ``Document.to_dict()``; this compares what lands in the
store (the events, quotes, places and times rows and every derived table), which a change in the
store's own code could alter without touching the Document.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import shared_dir
from diurna.page import RawInput
from diurna.pipeline import Pipeline
from diurna.store import Store

SEED_PUBLISHED = "2018-02-15"


def table_digests(path: Path) -> dict[str, dict[str, Any]]:
    """``{table: {"rows": n, "md5": hex}}`` of every table of the SQLite file at ``path``,
    timestamps (``*_at`` columns) left out, rows sorted by their JSON text."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]  # fmt: skip
        out: dict[str, dict[str, Any]] = {}
        for table in tables:
            cur = conn.execute(f'SELECT * FROM "{table}"')
            keep = [i for i, d in enumerate(cur.description) if not d[0].endswith("_at")]
            names = [cur.description[i][0] for i in keep]
            lines = sorted(json.dumps([row[i] for i in keep], ensure_ascii=False, default=repr)
                           for row in cur)
            digest = hashlib.md5(json.dumps(names).encode())
            for line in lines:
                digest.update(line.encode("utf-8") + b"\n")
            out[table] = {"rows": len(lines), "md5": digest.hexdigest()}
        return out
    finally:
        conn.close()


def digests(coder: str, limit: int | None) -> dict[str, Any]:
    """Process the pages and the seed page with ``coder``, store them, digest each store."""
    shared = shared_dir()
    pages = sorted((shared / "gold" / "article-body" / "html").glob("*.html.gz"))[:limit]
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages]
    seed = shared / "corpus" / "seed-page.txt"
    pipeline = Pipeline.default(coder=coder)
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="diurna-digest-") as tmp:
        for name, inputs, published in (("pages", raws, None),
                                        ("seed", [RawInput(str(seed), seed.read_bytes())],
                                         SEED_PUBLISHED)):
            db = Path(tmp) / f"{name}.db"
            with Store(db) as store:
                for doc in pipeline.pipe(inputs, published=published):
                    store.save(doc, coder=coder)
            result[name] = table_digests(db)
    return result


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One line per (coder, input set, table) whose digest differs."""
    lines = []
    for coder in sorted(old.keys() | new.keys()):
        for part in ("pages", "seed"):
            a, b = old.get(coder, {}).get(part, {}), new.get(coder, {}).get(part, {})
            for table in sorted(a.keys() | b.keys()):
                if a.get(table) != b.get(table):
                    lines.append(f"{coder} {part} {table}: {a.get(table)} -> {b.get(table)}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--coders", default="learned,rules", help="comma-separated event coders")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--out", type=Path, help="write the digests (JSON) here")
    ap.add_argument("--against", type=Path, help="compare with digests written by --out")
    args = ap.parse_args()
    found = {coder: digests(coder, args.limit) for coder in args.coders.split(",")}
    for coder, parts in found.items():
        for part, tables in parts.items():
            for table, d in tables.items():
                if d["rows"]:
                    print(f"{coder:<8} {part:<5} {table:<14} {d['rows']:6d} rows  {d['md5']}")
        seed = parts["seed"]
        print(f"{coder}: seed page {seed['events']['rows']} events, "
              f"{seed['quotes']['rows']} quotes")
    if args.out:
        args.out.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
    if args.against:
        diff = differences(json.loads(args.against.read_text()), found)
        print("\n".join(diff + [f"{len(diff)} tables differ from {args.against}"]))
        sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
