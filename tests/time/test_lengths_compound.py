"""Issue 13, session 18: lengths of time the earlier rounds left unfound or unvalued. Each
expected value was worked out by hand from the TIMEX3 conventions: a length in two units is
one ISO 8601 duration holding both counts ("a year and three months" ``P1Y3M``), a count the
text does not give is ``X`` ("hundreds of years" ``PXY``), and one unit after words that make
it a length counts one ("the whole day" ``P1D``)."""

from __future__ import annotations

import pytest

from diurna.time.values import compound_duration_value, duration_value
from tests.time.conftest import found_times

_found = found_times


@pytest.mark.parametrize(("text", "value"), [
    ("a year and three months", "P1Y3M"),
    ("five years and three months", "P5Y3M"),
    ("two years, three months", "P2Y3M"),
    ("two hours and 30 minutes", "PT2H30M"),
    ("one day and 12 hours", "P1DT12H"),
])
def test_a_length_in_two_units_holds_both_counts(text: str, value: str) -> None:
    assert compound_duration_value(text) == value
    assert duration_value(text) == value


@pytest.mark.parametrize("text", [
    "a year and a half",           # one unit and a fraction: P18M, read elsewhere
    "two days and three nights",   # the same unit twice: no one value
    "three months and two years",  # the smaller unit first
    "three weeks and two days",    # ISO 8601 does not mix weeks with other units
    "years and three months",      # a count not given
])
def test_no_compound(text: str) -> None:
    assert compound_duration_value(text) is None


def test_a_year_and_a_half_is_still_eighteen_months() -> None:
    assert duration_value("a year and a half") == "P18M"


@pytest.mark.parametrize(("text", "value"), [
    ("a quarter of a century", "P25Y"),
    ("half of a year", "P6M"),
    ("decade-long", "P10Y"),
    ("decades-long", "PXDE"),
    ("a record 10 years", "P10Y"),
    ("a fiscal year", "P1Y"),
    ("hundreds of years", "PXY"),
    ("tens of years", "PXY"),
])
def test_lengths_as_written(text: str, value: str) -> None:
    assert duration_value(text) == value


def test_the_fiscal_year_is_no_length() -> None:
    # "the fiscal year" names a year (which one is not said), it does not measure one
    assert duration_value("the fiscal year") is None


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("The program has run for a year and three months.", "a year and three months", "P1Y3M"),
    ("The talks lasted two hours and 30 minutes.", "two hours and 30 minutes", "PT2H30M"),
    ("The region has suffered from a decade-long war.", "decade-long", "P10Y"),
    ("The country has been at peace for a quarter of a century.", "a quarter of a century",
     "P25Y"),
    ("They worked the whole day.", "the whole day", "P1D"),
    ("In the last hour, prices fell.", "the last hour", "PT1H"),
    ("The explosion lasted for seconds.", "seconds", "PTXS"),
    ("Talks went on for the following two weeks.", "the following two weeks", "P2W"),
    ("The economy will grow over the next decade.", "the next decade", "P10Y"),
    ("It has been hundreds of years since then.", "hundreds of years", "PXY"),
])
def test_lengths_found_whole(sentence: str, span: str, value: str) -> None:
    t = _found(sentence)[span]
    assert (t.value, t.kind) == (value, "duration")


def test_the_next_decade_without_a_length_word_is_the_decade() -> None:
    # "in the next decade" names the decade (the 2000s, in 1998), as before
    t = _found("The economy will boom in the next decade.")["the next decade"]
    assert (t.value, t.kind) == ("200", "date")


def test_two_units_of_the_same_kind_stay_two_lengths() -> None:
    found = _found("They spent two days and three nights there.")
    assert (found["two days"].value, found["three nights"].value) == ("P2D", "P3D")


def test_the_last_minute_is_no_length() -> None:
    assert _found("He was told at the last minute.") == {}
