"""Round 14 (session 30, brief 13J): time expressions the time stage valued wrong or not at all.

"On this day last year", "that October", "the first week of March 2009", "the day before" with a
preposition after it, "the day before July 3". Every expected value was worked out by hand from
the sentence and its publication date (calendar checked: 2009-03-04 is a Wednesday of ISO week
10; 2009-03-28 a Saturday of ISO week 13; 2006-05-04 a Thursday of ISO week 18).
"""
from __future__ import annotations

import pytest

from tests.time.conftest import found_times


@pytest.mark.parametrize(("text", "words", "value"), [
    ("On this day last year, a series of bombings struck London.", "this day last year",
     "2005-07-07"),
    ("On this day a year ago, bombs struck London.", "this day a year ago", "2005-07-07"),
    ("This same day two years ago, the strike began.", "This same day two years ago",
     "2004-07-07"),
])
def test_this_day_years_back_is_the_publication_day_that_many_years_back(
        text: str, words: str, value: str) -> None:
    """An anniversary told from the publication day: TimeML values it as that day, years back."""
    assert found_times(text, published="2006-07-07")[words].value == value


def test_this_day_last_year_on_february_29_falls_on_the_28th() -> None:
    assert found_times("On this day last year, the strike began.",
                       published="2008-02-29")["this day last year"].value == "2007-02-28"


@pytest.mark.parametrize(("text", "words", "value"), [
    # the narrative is in 2001; the page is of 2008
    ("In 2001, he was elected. Earlier that October, he had met the director.",
     "Earlier that October", "2001-10"),
    ("In 2001, he was elected. That October, he met the director.", "That October", "2001-10"),
    ("In 2001, he was elected. He met the director later that October.", "later that October",
     "2001-10"),
    ("In 2001, he was elected. In that October, he met the director.", "that October",
     "2001-10"),
])
def test_that_month_is_the_month_of_the_narratives_year(text: str, words: str,
                                                        value: str) -> None:
    """ "that October" points back: the October of the year the text is telling, not the last
    October before the publication date."""
    assert found_times(text, published="2008-09-09")[words].value == value


def test_that_month_points_back_at_the_october_the_text_named() -> None:
    """A later date in another month does not move "that October" to its year."""
    text = ("On October 24, 2001, he donated $1,000. The firm gave $1,000 on December 16, 2002. "
            "Earlier that October, he had met the director.")
    assert found_times(text, published="2008-09-09")["Earlier that October"].value == "2001-10"


@pytest.mark.parametrize(("text", "words", "value"), [
    # "that" a conjunction: the month alone, the last one before publication (past tense)
    ("In 2001, he was elected. He said that October was worse.", "October", "2007-10"),
    # a day after the month: a date of its own
    ("In 2001, he was elected. He said that March 3 was the day.", "March 3", "2008-03-03"),
])
def test_a_month_after_the_conjunction_that_is_not_anaphoric(text: str, words: str,
                                                             value: str) -> None:
    times = found_times(text, published="2008-09-09")
    assert times[words].value == value
    assert not any(w.lower().startswith("that") for w in times)


def test_that_may_after_a_verb_is_not_made_a_month_of_the_narrative() -> None:
    times = found_times("In 2001, he was elected. Officials said that May would resign.",
                        published="2008-09-09")
    assert "that May" not in times


@pytest.mark.parametrize(("text", "words", "value"), [
    ("In the first week of March 2009, police arrested two officers.",
     "the first week of March 2009", "2009-W10"),
    ("In the last week of March 2009, police arrested two officers.",
     "the last week of March 2009", "2009-W13"),
    ("Police arrested two officers in the first week of May.", "the first week of May",
     "2006-W18"),
])
def test_a_week_of_a_month_is_its_iso_week(text: str, words: str, value: str) -> None:
    """A week is valued as its ISO week (guideline); a month's first week is the one holding
    its 4th day, as ISO 8601 places a year's first week."""
    assert found_times(text, published="2006-07-07")[words].value == value


def test_a_week_of_a_month_with_no_year_known_stays_unvalued() -> None:
    # no publication date: the month's year is unknown, and no week can be named
    doc_times = found_times("Police arrested two officers in the first week of May.",
                            published="")
    assert doc_times["the first week of May"].value is None


@pytest.mark.parametrize(("text", "words", "value"), [
    ("On July 3, Hussein was buried. The protest followed his burial the day before in his "
     "birthplace.", "the day before", "2006-07-02"),
    ("The protest came the day before July 3.", "the day before July 3", "2006-07-02"),
    ("The protest came the day after July 3, 2004.", "the day after July 3, 2004",
     "2004-07-04"),
])
def test_the_day_before_counts_from_a_date(text: str, words: str, value: str) -> None:
    """ "the day before" counts from the narrative's day, or from the date written after it."""
    assert found_times(text, published="2006-07-07")[words].value == value


def test_the_day_after_an_event_is_left_unvalued() -> None:
    """The day after an arrest the text does not date: no anchor is invented."""
    times = found_times("Two were released the day after the arrest.", published="2007-11-24")
    assert all(t.value is None for t in times.values())
