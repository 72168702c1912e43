"""An event's own relative clause gives the event its day and place (session 48, brief T61).

When an act is named by a noun ("the car bombing"), or by a verb whose object names the same
act ("planted the car bomb"), and its day or place is told in that noun's relative clause
("... that killed 12 people at a hotel on Monday"), they are the event's
(docs/annotation-events.md §7: the date of the event itself; §8 its place); unless the clause
is another coded event, whose date and place they are (§7: "a date attached to another event
in the sentence ... is not copied to this one"). Each sentence was written for the test and
each expectation checked by hand against the guideline. Published Wednesday 20 November 2019:
"Monday" is 2019-11-18, "Tuesday" 2019-11-19."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Event
from diurna.places import PlaceResolver
from diurna.time import TimeResolver


def _coded(text: str, *events: tuple[str, str]) -> list[Event]:
    """Run language → time → places on the one-sentence ``text`` with hand-built events, one
    per (trigger, type), the trigger the first occurrence of its text; the events, dated and
    placed."""
    doc = Language()(Document(id="t", source="t", text=text, published="2019-11-20"))
    coded = []
    for n, (trigger, type_) in enumerate(events):
        start = text.index(trigger)
        coded.append(Event(id=f"e{n}", type=type_, trigger=doc.span(start, start + len(trigger)),
                           sentence=doc.sentences[0]))
    doc.events = coded
    TimeResolver()(doc)
    PlaceResolver()(doc)
    return doc.events


def _date(event: Event) -> str | None:
    return event.date.value if event.date else None


def _place(event: Event) -> str | None:
    return event.place.name if event.place else None


def test_the_relative_clause_of_an_event_noun_dates_it() -> None:
    # the bombing killed 12 people on Monday: Monday is the bombing's day; the condemnation is
    # not dated by it (another event's date)
    condemned, bombing = _coded(
        "The president condemned the car bombing that killed 12 people at a hotel on Monday.",
        ("condemned", "ACCUSE"), ("car bombing", "ASSAULT"))
    assert _date(bombing) == "2019-11-18"
    assert _date(condemned) is None


def test_the_relative_clause_of_a_verbs_object_naming_the_act_dates_and_places_it() -> None:
    # "planted the car bomb that killed": one attack, coded on the verb; its day and place are
    # told in the bomb's relative clause
    (planted,) = _coded("The group denied that it had planted the car bomb that killed 14 "
                        "people in a market in Karachi on Monday.", ("planted", "ASSAULT"))
    assert _date(planted) == "2019-11-18"
    assert _place(planted) == "Karachi"


def test_an_object_the_lexicon_gives_the_events_type_lends_its_clause() -> None:
    (carried,) = _coded("Rebels carried out an attack that killed 12 soldiers in Kabul on "
                        "Monday.", ("carried out", "ASSAULT"))
    assert _date(carried) == "2019-11-18"
    assert _place(carried) == "Kabul"


def test_a_participle_of_the_event_noun_dates_it() -> None:
    (attack,) = _coded("The attack carried out on Monday killed 12 soldiers.",
                       ("attack", "ASSAULT"))
    assert _date(attack) == "2019-11-18"


def test_a_complement_of_the_clause_shares_its_subject_the_act() -> None:
    # "scheduled to take place ... next week": the rally's own week and place (2019-W48, the
    # week after publication's)
    (rally,) = _coded("The city council approved a rally scheduled to take place in Melbourne "
                      "next week.", ("rally", "PROTEST"))
    assert _date(rally) == "2019-W48"
    assert _place(rally) == "Melbourne"


@pytest.mark.parametrize(
    ("text", "events", "undated"),
    [
        # the object is a person, not the act: the man's attack on Monday is not the arrest's
        ("Police arrested the man who attacked a guard on Monday.",
         (("arrested", "COERCE"),), "arrested"),
        # an infinitive is the content of the call, a protest to come: Friday is the strike's
        ("The union renewed its call to strike on Friday.", (("call", "DEMAND"),), "call"),
    ],
)
def test_a_clause_that_tells_another_act_does_not_date_the_event(
        text: str, events: tuple[tuple[str, str], ...], undated: str) -> None:
    coded = _coded(text, *events)
    assert _date(next(e for e in coded if e.trigger.text == undated)) is None


def test_a_relative_clause_that_is_another_coded_event_keeps_its_date() -> None:
    # the blaming on Tuesday is an accusation of its own: Tuesday is its day, not the attack's
    _, attack, blamed = _coded(
        "The president condemned the attack, which the government blamed on the rebels on "
        "Tuesday.",
        ("condemned", "ACCUSE"), ("attack", "ASSAULT"), ("blamed", "ACCUSE"))
    assert _date(blamed) == "2019-11-19"
    assert _date(attack) is None


def test_a_relative_clause_that_only_reports_the_act_does_not_date_it() -> None:
    # the police spoke on Tuesday; the text does not say when the bombing was
    _, bombing = _coded("Officials condemned the bombing, which police said on Tuesday had "
                        "killed 12 people.", ("condemned", "ACCUSE"), ("bombing", "ASSAULT"))
    assert _date(bombing) is None
