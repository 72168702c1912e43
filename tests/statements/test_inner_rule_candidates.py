"""A rules' candidate inside another kept rules' statement needs more of the check (part 18).

"Senator Byrd said Stevens was to blame for holding up money": the rules offer "said" with its
clause and also "blame" with "holding up money", inside that clause. Such inner candidates are
the gold's one statement cut in two about half the time, so the check must be surer of them than
of a rules' candidate standing alone."""

from __future__ import annotations

from diurna.statements.learned import NESTED_BELOW, kept

DROP, ADD = 0.2, 0.5
# (cue start, content start, content end): "said" at 15 with its clause 20-90; "blame" at 40
# with 47-90 inside it; a third statement elsewhere in the article, cue 120, content 125-160
OUTER, INNER, APART = (15, 20, 90), (40, 47, 90), (120, 125, 160)
P_UNSURE = (DROP + NESTED_BELOW) / 2  # enough for a rules' candidate alone, not for a nested one


def test_an_unsure_rules_candidate_inside_a_kept_statement_is_dropped() -> None:
    keep = kept([True, True], [0.9, P_UNSURE], DROP, ADD, [OUTER, INNER])
    assert keep == [True, False]


def test_a_sure_nested_candidate_and_an_unsure_one_standing_alone_stay() -> None:
    assert kept([True, True], [0.9, NESTED_BELOW + 0.05], DROP, ADD, [OUTER, INNER]) == [True, True]
    assert kept([True, True], [0.9, P_UNSURE], DROP, ADD, [OUTER, APART]) == [True, True]


def test_only_a_kept_rules_statement_holds_a_candidate() -> None:
    # the outer candidate is dropped by the check, so the inner one is judged alone
    assert kept([True, True], [0.1, P_UNSURE], DROP, ADD, [OUTER, INNER]) == [False, True]
    # another verb's candidate around it is not the rules' statement: the inner one stays
    assert kept([False, True], [0.9, P_UNSURE], DROP, ADD, [OUTER, INNER]) == [True, True]


def test_without_spans_the_thresholds_alone_decide() -> None:
    assert kept([True, True], [0.9, P_UNSURE], DROP, ADD) == [True, True]
