"""Placeholder (to be replaced)."""

from __future__ import annotations

from diurna.model import Document


class PlaceResolver:
    name = "places"

    def __call__(self, doc: Document) -> Document:
        return doc
