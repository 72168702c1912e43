"""Session 40, brief A3 (docs/events-arguments.md, "Round (session 40, brief A3)"): recipients
read from the act a refusal or offer names, from a thing object's "with"-party, from "to" after
an apology or a handover, from who escapes an attack, and from a person named by a title.
Sentences written for these tests; each code read by hand against docs/annotation-events.md
(the recipient is the party the act is directed at). Each positive case had no recipient
before; each guard is its near neighbour that must stay without one."""

from __future__ import annotations

import pytest
from helpers import actor as _actor
from helpers import code_prefixes as _prefixes
from helpers import one_event as _event

from diurna.events.arguments import context_parties
from diurna.model import Document, Entity, Event, Mention, Span


@pytest.mark.parametrize("sentence, etype, trigger, actor, recipient", [
    # the object of the refused act is the one refused
    ("The Bolivian government refused to recognize Chile.", "REJECT", "refused", "BOL", "CHL"),
    # the "with"-party of the offered act is the one it is offered to
    ("Russian authorities offered to cooperate with the Ukrainian government.", "AGREE",
     "offered", "RUS", "UKR"),
    # a thing object's "with"-party: the talks ruled out are talks with Washington
    ("Iran's supreme leader ruled out any talks with Washington.", "REJECT", "ruled out",
     "IRN", "USA"),
    # "to" after an apology names who is apologised to
    ("Russia apologised to Finland for the incident.", "SUPPORT", "apologised", "RUS", "FIN"),
    # "to" after a handover names who takes it over
    ("Turkey handed over command of the peacekeeping force to Italian troops.", "RETREAT",
     "handed over", "TUR", "ITA"),
])
def test_the_party_an_act_is_done_to_is_its_recipient(
        sentence: str, etype: str, trigger: str, actor: str, recipient: str) -> None:
    event = _event(sentence, etype, trigger)
    assert _prefixes(event.actors) == [actor]
    assert _prefixes(event.recipients) == [recipient]


def test_who_escapes_an_attack_is_its_recipient() -> None:
    # the subject of "escaped" undergoes the attack its object names, as with "faced criticism"
    event = _event("The Pakistani interior minister narrowly escaped a suicide bomb attack on "
                   "Friday.", "ASSAULT", "bomb attack")
    assert _prefixes(event.recipients) == ["PAK"]
    assert _prefixes(event.actors) == []


@pytest.mark.parametrize("sentence, etype, trigger, actor", [
    # the refused act names no party: no recipient
    ("The Kenyan government refused to hold talks.", "REJECT", "refused", "KEN"),
    ("Peru offered to build new schools.", "AGREE", "offered", "PER"),
    # "to" a place after a withdrawal is where they went, not to whom
    ("The Syrian troops withdrew to Damascus.", "RETREAT", "withdrew", "SYR"),
    # the subject of "launched" (not an undergoing verb) does the attack: its actor only
    ("Pakistani militants launched a suicide bomb attack on Friday.", "ASSAULT", "launched",
     "PAK"),
])
def test_an_act_naming_no_party_gives_no_recipient(
        sentence: str, etype: str, trigger: str, actor: str) -> None:
    event = _event(sentence, etype, trigger)
    assert _prefixes(event.actors) == [actor]
    assert _prefixes(event.recipients) == []


def test_a_titled_name_is_a_person_whatever_its_label_a_bare_surname_is_not() -> None:
    """"Mr Swaelen" (labelled ORG by the tagger) is a person by his title: uncoded, so he takes
    the context country as a PERSON pick does. "Corby" alone (labelled ORG), though Schapelle
    Corby is named in full earlier, and "Comelec" stay uncoded: a bare surname is not read as a
    person (session 41)."""
    text = ("Canberra said. Schapelle Corby was arrested in Bali. "
            "Judges sentenced Corby. Mr Swaelen praised Comelec.")
    at = text.index
    canberra = Mention(0, 8, "Canberra", actor=_actor("AUS"), label="GPE")
    corby = Mention(at("Corby", at("Judges")), at("Corby", at("Judges")) + 5, "Corby",
                    label="ORG")
    swaelen = Mention(at("Mr Swaelen"), at("Mr Swaelen") + 10, "Mr Swaelen", label="ORG")
    comelec = Mention(at("Comelec"), at("Comelec") + 7, "Comelec", label="ORG")
    doc = Document(id="d", source="s", text=text)
    doc.mentions = [canberra, corby, swaelen, comelec]
    doc.entities = [Entity(at("Schapelle"), at("Schapelle") + 15, "Schapelle Corby",
                           label="PERSON")]
    bounds = [(0, 14), (15, 52), (53, 76), (77, len(text))]
    doc.sentences = [Span(s, e, text[s:e]) for s, e in bounds]

    def event(etype: str, trigger: str, sent: int, actors: list[Mention],
              recips: list[Mention]) -> Event:
        t = at(trigger)
        return Event(id=f"d:{sent}", type=etype, trigger=Span(t, t + len(trigger), trigger),
                     sentence=doc.sentences[sent], actors=actors, recipients=recips)

    sentenced, praised = context_parties(doc, [
        event("ACCUSE", "sentenced", 2, [], [corby]),
        event("SUPPORT", "praised", 3, [swaelen], [comelec])])
    assert sentenced.recipients == [corby] and corby.actor is None
    assert [(m.text, m.actor.cameo) for m in praised.actors if m.actor] == [
        ("Mr Swaelen", "AUS")]
    assert praised.recipients == [comelec] and comelec.actor is None
