"""Export stored events to CSV, Parquet or JSONL, in Diurna's columns or POLECAT-like ones.

Diurna's columns are the event row schema (:mod:`diurna.store.schema`): typed in Parquet (dates,
booleans, nullable integers, lists of actors), plain JSON values in JSONL. ``dyads=True`` writes one
flat row per actor–recipient pair instead of one row per event, as GDELT-style users expect.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from diurna.store.query import dyads as dyad_rows
from diurna.store.query import page_url
from diurna.store.schema import COLUMN_NAMES, DYAD_COLUMNS, arrow_schema
from diurna.store.sqlite import Store

FORMATS = ("csv", "parquet", "jsonl")
COLUMN_SETS = ("diurna", "polecat")


def _joined(values: Iterable[Any]) -> str | None:
    """POLECAT's way with several values in one cell: ``;``-joined (None when there are none)."""
    parts = [str(v) for v in values if v not in (None, "")]
    return ";".join(parts) or None


def _url(row: dict[str, Any]) -> str | None:
    """The page's URL (:func:`diurna.store.query.page_url`)."""
    return page_url(row["doc_url"], row["doc_source"])


def _participants(row: dict[str, Any], role: str, key: str) -> str | None:
    """One value per actor (recipient), ``;``-joined, positions kept: an actor without a country
    leaves its place empty, so the n-th name and the n-th country belong together."""
    values = ["" if p[key] is None else str(p[key]) for p in row[role]]
    return ";".join(values) if any(values) else None


# POLECAT-like columns, named as in the POLECAT data release, mapped from Diurna's event rows.
# Several actors (recipients) of one event are ``;``-joined, as POLECAT does.
POLECAT_COLUMNS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "Event ID": lambda r: r["id"],
    "Event Date": lambda r: r["event_date"],
    "Date Basis": lambda r: r["date_basis"],
    "Event Type": lambda r: r["type"],
    "Event Mode": lambda r: r["mode"],
    "Contexts": lambda r: _joined(r["contexts"]),
    "CAMEO Code": lambda r: r["cameo"],
    "Status": lambda r: r["status"],
    "Actor Name": lambda r: _participants(r, "actors", "name"),
    "Actor Country": lambda r: _participants(r, "actors", "country"),
    "Primary Actor Sector": lambda r: r["actor_sector"],
    "Actor Name Raw": lambda r: _participants(r, "actors", "text"),
    "Recipient Name": lambda r: _participants(r, "recipients", "name"),
    "Recipient Country": lambda r: _participants(r, "recipients", "country"),
    "Primary Recipient Sector": lambda r: r["recipient_sector"],
    "Recipient Name Raw": lambda r: _participants(r, "recipients", "text"),
    "Placename": lambda r: r["place_name"],
    "Country": lambda r: r["place_country"],
    "State": lambda r: r["place_admin1"],
    "Latitude": lambda r: r["place_lat"],
    "Longitude": lambda r: r["place_lon"],
    "GeoNames ID": lambda r: r["place_geonameid"],
    "Raw Placename": lambda r: r["place_text"],
    "Feature Type": lambda r: r["place_feature"],
    "Publication Date": lambda r: r["doc_published"],
    "Source": lambda r: r["doc_outlet"],  # the site, else the URL's host (query.outlet)
    "URL": _url,
    "Story ID": lambda r: r["doc_id"],
    "Headline": lambda r: r["doc_title"],
    "Event Text": lambda r: r["sentence_text"],
    # Diurna's own, after POLECAT's columns: the event cluster (`diurna clusters`) and the
    # Story ID this story is a near-duplicate copy of (`diurna duplicates`); empty before.
    "Cluster ID": lambda r: r["cluster_id"],
    "Copy Of": lambda r: r["copy_of"],
}


#: The POLECAT-like columns that are not text, typed as the Diurna columns they come from, so a
#: Parquet file's schema never depends on which rows it holds (a filter whose events have no
#: place, or no rows at all, used to give ``null``- or ``string``-typed columns).
POLECAT_TYPES: dict[str, str] = {
    "Event Date": "date",
    "Latitude": "float",
    "Longitude": "float",
    "GeoNames ID": "int",
}


def polecat_arrow_schema() -> Any:
    """The POLECAT-like columns as a ``pyarrow.Schema``: text unless :data:`POLECAT_TYPES`
    says otherwise (``Publication Date`` stays text, as ``doc_published``: it may be partial)."""
    import pyarrow as pa

    kinds = {"string": pa.string(), "date": pa.date32(), "float": pa.float64(),
             "int": pa.int64()}
    return pa.schema([pa.field(name, kinds[POLECAT_TYPES.get(name, "string")])
                      for name in POLECAT_COLUMNS])


class ExportOptionError(ValueError):
    """An export Diurna cannot write as asked: a suffix that names no format it writes, or
    dyads with POLECAT columns (a bad value, not a file error: ``diurna export`` exits 2 on
    it, as on a bad filter)."""


def export_format(out: str | Path) -> str:
    """The format ``out``'s suffix names (csv, parquet or jsonl), else ExportOptionError."""
    path = Path(out)
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise ExportOptionError(
            f"cannot export to {path.name!r}: the file must end in .csv, .parquet or .jsonl"
        )
    return fmt


def event_table(
    store: Store, columns: str = "diurna", *, dyads: bool = False, all_copies: bool = False,
    skip_docs: Collection[str] = (), **filters: Any
) -> tuple[list[str], list[dict[str, Any]]]:
    """Header and rows (dicts keyed by the header) of the filtered events in a column set:
    the rows of :meth:`Store.events` (near-duplicate copies left out unless ``all_copies``),
    leaving out the events of the documents in ``skip_docs`` too."""
    if columns not in COLUMN_SETS:
        raise ValueError(f"unknown column set {columns!r}: use 'diurna' or 'polecat'")
    rows = [r for r in store.events(all_copies=all_copies, **filters)
            if r["doc_id"] not in skip_docs]
    if columns == "polecat":
        if dyads:
            raise ExportOptionError(
                "--dyads works with Diurna's columns: drop --columns polecat")
        header = list(POLECAT_COLUMNS)
        return header, [{name: fn(r) for name, fn in POLECAT_COLUMNS.items()} for r in rows]
    if dyads:
        return list(DYAD_COLUMNS), [d for r in rows for d in dyad_rows(r)]
    return list(COLUMN_NAMES), rows


def json_ready(value: Any) -> Any:
    """A JSON-ready value: dates as ``YYYY-MM-DD``, everything else as is."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    return value


#: First characters that make a spreadsheet read a cell as a formula (tab and CR too: some
#: spreadsheets drop them and then read what follows).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never runs: a text cell starting with one of
    :data:`FORMULA_STARTS` gets a leading ``'`` (a page's title or sentence is anyone's text).
    Numbers are left as they are, so a negative latitude stays a number. Every CSV Diurna
    writes (``diurna export``, the API's ``format=csv``, ``diurna clusters --format csv``)
    passes its cells through this one function."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    """CSV has no types: lists become JSON arrays, booleans ``true``/``false``, null empty; text
    that a spreadsheet would run as a formula is neutralised (:func:`spreadsheet_safe`). Event
    rows and ``diurna clusters --format csv`` write their cells with it, so a boolean reads the
    same in both."""
    if isinstance(value, list):
        return json.dumps(json_ready(value), ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_safe(json_ready(value))


def write_csv(fh: IO[str], header: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """``rows`` as CSV under ``header``, each cell made by :func:`csv_cell`: the one CSV
    writer of event rows, for ``diurna export`` and the API's ``/api/events?format=csv``, so
    both have the same columns (:data:`diurna.store.schema.COLUMN_NAMES` for Diurna's set)
    and the same cells."""
    writer = csv.writer(fh)
    writer.writerow(header)
    writer.writerows([csv_cell(row[name]) for name in header] for row in rows)


def _parquet_schema(header: list[str], columns: str) -> Any:
    import pyarrow as pa

    full = polecat_arrow_schema() if columns == "polecat" else arrow_schema()
    return pa.schema([full.field(name) for name in header])


def export_events(
    store: Store,
    out: str | Path,
    *,
    columns: str = "diurna",
    dyads: bool = False,
    all_copies: bool = False,
    skip_docs: Collection[str] = (),
    **filters: Any,
) -> int:
    """Write the filtered stored events to ``out``; the format follows its suffix.

    Returns the number of rows written (events, or actor–recipient pairs with ``dyads``).
    ``filters`` are those of :meth:`Store.events`. As ``diurna export``, a story's
    near-duplicate copies (clustered by ``diurna duplicates``) are left out, its events taken
    once from the cluster's first member; ``all_copies`` (``--all-copies``) keeps them.
    ``skip_docs`` leaves out the events of these documents too.
    """
    path = Path(out)
    fmt = export_format(path)
    if not path.parent.is_dir():
        raise ValueError(
            f"cannot export to {path}: folder {path.parent} does not exist; create it first"
        )
    header, rows = event_table(
        store, columns, dyads=dyads, all_copies=all_copies, skip_docs=skip_docs, **filters
    )
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            write_csv(fh, header, rows)
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps({k: json_ready(row[k]) for k in header}, ensure_ascii=False))
                fh.write("\n")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _parquet_schema(header, columns)
        table = pa.Table.from_pylist([{k: row[k] for k in header} for row in rows], schema=schema)
        pq.write_table(table, path)
    return len(rows)
