"""A relative pronoun is no statement's content (docs/quotes.md part 27).

"capitalism, which he calls a major cause of poverty": the stage gave "calls" the content
"which", the verb's object, where what is said is the predicate after it (dev3's gold line). A
pronoun with no such complement after its verb leaves no statement. Each sentence gave the
lone pronoun as content on 37e75fa (checked by hand)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (text, the statement's content, its cue)
COMPLEMENT = [
    ("Mr Chávez is one of the region's harshest critics of capitalism, which he calls a major "
     "cause of poverty.", "a major cause of poverty", "calls"),
    ("The ministry released a report, which the opposition called a whitewash of the scandal.",
     "a whitewash of the scandal", "called"),
]
NO_COMPLEMENT = [
    "The council passed the new budget, which the mayor announced on Tuesday.",
    "Police arrested the man who the witnesses described as the driver.",
]


def _statements(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.cue.text if q.cue else None) for q in make_doc(text).quotes
            if q.kind != "direct"]


@pytest.mark.parametrize(("text", "content", "cue"), COMPLEMENT)
def test_the_predicate_after_a_relative_pronoun_is_the_content(
        text: str, content: str, cue: str) -> None:
    assert _statements(text) == [(content, cue)]


@pytest.mark.parametrize("text", NO_COMPLEMENT)
def test_a_lone_relative_pronoun_is_no_statement(text: str) -> None:
    assert _statements(text) == []
