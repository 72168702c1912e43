"""What a user meets on a rerun (docs/batch.md, "Round 4 of the new user's walk"): a rerun with
nothing left to do never builds the pipeline (the models), and an input given twice in one run
and rejected is recorded and counted once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.cli.test_batch import Counting, pages
from tests.cli.test_cli import PNG

from diurna import batch
from diurna.cli import cli
from diurna.pipeline import Pipeline
from diurna.store import Store


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``Pipeline.default`` replaced by a cheap one that records each build; after
    ``builds.append("raise")`` a build raises instead (the models must not be loaded)."""
    made: list[str] = []

    def default(**kwargs: Any) -> Pipeline:
        if "raise" in made:
            raise AssertionError("the pipeline was built on a rerun with nothing to do")
        made.append("built")
        return Pipeline([Counting()])

    monkeypatch.setattr(Pipeline, "default", default)
    return made


def test_a_rerun_over_stored_and_rejected_inputs_never_builds_the_pipeline(
    tmp_path: Path, builds: list[str]
) -> None:
    folder = tmp_path / "in"
    pages(folder, 2)
    (folder / "c.png").write_bytes(PNG)
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["process", str(folder), "--db", db])
    assert first.exit_code == 3, first.output  # the PNG rejected, the two pages read
    assert builds == ["built"]
    builds.append("raise")
    again = runner.invoke(cli, ["process", str(folder), "--db", db, "-v"])
    assert again.exit_code == 3, again.output  # as the first run ended
    assert again.stdout == ""
    assert "2 duplicates (already stored, not reprocessed), 1 rejected before (binary 1" in (
        again.stderr)
    assert again.stderr.count("duplicate\t") == 2 and "rejected_before\t" in again.stderr
    builds.remove("raise")
    pages(tmp_path / "more", 3)
    (tmp_path / "more" / "p2.txt").rename(folder / "new.txt")  # one input not stored yet
    third = runner.invoke(cli, ["process", str(folder), "--db", db])
    assert third.exit_code == 3, third.output
    assert builds == ["built", "built"]  # built once more, for the one new input
    assert "1 stored, 2 duplicates" in third.stderr


def test_the_batch_builds_a_pipeline_it_is_given_as_a_function_once_and_only_when_needed(
    tmp_path: Path,
) -> None:
    inputs = [str(p) for p in pages(tmp_path / "in", 3)]
    made: list[Pipeline] = []

    def build() -> Pipeline:
        made.append(Pipeline([Counting()]))
        return made[-1]

    with Store(tmp_path / "b.db") as store:
        list(batch.run(inputs[:1], pipeline=Pipeline([]), store=store))
        again = list(batch.run(inputs[:1], pipeline=build, store=store))
        assert [o.status for o in again] == ["duplicate"] and made == []
        mixed = list(batch.run(inputs, pipeline=build, store=store))
    # the stored input is reported first, in input order; the two new ones share one build
    assert [(Path(o.source).name, o.status) for o in mixed] == [
        ("p0.txt", "duplicate"), ("p1.txt", "stored"), ("p2.txt", "stored")]
    assert len(made) == 1 and len(made[0].components[0].seen) == 2  # type: ignore[attr-defined]


def test_a_rejected_input_given_twice_is_recorded_and_counted_once(tmp_path: Path) -> None:
    """A path given twice in one run that is rejected used to count twice ("2 rejected
    (empty 2)") over one rejection row. It counts once, the second time as a repeat, and the
    exit status is that of one rejected input (none read: 4)."""
    folder = tmp_path / "in"
    folder.mkdir()
    empty = folder / "e.txt"
    empty.write_bytes(b"")
    twice = [str(empty), str(empty)]
    with Store(tmp_path / "b.db") as store:
        first = list(batch.run(twice, pipeline=Pipeline([]), store=store))
        assert len(store.rejections()) == 1
        again = list(batch.run(twice, pipeline=Pipeline([]), store=store))
        assert len(store.rejections()) == 1
    assert [(o.status, o.reason) for o in first] == [("rejected", None), ("repeated", "empty")]
    assert [(o.status, o.reason) for o in again] == [("rejected_before", "empty"),
                                                     ("repeated", "empty")]
    for outcomes, counted in ((first, "1 rejected (empty 1)"),
                              (again, "1 rejected before (empty 1;")):
        summary = batch.Summary()
        for outcome in outcomes:
            summary.add(outcome)
        assert summary.line().startswith(counted)
        assert "1 repeated (given again in this run" in summary.line()
        assert sum(summary.rejected.values()) + sum(summary.rejected_before.values()) == 1
        assert summary.exit_status() == batch.EXIT_NONE_PROCESSED


def test_the_cli_counts_a_repeat_once_with_a_store_or_without(
    tmp_path: Path, builds: list[str]
) -> None:
    """The same from the command line; a page given twice is still read twice and printed
    twice (only its second storing is a duplicate), as before."""
    (tmp_path / "c.png").write_bytes(PNG)
    page = str(pages(tmp_path / "in", 1)[0])
    png = str(tmp_path / "c.png")
    runner = CliRunner()
    for store in (["--db", str(tmp_path / "t.db")], ["--no-store"]):
        result = runner.invoke(cli, ["process", png, page, png, page, "--format", "jsonl",
                                     "-v", *store])
        assert result.exit_code == 3, result.output  # some rejected, some read
        assert f"repeated\t{png}\tbinary\tgiven again in this run" in result.stderr
        assert "1 rejected (binary 1)" in result.stderr and "1 repeated" in result.stderr
        assert len(result.stdout.splitlines()) == 4  # every input's document, as before
    assert "1 stored, 1 duplicate" in runner.invoke(
        cli, ["process", page, page, "--db", str(tmp_path / "u.db")]).stderr
