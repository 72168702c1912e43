"""Issue 13, durations round 3: TimeML conventions seen on a second development set (TempEval-3
TimeBank, docs/time.md). Each expected value was worked out by hand: a count of a unit is that
many units (``P8D``), a quarter is three months, an accounting period "the year ended March 31"
is a year's length and its closing day a date of its own."""

from __future__ import annotations

import pytest

from diurna.time.values import duration_value
from tests.time.conftest import found_times

_found = found_times


@pytest.mark.parametrize(("text", "value"), [
    ("Eight trading days", "P8D"),  # days of one kind are still days
    ("five business days", "P5D"),
    ("the latest nine months", "P9M"),  # "latest" as "past"
    ("the next two years or so", "P2Y"),  # the hedge leaves the count
    ("the next three quarters", "P9M"),  # three quarters of a year
    ("more than two thousand years", "P2000Y"),  # "thousand" multiplies like "hundred"
    ("two hundred years", "P200Y"),
])
def test_counted_lengths(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize("text", ["the last quarter", "the quarter", "the third quarter",
                                  "recent quarters", "a quarter"])
def test_a_quarter_without_a_count_is_no_length(text: str) -> None:
    # "last quarter" names a quarter of the calendar (a date, read elsewhere), not 3 months
    assert duration_value(text) is None


def test_a_year_ended_on_a_day_is_a_length_and_the_day() -> None:
    found = _found("Net income rose 12% in the year ended March 31, the company said.",
                   published="1989-11-01")
    assert (found["the year"].value, found["the year"].kind) == ("P1Y", "duration")
    assert found["March 31"].value == "1989-03-31"


def test_six_months_ended_on_a_day() -> None:
    found = _found("Sales fell in the six months ended Aug. 31.", published="1989-10-26")
    assert (found["the six months"].value, found["the six months"].kind) == ("P6M", "duration")
    assert found["Aug. 31"].value == "1989-08-31"


def test_the_quarter_ended_on_a_day_is_that_quarter() -> None:
    found = _found("Earnings rose in the quarter ended Sept. 30.", published="1989-10-26")
    assert (found["the quarter"].value, found["the quarter"].kind) == ("1989-Q3", "date")
