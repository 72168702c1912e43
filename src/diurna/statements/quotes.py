"""Placeholder (to be replaced)."""

from __future__ import annotations

from diurna.model import Document


class Statements:
    name = "statements"

    def __call__(self, doc: Document) -> Document:
        return doc
