"""bench/argument_ranker.py: frozen files refused by their name, a missing cache named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.scripts import load_file

from diurna.evaluate.gold import frozen


def test_frozen_is_read_from_the_file_name_only() -> None:
    assert frozen("gold/events-wikinews-test.jsonl")
    assert frozen("gold/event-pairs-test-heldout.txt")
    assert frozen(Path("gold/quotes-heldout.jsonl"))
    assert not frozen("/tmp/pytest-of-me/test_x0/events-wikinews-dev.jsonl")
    assert not frozen("gold/events-wikinews-train2.jsonl")


def test_a_dev_file_in_a_test_folder_is_read_and_a_test_file_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_file("bench/argument_ranker.py")
    cache = tmp_path / "cache"
    cache.mkdir()
    # tmp_path lies under pytest's "/tmp/pytest-of-..." folder: the path holds "test", the name not
    dev = tmp_path / "events-wikinews-dev.jsonl"
    dev.write_text("")
    assert bench.main([str(dev), "--cache", str(cache)]) == 2
    err = capsys.readouterr().err
    assert "no candidates at" in err and "frozen" not in err
    assert bench.main(["gold/events-wikinews-test.jsonl", "--cache", str(cache)]) == 2
    assert "frozen test files" in capsys.readouterr().err
    # with its candidates cached the dev file is scored: one matched event, rules right
    rec = {"source": "a", "gold": {"actor": ["USA"], "recipient": []}, "rule":
           {"actor": ["USA"], "recipient": []}, "cands": []}
    (cache / "events-wikinews-dev.learned.jsonl").write_text(json.dumps(rec) + "\n")
    assert bench.main([str(dev), "--cache", str(cache), "--rounds", "10"]) == 0
    assert "actor F1 1.000 (tp 1 fp 0 fn 0)" in capsys.readouterr().out
