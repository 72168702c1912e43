"""Gold lines may point into one record of a JSONL corpus file (the Wikinews articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.evaluate.gold import base_text

WIKINEWS = "wikinews-politics-2004-2009/articles.jsonl"


def test_a_record_id_after_hash_gives_that_articles_text(shared: Path) -> None:
    with (shared / "corpus" / WIKINEWS).open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    assert base_text(f"corpus/{WIKINEWS}#{first['id']}") == first["text"]


def test_an_unknown_record_id_names_the_source(shared: Path) -> None:
    with pytest.raises(ValueError, match="no record with id 'wikinews-en:nope'"):
        base_text(f"corpus/{WIKINEWS}#wikinews-en:nope")


def test_every_wikinews_gold_line_matches_its_article(shared: Path) -> None:
    """The annotated Wikinews sets point into the shared corpus by offsets; a trigger whose text
    does not match would mean the corpus or the gold has drifted."""
    gold = Path(__file__).resolve().parents[2] / "gold"
    checked = 0
    for name in ("events-wikinews-train.jsonl", "events-wikinews-dev.jsonl",
                 "events-wikinews-dev3.jsonl", "events-wikinews-dev3-first-annotation.jsonl",
                 "events-wikinews-dev3-second-annotator.jsonl",
                 "events-wikinews-dev3-adjudicated-12a.jsonl", "events-wikinews-test.jsonl",
                 "events-wikinews-train2-3.jsonl"):
        for line in (gold / name).read_text(encoding="utf-8").splitlines():
            unit = json.loads(line)
            text = base_text(unit["source"])
            assert 0 <= unit["start"] < unit["end"] <= len(text)
            for ev in unit["events"]:
                trig = ev["trigger"]
                assert text[trig["start"]:trig["end"]] == trig["text"]
                assert unit["start"] <= trig["start"] < unit["end"]
                checked += 1
    assert checked > 500
