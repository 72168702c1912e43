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


def test_phrase_without_its_clauses() -> None:
    """``without_clauses``: the head's phrase with relative, adjectival and adverbial clauses
    cut, in text order (what step 5 of ``for_token`` resolves)."""
    from diurna.statements.mentions import without_clauses

    doc, _ = _finder("A spokesman for the ministry, who declined to be named, said talks failed.")
    assert doc.nlp is not None
    spokesman = next(t for t in doc.nlp if t.text == "spokesman")
    words = [t.text for t in without_clauses(spokesman)]
    assert words[:5] == ["A", "spokesman", "for", "the", "ministry"]
    assert not {"who", "declined", "named"} & set(words)
    assert [t.i for t in without_clauses(spokesman)] == sorted(t.i for t in without_clauses(
        spokesman))
