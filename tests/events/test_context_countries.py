"""Context parties' countries (session 41, brief A7): an unnamed party does not take the country
of the party it acts on when the story is set elsewhere, news outlets do not set the context,
and an organisation named in more than one word takes the context country as a person does."""

from __future__ import annotations

from helpers import actor as _actor

from diurna.events.arguments import context_parties
from diurna.model import Document, Event, Mention, Span


def _doc(sentences: list[str], coded: dict[str, str], uncoded: dict[str, str]) -> Document:
    """A document of ``sentences`` with a coded mention at every occurrence of ``coded``'s
    phrases and an uncoded one (of the given entity label) at ``uncoded``'s first occurrence."""
    text = " ".join(sentences)
    doc = Document(id="d", source="s", text=text)
    spans, start = [], 0
    for s in sentences:
        spans.append(Span(start, start + len(s), s))
        start += len(s) + 1
    doc.sentences = spans
    mentions = []
    for phrase, code in coded.items():
        at = text.find(phrase)
        while at >= 0:
            mentions.append(Mention(at, at + len(phrase), phrase, actor=_actor(code), label="ORG"))
            at = text.find(phrase, at + 1)
    for phrase, label in uncoded.items():
        at = text.index(phrase)
        mentions.append(Mention(at, at + len(phrase), phrase, label=label))
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    return doc


def _event(doc: Document, etype: str, trigger: str, actors: list[str],
           recipients: list[str]) -> Event:
    """An event of the last sentence with the mentions of those texts as its parties."""
    sent = doc.sentences[-1]
    t = doc.text.index(trigger, sent.start)
    by_text = {m.text: m for m in doc.mentions if m.start >= sent.start}
    return Event(id="e", type=etype, trigger=Span(t, t + len(trigger), trigger), sentence=sent,
                 actors=[by_text[a] for a in actors],
                 recipients=[by_text[r] for r in recipients])


def _codes(ms: list[Mention]) -> list[str | None]:
    return [m.actor.cameo if m.actor is not None else None for m in ms]


def test_an_unnamed_party_does_not_take_the_country_of_a_foreign_party_it_acts_on() -> None:
    """In a story set in Iraq, "The Sheik invited US Marines": the US is the party invited, not
    the Sheik's state; he takes the story's country. (The old step gave USA.)"""
    doc = _doc(["Iraq held talks.", "Iraq voted.", "Iraq and Iraq agreed.",
                "US Marines patrolled the town.", "The Sheik invited US Marines to lunch."],
               {"Iraq": "IRQ", "US Marines": "USAMIL"}, {"Sheik": "PERSON"})
    (read,) = context_parties(doc, [_event(doc, "REQUEST", "invited", ["Sheik"],
                                           ["US Marines"])])
    assert _codes(read.actors) == ["IRQ"]
    assert read.actors[0].actor is not None and read.actors[0].actor.kind == "context"


def test_in_a_story_set_in_the_other_partys_state_the_context_country_stays() -> None:
    """Guard: "Goudkamp criticised the minister" in an Australian story: the minister's state is
    the story's own, so Goudkamp is Australian as before."""
    doc = _doc(["Australia held talks.", "Australia voted.", "The minister spoke.",
                "Goudkamp criticised the minister."],
               {"Australia": "AUS", "minister": "AUSGOV"}, {"Goudkamp": "PERSON"})
    (read,) = context_parties(doc, [_event(doc, "ACCUSE", "criticised", ["Goudkamp"],
                                           ["minister"])])
    assert _codes(read.actors) == ["AUS"]


def test_a_news_outlet_does_not_set_the_context_country() -> None:
    """"While speaking with Reuters, Saleh said ...": Reuters (British media) is where the
    story is told, not where it is set; Saleh takes the story's country, Sudan. (Old: GBR.)"""
    doc = _doc(["Sudan held talks.", "Sudan voted.", "The rebels met.",
                "While speaking with Reuters, Saleh said the AU must leave."],
               {"Sudan": "SDN", "Reuters": "GBRMED", "AU": "IGOAFU"}, {"Saleh": "PERSON"})
    (read,) = context_parties(doc, [_event(doc, "DEMAND", "must leave", ["Saleh"], ["AU"])])
    assert _codes(read.actors) == ["SDN"]


def test_an_organisation_named_in_several_words_takes_the_context_country() -> None:
    """"The National Police Agency has banned ...", uncoded and labelled an organisation, is a
    party of the story's state, South Korea (old: left uncoded); a one-word organisation
    ("KLM") is still left uncoded, as often a surname or an acronym of no country."""
    doc = _doc(["South Korea held talks.", "South Korea voted.",
                "The National Police Agency has banned KLM."],
               {"South Korea": "KOR"},
               {"The National Police Agency": "ORG", "KLM": "ORG"})
    (read,) = context_parties(doc, [_event(doc, "COERCE", "banned",
                                           ["The National Police Agency"], ["KLM"])])
    assert _codes(read.actors) == ["KOR"]
    assert _codes(read.recipients) == [None]
