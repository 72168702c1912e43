"""`diurna demo` and `diurna serve` as a user runs them, and the store's `day` column."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from diurna.api import create_app
from diurna.cli import cli
from diurna.model import Document


def test_demo_builds_a_database_the_page_can_show(tmp_path: Path, shared: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "3 stored" in result.output and "diurna serve" in result.output
    corpus = shared / "corpus" / "wikinews-politics-2004-2009" / "articles.jsonl"
    first = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()[:3]]
    client = TestClient(create_app(db))
    docs = client.get("/api/documents").json()["documents"]
    # Each article keeps its corpus title and publication date.
    assert sorted((d["title"], d["published"]) for d in docs) == sorted(
        (a["title"], a["published"]) for a in first
    )
    events = client.get("/api/events").json()["events"]
    assert events and all(e["event_date"] for e in events)
    # The first article (Hu Jintao lunches with Lula, 2004-11-13) is about Brazil and China.
    stats = client.get("/api/stats").json()
    assert stats["first_day"] >= "2004-11-01" and stats["last_day"] <= "2004-11-30"
    # What coded the articles is recorded, so a plain `recode` does not redo the demo.
    again = CliRunner().invoke(cli, ["recode", "--db", str(db)])
    assert again.exit_code == 0 and "nothing to re-code: 3 documents up to date" in again.stderr


def test_demo_without_its_corpus_says_where_it_looked(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    result = CliRunner().invoke(
        cli, ["demo", "--db", str(tmp_path / "d.db"), "--corpus", str(missing)]
    )
    assert result.exit_code != 0 and "nowhere.jsonl" in result.output
    assert "Traceback" not in result.output


def test_serve_without_a_database_is_one_line_naming_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: no database at {tmp_path / 'none.db'}: run `diurna demo --db "
        f"{tmp_path / 'none.db'}` or `diurna process ... --db {tmp_path / 'none.db'}`"
    )
    assert not (tmp_path / "none.db").exists()


def test_serve_on_a_port_in_use_is_one_line_saying_so(one_event_db: Path) -> None:
    """It printed "serving … at http://127.0.0.1:PORT/" and then uvicorn's ERROR line."""
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(one_event_db), "--port",
                                          str(port)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot listen on 127.0.0.1:{port}: ")
    assert "pick another --port" in result.output and "serving" not in result.output


def test_an_older_database_gains_the_day_column(tmp_path: Path, seed_doc: Document) -> None:
    from diurna.store import Store

    db = tmp_path / "old.db"
    with Store(db) as store:
        store.save(seed_doc)
    con = sqlite3.connect(db)  # make it look like a file from before `events.day`
    names = con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'events_api_%'").fetchall()
    for (name,) in names:
        con.execute(f"DROP INDEX {name}")
    con.execute("ALTER TABLE events DROP COLUMN day")
    con.commit()
    con.close()
    client = TestClient(create_app(db))
    events = client.get("/api/events").json()["events"]
    days = {(e["trigger"]["text"], e["event_date"]) for e in events}
    # "On February 14 ... called on": the event's own day; the others: the publication day.
    assert ("called on", "2018-02-14") in days and ("massing", "2018-02-15") in days
    feb7 = client.get("/api/events", params={"date_to": "2018-02-07"}).json()["events"]
    # the 7 February attack on CONICO and the coalition foiling it, a second act in the seed's
    # gold (lost in session 45, round 58; coded again since round 59)
    assert sorted(e["trigger"]["text"] for e in feb7) == ["attack", "foiled"]
    assert {e["type"] for e in feb7} == {"ASSAULT"}
