"""bench/type_cuts.py (round 47): a cut per decided type replaces the global one for words the
rules did not code, and the fit moves a type's cut only for a gain above its margin."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

import numpy as np
import pytest
from tests.scripts import load_file

from diurna.events import learned
from diurna.events.learned import NONE, Candidates, Combiner, Read, decide
from diurna.events.ontology import load_ontology
from diurna.model import Event, Span


class _Tok:
    """The few token attributes the combiner reads."""

    def __init__(self, i: int, lemma: str) -> None:
        self.i, self.lemma_, self.pos_ = i, lemma, "VERB"


def _read(blend: list[list[float]], rule: dict[int, str]) -> Read:
    """Three words whose tagger and MLP give the same distribution (so the blend is it)."""
    labels = [NONE, "ASSAULT", "PROTEST"]
    toks: list[Any] = [_Tok(i, w) for i, w in enumerate(("bomb", "march", "say"))]
    rule_at = {i: Event(id=f"t:{i}", type=t, trigger=Span(0, 1, "x"), sentence=Span(0, 1, "x"))
               for i, t in rule.items()}
    cands = Candidates(toks, [], np.zeros((3, 0), np.float32), list(rule_at.values()), rule_at)
    p = np.array(blend, np.float32)
    return Read(cands, labels, p, p.copy(), {}, [0, 0, 0], [True] * 3)


def test_a_types_own_cut_decides_and_rule_words_keep_theirs() -> None:
    bench = load_file("bench/type_cuts.py", register=True)
    onto = load_ontology()
    # blended P(NONE): "bomb" 0.8 (ASSAULT), "march" 0.7 (PROTEST), "say" 0.92 (PROTEST, the
    # rules coded it: its cut is 0.9)
    read = _read([[0.8, 0.2, 0.0], [0.7, 0.0, 0.3], [0.92, 0.0, 0.08]], {2: "PROTEST"})
    comb = Combiner(threshold=0.75, rule_threshold=0.9, gate=1.01)
    original = learned.word_cut
    assert decide(read, comb, onto) == {1: "PROTEST"}  # the global cut 0.75
    with bench.per_type_cuts({"ASSAULT": 0.85, "PROTEST": 0.65}):
        # ASSAULT's 0.85 keeps "bomb", PROTEST's 0.65 drops "march"; "say" still above 0.9
        assert decide(read, comb, onto) == {0: "ASSAULT"}
    with bench.per_type_cuts({"PROTEST": 0.95}):
        # a rule word keeps the rules' cut (0.9), whatever its type's cut: "say" (0.92) stays out
        assert decide(read, comb, onto) == {1: "PROTEST"}
    with bench.per_type_cuts({"PROTEST": 0.6}):
        # ... and a stricter type cut does not take it below 0.9 either
        rule_read = _read([[0.8, 0.2, 0.0], [0.7, 0.0, 0.3], [0.88, 0.0, 0.12]], {2: "PROTEST"})
        assert decide(rule_read, comb, onto) == {2: "PROTEST"}
    # left, the shipped cut is back
    assert learned.word_cut is original and decide(read, comb, onto) == {1: "PROTEST"}


def test_the_fit_moves_a_cut_only_for_a_gain_above_the_margin() -> None:
    bench = load_file("bench/type_cuts.py", register=True)
    # ACCUSE gains 0.01 at 0.65; REJECT gains 0.001 at 0.85 (under the margin 0.002); SANCTION
    # would gain most but has too few gold events to get a cut of its own
    gain = {("ACCUSE", 0.65): 0.01, ("REJECT", 0.85): 0.001, ("SANCTION", 0.9): 0.05}

    def score(cuts: dict[str, float]) -> float:
        return 0.5 + sum(gain.get((t, c), 0.0) for t, c in cuts.items())

    gold = Counter({"ACCUSE": 120, "REJECT": 40, "SANCTION": 12})
    assert bench.fit(score, gold, 0.75) == {"ACCUSE": 0.65}
    assert bench.shrunk({"ACCUSE": 0.65}, 0.75) == {"ACCUSE": 0.7}


@pytest.mark.parametrize("name", ["test", "dev18", "dev19", "dev23"])
def test_a_frozen_or_blind_file_is_refused(name: str, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_file("bench/type_cuts.py", register=True)
    monkeypatch.setattr(sys, "argv", ["type_cuts.py"])
    assert bench.main(["--part-a", "dev3", "--part-b", name]) == 2
    assert f"{name}: a frozen test file or a blind set" in capsys.readouterr().err
