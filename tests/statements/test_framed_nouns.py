"""A statement noun outside the rules' list is offered in two frames the rules never took (part 22).

"Her answer was that …" (the noun as the subject of "be", the clause after it) and "There are
concerns that …" (the noun's own "that"-clause) are attributions the gold annotates at the noun
(docs/annotation-quotes.md §3, statement nouns); on the tree before this change nothing was
offered at such a noun, so they were never statements. A noun whose commonest sense is no speech
or thought ("The problem is that …") is not offered, and a noun whose clause another cue already
reports ("expressed the hope that …") adds no second statement. Each case was read by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _statements(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.cue.text if q.cue else None) for q in make_doc(text).quotes]


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("Her answer was that the ministry cannot discuss individual contracts.",
     "the ministry cannot discuss individual contracts", "answer"),
    ("There are concerns that the strike could delay the vote on the budget.",
     "the strike could delay the vote on the budget", "concerns"),
])
def test_a_framed_statement_noun_is_a_statement(text: str, content: str, cue: str) -> None:
    assert _statements(text) == [(content, cue)]


def test_a_noun_that_names_no_speech_is_left_alone() -> None:
    assert _statements("The problem is that the bridge was closed for repairs.") == []


def test_a_clause_another_cue_reports_is_one_statement() -> None:
    assert _statements("Officials expressed the hope that the talks would resume.") == [
        ("the talks would resume", "expressed")]
