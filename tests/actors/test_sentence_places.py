"""A role phrase that names no country takes it from the place its own clause names, when the
text around it names no state: "Police fired tear gas ... in Tbilisi" are Georgia's police."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document


@pytest.mark.parametrize("text, phrase, cameo", [
    ("Police fired tear gas at demonstrators outside parliament in Tbilisi.", "Police", "GEOCOP"),
    ("The junta arrested the former prime minister in Niamey.", "junta", "NERGOV"),
    ("Hundreds of workers went on strike in Bangladesh to demand higher wages.", "workers",
     "BGDLAB"),
    ("Thousands of protesters marched through Nairobi on Thursday.", "protesters", "KENCVL"),
])
def test_role_takes_the_country_of_its_clause(read_body: Callable[[str], Document], text: str,
                                              phrase: str, cameo: str) -> None:
    doc = read_body(text)
    mention = next(m for m in doc.mentions if phrase in m.text)
    assert mention.actor is not None and mention.actor.cameo == cameo


def test_earlier_state_beats_the_place_for_state_forces(
        read_body: Callable[[str], Document]) -> None:
    # forces abroad are as often another state's: Turkey, named before, keeps its troops
    doc = read_body("Turkey has launched a new operation. Troops shelled villages in Syria.")
    troops = next(m for m in doc.mentions if m.text == "Troops")
    assert troops.actor is not None and troops.actor.cameo == "TURMIL"


def test_gunmen_have_no_country(read_body: Callable[[str], Document]) -> None:
    # unidentified attackers: the guidelines code them null rather than guess a rebel group
    doc = read_body("Gunmen abducted more than 200 students from a school in northern Nigeria.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert event.actor is None or event.actor.actor is None


def test_a_delegation_comes_from_its_sender(read_body: Callable[[str], Document]) -> None:
    doc = read_body("A delegation from ECOWAS arrived in Niamey on Monday.")
    delegation = next(m for m in doc.mentions if "delegation" in m.text)
    assert delegation.actor is not None and delegation.actor.cameo == "IGOWAS"


def test_a_separatist_leader_is_no_government(read_body: Callable[[str], Document]) -> None:
    doc = read_body("India denied any role in the killing of a Sikh separatist leader in Canada.")
    leader = next(m for m in doc.mentions if "leader" in m.text)
    assert leader.actor is not None and leader.actor.sector == "REB"


@pytest.mark.parametrize("text, phrase", [
    ("Turkey launched an offensive against Kurdish-led forces in northeast Syria.",
     "Kurdish-led forces"),
    ("Kurdish forces clashed with Turkish troops in Syria.", "Kurdish forces"),
])
def test_forces_of_a_stateless_people_are_rebels(read_body: Callable[[str], Document],
                                                 text: str, phrase: str) -> None:
    doc = read_body(text)
    mention = next(m for m in doc.mentions if m.text == phrase)
    assert mention.actor is not None and mention.actor.cameo == "SYRREB"


def test_a_news_agency_gives_no_country(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Witnesses told AFP that security forces opened fire on mourners.")
    forces = next(m for m in doc.mentions if m.text == "security forces")
    assert forces.actor is None or forces.actor.country != "FRA"


def test_a_meeting_place_is_no_home(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Negotiators from both sides are expected to meet in Jeddah later this month.")
    negotiators = next(m for m in doc.mentions if m.text.startswith("Negotiators"))
    assert negotiators.actor is None or negotiators.actor.country != "SAU"


def test_latin_american_is_a_region(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Maduro expelled diplomats from seven Latin American countries.")
    assert all(m.actor is None or m.actor.country != "USA" for m in doc.mentions)


def test_a_capital_called_on_is_its_government(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Blinken called on Caracas to release the detained protesters.")
    caracas = next(m for m in doc.mentions if m.text == "Caracas")
    assert caracas.actor is not None and caracas.actor.cameo == "VEN"


def test_a_leader_accuses_his_own_opposition(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Argentina and Peru condemned the vote. "
                    "Maduro accused the opposition of staging a coup.")
    opposition = next(m for m in doc.mentions if m.text == "opposition")
    assert opposition.actor is not None and opposition.actor.cameo == "VENOPP"
