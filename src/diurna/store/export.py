"""Export stored events to CSV, Parquet or JSONL, in Diurna's columns or POLECAT-like ones."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from diurna.store.sqlite import Store

FORMATS = ("csv", "parquet", "jsonl")

# Diurna columns (every event row keeps its provenance: doc id and offsets).
DIURNA_COLUMNS = [
    "id",
    "doc_id",
    "type",
    "mode",
    "contexts",
    "cameo",
    "status",
    "negated",
    "actor_text",
    "actor_name",
    "actor_code",
    "actor_country",
    "actor_sector",
    "recipient_text",
    "recipient_name",
    "recipient_code",
    "recipient_country",
    "recipient_sector",
    "source_text",
    "date_value",
    "date_precision",
    "date_text",
    "place_geonameid",
    "place_name",
    "place_country",
    "place_admin1",
    "place_lat",
    "place_lon",
    "place_feature",
    "place_precision",
    "place_text",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "sentence_start",
    "sentence_end",
    "actor_start",
    "actor_end",
    "recipient_start",
    "recipient_end",
    "date_start",
    "date_end",
    "place_start",
    "place_end",
    "doc_published",
    "doc_source",
    "doc_url",
    "doc_title",
]


def _first(contexts: str | None) -> str:
    return ";".join(json.loads(contexts)) if contexts else ""


# POLECAT-like columns, named as in the POLECAT data release, mapped from Diurna's.
POLECAT_COLUMNS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "Event ID": lambda r: r["id"],
    "Event Date": lambda r: r["date_value"],
    "Event Type": lambda r: r["type"],
    "Event Mode": lambda r: r["mode"],
    "Contexts": lambda r: _first(r["contexts"]),
    "CAMEO Code": lambda r: r["cameo"],
    "Status": lambda r: r["status"],
    "Actor Name": lambda r: r["actor_name"],
    "Actor Country": lambda r: r["actor_country"],
    "Primary Actor Sector": lambda r: r["actor_sector"],
    "Actor Name Raw": lambda r: r["actor_text"],
    "Recipient Name": lambda r: r["recipient_name"],
    "Recipient Country": lambda r: r["recipient_country"],
    "Primary Recipient Sector": lambda r: r["recipient_sector"],
    "Recipient Name Raw": lambda r: r["recipient_text"],
    "Placename": lambda r: r["place_name"],
    "Country": lambda r: r["place_country"],
    "State": lambda r: r["place_admin1"],
    "Latitude": lambda r: r["place_lat"],
    "Longitude": lambda r: r["place_lon"],
    "GeoNames ID": lambda r: r["place_geonameid"],
    "Raw Placename": lambda r: r["place_text"],
    "Feature Type": lambda r: r["place_feature"],
    "Publication Date": lambda r: r["doc_published"],
    "Source": lambda r: r["doc_source"],
    "Story ID": lambda r: r["doc_id"],
    "Headline": lambda r: r["doc_title"],
    "Event Text": lambda r: r["trigger_text"],
}


def event_table(
    store: Store, columns: str = "diurna", skip_docs: Collection[str] = ()
) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of every stored event in the chosen column set, leaving out the events
    of the documents in ``skip_docs`` (e.g. near-duplicate copies of a story already counted)."""
    rows = [r for r in store.events() if r["doc_id"] not in skip_docs]
    if columns == "polecat":
        header = list(POLECAT_COLUMNS)
        return header, [[fn(r) for fn in POLECAT_COLUMNS.values()] for r in rows]
    if columns != "diurna":
        raise ValueError(f"unknown column set {columns!r}: use 'diurna' or 'polecat'")
    return DIURNA_COLUMNS, [[r[c] for c in DIURNA_COLUMNS] for r in rows]


def export_events(
    store: Store, out: str | Path, *, columns: str = "diurna", skip_docs: Collection[str] = ()
) -> int:
    """Write stored events to ``out``; the format follows its suffix. Returns the row count."""
    path = Path(out)
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise ValueError(
            f"cannot export to {path.name!r}: the file must end in .csv, .parquet or .jsonl"
        )
    header, rows = event_table(store, columns, skip_docs)
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False) + "\n")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table({name: [row[i] for row in rows] for i, name in enumerate(header)})
        pq.write_table(table, path)
    return len(rows)
