"""Pronoun speakers: "he"/"she" agree in gender with the person they name, "they" names a plural
body or coordinated people, and conflicting evidence leaves the pronoun unresolved (sentences
written by us)."""

from __future__ import annotations

from typing import Any

import pytest

from diurna.language import Language
from diurna.model import Document
from diurna.statements.mentions import person_gender, rule_antecedent


def _parse(text: str) -> Any:
    doc = Document(id="t", source="test", text=text)
    Language()(doc)
    assert doc.nlp is not None
    return doc.nlp


def _antecedent(text: str, pronoun: str) -> str | None:
    """The text of the entity/noun the last ``pronoun`` of ``text`` is resolved to."""
    parsed = _parse(text)
    tok = [t for t in parsed if t.text == pronoun][-1]
    got = rule_antecedent(tok)
    return None if got is None else str(got.text)


@pytest.mark.parametrize(("text", "pronoun", "expected"), [
    # a title: Mrs Okafor is a woman, so "he" is the earlier man
    ("Mr. Daniels met the press on Monday. Mrs. Okafor visited the ward. "
     "He said the hospital would close.", "He", "Daniels"),
    # a role noun in apposition: the spokeswoman is "she", not the later male subject
    ("Olga Tarrant, the spokeswoman, opened the briefing. Mr. Hollis answered a question. "
     "She said the talks would go on.", "She", "Tarrant"),
    # a first name from our list
    ("Sarah Whitcombe toured the factory. Later, David Mbeki left the region. "
     "She said the plant would reopen.", "She", "Whitcombe"),
    # an earlier "she" bound to the name ("Nakamura said she ...")
    ("Nakamura said she had read the report. Then Harlow spoke to the board. "
     "She said the report was wrong.", "She", "Nakamura"),
])
def test_he_and_she_name_a_person_of_their_gender(text: str, pronoun: str, expected: str
                                                  ) -> None:
    assert _antecedent(text, pronoun) == expected


def test_a_person_without_evidence_is_still_named() -> None:
    assert _antecedent("Chidi Okonkwo visited the port. He said the ships were late.", "He") \
        == "Okonkwo"


def test_conflicting_evidence_leaves_the_pronoun_unresolved() -> None:
    # "Mr. Verhoeven" and "Verhoeven, the spokeswoman": the text disagrees with itself
    text = ("Mr. Pieter Verhoeven arrived late. "
            "Pieter Verhoeven, the spokeswoman, opened the meeting. He said the budget was cut.")
    parsed = _parse(text)
    head = next(t for t in parsed if t.text == "Verhoeven")
    assert person_gender(head) == "conflict"
    assert _antecedent(text, "He") is None


def test_no_person_of_the_pronouns_gender_leaves_it_unresolved() -> None:
    assert _antecedent("Mrs. Okafor visited the ward. He said the hospital would close.",
                       "He") is None


def test_they_names_the_last_plural_group_subject() -> None:
    text = ("The striking miners marched to the capital on Tuesday. "
            "They said the mine owners had broken the agreement.")
    assert _antecedent(text, "They") == "miners"


def test_they_names_coordinated_people() -> None:
    text = "Tom Alvarez and Maria Kowalski left the party. They said the vote had been rigged."
    got = _antecedent(text, "They")
    assert got is not None and got in {"Alvarez", "Kowalski"}


def test_they_without_a_plural_subject_is_unresolved() -> None:
    assert _antecedent("Chidi Okonkwo visited the port. They said the ships were late.",
                       "They") is None


def test_she_needs_evidence_that_the_person_is_a_woman() -> None:
    assert _antecedent("Chidi Okonkwo visited the port. She said the ships were late.",
                       "She") is None


def test_a_persons_gender_is_read_from_each_document_afresh() -> None:
    """person_gender keeps its answers for the last parse (session 21): a second document
    naming someone with the same surname gets its own answer, not the first one's."""
    from diurna.language import load_nlp

    nlp = load_nlp()
    first = nlp("Mr. John Smith arrived. Smith said he was tired.")
    second = nlp("Ms. Mary Smith arrived. Smith said she was tired.")
    for parsed, expected in ((first, "m"), (second, "f"), (first, "m")):
        head = next(t for t in reversed(parsed) if t.text == "Smith" and t.ent_type_ == "PERSON")
        assert person_gender(head) == expected
