"""Round 21b (issue #12): "cannot" says what a party is unable to do, which is a refusal only of
something put to it (docs/annotation-events.md §3, REJECT: "refusing a demand, offer or
proposal"); and an attack's weapon, named in its own clause, gives the ASSAULT's mode
(plover.yaml's weapon modes by their cue words). Each expected reading was checked by hand
against the guideline; the sentences are invented, modelled on dev5's."""

from __future__ import annotations

import pytest
from helpers import make_doc

from diurna.events import EventCoder
from diurna.events.coder import weapon_mode
from diurna.events.learned import with_clause_modes

PARTIES = {"General Sonthi": "THAMIL", "The military": "THAMIL", "Iran": "IRN",
           "the Israelis": "ISR"}


def rejects(text: str) -> list[str]:
    doc = EventCoder()(make_doc(text, PARTIES))
    return [e.trigger.text for e in doc.events if e.type == "REJECT"]


@pytest.mark.parametrize("text", [
    '"We cannot impound the money without evidence," General Sonthi said.',
    '"We cannot tell the Israelis what is best for them," General Sonthi said.',
    'General Sonthi said: "The military cannot tolerate any leaders who lack loyalty."',
    "Iran said the suspect could not be extradited to the United States.",
    "Iran could not agree on the terms.",
])
def test_what_a_party_cannot_do_is_no_refusal(text: str) -> None:
    assert rejects(text) == []


@pytest.mark.parametrize("text", [
    '"We cannot accept these terms," General Sonthi said.',  # a proposal put to the speaker
    '"We will not accept these terms," General Sonthi said.',
    '"We will not tell the Israelis what is best for them," General Sonthi said.',
    'General Sonthi said: "The military will not tolerate any leaders who lack loyalty."',
    "Iran would not agree to the terms.",
])
def test_a_refusal_stays_a_reject(text: str) -> None:
    assert len(rejects(text)) == 1


def test_the_act_a_party_cannot_do_may_still_be_coded() -> None:
    """Without the false refusal the impounding itself is read (dev5's gold codes it COERCE)."""
    doc = EventCoder()(make_doc(
        '"We cannot impound the money without evidence," General Sonthi said.', PARTIES))
    assert [(e.type, e.trigger.text, e.negated) for e in doc.events] == [
        ("COERCE", "impound", True)]


@pytest.mark.parametrize(("text", "word", "mode"), [
    ("A suicide bomber has killed as many as 24 children in Iraq.", "killed", "suicide-attack"),
    ("A similar car bomb attack killed at least 34 children in Baghdad.", "attack", "explosives"),
    ("Seven men armed with guns invaded the camp and killed five members of the movement.",
     "killed", "firearms"),
    ("Two policemen were injured by a bomb in Kirkuk.", "injured", "explosives"),
    ("Gunmen opened fire on a bus in Karachi.", "opened", "firearms"),
    ("Artillery shelling killed four civilians.", "killed", "heavy-weapons"),
    ("Warplanes bombed the town overnight.", "bombed", "aerial"),  # the platform first
    ("The assassination of the mayor shocked the city.", "assassination", "assassinate"),
    # no weapon named: no mode (the victims of a passive are no one's weapon)
    ("Two soldiers were killed in Baghdad on Tuesday.", "killed", None),
    ("Rebels killed two soldiers in Baghdad on Tuesday.", "killed", None),
])
def test_the_weapon_named_in_the_clause_gives_the_mode(text: str, word: str,
                                                      mode: str | None) -> None:
    doc = make_doc(text)
    tok = next(t for t in doc.nlp if t.text == word)
    assert weapon_mode(tok, EventCoder().ontology) == mode


def test_the_learned_coder_fills_an_empty_assault_mode_only() -> None:
    doc = make_doc("A suicide bomber has killed as many as 24 children in Iraq.")
    onto = EventCoder().ontology
    i = next(t.i for t in doc.nlp if t.text == "killed")
    assert with_clause_modes(doc, {i: "ASSAULT"}, {i: None}, onto) == {i: "suicide-attack"}
    # a mode the mode head gave is kept
    assert with_clause_modes(doc, {i: "ASSAULT"}, {i: "explosives"}, onto) == {i: "explosives"}


def test_the_rule_coder_gives_the_weapon_mode() -> None:
    doc = EventCoder()(make_doc("A suicide bomber has killed as many as 24 children in Iraq.",
                                {"Iraq": "IRQ"}))
    killed = [e for e in doc.events if e.type == "ASSAULT"]
    assert [e.mode for e in killed] == ["suicide-attack"]
