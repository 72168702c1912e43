"""Issue 13, round 5: lengths of time (TimeML DURATIONs). Each expected value was worked out by
hand from the TIMEX3 conventions: the unit as written (``P1W`` for "one week", ``P7D`` for
"seven days"), a time unit after ``T`` (``PT24H``), ``X`` for a count the text does not give
("several years" ``PXY``), and a fraction written in the next smaller unit ("a year and a half"
is 18 months)."""

from __future__ import annotations

import pytest

from diurna.time.values import duration_value, range_duration_value, ref_value, set_value
from tests.time.conftest import found_times

_found = found_times


@pytest.mark.parametrize(("text", "value"), [
    ("two to three years", "PXY"),
    ("between two and three weeks", "PXW"),
    ("10-25 years", "PXY"),
    ("10-to-25 year", "PXY"),
    ("five or six days", "PXD"),
    ("the next five to 10 years", "PXY"),
    ("two to three decades", "PXDE"),
])
def test_a_range_of_counts_is_an_unspecified_count(text: str, value: str) -> None:
    assert range_duration_value(text) == value
    assert duration_value(text) == value


def test_a_range_is_not_the_sum_of_its_ends() -> None:
    # 36 to 46 months is neither 82 months nor any one count
    assert duration_value("36-46 months") == "PXM"


def test_a_single_count_is_no_range() -> None:
    assert range_duration_value("twenty-four hours") is None
    assert range_duration_value("three years") is None


@pytest.mark.parametrize(("text", "value"), [
    ("twenty-four hours", "PT24H"),
    ("forty-eight hours", "PT48H"),
    ("one week", "P1W"),
    ("seven days", "P7D"),
    ("the past three years", "P3Y"),
    ("the last three years", "P3Y"),
    ("a decade", "P10Y"),
    ("half a year", "P6M"),
    ("a year and a half", "P18M"),
    ("3 1/2 hours", "PT210M"),
    ("his 30 years", "P30Y"),
    ("the next couple of years", "P2Y"),  # two (session 21: TimeBank's P2Y)
    ("a few more weeks", "PXW"),
    ("several more days", "PXD"),
    ("a fortnight", "P2W"),
    ("more than a week", "P1W"),
    ("no more than 14 years", "P14Y"),
    ("approximately two years", "P2Y"),
    ("all these years", "PXY"),
    ("those 10 years", "P10Y"),
    ("mere days", "PXD"),
])
def test_lengths_as_written(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize("text", ["25 years old", "a 44-year-old", "two-year-old"])
def test_ages_are_no_lengths(text: str) -> None:
    assert duration_value(text) is None


def test_every_single_day_is_a_set() -> None:
    assert set_value("every single day") == "P1D"


@pytest.mark.parametrize("text", ["the weeks ahead", "the months ahead", "the years ahead"])
def test_the_time_ahead_is_the_future(text: str) -> None:
    assert ref_value(text) == "FUTURE_REF"


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Rescuers worked for twenty-four hours.", "twenty-four hours", "PT24H"),
    ("He ran for 3 1/2 hours.", "3 1/2 hours", "PT210M"),
    ("The blockade lasted a fortnight.", "a fortnight", "P2W"),
    ("It took a couple of hours.", "a couple of hours", "PT2H"),
    ("The drought lasted five or six years.", "five or six years", "PXY"),
    ("Troops will be out of the country within a fortnight.", "a fortnight", "P2W"),
    ("He will stay for three nights.", "three nights", "P3D"),
])
def test_lengths_found_whole(sentence: str, span: str, value: str) -> None:
    t = _found(sentence)[span]
    assert (t.value, t.kind) == (value, "duration")


def test_between_two_counts_is_two_lengths_not_a_month() -> None:
    # "two" alone was read as February; since session 22 (round 7) each end of a range is
    # its own length, the first taking the second's unit (TimeML, TimeBank "between two to
    # six days"); it was one PXW from session 17
    found = _found("Repairs will take between two and three weeks.")
    assert list(found) == ["two", "three weeks"]
    assert (found["two"].value, found["three weeks"].value) == ("P2W", "P3W")


@pytest.mark.parametrize("sentence", ["He was 25 years old.", "Both were 19 years of age.",
                                      "A 45-year-old man was hurt."])
def test_ages_are_not_found(sentence: str) -> None:
    assert _found(sentence) == {}


def test_hundreds_of_years_ago_is_the_past() -> None:
    t = _found("Hundreds of years ago the town was built.")["Hundreds of years ago"]
    assert (t.value, t.kind) == ("PAST_REF", "date")


def test_a_hedged_time_ago_is_that_month() -> None:
    # two months before 15 June 2005: April 2005 (the month, as "two months ago" is)
    found = _found("He spoke at a function approximately two months ago.", "2005-06-15")
    assert found["approximately two months ago"].value == "2005-04"


@pytest.mark.parametrize(("text", "value"), [
    ("1.5 years", "P18M"),  # a whole number of months
    ("1.3 hours", "PT78M"),
    ("43.08 minutes", "PT43.08M"),  # no whole number of seconds: the decimal stays
    ("a month and a half", "P1.5M"),  # months have no fixed number of days
])
def test_fractions_in_the_next_unit_only_when_whole(text: str, value: str) -> None:
    assert duration_value(text) == value


def test_every_n_units_is_a_set_not_a_length() -> None:
    t = _found("Congress requires the review every four years.")["every four years"]
    assert (t.value, t.kind) == ("P4Y", "set")
    assert set_value("every twenty-four hours") == "PT24H"


def test_minutes_of_arc_are_no_time() -> None:
    assert _found("The position was 29 degrees, 50.36 minutes north.") == {}


def test_a_war_named_by_its_length_is_no_time() -> None:
    assert "Six-Day" not in _found("Israel took the land in the 1967 Six-Day War.")


@pytest.mark.parametrize("text", ["the last day of the year", "the first week of May"])
def test_a_named_part_of_a_period_is_no_length(text: str) -> None:
    assert duration_value(text) is None


def test_counted_months_of_a_year_stay_a_length() -> None:
    assert duration_value("the first nine months of the year") == "P9M"
