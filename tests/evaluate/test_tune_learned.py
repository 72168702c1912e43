"""bench/tune_learned.py: a frozen file among several is refused before anything is read."""

from __future__ import annotations

import sys

import pytest
from tests.scripts import load_file


def test_a_frozen_file_among_traced_ones_is_refused(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_file("bench/tune_learned.py")
    monkeypatch.setattr(sys, "argv", ["tune_learned.py", "gold/events-wikinews-dev3.jsonl",
                                      "gold/events-wikinews-test.jsonl", "--trace"])
    assert bench.main() == 2
    assert "events-wikinews-test.jsonl: a frozen test file" in capsys.readouterr().err


def test_pooled_f1_is_taken_from_summed_counts() -> None:
    bench = load_file("bench/tune_learned.py")
    # 117 / 159 / 112: round 22c's pooled dev3-5 at threshold 0.75 (2*117 / (2*117 + 159 + 112))
    assert round(bench.f1(117, 159, 112), 3) == 0.463
    assert bench.f1(0, 5, 5) == 0.0


@pytest.mark.parametrize("extra", [["--grid"], ["--model-dir", "/tmp/other-weights"]])
def test_trace_refuses_options_it_would_not_read(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        extra: list[str]) -> None:
    """--trace moves the shipped blend's knobs on the shipped weights; a --model-dir or --grid
    beside it was ignored without a word, so the figures looked like the other weights'."""
    bench = load_file("bench/tune_learned.py")
    monkeypatch.setattr(sys, "argv", ["tune_learned.py", "gold/events-wikinews-dev3.jsonl",
                                      "--trace", *extra])
    assert bench.main() == 2
    assert "drop --model-dir and --grid" in capsys.readouterr().err
