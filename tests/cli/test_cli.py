"""The CLI as a user drives it: a batch with garbage in it, the stored events, the exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from diurna.cli import cli

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 8

ARTICLE = """<html><head><title>Troops withdraw from border town</title></head><body>
<article><h1>Troops withdraw from border town</h1>
<p>The army of Ruritania said on Monday that it had withdrawn its troops from the border town of
Strelsau after weeks of talks with the government of Borduria, according to state media.</p>
<p>Officials in both capitals described the withdrawal as a first step toward a lasting settlement
of the dispute, which has displaced thousands of people since the spring.</p>
<p>Negotiators are expected to meet again next month in Geneva to discuss the return of refugees and
the reopening of the main road between the two countries.</p>
</article></body></html>"""


def make_batch(folder: Path) -> None:
    (folder / "image.html").write_bytes(PNG)
    (folder / "empty.html").write_bytes(b"")
    (folder / "garbage.txt").write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1]) * 300)
    with (folder / "huge.html").open("wb") as fh:
        chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    (folder / "good.html").write_text(ARTICLE, encoding="utf-8")


def test_garbage_is_rejected_with_a_reason_and_the_batch_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    make_batch(inputs)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["process", str(inputs), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 3, result.output  # some inputs rejected
    docs = {Path(d["source"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    assert set(docs) == {"image.html", "empty.html", "garbage.txt", "huge.html", "good.html"}
    assert docs["good.html"]["rejected"] is None
    assert "Strelsau" in " ".join(docs["good.html"]["body"])
    assert docs["image.html"]["rejected"] == "binary"
    assert docs["empty.html"]["rejected"] == "empty"
    assert docs["garbage.txt"]["rejected"] in {"encoding", "binary"}
    assert docs["huge.html"]["rejected"] == "too_large"

    listed = CliRunner().invoke(cli, ["rejections", "--db", str(db), "--format", "tsv"])
    reasons = {
        Path(line.split("\t")[0]).name: line.split("\t")[1] for line in listed.stdout.splitlines()
    }
    assert reasons == {
        "image.html": "binary",
        "empty.html": "empty",
        "garbage.txt": docs["garbage.txt"]["rejected"],
        "huge.html": "too_large",
    }


# (charset-normalizer reads these bytes as cp775: "Z³rich", "cafķ", "S³ddeutsche")
LATIN1_NEWS = ("Police in Zürich arrested two men on Tuesday after protesters clashed with "
               "officers near the café where the finance ministers of France and Germany met, "
               "the city's police said.\n\n\"The situation is calm again,\" a police spokesman "
               "told reporters. Süddeutsche Zeitung said about 300 people had gathered.\n")
FRENCH_PAGE = """<html lang="fr"><head><title>Les pourparlers reprennent</title></head><body>
<article><h1>Les pourparlers reprennent à Genève</h1>
<p>Les émissaires des deux gouvernements se sont rencontrés lundi à Genève pour un deuxième cycle
de pourparlers, ont indiqué des responsables.</p>
<p>« Nous sommes prêts à signer si l'autre partie tient parole », a déclaré le ministre des
affaires étrangères aux journalistes.</p></article></body></html>"""


def test_a_mixed_folder_rejects_the_bad_reads_the_good_and_loses_nothing_stored(
        tmp_path: Path) -> None:
    """End to end through ``diurna process`` on a store that already holds a page: a folder of
    good pages and a binary file, an empty one, one of 30 MB, broken HTML, Latin-1 text and a
    French page. The unreadable three are rejections with their reason in ``diurna
    rejections`` (no stage: the reader turned them away, no component raised); broken HTML is
    read for what it holds, Latin-1 is read as Latin-1 (it came out as "Z³rich", "cafķ": a
    Baltic code page guessed), the French page is stored with the English stages skipped and
    why; the page stored before keeps its rows."""
    import sqlite3

    db = tmp_path / "t.db"
    first = tmp_path / "first.html"
    first.write_text(ARTICLE, encoding="utf-8")
    done = CliRunner().invoke(cli, ["process", str(first), "--db", str(db), "-q"])
    assert done.exit_code == 0, done.output

    def rows() -> dict[str, tuple[int, int]]:
        with sqlite3.connect(db) as conn:
            return {Path(src).name: (n_events, len(text)) for src, n_events, text in conn.execute(
                "SELECT d.source, (SELECT count(*) FROM events e WHERE e.doc_id = d.id), d.text "
                "FROM documents d")}

    before = rows()
    assert before["first.html"][0] > 0

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "first.html").write_text(ARTICLE, encoding="utf-8")  # the same page again
    (inputs / "good.txt").write_text(
        "Envoys from both governments met in Geneva on Monday for a second round of talks, "
        "officials said.\n", encoding="utf-8")
    (inputs / "image.bin").write_bytes(PNG)
    (inputs / "empty.txt").write_bytes(b"")
    with (inputs / "huge.txt").open("wb") as fh:
        fh.truncate(30 * 1024 * 1024)
    (inputs / "broken.html").write_bytes(
        b"<html><head><title>Talks</title></head><body><div><p>Envoys met in <b>Geneva on "
        b"Monday, officials said.<p><<<</div></b></x <script>var x = '</scr")
    (inputs / "latin1.txt").write_bytes(LATIN1_NEWS.encode("latin-1"))
    (inputs / "french.html").write_text(FRENCH_PAGE, encoding="utf-8")

    result = CliRunner().invoke(cli, ["process", str(inputs), "--db", str(db), "-q",
                                      "--format", "jsonl"])
    assert result.exit_code == 3, result.output  # some inputs rejected
    docs = {Path(d["source"]).name: d for d in map(json.loads, result.stdout.splitlines())}

    listed = CliRunner().invoke(cli, ["rejections", "--db", str(db), "--format", "tsv"])
    assert listed.exit_code == 0, listed.output
    rejected = {Path(line.split("\t")[0]).name: line.split("\t")[1:]
                for line in listed.stdout.splitlines()}
    assert {name: (reason, stage) for name, (reason, _detail, stage) in rejected.items()} == {
        "image.bin": ("binary", ""), "empty.txt": ("empty", ""), "huge.txt": ("too_large", "")}
    assert "PNG image" in rejected["image.bin"][1] and "limit" in rejected["huge.txt"][1]

    after = rows()
    assert after["first.html"] == before["first.html"]  # kept, not processed again
    assert set(after) == {"first.html", "good.txt", "broken.html", "latin1.txt", "french.html"}
    assert after["good.txt"][0] > 0 and after["latin1.txt"][0] > 0
    assert "Envoys met in Geneva" in docs["broken.html"]["body"][0]
    assert docs["broken.html"]["rejected"] is None
    latin = " ".join(docs["latin1.txt"]["body"])
    assert "Zürich" in latin and "café" in latin and "Süddeutsche" in latin
    assert docs["french.html"]["language"] == "fr" and after["french.html"][0] == 0
    assert any(s.startswith("language: page is in 'fr'") for s in docs["french.html"]["skipped"])


def test_process_then_list_and_export(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    first = runner.invoke(
        cli,
        [
            "process",
            str(seed_path),
            "--published",
            "2018-02-15",
            "--db",
            str(db),
            "--format",
            "jsonl",
        ],
    )
    assert first.exit_code == 0, first.output
    again = runner.invoke(cli, ["process", str(seed_path), "--db", str(db), "--format", "jsonl"])
    assert "1 duplicate" in again.stderr

    listed = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["type"] for r in rows} >= {"DEMAND", "ASSAULT"}

    out = tmp_path / "events.csv"
    exported = runner.invoke(cli, ["export", "--db", str(db), "--to", str(out)])
    assert exported.exit_code == 0
    assert len(out.read_text().splitlines()) == len(rows) + 1


def test_bad_published_date_is_refused(seed_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["process", str(seed_path), "--published", "15/02/2018", "--no-store"]
    )
    assert result.exit_code == 2
    assert "use YYYY-MM-DD" in result.output


def test_process_help_gives_the_exit_statuses_it_uses(seed_path: Path, tmp_path: Path) -> None:
    """--help said "1 a usage or file error"; a usage error is click's 2, a file error 1."""
    text = " ".join(CliRunner().invoke(cli, ["process", "--help"]).output.split())
    assert "1 a file error" in text and "2 a usage error" in text
    usage = CliRunner().invoke(cli, ["process", str(seed_path), "--engine", "ray"])
    assert usage.exit_code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("x: [\n")
    file_error = CliRunner().invoke(cli, ["process", str(seed_path), "--actors", str(bad),
                                          "--no-store", "-q"])  # fmt: skip
    assert file_error.exit_code == 1 and "not valid YAML" in file_error.output


def test_events_without_database_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "run `diurna process" in result.output


def test_load_into_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    # it was a FileNotFoundError traceback; `process --db` in the same folder already said this
    db = tmp_path / "no-such-folder" / "x.db"
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot create a database at ")
    assert "create it or pass another --db file" in result.output
    assert not isinstance(result.exception, FileNotFoundError)


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for cmd in ([], ["process"], ["events"], ["export"], ["rejections"], ["evaluate"]):
        result = runner.invoke(cli, [*cmd, "--help"])
        assert result.exit_code == 0
        assert "Usage: diurna" in result.output


def test_every_scorer_has_help() -> None:
    for scorer in ("body", "events", "places", "times"):
        result = CliRunner().invoke(cli, ["evaluate", scorer, "--help"])
        assert result.exit_code == 0, (scorer, result.output)
        assert "usage:" in result.output


def test_user_actor_file_reaches_the_event_coder(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n"
        "  - id: XYZ-RHB\n"
        "    name: Red Hand Brigade\n"
        "    country: SYR\n"
        "    sector: REB\n"
        "    kind: armed_group\n"
        "    aliases: [Red Hand Brigade, RHB]\n",
        encoding="utf-8",
    )
    page = tmp_path / "page.txt"
    page.write_text(
        "Militia attacks army post\n\n"
        "The Red Hand Brigade attacked a Syrian army checkpoint near Homs on Monday, "
        "killing three soldiers, officials said.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["process", str(page), "--actors", str(actors), "--no-store", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assaults = [e for e in doc["events"] if e["type"] == "ASSAULT"]
    assert assaults and assaults[0]["actors"][0]["actor"]["id"] == "XYZ-RHB"
    assert assaults[0]["actors"][0]["actor"]["cameo"] == "SYRREB"


def test_process_takes_a_relevance_gate_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    page = tmp_path / "good.html"
    page.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    off = runner.invoke(cli, ["process", str(page), "--format", "jsonl", "--gate", "off"])
    on = runner.invoke(cli, ["process", str(page), "--format", "jsonl", "--gate", "actors"])
    assert off.exit_code == on.exit_code == 0, off.output + on.output
    # a short political page: the gate reads it in full, so the events are the same
    assert json.loads(off.stdout)["events"] == json.loads(on.stdout)["events"]
    assert json.loads(on.stdout)["events"]  # the withdrawal is coded
    bad = runner.invoke(cli, ["process", str(page), "--gate", "everything"])
    assert bad.exit_code == 2 and "actors" in bad.output


def test_reading_commands_close_their_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`events`, `rejections` and `export` leave no database connection open, also when the
    export fails (a program that calls the CLI in its own process keeps running)."""
    from diurna.store import Store

    db = tmp_path / "c.db"
    Store(db, create=True).close()
    opened: list[Store] = []
    closed: list[Store] = []
    real_init, real_close = Store.__init__, Store.close

    def init(self: Store, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        opened.append(self)

    def close(self: Store) -> None:
        closed.append(self)
        real_close(self)

    monkeypatch.setattr(Store, "__init__", init)
    monkeypatch.setattr(Store, "close", close)
    for args in (["events", "--format", "jsonl"], ["rejections"],
                 ["export", "--to", str(tmp_path / "e.csv")],
                 ["export", "--to", str(tmp_path / "e.xls")],  # refused: still closed
                 ["events", "--type", "ATACK"]):  # refused filter: still closed
        opened.clear()
        closed.clear()
        result = CliRunner().invoke(cli, [*args, "--db", str(db)])
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        assert opened and all(any(c is o for c in closed) for o in opened), args


def test_rejections_name_the_stage_that_raised_also_in_an_older_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`diurna rejections` (tab-separated and jsonl) gives the stage where Diurna's own code
    raised, here the time stage in a real `process` run; a database made before the stage was
    recorded still lists its rejections, unchanged, with no stage."""
    import sqlite3

    from diurna.time import TimeResolver

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE rejections (doc_id TEXT, source TEXT, reason TEXT, detail TEXT, "
                 "rejected_at TEXT, PRIMARY KEY (doc_id, source))")  # the schema before stages
    conn.execute("INSERT INTO rejections VALUES ('d9', 'old.png', 'binary', "
                 "'old.png: a PNG image', '2026-11-01T10:00:00+00:00')")
    conn.commit()
    conn.close()

    def broken(self: TimeResolver, doc: object) -> object:
        raise RuntimeError("time broke")

    monkeypatch.setattr(TimeResolver, "__call__", broken)
    page = tmp_path / "new.txt"
    page.write_text("Syrian troops attacked rebels in Aleppo on Monday.\n", encoding="utf-8")
    done = CliRunner().invoke(cli, ["process", str(page), "--db", str(db), "-q",
                                    "--format", "jsonl"])
    assert done.exit_code == 4, done.output  # its only input rejected

    listed = CliRunner().invoke(cli, ["rejections", "--db", str(db), "--format", "tsv"])
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.splitlines() == [
        "old.png\tbinary\told.png: a PNG image\t",
        f"{page}\tpipeline_error\tRuntimeError: time broke\ttime",
    ]
    rows = [json.loads(line) for line in CliRunner().invoke(
        cli, ["rejections", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()]
    assert rows[0] == {"doc_id": "d9", "source": "old.png", "reason": "binary",
                       "detail": "old.png: a PNG image",
                       "rejected_at": "2026-11-01T10:00:00+00:00", "stage": None}
    assert (rows[1]["source"], rows[1]["reason"], rows[1]["stage"]) == (
        str(page), "pipeline_error", "time")


@pytest.mark.parametrize("command", ["serve", "rejections", "recode"])
def test_a_read_only_store_is_a_one_line_error_saying_so(
        tmp_path: Path, read_only_files: Callable[[], None], command: str) -> None:
    """A read-only store that must be written is an exit-1 line naming the file and what to do,
    for the server too (it caught only ValueError, so this was a traceback): a writer always,
    a reader when an older Diurna made the file (here: an index of this version missing)."""
    import sqlite3

    from diurna.store import Store

    db = tmp_path / "shared.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX events_api_day")
    conn.close()
    read_only_files()
    result = CliRunner().invoke(cli, [command, "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert f"{db} is read-only" in result.output and "writable" in result.output
    assert "Traceback" not in result.output
    if command != "recode":
        assert "older Diurna" in result.output


@pytest.mark.parametrize("command", [
    ["events"], ["events", "--format", "jsonl"], ["rejections"], ["clusters", "--no-build"],
    ["export", "--to", "OUT"]])
def test_a_read_only_store_of_this_version_can_be_read(
        tmp_path: Path, one_event_db: Path, read_only_files: Callable[[], None],
        command: list[str]) -> None:
    """The commands that only read open a current store read-only (a shared or published file,
    a read-only mount): they list it as from a writable file, where opening it wrote to it and
    failed."""
    db = one_event_db
    before = db.read_bytes()
    read_only_files()
    args = [str(tmp_path / "out.jsonl") if a == "OUT" else a for a in command]
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    expected = {"events": "CONSULT", "rejections": "b.png", "clusters": "", "export": ""}
    assert expected[command[0]] in result.stdout
    if command[0] == "export":
        (row,) = [json.loads(line) for line in (tmp_path / "out.jsonl").open()]
        assert row["type"] == "CONSULT" and row["trigger_text"] == "met"
    assert db.read_bytes() == before


def test_rejections_table_keeps_a_multi_line_error_on_its_row(tmp_path: Path) -> None:
    """An error message with a newline or a tab (a stage's exception) stays in the detail column:
    each rejection is one line of four tab-separated columns, stage last; the JSON lines keep
    the message as it was."""
    from diurna.model import Document
    from diurna.store import Store

    db = tmp_path / "t.db"
    failed = Document(id="d1", source="a.txt", rejected="pipeline_error")
    failed.meta.update(error="ValueError: line one\nline\ttwo", stage="time")
    with Store(db) as store:
        store.save(failed)
    result = CliRunner().invoke(cli, ["rejections", "--db", str(db), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "a.txt\tpipeline_error\tValueError: line one line two\ttime"]
    result = CliRunner().invoke(cli, ["rejections", "--db", str(db), "--format", "jsonl"])
    assert json.loads(result.output)["detail"] == "ValueError: line one\nline\ttwo"
