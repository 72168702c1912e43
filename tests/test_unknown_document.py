"""A document id that names no stored document, on every surface that takes one (docs/batch.md,
"Round 9"): the library raises :class:`diurna.UnknownDocument`, the HTTP API answers 404 with a
JSON body naming the id, ``diurna recode --doc`` says so before any model loads. They answered
an empty list (``diurna events --doc`` already refused it); a stored document with no events
still answers an empty list everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import diurna
from diurna import batch
from diurna.api import create_app
from diurna.cli import cli
from diurna.model import Document
from diurna.store import Store, export_events

STORED = "0123456789abcdef"  # one_event_db's document, one CONSULT event
QUIET = "fedcba9876543210"  # stored here with no events
PREFIX = STORED[:4]  # what a user copies from a narrow table


@pytest.fixture()
def db(one_event_db: Path) -> Path:
    with Store(one_event_db) as store:
        store.save(Document(id=QUIET, source="quiet.txt", text="Nothing happened."))
    return one_event_db


def test_the_error_is_the_packages_own_names_the_id_and_how_to_list_ids() -> None:
    err = diurna.UnknownDocument(PREFIX)
    assert isinstance(err, LookupError) and isinstance(err, ValueError)
    assert err.doc_id == PREFIX
    assert str(err) == (f"no stored document with id {PREFIX!r}: give a whole stored id; "
                        "Store.documents() lists them (each row's 'id')")


@pytest.mark.parametrize("read", [
    lambda s, d: s.events(doc_id=d),
    lambda s, d: list(s.iter_events(doc_id=d)),
    lambda s, d: s.to_arrow(doc_id=d).to_pylist(),
    lambda s, d: s.quotes(doc_id=d),
], ids=["events", "iter_events", "to_arrow", "quotes"])
def test_store_readers_refuse_an_unknown_doc_id_and_keep_an_empty_list_for_a_quiet_one(
        db: Path, read: Any) -> None:
    with Store(db, readonly=True) as store:
        with pytest.raises(diurna.UnknownDocument, match=repr(PREFIX)):
            read(store, PREFIX)
        assert read(store, QUIET) == []
        read(store, STORED)  # a stored id reads as it did


def test_export_events_refuses_an_unknown_doc_id_and_writes_no_file(
        db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    with Store(db, readonly=True) as store:
        with pytest.raises(diurna.UnknownDocument):
            export_events(store, out, doc_id=PREFIX)
        assert not out.exists()
        assert export_events(store, out, doc_id=STORED) == 1


def test_recode_refuses_an_unknown_id_before_building_the_pipeline_or_recoding_any(
        db: Path) -> None:
    built: list[bool] = []

    def pipeline() -> Any:
        built.append(True)
        raise AssertionError("the models would load here")

    with Store(db) as store:
        with pytest.raises(diurna.UnknownDocument, match=repr(PREFIX)):
            list(batch.recode(store, pipeline=pipeline, coder="v", doc_ids=[STORED, PREFIX]))
        with pytest.raises(diurna.UnknownDocument):
            diurna.recode(store, doc_ids=[PREFIX])
    assert built == []


def test_cli_recode_doc_names_the_unknown_id_before_any_model_loads(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import diurna.cli as cli_module

    def no_models(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the models would load here")

    monkeypatch.setattr(cli_module, "_pipeline", no_models)
    result = CliRunner().invoke(cli, ["recode", "--db", str(db), "--doc", PREFIX])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: no stored document with id {PREFIX!r}: give the whole id (16 hex digits), "
        "as `diurna documents` lists it")


@pytest.mark.parametrize("path", ["/api/events", "/api/stats", "/api/places"])
def test_api_answers_an_unknown_doc_id_with_a_404_naming_it(db: Path, path: str) -> None:
    client = TestClient(create_app(db), raise_server_exceptions=False)
    resp = client.get(path, params={"doc_id": PREFIX})
    assert resp.status_code == 404
    assert resp.json() == {"error": {
        "status": 404, "doc_id": PREFIX,
        "message": f"no stored document with id {PREFIX!r}: GET /api/documents lists the "
                   "stored ones (each one's id)"}}
    assert client.get(path, params={"doc_id": QUIET}).status_code == 200
    assert client.get(path, params={"doc_id": STORED}).status_code == 200


def test_api_lists_a_quiet_documents_events_as_an_empty_list(db: Path) -> None:
    client = TestClient(create_app(db), raise_server_exceptions=False)
    assert client.get("/api/events", params={"doc_id": QUIET}).json()["events"] == []
    assert len(client.get("/api/events", params={"doc_id": STORED}).json()["events"]) == 1


def test_api_document_path_says_the_same_as_the_filter(db: Path) -> None:
    client = TestClient(create_app(db), raise_server_exceptions=False)
    missing = "00000000000000ff"
    resp = client.get(f"/api/documents/{missing}")
    assert resp.status_code == 404
    assert resp.json()["error"]["doc_id"] == missing
    assert "GET /api/documents lists the stored ones" in resp.json()["error"]["message"]
