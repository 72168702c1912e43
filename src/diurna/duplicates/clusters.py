"""Near-duplicate clusters of a store's documents, kept in its ``duplicates`` table.

Every member is kept: the table maps each clustered document to its cluster (named by its
smallest member id) and the threshold used; documents in no cluster have no row. Running it
again replaces the table, so it always describes the documents stored now.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import replace

from diurna.duplicates.minhash import DEFAULT_THRESHOLD, near_duplicate_clusters
from diurna.store import Store
from diurna.store.query import EventQuery
from diurna.store.sqlite import has_table

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS duplicates "
    "(doc_id TEXT PRIMARY KEY REFERENCES documents(id), cluster TEXT, threshold REAL)"
)


def cluster_store(store: Store, threshold: float = DEFAULT_THRESHOLD) -> list[list[str]]:
    """Cluster the bodies of every stored document and write the ``duplicates`` table."""
    docs = store.conn.execute("SELECT id, text FROM documents ORDER BY id").fetchall()
    clusters = near_duplicate_clusters(((i, t) for i, t in docs), threshold)
    with store.conn:
        store.conn.execute(SCHEMA)
        store.conn.execute("DELETE FROM duplicates")
        store.conn.executemany(
            "INSERT INTO duplicates VALUES (?,?,?)",
            [(member, c[0], threshold) for c in clusters for member in c],
        )
    return clusters


#: The documents that are copies of a story already counted: every cluster member but the one
#: the cluster is named by. The one definition, read by :func:`duplicate_copies` and, as a
#: subquery, by every reader that counts a story once (``Store.events``, the API's endpoints).
COPIES_SQL = "SELECT doc_id FROM duplicates WHERE doc_id != cluster"


def _connection(store: Store | sqlite3.Connection) -> sqlite3.Connection:
    return store.conn if isinstance(store, Store) else store


def _clustered(store: Store | sqlite3.Connection) -> bool:
    """Whether :func:`cluster_store` has made the table; looked up rather than created, so a
    store opened read-only (``Store(readonly=True)``) is read as it is."""
    return has_table(_connection(store), "duplicates")


def story_count(store: Store) -> int:
    """Documents counted once per near-duplicate cluster (after :func:`cluster_store`)."""
    if not _clustered(store):
        return store.count("documents")
    row = store.conn.execute(
        "SELECT count(DISTINCT coalesce(d2.cluster, d.id)) FROM documents d "
        "LEFT JOIN duplicates d2 ON d2.doc_id = d.id"
    ).fetchone()
    return int(row[0])


def story_of(store: Store | sqlite3.Connection) -> dict[str, str] | None:
    """Each grouped document's story: the name of its near-duplicate cluster (its first
    member's id); a document missing from the map is a story of its own. None for a store
    never grouped (no ``duplicates`` table), so a reader can leave its output as it was."""
    if not _clustered(store):
        return None
    return dict(_connection(store).execute("SELECT doc_id, cluster FROM duplicates"))


def copy_count(store: Store | sqlite3.Connection) -> int:
    """How many documents are near-duplicate copies (:data:`COPIES_SQL`), counted by SQLite
    rather than read into a set: the number ``diurna export`` says it left out."""
    if not _clustered(store):
        return 0
    return int(_connection(store).execute(f"SELECT count(*) FROM ({COPIES_SQL})").fetchone()[0])


def duplicate_copies(store: Store | sqlite3.Connection) -> set[str]:
    """Documents that are near-duplicate copies of a story already counted (:data:`COPIES_SQL`;
    empty before :func:`cluster_store` has run). Takes a store or a read connection (the API's)."""
    if not _clustered(store):
        return set()
    return {r[0] for r in _connection(store).execute(COPIES_SQL)}


def has_copies(store: Store | sqlite3.Connection) -> bool:
    """Whether any document is a copy (:func:`duplicate_copies` is not empty), asked without
    reading them all: readers add the copies' condition to their SQL only then, so a store
    never grouped (no ``duplicates`` table) or with no copies is read exactly as before."""
    if not _clustered(store):
        return False
    return bool(_connection(store).execute(f"SELECT EXISTS ({COPIES_SQL})").fetchone()[0])


def copies_condition(column: str, *, only: bool = False) -> str:
    """An SQL condition on a document id ``column``: not a copy (``only``: a copy). Use it
    where :func:`has_copies` is true (it reads the ``duplicates`` table)."""
    return f"{column} {'IN' if only else 'NOT IN'} ({COPIES_SQL})"


def once_per_story(
    query: EventQuery,
    store: Store | sqlite3.Connection,
    *,
    all_copies: bool = False,
    copies: Collection[str] | None = None,
) -> EventQuery:
    """``query`` as every reader of events runs it: after :func:`cluster_store`, a clustered
    story's events are its first member's (the copies' are left out, as ``diurna export``
    does); ``all_copies`` keeps every copy. Unchanged when no document is a copy: asked of
    ``store`` (:func:`has_copies`), or of ``copies`` when the caller has them already (the
    API's ``Database.copies``, read once per store state rather than at every request)."""
    if all_copies:
        return query
    if not (has_copies(store) if copies is None else copies):
        return query
    return replace(query, copies="skip")
