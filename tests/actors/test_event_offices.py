"""A person coded by the office held on the event's own date (docs/actors.md round 37).

The offices are public facts: Barack Obama was a state and then a US senator until November
2008 (president-elect, then president, after it); his entry's own code is the president's.
The gold codes an actor "by role at the time of the event" (docs/annotation-events.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from diurna.actors.dictionary import ActorDictionary
from diurna.actors.offices import event_period, value_period
from diurna.model import Actor, Document, Event, Span, TimeExpr

Read = Callable[..., Document]


def arguments(doc: Document, trigger: str) -> tuple[list[str | None], list[str | None]]:
    """The codes of the actors and recipients of the event ``trigger`` names."""
    event = next(e for e in doc.events if e.trigger.text == trigger)
    return ([m.actor.cameo if m.actor else None for m in event.actors],
            [m.actor.cameo if m.actor else None for m in event.recipients])


def test_a_past_year_codes_the_office_held_then(read_body: Read) -> None:
    # an article of 2009 about 2003: the senator, not the president the publication day knows
    doc = read_body("In 2003, Senator Barack Obama criticised President Bush.", "2009-05-01")
    assert arguments(doc, "criticised")[0] == ["USALEG"]


def test_a_past_day_codes_a_recipient_by_the_office_too(read_body: Read) -> None:
    doc = read_body("On June 3, 2003, John McCain criticised Barack Obama.", "2009-05-01")
    assert arguments(doc, "criticised")[1] == ["USALEG"]


def test_an_undated_event_keeps_the_publication_office(read_body: Read) -> None:
    doc = read_body("Barack Obama criticised the plan on Capitol Hill.", "2009-05-01")
    assert arguments(doc, "criticised")[0] == ["USAGOV"]


def test_a_year_across_a_term_end_decides_nothing(read_body: Read) -> None:
    # 2008: a senator until November, president-elect after it: the year is no one office, so
    # the publication day's office stays (never a guess)
    doc = read_body("In 2008, Barack Obama criticised the plan.", "2009-05-01")
    assert arguments(doc, "criticised")[0] == ["USAGOV"]


def test_the_text_reading_is_kept_beside_the_event_office(read_body: Read) -> None:
    # the mention in doc.mentions is the text's reading; only the dated event's argument changes
    doc = read_body("In 2003, Senator Barack Obama criticised President Bush. Obama said the "
                    "war was wrong.", "2009-05-01")
    assert arguments(doc, "criticised")[0] == ["USALEG"]
    codes = {m.text: m.actor.cameo for m in doc.mentions if m.actor}
    assert codes["Senator Barack Obama"] == "USAGOV"


def test_a_future_date_is_not_hindsight(read_body: Read) -> None:
    # written in 2006 about 2010: the senator's plan, not the president's act
    doc = read_body("Senator Barack Obama will visit Kenya in 2010.", "2006-05-10")
    assert arguments(doc, "visit")[0] == ["USALEG"]


def test_decided_office() -> None:
    d = ActorDictionary.load(env=False)
    obama = d.actors["P-OBAMA"]

    def code(actor: Actor | None, lo: date, hi: date) -> str | None:
        found = d.decided_office(actor, (lo, hi)) if actor is not None else None
        return found.cameo if found is not None else None

    assert code(obama, date(2003, 1, 1), date(2003, 12, 31)) == "USALEG"
    assert code(obama, date(2008, 1, 1), date(2008, 12, 31)) is None
    assert code(obama, date(2012, 6, 1), date(2012, 6, 1)) == "USAGOV"
    # a term's reading is looked up by its entry's id: back to the entry's own code
    senator = d.decided_office(obama, (date(2003, 1, 1), date(2003, 1, 1)))
    assert code(senator, date(2012, 6, 1), date(2012, 6, 1)) == "USAGOV"


@pytest.mark.parametrize(("value", "period"), [
    ("2003", (date(2003, 1, 1), date(2003, 12, 31))),
    ("2003-02", (date(2003, 2, 1), date(2003, 2, 28))),
    ("2003-02-14", (date(2003, 2, 14), date(2003, 2, 14))),
    ("2003-W07", None), ("2003-SU", None), ("PAST_REF", None), ("199", None),
    ("2003-02-30", None), (None, None),
])
def test_value_period(value: str | None, period: tuple[date, date] | None) -> None:
    assert value_period(value) == period


def test_event_period_of_a_range_and_of_a_length() -> None:
    span = Span(0, 4, "told")

    def event(when: TimeExpr) -> Event:
        return Event("e", "CONSULT", span, span, date=when)

    assert event_period(event(TimeExpr(0, 1, "x", value="2003-02", end_value="2003-04"))) == (
        date(2003, 2, 1), date(2003, 4, 30))
    assert event_period(event(TimeExpr(0, 1, "x", value="P3D", kind="duration"))) is None
