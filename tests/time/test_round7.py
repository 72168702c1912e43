"""Issue 13, round 7 (docs/time.md, session 22): kinds of expression read from the third
Wikinews TimeML development set (gold/times-timeml-wikinews-dev3.jsonl) and checked against the
TimeML guideline and TimeBank/AQUAINT development documents. The sentences are invented; the
values are worked out by hand from the publication day given."""

from __future__ import annotations

import pytest

from diurna.time.values import duration_value, range_ends
from tests.time.conftest import found_times


def kinds(sentence: str, published: str = "2006-05-23") -> dict[str, tuple[str | None, str]]:
    """{text: (value, kind)} of every time expression found in ``sentence``."""
    return {k: (t.value, t.kind) for k, t in found_times(sentence, published).items()}


# --- durations ---------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "ends"), [
    # each end of a range is its own length; an end without a unit takes the other's
    ("Plastic bags can take between 20 and 1000 years to break down.",
     {"20": ("P20Y", "duration"), "1000 years": ("P1000Y", "duration")}),
    ("Offenders can be jailed from 3 months to 1 year.",
     {"3 months": ("P3M", "duration"), "1 year": ("P1Y", "duration")}),
    ("Patients wait between two to six days for a bed.",
     {"two": ("P2D", "duration"), "six days": ("P6D", "duration")}),
])
def test_a_range_of_lengths_is_two_lengths(sentence: str,
                                           ends: dict[str, tuple[str, str]]) -> None:
    found = kinds(sentence)
    for text, value in ends.items():
        assert found[text] == value


@pytest.mark.parametrize("text", [
    "the next 12 to 18 months",  # one noun phrase: TimeBank PXM
    "five or six days",  # either, not a range
    "a year and three months",  # one length in two units (P1Y3M)
])
def test_no_range_of_two_ends(text: str) -> None:
    assert range_ends(text) is None


def test_the_next_months_range_stays_one_vague_length() -> None:
    assert kinds("Labatt's expects acquisitions over the next 12 to 18 months.")[
        "the next 12 to 18 months"] == ("PXM", "duration")


@pytest.mark.parametrize(("text", "value"), [
    ("a couple more years", "P2Y"),  # two more years: a length of two years
    ("a couple more weeks", "P2W"),
    ("the intervening years", "PXY"),
])
def test_lengths_of_round_seven(text: str, value: str) -> None:
    assert duration_value(text) == value


def test_a_length_ahead_of_schedule_is_the_length() -> None:
    found = kinds("The prime minister called a snap election three years early.")
    assert found["three years"] == ("P3Y", "duration")
    assert "three years early" not in found


def test_a_noun_and_a_hedge_before_a_length_are_cut() -> None:
    found = kinds("The leader of the group released a tape just two days after bin Laden's.")
    assert found["just two days"] == ("P2D", "duration")


def test_a_noun_before_a_date_counted_back_is_cut() -> None:
    # published Saturday 2007-12-08: two days ago is Thursday the 6th
    found = kinds("The president only learned of the matter two days ago, she said.",
                  "2007-12-08")
    assert found["two days ago"] == ("2007-12-06", "date")


# --- dates and times ---------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "published", "text", "value"), [
    ("The next election is expected in late-2007.", "2006-12-12", "late-2007", "2007"),
    ("Security was tightened in the days prior to August the 7th.", "2006-09-08",
     "August the 7th", "2006-08-07"),
    # the rally was held the day before publication (St. Patrick's Day is 17 March)
    ("The rally was held on St. Patricks Day in Toronto.", "2007-03-18", "St. Patricks Day",
     "2007-03-17"),
    # a possessive written without its apostrophe: this week's, last year's
    ("Protesters planned to coincide with this weeks Forbes conference.", "2005-08-29",
     "this weeks", "2005-W35"),
    ("He compared it to winning last years election.", "2007-03-18", "last years", "2006"),
    ('"We have to react now!" she said.', "2006-11-16", "now", "PRESENT_REF"),
])
def test_dates_of_round_seven(sentence: str, published: str, text: str, value: str) -> None:
    assert found_times(sentence, published)[text].value == value


@pytest.mark.parametrize(("sentence", "text"), [
    ("He spent his last years in Paris.", "last years"),  # a length, not last year's
])
def test_not_read_as_dates_of_round_seven(sentence: str, text: str) -> None:
    found = found_times(sentence, "2007-03-18")
    assert text not in found or found[text].kind == "duration"


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # a clock time is on the narrative's day (here the publication day, 2005-04-27)
    ("The deadline was set for 14:00 UTC.", "14:00 UTC", "2005-04-27T14:00"),
    ("The blast happened at about 01:00 and hurt no one.", "about 01:00", "2005-04-27T01:00"),
    ("People were called to assemble at 5pm.", "5pm", "2005-04-27T17:00"),
    ("He moved to adjourn the debate at 9.06pm.", "9.06pm", "2005-04-27T21:06"),
])
def test_clock_times_of_round_seven(sentence: str, text: str, value: str) -> None:
    t = found_times(sentence, "2005-04-27")[text]
    assert (t.value, t.kind) == (value, "time")


def test_a_twelve_hour_clock_is_not_read_as_a_24_hour_one() -> None:
    assert "11:00" not in found_times("The board ruled at 11:00 PM that it was legal.",
                                      "2005-04-27")
