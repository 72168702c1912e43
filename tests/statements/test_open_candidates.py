"""Candidates the statements stage offers the learned check beyond a verb's clause or object
(docs/quotes.md part 11): a verb's phrase ("warned of a collapse"), the object of a verb the
rules accept only with a clause ("confirmed the launch"), and the subject of a passive with an
agent ("The plan was rejected by the opposition"). The rules alone never take them; the check
decides (sentences written by us)."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements.learned import cue_token, features
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import CandidateCheck, Statements, extract_quotes

CASES = [
    ("The dairy union warned of a collapse of the industry.", "warned",
     "of a collapse of the industry"),
    ("Taiwan's president apologized for the corruption scandal.", "apologized",
     "for the corruption scandal"),
    ("The ministry confirmed the launch of the satellite.", "confirmed",
     "the launch of the satellite"),
    ("The plan was rejected by the opposition leaders.", "rejected", "The plan"),
]


def _run(text: str, check: CandidateCheck | None,
         record: list[tuple[Quote, bool]] | None = None) -> list[Quote]:
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    return extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), record=record,
                          check=check)


def _at(quotes: list[Quote], cue: str) -> list[str]:
    return [q.text for q in quotes if q.cue is not None and q.cue.text == cue]


@pytest.mark.parametrize(("text", "cue", "content"), CASES)
def test_the_check_is_offered_the_candidate(text: str, cue: str, content: str) -> None:
    record: list[tuple[Quote, bool]] = []
    admitted = _run(text, lambda doc, cands: [True] * len(cands), record)
    assert _at(admitted, cue) == [content]
    # offered as another verb's candidate, not the rules': the check must be sure to add it
    assert [rule for q, rule in record if q.cue is not None and q.cue.text == cue] == [False]


@pytest.mark.parametrize(("text", "cue", "content"), CASES)
def test_the_rules_alone_do_not_take_it(text: str, cue: str, content: str) -> None:
    assert _at(_run(text, None), cue) == []
    refused = _run(text, lambda doc, cands: [False] * len(cands))
    assert _at(refused, cue) == []


def test_an_admitted_phrase_gets_the_verbs_subject_as_speaker() -> None:
    quotes = _run(CASES[0][0], lambda doc, cands: [True] * len(cands))
    warned = [q for q in quotes if q.cue is not None and q.cue.text == "warned"]
    assert warned[0].speaker is not None and warned[0].speaker.text == "The dairy union"


def test_the_check_reads_the_verb_with_its_preposition() -> None:
    doc = Document(id="t", source="test", text=CASES[0][0], published="2018-02-15")
    Language()(doc)
    record: list[tuple[Quote, bool]] = []
    extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), record=record)
    q = next(q for q, _ in record if q.cue is not None and q.cue.text == "warned")
    cue = cue_token(q, doc.nlp)
    assert "lemma_prep=warn|of" in features(q, cue, doc.nlp, rule=False, nested=False)
