"""Fixtures for the API and browser tests: a database holding the seed page and a hostile page."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.model import Comment, Document

HOSTILE_TITLE = '<script>window.__pwned = "title"</script>Minister <b>attacks</b> rebels'
HOSTILE_BODY = (
    'On March 3, Syrian troops attacked rebels in Aleppo <img src=x onerror="window.__pwned='
    "'body'\">, officials said. <script>window.__pwned = 'script'</script>"
)
HOSTILE_COMMENT = "<svg onload=\"window.__pwned='comment'\"></svg><iframe src=javascript:alert(1)>"


@pytest.fixture(scope="session")
def hostile_doc(read_body) -> Document:  # type: ignore[no-untyped-def]
    """A page whose title, body and comment carry script tags and event-handler attributes,
    run through every stage after the page stage (so its spans are real)."""
    doc: Document = read_body(HOSTILE_BODY, published="2018-03-04")
    doc.id = "00000000000000ab"
    doc.source = "<hostile>"
    doc.title = HOSTILE_TITLE
    doc.comments = [Comment(index=0, text=HOSTILE_COMMENT, author='<img src=x onerror="1">')]
    for i, event in enumerate(doc.events):
        event.id = f"{doc.id}:{i}"
    return doc


@pytest.fixture(scope="session")
def api_db(
    tmp_path_factory: pytest.TempPathFactory, seed_doc: Document, hostile_doc: Document
) -> Path:
    from diurna.store import Store

    path = tmp_path_factory.mktemp("api") / "api.db"
    with Store(path) as store:
        assert store.save(seed_doc) == "stored"
        assert store.save(hostile_doc) == "stored"
    return path
