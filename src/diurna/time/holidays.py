"""Holidays whose name several countries share, dated by the country the text ties them to.

"Independence Day" is 4 July in the United States, 15 August in India and 6 March in Ghana;
"Labour Day" is 1 May in most countries and the first Monday of September in Canada. A name
of :data:`NATIONAL` takes the date of the country the text names with it: in the phrase itself
("India's Independence Day", "India's celebration of Independence Day", "the Indian
Independence Day", "Independence Day in Ghana"), else the one country its sentence names.
With no such country, a name the United States keeps ("Independence Day", "Thanksgiving",
"Labor Day") keeps the project's convention, the US day (the TimeML development sets are US
wire news; docs/time.md); but "Independence Day", which most countries keep, in a sentence
that names only countries the table does not give it, has no value. The other names with no
country, and a country the table does not give the holiday named with it ("Israel's
Independence Day", on the Hebrew calendar), have no value rather than another country's.
A sentence that names no country takes the country of the article's dateline ("KABUL,
Afghanistan (AP) — ..."; :func:`dateline_country`, round 22) before the convention.

The dates are public knowledge (each country's statutory or official day), written here as
data: ``(month, day)`` for a fixed day, ``("nth", month, weekday, n)`` for the ``n``-th
``weekday`` (0 = Monday; ``n`` = -1 the last) of a month. Countries are ISO 3166-1 alpha-3
codes, as the actor dictionary's country table gives them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

Rule = tuple[int, int] | tuple[str, int, int, int]

_MAY_DAY: Rule = (5, 1)
_MAY_DAY_COUNTRIES = ("CHN", "RUS", "FRA", "DEU", "ITA", "ESP", "PRT", "BRA", "MEX", "ARG",
                      "CHL", "ZAF", "KEN", "NGA", "GHA", "TUR", "GRC", "POL", "VNM", "CUB",
                      "PHL", "IDN", "EGY", "PAK", "BGD", "LKA", "UKR", "BLR", "KAZ", "SWE",
                      "NOR", "FIN", "AUT", "BEL", "CHE", "VEN", "COL", "PER", "IRQ", "MYS")

# name (lower case, one spacing) -> country -> day
NATIONAL: dict[str, dict[str, Rule]] = {
    "independence day": {
        "USA": (7, 4), "IND": (8, 15), "PAK": (8, 14), "BGD": (3, 26), "LKA": (2, 4),
        "IDN": (8, 17), "PHL": (6, 12), "GHA": (3, 6), "NGA": (10, 1), "KEN": (12, 12),
        "TZA": (12, 9), "UGA": (10, 9), "ZMB": (10, 24), "ZWE": (4, 18), "RWA": (7, 1),
        "BDI": (7, 1), "COD": (6, 30), "SSD": (7, 9), "SDN": (1, 1), "SOM": (7, 1),
        "ERI": (5, 24), "NAM": (3, 21), "MOZ": (6, 25), "AGO": (11, 11), "SEN": (4, 4),
        "CIV": (8, 7), "MLI": (9, 22), "MDG": (6, 26), "DZA": (7, 5), "MAR": (11, 18),
        "TUN": (3, 20), "LBN": (11, 22), "JOR": (5, 25), "MEX": (9, 16), "BRA": (9, 7),
        "ARG": (7, 9), "CHL": (9, 18), "COL": (7, 20), "PER": (7, 28), "VEN": (7, 5),
        "ECU": (8, 10), "BOL": (8, 6), "URY": (8, 25), "GTM": (9, 15), "HND": (9, 15),
        "SLV": (9, 15), "NIC": (9, 15), "CRI": (9, 15), "DOM": (2, 27), "HTI": (1, 1),
        "JAM": (8, 6), "TTO": (8, 31), "UKR": (8, 24), "BLR": (7, 3), "MDA": (8, 27),
        "GEO": (5, 26), "ARM": (9, 21), "KAZ": (12, 16), "UZB": (9, 1), "KGZ": (8, 31),
        "TJK": (9, 9), "EST": (2, 24), "FIN": (12, 6), "POL": (11, 11), "XKX": (2, 17),
        "MNE": (5, 21), "CYP": (10, 1), "MLT": (9, 21), "MYS": (8, 31), "AFG": (8, 19),
    },
    "national day": {
        "CHN": (10, 1), "TWN": (10, 10), "SAU": (9, 23), "ARE": (12, 2), "QAT": (12, 18),
        "KWT": (2, 25), "BHR": (12, 16), "SGP": (8, 9), "VNM": (9, 2), "MYS": (8, 31),
        "CHE": (8, 1), "FRA": (7, 14), "BEL": (7, 21), "ESP": (10, 12), "AUT": (10, 26),
        "SWE": (6, 6), "LUX": (6, 23), "ISL": (6, 17), "IRL": (3, 17),
    },
    "republic day": {"IND": (1, 26), "ITA": (6, 2), "TUR": (10, 29), "NPL": (5, 28),
                     "MDV": (11, 11)},
    "constitution day": {"USA": (9, 17), "JPN": (5, 3), "NOR": (5, 17), "DNK": (6, 5),
                         "POL": (5, 3), "RUS": (12, 12), "UKR": (6, 28), "ESP": (12, 6),
                         "KAZ": (8, 30), "MEX": ("nth", 2, 0, 1)},
    "victory day": {"RUS": (5, 9), "BLR": (5, 9), "KAZ": (5, 9), "ARM": (5, 9),
                    "SRB": (5, 9), "FRA": (5, 8), "CZE": (5, 8), "SVK": (5, 8),
                    "BGD": (12, 16), "TUR": (8, 30)},
    "labour day": {**{c: _MAY_DAY for c in _MAY_DAY_COUNTRIES},
                   "CAN": ("nth", 9, 0, 1), "NZL": ("nth", 10, 0, 4), "USA": ("nth", 9, 0, 1)},
    "thanksgiving": {"USA": ("nth", 11, 3, 4), "CAN": ("nth", 10, 0, 2)},
}
# spellings of one holiday
_SAME = {"labor day": "labour day", "thanksgiving day": "thanksgiving",
         "independence day": "independence day"}

# the project's convention with no country in reach: the US day, for the names the US keeps,
# as the US spells them ("Labor Day"; "Labour Day" is another country's)
CONVENTION = "USA"
_CONVENTIONAL = {"independence day", "thanksgiving", "thanksgiving day", "labor day"}

# names most countries keep, whose table is far from every country's (Thanksgiving is only the
# US's and Canada's: in a sentence about Hong Kong it is still the US's)
_MANY = {"independence day"}

# names found only with this module (the US ones are in values.HOLIDAY_PATTERN already)
PATTERN = r"(?:National|Republic|Constitution|Victory|Labour)\s+Day(?!\s+of\b)"


def name_key(name: str) -> str:
    """A holiday's name as the tables here and in :func:`diurna.time.values.holiday_date` key
    it: lower case, one space between words, straight apostrophes, no leading "the"."""
    key = re.sub(r"\s+", " ", name.strip().lower().replace("’", "'"))
    return re.sub(r"^the ", "", key)


def national_key(name: str) -> str | None:
    """The :data:`NATIONAL` key of a holiday's name ("Labor Day" → "labour day"), or None
    when no other country shares the name ("Memorial Day", "Christmas")."""
    key = name_key(name)
    key = _SAME.get(key, key)
    return key if key in NATIONAL else None


def national_date(key: str, country: str, year: int) -> dt.date | None:
    """The day of holiday ``key`` in ``country`` (ISO alpha-3) in ``year``; None when the
    table does not give that country the holiday."""
    rule = NATIONAL[key].get(country)
    if rule is None:
        return None
    if len(rule) == 2:
        month, day = rule  # type: ignore[misc]
        return dt.date(year, month, day)
    _, month, weekday, n = rule  # type: ignore[misc]
    return nth_weekday(year, month, weekday, n)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n`` = -1 for the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


@lru_cache(maxsize=1)
def _country_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern matching any country's name, alias, demonym or capital (capitalised, as
    written), and the lower-case word → ISO alpha-3 table behind it (the actor dictionary's
    countries)."""
    from diurna.actors.dictionary import builtin_countries

    table: dict[str, str] = {}
    for iso3, country in builtin_countries().items():
        for word in [country.name, *country.aliases, *country.demonyms, *country.capitals]:
            if word and word[0].isupper():
                table.setdefault(word.lower(), iso3)
    table.setdefault("kosovo", "XKX")
    words = sorted(table, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.I), table


def _iso3(word: str) -> str | None:
    """ISO alpha-3 of a country word as written ("India", "Indian", "U.S.")."""
    if not word[:1].isupper():
        return None
    return _country_words()[1].get(re.sub(r"\s+", " ", word.lower()))


# between a country and the holiday: "India's", "India's celebration of", "Ghana's 50th",
# and after a name or adjective with no "'s" only a word of the name's own phrase ("Indian",
# "the Ghanaian 50th"; not "a visit to Hong Kong the Thanksgiving holiday")
_ORDINAL = r"\d+(?:st|nd|rd|th)"
_BETWEEN = re.compile(rf"^(?:['’]s\s+(?:(?:annual|national|official|{_ORDINAL}|"
                      r"celebrations?\s+of(?:\s+the)?)\s+)*"
                      rf"|\s+(?:(?:annual|official|{_ORDINAL})\s+)?)$", re.I)
# after the holiday: "Independence Day in Ghana", "Independence Day celebrations of Kenya"
_AFTER = re.compile(r"^(?:\s+(?:celebrations?|festivities|holiday))?\s+(?:in|of)\s+(?:the\s+)?",
                    re.I)


# a dateline opening the text: "KABUL, Afghanistan (AP) — ", "NEW DELHI (Reuters) - ",
# "Baghdad, Iraq — " (the city in capitals or not, an optional country or state, an agency)
_DATELINE = re.compile(
    r"\A\s*(?P<line>[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3}"
    r"(?:,\s*[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2})?)"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[—–:-])\s")


def dateline_country(text: str) -> str | None:
    """The country (ISO alpha-3) of the dateline that opens ``text`` ("KABUL, Afghanistan
    (AP) —": AFG; "NEW DELHI (Reuters) -": IND, by its capital), or None when the text opens
    with none or it names no one country. Read here, not from the places stage, which runs
    after the time stage."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    rx, _ = _country_words()
    named = {_iso3(w.group(0)) for w in rx.finditer(m["line"])} - {None}
    return named.pop() if len(named) == 1 else None


def holiday_country(name: str, text: str, start: int, end: int,
                    sentence: tuple[int, int],
                    dateline: str | None = None) -> str | None:
    """The country (ISO alpha-3) whose day the holiday ``name`` (a :data:`NATIONAL` one) at
    ``text[start:end]`` takes.

    The country named in its phrase ("India's Independence Day", "the Indian Independence
    Day", "Independence Day in Ghana"), when the table gives it the holiday (else None: no
    value); else the one country the sentence (``sentence``: character bounds) names, when it
    has the holiday; for "Independence Day", None when the sentence names only countries the
    table does not give it; else the convention (the US day) for a name the US keeps; else
    None."""
    rx, _ = _country_words()
    key = national_key(name) or ""
    days = NATIONAL[key]
    before = text[max(sentence[0], start - 60):start]
    for m in rx.finditer(before):
        if _BETWEEN.match(before[m.end():]):
            country = _iso3(m.group(0))
            return country if country in days else None
    lead = _AFTER.match(text, end)
    after = rx.match(text, lead.end()) if lead else None
    if after and after.start() < sentence[1]:
        country = _iso3(after.group(0))
        return country if country in days else None
    named = {_iso3(m.group(0)) for m in rx.finditer(text, sentence[0], sentence[1])} - {None}
    if not named and dateline is not None:
        named = {dateline}  # no country in the sentence: the dateline's ("KABUL, Afghanistan —")
    if len(named) == 1 and next(iter(named)) in days:
        return named.pop()
    if named and CONVENTION not in named and key in _MANY:
        # countries, none of them the US, for a name that most countries keep: whose it is is
        # not said ("In Korea ... it has been celebrated as Independence Day")
        return None
    return CONVENTION if name_key(name) in _CONVENTIONAL else None
