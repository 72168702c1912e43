"""Shared by the statements tests that read one sentence written by us: its statements with the
shipped learned check, and those at one cue."""

from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, extract_quotes, learned_check


def quotes_of(text: str) -> list[Quote]:
    """The statements the stage finds in ``text`` (parsed, the shipped check on)."""
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    return extract_quotes(doc, MentionFinder(doc, Statements()._resolver()),
                          check=learned_check)


def at_cue(quotes: list[Quote], cue: str) -> list[Quote]:
    """The statements whose cue reads exactly ``cue``."""
    return [q for q in quotes if q.cue is not None and q.cue.text == cue]
