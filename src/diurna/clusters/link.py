"""Whether two stored events of different articles report the same real-world event.

A pair is linked when every test below passes; each one removes a kind of false match seen on
the development pairs (``gold/event-pairs-dev.jsonl``, docs/clusters.md):

- **type**: the same PLOVER type;
- **when**: their dates can be the same day. An event whose own date the text gives to the day
  is that day (±1 for time zones); a month or year is that whole period; an event with no date of
  its own happened within ``window`` days before its article's publication (or the day after),
  or on the one earlier day, or in the one earlier month, its sentence names (a recalled event:
  :func:`recalled_span`, :func:`recalled_month`);
- **where**: when both have a place, the same country, and at most ``max_km`` apart unless one
  of them is a whole country or first-level region;
- **who**: no clash of actor countries nor of recipient countries (an unknown side never clashes);
- **counts**: when both sentences give numbers (casualties, rockets, days), they share one;
- **one incident**: neither sentence is a running total or a general statement ("have been
  killed so far", "since May", "in the conflict"), which are not one event; neither event is a
  generic statement (:func:`generic`: "rumours of bloodshed", "stop firing rockets"), a veto
  the learned linker obeys too;
- **different incident**: not in two towns of one country (their sentences name towns of a
  shared country, none within ``CITY_KM`` of one of the other's; :func:`different_incident`),
  a veto the learned linker obeys too;
- **hypothetical**: not one told as what would, could or may happen (or asked about) and the
  other as real (:func:`hypothetical`; a plan, "will", "plans to", is no hypothesis), and
- **grain**: not two meetings at another grain: two legs of a trip to places of no shared
  country, talks as a process and one meeting or visit, a visit and talks (:func:`different_grain`);
  both vetoes the learned linker obeys too (session 22);
- **words**: the TF-IDF cosine of the two sentences' content words (with their articles' title
  words) plus ``number_bonus`` for each count both give (other than 0 and 1) is at least
  ``min_similarity`` (IDF over every report being clustered, so common words count little).

The vetoes (one incident, different incident, hypothetical, grain, and for the learned linker two
days read from the text more than a day apart, :func:`days_apart`) are :meth:`Linker.veto`:
they bind the clusters too, which never hold two reports a veto keeps apart (session 23).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from diurna.places.ranker import haversine_km
from diurna.time.values import MONTH

_STOP_WORDS = (
    "a an the of to in on at by for with from and or but as is are was were be been being has "
    "have had it its this that these those he she they them his her their we our you i not no "
    "said says say told also after before over into about than more most which who whom whose "
    "what when where while will would could should may might can did do does up out new s"
)
STOP = frozenset(_STOP_WORDS.split(" "))
_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL.split(" "))}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
                     "dozens": 24, "hundreds": 200, "thousand": 1000, "thousands": 2000})
# "since" + the time a stretch starts from ("since January", "since 2001", "since the war began",
# "since Tuesday"), one definition for AGGREGATE and CUMULATIVE (brief 15m: AGGREGATE's own list
# ended in a word boundary, so "since January" and "since 2001" slipped past it). Whole words:
# "since separate talks" or "since marching" is no month.
# The month names are the time stage's (values.MONTH; these patterns ignore case).
SINCE = (rf"since ((the|then|its|their|last|early|late|mid)|{MONTH}|"
         r"(mon|tues|wednes|thurs|fri|satur|sun)day|\d\w*)\b")
# Running totals and general statements: not one incident (dev pairs: tolls, "attacks" in general).
AGGREGATE = re.compile(
    rf"\b(so far|to date|in total|a total of|{SINCE}"
    r"|this year|(past|last) (few )?(\w+ )?(days|weeks|months|years)|death toll|in the (war|"
    r"conflict|fighting|offensive)|during the (war|conflict|fighting)|have been killed|has been "
    r"attacking|have been attacking|continu\w* (attacks|fighting)|civil war)\b",
    re.IGNORECASE,
)
# A generic statement: no single occurrence, though it may share every word with one (session
# 20, docs/clusters.md). Three shapes, each read around the event word (the trigger):
# - framed as unreal or general by a word just before it: "rumours of revenge and [[bloodshed]]",
#   "part of a wider [[crackdown]]", "frequent [[clashes]]", "issues [[surrounding]]";
# - an activity someone should stop, or be kept from: "may stop [[firing]] rockets", "asked him to
#   stop fighters from [[launching]] rockets" (a gerund after stop, cease, prevent, from ...);
# - a habit over a stretch of time: "have been [[rallying]] for weeks", "throughout the summer".
GENERIC_FRAME = re.compile(
    r"\b(rumou?rs?|fears?|threats?|risks?|dangers?|possibility|prospects?|waves?|series|spate|"
    r"cycles?|history|culture|issues|wider|widespread|frequent|repeated|recurring|continued|"
    r"continuing|ongoing|sporadic|occasional|regular|more|further|any|all|"
    # a kind, not one occurrence: "would implement some sort of repressive [[dictatorship]]";
    # and what never happened: "but never [[prosecuted]] editors" (session 42, brief C4); "will
    # never [[recognise]]" is a refusal, a statement made once, so not after will/shall/would
    r"(sort|kind|type)s? of|(?<!will )(?<!shall )(?<!would )never)\b", re.IGNORECASE)
GENERIC_STOP = re.compile(r"\b(stop|stopped|stopping|cease|ceased|halt|halted|end|ending|prevent|"
                          r"prevented|refrain|from|ban|banned)\b", re.IGNORECASE)
GENERIC_HABIT = re.compile(
    r"\b(for (weeks|months|years|decades)|throughout the|every (day|week|night|month)|each (day|"
    r"week|night)|repeatedly|regularly|routinely|often|usually|habitually|"
    # "was constantly under attack from Gaza" (session 40): attacks over a stretch, not one
    r"constantly|continually|incessantly)\b", re.IGNORECASE)
FRAME_WORDS = 4  # how many words before the event word may frame it
# A running total: a count summed over a stretch of time or over several incidents ("over 400
# have been killed since June", "bringing the toll to 30", "at least 12 this year"), not one
# occurrence even when copied word for word (session 20, brief 15h; docs/clusters.md).
# Read only near the event word, so that an incident told beside a total of others keeps its own.
CUMULATIVE = re.compile(
    rf"\b({SINCE}|so far|to date|"
    r"in all\b(?!\s+\w)|in total|a total of|the total|total (number|toll|of)|cumulative|"
    r"(toll|number|tally|count) (has |had |now |have )?(rose|risen|rises|climbed|climbs|reached|"
    r"reaches|stands|stood|increased|grew|grown|swelled)|(bring\w*|brought) (the|their|its|this) "
    r"(\w+ )?(toll|total|number|tally)|(?<!earlier )(?<!later )(?<!early )(?<!late )this year)",
    re.IGNORECASE)
# "in March this year": a date, not a stretch. A month's whole name as written (values.MONTH,
# capitalised), so that "the mayor this year" or "it may this year" is no date.
MONTH_BEFORE = re.compile(rf"\b{MONTH} $")
ANCHOR_WORDS = 4  # "since the 2002 Bali [[bombing]]": the event dates the total, it is not one
ANCHOR_CLAUSE = re.compile(r"\b(when|where|which|that|after)\b", re.IGNORECASE)
# "the first since 2002", "the deadliest attack since ...", "the first deaths so far": a comparison
SUPERLATIVE = re.compile(r"\b(first|worst|most|(?<!at )least|\w+iest|biggest|largest|highest|"
                         r"lowest|greatest|strongest|longest)\b(\W+\w+){0,2}\W*$", re.IGNORECASE)
TOTAL_WORDS = 8  # how many words either side of the event word may make its count a total
# A sentence that recalls its event as an earlier one ("after the 7 July bombings", "last week's
# raid", "the anniversary of"): such recalls of one big event are often the same event across
# stories, though they share few words (round 17, the learned linker's ``recalled`` feature).
RECALLED = re.compile(
    r"\b(last (week|month)|after the|in the wake of|aftermath|anniversar\w*|previous|recent\w*|"
    r"the \d{1,2} (january|february|march|april|may|june|july|august|september|october|november|"
    r"december))\b",
    re.IGNORECASE,
)
# A sentence that speaks of what will, would, could or may happen (a plan, a fear, a promise):
# paired with one that does not, it is mostly another occurrence ("the army would respond with
# raids" / "Israel launched the offensive"; round 17, the learned linker's ``modal_one``).
# "Planned" as a verb ("planned to", "had planned") is a plan; after an article or a possessive
# it describes the occasion ("killed yesterday during a planned operation", "the planned rally"),
# which is no sign that it has not happened (session 24).
MODAL = re.compile(r"\b(will|would|could|might|(?-i:may)|expected to|plans? to|"
                   r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bits )(?<!\bhis )(?<!\bher )"
                   r"(?<!\btheir )planned|to be held|(is|are) due|set to)\b", re.IGNORECASE)
# A hypothetical event: a modal verb or an abandoned plan governs the event word in its own clause
# ("the army would respond by stepping up [[raids]]", "DIMIA, which had originally planned to
# [[deport]] the group"), or its sentence asks a question. It is no occurrence yet, so it is not
# one with an event told as real (session 22). The pair gold takes a planned meeting and the
# meeting held as one event, so "will", "plans to" and "is expected to" (a plan of an occasion)
# are not here.
HYPOTHETICAL = re.compile(r"\b(would|could|might|(?-i:may)|should|had (originally |earlier |once )?"
                          r"planned)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:\"()]|\b(and|but|which|who|that|when|after|before|because|while)\b",
                          re.IGNORECASE)
CLAUSE_WORDS = 6  # how many words of its own clause before the event word may make it hypothetical
# "Bush announced that he would [[veto]] the bill", "the army said it would [[withdraw]]": reported
# speech turns "will" into "would", a plan, not a hypothesis (a reporting verb, "that" and at most
# three words of subject just before "would")
REPORTED = re.compile(r"\b(said|says|say|announced|announces|stated|states|promised|pledged|vowed|"
                      r"declared|confirmed|added|insisted|told \w+),?\s+(that\s+)?(\S+\s+){0,3}$",
                      re.IGNORECASE)
# Meetings, visits and talks at another grain (session 22, PLOVER CONSULT): a trip's legs, a
# visit and the talks held during it, one meeting and the talks series it belongs to.
VISIT = re.compile(r"(visit|travel|trip|tour|arriv|flew|fly|flies|journey)", re.IGNORECASE)
TALKS = re.compile(r"(talk|negotiat|meet|met\b|summit|conferenc|discuss)", re.IGNORECASE)
MEETING = re.compile(r"(meet|met\b|summit|conferenc)", re.IGNORECASE)
# one side speaking to reporters: a news conference or briefing is its own occasion, not the
# meeting or talks it may speak of (session 42), unless held jointly ("a joint news conference",
# "a press conference with Bush": then it is the meeting's)
PRESS = re.compile(r"((news|press) conferenc|(news|press) brief|briefing)", re.IGNORECASE)
JOINT_BEFORE = re.compile(r"\bjoint\s+$", re.IGNORECASE)
# talks as a process ("peace talks", "six-party talks", "resumed negotiations", "a round of talks")
SERIES_BEFORE = re.compile(r"\b(peace|[\w-]*party|resum\w*|round)\b", re.IGNORECASE)
# between a visit's event word and its first host ("visited [Dubai]", "a visit to [Iran]"), and
# between two hosts ("Kuwait, Bahrain and the [UAE]")
HOST_FIRST = re.compile(r"\s*(to|in|into|for)?\s*(the\s+)?", re.IGNORECASE)
HOST_NEXT = re.compile(r"\s*,?\s*(and\s+)?(the\s+)?", re.IGNORECASE)
# Words that make a count near them a toll or head count ("killed 52", "14 people", "3 soldiers").
PEOPLE = re.compile(r"(kill|dead|death|die|wound|injur|hurt|casualt|victim|bodies|people|soldier|"
                    r"civilian|person)")
# Days two dates read from the texts may lie apart and still be one event: one, for a time zone
# or an overnight report (session 40; it was two, which let Friday's and Sunday's tests meet)
MAX_DAYS_APART = 1
CITY_KM = 50.0  # two populated places of one country farther apart than this are two places
TITLE_WEIGHT = 1  # the article's title words join the sentence's (same-story articles share them)
# A month's name as written ("June", "Sept"; capitalised, so that the modal "may" is no month):
# a number beside one is a day of the month or a year, not a count (session 21, brief 15k).
MONTH_WORD = re.compile(MONTH)
# Words after which a number of 1900-2100 is a year ("in 2005", "since 2002", "by 2010")
YEAR_BEFORE = frozenset({"in", "since", "of", "by", "until", "till", "from", "to", "during",
                         "before", "after", "early", "late", "mid", "year", "summer", "winter",
                         "spring", "autumn", "fall"})
# Words before a number that make it an amount ("about 2000", "more than 1950"): a count
AMOUNT_BEFORE = frozenset({"about", "some", "over", "nearly", "almost", "around",
                           "approximately", "than", "least", "estimated", "roughly"})
_TOKEN = re.compile(r"[^\W\d_]+|\d[\d,]*")
REGION_FEATURES = ("A.PCLI", "A.PCL", "A.PCLD", "A.PCLF", "A.PCLS", "A.ADM1", "L.RGN", "L.CONT")


@dataclass(frozen=True)
class Settings:
    """The linker's thresholds (chosen on the development pairs; docs/clusters.md)."""

    window: int = 3
    max_km: float = 100.0
    min_similarity: float = 0.25
    number_bonus: float = 0.1
    min_agreement: float = 0.2


@dataclass
class Report:
    """One stored event as the linker sees it (built from an ``events`` row and its article)."""

    id: str
    doc_id: str
    type: str
    sentence: str
    published: str | None
    date_value: str | None = None
    date_precision: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    place_country: str | None = None
    place_feature: str | None = None
    place_text: str | None = None
    title: str = ""
    lat: float | None = None
    lon: float | None = None
    mode: str | None = None
    status: str | None = None
    source: str | None = None
    place_admin1: str | None = None
    trigger: str = ""  # the event word(s), stemmed and lower-cased
    side_words: frozenset[str] = frozenset()  # content words of the actor and recipient names
    tokens: list[str] = field(default_factory=list)
    sentence_tokens: list[str] = field(default_factory=list)
    title_tokens: list[str] = field(default_factory=list)
    names: frozenset[str] = frozenset()
    sentence_names: frozenset[str] = frozenset()
    numbers: frozenset[int] = frozenset()
    tolls: frozenset[int] = frozenset()  # counts of people (killed, hurt, soldiers ...): tolls
    cities: tuple[tuple[str, float, float], ...] = ()  # towns its sentence names: country, lat, lon
    aggregate: bool = False
    generic: str | None = None  # why no single occurrence (:func:`generic`, "total")
    recalled: bool = False  # the sentence recalls its event as an earlier one (RECALLED)
    modal: bool = False  # the sentence speaks of what will, could or may happen (MODAL)
    hypothetical: bool = False  # a modal governs the event word itself (:func:`hypothetical`)
    grain: str | None = None  # a meeting's grain: visit, series, meeting, talks (:func:`grain`)
    hosts: tuple[tuple[str, str, str], ...] = ()  # where a visit goes: country, feature, name
    span: tuple[date, date] | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any], text: str, published: str | None,
                 window: int, entities: Iterable[tuple[int, int, str]] = (),
                 times: Iterable[tuple[int, int, str, str]] = (),
                 places: Iterable[tuple[int, int, str, float, float]] = (),
                 named_places: Iterable[tuple[int, int, str, str, str]] = ()) -> Report:
        """A report from an ``events`` row, its article's body ``text`` and publication date
        (``entities``: the article's named entities as start, end, text, which the learned linker
        compares across articles; ``times``: its resolved time expressions as start, end,
        value, precision, which date an undated recalled event, :func:`recalled_span` and
        :func:`recalled_month`;
        ``places``: its resolved towns and cities as start, end, country, lat, lon, which
        tell two incidents in two towns of one country apart, :func:`different_incident`;
        ``named_places``: all its resolved places as start, end, country, feature class, text,
        where a visit goes, :func:`hosts`)."""
        sentence = text[row["sentence_start"] : row["sentence_end"]]
        r = cls(
            id=row["id"], doc_id=row["doc_id"], type=row["type"], sentence=sentence,
            published=published, date_value=row.get("date_value"),
            date_precision=row.get("date_precision"), actor_country=row.get("actor_country"),
            recipient_country=row.get("recipient_country"), place_country=row.get("place_country"),
            place_feature=row.get("place_feature"), place_text=row.get("place_text"),
            title=row.get("title") or "", lat=row.get("place_lat"),
            lon=row.get("place_lon"), mode=row.get("mode"), status=row.get("status"),
            source=row.get("source"), place_admin1=row.get("place_admin1"),
            trigger=" ".join(content_words(row.get("trigger_text") or "")),
        )
        r.side_words = frozenset(content_words(
            f"{row.get('actor_name') or ''} {row.get('recipient_name') or ''}"))
        r.sentence_tokens, r.title_tokens = content_words(sentence), content_words(r.title)
        r.tokens = r.sentence_tokens + r.title_tokens * TITLE_WEIGHT
        ents = [(s, e, t.lower()) for s, e, t in entities]
        r.names = frozenset(t for _, _, t in ents)
        r.sentence_names = frozenset(t for s, e, t in ents
                                     if row["sentence_start"] <= s and e <= row["sentence_end"])
        r.numbers, r.tolls = numbers(sentence), tolls(sentence)
        r.cities = tuple((c, lat, lon) for s, e, c, lat, lon in places
                         if row["sentence_start"] <= s and e <= row["sentence_end"])
        r.aggregate = bool(AGGREGATE.search(sentence))
        trigger = row.get("trigger_text") or ""
        start = row.get("trigger_start")
        after_at = None  # where ``after`` begins in ``text``
        if start is not None and row["sentence_start"] <= start <= row["sentence_end"]:
            before = text[row["sentence_start"] : start]
            after = sentence[len(before) + len(trigger):]
            after_at = start + len(trigger)
        else:  # no offsets: the words around the event word's first use in the sentence, or
            # none when the sentence does not hold it (its last words frame no event word)
            head, found, tail = sentence.partition(trigger or "\0")
            before, after = (head, tail) if found else ("", "")
        # a total first: its count would otherwise make it look "specific" to :func:`generic`
        r.generic = "total" if running_total(before, trigger, after) else generic(
            before, trigger, sentence, specific=r.date_precision == "day" or bool(r.tolls))
        r.recalled = bool(RECALLED.search(sentence))
        r.modal = bool(MODAL.search(sentence))
        r.hypothetical = hypothetical(before, after)
        if r.type == "CONSULT":
            r.grain = grain(trigger, before, after, r.mode)
            if r.grain == "visit" and after_at is not None:
                r.hosts = hosts(after, after_at, named_places)
        r.span = date_span(r.date_value, r.date_precision, published, window)
        if not r.date_value:
            days = {period(v, p) for s, e, v, p in times if p == "day"
                    and row["sentence_start"] <= s and e <= row["sentence_end"]}
            r.span = recalled_span(sorted(x for x in days if x is not None), r.span)
            if not days:  # no day named: one month named before the window dates it
                months = {period(v, p) for s, e, v, p in times if p == "month"
                          and row["sentence_start"] <= s and e <= row["sentence_end"]}
                r.span = recalled_month(sorted(x for x in months if x is not None), r.span)
        return r


def generic(before: str, trigger: str, sentence: str, specific: bool = False) -> str | None:
    """Why an event is a generic statement, not one occurrence ("frame", "stop", "habit"), or
    None. ``before``: the sentence's text before the event word ``trigger``; ``specific``: the
    event has its own day or a count of people, which makes it one occurrence whatever the
    wording ("frequent clashes" is general, "clashes on Sunday killed 4" is not)."""
    if specific:
        return None
    # only the event word's own phrase frames it: "should close it without further delay, and
    # [[called upon]] the U.S." is no "further" call (session 42)
    phrase = re.split(r"[,;:()\"“”]", before)[-1]
    words = _TOKEN.findall(phrase.lower())[-FRAME_WORDS:]
    head = trigger.lower().split()[0] if trigger.strip() else ""
    if GENERIC_FRAME.search(" ".join(words)):
        return "frame"
    if head.endswith("ing") and GENERIC_STOP.search(" ".join(words)):
        return "stop"
    if GENERIC_HABIT.search(sentence):
        return "habit"
    return None


def hypothetical(before: str, after: str) -> bool:
    """Whether an event is told as hypothetical: a modal verb or an abandoned plan
    (``HYPOTHETICAL``) among the last ``CLAUSE_WORDS`` words of the event word's own clause in
    ``before`` ("the army would respond by stepping up [[raids]]"; not "it would examine the tape,
    and [[banned]] ..." nor "he announced that he would [[veto]] it"), or a question.
    ``before`` and ``after``: the sentence on either side of the event word."""
    breaks = list(CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    modal = HYPOTHETICAL.search(" ".join(clause.split()[-CLAUSE_WORDS:]))
    if modal and modal.group().lower() == "would":
        at = [m.start() for m in re.finditer(r"\bwould\b", before, re.IGNORECASE)][-1]
        if REPORTED.search(before[:at]):
            modal = None  # "he announced that he would [[veto]] it": a plan in reported speech
    return bool(modal) or (
        after.rstrip(" \t\n\"'”’)").endswith("?"))


def grain(trigger: str, before: str, after: str, mode: str | None) -> str | None:
    """The grain of a meeting event (PLOVER CONSULT): "press" (a news conference or briefing,
    not held jointly), "visit" (a trip or one of its legs; mode
    visit or a word of travel), "series" (talks as a process: "peace talks", "six-party talks",
    "resumed negotiations"), "meeting" (one occasion: met, a summit, a conference, "talks with
    Bush", "held talks"), "talks" (other talks and discussions), or None (another event word)."""
    word = trigger.strip().lower()
    if PRESS.match(word):
        joint = JOINT_BEFORE.search(before) or after.lower().lstrip().startswith("with")
        return None if joint else "press"
    if mode == "visit" or VISIT.match(word):
        return "visit"
    if not TALKS.match(word):
        return None
    if re.match(r"(talk|negotiat)", word) and (
            SERIES_BEFORE.search(" ".join(before.split()[-3:]))
            or after.lower().lstrip().startswith("process")):
        return "series"
    if MEETING.match(word) or (word.startswith("talk") and (
            after.lower().lstrip().startswith("with")
            or re.search(r"\b(held|hold\w*)\s+(\w+\s+)?$", before, re.IGNORECASE))):
        return "meeting"
    return "talks"


def hosts(after: str, at: int, places: Iterable[tuple[int, int, str, str, str]]
          ) -> tuple[tuple[str, str, str], ...]:
    """Where a visit goes: the places (country, feature class, lower-cased name) named right
    after its event word ("visited [Dubai]", "travel to [Indonesia]", "visits [Kuwait], [Bahrain]
    and [Egypt]"); ``after`` is the sentence after the event word, beginning at offset ``at`` of
    the text ``places`` (start, end, country, feature, text) are found in."""
    out: list[tuple[str, str, str]] = []
    end = 0
    for start, stop, country, feature, name in sorted(set(places)):
        if start < at or not country:
            continue
        gap = after[end : start - at]
        if (HOST_NEXT if out else HOST_FIRST).fullmatch(gap):
            out.append((country, feature or "", name.lower()))
            end = stop - at
        elif out or start - at > 40:
            break  # the list ended, or no place follows the event word closely
    return tuple(out)


def different_grain(a: Report, b: Report) -> str | None:
    """Why two meetings (CONSULT) are at another grain, or None: "legs" when two visits go to
    places of no shared country (Bush in Dubai and in Egypt); "grain" when one is talks as a
    process and the other one visit or meeting (the peace talks and a meeting of Olmert and
    Abbas), or one a visit and the other talks or a meeting, unless the talks are in a town the
    visit goes to (a visit to Tehran for the summit held there), or one a news conference held
    alone and the other a meeting, talks or a visit. The pair gold's rules: a whole
    trip and one leg, or two legs, are not the same; nor are talks with a visitor and the visit,
    nor a meeting and a news conference (two occasions)."""
    if not a.grain or not b.grain:
        return None
    if "press" in (a.grain, b.grain) and a.grain != b.grain:
        return "grain"  # a minister's news conference and the meeting he held the same day
    if a.grain == b.grain == "visit":
        to_a, to_b = {c for c, _, _ in a.hosts}, {c for c, _, _ in b.hosts}
        return "legs" if to_a and to_b and not to_a & to_b else None
    for x, y in ((a, b), (b, a)):
        if x.grain == "series" and y.grain in ("visit", "meeting"):
            return "grain"
        if x.grain == "visit" and y.grain != "visit" and not any(
                feature.startswith("P.") and name in y.sentence.lower()
                for _, feature, name in x.hosts):
            return "grain"
    return None


def running_total(before: str, trigger: str, after: str) -> bool:
    """Whether an event is told as a running total: a count and a cumulative phrase (``CUMULATIVE``)
    both within ``TOTAL_WORDS`` words of the event word ``trigger`` (``before`` and ``after``: the
    sentence's text on either side of it). A count alone ("killed 14 on Sunday") is one
    occurrence; a total adds up several, so two totals sharing every word are still not one."""
    words = before.split()[-TOTAL_WORDS:]
    near = " ".join([*words, trigger, *after.split()[:TOTAL_WORDS]])
    anchor = len(" ".join(words[:-ANCHOR_WORDS])) if len(words) > ANCHOR_WORDS else 0
    end = len(" ".join(words))
    for m in CUMULATIVE.finditer(near):
        between = near[m.end() : end]  # from the phrase to the event word
        if m.group().lower().startswith("since") and m.start() < end and (
                (anchor <= m.start() and "," not in between) or ANCHOR_CLAUSE.search(between)):
            continue  # "since the 2004 [[bombing]]", "since Tuesday, when troops [[raided]]": the
            # event is when the total starts ("Since June, 400 have [[died]]" is a total)
        if SUPERLATIVE.search(near[: m.start()]):
            continue  # "her first [[visit]] since 2002": a comparison, not a sum
        if m.group().lower() == "this year" and MONTH_BEFORE.search(near[: m.start()]):
            continue  # "in March this year": a date, not a stretch
        return any(True for _ in _counts(_TOKEN.findall(near)))
    return False


def stem(word: str) -> str:
    """A crude suffix stripper, so that "captured", "capture" and "capturing" meet."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed lower-cased words of ``text`` without stop words and numbers."""
    return [stem(w) for w in _TOKEN.findall(text.lower())
            if w[0].isalpha() and w not in STOP and len(w) > 1]


def _is_year(words: list[str], i: int) -> bool:
    """Whether the number ``words[i]`` (1900-2100) is a year, read by its syntax: a count when
    written with a thousands comma ("1,950 people"), after a word of amount ("about 2000", but
    "since at least 2000" is a year) or before a word for people ("2000 soldiers"), unless a
    month or a word of time comes just before it ("July 2005", "7 July 2005", "in 2000 people
    voted"); else a year ("the 2004 bombing")."""
    prev = words[i - 1].lower() if i else ""
    if "," in words[i].rstrip(","):
        return False
    if prev in YEAR_BEFORE or MONTH_WORD.fullmatch(words[i - 1] if i else "") or (
            i > 1 and prev[:1].isdigit() and MONTH_WORD.fullmatch(words[i - 2])):
        return True
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    if prev in AMOUNT_BEFORE:  # "since at least 2000" is a year, "at least 2000 troops" a count
        return any(w.lower() in YEAR_BEFORE for w in words[max(i - 3, 0) : i - 1]
                   ) and not PEOPLE.match(after)
    return not PEOPLE.match(after)


def _counts(words: list[str]) -> Iterator[tuple[int, int]]:
    """Position and value of each count among ``words`` (digits or number words, as written),
    years (:func:`_is_year`) and days of the month (up to 31 beside a month's name: "7 July",
    "July 7"; "since June, 400 died" keeps its 400) left out."""
    for i, w in enumerate(words):
        if w[0].isdigit():
            n = int(w.replace(",", ""))
            if 1900 <= n <= 2100 and _is_year(words, i):
                continue
            beside = words[max(i - 1, 0) : i] + words[i + 1 : i + 2]
            if n <= 31 and any(MONTH_WORD.fullmatch(x) for x in beside):
                continue
            yield i, n
        elif w.lower() in NUMBER_WORDS:
            yield i, NUMBER_WORDS[w.lower()]


def numbers(text: str) -> frozenset[int]:
    """The counts a sentence gives (digits or number words), years and days of month left out."""
    return frozenset(n for _, n in _counts(_TOKEN.findall(text)))


def tolls(text: str) -> frozenset[int]:
    """The counts of people a sentence gives: a count (other than 0 and 1) within three words of
    a word for the dead, the hurt or people ("killed 52", "14 people", "three soldiers"). Two
    reports giving tolls that all differ are rarely one incident."""
    words = _TOKEN.findall(text)
    return frozenset(n for i, n in _counts(words) if n > 1 and any(
        PEOPLE.match(w.lower()) for w in words[max(i - 3, 0) : i] + words[i + 1 : i + 4]))


def different_incident(a: Report, b: Report) -> str | None:
    """Why two reports alike in words are two incidents of one story, or None: "places" when
    their sentences name towns of one country and none of one lies within ``CITY_KM`` of one of
    the other (a visit to Halifax and one to Pictou; two bombings in Basra and in Nasiriyah).
    Towns of two countries are no clash: a rocket from Beit Hanoun that hit Sderot is one."""
    shared = {c for c, _, _ in a.cities} & {c for c, _, _ in b.cities}
    if shared and not any(c == d and haversine_km(p, q, u, v) <= CITY_KM
                          for c, p, q in a.cities for d, u, v in b.cities):
        return "places"
    return None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def period(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The days a resolved time value covers: a day ±1 (time zones), a month or a year whole
    (None: another precision, such as a week, or a malformed value)."""
    if not value:
        return None
    if precision == "day" and (d := _day(value)):
        return d - timedelta(days=1), d + timedelta(days=1)
    if (precision == "month" and re.fullmatch(r"\d{4}-\d{2}", str(value))
            and (start := _day(f"{value}-01"))):
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return start, end
    if precision == "year" and re.fullmatch(r"\d{4}", str(value)):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    return None


def recalled_span(days: list[tuple[date, date]],
                  span: tuple[date, date] | None) -> tuple[date, date] | None:
    """The span of an event with no date of its own: the one day its sentence names when that
    day ends before the publication window ``span`` starts (a recalled event: "after the 7 July
    London bombings, a statement was made ..." in a paper of 13 July is the bombing of 7 July,
    not of 10-14 July); else ``span`` unchanged (no day, several days, or a day inside the
    window, which may be the report's own news)."""
    if span is not None and len(days) == 1 and days[0][1] < span[0]:
        return days[0]
    return span


def recalled_month(months: list[tuple[date, date]],
                   span: tuple[date, date] | None) -> tuple[date, date] | None:
    """The span of an event with no date of its own whose sentence names one month that begins
    before its publication window ``span``: that month when it ends before the window ("killed
    in February", in a paper of 10 March), else from the month's first day to the window's end
    ("shot dead and found earlier in March", in a paper of 30 March: any day of March up to
    publication); else ``span`` unchanged (no month, several, or one starting in the window)."""
    if span is None or len(months) != 1 or months[0][0] >= span[0]:
        return span
    return months[0] if months[0][1] < span[0] else (months[0][0], span[1])


def date_span(value: str | None, precision: str | None, published: str | None,
              window: int) -> tuple[date, date] | None:
    """The days an event may have happened on (None when nothing is known): its own date's
    :func:`period`, else from ``window`` days before its article's publication to the day
    after."""
    if span := period(value, precision):
        return span
    pub = _day(published)
    if pub is None:
        return None
    return pub - timedelta(days=window), pub + timedelta(days=1)


def days_apart(a: Report, b: Report) -> bool:
    """Both reports are dated to the day by their own text and those days lie more than
    ``MAX_DAYS_APART`` apart: "the soldier killed yesterday" in papers of 20 and 27 August are
    two deaths, and so are Iran's missile tests "on Friday" and "on Sunday" (session 40). A
    time zone or a report written overnight moves a day by one, not two, so the rules' day
    +/- 1 is no reason to let two named days two apart meet. The learned linker's slack (days
    two spans may lie apart) is for a recalled event whose date was not read; two days read
    from the text are not stretched."""
    if a.date_precision != "day" or b.date_precision != "day":
        return False
    da, db = _day(a.date_value), _day(b.date_value)
    return da is not None and db is not None and abs((da - db).days) > MAX_DAYS_APART


class LinkModel(Protocol):
    """A learned link decision (``diurna.clusters.learn.LogisticLink``)."""

    @property
    def threshold(self) -> float:
        """Pairs at least this probable are linked."""
        ...

    @property
    def slack(self) -> int:
        """Days two date spans may lie apart and still be compared (the gap is a feature)."""
        ...

    @property
    def agreement(self) -> float:
        """The share of cross links two clusters need to join (``Linker.clusters``)."""
        ...

    def probability(self, linker: Linker, a: Report, b: Report) -> float:
        """How likely the two reports are one event."""
        ...


def idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over ``documents`` (lists of words)."""
    df: Counter[str] = Counter()
    n = 0
    for words in documents:
        df.update(set(words))
        n += 1
    return {w: math.log(max(n, 1) / c) for w, c in df.items()}


def vector(tokens: Iterable[str], weights: Mapping[str, float]) -> dict[str, float]:
    """The unit-length TF-IDF vector of ``tokens``."""
    v = {w: c * weights.get(w, 0.0) for w, c in Counter(tokens).items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}


def cosine(va: Mapping[str, float], vb: Mapping[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(vb) < len(va):
        va, vb = vb, va
    return sum(x * vb.get(w, 0.0) for w, x in va.items())


def same_place_name(a: Report, b: Report) -> bool:
    """Both places written alike: then a gazetteer that resolved them apart is not believed."""
    return bool(a.place_text) and (a.place_text or "").lower() == (b.place_text or "").lower()


def km(a: Report, b: Report) -> float:
    """Great-circle distance between two reports' places."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


class Linker:
    """Decides links between reports; built over the whole collection (for the IDF)."""

    def __init__(self, reports: Iterable[Report], settings: Settings | None = None,
                 model: LinkModel | None = None) -> None:
        self.settings = settings or Settings()
        self.model = model
        self.reports = list(reports)
        self.idf = idf(r.tokens for r in self.reports)
        self.vectors = {r.id: vector(r.tokens, self.idf) for r in self.reports}
        self._strength: dict[tuple[str, str], float] = {}
        self.memo: dict[str, Any] = {}  # per-collection weights a model's features need

    def similarity(self, a: Report, b: Report) -> float:
        """TF-IDF cosine of the two sentences (with their titles' words)."""
        return cosine(self.vectors[a.id], self.vectors[b.id])

    def use(self, model: LinkModel | None) -> None:
        """Decide links with ``model`` from now on (None: the rules)."""
        self.model = model
        self._strength.clear()

    @property
    def slack(self) -> int:
        """Days two date spans may lie apart and still be compared: none for the rules; the
        model's own (it weighs the gap itself)."""
        return 0 if self.model is None else self.model.slack

    def strength(self, a: Report, b: Report) -> float:
        """How surely the pair is one event: the model's probability, else the similarity
        (clusters grow from the strongest links first)."""
        if self.model is None:
            return self.similarity(a, b)
        pair = (min(a.id, b.id), max(a.id, b.id))
        if pair not in self._strength:
            self._strength[pair] = self.model.probability(self, a, b)
        return self._strength[pair]

    def why_not(self, a: Report, b: Report) -> str | None:
        """The first test the pair fails (None: linked). With a model, only article, type and
        dates (spans at most the model's ``slack`` days apart) are hard tests; then the model
        decides ("model": below its threshold)."""
        if a.doc_id == b.doc_id:
            return "same article"
        if a.type != b.type:
            return "type"
        slack = timedelta(days=self.slack)
        if (a.span is None or b.span is None or a.span[0] > b.span[1] + slack
                or b.span[0] > a.span[1] + slack):
            return "when"
        if veto := self.veto(a, b):
            return veto
        if self.model is not None:
            return None if self.strength(a, b) >= self.model.threshold else "model"
        return self.rule_failure(a, b)

    def veto(self, a: Report, b: Report) -> str | None:
        """Why two reports can never be one event, whatever the words (both linkers), or None.
        Clusters keep these apart too: no two reports of one cluster may meet a veto."""
        if days_apart(a, b):  # the model's slack is for undated reports, not two dated days
            return "when"
        if a.generic or b.generic:  # no occurrence to share
            return "one incident"
        if different_incident(a, b):
            return "different incident"
        if a.hypothetical != b.hypothetical:  # what would or could happen against what did
            return "hypothetical"
        if different_grain(a, b):
            return "different grain"
        return None

    def rule_failure(self, a: Report, b: Report) -> str | None:
        """The first of the hand rules' place, side, count, incident and word tests the pair
        fails (None: all pass)."""
        s = self.settings
        if not same_place_name(a, b):
            if a.place_country and b.place_country and a.place_country != b.place_country:
                return "where"
            if (a.lat is not None and b.lat is not None and a.place_feature not in REGION_FEATURES
                    and b.place_feature not in REGION_FEATURES and km(a, b) > s.max_km):
                return "where"
        sides = ((a.actor_country, b.actor_country), (a.recipient_country, b.recipient_country))
        if any(x and y and x != y for x, y in sides):
            return "who"
        if a.numbers and b.numbers and not a.numbers & b.numbers:
            return "counts"
        if a.aggregate or b.aggregate:
            return "one incident"
        shared = len(a.numbers & b.numbers - {0, 1})
        if self.similarity(a, b) + s.number_bonus * shared < s.min_similarity:
            return "words"
        return None

    def linked(self, a: Report, b: Report) -> bool:
        return self.why_not(a, b) is None

    def clusters(self, min_agreement: float | None = None) -> list[list[str]]:
        """Clusters (two or more reports, sorted; sorted by first member) grown from the links,
        most similar first: two clusters join only when at least ``min_agreement`` of the pairs
        of reports across them (from different articles) are linked too, so that one loose link
        cannot chain two different incidents of a long story together (``Settings``), and
        none of those pairs meets a :meth:`veto` (session 23: "the soldier killed yesterday" of
        20 and 27 August were chained through undated reports of the story)."""
        if min_agreement is None:
            min_agreement = (self.settings.min_agreement if self.model is None
                             else self.model.agreement)
        by_id = {r.id: r for r in self.reports}
        ranked = sorted(self.links(), key=lambda p: -self.strength(by_id[p[0]], by_id[p[1]]))
        linked = set(ranked)
        members = {r.id: [r.id] for r in self.reports}
        owner = {r.id: r.id for r in self.reports}
        for a, b in ranked:
            ca, cb = owner[a], owner[b]
            if ca == cb:
                continue
            cross = [(min(x, y), max(x, y)) for x in members[ca] for y in members[cb]
                     if by_id[x].doc_id != by_id[y].doc_id]
            if sum(p in linked for p in cross) < min_agreement * len(cross):
                continue
            if any(self.veto(by_id[x], by_id[y]) for x, y in cross):
                continue  # a chain of links would put two reports a veto keeps apart in one
            if len(members[ca]) < len(members[cb]):
                ca, cb = cb, ca
            for x in members.pop(cb):
                owner[x] = ca
                members[ca].append(x)
        return sorted(sorted(m) for m in members.values() if len(m) > 1)

    def links(self) -> list[tuple[str, str]]:
        """Every linked pair of reports (ids sorted), comparing only reports of one type whose
        date spans overlap (or, with a model, lie at most its ``slack`` days apart)."""
        slack = timedelta(days=self.slack)
        by_type: dict[str, list[Report]] = {}
        for r in self.reports:
            if r.span is not None:
                by_type.setdefault(r.type, []).append(r)
        out = []
        for group in by_type.values():
            group.sort(key=lambda r: r.span[0])  # type: ignore[index]
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if b.span[0] > a.span[1] + slack:  # type: ignore[index]
                        break  # sorted by start: no later report can come near ``a``
                    if self.linked(a, b):
                        out.append((min(a.id, b.id), max(a.id, b.id)))
        return sorted(out)
