"""The store keeps each document once, records rejections, and exports with provenance."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from diurna.model import Actor, Document, Event, Mention, Place, TimeExpr
from diurna.store import Store, export_events

IRN = Actor("IRN", "Iran", "IRN", None, "IRN")
USA = Actor("USA", "United States", "USA", None, "USA")


def make_doc(doc_id: str = "d1") -> Document:
    doc = Document.from_paragraphs(
        doc_id,
        "test.txt",
        ["Iran called on the US to leave Syria.", "It said so in Tehran."],
        published="2018-02-15",
    )
    text = doc.text
    trig = doc.span(text.index("called on"), text.index("called on") + len("called on"))
    iran = Mention(0, 4, "Iran", actor=IRN, label="GPE")
    us = Mention(text.index("US"), text.index("US") + 2, "US", actor=USA, label="GPE")
    teh = text.index("Tehran")
    place = Place(
        teh,
        teh + 6,
        "Tehran",
        geonameid=112931,
        name="Tehran",
        country="IR",
        lat=35.69,
        lon=51.42,
        feature="P.PPLC",
        precision="city",
    )
    doc.events.append(
        Event(
            id=f"{doc_id}:0",
            type="DEMAND",
            mode="withdraw",
            cameo="1056",
            trigger=trig,
            sentence=doc.span(0, text.index(".") + 1),
            actors=[iran],
            recipients=[us],
            date=None,
            place=place,
        )
    )
    doc.times.append(TimeExpr(0, 4, "Iran", value=None))  # odd but legal: offsets are what matter
    return doc


def test_same_document_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        assert store.save(make_doc()) == "stored"
        assert store.save(make_doc()) == "duplicate"
        assert store.count("documents") == 1
        assert store.count("events") == 1


def test_rejection_is_recorded_and_never_replaces_a_stored_document(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save(make_doc())
        bad = Document(id="d1", source="again.txt", rejected="pipeline_error")
        assert store.save(bad) == "rejected"
        assert store.count("documents") == 1
        assert store.document_text("d1") == make_doc().text
        assert [r["reason"] for r in store.rejections()] == ["pipeline_error"]


def test_stored_offsets_point_into_stored_text(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save(make_doc())
        text = store.document_text("d1")
        assert text is not None
        (ev,) = store.events()
        assert text[ev["trigger_start"] : ev["trigger_end"]] == "called on"
        assert text[ev["actor_start"] : ev["actor_end"]] == "Iran"
        assert text[ev["place_start"] : ev["place_end"]] == "Tehran"


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_export_formats_carry_event_and_provenance(tmp_path: Path, suffix: str) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save(make_doc())
        out = tmp_path / f"events.{suffix}"
        assert export_events(store, out) == 1
    if suffix == "csv":
        rows = list(csv.DictReader(out.open()))
    elif suffix == "jsonl":
        rows = [json.loads(line) for line in out.open()]
    else:
        rows = pq.read_table(out).to_pylist()
    (row,) = rows
    assert row["type"] == "DEMAND" and row["actor_code"] == "IRN" and row["recipient_code"] == "USA"
    assert str(row["place_geonameid"]) == "112931"
    assert str(row["trigger_start"]) == str(make_doc().text.index("called on"))
    assert row["doc_id"] == "d1"


def test_polecat_columns(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save(make_doc())
        export_events(store, tmp_path / "p.csv", columns="polecat")
    (row,) = list(csv.DictReader((tmp_path / "p.csv").open()))
    assert row["Event Type"] == "DEMAND" and row["Event Mode"] == "withdraw"
    assert row["Actor Country"] == "IRN" and row["Recipient Country"] == "USA"
    assert row["GeoNames ID"] == "112931" and row["Story ID"] == "d1"


def test_export_refuses_unknown_suffix(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store, pytest.raises(ValueError, match=r"\.csv, \.parquet"):
        export_events(store, tmp_path / "events.xlsx")


def test_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ValueError, match="not a Diurna database"):
        Store(bogus)


@pytest.mark.parametrize("opening", [
    {"create": True}, {"create": False}, {"create": False, "readonly": True}])
def test_another_programs_sqlite_file_is_refused_and_left_unchanged(
        tmp_path: Path, opening: dict[str, bool]) -> None:
    """``diurna events --db theirs.db`` on a SQLite file of another program wrote Diurna's
    tables into it (and set WAL mode), then listed 0 events; ``diurna process --db`` did the
    same. The file is now refused, byte for byte as it was."""
    import sqlite3

    theirs = tmp_path / "theirs.db"
    conn = sqlite3.connect(theirs)
    conn.execute("CREATE TABLE accounts (id INTEGER, name TEXT)")
    conn.execute("INSERT INTO accounts VALUES (1, 'a')")
    conn.commit()
    conn.close()
    before = theirs.read_bytes()
    with pytest.raises(ValueError, match=r"not a Diurna database: it holds other tables "
                                         r"\(accounts\)") as err:
        Store(theirs, **opening)
    assert "nothing was written" in str(err.value)
    assert theirs.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs.db"]


def test_an_empty_sqlite_file_still_becomes_a_store(tmp_path: Path) -> None:
    """A 0-byte file, or a SQLite file with no table yet, is made a store as before."""
    import sqlite3

    empty = tmp_path / "empty.db"
    empty.touch()
    sqlite3.connect(tmp_path / "blank.db").close()
    for path in (empty, tmp_path / "blank.db"):
        with Store(path) as store:
            store.save(make_doc("d1"))
            assert store.count("documents") == 1


def test_a_folder_given_as_the_store_is_named_as_a_folder(tmp_path: Path) -> None:
    """``--db`` pointing at a folder was "not a Diurna database" for a writer and "run
    `diurna process ... --db FOLDER` first" for a reader, whose advice fails the same way: both
    now say it is a folder and name a file to pass instead."""
    for create in (True, False):
        with pytest.raises(IsADirectoryError, match="is a folder, not a database file") as err:
            Store(tmp_path, create=create)
        assert f"--db {tmp_path / 'diurna.db'}" in str(err.value)
    with pytest.raises(IsADirectoryError, match="is a folder"):
        Store(tmp_path, create=False, readonly=True)


def test_every_extracted_kind_is_stored_with_offsets_into_the_stored_text(
    tmp_path: Path, seed_doc: Document
) -> None:
    with Store(tmp_path / "t.db") as store:
        store.save(seed_doc)
        text = store.document_text(seed_doc.id)
        assert text == seed_doc.text
        expected = {
            "comments": seed_doc.comments,
            "entities": seed_doc.entities,
            "mentions": seed_doc.mentions,
            "quotes": seed_doc.quotes,
            "times": seed_doc.times,
            "places": seed_doc.places + seed_doc.headline_places,
            "events": seed_doc.events,
        }
        for table, items in expected.items():
            assert items, table
            assert store.count(table) == len(items), table
        for table in ("entities", "mentions", "quotes", "times"):
            rows = store.conn.execute(f'SELECT start, "end", text FROM {table}').fetchall()
            assert all(text[s:e] == t for s, e, t in rows), table
        places = store.conn.execute('SELECT field, start, "end", text FROM places').fetchall()
        assert {f for f, *_ in places} == {"body", "title", "dek"}
        assert all(seed_doc.field_text(f)[s:e] == t for f, s, e, t in places)
        speakers = store.conn.execute(
            "SELECT speaker_start, speaker_end, speaker_text FROM quotes "
            "WHERE speaker_text IS NOT NULL"
        ).fetchall()
        assert speakers and all(text[s:e] == t for s, e, t in speakers)
        (author,) = store.conn.execute("SELECT author FROM comments WHERE parent = 2").fetchone()
        assert author == "wwinsti"


def _old_times_table(path: Path, extra: str = "") -> Path:
    """A database file whose ``times`` table an older Diurna made (``extra``: its later
    columns, e.g. ``kind TEXT, ``)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute('CREATE TABLE times (doc_id TEXT, idx INTEGER, start INTEGER, "end" INTEGER, '
                 "text TEXT, value TEXT, precision TEXT, end_value TEXT, anchor TEXT, "
                 f"{extra}PRIMARY KEY (doc_id, idx))")
    conn.commit()
    conn.close()
    return path


def test_a_database_from_before_time_kinds_gains_the_kind_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from diurna.store import Store

    path = _old_times_table(tmp_path / "old.db")
    with Store(path) as store:
        cols = {row[1] for row in store.conn.execute("PRAGMA table_info(times)")}
    assert "kind" in cols


def test_a_database_from_before_source_kinds_gains_them_and_stores_them(tmp_path: Path) -> None:
    import sqlite3

    from diurna.model import Quote

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute('CREATE TABLE quotes (doc_id TEXT, idx INTEGER, start INTEGER, "end" INTEGER, '
                 "text TEXT, kind TEXT, speaker_text TEXT, speaker_start INTEGER, "
                 "speaker_end INTEGER, speaker_cameo TEXT, cue_text TEXT, cue_start INTEGER, "
                 "cue_end INTEGER, sources TEXT, PRIMARY KEY (doc_id, idx))")
    conn.commit()
    conn.close()
    doc = make_doc()
    text = doc.text
    cue = doc.span(text.index("said"), text.index("said") + 4)
    parts = [doc.span(0, 4), doc.span(5, 11)]
    doc.quotes.append(Quote(0, 11, text[:11], kind="direct", cue=cue, source_kind="document",
                            parts=parts))
    with Store(path) as store:
        store.save(doc)
        kind, stored_parts = store.conn.execute(
            "SELECT source_kind, parts FROM quotes").fetchone()
    assert kind == "document"
    assert [(p["start"], p["end"], p["text"]) for p in json.loads(stored_parts)] == [
        (0, 4, "Iran"), (5, 11, "called")]


def test_a_length_keeps_the_day_it_reaches_in_the_times_table(tmp_path: Path) -> None:
    # "three days later" is stored as the length P3D over "three days" and, beside it, the
    # day the narrative reaches over the whole phrase (an older file gains the columns)
    path = _old_times_table(tmp_path / "old.db", "kind TEXT, ")
    doc = Document(id="d9", source="t", text="Three days later, Iran left.", published="2018-02-15")
    reached = TimeExpr(0, 16, "Three days later", value="2018-02-12", precision="day",
                       anchor="published")
    doc.times.append(TimeExpr(0, 10, "Three days", value="P3D", kind="duration",
                              end_point=reached))
    with Store(path) as store:
        store.save(doc)
        row = store.conn.execute(
            "SELECT text, value, kind, end_point_value, end_point_precision, end_point_text, "
            "end_point_start, end_point_end FROM times").fetchone()
    assert row == ("Three days", "P3D", "duration", "2018-02-12", "day", "Three days later",
                   0, 16)
    assert doc.to_dict()["times"][0]["end_point"]["value"] == "2018-02-12"


def test_a_stage_failure_is_stored_with_its_stage(tmp_path: Path) -> None:
    """`diurna rejections` says where Diurna's own code raised; a page the reader turned away
    has no stage (its reason says why)."""
    failed = Document(id="d2", source="a.txt", rejected="pipeline_error")
    failed.meta.update(error="RuntimeError: broke", stage="time")
    turned_away = Document(id="d3", source="b.png", rejected="binary")
    with Store(tmp_path / "t.db") as store:
        store.save(failed)
        store.save(turned_away)
        rows = {r["source"]: (r["reason"], r["detail"], r["stage"]) for r in store.rejections()}
    assert rows == {"a.txt": ("pipeline_error", "RuntimeError: broke", "time"),
                    "b.png": ("binary", None, None)}


def test_rows_the_store_cannot_write_are_a_store_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document whose rows the store's own code fails on is rolled back whole and recorded
    as a `store_error` rejection of stage `store`; the next document is stored as usual."""
    import diurna.store.sqlite as sq

    real = sq.document_rows

    def broken(doc: Document) -> dict[str, list[dict[str, object]]]:
        if doc.id == "bad":
            raise TypeError("cannot write this")
        return real(doc)

    monkeypatch.setattr(sq, "document_rows", broken)
    with Store(tmp_path / "t.db") as store:
        assert store.save(make_doc("bad")) == "rejected"
        assert store.save(make_doc("good")) == "stored"
        assert [r[0] for r in store.conn.execute("SELECT id FROM documents")] == ["good"]
        assert [r[0] for r in store.conn.execute("SELECT doc_id FROM codings")] == ["good"]
        assert [(r["doc_id"], r["reason"], r["detail"], r["stage"])
                for r in store.rejections()] == [
            ("bad", "store_error", "TypeError: cannot write this", "store")]


def _old_rejections_table(path: Path) -> Path:
    """A database file whose ``rejections`` table a Diurna from before the stage was recorded
    made (its schema as it was), holding one rejection."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE rejections (doc_id TEXT, source TEXT, reason TEXT, detail TEXT, "
                 "rejected_at TEXT, PRIMARY KEY (doc_id, source))")
    conn.execute("INSERT INTO rejections VALUES ('d9', 'old.png', 'binary', "
                 "'old.png: a PNG image', '2026-11-01T10:00:00+00:00')")
    conn.commit()
    conn.close()
    return path


def test_a_database_from_before_stages_keeps_its_rejections_and_gains_the_column(
    tmp_path: Path,
) -> None:
    path = _old_rejections_table(tmp_path / "old.db")
    failed = Document(id="d2", source="a.txt", rejected="pipeline_error")
    failed.meta.update(error="RuntimeError: broke", stage="places")
    with Store(path) as store:
        store.save(failed)
        rows = [(r["doc_id"], r["source"], r["reason"], r["detail"], r["rejected_at"], r["stage"])
                for r in store.rejections()]
    assert rows[0] == ("d9", "old.png", "binary", "old.png: a PNG image",
                       "2026-11-01T10:00:00+00:00", None)
    assert rows[1][:4] == ("d2", "a.txt", "pipeline_error", "RuntimeError: broke")
    assert rows[1][5] == "places"


def test_processes_opening_a_database_from_before_stages_at_once_all_open_it(
    tmp_path: Path,
) -> None:
    """Two batches started on one older file at once must both open it: each added the missing
    column after its own look, and the later one failed with "duplicate column name" (reported
    as "not a Diurna database"). Threads stand in for processes: each opens its own connection."""
    import sqlite3
    import threading

    for attempt in range(20):  # a race: before the fix 3 runs in 4 failed
        path = _old_rejections_table(tmp_path / f"old{attempt}.db")
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")  # as every Diurna store is
        conn.close()
        start = threading.Barrier(4)
        errors: list[BaseException] = []

        def open_store(path: Path = path, start: threading.Barrier = start,
                       errors: list[BaseException] = errors) -> None:
            start.wait()
            try:
                Store(path).close()
            except BaseException as err:  # collected: an exception in a thread is lost
                errors.append(err)

        threads = [threading.Thread(target=open_store) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with Store(path) as store:
            assert [r["stage"] for r in store.rejections()] == [None]


@pytest.mark.parametrize("made_by", ["this Diurna", "a Diurna from before stages"])
def test_a_read_only_store_is_named_as_read_only_not_as_foreign(
    tmp_path: Path, read_only_files: Callable[[], None], made_by: str
) -> None:
    """Opening a store writes to it (its schema; an older file gains the rejections' stage
    column), so a file the user may not write is an error that says so and what to do; an older
    file was called "not a Diurna database", which sends the user looking for another file."""
    path = tmp_path / "store.db"
    if made_by == "this Diurna":
        Store(path).close()
    else:
        _old_rejections_table(path)
    read_only_files()
    with pytest.raises(PermissionError, match="read-only") as err:
        Store(path, create=False)
    assert str(path) in str(err.value) and "writable" in str(err.value)


def test_a_reader_opens_a_current_store_read_only_and_writes_nothing(
    tmp_path: Path, read_only_files: Callable[[], None]
) -> None:
    """``Store(readonly=True)`` reads a read-only file of this version (opening always wrote to
    it, so it failed); the file's bytes stay as they were, and a write through it is refused."""
    import sqlite3

    path = tmp_path / "store.db"
    with Store(path) as store:
        store.save(make_doc("d1"))
    before = path.read_bytes()
    read_only_files()
    with Store(path, create=False, readonly=True) as store:
        assert store.readonly
        assert [e["doc_id"] for e in store.events()] == ["d1"] * len(store.events())
        assert store.count("documents") == 1 and store.rejections() == []
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.save(make_doc("d2"))
    assert path.read_bytes() == before


def test_a_reader_migrates_an_older_writable_store_and_names_a_read_only_one(
    tmp_path: Path, read_only_files: Callable[[], None]
) -> None:
    """A file an older Diurna made needs one writable open: a reader gives it that when it can
    (and reads it read-only from then on), and when the file is read-only says so and what to
    do, rather than failing on the first query."""
    path = _old_rejections_table(tmp_path / "old.db")
    copy = tmp_path / "old-copy.db"
    copy.write_bytes(path.read_bytes())
    with Store(path, readonly=True) as store:
        assert not store.readonly and store.rejections()[0]["stage"] is None
    with Store(path, readonly=True) as store:
        assert store.readonly
    read_only_files()
    with pytest.raises(PermissionError, match="older Diurna") as err:
        Store(copy, readonly=True)
    assert str(copy) in str(err.value) and "writable" in str(err.value)


def test_rejections_an_older_diurna_stored_under_the_empty_id_are_named_on_open(
    tmp_path: Path,
) -> None:
    """Before session 32 an input that could not be loaded (too large, missing) was stored
    under the empty input's id e3b0c44298fc1c14. Those rows stay readable as they are through
    a read-only open; a writable open gives each the id this version gives it, so a rerun that
    meets the same failure replaces its row instead of adding a second one. The empty file's
    own row keeps the empty id (it is its content id), and nothing else changes."""
    import hashlib
    import sqlite3

    from diurna.page import RawInput
    from diurna.pipeline import rejected_document

    empty = "e3b0c44298fc1c14"
    path = tmp_path / "old.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    old_rows = [(empty, "in/big.html", "too_large", "in/big.html is 25,000,000 bytes"),
                (empty, "in/gone.html", "not_found", "in/gone.html: no such file"),
                (empty, "in/empty.txt", "empty", "in/empty.txt is empty")]
    conn.executemany("INSERT INTO rejections VALUES (?, ?, ?, ?, '2026-12-01T10:00:00+00:00', "
                     "NULL)", old_rows)
    conn.commit()
    conn.close()
    with Store(path, readonly=True) as reader:
        assert sorted(r["doc_id"] for r in reader.rejections()) == [empty] * 3
    named = {source: hashlib.sha256(f"unloaded\0{reason}\0{source}".encode()).hexdigest()[:16]
             for _, source, reason, _ in old_rows[:2]}
    with Store(path) as store:
        rows = {r["source"]: (r["doc_id"], r["reason"], r["detail"]) for r in store.rejections()}
        assert rows == {"in/big.html": (named["in/big.html"], "too_large",
                                        "in/big.html is 25,000,000 bytes"),
                        "in/gone.html": (named["in/gone.html"], "not_found",
                                         "in/gone.html: no such file"),
                        "in/empty.txt": (empty, "empty", "in/empty.txt is empty")}
        rerun = RawInput("in/big.html", b"", error=("too_large", "in/big.html is 26 MB"))
        store.save(rejected_document(rerun, "too_large", "in/big.html is 26 MB"))
        big = [r for r in store.rejections() if r["source"] == "in/big.html"]
    assert [(r["doc_id"], r["detail"]) for r in big] == [(named["in/big.html"],
                                                          "in/big.html is 26 MB")]


def test_a_stored_page_drops_its_sources_empty_input_row_and_no_other(tmp_path: Path) -> None:
    """The empty input's id is one fixed digest (SHA-256 of no bytes, e3b0c442...), so a row
    under it with reason ``empty`` says only "this source had no bytes". When a page from that
    source is stored the row is out of date and goes (session 34, brief W6). Rows under a
    content id of the same source stay (bytes some input gave: a whitespace-only file, or a
    page a reader rejected), as does another source's empty row."""
    from diurna.model import EMPTY_ID, content_id

    assert EMPTY_ID == "e3b0c44298fc1c14"  # hashlib.sha256(b"").hexdigest()[:16]
    rows = [(EMPTY_ID, "u", "empty"), (content_id(b" \n"), "u", "empty"),
            ("0123456789abcdef", "u", "not_news"), (EMPTY_ID, "v", "empty")]
    with Store(tmp_path / "t.db") as store:
        for doc_id, source, reason in rows:
            store.save(Document(id=doc_id, source=source, text="", rejected=reason))
        assert store.save(Document(id="fedcba9876543210", source="u", text="Talks.")) == "stored"
        kept = sorted((r["doc_id"], r["source"], r["reason"]) for r in store.rejections())
    assert kept == sorted(rows[1:])


def _plans(conn: sqlite3.Connection, sql: list[str]) -> list[str]:
    """The EXPLAIN QUERY PLAN lines of each statement run with parameters 'x'."""
    return [str(row[3]) for q in sql
            for row in conn.execute("EXPLAIN QUERY PLAN " + q, ("x",) * q.count("?"))]


def test_the_look_ups_by_source_read_an_index_and_an_older_file_gains_it(
    tmp_path: Path,
) -> None:
    """`diurna fetch` asks for a URL's recorded rejection and every stored document asks for
    its source's out-of-date rows: both look up by source name. They read an index, not the
    whole table (~6 ms a look-up at 100,000 rows without it). A file an older Diurna made,
    without the indexes, gains them when it is opened, even for reading, and keeps its rows."""
    from diurna.store.sqlite import source_rejection, unloaded_rejections

    db = tmp_path / "old.db"
    with Store(db) as store:
        store.save(make_doc())
        store.save(Document(id="e3b0c44298fc1c14", source="gone.txt", text="", rejected="empty"))
    with sqlite3.connect(db) as conn:  # the file as the start code made it
        conn.execute("DROP INDEX IF EXISTS rejections_source")
        conn.execute("DROP INDEX IF EXISTS documents_source")
    seen: list[str] = []
    with Store(db, readonly=True) as store:
        assert store.readonly is False  # it needed one writable open to gain the indexes
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"rejections_source", "documents_source"} <= names
        assert [r["source"] for r in store.rejections()] == ["gone.txt"]
        assert store.count("documents") == 1
        store.conn.set_trace_callback(seen.append)
        assert source_rejection(store.conn, "gone.txt") == "empty"
        assert unloaded_rejections(store.conn, "gone.txt") == ["e3b0c44298fc1c14"]
        store.conn.set_trace_callback(None)
        plans = _plans(store.conn, seen)
    assert len(seen) == 2 and plans
    assert not [p for p in plans if p.startswith("SCAN")], plans
    assert any("rejections_source" in p for p in plans)
    assert any("documents_source" in p for p in plans)
