"""MentionFinder: which mention a parse token stands for."""

from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Mention
from diurna.statements.mentions import MentionFinder


def _finder(text: str) -> tuple[Document, MentionFinder]:
    doc = Document(id="t", source="test", text=text)
    Language()(doc)

    def resolve_nothing(d: Document, start: int, end: int) -> Mention:  # knows no one
        return Mention(start, end, text[start:end], actor=None, label="NOUN")

    return doc, MentionFinder(doc, resolve=resolve_nothing)


def test_unresolved_phrase_with_apposition_is_the_phrase_not_the_apposition() -> None:
    doc, finder = _finder("Smith, a retired teacher, visited the ministry.")
    assert doc.nlp is not None
    smith = next(t for t in doc.nlp if t.text == "Smith")
    m = finder.for_token(smith)
    assert m.text == "Smith" and m.actor is None
