"""The end of a kept indirect statement in four shapes the read gold gives one way (docs/quotes.md
part 53), moved after the learned check: the verb's "as" phrase after its object and a condition
hung on the verb are part of what was said; a concession after a comma and the channel closing
the content are the writer's. Each shape beside a near neighbour that must not move. Sentences
written by us."""

from __future__ import annotations

import pytest
from tests.statement_helpers import at_cue as _at
from tests.statement_helpers import quotes_of as _quotes


def _content(text: str, cue: str) -> str:
    [q] = _at(_quotes(text), cue)
    assert q.kind == "indirect"
    return q.text


def test_the_as_phrase_after_the_object_is_said_of_it() -> None:
    assert _content("The senator announced the retired judge as her choice for the commission.",
                    "announced") == "the retired judge as her choice for the commission"


def test_quoted_as_saying_keeps_the_saying_statement() -> None:
    quotes = _quotes("Police quoted the driver as saying that the brakes had failed.")
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes] == [
        ("saying", "the brakes had failed")]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The union threatened a national strike if the government does not raise wages.",
     "threatened", "a national strike if the government does not raise wages"),
    ("The governor promised more funding unless the budget collapses.", "promised",
     "more funding unless the budget collapses"),
])
def test_a_condition_on_the_cue_verb_is_part_of_the_statement(text: str, cue: str,
                                                              content: str) -> None:
    assert _content(text, cue) == content


def test_a_condition_inside_the_clause_stays_as_it_was() -> None:
    assert _content("The mayor said the bridge would reopen in May if the repairs go well.",
                    "said") == "the bridge would reopen in May if the repairs go well"


def test_a_concession_after_a_comma_is_the_writers() -> None:
    assert _content("The group claimed the fire was an accident, although investigators found "
                    "traces of fuel.", "claimed") == "the fire was an accident"


def test_a_concession_without_a_subject_stays_in_the_statement() -> None:
    assert _content("The coach said the team would play better, though not this week.",
                    "said") == "the team would play better, though not this week"


def test_the_channel_closing_the_content_is_left_out() -> None:
    assert _content("The company denied the allegations in a statement issued on Friday.",
                    "denied") == "the allegations"


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The judge said the case would be heard in a court in Paris.", "said",
     "the case would be heard in a court in Paris"),
    ("Both hostages asked their governments to help in their release.", "asked",
     "their governments to help in their release"),
])
def test_a_court_or_a_release_in_the_content_is_no_channel(text: str, cue: str,
                                                           content: str) -> None:
    assert _content(text, cue) == content
