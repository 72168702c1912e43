"""Listed cue verbs the parse hides (docs/quotes.md part 37): a speech verb hung as a
parenthetical between commas ("The council, he says, has been too slow") and a listed verb the
tagger calls a noun ("Bloomberg News states that …"). Each is a statement of the host clause /
the "that" clause; a plural noun with a determiner ("the member states that …") is not
(sentences written by us)."""

from __future__ import annotations

import pytest
from tests.statement_helpers import at_cue as _at
from tests.statement_helpers import quotes_of as _quotes


@pytest.mark.parametrize(("text", "cue", "parts"), [
    ("The ministry, he says, has been far too slow in opening the new offices.", "says",
     ["The ministry", "has been far too slow in opening the new offices"]),
    ("In addition, he said, more than 500 soldiers were sent to the northern border.", "said",
     ["In addition", "more than 500 soldiers were sent to the northern border"]),
])
def test_parenthetical_speech_verb_reports_its_host_clause(text: str, cue: str,
                                                           parts: list[str]) -> None:
    found = _at(_quotes(text), cue)
    assert len(found) == 1
    # what was said runs round the attribution, which is no part of it
    assert [p.text for p in found[0].parts] == parts
    assert found[0].kind == "indirect"


def test_noun_tagged_states_reports_the_that_clause() -> None:
    text = ("Bloomberg News states that calls to the consulting firm and to the agency "
            "weren't immediately returned.")
    found = _at(_quotes(text), "states")
    assert [q.text for q in found] == [
        "calls to the consulting firm and to the agency weren't immediately returned"]
    assert found[0].speaker is not None and "Bloomberg News" in found[0].speaker.text


@pytest.mark.parametrize("text", [
    "The member states that signed the treaty met in Brussels on Monday.",
    "EU states that have signed the treaty met in Brussels on Monday.",
])
def test_plural_noun_states_is_no_cue(text: str) -> None:
    assert _at(_quotes(text), "states") == []


def test_final_attribution_is_not_a_parenthetical() -> None:
    # "…, he said." ends the sentence: step 2a's, one statement only
    text = "The bridge will reopen next week, he said."
    found = _at(_quotes(text), "said")
    assert len(found) == 1
