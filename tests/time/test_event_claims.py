"""``EventClaims`` (speed, session 49): the other events' trigger tokens read once per page
answer as the scan of every event :func:`own_clauses` made per call, for every event, for
events listed twice, for two events on one word and for an event the page does not list."""

from __future__ import annotations

from dataclasses import replace

from diurna.model import Document, Event
from diurna.pipeline import Pipeline
from diurna.time.resolver import EventClaims, own_clauses, tokens_in

TEXT = ("Police arrested 12 protesters in Cairo on Monday after thousands marched against the "
        "government. The minister condemned the bombing that killed four people at a hotel on "
        "Sunday, and the army attacked rebel positions on Tuesday. The opposition demanded "
        "elections and accused the president of fraud.")


def _scan(doc: Document, event: Event) -> frozenset[int]:
    assert doc.nlp is not None
    return frozenset(t.i for e in doc.events if e is not event
                     for t in tokens_in(doc.nlp, e.trigger.start, e.trigger.end))


def _parsed() -> Document:
    doc = Document.from_paragraphs("t", "<test>", [TEXT], published="2011-02-01")
    pipeline = Pipeline.default()
    for component in pipeline.components:  # (Pipeline.__call__ drops the parse at the end)
        doc = component(doc)
    return doc


def test_event_claims_answer_as_the_scan_of_every_event() -> None:
    doc = _parsed()
    assert len(doc.events) >= 4
    first = doc.events[0]
    # one event twice in the list, another on the first's word, and one not listed at all
    doc.events = [*doc.events, first, replace(first, id="t:copy")]
    stranger = replace(doc.events[1], id="t:stranger")
    claims = EventClaims(doc)
    for event in [*doc.events, stranger]:
        assert claims.others(event) == _scan(doc, event)
        assert own_clauses(doc, event, claims) == own_clauses(doc, event)
    doc.events = doc.events[:1]  # a page of one event: no other event's tokens
    assert EventClaims(doc).others(doc.events[0]) == frozenset()
