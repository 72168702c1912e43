"""The embedded store: one SQLite file with a table per kind of extracted value.

SQLite (standard library) rather than a server: a laptop user runs Diurna with no service to start,
and the file opens in any SQLite tool or in datasette. Each document is written in one transaction,
keyed by its content id, so a batch that dies half-way loses nothing already stored and the same
input processed twice is stored once.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from diurna.model import (
    EMPTY_ID,
    Comment,
    Document,
    Event,
    Mention,
    rejection_id,
    source_had_nothing,
)
from diurna.store import stats

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

# The last two indexes serve the look-ups by source name (source_rejection, asked by `diurna
# fetch` before each URL, and unloaded_rejections, asked by every document written): without
# them each scanned both tables, ~6 ms a look-up at 100,000 rejection rows (bench/
# bench_rejections.py). `rejected_at` follows `source` so the latest rejection is read in
# index order. An older file gains them on its first writable open, like any table here.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, source TEXT, title TEXT, dek TEXT, byline TEXT,
  published TEXT, published_source TEXT, updated TEXT, site TEXT, url TEXT, language TEXT,
  input_format TEXT, text TEXT NOT NULL, skipped TEXT, stored_at TEXT,
  body_quality REAL, headings TEXT, captions TEXT,
  layout TEXT, partial INTEGER, key_points TEXT, entries TEXT
);
CREATE TABLE IF NOT EXISTS comments (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, author TEXT, text TEXT,
  parent INTEGER, depth INTEGER, published TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS entities (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, start INTEGER, "end" INTEGER,
  text TEXT, label TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  label TEXT, actor_id TEXT, actor_name TEXT, country TEXT, sector TEXT, cameo TEXT,
  affiliation TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS quotes (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  kind TEXT, speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_cameo TEXT,
  cue_text TEXT, cue_start INTEGER, cue_end INTEGER, sources TEXT, source_kind TEXT, parts TEXT,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS times (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  value TEXT, precision TEXT, end_value TEXT, anchor TEXT, kind TEXT, end_point_value TEXT,
  end_point_precision TEXT, end_point_text TEXT, end_point_start INTEGER, end_point_end INTEGER,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS places (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  geonameid INTEGER, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, feature TEXT,
  precision TEXT, qualifier TEXT, field TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, doc_id TEXT REFERENCES documents(id), idx INTEGER,
  type TEXT, mode TEXT, contexts TEXT, cameo TEXT, status TEXT, negated INTEGER,
  trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
  sentence_start INTEGER, sentence_end INTEGER,
  actor_text TEXT, actor_start INTEGER, actor_end INTEGER, actor_name TEXT, actor_code TEXT,
  actor_country TEXT, actor_sector TEXT,
  recipient_text TEXT, recipient_start INTEGER, recipient_end INTEGER, recipient_name TEXT,
  recipient_code TEXT, recipient_country TEXT, recipient_sector TEXT,
  actors TEXT, recipients TEXT,
  source_text TEXT, source_start INTEGER, source_end INTEGER,
  date_value TEXT, date_precision TEXT, date_text TEXT, date_start INTEGER, date_end INTEGER,
  place_geonameid INTEGER, place_name TEXT, place_country TEXT, place_admin1 TEXT,
  place_lat REAL, place_lon REAL, place_feature TEXT, place_precision TEXT,
  place_text TEXT, place_start INTEGER, place_end INTEGER,
  day TEXT
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS codings (
  doc_id TEXT, coder TEXT, coded_at TEXT, events INTEGER, replaced INTEGER
);
CREATE TABLE IF NOT EXISTS rejections (
  doc_id TEXT, source TEXT, reason TEXT, detail TEXT, rejected_at TEXT, stage TEXT,
  PRIMARY KEY (doc_id, source)
);
CREATE INDEX IF NOT EXISTS rejections_source ON rejections(source, rejected_at);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
"""

DOCUMENT_COLUMNS = (
    "id",
    "source",
    "title",
    "dek",
    "byline",
    "published",
    "published_source",
    "updated",
    "site",
    "url",
    "language",
    "input_format",
)
# Columns added after a table was first created, added in place to a database from an older Diurna.
ADDED_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("coder", "TEXT"), ("coded_at", "TEXT"), ("body_quality", "REAL"),
                  ("headings", "TEXT"), ("captions", "TEXT"), ("layout", "TEXT"),
                  ("partial", "INTEGER"), ("key_points", "TEXT"), ("entries", "TEXT")),
    "times": (("kind", "TEXT"), ("end_point_value", "TEXT"), ("end_point_precision", "TEXT"),
              ("end_point_text", "TEXT"), ("end_point_start", "INTEGER"),
              ("end_point_end", "INTEGER")),
    "quotes": (("source_kind", "TEXT"), ("parts", "TEXT")),
    # the stage that raised (page, language, ..., store); NULL in rows stored before it was kept
    "rejections": (("stage", "TEXT"),),
}
# Indexes for the HTTP API's filtered, date-ordered pages and its counts (diurna.api): (filter,
# day, id) gives pages in order with no sort; the trailing columns let the counts by type and
# country be read from the index alone. Created after _migrate so an older file gains `day`
# first. Measured in docs/api.md (bench/bench_api.py).
API_INDEXES = """
CREATE INDEX IF NOT EXISTS events_api_day ON events(day, id, type, actor_country, place_country);
CREATE INDEX IF NOT EXISTS events_api_type_day
  ON events(type, day, id, actor_country, place_country);
CREATE INDEX IF NOT EXISTS events_api_actor_country
  ON events(actor_country, day, id, type, place_country);
CREATE INDEX IF NOT EXISTS events_api_place ON events(place_geonameid, day, id);
CREATE INDEX IF NOT EXISTS events_api_place_country ON events(place_country);
CREATE INDEX IF NOT EXISTS events_api_status_day ON events(status, day, id);
"""
# One row per actor (role 'actor') and recipient (role 'recipient') of each event, derived from
# the event's stored mentions when the event is written, so "actor country SYR" means "any actor
# of the event is Syrian" in the library, the CLI and the API alike, and is read from an index
# (the json_each scan it replaces took 1.8 s per page at 100,000 events). Values are upper case;
# country is ISO 3166-1 alpha-3. The event's type and day are repeated so that a count over
# "actor country X, type T" starts from the few rows it needs (EventQuery narrows its actor
# subquery by them). Older files are filled on open (Store._migrate).
EVENT_ACTORS = """
CREATE TABLE IF NOT EXISTS event_actors (
  event_id TEXT NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL, position INTEGER NOT NULL,
  actor_id TEXT, code TEXT, country TEXT, sector TEXT, type TEXT, day TEXT,
  PRIMARY KEY (event_id, role, position)
);
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors(role, country, event_id);
CREATE INDEX IF NOT EXISTS event_actors_country_type
  ON event_actors(role, country, type, day, event_id);
CREATE INDEX IF NOT EXISTS event_actors_sector ON event_actors(role, sector, event_id);
CREATE INDEX IF NOT EXISTS event_actors_id ON event_actors(role, actor_id, event_id);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(role, code, event_id);
CREATE INDEX IF NOT EXISTS event_actors_doc ON event_actors(doc_id);
"""
# Each event's nested JSON as the HTTP API sends it (diurna.store.eventjson), made when the event
# is written: a page of 100 events is then the SQL and 100 blobs joined, with no shaping per
# request. Older files are filled on open (Store._migrate).
EVENT_JSON = """
CREATE TABLE IF NOT EXISTS event_json (
  event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, json BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS event_json_doc ON event_json(doc_id);
"""
# Keys of the `meta` table; their values are what files already written hold, never renamed.
META_VERSION = "schema_version"  # the SCHEMA_VERSION that made the file
META_STATS_FILLED = "event_stats"  # an older file's event_stats was built (Store._fill_event_stats)
META_DERIVED_FILLED = "event_derived"  # ... its event_actors and event_json (_fill_event_actors)
# the shape of the event_json blobs (diurna.store.eventjson.SHAPE); missing: shape 1
META_JSON_SHAPE = "event_json_shape"
DERIVED_TABLES = ("event_actors", "event_json")  # rebuilt from `events`; no Parquet of their own
_DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
CHILD_TABLES = ("comments", "entities", "mentions", "quotes", "times", "places", "events")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _prefixed(prefix: str, values: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any]:
    """``{prefix + key: value}`` for ``keys`` of ``values`` (all None when ``values`` is None)."""
    return {prefix + k: (values or {}).get(k) for k in keys}


SPAN_KEYS = ("text", "start", "end")
ACTOR_KEYS = ("name", "cameo", "country", "sector")


def _mention_columns(prefix: str, m: Mention | None) -> dict[str, Any]:
    row = _prefixed(prefix, m.to_dict() if m else None, SPAN_KEYS)
    actor = m.actor.to_dict() if m and m.actor else None
    row.update(_prefixed(prefix, actor, ACTOR_KEYS))
    row[prefix + "code"] = row.pop(prefix + "cameo")
    return row


def event_day(e: Event, published: str | None) -> str:
    """The day an event is placed on: its own date when the text gives a whole day, else the
    page's publication day, else '' (stored in ``events.day`` so date filters can use an index)."""
    if e.date and e.date.precision == "day" and _is_day(e.date.value):
        return str(e.date.value)
    return published[:10] if published and _is_day(published[:10]) else ""


def _is_day(value: str | None) -> bool:
    try:
        return bool(value) and date.fromisoformat(str(value)).isoformat() == value
    except ValueError:
        return False


def _event_row(doc_id: str, idx: int, e: Event, published: str | None = None) -> dict[str, Any]:
    return {
        "day": event_day(e, published),
        "id": e.id,
        "doc_id": doc_id,
        "idx": idx,
        "type": e.type,
        "mode": e.mode,
        "contexts": json.dumps(e.contexts),
        "cameo": e.cameo,
        "status": e.status,
        "negated": int(e.negated),
        **_prefixed("trigger_", e.trigger.span_dict(), SPAN_KEYS),
        **_prefixed("sentence_", e.sentence.span_dict(), ("start", "end")),
        **_mention_columns("actor_", e.actor),
        **_mention_columns("recipient_", e.recipient),
        "actors": json.dumps([m.to_dict() for m in e.actors]),
        "recipients": json.dumps([m.to_dict() for m in e.recipients]),
        **_prefixed("source_", e.source.to_dict() if e.source else None, SPAN_KEYS),
        **_prefixed(
            "date_", e.date.to_dict() if e.date else None, ("value", "precision", *SPAN_KEYS)
        ),
        **_prefixed(
            "place_",
            e.place.to_dict() if e.place else None,
            (
                "geonameid",
                "name",
                "country",
                "admin1",
                "lat",
                "lon",
                "feature",
                "precision",
                *SPAN_KEYS,
            ),
        ),
    }


def event_actor_rows(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``event_actors`` rows of one ``events`` row (its ``actors``/``recipients`` JSON, the
    model's ``Mention.to_dict()`` list): one per participant that has a dictionary actor."""
    from diurna.places.codes import alpha3

    rows = []
    for role, column in (("actor", "actors"), ("recipient", "recipients")):
        for position, mention in enumerate(json.loads(event.get(column) or "[]")):
            actor = mention.get("actor") or {}
            country = actor.get("country")
            rows.append(
                {
                    "event_id": event["id"],
                    "doc_id": event["doc_id"],
                    "role": role,
                    "position": position,
                    "actor_id": _upper(actor.get("id")),
                    "code": _upper(actor.get("cameo")),
                    "country": _upper(alpha3(country) or country),
                    "sector": _upper(actor.get("sector")),
                    "type": event.get("type"),
                    "day": event.get("day") or "",
                }
            )
    return rows


def _upper(value: Any) -> str | None:
    return str(value).upper() if value else None


def table_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The column names of ``table`` in the database at ``conn`` (none for a missing table)."""
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def has_table(conn: sqlite3.Connection, table: str) -> bool:
    """Whether the database at ``conn`` has ``table``: looked up, never created, so a
    read-only connection can ask (tables an optional step makes, such as clusters)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def _missing_columns(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """The (table, column, type) of ``ADDED_COLUMNS`` that the database at ``conn`` lacks."""
    missing = []
    for table, columns in ADDED_COLUMNS.items():
        have = table_columns(conn, table)
        missing += [(table, name, kind) for name, kind in columns if name not in have]
    return missing


def _created_names(*scripts: str) -> set[str]:
    """The names of the tables and indexes that these ``CREATE ... IF NOT EXISTS`` scripts make."""
    return {m for script in scripts
            for m in re.findall(r"CREATE (?:TABLE|INDEX) IF NOT EXISTS (\w+)", script)}


def json_shape(conn: sqlite3.Connection) -> int:
    """The shape of the database's ``event_json`` blobs (:data:`diurna.store.eventjson.SHAPE`
    when this version wrote or re-made them; 1 for a file of session 38 or before)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_JSON_SHAPE,)).fetchone()
    return int(row[0]) if row else 1


def migration_needed(conn: sqlite3.Connection, *, blobs: bool = True) -> bool:
    """Whether opening this database as a writer would change it: a table, index, column or
    derived table that this version has and the file, made by an older Diurna, lacks, or
    (``blobs``) API blobs of an older shape. A file with none missing can be read through a
    read-only connection (``Store(readonly=True)``)."""
    wanted = _created_names(SCHEMA, EVENT_ACTORS, EVENT_JSON, stats.EVENT_STATS, API_INDEXES)
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if wanted - have or _missing_columns(conn):
        return True
    if "day" not in table_columns(conn, "events"):
        return True
    done = {r[0] for r in conn.execute("SELECT key FROM meta")}
    if not {META_VERSION, META_STATS_FILLED, META_DERIVED_FILLED} <= done:
        return True
    return blobs and json_shape(conn) != _json_shape_now()


def _json_shape_now() -> int:
    from diurna.store.eventjson import SHAPE

    return SHAPE


def add_missing_columns(conn: sqlite3.Connection) -> None:
    """Give a database made by an older Diurna the columns of ``ADDED_COLUMNS`` it lacks.

    The columns are looked up again inside one write transaction (``BEGIN IMMEDIATE``), so two
    processes opening the same older file at once add each column once: the second waits for
    the first and then finds nothing to add, where it failed with "duplicate column name". A
    file that lacks nothing takes no write lock."""
    if not _missing_columns(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, name, kind in _missing_columns(conn):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def reader_files(path: Path) -> tuple[Path, Path]:
    """The ``-wal`` and ``-shm`` files SQLite keeps beside a WAL database at ``path``."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def file_stamp(path: Path) -> tuple[int, int, int, bool]:
    """What a writer changes: the database file's size, modification time and inode, and whether
    a ``-wal`` file is beside it (a writer has the file open). A snapshot reader
    (:func:`connect_read`) is up to date while the stamp is what it was when it opened."""
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ino, reader_files(path)[0].exists()


def connect_read(path: Path, *, timeout: float = 60,
                 check_same_thread: bool = True) -> tuple[sqlite3.Connection, str]:
    """A read-only connection to the database at ``path`` and the URI it was opened with.

    SQLite's ``mode=ro`` first: it sees every row a writer commits, also while it is open. A
    WAL database wants a ``-shm`` file beside it, which ``mode=ro`` cannot make in a folder this
    user may not write when no writer has one open; the file is then opened ``immutable``, a
    snapshot read without locks that sees nothing written after it opened (another user may
    write that folder), so its holder opens again when :func:`file_stamp` changes
    (:func:`is_snapshot`)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=check_same_thread)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
        uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, timeout=timeout,
                               check_same_thread=check_same_thread)
    return conn, uri


def is_snapshot(uri: str | None) -> bool:
    """Whether :func:`connect_read` opened ``uri`` as an immutable snapshot."""
    return uri is not None and uri.endswith("&immutable=1")


def tidy_reader_files(path: Path) -> None:
    """Remove the empty ``-wal`` and the ``-shm`` that read-only connections leave beside the
    database at ``path`` (only a connection that may write deletes them, when it closes as the
    last one). A short writable connection that only reads lets SQLite do it, with its own
    check: while another connection is open it deletes nothing. Nothing is done when the
    ``-wal`` holds frames (closing would copy them into the database file, and a reader never
    changes its bytes) or when the file or its folder may not be written."""
    wal = reader_files(path)[0]
    try:
        if not wal.is_file() or wal.stat().st_size or not (
                os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            return
        conn = sqlite3.connect(path, timeout=0)
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return  # a courtesy: a busy or locked file keeps its files, as every reader left them


def is_stored(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Whether a document with this id is stored, on any connection to a store: ``Store.has``
    and the batch's own thread-safe check (a rerun skips it before processing) share it."""
    return conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None


def stored_rejection(conn: sqlite3.Connection, doc_id: str, source: str) -> str | None:
    """The reason recorded for the rejection of this input (its id and source, the table's
    key), or None: a rerun skips an input already rejected, as it skips a stored one."""
    row = conn.execute(
        "SELECT reason FROM rejections WHERE doc_id=? AND source=?", (doc_id, source)
    ).fetchone()
    return None if row is None else str(row[0] or "unknown")


def source_rejection(conn: sqlite3.Connection, source: str) -> str | None:
    """The reason of the latest rejection recorded for inputs named ``source`` whatever their
    id, unless a document from that source is stored; None when there is none. ``diurna fetch``
    asks it before requesting a URL, whose id (its bytes) is not known until it is fetched."""
    row = conn.execute(
        "SELECT reason FROM rejections r WHERE source=? AND NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE d.source = r.source) "
        "ORDER BY rejected_at DESC LIMIT 1", (source,)
    ).fetchone()
    return None if row is None else str(row[0] or "unknown")


def unloaded_rejections(conn: sqlite3.Connection, source: str) -> list[str]:
    """The ids of the rejections recorded for ``source`` when it gave nothing to read
    (:func:`diurna.model.source_had_nothing`: it could not be loaded, or it was a zero-byte
    input). Once a document from that source is stored the source was read, so these rows are
    out of date; rows under a content id are not among them (another input may share a source
    name, as uploads to the API do)."""
    rows = conn.execute("SELECT doc_id, reason FROM rejections WHERE source=?", (source,))
    return [doc_id for doc_id, reason in rows if source_had_nothing(doc_id, source, reason)]


def rejection_detail(doc: Document) -> str | None:
    """What was wrong with a rejected document: the reader's detail (what to do about it), else
    the error a stage raised; None when neither was recorded (:attr:`Document.rejection_detail`)."""
    return doc.rejection_detail


def rejection_row(doc: Document) -> dict[str, Any]:
    """The ``rejections`` row of a rejected document."""
    return {
        "doc_id": doc.id,
        "source": doc.source,
        "reason": doc.rejected,
        "detail": rejection_detail(doc),
        "rejected_at": _now(),
        # where our own code raised: a component's name ("time"), "page", "store", or
        # "pipeline" outside any one component; None for a page the reader turned away (the
        # reason says why)
        "stage": doc.meta.get("stage"),
    }


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one (not rejected) document, keyed by table name: the one place
    the store's rows are built (the SQLite store and the distributed runner's Parquet use it).
    Rows are the model's own ``to_dict`` values."""
    row = doc.to_dict()
    tables: dict[str, list[dict[str, Any]]] = {
        "documents": [
            {
                **{k: row[k] for k in DOCUMENT_COLUMNS},
                "text": doc.text,
                "skipped": json.dumps(doc.skipped),
                "stored_at": _now(),
                "body_quality": doc.body_quality,
                "headings": json.dumps(row["headings"], ensure_ascii=False),
                "captions": json.dumps(doc.captions, ensure_ascii=False),
                "layout": doc.layout,
                "partial": int(doc.partial),
                "key_points": json.dumps(doc.key_points, ensure_ascii=False),
                "entries": json.dumps(row["entries"], ensure_ascii=False),
            }
        ],
        "comments": [{"doc_id": doc.id, "idx": c.pop("index"), **c} for c in row["comments"]],
    }
    row["places"] += row["headline_places"]  # one table; `field` says which text
    for table in ("entities", "times", "places"):
        tables[table] = [{"doc_id": doc.id, "idx": i, **item} for i, item in enumerate(row[table])]
    for item in tables["times"]:  # "three days later": the day reached, in flat columns
        item.update(_prefixed("end_point_", item.pop("end_point"), ("value", "precision",
                                                                     *SPAN_KEYS)))
    tables["mentions"] = [
        {
            "doc_id": doc.id,
            "idx": i,
            **m.span_dict(),
            "label": m.label,
            **_prefixed(
                "",
                m.actor.to_dict() if m.actor else None,
                ("country", "sector", "cameo", "affiliation"),
            ),
            "actor_id": m.actor.id if m.actor else None,
            "actor_name": m.actor.name if m.actor else None,
        }
        for i, m in enumerate(doc.mentions)
    ]
    tables["quotes"] = [
        {
            "doc_id": doc.id,
            "idx": i,
            **q.span_dict(),
            "kind": q.kind,
            **_prefixed("speaker_", q.speaker.span_dict() if q.speaker else None, SPAN_KEYS),
            "speaker_cameo": q.speaker.actor.cameo if q.speaker and q.speaker.actor else None,
            **_prefixed("cue_", q.cue.span_dict() if q.cue else None, SPAN_KEYS),
            "sources": json.dumps([src.to_dict() for src in q.sources]),
            "source_kind": q.source_kind,
            "parts": json.dumps([p.span_dict() for p in q.parts]),
        }
        for i, q in enumerate(doc.quotes)
    ]
    tables["events"] = [_event_row(doc.id, i, e, doc.published) for i, e in enumerate(doc.events)]
    return tables


def dict_rows(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    """An executed query's rows as {column: value} dicts, read lazily: the store's readers and
    the API's share this one conversion."""
    cols = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(cols, row, strict=True))


class UnknownDocument(LookupError, ValueError):
    """A ``doc_id`` (or ``doc_ids``) naming no stored document, given to a reader that keeps
    one document's rows (:meth:`Store.events`, :meth:`Store.quotes`, ``export_events``,
    ``recode``). It answered an empty list, which a typo or an id prefix could not be told
    from; a stored document with no events still answers an empty list. A ``LookupError`` (a
    name that finds nothing) and a ``ValueError`` (what ``recode`` raised before), so either
    ``except`` catches it. ``doc_id`` is the id given."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(
            f"no stored document with id {doc_id!r}: give a whole stored id; "
            "Store.documents() lists them (each row's 'id')"
        )
        self.doc_id = doc_id


class Store:
    """A Diurna database file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        """Open (or, with ``create``, make) the database at ``path``.

        ``create=False`` is for readers: a missing file is then an error naming it instead of a
        new empty database.

        ``readonly=True`` is for commands that only read (listing, export, a server without a
        token): a file whose schema is current is opened read-only (SQLite ``mode=ro``), so
        nothing is written and a read-only file or mount can be read. A file an older Diurna
        made needs one writable open to gain what this version adds, so it is opened as a
        writer would (and migrated) when that is possible, or named with what to do when it is
        read-only. Writing through a read-only store raises ``sqlite3.OperationalError``.
        """
        self.path = Path(path)
        self.readonly = False
        # the URI the read-only connection was opened with (connect_read; is_snapshot says
        # whether it is an immutable snapshot, which sees nothing written after it opened)
        self.read_uri: str | None = None
        if readonly and self.path.is_file() and self._open_readonly():
            return
        if self.path.is_dir():
            raise IsADirectoryError(
                f"{self.path} is a folder, not a database file; pass a file in it, e.g. "
                f"--db {self.path / 'diurna.db'}"
            )
        if not create and not self.path.is_file():
            raise FileNotFoundError(
                f"no Diurna database at {self.path}: "
                f"run `diurna process ... --db {self.path}` first"
            )
        if not self.path.parent.is_dir():
            raise FileNotFoundError(
                f"cannot create a database at {self.path}: folder {self.path.parent} does not "
                "exist; create it or pass another --db file"
            )
        try:
            # A second writer waits for the first (busy timeout) instead of failing its insert.
            self.conn = sqlite3.connect(self.path, timeout=60)
            self._refuse_foreign()
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.executescript(SCHEMA)
            self.conn.executescript(EVENT_ACTORS + EVENT_JSON)
            self.conn.executescript(stats.EVENT_STATS)
            add_missing_columns(self.conn)
            self._migrate()
            self.conn.executescript(API_INDEXES)
            self.conn.execute(
                "INSERT OR IGNORE INTO meta VALUES (?, ?)", (META_VERSION, str(SCHEMA_VERSION))
            )
            self.conn.commit()
        except sqlite3.DatabaseError as err:
            if getattr(err, "sqlite_errorname", "").startswith("SQLITE_READONLY"):
                # opening writes (the schema, columns a newer Diurna added): a read-only file
                # is no foreign one, and the user can mend it
                why = ("it was made by an older Diurna and needs one writable open to gain the "
                       "tables and columns added since" if readonly else
                       "this command writes to it")
                raise PermissionError(
                    f"{self.path} is read-only, and {why} ({err}); make the file and its "
                    "folder writable (once, for an older file: any diurna command then brings "
                    "it up to date), or copy it somewhere writable and pass the copy as --db"
                ) from err
            raise self._open_error(err) from err

    def _refuse_foreign(self) -> None:
        """Close and raise ValueError when the file is another program's SQLite database (it
        has tables, none of them one Diurna makes), before anything is written: opening
        it as a store gave it Diurna's tables and WAL mode, also from a reading command such as
        ``diurna events``, which then listed 0 events."""
        names = [r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        ours = _created_names(SCHEMA, EVENT_ACTORS, EVENT_JSON, stats.EVENT_STATS)
        if names and not ours.intersection(names):
            self.conn.close()
            shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
            raise ValueError(
                f"{self.path} is not a Diurna database: it holds other tables ({shown}) and "
                "none of Diurna's; nothing was written to it; pass another --db file"
            )

    def _open_error(self, err: sqlite3.DatabaseError) -> OSError | ValueError:
        """The error to raise when a writable open failed with ``err``. SQLite says "unable to
        open database file" alike for a file or folder the user may not write (a read-only
        mount, another user's folder) and a foreign file: the first is named with what to do,
        since the file may well be a Diurna database (a folder is refused before opening)."""
        if getattr(err, "sqlite_errorname", "") == "SQLITE_CANTOPEN":
            folder = self.path.parent
            if self.path.is_file() and not os.access(self.path, os.W_OK):
                return PermissionError(
                    f"{self.path} is read-only (a read-only file or mount), and this command "
                    "writes to it; make it writable, or copy it somewhere writable and pass "
                    "the copy as --db (reading commands such as `diurna events` can read it "
                    "as it is)"
                )
            if not os.access(folder, os.W_OK):
                return PermissionError(
                    f"cannot write a database in {folder}: the folder is not writable; pass "
                    "--db a file in a folder you may write"
                )
        return ValueError(f"{self.path} is not a Diurna database ({err}); pass another --db file")

    def _open_readonly(self) -> bool:
        """Open the file read-only (``mode=ro``) if its schema is current; False (nothing kept
        open) when it needs migrating, so the caller opens it as a writer does."""
        try:
            conn, uri = connect_read(self.path)
            stale = migration_needed(conn)
            if stale and not self._may_write() and not migration_needed(conn, blobs=False):
                # Only the API's blobs are of an older shape: a file this user cannot write
                # is read as it is (the API then makes its events' JSON row by row).
                stale = False
        except sqlite3.DatabaseError as err:
            raise ValueError(
                f"{self.path} is not a Diurna database ({err}); pass another --db file"
            ) from err
        if stale:
            conn.close()
            return False
        self.conn = conn
        self.readonly = True
        self.read_uri = uri
        return True

    def _may_write(self) -> bool:
        """Whether this user may write the file and its folder (SQLite's WAL needs both)."""
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)

    def _migrate(self) -> None:
        """Bring a file written by an older version up to this schema (additive changes only)."""
        if "day" not in table_columns(self.conn, "events"):
            with self._writing():
                if "day" not in table_columns(self.conn, "events"):  # else another process added it
                    self.conn.execute("ALTER TABLE events ADD COLUMN day TEXT")
                    self.conn.execute(
                        "UPDATE events SET day = coalesce((SELECT CASE "
                        "WHEN events.date_precision = 'day' "
                        f"AND events.date_value GLOB '{_DAY_GLOB}' "
                        f"THEN events.date_value WHEN d.published GLOB '{_DAY_GLOB}*' "
                        "THEN substr(d.published, 1, 10) END FROM documents d "
                        "WHERE d.id = events.doc_id), '')"
                    )
        self._fill_event_actors()
        self._fill_event_json()
        self._fill_event_stats()
        self._name_unloaded_rejections()

    def _name_unloaded_rejections(self) -> None:
        """Give the rejections an older Diurna stored under the empty input's id for inputs
        that could not be loaded (too large, missing, unreadable) the id this version gives
        them (:func:`diurna.model.rejection_id`), so a rerun replaces each one's row instead
        of adding a second. Only the id changes; a row whose new key is already taken (a rerun
        of a newer version recorded it) is left as it was. Nothing is written when there is
        none to rename, and a read-only open shows the rows as they are."""
        old = self.conn.execute(
            "SELECT source, reason FROM rejections WHERE doc_id = ? AND reason != 'empty'",
            (EMPTY_ID,)).fetchall()
        if not old:
            return
        with self._writing():
            for source, reason in old:
                self.conn.execute(
                    "UPDATE OR IGNORE rejections SET doc_id = ? WHERE doc_id = ? AND source = ?",
                    (rejection_id(EMPTY_ID, source, reason), EMPTY_ID, source),
                )

    def _fill_event_stats(self) -> None:
        """Build ``event_stats`` (diurna.store.stats) once for a file written before it
        existed (recorded in ``meta``); afterwards every write of events updates it."""
        if self._meta_has(META_STATS_FILLED):
            return
        with self._writing():
            if not self._meta_has(META_STATS_FILLED):  # else another process did it
                stats.rebuild(self.conn)
                self.conn.execute("INSERT INTO meta VALUES (?, '1')", (META_STATS_FILLED,))

    def _meta_has(self, key: str) -> bool:
        """Whether the ``meta`` table holds ``key`` (one of the ``META_*`` keys)."""
        return self.conn.execute("SELECT 1 FROM meta WHERE key = ?", (key,)).fetchone() is not None

    def _fill_event_actors(self) -> None:
        """Give a file written before ``event_actors`` and ``event_json`` existed their rows,
        once (recorded in ``meta``); afterwards every write of events writes theirs too."""
        if self._meta_has(META_DERIVED_FILLED):
            return
        from diurna.store.eventjson import SELECT_SQL, event_blob

        with self._writing():
            if self._meta_has(META_DERIVED_FILLED):  # another process did it
                return
            for table in DERIVED_TABLES:
                self.conn.execute(f"DELETE FROM {table}")
            actors: list[dict[str, Any]] = []
            blobs: list[dict[str, Any]] = []
            for row in self._rows(SELECT_SQL):
                actors += event_actor_rows(row)
                blobs.append({"event_id": row["id"], "doc_id": row["doc_id"],
                              "json": event_blob(row)})  # fmt: skip
            self._insert_rows("event_actors", actors)
            self._insert_rows("event_json", blobs)
            self.conn.execute("INSERT INTO meta VALUES (?, '1')", (META_DERIVED_FILLED,))
            self._record_json_shape()

    def _record_json_shape(self) -> None:
        """Record in ``meta`` that the ``event_json`` blobs are of this version's shape."""
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                          (META_JSON_SHAPE, str(_json_shape_now())))

    def _fill_event_json(self) -> None:
        """Make the ``event_json`` blobs again when they are of an older shape (a file of
        session 38 or before: the place's country in alpha-2, no outlet), once, recorded in
        ``meta``: the API's events then carry what the export rows carry without the user
        rebuilding the store. Only derived rows change; ``events`` is as it was."""
        if json_shape(self.conn) == _json_shape_now():
            return
        from diurna.store.eventjson import SELECT_SQL, event_blob

        with self._writing():
            if json_shape(self.conn) == _json_shape_now():  # another process did it
                return
            self.conn.execute("DELETE FROM event_json")
            self._insert_rows("event_json", [
                {"event_id": row["id"], "doc_id": row["doc_id"], "json": event_blob(row)}
                for row in self._rows(SELECT_SQL)])
            self._record_json_shape()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection (``with Store(...)`` does it on leaving); a reader
        removes the ``-wal`` and ``-shm`` files its read-only connection made, when no other
        connection needs them (:func:`tidy_reader_files`)."""
        self.conn.close()
        if self.readonly and not is_snapshot(self.read_uri):
            tidy_reader_files(self.path)

    def require(self, doc_id: str) -> None:
        """Raise :class:`UnknownDocument` unless a document with this id is stored."""
        if not self.has(doc_id):
            raise UnknownDocument(doc_id)

    def has(self, doc_id: str) -> bool:
        """Whether a document with this id is stored (a rerun skips it before processing)."""
        return is_stored(self.conn, doc_id)

    def save(self, doc: Document, *, coder: str | None = None) -> str:
        """Store one processed document; returns ``stored``, ``duplicate`` or ``rejected``.

        A rejected document is recorded in ``rejections`` and never replaces a stored one.
        ``coder`` names what coded it (see :func:`diurna.batch.coder_version`); left out, the
        version the pipeline recorded on the document (``doc.coder``) is stored.

        A document whose rows cannot be written (the store's own code raised on it) is rolled
        back and recorded as a ``store_error`` rejection with stage ``store``, so one bad
        document neither ends a batch nor goes unrecorded. An ``sqlite3.OperationalError`` (the
        file is locked, full, read-only, or not this schema) is raised: it is the database's,
        and every later document would meet it too.
        """
        coder = doc.coder if coder is None else coder
        try:
            with self._writing():  # one transaction per document
                if doc.rejected:
                    self._insert_rows("rejections", [rejection_row(doc)],
                                      verb="INSERT OR REPLACE")
                    return "rejected"
                if self.has(doc.id):
                    return "duplicate"
                self._insert(doc, coder)
        except sqlite3.OperationalError:
            raise
        except Exception as err:
            if doc.rejected:  # recording the rejection itself failed: nothing else to try
                raise
            return self._store_failed(doc, err)
        return "stored"

    def _store_failed(self, doc: Document, err: Exception) -> str:
        """Record ``doc``, whose rows could not be written (their transaction rolled back), as
        a ``store_error`` rejection with stage ``store``; returns ``rejected``."""
        log.exception("store failed on %s", doc.source)
        doc.rejected = "store_error"
        doc.meta["error"] = f"{type(err).__name__}: {err}"
        doc.meta["stage"] = "store"
        self.save_rejection_row(rejection_row(doc))
        return "rejected"

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction, taken before the first read (``BEGIN IMMEDIATE``): another
        process writing to the same file makes this one wait (busy timeout), and the "is it
        stored?" check and the insert see the same state, so two writers neither fail an insert
        nor store a document twice."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def replace(self, doc: Document, *, coder: str | None = None) -> str:
        """Store ``doc`` in place of the stored document with its id (re-coding); returns
        ``recoded`` (or ``stored`` when there was none). The old coding's coder stays in the
        ``codings`` history; a rejected ``doc`` never replaces anything.

        As in :meth:`save`, rows that cannot be written roll back (the old coding stays) and
        the document is recorded as a ``store_error`` rejection with stage ``store`` (returns
        ``rejected``), so one document does not end a re-coding run; an
        ``sqlite3.OperationalError`` (the file is locked, full, read-only) is raised.
        ``coder`` is :meth:`save`'s (``doc.coder`` when left out)."""
        coder = doc.coder if coder is None else coder
        if doc.rejected:
            return self.save(doc, coder=coder)
        try:
            existed = self._replace(doc, coder)
        except sqlite3.OperationalError:
            raise
        except Exception as err:
            return self._store_failed(doc, err)
        return "recoded" if existed else "stored"

    def _replace(self, doc: Document, coder: str | None) -> bool:
        """:meth:`replace`'s one transaction; whether a stored document was replaced."""
        with self._writing():
            existed = self.has(doc.id)
            if existed:
                stored_at = self.conn.execute(
                    "SELECT stored_at FROM documents WHERE id=?", (doc.id,)
                ).fetchone()[0]
                stats.add_counts(self.conn, [doc.id], sign=-1)  # before its events go
                for table in (*CHILD_TABLES, *DERIVED_TABLES):
                    self.conn.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc.id,))
                self.conn.execute("DELETE FROM documents WHERE id=?", (doc.id,))
            self._insert(doc, coder, replaced=existed)
            if existed:
                self.conn.execute(
                    "UPDATE documents SET stored_at=? WHERE id=?", (stored_at, doc.id)
                )
        return existed

    def stored_document(self, doc_id: str) -> Document | None:
        """The stored document's text and page fields as a :class:`Document` with nothing coded
        (what re-coding starts from); None when no document has that id."""
        rows = list(self._rows("SELECT * FROM documents WHERE id=?", (doc_id,)))
        if not rows:
            return None
        row = rows[0]
        doc = Document(
            id=row["id"],
            source=row["source"],
            text=row["text"],
            **{k: row[k] for k in DOCUMENT_COLUMNS if k not in ("id", "source")},
        )
        doc.comments = [
            Comment(
                index=c["idx"],
                text=c["text"],
                author=c["author"],
                parent=c["parent"],
                depth=c["depth"] or 0,
                published=c["published"],
            )
            for c in self._rows("SELECT * FROM comments WHERE doc_id=? ORDER BY idx", (doc_id,))
        ]
        return doc

    def document_ids(self, *, not_coder: str | None = None) -> list[str]:
        """Ids of stored documents (only those not coded by ``not_coder`` when given)."""
        if not_coder is None:
            return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM documents WHERE coder IS NOT ? ORDER BY id", (not_coder,)
            )
        ]

    def _insert_rows(
        self, table: str, rows: list[dict[str, Any]], verb: str = "INSERT"
    ) -> None:
        if not rows:
            return
        cols = list(rows[0])
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join(f":{c}" for c in cols)
        self.conn.executemany(f"{verb} INTO {table} ({names}) VALUES ({marks})", rows)
        if table == "events":  # the derived rows go with their events, whatever the writer
            self._insert_derived(rows)

    def _insert_derived(self, events: list[dict[str, Any]]) -> None:
        """The ``event_actors`` and ``event_json`` rows of ``events`` (their documents are
        written first, in the same transaction)."""
        from diurna.store.eventjson import event_blob, with_document

        self._insert_rows("event_actors", [a for e in events for a in event_actor_rows(e)])
        docs: dict[str, dict[str, Any]] = {}
        blobs = []
        for e in events:
            if e["doc_id"] not in docs:
                docs[e["doc_id"]] = next(self._rows(
                    "SELECT text, title, published, url, site, source FROM documents "
                    "WHERE id = ?",
                    (e["doc_id"],)), {})  # fmt: skip
            blob = event_blob(with_document(e, docs[e["doc_id"]]))
            blobs.append({"event_id": e["id"], "doc_id": e["doc_id"], "json": blob})
        self._insert_rows("event_json", blobs)
        stats.add_counts(self.conn, list(docs))

    def _insert(self, doc: Document, coder: str | None = None, replaced: bool = False) -> None:
        """Write one document and its children (rows from :func:`document_rows`) and the
        record of its coding."""
        now = _now()
        self.conn.execute(
            "INSERT INTO codings VALUES (?,?,?,?,?)",
            (doc.id, coder, now, len(doc.events), int(replaced)),
        )
        rows = document_rows(doc)
        rows["documents"][0].update(stored_at=now, coder=coder, coded_at=now)
        for table, table_rows in rows.items():
            self._insert_rows(table, table_rows)
        self._forget_rejection(doc.id, doc.source)

    def _forget_rejection(self, doc_id: str, source: str) -> None:
        """Drop the rejection recorded for an input that is now stored (the same id and
        source: retried with ``--retry-rejected``, or stored by a newer Diurna), and the rows
        left by that source when it gave nothing to read (:func:`unloaded_rejections`: a 404
        that now answers, a file since created, trimmed or filled), so ``diurna rejections`` lists
        only inputs that are still not read. Called inside the document's own transaction."""
        unloaded = unloaded_rejections(self.conn, source)
        gone = [(doc_id, source), *((old, source) for old in unloaded)]
        self.conn.executemany("DELETE FROM rejections WHERE doc_id=? AND source=?", gone)

    def save_rows(self, rows: dict[str, list[dict[str, Any]]]) -> str:
        """Store one document given as its table rows (:func:`document_rows`, e.g. read back
        from a distributed run's Parquet); returns ``stored`` or ``duplicate``."""
        doc = rows["documents"][0]
        with self._writing():
            if self.has(doc["id"]):
                return "duplicate"
            # the document first: the events' derived rows read its title, date and text
            for table, table_rows in sorted(rows.items(), key=lambda kv: kv[0] != "documents"):
                self._insert_rows(table, table_rows)
            if doc.get("coder"):
                self.conn.execute(
                    "INSERT INTO codings VALUES (?,?,?,?,0)",
                    (doc["id"], doc["coder"], doc.get("coded_at"), len(rows.get("events", []))),
                )
            self._forget_rejection(doc["id"], doc["source"])
        return "stored"

    def save_rejection_row(self, row: dict[str, Any]) -> None:
        """Record one rejection row (:func:`rejection_row`)."""
        with self._writing():
            self._insert_rows("rejections", [row], verb="INSERT OR REPLACE")

    # --- reading -------------------------------------------------------------------------

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        return dict_rows(self.conn.execute(sql, params))

    def events(self, *, all_copies: bool = False, **filters: Any) -> list[dict[str, Any]]:
        """Stored events as typed rows (columns: :data:`diurna.store.schema.EVENT_COLUMNS`).

        Filters are those of :class:`diurna.store.query.EventQuery` (``type``, ``mode``,
        ``status``, ``actor_country``, ``recipient_country``, ``actor_sector``,
        ``recipient_sector``, ``actor_id``, ``recipient_id``, ``date_from``, ``date_to``,
        ``doc_id``, ``place``, ``limit``), the same as ``diurna events``/``diurna export`` take.
        An unknown filter or value (e.g. ``type="ATACK"``) raises ``ValueError`` naming it; a
        ``doc_id`` naming no stored document raises :class:`UnknownDocument`.
        As ``diurna events``, after ``diurna duplicates`` a clustered story's events are read
        once, from its first member; ``all_copies=True`` (``--all-copies``) keeps every copy's.
        """
        return list(self.iter_events(all_copies=all_copies, **filters))

    def iter_events(self, *, all_copies: bool = False, **filters: Any) -> Iterator[dict[str, Any]]:
        """Like :meth:`events`, one row at a time (for stores too big to hold in memory)."""
        from diurna.duplicates.clusters import once_per_story
        from diurna.store.query import EventQuery, event_row, select_sql, with_stored_actors

        query = with_stored_actors(EventQuery.build(**filters), self.conn)
        if query.doc_id is not None:
            self.require(query.doc_id)
        query = once_per_story(query, self, all_copies=all_copies)
        sql, params = query.sql(select_sql(self.conn))
        for raw in self._rows(sql, tuple(params)):
            yield event_row(raw)

    def to_arrow(self, *, all_copies: bool = False, **filters: Any) -> Any:
        """The filtered events as a typed ``pyarrow.Table`` (dates, booleans, lists of actors);
        the rows of :meth:`events`, copies left out unless ``all_copies``."""
        import pyarrow as pa

        from diurna.store.schema import arrow_schema

        rows = self.events(all_copies=all_copies, **filters)
        return pa.Table.from_pylist(rows, schema=arrow_schema())

    def to_pandas(self, *, all_copies: bool = False, **filters: Any) -> Any:
        """The filtered events as a ``pandas.DataFrame`` (needs pandas: ``pip install pandas``).
        Integer columns (offsets, ``place_geonameid``) are pandas' nullable ``Int64``: plain
        ``int64`` cannot hold a missing value, and pyarrow's default made them ``float64``
        (a GeoNames id read as ``170654.0``)."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "Store.to_pandas needs pandas: install it (pip install pandas, or "
                "bash scripts/setup.sh --analysis), or use Store.to_arrow()"
            ) from None
        import pyarrow as pa

        nullable = {pa.int64(): pandas.Int64Dtype()}
        return self.to_arrow(all_copies=all_copies, **filters).to_pandas(
            types_mapper=nullable.get)

    def rejections(self) -> list[dict[str, Any]]:
        """Every rejected input, oldest first: ``doc_id``, ``source``, ``reason`` code,
        ``detail``, ``rejected_at`` and ``stage`` (the stage that raised; None when none did,
        and in rows stored before it was recorded)."""
        return list(self._rows("SELECT * FROM rejections ORDER BY rejected_at"))

    def quotes(self, *, doc_id: str | None = None, speaker: str | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        """Stored quotes, in publication order then order in the text: each quote's row of
        the ``quotes`` table (offsets into its document's text; ``sources`` and ``parts``
        decoded from JSON) with its document's ``title``, ``url`` and ``published``.
        ``doc_id`` keeps one document's (one not stored raises :class:`UnknownDocument`);
        ``speaker`` those whose speaker's text contains it (case-insensitive); ``limit``
        (>= 1) the first so many."""
        if limit is not None and limit < 1:
            raise ValueError(f"limit must be 1 or more, not {limit}")
        if doc_id is not None:
            self.require(doc_id)
        where, params = [], []
        if doc_id is not None:
            where.append("q.doc_id = ?")
            params.append(doc_id)
        if speaker is not None:
            where.append("instr(lower(q.speaker_text), lower(?)) > 0")
            params.append(speaker)
        sql = ("SELECT q.*, d.title, d.url, d.published FROM quotes q "
               "JOIN documents d ON d.id = q.doc_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY d.published, q.doc_id, q.idx"
               + (f" LIMIT {int(limit)}" if limit is not None else ""))
        rows = list(self._rows(sql, tuple(params)))
        for row in rows:
            for key in ("sources", "parts"):
                row[key] = json.loads(row[key]) if row[key] else []
        return rows

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document's id, source, title, publication date, language, input
        format and when it was stored (not its text: :meth:`document_text`)."""
        return list(
            self._rows(
                "SELECT id, source, title, published, language, input_format, stored_at "
                "FROM documents"
            )
        )

    def document_listing(self, limit: int | None = None) -> list[dict[str, Any]]:
        """What ``diurna documents`` lists: each stored document's id, title, publication date,
        source, URL, site, language and its numbers of events and quotes, newest first as
        ``GET /api/documents`` orders them (``limit``: the first so many). The counts come from
        the tables' (doc_id, idx) keys, so they cost no scan."""
        sql = ("SELECT d.id, d.title, d.published, d.source, d.url, d.site, d.language, "
               "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events, "
               "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes "
               "FROM documents d ORDER BY d.published DESC, d.id LIMIT ?")
        return list(self._rows(sql, (-1 if limit is None else limit,)))

    def document_text(self, doc_id: str) -> str | None:
        """The stored body text of one document (what every offset points into); None when
        no such document is stored."""
        row = self.conn.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def count(self, table: str) -> int:
        """The number of rows of one of the store's tables."""
        tables = ("documents", *CHILD_TABLES, "rejections", "codings", *DERIVED_TABLES)
        if table not in tables:
            raise ValueError(f"unknown table {table!r}: use one of {', '.join(tables)}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
