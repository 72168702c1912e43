"""`diurna.Store(path).events(**filters)` / `.to_arrow()`: the rows an analyst loads, and the
filters the CLI shares with the library."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

import diurna
from diurna.cli import cli
from diurna.model import Actor, Document, Event, Mention, Place, TimeExpr
from diurna.store import Store, export_events

IRN = Actor("IRN-GOV", "Iran (government)", "IRN", "GOV", "IRNGOV")
USA = Actor("USA", "United States", "USA", None, "USA")
SYR_MIL = Actor("SYR-MIL", "Syrian military", "SYR", "MIL", "SYRMIL")
IRN_PRX = Actor("IRN-PRX", "Iran-backed forces", None, "PRX", "IRNPRX")
TUR = Actor("TUR", "Turkey", "TUR", None, "TUR")


def _mention(doc: Document, words: str, actor: Actor) -> Mention:
    start = doc.text.index(words)
    return Mention(start, start + len(words), words, actor=actor, label="ORG")


def _sentence(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


def demand_doc() -> Document:
    """Iran demands the US leave; no date in the text (published 2018-02-15); place Tehran."""
    doc = Document.from_paragraphs(
        "doc-demand",
        "/home/me/pages/demand.html",
        ["Iran called on the US to leave Syria.", "It said so in Tehran."],
        published="2018-02-15",
        title="Iran calls on US to leave",
        url="https://news.example.org/2018/iran",
        site="Example News",
    )
    trig = doc.text.index("called on")
    teh = doc.text.index("Tehran")
    doc.events.append(
        Event(
            id="doc-demand:0",
            type="DEMAND",
            mode="withdraw",
            cameo="1056",
            trigger=doc.span(trig, trig + len("called on")),
            sentence=doc.span(*_sentence(doc, "Iran called on the US to leave Syria.")),
            actors=[_mention(doc, "Iran", IRN)],
            recipients=[_mention(doc, "US", USA)],
            place=Place(
                teh,
                teh + 6,
                "Tehran",
                geonameid=112931,
                name="Tehran",
                country="IR",
                admin1="Tehran",
                lat=35.69,
                lon=51.42,
                feature="P.PPLC",
                precision="city",
            ),
        )
    )
    return doc


def assault_doc() -> Document:
    """Two attackers and two targets on 1 March 2019 near Aleppo; published later, claimed."""
    sentence = (
        "Syrian troops and Iranian-backed forces attacked Turkish posts and the Americans "
        "near Aleppo on 1 March 2019, a monitor claimed."
    )
    doc = Document.from_paragraphs(
        "doc-assault", "https://wire.example.com/a/1", [sentence], published="2019-03-04"
    )
    trig = doc.text.index("attacked")
    day = doc.text.index("1 March 2019")
    alp = doc.text.index("Aleppo")
    doc.events.append(
        Event(
            id="doc-assault:0",
            type="ASSAULT",
            cameo="19",
            status="claimed",
            contexts=["military"],
            trigger=doc.span(trig, trig + len("attacked")),
            sentence=doc.span(0, len(sentence)),
            actors=[
                _mention(doc, "Syrian troops", SYR_MIL),
                _mention(doc, "Iranian-backed forces", IRN_PRX),
            ],
            recipients=[_mention(doc, "Turkish posts", TUR), _mention(doc, "the Americans", USA)],
            date=TimeExpr(
                day,
                day + 12,
                "1 March 2019",
                value="2019-03-01",
                precision="day",
                anchor="absolute",
            ),
            place=Place(
                alp,
                alp + 6,
                "Aleppo",
                geonameid=170063,
                name="Aleppo",
                country="SY",
                lat=36.2,
                lon=37.16,
                feature="P.PPLA",
                precision="city",
            ),
        )
    )
    return doc


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.db"
    with Store(path) as store:
        store.save(demand_doc())
        store.save(assault_doc())
    return path


def ids(rows: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [r["id"] for r in rows]


def test_store_is_exported_from_the_package_and_rows_carry_their_sentence(db: Path) -> None:
    with diurna.Store(db) as store:
        rows = store.events()
    assert ids(rows) == ["doc-demand:0", "doc-assault:0"]  # by publication date
    demand, assault = rows
    assert demand["sentence_text"] == "Iran called on the US to leave Syria."
    assert assault["sentence_text"].startswith("Syrian troops and Iranian-backed forces attacked")
    assert demand["doc_title"] == "Iran calls on US to leave"
    assert demand["doc_url"] == "https://news.example.org/2018/iran"
    assert demand["doc_outlet"] == "Example News"


def test_every_actor_and_recipient_is_kept_primary_first(db: Path) -> None:
    (row,) = Store(db).events(type="ASSAULT")
    assert [a["code"] for a in row["actors"]] == ["SYRMIL", "IRNPRX"]
    assert [r["code"] for r in row["recipients"]] == ["TUR", "USA"]
    assert row["actor_code"] == "SYRMIL" and row["recipient_code"] == "TUR"
    assert row["actors"][1] == {
        "text": "Iranian-backed forces",
        "start": row["actors"][1]["start"],
        "end": row["actors"][1]["start"] + len("Iranian-backed forces"),
        "id": "IRN-PRX",
        "name": "Iran-backed forces",
        "code": "IRNPRX",
        "country": None,
        "sector": "PRX",
    }


def test_event_date_is_the_texts_day_else_the_publication_day(db: Path) -> None:
    demand, assault = Store(db).events()
    assert (demand["event_date"], demand["date_basis"]) == (date(2018, 2, 15), "publication")
    assert demand["date_value"] is None
    assert (assault["event_date"], assault["date_basis"]) == (date(2019, 3, 1), "event")
    assert assault["date_value"] == "2019-03-01" and assault["date_precision"] == "day"


def test_place_country_is_alpha3_with_alpha2_beside_it(db: Path) -> None:
    demand, assault = Store(db).events()
    assert (demand["place_country"], demand["place_country_alpha2"]) == ("IRN", "IR")
    assert (assault["place_country"], assault["place_country_alpha2"]) == ("SYR", "SY")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"type": "assault"}, ["doc-assault:0"]),
        ({"mode": "withdraw"}, ["doc-demand:0"]),
        ({"status": "claimed"}, ["doc-assault:0"]),
        ({"status": "asserted"}, ["doc-demand:0"]),
        ({"actor_country": "IRN"}, ["doc-demand:0"]),  # IRN-PRX has no country
        ({"actor_country": "SYR"}, ["doc-assault:0"]),
        ({"actor_country": "SY"}, ["doc-assault:0"]),  # alpha-2 accepted
        ({"recipient_country": "USA"}, ["doc-demand:0", "doc-assault:0"]),  # any recipient
        ({"recipient_country": "TUR"}, ["doc-assault:0"]),
        ({"actor_sector": "PRX"}, ["doc-assault:0"]),  # the second actor counts too
        ({"actor_sector": "GOV"}, ["doc-demand:0"]),
        ({"actor_id": "IRN-GOV"}, ["doc-demand:0"]),
        ({"recipient_id": "TUR"}, ["doc-assault:0"]),
        ({"date_from": "2019-01-01"}, ["doc-assault:0"]),
        ({"date_to": "2018-12-31"}, ["doc-demand:0"]),
        ({"date_from": date(2019, 3, 1), "date_to": "2019-03-01"}, ["doc-assault:0"]),
        ({"date_from": "2019-03-02", "date_to": "2019-03-04"}, []),  # published 03-04, event 03-01
        ({"doc_id": "doc-demand"}, ["doc-demand:0"]),
        ({"place": "aleppo"}, ["doc-assault:0"]),
        ({"place": "112931"}, ["doc-demand:0"]),
        ({"place": "SYR"}, ["doc-assault:0"]),
        ({"type": "DEMAND", "actor_country": "SYR"}, []),
        ({"limit": 1}, ["doc-demand:0"]),
        ({"type": None, "place": ""}, ["doc-demand:0", "doc-assault:0"]),  # unset filters
    ],
)
def test_filters(db: Path, filters: dict, expected: list[str]) -> None:  # type: ignore[type-arg]
    assert ids(Store(db).events(**filters)) == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"type": "ATACK"}, "unknown event type 'ATACK': use one of ACCUSE"),
        ({"mode": "withdraw", "type": "ASSAULT"}, "unknown mode 'withdraw' of ASSAULT"),
        ({"status": "rumoured"}, "unknown status 'rumoured'"),
        ({"actor_country": "XX"}, "unknown country code 'XX'"),
        ({"date_from": "15/02/2018"}, "use YYYY-MM-DD"),
        ({"colour": "red"}, "unknown event filter colour"),
    ],
)
def test_a_filter_that_cannot_match_is_an_error_not_zero_events(
    db: Path,
    filters: dict,  # type: ignore[type-arg]
    message: str,
) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        Store(db).events(**filters)


def test_to_arrow_is_typed(db: Path) -> None:
    table = Store(db).to_arrow(type="ASSAULT")
    assert table.num_rows == 1
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("place_geonameid").type == pa.int64()
    assert schema.field("contexts").type == pa.list_(pa.string())
    assert pa.types.is_list(schema.field("actors").type)
    row = table.to_pylist()[0]
    assert row["event_date"] == date(2019, 3, 1) and row["negated"] is False
    assert [a["name"] for a in row["actors"]] == ["Syrian military", "Iran-backed forces"]


def test_to_pandas_needs_pandas_or_says_how_to_get_it(db: Path) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install pandas"):
            Store(db).to_pandas()
        return
    frame = Store(db).to_pandas(actor_country="SYR")
    assert list(frame["id"]) == ["doc-assault:0"]


def test_reading_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(FileNotFoundError, match="no Diurna database at"):
        Store(missing, create=False)
    assert not missing.exists()
    result = CliRunner().invoke(cli, ["events", "--db", str(missing)])
    assert result.exit_code == 1 and not missing.exists()


def test_a_database_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="folder .* does not exist"):
        Store(tmp_path / "nope" / "x.db")


@pytest.mark.parametrize(
    "args",
    [
        ["--type", "assault"],
        ["--actor-country", "SYR"],
        ["--recipient-country", "USA", "--since", "2019-01-01"],
        ["--place", "Tehran"],
        ["--actor-sector", "PRX", "--status", "claimed"],
        ["--until", "2018-12-31", "--doc", "doc-demand"],
        ["--limit", "1"],
    ],
)
def test_cli_events_and_export_select_what_the_library_selects(
    db: Path, tmp_path: Path, args: list[str]
) -> None:
    names = {"--since": "date_from", "--until": "date_to", "--doc": "doc_id"}
    filters = {
        names.get(flag, flag[2:].replace("-", "_")): value
        for flag, value in zip(args[::2], args[1::2], strict=True)
    }
    if "limit" in filters:
        filters["limit"] = int(filters["limit"])
    expected = ids(Store(db).events(**filters))
    listed = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl", *args])
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == expected
    out = tmp_path / "x.jsonl"
    exported = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(out), *args])
    assert exported.exit_code == 0, exported.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == expected


@pytest.mark.parametrize("command", ["events", "export"])
@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [("--type", "ATACK", "unknown event type 'ATACK'"),
     ("--status", "rumoured", "unknown status 'rumoured'"),
     ("--actor-country", "Syria", "unknown country code 'Syria'")],
)
def test_cli_bad_filter_value_is_a_one_line_usage_error(
    db: Path, tmp_path: Path, command: str, flag: str, value: str, message: str
) -> None:
    """A filter value the store refuses is a bad value: exit status 2, as a malformed --since
    already was and as the README says ("2 on a bad option or value"); it was 1, the file
    errors' status, so a script could not tell a typo from a missing database."""
    extra = ["--to", str(tmp_path / "x.csv")] if command == "export" else []
    result = CliRunner().invoke(cli, [command, "--db", str(db), flag, value, *extra])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("command", ["events", "export"])
def test_cli_names_swapped_days_with_its_own_options(
        db: Path, tmp_path: Path, command: str) -> None:
    """--since after --until said "date_from ... is after date_to ...", names the CLI does not
    have; it now says --since and --until (the library and the API keep theirs)."""
    extra = ["--to", str(tmp_path / "x.csv")] if command == "export" else []
    result = CliRunner().invoke(cli, [command, "--db", str(db), "--since", "2018-02-15",
                                      "--until", "2018-02-01", *extra])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Error: --since 2018-02-15 is after --until 2018-02-01: swap them")


@pytest.mark.parametrize("limit", [0, -3])
def test_a_limit_below_one_is_refused_by_the_library_as_by_the_cli_and_the_api(
        db: Path, tmp_path: Path, limit: int) -> None:
    """``Store.events(limit=0)`` returned ``[]`` (and ``export_events`` wrote an empty file)
    where ``--limit 0`` and the API's ``limit=0`` are refused."""
    with Store(db) as store:
        with pytest.raises(ValueError, match=f"limit {limit} is below 1"):
            store.events(limit=limit)
        with pytest.raises(ValueError, match="below 1"):
            export_events(store, tmp_path / "x.csv", limit=limit)
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("command", ["events", "export", "quotes"])
def test_cli_doc_that_is_not_stored_is_an_error_not_an_empty_listing(
        db: Path, tmp_path: Path, command: str) -> None:
    """``--doc 64b6`` (a prefix, or a typo) listed 0 events without a word; it is now the
    error ``diurna recode --doc`` gives, and a stored id still lists its rows."""
    extra = ["--to", str(tmp_path / "x.jsonl")] if command == "export" else []
    with Store(db) as store:
        stored = store.events()[0]["doc_id"]
    bad = CliRunner().invoke(cli, [command, "--db", str(db), "--doc", stored[:4], *extra])
    assert bad.exit_code == 1
    assert bad.output.startswith(f"Error: no stored document with id {stored[:4]!r}")
    assert not (tmp_path / "x.jsonl").exists()
    good = CliRunner().invoke(cli, [command, "--db", str(db), "--doc", stored, *extra])
    assert good.exit_code == 0, good.output


def test_cli_export_to_an_unknown_suffix_is_a_usage_error_and_a_missing_folder_a_file_error(
    db: Path, tmp_path: Path
) -> None:
    """``--to events.xlsx`` and ``--dyads --columns polecat`` are bad values (2); ``--to`` into
    a missing folder is a file error (1)."""
    bad = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(tmp_path / "e.xlsx")])
    assert bad.exit_code == 2 and "must end in .csv, .parquet or .jsonl" in bad.output
    both = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(tmp_path / "e.csv"),
                                    "--dyads", "--columns", "polecat"])
    assert both.exit_code == 2 and "drop --columns polecat" in both.output
    missing = tmp_path / "no-such-folder" / "e.csv"
    gone = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(missing)])
    assert gone.exit_code == 1 and "does not exist; create it first" in gone.output


def test_seed_page_assault_keeps_the_syrian_arab_army(tmp_path: Path, seed_doc: Document) -> None:
    """The issue's example: the coalition's claim names Iranian-backed forces *and* the SAA."""
    with Store(tmp_path / "seed.db") as store:
        store.save(seed_doc)
        rows = store.events(type="ASSAULT", status="claimed")
    assert rows, "the seed page's claimed ASSAULT"
    actors = {(a["text"], a["code"]) for r in rows for a in r["actors"]}
    assert ("Syrian Arab Army", "SYRMIL") in actors
    assert ("Iranian-backed forces", "IRNPRX") in actors
    assert all(r["sentence_text"].endswith("February 7.") for r in rows)


def test_dyads_give_one_flat_row_per_actor_recipient_pair(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.parquet"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(out), "--dyads"])
    assert result.exit_code == 0, result.output
    assert "5 actor-recipient rows" in result.stderr  # DEMAND 1×1 + ASSAULT 2×2
    import pyarrow.parquet as pq

    rows = pq.read_table(out).to_pylist()
    pairs = [(r["id"], r["actor_code"], r["recipient_code"]) for r in rows]
    assert pairs == [
        ("doc-demand:0", "IRNGOV", "USA"),
        ("doc-assault:0", "SYRMIL", "TUR"),
        ("doc-assault:0", "SYRMIL", "USA"),
        ("doc-assault:0", "IRNPRX", "TUR"),
        ("doc-assault:0", "IRNPRX", "USA"),
    ]
    assert "actors" not in rows[0] and rows[3]["actor_text"] == "Iranian-backed forces"
    # 59 columns: an event row's 61 without its two list columns, actors and recipients
    assert len(rows[0]) == 59 and "recipients" not in rows[0]
    doc = (Path(__file__).parents[2] / "docs" / "data.md").read_text(encoding="utf-8")
    assert "`diurna export --dyads` writes 59 columns, not 61" in doc


def test_polecat_export_names_the_outlet_url_and_sentence(db: Path, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "p.csv"
    export_events(Store(db), out, columns="polecat")
    demand, assault = list(csv.DictReader(out.open(encoding="utf-8")))
    assert demand["Source"] == "Example News"  # the outlet, never the local path
    assert demand["URL"] == "https://news.example.org/2018/iran"
    assert assault["Source"] == "wire.example.com"  # no site name: the URL's host
    assert demand["Event Text"] == "Iran called on the US to leave Syria."
    assert assault["Actor Name"] == "Syrian military;Iran-backed forces"
    assert assault["Actor Country"] == "SYR;"  # IRN-PRX has no country: its place stays empty
    assert assault["Recipient Country"] == "TUR;USA"
    assert demand["Country"] == "IRN" and assault["Country"] == "SYR"
    assert (demand["Event Date"], demand["Date Basis"]) == ("2018-02-15", "publication")
    assert (assault["Event Date"], assault["Date Basis"]) == ("2019-03-01", "event")


def test_csv_keeps_lists_as_json_arrays_and_booleans_as_words(db: Path, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "e.csv"
    export_events(Store(db), out, type="ASSAULT")
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert json.loads(row["contexts"]) == ["military"]
    assert [a["code"] for a in json.loads(row["actors"])] == ["SYRMIL", "IRNPRX"]
    assert row["negated"] == "false" and row["event_date"] == "2019-03-01"


def test_export_to_a_missing_folder_is_a_one_line_error(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "e.csv"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: cannot export to {out}: folder {out.parent} does not exist; create it first"
    ]


def test_pandas_frame_is_typed(db: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = Store(db).to_pandas()
    assert list(frame["id"]) == ["doc-demand:0", "doc-assault:0"]
    assert frame["negated"].dtype == bool
    assert frame.loc[1, "event_date"] == date(2019, 3, 1)
    assert [a["code"] for a in frame.loc[1, "actors"]] == ["SYRMIL", "IRNPRX"]
    assert pd.isna(frame.loc[0, "date_value"])


def test_duckdb_reads_the_parquet_export_with_its_lists(db: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "e.parquet"
    export_events(Store(db), out)
    rows = duckdb.sql(
        f"SELECT id, a.code FROM read_parquet('{out}'), unnest(actors) AS t(a) "
        "WHERE event_date >= DATE '2019-01-01' ORDER BY 2"
    ).fetchall()
    assert rows == [("doc-assault:0", "IRNPRX"), ("doc-assault:0", "SYRMIL")]


def test_polecat_parquet_has_one_schema_whatever_rows_it_holds(db: Path, tmp_path: Path) -> None:
    """Monthly POLECAT-like Parquet files must concatenate: a file's column types may not
    depend on its rows. Before session 38 they were inferred, so the ASSAULT export (no mode,
    no division) had ``null``-typed ``Event Mode`` and ``State``, and an export with no rows had
    every column as text, ``Event Date`` and ``Latitude`` included."""
    import pyarrow.parquet as pq

    schemas = {}
    for name, filters in (("all", {}), ("assault", {"type": "ASSAULT"}),
                          ("none", {"date_from": "2030-01-01"})):
        out = tmp_path / f"{name}.parquet"
        export_events(Store(db), out, columns="polecat", **filters)
        schemas[name] = pq.read_schema(out)
    assert schemas["all"] == schemas["assault"] == schemas["none"]
    types = {f.name: str(f.type) for f in schemas["none"]}
    assert (types["Event Date"], types["Latitude"], types["GeoNames ID"]) == (
        "date32[day]", "double", "int64")
    assert types["State"] == types["Event Mode"] == types["Publication Date"] == "string"
    assert pq.read_table(tmp_path / "assault.parquet").column("State").to_pylist() == [None]
