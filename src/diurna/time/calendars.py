"""Holidays off the Gregorian calendar, dated by the calendars of the ``holidays`` package.

Eid al-Fitr, Eid al-Adha, Ramadan, Ashura and the Mawlid follow the Islamic lunar calendar;
Rosh Hashanah, Yom Kippur, Passover and Hanukkah the Hebrew one; the Chinese (Lunar) New Year
the Chinese one; Diwali the Hindu one; Nowruz the Persian solar year; Orthodox Christmas and
Easter the Julian calendar. Their Gregorian days move from year to year, so they are not
written here: the tables and rules of the ``holidays`` package (Open World Holidays
Framework, pinned in ``pyproject.toml``) give them offline. Only the names and which of its
calendars' days each name takes are ours (:data:`NAMES`).

Which calendar gives the value, and its caveats:

- **Islamic days are Umm al-Qura's**, Saudi Arabia's official calendar (the package's table
  matches ``hijridate``'s Umm al-Qura conversion on every Eid, Ramadan, Ashura and Mawlid of
  1990-2035, checked in session 39). Countries that start a month by sighting the new moon
  (Pakistan, Morocco, Iran's own calendar for Ashura, ...) often keep the day one day later;
  the value is then a day early. No coarser value is given: news dates these days to the day.
- **Hebrew days are the festival's first full day** (Rosh Hashanah 1 Tishrei, Yom Kippur 10
  Tishrei, Passover 15 Nisan, Hanukkah 25 Kislev); each begins at sundown the evening before.
- **Diwali is India's day** (the package's ``DIWALI_INDIA`` table, 2001-2035; its other Diwali
  table is a lunar month off in some years, e.g. 2006-11-20 for 2006-10-21). Before 2001 there
  is no value.
- **Nowruz is 1 Farvardin**, Iran's new year (20 or 21 March).
- **Ramadan is a month**: its value is its first day, its ``end_value`` its last (the day
  before Eid al-Fitr); "the start of Ramadan" is the first day, "the end of Ramadan" the last.
- A bare "Eid" is whichever of the two Eids the tense picks (the nearer one around
  publication): in conflict news both are ceasefire and amnesty days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

# name (as :func:`key` writes it) -> the holiday whose days it takes
NAMES: dict[str, str] = {
    "eid al-fitr": "eid_al_fitr", "eid al-adha": "eid_al_adha", "eid": "eid",
    "ramadan": "ramadan", "ashura": "ashura", "mawlid": "mawlid",
    "rosh hashanah": "rosh_hashanah", "yom kippur": "yom_kippur", "passover": "passover",
    "hanukkah": "hanukkah",
    "chinese new year": "lunar_new_year", "lunar new year": "lunar_new_year",
    "orthodox christmas": "orthodox_christmas", "orthodox easter": "orthodox_easter",
    "diwali": "diwali", "nowruz": "nowruz",
}

# the names as news writes them; spellings are folded to a NAMES key by :func:`key`
PATTERN = (
    r"(?:(?:Eid|Id)(?:[\s-]+(?:al|ul|el|ol|e))?[\s-]+(?:Fitr|Adha|Azha|Kabir)\b"
    r"|Eid\b(?![\s-]+(?:al|ul|el|ol|e)\b)"
    r"|Ramadan|Ramazan|Ramadhan|Ashura|Ashoura"
    r"|Mawlid(?:[\s-]+(?:an|al|un)[\s-]+Nabi)?|Milad[\s-]+(?:un|an|al)[\s-]+Nabi"
    r"|Rosh\s+Hashanah?|Rosh\s+Hashona|Yom\s+Kippur|Passover|Pesach|Hanukk?ah|Chanukk?ah"
    r"|(?:Chinese|Lunar)\s+New\s+Year(?!['’]s\s+(?:Day|Eve))"
    r"|Orthodox\s+(?:Christmas|Easter)|Diwali|Deepavali|Nowruz|Nowrouz|Norouz|Nowrooz|Noruz)"
)
# what a holiday's name may not run into: a war, an attack or a place named after it ("the Yom
# Kippur War", "the Passover massacre"), or a person's next name ("Ramadan Shallah")
NOT_AFTER = (r"(?!\s+(?:[Ww]ar|[Oo]ffensive|[Mm]assacre|[Bb]ombing|[Aa]ttack|[Mm]osque|[Ss]treet"
             r"|[Ss]quare)\b)(?![\s-]+[A-Z][a-z])")

_SPELLING = [
    (re.compile(r"^e?id(?:[\s-]+(?:al|ul|el|ol|e))?[\s-]+fitr$"), "eid al-fitr"),
    (re.compile(r"^e?id(?:[\s-]+(?:al|ul|el|ol|e))?[\s-]+(?:adha|azha|kabir)$"), "eid al-adha"),
    (re.compile(r"^ramad?h?an$|^ramazan$"), "ramadan"),
    (re.compile(r"^ashou?ra$"), "ashura"),
    (re.compile(r"^(?:mawlid|milad)\b.*$"), "mawlid"),
    (re.compile(r"^rosh hash\w+$"), "rosh hashanah"),
    (re.compile(r"^pesach$"), "passover"),
    (re.compile(r"^c?hanukk?ah$"), "hanukkah"),
    (re.compile(r"^deepavali$"), "diwali"),
    (re.compile(r"^no\w*r\w*z$"), "nowruz"),
]

# words before a name that say it is a holiday's, not a person's ("the Muslim holiday Eid")
_LEADS = {"muslim", "muslims", "islamic", "islam's", "jewish", "jews", "hindu", "hindus",
          "shia", "shiite", "shi'ite", "sunni", "holy", "orthodox", "christian", "sikh",
          "the", "during", "before", "after", "since", "until", "by", "on", "in", "for", "of",
          "at", "from", "through", "throughout", "ahead", "over", "around", "and", "or", "a",
          "an", "this", "last", "next", "each", "every", "iranian", "persian", "kurdish",
          "chinese", "vietnamese", "celebrate", "celebrated", "mark", "marked"}


def key(name: str) -> str | None:
    """The :data:`NAMES` key of a holiday's name as written ("Eid ul-Fitr" → "eid al-fitr"),
    or None when it is none of them."""
    low = re.sub(r"\s+", " ", name.strip().lower().replace("’", "'"))
    for rx, folded in _SPELLING:
        if rx.match(low):
            return folded
    return low if low in NAMES else None


# a bare "Eid" is also a surname ("said Eid.", "Eid was an engineer"): it is the holiday only
# after one of these words or before one of the next
_EID_BEFORE = {"the", "an", "a", "before", "after", "during", "for", "of", "on", "until", "till",
               "since", "like", "at", "by", "over", "ahead", "this", "last", "next", "muslim",
               "muslims", "holy", "islamic", "celebrate", "celebrated", "celebrating", "mark",
               "marked", "marking"}
_EID_AFTER = {"ceasefire", "truce", "holiday", "holidays", "festival", "prayer", "prayers",
              "celebration", "celebrations", "feast", "festivities", "break", "amnesty"}


def not_a_holiday(text: str, start: int, end: int) -> bool:
    """Whether the holiday name found at ``text[start:end]`` is no holiday here: part of a
    person's name (:func:`in_a_name`), a bare "Eid" that is a surname ("... ," said Eid."), or
    the word itself in quotation marks ("the word 'Ramadan'")."""
    if in_a_name(text, start):
        return True
    if text[start - 1:start] in ("'", "‘", '"', "“") and text[end:end + 1] in ("'", "’", '"', "”"):
        return True
    if text[start:end] != "Eid":
        return False
    before = re.search(r"([\w'’-]+)[ \t]+$", text[max(0, start - 30):start])
    after = re.match(r"[ \t]+([\w-]+)", text[end:end + 30])
    return not ((before and before[1].lower() in _EID_BEFORE)
                or (after and after[1].lower() in _EID_AFTER))


def in_a_name(text: str, start: int) -> bool:
    """Whether the holiday name at ``text[start:]`` is part of a person's name ("Taha Yasin
    Ramadan", "Gamal Eid"): right after a capitalised word that is none of the words that lead
    to a holiday (:data:`_LEADS`: "the Muslim holiday Eid", "During Ramadan"). A sentence's
    first word counts too ("... Stockholm. Gamal Eid, the Executive Director")."""
    m = re.search(r"(?:^|(?<=[\s\"“(]))([A-Z][\w'’.-]*)[ \t]+$", text[max(0, start - 40):start])
    return m is not None and m[1].lower().replace("’", "'") not in _LEADS


@lru_cache(maxsize=1)
def _calendars() -> dict[str, Callable[[int], Iterable[dt.date]]]:
    """Holiday → the function giving its days in a Gregorian year (those of the package's
    calendars; imported on first use)."""
    from dateutil.easter import EASTER_ORTHODOX, easter
    from holidays.calendars.chinese import _ChineseLunisolar
    from holidays.calendars.hebrew import _HebrewLunisolar
    from holidays.calendars.hindu import _HinduLunisolar
    from holidays.calendars.islamic import _IslamicLunar
    from holidays.calendars.persian import _Persian

    islamic, hebrew = _IslamicLunar(), _HebrewLunisolar()
    chinese, hindu, persian = _ChineseLunisolar(), _HinduLunisolar(), _Persian()

    def lunar(dates: Callable[[int], Iterable[tuple[dt.date, bool]]]
              ) -> Callable[[int], list[dt.date]]:
        # the package yields the year before's days too (a lunar year straddles two)
        return lambda year: sorted(d for d, _ in dates(year) if d.year == year)

    def one(day: Callable[[int], object]) -> Callable[[int], list[dt.date]]:
        def days(year: int) -> list[dt.date]:
            got = day(year)
            got = got[0] if isinstance(got, tuple) else got  # (date, estimated) or a date
            if isinstance(got, set):  # Hanukkah: its first days, the year before's too
                return sorted(d for d in got if d.year == year)
            return [got] if isinstance(got, dt.date) else []
        return days

    def eids(year: int) -> list[dt.date]:
        return sorted({*lunar(islamic.eid_al_fitr_dates)(year),
                       *lunar(islamic.eid_al_adha_dates)(year)})

    return {
        "eid_al_fitr": lunar(islamic.eid_al_fitr_dates),
        "eid_al_adha": lunar(islamic.eid_al_adha_dates),
        "eid": eids,
        "ramadan": lunar(islamic.ramadan_beginning_dates),
        "ashura": lunar(islamic.ashura_dates),
        "mawlid": lunar(islamic.mawlid_dates),
        "rosh_hashanah": one(hebrew.rosh_hashanah_date),
        "yom_kippur": one(hebrew.yom_kippur_date),
        "passover": one(hebrew.passover_date),
        "hanukkah": one(hebrew.hanukkah_date),
        "lunar_new_year": one(chinese.lunar_new_year_date),
        "diwali": one(hindu.diwali_india_date),
        "nowruz": one(persian.new_year_date),
        "orthodox_christmas": lambda year: [dt.date(year, 1, 7)],  # 25 December, Julian
        "orthodox_easter": lambda year: [easter(year, EASTER_ORTHODOX)],
    }


def days(name_key: str, year: int) -> list[dt.date]:
    """The first days of holiday ``name_key`` (a :data:`NAMES` key) in Gregorian ``year``,
    earliest first (two for an Islamic holiday some years; none outside a table's years)."""
    return list(_calendars()[NAMES[name_key]](year))


def last_day(name_key: str, first: dt.date) -> dt.date:
    """The last day of the holiday that begins on ``first``: for Ramadan, the day before the
    next Eid al-Fitr (29 or 30 days on); for the others, ``first`` (one day)."""
    if NAMES[name_key] != "ramadan":
        return first
    fitr = [d for y in (first.year, first.year + 1) for d in days("eid al-fitr", y) if d > first]
    return min(fitr) - dt.timedelta(days=1) if fitr else first + dt.timedelta(days=28)
