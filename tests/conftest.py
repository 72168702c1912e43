"""Shared fixtures: paths into the shared folder (read from there, never copied)."""

from __future__ import annotations

from collections.abc import Callable
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


@pytest.fixture()
def read_only_files(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to have every plain SQLite open from then on made as SQLite makes a file the user
    may not write (chmod does not stop root, which runs these tests here); a URI open, such as
    the readers' ``mode=ro``, is left as it is."""
    import sqlite3

    real = sqlite3.connect

    def read_only(database: str | Path, **kwargs: object) -> sqlite3.Connection:
        if kwargs.get("uri"):
            return real(database, **kwargs)  # type: ignore[arg-type]
        return real(f"file:{database}?mode=ro", uri=True, **kwargs)  # type: ignore[arg-type]

    return lambda: monkeypatch.setattr(sqlite3, "connect", read_only)


@pytest.fixture()
def one_event_db(tmp_path: Path) -> Path:
    """A store of this version holding one document with one CONSULT event ("met") and one
    rejection (``b.png``, binary)."""
    from diurna.model import Document, Event, Span
    from diurna.store import Store

    db = tmp_path / "shared.db"
    doc = Document(id="0123456789abcdef", source="a.txt", text="Envoys met in Geneva.")
    doc.events = [Event(id=f"{doc.id}:0", type="CONSULT", trigger=Span(7, 10, "met"),
                        sentence=Span(0, 21, doc.text))]
    with Store(db) as store:
        store.save(doc)
        store.save(Document(id="d2", source="b.png", rejected="binary"))
    return db
