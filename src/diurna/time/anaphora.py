"""Anaphoric time expressions: "that same day", "later that year", "the next day", "two days
later", "the day before". Their value counts from the narrative's reference time (the last
date the text gave), not from the publication date, as the TimeML guidelines and TempEval
annotators read them. ``deictic`` expressions ("yesterday", "last week", "next year") stay with
the publication date (:mod:`diurna.time.resolver`)."""

from __future__ import annotations

import datetime as dt
import re

from diurna.model import Precision
from diurna.time.values import (
    MONTH,
    SMALL_COUNTS,
    WEEKDAY_NAMES,
    month_number,
    number_words,
    phrase,
)

# the narrative's reference time: a date and how fine it is ("day", "week", "month", "year")
Ref = tuple[dt.datetime, Precision]

# how coarse a precision is (a "day" reference can serve "that year", not the other way)
_FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3}
_UNIT_PRECISION: dict[str, Precision] = {
    "day": "day", "night": "day", "morning": "day", "afternoon": "day", "evening": "day",
    "week": "week", "weekend": "week", "month": "month", "year": "year"}
_UNIT = r"(?P<unit>day|night|morning|afternoon|evening|week|weekend|month|year)"
# a count of units in figures or words ("3", "three", "a"), and a count left unsaid
_COUNT = rf"(?:\d+|{number_words(12)})"
_SOME = r"(?:a\s+few|several)"

# "that (same) day", "the same week", "earlier that day", "later that year", "on that night"
_SAME = re.compile(
    r"^(?:(?:on|in|at|during|by)\s+)?(?:(?:earlier|later|late|early)\s+(?:(?:on|in)\s+)?)?"
    rf"(?:that(?:\s+(?:same|very))?|the\s+(?:same|very\s+same))\s+{_UNIT}$", re.I)
# "that October", "earlier that October", "later in that May": the month of the narrative's year
# (the month's name must be capitalised: "that may" is a verb)
_THAT_MONTH = re.compile(
    r"^(?i:(?:(?:in|during|by)\s+)?(?:(?:earlier|later|late|early)\s+(?:in\s+)?)?that)\s+"
    rf"(?P<month>{MONTH})$")
# "the next day", "the following week", "the previous night", "early the next morning"
_NEXT = re.compile(
    r"^(?:(?:on|by|during)\s+)?(?:(?:early|late|later|earlier)\s+(?:on\s+)?)?"
    rf"the\s+(?P<dir>next|following|previous|preceding|prior)\s+{_UNIT}$", re.I)
# "the following Sunday", "the previous Tuesday": that weekday after (before) the reference day
_NEXT_WEEKDAY = re.compile(
    r"^(?:(?:on|by)\s+)?the\s+(?P<dir>next|following|previous|preceding|prior)\s+"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", re.I)
# "the day before", "the night after", "the year before" (no event named after it)
_BEFORE = re.compile(rf"^(?:(?:on|in)\s+)?the\s+{_UNIT}\s+(?P<dir>before|after|earlier|later)$",
                     re.I)
# "two days later", "a week earlier", "three months before", "a year after"
_LATER = re.compile(
    rf"^(?P<n>{_COUNT}|{_SOME})\s+(?P<unit>day|week|month|year)(?P<pl>s?)\s+"
    r"(?P<dir>later|earlier|before|after|afterwards?|on)$",
    re.I)

# Patterns for finding them in running text (the parser's DATE entities often cut them short:
# "The day" of "The day before,"); "before"/"after" only when no event follows ("the day
# after the vote" counts from the vote, which the text does not date here).
PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+"
               r"(?:day|night|morning|afternoon|evening|week|weekend|month|year)\b", re.I),
    re.compile(r"\b(?:(?:early|late)\s+)?the\s+(?:next|following|previous|preceding)\s+"
               r"(?:day|night|morning|afternoon|evening|week|weekend|month|year)\b", re.I),
    re.compile(r"\b[Tt]he\s+(?:next|following|previous|preceding)\s+(?:Monday|Tuesday|Wednesday|"
               r"Thursday|Friday|Saturday|Sunday)\b"),
    # "the day before in his birthplace": a preposition after it names no event to count from
    re.compile(r"\bthe\s+(?:day|night|week|month|year)\s+(?:before|after|earlier)"
               r"(?=\s*[,.;]|\s+(?:in|at|during)\s)", re.I),
    # "Earlier that October", "in that October", "That October,": a month of the narrative's
    # year; a bare "that" inside a line is a conjunction ("said that October was worse"), a
    # day after it makes a date of its own ("said that March 3 was"), and "that May" is left
    # out ("said that May would resign" names a person)
    re.compile(r"(?:\b(?i:earlier|later|late|early)\s+(?:in\s+)?(?i:that)|(?<=\b[Ii]n )that|"
               r"(?<=\b[Dd]uring )that|(?<=\b[Bb]y )that|\bThat)\s+(?:January|February|March|April|"
               r"June|July|August|September|October|November|December)\b(?!\s*\d)"),
    re.compile(rf"\b(?:{_COUNT}|{_SOME})\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier|"
               r"afterwards?)\b(?!\s+than)", re.I),
    re.compile(rf"\b{_COUNT}\s+(?:days?|weeks?|months?|years?)\s+before(?=\s*[,.;])", re.I),
]

# "over the next year", "for the following week": a length of time, not a date
_DURATION_LEAD = re.compile(r"\b(?:over|for|within|during|throughout|in)\s*$", re.I)


def ref_of(value: str | None) -> Ref | None:
    """The reference time a calendar value sets (``1998-10-23``, ``1998-W43``, ``1998-10``,
    ``1998``, ``1998-10-23T09:00``), None for anything else (durations, REFs, decades,
    partial dates without a year)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)", value)
    if m:
        return dt.datetime(int(m[1]), int(m[2]), int(m[3])), "day"
    m = re.match(r"^(\d{4})-W(\d{2})$", value)
    if m:
        return dt.datetime.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m:
        return dt.datetime(int(m[1]), int(m[2]), 1), "month"
    m = re.match(r"^(\d{4})$", value)
    if m:
        return dt.datetime(int(m[1]), 1, 1), "year"
    return None


def needed_precision(text: str) -> Precision | None:
    """How fine a reference ``text`` needs ("that day": ``day``), None when ``text`` is not
    anaphoric."""
    raw = phrase(text)
    if _NEXT_WEEKDAY.match(raw):
        return "day"
    if _THAT_MONTH.match(raw):
        return "year"
    for rx in (_SAME, _NEXT, _BEFORE, _LATER):
        m = rx.match(raw)
        if m:
            return _UNIT_PRECISION[m["unit"].lower()]
    return None


def pick_ref(refs: list[Ref], text: str = "") -> Ref | None:
    """The reference for an anaphoric expression ``text``: the latest date the text gave before
    it ("last October ... that same day": the October), as TimeML annotators and HeidelTime read
    it; a coarser one makes the value coarser (see :func:`anaphoric_value`). "that October"
    points back at an October the text named: the latest date in that month when there is one
    ("On October 24, 2001 ... on December 16, 2002 ... Earlier that October": 2001's)."""
    month = _THAT_MONTH.match(phrase(text))
    if month is not None:
        number = month_number(month["month"])
        named = [r for r in refs if r[1] != "year" and r[0].month == number]
        if named:
            return named[-1]
    return refs[-1] if refs else None


def _fmt(date: dt.datetime, precision: Precision) -> str:
    if precision == "day":
        return date.strftime("%Y-%m-%d")
    if precision == "week":
        iso = date.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}"


def with_month(date: dt.datetime, months: int) -> dt.datetime:
    """``date`` moved to the absolute month index ``months`` (year * 12 + month - 1), its day
    cut to the month's last when the month is shorter."""
    year, month = divmod(months, 12)
    for day in (date.day, 30, 29, 28):
        try:
            return date.replace(year=year, month=month + 1, day=day)
        except ValueError:
            continue
    return date


def _shift(date: dt.datetime, n: int, unit: str) -> dt.datetime:
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return date + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return date + dt.timedelta(weeks=n)
    return with_month(date, date.year * 12 + date.month - 1 + (n if unit == "month" else 12 * n))


_LETTER = {"day": "D", "night": "D", "week": "W", "month": "M", "year": "Y"}


def length_value(text: str, before: str = "") -> str | None:
    """"(over) the next year", "(for) the following week": TimeML ``P1Y`` / ``P1W`` when the
    words ahead (``before``) make the expression a length of time; else None."""
    m = _NEXT.match(phrase(text))
    if (m is None or m["dir"].lower() not in ("next", "following")
            or m["unit"].lower() not in _LETTER or not _DURATION_LEAD.search(before)):
        return None
    return f"P1{_LETTER[m['unit'].lower()]}"


def counted_length(text: str) -> tuple[int, str] | None:
    """"three days later", "a week earlier": where the length's words end in ``text`` and its
    TimeML value (``P3D``, ``P1W``). TimeML marks the length alone ("three days") as a
    DURATION (TimeBank 4 of 4, AQUAINT 1 of 1 on development); the day it reaches is
    :func:`anaphoric_value`'s. A year stays a date: "a year earlier" names the same period a
    year before (TimeBank: a DATE 20 times of 20 on development). None for any other text."""
    m = _LATER.match(text.rstrip(".,;"))
    if m is None or m["unit"].lower() == "year":
        return None
    count = _count(m["n"])
    said = "X" if count is None else count  # "a few days": PXD
    return m.end("pl"), f"P{said}{_LETTER[m['unit'].lower()]}"


def _count(words: str) -> int | None:
    """The number a count says ("3", "three", "a"); None for one left unsaid ("a few")."""
    word = re.sub(r"\s+", " ", words.lower())
    return int(word) if word.isdigit() else SMALL_COUNTS.get(word)


def anaphoric_value(text: str, ref: Ref | None, before: str = ""
                    ) -> tuple[str | None, Precision] | None:
    """(value, precision) of an anaphoric expression counted from ``ref``; None when ``text``
    is not one (or ``before``, the text just ahead of it, makes it a length: "over the next
    year"). A reference coarser than the expression needs gives its own value for "that day"
    ("in October ... that same day": ``1998-10``) and no value for a shift ("in 1998 ... the
    next day": unknown)."""
    raw = phrase(text)
    wd = _NEXT_WEEKDAY.match(raw)
    if wd is not None:
        return _weekday_from(ref, wd["wd"], wd["dir"].lower() in ("next", "following"))
    month = _THAT_MONTH.match(raw)
    if month is not None:  # "that October": the October of the year the narrative is in
        if ref is None:
            return None, "unknown"
        return f"{ref[0].year:04d}-{month_number(month['month']):02d}", "month"
    n = 0
    m = _SAME.match(raw)
    if m is None:
        m = _NEXT.match(raw)
        if m is not None:
            if m["dir"].lower() in ("next", "following") and _DURATION_LEAD.search(before):
                return None  # a length: see length_value
            n = 1 if m["dir"].lower() in ("next", "following") else -1
    if m is None:
        m = _BEFORE.match(raw)
        if m is not None:
            n = 1 if m["dir"].lower() in ("after", "later") else -1
    if m is None:
        m = _LATER.match(raw)
        if m is not None:
            count = _count(m["n"])
            if count is None:
                return None, "unknown"  # "a few days later": which day is not said
            n = count if m["dir"].lower() not in ("earlier", "before") else -count
    if m is None:
        return None
    unit = m["unit"].lower()
    want = _UNIT_PRECISION[unit]
    if ref is None:
        return None, "unknown"
    date, have = ref
    if _FINENESS[have] > _FINENESS[want]:
        return (_fmt(date, have), have) if n == 0 else (None, "unknown")
    return _fmt(_shift(date, n, unit), want), want


def _weekday_from(ref: Ref | None, weekday: str, after: bool) -> tuple[str | None, Precision]:
    """"the following Sunday" (``after``) or "the previous Sunday": that weekday next after
    (before) a day reference; unknown without one."""
    if ref is None or ref[1] != "day":
        return None, "unknown"
    date, want = ref[0], WEEKDAY_NAMES.index(weekday.lower())
    step = ((want - date.weekday()) % 7 or 7) if after else -((date.weekday() - want) % 7 or 7)
    return _fmt(date + dt.timedelta(days=step), "day"), "day"
