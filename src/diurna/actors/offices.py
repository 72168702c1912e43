"""A person's office on the day of the event (issue #12, docs/actors.md round 37).

The actors stage codes a person of the dictionary by the office held on the text's publication
day (:func:`text_period`, :meth:`ActorDictionary.office`): the events' own dates are not known
yet, since the time stage runs after the actors and events stages. Once the time stage has dated
the events, :func:`recode_at_event_dates` revisits the persons among each dated event's actors
and recipients: where the event's date lies in another of the person's terms ("In 2003, Senator
Obama ..." in an article of 2009), the argument takes the office of that day. A partial date
decides only when the whole period it names lies in one term (or outside all of them): "in 2008"
does not decide Obama's office (a senator until November), "in 2003" does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from diurna.actors.dictionary import ActorDictionary
from diurna.model import Actor, Document, Event, Mention

Period = tuple[date, date]  # first and last day, inclusive


def value_period(value: str | None) -> Period | None:
    """The days an ISO date value names: a day (``2006-05-10``, a time after it ignored), a
    month (``2008-12``) or a year (``2006``). Anything else (a week, a season, a decade,
    ``PAST_REF``, a malformed day, no value) names no period here: None."""
    text = (value or "").strip()[:10]
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return day, day
        if len(text) == 7 and text[4] == "-":
            first = date.fromisoformat(text + "-01")
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        if len(text) == 4 and text.isdigit():
            return date(int(text), 1, 1), date(int(text), 12, 31)
    except ValueError:  # a malformed date: no period, so no office is decided by it
        return None
    return None


def text_period(doc: Document) -> Period | None:
    """The days a text is about, for dated offices at the actors stage: its publication day,
    month or year. An undated text has no period (the entries' own codes)."""
    return value_period(doc.published)


def event_period(event: Event) -> Period | None:
    """The days the time stage dated ``event`` to (a range from its first value to the end of
    its last), or None when it has no date of a day, month or year."""
    when = event.date
    if when is None or when.kind not in ("date", "time"):
        return None
    first = value_period(when.value)
    if first is None:
        return None
    if when.end_value is None:
        return first
    last = value_period(when.end_value)
    return (first[0], last[1]) if last is not None and last[1] >= first[0] else None


def _recoded(dictionary: ActorDictionary, mention: Mention, period: Period) -> Mention:
    """``mention`` with its person's office during ``period``, or ``mention`` itself when it
    is no person with dated offices, the period does not decide one, or the office is the same.
    A new Mention, never the shared one changed: the same mention may be an argument of events
    of other dates and stays in ``doc.mentions`` as the text's reading."""
    actor = mention.actor
    if actor is None or actor.kind != "person" or actor.id not in dictionary.terms:
        return mention
    office = dictionary.decided_office(actor, period)
    if office is None or _same_code(office, actor):
        return mention
    return replace(mention, actor=office)


def _same_code(one: Actor, other: Actor) -> bool:
    """Whether two readings of one entry code alike (terms hold new Actor objects)."""
    return (one.cameo, one.country, one.sector, one.affiliation) == (
        other.cameo, other.country, other.sector, other.affiliation)


def _recode_all(dictionary: ActorDictionary, mentions: Sequence[Mention],
                period: Period) -> list[Mention]:
    return [_recoded(dictionary, m, period) for m in mentions]


def recode_at_event_dates(doc: Document, dictionary: ActorDictionary) -> int:
    """Code the persons among each dated event's actors and recipients by their office on the
    event's date; returns how many arguments changed. Only events dated in the past of the
    publication (or in an undated text) are revisited: an office a person would take after the
    text was written is hindsight the text does not have ("Obama will visit in 2010", written
    in 2008, is the senator's plan)."""
    published = text_period(doc)
    changed = 0
    for event in doc.events:
        period = event_period(event)
        if period is None or (published is not None and period[1] > published[1]):
            continue
        actors = _recode_all(dictionary, event.actors, period)
        recipients = _recode_all(dictionary, event.recipients, period)
        changed += sum(a is not b for a, b in zip(actors + recipients,
                                                  event.actors + event.recipients, strict=True))
        event.actors, event.recipients = actors, recipients
    return changed
