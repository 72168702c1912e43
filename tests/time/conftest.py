from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Event, TimeExpr
from diurna.time import TimeResolver
from tests.places.conftest import seed_doc, seed_document

__all__ = ["dated_event", "found_nows", "found_times", "seed_doc", "seed_document"]


def found_times(text: str, published: str = "1998-10-21") -> dict[str, TimeExpr]:
    """The time expressions Diurna finds in ``text``, by their text (one sentence's worth)."""
    doc = Document(id="t", source="t", text=text, published=published)
    return {t.text: t for t in TimeResolver()(Language()(doc)).times}


def found_nows(text: str) -> list[str | None]:
    """The values of every "Now" Diurna finds in ``text`` (published 2008-03-10)."""
    return [t.value for t in found_times(text, published="2008-03-10").values()
            if t.text == "Now"]


def dated_event(text: str, trigger: str, type_: str, published: str = "2019-11-20"
                ) -> str | None:
    """The date value the time stage gives an event of ``type_`` whose trigger is the first
    ``trigger`` of the one-sentence ``text`` (None when it leaves the event undated)."""
    doc = Language()(Document(id="t", source="t", text=text, published=published))
    start = text.index(trigger)
    doc.events = [Event(id="e", type=type_, trigger=doc.span(start, start + len(trigger)),
                        sentence=doc.sentences[0])]
    TimeResolver()(doc)
    date = doc.events[0].date
    return date.value if date else None
