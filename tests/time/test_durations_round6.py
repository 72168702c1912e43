"""Issue 13, durations round 6 (docs/time.md, session 21): lengths TimeBank's development
documents value and AQUAINT's never contain, so the two corpora do not disagree on them; and a
"Now" that opens a speaker's concession. Values worked out by hand from the TIMEX3 conventions
(``X`` for what the text does not say); the sentences are invented."""

from __future__ import annotations

import pytest

from diurna.time.values import duration_value
from tests.time.conftest import found_nows, found_times


@pytest.mark.parametrize(("text", "value"), [
    ("a couple of years", "P2Y"),
    ("a couple of days", "P2D"),
    ("the past couple of weeks", "P2W"),
    ("couple of months", "P2M"),
])
def test_a_couple_is_two(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize(("sentence", "span", "value"), [
    # a length whose count is not given, written as an adjective
    ("He followed a several-year tenure as editor.", "several-year", "PXY"),
    # no count and no unit
    ("They will have to live without power for a while.", "a while", "PXX"),
    # one length, a minute and a half (TimeBank PT1M30S: the same length)
    ("But a minute and a half later, a pilot called in.", "a minute and a half", "PT90S"),
    ("The talks went on for a couple of years.", "a couple of years", "P2Y"),
])
def test_lengths_of_round_six(sentence: str, span: str, value: str) -> None:
    t = found_times(sentence)[span]
    assert (t.value, t.kind) == (value, "duration")


@pytest.mark.parametrize("sentence", [
    "We waited a while ago for the bus.",
    "Dinner will be ready in a while.",
])
def test_a_while_not_after_for_is_no_length(sentence: str) -> None:
    assert "a while" not in found_times(sentence)


def test_a_couple_not_of_time_is_no_length() -> None:
    assert duration_value("a couple of") is None




@pytest.mark.parametrize("sentence", [
    '"It is needed," he said. "Now I don\'t like the fact that we have to do this."',
    '"Now we do think the bill goes too far," the senator said.',
    '"Now I do not agree with all of it, but the plan will pass."',
])
def test_now_before_a_speakers_stance_is_no_time(sentence: str) -> None:
    assert found_nows(sentence) == []


@pytest.mark.parametrize("sentence", [
    '"We had friends to talk to," he said. "Now I feel as if time has stopped."',
    '"I was sure I would never make it to fifty. Now I\'m fifty-three."',
    '"We lost the vote. Now we are rebuilding the party."',
])
def test_now_with_a_first_person_present_stays_a_time(sentence: str) -> None:
    assert found_nows(sentence) == ["PRESENT_REF"]


def test_a_noun_run_into_a_length_is_left_out() -> None:
    # the tagger's entity "an interview several months" holds the length "several months"
    text = "He said so in an interview several months before he took the post."
    found = found_times(text)
    assert "an interview several months" not in found
    assert (found["several months"].value, found["several months"].kind) == ("PXM", "duration")


@pytest.mark.parametrize(("sentence", "span"), [
    ("Things were better in the old days, he said.", "days"),
    ("The rock formed over a million years.", "years"),
])
def test_no_count_after_the_noun_no_cut(sentence: str, span: str) -> None:
    assert span not in found_times(sentence)


def test_a_couple_of_ages_is_no_two() -> None:
    assert duration_value("a couple of 18 year") != "P20Y"
