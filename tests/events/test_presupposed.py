"""An event named in the object of "condemned", "welcomed" ... is reported by the writer, not
known only through the one who condemns it: it stays asserted, although the object is a
statement (docs/annotation-events.md, status). Accusations and denials keep their status."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document


def _status(doc: Document, trigger: str) -> str:
    return next(e.status for e in doc.events if e.trigger.text == trigger)


def test_the_condemned_attack_is_asserted(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The United Nations on Monday condemned the attack on the Indian embassy "
                    "in Kabul, which killed five people.")
    assert any(q.cue is not None and q.cue.text == "condemned" for q in doc.quotes)
    assert _status(doc, "condemned") == "asserted"
    # the one attack, on its noun or on the relative clause's "killed" (round 57b's MLP picks
    # the latter; either word is the act), is told as fact
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].trigger.text in {"attack", "killed"}
    assert attacks[0].status == "asserted"


def test_an_event_in_a_reported_clause_stays_claimed(
        read_body: Callable[[str], Document]) -> None:
    doc = read_body("Police said that the rebels attacked the convoy near the border.")
    assert _status(doc, "attacked") == "claimed"


def test_an_event_in_a_denied_allegation_stays_denied(
        read_body: Callable[[str], Document]) -> None:
    doc = read_body("The Afghan government denied the allegations that its troops had shelled "
                    "the village.")
    assert _status(doc, "shelled") == "denied"


@pytest.mark.xfail(strict=True, reason="session 48's models (round 61, docs/events-learned.md) "
                   "code the condemnation only: a known regression (\"the car bombing that "
                   "killed\" is coded)")
def test_the_condemned_bomb_that_killed_is_an_attack(
        read_body: Callable[[str], Document]) -> None:
    # the first mention of the bombing, in the object of the condemnation: an ACCUSE and the
    # attack it refers to (docs/annotation-events.md: one sentence may hold several events)
    doc = read_body("President Bush condemned the car bomb that killed 12 people at a hotel on "
                    "Monday.")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].status == "asserted"
