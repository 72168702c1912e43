"""Filters of /api/clusters and /api/actors read as /api/events reads them (session 38, W13).

An analyst walking a 300-article batch found both answering an empty list, status 200, to a
value /api/events refuses or reads: ``/api/clusters?type=FOO`` (an unknown type) and
``/api/actors?country=IL`` (alpha-2, which the events' country filters convert) or
``country=Israel`` (not a code). An empty answer reads as "no such clusters/actors in the
store", so each is now what /api/events does: the same types and codes, and a 400 naming the
value otherwise.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diurna.api import create_app
from diurna.clusters.table import SCHEMA

SEED = "64b6ec22941381ce"


@pytest.fixture(scope="module")
def clustered(api_db: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A copy of the API store with two one-article clusters written by hand: the seed page's
    first DEMAND and its first ASSAULT (what ``diurna clusters`` writes, without its linker)."""
    path = tmp_path_factory.mktemp("clustered") / "api.db"
    shutil.copy(api_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute(SCHEMA)
        for type_ in ("DEMAND", "ASSAULT"):
            (event_id,) = conn.execute(
                "SELECT id FROM events WHERE doc_id = ? AND type = ? ORDER BY idx LIMIT 1",
                (SEED, type_)).fetchone()
            conn.execute("INSERT INTO event_clusters VALUES (?, ?)", (event_id, event_id))
    return TestClient(create_app(path), raise_server_exceptions=False)


def _types(client: TestClient, query: str) -> list[str]:
    answer = client.get(f"/api/clusters?min_articles=1{query}")
    assert answer.status_code == 200, answer.text
    return sorted(c["type"] for c in answer.json()["clusters"])


def test_clusters_type_takes_the_events_types_and_refuses_an_unknown_one(
    clustered: TestClient,
) -> None:
    assert _types(clustered, "") == ["ASSAULT", "DEMAND"]
    assert _types(clustered, "&type=demand") == ["DEMAND"]
    assert _types(clustered, "&type=DEMAND,ASSAULT") == ["ASSAULT", "DEMAND"]  # a comma list
    for bad in ("FOO", "DEMAND,ATACK"):
        answer = clustered.get(f"/api/clusters?type={bad}")
        assert answer.status_code == 400, answer.text
        assert "unknown event type" in answer.json()["error"]["message"]
        assert clustered.get(f"/api/events?type={bad}").status_code == 400  # one rule for both


def test_actors_country_takes_alpha2_as_the_events_filters_and_refuses_a_name(
    api_db: Path,
) -> None:
    client = TestClient(create_app(api_db), raise_server_exceptions=False)

    def ids(country: str) -> set[str]:
        answer = client.get("/api/actors", params={"country": country})
        assert answer.status_code == 200, answer.text
        return {a["id"] for a in answer.json()["actors"]}

    iranian = ids("IRN")
    assert "IRN-GOV" in iranian
    assert ids("IR") == ids("irn") == iranian  # alpha-2 and lower case, as actor_country
    answer = client.get("/api/actors", params={"country": "Iran"})
    assert answer.status_code == 400
    assert "unknown country code 'Iran'" in answer.json()["error"]["message"]
