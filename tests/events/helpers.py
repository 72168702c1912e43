"""Test helpers: the seed page body and hand-built actor mentions (the actors stage's output)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from diurna.evaluate.gold import shared_dir
from diurna.model import Actor, Document, Event, Mention

# Hand-checked codes for the seed page's actor phrases (docs/annotation convention).
SEED_ACTORS: dict[str, str] = {
    "Ali Akbar Velayati": "IRNGOV",
    "Velayati": "IRNGOV",
    "Khamenei’s top advisor": "IRNGOV",
    "Ayatollah Ali Khamenei": "IRNGOV",
    "Secretary of State Rex Tillerson": "USAGOV",
    "Tillerson": "USAGOV",
    "Ayman Safadi": "JORGOV",
    "the US-led coalition": "USAMIL",
    "The US-led coalition": "USAMIL",
    "the Iranian-backed forces": "IRNPRX",
    "the Syrian Arab Army": "SYRMIL",
    "SAA": "SYRMIL",
    "SDF": "SYRREB",
    "the Damascus government": "SYRGOV",
    "the Syrian government": "SYRGOV",
    "the Iranian Mehr News Agency": "IRNMED",
    "the US": "USA",
    "Iran": "IRN",
    "Iranian": "IRN",
    "Israel": "ISR",
}


@lru_cache(maxsize=1)
def seed_body() -> str:
    """The seed page's article body (between the dek and the donation appeal), read from shared."""
    text = (shared_dir() / "corpus" / "seed-page.txt").read_text(encoding="utf-8")
    start = text.index("On February 14")
    end = text.index("Do you like this content")
    paras = [p.strip() for p in text[start:end].split("\n\n") if p.strip()]
    return "\n\n".join(paras)


def actor(code: str) -> Actor:
    country = None if code.startswith(("IGO", "NSA")) else code[:3]
    sector = code[3:] or None
    return Actor(id=code, name=code, country=country, sector=sector, cameo=code)


def add_mentions(doc: Document, table: dict[str, str]) -> Document:
    """Mentions for every whole-word occurrence of the table's phrases, longest first."""
    taken: list[tuple[int, int]] = []
    mentions = []
    for phrase in sorted(table, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?!\w)", doc.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(Mention(m.start(), m.end(), m.group(), actor=actor(table[phrase]),
                                    label="ENT"))
    doc.mentions = sorted(mentions, key=lambda x: x.start)
    return doc


def make_doc(text: str, table: dict[str, str] | None = None, doc_id: str = "t") -> Document:
    from diurna.language import Language
    from diurna.statements import Statements

    doc = Document(id=doc_id, source="test", text=text, published="2018-02-15")
    Language()(doc)
    add_mentions(doc, table or {})
    Statements()(doc)
    return doc


@lru_cache(maxsize=1)
def _stages_before_events() -> tuple[Any, ...]:
    from diurna.pipeline import Pipeline

    return tuple(c for c in Pipeline.default(coder="rules").components
                 if c.name in {"language", "actors", "statements"})


def before_events(text: str) -> Document:
    """One paragraph (published 2024-03-01) through the stages before the events stage (parse,
    actors, statements), with its parse kept: what the event steps read."""
    doc = Document.from_paragraphs("t", "<test>", [text], published="2024-03-01")
    for stage in _stages_before_events():
        doc = stage(doc)
    return doc


@lru_cache(maxsize=1)
def _default_pipeline() -> Any:
    from diurna.pipeline import Pipeline

    return Pipeline.default()


def read_paragraph(text: str) -> Document:
    """The default pipeline's reading of the one paragraph ``text``, published 2008-03-01."""
    doc = Document.from_paragraphs("t", "<test>", [text], published="2008-03-01")
    read: Document = _default_pipeline()(doc)
    return read


def one_event(text: str, etype: str, trigger: str) -> Event:
    """The one ``etype`` event with trigger text ``trigger`` the default pipeline reads in the
    paragraph ``text``; fails, listing what it read, if not exactly one."""
    events = read_paragraph(text).events
    found = [e for e in events if e.type == etype and e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def code_prefixes(mentions: list[Mention]) -> list[str]:
    """The country prefixes of the coded mentions, in order."""
    return [m.actor.cameo[:3] for m in mentions if m.actor is not None and m.actor.cameo]


def cameos(mentions: list[Mention]) -> list[str | None]:
    """Each mention's code, None where it has none, in order."""
    return [m.actor.cameo if m.actor is not None else None for m in mentions]


def event_at(doc: Document, trigger: str) -> Event:
    """The one event of ``doc`` with trigger text ``trigger``; fails, listing what was read, if
    not exactly one."""
    found = [e for e in doc.events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in doc.events]
    return found[0]


def paragraph_reader(coder: str, args: str | None = None) -> Callable[[str], Document]:
    """A reader of one paragraph (published 2024-03-01) through the default pipeline with the
    events coder ``coder``: the argument steps are shared, so tests run over both coders.
    ``args`` (``--args``) is the default attachment unless given."""
    from diurna.pipeline import Pipeline

    pipeline = (Pipeline.default(coder=coder) if args is None
                else Pipeline.default(coder=coder, args=args))

    def run(text: str) -> Document:
        return pipeline(Document.from_paragraphs("t", "<test>", [text], published="2024-03-01"))

    return run
