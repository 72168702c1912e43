"""The API's event reader: filters, sorting and cursor pages over the store's ``events`` table.

This is the small interface the endpoints are written against (:class:`EventFilters` in,
rows out). The filter names are those of the store's query layer (``type``, ``mode``,
``status``, ``actor_country``, ``recipient_country``, ``actor_sector``, ``recipient_sector``,
``actor_id``, ``date_from``, ``date_to``, ``doc_id``, ``place``) so the CLI and the API mean the
same thing by them; the API adds what only a browser needs: a bounding box, free text in the
sentence, sorting and keyset ("cursor") pagination, which stays fast at any depth because it never
counts skipped rows (``OFFSET``).

Every value is validated before it reaches SQL (and reaches it only as a bound parameter): a value
that cannot match (an unknown event type, a malformed date) raises :class:`FilterError` naming it,
which the API turns into a 400 response, instead of a silent empty page.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, get_args

import orjson

from diurna.model import Status
from diurna.store import query

STATUSES: tuple[str, ...] = get_args(Status)

# The event's day (the store's ``events.day``): its own date when the text gives a whole day,
# else the publication day, else '' -- the same rule as the store's query layer, so a day means
# the same in the CLI and the API; kept in a column so date filters and order use an index.
EVENT_DAY_SQL = "e.day"
SENTENCE_SQL = "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"

SELECT_SQL = (
    f"SELECT e.*, nullif(e.day, '') AS event_date, {SENTENCE_SQL} AS sentence_text, "
    "d.published AS doc_published, d.title AS doc_title, d.url AS doc_url "
    "FROM events e JOIN documents d ON d.id = e.doc_id"
)
FROM_SQL = " FROM events e JOIN documents d ON d.id = e.doc_id"
EVENTS_ONLY_SQL = " FROM events e"

# sort key -> SQL expression (never NULL, so the keyset comparison is total); both indexed.
SORTS: dict[str, str] = {"date": "e.day", "type": "e.type"}
MAX_LIMIT = 1000
DOC_ID = re.compile(r"^[0-9a-f]{16}$")


class FilterError(ValueError):
    """A filter value that cannot be used; the message names it and says what to give."""


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which events to read; every filter is optional and all given ones must hold."""

    type: str | None = None
    mode: str | None = None
    status: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    actor_id: str | None = None
    recipient_id: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    doc_id: str | None = None
    place: str | None = None
    bbox: str | None = None
    q: str | None = None

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def from_params(cls, params: dict[str, str]) -> EventFilters:
        """Filters from query parameters (empty values are ignored; other names are not ours)."""
        return cls(**{k: v.strip() for k, v in params.items() if k in cls.names() and v.strip()})

    def source(self) -> str:
        """The FROM clause these filters need: the document join only for text search."""
        return FROM_SQL if self.q else EVENTS_ONLY_SQL

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions (joined with AND) and their parameters; validates every value."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.type:
            types = [_checked(query._valid_type, t) for t in self.type.split(",") if t.strip()]
            add(f"e.type IN ({','.join('?' * len(types))})", *types)
        if self.mode:
            single = self.type if self.type and "," not in self.type else None
            add("e.mode = ?", _checked(query._valid_mode, self.mode, single))
        if self.status:
            status = self.status.lower()
            if status not in STATUSES:
                raise FilterError(
                    f"unknown status {self.status!r}: use one of {', '.join(STATUSES)}"
                )
            add("e.status = ?", status)
        for column, value in (
            ("actor_country", self.actor_country),
            ("recipient_country", self.recipient_country),
        ):
            if value:  # ISO alpha-3 or alpha-2, as the store's query layer takes them
                add(f"e.{column} = ?", _checked(query._valid_country, value))
        for column, value in (
            ("actor_sector", self.actor_sector),
            ("recipient_sector", self.recipient_sector),
        ):
            if value:
                add(f"e.{column} = ?", value.upper())
        for column, value in (("actor_code", self.actor_id), ("recipient_code", self.recipient_id)):
            if value:  # the dictionary id (IRN-GOV) or the CAMEO code (IRNGOV)
                add(f"e.{column} IN (?, ?)", value.upper(), value.upper().replace("-", ""))
        if self.date_from:
            add(f"{EVENT_DAY_SQL} >= ?", _valid_day(self.date_from, "date_from"))
        if self.date_to:
            add(f"{EVENT_DAY_SQL} <= ?", _valid_day(self.date_to, "date_to"))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise FilterError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.doc_id:
            add("e.doc_id = ?", valid_doc_id(self.doc_id))
        if self.place:  # a GeoNames id, a place or division name, or a country code
            clause, values = _checked(query._place_clause, self.place)
            add(clause, *values)
        if self.bbox:
            w, s, e, n = _valid_bbox(self.bbox)
            add("e.place_lat BETWEEN ? AND ?", s, n)
            add(
                "e.place_lon BETWEEN ? AND ?"
                if w <= e
                else "(e.place_lon >= ? OR e.place_lon <= ?)",
                w,
                e,
            )
        if self.q:
            if len(self.q) > 200:
                raise FilterError("q is longer than 200 characters: search for a shorter phrase")
            add(f"instr(lower({SENTENCE_SQL}), lower(?)) > 0", self.q)
        return clauses, params


def valid_doc_id(value: str) -> str:
    """A document id (16 hex digits, the start of the input's SHA-256) or FilterError."""
    if not DOC_ID.match(value):
        raise FilterError(f"{value[:40]!r} is not a document id: give 16 hex digits")
    return value


def _checked(check: Callable[..., Any], *args: Any) -> Any:
    """A value checked by the store's query layer, its ValueError made a FilterError (400)."""
    try:
        return check(*args)
    except ValueError as err:
        raise FilterError(str(err)) from None


def _valid_day(value: str, name: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(f"{name} {value!r} is not a date: use YYYY-MM-DD") from None


def _valid_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise FilterError(
            f"bbox {value!r} is not four numbers: use min_lon,min_lat,max_lon,max_lat"
        ) from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise FilterError(f"bbox {value!r} is outside the globe or has min_lat > max_lat")
    return w, s, e, n


# --- pages ---------------------------------------------------------------------------------


def encode_cursor(sort: str, key: Any, event_id: str) -> str:
    raw = json.dumps([sort, key, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_sort, key, event_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError):
        raise FilterError("cursor is not one this API gave: use the `next` of a page") from None
    if got_sort != sort or not isinstance(event_id, str):
        raise FilterError("cursor belongs to another sort order: start again without it")
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
    filters: EventFilters,
    *,
    sort: str | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of raw event rows and the cursor of the next page (None at the end)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise FilterError(f"limit {limit} is out of range: give 1 to {MAX_LIMIT}")
    key, desc = parse_sort(sort)
    expr = SORTS[key]
    clauses, params = filters.where()
    if cursor:
        after_key, after_id = decode_cursor(cursor, key)
        op = "<" if desc else ">"
        clauses.append(f"({expr}, e.id) {op} (?, ?)")
        params.extend([after_key, after_id])
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    direction = "DESC" if desc else "ASC"
    sql = (
        f"{SELECT_SQL.replace('SELECT ', f'SELECT {expr} AS sort_key, ', 1)}{where} "
        f"ORDER BY sort_key {direction}, e.id {direction} LIMIT ?"
    )
    rows = _rows(conn, sql, [*params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(key, rows[-1]["sort_key"], rows[-1]["id"]) if more and rows else None
    return rows, nxt


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur]


# --- shapes ----------------------------------------------------------------------------------


def _span(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(prefix + "start") is None:
        return None
    return {
        "text": row.get(prefix + "text"),
        "start": row[prefix + "start"],
        "end": row[prefix + "end"],
    }


def _participant(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    span = _span(row, role + "_")
    if span is None:
        return None
    return {
        **span,
        "name": row[role + "_name"],
        "code": row[role + "_code"],
        "country": row[role + "_country"],
        "sector": row[role + "_sector"],
    }


def _stored_json(value: str | None, empty: bytes = b"[]") -> orjson.Fragment:
    """A JSON column of the store embedded as it is (the model's own ``to_dict`` shape), with
    no parse and re-serialise per row."""
    return orjson.Fragment(value.encode() if value else empty)


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """An event as the API shows it: nested, every span with offsets into its document's text."""
    place = None
    if row["place_start"] is not None or row["place_geonameid"] is not None:
        place = {
            **(_span(row, "place_") or {}),
            "geonameid": row["place_geonameid"],
            "name": row["place_name"],
            "country": row["place_country"],
            "admin1": row["place_admin1"],
            "lat": row["place_lat"],
            "lon": row["place_lon"],
            "precision": row["place_precision"],
        }
    date_ = None
    if row["date_value"] is not None or row["date_start"] is not None:
        date_ = {
            **(_span(row, "date_") or {}),
            "value": row["date_value"],
            "precision": row["date_precision"],
        }
    return {
        "id": row["id"],
        "doc_id": row["doc_id"],
        "type": row["type"],
        "mode": row["mode"],
        "contexts": _stored_json(row["contexts"]),
        "cameo": row["cameo"],
        "status": row["status"],
        "negated": bool(row["negated"]),
        "event_date": row["event_date"],
        "trigger": _span(row, "trigger_"),
        "sentence": {
            "start": row["sentence_start"],
            "end": row["sentence_end"],
            "text": row["sentence_text"],
        },
        "actor": _participant(row, "actor"),
        "recipient": _participant(row, "recipient"),
        # Every actor (recipient) mention, the first the primary: Mention.to_dict() as stored.
        "actors": _stored_json(row["actors"]),
        "recipients": _stored_json(row["recipients"]),
        "source": _span(row, "source_"),
        "date": date_,
        "place": place,
        "document": {
            "id": row["doc_id"],
            "title": row["doc_title"],
            "published": row["doc_published"],
            "url": row["doc_url"],
        },
    }


CSV_COLUMNS = (
    "id", "doc_id", "event_date", "type", "mode", "cameo", "status", "negated",
    "actor_text", "actor_name", "actor_code", "actor_country", "actor_sector",
    "recipient_text", "recipient_name", "recipient_code", "recipient_country", "recipient_sector",
    "date_value", "date_precision", "place_geonameid", "place_name", "place_country",
    "place_lat", "place_lon", "trigger_text", "trigger_start", "trigger_end",
    "sentence_start", "sentence_end", "sentence_text", "doc_title", "doc_published", "doc_url",
)  # fmt: skip


def event_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Feature for an event with a located place (None without coordinates)."""
    if row["place_lat"] is None or row["place_lon"] is None:
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [row["place_lon"], row["place_lat"]]},
        "properties": event_json(row),
    }
