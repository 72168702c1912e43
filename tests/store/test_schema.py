"""One schema: the data dictionary and JSON Schema in docs/ are generated from it, and the rows
the store, the exports and `diurna events` give follow it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from tests.store.test_query import assault_doc, demand_doc

from diurna.cli import cli
from diurna.store import Store, export_events
from diurna.store.datadoc import main, render
from diurna.store.schema import COLUMN_NAMES, arrow_schema, json_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"

JSON_TYPES = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "array": list,
    "object": dict,
    "null": type(None),
}


def conforms(value: Any, schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    """Errors of ``value`` against the subset of JSON Schema that schema.py writes."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    ok = any(
        isinstance(value, JSON_TYPES[k]) and not (k == "integer" and isinstance(value, bool))
        for k in kinds
    )
    if not ok:
        return [f"{value!r} is not {kinds}"]
    errors: list[str] = []
    if isinstance(value, str) and schema.get("format") == "date":
        date.fromisoformat(value)
    if isinstance(value, list):
        for item in value:
            errors += conforms(item, schema["items"], defs)
    if isinstance(value, dict):
        if set(value) != set(schema["properties"]):
            errors.append(f"keys {sorted(set(value) ^ set(schema['properties']))}")
        for key, sub in schema["properties"].items():
            errors += [f"{key}: {e}" for e in conforms(value.get(key), sub, defs)]
    return errors


def make_db(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.save(demand_doc())
        store.save(assault_doc())
    return db


def test_docs_are_generated_from_the_schema() -> None:
    assert (DOCS / "data.md").read_text(encoding="utf-8") == render("markdown"), (
        "regenerate: python -m diurna.store.datadoc markdown > docs/data.md"
    )
    assert (DOCS / "events.schema.json").read_text(encoding="utf-8") == render("json"), (
        "regenerate: python -m diurna.store.datadoc json > docs/events.schema.json"
    )
    for name in COLUMN_NAMES:
        assert f"| `{name}` |" in render("markdown")


def test_cli_jsonl_and_export_rows_follow_the_json_schema(tmp_path: Path) -> None:
    db = make_db(tmp_path)
    schema = json_schema()
    listed = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    out = tmp_path / "e.jsonl"
    export_events(Store(db), out)
    rows += [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 4
    for row in rows:
        assert conforms(row, schema, schema["$defs"]) == []
    assert rows[1]["event_date"] == "2019-03-01" and rows[1]["negated"] is False


def test_parquet_export_has_the_arrow_schema(tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    export_events(Store(make_db(tmp_path)), out)
    assert pq.read_schema(out).remove_metadata() == arrow_schema()


def test_datadoc_help_says_what_it_prints(capsys: pytest.CaptureFixture[str]) -> None:
    # `python -m diurna.store.datadoc --help` was refused as an unknown output (exit 2).
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "markdown" in out and "document-json" in out
    assert main(["yaml"]) == 2
