"""One reading of a day everywhere a user gives one: `--published` / `--since` on the command
line, `published` and `date_from` in the API, `published=` and `date_from=` in the library. Each
accepts and refuses the same values with the same words, in its own layer's error."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import diurna
from diurna.api.app import create_app
from diurna.cli import cli
from diurna.model import iso_day
from diurna.store import Store
from diurna.store.query import FilterError

TOKEN = "t" * 32
# Not YYYY-MM-DD, or no such day. Python's date.fromisoformat alone takes 20180215 and the ISO
# week 2018-W07 (as 12 February), which the message does not offer.
BAD = ["15/02/2018", "20180215", "2018-W07", "2018-02-31", "yesterday", "2018-02-15T10:00",
       "x" * 100]


def said(value: str) -> str:
    return f"{value[:40]!r} is not a date: use YYYY-MM-DD"


@pytest.mark.parametrize(
    ("value", "day"),
    [("2018-02-15", "2018-02-15"), (" 2018-02-15\n", "2018-02-15"),
     (date(2018, 2, 15), "2018-02-15"), (datetime(2018, 2, 15, 23, 59), "2018-02-15")],
)  # fmt: skip
def test_a_day_is_read_from_text_or_a_date(value: object, day: str) -> None:
    assert iso_day(value) == day


@pytest.mark.parametrize("value", BAD)
def test_every_layer_refuses_the_same_values_with_the_same_words(
    value: str, tmp_path: Path
) -> None:
    with pytest.raises(ValueError) as plain:
        iso_day(value)
    assert str(plain.value) == said(value)
    with pytest.raises(ValueError) as lib:
        diurna.process("Troops attacked rebels.", published=value)
    assert str(lib.value) == f"published {said(value)}"
    db = tmp_path / "d.db"
    with Store(db) as store, pytest.raises(FilterError) as filt:
        store.events(date_from=value)
    assert str(filt.value) == f"date_from {said(value)}"

    cmd = CliRunner().invoke(cli, ["process", "-", "--published", value, "--no-store"], input="")
    assert cmd.exit_code == 2 and said(value) in cmd.output  # a usage error, before any reading
    since = CliRunner().invoke(cli, ["events", "--db", str(db), "--since", value])
    # A usage error like --published's, naming the option the user typed (not the query's
    # `date_from`).
    assert since.exit_code == 2 and said(value) in since.output and "'--since'" in since.output

    api = TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    up = api.post("/api/documents", json={"text": "Troops attacked rebels.", "published": value},
                  headers=auth)
    assert up.status_code == 422 and up.json()["error"]["message"] == f"published {said(value)}"
    got = api.get("/api/events", params={"date_from": value})
    assert got.status_code == 400 and got.json()["error"]["message"] == f"date_from {said(value)}"
