"""A batch that never redoes work and says what happened: resume, recode, summary, exit status,
output formats, -v/-q, and no database unless asked."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.cli.test_cli import ARTICLE, PNG

from diurna import batch
from diurna.cli import cli
from diurna.model import Document, Span
from diurna.pipeline import Pipeline
from diurna.store import Store


class Counting:
    """A stand-in coder: counts the documents it sees and codes one event per document."""

    name = "counting"

    def __init__(self, event_type: str = "CONSULT") -> None:
        self.seen: list[str] = []
        self.event_type = event_type

    def __call__(self, doc: Document) -> Document:
        from diurna.model import Event

        self.seen.append(doc.source)
        first = doc.text.split(".")[0] + "."
        doc.events = [
            Event(
                id=f"{doc.id}:0",
                type=self.event_type,
                trigger=Span(0, 3, doc.text[:3]),
                sentence=Span(0, len(first), first),
            )
        ]
        return doc


def pages(folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"p{i}.txt"
        path.write_text(
            f"Talks number {i} open\n\nEnvoys met in Geneva on Monday for talks number {i}, "
            "officials said, and agreed to meet again next week.",
            encoding="utf-8",
        )
        out.append(path)
    return out


def test_rerun_skips_stored_inputs_before_any_processing(tmp_path: Path) -> None:
    files = pages(tmp_path / "in", 4)
    coder = Counting()
    with Store(tmp_path / "b.db") as store:
        first = list(
            batch.run([str(f) for f in files[:3]], pipeline=Pipeline([coder]), store=store)
        )
        assert [o.status for o in first] == ["stored"] * 3
        coder.seen.clear()
        again = list(batch.run([str(tmp_path / "in")], pipeline=Pipeline([coder]), store=store))
    assert [o.status for o in again] == ["duplicate", "duplicate", "duplicate", "stored"]
    assert [Path(o.source).name for o in again] == ["p0.txt", "p1.txt", "p2.txt", "p3.txt"]
    assert coder.seen == [str(files[3])]  # only the new input reached the coder
    assert all(o.doc is None for o in again[:3])


def test_resume_with_workers_keeps_order_and_skips(tmp_path: Path) -> None:
    files = pages(tmp_path / "in", 5)
    with Store(tmp_path / "b.db") as store:
        list(
            batch.run([str(files[1]), str(files[3])], pipeline=Pipeline([Counting()]), store=store)
        )
        outcomes = list(
            batch.run(
                [str(tmp_path / "in")], pipeline=Pipeline([Counting()]), store=store, workers=2
            )
        )
        assert store.count("documents") == 5
    assert [(Path(o.source).name, o.status) for o in outcomes] == [
        ("p0.txt", "stored"),
        ("p1.txt", "duplicate"),
        ("p2.txt", "stored"),
        ("p3.txt", "duplicate"),
        ("p4.txt", "stored"),
    ]


def test_recode_replaces_the_coding_and_keeps_who_coded_what(tmp_path: Path) -> None:
    files = pages(tmp_path / "in", 2)
    db = tmp_path / "b.db"
    with Store(db) as store:
        list(
            batch.run(
                [str(f) for f in files], pipeline=Pipeline([Counting("CONSULT")]), store=store
            )
        )
        store.conn.execute("UPDATE documents SET coder = 'diurna 0.0.1 old'")
        store.conn.commit()
        outcomes = list(batch.recode(store, pipeline=Pipeline([Counting("AGREE")])))
        assert [o.status for o in outcomes] == ["recoded", "recoded"]
        assert {r["type"] for r in store.events()} == {"AGREE"}
        assert store.count("events") == 2 and store.count("documents") == 2
        coders = store.conn.execute("SELECT coder, replaced FROM codings ORDER BY rowid").fetchall()
        assert [c for c, _ in coders[:2]] == [batch.coder_version(Pipeline([]))] * 2
        assert [r for _, r in coders] == [0, 0, 1, 1]
        current = batch.coder_version(Pipeline([]))
        assert {r[0] for r in store.conn.execute("SELECT coder FROM documents")} == {current}
        # up to date now: nothing left to re-code unless asked for all
        assert list(batch.recode(store, pipeline=Pipeline([Counting()]))) == []
        assert len(list(batch.recode(store, pipeline=Pipeline([Counting()]), everything=True))) == 2


def test_process_recode_reprocesses_a_stored_input(tmp_path: Path) -> None:
    (f,) = pages(tmp_path / "in", 1)
    with Store(tmp_path / "b.db") as store:
        list(batch.run([str(f)], pipeline=Pipeline([Counting("CONSULT")]), store=store))
        (o,) = batch.run([str(f)], pipeline=Pipeline([Counting("AGREE")]), store=store, recode=True)
        assert o.status == "recoded"
        assert [r["type"] for r in store.events()] == ["AGREE"]


def test_summary_counts_reasons_and_gives_the_exit_status() -> None:
    summary = batch.Summary()
    ok = Document(id="a", source="a", text="x")
    ok.events = []
    german = Document(id="b", source="b", text="y", skipped=["language: page is in 'de', ..."])
    summary.add(batch.Outcome("stored", "a", ok))
    summary.add(batch.Outcome("stored", "b", german))
    summary.add(batch.Outcome("duplicate", "c"))
    summary.add(batch.Outcome("rejected", "d", Document(id="d", source="d", rejected="binary")))
    line = summary.line("x.db")
    assert line.startswith("2 stored, 1 duplicate (already stored, not reprocessed), ")
    assert "1 rejected (binary 1)" in line and "1 skipped (not_english 1)" in line
    assert "0 events in " in line and line.endswith(" s; stored in x.db")
    assert summary.exit_status() == batch.EXIT_SOME_REJECTED
    only_bad = batch.Summary()
    only_bad.add(batch.Outcome("rejected", "d", Document(id="d", source="d", rejected="empty")))
    assert only_bad.exit_status() == batch.EXIT_NONE_PROCESSED
    assert batch.Summary().exit_status() == batch.EXIT_NONE_PROCESSED  # nothing found
    summary.interrupted = True
    assert summary.exit_status() == 130 and summary.line().startswith("interrupted: ")


def test_summary_counts_a_skipped_page_once() -> None:
    """A German page gets a note from each English stage it passes (as the pipeline writes
    them); the summary counts the page once, by the first note's reason, not four times."""
    summary = batch.Summary()
    notes = ["language: page is in 'de', English stages skipped",
             "actors: no parse from the language stage", "time: not English",
             "places: not English"]
    for i in range(2):
        doc = Document(id=str(i), source=f"de{i}.html", text="Die Regierung", skipped=list(notes))
        summary.add(batch.Outcome("stored", doc.source, doc))
    long_page = Document(id="x", source="x", text="y",
                         skipped=["language: body over 1000000 characters, not parsed",
                                  "actors: no parse from the language stage"])
    summary.add(batch.Outcome("stored", "x", long_page))
    assert "3 skipped (not_english 2, too_long 1)" in summary.line()


# --- the command --------------------------------------------------------------------------


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.html").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.html").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")


def test_without_db_nothing_is_stored_and_the_summary_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_inputs(tmp_path / "in")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(cli, ["process", str(tmp_path / "in"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert list(cwd.iterdir()) == []  # no diurna.db
    assert "2 processed" in result.stderr
    assert "not stored: pass --db FILE to store" in result.stderr


def test_json_over_several_inputs_is_one_array_and_one_input_one_object(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in")
    many = CliRunner().invoke(cli, ["process", str(tmp_path / "in"), "-q"])
    assert many.exit_code == 0, many.output
    docs = json.loads(many.stdout)
    assert isinstance(docs, list) and len(docs) == 2
    assert {Path(d["source"]).name for d in docs} == {"a.html", "b.html"}
    assert many.stderr == ""  # -q
    one = CliRunner().invoke(cli, ["process", str(tmp_path / "in" / "a.html"), "-q"])
    assert json.loads(one.stdout)["rejected"] is None


def test_verbose_rerun_and_exit_statuses(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in")
    db = tmp_path / "t.db"
    runner = CliRunner()
    first = runner.invoke(
        cli, ["process", str(tmp_path / "in"), "--db", str(db), "-v", "--format", "jsonl"]
    )
    assert first.exit_code == 0, first.output
    lines = [ln for ln in first.stderr.splitlines() if ln.startswith("stored\t")]
    assert len(lines) == 2 and all(ln.endswith("events") for ln in lines)
    assert "2 stored" in first.stderr and f"stored in {db}" in first.stderr

    (tmp_path / "in" / "c.png").write_bytes(PNG)
    again = runner.invoke(
        cli, ["process", str(tmp_path / "in"), "--db", str(db), "-v", "--format", "jsonl"]
    )
    assert again.exit_code == 3, again.output  # one rejected
    assert "2 duplicates (already stored, not reprocessed)" in again.stderr
    assert "1 rejected (binary 1)" in again.stderr
    assert len(again.stdout.splitlines()) == 1  # only the rejected input was read

    bad = runner.invoke(cli, ["process", str(tmp_path / "in" / "c.png"), "--no-store", "-q"])
    assert bad.exit_code == 4
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = runner.invoke(cli, ["process", str(empty), "--no-store"])
    assert nothing.exit_code == 4 and "no input found" in nothing.stderr


def test_interrupt_prints_what_was_stored_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kw: object) -> Iterator[batch.Outcome]:
        yield batch.Outcome("stored", "a.html", Document(id="a", source="a.html", text="x"))
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run", interrupted)
    result = CliRunner().invoke(cli, ["process", "a.html", "--db", str(tmp_path / "t.db"), "-q"])
    assert result.exit_code == 130
    assert result.stderr.startswith("diurna: interrupted: 1 stored")


def test_bad_actor_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - id: [broken\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["process", str(bad), "--actors", str(bad), "--no-store"])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Error: {bad}: not valid YAML") and "fix the file" in line


def test_db_in_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "no" / "t.db"
    result = CliRunner().invoke(cli, ["process", "x.html", "--db", str(db)])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert f"folder {db.parent} does not exist" in line


def test_cli_recode_after_a_coder_change(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    runner.invoke(
        cli,
        [
            "process",
            str(seed_path),
            "--db",
            str(db),
            "--published",
            "2018-02-15",
            "-q",
            "--format",
            "jsonl",
        ],
    )
    n_events = Store(db).count("events")
    con = sqlite3.connect(db)
    con.execute("UPDATE documents SET coder = 'diurna 0.0.1 old'")
    con.execute("DELETE FROM events")
    con.commit()
    con.close()
    result = runner.invoke(cli, ["recode", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 recoded" in result.stderr
    assert Store(db).count("events") == n_events
    up_to_date = runner.invoke(cli, ["recode", "--db", str(db)])
    assert up_to_date.exit_code == 0
    assert "nothing to re-code: 1 document up to date" in up_to_date.stderr


def test_the_stores_own_files_in_an_input_folder_are_not_inputs(tmp_path: Path) -> None:
    files = pages(tmp_path / "in", 2)
    db = tmp_path / "in" / "news.db"
    with Store(db) as store:
        first = list(
            batch.run([str(tmp_path / "in")], pipeline=Pipeline([Counting()]), store=store)
        )
        again = list(
            batch.run([str(tmp_path / "in")], pipeline=Pipeline([Counting()]), store=store)
        )
    assert [o.status for o in first] == ["stored", "stored"]
    assert [(Path(o.source).name, o.status) for o in again] == [
        (files[0].name, "duplicate"),
        (files[1].name, "duplicate"),
    ]


def test_a_log_gets_progress_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import diurna.cli as cli_module

    monkeypatch.setattr(cli_module, "LOG_EVERY_INPUTS", 2)
    pages(tmp_path / "in", 4)
    result = CliRunner().invoke(cli, ["process", str(tmp_path / "in"), "--format", "jsonl"])
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("diurna: so far ")]
    assert [ln.split(" so far ")[1].split(",")[0] for ln in lines] == ["2 processed", "4 processed"]


def test_new_commands_have_help() -> None:
    for cmd in (["fetch"], ["recode"]):
        result = CliRunner().invoke(cli, [*cmd, "--help"])
        assert result.exit_code == 0 and "Usage: diurna" in result.output


def test_the_batch_size_is_known_unless_an_input_must_be_read_through(tmp_path: Path) -> None:
    """A progress bar with the time left needs the number of inputs up front: plain files,
    folders, globs and JSONL files give it (since session 39: before, only plain files did);
    a WARC or gzip file (pages known only by reading it) or standard input do not. A missing
    file counts one, as its rejection is one outcome."""
    from diurna.cli import input_total

    pages = [tmp_path / f"p{i}.html" for i in range(3)]
    for p in pages:
        p.write_text("<html><body><p>Text.</p></body></html>", encoding="utf-8")
    (tmp_path / "many.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    assert input_total([str(p) for p in pages]) == 3
    assert input_total([str(tmp_path)]) == 5
    assert input_total([str(pages[0]), str(tmp_path / "many.jsonl")]) == 3
    assert input_total([str(tmp_path / "p*.html")]) == 3
    assert input_total(["-"]) is None
    assert input_total([str(tmp_path / "missing.html")]) == 1
    (tmp_path / "a.warc").write_bytes(b"WARC/1.0\r\n")
    assert input_total([str(tmp_path)]) is None


def test_recode_goes_on_past_a_document_the_store_cannot_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document whose new rows cannot be written keeps its old coding and is recorded as a
    `store_error` rejection of stage `store`; the run goes on to the next document (it ended
    there, as `save` did before session 22). A database error (locked, full) still ends it."""
    import diurna.store.sqlite as sq

    files = pages(tmp_path / "in", 2)
    with Store(tmp_path / "b.db") as store:
        list(batch.run([str(f) for f in files], pipeline=Pipeline([Counting("CONSULT")]),
                       store=store))
        (bad,) = store.conn.execute(
            "SELECT id FROM documents WHERE source LIKE '%p0.txt'").fetchone()
        real = sq.document_rows

        def broken(doc: Document) -> dict[str, list[dict[str, object]]]:
            if doc.id == bad:
                raise TypeError("cannot write this")
            return real(doc)

        monkeypatch.setattr(sq, "document_rows", broken)
        outcomes = list(batch.recode(store, pipeline=Pipeline([Counting("AGREE")]),
                                     everything=True))
        assert sorted((Path(o.source).name, o.status) for o in outcomes) == [
            ("p0.txt", "rejected"), ("p1.txt", "recoded")]
        types = dict(store.conn.execute("SELECT doc_id, type FROM events").fetchall())
        assert types[bad] == "CONSULT" and set(types.values()) == {"CONSULT", "AGREE"}
        assert store.count("documents") == 2
        assert [(r["doc_id"], r["reason"], r["detail"], r["stage"])
                for r in store.rejections()] == [
            (bad, "store_error", "TypeError: cannot write this", "store")]

        def locked(doc: Document) -> dict[str, list[dict[str, object]]]:
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(sq, "document_rows", locked)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            list(batch.recode(store, pipeline=Pipeline([Counting("AGREE")]), everything=True))


def test_a_bad_actor_file_with_an_engine_is_the_same_one_line_before_any_engine_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--engine ray` with a broken `--actors` file ends as a single-machine run does: the
    one line naming the file, exit 1, and no engine started (before session 34's W5 the
    workers raised and the run ended with their traceback)."""
    import diurna.scale.runner

    def no_engine(*args: object, **kwargs: object) -> None:
        raise AssertionError("the engine was started")

    monkeypatch.setattr(diurna.scale.runner, "run", no_engine)
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - id: [broken\n", encoding="utf-8")
    page = pages(tmp_path / "in", 1)[0]
    one = CliRunner().invoke(cli, ["process", str(page), "--actors", str(bad), "--no-store"])
    ray = CliRunner().invoke(cli, ["process", str(page), "--actors", str(bad), "--engine", "ray",
                                   "--out", str(tmp_path / "out")])
    assert (ray.exit_code, one.exit_code) == (1, 1)
    (line,) = ray.output.strip().splitlines()
    assert line == one.output.strip()
    assert line.startswith(f"Error: {bad}: not valid YAML") and line.endswith(
        "(fix the file or drop it)")
    good = tmp_path / "good.yaml"
    good.write_text("actors:\n  - id: XYZGOV\n    name: Xyzland government\n", "utf-8")
    with pytest.raises(AssertionError, match="the engine was started"):  # a good file passes
        CliRunner().invoke(cli, ["process", str(page), "--actors", str(good), "--engine", "ray",
                                 "--out", str(tmp_path / "out")], catch_exceptions=False)


def test_a_document_saved_alone_records_the_coder_that_coded_it(tmp_path: Path) -> None:
    """``Store.save(doc)`` without ``coder=`` stores the version the pipeline recorded on the
    document (``doc.coder``), so a later plain recode with the same pipeline finds it up to
    date; at 5628d96 none was stored and the recode re-coded it (session 36, brief W9). A
    document no pipeline coded records none; ``coder=`` given wins."""
    pipeline = Pipeline([Counting()])
    version = batch.coder_version(pipeline)
    doc = pipeline(Document.from_paragraphs("d1", "a.txt", ["Envoys met in Geneva."]))
    assert doc.coder == version and "coder" not in doc.to_dict()  # (the JSON is unchanged)
    with Store(tmp_path / "s.db") as store:
        assert store.save(doc) == "stored"
        store.save(Document.from_paragraphs("d2", "b.txt", ["Not coded."]))
        store.save(pipeline(Document.from_paragraphs("d3", "c.txt", ["Met."])), coder="mine")
        coders = dict(store.conn.execute("SELECT id, coder FROM documents").fetchall())
        assert coders == {"d1": version, "d2": None, "d3": "mine"}
        assert [o.source for o in batch.recode(store, pipeline=pipeline)] == ["b.txt", "c.txt"]


def test_run_takes_a_date_for_published_as_the_top_level_calls(tmp_path: Path) -> None:
    """``batch.run(published=date(...))`` (typed ``str | date | None`` now, as ``diurna.process``)
    gives the documents that ISO day; a value that is no day is named."""
    from datetime import date, datetime

    page = tmp_path / "a.txt"
    page.write_text("Envoys met in Geneva on Monday.", encoding="utf-8")
    pipeline = Pipeline([Counting()])
    for given in (date(2018, 2, 15), datetime(2018, 2, 15, 23, 30), "2018-02-15"):
        (outcome,) = batch.run([str(page)], pipeline=pipeline, published=given)
        assert outcome.doc is not None and outcome.doc.published == "2018-02-15"
        assert outcome.doc.published_source == "cli"
    with pytest.raises(ValueError, match="published '15/02/2018' is not a date"):
        list(batch.run([str(page)], pipeline=pipeline, published="15/02/2018"))
