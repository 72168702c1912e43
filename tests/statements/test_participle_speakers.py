"""Speakers of statements carried by a participle on a noun ("a letter confirming that …",
"made a statement condemning …"): the noun speaks, or the subject of the verb whose object it
is (sentences written by us)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from diurna.model import Quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _speaker_of(quotes: list[Quote], cue: str) -> str | None:
    q = next(q for q in quotes if q.cue is not None and q.cue.text == cue)
    return q.speaker.text if q.speaker is not None else None


@pytest.mark.parametrize(("text", "cue", "expected"), [
    # the participle's noun is a subject or the object of a preposition: the noun speaks
    ("The archive holds a letter from the ministry confirming that the mine was sold in 1998.",
     "confirming", "a letter"),
    ("Envoys from nine countries arrived on Monday, demanding that the government release "
     "the prisoners.", "demanding", "Envoys"),
])
def test_a_participle_on_a_noun_names_its_noun(text: str, cue: str, expected: str) -> None:
    got = _speaker_of(make_doc(text).quotes, cue)
    assert got is not None and expected.split()[-1] in got


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Senator Ruth Abernathy issued a statement condemning the closure of the hospital.",
     "condemning", "Abernathy"),
    ("Judge Carlos Mendes wrote a dissent saying that the law should not be overturned.",
     "saying", "Mendes"),
])
def test_a_participle_on_an_object_names_the_subject_of_its_verb(text: str, cue: str,
                                                                  expected: str) -> None:
    got = _speaker_of(make_doc(text).quotes, cue)
    assert got is not None and got.endswith(expected)


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # "…," added Lindqvist / "…?" asked an angry Moreau: the name after the verb speaks
    ("“We must settle this within weeks, but the fact is there are two roads,” added "
     "Lindqvist.", "added", "Lindqvist"),
    ("“Is there nobody else to ask?” asked an angry Moreau.", "asked", "Moreau"),
    # no quotation before the verb, or the name does not end the clause: nothing
    ("Officials said Moreau had left the country.", "said", None),
    ("“We will stay,” said Moreau's lawyer on Monday.", "said", None),
])
def test_a_name_after_a_verb_that_follows_a_quotation(text: str, verb: str,
                                                      expected: str | None) -> None:
    from diurna.statements.quotes import _inverted_speaker

    tok = next(t for t in _parse(text) if t.text == verb)
    got = _inverted_speaker(tok)
    assert (got.text if got is not None else None) == expected


def test_who_as_a_speaker_stands_for_the_name_before_it() -> None:
    from diurna.statements.quotes import _relative_antecedent

    doc = make_doc("The host pressed Okonkwo who then stated that the border would stay shut.")
    parsed_who = [t for t in _parse(doc.text) if t.lower_ == "who"][0]
    assert _relative_antecedent(parsed_who).text == "Okonkwo"


def _parse(text: str) -> Any:
    from diurna.language import Language
    from diurna.model import Document

    d = Document(id="t", source="test", text=text)
    Language()(d)
    return d.nlp


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Okafor said that the army, not the foreign force, should police the border with its "
     "neighbour, saying that troops on that border would be unprecedented.", "saying", "Okafor"),
])
def test_a_closing_participle_hung_in_the_reported_clause_is_the_reporters(
        text: str, cue: str, expected: str) -> None:
    got = _speaker_of(make_doc(text).quotes, cue)
    assert got is not None and got.endswith(expected)


def test_the_one_quoted_in_a_passive_speaks_not_the_outlet_in_brackets() -> None:
    doc = make_doc("Dr Amira Haddad of the Climatic Research Unit is quoted (BBC News) as "
                   "saying: \"The data also show that the river is the highest since 1880,\"")
    q = next(q for q in doc.quotes if q.kind == "direct")
    assert q.speaker is not None and q.speaker.text.endswith("Haddad")


@pytest.mark.parametrize(("text", "expected"), [
    # a speech verb in a relative clause: the noun the clause hangs on speaks, whichever
    # relative pronoun opens it (the tagger's WP/WDT, statements.quotes._relative_pronoun)
    ("Rex Tillerson, who said that Iran must leave Syria, met Turkish officials on Friday.",
     "Rex Tillerson"),
    ("The ministry, which said that the border would stay closed, gave no date.",
     "The ministry"),
    ("Officials released a report that said the army had withdrawn from the town.",
     "a report"),
    # a complementiser "that" (IN) is not a relative pronoun: the subject speaks
    ("The minister said that the talks would resume on Monday.", "The minister"),
])
def test_a_relative_clause_speaks_for_its_noun(text: str, expected: str) -> None:
    assert _speaker_of(make_doc(text).quotes, "said") == expected
