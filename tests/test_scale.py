"""The distributed runner on a local Ray cluster (two worker processes on loopback, started and
stopped by the run): a user who moves a job from one machine to the cluster must get the very
same database, and a rerun must neither lose nor double anything."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diurna.cli import cli
from diurna.scale.parquet import month_of, read_tables

pytest.importorskip("ray")

DEV_PAGES = 6
WIKINEWS_LINES = 6
# when a row was written or coded: differs between runs
TIMESTAMPS = {"stored_at", "rejected_at", "coded_at"}


@pytest.fixture(scope="module")
def sample(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few development pages (links into shared/), the first Wikinews articles as a JSONL
    shard, and an empty file (a rejection)."""
    folder = tmp_path_factory.mktemp("sample")
    html = sorted((shared / "gold" / "article-body" / "html").glob("*.html.gz"))
    for page in html[:DEV_PAGES]:
        (folder / page.name).symlink_to(page)
    articles = shared / "corpus" / "wikinews-politics-2004-2009" / "articles.jsonl"
    with articles.open("rb") as fh:
        lines = [fh.readline() for _ in range(WIKINEWS_LINES)]
    (folder / "wikinews.jsonl").write_bytes(b"".join(lines))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _diurna(*args: str, status: int = 0) -> Any:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == status, result.output
    return result


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(db)
    try:
        out = {}
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            cur = con.execute(f'SELECT * FROM "{table}"')
            keep = [i for i, d in enumerate(cur.description) if d[0] not in TIMESTAMPS]
            out[table] = sorted((tuple(row[i] for i in keep) for row in cur), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def single(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("single") / "single.db"
    # exit status 3: the empty file is rejected, the rest read
    _diurna("process", str(sample), "--db", str(db), "--format", "jsonl", "--no-progress",
            status=3)
    return db


# Ray's driver log records that pass its "ray" logger during the ray_out run: what its
# stderr handler would print.
RAY_LOG: list[logging.LogRecord] = []


@pytest.fixture(scope="module")
def ray_out(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ray") / "out"
    handler = _Collect()
    logging.getLogger("ray").addHandler(handler)
    try:
        _diurna("process", str(sample), "--engine", "ray", "--workers", "2", "--out", str(out))
    finally:
        logging.getLogger("ray").removeHandler(handler)
    return out


class _Collect(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        RAY_LOG.append(record)


def test_a_ray_run_prints_none_of_rays_start_up_lines(ray_out: Path) -> None:
    """`--engine ray` used to print Ray's "INFO ... Started a local Ray instance" and its
    token-authentication WARNING on stderr. The driver's "ray" logger now lets only errors
    through (a failed task still ends the run with its exception)."""
    lines = [f"{r.levelname} {r.getMessage()}" for r in RAY_LOG]
    assert not [line for line in lines if "Started a local Ray instance" in line
                or "Token authentication" in line], lines
    assert all(r.levelno >= logging.ERROR for r in RAY_LOG), lines


def test_ray_start_up_lines_are_kept_with_verbose() -> None:
    from diurna.scale.runner import ray_init_options

    quiet = ray_init_options(None, 2)
    assert quiet["logging_level"] == logging.ERROR and quiet["log_to_driver"] is False
    assert quiet["num_cpus"] == 2 and "address" not in quiet
    loud = ray_init_options("auto", 2, engine_logs=True)
    assert loud["logging_level"] == logging.INFO and loud["log_to_driver"] is True
    assert loud["address"] == "auto" and "num_cpus" not in loud


def test_ray_run_loads_into_the_same_database_as_one_machine(
    single: Path, ray_out: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ray.db"
    _diurna("load", str(ray_out), "--db", str(db))
    got, want = _tables(db), _tables(single)
    assert len(want["documents"]) == DEV_PAGES + WIKINEWS_LINES
    assert len(want["rejections"]) == 1 and want["events"]
    assert got == want


def test_output_is_partitioned_by_publication_month(ray_out: Path) -> None:
    tables = read_tables(ray_out)
    months = {p.name for p in (ray_out / "documents").iterdir()}
    assert months == {f"month={month_of(d['published'])}" for d in tables["documents"]}
    assert "month=2004-11" in months  # the first Wikinews articles
    assert {"id", "doc_id", "type", "trigger_start"} <= set(tables["events"][0])


def test_rerun_skips_written_documents_and_reload_doubles_nothing(
    sample: Path, ray_out: Path, single: Path, tmp_path: Path
) -> None:
    before = sorted(p.relative_to(ray_out) for p in ray_out.rglob("*.parquet"))
    rerun = _diurna("process", str(sample), "--engine", "ray", "--out", str(ray_out))
    written = DEV_PAGES + WIKINEWS_LINES + 1
    assert "0 stored" in rerun.output and f"{written} already" in rerun.output
    assert sorted(p.relative_to(ray_out) for p in ray_out.rglob("*.parquet")) == before
    db = tmp_path / "twice.db"
    _diurna("load", str(ray_out), "--db", str(db))
    _diurna("load", str(ray_out), "--db", str(db))
    assert _tables(db) == _tables(single)


def test_a_file_url_names_the_same_pages_as_their_folder(sample: Path, ray_out: Path) -> None:
    """Inputs given as an fsspec URL are the same pages: a rerun over the URL finds every one
    of them written already (same content ids) and stores nothing. The empty file's rejection
    was recorded under its path; under its URL it is another input (a rejection is keyed by id
    and source, as the store keys it), so it is read and recorded once more."""
    rerun = _diurna("process", sample.as_uri(), "--engine", "ray", "--out", str(ray_out))
    written = DEV_PAGES + WIKINEWS_LINES
    assert "0 stored, 1 rejected" in rerun.output and f"{written} already" in rerun.output


def test_workers_that_open_their_own_files_give_the_same_database(
    sample: Path, single: Path, tmp_path: Path
) -> None:
    """--worker-reads: the driver lists the files, each worker opens its own; same result."""
    out = tmp_path / "out"
    first = _diurna("process", str(sample), "--engine", "ray", "--workers", "2", "--out",
                    str(out), "--worker-reads")
    assert f"{DEV_PAGES + WIKINEWS_LINES} stored, 1 rejected" in first.output
    db = tmp_path / "w.db"
    _diurna("load", str(out), "--db", str(db))
    assert _tables(db) == _tables(single)
    with pytest.raises(ValueError, match="stdin"):
        from diurna.page import input_names

        input_names(["-"])


def test_a_shard_written_twice_replaces_its_own_files(sample: Path, tmp_path: Path) -> None:
    """A task the engine retries after it wrote (part of) its output must not add rows."""
    from diurna.page import iter_inputs
    from diurna.scale.runner import Job, process_shard

    shard = list(iter_inputs([str(next(sample.glob("*.html.gz")))]))
    job = Job(str(tmp_path / "out"))
    assert process_shard(shard, job) == {"stored": 1, "rejected": 0}
    process_shard(shard, job)
    tables = read_tables(tmp_path / "out")
    assert len(tables["documents"]) == 1
    assert len({(r["doc_id"], r["idx"]) for r in tables["entities"]}) == len(tables["entities"])


def test_load_names_a_folder_that_is_not_runner_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0 and "no Diurna Parquet output" in result.output


def test_inputs_that_could_not_be_loaded_each_get_their_rejection(tmp_path: Path) -> None:
    """Two too-large files carry no bytes, so they share the empty file's content id; the
    driver used to drop them as repeats of the empty file, and they left no rejection record.
    Each must reach a shard once, and a rerun over the written output must skip all of them
    but the second empty file: dropped as a repeat of the first within the run, it has no
    record of its own yet (a rejection is keyed by id and source, as the store keys it)."""
    from diurna.page import RawInput
    from diurna.pipeline import rejected_document
    from diurna.scale.parquet import write_shard, written_ids
    from diurna.scale.runner import RunSummary, shards

    big = ("too_large", "over the limit")
    raws = [RawInput("in/empty.txt", b""), RawInput("in/big1.html", b"", error=big),
            RawInput("in/big2.html", b"", error=big), RawInput("in/also-empty.txt", b"")]
    first = RunSummary(engine="ray")
    kept = [raw for shard in shards(raws, set(), 16, first) for raw in shard]
    assert [raw.source for raw in kept] == ["in/empty.txt", "in/big1.html", "in/big2.html"]
    assert first.skipped == 1  # the second empty file: the same bytes as the first
    write_shard([rejected_document(raw, raw.error[0] if raw.error else "empty") for raw in kept],
                tmp_path / "out")
    assert len(read_tables(tmp_path / "out")["rejections"]) == 3
    rerun = RunSummary(engine="ray")
    left = [raw.source for shard in shards(raws, written_ids(tmp_path / "out"), 16, rerun)
            for raw in shard]
    assert left == ["in/also-empty.txt"] and rerun.skipped == 3


def test_an_older_runs_rejections_under_the_empty_id_are_skipped_and_loaded_named(
    tmp_path: Path,
) -> None:
    """An output folder written before session 32 holds its inputs that could not be loaded
    under the empty input's id. A rerun must still skip them (their key is read as the id this
    version gives them), and `diurna load` stores them under that id, as a new run would."""
    import hashlib

    from diurna.page import RawInput
    from diurna.pipeline import rejected_document
    from diurna.scale.parquet import load, write_shard, written_ids
    from diurna.scale.runner import RunSummary, shards
    from diurna.store import Store

    big = ("too_large", "over the limit")
    raws = [RawInput("in/big1.html", b"", error=big), RawInput("in/big2.html", b"", error=big),
            RawInput("in/empty.txt", b"")]
    old = [rejected_document(raw, raw.error[0] if raw.error else "empty") for raw in raws]
    for doc in old:
        doc.id = "e3b0c44298fc1c14"  # what the older runner wrote for every one of them
    write_shard(old, tmp_path / "out")
    rerun = RunSummary(engine="ray")
    assert list(shards(raws, written_ids(tmp_path / "out"), 16, rerun)) == []
    assert rerun.skipped == 3
    with Store(tmp_path / "d.db") as store:
        assert load(tmp_path / "out", store)["rejected"] == 3
        ids = {r["source"]: r["doc_id"] for r in store.rejections()}
    named = {s: hashlib.sha256(f"unloaded\0too_large\0{s}".encode()).hexdigest()[:16]
             for s in ("in/big1.html", "in/big2.html")}
    assert ids == {**named, "in/empty.txt": "e3b0c44298fc1c14"}


def test_written_rejections_are_keyed_by_source_retried_when_asked_and_dropped_once_read(
    tmp_path: Path,
) -> None:
    """As the single-machine batch does: a rerun skips an input whose rejection is written
    (id and source), reads the same bytes under another name (they get their own record),
    reads everything again with --retry-rejected, and `diurna load` keeps a document that a
    retry read over its own older rejection."""
    from diurna.page import RawInput
    from diurna.pipeline import Pipeline, rejected_document
    from diurna.scale.parquet import load, write_shard, written_ids
    from diurna.scale.runner import RunSummary, shards
    from diurna.store import Store

    out = tmp_path / "out"
    raws = [RawInput("in/a.txt", b""), RawInput("in/b.txt", b"")]
    write_shard([rejected_document(raws[0], "empty")], out)

    def left(done: set[str]) -> list[str]:
        return [raw.source for shard in shards(raws, done, 16, RunSummary(engine="ray"))
                for raw in shard]

    assert left(written_ids(out)) == ["in/b.txt"]
    # retried, a.txt is read again (b.txt, the same bytes, is then a repeat within the run)
    assert left(written_ids(out, rejections=False)) == ["in/a.txt"]

    page = RawInput("in/page.txt", b"Envoys met in Geneva on Monday for talks, officials said.")
    write_shard([rejected_document(page, "not_news", "an older reader's mistake")], out)
    assert page.doc_id() not in written_ids(out)  # its rejection is keyed by id and source
    write_shard(Pipeline([]).process_batch([page]), out)  # the retry read it
    with Store(tmp_path / "d.db") as store:
        load(out, store)
        assert store.has(page.doc_id())
        assert [r["source"] for r in store.rejections()] == ["in/a.txt"]


def test_a_rejected_repeat_within_a_run_gets_its_own_record_and_a_rerun_skips_it(
    tmp_path: Path,
) -> None:
    """Two empty files in one run share their id; the second used to be dropped as a repeat
    with no record, so each rerun recorded one more of them. Now the driver runs the page
    stage on a repeat: rejected bytes get a row under the repeat's own name (the detail names
    it), and a page repeated under another name is still skipped as a duplicate."""
    from diurna.page import RawInput
    from diurna.pipeline import rejected_document
    from diurna.scale.parquet import write_shard, written_ids
    from diurna.scale.runner import Job, RunSummary, record_rejected_repeat, shards

    out = tmp_path / "out"
    page = b"Envoys met in Geneva on Monday for talks, officials said."
    raws = [RawInput("in/a.txt", b""), RawInput("in/b.txt", b""), RawInput("in/c.txt", b""),
            RawInput("in/p.txt", page), RawInput("in/q.txt", page)]
    job = Job(str(out))
    first = RunSummary(engine="ray")
    kept = [raw for shard in shards(raws, set(), 16, first,
                                    on_repeat=lambda raw: record_rejected_repeat(raw, job))
            for raw in shard]
    assert [raw.source for raw in kept] == ["in/a.txt", "in/p.txt"]
    assert (first.rejected, first.skipped) == (2, 1)  # b and c recorded; q a duplicate page
    rows = {r["source"]: r for r in read_tables(out)["rejections"]}
    assert sorted(rows) == ["in/b.txt", "in/c.txt"]
    assert rows["in/c.txt"]["reason"] == "empty" and "in/c.txt" in rows["in/c.txt"]["detail"]
    write_shard([rejected_document(kept[0], "empty")], out)  # what the shard's worker writes
    rerun = RunSummary(engine="ray")
    assert list(shards(raws, written_ids(out), 16, rerun)) == [[raws[3]]]  # p: not yet written
    assert rerun.skipped == 4  # a, b, c recorded; q again a repeat of p


def test_a_rejected_input_given_twice_under_its_own_name_is_written_and_counted_once(
    tmp_path: Path,
) -> None:
    """A path given twice (the same id and source) that is rejected used to be written again by
    the repeat's page stage and counted twice ("2 rejected" over one row). Its first copy is
    written and counted; the second is a repeat: skipped, nothing read or written. The same
    bytes under another name still get their own record."""
    from diurna.page import RawInput
    from diurna.scale.runner import Job, RunSummary, record_rejected_repeat, shards

    big = ("too_large", "over the limit")
    raws = [RawInput("in/a.txt", b""), RawInput("in/a.txt", b""), RawInput("in/b.txt", b""),
            RawInput("in/big.html", b"", error=big), RawInput("in/big.html", b"", error=big)]
    job = Job(str(tmp_path / "out"))
    recorded: list[str] = []

    def on_repeat(raw: RawInput) -> bool:
        recorded.append(raw.source)
        return record_rejected_repeat(raw, job)

    summary = RunSummary(engine="ray")
    kept = [raw.source for shard in shards(raws, set(), 16, summary, on_repeat=on_repeat)
            for raw in shard]
    assert kept == ["in/a.txt", "in/big.html"]  # each written once, by its shard
    assert recorded == ["in/b.txt"]  # only the repeat under another name is read
    assert (summary.rejected, summary.skipped) == (1, 2)  # b.txt; a.txt and big.html again
    assert [r["source"] for r in read_tables(tmp_path / "out")["rejections"]] == ["in/b.txt"]


def test_load_counts_the_rejections_the_store_keeps(tmp_path: Path) -> None:
    """A rejection row whose input a --retry-rejected rerun then read (the same id and source)
    is replaced by its document: `diurna load` used to count it among "N rejected" (and a
    second load put the row back beside the stored document). It counts only the rejections
    the store keeps, and a second load keeps the same rows."""
    from diurna.page import RawInput
    from diurna.pipeline import Pipeline, rejected_document
    from diurna.scale.parquet import load, write_shard
    from diurna.store import Store

    out = tmp_path / "out"
    empty = RawInput("in/a.txt", b"")
    page = RawInput("in/page.txt", b"Envoys met in Geneva on Monday for talks, officials said.")
    write_shard([rejected_document(empty, "empty"),
                 rejected_document(page, "not_news", "an older reader's mistake")], out)
    write_shard(Pipeline([]).process_batch([page]), out)  # the retry read it
    with Store(tmp_path / "d.db") as store:
        assert load(out, store) == {"stored": 1, "duplicate": 0, "rejected": 1}
        assert [r["source"] for r in store.rejections()] == ["in/a.txt"]
        assert load(out, store) == {"stored": 0, "duplicate": 1, "rejected": 1}
        assert [r["source"] for r in store.rejections()] == ["in/a.txt"]
        assert store.has(page.doc_id())
    result = CliRunner().invoke(cli, ["load", str(out), "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 0 and "1 stored, 1 rejected in" in result.output


def test_load_drops_the_empty_row_of_a_file_that_now_holds_a_page(tmp_path: Path) -> None:
    """A file that was empty (rejected ``empty`` under the empty input's id) and now holds a
    page, written by a later run to the same output: `diurna load` stores the page and neither
    keeps nor counts the empty row, as a single-machine run drops it (session 34, brief W6)."""
    from diurna.page import RawInput
    from diurna.pipeline import Pipeline, rejected_document
    from diurna.scale.parquet import load, write_shard
    from diurna.store import Store

    out = tmp_path / "out"
    write_shard([rejected_document(RawInput("in/a.txt", b""), "empty"),
                 rejected_document(RawInput("in/b.txt", b""), "empty")], out)
    page = RawInput("in/a.txt", b"Envoys met in Geneva on Monday for talks, officials said.")
    write_shard(Pipeline([]).process_batch([page]), out)  # a.txt was filled since
    with Store(tmp_path / "d.db") as store:
        assert load(out, store) == {"stored": 1, "duplicate": 0, "rejected": 1}
        assert [r["source"] for r in store.rejections()] == ["in/b.txt"]
        assert load(out, store) == {"stored": 0, "duplicate": 1, "rejected": 1}
        assert [r["source"] for r in store.rejections()] == ["in/b.txt"]
