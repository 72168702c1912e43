"""``diurna quotes`` and ``Store.quotes()``: the quotes a store holds, listed as the events are.
Before, a stored page's quotes could be seen only by processing it again with ``--format json``
or through the API's document route; an analyst asking "who said what" of a store had no
command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diurna.cli import cli
from diurna.model import Document
from diurna.store import Store, UnknownDocument


@pytest.fixture()
def seed_db(tmp_path: Path, seed_doc: Document) -> Path:
    db = tmp_path / "seed.db"
    with Store(db) as store:
        store.save(seed_doc)
    return db


def test_store_quotes_are_the_documents_quotes_with_offsets_into_its_text(
        seed_db: Path, seed_doc: Document) -> None:
    with Store(seed_db, readonly=True) as store:
        rows = store.quotes()
        text = store.document_text(seed_doc.id)
    assert text is not None and len(rows) == len(seed_doc.quotes) == 13
    assert [(r["start"], r["end"]) for r in rows] == [(q.start, q.end) for q in seed_doc.quotes]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
        if r["speaker_text"]:
            assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_text"]
        assert isinstance(r["sources"], list) and r["published"] == "2018-02-15"


def test_store_quotes_filters_by_speaker_document_and_limit(
        seed_db: Path, seed_doc: Document) -> None:
    with Store(seed_db, readonly=True) as store:
        tillerson = store.quotes(speaker="TILLERSON")
        assert tillerson and all("Tillerson" in r["speaker_text"] for r in tillerson)
        assert len(tillerson) == sum(
            1 for q in seed_doc.quotes if q.speaker and "Tillerson" in q.speaker.text)
        with pytest.raises(UnknownDocument):  # an empty list until session 38
            store.quotes(doc_id="0" * 16)
        assert len(store.quotes(doc_id=seed_doc.id, limit=2)) == 2
        with pytest.raises(ValueError, match="limit"):
            store.quotes(limit=0)


def test_diurna_quotes_lists_the_library_rows(seed_db: Path) -> None:
    runner = CliRunner()
    lines = runner.invoke(cli, ["quotes", "--db", str(seed_db), "--format", "jsonl",
                                "--speaker", "velayati"])
    assert lines.exit_code == 0, lines.output
    with Store(seed_db, readonly=True) as store:
        assert [json.loads(x) for x in lines.stdout.splitlines()] == store.quotes(
            speaker="velayati")
    table = runner.invoke(cli, ["quotes", "--db", str(seed_db)])
    assert table.exit_code == 0 and table.output.startswith("13 quotes in ")
    assert "Ali Akbar Velayati [IRNGOV]" in table.output
    assert runner.invoke(cli, ["quotes", "--db", str(seed_db), "--limit", "0"]).exit_code == 2
    missing = runner.invoke(cli, ["quotes", "--db", str(seed_db.parent / "none.db")])
    assert missing.exit_code == 1 and "no Diurna database" in missing.output
