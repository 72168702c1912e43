"""Placeholder (to be replaced)."""

from __future__ import annotations

from diurna.model import Document


class TimeResolver:
    name = "time"

    def __call__(self, doc: Document) -> Document:
        return doc
