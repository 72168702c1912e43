"""A distributed run's output: the store's tables as Parquet, partitioned by publication month.

Layout: ``DIR/<table>/month=YYYY-MM/part-<key>.parquet`` (``month=unknown`` when the page has
no full publication date), one file per table, month and shard. The rows are the SQLite store's
own (:func:`diurna.store.sqlite.document_rows`) and the column types come from its schema, so
``diurna load DIR --db FILE`` gives the database a single-machine run would have written.

Writes are safe to repeat: a shard's file name is a hash of its document ids, so a task the
engine retries overwrites its own files instead of adding rows; each file is written under a
dot-name and renamed into place (readers skip dot-names); the ``documents`` and ``rejections``
files go last, so a document counts as written (and is skipped by a rerun) only once all of its
rows are on disk.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from diurna.model import Document, rejection_id, source_had_nothing
from diurna.store.sqlite import (
    CHILD_TABLES,
    SCHEMA,
    Store,
    add_missing_columns,
    document_rows,
    rejection_row,
)

# Child tables first: the documents and rejections files mark a shard's documents as written.
TABLES = (*CHILD_TABLES, "documents", "rejections")
UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"^\d{4}-\d{2}")
_SQL_TO_ARROW = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64"}


@lru_cache(maxsize=1)
def _columns() -> dict[str, list[tuple[str, str]]]:
    """Each table's (column, SQLite type) pairs, read from the store's own schema."""
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(SCHEMA)
        add_missing_columns(con)
        return {
            t: [(r[1], r[2] or "TEXT") for r in con.execute(f'PRAGMA table_info("{t}")')]
            for t in TABLES
        }
    finally:
        con.close()


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of ``table``: the store's columns with their SQLite types."""
    import pyarrow as pa

    types = [(name, _SQL_TO_ARROW.get(kind, "string")) for name, kind in _columns()[table]]
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in types])


def month_of(published: str | None) -> str:
    """``YYYY-MM`` of a publication date, or ``unknown`` (missing or partial date)."""
    return published[:7] if published and _MONTH.match(published) else UNKNOWN_MONTH


def shard_key(doc_ids: Iterable[str]) -> str:
    """A name for one shard's files that is the same whenever the same documents are written."""
    return hashlib.sha256("\n".join(sorted(doc_ids)).encode()).hexdigest()[:16]


def write_shard(docs: list[Document], out: str | Path, coder: str | None = None
                ) -> dict[str, int]:
    """Write processed documents as Parquet under ``out``; returns stored/rejected counts.
    ``coder`` names what coded them (:func:`diurna.batch.coder_version`), as the store keeps it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    counts = {"stored": 0, "rejected": 0}
    for doc in docs:
        month = month_of(doc.published)
        if doc.rejected:
            rows[("rejections", month)].append(rejection_row(doc))
            counts["rejected"] += 1
            continue
        tables = document_rows(doc)
        tables["documents"][0].update(coder=coder, coded_at=tables["documents"][0]["stored_at"])
        for table, table_rows in tables.items():
            rows[(table, month)].extend(table_rows)
        counts["stored"] += 1
    key = shard_key(d.id + "\0" + d.source for d in docs)
    for table in TABLES:
        for (t, month), table_rows in sorted(rows.items()):
            if t != table or not table_rows:
                continue
            folder = Path(out) / table / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".part-{key}.parquet.tmp"
            pq.write_table(pa.Table.from_pylist(table_rows, schema=arrow_schema(table)), tmp)
            os.replace(tmp, folder / f"part-{key}.parquet")
    return counts


def _files(out: str | Path, table: str) -> Iterator[Path]:
    root = Path(out) / table
    if root.is_dir():
        yield from sorted(p for p in root.glob("month=*/part-*.parquet"))


def written_ids(out: str | Path, rejections: bool = True) -> set[str]:
    """Ids of documents already written under ``out``, and (unless ``rejections`` is False:
    ``--retry-rejected``) each rejection's :func:`rejection_key`, its id and source, as the
    store keys it: a rerun skips them (``runner.shards``). The same bytes from another source
    are not a written rejection: they are read and get their own record."""
    import pyarrow.parquet as pq

    ids: set[str] = set()
    for path in _files(out, "documents"):
        ids.update(pq.read_table(path, columns=["id"]).column("id").to_pylist())
    for path in _files(out, "rejections") if rejections else ():
        table = pq.read_table(path, columns=["doc_id", "source", "reason"]).to_pydict()
        for doc_id, source, reason in zip(table["doc_id"], table["source"], table["reason"],
                                          strict=True):
            # an older run's row for an input that could not be loaded has the empty input's
            # id: its key is the id this version gives it, so a rerun still skips it
            ids.add(rejection_key(rejection_id(doc_id, source, reason), source))
    return ids


def rejection_key(doc_id: str, source: str) -> str:
    """A rejection's key, as the store's ``rejections`` table has it: id and source."""
    return f"{doc_id}\0{source}"


def read_tables(out: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table under ``out`` (a distributed run's output folder)."""
    import pyarrow.parquet as pq

    if not (Path(out) / "documents").is_dir() and not (Path(out) / "rejections").is_dir():
        raise ValueError(
            f"{out} holds no Diurna Parquet output (no documents/ or rejections/ folder); "
            "pass the --out folder of `diurna process --engine ...`"
        )
    return {t: [r for p in _files(out, t) for r in pq.read_table(p).to_pylist()] for t in TABLES}


def load(out: str | Path, store: Store) -> dict[str, int]:
    """Merge a distributed run's output into ``store``; documents already there are skipped.
    Returns counts of stored, duplicate and rejected documents; ``rejected`` counts the
    rejections the store keeps (a rejection row whose input, the same id and source, a later
    rerun read and wrote as a document is left out: the document replaces it; so is the row of
    a source that could not be loaded, or was empty, and has a document now)."""
    tables = read_tables(out)
    children: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for table in CHILD_TABLES:
        for row in tables[table]:
            children[row["doc_id"]][table].append(row)
    counts = {"stored": 0, "duplicate": 0, "rejected": 0}
    read = {(d["id"], d["source"]) for d in tables["documents"]}
    read_sources = {source for _, source in read}
    # Rejections first: an input a retrying rerun (--retry-rejected) has now read is stored
    # after the rejection an earlier load kept, and drops it, as in a single-machine batch.
    for row in tables["rejections"]:
        # an older run's row for an input that could not be loaded gets the id this version
        # gives it (not the empty input's)
        doc_id = rejection_id(row["doc_id"], row["source"], row["reason"])
        unloaded = source_had_nothing(doc_id, row["source"], row["reason"])
        if (doc_id, row["source"]) in read or (unloaded and row["source"] in read_sources):
            # read since (the same input, or a source that gave nothing and now gave a page):
            # its document below replaces it (it was counted, not kept), as Store.save does
            continue
        store.save_rejection_row({**row, "doc_id": doc_id})
        counts["rejected"] += 1
    for doc_row in sorted(tables["documents"], key=lambda r: r["id"]):
        kids = children.get(doc_row["id"], {})
        rows = {"documents": [doc_row]}
        for table in CHILD_TABLES:
            rows[table] = sorted(kids.get(table, []), key=lambda r: r["idx"])
        counts[store.save_rows(rows)] += 1
    return counts
