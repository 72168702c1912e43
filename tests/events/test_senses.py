"""Round 53's verb senses (diurna.events.senses): invented sentences through the stages before
events, the verb given the type the models tend to give it, and what docs/annotation-events.md
§2-§3 decide for that construction, worked out by hand. Each shape has a near neighbour that keeps
its type."""

from __future__ import annotations

import pytest
from helpers import before_events

from diurna.events.coder import EventCoder
from diurna.events.learned import LearnedEventCoder
from diurna.events.senses import sensed


def _read(text: str, word: str, etype: str) -> tuple[str, str | None] | None:
    """The type and mode the senses give the event of ``etype`` headed by ``word`` (``None``
    when the event is dropped)."""
    doc = before_events(text)
    coder = EventCoder().doc_coder(doc)
    i = next(t.i for t in doc.nlp if t.text == word)
    events = coder.recode({}, {i: etype})
    assert len(events) == 1
    got = sensed(doc, events, coder.onto)
    if not got:
        return None
    assert len(got) == 1 and got[0].trigger == events[0].trigger
    return got[0].type, got[0].mode


def _type(text: str, word: str, etype: str) -> str | None:
    """Only the type :func:`_read` gives (the mode of a kept event is the coder's own)."""
    got = _read(text, word, etype)
    return None if got is None else got[0]


@pytest.mark.parametrize("text, word", [
    ("The general was asked about the war on Tuesday.", "asked"),
    ('The senator angered her colleague by asking her "Have you ever supported the war?"',
     "asking"),
    ("Reporters asked the minister whether the talks had failed.", "asked"),
])
def test_a_question_asked_is_no_request(text: str, word: str) -> None:
    # §2: a question is no interaction of the REQUEST kind (asking a party to act). This is the
    # senses step's own test (senses.asks_no_act: "asked about", no complement); the learned
    # coder's earlier non-act step (learned.asks_question) has its test in test_learned_post.py
    assert _read(text, word, "REQUEST") is None


@pytest.mark.parametrize("text, word", [
    ("The Iraqi government asked the United States to release the women.", "asked"),
    ("The foreign minister asked for calm before the elections.", "asked"),
])
def test_asking_a_party_to_act_stays_a_request(text: str, word: str) -> None:
    assert _type(text, word, "REQUEST") == "REQUEST"


def test_a_claim_suggested_is_no_request() -> None:
    # "suggested that X was Y" asserts something; nobody is asked to act
    text = "A government spokesman suggested that the attack was retaliation for the aid."
    assert _read(text, "suggested", "REQUEST") is None


def test_a_proposal_suggested_stays_a_request() -> None:
    text = "The envoy suggested that the rebels should be stripped of their benefits."
    assert _type(text, "suggested", "REQUEST") == "REQUEST"


@pytest.mark.parametrize("text", [
    "The president said he had warned the former prime minister about threats to her safety.",
    "British negotiators have warned that tough discussions lie ahead.",
])
def test_a_caution_is_no_threat(text: str) -> None:
    # §3 THREATEN: warning of a harmful act; a caution names no harm the warner will do
    assert _read(text, "warned", "THREATEN") is None


def test_a_warning_against_an_act_is_a_demand() -> None:
    # "warned against bundling the proposals" urges a party not to act (§3 DEMAND)
    text = "The committee warned against bundling the proposals with the stimulus package."
    assert _read(text, "warned", "THREATEN") == ("DEMAND", None)


def test_a_warning_of_harm_to_come_stays_a_threat() -> None:
    text = "Israeli forces had warned the commander that his house would be attacked."
    assert _type(text, "warned", "THREATEN") == "THREATEN"


@pytest.mark.parametrize("text", [
    "Iraqi civilians found the body and immediately called the police.",
    "The snap election was called on February 24 by the prime minister.",
    "Chavez calls his programme an act of justice for the poor.",
])
def test_a_call_that_demands_nothing_is_dropped(text: str) -> None:
    word = "calls" if "calls" in text.split() else "called"
    assert _read(text, word, "DEMAND") is None


@pytest.mark.parametrize("text", [
    "The opposition called on the government to resign.",
    "Thousands of protesters called for new elections.",
])
def test_a_call_on_or_for_stays_a_demand(text: str) -> None:
    assert _type(text, "called", "DEMAND") == "DEMAND"


def test_met_by_riot_police_is_a_show_of_force() -> None:
    # §3 MOBILIZE: showing force without using it; the protesters met no one for talks
    text = "Hundreds of protesters were met by thousands of riot police in Cairo."
    assert _read(text, "met", "CONSULT") == ("MOBILIZE", "police")


@pytest.mark.parametrize("text", [
    "The minister was met at the airport by American officials.",
    "The president met the prime minister in Paris.",
])
def test_a_meeting_stays_a_meeting(text: str) -> None:
    assert _type(text, "met", "CONSULT") == "CONSULT"


def test_a_sacked_commander_is_a_dismissal() -> None:
    # the Wikinews gold codes a dismissal SANCTION (3 of 3 on the read pool), not ASSAULT
    assert _read("He has also sacked the army commander.", "sacked", "ASSAULT") == (
        "SANCTION", None)


def test_a_sacked_town_stays_an_assault() -> None:
    assert _type("The invaders sacked the town.", "sacked", "ASSAULT") == "ASSAULT"


def test_the_senses_are_on_by_default() -> None:
    assert LearnedEventCoder().senses is True


@pytest.mark.parametrize("text", [
    "The State Senate approved the bill the same day by a vote of 25-10.",
    "The pill had been approved earlier by the regulator as a prescription drug.",
])
def test_a_bill_or_drug_approved_is_no_support(text: str) -> None:
    # §2: a body passing its own bill or licensing a drug is a step of its own procedure
    assert _read(text, "approved", "SUPPORT") is None


@pytest.mark.parametrize("text", [
    "The Security Council has approved the deployment of an African Union force in Somalia.",
    "The cabinet approved the plan of the opposition.",
])
def test_an_act_or_plan_approved_stays_support(text: str) -> None:
    assert _type(text, "approved", "SUPPORT") == "SUPPORT"


def test_a_subjunctive_suggested_stays_a_request() -> None:
    # "suggested that he resign": the tagger calls the subjunctive a present (VBP)
    text = "Some allies of the prime minister have suggested that he resign before the vote."
    assert _type(text, "suggested", "REQUEST") == "REQUEST"


def test_a_conditional_warning_stays_a_threat() -> None:
    text = ("Israel has warned that it reserves the right to resume action if the shelling "
            "does not stop.")
    assert _type(text, "warned", "THREATEN") == "THREATEN"
