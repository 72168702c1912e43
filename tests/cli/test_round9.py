"""Round 9 of the new user's walk (docs/batch.md): the end of a run names the rejected inputs,
and what the walk of the quick start and every ``--help`` found."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diurna.cli import cli


def _empty_files(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    for i in range(n):
        (folder / f"e{i}.txt").write_bytes(b"")
    return sorted(str(p) for p in folder.iterdir())


def test_process_names_a_missing_input_without_v(tmp_path: Path) -> None:
    """"1 rejected (not_found 1)" did not say which input; -v was needed to find out."""
    gone = str(tmp_path / "gone.html")
    result = CliRunner().invoke(cli, ["process", gone, "--format", "jsonl"])
    assert result.exit_code == 4
    assert result.stderr.splitlines()[-1] == f"diurna: rejected: {gone} (not_found)"


def test_process_names_the_first_five_and_says_where_the_rest_are(tmp_path: Path) -> None:
    inputs = _empty_files(tmp_path / "in", 7)
    db = tmp_path / "news.db"
    args = ["process", str(tmp_path / "in"), "--format", "jsonl", "--db", str(db)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 4
    named = ", ".join(f"{p} (empty)" for p in inputs[:5])
    assert first.stderr.splitlines()[-1] == (
        f"diurna: rejected: {named} and 2 more (`diurna rejections --db {db}` lists them all)")
    # a rerun skips the recorded rejections and names them the same way
    again = CliRunner().invoke(cli, args)
    assert again.stderr.splitlines()[-1] == first.stderr.splitlines()[-1]
    # without a store there is no listing to point to: -v names each
    loose = CliRunner().invoke(cli, ["process", str(tmp_path / "in"), "--format", "jsonl"])
    assert loose.stderr.splitlines()[-1].endswith("and 2 more (-v names each)")


def test_process_names_no_input_when_none_was_rejected_or_each_was_named(
        tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("")
    verbose = CliRunner().invoke(cli, ["process", str(page), "--format", "jsonl", "-v"])
    assert verbose.stderr.startswith(f"rejected\t{page}\tempty\t")
    assert "diurna: rejected:" not in verbose.stderr  # -v named it; no second time
    quiet = CliRunner().invoke(cli, ["process", str(page), "--format", "jsonl", "-q"])
    assert quiet.stderr == ""


def _help(*command: str) -> str:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_doc_is_spelt_id_wherever_it_is_taken() -> None:
    # events and export showed `--doc VALUE`, quotes and recode `--doc ID`, for the same id
    for command in ("events", "export", "quotes", "recode"):
        assert "--doc ID " in _help(command), command
    assert "the whole id, as the doc column shows it" in _help("events")


def test_option_values_are_named_for_what_they_are() -> None:
    # click's own type names ("FLOAT RANGE", "TEXT") and argparse's ("WORST") said nothing
    assert "--threshold SIMILARITY " in _help("duplicates")
    assert "--host ADDRESS " in _help("serve")
    assert "--address ADDRESS " in _help("process")
    body = _help("evaluate", "body")
    assert "--worst N " in body and "WORST" not in body
    assert "event gold JSONL (default: gold/events.jsonl)" in _help("evaluate", "events")


def test_fetch_retry_rejected_names_no_option_fetch_lacks() -> None:
    # fetch has no --out; the help shared with `process` said "--db (or --out)"
    fetch = _help("fetch")
    assert "Request again pages whose rejection --db already records" in fetch
    assert "For pages that could not be fetched then, or after a Diurna update." in fetch
    assert "--out" not in fetch
    assert "Read again inputs whose rejection --db (or --out) already records" in _help("process")


def test_no_store_says_it_matters_with_db() -> None:
    # without --db nothing is stored anyway; "do not write a database" read as the default
    assert "--no-store Print only; write nothing, even to the --db given" in _help("process")


@pytest.mark.parametrize("command", [["events"], ["places"], ["times"], ["quotes"],
                                     ["agreement", "a.jsonl", "b.jsonl"],
                                     ["quotes-agreement", "a.jsonl", "b.jsonl"]])
def test_a_missing_gold_file_says_what_to_do(command: list[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # outside the repository's root the defaults (gold/...) are not found: "no gold file at
    # gold/events.jsonl" alone left a user guessing
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["evaluate", *command])
    assert result.exit_code == 2
    assert "no gold file at " in result.output
    assert ": give the gold file's path, or run from the repository's root" in result.output
