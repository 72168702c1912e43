"""The nested JSON shape of one event, as the HTTP API shows it, made once when it is stored.

``event_json(row)`` takes one row of the ``events`` table joined with its document (the API's
``SELECT_SQL``: ``event_date``, ``sentence_text``, ``doc_title``, ``doc_published``,
``doc_url``) and nests it: every span with offsets into the document's text, every actor and
recipient mention in the model's own ``Mention.to_dict()`` shape. The store writes
``event_blob`` of each event into its ``event_json`` table on save, so an API page is the SQL and
100 stored blobs joined, with no shaping per request.
"""

from __future__ import annotations

from typing import Any

import orjson

from diurna.store.query import SENTENCE_SQL

# An event row with what event_json needs of its document.
SELECT_SQL = (
    f"SELECT e.*, nullif(e.day, '') AS event_date, {SENTENCE_SQL} AS sentence_text, "
    "d.published AS doc_published, d.title AS doc_title, d.url AS doc_url "
    "FROM events e JOIN documents d ON d.id = e.doc_id"
)


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




def with_document(event: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """An ``events`` row as it is being written, given its document's row, in the shape of a
    :data:`SELECT_SQL` row (what :func:`event_json` reads)."""
    start, end = event["sentence_start"], event["sentence_end"]
    text = document.get("text") or ""
    return {
        **event,
        "event_date": event.get("day") or None,
        "sentence_text": text[start:end] if start is not None and end is not None else None,
        "doc_published": document.get("published"),
        "doc_title": document.get("title"),
        "doc_url": document.get("url"),
    }


def event_blob(row: dict[str, Any]) -> bytes:
    """``event_json(row)`` serialised (compact UTF-8 JSON), as the store keeps it."""
    return orjson.dumps(event_json(row))
