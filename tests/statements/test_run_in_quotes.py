"""Quoted words that run into the writer's own sentence are not a direct quote (part 19).

"the problems raised were “human problems and not financial problems”": the quotation marks
open after a lowercase word that is no quote cue and the quoted words start in lowercase, so
they are a fragment of a clause (a mixed quote, or a term), not someone's sentence. "said that
“…”" and "warned “…”" keep their direct quote."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _quoted(text: str, words: str) -> str:
    doc = make_doc(text)
    return next(q.kind for q in doc.quotes if words in q.text)


def test_a_fragment_after_a_preposition_is_mixed() -> None:
    text = ("The unit will train at the base to prepare the soldiers for “civil unrest and crowd "
            "control in the cities” during the coming year.")
    assert _quoted(text, "civil unrest and crowd control") == "mixed"


def test_a_fragment_after_a_copula_is_mixed() -> None:
    text = ("The problems raised by the government were “human problems and not financial "
            "problems” in the view of the council.")
    assert _quoted(text, "human problems") == "mixed"


def test_a_term_inside_a_noun_phrase_is_mixed() -> None:
    text = ("In spite of the government's “five pillar counternarcotics strategy” for the "
            "region, poppies were planted again.")
    assert _quoted(text, "five pillar") == "mixed"


def test_a_quote_after_said_that_stays_direct() -> None:
    text = ("The minister said that “the talks with the union will go on until an agreement is "
            "reached.”")
    assert _quoted(text, "the talks with the union") == "direct"


def test_a_quote_after_its_speech_verb_stays_direct() -> None:
    text = "The general warned “the enemy will try to cut the road before winter.”"
    assert _quoted(text, "the enemy will try") == "direct"


def test_a_capitalised_quote_after_a_colon_stays_direct() -> None:
    text = "The mayor said: “We will not leave the city before the talks end.”"
    assert _quoted(text, "We will not leave") == "direct"
