"""A rerun skips inputs whose rejection is already recorded, as it skips stored ones, and
``--retry-rejected`` reads them again (docs/batch.md, "Round 3 of the new user's walk")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.cli.test_batch import Counting, pages
from tests.cli.test_cli import PNG

from diurna import batch
from diurna.cli import cli
from diurna.model import Document
from diurna.pipeline import Pipeline
from diurna.store import Store


def mixed_inputs(folder: Path) -> list[str]:
    """A good page, a PNG, an empty file, and a path that does not exist (in that order)."""
    good = pages(folder, 1)[0]
    (folder / "q.png").write_bytes(PNG)
    (folder / "r.txt").write_bytes(b"")
    return [str(good), str(folder / "q.png"), str(folder / "r.txt"), str(folder / "gone.txt")]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources the page stage is asked to read, in order."""
    import diurna.pipeline

    seen: list[str] = []
    real = diurna.pipeline.read_page

    def spy(raw: Any, **kwargs: Any) -> Document:
        seen.append(Path(raw.source).name)
        return real(raw, **kwargs)

    monkeypatch.setattr(diurna.pipeline, "read_page", spy)
    return seen


def test_a_rerun_does_not_check_recorded_rejections_again(
    tmp_path: Path, reads: list[str]
) -> None:
    inputs = mixed_inputs(tmp_path / "in")
    with Store(tmp_path / "b.db") as store:
        first = list(batch.run(inputs, pipeline=Pipeline([Counting()]), store=store))
        assert [o.status for o in first] == ["stored", "rejected", "rejected", "rejected"]
        rows = sorted((Path(r["source"]).name, r["reason"]) for r in store.rejections())
        assert rows == [("gone.txt", "not_found"), ("q.png", "binary"), ("r.txt", "empty")]
        reads.clear()
        again = list(batch.run(inputs, pipeline=Pipeline([Counting()]), store=store))
        assert len(store.rejections()) == 3  # kept as they were, none added
    assert [o.status for o in again] == ["duplicate"] + ["rejected_before"] * 3
    assert [o.reason for o in again[1:]] == ["binary", "empty", "not_found"]
    assert reads == []  # no input reached the page stage
    summary = batch.Summary()
    for outcome in again:
        summary.add(outcome)
    line = summary.line()
    assert line.startswith("1 duplicate (already stored, not reprocessed), 3 rejected before (")
    assert "binary 1" in line and "empty 1" in line and "not_found 1" in line
    assert "recorded, not checked again" in line
    assert summary.exit_status() == batch.EXIT_SOME_REJECTED  # as the first run ended


def test_the_same_bytes_from_another_source_get_their_own_record(tmp_path: Path) -> None:
    """A rejection is recorded per input (id and source): an empty file first seen under a
    new name is read and recorded, not skipped as the other name's rejection."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"")
    with Store(tmp_path / "b.db") as store:
        list(batch.run([str(folder / "a.txt")], pipeline=Pipeline([]), store=store))
        again = list(batch.run([str(folder)], pipeline=Pipeline([]), store=store))
        assert sorted(Path(r["source"]).name for r in store.rejections()) == ["a.txt", "b.txt"]
    assert [(Path(o.source).name, o.status) for o in again] == [
        ("a.txt", "rejected_before"), ("b.txt", "rejected")]


def test_retry_rejected_reads_them_again_and_a_fixed_input_drops_its_rejection(
    tmp_path: Path, reads: list[str]
) -> None:
    """--retry-rejected reads every recorded rejection again and replaces its row. What it is
    for is the same bytes read by a newer Diurna (an input fixed in place has new bytes, so a
    new id, and is read anyway): stored now, its old rejection row must go."""
    inputs = mixed_inputs(tmp_path / "in")
    with Store(tmp_path / "b.db") as store:
        list(batch.run(inputs, pipeline=Pipeline([Counting()]), store=store))
        reads.clear()
        retried = list(batch.run(inputs, pipeline=Pipeline([Counting()]), store=store,
                                 retry_rejected=True))
        assert [o.status for o in retried] == ["duplicate", "rejected", "rejected", "rejected"]
        assert reads == ["q.png", "r.txt", "gone.txt"]
        assert len(store.rejections()) == 3  # replaced, not doubled
    # a page an older reader rejected, now read: storing it drops its rejection
    good = inputs[0]
    with Store(tmp_path / "older.db") as store:
        store.save_rejection_row({"doc_id": _content_id(good), "source": good,
                                  "reason": "not_news", "detail": "old", "rejected_at": "x",
                                  "stage": None})
        skipped = list(batch.run([good], pipeline=Pipeline([Counting()]), store=store))
        assert [(o.status, o.reason) for o in skipped] == [("rejected_before", "not_news")]
        now = list(batch.run([good], pipeline=Pipeline([Counting()]), store=store,
                             retry_rejected=True))
        assert [o.status for o in now] == ["stored"]
        assert store.rejections() == []


def _content_id(path: str) -> str:
    from diurna.model import content_id

    return content_id(Path(path).read_bytes())


def test_process_rerun_says_what_it_skipped_and_retry_rejected_reads_again(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "c.png").write_bytes(PNG)
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["process", str(folder), "--db", db, "-v"])
    assert first.exit_code == 4, first.output  # the one input rejected
    again = runner.invoke(cli, ["process", str(folder), "--db", db, "-v"])
    assert again.exit_code == 4, again.output  # it still is: the rerun ends as the first did
    assert again.stdout == ""  # nothing read, nothing printed
    line = next(ln for ln in again.stderr.splitlines() if ln.startswith("rejected_before\t"))
    assert line.split("\t")[1:3] == [str(folder / "c.png"), "binary"]
    assert "1 rejected before (binary 1; recorded, not checked again)" in again.stderr
    retry = runner.invoke(cli, ["process", str(folder), "--db", db, "--retry-rejected"])
    assert retry.exit_code == 4 and "1 rejected (binary 1)" in retry.stderr
    assert "--retry-rejected" in runner.invoke(cli, ["fetch", "--help"]).output


def test_a_file_read_on_retry_leaves_no_rejection_of_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`process --retry-rejected` on a path that did not exist when first given (recorded
    ``not_found`` under the id named by its source) and now holds a page stores the page and
    drops that row, so `diurna rejections` no longer lists it (session 34, brief W5). Another
    input's rejection stays, and so does a rejection under a content id from the same source
    (an input with bytes: the API's uploads may share a source name)."""
    monkeypatch.setattr(Pipeline, "default", lambda **kw: Pipeline([Counting()]))
    db = tmp_path / "r.db"
    late = tmp_path / "late.txt"
    other = tmp_path / "gone.txt"
    args = ["process", str(late), str(other), "--db", str(db), "--format", "jsonl"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 4, first.output  # neither could be read
    with Store(db) as store:
        assert sorted(r["reason"] for r in store.rejections()) == ["not_found", "not_found"]
    pages(tmp_path / "in", 1)[0].rename(late)  # the file now exists
    retried = CliRunner().invoke(cli, [*args, "--retry-rejected"])
    assert retried.exit_code == 3, retried.output  # gone.txt is still missing
    assert "1 stored, 1 rejected (not_found 1)" in retried.stderr
    with Store(db) as store:
        assert [Path(r["source"]).name for r in store.rejections()] == ["gone.txt"]
        assert [d["source"] for d in store.documents()] == [str(late)]
    listed = CliRunner().invoke(cli, ["rejections", "--db", str(db)])
    assert "late.txt" not in listed.output and "gone.txt" in listed.output


def test_a_stored_document_drops_only_its_sources_unloaded_rejections(tmp_path: Path) -> None:
    """What `Store.save` drops when a document from a source is stored: the row of that source
    when it could not be loaded (here ``fetch`` and ``too_large``, whatever the reason), not a
    row under a content id (another input with bytes, e.g. an earlier upload under the same
    source name) and not another source's row."""
    from diurna.model import unloaded_id

    def rejected(doc_id: str, source: str, reason: str) -> Document:
        return Document(id=doc_id, source=source, text="", rejected=reason)

    with Store(tmp_path / "s.db") as store:
        for doc in (rejected(unloaded_id("u", "fetch"), "u", "fetch"),
                    rejected(unloaded_id("u", "too_large"), "u", "too_large"),
                    rejected("0123456789abcdef", "u", "binary"),
                    rejected(unloaded_id("v", "fetch"), "v", "fetch")):
            store.save(doc)
        assert store.save(Document(id="fedcba9876543210", source="u", text="Talks.")) == "stored"
        kept = sorted((r["source"], r["reason"]) for r in store.rejections())
    assert kept == [("u", "binary"), ("v", "fetch")]


def test_a_file_that_was_empty_and_now_holds_a_page_leaves_no_empty_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that had no bytes is rejected ``empty`` under the empty input's id; once it holds
    a page, a rerun stores the page and drops that row (session 34, brief W6), so `diurna
    rejections` no longer lists it. A file still empty keeps its row, and so does a file that
    held only whitespace: its row is under its bytes' id, which another input named alike may
    share, so it cannot be told apart from the source name alone."""
    monkeypatch.setattr(Pipeline, "default", lambda **kw: Pipeline([Counting()]))
    folder = tmp_path / "in"
    folder.mkdir()
    filled, still, blank = folder / "filled.txt", folder / "still.txt", folder / "blank.txt"
    filled.write_bytes(b"")
    still.write_bytes(b"")
    blank.write_bytes(b"  \n")
    db = tmp_path / "e.db"
    args = ["process", str(filled), str(still), str(blank), "--db", str(db), "--format", "jsonl"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 4, first.output  # nothing could be read
    with Store(db) as store:
        assert [r["reason"] for r in store.rejections()] == ["empty"] * 3
    page = "Envoys met in Geneva on Monday for talks, officials said, and agreed to meet again."
    filled.write_text(page, encoding="utf-8")
    blank.write_text(page + " Again.", encoding="utf-8")
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 3, again.output  # still.txt is still empty
    assert "2 stored" in again.stderr
    with Store(db) as store:
        kept = sorted(Path(r["source"]).name for r in store.rejections())
        assert sorted(Path(d["source"]).name for d in store.documents()) == [
            "blank.txt", "filled.txt"]
    assert kept == ["blank.txt", "still.txt"]
    listed = CliRunner().invoke(cli, ["rejections", "--db", str(db)])
    assert "filled.txt" not in listed.output and "still.txt" in listed.output
