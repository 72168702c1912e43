"""A run-in quoted fragment that a speech cue governs is part of the clause it sits in (part 20).

"Mark Day said the budget was “a plan that …”": the statement is the reported clause holding the
quoted words, one mixed quote, not the clause plus the quoted words again as a second statement
that borrows a later verb's cue. A fragment no cue governs (a scare quote) keeps part 19's
label, and "said that “…”" stays a direct quote. Each case was read by hand; the first two give
two statements on the tree before this change."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (sentence, quoted words, the clause's first words, its cue)
GOVERNED = [
    ("Opposition leader Mark Day said the budget was “a plan that punishes the poor and rewards "
     "the rich” and promised to vote against it.", "punishes the poor", "the budget was", "said"),
    ("The report said the company had “confirmed no such contract exists and we have not given "
     "customer records to the agency,” a spokesman added.", "no such contract",
     "the company had", "said"),
]
# (sentence, quoted words, kind, the statement's first words)
LEFT = [
    # a scare quote: no cue governs the words
    ("The army was sent to the border for “civil unrest and crowd control in the cities” during "
     "the coming year.", "civil unrest", "mixed", "civil unrest"),
    ("The minister said that “the talks with the union will go on until an agreement is "
     "reached.”", "the talks with", "direct", "the talks with"),
]


def _holding(text: str, words: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.cue.text if q.cue else None)
            for q in make_doc(text).quotes if words in q.text]


@pytest.mark.parametrize(("text", "words", "clause", "cue"), GOVERNED)
def test_a_governed_fragment_is_one_mixed_statement_of_its_clause(
        text: str, words: str, clause: str, cue: str) -> None:
    [(kind, content, got_cue)] = _holding(text, words)
    assert kind == "mixed"
    assert content.startswith(clause)
    assert got_cue == cue


@pytest.mark.parametrize(("text", "words", "kind", "start"), LEFT)
def test_a_scare_quote_or_a_quote_after_said_that_is_left_as_it_was(
        text: str, words: str, kind: str, start: str) -> None:
    [(got_kind, content, _)] = _holding(text, words)
    assert got_kind == kind
    assert content.startswith(start)
