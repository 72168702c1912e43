from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document
from diurna.time import TimeResolver
from diurna.time.resolver import normalize
from diurna.time.values import calendar_value
from tests.time.conftest import dated_event


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        # with a publication date (Thursday 15 February 2018)
        ("February 14", "2018-02-15", "2018-02-14", "day"),
        ("14 February 2017", "2018-02-15", "2017-02-14", "day"),
        ("Feb. 7", "2018-02-15", "2018-02-07", "day"),
        ("yesterday", "2018-02-15", "2018-02-14", "day"),
        ("on Tuesday", "2018-02-15", "2018-02-13", "day"),
        ("Thursday", "2018-02-15", "2018-02-15", "day"),  # the publication day itself
        ("last week", "2018-02-15", "2018-W06", "week"),
        ("last month", "2018-02-15", "2018-01", "month"),
        ("next year", "2018-02-15", "2019", "year"),
        ("2016", "2018-02-15", "2016", "year"),
        ("earlier this year", "2018-02-15", "2018", "year"),
        ("Friday, Dec. 6", "2019-11-19", "2019-12-06", "day"),  # 6 Dec 2019 was a Friday
        # without one: partial, never today's year
        ("February 14", None, "--02-14", "day"),
        ("February", None, "--02", "month"),
        ("14 February 2017", None, "2017-02-14", "day"),
    ],
)
def test_normalize(text: str, published: str | None, value: str, precision: str) -> None:
    t = normalize(text, published)
    assert (t.value, t.precision) == (value, precision)


@pytest.mark.parametrize("text", ["yesterday", "last week", "on Tuesday"])
def test_relative_expressions_without_publication_date_stay_unplaced(text: str) -> None:
    assert normalize(text, None).value is None


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("the past two years", "P2Y", "duration"), ("50 years", "P50Y", "duration"),
    ("18-year", "P18Y", "duration"), ("the 1990s", "199", "date"),
    ("currently", "PRESENT_REF", "date"), ("earlier", "PAST_REF", "date"),
])
def test_durations_and_vague_expressions_are_no_calendar_date(text: str, value: str,
                                                             kind: str) -> None:
    # TimeML values, but nothing the project's calendar-only gold convention can hold
    t = normalize(text, "2019-11-19")
    assert (t.value, t.kind, calendar_value(t.value)) == (value, kind, None)


def test_ranges_keep_both_ends() -> None:
    t = normalize("7-9 February", "2018-02-15")
    assert (t.value, t.end_value) == ("2018-02-07", "2018-02-09")
    t = normalize("February 7-9", None)
    assert (t.value, t.end_value) == ("--02-07", "--02-09")


def test_anchor_says_where_the_year_came_from() -> None:
    assert normalize("February 14", "2018-02-15").anchor == "published"
    assert normalize("14 February 2017", "2018-02-15").anchor == "absolute"
    assert normalize("February 14", None).anchor == "none"


def _run(text: str, published: str | None) -> Document:
    doc = Language()(Document(id="t", source="t", text=text, published=published))
    return TimeResolver()(doc)


def test_document_times_are_found_and_provenanced() -> None:
    text = ("Officials said on Tuesday that talks held 7-9 February in Geneva failed. "
            "The minister spoke yesterday and said earlier that a vote is due next month.")
    doc = _run(text, "2018-02-15")
    found = {t.text: t.value for t in doc.times}
    assert found["Tuesday"] == "2018-02-13"
    assert found["7-9 February"] == "2018-02-07"
    assert found["yesterday"] == "2018-02-14"
    assert found["next month"] == "2018-03"
    assert "earlier" in found
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text


def test_future_tense_points_forward() -> None:
    doc = _run("Hill will testify Thursday before the committee.", "2019-11-20")
    assert [t.value for t in doc.times] == ["2019-11-21"]


def test_schedule_year_carries_over() -> None:
    text = "The tour starts June 9, 2020 in Florida, with a show on Sept. 12 in California."
    doc = _run(text, "2019-11-19")
    assert [t.value for t in doc.times] == ["2020-06-09", "2020-09-12"]


def test_seed_page_without_publication_date_stays_partial() -> None:
    from tests.places.conftest import seed_document

    doc = seed_document(published=None)
    values = {t.text: t.value for t in doc.times}
    assert values["February 14"] == "--02-14"
    assert values["February 7"] == "--02-07"


def test_seed_page_event_dates(seed_doc: Document) -> None:
    dates = {e.type: e.date.value if e.date else None for e in seed_doc.events}
    assert dates == {"DEMAND": "2018-02-14", "ASSAULT": "2018-02-07"}


def test_undated_event_keeps_no_date() -> None:
    from diurna.model import Event

    text = "Rebels attacked a checkpoint near the border."
    doc = Language()(Document(id="t", source="t", text=text, published="2018-02-15"))
    start = text.index("attacked")
    doc.events = [Event(id="e", type="ASSAULT", trigger=doc.span(start, start + 8),
                        sentence=doc.sentences[0])]
    TimeResolver()(doc)
    assert doc.events[0].date is None  # not the publication date


def test_verbal_event_takes_the_date_it_was_said() -> None:
    text = "The president said on Tuesday that China is going to have to make a deal."
    assert dated_event(text, "have to make a deal", "DEMAND") == "2019-11-19"


def test_reported_material_event_does_not_take_the_date_of_the_report() -> None:
    text = "The coalition claimed on Tuesday that it had foiled an attack on the base."
    assert dated_event(text, "attack", "ASSAULT") is None


def test_placeholder_publication_date_is_no_anchor() -> None:
    # Pages sometimes carry 0001-01-01; resolving "Tuesday" against it must not overflow.
    from diurna.time.resolver import normalize

    t = normalize("on Tuesday", "0001-01-01")
    assert t.value is None


def test_an_event_dated_after_publication_is_speculative() -> None:
    from diurna.model import Event

    for text, trigger, status in [
            ("Ministers will attend a meeting in Vienna next month.", "meeting", "speculative"),
            ("Ministers attended a meeting in Vienna last month.", "meeting", "asserted")]:
        doc = Language()(Document(id="t", source="t", text=text, published="2019-11-20"))
        start = text.index(trigger)
        doc.events = [Event(id="e", type="CONSULT", trigger=doc.span(start, start + len(trigger)),
                            sentence=doc.sentences[0])]
        TimeResolver()(doc)
        assert doc.events[0].status == status, text


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Monday 18 Nov 2019: "this weekend" early in the week is the one just gone (16-17 Nov,
        # ISO week 46); on Wednesday 20 Nov it is the coming one (23-24 Nov, week 47)
        ("this weekend", "2019-11-18", "2019-W46"),
        ("this weekend", "2019-11-20", "2019-W47"),
        # Saturday 23 Nov: "last weekend" is 16-17 Nov, not the day of writing
        ("last weekend", "2019-11-23", "2019-W46"),
        ("next weekend", "2019-11-23", "2019-W48"),
    ],
)
def test_weekends_relative_to_the_day_of_writing(text: str, published: str, value: str) -> None:
    assert normalize(text, published).value == value


@pytest.mark.parametrize(("text", "value"), [("about a month", "P1M"), ("a month", "P1M"),
                                            ("one year", "P1Y")])
def test_a_single_unit_of_time_is_a_duration(text: str, value: str) -> None:
    # "expected to sign a deal for about a month": dateparser alone reads "a month ago"
    t = normalize(text, "2019-11-19")
    assert (t.value, t.kind) == (value, "duration")


def test_an_article_the_tagger_puts_before_a_date_is_left_out() -> None:
    # spaCy sometimes tags "a Nov. 5" (of "a Nov. 5 letter") as the DATE; the article made
    # the whole expression unreadable, and the letter's date was lost
    from diurna.model import Entity
    from diurna.time.resolver import find_expressions

    text = "In a Nov. 5 letter, the doctors pleaded with the administration."
    doc = Document(id="t", source="t", text=text, published="2019-11-20")
    doc.entities = [Entity(3, 11, "a Nov. 5", label="DATE")]
    assert [s.text for s in find_expressions(doc)] == ["Nov. 5"]
    TimeResolver()(doc)
    assert [(t.text, t.value) for t in doc.times] == [("Nov. 5", "2019-11-05")]


def test_a_scheduled_date_lies_ahead() -> None:
    # published 20 Nov 2019: a Dec. 15 that is "scheduled" is December 2019, not 2018
    text = ("Trump has decided that cancelling a scheduled Dec. 15 imposition of tariffs "
            "requires concessions.")
    assert dated_event(text, "imposition", "SANCTION") == "2019-12-15"


def test_date_hung_on_a_describing_participle_dates_the_act() -> None:
    # the parser attaches "in August 2016" to "wearing"; the text dates the abduction
    text = "King and Weeks were abducted by gunmen wearing military uniforms in August 2016."
    assert dated_event(text, "abducted", "ASSAULT") == "2016-08"
