"""The accused is the actor of the act they are accused of, whatever its type (issue 12, round
30, docs/actors.md "Round 30"; shipped in round 31). Sentences written for these tests; codes
worked out by hand from docs/annotation-events.md §6: the one accused did the act, not the
accuser."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import cameos as _codes
from helpers import event_at as _at
from helpers import paragraph_reader as _reader

from diurna.model import Document


@pytest.fixture(scope="module")
def rules() -> Callable[[str], Document]:
    # the rule coder with its own rule steps' attachment (--args rules): these tests check the
    # rule steps; since session 50 the default attachment is the learned ranker (A63), which
    # re-decides the parties (docs/events-arguments.md)
    return _reader("rules", args="rules")


@pytest.fixture(scope="module", params=["rules", "learned"])
def read(request: pytest.FixtureRequest) -> Callable[[str], Document]:
    """Both coders: the argument steps are shared."""
    return _reader(request.param)


def test_the_accused_funds_not_the_accuser(rules: Callable[[str], Document]) -> None:
    # AID is no crime type: before round 30 the accuser (Kenya) was taken as the funder
    funding = _at(rules("Kenya accused Eritrea of funding the coalition of warlords."), "funding")
    assert funding.type == "AID"
    assert _codes(funding.actors) == ["ERI"]


def test_the_act_by_which_the_charge_is_committed(read: Callable[[str], Document]) -> None:
    # "of committing crimes by shelling villages": the shelling is Russia's, not the Red Cross's
    doc = read("The Red Cross accused Russia of committing crimes by shelling villages in "
               "Chechnya.")
    shelling = _at(doc, "shelling")
    assert shelling.type == "ASSAULT"
    assert _codes(shelling.actors) == ["RUS"]
    accused = _at(doc, "accused")  # the accusation itself is unchanged
    assert (_codes(accused.actors), _codes(accused.recipients)) == (["NSANGO"], ["RUS"])


def test_a_denial_keeps_its_own_subject(rules: Callable[[str], Document]) -> None:
    # no accusing verb: the one who denies funding is the funder named (unchanged)
    funding = _at(rules("Eritrea denied funding the coalition of warlords."), "funding")
    assert _codes(funding.actors) == ["ERI"]


def test_the_deed_a_charged_gerund_does(rules: Callable[[str], Document]) -> None:
    # "of giving support": the support is Syria's, the accused, not Israel's, the accuser
    support = _at(rules("Israel accused Syria of giving support to the militants."), "support")
    assert _codes(support.actors) == ["SYR"]


def test_the_learned_coder_never_gives_the_charged_deed_to_the_accuser() -> None:
    # the same sentence, learned coder: since round 57's tagger (docs/events-learned.md) it
    # codes the accusation alone (the guideline codes an alleged act only where the text tells
    # it as done); where it codes the deed, the deed is still Syria's
    doc = _reader("learned")("Israel accused Syria of giving support to the militants.")
    assert [e.type for e in doc.events if e.trigger.text == "accused"] == ["ACCUSE"]
    for event in doc.events:
        if event.trigger.text == "support":
            assert _codes(event.actors) == ["SYR"]


def test_an_occasion_is_no_charge(read: Callable[[str], Document]) -> None:
    # "arrested for a phone call": a noun of no crime type after "for" names the occasion; the
    # man arrested is not made the actor of a call (the rule reads clauses, not such nouns)
    doc = read("Police arrested the man for a phone call he made to the mayor's office.")
    for event in doc.events:
        if event.trigger.text == "phone call":
            assert "USACVL" not in _codes(event.actors)
