"""Reporting periods of financial news, and spellings of a date that ``dateparser`` cannot read.

An earnings report names the quarter it reports ("third-quarter net income rose ...") and
compares it with the same quarter a year before: "from $2.1 million a year earlier", "the
year-ago quarter". TimeML (TimeBank's Wall Street Journal documents) values those comparisons
as that quarter (``1988-Q3``), not as the day a year before publication; "the quarter", "the
latest quarter" as the quarter reported; "the full year" as that quarter's year. The quarter
reported is the last one the text named before the expression; without one, the comparisons
keep their usual reading.

Spoken-news transcripts write years in words ("nineteen ninety-six", "the year two thousand"):
:func:`respell` gives them in figures so the usual rules read them.
"""

from __future__ import annotations

import datetime as dt
import re

from diurna.time.values import ONES, QUARTER_ORDINALS, TEENS, TENS, YEAR, phrase

# the quarter a text reports, (year, quarter): the last quarter value it gave (``1989-Q3`` is
# (1989, 3))
Quarter = tuple[int, int]

_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def _ord(group: str) -> str:
    """An optional ordinal of a quarter ("third", "third-"), captured as ``group``."""
    return rf"(?:(?P<{group}>first|second|third|fourth)[\s-]+)?(?:fiscal[\s-]+)?"


# the same period a year before: "a year ago", "a year earlier", "year-earlier", "the year-ago
# (third) quarter", "the year-earlier period", "last year's quarter", "the quarter a year ago",
# "the corresponding period last year", "the 1988 quarter"
_YEAR_BEFORE = re.compile(
    r"^(?:(?:the|a)\s+)?(?:"
    rf"year[\s-](?:ago|earlier)(?:\s+{_ord('o1')}(?:quarter|period))?"
    r"|a\s+year\s+(?:ago|earlier)"
    rf"|last\s+year['’]s\s+{_ord('o2')}(?:quarter|period)"
    r"|(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)"
    r"|(?:corresponding|same|comparable)\s+(?:quarter|period)\s+(?:of\s+)?(?:last\s+year|"
    r"a\s+year\s+(?:ago|earlier))"
    rf"|(?P<year>{YEAR})\s+{_ord('o3')}(?:quarter|period))$", re.I)
# adjectives that compare with last year whatever the text reports: "year-earlier", "year-ago"
_YEAR_BEFORE_ADJ = re.compile(r"^(?:the\s+)?year[\s-](?:ago|earlier)$", re.I)
# the year a report's results are for: "sales for the full year", "an earnings increase for the
# full year" (TimeBank development 2 of 2 are that year, a DATE, not a length); the results
# named before it in the sentence say it is a report's year, not "stayed for the full year"
_FULL_YEAR = re.compile(r"^(?:the\s+)?full[\s-]+(?:fiscal\s+)?year$", re.I)
# the words of a report's results, here and in the resolver ("third-quarter earnings")
RESULTS = r"(?:earnings|profits?|results|income|loss(?:es)?|sales|revenues?)"
_RESULTS_BEFORE = re.compile(rf"\b{RESULTS}\b[^.;]*$", re.I)
# the quarter reported: "the quarter", "the latest quarter", "the most recent quarter"
_REPORTED = re.compile(r"^(?:the\s+)?(?:(?:latest|most\s+recent)\s+)?(?:fiscal\s+)?quarter$",
                       re.I)


def quarter_of(value: str | None) -> Quarter | None:
    """(year, quarter) of a TimeML quarter value (``1989-Q3``), None for any other value."""
    m = _QUARTER_VALUE.match(value or "")
    return (int(m[1]), int(m[2])) if m else None


def ended_quarter(value: str | None, published: dt.datetime | None) -> Quarter | None:
    """(year, quarter) of a quarter value that ended before ``published`` (a report's results
    are for a quarter gone; "a fourth-quarter charge" in October is no report of it), or of any
    quarter when the publication date is unknown; None otherwise."""
    found = quarter_of(value)
    if found is None or published is None:
        return found
    return found if (found[0], found[1] * 3) < (published.year, published.month) else None


def reporting_value(text: str, reported: Quarter | None, published_year: int | None,
                    before: str = "") -> str | None:
    """The TimeML value of a comparison or of "the quarter" in a text that reports the quarter
    ``reported`` ("a year earlier" → ``1988-Q3`` when the text reported 1989's third quarter);
    "year-ago" without a quarter reported is the year before publication. None when ``text`` is
    none of these or nothing says which period it is. ``before`` is the text just before the
    expression: "the full year" after a report's results ("sales for the full year") is the
    reported quarter's year, or without one the publication's."""
    raw = phrase(text)
    m = _YEAR_BEFORE.match(raw)
    if m and reported is not None:
        said = m["o1"] or m["o2"] or m["o3"] or ""
        quarter = QUARTER_ORDINALS.get(said.lower(), reported[1])
        year = int(m["year"]) if m["year"] else reported[0] - 1
        return f"{year:04d}-Q{quarter}"
    if _YEAR_BEFORE_ADJ.match(raw) and published_year is not None:
        return f"{published_year - 1:04d}"
    if _REPORTED.match(raw) and reported is not None:
        return f"{reported[0]:04d}-Q{reported[1]}"
    if _FULL_YEAR.match(raw) and _RESULTS_BEFORE.search(before):
        own = reported[0] if reported is not None else published_year
        return None if own is None else f"{own:04d}"
    return None


_TENS_RX = "|".join(TENS)
_ONES_RX = "|".join(ONES)
# "nineteen ninety-six", "nineteen seventy-nine", "nineteen ninety", "nineteen oh five"
_SPOKEN_19 = re.compile(rf"\bnineteen\s+(?:(?P<tens>{_TENS_RX})(?:[\s-](?P<ones>{_ONES_RX}))?|"
                        rf"(?P<teen>{'|'.join(TEENS)})|oh\s+(?P<oh>{_ONES_RX}))\b", re.I)
# "two thousand", "two thousand and one", "two thousand five"
_SPOKEN_2000 = re.compile(rf"\btwo\s+thousand(?:\s+(?:and\s+)?(?P<ones>{_ONES_RX}))?\b", re.I)
# "the year two thousand": the year itself
_THE_YEAR = re.compile(r"^the\s+year\s+(?=\d{4}$)", re.I)


def respell(text: str) -> str:
    """``text`` with years said in words written in figures ("January nineteen ninety-seven"
    → "January 1997", "the year two thousand" → "2000"); other text unchanged."""

    def nineteen(m: re.Match[str]) -> str:
        if m["teen"]:
            return str(1900 + TEENS[m["teen"].lower()])
        if m["oh"]:
            return str(1900 + ONES[m["oh"].lower()])
        return str(1900 + TENS[m["tens"].lower()] + ONES.get((m["ones"] or "").lower(), 0))

    out = _SPOKEN_19.sub(nineteen, text)
    out = _SPOKEN_2000.sub(lambda m: str(2000 + ONES.get((m["ones"] or "").lower(), 0)), out)
    return _THE_YEAR.sub("", out)
