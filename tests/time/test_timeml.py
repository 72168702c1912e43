"""TimeML-grade values (issue 13): each expected value was worked out by hand from the TimeML
1.2.1 conventions and a calendar (1998-08-07 was a Friday; 2000-01-07 a Friday)."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document
from diurna.time import TimeResolver
from diurna.time.resolver import normalize
from diurna.time.values import calendar_value, duration_value


@pytest.mark.parametrize(("text", "published", "value"), [
    ("now", "1998-08-07", "PRESENT_REF"),
    ("recently", "1998-08-07", "PAST_REF"),
    ("the future", "1998-08-07", "FUTURE_REF"),
    ("a year ago", "1998-08-07", "1997-08-07"),  # one unit: the same day a year before
    ("two days ago", "1998-08-07", "1998-08-05"),
    ("42 years ago", "2000-02-16", "1958"),
    ("two months ago", "2000-01-28", "1999-11"),
    ("six weeks ago", "2000-01-06", "1999-W47"),  # 1999-11-25 is in ISO week 47
    ("the third quarter", "1998-10-20", "1998-Q3"),
    ("the fourth quarter", "1999-01-22", "1998-Q4"),  # not begun this year: last year's
    ("the first quarter of 1999", "1998-10-20", "1999-Q1"),
    ("the fiscal third quarter", "1998-10-20", "1998-Q3"),
    ("last quarter", "1998-08-07", "1998-Q2"),
    ("the first half of next year", "2019-11-20", "2020-H1"),
    ("last fall", "1999-04-10", "1998-FA"),
    ("this summer", "1998-08-07", "1998-SU"),
    ("next spring", "1998-08-07", "1999-SP"),
    ("the summer of 1996", "1998-08-07", "1996-SU"),
    ("last summer", "1998-07-15", "1997-SU"),  # said in summer: the one before
    ("last winter", "1998-12-20", "1997-WI"),  # a winter is named by its December
    ("this winter", "1999-01-15", "1998-WI"),
    ("the 1990s", "1998-08-07", "199"),
    ("the late 1980s", "1998-08-07", "198"),
    ("the '60s", "1998-08-07", "196"),
    ("this century", "1999-03-13", "19"),
    ("Wednesday night", "2000-01-07", "2000-01-05"),  # the day, as the gold gives it
    ("tonight", "1998-08-07", "1998-08-07"),
])
def test_timeml_values(text: str, published: str, value: str) -> None:
    assert normalize(text, published).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("three days", "P3D"), ("16-hour", "PT16H"), ("five hours", "PT5H"),
    ("the past two months", "P2M"), ("the past decade", "P10Y"), ("six year", "P6Y"),
    ("over an hour", "PT1H"), ("at least 72 hours", "PT72H"), ("two more weeks", "P2W"),
    ("14-day", "P14D"), ("a half century", "P50Y"), ("weeks", "PXW"), ("recent days", "PXD"),
    ("half an hour", "PT30M"), ("a year and a half", "P18M"), ("two and a half years", "P30M"),
])
def test_durations_are_their_own_kind(text: str, value: str) -> None:
    t = normalize(text, "2000-06-01")
    assert (t.value, t.kind) == (value, "duration")


@pytest.mark.parametrize("text", ["last week", "next month", "this year", "55-year-old", "day"])
def test_dates_ages_and_bare_units_are_not_durations(text: str) -> None:
    assert duration_value(text) is None


def test_sets_are_their_own_kind() -> None:
    assert (normalize("daily", "2000-01-07").value, normalize("daily", "2000-01-07").kind) == (
        "P1D", "set")
    assert normalize("every week", "2000-01-07").value == "P1W"


def test_calendar_projection_for_the_project_gold() -> None:
    # docs/annotation-places-times.md: seasons and halves are their year; no calendar value for
    # references, durations, decades
    assert [calendar_value(v) for v in ("1998-SU", "2020-H1", "1998-08-07TNI", "2018-02-14",
                                        "2018-W07", "--02-14", "PRESENT_REF", "P3D", "199")] == [
        "1998", "2020", "1998-08-07", "2018-02-14", "2018-W07", "--02-14", None, None, None]


@pytest.mark.parametrize(("tense", "value"), [("past", "2000-01-01"), ("future", "2000-01-08"),
                                              (None, "2000-01-01")])
def test_weekday_by_tense(tense: str | None, value: str) -> None:
    # published Friday 2000-01-07: "Saturday" is the 1st in the past, the 8th ahead; with no
    # tense, the project's convention (the latest one before) holds
    assert normalize("Saturday", "2000-01-07", tense=tense).value == value


@pytest.mark.parametrize(("tense", "value"), [("past", "1999-01-14"), ("future", "2000-01-14"),
                                              (None, "2000-01-14")])
def test_month_day_by_tense(tense: str | None, value: str) -> None:
    # published 2000-01-07: with no tense, a date a week ahead is an announcement
    assert normalize("Jan. 14", "2000-01-07", tense=tense).value == value


def _times(text: str, published: str) -> dict[str, str | None]:
    doc = Document(id="t", source="t", text=text, published=published)
    doc = TimeResolver()(Language()(doc))
    return {t.text: t.value for t in doc.times}


def test_clause_tense_in_context() -> None:
    # published Friday 2000-01-07
    text = ("Protesters are planning a large demonstration on Saturday. The boy could come to "
            "the U.S. as soon as Tuesday. The rally ended on Monday. He will testify on Feb. 10.")
    values = _times(text, "2000-01-07")
    assert values["Saturday"] == "2000-01-08"  # "are planning": ahead
    assert values["Tuesday"] == "2000-01-11"  # "as soon as": ahead
    assert values["Monday"] == "2000-01-03"  # past tense: behind
    assert values["Feb. 10"] == "2000-02-10"


def test_a_date_naming_a_thing_keeps_the_default() -> None:
    # "Trump's July 25 call" in a future-tense sentence is still the last July 25
    text = "The envoy is likely to face questions about Trump's July 25 call with Zelenskiy."
    assert _times(text, "2019-11-20")["July 25"] == "2019-07-25"


def test_an_event_is_never_dated_by_a_duration_or_a_reference() -> None:
    from diurna.model import Event, Span
    from diurna.time.resolver import event_date

    text = "Rebels attacked the town for three days. Rebels now attack the town."
    doc = Language()(Document(id="t", source="t", text=text, published="2000-01-07"))
    doc = TimeResolver()(doc)
    assert {t.text: t.kind for t in doc.times}.get("three days") == "duration"
    for word in ("attacked", "attack"):
        i = text.index(word)
        sent = next(s for s in doc.sentences if s.start <= i < s.end)
        ev = Event(id="e", type="ASSAULT", trigger=Span(i, i + len(word), word), sentence=sent)
        assert event_date(doc, ev) is None


@pytest.mark.parametrize(("text", "published", "value"), [
    # checked against a calendar: Thanksgiving 1999 was Thursday 25 November, US Election Day
    # 1998 Tuesday 3 November, Easter 2000 Sunday 23 April (ISO week 16)
    ("Thanksgiving Day", "2000-01-07", "1999-11-25"),
    ("Election Day", "1998-10-26", "1998-11-03"),  # a week ahead: the coming one
    ("Easter week", "2000-04-17", "2000-W16"),
    ("Christmas 1997", "1998-12-20", "1997-12-25"),
])
def test_named_holidays(text: str, published: str, value: str) -> None:
    assert normalize(text, published).value == value


def test_a_list_of_years_is_each_year() -> None:
    values = _times("Prices rose in 1994, 1995 and 1997.", "1999-04-19")
    assert values.get("1994") == "1994" and values.get("1995") == "1995"


def test_a_clock_time_with_a_weekday_is_a_time_on_that_day() -> None:
    # published Wednesday 2000-04-05; "will leave at 4 a.m. EDT Thursday" is the next morning
    t = normalize("4 a.m. EDT Thursday", "2000-04-05", tense="future")
    assert (t.value, t.kind, calendar_value(t.value)) == ("2000-04-06T04:00", "time",
                                                          "2000-04-06")
    assert normalize("9 p.m. Tuesday", "2000-04-05", tense="past").value == "2000-04-04T21:00"


@pytest.mark.parametrize(("tense", "value"), [(None, "2019-W46"), ("future", "2019-W47")])
def test_the_weekend_is_the_one_just_gone_unless_ahead(tense: str | None, value: str) -> None:
    # published Wednesday 2019-11-20: the weekend of 16-17 November is in ISO week 46
    assert normalize("the weekend", "2019-11-20", tense=tense).value == value


def test_hour_lengths_and_every_day_are_found() -> None:
    doc = Document(id="t", source="t", published="2000-01-07",
                   text="The talks lasted several hours, then half an hour more. "
                        "Over an hour later he left. Guards patrol every day for two more weeks.")
    doc = TimeResolver()(Language()(doc))
    found = {t.text: (t.value, t.kind) for t in doc.times}
    assert found["several hours"] == ("PTXH", "duration")
    assert found["half an hour"] == ("PT30M", "duration")
    assert found["an hour"] == ("PT1H", "duration")
    assert found["every day"] == ("P1D", "set")
    assert found["two more weeks"] == ("P2W", "duration")
