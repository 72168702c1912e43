"""Parties read from the clause around a trigger where the rule steps coded none (issue 12,
round 24): the party asked to do the act a demand names ("called for Arroyo's resignation"),
the people a participle with a "by"-agent describes ("sailors seized by Iran"), the one a
describing verb names ("called Washington the enemy"), the subject of the clause an accusation
noun states ("accusations that Israel had broken the truce"), and the agent of a participle of
doing on an event noun ("a rally organised by ..."). Sentences written by us; each expected code
read by hand against docs/annotation-events.md §6."""

from __future__ import annotations

import pytest
from helpers import code_prefixes as _prefixes
from helpers import one_event as _event
from helpers import read_paragraph

R59 = ("session 46's models (round 59, docs/events-learned.md) read this sentence otherwise: a "
       "known regression, kept so that a later model that mends it turns the test red")


@pytest.mark.parametrize("sentence, etype, trigger, actor, recipient", [
    # the possessor of the act asked for is the one asked (was: no recipient)
    ("Thousands of protesters in Manila called for President Arroyo's resignation.",
     "DEMAND", "called for", "PHL", "PHL"),
    # the of-phrase of a required withdrawal names who is to withdraw (was: none)
    ("The Security Council resolution requires the withdrawal of all Syrian forces.",
     "DEMAND", "requires", "IGO", "SYR"),
    # a participle with a "by"-agent: the noun it describes was acted on (was: none)
    ("State television showed the British sailors seized by Iran last week.",
     "COERCE", "seized", "IRN", "GBR"),
    # "call X a Y": X is the one accused (was: none)
    pytest.param("Tehran called Washington the enemy of Islam.", "ACCUSE", "enemy", "IRN", "USA",
                 marks=pytest.mark.xfail(strict=True, reason=R59 + ": the ACCUSE is coded on the "
                                         "verb \"called\" (IRN -> USA), not on the noun")),
    # an accusation noun with a that-clause accuses that clause's subject (was: none)
    ("Hamas leaders repeated their accusations that Israel had broken the truce.",
     "ACCUSE", "accusations", "PSE", "ISR"),
])
def test_recipient_from_the_clause(sentence: str, etype: str, trigger: str, actor: str,
                                   recipient: str) -> None:
    event = _event(sentence, etype, trigger)
    assert _prefixes(event.actors) == [actor]
    assert _prefixes(event.recipients) == [recipient]


@pytest.mark.parametrize("sentence, etype, trigger", [
    # the prisoners are the ones released, not the ones asked: no coded recipient
    ("Amnesty International called for the release of the detained journalists.",
     "DEMAND", "called for"),
    # "it" names no party: the accusation keeps no recipient
    ("Hamas leaders repeated their accusations that it had broken the truce.",
     "ACCUSE", "accusations"),
    # the thing called a mistake is no party (session 46's models typed "mistake" REJECT; session
    # 48's read it as the ACCUSE again)
    ("The minister called the plan a mistake.", "ACCUSE", "mistake"),
])
def test_no_party_no_recipient(sentence: str, etype: str, trigger: str) -> None:
    assert _prefixes(_event(sentence, etype, trigger).recipients) == []


def test_actor_of_a_noun_from_its_doing_participle() -> None:
    # the coalition organised the rally (was: no actor)
    event = _event("A rally organised by a coalition of Australian environmental groups took "
                   "place at the mill.", "PROTEST", "rally")
    assert _prefixes(event.actors) == ["AUS"]


def test_a_reaction_is_no_doer_and_a_thing_no_victim() -> None:
    # Britain condemned the crackdown, it did not carry it out; and the crackdown is a thing,
    # no party, so the participle reading gives the condemnation no recipient
    text = "The crackdown on protesters, condemned by Britain, continued on Friday."
    assert _prefixes(_event(text, "ACCUSE", "condemned").recipients) == []
    crackdown = [e for e in read_paragraph(text).events if e.trigger.text == "crackdown"]
    assert crackdown and all(_prefixes(e.actors) == [] for e in crackdown)
