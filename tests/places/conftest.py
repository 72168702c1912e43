from __future__ import annotations

import pytest

from diurna.evaluate.gold import base_text, shared_dir
from diurna.language import Language
from diurna.model import Document, Event, Mention, Place, Span
from diurna.places import PlaceResolver
from diurna.time import TimeResolver


def _sentence_of(doc: Document, pos: int) -> Span:
    return next(s for s in doc.sentences if s.start <= pos < s.end)


def seed_document(published: str | None = "2018-02-15") -> Document:
    """The seed page with two hand-built events, run through language → time → places."""
    if not (shared_dir() / "corpus" / "seed-page.txt").exists():
        pytest.skip("shared corpus not available")
    text = base_text("corpus/seed-page.txt")
    doc = Language()(Document(id="seed", source="corpus/seed-page.txt", text=text,
                              published=published))
    call = text.index("called on the US")
    velayati = text.index("Ali Akbar Velayati")
    attack = text.index("attack of the Iranian-backed")
    doc.events = [
        Event(id="e1", type="DEMAND", trigger=doc.span(call, call + len("called on")),
              sentence=_sentence_of(doc, call),
              actors=[Mention(velayati, velayati + 18, text[velayati:velayati + 18],
                              label="PERSON")]),
        Event(id="e2", type="ASSAULT", trigger=doc.span(attack, attack + len("attack")),
              sentence=_sentence_of(doc, attack)),
    ]
    TimeResolver()(doc)
    PlaceResolver()(doc)
    return doc


@pytest.fixture(scope="session")
def seed_doc() -> Document:
    return seed_document()


@pytest.fixture(scope="module")
def places_of() -> object:
    """Run a text through the language stage and the place resolver: its places, in text order
    (``test_recognize.py`` has its own, which returns them by name)."""
    language, resolver = Language(), PlaceResolver()

    def run(text: str) -> list[Place]:
        doc = language(Document(id="t", source="t", text=text, language="en"))
        return resolver.resolve(doc)

    return run
