"""JSON and JSONL event pages come from one SQL row (`events.page_blobs`: SQLite joins the
stored blobs, with each event's cluster and copy spliced on) and must give exactly the bytes,
order and cursors of the per-row reader (`events.page` and `event_json`), walk every matching
event once in the asked order, and answer the same query with the same bytes every time."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from diurna.api import create_app
from diurna.api import events as ev
from diurna.store.query import EventQuery
from tests.api.test_event_stats import FILTERS, mixed_store

SORTS = ["date", "-date", "type", "-type"]
MORE_FILTERS: list[dict[str, str]] = [
    *FILTERS,
    {"bbox": "36,35,38,37"},  # around Aleppo only
    {"q": "Baghdad"},  # text search joins the document
    {"type": "AGREE"},  # matches nothing
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mixed_store(tmp_path_factory.mktemp("blobs") / "b.db", 1414)


def expected_ids(conn: sqlite3.Connection, filters: dict[str, str], sort: str) -> list[str]:
    """The matching event ids sorted in Python by (sort key, id), as the API promises."""
    key, desc = ev.parse_sort(sort)
    where, params = EventQuery.build(**filters).where()
    rows = conn.execute(
        f"SELECT {ev.SORTS[key]}, e.id{ev.source(EventQuery.build(**filters))}{where}", params
    ).fetchall()
    return [r[1] for r in sorted(rows, reverse=desc)]


@pytest.mark.parametrize("filters", MORE_FILTERS, ids=lambda f: "&".join(map("=".join, f.items())))
def test_one_row_pages_equal_the_row_pages_and_walk_every_event(
    db: Path, filters: dict[str, str]
) -> None:
    conn = sqlite3.connect(db)
    query = EventQuery.build(**filters)
    for sort in SORTS:
        want = expected_ids(conn, filters, sort)
        for limit in (1, 3, 7, 100):
            walked: list[str] = []
            cursor: str | None = None
            for _ in range(len(want) + 2):
                rows, nxt_rows = ev.page(conn, query, sort=sort, limit=limit, cursor=cursor)
                body, nxt = ev.page_blobs(conn, query, sort=sort, limit=limit, cursor=cursor)
                assert body == b",".join(orjson.dumps(ev.event_json(r)) for r in rows), (
                    filters, sort, limit)
                assert nxt == nxt_rows
                walked += [e["id"] for e in json.loads(b"[" + body + b"]")]
                if nxt is None:
                    break
                cursor = nxt
            assert walked == want, (filters, sort, limit)


def test_the_same_query_gives_the_same_bytes(db: Path) -> None:
    client = TestClient(create_app(db))
    url = "/api/events?actor_country=SYR&sort=-date&limit=5"
    first = client.get(url)
    assert first.status_code == 200
    assert all(client.get(url).content == first.content for _ in range(3))
    page = first.json()
    assert len(page["events"]) == 5 and page["next"] == first.headers["x-next-cursor"]
    second = client.get(url + "&cursor=" + page["next"]).json()
    assert not {e["id"] for e in page["events"]} & {e["id"] for e in second["events"]}

    lines = client.get(url + "&format=jsonl")
    assert lines.headers["x-next-cursor"] == page["next"]
    assert lines.content.endswith(b"\n")
    assert [json.loads(x) for x in lines.content.splitlines()] == page["events"]


def test_an_empty_page(db: Path) -> None:
    client = TestClient(create_app(db))
    got = client.get("/api/events?type=AGREE")
    assert got.status_code == 200 and got.content == b'{"events":[],"next":null}'
    assert "x-next-cursor" not in got.headers
    assert client.get("/api/events?type=AGREE&format=jsonl").content == b""
