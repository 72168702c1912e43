"""The API counts a clustered story once after `diurna duplicates` (/api/events, /api/stats,
/api/places, /api/actors), as `diurna events` and `diurna export` do; `all_copies=true` keeps
every copy; a store never grouped is served as before. Expected counts checked by hand: the
demand (Iran, Tehran) and the assault (Syrian troops and Iran-backed forces on Turkish posts
and the Americans, Aleppo, 1 March 2019), the assault stored twice."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from diurna.api import app as api_app
from diurna.api.app import Database, create_app
from diurna.duplicates import clusters as clusters_module
from diurna.duplicates.clusters import SCHEMA
from diurna.store import Store
from diurna.store.query import EventQuery
from diurna.store.stats import stats_where
from tests.api.test_event_stats import FILTERS, mixed_store
from tests.store.test_copies import group, three_documents


@pytest.fixture()
def stores(tmp_path: Path) -> dict[str, TestClient]:
    grouped = three_documents(tmp_path / "g.db")
    group(grouped)
    never = three_documents(tmp_path / "n.db")
    return {name: TestClient(create_app(path), raise_server_exceptions=False)
            for name, path in (("grouped", grouped), ("never", never))}  # fmt: skip


def get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_list_a_clustered_story_once(stores: dict[str, TestClient]) -> None:
    grouped, never = stores["grouped"], stores["never"]
    ids = sorted(e["id"] for e in get(grouped, "/api/events")["events"])
    assert ids == ["doc-assault:0", "doc-demand:0"]
    assert len(get(grouped, "/api/events?all_copies=true")["events"]) == 3
    assert len(get(never, "/api/events")["events"]) == 3  # never grouped: as before
    csv_rows = grouped.get("/api/events?format=csv&type=ASSAULT").text.strip().splitlines()
    assert len(csv_rows) == 2  # header and the one assault
    assert grouped.get("/api/events?all_copies=maybe").status_code == 400


@pytest.mark.parametrize("query", ["", "?actor_country=SYR", "?date_from=2019-01-01"])
def test_stats_count_a_clustered_story_once(stores: dict[str, TestClient], query: str) -> None:
    """Whole store (counted from the events), an actor country (from the event_stats table)
    and a date bound (from the events): each path leaves the copy out."""
    grouped, never = stores["grouped"], stores["never"]
    joiner = "&" if query else "?"
    once = get(grouped, f"/api/stats{query}")
    every = get(grouped, f"/api/stats{query}{joiner}all_copies=true")
    assert once["by_type"]["ASSAULT"] == 1 and every["by_type"]["ASSAULT"] == 2
    assert once["by_place_country"]["SYR"] == 1 and every["by_place_country"]["SYR"] == 2
    assert once["by_actor_country"]["SYR"] == 1 and every["by_actor_country"]["SYR"] == 2
    assert once["events"] == every["events"] - 1
    assert once["copies"] == every["copies"] == 1  # said either way, for the page's note
    assert get(never, f"/api/stats{query}") == {k: v for k, v in every.items() if k != "copies"}


def test_stats_whole_store_by_hand(stores: dict[str, TestClient]) -> None:
    once = get(stores["grouped"], "/api/stats")
    assert once["events"] == 2
    assert once["by_type"] == {"ASSAULT": 1, "DEMAND": 1}
    assert once["by_place_country"] == {"IRN": 1, "SYR": 1}
    assert [(p["period"], p["type"], p["n"]) for p in once["by_period"]] == [
        ("2018-02-15", "DEMAND", 1), ("2019-03-01", "ASSAULT", 1)
    ]


def test_places_and_actors_count_a_clustered_story_once(stores: dict[str, TestClient]) -> None:
    grouped, never = stores["grouped"], stores["never"]

    def place_events(client: TestClient, query: str = "") -> dict[str, int]:
        features = get(client, f"/api/places{query}")["features"]
        return {f["properties"]["name"]: f["properties"]["events"] for f in features}

    assert place_events(grouped) == {"Aleppo": 1, "Tehran": 1}
    assert place_events(grouped, "?all_copies=true") == {"Aleppo": 2, "Tehran": 1}
    assert place_events(never) == {"Aleppo": 2, "Tehran": 1}

    def syrian_military(client: TestClient, query: str = "") -> tuple[int, int]:
        actors = {a["id"]: a for a in get(client, f"/api/actors{query}")["actors"]}
        return actors["SYR-MIL"]["mentions"], actors["SYR-MIL"]["documents"]

    assert syrian_military(grouped) == (1, 1)
    assert syrian_military(grouped, "?all_copies=1") == (2, 2)
    assert syrian_military(never) == (2, 2)


def test_stats_less_the_copies_equal_the_events_without_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 62 documents, 12 of them copies: the pre-aggregated counts less the copies'
    (what /api/stats does) equal counting the events without the copies, for every filter."""
    path = mixed_store(tmp_path / "m.db", 14)
    pairs = sorted(random.Random(3).sample(range(30), 12))  # doc 2k+1 a copy of doc 2k
    with Store(path) as store, store.conn:
        store.conn.execute(SCHEMA)
        store.conn.executemany("INSERT INTO duplicates VALUES (?, ?, 0.5)", [
            (f"doc-{2 * k + i:03d}", f"doc-{2 * k:03d}") for k in pairs for i in (0, 1)])
    database = Database(path)
    monkeypatch.setattr(api_app, "stats_where", lambda q: stats_where(q, always=True))
    for filters in FILTERS:
        query = EventQuery.build(**filters)
        skip = replace(query, copies="skip")
        less = api_app._stats_counts(database, skip)  # the table's counts less the copies'
        counted = api_app._event_counts(database, skip)  # the events without the copies
        assert sorted(less["by_day"]) == sorted((d or "", t, n) for d, t, n in
                                                counted["by_day"]), filters  # fmt: skip
        assert less["place_country"] == counted["place_country"], filters
        assert less["actor_country"] == counted["actor_country"], filters
        with Store(path, readonly=True) as store:
            total = len(store.events(**filters))
        assert sum(n for _, _, n in less["by_day"]) == total, filters


def test_stats_say_how_many_copies_only_when_there_are_some(stores: dict[str, TestClient],
                                                            tmp_path: Path) -> None:
    """The page's note reads ``copies``: the one copy of the grouped store, left out or kept;
    nothing in a store never grouped, nor in one grouped that has no copy (byte for byte as
    before)."""
    grouped, never = stores["grouped"], stores["never"]
    assert get(grouped, "/api/stats")["copies"] == 1
    assert get(grouped, "/api/stats?all_copies=true")["copies"] == 1
    assert "copies" not in get(never, "/api/stats")
    alone = tmp_path / "alone.db"  # grouped, no copies: the copy's row removed
    with Store(three_documents(alone)) as store:
        store.conn.execute(SCHEMA)
        store.conn.execute("INSERT INTO duplicates VALUES ('doc-assault', 'doc-assault', 0.5)")
        store.conn.commit()
    client = TestClient(create_app(alone), raise_server_exceptions=False)
    assert client.get("/api/stats").content == never.get("/api/stats").content


def test_stats_read_the_copies_once_until_the_store_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copies are read once, not at every request (0602bab read the whole list for each
    /api/stats answer, cached or not); a new `diurna duplicates` result, written by another
    connection while the server runs, is read at the next request and changes the counts."""
    path = three_documents(tmp_path / "g.db")
    group(path)
    reads: list[int] = []
    real = api_app.duplicate_copies

    def counted(store: Any) -> set[str]:
        reads.append(1)
        return real(store)

    monkeypatch.setattr(api_app, "duplicate_copies", counted)
    database = Database(path)
    skip = replace(EventQuery.build(), copies="skip")
    typed = replace(EventQuery.build(type="ASSAULT"), copies="skip")
    answers = [api_app._stats(database, q) for q in (skip, skip, typed)]  # cached, counted
    assert len(reads) == 1
    assert answers[0]["by_type"]["ASSAULT"] == 1 and answers[1] == answers[0]
    assert answers[2]["events"] == 1
    with Store(path) as store, store.conn:  # the next run finds no copy
        store.conn.execute("DELETE FROM duplicates WHERE doc_id != cluster")
    after = api_app._stats(database, skip)
    assert after["by_type"]["ASSAULT"] == 2 and "copies" not in after
    assert len(reads) == 2


def test_event_requests_read_the_copies_once_and_see_a_new_duplicates_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/api/events, /api/places and /api/stats decide whether to leave copies out from the
    copies the Database reads once per store state (014df87 asked the store with ``has_copies``
    at every request); a `diurna duplicates` run between two requests is still seen at the
    next one. The store is the demand, the assault and its copy, grouped only halfway through."""
    path = three_documents(tmp_path / "n.db")
    asked: list[int] = []
    reads: list[int] = []
    real_has, real_read = clusters_module.has_copies, api_app.duplicate_copies

    def has(store: Any) -> bool:
        asked.append(1)
        return real_has(store)

    def read(store: Any) -> set[str]:
        reads.append(1)
        return real_read(store)

    monkeypatch.setattr(clusters_module, "has_copies", has)
    monkeypatch.setattr(api_app, "duplicate_copies", read)
    database = Database(path)
    before = [api_app._story_query(database, {"type": t}) for t in ("", "ASSAULT", "DEMAND")]
    assert [q.copies for q in before] == [None, None, None] and len(reads) == 1
    group(path)  # another connection writes the duplicates table
    after = api_app._story_query(database, {})
    assert after.copies == "skip" and len(reads) == 2
    assert api_app._story_query(database, {"all_copies": "true"}).copies is None
    assert api_app._story_query(database, {"type": "ASSAULT"}).copies == "skip"
    assert len(reads) == 2 and asked == []  # the store was not asked at each request


def test_a_duplicates_run_between_two_requests_is_served_at_the_next(tmp_path: Path) -> None:
    """Through the server: 3 events and 2 Syrian military mentions before `diurna duplicates`,
    the assault's copy left out of the very next answers after it."""
    path = three_documents(tmp_path / "n.db")
    client = TestClient(create_app(path), raise_server_exceptions=False)

    def syrian_mentions() -> int:
        actors = {a["id"]: a for a in get(client, "/api/actors")["actors"]}
        return int(actors["SYR-MIL"]["mentions"])

    assert len(get(client, "/api/events")["events"]) == 3 and syrian_mentions() == 2
    assert get(client, "/api/stats")["events"] == 3
    group(path)
    assert len(get(client, "/api/events")["events"]) == 2 and syrian_mentions() == 1
    assert get(client, "/api/stats")["events"] == 2
    assert len(get(client, "/api/events?all_copies=true")["events"]) == 3
