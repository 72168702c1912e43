"""Times round 22 (session 39, brief T2): holidays of other calendars, the dateline's country
for a shared holiday name, and a holiday gone by.

The days below were checked by hand against calendars published for each year: the Islamic
ones against Saudi Arabia's Umm al-Qura calendar (the day the package gives; e.g. 1 Shawwal
1427 = 23 October 2006, 10 Dhu al-Hijjah 1427 = 31 December 2006, 1 Ramadan 1427 =
24 September 2006, 1 Ramadan 1426 = 4 October 2005, 1 Shawwal 1429 = 1 October 2008), the
Hebrew ones against the Jewish calendar's first full day (Yom Kippur 5767 = 2 October 2006,
Passover 5766 = 13 April 2006), the Chinese New Year of 2006 (29 January), India's Diwali of
2006 (21 October), Iran's Nowruz of 2006 (21 March), Orthodox Easter 2006 (23 April) and
Afghanistan's Independence Day (19 August).
"""
from __future__ import annotations

import datetime as dt

import pytest

from diurna.time import calendars
from tests.time.conftest import found_times


@pytest.mark.parametrize(("text", "published", "words", "value"), [
    # the ceasefire of the coming Eid (al-Fitr, three days after publication)
    ("The rebels agreed to an Eid ceasefire.", "2006-10-20", "Eid", "2006-10-23"),
    # past verb, but freed *ahead of* the day: the coming one
    ("Prisoners were freed ahead of Eid al-Fitr.", "2006-10-20", "Eid al-Fitr", "2006-10-23"),
    ("Thousands of pilgrims gathered for Eid al-Adha in Mecca.", "2006-12-28", "Eid al-Adha",
     "2006-12-31"),
    # "before Eid" three days after 2006's Eid al-Adha: that one, not next year's Eid al-Fitr
    ("Saddam was hanged before dawn Saturday, before Eid, for the same crimes.", "2007-01-03",
     "Eid", "2006-12-31"),
    ("Israelis observed Yom Kippur on Monday.", "2006-10-03", "Yom Kippur", "2006-10-02"),
    ("Families gathered for Passover.", "2006-04-14", "Passover", "2006-04-13"),
    ("Millions travelled home for Chinese New Year.", "2006-01-25", "Chinese New Year",
     "2006-01-29"),
    ("Hindus celebrated Diwali.", "2006-10-22", "Diwali", "2006-10-21"),
    ("Iranians celebrated Nowruz.", "2006-03-22", "Nowruz", "2006-03-21"),
    ("Orthodox Easter was celebrated in Athens.", "2006-04-24", "Orthodox Easter",
     "2006-04-23"),
    ("The ceasefire will stay in place until the second day of Eid ul-Fitr.", "2008-09-01",
     "the second day of Eid ul-Fitr", "2008-10-02"),
    # news's present, three days after Eid al-Adha 1429 (8 December 2008): that one, not 2009's
    ("The attack comes on the Muslim religious holiday Eid al-Adha.", "2008-12-11",
     "Eid al-Adha", "2008-12-08"),
    # a past clause two days before Ashura 1430 (7 January 2009): the pilgrimage's, not 2008's
    ("The attack comes during a pilgrimage where many Iranians were celebrating the Shia holy "
     "Day of Ashura.", "2009-01-05", "Ashura", "2009-01-07"),
])
def test_a_holiday_of_another_calendar_takes_its_day(text: str, published: str, words: str,
                                                     value: str) -> None:
    assert found_times(text, published=published)[words].value == value


def test_ramadan_is_a_month_and_its_start_one_day() -> None:
    # published in the middle of Ramadan 1427 (24 September - 22 October 2006): that one
    during = found_times("Fighting continued during Ramadan despite calls for calm.",
                         published="2006-10-20")["Ramadan"]
    assert (during.value, during.end_value) == ("2006-09-24", "2006-10-22")
    # "two days before the start of ... Ramadan" (2005-10-01): 1 Ramadan 1426, 4 October
    start = found_times("The attack came two days before the start of the Muslim holy month of "
                        "Ramadan.", published="2005-10-01")["Ramadan"]
    assert (start.value, start.end_value) == ("2005-10-04", None)


@pytest.mark.parametrize("text", [
    "His deputy Taha Yasin Ramadan was also charged.",  # a person
    "Gamal Eid, the Executive Director of the network, spoke.",  # a person
    "Egypt fought Israel in the Yom Kippur War.",  # a war named after the day
    '"The evidence does not warrant federal charges now," said Eid.',  # a surname
    "He says that Eid was a technological expert.",  # the same
    "The prosecutor noted that the word 'Ramadan' had not been uttered.",  # the word itself
])
def test_a_name_that_is_no_holiday_is_no_time(text: str) -> None:
    assert not any(w in found_times(text, published="2006-10-20")
                   for w in ("Ramadan", "Eid", "Yom Kippur"))


def test_the_calendars_give_umm_al_qura_and_hebrew_days() -> None:
    # two Eid al-Adha in 2006 (10 Dhu al-Hijjah 1426 and 1427); Hanukkah 5767's first day
    assert calendars.days("eid al-adha", 2006) == [dt.date(2006, 1, 10), dt.date(2006, 12, 31)]
    assert calendars.days("hanukkah", 2006) == [dt.date(2006, 12, 16)]
    assert calendars.days("rosh hashanah", 2008) == [dt.date(2008, 9, 30)]
    # Ramadan 1429 ran 1 - 30 September 2008 (Eid al-Fitr 1 October)
    assert calendars.last_day("ramadan", dt.date(2008, 9, 1)) == dt.date(2008, 9, 30)
    assert calendars.key("Eid-ul-Adha") == "eid al-adha"
    assert calendars.key("Chanukah") == "hanukkah"


@pytest.mark.parametrize(("text", "value"), [
    # no country in the holiday's sentence: the dateline's (old: the US day, 4 July)
    ("KABUL, Afghanistan (AP) — The president spoke in the capital.\n"
     "Thousands rallied on Independence Day.", "2006-08-19"),
    ("NEW DELHI (Reuters) - Security was tight.\n"
     "Police were on alert for Independence Day.", "2006-08-15"),
    # a country in the sentence still comes first
    ("NEW DELHI (Reuters) - Security was tight.\n"
     "Pakistan marked Independence Day on Monday.", "2006-08-14"),
])
def test_with_no_country_in_the_sentence_the_dateline_gives_it(text: str, value: str) -> None:
    assert found_times(text, published="2006-08-20")["Independence Day"].value == value


@pytest.mark.parametrize(("text", "value"), [
    # an article of 5 May 2005 (Wikinews): the celebrations of 9 May 2004, not the coming ones
    ("Ansip made several comments regarding the recent Victory Day celebrations in Moscow.",
     "2004-05-09"),
    ("The Victory Day parades were held in Moscow.", "2004-05-09"),
    # no cue, or a future verb: the coming day, as before
    ("The Victory Day parade in Moscow will be attended by 50 leaders.", "2005-05-09"),
])
def test_a_cue_that_it_has_gone_by_takes_the_last_holiday(text: str, value: str) -> None:
    assert found_times(text, published="2005-05-05")["Victory Day"].value == value
