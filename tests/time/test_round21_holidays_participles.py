"""Times round 21 (session 38, brief T1): holidays of the country the text names, and a month-day
under a bare present participle of a future clause placed ahead.

Both from an analyst's batch of 2006 Wikinews articles: India's "Independence Day" valued as
4 July, and "terms ending December 31" (Annan, who will step down; published 2006-09-20)
valued 2005-12-31. The holiday dates are each country's official day (India 15 August, Ghana
6 March, Russia's Victory Day 9 May, Canada's Thanksgiving the second Monday of October:
2006-10-09; the US one the fourth Thursday of November: 2007-11-22).
"""
from __future__ import annotations

import pytest

from tests.time.conftest import found_times

_INDIA = ("The United States Embassy in New Delhi, India has warned citizens that foreign "
          "terrorists may be planning a series of bombings in India before or during India's "
          "celebration of Independence Day on August 15, 2006.")


@pytest.mark.parametrize("text", [
    _INDIA,
    "Attacks are feared in the days leading up to India’s Independence Day.",
    "The embassy in New Delhi will be closed in recognition of the Indian Independence Day.",
])
def test_indias_independence_day_is_15_august(text: str) -> None:
    assert found_times(text, published="2006-08-11")["Independence Day"].value == "2006-08-15"


@pytest.mark.parametrize(("text", "words", "value"), [
    ("Crowds gathered for Independence Day celebrations in Ghana.", "Independence Day",
     "2006-03-06"),
    ("Workers marched in Paris on Labour Day.", "Labour Day", "2006-05-01"),
    ("Victory Day parades were held in Moscow.", "Victory Day", "2006-05-09"),
    ("Canadians celebrated Thanksgiving with their families.", "Thanksgiving", "2005-10-10"),
])
def test_a_shared_holiday_takes_the_day_of_the_country_named(text: str, words: str,
                                                             value: str) -> None:
    assert found_times(text, published="2006-08-11")[words].value == value


@pytest.mark.parametrize(("text", "value"), [
    # no country in reach: the project's convention, the US day (unchanged)
    ("Fireworks lit the sky on Independence Day.", "2006-07-04"),
    # the US day still, in a sentence about a place that keeps no Thanksgiving
    ("US warships were to visit Hong Kong for the Thanksgiving holiday.", "2006-11-23"),
])
def test_with_no_country_that_keeps_it_the_us_day_stays(text: str, value: str) -> None:
    times = found_times(text, published="2006-11-24")
    name = "Independence Day" if "Independence" in text else "Thanksgiving"
    assert times[name].value == value


@pytest.mark.parametrize("text", [
    "Israel's Independence Day was marked by protests.",  # the Hebrew calendar: not in the table
    "Stores closed for Labour Day.",  # not the US spelling, no country: whose is not said
])
def test_a_holiday_of_a_country_the_table_lacks_has_no_value(text: str) -> None:
    name = "Independence Day" if "Independence" in text else "Labour Day"
    assert found_times(text, published="2005-05-14")[name].value is None


def test_a_month_day_under_a_participle_of_a_future_clause_lies_ahead() -> None:
    text = ("The banquet was held in honor of UN Secretary Kofi Annan, who will step down "
            "after two consecutive 5-year terms ending December 31.")
    assert found_times(text, published="2006-09-20")["December 31"].value == "2006-12-31"


def test_a_participle_of_a_past_clause_keeps_no_tense() -> None:
    # what a participle says may come after a past act: the contract starts ahead
    text = ("He has signed a contract to join the Air America Radio Network starting April 1.")
    assert found_times(text, published="2005-03-25")["April 1"].value == "2005-04-01"


def test_a_participle_that_works_as_a_preposition_gives_no_tense() -> None:
    # a standing order about Thursday's divisions (Australian Senate, a Friday's article): the
    # "must" of the clause does not carry over to "regarding"
    text = ("The vote must take place on November 7, due to an earlier order regarding "
            "divisions on Thursday at 4.30pm.")
    assert found_times(text, published="2005-10-14")["Thursday"].value == "2005-10-13"


def test_an_adverbial_participle_shares_the_future_of_its_clause() -> None:
    text = "The minister will fly to Paris on Monday, arriving in Berlin on December 28."
    assert found_times(text, published="2006-09-20")["December 28"].value == "2006-12-28"
