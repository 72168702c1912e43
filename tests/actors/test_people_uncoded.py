"""Round 25b (docs/actors.md, "Round 25b"): people the dictionary cannot know, coded from what the
article says of them at the first mention, and carried to later mentions by surname or pronoun.
Sentences written for these tests; every expected code worked out by hand from the rules in
docs/actors.md (a spokesman of a US department is USAGOV; a member of Iran's parliament IRNLEG;
a person of a stated nationality with no role a civilian of that state)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): the phrase's first occurrence after the "|" marker, if there is one
# ("|Casey added": the later "Casey"), else in the whole text. Each failed on the tree before
# round 25b (checked)
MUST_CHANGE = [
    # the name renames the role whose complement the parser hung it on ("Department")
    ("The talks failed, said a spokesman for the U.S. State Department, Tom Casey. |Casey added "
     "that Washington was ready to help.", "Casey", "USAGOV"),
    # a member of a named body, at the first mention and then by surname and by pronoun
    ("Spies were arrested, said the Iranian parliament member, Ali Rezaei. "
     "|Rezaei did not say how many. He spoke to reporters.", "Rezaei", "IRNLEG"),
    ("Spies were arrested, said the Iranian parliament member, Ali Rezaei. "
     "Rezaei did not say how many. He spoke to reporters.", "He", "IRNLEG"),
    # a stated nationality and no role word: a private person of that state
    ("Italian Paolo Verdi was kidnapped in Kandahar. |Verdi was freed a month later.",
     "Verdi", "ITACVL"),
    ("The release of fellow Italian photographer Paolo Verdi came a week later.",
     "Paolo Verdi", "ITACVL"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    # "manager" is no role word and the channel is no known body: nothing gives a country
    ("The manager of the Channel Capital, Hector Lopez, said the board will decide.",
     "Hector Lopez", None),
    # a demonym before a newspaper is no nationality of a person
    ("He told the Italian daily Corriere della Sera that he would resign.",
     "Corriere della Sera", None),
    # a name renaming a place is not taken into the role before it
    ("Thousands marched in Rome, the Italian capital, Maria Rossi said.", "Maria Rossi", None),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_people_codes(phrase_code: Callable[[str, str], str | None], text: str, phrase: str,
                      code: str | None) -> None:
    assert phrase_code(text, phrase) == code
