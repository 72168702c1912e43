"""The nested JSON shape of one event, as the HTTP API shows it, made once when it is stored.

``event_json(row)`` takes one row of the ``events`` table joined with its document (the query
layer's ``SELECT_SQL``, or its ``select_sql(conn)`` with ``cluster_id`` and ``copy_of``) and
nests it: every span with offsets into the document's text, every actor and recipient mention in
the model's own ``Mention.to_dict()`` shape, and the values the export rows carry (the place's
country in ISO alpha-3 with its alpha-2 beside it, the document's outlet, ``cluster_id``,
``copy_of``: one meaning per value on every surface).

The store writes ``event_blob`` of each event into its ``event_json`` table on save, with
``cluster_id`` and ``copy_of`` null: ``diurna clusters`` and ``diurna duplicates`` set them after
the event is written. An API page is the SQL and the stored blobs joined, with no shaping in
Python per request; once either command has made its table, the two values are spliced over
each blob's null tail in SQL (:func:`blob_sql`). Blobs of an older shape (:data:`SHAPE`,
recorded in the store's ``meta``) are made again when a writer opens the file
(``Store._fill_event_json``).
"""

from __future__ import annotations

from typing import Any

import orjson

from diurna.places.codes import alpha2, alpha3
from diurna.store.query import CLUSTER_ID_SQL, COPY_OF_SQL, SELECT_SQL, outlet

__all__ = ["SELECT_SQL", "SHAPE", "TAIL", "blob_sql", "event_blob", "event_json",
           "with_document"]

#: The shape of the stored blobs. 1 (until session 39): the place's country in alpha-2, no
#: outlet. 2: the place's country in alpha-3 with ``country_alpha2``, ``document.outlet``.
SHAPE = 2

#: How every stored blob ends: :func:`event_json`'s last two keys, null until ``diurna
#: clusters`` / ``diurna duplicates`` have run (:func:`blob_sql` puts their values there).
TAIL = b',"cluster_id":null,"copy_of":null}'


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
    """An event as the API shows it: nested, every span with offsets into its document's text;
    ``cluster_id`` and ``copy_of`` last, from the row (None when it has neither)."""
    place = None
    if row["place_start"] is not None or row["place_geonameid"] is not None:
        place = {
            **(_span(row, "place_") or {}),
            "geonameid": row["place_geonameid"],
            "name": row["place_name"],
            # alpha-3 as every other country of Diurna's rows; the gazetteer's alpha-2 beside
            "country": alpha3(row["place_country"]) or row["place_country"],
            "country_alpha2": alpha2(row["place_country"]) or row["place_country"],
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
            "outlet": outlet(row.get("doc_outlet"), row["doc_url"], row.get("doc_source")),
        },
        "cluster_id": row.get("cluster_id"),
        "copy_of": row.get("copy_of"),
    }


def blob_sql(cluster: bool, copy: bool) -> str:
    """The SQL of an event's API JSON from its stored blob ``j.json`` (events ``e``).
    ``cluster``/``copy``: whether the store has the table each of ``cluster_id`` and
    ``copy_of`` is read from (``event_clusters``, ``duplicates``). With neither, the blob as it
    is (both null, as stored: no cost per event); else its :data:`TAIL` replaced by the two
    values, as text, not parsed: both are ids (hex digits and a colon) quoted by
    ``json_quote``, and a blob's length is counted in bytes."""
    if not (cluster or copy):
        return "j.json"
    cluster_id = CLUSTER_ID_SQL if cluster else "NULL"
    copy_of = COPY_OF_SQL if copy else "NULL"
    return (
        f"substr(j.json, 1, length(j.json) - {len(TAIL)}) || "
        f"',\"cluster_id\":' || json_quote({cluster_id}) || "
        f"',\"copy_of\":' || json_quote({copy_of}) || '}}'"
    )


def with_document(event: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """An ``events`` row as it is being written, given its document's row, in the shape of a
    :data:`SELECT_SQL` row (what :func:`event_json` reads); ``document`` has the columns
    ``text``, ``title``, ``published``, ``url``, ``site`` and ``source``."""
    start, end = event["sentence_start"], event["sentence_end"]
    text = document.get("text") or ""
    return {
        **event,
        "event_date": event.get("day") or None,
        "sentence_text": text[start:end] if start is not None and end is not None else None,
        "doc_published": document.get("published"),
        "doc_title": document.get("title"),
        "doc_url": document.get("url"),
        "doc_outlet": document.get("site"),
        "doc_source": document.get("source"),
    }


def event_blob(row: dict[str, Any]) -> bytes:
    """``event_json(row)`` with ``cluster_id`` and ``copy_of`` null, serialised (compact UTF-8
    JSON, ending in :data:`TAIL`), as the store keeps it."""
    return orjson.dumps(event_json({**row, "cluster_id": None, "copy_of": None}))
