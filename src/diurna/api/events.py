"""The API's event reader: sorting, cursor pages and the JSON shapes of events.

Which events a request selects is decided by the store's query layer alone
(:class:`diurna.store.query.EventQuery`, the filters ``diurna events``, ``diurna export`` and
``Store.events()`` take), so the API and the CLI accept the same values and return the same
rows. This module adds what only a browser needs: sorting and keyset ("cursor") pagination,
which stays fast at any depth because it never counts skipped rows (``OFFSET``).

A filter value that cannot match (an unknown event type, a malformed date) raises
:class:`FilterError` naming it, which the API turns into a 400 response.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
from typing import Any

import orjson

from diurna.store.eventjson import SELECT_SQL, SHAPE, blob_sql, event_json
from diurna.store.query import EventQuery, FilterError, select_sql
from diurna.store.sqlite import META_JSON_SHAPE, dict_rows

__all__ = ["SELECT_SQL", "FilterError", "event_json", "event_query"]

FROM_SQL = " FROM events e JOIN documents d ON d.id = e.doc_id"
EVENTS_ONLY_SQL = " FROM events e"
# Only the near-duplicate copies' events (what /api/stats takes away from its counts) are few and
# found by the doc_id index; without statistics SQLite would rather walk a type or country index
# over every event (8.7 ms against 2.1 ms for type + actor country on 100,000 events).
BY_DOCUMENT = " INDEXED BY events_doc"

# sort key -> SQL expression (never NULL, so the keyset comparison is total); both indexed.
SORTS: dict[str, str] = {"date": "e.day", "type": "e.type"}
MAX_LIMIT = 1000
DOC_ID = re.compile(r"^[0-9a-f]{16}$")
# The query layer's filter names the API takes (its `limit` is the API's page size instead).
FILTER_NAMES = frozenset(EventQuery.names()) - {"limit"}


def event_query(params: dict[str, str]) -> EventQuery:
    """The store's query from request parameters (names outside the filters are ignored)."""
    return EventQuery.build(**{k: v for k, v in params.items() if k in FILTER_NAMES})


def source(query: EventQuery) -> str:
    """The FROM clause a query needs: the document join only for text search; the events by
    document when the query keeps only the copies' (:data:`BY_DOCUMENT`)."""
    sql = FROM_SQL if query.needs_document() else EVENTS_ONLY_SQL
    if query.copies == "only":
        sql = sql.replace(" FROM events e", " FROM events e" + BY_DOCUMENT, 1)
    return sql


def valid_doc_id(value: str) -> str:
    """A document id (16 hex digits, the start of the input's SHA-256) or FilterError."""
    if not DOC_ID.match(value):
        raise FilterError(f"{value[:40]!r} is not a document id: give 16 hex digits")
    return value


# --- pages ---------------------------------------------------------------------------------


def encode_cursor(sort: str, key: Any, event_id: str) -> str:
    """The opaque ``next`` cursor of a page: the sort, the last row's sort key and its id
    (the id breaks ties), URL-safe base64 of JSON."""
    raw = json.dumps([sort, key, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """(sort key, event id) of a cursor from :func:`encode_cursor`; FilterError when it is not
    one this API gave or was made for another sort order."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_sort, key, event_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError):
        raise FilterError("cursor is not one this API gave: use the `next` of a page") from None
    if got_sort != sort or not isinstance(event_id, str):
        raise FilterError("cursor belongs to another sort order: start again without it")
    if not isinstance(key, str):  # every sort key is text (SORTS); another could not be bound
        raise FilterError("cursor is not one this API gave: use the `next` of a page")
    return key, event_id


def parse_sort(value: str | None) -> tuple[str, bool]:
    """``date`` / ``-date`` (descending) etc. -> (key, descending)."""
    value = (value or "date").strip()
    desc = value.startswith("-")
    key = value.lstrip("-+")
    if key not in SORTS:
        raise FilterError(
            f"unknown sort {value!r}: use one of {', '.join(SORTS)} (- for descending)"
        )
    return key, desc


def page(
    conn: sqlite3.Connection,
    filters: EventQuery,
    *,
    sort: str | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of raw event rows and the cursor of the next page (None at the end). The rows
    are the store's query layer's (:func:`diurna.store.query.select_sql`, which ``diurna
    export`` reads), so :func:`diurna.store.query.event_row` makes the export's typed rows of
    them (the CSV page) and :func:`event_json` the API's nested events (GeoJSON). JSON pages
    use :func:`page_blobs` instead."""
    where, params, key, direction = _page_parts(filters, sort, limit, cursor)
    order = f" ORDER BY sort_key {direction}, e.id {direction} LIMIT ?"
    select = select_sql(conn).replace("SELECT ", f"SELECT {SORTS[key]} AS sort_key, ", 1)
    sql = f"{select}{where}{order}"
    rows = list(dict_rows(conn.execute(sql, [*params, limit + 1])))
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(key, rows[-1]["sort_key"], rows[-1]["id"]) if more and rows else None
    return rows, nxt


def page_blobs(
    conn: sqlite3.Connection,
    filters: EventQuery,
    *,
    sort: str | None = None,
    limit: int = 100,
    cursor: str | None = None,
    separator: str = ",",
) -> tuple[bytes, str | None]:
    """The page of :func:`page` as its stored event blobs joined by ``separator`` in one
    ``bytes`` (empty for no events), and the next page's cursor.

    Same events, order and cursor as :func:`page`, each event's :func:`event_json` (tested
    byte for byte against the rows of that page), but from
    ONE result row: SQLite joins the blobs (``group_concat``) and picks the page's last key, so
    Python steps the statement once instead of once per event. Each step releases and takes
    back the GIL; under 50 concurrent clients those hand-overs between the server's threads
    cost more than the query itself (measured in docs/api.md). Each stored blob gets the
    event's ``cluster_id`` and ``copy_of`` spliced on (:func:`blob_sql`).

    A store whose blobs are of an older shape (a file of session 38 or before that this user
    cannot write, so it was not brought up to date on opening) gets the same bytes made from
    its rows (:func:`page` and :func:`event_json`), slower but with the values of this version.
    """
    shape, clusters, duplicates = conn.execute(_BLOB_STATE_SQL, (META_JSON_SHAPE,)).fetchone()
    if int(shape or 1) != SHAPE:
        rows, nxt = page(conn, filters, sort=sort, limit=limit, cursor=cursor)
        return separator.encode().join(orjson.dumps(event_json(r)) for r in rows), nxt
    where, params, key, direction = _page_parts(filters, sort, limit, cursor)
    order = f" ORDER BY sort_key {direction}, e.id {direction} LIMIT ?"
    spliced = blob_sql(bool(clusters), bool(duplicates))
    inner = (
        f"SELECT {SORTS[key]} AS sort_key, e.id AS id, {spliced} AS json{source(filters)} "
        f"JOIN event_json j ON j.event_id = e.id{where}{order}"
    )
    # The (at most limit + 1) rows are numbered and joined in the order the ordered subquery
    # yields them. SQLite before 3.44 has no ORDER BY inside group_concat, and a window
    # ORDER BY would sort the blobs again (measured: +0.3 ms on a cursor page), so this relies
    # on the subquery's order; tests/api/test_page_blobs.py checks it against the per-row path.
    numbered = f"SELECT sort_key, id, json, row_number() OVER () AS n FROM ({inner})"
    sql = (
        f"SELECT CAST(group_concat(json, ?) FILTER (WHERE n <= ?) AS BLOB), count(*), "
        f"max(CASE WHEN n = ? THEN sort_key END), max(CASE WHEN n = ? THEN id END) "
        f"FROM ({numbered})"
    )
    body, count, last_key, last_id = conn.execute(
        sql, [separator, limit, limit, limit, *params, limit + 1]
    ).fetchone()
    nxt = encode_cursor(key, last_key, last_id) if count > limit else None
    return body or b"", nxt


# What page_blobs asks of the store in one statement (one step, where three took 0.1 ms): the
# blobs' shape (diurna.store.sqlite.json_shape) and whether `diurna clusters` and `diurna
# duplicates` have made their tables.
_BLOB_STATE_SQL = (
    "SELECT (SELECT value FROM meta WHERE key = ?), "
    "EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_clusters'), "
    "EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'duplicates')"
)


def _page_parts(
    filters: EventQuery, sort: str | None, limit: int, cursor: str | None
) -> tuple[str, list[Any], str, str]:
    """What both page readers share: the WHERE clause (with the cursor's keyset bound), its
    parameters, the sort key and the direction (ASC or DESC)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise FilterError(f"limit {limit} is out of range: give 1 to {MAX_LIMIT}")
    key, desc = parse_sort(sort)
    expr = SORTS[key]
    clauses, params = filters.conditions(ordered=True)
    if cursor:
        after_key, after_id = decode_cursor(cursor, key)
        op = "<" if desc else ">"
        clauses.append(f"({expr}, e.id) {op} (?, ?)")
        params.extend([after_key, after_id])
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return where, params, key, "DESC" if desc else "ASC"


# --- shapes ----------------------------------------------------------------------------------
# The nested event (event_json) is made by the store, which keeps it pre-serialised per event
# (``event_json`` table) so that a page is the SQL plus 100 stored blobs joined.

def event_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Feature for an event with a located place (None without coordinates)."""
    if row["place_lat"] is None or row["place_lon"] is None:
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [row["place_lon"], row["place_lat"]]},
        "properties": event_json(row),
    }
