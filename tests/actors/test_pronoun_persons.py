"""A "he"/"she" and the persons named before it, as more persons are coded (round 37).

Round 36 coded 313 more persons, and pronouns gained wrong links: the resolver skipped a person
the dictionary does not code and took a coded one named earlier, read "his" inside a subject as
a name nested in that subject, and gave "she" to a man. Each case below was read by hand."""

from __future__ import annotations

import pytest

from diurna.actors import ActorResolver
from diurna.language import Language
from diurna.model import Document


def pronoun_codes(resolver: ActorResolver, language: Language, text: str) -> dict[str, str | None]:
    """Mention text → code, for a text published on 1 May 2010."""
    doc = Document.from_paragraphs("t", "<test>", [text], published="2010-05-01")
    resolver(language(doc))
    return {m.text: m.actor.cameo if m.actor else None for m in doc.mentions}


@pytest.mark.parametrize("text", [
    # the farmer is the subject "he" sits under: he has no code, and "he" takes none from Obama
    "Barack Obama praised the plan. John Smith, a local farmer, said he opposed it.",
    # "Ms" says Waters is a woman: "she" is not the premier named nearer
    "Ms Waters won the seat held by premier Peter Beattie, and she then lost a senate race.",
    # "Mr." says Beattie is a man: "she" is not his
    "Mr. Peter Beattie met Ms Waters. She said the talks went well.",
])
def test_a_pronoun_of_an_uncoded_person_takes_no_code(resolver: ActorResolver,
                                                      language: Language, text: str) -> None:
    codes = pronoun_codes(resolver, language, text)
    assert not {"he", "she", "She"} & codes.keys()


def test_his_inside_a_subject_is_the_subject(resolver: ActorResolver,
                                             language: Language) -> None:
    # not Obama, named inside McCain's appositive
    codes = pronoun_codes(resolver, language,
                          "John McCain, a critic of Barack Obama, ended his speech early.")
    assert codes["his"] == "USALEG"


def test_a_possessor_in_the_subject_still_binds(resolver: ActorResolver,
                                                language: Language) -> None:
    codes = pronoun_codes(resolver, language, "Mahmoud Abbas's strategy of making deals with "
                          "Hamas will come back to haunt him.")
    assert codes["him"] == "PSEGOV"


@pytest.mark.parametrize(("text", "cameo"), [
    # the guards: a coded subject before an uncoded object still takes "he" ...
    ("Barack Obama met John Smith. He said the talks went well.", "USAGOV"),
    # ... and so does a man met by a woman the dictionary does not code
    ("Premier Peter Beattie met Ms Waters. He said the talks went well.", "AUSGOV"),
])
def test_a_coded_subject_still_takes_he(resolver: ActorResolver, language: Language,
                                        text: str, cameo: str) -> None:
    assert pronoun_codes(resolver, language, text)["He"] == cameo
