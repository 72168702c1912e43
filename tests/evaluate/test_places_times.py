from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from diurna.evaluate import places as place_scorer
from diurna.evaluate import times as time_scorer
from diurna.evaluate.gold import base_text, shared_dir
from diurna.model import Span

SOURCE = "corpus/seed-page.txt"


def _unit(text: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"source": SOURCE, "published": "2018-02-15", "start": start,
            "end": start + len(needle)}


def _ann(text: str, unit: dict[str, Any], word: str, **extra: Any) -> dict[str, Any]:
    start = text.index(word, unit["start"])
    return {"start": start, "end": start + len(word), "text": word, **extra}


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not (shared_dir() / "corpus" / "seed-page.txt").exists():
        pytest.skip("shared corpus not available")
    return base_text(SOURCE)


def test_haversine_and_matching() -> None:
    # Tehran to Damascus is about 1,380 km
    assert 1300 < place_scorer.haversine_km(35.69, 51.42, 33.51, 36.29) < 1450
    gold = [{"start": 0, "end": 5}, {"start": 10, "end": 15}]
    pred = [Span(11, 15, "abcd"), Span(30, 35, "abcde")]
    assert place_scorer.match(gold, pred) == [(1, 0)]


def test_place_scorer_on_hand_made_gold(tmp_path: Path, seed_text: str) -> None:
    unit = _unit(seed_text, "Velayati said during a conference at the Islamic Azad University in "
                            "Tehran")
    line = {**unit, "toponyms": [_ann(seed_text, unit, "Tehran", geonameid=112931,
                                      lat=35.69439, lon=51.42151)]}
    other = _unit(seed_text, "the Iraq donors conference in Kuwait")
    wrong = {**other, "toponyms": [
        # a gold line that says Kuwait City, to exercise the distance branch: our country point
        # (the median of Kuwaiti towns, about 29.27 N 48.08 E) is ~15 km from the capital
        _ann(seed_text, other, "Kuwait", geonameid=285787, lat=29.36972, lon=47.97833)]}
    path = tmp_path / "toponyms.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in (line, wrong)) + "\n", encoding="utf-8")
    result = place_scorer.score(path)
    assert result["gold"] == 2 and result["matched"] == 2
    assert result["exact_id_accuracy"] == 0.5  # Tehran right, Kuwait (country) ≠ Kuwait City
    assert result["accuracy_161km"] == 1.0  # the country point is within 161 km of the capital
    assert result["detection_recall"] == 1.0


def test_time_scorer_on_hand_made_gold(tmp_path: Path, seed_text: str) -> None:
    unit = _unit(seed_text, "On February 14, Ali Akbar Velayati")
    line = {**unit, "times": [_ann(seed_text, unit, "February 14", value="2018-02-14",
                                   precision="day")]}
    path = tmp_path / "times.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = time_scorer.score(path)
    assert result["gold"] == 1 and result["matched"] == 1
    assert result["value_accuracy"] == 1.0
    assert result["detection_precision"] == 1.0
