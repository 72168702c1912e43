"""Round 29 (docs/actors.md, "Round 29"; shipped in round 31): who did it to whom when a force is
sent and no sender is named. Sentences written for these tests; each code read by hand against
docs/annotation-events.md (the actor does the act; the recipient is the party it is directed at;
MOBILIZE, a show of force, has the force or who sends it as its actor and no recipient).

A force a passive MOBILIZE verb moves, with no one named as moving it, is the actor ("6,000
African Union troops have been dispatched"); the verb steps read it as the one acted on.
"""

from __future__ import annotations

import pytest
from helpers import cameos as _codes
from helpers import one_event as _event


@pytest.mark.parametrize("sentence, trigger, code", [
    # before round 29: no actor, the troops as the recipient
    ("6,000 African Union troops have been dispatched to monitor a ceasefire in Darfur.",
     "dispatched", "IGOAFU"),
    # the subject of a raised passive, found up the tree
    ("Chinese military personnel were also reported to have been dispatched to the area.",
     "dispatched", "CHNMIL"),
])
def test_a_force_sent_by_no_one_named_is_the_actor(sentence: str, trigger: str,
                                                   code: str) -> None:
    event = _event(sentence, "MOBILIZE", trigger)
    assert _codes(event.actors) == [code]
    assert _codes(event.recipients) == []


def test_a_force_sent_by_a_named_sender_keeps_the_sender_as_actor() -> None:
    event = _event("Hundreds of Thai troops were deployed by the government in Bangkok on "
                   "Friday.", "MOBILIZE", "deployed")
    assert _codes(event.actors) == ["THAGOV"]
    assert _codes(event.recipients) == []
