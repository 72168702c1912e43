"""``scripts/gold/wikinews_gold.py``: annotators' lines become gold offsets, and a string taken
inside a longer word is flagged (session 45's annotators each had to check this by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.scripts import REPO

SCRIPT = REPO / "scripts/gold/wikinews_gold.py"
SENTENCE = "Then the minister said he would resign."


def run(tmp_path: Path, event: dict[str, object],
        *args: str) -> subprocess.CompletedProcess[str]:
    units = tmp_path / "units.jsonl"
    unit = {"source": "corpus/x/articles.jsonl#wikinews-en:1", "published": "2008-01-02",
            "split": "t-1", "n": 1, "start": 100, "end": 100 + len(SENTENCE), "text": SENTENCE}
    units.write_text(json.dumps(unit) + "\n", encoding="utf-8")
    ann = tmp_path / "ann.jsonl"
    line = {"id": "wikinews-en:1", "n": 1, "events": [event]}
    ann.write_text(json.dumps(line) + "\n", encoding="utf-8")
    command = [sys.executable, str(SCRIPT), "--units", str(units), *args, str(ann)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def event(**extra: object) -> dict[str, object]:
    return {"type": "RETREAT", "mode": "resign", "trigger": "resign",
            "actor": {"text": "he", "code": "GBRGOV"}, **extra}


def test_a_pronoun_found_inside_another_word_is_warned_not_refused(tmp_path: Path) -> None:
    # "he" first occurs inside "Then"; the line still converts (exit 0), with a warning
    res = run(tmp_path, event())
    assert res.returncode == 0
    warning = "ann.jsonl:1: warning: actor 'he' (occurrence 1) starts or ends inside a word"
    assert warning in res.stderr
    gold = json.loads(res.stdout)
    # the span stays where the annotator's line puts it: inside "Then"
    assert gold["events"][0]["actor"]["start"] == 100 + SENTENCE.index("he")


def test_the_whole_word_occurrence_given_by_nth_is_silent_and_placed(tmp_path: Path) -> None:
    # "he" occurs inside "Then", "the" and then as a word: the third occurrence
    res = run(tmp_path, event(actor_nth=3))
    assert res.returncode == 0 and "warning" not in res.stderr
    actor = json.loads(res.stdout)["events"][0]["actor"]
    word = 100 + SENTENCE.index(" he ") + 1
    assert (actor["start"], actor["end"]) == (word, word + 2)


def test_a_string_not_in_the_sentence_is_a_problem(tmp_path: Path) -> None:
    res = run(tmp_path, event(trigger="resigned"), "--check")
    assert res.returncode == 1
    problem = "ann.jsonl:1: trigger 'resigned' (occurrence 1) is not in the sentence"
    assert problem in res.stderr


def assert_usage_error(script: str, args: list[str], message: str, tmp_path: Path) -> None:
    """``scripts/gold/SCRIPT ARGS --out DIR`` exits 2 with ``message`` on its last stderr line
    and writes nothing."""
    res = subprocess.run([sys.executable, str(REPO / "scripts/gold" / script), *args, "--out",
                          str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert res.returncode == 2
    assert message in res.stderr.splitlines()[-1]
    assert not (tmp_path / "out").exists()


def test_the_article_chooser_refuses_a_count_that_is_no_multiple_of_twenty(tmp_path: Path) -> None:
    # parts are 20 articles each (one helper per part): 30 is a one-line usage error, and
    # nothing is written
    assert_usage_error("make_dev13_units.py", ["--articles", "30"],
                       "--articles 30: give a positive multiple of 20", tmp_path)


def test_the_article_chooser_keeps_out_what_the_audits_drew_when_they_ran(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The audits draw from the articles no gold file names, so on today's tree the same draw
    # gives other articles; the chooser must exclude the draws as they were
    # (bench/audit-samples.txt, session 46), not today's re-draw: dev14-dev18 let in 1-5
    # hand-read articles each that way.
    monkeypatch.syspath_prepend(str(REPO / "scripts/gold"))
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    import make_dev13_units

    from place_date_audit import sample

    listed = {}
    for line in (REPO / "bench/audit-samples.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            audit, article = line.split()
            listed.setdefault(audit, set()).add(article)
    assert {k: len(v) for k, v in listed.items()} == {"place_date_audit": 120,
                                                      "provenance_audit": 500}
    redrawn = {row["id"] for row in sample(120, 1334)}
    assert listed["place_date_audit"] - redrawn  # the draw has moved since it ran
    ids, _ = make_dev13_units.named_here()
    assert listed["place_date_audit"] | listed["provenance_audit"] <= ids
    # and it no longer re-draws them (session 47): an article only today's re-draw holds, which
    # no repository file names, stays choosable, so a draw follows what the repository names
    moved = redrawn - listed["place_date_audit"]
    grep = subprocess.run(["git", "grep", "-I", "-h", "-o", "-w", "-F",
                           *[f"-e{x}" for x in sorted(moved)]],
                          cwd=REPO, capture_output=True, text=True, check=False)
    named_by_files = set(grep.stdout.split())
    assert moved - named_by_files  # else the check below proves nothing
    assert not (moved - named_by_files) & ids


def test_the_digest_cutter_refuses_parts_of_no_records(tmp_path: Path) -> None:
    # make_cep_units.py cuts the Current Events summaries into parts for annotators: a part of
    # 0 records is a one-line usage error, and nothing is written
    assert_usage_error("make_cep_units.py", ["--per-part", "0"],
                       "--per-part 0: give a positive number", tmp_path)
