"""The cluster bench finds a gold pair's event again when the stored text no longer starts at the
record's offsets (the page stage drops a record's hidden ``<!-- … -->`` comments): the gold
sentence's words are matched once in the stored text (text written by us)."""

from __future__ import annotations

from typing import Any

from tests.scripts import load_file

bench = load_file("bench/bench_clusters.py")

RAW = ("Officials met on Monday.<!-- an editor's note\nthe page never shows -->\n\n"
       "Rebels attacked the convoy near the border, police said.")
STORED = "Officials met on Monday.\n\n\nRebels attacked the convoy near the border, police said."


def _event(raw: str, sentence: str, trigger: str) -> dict[str, Any]:
    s = raw.index(sentence)
    t = raw.index(trigger, s)
    return {"sentence": [s, s + len(sentence)], "trigger": [t, t + len(trigger)]}


def test_a_trigger_after_a_dropped_comment_is_found_in_the_stored_text() -> None:
    event = _event(RAW, "Rebels attacked the convoy near the border, police said.", "attacked")
    start, end = bench.relocate(event, RAW, STORED)
    assert STORED[start:end] == "attacked"
    assert (start, end) != tuple(event["trigger"])  # the record's offsets no longer hold


def test_a_sentence_found_twice_keeps_the_record_offsets() -> None:
    raw = "<!-- x -->They fled. They fled."
    stored = "They fled. They fled."
    event = _event(raw, "They fled.", "fled")
    assert bench.relocate(event, raw, stored) == tuple(event["trigger"])


def test_the_pairs_window_is_read_from_the_shared_folder_the_bench_reads(
        tmp_path: Any, monkeypatch: Any) -> None:
    # a copy of the tree elsewhere (a git archive) has no ../shared beside it: the window's
    # articles must come from $DIURNA_SHARED, as every other read of the bench
    calls: list[list[str]] = []
    monkeypatch.setattr(bench.subprocess, "run", lambda args, **kw: calls.append(list(args)))
    monkeypatch.setenv("DIURNA_SHARED", str(tmp_path / "elsewhere"))
    bench.build_db("test", tmp_path / "pairs.db")
    select = next(c for c in calls if "select" in c)
    assert select[select.index("select") + 1] == "heldout"
    assert select[select.index("--shared") + 1] == str(tmp_path / "elsewhere")
