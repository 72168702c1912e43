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


@pytest.mark.parametrize(("files", "extra", "said"), [
    (["gold/events-wikinews-dev3.jsonl", "gold/events-wikinews-dev18.jsonl"], [],
     "events-wikinews-dev18.jsonl: a blind set"),
    (["gold/events-wikinews-dev3.jsonl"], ["--trace"], "drop --trace and --grid"),
])
def test_pool_refuses_blind_sets_and_options_it_would_not_read(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        files: list[str], extra: list[str], said: str) -> None:
    bench = load_file("bench/tune_learned.py")
    monkeypatch.setattr(sys, "argv", ["tune_learned.py", *files, "--pool", *extra])
    assert bench.main() == 2
    assert said in capsys.readouterr().err


def test_a_pooled_row_sums_counts_and_weights_status_by_its_count() -> None:
    bench = load_file("bench/tune_learned.py")

    def result(t: tuple[int, int, int], a: tuple[int, int, int], r: tuple[int, int, int],
               status: float, n: int) -> dict:
        prf = lambda c: dict(zip(("tp", "fp", "fn"), c, strict=True))  # noqa: E731
        return {"type": prf(t), "arguments": {"actor": prf(a), "recipient": prf(r)},
                "accuracy": {"status": {"accuracy": status, "n": n}}}

    # dev3 and dev4 of round 56's shipped folder (docs/events-learned.md): 22/36/29 + 36/30/26
    row = bench.pooled_row([result((22, 36, 29), (1, 1, 1), (0, 0, 2), 1.0, 22),
                            result((36, 30, 26), (3, 1, 1), (2, 2, 0), 0.5, 36)])
    # type 2*58 / (2*58 + 66 + 55) = 0.4895; actor 2*4/(8+2+2); recipient 2*2/(4+2+2);
    # status (22 + 18) / 58
    assert row == ("type 0.4895 (58/66/55) | actor 0.6667 (4/2/2) | recipient 0.5000 (2/2/2) | "
                   "status 0.6897 (n 58)")
