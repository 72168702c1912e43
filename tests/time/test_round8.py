"""Issue 13, round 8 (docs/time.md, session 23): lengths and dates read on unseen Wikinews text
and the third Wikinews TimeML development set. The sentences are invented; each value is worked
out by hand from the TimeML conventions the docs name and the publication day given."""

from __future__ import annotations

import pytest

from diurna.time.values import duration_value
from tests.time.conftest import found_times


def kinds(sentence: str, published: str = "2006-05-23") -> dict[str, tuple[str | None, str]]:
    """{text: (value, kind)} of every time expression found in ``sentence``."""
    return {k: (t.value, t.kind) for k, t in found_times(sentence, published).items()}


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # a bare plural unit before the word that places it is a length with no count, as
    # "three days later" is one over "three days"
    ("Days later, he was arrested.", "Days", "PXD"),
    ("Hours later, the police arrived.", "Hours", "PTXH"),
    ("Only hours before the vote, he resigned.", "hours", "PTXH"),
    ("He was released hours after his arrest.", "hours", "PTXH"),
    ("She crossed the floor only days prior.", "days", "PXD"),
    # after a verb of spending or lasting
    ("Officials spent hours discussing the plan.", "hours", "PTXH"),
    # "later than promised": a delay of that length, not the day it reaches
    ("The plant opened two years later than promised.", "two years", "P2Y"),
    ("The plant opened years later than promised.", "years", "PXY"),
    # two bare units joined by "or": one expression, the first unit's length (TimeBank PXW)
    ("It could take hours or days to count the votes.", "hours or days", "PTXH"),
    ("They may stay for weeks or months.", "weeks or months", "PXW"),
])
def test_a_bare_unit_is_a_length(sentence: str, text: str, value: str) -> None:
    assert kinds(sentence)[text] == (value, "duration")


def test_the_days_before_an_event_stay_one_expression() -> None:
    # AQUAINT reads "the weeks before the shooting" as a date: no bare "days" is split off
    assert "days" not in kinds("In the days before the vote, tension rose.")


@pytest.mark.parametrize(("sentence", "parts"), [
    # the verb "last" is no part of the length, so the range splits as any other
    ("Experts say the work will last two to three years.",
     {"two": "P2Y", "three years": "P3Y"}),
    # a range the tagger cut at "and": each end on its own
    ("He was jailed for between 140 days and two years.",
     {"140 days": "P140D", "two years": "P2Y"}),
    # a length and a date the tagger ran into one: each its own expression
    ("He was prime minister for just five years in the mid-1980s.",
     {"just five years": "P5Y", "the mid-1980s": "198"}),
    # published 2006-05-23, a past clause: the 13th of August before it, 2005
    ("He died on August 13, a day after his family decided to stop treatment.",
     {"August 13": "2005-08-13", "a day": "P1D"}),
])
def test_expressions_the_tagger_ran_together_are_parted(sentence: str,
                                                        parts: dict[str, str]) -> None:
    found = kinds(sentence)
    for text, value in parts.items():
        assert found[text][0] == value


def test_the_last_two_years_keep_their_article() -> None:
    assert kinds("Over the last two years, prices rose.")["the last two years"] == (
        "P2Y", "duration")


@pytest.mark.parametrize(("text", "value"), [
    ("the remaining 11 days", "P11D"),
    ("a single day", "P1D"),
    ("nine short days", "P9D"),
    ("a number of years", "PXY"),
])
def test_words_between_the_article_and_the_unit(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # the year named, as "fiscal 2009" is (TimeBank)
    ("The budget for the 2009 fiscal year was sent to Congress.", "the 2009 fiscal year", "2009"),
    # published 2006-05-23: the next calendar year is 2007
    ("War costs will run into the next calendar year.", "the next calendar year", "2007"),
])
def test_named_years(sentence: str, text: str, value: str) -> None:
    assert kinds(sentence)[text][0] == value


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # one unit before "of" what filled it: a length (TimeML; AQUAINT "within [a week] of ...")
    ("The country marked a week of mourning.", "a week", "P1W"),
    # a possessive that measures: "a week's leave" is a week long
    ("He was given a week's leave.", "a week", "P1W"),
])
def test_one_unit_lengths(sentence: str, text: str, value: str) -> None:
    assert kinds(sentence)[text] == (value, "duration")


def test_the_article_of_a_length_adjective_is_left_out() -> None:
    # TimeML marks "24-hour" in "the 24-hour strike"; the article belongs to "strike"
    assert kinds("The 24-hour strike closed schools.")["24-hour"] == ("PT24H", "duration")


def test_a_fragment_ending_in_of_is_no_time() -> None:
    # the tagger's "a period of" is no expression; the length is "six months"
    assert kinds("They were held for a period of six months.") == {
        "six months": ("P6M", "duration")}


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # published 2006-05-23: the publication's decade (the 2000s, TimeML 200) and century (20)
    ("The ban runs through the end of the decade.", "the end of the decade", "200"),
    ("The tower will be finished by the end of the century.", "the end of the century", "20"),
])
def test_the_end_of_the_decade(sentence: str, text: str, value: str) -> None:
    assert kinds(sentence)[text][0] == value
