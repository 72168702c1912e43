"""bench/date_errors.py (docs/time.md, session 41 T2): the blind and frozen gold files are
refused before anything runs, and the read pool's files are not."""

from __future__ import annotations

import pytest
from tests.scripts import load_file


@pytest.mark.parametrize("gold", ["gold/events-wikinews-dev18.jsonl",
                                  "gold/events-wikinews-dev19-second-annotator.jsonl",
                                  "gold/events-wikinews-test.jsonl",
                                  "gold/events-test-heldout.txt"])
def test_blind_and_frozen_files_are_refused(gold: str) -> None:
    bench = load_file("bench/date_errors.py")
    with pytest.raises(SystemExit):
        bench.main(["score", "/nonexistent", gold])


def test_read_files_pass_the_check() -> None:
    bench = load_file("bench/date_errors.py")
    bench._refuse(["gold/events-wikinews-dev12.jsonl", "gold/events-wikinews-train4.jsonl"])
