"""The blind development sets are named in one place (diurna.evaluate.gold.BLIND_SETS), which the
error-analysis tools under bench/ refuse; a read set whose name begins the same way is not one."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.scripts import load_file

from diurna.evaluate.gold import BLIND_SETS, blind


@pytest.mark.parametrize("path", [
    "gold/events-wikinews-dev18.jsonl", "gold/events-wikinews-dev20-second-annotator.jsonl",
    "/elsewhere/quotes-wikinews-dev11.jsonl", Path("gold/quotes-wikinews-dev10.jsonl"),
    "gold/events-wikinews-dev23.jsonl", "gold/quotes-wikinews-dev12-second-annotator.jsonl",
    "gold/events-wikinews-dev24.jsonl", "gold/quotes-wikinews-dev10-second-annotator.jsonl",
    "gold/events-lgl-dev4.jsonl", "gold/events-lgl-dev5.jsonl", "gold/events-lgl-dev6.jsonl",
    "gold/events-lgl-dev7.jsonl"])
def test_blind_sets_and_their_second_annotations_are_blind(path: str | Path) -> None:
    assert blind(path)


@pytest.mark.parametrize("path", [
    "gold/events-wikinews-dev1.jsonl", "gold/events-wikinews-dev12.jsonl",
    "gold/quotes-wikinews-dev5.jsonl", "gold/events-wikinews-train4.jsonl",
    "/work/events-wikinews-dev18/events-wikinews-dev3.jsonl",
    # spent in session 52
    "gold/events-wikinews-dev13.jsonl", "gold/events-wikinews-dev22.jsonl",
    "gold/quotes-wikinews-dev6.jsonl", "gold/quotes-wikinews-dev9-second-annotator.jsonl",
    # spent in session 53
    "gold/events-lgl-dev1.jsonl", "gold/events-lgl-dev1-second-annotator.jsonl",
    "gold/events-lgl-dev2.jsonl", "gold/events-lgl-dev3-second-annotator.jsonl"])
def test_read_sets_are_not_blind(path: str) -> None:
    assert not blind(path)


def test_every_blind_set_is_a_file_of_the_repository() -> None:
    gold = Path(__file__).resolve().parents[2] / "gold"
    assert all((gold / f"{name}.jsonl").is_file() for name in BLIND_SETS)


@pytest.mark.parametrize(("path", "refused"), [
    ("gold/events-wikinews-dev19.jsonl", True), ("gold/events-wikinews-test.jsonl", True),
    ("gold/events-wikinews-dev11.jsonl", False)])
def test_the_sentence_filter_study_refuses_the_blind_sets_only(path: str, refused: bool) -> None:
    # dev11 was blind when the study was written and is a read set now
    study = load_file("bench/sentence_filter.py", register=True)
    if refused:
        with pytest.raises(SystemExit, match="a test or blind file"):
            study.refuse_blind(path)
    else:
        study.refuse_blind(path)
