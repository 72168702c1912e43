"""Round 26c (docs/actors.md): the recipient of a promise (AGREE: pledge, promise, vow) is the
party the promised act is done to, as the annotators code it; a promise whose act names no
party keeps no recipient. Sentences written for these tests; each code read by hand against
docs/annotation-events.md (the recipient is the party the act is directed at)."""

from __future__ import annotations

import pytest
from helpers import code_prefixes as _prefixes
from helpers import one_event as _event


@pytest.mark.parametrize("sentence, trigger, actor, recipient", [
    # the object of the promised act (was: no recipient)
    ("The Ethiopian prime minister pledged to release 500 Eritrean prisoners of war.",
     "pledged", "ETH", "ERI"),
    # a promise noun: the "to"-party of the promised act (was: no recipient)
    ("Under the deal, Egypt made a pledge to send 2,000 tonnes of wheat to Sudan.",
     "pledge", "EGY", "SDN"),
])
def test_a_promise_is_made_to_the_party_its_act_is_done_to(
        sentence: str, trigger: str, actor: str, recipient: str) -> None:
    event = _event(sentence, "AGREE", trigger)
    assert _prefixes(event.actors) == [actor]
    assert _prefixes(event.recipients) == [recipient]


@pytest.mark.parametrize("sentence, trigger, actor", [
    # talks and schools are no party: the promise has no recipient
    ("The Kenyan president pledged to hold talks on the crisis next week.", "pledged", "KEN"),
    ("The Chilean government promised to build new schools in the north.", "promised", "CHL"),
])
def test_a_promise_whose_act_names_no_party_has_no_recipient(
        sentence: str, trigger: str, actor: str) -> None:
    event = _event(sentence, "AGREE", trigger)
    assert _prefixes(event.actors) == [actor]
    assert _prefixes(event.recipients) == []


@pytest.mark.parametrize("sentence", [
    # the parser reads "for NATO to stay" either as a for-clause or as a for-object beside the
    # infinitive; in both the one asked is NATO (was: no recipient)
    "The move came amid requests by Iraqi villagers for NATO to stay in the province.",
    "Last year there were requests by Afghans for NATO to expand across the country.",
])
def test_a_request_for_a_party_to_act_is_made_to_that_party(sentence: str) -> None:
    event = _event(sentence, "REQUEST", "requests")
    assert _prefixes(event.recipients) == ["IGO"]


def test_a_request_for_a_thing_has_no_recipient() -> None:
    # lower taxes are asked for, not asked of anyone named
    event = _event("The minister rejected requests by Afghan farmers for lower taxes to be set.",
                   "REQUEST", "requests")
    assert _prefixes(event.actors) == ["AFG"]
    assert _prefixes(event.recipients) == []
