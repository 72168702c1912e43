"""A content noun done to in the clause an accusation states is not the one accused (issue 12,
round 34): "regretted that some of the Flemish demands were caricatured" accuses whoever
caricatured them, not the demands' owner (dev4's gold leaves that recipient empty; §6 of
docs/annotation-events.md: a recipient is who an act is done to or aimed at). Where the clause
names its doer with "by", that doer is the accused. A content noun that does the clause's act,
a party done to, and a content noun the trigger itself acts on keep their owner, as the gold
codes them ("rejected the UN reunification plan" IGOUNO). Sentences written by us; each
expected code read by hand."""

from __future__ import annotations

import pytest
from helpers import code_prefixes as _prefixes
from helpers import one_event as _event

R57 = "round 57's tagger (docs/events-learned.md) types this regret CONCEDE: a known regression"
R58 = ("session 45's models (round 58, docs/events-learned.md) type this regret CONCEDE again "
       "(round 57b's MLP had mended it): a known regression")


@pytest.mark.parametrize("sentence, trigger, recipient", [
    # the demands were caricatured: no one accused is named (was: FRA, the demands' owner)
    pytest.param("The Belgian prime minister regretted that some of the French demands were "
                 "caricatured.", "regretted", [], marks=pytest.mark.xfail(strict=True, reason=R58)),
    # ... and with a "by"-agent, the press that caricatured them (was: FRA); round 57's models
    # type this "regretted" CONCEDE: a known regression, docs/events-learned.md
    pytest.param("The Belgian prime minister regretted that the French demands were caricatured "
                 "by the Dutch press.", "regretted", ["NLD"],
                 marks=pytest.mark.xfail(strict=True, reason=R57)),
    # the proposal was ignored by someone unnamed (was: GBR)
    ("The minister complained that the British proposal had been ignored.", "complained", []),
])
def test_content_done_to_is_not_accused(sentence: str, trigger: str,
                                        recipient: list[str]) -> None:
    event = _event(sentence, "ACCUSE", trigger)
    assert _prefixes(event.recipients) == recipient
    assert not any("proposal" in m.text or "demands" in m.text for m in event.recipients)


@pytest.mark.parametrize("sentence, etype, trigger, recipient", [
    # a proposal that does the clause's act stands for its owner
    ("Germany complained that the Russian proposal ignored the border question.", "ACCUSE",
     "complained", "RUS"),
    # people done to in the clause stay the recipient
    ("Observers complained that the Russian monitors had been expelled.", "ACCUSE",
     "complained", "RUS"),
    ("The opposition alleged that the Kenyan government had rigged the vote.", "ACCUSE",
     "alleged", "KEN"),
    # a plan the trigger acts on is aimed at its owner
    ("The Greek Cypriots rejected the UN reunification plan.", "REJECT", "rejected", "IGO"),
])
def test_owner_kept_elsewhere(sentence: str, etype: str, trigger: str, recipient: str) -> None:
    assert _prefixes(_event(sentence, etype, trigger).recipients) == [recipient]
