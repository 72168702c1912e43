"""The newer pair files read as the trainer and the bench read them: the session-20 training
pairs (gold/event-pairs-train2.jsonl) and the session-23 fresh development pairs
(gold/event-pairs-dev2.jsonl). Every line parses, names two events of different articles of one
type by offsets that fall in the articles of its window, carries a verdict and a reason, and
repeats no pair of the other pair files."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = Path("corpus") / "wikinews-politics-2004-2009" / "articles.jsonl"
# the newer pair files: the windows they were drawn from, their smallest size and "same" count,
# and their strata (train2's tilted draw, dev2's plain one as in the dev pairs)
NEWER = {"train2": ({"train-f", "train-g", "train-h"}, 300, 40,
                    {"top", "high", "names", "story", "mid", "low"}),
         "dev2": ({"dev2"}, 150, 20, {"high", "mid", "low"})}
ALL = ("dev", "train", "test", "train2", "dev2")


def _lines(split: str) -> list[dict[str, Any]]:
    text = (ROOT / "gold" / f"event-pairs-{split}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _windows() -> dict[str, tuple[str, str]]:
    spec = importlib.util.spec_from_file_location("event_pairs",
                                                  ROOT / "scripts" / "gold" / "event_pairs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.WINDOWS)


@pytest.mark.parametrize("split", sorted(NEWER))
def test_newer_lines_carry_what_the_trainer_reads(split: str) -> None:
    draws, size, same, strata = NEWER[split]
    pairs = _lines(split)
    assert len(pairs) >= size
    assert {p["draw"] for p in pairs} == draws
    for p in pairs:
        assert isinstance(p["same"], bool) and p["why"].strip()
        assert p["a"]["url"] != p["b"]["url"] and p["a"]["type"] == p["b"]["type"]
        assert p["stratum"] in strata
    assert sum(p["same"] for p in pairs) >= same


@pytest.mark.parametrize("split", sorted(NEWER))
def test_newer_file_repeats_no_pair_of_the_other_pair_files(split: str) -> None:
    def key(p: dict[str, Any]) -> frozenset[tuple[str, int, int]]:
        return frozenset((p[s]["url"], *p[s]["trigger"]) for s in "ab")

    new = [key(p) for p in _lines(split)]
    assert len(set(new)) == len(new)
    others = {key(p) for other in ALL if other != split for p in _lines(other)}
    assert not others & set(new)


def test_dev2_window_is_apart_from_every_other_window() -> None:
    """A fresh development set: no article of dev2's window can be in another file's window."""
    windows = _windows()
    start, end = windows["dev2"]
    for name, (s, e) in windows.items():
        assert name == "dev2" or e < start or s > end, name


@pytest.mark.parametrize("split", sorted(NEWER))
def test_newer_offsets_fall_in_articles_of_their_windows(split: str, shared: Path) -> None:
    """The offsets are into the pipeline's text of the article (for most articles the corpus
    text itself; a few are a little shorter), so each trigger lies in its sentence and each
    sentence within the corpus article, published inside the window the pair was drawn from."""
    articles = {}
    with (shared / WIKINEWS).open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            articles[record["url"]] = record
    windows = _windows()
    for p in _lines(split):
        start, end = windows[p["draw"]]
        for side in "ab":
            event = p[side]
            article = articles[event["url"]]
            assert start <= article["published"] <= end
            s0, s1 = event["sentence"]
            t0, t1 = event["trigger"]
            assert 0 <= s0 <= t0 < t1 <= s1 <= len(article["text"])
