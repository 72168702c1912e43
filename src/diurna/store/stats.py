"""Pre-aggregated event counts (the ``event_stats`` table) that answer ``/api/stats`` quickly.

``/api/stats`` counts the filtered events by day and type, by place country and by primary actor
country. With "any actor" filters (:class:`diurna.store.query.EventQuery` reads them from
``event_actors``) a count over 100,000 events took 5-7 ms of CPU per request and over a second
at p95 under load (docs/api.md). ``event_stats`` holds one row per combination of

- the values the answer is grouped by: ``day``, ``type``, ``place_country``, ``actor_country``
  (the primary actor's, as in ``events``), and
- the values a filter can ask for: ``mode``, ``status``, ``f_actor`` and ``f_recipient``,

with its number of events ``n``. ``f_actor`` is ``'*'`` (no actor filter) or one country of any
of the event's actors, each country once per event, so an event with a Syrian and an Iraqi
actor is counted once under ``'*'``, once under ``SYR`` and once under ``IRQ`` (the same for
recipients, crossed with the actors). A filter on type, mode, status, actor and recipient
country and the date range is then a sum over the rows with those keys, exactly the count of
the events query. Any other filter (sector, id, place, bbox, text, document) falls back to the
events query (:func:`stats_where` returns None), and so do type and date filters alone, which
the events' covering indexes count faster.

The store keeps it up to date on every write of events (save, save_rows, recode: the replaced
document's events are subtracted first) and builds it once for an older file when it is opened.
NULL values are stored as :data:`NONE` so that the key can be a primary key.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from diurna.store.query import EventQuery

NONE = "\u2205"  # stands for NULL in a key column: never a type, mode, status or country code
ANY = "*"  # f_actor / f_recipient of the rows that count every event, whatever its actors

KEYS = ("day", "type", "mode", "status", "place_country", "actor_country", "f_actor",
        "f_recipient")  # fmt: skip

TABLE = "event_stats"  # the table's name, for the API's reads of it too
EVENT_STATS = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
  day TEXT NOT NULL, type TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL,
  place_country TEXT NOT NULL, actor_country TEXT NOT NULL,
  f_actor TEXT NOT NULL, f_recipient TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (f_actor, f_recipient, type, day, mode, status, place_country, actor_country)
) WITHOUT ROWID;
"""

_KEY_LIST = ", ".join(KEYS)
# The counts of the events selected by `{events}` (a WHERE on `events e`) and `{actors}` (the
# same on `event_actors a`), one row per key; sign 1 adds them, -1 takes them away.
_COUNTS_SQL = f"""
WITH ev AS (
  SELECT e.id, coalesce(e.day, '') AS day, coalesce(e.type, '{NONE}') AS type,
    coalesce(e.mode, '{NONE}') AS mode, coalesce(e.status, '{NONE}') AS status,
    coalesce(e.place_country, '{NONE}') AS place_country,
    coalesce(e.actor_country, '{NONE}') AS actor_country
  FROM events e {{events}}
),
fa AS (
  SELECT id AS event_id, '{ANY}' AS k FROM ev
  UNION SELECT a.event_id, a.country FROM event_actors a
  WHERE a.role = 'actor' AND a.country IS NOT NULL {{actors}}
),
fr AS (
  SELECT id AS event_id, '{ANY}' AS k FROM ev
  UNION SELECT a.event_id, a.country FROM event_actors a
  WHERE a.role = 'recipient' AND a.country IS NOT NULL {{actors}}
)
INSERT INTO {TABLE} ({_KEY_LIST}, n)
SELECT ev.day, ev.type, ev.mode, ev.status, ev.place_country, ev.actor_country,
  fa.k, fr.k, ? * count(*)
FROM ev JOIN fa ON fa.event_id = ev.id JOIN fr ON fr.event_id = ev.id
WHERE true
GROUP BY ev.day, ev.type, ev.mode, ev.status, ev.place_country, ev.actor_country, fa.k, fr.k
ON CONFLICT DO UPDATE SET n = n + excluded.n
"""


def add_counts(conn: sqlite3.Connection, doc_ids: list[str], sign: int = 1) -> None:
    """Add (``sign=1``) or take away (``sign=-1``) the counts of the stored events of
    ``doc_ids`` (their ``events`` and ``event_actors`` rows must be there); rows that fall to
    zero are removed. Runs in the caller's transaction."""
    if not doc_ids:
        return
    marks = ",".join("?" * len(doc_ids))
    sql = _COUNTS_SQL.format(
        events=f"WHERE e.doc_id IN ({marks})", actors=f"AND a.doc_id IN ({marks})"
    )
    # parameters in the order of the placeholders: ev, fa, fr, then the sign
    conn.execute(sql, [*doc_ids, *doc_ids, *doc_ids, sign])
    if sign < 0:
        conn.execute(f"DELETE FROM {TABLE} WHERE n <= 0")


def rebuild(conn: sqlite3.Connection) -> None:
    """All of ``event_stats`` again from ``events`` and ``event_actors`` (caller's
    transaction)."""
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(_COUNTS_SQL.format(events="", actors=""), [1])


# Filters the table keeps; of them, those the events' covering (type, day, ...) and (day, ...)
# indexes do not: with none of these given, counting the events is as fast or faster (the whole
# store: 67 ms from the events, 139 ms from this table, at 100,000 events; docs/api.md).
ANSWERABLE = frozenset({"type", "mode", "status", "actor_country", "recipient_country",
                        "date_from", "date_to", "limit"})  # fmt: skip
SELECTIVE = frozenset({"mode", "status", "actor_country", "recipient_country"})


def stats_where(query: EventQuery, *, always: bool = False) -> tuple[str, list[Any]] | None:
    """The ``WHERE`` clause on ``event_stats s`` that selects the counts of ``query``'s events,
    or None when a filter is one the table does not keep, or (unless ``always``) when no
    filter of :data:`SELECTIVE` is given; then count the events themselves. Values are
    validated as by :meth:`EventQuery.conditions` (same errors). A query that leaves out or
    keeps only near-duplicate copies (``query.copies``) is not answered here either."""
    given = {name for name in EventQuery.names() if getattr(query, name) not in (None, "")}
    if given - ANSWERABLE or query.copies or not (always or given & SELECTIVE):
        return None  # (the table counts every document's events: copies are not told apart)
    query.conditions()  # raises FilterError for a bad value, with the events path's message
    from diurna.store.query import _valid_country, _valid_day, _valid_mode, _valid_type

    clauses = ["s.f_actor = ?", "s.f_recipient = ?"]
    params: list[Any] = [
        _valid_country(query.actor_country) if query.actor_country else ANY,
        _valid_country(query.recipient_country) if query.recipient_country else ANY,
    ]
    types = [_valid_type(t) for t in (query.type or "").split(",") if t.strip()]
    if types:
        clauses.append(f"s.type IN ({','.join('?' * len(types))})")
        params += types
    if query.mode:
        single = query.type if query.type and "," not in query.type else None
        clauses.append("s.mode = ?")
        params.append(_valid_mode(query.mode, single))
    if query.status:
        clauses.append("s.status = ?")
        params.append(query.status.lower())
    if query.date_from:
        clauses.append("s.day >= ?")
        params.append(_valid_day(query.date_from, "date_from"))
    if query.date_to:
        clauses.append("s.day > '' AND s.day <= ?")
        params.append(_valid_day(query.date_to, "date_to"))
    return " WHERE " + " AND ".join(clauses), params


def key_value(value: str) -> str | None:
    """A key column's value as the events table has it (:data:`NONE` back to None)."""
    return None if value == NONE else value


__all__ = ["EVENT_STATS", "add_counts", "key_value", "rebuild", "stats_where"]
