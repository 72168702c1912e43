"""A statement's place is where it was made, not where its content lies (issue 13, round 11).

``docs/places.md``, Event location 1 and 4: for a verbal event only an "in"/"at"/"during"-type
phrase that the trigger itself governs says where the event happened; a place inside the
trigger's object or complement ("ruled out uranium mining **in Queensland**") is the content's.
The rule is behind ``CONTENT_PLACE_GUARD`` (off by default: round 11's audit did not meet its
decision rule), so each test switches it on. Each sentence was written for the test and its
expected place checked by hand against the guideline."""

from __future__ import annotations

import pytest

import diurna.places.resolver as place_resolver
from tests.places.test_event_places import _place_of


@pytest.fixture(autouse=True)
def _guard_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # raising=False: on a tree without the switch the tests run and show its old reading
    monkeypatch.setattr(place_resolver, "CONTENT_PLACE_GUARD", True, raising=False)


def test_a_rejection_is_not_placed_where_the_rejected_act_would_be() -> None:
    text = "Premier Peter Beattie has ruled out uranium mining in Queensland."
    assert _place_of(text, "ruled out", "REJECT") is None


def test_backing_a_thing_is_not_placed_where_the_thing_stands() -> None:
    text = "NATO's backing of a missile defence system in Poland has angered Moscow."
    assert _place_of(text, "backing", "SUPPORT") is None


def test_money_granted_is_not_placed_where_it_will_be_spent() -> None:
    text = "Congress has approved $200 billion for the war in Afghanistan."
    assert _place_of(text, "approved", "AGREE") is None


def test_a_statement_keeps_the_place_its_own_verb_governs() -> None:
    text = "Beattie ruled out the plan at a news conference in Brisbane on Monday."
    assert _place_of(text, "ruled out", "REJECT") == "Brisbane"


def test_a_material_act_keeps_the_place_of_its_object() -> None:
    text = "Gunmen launched an attack on a police station in Kandahar on Monday."
    assert _place_of(text, "attack", "ASSAULT") == "Kandahār"
