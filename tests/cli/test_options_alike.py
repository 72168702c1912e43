"""Options spelt, defaulted and checked alike across commands, as their --help says."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from diurna.cli import cli


def _help(*command: str) -> str:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize("command", ["process", "fetch", "recode"])
def test_every_command_that_codes_takes_the_same_coder_options(command: str) -> None:
    # recode and fetch once coded with the default coder only: a store processed with
    # `--coder rules` was silently re-coded by the learned coder.
    text = _help(command)
    assert "--coder [learned|rules|keyword|tagger]" in text and "[default: learned]" in text
    assert "--args [rules|learned]" in text and "--gate [actors|parties|off]" in text


def test_recode_codes_with_the_coder_it_is_given(one_event_db: Path) -> None:
    runner = CliRunner()
    rules = runner.invoke(cli, ["recode", "--db", str(one_event_db), "--all", "--coder", "rules",
                                "-q"])
    assert rules.exit_code == 0, rules.output
    con = sqlite3.connect(one_event_db)
    try:
        (coder,) = con.execute("SELECT coder FROM documents WHERE id = ?",
                               ("0123456789abcdef",)).fetchone()
    finally:
        con.close()
    # the rule coder, not LearnedEventCoder, under the default attachment (learned since session 50)
    assert coder.endswith(" EventCoder args=learned")
    # Nothing is stale for the same coder; the default (learned) re-codes it.
    again = runner.invoke(cli, ["recode", "--db", str(one_event_db), "--coder", "rules"])
    assert "1 recoded" not in again.stderr
    learned = runner.invoke(cli, ["recode", "--db", str(one_event_db)])
    assert "1 recoded" in learned.stderr


def test_fetch_takes_the_coder_options_before_any_request() -> None:
    result = CliRunner().invoke(cli, ["fetch", "ftp://example.org/a", "--coder", "rules",
                                      "--gate", "off"])
    assert result.exit_code == 2 and "is not an http(s) URL" in result.output


@pytest.mark.parametrize("option", [["--coder", "rules"], ["--db", "x.db"], ["--format", "table"],
                                    ["--gate", "off"], ["--recode"]])
def test_an_engine_run_refuses_what_it_would_ignore(seed_path: Path, tmp_path: Path,
                                                    option: list[str]) -> None:
    # An engine run codes with the default pipeline and writes Parquet: these options were
    # dropped without a word before.
    result = CliRunner().invoke(cli, ["process", str(seed_path), "--engine", "ray", "--out",
                                      str(tmp_path / "out"), *option])
    assert result.exit_code == 2
    assert f"{option[0]} cannot be used with --engine/--out" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["events", "export"])
def test_date_filters_show_and_check_their_format(command: str, one_event_db: Path,
                                                  tmp_path: Path) -> None:
    assert "--since YYYY-MM-DD" in _help(command) and "--until YYYY-MM-DD" in _help(command)
    extra = ["--to", str(tmp_path / "e.csv")] if command == "export" else []
    bad = CliRunner().invoke(cli, [command, "--db", str(one_event_db), "--since", "2018-13-01",
                                   *extra])
    # A usage error naming the option (it named the query's `date_from` before).
    assert bad.exit_code == 2 and "'--since'" in bad.output and "YYYY-MM-DD" in bad.output
    good = CliRunner().invoke(cli, [command, "--db", str(one_event_db), "--until", "2100-01-01",
                                    *extra])
    assert good.exit_code == 0, good.output


def test_places_resolve_spells_json_lines_jsonl_and_refuses_a_limit_below_one() -> None:
    runner = CliRunner()
    jsonl = runner.invoke(cli, ["places", "resolve", "Paris", "--format", "jsonl", "--limit", "2"])
    json_ = runner.invoke(cli, ["places", "resolve", "Paris", "--format", "json", "--limit", "2"])
    assert jsonl.exit_code == 0, jsonl.output
    assert jsonl.stdout == json_.stdout
    assert [json.loads(line)["name"] for line in jsonl.stdout.splitlines()] == ["Paris", "Paris"]
    # --limit 0 said "no place called 'Paris' in the gazetteer"; -1 dropped the last candidate.
    for limit in ("0", "-1"):
        refused = runner.invoke(cli, ["places", "resolve", "Paris", "--limit", limit])
        assert refused.exit_code == 2 and "--limit" in refused.output


def test_places_resolve_help_says_what_the_table_marks_mean() -> None:
    # the table starts each candidate with `*`, a blank or `-`, which no help explained
    table = CliRunner().invoke(cli, ["places", "resolve", "Paris", "--limit", "3"]).stdout
    assert table.startswith("*   ")
    assert "(`*` the pick, `-` not plausible here)" in _help("places", "resolve")


def test_clusters_help_shows_the_linker_it_uses() -> None:
    from diurna.clusters import DEFAULT_LINKER

    assert f"[default: {DEFAULT_LINKER}]" in _help("clusters")
    linker = next(p for p in cli.commands["clusters"].params if p.name == "linker")
    assert isinstance(linker, click.Option) and linker.default == DEFAULT_LINKER


def test_demo_help_names_the_corpus_it_reads() -> None:
    from diurna.api.demo import CORPUS

    assert CORPUS.as_posix() in _help("demo").replace("- ", "-")
    assert "$DIURNA_SHARED or ../shared" in _help("demo")


def test_fetch_help_says_nothing_is_stored_without_db() -> None:
    assert "nothing is stored unless --db is given" in _help("fetch")


@pytest.mark.parametrize("command,shown", [
    (["process"], "--workers N"), (["serve"], "--workers N"), (["demo"], "--workers N"),
    (["events"], "--limit N"), (["demo"], "--limit N"), (["places", "resolve"], "--limit N"),
    (["fetch"], "--delay SECONDS"), (["serve"], "--port PORT"),
])
def test_help_names_counts_as_the_readme_does(command: list[str], shown: str) -> None:
    # The README writes `--workers N`, `--limit N`, `--delay S`; --help said INTEGER RANGE.
    assert shown in _help(*command)


def test_events_help_says_what_a_date_in_parentheses_and_a_question_mark_mean() -> None:
    """The events table shows "(2004-11-13)" beside "2018-02-14" and "[?]" beside "[IRN]";
    a first-time user had nothing to tell them what either meant."""
    text = " ".join(_help("events").split())
    assert "in parentheses, the publication day" in text
    assert "[?] a party it does not know" in text
