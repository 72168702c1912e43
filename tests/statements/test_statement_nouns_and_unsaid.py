"""Docs/quotes.md part 54: statement nouns the read gold annotates that the stage missed (a
promise, a warning, speculation with their "that"-clause; a claim's clause without "that"; a
request's "to"-clause; allegations "of" X), the holder of a statement noun made by a verb's
subject, and candidates whose cue says nothing was said (a picture's scene, a speech verb in
another sense, a statement still to come). Each shape beside a near neighbour that must not
change. Sentences written by us."""

from __future__ import annotations

import pytest
from tests.statement_helpers import at_cue as _at
from tests.statement_helpers import quotes_of as _quotes


def _contents(text: str, cue: str) -> list[str]:
    return [q.text for q in _at(_quotes(text), cue)]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The minister's pledge that no school would close was repeated on Monday.", "pledge",
     "that no school would close"),
    ("Speculation that the governor would resign grew on Friday.", "Speculation",
     "that the governor would resign"),
    ("The allegations the mayor had taken bribes were denied by his office.", "allegations",
     "the mayor had taken bribes"),
    ("The union's request to delay the vote was refused by the board.", "request",
     "to delay the vote"),
    ("Allegations of fraud in the election have grown since Sunday.", "Allegations",
     "of fraud in the election"),
])
def test_a_statement_noun_with_its_content_is_a_statement(text: str, cue: str,
                                                          content: str) -> None:
    assert _contents(text, cue) == [content]


def test_a_relative_clause_on_a_claim_noun_is_no_content() -> None:
    # "the allegations the mayor denied": the noun is the clause's missing object
    assert _quotes("The allegations the mayor denied were old.") == []


def test_a_plan_is_no_statement_noun() -> None:
    assert _quotes("The council's plan to delay the vote was refused by the board.") == []


def test_the_subject_that_made_a_request_is_its_speaker() -> None:
    [q] = _at(_quotes("The Red Cross made a request to visit the prisoners."), "request")
    assert q.speaker is not None and q.speaker.text == "The Red Cross"


def test_who_rejects_a_request_is_not_its_speaker() -> None:
    quotes = _at(_quotes("The minister rejected a request to visit the prisoners."), "request")
    assert all(q.speaker is None for q in quotes)


@pytest.mark.parametrize(("text", "cue"), [
    ("The video showed the president waving to the crowd.", "showed"),
    ("The earthquake claimed the lives of 40 people.", "claimed"),
    ("The reporters were denied entry to the court.", "denied"),
    ("A group calling itself the Free Army said it had taken the town.", "calling"),
    ("The minister will announce the new budget on Friday.", "announce"),
])
def test_a_cue_that_says_nothing_was_said_gives_no_statement(text: str, cue: str) -> None:
    assert _contents(text, cue) == []


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The poll showed the president leads by five points.", "showed",
     "the president leads by five points"),
    ("The group claimed responsibility for the attack.", "claimed",
     "responsibility for the attack"),
    ("The government denied the reports of abuse.", "denied", "the reports of abuse"),
    ("The singer calls himself \"the last king\".", "calls", "himself \"the last king"),
    ("The minister said he would announce the new budget on Friday.", "announce",
     "the new budget"),
])
def test_the_near_neighbours_stay_statements(text: str, cue: str, content: str) -> None:
    assert _contents(text, cue) == [content]
