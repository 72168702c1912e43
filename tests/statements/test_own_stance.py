"""A speaker's stance inside his own statement is part of it, not a second statement (part 26).

"Jody Williams says she believes an international ban … is inevitable" is one line in the gold
(docs/annotation-quotes.md §11: self-reports of the same speaker are not split off). On 3f302cc
each sentence below also gave an indirect statement of the stance verb (checked by hand); a
stance verb of another speaker, and other verbs, keep their own statement."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (sentence, the one statement's (cue, first words))
OWN = [
    ("Nobel laureate Jody Williams says she believes an international ban on cluster bombs is "
     "inevitable.", ("says", "she believes an international ban")),
    ("Jody Williams said on Monday that she believes the ban is inevitable.",
     ("said", "she believes the ban")),
]
# (sentence, cues of the statements that stay)
OTHERS = [
    ("The mayor said that residents believe the water is unsafe.", ["said", "believe"]),
    ("The senator said the bill was flawed, but he expressed disappointment that the talks had "
     "failed.", ["said", "expressed"]),
]


def _statements(text: str) -> list[tuple[str, str]]:
    return [(q.cue.text if q.cue else "", q.text) for q in make_doc(text).quotes]


@pytest.mark.parametrize(("text", "statement"), OWN)
def test_the_same_speakers_stance_inside_the_statement_is_no_statement(
        text: str, statement: tuple[str, str]) -> None:
    [(cue, words)] = _statements(text)
    assert (cue, words[:len(statement[1])]) == statement


@pytest.mark.parametrize(("text", "cues"), OTHERS)
def test_another_speakers_stance_and_other_verbs_stay(text: str, cues: list[str]) -> None:
    assert [cue for cue, _ in _statements(text)] == cues
