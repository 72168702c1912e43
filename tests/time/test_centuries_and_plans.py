"""Issue 13, round 4: centuries and decades, "in the future", modal "may", "is to <verb>".
Each expected value was worked out by hand from the TimeML 1.2.1 conventions (a century is
written by its first two digits: the 20th century, the 1900s, is ``19``; a decade by its first
three) and a calendar (1998-10-21 was a Wednesday)."""

from __future__ import annotations

import pytest

from diurna.time.values import ordinal_century_value
from tests.time.conftest import found_times

_found = found_times


@pytest.mark.parametrize(("text", "value"), [
    ("the 20th century", "19"),
    ("the 19th century", "18"),
    ("the 21st century", "20"),
    ("the early twentieth century", "19"),
    ("the late 18th century", "17"),
    ("the twenty-first century", "20"),
    ("the 1st century", "00"),
])
def test_named_centuries(text: str, value: str) -> None:
    assert ordinal_century_value(text) == value


def test_not_a_named_century() -> None:
    assert ordinal_century_value("the 20th anniversary") is None
    assert ordinal_century_value("this century") is None


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("The company was founded in the 19th century.", "the 19th century", "18"),
    ("In the next century, things will change.", "the next century", "20"),
    ("This century has seen two world wars.", "This century", "19"),
    ("This decade has been turbulent.", "This decade", "199"),
    ("Prices rose during the previous decade.", "the previous decade", "198"),
    ("Growth will slow in the next decade.", "the next decade", "200"),
])
def test_centuries_and_decades_in_text(sentence: str, span: str, value: str) -> None:
    t = _found(sentence)[span]
    assert (t.value, t.kind) == (value, "date")


def test_the_past_decade_stays_a_length() -> None:
    t = _found("In the past decade, sales doubled.")["the past decade"]
    assert (t.value, t.kind) == ("P10Y", "duration")


def test_in_the_future_at_a_sentence_start() -> None:
    assert _found("In the future, prices will fall.")["the future"].value == "FUTURE_REF"


def test_modal_may_is_no_month() -> None:
    found = _found("Prices may fall next year, the bank said.")
    assert found["next year"].value == "1999"
    assert not any(text.lower().startswith("may") for text in found)


def test_may_the_month_is_still_found() -> None:
    assert _found("The vote was held in May.")["May"].value == "1998-05"


@pytest.mark.parametrize(("sentence", "value"), [
    ("The president is to arrive Thursday.", "1998-10-22"),  # an arrangement ahead
    ("Ministers are to meet on Monday.", "1998-10-26"),
    ("The president arrived Thursday.", "1998-10-15"),
])
def test_is_to_verb_points_ahead(sentence: str, value: str) -> None:
    (t,) = _found(sentence).values()
    assert t.value == value


@pytest.mark.parametrize(("sentence", "span", "value"), [
    # a hedge before the count keeps the value (TimeML puts it in ``mod``)
    ("The law was passed nearly two years ago.", "nearly two years ago", "1996"),
    ("The law was passed more than a decade ago.", "more than a decade ago", "1988"),
    ("The law was passed a decade ago.", "a decade ago", "1988"),  # a year, not a day
    ("The law was passed a quarter century ago.", "a quarter century ago", "1973"),
    ("The law was passed half a century ago.", "half a century ago", "1948"),
    ("The law was passed a century ago.", "a century ago", "1898"),
    ("The law was passed years ago.", "years ago", "PAST_REF"),
    ("The law was passed a year ago.", "a year ago", "1997-10-21"),  # unchanged: that day
])
def test_hedged_and_long_ago(sentence: str, span: str, value: str) -> None:
    assert _found(sentence)[span].value == value


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Profits rose in the 12 months to September.", "the 12 months to September", "P12M"),
    ("Profits rose in the nine months through September.",
     "the nine months through September", "P9M"),
])
def test_a_length_ending_at_a_month_is_a_duration(sentence: str, span: str, value: str) -> None:
    t = _found(sentence)[span]
    assert (t.value, t.kind) == (value, "duration")


def test_year_end_is_the_publication_year() -> None:
    assert _found("The report is due by year's end.")["year's end"].value == "1998"


def test_this_weekday_in_a_plan_is_the_coming_one() -> None:
    # published on a Wednesday: the coming Saturday, not the one gone
    assert _found("The rally is planned for this Saturday.")["this Saturday"].value == \
        "1998-10-24"
    assert _found("Thousands marched this Sunday.")["this Sunday"].value == "1998-10-18"


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Schroeder called an election in May of this year.", "May of this year", "1998-05"),
    ("The detainees were granted visas in July this year.", "July this year", "1998-07"),
    ("The war began in July last year.", "July last year", "1997-07"),
    ("They plan a rally on the 18th of March next year.", "the 18th of March next year",
     "1999-03-18"),
    ("The talks will resume on March 3 next year.", "March 3 next year", "1999-03-03"),
])
def test_a_month_of_a_named_year(sentence: str, span: str, value: str) -> None:
    assert _found(sentence)[span].value == value


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Around 1927, his teacher encouraged him.", "Around 1927", "1927"),
    ("Spending jumped 5% last year alone.", "last year alone", "1997"),
    ("A large attack took place earlier on Saturday.", "earlier on Saturday", "1998-10-17"),
    ("He told the radio earlier this morning he would resign.", "earlier this morning",
     "1998-10-21"),
    ("Results are expected from as early as 10 p.m.", "as early as 10 p.m", "1998-10-21T22:00"),
])
def test_hedges_do_not_move_a_date(sentence: str, span: str, value: str) -> None:
    assert _found(sentence)[span].value == value


@pytest.mark.parametrize("sentence", [
    "The second officer was named as 37 year old Teresa Milburn.",
    "She is 28 years old.",
    "A 150 year-old chestnut tree fell.",
    "The men were between 22 and 30 years of age.",
    "She has four daughters between the ages of five and 15.",
])
def test_ages_are_no_times(sentence: str) -> None:
    assert _found(sentence) == {}


def test_a_full_date_before_a_noun_ends_at_its_year() -> None:
    found = _found("The story appeared in the August 11, 2007 edition of the paper.")
    assert found["August 11, 2007"].value == "2007-08-11"
    found = _found("She wrote again after her July 1, 2005 letter.")
    assert found["July 1, 2005"].value == "2005-07-01"


@pytest.mark.parametrize(("sentence", "span", "value"), [
    # "since" looks back: never the coming February
    ("The dispute has been going on since February 28 and is not resolved.", "February 28",
     "1998-02-28"),
    # a deadline is the nearer one (here five weeks ahead, not eleven months back)
    ("Paisley asked for an extension of the November 24 deadline.", "November 24",
     "1998-11-24"),
    # "as early as" points ahead even when it is inside the expression
    ("Troops could deploy as early as July.", "as early as July", "1999-07"),
    # an event under way (published on its second day) is not next year's
    ("Brasilia is hosting the summit from October 19 to 21.", "October 19 to 21", "1998-10-19"),
])
def test_month_days_by_their_cue(sentence: str, span: str, value: str) -> None:
    assert _found(sentence)[span].value == value


def test_a_later_year_in_the_text_does_not_move_a_past_date() -> None:
    found = _found("The appointment would stand until January 2000. The nomination was "
                   "passed to the Senate on March 17.")
    assert found["March 17"].value == "1998-03-17"


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Key has video blogs dating back to 23 March of this year.", "23 March of this year",
     "1998-03-23"),
    ("The OSCE rejected the recently declared June 26 election date.", "June 26", "1998-06-26"),
    ("Troops died in the 12 months through June 30th, 2005.",
     "the 12 months through June 30th, 2005", "P12M"),
    ("This is up from 657 killed in the preceding 12 months.", "the preceding 12 months",
     "P12M"),
    ("The Senate is about to take its annual August recess.", "annual", "P1Y"),
])
def test_more_dates_seen_unresolved_in_news(sentence: str, span: str, value: str) -> None:
    assert _found(sentence)[span].value == value


def test_a_range_with_the_second_day_as_an_ordinal() -> None:
    t = _found("The summit ran from May 10 to the 11th.")["May 10 to the 11th"]
    assert (t.value, t.end_value) == ("1998-05-10", "1998-05-11")


def test_a_flight_number_is_no_time() -> None:
    assert _found("Theories involving American Airlines Flight 77 were put to rest.") == {}


@pytest.mark.parametrize(("sentence", "published", "value"), [
    # the date an arrangement is made for: the nearer of last year's and this year's
    ("She ordered a by-election for the 2nd of October.", "2005-09-08", "2005-10-02"),
    ("The date of the election was announced as March 29.", "2008-03-28", "2008-03-29"),
    ("The legislature was considering a re-run for June 3rd.", "2008-03-20", "2008-06-03"),
    ("The vote was held on Oct. 25.", "1998-10-21", "1997-10-25"),  # an act, not a plan
])
def test_the_date_of_an_arrangement_is_the_nearer(sentence: str, published: str,
                                                   value: str) -> None:
    (t,) = _found(sentence, published).values()
    assert t.value == value


@pytest.mark.parametrize("sentence", [
    "Talks on the Good Friday Agreement resumed.",
    "The Bloody Sunday inquiry reported.",
    "Candidates campaigned ahead of Super Tuesday.",
])
def test_a_weekday_in_a_name_is_no_date(sentence: str) -> None:
    assert _found(sentence) == {}
