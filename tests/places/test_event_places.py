"""Where an event happened (``event.place``): what counts as its place and what does not.

Each case is a sentence written for the test and checked by hand against the annotation
guidelines (docs/annotation-events.md §8)."""

from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Event, Mention, Place
from diurna.places import PlaceResolver
from diurna.time import TimeResolver


def _event_place(text: str, trigger: str, type_: str, *, actor: str | None = None,
                 mode: str | None = None, published: str = "2019-11-20") -> Place | None:
    """Run language → time → places on ``text`` with one hand-built event; its place."""
    doc = Language()(Document(id="t", source="t", text=text, published=published))
    start = text.index(trigger)
    sentence = next(s for s in doc.sentences if s.start <= start < s.end)
    event = Event(id="e", type=type_, trigger=doc.span(start, start + len(trigger)),
                  sentence=sentence, mode=mode)
    if actor:
        at = text.index(actor)
        event.actors = [Mention(at, at + len(actor), actor, label="PERSON")]
    doc.events = [event]
    TimeResolver()(doc)
    PlaceResolver()(doc)
    return doc.events[0].place


def _place_of(text: str, trigger: str, type_: str, *, actor: str | None = None,
              mode: str | None = None, published: str = "2019-11-20") -> str | None:
    """The name of the place :func:`_event_place` gives."""
    place = _event_place(text, trigger, type_, actor=actor, mode=mode, published=published)
    return place.name if place else None


def _place_id_of(text: str, trigger: str, type_: str) -> int | None:
    """The GeoNames id of the place :func:`_event_place` gives."""
    place = _event_place(text, trigger, type_)
    return place.geonameid if place else None


def test_a_place_describing_the_speaker_is_not_where_he_spoke() -> None:
    text = ("Omar Lamrani, a senior analyst at Stratfor, the Texas-based intelligence firm, "
            "told reporters that the claim was absurd.")
    assert _place_of(text, "absurd", "REJECT", actor="Omar Lamrani") is None


def test_a_statement_takes_its_own_occasion_not_a_later_one() -> None:
    text = ("“We will not accept these claims,” Esper said in a speech to the Diplomatic "
            "Academy of Vietnam. Later, in remarks in Hanoi, Esper said the United States "
            "opposes violations of international law.")
    assert _place_of(text, "not accept", "REJECT", actor="Esper") is None


def test_a_call_takes_the_place_where_the_same_speaker_spoke_nearby() -> None:
    text = ("On February 14, Velayati called on the US to withdraw its troops, saying their "
            "presence is illegal. Velayati said during a conference in Tehran that the "
            "deployment was approved.")
    assert _place_of(text, "called on", "DEMAND", actor="Velayati") == "Tehran"


def test_dateline_places_a_statement_of_its_sentence() -> None:
    text = ("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused "
            "China of using coercion against smaller nations.")
    assert _place_of(text, "accused", "ACCUSE", actor="Mark Esper") == "Hanoi"


def test_dateline_does_not_place_an_act_the_sentence_places_elsewhere() -> None:
    text = "NEW DELHI — Police in Mumbai arrested six men on Friday."
    assert _place_of(text, "arrested", "COERCE") != "New Delhi"


def test_place_named_before_an_event_noun() -> None:
    text = "Hong Kong protests turned violent again on Monday."
    assert _place_of(text, "protests", "PROTEST") == "Hong Kong"


def test_a_withdrawal_happens_in_the_place_left() -> None:
    text = "American troops will leave Syria next year."
    assert _place_of(text, "leave", "RETREAT", mode="withdraw") == "Syria"


def test_fallback_place_belongs_to_the_same_act() -> None:
    text = ("Three people died during protests in Bolivia against the government that ousted "
            "Evo Morales, after violent clashes erupted between his supporters and police.")
    assert _place_of(text, "ousted", "COERCE") is None  # the place of the protests
    assert _place_of(text, "clashes", "ASSAULT") == "Bolivia"


def test_a_visit_takes_the_place_visited_even_as_host() -> None:
    text = "Carrie Lam's recent trip to Beijing was about new guidance from the leadership."
    assert _place_of(text, "trip", "CONSULT") == "Beijing"


def test_each_page_reads_its_own_speech_verbs() -> None:
    """The speech verbs of a parse are listed once and reused for its events: the next page's
    statements must still be placed by that page's own verbs, not the one before."""
    hanoi = "“We will not accept these claims,” Esper said in a speech in Hanoi."
    tokyo = ("The talks went on for a week. “We reject this offer,” the minister Ryo Tanaka "
             "said at a news conference in Tokyo.")
    for _ in range(2):
        assert _place_of(hanoi, "accept", "REJECT", actor="Esper") == "Hanoi"
        assert _place_of(tokyo, "reject", "REJECT", actor="Ryo Tanaka") == "Tokyo"


def test_the_finer_place_named_beside_a_country_is_the_events() -> None:
    # Bangkok the city is GeoNames 1609350 (Thailand 1605651), Belgrade 792680 (Serbia 6290252):
    # checked on geonames.org; the text names the capital, the finest place it gives
    text = "Protesters gathered in the capital of Thailand, Bangkok, on Sunday."
    assert _place_id_of(text, "gathered", "PROTEST") == 1609350
    text = "A bomb exploded in Serbia's capital Belgrade on Friday."
    assert _place_id_of(text, "exploded", "ASSAULT") == 792680


def test_a_finer_place_not_tied_to_the_country_or_not_in_it_leaves_the_country() -> None:
    # Bangkok is where they had been, not where the arrest was; Croatia is no part of Serbia
    text = "Police arrested six men in Thailand on Friday, a week after they had left Bangkok."
    assert _place_id_of(text, "arrested", "COERCE") == 1605651
    text = "Soldiers killed two men in Serbia's neighbour Croatia on Friday."
    assert _place_of(text, "killed", "ASSAULT") == "Croatia"
