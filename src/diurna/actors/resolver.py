"""Placeholder resolver (to be replaced by the dictionary-based one)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from diurna.model import Document


class ActorResolver:
    name = "actors"

    def __init__(self, extra_files: Iterable[str | Path] = ()) -> None:
        self.extra_files = [Path(p) for p in extra_files]

    def __call__(self, doc: Document) -> Document:
        return doc
