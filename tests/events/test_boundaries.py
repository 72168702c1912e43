"""The guideline's type boundaries read after the models (round 38, diurna.events.boundaries):
invented sentences through the stages before events, each word given the type the models tend
to give it, and the type docs/annotation-events.md §3 decides, worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import before_events

from diurna.events.boundaries import bounded_types
from diurna.events.coder import EventCoder
from diurna.events.learned import LearnedEventCoder


def _retyped(text: str, word: str, etype: str) -> tuple[str, str | None]:
    """The type and mode the boundaries give the event of ``etype`` headed by ``word``."""
    doc = before_events(text)
    coder = EventCoder().doc_coder(doc)
    i = next(t.i for t in doc.nlp if t.text == word)
    events = coder.recode({}, {i: etype})
    assert len(events) == 1
    got = bounded_types(doc, coder, events, coder.onto)
    assert len(got) == 1 and got[0].trigger == events[0].trigger
    return got[0].type, got[0].mode


@pytest.mark.parametrize("text, word", [
    ("The minister called the allegations absurd.", "absurd"),
    ("The ambassador said the charges were baseless.", "baseless"),
    ('The ministry dismissed as "pure fabrication" a newspaper report that its troops had '
     "shelled the village.", "pure"),
])
def test_an_evaluation_of_an_accusation_rejects_it(text: str, word: str) -> None:
    # §3: REJECT covers "denying an accusation" ("rejected these accusations as patently false")
    assert _retyped(text, word, "ACCUSE") == ("REJECT", None)


@pytest.mark.parametrize("text, word", [
    ("The ambassador said the decision was baseless.", "baseless"),
    ("The minister called the opposition leader a liar.", "liar"),
])
def test_an_evaluation_of_a_party_or_a_decision_stays_an_accusation(text: str, word: str) -> None:
    assert _retyped(text, word, "ACCUSE") == ("ACCUSE", None)


@pytest.mark.parametrize("text, word, etype", [
    ("Prosecutors asked for a life sentence for the former mayor.", "asked", "REQUEST"),
    ("Prosecutors demanded 12 years in prison for the two officers.", "demanded", "DEMAND"),
])
def test_the_prosecution_asking_for_a_penalty_is_legal_action(
        text: str, word: str, etype: str) -> None:
    # §3: ACCUSE covers court findings and legal action against a party
    assert _retyped(text, word, etype) == ("ACCUSE", None)


@pytest.mark.parametrize("text", [
    "The defence asked for a lighter sentence.",  # the accused's side asks for leniency
    "Prosecutors asked for more time.",  # no penalty asked
])
def test_other_requests_stay_requests(text: str) -> None:
    assert _retyped(text, "asked", "REQUEST") == ("REQUEST", None)


def test_a_promise_of_attacks_is_a_threat() -> None:
    text = "The rebel group vowed to launch new attacks on the capital."
    assert _retyped(text, "vowed", "AGREE") == ("THREATEN", None)


@pytest.mark.parametrize("text, word", [
    ("The rebels vowed to end attacks on the capital.", "vowed"),  # a promise to stop
    ("The government pledged to build new schools.", "pledged"),  # a cooperative act
])
def test_a_promise_of_peace_or_help_stays_an_agreement(text: str, word: str) -> None:
    assert _retyped(text, word, "AGREE") == ("AGREE", None)


@pytest.mark.parametrize("text, word, etype, expected", [
    # §3: ASSAULT covers abductions; COERCE arrests and seizing territory or property
    ("Gunmen seized two aid workers in the north of the country.", "seized", "COERCE",
     ("ASSAULT", "abduct")),
    ("Rebels captured a government soldier near the border.", "captured", "COERCE",
     ("ASSAULT", "abduct")),
    ("The journalist was kidnapped in Baghdad last week.", "kidnapped", "COERCE",
     ("ASSAULT", "abduct")),
    ("Police captured the suspect on Monday.", "captured", "ASSAULT", ("COERCE", "arrest")),
    ("Iranian forces seized the two British sailors.", "seized", "ASSAULT",
     ("COERCE", "arrest")),
])
def test_seizing_a_person_is_an_abduction_or_an_arrest_by_who_seizes(
        text: str, word: str, etype: str, expected: tuple[str, str]) -> None:
    assert _retyped(text, word, etype) == expected


def test_seizing_a_town_stays_coercion() -> None:
    assert _retyped("The rebels captured the town on Monday.", "captured", "COERCE")[0] == "COERCE"


@pytest.mark.parametrize("text, word", [
    # round 39: a building, a hotel or a ship is property, whoever it is named after; the
    # tagger lemmatises "headquarters" to "headquarter", which reads as a person ("-er")
    ("The crowd seized the ministry of defence headquarters.", "seized"),
    ("Gunmen seized the Marriott Hotel in the capital.", "seized"),
    ("Pirates seized a Greek oil tanker off Somalia.", "seized"),
])
def test_seizing_a_building_or_a_vehicle_stays_coercion(text: str, word: str) -> None:
    assert _retyped(text, word, "COERCE")[0] == "COERCE"


@pytest.mark.parametrize("text, word", [
    # round 39: a pronoun does not say whether a state seizes; the models' type stays
    ("Their capture of the journalist was condemned.", "capture"),
    ("They seized the two aid workers.", "seized"),
])
def test_a_seizure_by_a_bare_pronoun_is_left_to_the_models(text: str, word: str) -> None:
    assert _retyped(text, word, "COERCE")[0] == "COERCE"


@pytest.mark.parametrize("text, etype, expected", [
    # a noun's possessive is who seizes: an army arrests, a militia abducts
    ("The army's capture of the rebel commander ended the siege.", "ASSAULT",
     ("COERCE", "arrest")),
    ("The militia's capture of the aid workers was planned.", "COERCE", ("ASSAULT", "abduct")),
])
def test_a_capture_is_typed_by_its_possessive(text: str, etype: str,
                                              expected: tuple[str, str]) -> None:
    assert _retyped(text, "capture", etype) == expected


def test_the_boundaries_are_on_by_default() -> None:
    # round 38 (docs/events-learned.md): the bundle met its rule on the development pool
    assert LearnedEventCoder().boundaries is True


def test_the_learned_coder_applies_them_when_asked(monkeypatch: Any) -> None:
    """Through :meth:`LearnedEventCoder.code`: with the flag set every kept event goes through
    the boundaries, without it none does."""
    import diurna.events.boundaries as boundaries

    seen: list[int] = []

    def spy(doc: Any, coder: Any, events: list[Any], onto: Any) -> list[Any]:
        seen.append(len(events))
        return events

    monkeypatch.setattr(boundaries, "bounded_types", spy)
    text = "Prosecutors asked for a life sentence for the former mayor."
    coder = LearnedEventCoder()
    coder.boundaries = False
    coder(before_events(text))
    assert seen == []
    coder.boundaries = True
    coder(before_events(text))
    assert len(seen) == 1
