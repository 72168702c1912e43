"""A directive told in a statement read as the speaker's DEMAND (round 42,
diurna.events.directives): invented sentences through the stages before events, the words
expected worked out by hand from docs/annotation-events.md §3 ("a demand or call" is DEMAND) and
§2 (a counterfactual, a condition or a question asks nothing of anyone)."""

from __future__ import annotations

import pytest
from helpers import before_events

from diurna.events.coder import EventCoder
from diurna.events.directives import asserted_at, spoken_directives
from diurna.events.learned import LearnedEventCoder


def _directives(text: str, decided: dict[str, str] | None = None) -> list[str]:
    """The words :func:`spoken_directives` finds in ``text``, given the decided words
    ``decided`` (word -> type)."""
    doc = before_events(text)
    coder = EventCoder().doc_coder(doc)
    at = {next(t.i for t in doc.nlp if t.text == w): etype for w, etype in (decided or {}).items()}
    return [doc.nlp[i].text for i in sorted(spoken_directives(coder, at))]


@pytest.mark.parametrize("text, word", [
    ("The government says the opposition should take its objections to the courts.", "take"),
    ("The union leader said the tax should be removed from fuel.", "removed"),
    ('"All foreign troops must leave the country," the minister said.', "leave"),
    ("The senator said the rebels should be punished.", "punished"),
])
def test_a_directive_in_a_statement_is_found(text: str, word: str) -> None:
    # the speaker tells another party (or what is done to something) to act: a demand (§3)
    assert _directives(text) == [word]


@pytest.mark.parametrize("text", [
    "The minister said that we should retaliate.",  # the speaker's own side: an intention
    "The president said he should have resigned years ago.",  # counterfactual: asks nothing
    "He asked whether the merger should go ahead.",  # an embedded question
    "The opposition rejected the terms that the rebels should follow.",  # a noun's clause
    '"Should the government come to power, taxes will rise," he said.',  # a condition
    "The opposition should take its objections to the courts.",  # no statement around it
    "The minister said the talks will resume next week.",  # a forecast, not a directive
])
def test_no_directive_is_read_where_none_is_told(text: str) -> None:
    assert _directives(text) == []


def test_the_content_of_a_coded_demand_is_not_a_second_one() -> None:
    # "urged" is the DEMAND; "leave" is what it asks for (the asked-for convention)
    text = "The minister urged that all foreign troops must leave the country."
    assert _directives(text) == ["leave"]
    assert _directives(text, {"urged": "DEMAND"}) == []


def test_a_directive_is_asserted() -> None:
    # the rule steps call the modal clause speculative; the demand itself is made
    doc = before_events("The union leader said the tax should be removed from fuel.")
    coder = EventCoder().doc_coder(doc)
    i = next(t.i for t in doc.nlp if t.text == "removed")
    events = coder.recode({}, {i: "DEMAND"})
    assert [e.status for e in events] == ["speculative"]
    assert [e.status for e in asserted_at(events, coder, {i})] == ["asserted"]
    assert [e.status for e in asserted_at(events, coder, set())] == ["speculative"]


def test_the_learned_coder_reads_them_only_when_asked() -> None:
    text = "The union leader said the tax should be removed from fuel."
    coder = LearnedEventCoder()
    assert coder.directives is False  # off by default (round 42 missed its rule)
    before = [(e.type, e.trigger.text) for e in coder(before_events(text)).events]
    assert ("DEMAND", "removed") not in before
    coder.directives = True
    after = [(e.type, e.trigger.text, e.status) for e in coder(before_events(text)).events]
    assert ("DEMAND", "removed", "asserted") in after
