"""`/api/stats` from the pre-aggregated `event_stats` table gives the same counts as counting the
events themselves, on a store whose events have several actors and recipients (with and without
a country), undated events, events with no place, and after re-coding; an older file gets the
table when it is opened."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from diurna.api import app as api_app
from diurna.api.app import Database, _stats
from diurna.model import Actor, Document, Event, Mention, Place, TimeExpr
from diurna.store import Store
from diurna.store.query import EventQuery
from diurna.store.stats import stats_where
from tests.store.test_query import IRN, IRN_PRX, SYR_MIL, TUR, USA, assault_doc, demand_doc

IRQ = Actor("IRQ-GOV", "Iraq (government)", "IRQ", "GOV", "IRQGOV")
SYR_GOV = Actor("SYR-GOV", "Syria (government)", "SYR", "GOV", "SYRGOV")
ACTORS = [IRN, USA, SYR_MIL, IRN_PRX, TUR, IRQ, SYR_GOV]
TYPES = [("ASSAULT", None), ("DEMAND", "withdraw"), ("DEMAND", None), ("ACCUSE", None)]
PLACES = [("Aleppo", "SY", 170063), ("Baghdad", "IQ", 98182), (None, None, None)]


def random_doc(n: int, rng: random.Random) -> Document:
    """Document ``n``: one to three events, each with zero to three actors and recipients
    (a country may repeat within an event), a random type, status, date and place."""
    words = [f"party{i}" for i in range(6)]
    sentence = " ".join(words) + " met in Aleppo Baghdad on 2 May."
    published = rng.choice(["2019-03-04", "2019-05-20", "2020-01-02", None])
    doc = Document.from_paragraphs(f"doc-{n:03d}", f"x/{n}", [sentence], published=published)
    for i in range(rng.randint(1, 3)):
        type_, mode = rng.choice(TYPES)

        def mentions(k: int) -> list[Mention]:
            picks = rng.sample(range(6), k)
            return [
                Mention(
                    doc.text.index(words[p]),
                    doc.text.index(words[p]) + len(words[p]),
                    words[p],
                    actor=rng.choice(ACTORS),
                    label="ORG",
                )
                for p in picks
            ]

        name, country, gid = rng.choice(PLACES)
        start = doc.text.index(name) if name else 0
        day = doc.text.index("2 May")
        dated = rng.random() < 0.5
        doc.events.append(
            Event(
                id=f"{doc.id}:{i}",
                type=type_,
                mode=mode,
                status=rng.choice(["asserted", "claimed", "denied"]),
                trigger=doc.span(0, 6),
                sentence=doc.span(0, len(sentence)),
                actors=mentions(rng.randint(0, 3)),
                recipients=mentions(rng.randint(0, 2)),
                date=TimeExpr(day, day + 5, "2 May", value="2019-05-02", precision="day",
                              anchor="published") if dated else None,  # fmt: skip
                place=Place(start, start + len(name), name, geonameid=gid, name=name,
                            country=country, precision="city") if name else None,  # fmt: skip
            )
        )
    return doc


FILTERS: list[dict[str, str]] = [
    {},
    {"type": "ASSAULT"},
    {"type": "DEMAND,ACCUSE"},
    {"type": "DEMAND", "mode": "withdraw"},
    {"status": "claimed"},
    {"actor_country": "SYR"},
    {"actor_country": "IRN"},
    {"actor_country": "USA", "type": "ASSAULT"},
    {"recipient_country": "TUR"},
    {"recipient_country": "IRQ", "actor_country": "SYR"},
    {"actor_country": "sy", "recipient_country": "usa", "status": "asserted"},
    {"date_from": "2019-05-01"},
    {"date_to": "2019-05-02", "type": "ACCUSE"},
    {"date_from": "2019-03-01", "date_to": "2019-12-31", "actor_country": "IRQ"},
]


def both_ways(db: Path, filters: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """/api/stats of ``filters`` from event_stats and from the events (fresh caches)."""
    query = EventQuery.build(**filters)
    assert stats_where(query, always=True) is not None  # the table can answer these filters
    with monkeypatch.context() as m:
        m.setattr(api_app, "stats_where", lambda q: stats_where(q, always=True))
        cube = _stats(Database(db), query)
    with monkeypatch.context() as m:
        m.setattr(api_app, "stats_where", lambda _q: None)
        events = _stats(Database(db), query)
    return [cube, events]


def mixed_store(path: Path, seed: int) -> Path:
    """A store of the two hand-made documents and 60 random ones (events with 0-3 actors and
    recipients, some repeated or without a country)."""
    rng = random.Random(seed)
    with Store(path) as store:
        store.save(demand_doc())
        store.save(assault_doc())
        for n in range(60):
            store.save(random_doc(n, rng))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mixed_store(tmp_path_factory.mktemp("stats") / "s.db", 14)


@pytest.mark.parametrize("filters", FILTERS)
def test_stats_table_gives_the_events_counts(
    db: Path, filters: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cube, events = both_ways(db, filters, monkeypatch)
    assert cube == events
    total = len(Store(db).events(**filters))
    assert cube["events"] == total
    assert sum(cube["by_type"].values()) == total


def test_an_event_with_two_actors_of_one_country_counts_once(tmp_path: Path) -> None:
    """Checked by hand: the assault has Syrian troops and (country-less) Iran-backed forces,
    the demand has Iran; both with a US recipient."""
    path = tmp_path / "two.db"
    doc = assault_doc()
    doc.events[0].actors.append(
        Mention(0, 6, "Syrian", actor=SYR_GOV, label="NORP")  # a second Syrian actor
    )
    with Store(path) as store:
        store.save(doc)
        store.save(demand_doc())
    database = Database(path)
    assert stats_where(EventQuery(actor_country="SYR")) is not None  # from the table
    assert _stats(database, EventQuery(actor_country="SYR"))["events"] == 1
    assert _stats(database, EventQuery(recipient_country="USA"))["events"] == 2
    both = _stats(database, EventQuery(actor_country="SYR", recipient_country="TUR"))
    assert both["by_type"] == {"ASSAULT": 1}
    assert both["by_actor_country"] == {"SYR": 1}
    assert both["by_place_country"] == {"SYR": 1}
    assert _stats(database, EventQuery(actor_country="IRN"))["by_type"] == {"DEMAND": 1}


def test_recoding_and_an_older_file_keep_the_counts(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "recoded.db"
    copy.write_bytes(db.read_bytes())
    rng = random.Random(7)
    with Store(copy) as store:  # re-code ten documents with other events
        for n in range(10):
            assert store.replace(random_doc(n, rng)) == "recoded"
        assert store.replace(random_doc(99, rng)) == "stored"
    for filters in FILTERS:
        cube, events = both_ways(copy, filters, monkeypatch)
        assert cube == events, filters
    # an older file (no event_stats) gets the same table when it is opened
    con = sqlite3.connect(copy)
    kept = con.execute("SELECT * FROM event_stats ORDER BY 1,2,3,4,5,6,7,8").fetchall()
    con.execute("DROP TABLE event_stats")
    con.execute("DELETE FROM meta WHERE key = 'event_stats'")
    con.commit()
    con.close()
    Store(copy).close()
    con = sqlite3.connect(copy)
    rebuilt = con.execute("SELECT * FROM event_stats ORDER BY 1,2,3,4,5,6,7,8").fetchall()
    con.close()
    assert rebuilt == kept
    assert len(kept) > 0


def test_other_filters_count_the_events(db: Path) -> None:
    """Filters the table does not keep (sector, place, text) are counted from the events."""
    assert stats_where(EventQuery(actor_sector="PRX")) is None
    assert stats_where(EventQuery(type="AID")) is None  # the events' type index is as fast
    assert _stats(Database(db), EventQuery(actor_sector="PRX"))["events"] == len(
        Store(db).events(actor_sector="PRX")
    )
