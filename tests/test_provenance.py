"""Every extracted value points back into the body text it came from."""

from __future__ import annotations

from diurna.model import Document, Span


def all_spans(doc: Document) -> list[Span]:
    spans: list[Span] = [
        *doc.sentences,
        *doc.entities,
        *doc.mentions,
        *doc.quotes,
        *doc.times,
        *doc.places,
    ]
    for q in doc.quotes:
        spans += [s for s in (q.speaker, q.cue) if s is not None] + list(q.sources)
    for e in doc.events:
        spans += [e.trigger, e.sentence, *e.actors, *e.recipients]
        spans += [s for s in (e.source, e.date, e.place) if s is not None]
    return spans


def test_headline_places_point_into_their_field(seed_doc: Document) -> None:
    assert {p.field for p in seed_doc.headline_places} == {"title", "dek"}
    for place in seed_doc.headline_places:
        assert seed_doc.field_text(place.field)[place.start : place.end] == place.text
    assert all(p.field == "body" for p in seed_doc.places)


def test_every_span_matches_the_body(seed_doc: Document) -> None:
    spans = all_spans(seed_doc)
    assert len(spans) > 50
    for span in spans:
        assert seed_doc.text[span.start : span.end] == span.text, span


def test_document_id_is_the_content_hash(seed_doc: Document, seed_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    assert seed_doc.id == hashlib.sha256(seed_path.read_bytes()).hexdigest()[:16]
