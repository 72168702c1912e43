"""After `diurna duplicates`, a clustered story's events are read once (its first member's) by
`Store.events`, `diurna events` and `diurna export`; `all_copies` / `--all-copies` keeps every
copy; a store never grouped is read as before (issue #15, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.store.test_query import assault_doc, demand_doc

from diurna.cli import cli
from diurna.model import Document
from diurna.store import Store

COPY_ID = "doc-assault-copy"  # sorts after "doc-assault": the copy, not the cluster's name


def assault_copy() -> Document:
    """The assault report as a second outlet ran it: the same body, another id and URL."""
    doc = assault_doc()
    doc.id, doc.source = COPY_ID, "https://mirror.example.net/a/1"
    doc.events[0].id = f"{COPY_ID}:0"
    return doc


def three_documents(path: Path) -> Path:
    """The demand, the assault and the assault's copy: 3 documents, 3 events, 2 stories; each
    event's actors and recipients are the document's actor mentions too."""
    with Store(path) as store:
        for doc in (demand_doc(), assault_doc(), assault_copy()):
            doc.mentions = [m for ev in doc.events for m in (*ev.actors, *ev.recipients)]
            assert store.save(doc) == "stored"
    return path


def group(path: Path) -> None:
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 documents, 2 stories" in result.output  # the copy is found


@pytest.fixture()
def grouped(tmp_path: Path) -> Path:
    path = three_documents(tmp_path / "g.db")
    group(path)
    return path


def event_ids(rows: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return sorted(r["id"] for r in rows)


def test_a_store_never_grouped_lists_every_copy(tmp_path: Path) -> None:
    path = three_documents(tmp_path / "n.db")
    with Store(path) as store:
        assert event_ids(store.events()) == ["doc-assault-copy:0", "doc-assault:0", "doc-demand:0"]
        assert len(store.events(type="ASSAULT")) == 2
    out = CliRunner().invoke(cli, ["events", "--db", str(path), "--format", "jsonl"]).output
    assert len(out.splitlines()) == 3


def test_store_events_count_a_clustered_story_once_unless_all_copies(grouped: Path) -> None:
    with Store(grouped, readonly=True) as store:
        assert event_ids(store.events()) == ["doc-assault:0", "doc-demand:0"]
        assert event_ids(store.events(type="ASSAULT")) == ["doc-assault:0"]
        assert store.events(doc_id=COPY_ID) == []  # the copy's own events: none, once grouped
        assert len(store.events(all_copies=True)) == 3
        assert len(store.events(all_copies=True, type="ASSAULT")) == 2
        assert store.to_arrow().num_rows == 2
        assert store.to_arrow(all_copies=True).num_rows == 3
        # limit counts the rows read, not the rows before the copies were left out
        assert len(store.events(limit=2)) == 2


def test_cli_events_lists_a_clustered_story_once_unless_all_copies(grouped: Path) -> None:
    runner = CliRunner()
    once = runner.invoke(cli, ["events", "--db", str(grouped), "--format", "jsonl"])
    assert once.exit_code == 0, once.output
    assert sorted(json.loads(line)["id"] for line in once.output.splitlines()) == [
        "doc-assault:0", "doc-demand:0"
    ]
    every = runner.invoke(cli, ["events", "--db", str(grouped), "--format", "jsonl",
                                "--all-copies", "--type", "ASSAULT"])  # fmt: skip
    assert every.exit_code == 0, every.output
    assert len(every.output.splitlines()) == 2
    table = runner.invoke(cli, ["events", "--db", str(grouped)])
    assert "2 events in" in table.output


def test_export_and_events_read_the_same_rows(grouped: Path, tmp_path: Path) -> None:
    from diurna.store import export_events

    with Store(grouped, readonly=True) as store:
        assert export_events(store, tmp_path / "a.jsonl") == 2
        assert export_events(store, tmp_path / "b.jsonl", all_copies=True) == 3
        assert export_events(store, tmp_path / "c.jsonl", skip_docs={"doc-demand"}) == 1
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert sorted(r["id"] for r in rows) == ["doc-assault:0", "doc-demand:0"]


def test_store_events_takes_the_commands_all_copies_with_its_default() -> None:
    """``Store.events(all_copies=)`` mirrors ``diurna events --all-copies``: off in both."""
    import inspect

    from diurna.cli import events

    given = events.make_context("events", [], resilient_parsing=True).params
    default = inspect.signature(Store.events).parameters["all_copies"].default
    assert given["all_copies"] is False and default is False
