"""The session-20 training pairs (gold/event-pairs-train2.jsonl) read as the trainer reads them:
every line parses, names two events of different articles of one type by offsets that fall in
the articles, carries a verdict and a reason, and repeats no pair of the older pair files."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = Path("corpus") / "wikinews-politics-2004-2009" / "articles.jsonl"


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


def test_train2_lines_carry_what_the_trainer_reads() -> None:
    pairs = _lines("train2")
    assert len(pairs) >= 300
    assert {p["draw"] for p in pairs} == {"train-f", "train-g", "train-h"}
    for p in pairs:
        assert isinstance(p["same"], bool) and p["why"].strip()
        assert p["a"]["url"] != p["b"]["url"] and p["a"]["type"] == p["b"]["type"]
        assert p["stratum"] in {"top", "high", "names", "story", "mid", "low"}
    assert sum(p["same"] for p in pairs) >= 40


def test_train2_repeats_no_pair_of_the_other_pair_files() -> None:
    def key(p: dict[str, Any]) -> frozenset[tuple[str, int, int]]:
        return frozenset((p[s]["url"], *p[s]["trigger"]) for s in "ab")

    new = [key(p) for p in _lines("train2")]
    assert len(set(new)) == len(new)
    older = {key(p) for split in ("dev", "train", "test") for p in _lines(split)}
    assert not older & set(new)


def test_train2_offsets_fall_in_articles_of_their_windows(shared: Path) -> None:
    """The offsets are into the pipeline's text of the article (for most articles the corpus
    text itself; a few are a little shorter), so each trigger lies in its sentence and each
    sentence within the corpus article, published inside the window the pair was drawn from."""
    articles = {}
    with (shared / WIKINEWS).open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            articles[record["url"]] = record
    windows = _windows()
    for p in _lines("train2"):
        start, end = windows[p["draw"]]
        for side in "ab":
            event = p[side]
            article = articles[event["url"]]
            assert start <= article["published"] <= end
            s0, s1 = event["sentence"]
            t0, t1 = event["trigger"]
            assert 0 <= s0 <= t0 < t1 <= s1 <= len(article["text"])
