"""Anaphoric dates count from the narrative's last date; lengths, sets and past-in-the-future
cases the first TimeML round missed (issue 13). Every expected value was worked out by hand with
a calendar: 2005-06-15 was a Wednesday, 2005-05-11 lies in ISO week 19, 2005-05-05 was a
Thursday, 2006-09-08 a Friday."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, TimeExpr
from diurna.time import TimeResolver
from diurna.time.anaphora import anaphoric_value, ref_of
from diurna.time.resolver import normalize


def _times(text: str, published: str) -> dict[str, TimeExpr]:
    doc = Document(id="t", source="t", text=text, published=published)
    doc = TimeResolver()(Language()(doc))
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text
        if t.end_point:
            assert doc.text[t.end_point.start:t.end_point.end] == t.end_point.text
    return {t.text: t for t in doc.times}


def _values(text: str, published: str) -> dict[str, str | None]:
    # "Two days later" is the length "Two days" (P2D) whose end point, over the whole phrase,
    # is the day the narrative reaches: both are listed, each by its own text
    times = _times(text, published)
    points = {t.end_point.text: t.end_point.value for t in times.values() if t.end_point}
    return {**{k: t.value for k, t in times.items()}, **points}


def test_the_next_day_counts_from_the_narrative_not_the_publication() -> None:
    text = ("Rebels attacked the town on March 3, 2004. Troops arrived the next day. "
            "That same day, the mayor fled.")
    values = _values(text, "2005-06-15")
    assert values["the next day"] == "2004-03-04"
    assert values["That same day"] == "2004-03-04"  # the chain goes on from "the next day"


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The treaty was signed in October 2001. Later that year, the parliament ratified it.",
     "2005-06-15", {"Later that year": "2001"}),
    ("The election was held on May 2. Two days later, the results were announced. "
     "A week later, protests began.",
     "2005-06-15", {"Two days later": "2005-05-04", "A week later": "2005-W19"}),
    ("In 1998, the party split. The following year it won the election.",
     "2005-06-15", {"The following year": "1999"}),
    ("The bomb exploded on Tuesday. The day before, police had received a warning.",
     "2005-06-15", {"Tuesday": "2005-06-14", "The day before": "2005-06-13"}),
    # a month as the reference: "that same day" is only as fine as the month
    ("Slepian was killed last October. His name was crossed out that same day.",
     "1999-02-06", {"that same day": "1998-10"}),
    # no date before it: the publication day is the narrative's time
    ("Earlier that day, police arrested two men.", "2005-06-15",
     {"Earlier that day": "2005-06-15"}),
])
def test_anaphoric_dates(text: str, published: str, expected: dict[str, str]) -> None:
    values = _values(text, published)
    for key, value in expected.items():
        assert values[key] == value


def test_a_shift_from_a_coarser_reference_is_unknown() -> None:
    # "in 1998 ... the next day": which day is not said
    assert anaphoric_value("the next day", ref_of("1998")) == (None, "unknown")
    assert anaphoric_value("later that year", ref_of("1998-10-23")) == ("1998", "year")


def test_over_the_next_year_is_a_length() -> None:
    t = _times("Prices will rise over the next year.", "2005-06-15")["the next year"]
    assert (t.value, t.kind) == ("P1Y", "duration")


@pytest.mark.parametrize(("text", "value"), [
    ("day-long", "P1D"), ("all week", "P1W"), ("all day long", "P1D"),
    ("five straight days", "P5D"), ("the first nine months of 1998", "P9M"),
    ("the first six months of the year", "P6M"),
])
def test_more_lengths(text: str, value: str) -> None:
    t = normalize(text, "2005-06-15")
    assert (t.value, t.kind) == (value, "duration")


def test_lengths_the_parser_misses_are_found() -> None:
    times = _times("A day-long strike closed the port. Rescuers worked for hours.",
                   "2005-06-15")
    assert (times["day-long"].value, times["hours"].value) == ("P1D", "PTXH")


def test_every_saturday_is_a_set_not_a_date() -> None:
    t = _times("We have rallies here every Saturday.", "2007-12-03")["every Saturday"]
    assert (t.value, t.kind) == ("XXXX-WXX-6", "set")


def test_would_takes_the_nearer_side_of_publication() -> None:
    # said on 23 April, reported on 5 May: the deadline has passed, it is not next year's
    text = "They said that they would kill the journalists by April 27."
    assert _values(text, "2005-05-05")["April 27"] == "2005-04-27"


def test_a_past_when_clause_makes_the_date_past() -> None:
    text = "The dispute dates back to June when violence erupted between the nations."
    assert _values(text, "2008-10-25")["June"] == "2008-06"


def test_an_anniversary_dates_the_event_it_names() -> None:
    text = "Harper will give an address for the 5th anniversary of the September 11 attacks."
    assert _values(text, "2006-09-08")["September 11"] == "2001-09-11"


@pytest.mark.parametrize(("text", "value"), [
    ("3 1/2 years", "P42M"), ("a quarter century", "P25Y"), ("the entire year", "P1Y"),
])
def test_fractions_and_whole_periods(text: str, value: str) -> None:
    t = normalize(text, "2005-06-15")
    assert (t.value, t.kind) == (value, "duration")


def test_every_three_months_is_a_set() -> None:
    t = normalize("every three months", "2006-04-21")
    assert (t.value, t.kind) == ("P3M", "set")


def test_vague_references_are_found() -> None:
    text = ("Currently there are 676,000 forms unfilled. The party has recently admitted it. "
            "The report gives the current president the victory. The current account grew.")
    values = _values(text, "2006-07-31")
    assert values["Currently"] == "PRESENT_REF"
    assert values["recently"] == "PAST_REF"
    assert values["current"] == "PRESENT_REF"
    doc = TimeResolver()(Language()(Document(id="t", source="t", text=text,
                                             published="2006-07-31")))
    assert [t.start for t in doc.times if t.text == "current"] == [text.index("current")]


def test_a_date_run_into_a_name_ends_at_its_year() -> None:
    text = "In an address on September 20, 2006 Hugo Chávez criticized the US government."
    assert _values(text, "2006-09-21")["September 20, 2006"] == "2006-09-20"


def test_a_clock_time_is_on_the_narratives_day_and_dates_no_event() -> None:
    from diurna.model import Event, Span
    from diurna.time.resolver import event_date

    # published Saturday 1998-08-08; the story is of Friday
    text = "The bomb went off on Friday. Rebels attacked the embassy at 10:35 a.m."
    doc = TimeResolver()(Language()(Document(id="t", source="t", text=text,
                                             published="1998-08-08")))
    clock = next(t for t in doc.times if t.text.startswith("10:35"))
    assert (clock.value, clock.kind) == ("1998-08-07T10:35", "time")
    i = text.index("attacked")
    sent = next(s for s in doc.sentences if s.start <= i < s.end)
    ev = Event(id="e", type="ASSAULT", trigger=Span(i, i + 8, "attacked"), sentence=sent)
    assert event_date(doc, ev) is None  # the day is a convention, not the text's


def test_a_plan_told_in_the_past_takes_the_nearer_date() -> None:
    # published 2007-11-22: "were scheduled ... on November 21" is the day before, not 2008's
    text = "The ships were scheduled to make a port visit to Hong Kong on November 21."
    assert _values(text, "2007-11-22")["November 21"] == "2007-11-21"


def test_the_september_11_attacks_are_dated_2001() -> None:
    text = "He was one of the architects of the September 11th attacks on New York."
    assert _values(text, "2008-02-06")["September 11th"] == "2001-09-11"
    # a plain 11 September is still placed by the tense
    assert _values("The meeting was held on September 11.", "2008-02-06")[
        "September 11"] == "2007-09-11"


def test_the_following_and_previous_weekday_count_from_the_narrative_day() -> None:
    # 1998-10-02 was a Friday: the Sunday after is 10-04, the Sunday before 09-27
    from diurna.language import Language
    from diurna.model import Document
    from diurna.time import TimeResolver

    def found(text: str) -> dict[str, str | None]:
        doc = Document(id="t", source="t", text=text, published="1998-10-21")
        return {t.text: t.value for t in TimeResolver()(Language()(doc)).times}

    assert found("He arrived in Paris on Oct. 2. The following Sunday he met the president."
                 )["The following Sunday"] == "1998-10-04"
    assert found("He arrived in Paris on Oct. 2. The previous Sunday he had met the president."
                 )["The previous Sunday"] == "1998-09-27"
