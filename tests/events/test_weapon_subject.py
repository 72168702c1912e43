"""An attack named as the subject of its own harm verb is one event, and a weapon with no
owner named is no party."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document


@pytest.mark.xfail(strict=True, reason="session 46's models (round 59, docs/events-learned.md) "
                   "propose \"strike\" instead of \"killed\", and the rules' veto drops the noun: "
                   "no event (a known regression, kept so that a later model that mends it turns "
                   "the test red)")
def test_strike_that_killed_is_one_assault(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The drone strike killed a senior al-Shabaab commander near Jilib.")
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    event = assaults[0]
    assert event.actor is None or event.actor.actor is None
    assert event.recipient is not None and event.recipient.actor is not None
    assert event.recipient.actor.cameo == "SOMREB"


def test_owner_of_the_weapon_is_the_attacker(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Israeli airstrikes killed at least 20 people in Gaza on Tuesday.")
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].actor is not None and assaults[0].actor.actor is not None
    assert assaults[0].actor.actor.cameo == "ISR"
