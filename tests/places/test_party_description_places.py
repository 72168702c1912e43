"""A place that only describes an event's party is not where the event happened (places rule 7,
annotation-events.md §8: "U.S. forces in al-Tanf"), also when the party's mention stops at its
head noun ("the OSCE mission" without "in Bishkek"). Round 13 trial (brief 13S): measured, not
shipped, off by default."""

from __future__ import annotations

import pytest

from diurna.places import resolver
from tests.places.test_event_places import _place_of

# the rule is off by default (it did not meet its ship rule); these tests switch it on
pytestmark = pytest.mark.usefixtures("guard_on")


@pytest.fixture
def guard_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resolver, "PARTY_DESCRIPTION_GUARD", True, raising=False)


def test_a_statement_about_a_mission_in_a_city_is_not_placed_there() -> None:
    text = 'Solana added that "The EU will continue to support the OSCE mission in Bishkek."'
    assert _place_of(text, "support", "SUPPORT", actor="EU", recipient="OSCE mission") is None


def test_a_call_upon_nations_in_a_region_is_not_placed_there() -> None:
    text = "Egeland called upon nations in the Persian Gulf to donate to the appeal."
    assert _place_of(text, "called upon", "DEMAND", actor="Egeland", recipient="nations") is None


def test_where_the_statement_was_made_still_places_it() -> None:
    text = "The president criticised the mayor of Halifax at a press conference in Ottawa."
    assert _place_of(text, "criticised", "ACCUSE", actor="president",
                     recipient="mayor") == "Ottawa"


def test_a_material_act_on_a_target_in_a_city_is_placed_there() -> None:
    text = "Insurgents attacked the embassy in Baghdad on Monday."
    assert _place_of(text, "attacked", "ASSAULT", actor="Insurgents",
                     recipient="embassy") == "Baghdad"
