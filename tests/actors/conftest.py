"""Fixtures for the actors stage: one resolver and one parsed seed page per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from diurna.actors import ActorResolver
from diurna.language import Language
from diurna.model import Document


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.fixture(scope="session")
def language() -> Language:
    return Language()


@pytest.fixture(scope="session")
def resolve(language: Language, resolver: ActorResolver) -> Callable[[str], Document]:
    """Parse a text and resolve its actors (language stage + actors stage)."""

    def run(text: str) -> Document:
        doc = Document.from_paragraphs("test", "<test>", text.split("\n\n"))
        return resolver(language(doc))

    return run


@pytest.fixture(scope="session")
def phrase_code(resolve: Callable[[str], Document], resolver: ActorResolver
                ) -> Callable[[str, str], str | None]:
    """The code ``resolve_span`` gives a phrase of a text: its first occurrence after the "|"
    marker, if the text has one ("|Casey added": the later "Casey"), else in the whole text."""

    def run(text: str, phrase: str) -> str | None:
        mark = text.find("|")
        text = text.replace("|", "")
        doc = resolve(text)
        at = text.index(phrase, max(mark, 0))
        m = resolver.resolve_span(doc, at, at + len(phrase))
        return m.actor.cameo if m is not None and m.actor is not None else None

    return run


@pytest.fixture(scope="session")
def seed(seed_path: Path, language: Language, resolver: ActorResolver) -> Document:
    """The seed page read by the page stage, parsed and resolved (parse kept for resolve_span)."""
    from diurna.page import RawInput, read_page

    doc = read_page(RawInput(str(seed_path), seed_path.read_bytes()), published="2018-02-15")
    return resolver(language(doc))
