"""Placeholder (to be replaced)."""

from __future__ import annotations

from diurna.model import Document


class EventCoder:
    name = "events"

    def __call__(self, doc: Document) -> Document:
        return doc
