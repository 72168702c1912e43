"""Round 9 of the new user's walk (docs/batch.md): the end of a run names the rejected inputs,
and what the walk of the quick start and every ``--help`` found."""

from __future__ import annotations

from pathlib import Path

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

