"""Round 26 (docs/actors.md, "Round 26"): a place inside an institution's name, a role "of" a
place followed by the name, church titles, parties of 2004-2009 news, and "the country" that
another state acts on.
Sentences written for these tests; every expected code worked out by hand from the rules in
docs/actors.md (a university placed in a US state is USAEDU, its professor too; the mayor of a
US city is USAGOV; an archbishop REL; a candidate PTY; a party its country's PTY)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): the phrase's first occurrence after the "|" marker, if there is one,
# else in the whole text. Each failed on the tree before round 26 (checked).
MUST_CHANGE = [
    # the only state of the text is inside a university's name
    ("Professor Paul Mirecki, the chairman of the Religious Studies Department at the "
     "University of Kansas, was hospitalized after being beaten.", "Professor Paul Mirecki",
     "USAEDU"),
    ("Students said the University of Kansas had cancelled the course.", "University",
     "USAEDU"),
    # a role "of" a city and its state, a comma, then the name (parsed apart)
    ("Citing health reasons, the Mayor of Flint, Michigan, Don Williamson announced Monday that "
     "he was resigning. |Williamson, age 75, had been ill.", "Williamson", "USAGOV"),
    # a church title that names its see
    ("Stanislaw Wielgus, the Archbishop of Warsaw, resigned on Sunday.", "Stanislaw Wielgus",
     "POLREL"),
    # a party of one country
    ("Members of the National Socialist Movement rallied on Saturday.",
     "National Socialist Movement", "USAPTY"),
    # a demonym naming a church ("Syrian-Catholic") is not the state the cleric serves in
    ("Iraq was hit by bombs. The Syrian-Catholic Archbishop of Mosul, Monsignor Basil Georges "
     "Casmoussa, was kidnapped.", "Basil Georges Casmoussa", "IRQREL"),
    # a state acting on "the country" is not that country
    ("The U.S. has not had any dialogue with Cuba and has had a trade embargo imposed on the "
     "country since 1962.", "the country", "CUB"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    # a demonym inside a university's name says nothing of where it is
    ("The American University said it would review the course.", "American University", None),
    # "of" a body, not a place: "manager" is no role word and the channel is unknown
    ("The manager of the Channel Capital, Hector Lopez, said the board will decide.",
     "Hector Lopez", None),
    # an abbreviation of two countries' parties is not listed
    ("The PPP said it would boycott the vote.", "PPP", None),
    # a party's name "of" a province is no institution placed by it ("Ontario" is also a US
    # city in the place table)
    ("Many people and the PC Party of Ontario call it a waste of money.", "PC Party", None),
    # a place word opening a name is not the place a governor is "of": no Philippine city
    # (round 26b: Puerto Rico is now a state of the table, as the gold codes it, so PRIGOV)
    ("Anibal Acevedo Vila, the Governor of the Commonwealth of Puerto Rico, was indicted.",
     "Governor", "PRIGOV"),
    # the state in the complement of the one acting is no actor of the act ("that country")
    ("Three months ago, the US Ambassador to the Czech Republic, Jan Krc, asked that country to "
     "give asylum to a group of detainees.", "that country", "CZE"),
    # "the country" as the one acting still points back at the state named before
    ("Iran said it would fight. The country has many soldiers.", "The country", "IRN"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_place_and_title_codes(phrase_code: Callable[[str, str], str | None], text: str,
                               phrase: str, code: str | None) -> None:
    assert phrase_code(text, phrase) == code
