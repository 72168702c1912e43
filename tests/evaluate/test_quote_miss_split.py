"""bench/quote_miss_split.py: each missed gold line goes to the class where it is lost, and the
blind and frozen sets are never read."""

from __future__ import annotations

from types import ModuleType

from tests.scripts import load_file

from diurna.evaluate import quotes as scorer

TEXT = "The mayor said the bridge will reopen in May after repairs. Traffic was light."


def _bench() -> ModuleType:
    return load_file("bench/quote_miss_split.py")


def _att(content: str, cue: str | None) -> scorer.Attribution:
    start = TEXT.index(content)
    part = scorer.Spn(start, start + len(content), content)
    c = TEXT.index(cue) if cue else -1
    return scorer.Attribution(
        kind="indirect", content=[part],
        cue=scorer.Spn(c, c + len(cue), cue) if cue else None,
        tokens=scorer.tokens_of(TEXT, [part]))


GOLD = _att("the bridge will reopen in May after repairs", "said")


def test_a_matching_candidate_the_check_dropped_is_class_b() -> None:
    bench = _bench()
    run = bench.Run(gold=[GOLD], pred=[], cands=[_att("the bridge will reopen in May", "said")],
                    rule=[True], kept=[False])
    assert bench.classify(run, 0, None).startswith("(b)")


def test_a_kept_statement_at_the_cue_with_short_bounds_is_class_c() -> None:
    bench = _bench()
    short = _att("the bridge", "said")
    run = bench.Run(gold=[GOLD], pred=[short], cands=[short], rule=[True], kept=[True])
    assert bench.classify(run, 0, None).startswith("(c) kept")


def test_a_gold_line_with_no_cue_and_no_candidate_is_class_a() -> None:
    bench = _bench()
    run = bench.Run(gold=[_att("Traffic was light", None)], pred=[], cands=[], rule=[],
                    kept=[])
    assert bench.classify(run, 0, None) == "(a) no candidate: no cue (or punctuation)"


def test_a_statement_at_an_unmatched_gold_cue_is_a_bounds_false_alarm() -> None:
    bench = _bench()
    short = _att("the bridge", "said")
    run = bench.Run(gold=[GOLD], pred=[short], cands=[short], rule=[True], kept=[True])
    assert bench.false_alarm_class(run, 0, set(), None, []).startswith("(fc) bounds")


def test_a_statement_whose_gold_line_went_elsewhere_is_a_second_line() -> None:
    bench = _bench()
    other = _att("the bridge will reopen in May after repairs", "said")
    inner = _att("reopen in May", "reopen")
    run = bench.Run(gold=[GOLD], pred=[other, inner], cands=[], rule=[], kept=[])
    assert bench.false_alarm_class(run, 1, {0}, None, []).startswith("(fd) second line")


def test_blind_and_frozen_sets_are_refused() -> None:
    bench = _bench()
    # dev6-dev9 are read sets since session 52; dev10-dev12 are still blind
    for name in ("dev10", "dev11", "dev12", "test",
                 "gold/quotes-wikinews-dev11-second-annotator.jsonl"):
        assert bench.refused(bench.gold_path(name)), name
    for name in ("dev2", "dev4", "dev5", "dev6", "dev9", "train"):
        assert not bench.refused(bench.gold_path(name)), name
