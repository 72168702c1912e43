"""The check's training rows count a statement rewritten after the check with the candidate it
was made of (docs/quotes.md part 32).

"capitalism, which he calls a major cause of poverty": the rules offer "calls" with the content
"which"; if the check keeps it, part 27's rule gives the statement "a major cause of poverty"
instead, and if it drops it, nothing. Until part 32 the training rows listed that rewrite among
the statements the check never judges (always kept), so the threshold grid counted it even where
its candidate was dropped, and the candidate was labelled by the lone "which" (never a match).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

from diurna.evaluate.quotes import Attribution, Spn, tokens_of  # noqa: E402
from diurna.statements.learned import _vectors  # noqa: E402
from diurna.statements.mentions import MentionFinder  # noqa: E402
from diurna.statements.quotes import Statements  # noqa: E402
from diurna.statements.train import Article, article_rows, detection_f1  # noqa: E402

CALLS = ("Mr Chávez is one of the region's harshest critics of capitalism, which he calls a "
         "major cause of poverty.")
ANNOUNCED = "The council passed the new budget, which the mayor announced on Tuesday."


def _gold(text: str, content: str, cue: str) -> Attribution:
    start, at = text.index(content), text.index(cue)
    part = [Spn(start, start + len(content), content)]
    return Attribution(kind="indirect", content=part, cue=Spn(at, at + len(cue), cue),
                       tokens=tokens_of(text, part))


def _rows(text: str, gold: list[Attribution]) -> tuple[Article, int]:
    """The article's rows and the index of the candidate whose content is the lone pronoun."""
    doc = make_doc(text)
    rows = article_rows(doc, gold, MentionFinder(doc, Statements()._resolver()), _vectors())
    [i] = [i for i, c in enumerate(rows.cands)
           if [text[p.start:p.end] for p in c.content] == ["which"]]
    return rows, i


def test_a_rewrite_is_counted_with_its_candidate_not_as_always_kept() -> None:
    gold = [_gold(CALLS, "a major cause of poverty", "calls")]
    rows, i = _rows(CALLS, gold)
    rewrite = rows.shown[i]
    assert rewrite is not None and rewrite.tokens == gold[0].tokens
    assert all(d.tokens != gold[0].tokens for d in rows.direct)
    assert rows.labels[i] == 1  # labelled by what the stage gives, which matches the gold line
    only = [k == i for k in range(len(rows.cands))]
    assert detection_f1([rows], [only]) == 1.0
    assert detection_f1([rows], [[False] * len(rows.cands)]) == 0.0  # dropped: not counted


def test_a_candidate_the_rule_leaves_no_statement_of_counts_nothing() -> None:
    rows, i = _rows(ANNOUNCED, [])
    assert rows.shown[i] is None and rows.labels[i] == 0
    assert rows.stood([k == i for k in range(len(rows.cands))]) == list(rows.direct)


def test_a_candidate_with_no_rewrite_stands_as_itself() -> None:
    cand = _gold(CALLS, "a major cause of poverty", "calls")
    other = Attribution(kind="indirect", content=[Spn(0, 2, "Mr")], tokens=frozenset({0}))
    art = Article(gold=[], direct=[other], cands=[cand, cand], sparse=[[], []],
                  dense=np.zeros((2, 1), np.float32), rule=[True, True], labels=[1, 1],
                  shown={1: None})
    assert art.stood([True, True]) == [other, cand]
    assert art.stood([False, True]) == [other]
