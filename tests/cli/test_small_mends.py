"""What a new user's walk through the commands found odd (docs/batch.md, docs/data.md): one
spelling of --baseline and of --limit, scripts that answer --help, counts in the singular,
and commands that say so when they have nothing to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diurna.cli import cli
from diurna.evaluate import places as places_scorer
from diurna.evaluate import quotes as quotes_scorer
from diurna.model import plural
from diurna.store import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("options", "scored"), [
    ([], True), (["--baseline", "keyword"], True), (["--baseline", "none"], False),
    (["--no-baseline"], False),  # the old spelling stays an alias of `--baseline none`
])
def test_evaluate_quotes_takes_baseline_as_evaluate_events_does(
        options: list[str], scored: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    asked: dict[str, Any] = {}

    def score(gold: str, **kw: Any) -> dict[str, Any]:  # the scoring itself takes 40 s
        asked.update(kw)
        return {}

    monkeypatch.setattr(quotes_scorer, "score", score)
    monkeypatch.setattr(quotes_scorer, "format_report", lambda result: "report")
    gold = tmp_path / "quotes.jsonl"
    gold.write_text("")
    assert quotes_scorer.main([str(gold), *options]) == 0
    assert asked["baseline"] is scored


def test_evaluate_quotes_refuses_an_unknown_baseline(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        quotes_scorer.main([str(tmp_path / "q.jsonl"), "--baseline", "rules"])
    assert exit_.value.code == 2 and "--baseline" in capsys.readouterr().err


@pytest.mark.parametrize("command", [
    ["events"], ["export", "--to", "e.csv"], ["demo"], ["places", "resolve", "Paris"]])
def test_limit_is_at_least_one_on_every_command(command: list[str], one_event_db: Path,
                                                tmp_path: Path) -> None:
    # `events --limit 0` printed an empty list where `places resolve --limit 0` was refused.
    db = ["--db", str(one_event_db if command[0] != "demo" else tmp_path / "demo.db")]
    args = [a if a != "e.csv" else str(tmp_path / "e.csv") for a in command]
    for limit in ("0", "-1"):
        result = CliRunner().invoke(cli, [*args, *([] if command[0] == "places" else db),
                                          "--limit", limit])
        assert result.exit_code == 2 and "--limit" in result.output
        assert "x>=1" in result.output
    name = command[:2] if command[0] == "places" else command[:1]
    assert "N >= 1" in " ".join(CliRunner().invoke(cli, [*name, "--help"]).output.split())
    assert not (tmp_path / "demo.db").exists() and not (tmp_path / "e.csv").exists()


def test_events_limit_one_gives_one_event(one_event_db: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(one_event_db), "--limit", "1",
                                      "--format", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("limit", ["0", "-1", "two"])
def test_evaluate_places_limit_is_at_least_one(limit: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # -1 silently dropped the last article of the XML; 0 scored none
    with pytest.raises(SystemExit) as exit_:
        places_scorer.xml_parser().parse_args(["lgl.xml", "--limit", limit])
    assert exit_.value.code == 2 and "--limit" in capsys.readouterr().err
    assert places_scorer.xml_parser().parse_args(["lgl.xml", "--limit", "5"]).limit == 5


@pytest.mark.parametrize("script", ["build_geonames_points.py", "build_natural_earth.py",
                                    "build_countries.py"])
def test_build_scripts_answer_help(script: str) -> None:
    # They read `--help` as their input path and ended in FileNotFoundError.
    run = subprocess.run([sys.executable, str(REPO / "scripts" / script), "--help"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"usage: python scripts/{script}")
    missing = subprocess.run([sys.executable, str(REPO / "scripts" / script)],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "required" in missing.stderr


def test_counts_of_one_are_singular() -> None:
    assert [plural(1, "document"), plural(2, "document"), plural(0, "document")] == [
        "1 document", "2 documents", "0 documents"]
    assert [plural(1, "story", "stories"), plural(3, "story", "stories")] == ["1 story",
                                                                             "3 stories"]


def test_one_event_is_singular_in_the_verbose_line_and_the_table(one_event_db: Path) -> None:
    # `process -v` printed "stored	a.txt	1 events", `diurna events` "1 events in …"
    from diurna.batch import Outcome
    from diurna.cli import _outcome_line
    from diurna.model import Document, Event, Span

    doc = Document(id="0123456789abcdef", source="a.txt", text="Envoys met in Geneva.")
    doc.events = [Event(id=f"{doc.id}:0", type="CONSULT", trigger=Span(7, 10, "met"),
                        sentence=Span(0, 21, doc.text))]
    assert _outcome_line(Outcome("stored", "a.txt", doc)) == "stored\ta.txt\t1 event"
    result = CliRunner().invoke(cli, ["events", "--db", str(one_event_db)])
    assert result.exit_code == 0 and result.output.startswith(f"1 event in {one_event_db}")


def test_an_engine_run_of_one_shard_on_one_worker_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `--engine ray --workers 1` ended "in 1 shards on ray (1 workers, …)"
    from diurna.scale import runner

    def run(*args: Any, **kw: Any) -> runner.RunSummary:  # no cluster: only the line is tested
        return runner.RunSummary(engine="ray", stored=1, shards=1, workers=1, seconds=2.0)

    monkeypatch.setattr(runner, "run", run)
    page = tmp_path / "a.txt"
    page.write_text("Envoys met in Geneva.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["process", str(page), "--engine", "ray", "--workers", "1",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "in 1 shard on ray (1 worker, 2.0 s) under " in result.stderr


def test_duplicates_says_1_document(one_event_db: Path) -> None:
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(one_event_db)])
    assert result.exit_code == 0, result.output
    assert "0 clusters; 1 document, 1 story" in result.stderr


def test_recode_with_nothing_stale_says_so(one_event_db: Path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["recode", "--db", str(one_event_db), "--coder", "rules", "-q"])
    again = runner.invoke(cli, ["recode", "--db", str(one_event_db), "--coder", "rules"])
    # it said "no input found", as if the store were empty
    assert again.exit_code == 0
    assert again.stderr == f"diurna: nothing to re-code: 1 document up to date in {one_event_db}\n"
    quiet = runner.invoke(cli, ["recode", "--db", str(one_event_db), "--coder", "rules", "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_rejections_on_an_empty_table_says_0(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    for fmt in ("table", "jsonl"):
        result = CliRunner().invoke(cli, ["rejections", "--db", str(db), "--format", fmt])
        assert result.exit_code == 0
        assert result.stdout == "" and result.stderr == "diurna: 0 rejections\n"
