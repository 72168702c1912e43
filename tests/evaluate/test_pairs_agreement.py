"""The event-pair agreement scorer: pair matching, raw agreement, kappa, P/R (worked by hand)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from diurna.evaluate.gold import read_jsonl
from diurna.evaluate.pairs_agreement import (
    cohen_kappa,
    main,
    match,
    pair_key,
    precision_recall,
    raw_agreement,
)


def _pair(n: int, same: bool, swap: bool = False) -> dict[str, Any]:
    a = {"url": f"https://x/{n}a", "trigger": [n, n + 3], "sentence": [0, 9], "type": "ASSAULT"}
    b = {"url": f"https://x/{n}b", "trigger": [n + 1, n + 4], "sentence": [0, 9], "type": "ASSAULT"}
    return {"a": b, "b": a, "same": same} if swap else {"a": a, "b": b, "same": same}


def test_kappa_of_a_hand_worked_table() -> None:
    # 10 pairs: both same 3, both different 4, first only 2, second only 1.
    # observed 7/10; p1 = 5/10, p2 = 4/10; chance = .5*.4 + .5*.6 = .5; kappa = (.7-.5)/.5 = .4
    labels = [(True, True)] * 3 + [(False, False)] * 4 + [(True, False)] * 2 + [(False, True)]
    assert raw_agreement(labels) == pytest.approx(0.7)
    assert cohen_kappa(labels) == pytest.approx(0.4)


def test_kappa_is_one_for_full_agreement_and_undefined_for_one_label() -> None:
    assert cohen_kappa([(True, True), (False, False)]) == pytest.approx(1.0)
    # Both judges say "different" to every pair: chance agreement is 1, kappa undefined.
    assert cohen_kappa([(False, False)] * 3) is None
    assert raw_agreement([]) is None


def test_weights_count_a_pair_as_many() -> None:
    # Weighting the one disagreement 3 times: observed 2/5 -> raw 0.4.
    labels = [(True, True), (False, False), (True, False)]
    assert raw_agreement(labels, [1.0, 1.0, 3.0]) == pytest.approx(0.4)


def test_second_judge_scored_like_a_linker() -> None:
    # tp 3, fn 2 (first only), fp 1 (second only): P 3/4, R 3/5, F1 2*.75*.6/1.35 = 2/3
    labels = [(True, True)] * 3 + [(False, False)] * 4 + [(True, False)] * 2 + [(False, True)]
    p, r, f = precision_recall(labels)
    assert (p, r, f) == pytest.approx((0.75, 0.6, 2 / 3))
    # The false "same" weighted 3 times: P 3/6.
    assert precision_recall(labels, [1.0] * 9 + [3.0])[0] == pytest.approx(0.5)


def test_pairs_match_whichever_event_comes_first(tmp_path: Path) -> None:
    assert pair_key(_pair(5, True)) == pair_key(_pair(5, True, swap=True))
    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps(_pair(n, n < 2)) + "\n" for n in range(4)))
    second = [_pair(0, True, swap=True), _pair(3, True), _pair(99, False)]
    judged, population, unmatched = match([first], second)
    assert [(j.first, j.second) for j in judged] == [(True, True), (False, True)]
    assert population == Counter({("first.jsonl", True): 2, ("first.jsonl", False): 2})
    assert unmatched == 1


def test_main_prints_the_table_and_names_a_missing_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps(_pair(n, n < 2)) + "\n" for n in range(4)))
    second = tmp_path / "second.jsonl"
    second.write_text("".join(json.dumps(_pair(n, n < 1)) + "\n" for n in range(4)))
    assert main([str(second), "--first", str(first)]) == 0
    out = capsys.readouterr().out
    # 3 of 4 agree; p1 = .5, p2 = .25: chance .5; kappa (.75 - .5) / .5 = .5
    assert "| all (as sampled) | 4 | 0.750 | 0.500 | 1 / 1 / 0 |" in out
    assert main([str(tmp_path / "nope.jsonl"), "--first", str(first)]) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_a_malformed_pair_file_is_one_line_naming_the_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps(_pair(1, True)) + "\n", encoding="utf-8")
    bad = tmp_path / "second.jsonl"
    bad.write_text(json.dumps(_pair(1, True)) + "\n{not json\n", encoding="utf-8")
    assert main([str(bad), "--first", str(first)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2" in err and len(err.strip().splitlines()) == 1


def test_the_second_judgment_file_resolves_and_keeps_no_text() -> None:
    root = Path(__file__).resolve().parents[2]
    firsts = [root / "gold" / "event-pairs-dev.jsonl", root / "gold" / "event-pairs-train.jsonl"]
    second = list(read_jsonl(root / "gold" / "event-pairs-second-judge.jsonl"))
    judged, _, unmatched = match(firsts, second)
    # The documented sample: 150 pairs, 60 first-judged "same" and 90 "different", all found.
    assert (len(judged), unmatched) == (150, 0)
    assert sum(j.first for j in judged) == 60
    for line in second:
        assert set(line) == {"a", "b", "same", "why"}
        assert set(line["a"]) == {"url", "trigger", "sentence", "type"}
        assert len(line["why"]) < 80


@pytest.mark.parametrize(("pairs", "second_judge", "judged_n", "first_same"), [
    # session 20: 80 sampled training pairs (30 first judged "same", 50 "different")
    ("event-pairs-train2.jsonl", "event-pairs-train2-second-judge.jsonl", 80, 30),
    # session 24: all 163 fresh development pairs (28 first judged "same")
    ("event-pairs-dev2.jsonl", "event-pairs-dev2-second-judge.jsonl", 163, 28),
])
def test_a_blind_second_judgment_resolves_against_its_pairs(pairs: str, second_judge: str,
                                                          judged_n: int,
                                                          first_same: int) -> None:
    """Every pair the second judge judged is found in its pairs file; keys and the judge's
    verdict only, no article text."""
    root = Path(__file__).resolve().parents[2]
    second = list(read_jsonl(root / "gold" / second_judge))
    judged, _, unmatched = match([root / "gold" / pairs], second)
    assert (len(judged), unmatched) == (judged_n, 0)
    assert sum(j.first for j in judged) == first_same
    for line in second:
        assert set(line) == {"a", "b", "same", "why"}


def test_second_file_after_first_files_is_not_taken_as_a_first_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # --first takes every file after it: "--first A B SECOND" once read SECOND as a third first
    # file, so every pair matched itself (agreement 1.000). The documented order and the
    # reversed one must print the same table.
    first_a, first_b = tmp_path / "dev.jsonl", tmp_path / "train.jsonl"
    first_a.write_text("".join(json.dumps(_pair(n, n < 2)) + "\n" for n in range(4)))
    first_b.write_text("".join(json.dumps(_pair(n, n < 12)) + "\n" for n in range(10, 14)))
    second = tmp_path / "second.jsonl"
    # first judge: 0, 1, 10 same; 3, 13 different. Second: 0, 3, 10, 13 same, 1 different.
    # Agree on 0 and 10 only: 2 of 5
    second.write_text("".join(json.dumps(_pair(n, n in (0, 3, 10, 13))) + "\n"
                              for n in (0, 1, 3, 10, 13)))
    assert main([str(second), "--first", str(first_a), str(first_b)]) == 0
    documented = capsys.readouterr().out
    assert "| all (as sampled) | 5 | 0.400 |" in documented
    assert main(["--first", str(first_a), str(first_b), str(second)]) == 0
    assert capsys.readouterr().out == documented
