"""Time stage: every temporal expression in the body, normalised against the publication date,
and each event's date.

- Candidates are spaCy ``DATE`` entities plus a few patterns spaCy's small model misses
  (``yesterday``, ``last week``, ``on Tuesday``, ``earlier``, day ranges such as ``7-9 February``).
- Values come from ``dateparser`` with ``RELATIVE_BASE`` = the publication date and
  ``PREFER_DATES_FROM='past'`` (news mostly reports what already happened).
- Nothing is invented: without a publication date, ``February 14`` stays partial (``--02-14``) and
  relative expressions (``yesterday``) get ``value=None``.
- ``event.date`` is the expression tied to the event's trigger in its sentence (dependency
  attachment first, then the nearest in the sentence). The publication date is never copied in as
  an event date: an undated event keeps ``date=None`` so that users can tell "reported on" from
  "happened on" (see ``docs/time.md``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from diurna.events.coder import WEAPON_NOUNS
from diurna.events.ontology import load_ontology
from diurna.language.spacy_stage import english_stage_skips
from diurna.model import Document, Event, Precision, Span, TimeExpr, TimeKind
from diurna.time import anaphora, calendars, holidays, periods
from diurna.time.literals import fold, may_match, required_literals
from diurna.time.values import (
    BARE_UNITS,
    DAY,
    DECADE_WORDS,
    HOLIDAY_PATTERN,
    MONTH,
    ONES,
    QUARTER_ORDINALS,
    SEASONS,
    SMALL_COUNTS,
    TEENS,
    TENS,
    UNITS_OR_UNITS,
    WEEKDAY_NAMES,
    YEAR,
    calendar_value,
    compound_duration_value,
    decade_value,
    duration_value,
    holiday_date,
    month_number,
    number_words,
    ordinal_century_value,
    phrase,
    range_ends,
    range_first_value,
    ref_value,
    season_instance,
    set_value,
)

# "past", "future", "present", "near" (the future of a past narrative: "would meet Thursday",
# either side of publication, the nearer) or None (unknown)
Tense = str | None

_MONTH, _DAY, _YEAR = MONTH, DAY, YEAR  # the shared pieces of a written date (values.py)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DASH = r"\s*(?:-|–|—|to|and)\s*"

# a count in figures or words ("24", "3 1/2", "1.5", "twenty-four") and the units of a length
_COUNT = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(ONES)})\b)?|"
          rf"{'|'.join(w for w in (*ONES, *TEENS) if w != 'one')}|"
          r"a\s+hundred|one\s+hundred|a\s+couple\s+of)")
_LENGTH_UNIT = (r"(?:seconds|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|"
                r"decades?|centuries|century)")
# the word after a sentence-opening "Now" that makes it a turn of the talk, not a time: the
# person addressed ("Now you may not like ..."), an imperative or "let's" ("Now consider ...",
# "Now let's use ..."), a question ("Now what?"), a stance adverb or condition ("Now obviously
# ...", "Now if ...") and "Now that's ..." (not "Now that ...", a conjunction of time). A
# subject in the third or first person keeps the time: "Now officials are investigating", "Now
# I'm fifty-three", "Now we are rebuilding" -- but not a speaker's stance with "do" ("Now I
# don't like the fact that ...", "Now we do think ..."), a concession that opens a turn of talk.
_DISCOURSE_NOW = (r"(?:(?:I|we)\s+(?:do\s+not|don['’]t|do)\s+(?:like|think|believe|agree|mind|"
                  r"care)\b|"
                  r"you(?:['’](?:re|ve|ll|d))?|your|let(?:['’]s)?|please|look|listen|see|"
                  r"wait|consider|imagine|remember|suppose|think|take|keep|note|hear|tell|"
                  r"don['’]t|what|why|how|who|where|which|obviously|clearly|frankly|honestly|"
                  r"admittedly|granted|mind|then|if|speaking|here['’]s|here\s+is|that['’]s|"
                  r"of\s+course)\b")
# "this day last year", "this same day two years ago" (the finder's words and the value's)
_THIS_DAY_BACK_WORDS = (r"this\s+(?:same\s+|very\s+)?day\s+(?:last\s+year|"
                        rf"(?P<n>a|{number_words(10, False)}|\d{{1,2}})\s+years?\s+ago)")

# Patterns for expressions spaCy's small English model often misses or cuts differently.
# (dateparser normalises but does not find expressions in running text, so finding is ours.)
_PATTERNS: list[re.Pattern[str]] = [
    re.compile(rf"\b{_DAY}{_DASH}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_DASH}{_DAY}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*%)"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),
    # "this day a year ago": spaCy cuts it in two
    re.compile(rf"\b{_THIS_DAY_BACK_WORDS}\b", re.I),
    re.compile(rf"\b(?:in|since|until|by|during)\s+(?P<t>{_MONTH})(?!\s*\d)\b"),
    re.compile(rf"\b(?:early|late|mid)[- ]{_MONTH}\b"),
    # "in late-2007" (the year), "August the 7th" (the day)
    re.compile(rf"\b(?:early|late|mid)-{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+the\s+{_DAY}\b(?!\s*%)"),
    re.compile(rf"\b(?:the|in|since|until|by|during|of|from|before|after)\s+(?P<t>{_YEAR})\b"
               r"(?!\s*(?:%|percent|people|troops|[a-z]+s\b))"),
    re.compile(rf"\b(?:last|this|next|past)\s+{_WEEKDAY}\b", re.I),
    re.compile(rf"\b(?:on|On|since|by|until)\s+(?P<t>{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?)\b"),
    # (not a name: "The Sunday Telegraph")
    re.compile(rf"\b(?:(?<![Tt]he\s)|(?!{_WEEKDAY}\s+[A-Z][a-z])){_WEEKDAY}"
               r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    re.compile(rf"\b\d{{1,2}}(?::\d\d)?\s*[ap]\.m\.(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"
               rf",?\s+(?:on\s+)?(?:{_WEEKDAY}|today|yesterday|tomorrow)\b"),
    re.compile(r"\b(?:(?:early|late|earlier|later)\s+)?(?:this|Sunday|Monday|Tuesday|Wednesday|"
               r"Thursday|Friday|Saturday)\s+(?:morning|afternoon|evening|night)\b"),
    re.compile(r"(?<![\d.,])\b(?:the\s+)?(?:(?:last|past|next|coming|first|final)\s+)?(?:half\s+an|"
               rf"\d+|{number_words(12)}|several|a\s+few|many|\d+-|[a-z]+-)"
               # ("a minute and a half": one length, PT90S)
               r"\s*(?:hours?|minutes?|seconds|second(?!\s+[a-z]))\b(?:\s+and\s+a\s+half\b)?"
               r"(?!\s+(?:ago|north|south|east|west|[NSEW]\b))", re.I),
    re.compile(rf"\b(?:\d+|{number_words(10)}|several|a\s+few)\s+more\s+"
               r"(?:days|weeks|months|years)\b", re.I),
    re.compile(r"\b(?:\d+|[a-z]+)-and-a-half[\s-](?:minute|hour|day|week|month|year|decade)s?\b",
               re.I),
    # counted lengths the tagger misses or cuts: "twenty-four hours" (not "four hours"),
    # "3 1/2 hours", "two to three years", "between two and three weeks", "10-25 years"
    re.compile(rf"\b(?:the\s+(?:following|preceding|previous|ensuing)\s+)?"
               rf"(?:between\s+{_COUNT}\s+and\s+|{_COUNT}(?:\s+(?:to|or)\s+|-to-)|\d+\s*[-–]\s*)?"
               rf"{_COUNT}(?:\s+and\s+a\s+half)?[\s-]+(?:(?:more|straight|consecutive|full)\s+)?"
               rf"{_LENGTH_UNIT}(?:\s+and\s+a\s+half)?\b(?![\s-]+old\b|\s+of\s+age\b|-|"
               r"\s+(?:north|south|east|west|[NSEW]\b)|\s+[Ww]ars?\b)", re.I),
    # (not "50.36 minutes north", "the Six-Day War")
    # "every four years": a set (TimeML P4Y), not the length inside it
    re.compile(rf"\b[Ee]very\s+{_COUNT}\s+{_LENGTH_UNIT}\b"),
    # one unit after a word that makes it a length: "over a year", "lasted a fortnight"
    re.compile(rf"\b(?:for|within|over|about|nearly|almost|than|least|just|only|lasted|took|"
               rf"spent|a)\s+(?P<t>(?:a|an|one)\s+(?:full\s+)?{_LENGTH_UNIT}"
               r"(?:\s+and\s+a\s+half)?)\b(?![\s-]+old\b|-)", re.I),
    re.compile(r"\ba\s+fortnight\b", re.I),
    # "a week's leave", "a day's work": the length the possessive measures (P1W)
    re.compile(r"\b(?P<t>(?:[Aa]|[Aa]n|[Oo]ne)\s+(?:day|night|week|fortnight|month|year))['’]s\s+"
               r"(?=[a-z])"),
    # "(ending) a decade of mismanagement", "a year of war": one unit before "of" what filled it
    # (TimeML marks the length; AQUAINT: "within [a week] of his capture")
    re.compile(r"\b(?:[Aa]|[Aa]n|[Oo]ne)\s+(?:decade|century|year|month|week)(?=\s+of\s+[a-z])"),
    # "for a while": a length with no count or unit (PXX); not "a while ago", "in a while"
    re.compile(r"\b[Ff]or\s+(?P<t>a\s+while)\b"),
    re.compile(r"\b[Ee]very\s+(?:day|week|month|year)\b"),
    re.compile(rf"\b(?:[Ee]very|[Ee]ach)\s+{_WEEKDAY}\b"),
    re.compile(r"\b(?:on|On)\s+(?P<t>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)\b"),
    # lengths the parser's DATE entities miss: "a day-long strike", "for hours", "all week"
    re.compile(rf"\b(?:(?:\d+|{number_words(12)})-)?"
               r"(?:days?|weeks?|months?|years?|hours?|minutes?|decades?|century|centuries)-?long\b",
               re.I),
    # a length in two units, "a year and three months" (P1Y3M; kept only when it has a value)
    re.compile(rf"\b(?P<compound>(?:{_COUNT}|an?|one)\s+{_LENGTH_UNIT},?\s+and\s+"
               rf"(?:{_COUNT}|an?|one)\s+{_LENGTH_UNIT})\b(?![\s-]+old\b|\s+of\s+age\b|\s+ago\b)",
               re.I),
    # "a quarter of a century" (P25Y); "the whole day", "the last hour" (P1D, PT1H: one unit
    # after words that make it a length; not "the last minute", an idiom, nor "the last hour of")
    re.compile(r"\b(?:a\s+)?quarter(?:\s+of\s+a\s+|[\s-])century\b", re.I),
    re.compile(r"\bthe\s+(?:whole|entire)\s+(?:day|night|week|month|year)\b(?!\s+of\b)", re.I),
    re.compile(r"\bthe\s+(?:last|past|next|coming)\s+hour\b(?!\s+of\b)", re.I),
    # (also after a verb of spending or lasting: "spent hours", "took years", "waited days")
    re.compile(r"\b(?:for|within|after|over|spent|spend|spends|spending|took|take|takes|taking|lasted|"
               r"lasts|lasting|waited|waiting)\s+(?P<t>(?:several\s+|many\s+)?(?:hours|minutes|"
               r"seconds|days|weeks|months|years|decades))\b"
               r"(?!\s+(?:ago|later|earlier|before|after|or)\b)", re.I),
    # a bare plural unit before the word that places it ("Days later", "hours after his arrest",
    # "only hours before the vote", "hours prior to the attack"): TimeML's DURATION over the unit
    # (PXD), as "three days later" is one over "three days"; not "the days before the vote"
    # (AQUAINT: a date anchored on the vote) nor "in the years after", nor "a matter of days
    # before" (soon: AQUAINT and TimeBank leave "matter of days/months" unmarked)
    re.compile(r"(?<!\b[Tt]he\s)(?<!\bthose\s)(?<!\bthese\s)(?<!\bearly\s)(?<!\bfinal\s)"
               r"(?<!\bmatter\sof\s)"
               r"\b(?P<t>(?:[Hh]ours|[Mm]inutes|[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Dd]ecades))"
               r"\s+(?:later|earlier|before|after|afterwards?|prior)\b"),
    # "weeks or months", "hours or even days": one expression (values.duration_value)
    re.compile(rf"(?<!\b[Tt]he\s)\b{UNITS_OR_UNITS}\b(?!\s+(?:ago|later|earlier|before|after)\b)",
               re.I),
    re.compile(r"\ball\s+(?:day|night|week|month|year)(?:\s+long)?\b(?!\s+(?:of|round)\b)",
               re.I),
    re.compile(r"(?<=\b[Ii]n\s)(?:the\s+)?(?:(?:near|foreseeable|distant|immediate|"
               r"not\s+(?:so|too)\s+(?:far|distant))\s+)?future\b"),
    re.compile(rf"\b{HOLIDAY_PATTERN}(?:,?\s+{_YEAR})?\b(?!\s+(?:tree|card|gift|party|"
               r"parties|shopping|season|sales?|holidays?|dinner|lights|carols?|Rising|Island)\b)"),
    # holidays of other calendars ("Eid al-Fitr", "Ramadan", "Yom Kippur"; calendars.py), not in
    # a person's name (find_expressions) nor a war's ("the Yom Kippur War")
    re.compile(rf"\b(?P<holiday>{calendars.PATTERN}){calendars.NOT_AFTER}"),
    re.compile(r"\b(?:yesterday|today|tomorrow|tonight)\b", re.I),
    re.compile(r"\b(?:earlier|later)\s+(?:this|last|next)\s+(?:week|month|year)\b", re.I),
    re.compile(r"\b(?:earlier|later)\s+(?:today|on\s+\w+day)\b", re.I),
    re.compile(r"\b(?:last|this|next|past)\s+(?:week|weekend|month|year|spring|summer|autumn|"
               r"fall|winter)\b", re.I),
    re.compile(rf"\b(?:last|this|next)\s+{_MONTH}\b", re.I),
    re.compile(r"\b(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)\b", re.I),
    re.compile(r"\b(?:[Cc]urrently|now|[Rr]ecently|[Pp]reviously|lately)\b(?=[\s,.;!?:)\"”]|$)"),
    # "Now officials are investigating ...", "Now that ...": at present (TimeBank 5 of 6). A
    # "Now" that opens a turn of the talk is no time: "Now, ...", "Now for ..."; before a
    # second person, an imperative, a question or a stance adverb ("Now you may not like ...",
    # "Now let's ...", "Now what?", "Now obviously ..."; Wikinews quotes, see _DISCOURSE_NOW)
    re.compile(rf"\bNow(?=\s+(?!for\b|{_DISCOURSE_NOW})[A-Za-z])"),
    # "Now, with the help of outside developers, ...", "Now, Lockheed Martin ...": the present
    # set against a past the text told (TempEval-3 platinum 2 of 2); not "Now, you ...", "Now,
    # let's ...", "Now, I think ...", "Now, well, ...": a turn of talk (as above)
    re.compile(rf"\bNow(?=,\s+(?!{_DISCOURSE_NOW}|I\b|we\b|well\b|so\b|and\b|but\b|okay\b|"
               r"ok\b)[A-Za-z])"),
    # "the current president": TimeML's PRESENT_REF (not "the current account", "a current")
    re.compile(r"\b(?:the|its|his|her|their|our)\s+(?P<t>current)\s+(?!account|affairs|events|"
               r"flows?|assets|liabilities|situation\b)(?=[a-z])"),
    # decades in words: "the nineties", "the original sixties building" (not an age, "in his
    # sixties": see _AGE_OR_HEAT)
    re.compile(rf"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:{'|'.join(DECADE_WORDS)})\b", re.I),
    # "1957-58", "2009/10": two years, the second written short (TimeML marks each; see
    # _short_year)
    re.compile(rf"\b(?P<t>{_YEAR})(?=[-–/]\d\d\b(?![-/]\d))"),
    re.compile(rf"\b{_YEAR}[-–/](?P<t>\d\d)\b(?![-/]\d)"),
    # a clock time alone ("at 10:00 pm local time"): the publication day at that hour
    re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"
               # ("5pm", "9.06pm"; not the "06pm" of "9.06pm")
               r"|(?<![\d.:])\b\d{1,2}(?:[:.]\d\d)?\s*[ap]m\b"
               r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"),
    re.compile(rf"\b(?:\d+|{number_words(10)})\s+(?:days?|weeks?|months?|years?)\s+ago\b", re.I),
    re.compile(r"\bearlier\b(?!\s+(?:than|this|last|next|today|on)\b)", re.I),
    # "(late) last night": the evening before publication (a day, like "Wednesday night")
    re.compile(r"\b(?:(?:early|late)\s+)?last\s+night\b", re.I),
    # "in the past," (PAST_REF), not "in the past two years" (a length the entity gives)
    re.compile(r"(?<=\b[Ii]n\s)the\s+past\b(?=\s*[,.;:!?)\"”]|\s+(?:and|but|or|when|as|because|"
               r"that|he|she|it|they|we|I|there|the|this|these|such)\b)"),
    # frequencies: "twice a week", "100,000 searches a day", "$500 a month" (TimeML SETs)
    re.compile(r"(?:\b(?:once|twice|thrice|times)|\d[\d,.]*(?:\s+[a-z]+){0,2})\s+"
               r"(?P<t>(?:a|per)\s+(?:day|week|month|year))\b"
               r"(?!\s+(?:after|before|earlier|later|ago|and|or|of)\b)", re.I),  # see _rate
    # (lower case: "The Daily Illini" is a name)
    re.compile(r"\b(?:daily|weekly|monthly|annually|yearly|nightly|hourly)\b(?!-)"),
    # "in the autumn" (not "the fall of Saddam", "in the fall in prices")
    re.compile(r"\b(?:in|during|by|until|since|over)\s+(?P<t>the\s+(?:spring|summer|autumn|fall|"
               r"winter))\b(?!\s+(?:of|in)\b(?!\s+\d{4}))"),
    re.compile(r"\b(?:[Aa]t\s+the\s+moment|[Aa]t\s+present|[Nn]owadays)\b"),
    # "at this (very) moment", "for the moment": the present (TimeML PRESENT_REF; TimeBank "at
    # this crucial moment"); not "for the moment when ...", "that moment" (the narrative's)
    re.compile(r"(?<=\b[Aa]t\s)this\s+(?:[a-z]+\s+)?moment\b"),
    re.compile(r"(?<=\b[Ff]or\s)the\s+moment\b(?!\s+(?:when|that|of|in|he|she|it|they|we|I|"
               r"you)\b)"),
    # "at noon", "midnight": a clock time on the narrative's day
    re.compile(r"\b(?:noon|midday|midnight)\b"),  # (not "High Noon")
    re.compile(r"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC)\b"),  # wire style: "1400 GMT"
    # a 24-hour clock: "14:00 UTC", "at 00:00", "at about 01:00" (not "at 3:2", a score)
    re.compile(r"\b(?:[01]\d|2[0-3]):[0-5]\d\s*(?:GMT|UTC)\b"
               r"|(?<=\b[Aa]t\s)(?:(?:about|around)\s+)?(?:[01]\d|2[0-3]):[0-5]\d\b"
               r"(?!\s*[AaPp]\.?[Mm]\b)"),
]
# entities that are no time: ages ("a 44-year-old", "at age 85") and names ("The Sunday
# Telegraph")
_NOT_A_TIME = re.compile(
    rf"^(?:(?:at\s+)?(?:the\s+)?age\s+(?:of\s+)?\d+|[Tt]he\s+{_WEEKDAY}\s+[A-Z].*"
    r"|(?:an?\s+)?[\w]+-(?:year|month|week|day)s?-old"
    # "37 year old", "28 years old", "a 150 year-old tree", "30 years of age", "the ages of five"
    r"|(?:[A-Z]\w*\s+)*Flight\s+\d+"  # "United Airlines Flight 93"
    r"|.*\b(?:year|month|week|day)s?[\s-]+old|.*\byears\s+of\s+age|(?:the\s+)?ages\s+of\s+.*)$")
_OLD_AFTER = re.compile(r"\s+old\b")  # "63-year old": an age
# a code with letters between digits ("2M3.2", a sentencing guideline's section): no time; an
# ISO date-time ("2008-02-21T10:00") is one, ordinals and decades ("21st", "1990s") end in letters
_CODE = re.compile(r"(?!\d{4}-\d\d-\d\dT)\S*\d[A-Za-z]+\d\S*")
# a decade word after a possessive is an age ("in his (early) sixties", "a woman in her
# forties"), after a temperature word a heat ("highs in the upper seventies")
_DECADE_WORD = re.compile(rf"\b(?:{'|'.join(DECADE_WORDS)})\b", re.I)
_AGE_OR_HEAT = re.compile(
    r"(?:\b(?:his|her|their|its|my|your|our|whose|upper|lower)\s+(?:(?:early|mid|late)[\s-]+)?"
    r"|\b(?:temperatures?|highs?|lows?|degrees|fahrenheit|celsius)\b[^.;]{0,30})$", re.I)
# a lower-case month name that is a verb ("prices may fall next year", "they march Sunday"):
# news writes months with a capital
_VERB_MONTH = re.compile(r"^(?:may|march)\s+(?!\d)")
# a weekday the tagger ran on into words that say no time ("died on Friday age 109")
_WEEKDAY_RUN = re.compile(
    rf"^({_WEEKDAY})\s+(?!.*(?:\b{_MONTH}|\b(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b|morning|afternoon|"
    r"evening|night|noon|week|month|year|last|this|next|before|after|ago|early|late))(?=\S)",
    re.I)
# a complete date the tagger ran on into a name: the date ends at its year
_FULL_DATE = re.compile(rf"^(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR})\b"
                        r"(?=\s+(?:[A-Z]|[a-z]+\b(?<!\bat)))")
# a month-day the tagger ran into the noun it names ("the June 26 election date")
_MONTH_DAY_NOUN = re.compile(rf"^{_MONTH}\s+{_DAY}\b(?=\s+(?!(?:to|and|or|through|of|at|in|"
                             r"this|last|next)\b)[a-z]+)")
# a weekday in a name ("the Good Friday Agreement", "Bloody Sunday", "Super Tuesday")
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Good|Bloody|Super|Black|Ash|Palm|Holy|Maundy|Cyber)"
                               r"[\s-]$")
# a deictic day word written with a capital inside a line is a name: a programme ("the BBC's
# Today programme", "NBC's Today", "USA Today"), a title (the show 'Tomorrow's Pioneers');
# TimeML marks no time in a name. A capital after a sentence's start,
# a colon, a bracket or a quotation mark opening speech is the ordinary word ("[Today]").
_DEIXIS_WORD = re.compile(r"(?:Today|Tomorrow|Yesterday|Tonight)(?:['’]s)?")
# ... after a word on the same line, the next word written small ("Today programme and"), so
# that a headline in title case ("Talks Resume Today") keeps its time
_WORD_BEFORE = re.compile(r"(?:[A-Za-z0-9]|['’]s)[ \t]+$")
_SMALL_AFTER = re.compile(r"(?:['’]s)?[ \t]+[a-z]")
# ... or right after a capitalised word of its name ("journalists of Russia Today, were"), in a
# line that is no title-case headline: a small word of four letters or more comes before it
# (a word ending a sentence, "in Baghdad. Today the talks", carries a full stop: no name)
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w&-]*[ \t]+$")
_SMALL_WORD = re.compile(r"\b[a-z]{4,}\b")
# ... or opening the quoted title of a work ("the show 'Tomorrow's pioneers'")
_TITLE_BEFORE = re.compile(r"\b(?:show|programme|program|series|film|movie|book|novel|song|album|"
                           r"play|column|newspaper|magazine|exhibition|documentary)s?[ \t]?"
                           r"['‘\"“]$", re.I)
_ARTICLE_BEFORE_MONTH = re.compile(rf"(?:an?|the|his|her|its|their|our)\s+(?={_MONTH}\b)",
                                   re.I)
_RANGE_DAY_MONTH = re.compile(
    rf"^(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?P<y>,?\s+{_YEAR})?$")
_RANGE_MONTH_DAY = re.compile(
    rf"^(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?:the\s+)?(?P<d2>{_DAY})(?P<y>,?\s+{_YEAR})?$")
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b|'\d\d\b")
_CALENDAR = re.compile(rf"\b{_MONTH}|\b\d{{1,2}}[/.]\d{{1,2}}\b|\b{_YEAR}\b", re.I)
_DECADE = re.compile(r"\b\d{3}0s\b|\b'\d0s\b")
_DURATION = re.compile(
    r"^(?:the\s+)?(?:past|last|next|coming|first|recent|several|few|many|\d+|a|an|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|twelve|some)?\s*(?:\w+\s+)?"
    r"(?:days|weeks|months|years|decades|hours)$"
    # "(for) about a month": one unit is a length of time too (dateparser reads "a month ago")
    r"|^(?:(?:about|around|nearly|almost|over|more\s+than|at\s+least)\s+)?(?:a|an|one)\s+"
    r"(?:day|week|month|year|decade|hour)$", re.I)
_YEAR_PAIR = re.compile(rf"^(?:between\s+|from\s+)?({_YEAR})\s*(?:and|to|-|–)\s*({_YEAR})$")
# "1957-58": two years, the second's last two digits only (see _short_year)
_SHORT_PAIR = re.compile(rf"^(?:between\s+|from\s+)?({_YEAR})\s*[-–/]\s*(\d\d)$")
_SHORT_PAIR_BEFORE = re.compile(rf"\b({_YEAR})[-–/]$")
# "1994, 1995 and 1997" (or cut short by the tagger: "1994, 1995 and")
_YEAR_LIST = re.compile(rf"^{_YEAR}(?:(?:,\s*|,?\s+(?:and|or)\s+){_YEAR})+(?:,?\s+(?:and|or))?$")
_BETWEEN = re.compile(r"^between\s+(\S.*?)\s+and\s*(\S.*)?$", re.I)
_LENGTH_IN_DATE = re.compile(
    r"^(?P<len>\S.*?)\s+in\s+(?P<date>(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
    rf"(?:{_YEAR}|\d{{3}}0s|{_MONTH}(?:\s+{_YEAR})?))$", re.I)
_DAY_THEN_LENGTH = re.compile(rf"^(?P<date>{_MONTH}\s+{_DAY}(?:,\s+{_YEAR})?),\s+(?P<len>\S.*)$")
_BETWEEN_CUT = re.compile(r"^between\s+((?:(?!\band\b).)+)$", re.I)
# "the year ended March 31", "the six months ending Aug. 31": TimeML marks the period and the
# day it ends as two expressions (TimeBank: "the year" P1Y, "March 31" a date)
_PERIOD_ENDED = re.compile(r"^(?P<head>(?:\S+\s+){0,4}?(?:year|quarter|half|months|weeks|period))"
                           r"\s+(?:ended|ending)\s+(?P<day>\S.*)$", re.I)
# the period before "ended DATE" when it has no count: "the (fiscal) year", "the quarter"
_THE_PERIOD = re.compile(r"^(?:the|its|their)\s+(?:fiscal[\s-]+)?(year|quarter)$", re.I)
_ENDED_AFTER = re.compile(r"\s+(?:ended|ending)\s+(?=\S)", re.I)
# the day such a period ends: "Sept. 30", "June 30th", "Aug. 31, 1989"
_ENDED_DAY = re.compile(rf"{_MONTH}\s+{_DAY}\b(?:,\s+{_YEAR})?")
_THE_DAY = re.compile(rf"the\s+day\s+(?={_WEEKDAY})", re.I)
# a noun the tagger ran into a length after it ("in an interview several months before"): the
# length is "several months" (kept only when the whole has no value and the rest has one)
# (the rest must open with a count: not "the old days", "a million years", "a couple more years")
# (a hedge may stand before the count: "a tape just two days (after)", and the rest may be a
# date counted back: "the matter two days ago")
_NOUN_BEFORE_LENGTH = re.compile(
    r"^(?:an?|the)\s+[a-z]+\s+(?=(?:(?:just|only|about|nearly|almost|some|over|barely)\s+)?"
    rf"(?:several|a\s+few|few|many|\d|{number_words(12, False)}|"
    rf"{'|'.join(TEENS)}|{'|'.join(TENS)})\b)")
# a length the tagger ran into the word that says it is ahead of or behind a schedule ("called
# a snap election three years early"): the length is "three years" (TimeML marks the length)
_SCHEDULE_AFTER = re.compile(r"\s+(?:early|late)$", re.I)
# a bare plural unit the tagger ran into the word that places it ("Days later", "Weeks after"):
# TimeML marks the length alone, as for "three days later" (see _PATTERNS)
_BARE_UNIT_PLACED = re.compile(rf"^(?P<unit>{BARE_UNITS})\s+"
                               r"(?:later|earlier|before|after|afterwards?|prior)$", re.I)
# "two years later (than promised)": a length of delay, not the day two years on; the length
# is the part before "later" (like "three years early" above)
_LATER_THAN = re.compile(r"\s+(?:later|earlier)$", re.I)
# "(will) last two to three years": the verb "last" the tagger ran into a length
_VERB_LAST = re.compile(r"^last\s+(?=\S)", re.I)
_LEAD = re.compile(r"^(?:the|on|in|at|since|until|by|during|of|from)\s+", re.I)
# the article before a length used as an adjective, a count and a singular unit ("the 24-hour
# (strike)", "the 45 minute (meeting)", "the two-day (summit)")
_THE_ADJECTIVE_LENGTH = re.compile(
    rf"(?:the|a|an)\s+(?=(?:{_COUNT}|one)[\s-](?:second|minute|hour|day|week|"
    r"month|year)(?:-long)?$)", re.I)
_ORD = re.compile(r"(\d)(?:st|nd|rd|th)\b")


def parse_published(published: str | None) -> dt.datetime | None:
    """The publication date as a datetime, or None when absent, not a full ``YYYY-MM-DD``, or
    outside 1800-2200 (placeholder dates like 0001-01-01 are no anchor, and date arithmetic near
    the calendar's ends overflows)."""
    if not published:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", published)
    if not m or not 1800 <= int(m[1]) <= 2200:
        return None
    try:
        return dt.datetime(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _parser(base: dt.datetime | None, future: bool = False) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "future" if future else "past",
                                "RETURN_TIME_AS_PERIOD": False}
    # Without a publication date, a dummy leap-year base lets "February 29" parse; its year is
    # never output (only --MM-DD).
    settings["RELATIVE_BASE"] = base or dt.datetime(2000, 12, 31)
    return DateDataParser(languages=["en"], settings=settings)


def _fmt(date: dt.datetime, precision: Precision, year_known: bool) -> str:
    if precision == "week":
        iso = date.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if not year_known:
        return f"--{date.month:02d}-{date.day:02d}" if precision == "day" else f"--{date.month:02d}"
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.strftime("%Y-%m-%d")


_BARE_WEEKDAY = re.compile(rf"^(?:(last|this|next|past)\s+)?({_WEEKDAY})"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)
_REL_MONTH = re.compile(rf"^(last|this|next)\s+({_MONTH})$", re.I)
# a month (or month-day) in the year before, of or after publication
_MONTH_REL_YEAR = re.compile(
    rf"^(?:(?:the\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?)?(?P<m>{_MONTH})(?:\s+(?P<d2>{_DAY}))?,?\s+"
    r"(?:of\s+)?(?P<rel>this|last|next)\s+year$", re.I)
# spellings the rules below read in another form, each with its one meaning in news:
_REWRITES: list[tuple[re.Pattern[str], str]] = [
    # "fiscal 1989", "fiscal year 1989": TimeML (TimeBank) values the year, 1989
    (re.compile(rf"^(?:the\s+)?fiscal(?:\s+year)?\s+(?={_YEAR}$)", re.I), ""),
    # "the 2009 fiscal year", "the current 2008 fiscal year": the year named, as "fiscal 2009"
    (re.compile(rf"^the\s+(?:current\s+)?({_YEAR})\s+(?:fiscal|calendar|financial)\s+year$",
                re.I), r"\1"),
    # "the current (fiscal) year": the publication's year; "the next calendar year": next year
    (re.compile(r"^the\s+current\s+(?:fiscal\s+)?year$", re.I), "this year"),
    # "this fiscal year" (platinum: 2013), "last fiscal year": the year as "fiscal 1989" is
    (re.compile(r"^(this|last|next)\s+fiscal\s+year$", re.I), r"\1 year"),
    (re.compile(r"^(?:the\s+)?(last|this|next)\s+calendar\s+year$", re.I), r"\1 year"),
    # "this year's third quarter", "next year's first quarter": that quarter of that year
    (re.compile(r"^(this|last|next)\s+year['’]s\s+(first|second|third|fourth)[\s-]+quarter$",
                re.I), r"the \2 quarter of \1 year"),
    # "its fourth quarter", "a fourth-quarter (loss)", "the fiscal-first quarter"
    (re.compile(r"^(?:its|their|the\s+company['’]s|an?)\s+(?=(?:fiscal[\s-]+)?(?:first|second|"
                r"third|fourth)[\s-]+quarter$)", re.I), "the "),
    (re.compile(r"\bfiscal-(?=(?:first|second|third|fourth)\b)", re.I), "fiscal "),
    # "a 20th century (artefact)": the century
    (re.compile(r"^an?\s+(?=\d+(?:st|nd|rd|th)\s+century$)", re.I), "the "),
    # "sometime next year", "both 1990": the words around leave the date as it is
    (re.compile(r"^(?:some\s*time|both)\s+(?=\S)", re.I), ""),
]
# words around a date that do not move it (TimeML's ``mod``): "around 1927", "at least
# Wednesday", "as early as 10 p.m.", "last year alone"
_HEDGE = re.compile(r"^(?:around|about|circa|at\s+least|as\s+(?:early|late|soon)\s+as|"
                    r"no\s+later\s+than|no\s+earlier\s+than|only|just)\s+|\s+alone$", re.I)
_WEEKEND = re.compile(r"^(?:(last|this|next|past)\s+)?weekend$", re.I)
_SEASON = re.compile(r"^(last|this|next|past)\s+(spring|summer|autumn|fall|winter)$", re.I)
_PART_OF = re.compile(r"^(?:the\s+)?(?:(?:first|second|last|latter)\s+half|beginning|start|end|"
                      r"middle|rest|remainder)\s+of\s+(?:the\s+)?", re.I)
_THIS_PAST = re.compile(r"^this\s+past\s+(?=((?:week|weekend|month|year)\b)?)", re.I)
_EARLIER = re.compile(r"^(?:earlier|later)\s+(?:in\s+the\s+)?(day|week|month|year)$", re.I)
_N_YEAR = re.compile(r"^\d+-(?:year|month|week|day)s?(?:-old|-long)?$", re.I)
_NOW = re.compile(r"^(?:currently|now|earlier|later|recently|soon)$", re.I)
# (a hedge before the count does not move the value: "nearly two years ago" is 1996 in 1998)
_AGO = re.compile(r"^(?:(?:about|around|approximately|nearly|almost|roughly|some|over|under|"
                  r"more\s+than|less\s+than|(?:just\s+)?(?:over|under)|at\s+least|only|just|barely)\s+)?"
                  rf"(?P<n>\d+|{number_words(12)}|a\s+few|several|some|a\s+quarter|half\s+an?)\s+"
                  r"(?P<unit>day|week|month|year|decade|century)s?\s+ago$", re.I)
# "years ago", "decades ago": some time before (TimeML's PAST_REF)
_UNITS_AGO = re.compile(r"^(?:many\s+|(?:hundreds|thousands|dozens)\s+of\s+)?"
                        r"(?:days|weeks|months|years|decades|centuries)\s+ago$", re.I)
_SEASON_TEXT = re.compile(
    r"^(?:(last|this|next|past)\s+|(?:the\s+)?(?:(?:early|late|mid)[- ])?)"
    rf"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}|this\s+year|"
    r"last\s+year|next\s+year))?$", re.I)
_ORDINAL = {**QUARTER_ORDINALS, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER = re.compile(
    r"^(?:the\s+)?(?:(?P<rel>last|this|next|current|latest|past|previous)\s+)?"
    r"(?:(?:company's|fiscal|financial)\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
    r"[\s-]+)?(?:fiscal\s+)?(?P<unit>quarter|half)"
    rf"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<y>{YEAR}|this\s+year|"
    r"last\s+year|next\s+year|the\s+year))?$", re.I)
_QUARTER_Y = re.compile(rf"^(?:the\s+)?(?:fiscal\s+)?({YEAR})(?:'s)?\s+"
                        r"(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter$", re.I)
_Q_CODE = re.compile(rf"^(?:Q([1-4])\s+({YEAR})|({YEAR})\s+Q([1-4]))$")
_CLOCK = (r"(?P<h>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?P<ap>[ap])\.?m\.?"
          r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?")
_CLOCK_DAY = re.compile(rf"^{_CLOCK},?\s+(?:on\s+)?(?P<day>{_WEEKDAY}|today|yesterday|tomorrow)$",
                        re.I)
_CLOCK_ALONE = re.compile(rf"^{_CLOCK}$", re.I)
# named clock times: TimeML writes midnight as the end of its day (T24:00)
_NAMED_CLOCK = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}
# a day counted from an event, "the 99th day", "his first day (in office)", "the eighth day (of
# the operation)"; "the first day of March" names the calendar and is read whole elsewhere
_ORDINAL_DAY = re.compile(r"^(?:the|his|her|its|their|our|my|a|an)\s+(?:\d+(?:st|nd|rd|th)|"
                          r"(?:[a-z]+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                          r"ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth|hundredth))"
                          r"\s+day$", re.I)
_WEEKDAY_OF_WEEK = re.compile(rf"^({_WEEKDAY}),?\s+(?:of\s+)?(last|this|next)\s+week$", re.I)
_WIRE_CLOCK = re.compile(r"^(?:(?:about|around)\s+)?([01]\d|2[0-3])(?:([0-5]\d)\s*(?:GMT|UTC)|"
                         r":([0-5]\d)(?:\s*(?:GMT|UTC))?)$")
_LAST_NIGHT = re.compile(r"^(?:(?:early|late)\s+)?last\s+night$", re.I)
# "a day" after a count is a rate ("twice a week", "100,000 searches a day"), not a length
_PER = re.compile(r"^(?:a|per)\s+(day|week|month|year)$", re.I)
_NOT_RATE_AFTER = re.compile(r"\s+(?:after|before|earlier|later|ago|and|or|of)\b", re.I)
_COUNT_BEFORE = re.compile(r"(?:\b(?:once|twice|thrice|times)|\d[\d,.]*(?:\s+[a-z]+){0,2})\s+$",
                           re.I)
_HOLIDAY = re.compile(rf"^(?P<name>{HOLIDAY_PATTERN})(?:,?\s+(?P<y>{YEAR}))?$", re.I)
# "this century", "the next decade" (not "the last/past decade": a length, see values.py)
_CENTURY = re.compile(r"^(this|last|next|the\s+last|the\s+past|the\s+next|the\s+previous|"
                      r"the\s+coming)\s+(century|decade)$", re.I)
_DAY_PART = re.compile(r"^(?P<day>.+?)\s+(?P<part>morning|afternoon|evening|night)$", re.I)
_TONIGHT = re.compile(r"^(?:(?:earlier|later)\s+)?(?:tonight|this\s+(?P<part>morning|afternoon|"
                      r"evening))$", re.I)


def _weekday_date(m: re.Match[str], base: dt.datetime, future: bool = False) -> dt.datetime:
    """"Tuesday" in a page published on a Tuesday is that day; otherwise the latest one before
    (news reports the past); "next"/"last" move a week."""
    mod = (m[1] or "").lower()
    wd = WEEKDAY_NAMES.index(m[2].lower())
    delta = (base.weekday() - wd) % 7
    if mod == "next":
        return base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
    if future and mod in ("", "this"):  # "will meet (this) Saturday": the coming one
        return base + dt.timedelta(days=(wd - base.weekday()) % 7)
    if mod in ("last", "past") and delta == 0:
        delta = 7
    return base - dt.timedelta(days=delta)


Parsed = tuple[str | None, Precision, str, TimeKind]
# a date expression whose value cannot be worked out: no value, no anchor
_NO_DATE: Parsed = (None, "unknown", "none", "date")


def _ago(m: re.Match[str], base: dt.datetime) -> tuple[str, Precision]:
    """"two days ago" → that day; "six weeks ago" → its ISO week, "two months ago" → its month,
    "42 years ago" → its year, as TimeML does; but "a year ago" (one unit, said of a recent
    anniversary) → the same day a year before."""
    word = re.sub(r"\s+", " ", m["n"].lower())
    unit = m["unit"].lower()
    if unit == "century" or word.startswith(("a quarter", "half")):
        # "a century ago", "a quarter century ago", "half a century ago": the year
        span = {"century": 100, "decade": 10, "year": 1}.get(unit)
        share = 0.25 if word == "a quarter" else 0.5 if word.startswith("half") else 1.0
        n_units = SMALL_COUNTS.get(word, 1) if not word.isdigit() else int(word)
        if span is None or share * span * n_units < 1:
            return ("PAST_REF", "unknown")
        return f"{base.year - round(share * span * n_units):04d}", "year"
    n = int(word) if word.isdigit() else SMALL_COUNTS.get(word)
    if n is None:
        return ("PAST_REF", "unknown")
    if unit == "day":
        return _fmt(base - dt.timedelta(days=n), "day", True), "day"
    if unit == "week":
        return _fmt(base - dt.timedelta(weeks=n), "week", True), "week"
    if unit == "month":
        month = base.year * 12 + base.month - 1 - n
        if n == 1 and word in ("a", "an", "one"):
            return _fmt(anaphora.with_month(base, month), "day", True), "day"
        return f"{month // 12:04d}-{month % 12 + 1:02d}", "month"
    years = n * (10 if unit == "decade" else 1)
    if n == 1 and word in ("a", "an", "one") and unit == "year":
        return _fmt(_with_year(base, base.year - years), "day", True), "day"
    return f"{base.year - years:04d}", "year"


def _year_of(word: str | None, base: dt.datetime | None) -> int | None:
    """The year a "… of 1998" / "… of next year" tail names (None: no tail or no anchor)."""
    if not word:
        return None
    w = word.lower().split()
    if w[0].isdigit():
        return int(w[0])
    if base is None:
        return None
    return base.year + {"last": -1, "next": 1}.get(w[0], 0)


def _quarter(m: re.Match[str], base: dt.datetime | None, tense: Tense) -> str | None:
    """"the third quarter (of 1998)", "last quarter", "the first half of next year": TimeML
    ``1998-Q3`` / ``1999-H1``; without a year, the latest such period that has begun (the
    earliest one ahead in a future-tense clause)."""
    unit = m["unit"].lower()
    letter, size = ("Q", 3) if unit == "quarter" else ("H", 6)
    year = _year_of(m["y"], base)
    n = _ORDINAL.get((m["ord"] or "").lower())
    rel = (m["rel"] or "").lower()
    if base is None and year is None:
        return None
    if base is not None:
        cur = (base.month - 1) // size + 1
        count = 12 // size
        if n is None and year is not None and rel == "last":
            n = count  # "the last half of 1989", "the last quarter of 1998": the final one
        if n is None:  # "last quarter", "this quarter", "the quarter"
            # "the latest quarter" is the last one ended (whose results are out)
            idx = base.year * count + cur - 1 + {"last": -1, "past": -1, "previous": -1,
                                                 "latest": -1, "next": 1}.get(rel, 0)
            return f"{idx // count:04d}-{letter}{idx % count + 1}"
        if year is None:
            year = base.year
            if rel in ("last", "past", "previous"):
                year -= 1
            elif rel == "next" or (tense == "future" and n < cur):
                year += 1 if rel == "next" or n < cur else 0
            elif n > cur and tense != "future":
                year -= 1
    if n is None or year is None:
        return None
    return f"{year:04d}-{letter}{n}"


def _holiday(m: re.Match[str], base: dt.datetime | None, tense: Tense,
             country: str | None = None) -> Parsed:
    """"Thanksgiving Day", "Election Day 1998", "Easter week": the holiday in the year the
    text gives, else the one the tense of its clause points to (as a month-day); a name
    several countries share, ``country``'s day (see :mod:`diurna.time.holidays`)."""
    if m["y"]:
        found = holiday_date(m["name"], int(m["y"]), country)
        anchor = "absolute"
    elif base is not None:
        options = [holiday_date(m["name"], y, country) for y in (base.year - 1, base.year,
                                                                 base.year + 1)]
        # a week counts from its Monday, so that Easter week is "this" week all week long
        days = [dt.datetime.combine(o[0] - dt.timedelta(days=o[0].weekday() if o[1] == "week"
                                                        else 0), dt.time())
                for o in options if o]
        if not days:
            return _NO_DATE
        pick = _choose(days, base, tense, 91)
        found = holiday_date(m["name"], pick.year, country)
        anchor = "published"
    else:
        return _NO_DATE
    if found is None:
        return _NO_DATE
    day, unit = found
    when = dt.datetime.combine(day, dt.time())
    if unit == "week":
        return _fmt(when, "week", True), "week", anchor, "date"
    return _fmt(when, "day", True), "day", anchor, "date"


def _choose(options: list[dt.datetime], base: dt.datetime, tense: Tense,
            limit: int) -> dt.datetime:
    """Of dates around publication: in a past-tense clause the latest on or before it, in a
    future-tense one the earliest on or after it, else the latest before it unless one lies
    at most ``limit`` days ahead and nearer."""
    past = [d for d in options if d <= base]
    ahead = [d for d in options if d >= base]
    if tense == "past" and past:
        return max(past)
    if tense == "future" and ahead:
        return min(ahead)
    last = max(past) if past else min(options)
    soon = [d for d in ahead if d > base]
    if soon and (min(soon) - base).days <= limit and (min(soon) - base) < (base - last):
        return min(soon)
    return last


def _timeml(text: str, base: dt.datetime | None, tense: Tense) -> Parsed | None:
    """TimeML values beyond the calendar (see :mod:`diurna.time.values`), or None when
    ``text`` is none of them."""
    raw = phrase(text)
    bare = re.sub(r"^(?:for|in|on|at|over|during|within|since|until|by|from)\s+(?!least\b)",
                  "", raw, flags=re.I)
    value = set_value(bare)
    if value:
        return value, "unknown", "none", "set"
    value = ref_value(bare)
    if value:
        return value, "unknown", "none", "date"
    if _ORDINAL_DAY.match(bare):  # "the 99th day" (of a journey): a day the calendar does not
        return "XXXX-XX-XX", "day", "none", "date"  # place (TimeML; not 99 days back)
    value = duration_value(bare)
    if value:
        return value, "unknown", "none", "duration"
    year = base.year if base else None
    value = decade_value(bare, year)
    if value:
        return value, ("century" if len(value) == 2 else "decade"), "absolute", "date"
    value = ordinal_century_value(bare)
    if value:
        return value, "century", "absolute", "date"
    m = _CENTURY.match(bare)
    if m and base is not None:
        # "this century" → 19 in 1998; "the next decade" → 200; "the previous decade" → 198
        shift = {"this": 0, "next": 1, "coming": 1}.get(m[1].lower().split()[-1], -1)
        if m[2].lower() == "century":
            return f"{base.year // 100 + shift:02d}", "century", "published", "date"
        return f"{base.year // 10 + shift:03d}", "decade", "published", "date"
    if m:
        return _NO_DATE
    m = _SEASON_TEXT.match(bare)
    if m:
        code = SEASONS[m[2].lower()]
        y = _year_of(m["y"], base)
        if y is not None:
            return f"{y:04d}-{code}", "season", "absolute" if m["y"][0].isdigit() else \
                "published", "date"
        if base is None:
            return _NO_DATE
        value = season_instance(code, base.year, base.month, (m[1] or "").lower(), tense)
        return value, "season", "published", "date"
    m = _QUARTER.match(bare)
    if m and (m["ord"] or m["rel"] or m["y"]):
        value = _quarter(m, base, tense)
        has_year = bool(m["y"] and m["y"][0].isdigit())
        prec: Precision = "quarter" if m["unit"].lower() == "quarter" else "half"
        return value, prec if value else "unknown", \
            ("absolute" if has_year else "published") if value else "none", "date"
    m = _QUARTER_Y.match(bare)
    if m:
        return f"{m[1]}-Q{_ORDINAL[m[2].lower()]}", "quarter", "absolute", "date"
    m = _Q_CODE.match(bare)
    if m:
        return f"{m[2] or m[3]}-Q{m[1] or m[4]}", "quarter", "absolute", "date"
    m = _HOLIDAY.match(bare)
    if m:
        return _holiday(m, base, tense)
    if _UNITS_AGO.match(bare):
        return "PAST_REF", "unknown", "none", "date"
    m = _AGO.match(bare)
    if m:
        if base is None:
            return _NO_DATE
        value, prec = _ago(m, base)
        return value, prec, "published", "date"
    if base is not None:
        m = _TONIGHT.match(bare)
        if m:
            return _fmt(base, "day", True), "day", "published", "date"
        m = _WEEKDAY_OF_WEEK.match(raw)
        if m:  # "Friday last week": that weekday of the week named
            monday = base - dt.timedelta(days=base.weekday())
            shift = {"last": -7, "this": 0, "next": 7}[m[2].lower()]
            day = monday + dt.timedelta(days=shift + WEEKDAY_NAMES.index(m[1].lower()))
            return _fmt(day, "day", True), "day", "published", "date"
        if _LAST_NIGHT.match(raw):  # the evening before publication: that day
            return _fmt(base - dt.timedelta(days=1), "day", True), "day", "published", "date"
    return None


# "the end of (the) year": a year's end counted from its fourth quarter (October)
_YEAR_END = re.compile(r"^(?:the\s+)?end\s+of\b", re.I)


def _not_begun(text: str, unit: str, base: dt.datetime) -> bool:
    """Had the end of this year that ``text`` names ("the end of the year") not begun by
    ``base``? Months and weeks are left as they were (a test of round 4 keeps "prices rose at
    the end of the month" the publication's month)."""
    return unit.lower() == "year" and bool(_YEAR_END.match(text)) and base.month < 10


def _parse_one(text: str, base: dt.datetime | None, year_hint: int | None = None,
               future: bool = False, tense: Tense = None) -> Parsed:
    """(value, precision, anchor, kind) of one date expression (not a range)."""
    if future:
        tense = "future"
    # "this past summer/Sunday/week" is the one just gone
    text = _THIS_PAST.sub(lambda m: "last " if m[1] else "past ", text)
    text = periods.respell(text)  # "nineteen ninety-six": 1996
    for rx, repl in _REWRITES:
        text = rx.sub(repl, text)
    text = _HEDGE.sub("", text.strip())  # "around 1927", "at least Wednesday", "... alone"
    # the simple present points ahead for seasons, quarters and holidays as for weekdays;
    # only month-days and months weigh how far ahead (see _by_tense)
    special = _timeml(text, base, "future" if tense == "present" else tense)
    if special is not None:
        return special
    m = _CLOCK_ALONE.match(text.strip())
    if m:  # "10:35 a.m.": the publication day at that hour (TimeML reads it so)
        if base is None:
            return None, "unknown", "none", "time"
        hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        return f"{_fmt(base, 'day', True)}T{hour:02d}:{int(m['min'] or 0):02d}", "time", \
            "published", "time"
    m = _CLOCK_DAY.match(text.strip())
    if m:  # "4 a.m. EDT Thursday": TimeML 2000-04-06T04:00 (the clock as written)
        v, p, a, _ = _parse_one(m["day"], base, year_hint, tense=tense)
        if v is None or p != "day":
            return v, p, a, "time"
        hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        return f"{v}T{hour:02d}:{int(m['min'] or 0):02d}", "time", a, "time"
    m = _DAY_PART.match(text.strip())
    if m and not re.match(r"^(?:the|that|this|last|next|same)$", m["day"], re.I):
        # "Wednesday night": the day (as AQUAINT and the project's gold mostly give it; the
        # TimeML suffix ``TNI`` would be finer but the annotations disagree on it)
        v, p, a, _ = _parse_one(m["day"], base, year_hint, tense=tense)
        return v, p, a, "date"
    value, precision, anchor = _parse_calendar(text, base, year_hint, tense)
    return value, precision, anchor, "date"


@lru_cache(maxsize=4096)
def _parse_calendar(text: str, base: dt.datetime | None, year_hint: int | None,
                    tense: Tense) -> tuple[str | None, Precision, str]:
    """(value, precision, anchor) of a calendar expression: dateparser and our rules. The
    answer depends on the arguments alone, so it is kept: a page repeats its dates ("Monday",
    "last week"), and dateparser costs ~0.8 ms a call (a fifth of the time stage)."""
    future = tense in ("future", "present")
    clean = _ORD.sub(r"\1", _LEAD.sub("", text.strip().rstrip(".,;")))
    clean = re.sub(r"['’]s$", "", clean)
    # "by year's end", "at month's end": the end of the publication's year or month
    clean = re.sub(r"^(?:the\s+)?(year|month|week)['’]s\s+end$", r"this \1", clean, flags=re.I)
    parted = _PART_OF.sub("", clean)
    if parted != clean and base is not None:
        decade = decade_value(parted, base.year)
        if decade:  # "the last half of the '80s": the decade (TimeML has no finer value)
            return decade, "decade" if len(decade) == 3 else "century", "absolute"
    if parted != clean and base is not None and parted.lower() in ("decade", "century"):
        # "the end of the decade": the publication's decade (TimeML writes it 200 for the
        # 2000s, a century 20), as "the end of the year" is the publication's year; a hand
        # rule, since dateparser reads days, months and years but has no decade or century
        if parted.lower() == "decade":
            return str(base.year // 10), "decade", "published"
        return str(base.year // 100), "century", "published"
    if parted != clean and parted.lower() in ("year", "month", "week"):
        # "the end of the year": the publication's; in a past-tense clause, a part of it that
        # had not begun by publication is the previous one's ("the flu season peaked by the end
        # of year", said in March: 2012's)
        later = tense == "past" and base is not None and _not_begun(clean, parted, base)
        parted = f"{'last' if later else 'this'} {parted}"
    clean = re.sub(r"^(?:early|late|mid)[- ]", "", parted, flags=re.I)
    clean = re.sub(rf"^(?:earlier|later)\s+(?:on\s+)?(?=this|last|next|today|yesterday|tonight|"
                   rf"tomorrow|{_WEEKDAY})", "",
                   clean,
                   flags=re.I)
    clean = re.sub(rf"^last\s+(?={_MONTH}\s+\d)", "", clean, flags=re.I)  # "last Oct. 23"
    if (not clean or re.fullmatch(r"\d{1,3}", clean) or _DECADE.search(clean)
            or _DURATION.match(clean) or _N_YEAR.match(clean) or _NOW.match(clean)):
        return None, "unknown", "none"
    if base is not None:
        m = _BARE_WEEKDAY.match(clean)
        if m:
            when = _weekday_date(m, base, future)
            if tense == "near" and not m[1]:  # the nearer of the last and the coming one
                ahead = _weekday_date(m, base, True)
                when = ahead if (ahead - base) < (base - when) else when
            return _fmt(when, "day", True), "day", "published"
        m = _EARLIER.match(clean)
        if m:
            clean = "today" if m[1].lower() == "day" else f"this {m[1]}"
        m = _WEEKEND.match(clean)
        if m:
            # the weekend (Saturday) before publication, or the coming/current one; "this
            # weekend" early in the week is the one just gone unless the verb is future
            # ("took to the streets this weekend" in a Monday paper)
            sat = base - dt.timedelta(days=(base.weekday() - 5) % 7)
            mod = (m[1] or "").lower()
            if not mod:  # "(over) the weekend": the one just gone unless the verb is future
                if future and base.weekday() < 5:
                    sat += dt.timedelta(days=7)
                return _fmt(sat, "week", True), "week", "published"
            coming = future or base.weekday() >= 2
            if mod == "next" or (mod == "this" and base.weekday() < 5 and coming):
                sat += dt.timedelta(days=7)
            elif mod in ("last", "past") and base.weekday() >= 5:
                sat -= dt.timedelta(days=7)  # said on a weekend: the one before
            return _fmt(sat, "week", True), "week", "published"
        m = _SEASON.match(clean)
        if m:
            shift = {"last": -1, "past": -1, "next": 1}.get(m[1].lower(), 0)
            return f"{base.year + shift:04d}", "year", "published"
        m = _MONTH_REL_YEAR.match(clean)
        if m:  # "May of this year", "July last year", "the 18th of March next year"
            year = base.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
            month = month_number(m["m"])
            day = m["d1"] or m["d2"]
            if day is None:
                return f"{year:04d}-{month:02d}", "month", "published"
            try:
                return dt.date(year, month, int(day)).isoformat(), "day", "published"
            except ValueError:
                return None, "unknown", "none"
        m = _REL_MONTH.match(clean)
        if m:
            month = month_number(m[2])
            mod = m[1].lower()
            year = base.year
            if mod == "next" and month <= base.month:
                year += 1
            elif mod == "last" and month >= base.month:
                year -= 1
            return f"{year:04d}-{month:02d}", "month", "published"
    has_year = bool(_HAS_YEAR.search(clean))
    calendar = bool(_CALENDAR.search(clean))
    if base is None and not calendar:
        return None, "unknown", "none"  # relative expression with nothing to anchor it
    data = _parser(base, future and base is not None).get_date_data(clean)
    if data is None or data.date_obj is None:
        return None, "unknown", "none"
    precision: Precision = "day"
    if data.period in ("week", "month", "year"):
        precision = data.period
    if base is None and not has_year:
        if precision in ("year", "week"):
            return None, "unknown", "none"
        return _fmt(data.date_obj, precision, year_known=False), precision, "none"
    # "March 5 EST": dateparser returns an aware datetime when the text names a zone, and the
    # publication base is naive; the day is the one the text writes, so the zone is dropped
    date = data.date_obj.replace(tzinfo=None)
    anchor = "absolute" if has_year else "published"
    if not has_year and calendar and precision in ("day", "month") and base is not None:
        date = _by_tense(date, base, precision, tense)
    if not has_year and calendar and precision in ("day", "month"):
        if (year_hint is not None and base is not None and year_hint > base.year
                and (base - date).days > 31 and tense != "past"):
            # an upcoming schedule ("the tour starts June 9, 2020 ... Sept. 12"): the year the
            # text just gave, not the past-preferring default
            date = _with_year(date, year_hint)
        wd = re.search(_WEEKDAY, clean)
        if wd and precision == "day" and base is not None:
            # "Friday, Dec. 6": the year (around publication) in which that day is a Friday
            want = WEEKDAY_NAMES.index(wd.group(0).lower())
            options = [_with_year(date, y) for y in (base.year, base.year + 1, base.year - 1)]
            fits = [d for d in options if d.weekday() == want]
            if fits:
                date = min(fits, key=lambda d: abs((d - base).days))
    return _fmt(date, precision, year_known=True), precision, anchor


def _by_tense(date: dt.datetime, base: dt.datetime, precision: Precision,
              tense: Tense) -> dt.datetime:
    """The year of a month-day or month without one: in a past-tense clause the latest on or
    before publication, in a future-tense one the earliest on or after it, otherwise the
    latest before it unless one lies less than three months ahead and nearer (a month counts
    as the publication month when it is that month)."""
    options = [_with_year(date, y) for y in (base.year - 1, base.year, base.year + 1)]

    def key(d: dt.datetime) -> tuple[int, int]:
        if precision == "month":
            return (d.year * 12 + d.month - base.year * 12 - base.month, 0)
        return ((d - base).days, 0)

    if tense == "past":
        past = [d for d in options if key(d)[0] <= 0]
        return max(past, key=key) if past else date
    if tense == "future":
        ahead = [d for d in options if key(d)[0] >= 0]
        recent = [d for d in options if -7 <= key(d)[0] < 0]
        if precision == "day" and recent and (not ahead or key(min(ahead, key=key))[0] > 300):
            # "is hosting the summit from May 10 to 11" on May 11: under way, not next year's
            return max(recent, key=key)
        return min(ahead, key=key) if ahead else date
    if tense == "present":
        # "begins Jan. 14", "takes effect in January": ahead, when that is within half a
        # year; a month-day or month further ahead is more likely a past one in a clause the
        # tagger misread ("an airstrike (mis-tagged 'lead') in January", said in April)
        ahead = [d for d in options if key(d)[0] >= 0]
        if ahead and key(min(ahead, key=key))[0] <= (6 if precision == "month" else 183):
            return min(ahead, key=key)
        tense = None
    if tense == "near":
        return min(options, key=lambda d: abs(key(d)[0]))
    # no tense: news reports the past, but a date a few weeks ahead is an announcement
    past = [d for d in options if key(d)[0] <= 0]
    ahead = [d for d in options if key(d)[0] > 0]
    last = max(past, key=key) if past else date
    soon = min(ahead, key=key) if ahead else date
    limit = 3 if precision == "month" else 91
    if ahead and key(soon)[0] <= limit and key(soon)[0] < -key(last)[0]:
        return soon
    return last


def _with_year(date: dt.datetime, year: int) -> dt.datetime:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return date.replace(year=year, day=28)


# "the first week of March 2009", "the last week of May": a week the month's name places
_WEEK_OF_MONTH = re.compile(
    r"^(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+"
    rf"(?P<month>{_MONTH}(?:,?\s+{_YEAR})?)$", re.I)
# "the day before July 3", "the day after Christmas Day": one day off a date the text gives
_DAY_BESIDE = re.compile(r"^the\s+day\s+(?P<dir>before|after)\s+(?P<date>\S.*)$", re.I)
# "this day last year", "this same day two years ago": the publication day that many years back
_THIS_DAY_BACK = re.compile(rf"^(?:on\s+)?{_THIS_DAY_BACK_WORDS}$", re.I)


def _count_years(word: str) -> int:
    """The count of years "a", "two" or "10" says."""
    return int(word) if word.isdigit() else (SMALL_COUNTS.get(word.lower()) or 1)


def _nth_week(month: str | None, nth: str) -> str | None:
    """The ISO week of a month's ``nth`` week (``2009-03``, "first": ``2009-W10``), None when
    ``month`` is no month of a known year. As ISO 8601 places a year's first week, a month's
    first week is the one holding its 4th day (most of its days in the month), its last the
    one holding its 4th day from the end."""
    m = re.match(r"^(\d{4})-(\d{2})$", month or "")
    if m is None:
        return None
    first = dt.datetime(int(m[1]), int(m[2]), 1)
    if nth in ("last", "final"):
        nxt = anaphora.with_month(first, first.year * 12 + first.month)
        day = nxt - dt.timedelta(days=4)
    else:
        day = first + dt.timedelta(days=3 + 7 * ("first", "second", "third", "fourth").index(nth))
    return _fmt(day, "week", True)


# a holiday of another calendar as a whole phrase: "during Ramadan", "the start of the Muslim
# holy month of Ramadan", "the eve of Eid", "Islam's Eid al-Adha holiday", "Passover 2006"
_MOVEABLE_LEAD = (r"(?:(?P<edge>start|beginning|end|close|eve|onset|last\s+day|"
                  r"(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth)\s+day)"
                  r"\s+of\s+(?:the\s+)?)?"
                  r"(?:(?:Muslim|Islamic|Islam['’]s|Jewish|Hindu|Shia|Shi['’]?ite|Sunni|Orthodox|"
                  r"Christian|Persian|Iranian|Kurdish|holy|fasting|religious|sacred|annual|"
                  r"this\s+year['’]s)\s+)*"
                  r"(?:(?:month|holiday|festival|feast|day|new\s+year)\s+of\s+)?")
_MOVEABLE = re.compile(
    r"^(?:(?:during|on|at|for|before|after|until|till|since|by|in|over|throughout|ahead\s+of)"
    rf"\s+)?(?:the\s+)?{_MOVEABLE_LEAD}(?P<name>{calendars.PATTERN})"
    r"(?:\s+(?:holidays?|festival|celebrations?|festivities|feast|prayers|period|season))?"
    rf"(?:,?\s+(?P<y>{YEAR}))?$", re.I)
# the same lead before a holiday's name found alone ("the start of the Muslim holy month of
# [Ramadan]"): read with the name for its value
_MOVEABLE_BEFORE = re.compile(rf"\bthe\s+{_MOVEABLE_LEAD}$", re.I)
_NTH_DAY = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5,
            "seventh": 6, "eighth": 7}


def _moveable(m: re.Match[str], text: str, base: dt.datetime | None, tense: Tense) -> TimeExpr:
    """A holiday of another calendar (:mod:`diurna.time.calendars`): in the year the text
    gives, else the occurrence publication falls in (a Ramadan under way), else the one the
    tense of its clause points to, as for any holiday (:func:`_holiday`). Ramadan, a month,
    has its last day as ``end_value``; "the start / end / eve of" give one day."""
    name = calendars.key(m["name"]) or ""
    if m["y"]:
        firsts = calendars.days(name, int(m["y"]))[:1]
        anchor = "absolute"
    elif base is not None:
        options = [d for y in (base.year - 1, base.year, base.year + 1)
                   for d in calendars.days(name, y)]
        within = [d for d in options if d <= base.date() <= calendars.last_day(name, d)]
        # a religious holiday is kept over days and its eve, and a country may keep it a day
        # after the calendar's: one at most 3 days ahead is the one a past clause tells of
        # ("pilgrims were celebrating Ashura", two days before it); the simple present is
        # news's own ("the attack comes on Eid al-Adha", three days after it): the nearer one
        soon = [d for d in options if 0 < (d - base.date()).days <= 3]
        stamps = [dt.datetime.combine(d, dt.time()) for d in options]
        if tense == "past" and soon:
            firsts = soon[:1]
        else:
            firsts = within or ([_choose(stamps, base, None if tense == "present" else tense,
                                         91).date()] if stamps else [])
        anchor = "published"
    else:
        firsts = []
    if not firsts:
        return TimeExpr(0, len(text), text, kind="date")
    first = firsts[0]
    last = calendars.last_day(name, first)
    edge = (m["edge"] or "").lower()
    if m["nth"]:  # "the second day of Eid ul-Fitr"
        first = last = first + dt.timedelta(days=_NTH_DAY[m["nth"].lower()])
    elif edge == "eve":
        first = last = first - dt.timedelta(days=1)
    elif edge in ("end", "close", "last day"):
        first = last
    elif edge:
        last = first
    return TimeExpr(0, len(text), text, value=first.isoformat(), precision="day",
                    end_value=last.isoformat() if last != first else None,
                    anchor=anchor, kind="date")  # type: ignore[arg-type]


def normalize(text: str, published: str | None = None, *,
              year_hint: int | None = None, future: bool = False,
              tense: Tense = None) -> TimeExpr:
    """Normalise one temporal expression (offsets 0..len(text)) against ``published``.

    ``year_hint`` is the year of the nearest preceding expression that states one; it is used
    only when that year is after publication (an announced schedule). ``future`` says the
    clause is in the future tense ("will testify Thursday"): dates then come after
    publication; ``tense`` ("past", "future", "present", "near" or None) says the same more finely:
    weekdays, month-days and seasons without a year lie before publication in a past-tense
    clause and after it in a future or present-tense one (see :func:`clause_tense`)."""
    base = parse_published(published)
    if future:
        tense = "future"
    body = text.strip()
    moveable = _MOVEABLE.match(phrase(body))
    if moveable:  # "Eid al-Fitr", "during Ramadan": a holiday of another calendar
        return _moveable(moveable, text, base, tense)
    for rx in (_RANGE_DAY_MONTH, _RANGE_MONTH_DAY):
        m = rx.match(_LEAD.sub("", body))
        if m:
            year = m["y"] or ""
            v1, p1, a1, _ = _parse_one(f"{m['d1']} {m['m']}{year}", base, year_hint, tense=tense)
            v2, _, _, _ = _parse_one(f"{m['d2']} {m['m']}{year}", base, year_hint, tense=tense)
            return TimeExpr(0, len(text), text, value=v1, precision=p1, end_value=v2,
                            anchor=a1)  # type: ignore[arg-type]
    week = _WEEK_OF_MONTH.match(body)
    if week:  # "the first week of March 2009": the ISO week, as for any week
        month = normalize(week["month"], published, year_hint=year_hint, tense=tense)
        nth = _nth_week(month.value, week["nth"].lower())
        if nth is not None:
            return TimeExpr(0, len(text), text, value=nth, precision="week",
                            anchor=month.anchor)
    around = _DAY_BESIDE.match(body)
    if around:  # "the day before July 3": the date's day one day off; an event's day is unknown
        anchor_day = normalize(around["date"], published, year_hint=year_hint, tense=tense)
        if anchor_day.precision == "day" and anchor_day.value and anchor_day.value[0].isdigit():
            day = dt.datetime.strptime(anchor_day.value[:10], "%Y-%m-%d") + dt.timedelta(
                days=1 if around["dir"].lower() == "after" else -1)
            return TimeExpr(0, len(text), text, value=_fmt(day, "day", True), precision="day",
                            anchor=anchor_day.anchor)
    back = _THIS_DAY_BACK.match(body)
    if back and base is not None:  # "on this day last year": the publication day, years back
        years = 1 if back["n"] is None else _count_years(back["n"])
        day = anaphora.with_month(base, (base.year - years) * 12 + base.month - 1)
        return TimeExpr(0, len(text), text, value=_fmt(day, "day", True), precision="day",
                        anchor="published")
    value, precision, anchor, kind = _parse_one(body, base, year_hint, tense=tense)
    return TimeExpr(0, len(text), text, value=value, precision=precision,
                    anchor=anchor, kind=kind)  # type: ignore[arg-type]


def _adverb_ok(doc: Document, start: int) -> bool:
    """Bare "earlier" counts only as an adverb ("said earlier"), not "an earlier attack"."""
    if doc.nlp is None:
        return True
    toks = tokens_in(doc.nlp, start, start + len("earlier"))
    return bool(toks) and toks[0].pos_ == "ADV"


def _is_verb(doc: Document, start: int) -> bool:
    """Is the word at ``start`` a verb to the parser ("could *last* two years", not "the last
    two years")? False without a parse."""
    if doc.nlp is None:
        return False
    toks = tokens_in(doc.nlp, start, start + len(doc.text[start:].split(None, 1)[0]))
    return bool(toks) and toks[0].pos_ in ("VERB", "AUX")


def find_expressions(doc: Document) -> list[Span]:
    """Candidate spans: spaCy DATE entities and our patterns, longest first, no overlaps."""
    found: list[tuple[int, int]] = []
    for ent in doc.entities:
        if ent.label != "DATE":
            continue
        bare = ent.text.strip()
        if re.fullmatch(r"\d{1,3}", bare) or (bare.isdigit() and not re.fullmatch(_YEAR, bare)):
            continue  # ages, counts and house numbers ("Burton, 32, of 1119 Eighth St.")
        if _NOT_A_TIME.match(bare) or (_OLD_AFTER.match(doc.text, ent.end)
                                        and re.search(r"-(?:year|month)$", bare)):
            continue  # "a 44-year-old", "the age of 15", "The Sunday Telegraph", "63-year old"
        if _CODE.fullmatch(bare):
            continue  # "2M3.2": a code, no date
        if _VERB_MONTH.match(bare):
            continue  # "may fall next year": a verb, not May; our patterns find "next year"
        m = _YEAR_PAIR.match(ent.text) or _SHORT_PAIR.match(ent.text)
        if m and (len(m[2]) == 4 or _short_year(m[1], m[2]) is not None):
            # "between 2010 and 2015", "1957-58": two years
            found += [(ent.start + m.start(1), ent.start + m.end(1)),
                      (ent.start + m.start(2), ent.start + m.end(2))]
            continue
        if _YEAR_LIST.match(ent.text):  # "1994, 1995 and 1997": three years
            found += [(ent.start + y.start(), ent.start + y.end())
                      for y in re.finditer(_YEAR, ent.text)]
            continue
        if re.search(r"\s(?:of|the)$", bare):
            continue  # "a period of (six months)", "the end of (the Cold War)": a fragment
        if re.search(r"\bages?\s+of\b", ent.text):
            continue  # "between the ages of five and 15": ages, no time
        m = _BETWEEN.match(ent.text)
        if m:  # "between now and Feb. 10": "now" and "Feb. 10"
            found += [(ent.start + m.start(g), ent.start + m.end(g)) for g in (1, 2) if m[g]]
            continue
        m = _LENGTH_IN_DATE.match(ent.text) or _DAY_THEN_LENGTH.match(ent.text)
        if m and duration_value(ent.text) is None and duration_value(m["len"]) is not None:
            # "for just five years in the mid-1980s", "August 13, a day after ...": the tagger
            # ran a length and a date into one; TimeML marks each (and neither has a value whole)
            found += [(ent.start + m.start(g), ent.start + m.end(g)) for g in ("len", "date")]
            continue
        m = _BETWEEN_CUT.match(ent.text)
        if m:  # "between [140 days] and two years": the tagger cut the range at "and"
            found.append((ent.start + m.start(1), ent.end))
            continue
        m = _PERIOD_ENDED.match(ent.text)
        if m:  # "the year ended March 31": "the year" and "March 31"
            found += [(ent.start + m.start(g), ent.start + m.end(g)) for g in ("head", "day")]
            continue
        cut = re.search(r"\s*[—(;]", ent.text)
        end = ent.start + cut.start() if cut and cut.start() > 0 else ent.end
        run = _WEEKDAY_RUN.match(ent.text)
        if run:  # "Friday age 109": the weekday alone
            end = min(end, ent.start + run.end(1))
        lead = (_ARTICLE_BEFORE_MONTH.match(ent.text)  # "a Nov. 5 letter": the date is "Nov. 5"
                or _THE_DAY.match(ent.text))  # "the day Friday": "Friday"
        skip = lead.end() if lead else 0
        noun = _NOUN_BEFORE_LENGTH.match(ent.text[:end - ent.start])
        rest = ent.text[noun.end():end - ent.start] if noun else ""
        if (noun and not skip and duration_value(ent.text[:end - ent.start]) is None
                and (duration_value(rest) is not None or _AGO.match(rest))):
            skip = noun.end()  # "an interview several months": "several months"
        placed = _BARE_UNIT_PLACED.match(ent.text[skip:end - ent.start])
        if placed:  # "Days later": the length is "Days" (PXD)
            end = ent.start + skip + placed.end("unit")
        than = _LATER_THAN.search(ent.text[skip:end - ent.start])
        if than and re.match(r"\s+than\b", doc.text[end:]):
            end = ent.start + skip + than.start()  # "two years later than promised": a delay
        if _VERB_LAST.match(ent.text[skip:]) and _is_verb(doc, ent.start + skip):
            skip += _VERB_LAST.match(ent.text[skip:]).end()  # type: ignore[union-attr]
        late = _SCHEDULE_AFTER.search(ent.text[:end - ent.start])
        if late and duration_value(ent.text[skip:late.start()]) is not None:
            end = ent.start + late.start()  # "three years early": "three years"
        full = _FULL_DATE.match(ent.text[skip:]) or _MONTH_DAY_NOUN.match(ent.text[skip:])
        if full and skip + full.end() < len(ent.text.rstrip()):
            # "September 20, 2006 Hugo Chávez", "the August 11, 2007 edition"
            end = min(end, ent.start + skip + full.end())
        found.append((ent.start + skip, end))
    folded = fold(doc.text)
    for rx in _PATTERNS + anaphora.PATTERNS:
        if not may_match(required_literals(rx), folded):
            continue  # (no word every match needs is in the text: the scan would find nothing)
        for m in rx.finditer(doc.text):
            g = "t" if "t" in rx.groupindex else 0
            if "compound" in rx.groupindex and compound_duration_value(m.group(0)) is None:
                continue  # "two days and three nights": no one value; the parts are found alone
            if m.group(g).lower() == "earlier" and not _adverb_ok(doc, m.start(g)):
                continue
            if "holiday" in rx.groupindex and calendars.not_a_holiday(doc.text, m.start(),
                                                                      m.end()):
                continue  # "Taha Yasin Ramadan", "said Eid.", "the word 'Ramadan'"
            found.append((m.start(g), m.end(g)))
    found.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in found:
        if not any(s < ce and cs < e for cs, ce in chosen):
            chosen.append((s, e))
    spans = []
    for s, e in sorted(chosen):
        # trim surrounding whitespace/punctuation an entity may carry
        while s < e and not doc.text[s].isalnum():
            s += 1
        while e > s and not doc.text[e - 1].isalnum():
            e -= 1
        if _DECADE_WORD.search(doc.text, s, e) and _AGE_OR_HEAT.search(
                doc.text[max(0, s - 40):s]):
            continue  # "in his early sixties", "highs in the seventies": an age, a heat
        adjective = _THE_ADJECTIVE_LENGTH.match(doc.text, s, e)
        if adjective:  # "the 24-hour strike": TimeML marks "24-hour", the article is the noun's
            s = adjective.end()
        if _deixis_name(doc.text, s, e):
            continue  # "the BBC's Today programme", the show 'Tomorrow's pioneers': names
        if e > s and not (_NAMED_DAY_BEFORE.search(doc.text, max(0, s - 8), s)
                          and re.match(_WEEKDAY, doc.text[s:e])):
            ends = range_ends(doc.text[s:e])
            if ends:  # "between 20 and 1000 years": "20" and "1000 years", two lengths
                spans += [doc.span(s + a, s + b) for a, b, _ in ends]
                continue
            spans.append(doc.span(s, e))  # (not "the Good Friday Agreement", "Bloody Sunday")
    return spans


def _deixis_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a capitalised "Today", "Tomorrow", "Yesterday" or "Tonight",
    is part of a name (a programme, a newspaper, a title) rather than a time: written with a
    capital after a word of its line and before a small word, right after a capitalised word
    in a line that is no title-case headline ("Russia Today", times round 19), or opening a quoted
    title after the kind of work it names."""
    if not _DEIXIS_WORD.fullmatch(text, start, end):
        return False
    before = text[max(0, start - 30):start]
    if _TITLE_BEFORE.search(before):
        return True
    if _CAPITAL_BEFORE.search(before):
        line = text[text.rfind("\n", 0, start) + 1:start]
        if _SMALL_WORD.search(line):
            return True
    return bool(_WORD_BEFORE.search(before) and _SMALL_AFTER.match(text, end))


# PLOVER types whose event is an utterance: their date is the date it was said
VERBAL_TYPES = {"DEMAND", "ACCUSE", "REJECT", "THREATEN", "CONSULT", "AGREE", "SUPPORT",
                "DISAPPROVE", "CONCEDE", "APPEAL", "REQUEST", "PROTEST_VERBAL"}
_FUTURE_AUX = {"will", "wo", "shall", "'ll", "’ll"}
# a date a plan is set for lies ahead: "scheduled for Dec. 15", "the planned Jan. 1 rise"
_SCHEDULED = {"schedule", "scheduled", "slate", "slated", "planned", "upcoming"}


def _future_tense(doc: Document, span: Span) -> bool:
    """Is the clause governing ``span`` in the future tense ("Hill will testify Thursday")?"""
    if doc.nlp is None:
        return False
    toks = tokens_in(doc.nlp, span.start, span.end)
    if not toks:
        return False
    cur = toks[0]
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in cur.children):
                return True
            return cur.lower_ in _FUTURE_AUX or cur.lemma_ in _SCHEDULED
        if cur.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "amod" and c.lemma_ in _SCHEDULED for c in cur.children):
            return True  # "a scheduled Dec. 15 imposition of tariffs"
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# verbs whose present tense reports what was said ("Clinton says Tuesday"): no future there
_REPORTING = {"say", "tell", "report", "announce", "confirm", "claim", "add", "state", "insist",
              "deny", "note", "warn", "write"}
# ("could" is as often the past of "can": "could not be located Wednesday")
_MODALS = {"would", "might", "may", "should", "can", "must"}
# verbs that push something to a later date ("postponed until Tuesday")
_DEFER = {"postpone", "delay", "extend", "adjourn", "defer", "put", "push", "give", "move"}
_AHEAD = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$", re.I)
_AHEAD_LEAD = re.compile(r"(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s", re.I)
_SINCE = re.compile(r"\bsince\s+$", re.I)
# terms of a deal whose date lies on either side of publication, the nearer: "payable Dec. 7
# to stock of record Nov. 22", "effective Feb. 1", "was extended to Nov. 16"
_TERMS = re.compile(r"\b(?:payable|effective|(?:of|on\s+the)\s+record|extended\s+(?:to|until|"
                    r"through)|expir(?:es?|ing)|expire)\s+(?:on\s+)?$", re.I)
# nouns a date names ahead of its time ("the November 24 deadline")
_AHEAD_NOUNS = {"deadline"}
# verbs whose infinitive complement lies ahead ("plans to meet Tuesday")
_PLANNING = {"plan", "expect", "schedule", "intend", "hope", "due", "set", "prepare", "aim",
             "agree", "want", "seek", "promise", "vow", "decide", "likely", "go"}


def _verb_tense(verb: Any) -> Tense:
    """"past", "future", "present" (the simple present: "begins", "takes effect"), "near"
    ("would") or None for one verb token, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if "would" in lowers or verb.lower_ == "would":
        # the future of a past narrative ("said they would kill them by April 27", "would be
        # traveling Thursday"): the date may lie on either side of publication, the nearer
        return "near"
    if verb.lemma_ in ("schedule", "slate", "due", "plan", "set", "expect") and any(
            a.tag_ == "VBD" for a in auxes):
        # "were scheduled to visit on November 21", "was planned for early March": a plan
        # told in the past, its date on either side of publication
        return "near"
    if verb.lemma_ in ("plan", "set", "expect") and any(
            a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "elections are expected in October", "the vote is set for July 3"
    if (lowers & (_FUTURE_AUX | _MODALS) or verb.lower_ in _FUTURE_AUX
            or verb.lemma_ in _SCHEDULED or verb.lemma_ in ("schedule", "slate")):
        # "will meet", "might come", "scheduled a rally for Saturday"; not "planned", which
        # as often dates the planning or a plan since dropped ("a service planned for
        # Saturday was canceled")
        return "future"
    if "going" in lowers or any(a.tag_ == "VBD" or a.lower_ == "had" for a in auxes):
        # "was going to" is a past plan; "is going to" is ahead
        if "going" in lowers and not any(a.tag_ == "VBD" for a in auxes):
            return "future"
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if (verb.tag_ == "VBN" and not auxes and verb.dep_ == "conj"
            and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i):
        # "started in early December and peaked by the end of year": a conjunct the tagger
        # read as a participle shares the tense of the verb it is joined to
        return _verb_tense(verb.head)
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP")
                                  for a in auxes):
        return "future"  # "is meeting Tuesday"
    if verb.tag_ in ("VBZ", "VBP"):
        return None if verb.lemma_ in _REPORTING else "present"
    if (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in lowers)) and "to" in lowers:
        # "plans to meet Tuesday", "are expected to be returned on Friday"
        head = verb.head
        if head.i != verb.i and (head.lemma_ in _PLANNING or head.lower_ in _PLANNING):
            if head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                         for c in head.children):
                # "were scheduled to visit on November 21", "planned to meet Tuesday": a plan
                # told in the past, its date on either side of publication
                return "near"
            return "future"  # "decides to admit them in March"
        if head.i != verb.i and head.lemma_ == "be" and verb.dep_ == "xcomp":
            # "is to arrive Thursday": an arrangement ahead; "was to arrive": either side
            return "future" if head.tag_ in ("VBZ", "VBP") else \
                "near" if head.tag_ == "VBD" else None
        return None  # a purpose clause may lie after its act or not
    return None


# a "verb" in one of these roles is a noun the tagger got wrong ("during the conference")
_NOMINAL_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "compound", "attr", "appos", "poss"}


# verbs that fix a date for something ("called an election for May 5", "set for Friday")
_ARRANGE = {"call", "order", "set", "schedule", "reschedule", "plan", "announce", "consider",
            "fix", "propose", "move", "postpone", "delay", "push", "slate", "book"}


def _arranging_verb(prep: Any) -> Any | None:
    """The verb that fixes a date ("ordered a by-election for ...") the preposition ``prep``
    ("for", "as") hangs on, directly or through its noun; None when it hangs on another."""
    cur = prep.head
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX"):
            return cur if cur.lemma_ in _ARRANGE else None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def clause_tense(doc: Document, span: Span) -> Tense:
    """The tense of the clause a time expression sits in: "past" ("met on Tuesday", "has met",
    "was signed"), "future" ("will meet Tuesday", "is meeting Tuesday", "begins Jan. 14",
    "scheduled for Dec. 15", "plans to meet Tuesday") or None (no verb found, or a reporting
    verb in the present: "says Tuesday")."""
    if doc.nlp is None:
        return None
    toks = tokens_in(doc.nlp, span.start, span.end)
    if not toks:
        return None
    before = doc.text[max(0, span.start - 30):span.start]
    if _AHEAD.search(before) or _AHEAD_LEAD.match(doc.text, span.start):
        return "future"  # "as soon as Tuesday", "(from) as early as July"
    if _SINCE.search(before):
        return "past"  # "has been going on since February 28": never ahead of publication
    if _TERMS.search(before):
        return "near"
    inside = {t.i for t in toks}
    cur = phrase_head(toks)
    if cur.head.i != cur.i and cur.head.lemma_ in _AHEAD_NOUNS:
        return "near"  # "the November 24 deadline": the nearer one, mostly ahead
    if (cur.head.lower_ in ("until", "till") and cur.head.head.lemma_ in _DEFER):
        return "future"  # "postponed until Tuesday morning"
    verb = _arranging_verb(cur.head) if cur.head.lower_ in ("for", "as") else None
    if verb is not None and _verb_tense(verb) != "future":
        # "ordered a by-election for the 2nd of October", "the date was announced as March
        # 29": the date of an arrangement, on either side of publication, the nearer
        return "near"
    if cur.dep_ in ("nmod", "compound", "poss", "npadvmod", "amod") and cur.head.pos_ in (
            "NOUN", "PROPN"):
        return None  # a date that names a thing ("Trump's July 25 call", "testimony Tuesday")
    for c in cur.children:
        if (c.dep_ in ("relcl", "advcl", "acl") and c.i not in inside
                and c.pos_ in ("VERB", "AUX") and _verb_tense(c) == "past"):
            return "past"  # "June, when violence erupted": the date's own clause says past
    after = toks[-1].i + 1
    if after < len(doc.nlp) and doc.nlp[after].lower_ == "when" and doc.nlp[after].head.pos_ in (
            "VERB", "AUX") and _verb_tense(doc.nlp[after].head) == "past":
        return "past"  # the same, as the parser often hangs the "when" clause on the verb
    below = cur  # the token the walk came up from
    for _ in range(8):
        if (cur.i not in inside and cur.pos_ in ("VERB", "AUX")
                and cur.dep_ not in _NOMINAL_DEPS):
            if _bare_participle(cur) and (below.head.i == cur.i or below.head.head.i == cur.i):
                return _participle_tense(cur)
            return _verb_tense(cur)
        below = cur
        if cur.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "amod" and c.lemma_ in _SCHEDULED for c in cur.children):
            return "future"  # "a scheduled Dec. 15 imposition of tariffs"
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


# participles that work as prepositions: no act of their own ("an order regarding divisions on
# Thursday" is about Thursday's divisions, not an act in the tense of the clause)
_PREPOSITIONAL = {"regarding", "concerning", "including", "following", "according", "involving",
                  "excluding", "considering", "pending", "barring", "respecting"}


def _bare_participle(verb: Any) -> bool:
    """Whether ``verb`` is a present participle with no auxiliary that hangs on a noun or a
    clause ("terms ending December 31", "arriving Tuesday"): a form with no tense of its own
    (not one that works as a preposition, "regarding")."""
    return (verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl")
            and verb.lower_ not in _PREPOSITIONAL
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _participle_tense(verb: Any) -> Tense:
    """"future" when a bare present participle sits in a future-tense clause (the tensed verb
    above it, through the noun it describes), else None. The participle has no tense of its
    own; a future clause places its time ahead too ("Annan, who will step down after terms
    ending December 31"). A past one does not place it behind: "has signed a contract
    starting April 1" starts after the signing, so a past clause leaves it with no tense."""
    cur = verb.head
    for _ in range(8):
        if (cur.pos_ in ("VERB", "AUX") and cur.dep_ not in _NOMINAL_DEPS
                and not _bare_participle(cur)):
            return "future" if _verb_tense(cur) == "future" else None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


# ---------------------------------------------------------------------------------------------
# event dates


def phrase_head(toks: list[Any]) -> Any:
    """The token of ``toks`` highest in the parse (fewest ancestors): the phrase's head."""
    return min(toks, key=lambda t: sum(1 for _ in t.ancestors))


def tokens_in(nlp_doc: Any, start: int, end: int) -> list[Any]:
    """The spaCy tokens wholly inside the characters [start, end) (none when no token is)."""
    span = nlp_doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _path_hops(tok: Any, target_ids: set[int], max_hops: int = 8,
               via: set[str] | None = None, barrier: frozenset[str] = frozenset(),
               own: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
               ) -> int | None:
    """Hops from ``tok`` up its head chain to a token in ``target_ids`` without crossing another
    verb (so "withdraw from Syria" does not attach "Syria" to a "called on" above it).
    With ``via``, the path must go through one of those prepositions ("in", "at"); with
    ``barrier``, not through a token of one of those dependencies (a subject and its
    description: "an analyst at the Texas-based Stratfor told ..."). ``own`` is the pair of
    :func:`own_clauses`: the verbs of the event's own relative clauses, which the path may
    cross, unless it met a token of another coded event before them."""
    cur, hops = tok, 0
    through = via is None
    passable, claimed = own
    other = False  # the path went through another event's trigger
    while hops <= max_hops:
        if cur.i in target_ids:
            return hops if through else None
        if cur.dep_ in barrier:
            return None
        if via is not None and cur.dep_ == "prep" and cur.lower_ in via:
            through = True
        other = other or cur.i in claimed
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        hops += 1
        if cur.i not in target_ids and cur.pos_ in ("VERB", "AUX") and cur.dep_ not in (
            "amod", "compound"
        ) and (cur.i not in passable or other):
            return None
    return None


def attached(doc: Document, trigger: Span, spans: list[Any],
             via: set[str] | None = None, barrier: frozenset[str] = frozenset(),
             event: Event | None = None, claims: EventClaims | None = None
             ) -> list[tuple[int, Any]]:
    """Spans syntactically attached to ``trigger`` with their hop count (needs ``doc.nlp``);
    ``via``: only through one of these prepositions; ``barrier``: see :func:`_path_hops`;
    ``event``: the event ``trigger`` is of, whose own relative clauses a path may then cross
    (:func:`own_clauses`, with ``claims`` when the caller has them)."""
    if doc.nlp is None:
        return []
    trig = {t.i for t in tokens_in(doc.nlp, trigger.start, trigger.end)}
    if not trig:
        return []
    own = own_clauses(doc, event, claims) if event is not None else (frozenset(), frozenset())
    out: list[tuple[int, Any]] = []
    for sp in spans:
        toks = tokens_in(doc.nlp, sp.start, sp.end)
        if not toks:
            continue
        root = phrase_head(toks)
        hops = _path_hops(root, trig, via=via, barrier=barrier, own=own)
        if hops is not None:
            out.append((hops, sp))
    out.sort(key=lambda hs: (hs[0], abs(hs[1].start - trigger.start)))
    return out


class EventClaims:
    """The trigger tokens of a document's coded events, read once: what :func:`own_clauses`
    takes as the tokens of the *other* events. Read per call, that was every event's trigger
    for every event, twice (its date, then its place): quadratic in the events of a page
    (2,400 on the longest hostile page; docs/scale.md, session 49). Made by a stage that dates
    or places all the events of ``doc`` at once, while they and their triggers stay as they
    are (the stages set dates, statuses and places, never a trigger)."""

    def __init__(self, doc: Document) -> None:
        self.events = doc.events  # (keeps the events, so their ids below stay theirs)
        self.tokens: dict[int, frozenset[int]] = {}  # id(event) -> its trigger's tokens
        self.times: Counter[int] = Counter()  # id(event) -> how often the list holds it
        self.counts: Counter[int] = Counter()  # token -> how many listed events hold it
        for e in doc.events:
            toks = self.tokens.get(id(e))
            if toks is None and doc.nlp is not None:
                toks = self.tokens[id(e)] = frozenset(
                    t.i for t in tokens_in(doc.nlp, e.trigger.start, e.trigger.end))
            self.times[id(e)] += 1
            self.counts.update(toks or ())
        self.all = frozenset(self.counts)

    def others(self, event: Event) -> frozenset[int]:
        """The tokens of the triggers of every listed event that is not ``event`` (by
        identity): those of all of them, less the tokens only ``event`` holds."""
        times = self.times.get(id(event), 0)
        if not times:
            return self.all
        only = {i for i in self.tokens.get(id(event), ()) if self.counts[i] <= times}
        return self.all - only if only else self.all


def own_clauses(doc: Document, event: Event, claims: EventClaims | None = None
                ) -> tuple[frozenset[int], frozenset[int]]:
    """The verbs of the relative clauses that tell ``event``'s own act, and the tokens of the
    other coded events (the pair :func:`_path_hops` takes as ``own``).

    When the act is named by a noun, a relative clause of that noun tells about the act: its
    day and place are the act's ("condemned the car bombing that killed 12 people at a hotel
    on Monday": the bombing's Monday, as in "the car bombing at a hotel on Monday, which
    killed 12 people"). So are those of a verb's object that names the same act, a noun the
    lexicon gives the event's type or, for an attack, its weapon ("had planted the car bomb
    that killed 14 people in a Karachi market on Monday"). A relative clause is "that"/"which"
    (``relcl``) or a participle (``acl``: "the attack carried out on Monday"), with the
    complements its verb chains to ("a march planned to occur next week"); not an infinitive
    ("calls to protest on Friday" is the protest's day, not the call's). Not a
    clause that is another coded event (its expressions are that event's: "the attack, which
    police blamed on the rebels on Tuesday"), nor one that only reports the act ("the attack,
    which officials said on Tuesday killed 12": a saying with a clause of its own); and a path
    that passes another coded event inside the clause stops there ("the attack that followed
    the arrests on Monday"). ``claims``: the document's :class:`EventClaims`, when the caller
    made them for all its events (read here otherwise)."""
    if doc.nlp is None:
        return frozenset(), frozenset()
    trig = tokens_in(doc.nlp, event.trigger.start, event.trigger.end)
    if not trig:
        return frozenset(), frozenset()
    head = phrase_head(trig)
    nouns: list[Any] = []
    if head.pos_ in ("NOUN", "PROPN"):
        nouns.append(head)
    elif head.pos_ == "VERB":
        onto = load_ontology()
        etype = event.type.upper()
        nouns += [c for c in head.children if c.dep_ == "dobj" and (
            any(t.type == etype for t in onto.nouns.get(c.lemma_.lower(), ()))
            or (etype == "ASSAULT" and c.lemma_.lower() in WEAPON_NOUNS))]
    claimed = (claims if claims is not None else EventClaims(doc)).others(event)
    verbs = [c for n in nouns for c in n.children
             if c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"))]
    passable: set[int] = set()
    while verbs:
        # the clause's verb, and the verbs its complements chain to, which share its subject
        # ("a protest march planned to occur in Sydney next week")
        verb = verbs.pop()
        if (verb.pos_ in ("VERB", "AUX") and verb.i not in claimed and verb.i not in passable
                and not any(d.dep_ == "ccomp" for d in verb.children)):
            passable.add(verb.i)
            verbs += [d for d in verb.children if d.dep_ == "xcomp"]
    return frozenset(passable), claimed


def clause_bounds(doc: Document, event: Event) -> tuple[int, int]:
    """The event's sentence, cut at paragraph breaks (a headline with no full stop is not one
    sentence with the paragraph below it)."""
    lo = doc.text.rfind("\n\n", event.sentence.start, event.trigger.start)
    hi = doc.text.find("\n\n", event.trigger.end, event.sentence.end)
    return (lo + 2 if lo >= 0 else event.sentence.start), (hi if hi >= 0 else event.sentence.end)


def event_date(doc: Document, event: Event, claims: EventClaims | None = None
               ) -> TimeExpr | None:
    """The time expression tied to ``event`` in its sentence, or None; ``claims``: the
    document's :class:`EventClaims` when the caller dates all its events."""
    lo, hi = clause_bounds(doc, event)
    # only a place on the calendar dates an event: never a duration, a set or PRESENT_REF
    # (nor a clock time alone, "10 a.m.", "around 11:45 GMT", "midday": its day is the
    # narrative's or the publication's by convention, not the text's; the gold leaves such
    # events undated)
    # ("three days later" dates by the day it reaches, its end point, not by its length)
    # ("the past week" is a date by the TimeML convention, but it stretches to now: "has been
    # camping for the past week to demand" is not last week's act; it dated nothing as a length)
    dating = [t.end_point or t for t in doc.times]
    in_sentence = [t for t in dating if t.start >= lo and t.end <= hi
                   and calendar_value(t.value) is not None and t.kind in ("date", "time")
                   and not _clock_only(t.text) and not _UNIT_GONE.match(t.text)]
    # "comes a day after the court issued warrants": the length, counted back from the text's
    # present, is the date of what "after" opens, before any date the sentence writes
    back = _counted_back(doc, event.trigger, [t for t in doc.times if t.start >= lo
                                              and t.end <= hi and t.kind == "duration"])
    if back is not None:
        return back
    if not in_sentence:
        return None
    if doc.nlp is None:
        return min(in_sentence, key=lambda t: abs(t.start - event.trigger.start))
    # dates that name another thing's time or bound a period date nothing of this event
    # ("condemn today's attack", "closed its border until March 28")
    verbal = event.type.upper() in VERBAL_TYPES
    trig = tokens_in(doc.nlp, event.trigger.start, event.trigger.end)
    dated = [t for t in in_sentence if not _bounds_a_period(doc, t)]
    others = {id(t) for t in dated if _names_another(doc, t, trig, verbal)}
    linked = attached(doc, event.trigger, [t for t in dated if id(t) not in others],
                      event=event, claims=claims)
    if linked:
        return linked[0][1]  # type: ignore[no-any-return]
    # no attachment (often a parse error): the nearest expression of the trigger's own clause,
    # never one that belongs to another verb ("the move announced on Monday")
    own = clause_verb(doc, event.trigger)
    if own is None:
        return None
    framed = _when_clause_date(doc, own, in_sentence) or _happening_date(doc, event.trigger,
                                                                    in_sentence)
    if framed is not None:
        return framed
    if _ordered_against(doc, event.trigger, own):
        # "had resigned three days ago, after a demand from the prime minister": the clause's
        # date is the resignation's, the demand came before it
        return None

    def fits(t: TimeExpr) -> bool:
        verb = clause_verb(doc, t)
        if verb is not None and t.text.lower() in _REPORT_DAY:
            # "took control of an airport to prevent troops from being flown in today": a
            # day of the report is said of the tensed verb above a non-finite chain
            verb = _tensed_above(verb)
        if id(t) in others:
            # another thing's time, unless a "when" clause says the event happened at it
            # ("testified about a July 10 meeting, when Sondland told them they would need")
            return verb is not None and _via_when(own, verb)
        if verb is None or verb.i == own.i:
            return True
        if verb.dep_ == "acl" and (verb.tag_ == "VBG" or (verbal and _medium(verb))) and not any(
                e.trigger.start <= verb.idx < e.trigger.end for e in doc.events):
            # a participle that only describes a party ("abducted by gunmen wearing uniforms
            # in August 2016"): the parser hangs the date on it, the text means the act; and
            # the medium a saying is made in ("In a report issued on Monday, Iraqi authorities
            # demanded ..."): the report's date is the demand's
            above = _token_clause_verb(doc, verb.head)
            if above is not None and above.i == own.i:
                return True
        if (verb.dep_ == "conj" and verb.head.i == own.i and t.start > verb.idx
                and any(c.dep_ == "cc" and c.lower_ == "and" for c in own.children)
                and not any(c.dep_.startswith("nsubj") or c.dep_ in ("aux", "auxpass")
                            for c in verb.children)):
            # verbs joined by "and" that share their subject and auxiliary share a date said
            # after the last of them ("a rocket killed a woman and wounded a man on November
            # 15"); not one with its own ("resigned ... and was sworn in that same evening"),
            # a date said before the second verb ("faced allegations, and in 1982 went ...")
            # or a contrast ("purchased batteries but received fuses in 2006")
            return True
        # a verb outside the paragraph means the parse ran a headline into it: no evidence
        if not (lo <= verb.idx < hi):
            return True
        # a date of a governing verb: the saying of a verbal event ("said on Tuesday that
        # China is going to have to make a deal"), or the act a purpose clause hangs on
        # ("surrounded the Statehouse on Tuesday to call for better pay"); not the claim that
        # reports a material event ("claimed on Tuesday that it had foiled an attack")
        cur = own
        for _ in range(6):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ not in ("xcomp", "advcl", "conj", "ccomp", "acl", "relcl"):
                return False
            if cur.dep_ == "ccomp" and (not verbal or _shifted(cur)
                                        or _told_ahead(cur, event.type)):
                # nor a reported act that came before the saying ("told parliament today
                # that he had made a request"), nor one it says will come ("announced that
                # they would demand")
                return False
            if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ORDERING
                                           for c in cur.children):
                # "withdrew in 1984 after a suicide attack killed 241 Marines": the clause
                # sets its act before (or after) the verb's date, not at it
                return False
            cur = cur.head
            if cur.i == verb.i:
                return True
        return False

    same = [t for t in dated if fits(t)]
    if not same:
        return None
    return min(same, key=lambda t: abs(t.start - event.trigger.start))


# what a saying is made in: "in a statement released on Tuesday"
_MEDIA = {"statement", "report", "letter", "interview", "speech", "address", "announcement",
          "communique", "communiqué", "message", "video", "broadcast", "release", "declaration",
          "article", "editorial", "note", "memo", "document", "post", "briefing", "testimony"}
# verbs that say only that something happened: "an incident that took place on September 16"
_HAPPEN = {"occur", "happen"}
# prepositions that set an event before or after the act of the clause
_ORDERING = {"after", "before", "following", "since", "until", "till"}
# prepositions that make a noun the occasion of an act: "killed in Monday's bombing" (not
# "on": "grilled her on Trump's July 25 call" is a topic)
_OCCASION = {"at", "during", "in", "amid"}


# days named from the report's now, past or present ("tomorrow" names an intended time)
_REPORT_DAY = {"today", "yesterday", "tonight", "last night", "this morning", "this afternoon",
               "this evening"}
# a tensed form, or the auxiliary or modal that gives a verb its tense
_TENSED = {"VBD", "VBZ", "VBP", "MD"}


def _finite(verb: Any) -> bool:
    """Whether ``verb`` carries a tense: a tensed form itself or a tensed auxiliary or modal
    ("took", "was flown", "will go"; not "to prevent", "being flown", "fleeing")."""
    return verb.tag_ in _TENSED or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _TENSED
                                       for c in verb.children)


def _tensed_above(verb: Any) -> Any:
    """The tensed verb that a non-finite ``verb`` hangs from through complements and
    adverbial clauses ("took control ... to prevent reinforcements from being flown in":
    "took" for "flown"), or ``verb`` itself when it is finite or the chain leaves that path.

    A non-finite clause has no tense of its own, so a day named from the report's now
    ("today", "yesterday") that the parser sinks into one is said of the tensed act above
    it. Not through a noun's modifier ("a bomb planted yesterday" is the planting's day: acl,
    relcl), nor a clause or preposition that orders its act against the verb's
    (:data:`_ORDERING`: "arrested yesterday after fleeing")."""
    cur = verb
    for _ in range(6):
        if _finite(cur):
            return cur
        if cur.dep_ not in ("xcomp", "advcl", "pcomp") or any(
                c.dep_ == "mark" and c.lower_ in _ORDERING for c in cur.children):
            return verb
        head = cur.head
        if cur.dep_ == "pcomp":
            # "from being flown": through the preposition that opens the verb
            if head.dep_ != "prep" or head.lower_ in _ORDERING:
                return verb
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return verb
        cur = head
    return verb


def _clock_only(text: str) -> bool:
    """Whether ``text`` is a time of day with no day of its own ("10:35 a.m.", "11:45 GMT",
    "noon"), which the time stage places on the narrative's day by convention."""
    return bool(_CLOCK_ALONE.match(text) or _WIRE_CLOCK.match(text)
                or text.lower() in _NAMED_CLOCK)


def _ordered_against(doc: Document, trigger: Span, own: Any) -> bool:
    """True when the trigger is a noun in a phrase that orders it against its clause's verb
    ``own`` ("resigned three days ago, after a demand"): not the same time as the verb's."""
    toks = tokens_in(doc.nlp, trigger.start, trigger.end)
    if not toks:
        return False
    cur = phrase_head(toks)
    for _ in range(8):
        if cur.i == own.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in _ORDERING:
            return True
        cur = cur.head
    return False


def _names_another(doc: Document, t: TimeExpr, trig: list[Any], verbal: bool) -> bool:
    """True when ``t`` is written before a noun other than the trigger as its modifier
    ("Sunday's election", "the 1983 killing", "a July referendum"): it is that thing's time.
    Not when that noun is the occasion of an act ("killed in Monday's bombing", "In a Nov. 5
    letter, they said they would provide ..."; whether that act's date is the event's is
    decided as for any other date of the sentence), nor the object a material act is done to
    at its time ("may boycott the April 2 poll"; a saying about it is not at its time:
    "condemn today's attack")."""
    toks = tokens_in(doc.nlp, t.start, t.end)
    if not toks or not trig:
        return False
    root = phrase_head(toks)
    noun = root.head
    if (root.dep_ not in ("poss", "compound", "nummod", "nmod", "amod")
            or noun.pos_ not in ("NOUN", "PROPN") or noun.idx < t.end):
        return False
    if toks[0].i > 0 and toks[0].nbor(-1).tag_ == "IN" and root.dep_ != "poss":
        # a date right after a preposition is its object, which the parse ran into the next
        # word: "On June 16th attackers ... massacred six churchgoers"
        return False
    ids = {k.i for k in trig}
    if noun.i in ids or any(k.head.i == noun.i and k.dep_ in ("compound", "conj")
                            for k in trig):
        return False  # the trigger's own noun ("a 1975 shoot-out", "the March 12 rape and murder")
    if noun.dep_ == "dobj" and noun.head.i in ids and not verbal:
        return False
    prep = noun.head
    return not (noun.dep_ == "pobj" and prep.lower_ in _OCCASION
                and (prep.head.i in ids or prep.head.pos_ in ("VERB", "AUX")))


def _via_when(own: Any, verb: Any) -> bool:
    """True when the clause ``own`` reaches ``verb`` up its heads through a "when" clause:
    what it tells happened at the time that clause hangs on."""
    cur, when = own, False
    for _ in range(6):
        when = when or any(c.dep_ == "advmod" and c.lower_ == "when" for c in cur.children)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == verb.i:
            return when
    return False


def _bounds_a_period(doc: Document, t: TimeExpr) -> bool:
    """True when ``t`` ends a period ("closed its border until March 28", "continued through
    Tuesday") or starts the period of a perfect ("have been killed since June", "has been
    detained since July"): the date of a state, not of an act (annotation guideline §7)."""
    toks = tokens_in(doc.nlp, t.start, t.end)
    if not toks:
        return False
    root = phrase_head(toks)
    word = root.head.lower_ if root.dep_ == "pobj" else ""
    if word in ("until", "till", "through"):
        return True
    if word != "since":
        return False
    verb = clause_verb(doc, t)
    return verb is not None and any(c.dep_ == "aux" and c.lemma_ == "have"
                                    for c in verb.children)


def _shifted(verb: Any) -> bool:
    """True when the reported clause headed by ``verb`` is told in the past perfect ("told
    parliament today that he had made a request"): its act came before the saying. (A future
    is :func:`_told_ahead`'s.)"""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had"
                                      for c in verb.children)


# verbal types whose stated future is the act the saying makes (annotation guideline §3): a
# promise or offer is AGREE ("stating an intention"), a warning of harm THREATEN, and "will
# not accept" REJECT
_INTENT_TYPES = {"AGREE", "THREATEN", "REJECT"}
# "will have to", "would need to": an obligation, the "must / needs to" of a demand made now
_OBLIGATION = {"have", "need"}
# the auxiliaries that tell a reported act is still to come: "will", and "would" of reported speech
_AHEAD_AUX = _FUTURE_AUX | {"would"}


def _told_ahead(verb: Any, event_type: str) -> bool:
    """True when the reported clause headed by ``verb`` tells a verbal act to come ("announced
    that they would demand", "said that he will support him"): the act is not the saying, so
    it is not at the saying's date (guideline §7: another event's date is not copied). Not a
    promise, a warning or a refusal, which the saying makes (:data:`_INTENT_TYPES`), nor an
    obligation ("said China will have to make a deal": the demand is the saying)."""
    if event_type.upper() in _INTENT_TYPES:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _AHEAD_AUX for c in verb.children):
        return False
    return not (verb.lemma_ in _OBLIGATION
                and any(c.dep_ == "xcomp" and any(d.lower_ == "to" for d in c.children)
                        for c in verb.children))


def _medium(verb: Any) -> bool:
    """True when the participle ``verb`` describes the medium of a saying: "(In) a report
    issued on Monday", a noun of :data:`_MEDIA` after "in"."""
    noun = verb.head
    return bool(verb.tag_ == "VBN" and noun.dep_ == "pobj" and noun.head.lower_ == "in"
                and noun.lemma_.lower() in _MEDIA)


# a length with a count ("a day", "two years"), which a present can be counted back by
_COUNTED = re.compile(r"^P\d+[DWMY]$")
_PRESENT = {"VBZ", "VBP"}


def _counted_back(doc: Document, trigger: Span, lengths: list[TimeExpr]) -> TimeExpr | None:
    """The date of an event that a length before "after" or "on from" sets before the text's
    now: "This incident comes a day after the court issued arrest warrants" (the warrants a
    day before publication), "Two years on from the raids, forces remain on alert" (the raids
    two years back). Only when the clause of the length is in the present tense: "came two
    days after the attacks" counts from a past the text does not date. The value is the
    length read as "... ago" (resolved against the publication date, as "two years ago" is).
    Only the head of what "after" opens is so dated (:func:`_heads_clause`), never a
    participle or a conjunct inside it ("citizens prosecuted and sentenced previously")."""
    counted = [t for t in lengths if _COUNTED.match(t.value or "")]
    if doc.nlp is None or not counted:  # most events: no counted length in their sentence
        return None
    toks_trig = tokens_in(doc.nlp, trigger.start, trigger.end)
    trig = {k.i for k in toks_trig}
    for t in counted:
        toks = tokens_in(doc.nlp, t.start, t.end)
        if not toks or toks[-1].i + 2 >= len(doc.nlp):
            continue
        nxt = toks[-1].nbor(1)
        if nxt.lower_ == "on" and nxt.nbor(1).lower_ == "from":
            nxt = nxt.nbor(1)
        elif nxt.lower_ != "after":
            continue
        root = nxt if nxt.dep_ == "prep" else nxt.head if nxt.dep_ == "mark" else None
        if root is None or root.head.i == root.i:
            continue
        scope = {k.i for k in root.subtree}
        # the present the length is counted back from: the verb the phrase or clause hangs on
        verb = _token_clause_verb(doc, root.head)
        if (not trig & scope or verb is None or verb.i in scope or verb.i in trig
                or verb.tag_ not in _PRESENT):
            continue
        # the head: the verb "after" marks, or the noun after "after"/"from"
        head = root if nxt.dep_ == "mark" else next(
            (c for c in nxt.children if c.dep_ == "pobj"), None)
        if head is None or not _heads_clause(phrase_head(toks_trig), head):
            continue
        ago = normalize(f"{t.text} ago", doc.published)
        if calendar_value(ago.value) is not None:
            return TimeExpr(t.start, t.end, t.text, value=ago.value, precision=ago.precision,
                            anchor="published", kind="date")
    return None


def _heads_clause(tok: Any, head: Any) -> bool:
    """True when the trigger token ``tok`` is the event ``head`` names: ``head`` itself
    ("issued", "the raids"), or a noun ``head`` governs with no other verb and no conjunct
    on the way ("issued arrest warrants": the arrest is the issuing's event). A participle
    ("prosecuted"), a relative clause's verb or a conjunct ("and sentenced") is another event
    inside that clause, whose time the length does not give."""
    cur = tok
    for _ in range(12):
        if cur.i == head.i:
            return True
        if cur.dep_ == "conj" or cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _span_of(times: list[TimeExpr], tok: Any) -> TimeExpr | None:
    """The time expression among ``times`` that holds the token ``tok``, or None."""
    return next((t for t in times if t.start <= tok.idx < t.end), None)


def _when_clause_date(doc: Document, own: Any, times: list[TimeExpr]) -> TimeExpr | None:
    """The date a "when" clause hangs on: in "Fighting broke out in May, when a sheik was
    murdered" (or "since 4 November 2004, when 3 soldiers were killed") the clause's verb
    ``own`` tells what happened at that date; None for any other clause. A "where" clause
    tells what happened at the occasion it hangs on: on a date ("the conference in 2003, where
    a protester was killed") that date, else the date of the clause above ("met Khamenei on
    Sunday, where both leaders criticised ...")."""
    adverbs = {c.lower_ for c in own.children if c.dep_ == "advmod"}
    if own.dep_ not in ("relcl", "advcl") or not adverbs & {"when", "where"}:
        return None
    on_date = _span_of(times, own.head)
    if on_date is not None or "where" not in adverbs:
        return on_date
    above = _token_clause_verb(doc, own.head)
    if above is None or above.i == own.i:
        return None
    same = [t for t in times if (v := clause_verb(doc, t)) is not None and v.i == above.i]
    return min(same, key=lambda t: abs(t.start - own.idx)) if same else None


def _happening_date(doc: Document, trigger: Span, times: list[TimeExpr]) -> TimeExpr | None:
    """The date of a relative clause that only says that the event took place: "killing 17
    civilians in an incident that took place on September 16", "an attack that occurred on
    Monday". The clause hangs on the trigger or on the object of one of its prepositions."""
    trig = tokens_in(doc.nlp, trigger.start, trigger.end)
    nouns = trig + [o for t in trig for p in t.children if p.dep_ == "prep"
                    for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        for c in noun.children:
            if c.dep_ != "relcl" or not (c.lemma_ in _HAPPEN or (
                    c.lemma_ == "take" and any(d.lower_ == "place" for d in c.children))):
                continue
            for t in times:
                verb = clause_verb(doc, t)
                if verb is not None and verb.i == c.i:
                    return t
    return None


def clause_verb(doc: Document, span: Span) -> Any:
    """The verb heading the clause ``span`` is in (itself if it is a verb), or None."""
    toks = tokens_in(doc.nlp, span.start, span.end)
    if not toks:
        return None
    cur = phrase_head(toks)
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _token_clause_verb(doc: Document, tok: Any) -> Any:
    """The verb heading the clause the spaCy token ``tok`` is in (:func:`clause_verb`)."""
    return clause_verb(doc, doc.span(tok.idx, tok.idx + len(tok)))


class TimeResolver:
    """Fills ``doc.times`` and ``event.date``.

    ``dated`` is a step that needs the events' dates, run on the document once they are set:
    :meth:`Pipeline.default` passes the actors stage's
    :meth:`~diurna.actors.ActorResolver.at_event_dates` (a person coded by the office held on
    the event's date, docs/actors.md round 37)."""

    name = "time"

    def __init__(self, dated: Callable[[Document], object] | None = None) -> None:
        self.dated = dated

    def __call__(self, doc: Document) -> Document:
        if english_stage_skips(doc, "time"):
            return doc
        doc.times = []
        last_year: tuple[int, int] | None = None  # (position, year) of the last explicit year
        # the narrative's reference times so far ("that same day" counts from the last one)
        refs: list[anaphora.Ref] = []
        base = parse_published(doc.published)
        reported: periods.Quarter | None = None  # the quarter an earnings report is about
        for span in find_expressions(doc):
            hint = last_year[1] if last_year and span.start - last_year[0] < 400 else None
            compared = _reporting(span, reported, base, doc.text[max(0, span.start - 80):
                                                                 span.start])
            t = (compared or _anaphoric(doc, span, refs, base) or _rate(doc, span)
                 or _coming_length(doc, span) or _period_ended(doc, span)
                 or _range_end(doc, span) or _short_year_end(doc, span))
            if t is None:
                tense = "future" if _future_tense(doc, span) else clause_tense(doc, span)
                if tense == "future" and _results_of(doc, span):
                    tense = None  # "its third-quarter earnings will be lower": a quarter gone
                lead = _moveable_lead(doc, span)
                tense = _holiday_tense(doc, span, tense, lead)
                t = normalize(doc.text[lead:span.end] if lead < span.start
                              else _apostrophe(doc, span), doc.published, year_hint=hint,
                              tense=tense)
                _national_holiday(doc, span, t, base, tense)
                if not _HAS_YEAR.search(span.text):
                    t.value = _anniversary(t.value, doc.text[max(0, span.start - 50):span.start])
                    t.value = _named_day(span.text, doc.text[span.end:span.end + 30], t.value)
            if compared is None:  # a quarter the text names and that has ended is reported
                reported = periods.ended_quarter(t.value, base) or reported
            reached = t.end_point
            ref = anaphora.ref_of(t.value) if t.kind in ("date", "time") else None
            if reached is not None:
                ref = anaphora.ref_of(reached.value)
                reached = TimeExpr(span.start, span.end, span.text, value=reached.value,
                                   precision=reached.precision, anchor=reached.anchor,
                                   kind=reached.kind)
            if ref is not None:
                refs.append(ref)
            y = _HAS_YEAR.search(span.text)
            if y and y.group(0).isdigit():
                last_year = (span.end, int(y.group(0)))
            elif hint and t.value and t.value.startswith(str(hint)):
                last_year = (span.end, hint)  # a schedule goes on: "June 9 ... June 10 ..."
            # a length counted from the narrative ("three days later") covers "three days"
            stop = span.start + t.end if t.kind == "duration" and 0 < t.end < len(span.text) \
                and t.text == span.text[:t.end] else span.end
            doc.times.append(TimeExpr(span.start, stop, doc.text[span.start:stop], value=t.value,
                                      precision=t.precision, end_value=t.end_value,
                                      anchor=t.anchor, kind=t.kind, end_point=reached))
        claims = EventClaims(doc)  # (the loop sets dates and statuses, no trigger)
        for event in doc.events:
            if event.date is None:
                event.date = event_date(doc, event, claims)
            if event.status == "asserted" and event.date is not None and _after(
                    event.date.value, doc.published):
                event.status = "speculative"  # "a meeting in Vienna next month": not yet
        if self.dated is not None:
            self.dated(doc)
        return doc


# a cue before a holiday's name that it is one gone by: "the recent Victory Day celebrations",
# "last Eid", "this past Ramadan" (round 22)
_PAST_HOLIDAY = re.compile(r"\b(?:recent|last|past|previous)\s+(?:(?:[A-Z][\w'’.-]*|of|the)\s+)"
                           r"{0,3}$")
# before a holiday's name: what is done before the day or for it (the clause's tense dates the
# act, not the day)
_BEFORE_HOLIDAY = re.compile(r"\b(?:ahead\s+of|before|until|till|for|in\s+the\s+run-up\s+to|"
                             r"in\s+time\s+for|in\s+preparation\s+for)\s+(?:the\s+)?$", re.I)
# the things a holiday names as a compound whose own verb dates it ("the Victory Day celebrations
# were held"): a ceasefire or a deadline is agreed before the day, so they are not among them
_CELEBRATIONS = {"celebration", "festivity", "festival", "parade", "ceremony", "commemoration",
                 "prayer", "feast", "holiday", "rally", "march", "service", "observance"}


def _moveable_lead(doc: Document, span: Span) -> int:
    """Where the phrase of a holiday of another calendar begins when words before its name
    say which day of it ("the start of the Muslim holy month of [Ramadan]", "the second day
    of [Eid ul-Fitr]"): the start of "the", else ``span.start``."""
    if not calendars.key(span.text) or not re.fullmatch(calendars.PATTERN, span.text):
        return span.start
    m = _MOVEABLE_BEFORE.search(doc.text, max(0, span.start - 60), span.start)
    return m.start() if m and m.end() - m.start() > 4 else span.start


def _holiday_tense(doc: Document, span: Span, tense: Tense, lead: int | None = None) -> Tense:
    """The tense a holiday's phrase is placed by: "past" after a cue that it has gone by
    ("the recent Victory Day celebrations", "last Eid") or when it names a celebration whose
    verb is in the past ("the Victory Day parades were held", where :func:`clause_tense` finds
    no tense for a date that names a thing); else ``tense``. Round 21's future participle, the
    other way."""
    bare = phrase(span.text)
    if not (_HOLIDAY.match(bare) or _MOVEABLE.match(bare)):
        return tense
    start = span.start if lead is None else lead
    if _PAST_HOLIDAY.search(doc.text, max(0, start - 40), start):
        return "past"
    if _BEFORE_HOLIDAY.search(doc.text, max(0, start - 40), start):
        # "were freed ahead of Eid", "gathered for Eid al-Adha": an act before the day, which
        # may still lie ahead of publication; the nearer one
        return None
    if tense is not None or doc.nlp is None:
        return tense
    toks = tokens_in(doc.nlp, span.start, span.end)
    if not toks:
        return tense
    head = phrase_head(toks)
    if head.dep_ not in ("compound", "nmod", "amod") or head.head.lemma_ not in _CELEBRATIONS:
        return tense
    cur = head.head
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in _NOMINAL_DEPS:
            return "past" if _verb_tense(cur) == "past" else tense
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return tense


def _national_holiday(doc: Document, span: Span, t: TimeExpr, base: dt.datetime | None,
                      tense: Tense) -> None:
    """Give a holiday whose name several countries share ("Independence Day", "Labour Day")
    the day of the country the text ties it to, in place of ``t``'s value (the US day or
    none): "India's Independence Day" is 15 August (:func:`holidays.holiday_country`)."""
    m = _HOLIDAY.match(phrase(span.text))
    if m is None or holidays.national_key(m["name"]) is None:
        return
    sentence = next(((s.start, s.end) for s in doc.sentences
                     if s.start <= span.start < s.end), (span.start, span.end))
    country = holidays.holiday_country(m["name"], doc.text, span.start, span.end, sentence,
                                       holidays.dateline_country(doc.text))
    if country is None:
        t.value, t.precision, t.anchor = None, "unknown", "none"
        return
    # the simple present points ahead for holidays, as in _parse_one
    value, precision, anchor, _ = _holiday(m, base, "future" if tense == "present" else tense,
                                           country)
    t.value, t.precision, t.anchor = value, precision, anchor  # type: ignore[assignment]


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20, "thirtieth": 30,
        "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
        "ninetieth": 90, "hundredth": 100}
_ANNIVERSARY = re.compile(r"\b(?:(?P<num>\d+)(?:st|nd|rd|th)|(?P<word>[a-z]+))\s+anniversary\s+"
                          r"of\s+(?:the\s+)?$", re.I)


def _anniversary(value: str | None, before: str) -> str | None:
    """"the 5th anniversary of the September 11 attacks": the date without a year resolves
    near publication (the anniversary); the event it names lies that many years earlier."""
    m = _ANNIVERSARY.search(before)
    if not m or not value or not re.match(r"^\d{4}-\d{2}", value):
        return value
    n = int(m["num"]) if m["num"] else _NTH.get(m["word"].lower())
    return f"{int(value[:4]) - n:04d}{value[4:]}" if n else value


# days that name an event everyone dates ("the September 11 attacks" in a 2008 article is
# not 2007's 11 September); extend with care: only names with one meaning in news
_NAMED_DAYS = [(re.compile(r"^Sep(?:t(?:ember)?)?\.?\s+11(?:th)?$", re.I),
                re.compile(r"^\s*(?:terror(?:ist)?\s+)?(?:attacks?|hijack|Commission|commission)"),
                "2001-09-11")]


def _named_day(text: str, after: str, value: str | None) -> str | None:
    """The date of a day that names an event ("September 11 attacks": ``2001-09-11``)."""
    for day, follows, known in _NAMED_DAYS:
        if day.match(text.strip()) and follows.match(after):
            return known
    return value


def _anaphoric(doc: Document, span: Span, refs: list[anaphora.Ref],
               base: dt.datetime | None) -> TimeExpr | None:
    """``span`` valued from the narrative's reference time when it is anaphoric ("that same
    day", "two days later"; the publication day when the text gave no date before it), else
    None."""
    clock = _CLOCK_ALONE.match(span.text)
    named = _NAMED_CLOCK.get(span.text.lower())
    wire = _WIRE_CLOCK.match(span.text)
    if wire:
        named = (int(wire[1]), int(wire[2] or wire[3]))
    if clock or named:  # "10:35 a.m.", "noon": on the narrative's day (the last day given)
        day = next((r[0] for r in reversed(refs) if r[1] == "day"), base)
        if day is None:
            return TimeExpr(0, len(span.text), span.text, kind="time")
        if clock:
            hour = int(clock["h"]) % 12 + (12 if clock["ap"].lower() == "p" else 0)
            minute = int(clock["min"] or 0)
        else:
            hour, minute = named or (0, 0)
        return TimeExpr(0, len(span.text), span.text,
                        value=f"{_fmt(day, 'day', True)}T{hour:02d}:{minute:02d}",
                        precision="time", anchor="published", kind="time")
    if anaphora.needed_precision(span.text) is None:
        return None
    before = doc.text[max(0, span.start - 20):span.start]
    length = anaphora.length_value(span.text, before)
    if length is not None:
        return TimeExpr(0, len(span.text), span.text, value=length, kind="duration")
    ref = anaphora.pick_ref(refs, span.text) or ((base, "day") if base is not None else None)
    found = anaphora.anaphoric_value(span.text, ref, before=before)
    if found is None:
        return None
    value, precision = found
    date = TimeExpr(0, len(span.text), span.text, value=value, precision=precision,
                    anchor="published" if value else "none", kind="date")
    counted = anaphora.counted_length(span.text)
    if counted is None:
        return date
    # "three days later": TimeML's DURATION over "three days"; the day reached stays its end
    # point, which dates events and is the narrative's next reference
    return TimeExpr(0, counted[0], span.text[:counted[0]], value=counted[1], kind="duration",
                    end_point=date if value else None)


def _reporting(span: Span, reported: periods.Quarter | None,
               base: dt.datetime | None, before: str = "") -> TimeExpr | None:
    """"a year earlier", "the year-ago quarter", "the quarter" in a text that reports a quarter
    (``reported``): that quarter a year before, or the quarter itself (TimeBank's reading of
    earnings reports); None for any other span (see :mod:`diurna.time.periods`)."""
    value = periods.reporting_value(span.text, reported, base.year if base else None, before)
    if value is None:
        return None
    return TimeExpr(0, len(span.text), span.text, value=value,
                    precision="quarter" if "Q" in value else "year", anchor="published")


# a quarter's results: "third-quarter earnings", "a loss for the third quarter"
_RESULTS_AFTER = re.compile(r"\s+(?:net\s+|operating\s+|pretax\s+|per-share\s+)?"
                            rf"{periods.RESULTS}\b", re.I)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.I)
_QUARTER_WORD = re.compile(r"\bquarter$", re.I)


def _results_of(doc: Document, span: Span) -> bool:
    """Is ``span`` a quarter whose results are spoken of ("its third-quarter earnings will be
    lower", "a net loss for the third quarter")? Results come after the quarter ends, so a
    future tense does not move such a quarter into the next year."""
    if not _QUARTER_WORD.search(span.text):
        return False
    return bool(_RESULTS_AFTER.match(doc.text, span.end)
                or _FOR_BEFORE.search(doc.text, max(0, span.start - 6), span.start))


def _rate(doc: Document, span: Span) -> TimeExpr | None:
    """"a day" after a count ("twice a week", "100,000 searches a day"): a frequency (TimeML
    SET ``P1D``, ``P1W``), never a length or an event date; None for any other span."""
    m = _PER.match(span.text)
    if (not m or not _COUNT_BEFORE.search(doc.text[max(0, span.start - 40):span.start])
            or _NOT_RATE_AFTER.match(doc.text[span.end:span.end + 12])):
        return None
    return TimeExpr(0, len(span.text), span.text, value=f"P1{m[1][0].upper()}", kind="set")


# "this weeks conference", "last years election": a possessive written without its apostrophe
# (not "the last years of his life", "may last months.")
_PLURAL_DEICTIC = re.compile(r"^(this|last|next)\s+(week|month|year)s$", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|his|her|its|their|our|my|your|those|these|in|for|"
                                r"over|during|recent)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:ago|later|earlier|of|and|or|to|in|on|at|for|from|with|as|"
                         r"the|an?)\b)[A-Za-z]")


# "the past year", "the last week" with no count: the unit just gone, as "last year" (TempEval-3
# writes all four such cases as a DATE, three the unit before: TimeBank "over the past year"
# 1997); not "the last week of March", "the last year of his term" (a part of something named)
_UNIT_GONE = re.compile(r"^the\s+(?:past|last)\s+(week|month|year)$", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)


def _apostrophe(doc: Document, span: Span) -> str:
    """The text to value for ``span``: "this week" for a "this weeks" before a noun ("this
    weeks conference"), which is a possessive without its apostrophe; "last year" for "the
    past year" (a DATE, docs/annotation-places-times.md); else ``span.text``."""
    m = _PLURAL_DEICTIC.match(span.text)
    if (m and _NOUN_AFTER.match(doc.text, span.end)
            and not _DETERMINER_BEFORE.search(doc.text[max(0, span.start - 12):span.start])):
        return f"{m[1]} {m[2]}"
    m = _UNIT_GONE.match(span.text)
    if m and not _OF_AFTER.match(doc.text, span.end):
        return f"last {m[1]}"
    return span.text


def _short_year(first: str, short: str) -> int | None:
    """The year "58" names after "1957-" (1958): the first year of the century's next ten
    whose last two digits are ``short`` ("1999-00" → 2000); None when none is ("1957-12", a
    month, and "1990-85" are no second year)."""
    for ahead in range(1, 11):
        if (int(first) + ahead) % 100 == int(short):
            return int(first) + ahead
    return None


def _short_year_end(doc: Document, span: Span) -> TimeExpr | None:
    """The second year of "1957-58" (TimeML: two DATEs, ``1957`` and ``1958``, the season or
    expedition that spans them); None for any other span."""
    before = _SHORT_PAIR_BEFORE.search(doc.text, max(0, span.start - 5), span.start)
    if not re.fullmatch(r"\d\d", span.text) or before is None:
        return None
    year = _short_year(before[1], span.text)
    if year is None:
        return None
    return TimeExpr(0, len(span.text), span.text, value=f"{year:04d}", precision="year",
                    anchor="absolute", kind="date")


def _range_end(doc: Document, span: Span) -> TimeExpr | None:
    """The first end of a range of lengths whose unit only the second end gives ("between 20
    and 1000 years": "20" is ``P20Y``; see :func:`range_ends`); None for any other span."""
    value = range_first_value(span.text, doc.text[span.end:span.end + 40])
    if value is None:
        return None
    return TimeExpr(0, len(span.text), span.text, value=value, kind="duration")


# "following" is "next" told from the narrative's time (as in anaphora.length_value): "over the
# following decade" is a length as "over the next decade" is (TempEval-3 platinum: P1DE)
_COMING = re.compile(r"^the\s+(?:next|coming|following)\s+(decade|century)$", re.I)
_LENGTH_LEAD = re.compile(r"\b(?:over|for|within|throughout)\s+$", re.I)


def _coming_length(doc: Document, span: Span) -> TimeExpr | None:
    """"over the next decade", "for the coming century", "over the following decade": a length
    (``P10Y``, ``P100Y``), as "over the past decade" is, where "in the next decade" names the
    decade itself (``200``); None for any other span."""
    m = _COMING.match(span.text.strip())
    if not m or not _LENGTH_LEAD.search(doc.text[max(0, span.start - 20):span.start]):
        return None
    years = 10 if m[1].lower() == "decade" else 100
    return TimeExpr(0, len(span.text), span.text, value=f"P{years}Y", kind="duration")


def _period_ended(doc: Document, span: Span) -> TimeExpr | None:
    """"the year ended March 31": a year's length (``P1Y``), as TimeBank's annotators read
    the accounting period (6 of 7 times in its development documents); "the quarter ended
    Sept. 30": the quarter of that day (``1989-Q3``, 2 of 3 times). None for any other span."""
    m = _THE_PERIOD.match(span.text.strip())
    after = _ENDED_AFTER.match(doc.text, span.end)
    if not m or not after:
        return None
    if m[1].lower() == "year":
        return TimeExpr(0, len(span.text), span.text, value="P1Y", kind="duration")
    day = _ENDED_DAY.match(doc.text, after.end())
    if day is None:
        return None
    end = normalize(day.group(0), doc.published, tense="past")
    if end.value is None or not re.match(r"\d{4}-\d\d", end.value):
        return None
    quarter = (int(end.value[5:7]) - 1) // 3 + 1
    return TimeExpr(0, len(span.text), span.text, value=f"{end.value[:4]}-Q{quarter}",
                    precision="quarter", anchor="published", kind="date")


def _after(value: str | None, published: str | None) -> bool:
    """Does the period ``value`` (ISO day, month or year) start after the publication day?
    Weeks, partial dates and unknown publication dates say nothing."""
    value = calendar_value(value)
    if not value or not published or value.startswith("--") or "W" in value:
        return False
    return value > published[:len(value)]
