"""The embedded store: one SQLite file with a table per kind of extracted value.

SQLite (standard library) rather than a server: a laptop user runs Diurna with no service to start,
and the file opens in any SQLite tool or in datasette. Each document is written in one transaction,
keyed by its content id, so a batch that dies half-way loses nothing already stored and the same
input processed twice is stored once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from diurna.model import Document, Event, Mention, Place, TimeExpr

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, source TEXT, title TEXT, dek TEXT, byline TEXT,
  published TEXT, published_source TEXT, updated TEXT, site TEXT, url TEXT, language TEXT,
  input_format TEXT, text TEXT NOT NULL, skipped TEXT, stored_at TEXT
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
  cue_text TEXT, cue_start INTEGER, cue_end INTEGER, sources TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS times (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  value TEXT, precision TEXT, end_value TEXT, anchor TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS places (
  doc_id TEXT REFERENCES documents(id), idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  geonameid INTEGER, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, feature TEXT,
  precision TEXT, qualifier TEXT, PRIMARY KEY (doc_id, idx)
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
  place_text TEXT, place_start INTEGER, place_end INTEGER
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS rejections (
  doc_id TEXT, source TEXT, reason TEXT, detail TEXT, rejected_at TEXT,
  PRIMARY KEY (doc_id, source)
);
"""

CHILD_TABLES = ("comments", "entities", "mentions", "quotes", "times", "places", "events")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _mention_cols(m: Mention | None) -> tuple[Any, ...]:
    if m is None:
        return (None,) * 7
    a = m.actor
    return (
        m.text,
        m.start,
        m.end,
        a.name if a else None,
        a.cameo if a else None,
        a.country if a else None,
        a.sector if a else None,
    )


def _time_cols(t: TimeExpr | None) -> tuple[Any, ...]:
    if t is None:
        return (None,) * 5
    return (t.value, t.precision, t.text, t.start, t.end)


def _place_cols(p: Place | None) -> tuple[Any, ...]:
    if p is None:
        return (None,) * 11
    return (
        p.geonameid,
        p.name,
        p.country,
        p.admin1,
        p.lat,
        p.lon,
        p.feature,
        p.precision,
        p.text,
        p.start,
        p.end,
    )


def _event_row(doc_id: str, idx: int, e: Event) -> tuple[Any, ...]:
    return (
        e.id,
        doc_id,
        idx,
        e.type,
        e.mode,
        json.dumps(e.contexts),
        e.cameo,
        e.status,
        int(e.negated),
        e.trigger.start,
        e.trigger.end,
        e.trigger.text,
        e.sentence.start,
        e.sentence.end,
        *_mention_cols(e.actor),
        *_mention_cols(e.recipient),
        json.dumps([m.to_dict() for m in e.actors]),
        json.dumps([m.to_dict() for m in e.recipients]),
        *(_mention_cols(e.source)[:3]),
        *_time_cols(e.date),
        *_place_cols(e.place),
    )


class Store:
    """A Diurna database file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.executescript(SCHEMA)
        except sqlite3.DatabaseError as err:
            raise ValueError(
                f"{self.path} is not a Diurna database ({err}); pass another --db file"
            ) from err
        self.conn.execute(
            "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )
        self.conn.commit()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def has(self, doc_id: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone()
            is not None
        )

    def save(self, doc: Document) -> str:
        """Store one processed document; returns ``stored``, ``duplicate`` or ``rejected``.

        A rejected document is recorded in ``rejections`` and never replaces a stored one.
        """
        with self.conn:  # one transaction per document
            if doc.rejected:
                self.conn.execute(
                    "INSERT OR REPLACE INTO rejections VALUES (?,?,?,?,?)",
                    (
                        doc.id,
                        doc.source,
                        doc.rejected,
                        doc.meta.get("detail") or doc.meta.get("error"),
                        _now(),
                    ),
                )
                return "rejected"
            if self.has(doc.id):
                return "duplicate"
            self._insert(doc)
        return "stored"

    def _insert(self, doc: Document) -> None:
        c = self.conn
        c.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                doc.source,
                doc.title,
                doc.dek,
                doc.byline,
                doc.published,
                doc.published_source,
                doc.updated,
                doc.site,
                doc.url,
                doc.language,
                doc.input_format,
                doc.text,
                json.dumps(doc.skipped),
                _now(),
            ),
        )
        c.executemany(
            "INSERT INTO comments VALUES (?,?,?,?,?,?,?)",
            [
                (doc.id, cm.index, cm.author, cm.text, cm.parent, cm.depth, cm.published)
                for cm in doc.comments
            ],
        )
        c.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?)",
            [(doc.id, i, e.start, e.end, e.text, e.label) for i, e in enumerate(doc.entities)],
        )
        c.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc.id,
                    i,
                    m.start,
                    m.end,
                    m.text,
                    m.label,
                    *(
                        (
                            m.actor.id,
                            m.actor.name,
                            m.actor.country,
                            m.actor.sector,
                            m.actor.cameo,
                            m.actor.affiliation,
                        )
                        if m.actor
                        else (None,) * 6
                    ),
                )
                for i, m in enumerate(doc.mentions)
            ],
        )
        c.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc.id,
                    i,
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    *(
                        (
                            q.speaker.text,
                            q.speaker.start,
                            q.speaker.end,
                            q.speaker.actor.cameo if q.speaker.actor else None,
                        )
                        if q.speaker
                        else (None,) * 4
                    ),
                    *((q.cue.text, q.cue.start, q.cue.end) if q.cue else (None,) * 3),
                    json.dumps([s.to_dict() for s in q.sources]),
                )
                for i, q in enumerate(doc.quotes)
            ],
        )
        c.executemany(
            "INSERT INTO times VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (doc.id, i, t.start, t.end, t.text, t.value, t.precision, t.end_value, t.anchor)
                for i, t in enumerate(doc.times)
            ],
        )
        c.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc.id,
                    i,
                    p.start,
                    p.end,
                    p.text,
                    p.geonameid,
                    p.name,
                    p.country,
                    p.admin1,
                    p.lat,
                    p.lon,
                    p.feature,
                    p.precision,
                    p.qualifier,
                )
                for i, p in enumerate(doc.places)
            ],
        )
        rows = [_event_row(doc.id, i, e) for i, e in enumerate(doc.events)]
        if rows:
            marks = ",".join("?" * len(rows[0]))
            c.executemany(f"INSERT OR REPLACE INTO events VALUES ({marks})", rows)

    # --- reading -------------------------------------------------------------------------

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(cols, row, strict=True))

    def events(self, *, type: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored events joined with their document's date, source and title."""
        sql = (
            "SELECT e.*, d.published AS doc_published, d.source AS doc_source, d.url AS doc_url, "
            "d.title AS doc_title FROM events e JOIN documents d ON d.id = e.doc_id"
        )
        params: tuple[Any, ...] = ()
        if type:
            sql += " WHERE e.type = ?"
            params = (type.upper(),)
        sql += " ORDER BY d.published, e.doc_id, e.idx"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return list(self._rows(sql, params))

    def rejections(self) -> list[dict[str, Any]]:
        return list(self._rows("SELECT * FROM rejections ORDER BY rejected_at"))

    def documents(self) -> list[dict[str, Any]]:
        return list(
            self._rows(
                "SELECT id, source, title, published, language, input_format, stored_at "
                "FROM documents"
            )
        )

    def document_text(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def count(self, table: str) -> int:
        if table not in (*CHILD_TABLES, "documents", "rejections"):
            raise ValueError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
