"""Round 27 (docs/actors.md, "Round 27"): three readings of who did an act to whom that the
verb and noun steps missed. Sentences written for these tests; each code read by hand against
docs/annotation-events.md (the actor does the act; the recipient is the party it is directed
at).

- a passive verb joined to an active one, with its own "by"-agent, is done to the first verb's
  subject ("climbed down and were arrested by police": the protesters are arrested);
- on a DEMAND or REQUEST noun, "from" names who asks ("a demand from the prime minister"); on
  the verb it still names the one asked ("demanded an apology from Turkey");
- a verb whose object is a thing, not a party, is done to that thing's "against"-party
  ("threatened an open war against the government").
"""

from __future__ import annotations

import pytest
from helpers import code_prefixes as _prefixes
from helpers import one_event as _event
from helpers import read_paragraph


def _texts(mentions: list) -> list[str]:
    return [m.text for m in mentions]


def test_a_joined_passive_with_its_agent_is_done_to_the_first_subject() -> None:
    # before round 27: the recipient was the police (the agent), then dropped as the actor
    event = _event("Five Kenyan protesters climbed onto the roof and were arrested by Kenyan "
                   "police.", "COERCE", "arrested")
    assert [t.split()[-1] for t in _texts(event.recipients)] == ["protesters"]
    assert _prefixes(event.recipients) == ["KEN"]
    assert _texts(event.actors) == ["Kenyan police"]


def test_a_joined_passive_without_its_own_agent_keeps_its_subject() -> None:
    # unchanged: with no agent of its own the verb's subject is found up the tree, as before
    event = _event("The Iraqi journalist returned home after being deported.", "COERCE",
                   "deported")
    assert [t.split()[-1] for t in _texts(event.recipients)] == ["journalist"]


def test_on_a_demand_noun_from_names_who_asks() -> None:
    # before round 27: Karamanlis was the recipient and the demand had no actor
    event = _event("The Greek culture minister resigned on Friday after a demand from Prime "
                   "Minister Kostas Karamanlis.", "DEMAND", "demand")
    assert _prefixes(event.actors) == ["GRC"]
    assert _texts(event.recipients) == []


def test_on_a_demand_verb_from_names_the_one_asked() -> None:
    event = _event("Israel demanded an apology from Turkey on Tuesday.", "DEMAND", "demanded")
    assert _prefixes(event.actors) == ["ISR"]
    assert _prefixes(event.recipients) == ["TUR"]


def test_a_threat_of_a_thing_against_a_party_is_made_to_that_party() -> None:
    # before round 27: no recipient ("war" names no party)
    event = _event("The Shia cleric Muqtada al-Sadr threatened an open war against the Iraqi "
                   "government.", "THREATEN", "threatened")
    assert _prefixes(event.recipients) == ["IRQ"]


@pytest.mark.parametrize("sentence, trigger", [
    # "against" a thing, not a party: no recipient
    pytest.param("The Iraqi cleric threatened a new campaign against corruption.", "threatened",
                 marks=pytest.mark.xfail(
                     strict=True, reason="the learned ranker (A63, the default since session 50) "
                     "codes \"a new campaign\" IRQ from context: a known regression")),
])
def test_a_thing_against_no_party_gives_no_recipient(sentence: str, trigger: str) -> None:
    assert _prefixes(_event(sentence, "THREATEN", trigger).recipients) == []


def test_the_report_acts_for_the_author_named_at_its_first_mention() -> None:
    # before round 27: "The report" was the demand's only, uncoded, actor
    event = _event("In an official report issued on Monday, Iraqi authorities accused the "
                   "company of negligence. The report demands that the company pay compensation "
                   "to the families.", "DEMAND", "demands")
    assert _prefixes(event.actors) == ["IRQ"]


def test_a_report_by_a_named_body_gives_that_body() -> None:
    event = _event("A report by Human Rights Watch was published on Monday. The report accuses "
                   "the Egyptian police of torturing detainees.", "ACCUSE", "accuses")
    assert [m.actor.cameo for m in event.actors if m.actor is not None] == ["NSANGO"]


@pytest.mark.xfail(strict=True, reason=(
    "the learned ranker (A63, the default since session 50) codes \"The report\" EGY "
    "from context: a known regression (docs/events-arguments.md, A63)"))
def test_a_report_with_no_author_named_before_stays_uncoded() -> None:
    event = _event("Nobody knows who wrote it. The report accuses the Egyptian police of "
                   "torturing detainees.", "ACCUSE", "accuses")
    assert _prefixes(event.actors) == []


def test_an_act_the_report_recommends_is_not_the_author_s() -> None:
    # the author is the report's own act's actor, not the actor of what it recommends
    doc = read_paragraph("In an official report issued on Monday, Iraqi authorities accused "
                         "the company of negligence. The report recommends that the United "
                         "States release the prisoners.")
    releases = [e for e in doc.events if e.trigger.text == "release"]
    assert all("IRQ" not in _prefixes(e.actors) for e in releases)


def test_a_call_for_an_act_to_be_done_by_a_party_is_made_to_that_party() -> None:
    # before round 27: no recipient (the Commission is the passive's agent)
    event = _event("Unionists in Belfast called for the decision to be reconsidered by the "
                   "Parades Commission.", "DEMAND", "called for")
    assert _prefixes(event.recipients) == ["GBR"]


def test_a_call_for_an_act_with_no_agent_has_no_recipient() -> None:
    event = _event("Activists called for an apology to be made.", "DEMAND", "called for")
    assert _prefixes(event.recipients) == []


def test_the_party_named_a_threat_is_the_one_accused() -> None:
    # before round 27: no recipient
    event = _event("China has stated that the Uyghur separatists are the biggest potential "
                   "terrorist threat to the 2008 Olympics in Beijing.", "ACCUSE", "threat")
    assert _prefixes(event.actors) == ["CHN"]
    assert [m.actor.cameo for m in event.recipients if m.actor is not None] == ["CHNREB"]


def test_a_thing_named_a_threat_is_no_recipient() -> None:
    doc = read_paragraph("China has stated that pollution is the biggest threat to the 2008 "
                         "Olympics in Beijing.")
    assert [m.text for e in doc.events for m in e.recipients] == []
