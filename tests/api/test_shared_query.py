"""One meaning for every event filter: the API, `Store.events()` and `diurna events` select the
same rows and refuse the same values, because all three go through the store's query layer (and
its indexed `event_actors` table for the actor filters)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from diurna.api import create_app
from diurna.cli import cli
from diurna.store import Store
from tests.store.test_query import assault_doc, demand_doc

# Filter sets a user asks for, each with the events it must select (checked by hand against the
# two documents of tests/store/test_query.py: Iran's DEMAND to the US, and the ASSAULT by Syrian
# troops *and* Iran-backed forces on Turkish posts *and* the Americans).
CASES: list[tuple[dict[str, str], set[str]]] = [
    ({}, {"doc-demand:0", "doc-assault:0"}),
    ({"type": "ASSAULT"}, {"doc-assault:0"}),
    ({"type": "assault,demand"}, {"doc-demand:0", "doc-assault:0"}),
    ({"actor_country": "SYR"}, {"doc-assault:0"}),
    ({"actor_country": "sy"}, {"doc-assault:0"}),  # alpha-2, any case
    ({"recipient_country": "USA"}, {"doc-demand:0", "doc-assault:0"}),  # the 2nd recipient too
    ({"recipient_country": "TUR"}, {"doc-assault:0"}),
    ({"actor_sector": "prx"}, {"doc-assault:0"}),  # the second actor (no country) counts
    ({"actor_id": "IRN-PRX"}, {"doc-assault:0"}),  # dictionary id ...
    ({"actor_id": "IRNPRX"}, {"doc-assault:0"}),  # ... or CAMEO code
    ({"recipient_id": "USA"}, {"doc-demand:0", "doc-assault:0"}),
    ({"actor_country": "USA"}, set()),  # the US is only ever a recipient here
    ({"date_from": "2019-03-01", "date_to": "2019-03-01"}, {"doc-assault:0"}),
    ({"date_to": "2018-12-31"}, {"doc-demand:0"}),
    ({"status": "claimed"}, {"doc-assault:0"}),
    ({"place": "SYR"}, {"doc-assault:0"}),
    ({"place": "112931"}, {"doc-demand:0"}),
    ({"doc_id": "doc-demand"}, {"doc-demand:0"}),
    ({"bbox": "36,35,38,37"}, {"doc-assault:0"}),  # around Aleppo
    ({"q": "CALLED ON"}, {"doc-demand:0"}),
    ({"type": "DEMAND", "recipient_country": "USA", "actor_sector": "GOV"}, {"doc-demand:0"}),
]
BAD: list[dict[str, str]] = [
    {"type": "ATACK"},
    {"mode": "nonsense"},
    {"status": "rumoured"},
    {"actor_country": "XXX"},
    {"date_from": "2019-13-01"},
    {"date_from": "2019-03-02", "date_to": "2019-03-01"},
    {"bbox": "1,2,3"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shared") / "q.db"
    with Store(path) as store:
        store.save(demand_doc())
        store.save(assault_doc())
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


@pytest.mark.parametrize(("filters", "expected"), CASES)
def test_api_library_and_cli_select_the_same_events(
    db: Path, client: TestClient, filters: dict[str, str], expected: set[str]
) -> None:
    library = {r["id"] for r in Store(db).events(**filters)}
    resp = client.get("/api/events", params=filters)
    assert resp.status_code == 200, resp.text
    api = {e["id"] for e in resp.json()["events"]}
    assert library == api == expected
    stats = client.get("/api/stats", params=filters).json()
    assert stats["events"] == len(expected)


@pytest.mark.parametrize(
    ("option", "name"),
    [("--actor-country", "actor_country"), ("--actor-sector", "actor_sector"),
     ("--recipient-id", "recipient_id"), ("--type", "type")],
)  # fmt: skip
def test_cli_takes_the_same_values(db: Path, tmp_path: Path, option: str, name: str) -> None:
    for filters, expected in CASES:
        if set(filters) != {name}:
            continue
        out = tmp_path / "e.jsonl"
        args = ["export", "--db", str(db), "--to", str(out), option, filters[name]]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        got = {json.loads(line)["id"] for line in out.read_text().splitlines() if line.strip()}
        assert got == expected, filters


@pytest.mark.parametrize("filters", BAD)
def test_api_and_library_refuse_the_same_values(
    db: Path, client: TestClient, filters: dict[str, str]
) -> None:
    with pytest.raises(ValueError) as err:
        Store(db).events(**filters)
    resp = client.get("/api/events", params=filters)
    assert resp.status_code == 400
    assert resp.json()["error"]["message"] == str(err.value)


def test_event_actors_are_filled_for_an_older_database(db: Path, tmp_path: Path) -> None:
    """A file written before `event_actors` existed gets its rows when it is opened."""
    old = tmp_path / "old.db"
    old.write_bytes(db.read_bytes())
    con = sqlite3.connect(old)
    con.execute("DROP TABLE event_actors")
    con.execute("DELETE FROM meta WHERE key = 'event_derived'")
    con.commit()
    con.close()
    with Store(old) as store:
        assert store.count("event_actors") == 6  # 1+1 for the demand, 2+2 for the assault
        assert {r["id"] for r in store.events(actor_sector="PRX")} == {"doc-assault:0"}


def test_recoding_replaces_the_event_actors_rows(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    path.write_bytes(db.read_bytes())
    doc = assault_doc()
    doc.events[0].actors = doc.events[0].actors[:1]  # the new coding drops Iran-backed forces
    with Store(path) as store:
        assert store.replace(doc) == "recoded"
        assert store.count("event_actors") == 5
        assert store.events(actor_sector="PRX") == []


def test_rows_loaded_from_parquet_get_the_same_derived_rows(db: Path, tmp_path: Path) -> None:
    """`Store.save_rows` (a distributed run's output) writes what `Store.save` writes, in
    whatever order the tables come."""
    from diurna.store.sqlite import document_rows

    doc = assault_doc()
    rows = document_rows(doc)
    events_first = {"events": rows.pop("events"), **rows}
    path = tmp_path / "p.db"
    with Store(path) as store:
        assert store.save_rows(events_first) == "stored"
        loaded = store.conn.execute("SELECT json FROM event_json").fetchall()
        assert store.count("event_actors") == 4
    with Store(db) as saved:
        expected = saved.conn.execute(
            "SELECT json FROM event_json WHERE event_id = 'doc-assault:0'"
        ).fetchall()
    assert loaded == expected
    assert json.loads(loaded[0][0])["document"]["published"] == "2019-03-04"
