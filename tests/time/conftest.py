from __future__ import annotations

from tests.places.conftest import seed_doc, seed_document

__all__ = ["seed_doc", "seed_document"]
