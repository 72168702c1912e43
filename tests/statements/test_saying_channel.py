"""A verb whose statement is only another statement's "(as) saying …" is its channel (part 21).

"The spokesman was quoted as saying that …" is one attribution (docs/annotation-quotes.md,
reporting chain: "quoted by Reuters as saying": the one quoted is the speaker, the medium the
channel), cued by "saying"; so is "he responded saying that …". On the tree before this change
each gave a second statement, "as saying that …" cued by "quoted" / "responded". A statement
that goes on past the "saying" clause is left alone, even when its bounds are misread. Each
case was read by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (sentence, the statement's content, its speaker)
CHAINS = [
    ("The spokesman was quoted as saying that the prime minister would not resign before the "
     "election.", "the prime minister would not resign before the election", "The spokesman"),
    ("The opposition leader responded saying that the government had lied about the cost of "
     "the war.", "the government had lied about the cost of the war", "The opposition leader"),
]


def _statements(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None)
            for q in make_doc(text).quotes]


@pytest.mark.parametrize(("text", "content", "speaker"), CHAINS)
def test_the_saying_clause_is_the_one_statement(text: str, content: str, speaker: str) -> None:
    assert _statements(text) == [(content, "saying", speaker)]


def test_a_statement_that_goes_on_past_the_saying_clause_stays() -> None:
    # the parse hangs "saying" first in the minister's clause; the minister still said
    # something ("… was wrong about the budget"), so his statement is not dropped
    got = _statements("The minister said the report, saying that prices would rise, was wrong "
                      "about the budget.")
    assert [cue for _, cue, _ in got] == ["said", "saying"]
    assert got[0][0].endswith("was wrong about the budget")
