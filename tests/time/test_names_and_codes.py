"""Places round 12 / times round 19 (session 34, brief 13Q): a day word inside a name and a code
with letters between digits are no times. Found on the 120-article audit of round 11 of places
("journalists of Russia Today", "Guidelines, 2M3.2,"); each expected value worked out by hand
from the sentence and its publication date.
"""
from __future__ import annotations

import pytest

from tests.time.conftest import found_times


@pytest.mark.parametrize("text", [
    "Two journalists of Russia Today, were also heavily attacked during the riots.",
    "The claim was printed by USA Today, a national newspaper.",
])
def test_a_day_word_right_after_a_capitalised_word_of_a_sentence_is_part_of_a_name(
        text: str) -> None:
    # "Russia Today", "USA Today": a channel and a newspaper, no day; TimeML marks nothing
    assert found_times(text, published="2008-02-21") == {}


@pytest.mark.parametrize(("text", "word", "value"), [
    ("Talks Resume Today", "Today", "2008-02-21"),  # a headline in title case keeps its time
    ("Today Senator Piedad Cordoba telephoned the army commander.", "Today", "2008-02-21"),
    ("Moscow said Tuesday it would reply. Today the talks resume.", "Today", "2008-02-21"),
    ("He spoke to reporters in Baghdad. Today the talks resume.", "Today", "2008-02-21"),
])
def test_a_day_word_opening_a_sentence_or_a_headline_stays_a_time(
        text: str, word: str, value: str) -> None:
    times = found_times(text, published="2008-02-21")
    assert times[word].value == value


def test_a_code_with_letters_between_digits_is_no_date() -> None:
    text = ("He was sentenced under the United States Sentencing Guidelines, 2M3.2, instead of "
            "the minimum on February 8, 2009.")
    times = found_times(text, published="2009-02-09")
    # "2M3.2" is a guideline's section; the day named after it stays
    assert "2M3.2" not in times
    assert times["February 8, 2009"].value == "2009-02-08"


@pytest.mark.parametrize(("text", "word", "value"), [
    ("Sales rose in the 1990s and again on the 21st of March 2008.", "the 1990s", "199"),
    ("The vote was held in 2007.", "2007", "2007"),
])
def test_decades_and_years_are_still_dates(text: str, word: str, value: str) -> None:
    times = found_times(text, published="2008-04-22")
    assert times[word].value == value
