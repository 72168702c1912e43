"""Round 13 (session 38, brief U3): `diurna documents` lists the stored documents, and
`diurna rejections --format table` is a table as the other listings' are."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from diurna.cli import cli
from diurna.model import Document, Quote
from diurna.store import Store


def test_documents_lists_each_stored_document_with_its_counts(one_event_db: Path) -> None:
    """The ids `--doc` takes had no command listing them (only `Store.documents()` and
    ``GET /api/documents``): one row a document, newest first, with its events and quotes
    counted, in the three formats; a rejected input is not a document."""
    db = one_event_db
    later = Document(id="fedcba9876543210", source="b.txt", text="He said talks went well.",
                     title="Talks", published="2020-05-01", language="en")
    later.quotes = [Quote(8, 23, "talks went well", kind="indirect")]
    with Store(db) as store:
        store.save(later)
    runner = CliRunner()
    rows = [json.loads(line) for line in runner.invoke(
        cli, ["documents", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()]
    assert [(r["id"], r["source"], r["events"], r["quotes"]) for r in rows] == [
        ("fedcba9876543210", "b.txt", 0, 1), ("0123456789abcdef", "a.txt", 1, 0)]
    assert rows[0]["title"] == "Talks" and rows[0]["published"] == "2020-05-01"
    with Store(db) as store:  # the library's listing is the command's, row for row
        assert store.document_listing() == rows
        assert store.document_listing(limit=1) == rows[:1]

    table = runner.invoke(cli, ["documents", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert table.stdout.startswith("2 documents in")
    assert "fedcba9876543210" in table.stdout and "Talks" in table.stdout

    limited = runner.invoke(cli, ["documents", "--db", str(db), "--format", "csv", "--limit", "1"])
    assert list(csv.DictReader(io.StringIO(limited.stdout))) == [
        {"id": "fedcba9876543210", "title": "Talks", "published": "2020-05-01",
         "source": "b.txt", "url": "", "site": "", "language": "en", "events": "0",
         "quotes": "1"}]


def test_rejections_table_is_a_table_and_tsv_keeps_the_lines(one_event_db: Path) -> None:
    """`--format table` printed tab-separated lines where every other listing prints a table;
    it is now one (title, a header per column), and the lines scripts read are `--format tsv`."""
    runner = CliRunner()
    table = runner.invoke(cli, ["rejections", "--db", str(one_event_db)])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].startswith("1 rejection in")  # the title (rich wraps it to the table)
    assert "\t" not in table.stdout
    assert all(col in table.stdout for col in ("source", "reason", "detail", "stage"))
    assert any("b.png" in line and "binary" in line for line in lines)
    tsv = runner.invoke(cli, ["rejections", "--db", str(one_event_db), "--format", "tsv"])
    assert tsv.stdout.splitlines() == ["b.png\tbinary\t\t"]


def test_the_summaries_count_duplicates_as_a_noun() -> None:
    """"2 duplicate (already stored, ...)" and `demo`'s / `load`'s "3 duplicate" read as a
    slip beside "2 events": the noun takes its plural; one stays "1 duplicate"."""
    from diurna import batch
    from diurna.cli import _counts

    summary = batch.Summary()
    for source in ("a", "b"):
        summary.add(batch.Outcome("duplicate", source))
    assert summary.line().startswith("2 duplicates (already stored, not reprocessed), ")
    assert _counts({"stored": 2, "duplicate": 3, "rejected": 1}) == (
        "2 stored, 3 duplicates, 1 rejected")
    assert _counts({"stored": 0, "duplicate": 1, "rejected": 0}) == "1 duplicate"
