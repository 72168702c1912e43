"""Near-duplicate clusters of a store's documents, kept in its ``duplicates`` table.

Every member is kept: the table maps each clustered document to its cluster (named by its
smallest member id) and the threshold used; documents in no cluster have no row. Running it
again replaces the table, so it always describes the documents stored now.
"""

from __future__ import annotations

from diurna.duplicates.minhash import DEFAULT_THRESHOLD, near_duplicate_clusters
from diurna.store import Store
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


def _clustered(store: Store) -> bool:
    """Whether :func:`cluster_store` has made the table; looked up rather than created, so a
    store opened read-only (``Store(readonly=True)``) is read as it is."""
    return has_table(store.conn, "duplicates")


def story_count(store: Store) -> int:
    """Documents counted once per near-duplicate cluster (after :func:`cluster_store`)."""
    if not _clustered(store):
        return store.count("documents")
    row = store.conn.execute(
        "SELECT count(DISTINCT coalesce(d2.cluster, d.id)) FROM documents d "
        "LEFT JOIN duplicates d2 ON d2.doc_id = d.id"
    ).fetchone()
    return int(row[0])


def duplicate_copies(store: Store) -> set[str]:
    """Documents that are near-duplicate copies of a story already counted: every cluster member
    but the one the cluster is named by (empty before :func:`cluster_store` has run)."""
    if not _clustered(store):
        return set()
    rows = store.conn.execute("SELECT doc_id FROM duplicates WHERE doc_id != cluster")
    return {r[0] for r in rows}
