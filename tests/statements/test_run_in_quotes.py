"""Quoted words that run into the writer's own sentence are not a direct quote (part 19).

"the problems raised were “human problems and not financial problems”": the quotation marks
open after a lowercase word that is no quote cue and the quoted words start in lowercase, so
they are a fragment of a clause (a mixed quote, or a term), not someone's sentence. "said that
“…”", "warned “…”" and "said: “…”" keep their direct quote."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (sentence, words of the quote): each is a direct quote without the rule (checked by hand)
RUN_IN = [
    # after a preposition
    ("The unit will train at the base to prepare the soldiers for “civil unrest and crowd "
     "control in the cities” during the coming year.", "civil unrest and crowd control"),
    # after a copula
    ("The problems raised by the government were “human problems and not financial problems” "
     "in the view of the council.", "human problems"),
    # a term inside a noun phrase
    ("In spite of the government's “five pillar counternarcotics strategy” for the region, "
     "poppies were planted again.", "five pillar"),
]
SAID = [
    ("The minister said that “the talks with the union will go on until an agreement is "
     "reached.”", "the talks with the union"),
    ("The general warned “the enemy will try to cut the road before winter.”",
     "the enemy will try"),
    ("The mayor said: “We will not leave the city before the talks end.”", "We will not leave"),
]


def _kind(text: str, words: str) -> str:
    return next(q.kind for q in make_doc(text).quotes if words in q.text)


@pytest.mark.parametrize(("text", "words"), RUN_IN)
def test_quoted_words_inside_the_writers_clause_are_mixed(text: str, words: str) -> None:
    assert _kind(text, words) == "mixed"


@pytest.mark.parametrize(("text", "words"), SAID)
def test_a_quote_after_its_speech_verb_or_that_stays_direct(text: str, words: str) -> None:
    assert _kind(text, words) == "direct"
