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
    ("The Iraqi cleric threatened a new campaign against corruption.", "threatened"),
])
def test_a_thing_against_no_party_gives_no_recipient(sentence: str, trigger: str) -> None:
    assert _prefixes(_event(sentence, "THREATEN", trigger).recipients) == []

