"""TimeML values: what kind of value a string is, and its projection onto the project's
calendar-only convention (``docs/annotation-places-times.md``)."""

from __future__ import annotations

import datetime as dt
import re

from diurna.time import holidays

# a calendar value the project's gold can hold: a day, month, year, ISO week or partial date
_CALENDAR = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?|--\d{2}(?:-\d{2})?)$")
# a TimeML part of a year: season, half, quarter (1998-SU, 1998-H1, 1998-Q3)
_PART_OF_YEAR = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI|H[12]|Q[1-4])$")
# a day with a time or part of the day (1998-08-07T10:00, 1998-08-07TNI)
_DAY_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T")


def calendar_value(value: str | None) -> str | None:
    """The value the project's gold convention gives the same expression: calendar values as
    they are, a season/half/quarter as its year, a time as its day, and ``None`` for what the
    calendar cannot hold (``PRESENT_REF``, durations, sets, decades, ``XXXX`` gaps)."""
    if value is None or _CALENDAR.match(value):
        return value
    m = _PART_OF_YEAR.match(value) or _DAY_TIME.match(value)
    return m[1] if m else None


# The pieces of a written date, shared by every pattern that reads one (the resolver's
# finders, "the year ended June 30", "the 12 months to Sept. 30"): a month name or its
# abbreviation ("Sept."), a day of the month ("30", "30th"), a year of news (1800-2099).
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
#: the months' first three letters, in calendar order
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                       "nov", "dec")


def month_number(name: str) -> int:
    """The month a name or abbreviation matched by :data:`MONTH` says (1-12): "Sept." → 9."""
    return MONTH_ABBREVIATIONS.index(name.lower()[:3]) + 1


def phrase(text: str) -> str:
    """A time expression as the value rules read it: its white space single, with no edge
    white space or closing ".,;" ("the  next day." → "the next day")."""
    return re.sub(r"\s+", " ", text.strip().rstrip(".,;"))


# ---------------------------------------------------------------------------------------------
# TimeML values the calendar cannot hold: references, durations, sets, decades, parts of a year

# Number words, written once for the time stage (the anaphora, the resolver's finders and
# "N years ago", spoken years, lengths): the ones, the teens (from ten) and the tens.
ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# the counts news writes in words before a unit ("a week", "two days", "twelve years")
SMALL_COUNTS = {"a": 1, "an": 1, **ONES, "ten": 10, "eleven": 11, "twelve": 12}
# the ordinals of a year's quarters ("the third quarter")
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def number_words(upto: int, articles: bool = True) -> str:
    """The count words up to ``upto`` ("a|an|one|two|...") as a regex alternation, in the
    order of :data:`SMALL_COUNTS`; ``articles=False`` leaves out "a" and "an"."""
    return "|".join(w for w, n in SMALL_COUNTS.items()
                    if n <= upto and (articles or w not in ("a", "an")))


_NUMBERS = {"a": 1, "an": 1, **ONES, **TEENS, **TENS, "hundred": 100, "thousand": 1000,
            "half": 0.5, "quarter": 0.25}
_UNITS = {"second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1),
          "day": ("", "D", 1), "night": ("", "D", 1), "week": ("", "W", 1),
          "month": ("", "M", 1), "year": ("", "Y", 1), "decade": ("", "Y", 10),
          "century": ("", "Y", 100), "centurie": ("", "Y", 100), "fortnight": ("", "W", 2),
          "quarter": ("", "M", 3)}
_NUM = r"(?:\d+(?:\s+1/2)?(?:\.\d+)?|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = (r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie|"
         r"quarter)")
# "(the) (past|last|next) (about|nearly) two (more) weeks", "16-hour", "six year", "years"
_DURATION_TEXT = re.compile(
    r"^(?:the\s+)?(?:(?:past|last|next|coming|first|previous|preceding|following|ensuing|recent|"
    r"final|latest|another|only|about|around|approximately|nearly|almost|over|under|barely|mere|"
    # "the remaining 11 days", "a single day": the count as said (P11D, P1D)
    r"remaining|single|"
    # "the intervening years": the years between two dates the text gives (PXY)
    r"intervening|"
    r"(?:no|not)\s+(?:more|less)\s+than|more\s+than|less\s+than|close\s+to|those|these|"
    r"at\s+least|up\s+to|some|as\s+long\s+as|as\s+many\s+as|as\s+much\s+as|just|roughly|"
    r"several|few|many|a\s+few|a\s+couple\s+of|couple\s+of|more|a|all|entire|whole|full|"
    # "a record 10 years", "a fiscal year"; "hundreds of years" (a count not given: PXY)
    r"record|fiscal|(?:hundreds|thousands|dozens|tens|number)\s+of|"
    r"his|her|their|its|our|my|your)\s+)*"
    rf"(?:(?P<num>{_NUM}(?:[\s-]+{_NUM})?)"
    # "eight trading days", "five business days": days of one kind, counted all the same
    # ("nine short days": an adjective of feeling between count and unit, the count as said)
    r"(?:\s+(?:more|straight|consecutive|successive|full|whole|long|short|additional|trading|"
    r"business|working))?[\s-]+)?"
    r"(?:and\s+a\s+half\s+)?"
    rf"(?P<unit>{_UNIT})(?P<plural>s)?(?P<half2>\s+and\s+a\s+half)?(?:[\s-]long)?"
    # "the first nine months of the year": the length, whatever year it lies in
    rf"(?:\s+of\s+(?:(?:the|this|last|next|that)\s+(?:fiscal\s+)?year|{YEAR})"
    # "the 12 months to September", "the year ended June 30": a length that ends then
    rf"|\s+(?:to|through|ended|ending)\s+{MONTH}(?:\s+{DAY}\b)?(?:,?\s+{YEAR})?)?"
    # "the next two years or so": the hedge leaves the count as said
    r"(?:,?\s+or\s+so)?$",
    re.I)
_AGE = re.compile(r"-old$|\byears?\s+old$", re.I)
# "the last day of the year", "the first week of May": a place on the calendar, not a length
_PART_NAMED = re.compile(r"^(?:the\s+)?(?:first|last|final)\s+(?:day|night|week|month)\s+of\b",
                         re.I)

_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the moment": "PRESENT_REF", "present": "PRESENT_REF",
    "this moment": "PRESENT_REF",
    "these days": "PRESENT_REF", "right now": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "earlier": "PAST_REF", "previously": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
    "soon": "FUTURE_REF", "later": "FUTURE_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "shortly": "FUTURE_REF",
    "the near future": "FUTURE_REF", "near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the immediate future": "FUTURE_REF",
    "the days ahead": "FUTURE_REF",
    "the weeks ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",
    "the years ahead": "FUTURE_REF",
}
_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
         "annually": "P1Y", "annual": "P1Y", "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M"}
_EVERY = re.compile(rf"^(?:every|each|per)\s+(?:single\s+)?({_UNIT})$", re.I)
_EVERY_N = re.compile(rf"^every\s+({_NUM}(?:[\s-]+{_NUM})?)\s+({_UNIT})s$", re.I)


# words that leave a reference where it is: "this very moment", "this critical moment" are
# "this moment"; "the not so far future", "the not too distant future" are "the near future"
_REF_WORDING = [(re.compile(r"^this [a-z]+ moment$"), "this moment"),
                (re.compile(r"^the not (?:so|too) (?:far|distant) future$"), "the near future")]


def ref_value(text: str) -> str | None:
    """``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` for the vague deictic adverbs
    ("now", "recently", "soon", "this very moment"), else None."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    for rx, same in _REF_WORDING:
        words = rx.sub(same, words)
    return _REFS.get(words)


def _count(words: str) -> float | None:
    """The number a count phrase says ("two", "16", "twenty five"), None when vague."""
    total: float = 0
    if re.fullmatch(r"half[\s-]+an?", words.strip().lower()):
        return 0.5
    for w in re.split(r"[\s-]+", words.strip().lower()):
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            total += float(w)
        elif w == "1/2":  # "3 1/2 years"
            total += 0.5
        elif w in _NUMBERS:
            n = _NUMBERS[w]
            # "two hundred", "two thousand": a multiplier of what came before
            total = total * n if n in (100, 1000) and total else total + n
        else:
            return None
    return total

# "two to three years", "between two and three weeks", "10-25 years", "five or six days"
_RANGE_TEXT = re.compile(
    r"^(?:the\s+)?(?:(?:past|last|next|coming|first|about|around|some|roughly)\s+)*"
    rf"(?:between\s+(?P<a1>{_NUM})\s+and\s+|(?P<a2>{_NUM})(?:\s+(?:to|or)\s+|-to-)"
    rf"|(?P<a3>\d+)\s*[-–]\s*)(?P<b>{_NUM})[\s-]+(?P<unit>{_UNIT})s?(?:[\s-]long)?$", re.I)


def range_duration_value(text: str) -> str | None:
    """A length given as a range of counts ("two to three years", "between two and three
    weeks", "10-25 years") is TimeML's unspecified count of that unit (``PXY``, ``PXW``): a
    value holds one number, and choosing either end would state what the text does not."""
    m = _RANGE_TEXT.match(text.strip().rstrip(".,;"))
    if not m or _count(m["a1"] or m["a2"] or m["a3"]) is None or _count(m["b"]) is None:
        return None
    t, letter, scale = _UNITS[m["unit"].lower()]
    return f"P{t}X{ {10: 'DE', 100: 'CE'}.get(scale, letter)}"


# "between 20 and 1000 years", "from 3 months to 1 year", "two to six days": TimeML gives each
# end of a range its own expression, as it does "from 1992 to 1995" (TimeBank: "between two to
# six days" is "two" P2D and "six days" P6D); an end without a unit takes the other's. Not
# "the next 12 to 18 months" (one noun phrase, PXM), "five or six days" (either, PXD), nor
# "a year and three months" (one length)
_RANGE_ENDS = re.compile(
    rf"^(?:between\s+(?P<a1>{_NUM}(?:[\s-]+(?P<u1>{_UNIT})s?)?)\s+(?:and|to)\s+"
    rf"|(?:from\s+)?(?P<a2>{_NUM}(?:[\s-]+(?P<u2>{_UNIT})s?)?)\s+to\s+)"
    rf"(?P<b>{_NUM}[\s-]+(?P<ub>{_UNIT})s?)$", re.I)
# what follows the first end of such a range when only the second end has the unit
_RANGE_REST = re.compile(rf"\s+(?:and|to)\s+{_NUM}[\s-]+(?P<unit>{_UNIT})s?\b", re.I)
_BARE_COUNT = re.compile(rf"{_NUM}", re.I)


def range_ends(text: str) -> list[tuple[int, int, str]] | None:
    """The two ends of a range of lengths in ``text`` ("between 20 and 1000 years"), each as
    (start, end, TimeML value): ``[(8, 10, "P20Y"), (15, 25, "P1000Y")]``; None unless
    ``text`` is such a range with a value at both ends."""
    m = _RANGE_ENDS.match(text)
    if not m:
        return None
    a = "a1" if m["a1"] else "a2"
    own_unit = m["u1"] or m["u2"]
    first = duration_value(m[a] if own_unit else f"{m[a]} {m['ub']}s")
    second = duration_value(m["b"])
    if first is None or second is None:
        return None
    return [(m.start(a), m.end(a), first), (m.start("b"), m.end("b"), second)]


def range_first_value(count: str, after: str) -> str | None:
    """The length a bare count opens when the range's second end gives the unit ("20" before
    " and 1000 years" is ``P20Y``); None when ``count`` is no count or no such end follows."""
    m = _RANGE_REST.match(after)
    if not m or not _BARE_COUNT.fullmatch(count.strip()):
        return None
    return duration_value(f"{count.strip()} {m['unit']}s")


# "a year and three months", "two hours and 30 minutes": one length in two units
_COMPOUND = re.compile(
    r"^(?P<a>.+?)(?:,\s*|,?\s+and\s+)(?P<b>(?:an?|one|\d+|[a-z]+)[\s-]+[a-z]+)$", re.I)
_ISO_ORDER = "YMWDTHMS"


def compound_duration_value(text: str) -> str | None:
    """A length told in two units ("a year and three months", "two hours and 30 minutes") is
    one TimeML duration holding both counts (``P1Y3M``, ``PT2H30M``), as ISO 8601 writes it;
    None unless ``text`` is two counted lengths, the larger unit first ("a year and a half" is
    no compound: :func:`duration_value` reads it as ``P18M``)."""
    m = _COMPOUND.match(text.strip())
    if not m or re.search(r"\band\s+a\s+half\b", text, re.I):
        return None
    parts = []
    for piece in (m["a"], m["b"]):
        v = duration_value(piece)
        one = re.fullmatch(r"P(T?)(\d+)([YMWDHS])", v or "")
        if one is None:  # (a vague or fractional part: "years and three months" is no value)
            return None
        # the position of the unit in ISO's order (months before the T, minutes after it)
        pos = _ISO_ORDER.index(one[3], 5 if one[1] else 0)
        parts.append((pos, one[1], one[2] + one[3]))
    (pa, ta, a), (pb, tb, b) = parts
    if pa >= pb or "W" in a + b:  # larger unit first; ISO does not mix weeks with others
        return None
    if ta:  # both after the T ("two hours and 30 minutes")
        return f"PT{a}{b}"
    return f"P{a}{tb}{b}"


# "a several-year tenure": a length whose count the text does not give (TimeBank: PXY)
_SEVERAL_UNIT = re.compile(rf"^(?:an?\s+)?several-(?P<unit>{_UNIT})$", re.I)
# "(for) a while": a length with neither count nor unit (TimeBank: PXX); found only after
# "for" (resolver), as "a while ago" is a time before, not a length
_NO_UNIT = re.compile(r"^a\s+while$", re.I)
# The plural units a length is said in with no count ("Days later", "weeks or months").
BARE_UNITS = r"(?:hours|minutes|days|weeks|months|years|decades)"
# "weeks or months", "hours or even days": two bare units joined by "or" are one expression, the
# first unit's length with no count (TimeBank marks "weeks or months" once, PXW); each unit alone
# would be a length of its own, so the first is the one a reader hears first. The resolver finds
# it by the same words.
UNITS_OR_UNITS = rf"{BARE_UNITS}\s+or\s+(?:even\s+|possibly\s+|perhaps\s+)?{BARE_UNITS}"
_UNIT_OR_UNIT = re.compile(rf"^{UNITS_OR_UNITS}$", re.I)
# "a couple of years": two of them (TimeBank P2Y; AQUAINT's documents have none); not "a
# couple of 18 year olds"; "a couple more years" is two more of them, a length of two years
_COUPLE = re.compile(rf"\b(?:a\s+)?couple\s+(?:of\s+(?={_UNIT})|(?=more\s+{_UNIT}))", re.I)


def duration_value(text: str) -> str | None:
    """The TimeML duration of a length of time ("three days" → ``P3D``, "16-hour" →
    ``PT16H``, "the past decade" → ``P10Y``, "weeks" → ``PXW``), None when ``text`` is not one.
    Ages ("55-year-old") are not durations here (the project does not annotate them)."""
    clean = text.strip().rstrip(".,;'’")
    if _AGE.search(clean):
        return None
    if _PART_NAMED.match(clean):
        return None
    ranged = range_duration_value(clean)
    if ranged:  # (read before the counts below, which would add "10-25" up to 35)
        return ranged
    compound = compound_duration_value(clean)
    if compound:
        return compound
    if _NO_UNIT.match(clean):
        return "PXX"
    if _UNIT_OR_UNIT.match(clean):
        return duration_value(clean.split(None, 1)[0])
    several = _SEVERAL_UNIT.match(clean)
    if several:
        t, letter, scale = _UNITS[several["unit"].lower()]
        return f"P{t}X{ {10: 'DE', 100: 'CE'}.get(scale, letter)}"
    clean = _COUPLE.sub("two ", clean)
    # "a quarter of a century" is "a quarter century" (P25Y), "half of a year" "half year"
    clean = re.sub(r"\b(quarter|half)\s+of\s+an?\b", r"\1", clean, flags=re.I)
    # "two-and-a-half hours", "a yearlong strike": written as the pattern reads them
    clean = re.sub(r"-and-a-half(?:-|\b)\s*", " and a half ", clean, flags=re.I).strip()
    clean = re.sub(r"(day|week|month|year|decade)long$", r"\1-long", clean, flags=re.I)
    m = _DURATION_TEXT.match(clean)
    if not m:
        return None
    unit = m["unit"].lower()
    if unit == "quarter" and not (m["num"] and m["plural"]):
        # "the next three quarters" is nine months; "the last quarter", "the quarter" are a
        # quarter of the calendar (a date), "recent quarters" no count TimeML agrees on
        return None
    t, letter, scale = _UNITS[unit]
    n: float | None
    if m["num"]:
        n = _count(m["num"])
        if n is None:
            return None
    elif (re.match(r"^(?:(?:the\s+)(?:past|last|coming)\s+|(?:(?:about|around|nearly|almost|"
                   r"over|more\s+than|less\s+than|at\s+least|just|some|another|as\s+long\s+as|"
                   r"up\s+to|a|an|all)\s+)+|the\s+(?:entire|whole|full)\s+)", clean, re.I)
           or clean.lower().endswith("-long")) and not m["plural"]:
        n = 1  # "the past decade", "over a year"
    elif not m["plural"]:
        return None  # a bare singular unit ("day", "year") is not a length
    else:
        return f"P{t}X{ {10: 'DE', 100: 'CE'}.get(scale, letter)}"
    if "and a half" in clean.lower():  # "two and a half years", "a year and a half"
        n += 0.5
    value = n * scale
    if value != int(value):  # "half an hour" → PT30M, "two and a half years" → P30M
        smaller = {("T", "H"): ("T", "M", 60), ("", "Y"): ("", "M", 12),
                   ("", "D"): ("T", "H", 24), ("", "W"): ("", "D", 7),
                   ("T", "M"): ("T", "S", 60)}.get((t, letter))
        # (only when the smaller unit gives a whole count: "43.08 minutes" stays PT43.08M)
        if smaller is not None and round(value * smaller[2], 6).is_integer():
            t, letter, times = smaller
            value = round(value * times, 6)
    num = str(int(value)) if value == int(value) else f"{value:g}"
    return f"P{t}{num}{letter}"


# weekday names in Python's weekday() order (Monday 0), shared by the time stage
WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# "every Saturday", "each Monday", "Saturdays": TimeML's XXXX-WXX-6 (a day of every week)
_EVERY_WEEKDAY = re.compile(r"^(?:(?:every|each)\s+(?P<one>[a-z]+day)|(?P<many>[a-z]+day)s)$")


def set_value(text: str) -> str | None:
    """The TimeML value of a frequency ("daily" → ``P1D``, "every week" → ``P1W``, "every
    Saturday" → ``XXXX-WXX-6``)."""
    clean = text.strip().lower()
    if clean in _SETS:
        return _SETS[clean]
    m = _EVERY_WEEKDAY.match(clean)
    if m and (m["one"] or m["many"]) in WEEKDAY_NAMES:
        return f"XXXX-WXX-{WEEKDAY_NAMES.index(m['one'] or m['many']) + 1}"
    m = _EVERY_N.match(clean)
    if m:  # "every three months": P3M
        n = _count(m[1])
        if n is not None and n == int(n):
            t, letter, scale = _UNITS[m[2]]
            return f"P{t}{int(n) * scale}{letter}"
    m = _EVERY.match(clean)
    if m:
        t, letter, scale = _UNITS[m[1].lower()]
        return f"P{t}{scale}{letter}"
    return None


# the decades said in words ("the sixties"): the tens digit each names
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
_DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(\d{2})(\d)0s|'(\d)0s|"
                     rf"'?({'|'.join(DECADE_WORDS)}))$", re.I)
_CENTURY_S = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[- ])?(\d{2})00s$", re.I)


def decade_value(text: str, base_year: int | None) -> str | None:
    """TimeML decade and century values: "the 1990s" → ``199``, "the '80s" and "the eighties"
    → ``198`` (the latest such decade begun by the publication's year, or by 1999 without
    one), "the 1300s" → ``13``."""
    clean = text.strip()
    m = _CENTURY_S.match(clean)
    if m:
        return m[1]
    m = _DECADE.match(clean)
    if not m:
        return None
    if m[1]:
        return f"{m[1]}{m[2]}"
    tens = int(m[3]) if m[3] else DECADE_WORDS[m[4].lower()]
    century = (base_year or 1999) // 100
    if century * 100 + tens * 10 > (base_year or 1999):
        century -= 1
    return f"{century}{tens}"


_ORDINAL_CENTURY = re.compile(
    r"^(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(\d{1,2})(?:st|nd|rd|th)|(first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first))"
    r"[- ]century$", re.I)
_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                  "twentieth", "twenty-first"]


def ordinal_century_value(text: str) -> str | None:
    """TimeML century values of named centuries: "the 20th century" → ``19`` (the 1900s),
    "the early twenty-first century" → ``20``, "the 1st century" → ``00``; else None."""
    m = _ORDINAL_CENTURY.match(text.strip())
    if not m:
        return None
    n = int(m[1]) if m[1] else _ORDINAL_WORDS.index(re.sub(r"\s", "-", m[2].lower())) + 1
    return f"{n - 1:02d}" if 1 <= n <= 30 else None


SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_instance(code: str, base_year: int, base_month: int, rel: str,
                    tense: str | None) -> str:
    """The TimeML value of a season relative to the publication month: ``rel`` is "last",
    "this", "next" or "" (bare: "in the spring", placed by the tense of its clause). A winter
    is labelled with the year of its December."""

    def start(year: int, c: str) -> int:  # month index of the season's first month
        return year * 12 + _SEASON_START[c] - 1

    now = base_year * 12 + base_month - 1
    current = max(start(y, c) for y in (base_year - 1, base_year) for c in _SEASON_START
                  if start(y, c) <= now)
    years = list(range(base_year - 2, base_year + 3))
    same = [y for y in years if start(y, code) == current]
    earlier = [y for y in years if start(y, code) < current]
    later = [y for y in years if start(y, code) > current]
    if rel in ("last", "past"):
        year = max(earlier)
    elif rel == "next":
        year = min(later)
    elif same:  # "this summer" / "the summer" said in summer
        year = same[0]
    elif rel == "" and tense == "past":
        year = max(earlier)
    elif rel == "" and tense == "future":
        year = min(later)
    else:  # "this spring": the one of the publication year
        year = base_year
    return f"{year:04d}-{code}"


# ---------------------------------------------------------------------------------------------
# holidays news dates by name

HOLIDAY_PATTERN = (r"(?:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|"
                   r"New\s+Year['’]s(?:\s+(?:Day|Eve))?|Election\s+Day|"
                   r"Easter(?:\s+(?:Sunday|Monday|week))?|Independence\s+Day|"
                   r"(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth|Labor\s+Day|Memorial\s+Day|"
                   r"Veterans\s+Day|Halloween|Valentine['’]s\s+Day|"
                   r"St\.?\s+Patrick['’]?s\s+Day|" + holidays.PATTERN + ")")


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(name: str, year: int, country: str | None = None
                 ) -> tuple[dt.date, str] | None:
    """(date, "day" or "week") of a named holiday in ``year``, or None for an unknown name.
    A name several countries share takes ``country``'s day (ISO alpha-3; None when the table
    has none for it, see :mod:`diurna.time.holidays`); with no country, the US day where the
    US keeps the holiday (the project's convention for US and international wire news)."""
    national = holidays.national_key(name)
    if national is not None and country is not None:
        found = holidays.national_date(national, country, year)
        return (found, "day") if found else None
    key = re.sub(r"^st\.? patrick'?s day$", "st patrick's day", holidays.name_key(name))
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
             "independence day": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
             "st patrick's day": (3, 17)}
    if key in fixed:
        return dt.date(year, *fixed[key]), "day"
    if key in ("thanksgiving", "thanksgiving day"):
        return holidays.nth_weekday(year, 11, 3, 4), "day"
    if key == "election day":  # the Tuesday after the first Monday of November
        return holidays.nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1), "day"
    if key == "labor day":
        return holidays.nth_weekday(year, 9, 0, 1), "day"
    if key == "memorial day":
        return holidays.nth_weekday(year, 5, 0, -1), "day"
    if key in ("easter", "easter sunday"):
        return _easter(year), "day"
    if key == "easter monday":
        return _easter(year) + dt.timedelta(days=1), "day"
    if key == "easter week":
        return _easter(year), "week"
    return None
