"""Acts of states that wire copy reports every day, each checked by hand against the
guidelines (docs/annotation-events.md): protests made in words, recalls, shows of force,
captures, and the one attacked in a reduced passive."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document, Event, Mention

R58 = ("session 45's models (round 58, docs/events-learned.md) read this sentence worse: a known "
       "regression, kept so that a later model that mends it turns the test red")


@pytest.fixture(scope="module")
def read_rules() -> Callable[[str], Document]:
    """The rule coder's reading (``--coder rules``) of one paragraph, published 2024-03-01.

    The tests using it check conventions of the rule steps that the learned default does not
    follow on these sentences (its mode head gives another mode, its classifier another type or
    no event): listed in docs/events-learned.md, "Round 14". The rest use the default coder."""
    from diurna.pipeline import Pipeline

    # with the rule steps' own attachment (--args rules), which these tests are about: since
    # session 50 the default is the learned ranker (A63), which re-decides the parties
    # (docs/events-arguments.md)
    pipeline = Pipeline.default(coder="rules", args="rules")

    def run(text: str, published: str = "2024-03-01") -> Document:
        return pipeline(Document.from_paragraphs("t", "<test>", [text], published=published))

    return run


def _code(m: Mention | None) -> str | None:
    return m.actor.cameo if m is not None and m.actor is not None else None


def _only(doc: Document, etype: str) -> Event:
    found = [e for e in doc.events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in doc.events]
    return found[0]


def test_a_states_protest_is_a_disapproval(read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("The Philippines protested to China over the use of water cannon.")
    event = _only(doc, "ACCUSE")
    assert (event.mode, _code(event.actor), _code(event.recipient)) == ("disapprove", "PHL",
                                                                         "CHN")
    assert not [e for e in doc.events if e.type == "PROTEST"]
    doc = read_rules("China lodged a formal protest with Japan over the visit.")
    assert _code(_only(doc, "ACCUSE").recipient) == "JPN"


def test_protesters_still_protest(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Thousands of students took part in protests in Dhaka on Saturday.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_recall_in_protest_is_one_sanction_of_the_host(
        read_body: Callable[[str], Document]) -> None:
    doc = read_body("Ethiopia recalled its ambassador from Somalia in protest at the port deal.")
    event = _only(doc, "SANCTION")
    assert (_code(event.actor), _code(event.recipient)) == ("ETH", "SOM")
    assert [e.type for e in doc.events] == ["SANCTION"]


@pytest.mark.xfail(strict=True, reason=R58 + ": the MOBILIZE loses its mode `weapons`")
def test_missiles_fired_into_the_sea_are_a_show_of_force(
        read_body: Callable[[str], Document]) -> None:
    doc = read_body("North Korea fired two ballistic missiles into the sea off its east coast.")
    event = _only(doc, "MOBILIZE")
    assert (event.mode, _code(event.actor), event.recipient) == ("weapons", "PRK", None)
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_alert_moves_the_actors_own_army(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Serbia put its army on high alert along the border with Kosovo.")
    event = _only(doc, "MOBILIZE")
    assert _code(event.actor) == "SRB"
    assert not (_code(event.recipient) or "").startswith("SRB")


def test_reduced_passive_names_the_one_attacked(read_rules: Callable[[str], Document]) -> None:
    # the rule coder: since round 51 the learned default drops this conditional attack with no
    # actor as a forecast (readings.forecast_without_actor); the recipient is what is checked
    doc = read_rules("Iran threatened to close the Strait of Hormuz if attacked.")
    event = _only(doc, "ASSAULT")
    assert event.status == "speculative"
    assert _code(event.actor) is None and _code(event.recipient) == "IRN"


def test_retaking_and_recapturing_places(read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("Ukraine's forces retook the village of Robotyne.")
    event = _only(doc, "COERCE")
    assert (event.mode, _code(event.actor)) == ("seize", "UKRMIL")
    doc = read_rules("The Sudanese army said it had recaptured the presidential palace in "
                    "Khartoum from the RSF.")
    event = _only(doc, "COERCE")
    assert (event.mode, event.status) == ("seize", "claimed")
    assert (_code(event.actor), _code(event.recipient)) == ("SDNMIL", "SDNREB")


def test_by_phone_is_how_not_who(read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("The Turkish and Iranian leaders held talks by phone on Monday.")
    event = _only(doc, "CONSULT")
    assert event.actor is None or event.actor.text != "phone"
    assert event.mode == "phone"


def test_injured_when_police_fired_is_one_assault(read_body: Callable[[str], Document]) -> None:
    doc = read_body("More than a dozen people were injured when police used batons and rubber "
                    "bullets to disperse a rally in Islamabad.")
    event = _only(doc, "ASSAULT")
    assert _code(event.actor) == "PAKCOP"


def test_protest_for_a_purpose_is_one_protest(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Thousands of farmers blocked highways with tractors across France to "
                    "protest against low food prices.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_blocking_a_package_is_a_rejection(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Hungary blocked the EU's 50-billion-euro aid package for Ukraine.")
    assert _code(_only(doc, "REJECT").actor) == "HUN"


def test_suspending_visa_services_is_a_sanction(read_body: Callable[[str], Document]) -> None:
    doc = read_body("India suspended visa services for Canadian citizens.")
    assert _code(_only(doc, "SANCTION").actor) == "IND"


def test_a_ruling_against_a_party_is_an_accusation(read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("The Supreme Court ruled that the prorogation of Parliament was unlawful.")
    assert _only(doc, "ACCUSE").trigger.text == "unlawful"
    # what a ruling obliges is binding: the court coerces, it does not demand
    doc = read_rules("The court ruled that EU countries must identify products made in "
                    "settlements on their labels.")
    assert not [e for e in doc.events if e.type == "DEMAND"]
    assert _only(doc, "COERCE").mode == "restrict"


def test_troops_sent_somewhere_are_placed_there(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The Kenyan government deployed 1,000 police officers to Haiti.")
    event = _only(doc, "MOBILIZE")
    assert event.place is not None and event.place.country == "HT"


def test_strikes_carried_out_are_attacks_and_staged_ones_walkouts(
        read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("Pakistan's military said it had carried out strikes against militant "
                    "hideouts inside Iran.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    doc = read_rules("Teachers staged a strike over pay on Monday.")
    assert [(e.type, e.mode) for e in doc.events] == [("PROTEST", "strike-lim")]


def test_an_exchange_of_fire_has_two_sides(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Israel and Hezbollah have exchanged fire across the border.")
    event = _only(doc, "ASSAULT")
    assert (_code(event.actor), _code(event.recipient)) == ("ISR", "LBNREB")


def test_launched_drones_are_an_aerial_attack(read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("Officials in Kyiv said Russian forces had launched 40 drones overnight.")
    event = next(e for e in doc.events if e.trigger.text == "launched")
    assert (event.type, event.mode, _code(event.actor)) == ("ASSAULT", "aerial", "RUSMIL")


def test_blamed_on_names_the_accused(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The army denied carrying out the strike, blaming it on the rebels.")
    event = _only(doc, "ACCUSE")
    assert event.recipient is not None and event.recipient.text == "the rebels"


def test_neither_confirmed_nor_denied_is_no_denial(read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("Israel neither confirmed nor denied carrying out the strike.")
    assert [(e.type, e.status, e.negated) for e in doc.events] == [
        ("ASSAULT", "speculative", False)]


def test_force_not_ruled_out_is_a_threat(read_rules: Callable[[str], Document]) -> None:
    doc = read_rules("The foreign minister refused to rule out military action.")
    assert [e.type for e in doc.events] == ["THREATEN"]
    doc = read_rules("The president did not rule out a military strike on the facility.")
    assert _only(doc, "ASSAULT").status == "speculative"


def test_seizing_towns_takes_ground(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The rebels reportedly seized two more towns on Sunday.")
    event = _only(doc, "COERCE")
    assert (event.mode, event.status) == ("seize", "claimed")


def test_considered_and_proposed_acts_are_their_proposers(
        read_body: Callable[[str], Document]) -> None:
    doc = read_body("The United States is considering new sanctions on Russia.")
    event = _only(doc, "SANCTION")
    assert (_code(event.actor), event.status) == ("USA", "speculative")
    doc = read_body("The EU proposed new sanctions on Iran.")
    event = _only(doc, "SANCTION")
    assert (_code(event.actor), _code(event.recipient), event.status) == (
        "IGOEUR", "IRN", "speculative")


def test_a_refused_meeting_is_a_rejection(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The White House said the president would not meet the Russian leader.")
    event = _only(doc, "REJECT")
    assert (_code(event.actor), _code(event.recipient)) == ("USAGOV", "RUSGOV")


def test_a_denied_attack_on_infrastructure(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Russia has denied targeting civilian infrastructure.")
    event = _only(doc, "ASSAULT")
    assert (event.status, event.negated) == ("denied", True)


def test_both_accused_acts_are_the_accused(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The general accused the RSF of killing civilians in El Fasher and "
                    "blocking aid convoys.")
    acts = [e for e in doc.events if e.type in {"ASSAULT", "COERCE"}]
    assert [e.trigger.text for e in acts] == ["killing", "blocking"]
    assert all(_code(e.actor) == "SDNREB" for e in acts)


def test_an_army_chief_is_the_military(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Sudan's army chief Abdel Fattah al-Burhan rejected the proposal.")
    assert _code(_only(doc, "REJECT").actor) == "SDNMIL"


def test_expelled_envoys_are_never_the_expellers(read_body: Callable[[str], Document]) -> None:
    doc = read_body("Venezuelan President Nicolas Maduro ordered the expulsion of diplomats "
                    "from seven Latin American countries.")
    event = _only(doc, "SANCTION")
    assert _code(event.actor) == "VENGOV"
    assert not (_code(event.recipient) or "").startswith("VEN")


def test_frozen_grants_are_a_sanction(read_body: Callable[[str], Document]) -> None:
    doc = read_body("The administration froze $2.2 billion in research grants to Harvard.")
    assert _only(doc, "SANCTION").trigger.text == "froze"


def test_a_warning_of_ones_own_states_act_is_a_threat(
        read_body: Callable[[str], Document]) -> None:
    doc = read_body("Iran warned that Tehran would respond decisively to any attack.")
    assert _code(_only(doc, "THREATEN").actor) == "IRN"


def test_overturning_and_mediating_and_pleading(read_body: Callable[[str], Document]) -> None:
    assert [e.type for e in read_body("Lawmakers voted to overturn the tariffs.").events] == [
        "REJECT"]
    assert [e.type for e in read_body("Oman is mediating between Iran and the US.").events] == [
        "CONSULT"]
    assert [e.type for e in read_body("Dewitt pleaded not guilty on Monday.").events] == [
        "REJECT"]


def test_military_operations_are_attacks_and_named_ones_names(
        read_body: Callable[[str], Document]) -> None:
    doc = read_body("Turkey launched a military operation against Kurdish militants.")
    assert _code(_only(doc, "ASSAULT").actor) == "TUR"
    doc = read_body("Sean Robertson, a spokesperson for Inherent Resolve, the U.S. military "
                    "operation against Islamic State, declined to comment.")
    assert not [e for e in doc.events if e.type == "ASSAULT"]
