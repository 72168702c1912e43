""""The past year", "the last week" with no count: the unit just gone, a DATE valued as "last
year" / "last week" is (docs/annotation-places-times.md; TempEval-3's AQUAINT writes all four
such cases so, TimeBank writes "over the past year" 1997). Published Wednesday 2019-11-20:
last week is Monday 11 to Sunday 17 November, ISO week 2019-W46 (the week of the 20th is W47,
as 2019-W01 began on 31 December 2018); last month 2019-10; last year 2018."""

from __future__ import annotations

import pytest

from tests.time.conftest import dated_event, found_times

PUBLISHED = "2019-11-20"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Over the past year, we have seen real progress.", "the past year", "2018"),
        ("Prices rose sharply in the last week.", "the last week", "2019-W46"),
        ("Sales fell 5% over the past month.", "the past month", "2019-10"),
        ("He has been detained for the last year.", "the last year", "2018"),
    ],
)
def test_the_past_unit_with_no_count_is_the_unit_just_gone(text: str, words: str,
                                                           value: str) -> None:
    t = found_times(text, published=PUBLISHED)[words]
    assert (t.kind, t.value) == ("date", value)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # a count, or a vague amount, is a length
        ("Sales fell during the past two years.", "the past two years", "P2Y"),
        ("Prices rose over the past few months.", "the past few months", "PXM"),
        # the length ahead is not touched
        ("Prices will rise over the next year.", "the next year", "P1Y"),
    ],
)
def test_a_counted_past_stays_a_duration(text: str, words: str, value: str) -> None:
    t = found_times(text, published=PUBLISHED)[words]
    assert (t.kind, t.value) == ("duration", value)


def test_the_last_unit_of_something_named_is_not_the_unit_just_gone() -> None:
    # "the last year of his term" is the term's final year, not 2018
    t = found_times("It was the last year of his term.", published=PUBLISHED)["the last year"]
    assert t.value != "2018"


def test_the_unit_just_gone_dates_no_event() -> None:
    # it stretches up to now: the demand is not last week's act (it dated nothing as a length)
    text = ("Sheehan has been camping near the ranch for the past week to demand a meeting "
            "with the President.")
    assert dated_event(text, "demand", "DEMAND") is None
    # a date of its own in the sentence still dates the event
    assert dated_event("Over the past year, police arrested him on Tuesday.", "arrested",
                       "COERCE") == "2019-11-19"
