"""Issue 13, times round 4 (docs/time.md): "three days later" is a length with the day it
reaches; earnings reports' quarters; years said in words; the shared pieces of a written date.
Every expected value was worked out by hand with a calendar."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Event, Span
from diurna.time import TimeResolver
from diurna.time.resolver import event_date
from tests.time.conftest import found_times

_found = found_times


def test_n_days_later_is_a_length_that_reaches_a_day() -> None:
    # 2 May 2005 + 3 days = 5 May; 5 May + 1 week = 12 May, in ISO week 19 (Monday 9 May)
    found = _found("The election was held on May 2. Three days later, the results were "
                   "announced. A week later, protests began.", published="2005-06-15")
    three = found["Three days"]
    assert (three.value, three.kind) == ("P3D", "duration")
    assert three.end_point is not None
    assert (three.end_point.text, three.end_point.value, three.end_point.kind) == (
        "Three days later", "2005-05-05", "date")
    week = found["A week"]
    assert (week.value, week.end_point and week.end_point.value) == ("P1W", "2005-W19")


def test_the_end_point_keeps_its_offsets_and_the_chain_goes_on() -> None:
    text = "Rebels took the town on March 3, 2004. Two days later they left. The next day, " \
           "troops came."
    doc = TimeResolver()(Language()(Document(id="t", source="t", text=text,
                                             published="2005-06-15")))
    length = next(t for t in doc.times if t.kind == "duration")
    assert length.end_point is not None
    start, end = length.end_point.start, length.end_point.end
    assert text[start:end] == "Two days later"
    assert text[length.start:length.end] == "Two days"
    # the narrative is at 5 March when "the next day" comes: 6 March
    assert {t.text: t.value for t in doc.times}["The next day"] == "2004-03-06"


def test_an_event_is_dated_by_the_day_a_length_reaches() -> None:
    text = "The election was held on May 2. Three days later, gunmen attacked the office."
    doc = TimeResolver()(Language()(Document(id="t", source="t", text=text,
                                             published="2005-06-15")))
    i = text.index("attacked")
    sent = next(s for s in doc.sentences if s.start <= i < s.end)
    ev = Event(id="e", type="ASSAULT", trigger=Span(i, i + 8, "attacked"), sentence=sent)
    date = event_date(doc, ev)
    assert date is not None and (date.value, date.text) == ("2005-05-05", "Three days later")


def test_a_year_earlier_stays_a_date_and_hours_have_no_day() -> None:
    found = _found("In 1998 the party split. A year later it won. Over an hour later he left.",
                   published="2005-06-15")
    assert (found["A year later"].value, found["A year later"].kind) == ("1999", "date")
    assert found["an hour"].value == "PT1H" and found["an hour"].end_point is None


def test_a_shift_from_a_coarser_reference_is_a_length_with_no_end_point() -> None:
    found = _found("In 1998 the party split. Two days later it merged.", published="2005-06-15")
    assert (found["Two days"].value, found["Two days"].end_point) == ("P2D", None)


@pytest.mark.parametrize(("text", "published", "expected"), [
    # an earnings report: the quarter it names, and the same quarter a year before
    ("Third-quarter net income fell to $3 million from $5 million a year earlier. The "
     "year-ago quarter included a gain. Sales in the quarter rose 5%.",
     "1989-10-26", {"Third-quarter": "1989-Q3", "a year earlier": "1988-Q3",
                    "The year-ago quarter": "1988-Q3", "the quarter": "1989-Q3"}),
    ("Net income in the second quarter was $8 million, up from $6 million a year ago.",
     "1989-08-02", {"the second quarter": "1989-Q2", "a year ago": "1988-Q2"}),
    # "the latest quarter" is the last one ended: 1 November 1989 is in Q4, so Q3
    ("Profit in the latest quarter rose.", "1989-11-01", {"the latest quarter": "1989-Q3"}),
    # no quarter named: "a year ago" is the day a year before, "year-earlier" last year
    ("A year ago the plant closed. Year-earlier sales were flat.", "1989-11-01",
     {"A year ago": "1988-11-01", "Year-earlier": "1988"}),
])
def test_earnings_quarters(text: str, published: str, expected: dict[str, str]) -> None:
    values = {k: t.value for k, t in _found(text, published=published).items()}
    for key, value in expected.items():
        assert values[key] == value


def test_a_quarter_whose_results_are_to_come_is_the_one_just_ended() -> None:
    # 30 October 1989: the third quarter ended on 30 September; its results are still to come
    found = _found("The company said its third-quarter earnings will probably be lower.",
                   published="1989-10-30")
    assert found["third-quarter"].value == "1989-Q3"
    # a plan for a quarter is the next such quarter
    found = _found("The plant will open in the second quarter.", published="1989-10-30")
    assert found["the second quarter"].value == "1990-Q2"


@pytest.mark.parametrize(("text", "value"), [
    ("in nineteen ninety-six", "1996"),
    ("in January nineteen ninety-seven", "1997-01"),
    ("the winter of nineteen ninety-four", "1994-WI"),
    ("until the year two thousand", "2000"),
    ("in fiscal 1989", "1989"),
    ("during the current fiscal year", "1989"),
    ("sometime next year", "1990"),
    ("next year's first quarter", "1990-Q1"),
    ("its fourth quarter", "1989-Q4"),
])
def test_dates_said_otherwise(text: str, value: str) -> None:
    found = _found(f"The company said it will act {text}.", published="1989-11-02")
    assert value in {t.value for t in found.values()}


def test_later_yesterday_is_yesterday_and_now_at_a_sentence_start_is_present() -> None:
    found = _found("Later yesterday, the board met. Now officials are investigating. Now, "
                   "let us turn to sport.", published="1989-10-27")
    assert found["Later yesterday"].value == "1989-10-26"
    now = [t for t in found.values() if t.text == "Now"]
    assert len(now) == 1 and now[0].value == "PRESENT_REF"  # not "Now," that opens a turn


@pytest.mark.parametrize(("text", "period", "day"), [
    ("Net income rose in the year ended June 30.", ("the year", "P1Y"),
     ("June 30", "1989-06-30")),
    ("Sales fell in the quarter ended Sept. 30.", ("the quarter", "1989-Q3"),
     ("Sept. 30", "1989-09-30")),
    ("Profit fell in the fiscal year ended Aug. 31, 1988.", ("the fiscal year", "P1Y"),
     ("Aug. 31, 1988", "1988-08-31")),
    ("Sales fell in the quarter ended March 31st.", ("the quarter", "1989-Q1"),
     ("March 31st", "1989-03-31")),
])
def test_a_period_ended_on_a_written_day(text: str, period: tuple[str, str],
                                         day: tuple[str, str]) -> None:
    # the day is read with the resolver's own month, day and year pieces ("Sept.", "31st")
    values = {k: t.value for k, t in _found(text, published="1989-11-01").items()}
    assert values.get(period[0]) == period[1]
    assert values.get(day[0]) == day[1]
