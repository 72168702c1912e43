"""Shared fixtures: paths into the shared folder (read from there, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.evaluate.gold import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    root = shared_dir()
    if not (root / "corpus" / "seed-page.txt").exists():
        pytest.skip(f"shared folder not found at {root} (set DIURNA_SHARED)")
    return root


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "corpus" / "seed-page.txt"


@pytest.fixture(scope="session")
def seed_doc(seed_path: Path):  # type: ignore[no-untyped-def]
    """The seed page processed once with the publication date the corpus README gives."""
    import diurna

    return diurna.process_file(str(seed_path), published="2018-02-15")


@pytest.fixture(scope="session")
def read_body():  # type: ignore[no-untyped-def]
    """Run the default pipeline (every stage after the page stage) on one paragraph of body
    text, published 2024-03-01: what a user gets for that sentence inside an article."""
    import diurna
    from diurna.model import Document

    def run(text: str, published: str = "2024-03-01") -> Document:
        doc = Document.from_paragraphs("t", "<test>", [text], published=published)
        return diurna.default_pipeline()(doc)

    return run
