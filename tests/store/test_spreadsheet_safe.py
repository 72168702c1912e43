"""Every CSV Diurna writes shows a page's text in a spreadsheet as text, never as a formula:
`diurna export --to x.csv` (both column sets), the API's `format=csv` and
`diurna clusters --format csv` pass their cells through one function."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from diurna.cli import cli
from diurna.model import Actor, Document, Event, Mention, Place, TimeExpr
from diurna.store import Store
from diurna.store.export import spreadsheet_safe

# A sentence a hostile page could hold: a spreadsheet runs a cell that starts with "=".
SENTENCE = ('=HYPERLINK("http://evil.example","x") '
            "Troops attacked rebels near Aleppo on 1 March.")
TITLE = "+cmd|' /C calc'!A0"
REBELS = Actor("REB", "Rebels", None, "REB", "REB")


def formula_doc() -> Document:
    """One event whose sentence, title and actor text start formulas; a place with a negative
    longitude (a number, to be kept); a date without its year (``--03-01``)."""
    doc = Document.from_paragraphs(
        "doc-formula", "https://x.example/f", [SENTENCE, "@SUM(A1) said the troops."],
        published="2019-03-04", title=TITLE,
    )
    text = doc.text

    def span(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    doc.events.append(Event(
        id="doc-formula:0", type="ASSAULT", trigger=doc.span(*span("attacked")),
        sentence=doc.span(*span(SENTENCE)),
        actors=[Mention(*span("Troops"), "Troops", actor=REBELS, label="ORG")],
        recipients=[Mention(*span("rebels"), "rebels", actor=REBELS, label="ORG")],
        date=TimeExpr(*span("1 March"), "1 March", value="--03-01", precision="day"),
        place=Place(*span("Aleppo"), "Aleppo", geonameid=1, name="-Aleppo", country="SY",
                    lat=-36.2, lon=-37.16, feature="P.PPL", precision="city"),
    ))
    return doc


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    """A store holding the formula document alone."""
    with Store(tmp_path / "f.db") as store:
        assert store.save(formula_doc()) == "stored"
    return tmp_path / "f.db"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_a_formula_gets_a_quote(start: str) -> None:
    assert spreadsheet_safe(start + "1+1") == "'" + start + "1+1"


def test_plain_text_and_numbers_are_left_alone() -> None:
    assert spreadsheet_safe("Troops attacked") == "Troops attacked"
    assert spreadsheet_safe("3-1") == "3-1"  # only the first character counts
    assert spreadsheet_safe(-3) == -3 and spreadsheet_safe(-37.16) == -37.16
    assert spreadsheet_safe(None) is None and spreadsheet_safe("") == ""


def export_rows(db: Path, tmp_path: Path, *extra: str) -> list[dict[str, str]]:
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(out), *extra])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_csv_neutralises_formulas_and_keeps_numbers(db: Path, tmp_path: Path) -> None:
    (row,) = export_rows(db, tmp_path)
    assert row["sentence_text"] == "'" + SENTENCE
    assert row["doc_title"] == "'" + TITLE
    assert row["place_name"] == "'-Aleppo"
    assert row["date_value"] == "'--03-01"  # a spreadsheet would compute --03-01 as -2
    assert row["place_lon"] == "-37.16" and row["place_lat"] == "-36.2"  # numbers as they are
    assert row["actor_text"] == "Troops" and row["type"] == "ASSAULT"  # plain text untouched


def test_polecat_and_dyad_csv_neutralise_formulas_too(db: Path, tmp_path: Path) -> None:
    (row,) = export_rows(db, tmp_path, "--columns", "polecat")
    assert row["Event Text"] == "'" + SENTENCE and row["Headline"] == "'" + TITLE
    assert row["Longitude"] == "-37.16"
    (dyad,) = export_rows(db, tmp_path, "--dyads")
    assert dyad["sentence_text"] == "'" + SENTENCE


def test_api_csv_and_export_csv_write_the_same_cells(db: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from diurna.api.app import create_app

    (exported,) = export_rows(db, tmp_path)
    with TestClient(create_app(str(db))) as client:
        text = client.get("/api/events", params={"format": "csv"}).text
    (served,) = list(csv.DictReader(io.StringIO(text)))
    for column in ("sentence_text", "doc_title", "place_name", "date_value", "place_lon"):
        assert served[column] == exported[column], column


def test_clusters_csv_neutralises_formulas(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import diurna.clusters

    report = {"event_id": "doc-formula:0", "title": TITLE, "trigger_text": "-attacked",
              "according_to": "@police", "day": "2019-03-01"}
    cluster = {"cluster": 1, "type": "ASSAULT", "first_day": "2019-03-01",
               "last_day": "2019-03-01", "articles": 2, "sources": 2, "reports": [report]}
    monkeypatch.setattr(diurna.clusters, "clusters", lambda store, **filters: [cluster])
    out = CliRunner().invoke(cli, ["clusters", "--db", str(db), "--no-build", "--format", "csv"])
    assert out.exit_code == 0, out.output
    (row,) = list(csv.DictReader(io.StringIO(out.stdout)))
    assert (row["title"], row["trigger_text"], row["according_to"]) == (
        "'" + TITLE, "'-attacked", "'@police")
    assert row["articles"] == "2" and row["event_id"] == "doc-formula:0"
