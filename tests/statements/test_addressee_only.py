"""A speech or inquiry verb whose whole complement is a person ("questioned the driver",
"interviewed the minister", "asked him") names who was spoken to, not what was said: no
statement candidate is offered, to the rules or to the learned check (docs/quotes.md part 17).
A claim questioned, a request ("asked for calm"), a question reported ("asked whether …") and
a stance on a person ("endorsed Obama") are still offered (sentences written by us)."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, extract_quotes


def _offered(text: str, cue: str) -> list[str]:
    """The contents every candidate at ``cue`` would have, with a check that admits all."""
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    record: list[tuple[Quote, bool]] = []
    quotes = extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), record=record,
                            check=lambda doc, cands: [True] * len(cands))
    return [q.text for q in quotes if q.cue is not None and q.cue.text == cue]


@pytest.mark.parametrize(("text", "cue"), [
    ("Police questioned the driver for two hours.", "questioned"),
    ("Reporters interviewed the minister.", "interviewed"),
    ("The police asked him.", "asked"),
    ("Detectives interrogated John Smith on Tuesday.", "interrogated"),
    ("The spokesman told reporters.", "told"),
])
def test_a_person_spoken_to_is_no_statement(text: str, cue: str) -> None:
    assert _offered(text, cue) == []


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The opposition questioned the claim.", "questioned", "the claim"),
    ("The minister questioned the figures.", "questioned", "the figures"),
    ("The mayor asked for calm.", "asked", "for calm"),
    ("She asked whether the bridge was safe.", "asked", "whether the bridge was safe"),
    ("The senator endorsed Obama.", "endorsed", "Obama"),
    ("The spokesman told reporters that the talks had failed.", "told",
     "the talks had failed"),
])
def test_what_was_said_is_still_offered(text: str, cue: str, content: str) -> None:
    assert _offered(text, cue) == [content]
