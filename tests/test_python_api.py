"""The Python API as a user meets it (session 35, brief W8): the examples of docs/python-api.md
run as written; the top-level calls take the CLI's options with its defaults; a mistake in a
call is an error naming the argument, never a traceback from deep inside; the public names of
before keep working."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import diurna

DOC = Path(__file__).parents[1] / "docs" / "python-api.md"


def _examples() -> list[str]:
    """The ```python blocks of docs/python-api.md, in order."""
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_documented_examples_run(shared: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example, in order, in one namespace, from a folder beside ``../shared`` (as the
    README's commands run from the checkout)."""
    (tmp_path / "shared").symlink_to(shared)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    blocks = _examples()
    assert len(blocks) >= 8  # string, HTML, files, provenance, store, actors, clusters, bad input
    namespace: dict[str, object] = {}
    for i, block in enumerate(blocks):
        exec(compile(block, f"{DOC.name} example {i + 1}", "exec"), namespace)
    for out in ("news.db", "events.csv", "events.parquet", "events-polecat.jsonl", "dyads.csv"):
        assert (work / out).is_file(), out


# --- the names --------------------------------------------------------------------------------

BEFORE = ("Document", "Pipeline", "RawInput", "Rejected", "Store", "process", "process_file",
          "process_paths", "default_pipeline")  # diurna.__all__ at 1a58d61


@pytest.mark.parametrize("name", [*BEFORE, "Event", "Mention", "Place", "Quote", "Span",
                                  "TimeExpr", "export_events"])
def test_every_public_name_imports_from_the_top(name: str) -> None:
    assert name in diurna.__all__
    exec(f"from diurna import {name}", {})


def test_the_model_classes_and_export_are_the_modules_own() -> None:
    from diurna.model import Event, Mention, Place, TimeExpr
    from diurna.store.export import export_events

    assert (diurna.Event, diurna.Mention, diurna.Place, diurna.TimeExpr) == (
        Event, Mention, Place, TimeExpr)
    assert diurna.export_events is export_events


# --- the CLI's options, names and defaults ------------------------------------------------------

@pytest.mark.parametrize("call", ["process", "process_file", "process_paths"])
def test_coding_options_are_the_clis_with_its_defaults(call: str) -> None:
    from diurna.cli import process as process_command

    cli = {p.name: p.default for p in process_command.params}
    params = inspect.signature(getattr(diurna, call)).parameters
    # --coder, --args (args_by in the command's function), --gate
    assert (params["coder"].default, params["args"].default, params["gate"].default) == (
        cli["coder"], cli["args_by"], cli["gate"]) == ("learned", "learned", "actors")


@pytest.mark.parametrize(("option", "message"), [
    ({"coder": "neural"}, "unknown event coder 'neural'; choose one of learned, rules, keyword"),
    ({"args": "both"}, "unknown argument attachment 'both'; choose one of rules, learned"),
    ({"gate": "none"}, "unknown gate 'none'; choose one of actors, parties, off"),
])
def test_a_bad_coding_option_is_named(option: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        diurna.process("Some text.", **option)


def test_default_pipeline_is_one_whether_the_defaults_are_spelt_or_not() -> None:
    assert diurna.default_pipeline() is diurna.default_pipeline((), "learned", "learned", "actors")


# --- the store's calls: recode, clusters, export (session 36, brief W9) -------------------------

def _empty(value: object) -> object:
    """A default that means "none given": click's None of a repeatable option, an empty tuple."""
    return () if value is None or value == () else value


@pytest.mark.parametrize(("call", "command", "names"), [
    ("recode", "recode", {"everything": "everything", "doc_ids": "doc_ids",
                          "actors": "actor_files", "coder": "coder", "args": "args_by",
                          "gate": "gate"}),
    ("event_clusters", "clusters_command", {"min_articles": "min_articles", "no_build": "no_build",
                                      "linker": "linker"}),
    ("export_events", "export", {"columns": "columns", "dyads": "dyads",
                                 "all_copies": "all_copies"}),
])
def test_the_store_calls_take_their_commands_options_with_its_defaults(
        call: str, command: str, names: dict[str, str]) -> None:
    """``diurna.recode``/``event_clusters``/``export_events`` and ``diurna recode``/``clusters``/
    ``export``: each option under the command's name (``--all`` is ``everything``, as
    ``batch.recode``), with the command's default (export kept near-duplicate copies before)."""
    import diurna.cli

    cmd = getattr(diurna.cli, command)
    cli = cmd.make_context(command, [], resilient_parsing=True).params  # what a bare run gets
    params = inspect.signature(getattr(diurna, call)).parameters
    assert {mine: _empty(params[mine].default) for mine in names} == {
        mine: _empty(cli[theirs]) for mine, theirs in names.items()}


def test_recode_is_a_top_level_call(one_event_db: Path) -> None:
    """``diurna.recode(store)`` as ``diurna recode``: the stored document has no recorded coder,
    so it is stale; once re-coded, it is up to date."""
    with diurna.Store(one_event_db) as store:
        with pytest.raises(ValueError, match="unknown event coder 'neural'"):
            diurna.recode(store, coder="neural")
        done = diurna.recode(store)
        assert [(o.status, o.source) for o in done] == [("recoded", "a.txt")]
        assert diurna.recode(store) == []
        assert [o.status for o in diurna.recode(store, doc_ids=["0123456789abcdef"])] == [
            "recoded"]


def test_event_clusters_is_a_top_level_call_beside_the_package(one_event_db: Path) -> None:
    """``diurna.event_clusters(store)`` as ``diurna clusters``, after ``import diurna.clusters``
    too (the subpackage keeps its name). One stored event: no cluster of two articles."""
    import diurna.clusters as package

    assert package is diurna.clusters and diurna.event_clusters is package.event_clusters
    with diurna.Store(one_event_db) as store:
        assert diurna.event_clusters(store) == []
        assert diurna.event_clusters(store, no_build=True) == []
        with pytest.raises(ValueError, match="unknown linker 'neural'"):
            diurna.event_clusters(store, linker="neural")
        with pytest.raises(ValueError, match="min_articles 0"):
            diurna.event_clusters(store, min_articles=0)
        assert diurna.event_clusters(store, min_articles=1, no_build=True) == []


def test_import_diurna_imports_neither_the_batch_nor_the_clusters() -> None:
    script = ("import sys, diurna; print([m for m in ('diurna.batch', 'diurna.clusters', "
              "'diurna.store') if m in sys.modules])")
    src = str(Path(diurna.__file__).parents[1])
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": src})
    assert out.stdout.strip() == "[]"


# --- bad input: an error naming the argument ----------------------------------------------------

def test_a_path_given_as_the_page_says_to_use_process_file(seed_path: Path) -> None:
    with pytest.raises(TypeError, match=r"not PosixPath; for a file use diurna\.process_file"):
        diurna.process(seed_path)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="data must be the page as str or bytes, not int"):
        diurna.process(42)  # type: ignore[arg-type]


def test_one_path_is_read_as_one_path_not_its_characters(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1a58d61 read ``process_paths("pg")`` as the paths ``p`` and ``g`` (and an absolute
    path's ``/`` as the whole file system)."""
    monkeypatch.chdir(tmp_path)
    Path("pg").write_text("Rebels attacked an army post in Homs on Monday, officials said.\n",
                          encoding="utf-8")
    docs = list(diurna.process_paths("pg", published="2018-02-15"))
    assert [(d.source, d.rejected) for d in docs] == [("pg", None)]


def test_paths_may_be_pathlib_paths(seed_path: Path) -> None:
    doc = diurna.process_file(seed_path, published="2018-02-15")
    assert (doc.source, doc.rejected) == (str(seed_path), None)


def test_a_path_list_of_something_else_names_it() -> None:
    with pytest.raises(TypeError, match="paths must be paths .*not int 42"):
        diurna.process_paths([42])  # type: ignore[list-item]


def test_a_generator_of_paths_still_streams() -> None:
    """Names from a generator are checked as they are read, not gathered first (a batch of
    millions of files starts at once, as before)."""
    read: list[str] = []

    def names() -> Iterator[str]:
        read.append("first")
        yield "first.html"

    docs = diurna.process_paths(names())
    assert read == []
    del docs


def test_an_empty_folder_is_named_not_a_bare_stop_iteration(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=f"no page found at {re.escape(str(tmp_path))}"):
        diurna.process_file(str(tmp_path))


def test_one_actor_file_given_alone_is_that_file(tmp_path: Path) -> None:
    """A missing file is named whole (1a58d61 read the name as files of one letter each and
    named the first, 'm')."""
    missing = tmp_path / "missing-actors.yaml"
    with pytest.raises(ValueError, match=re.escape(f"{missing}: actor dictionary file not found")):
        diurna.process("Some text.", actors=str(missing))  # type: ignore[arg-type]


def test_a_date_or_datetime_is_a_publication_day() -> None:
    """Its own calendar day, naive or aware (the signature says so, for mypy)."""
    from datetime import date, datetime, timedelta, timezone

    assert "date" in str(inspect.signature(diurna.process).parameters["published"].annotation)
    text = "Rebels attacked an army post in Homs on Monday, officials said."
    for day in (date(2018, 2, 15), datetime(2018, 2, 15, 23, 30),
                datetime(2018, 2, 15, 23, 30, tzinfo=timezone(timedelta(hours=-5)))):
        assert diurna.process(text, published=day).published == "2018-02-15"


def test_a_rejected_documents_detail_is_on_the_document() -> None:
    empty = diurna.process(b"")
    assert empty.rejected == "empty" and empty.rejection_detail
    assert diurna.process("Rebels attacked an army post in Homs.").rejection_detail is None


# --- typed for users ----------------------------------------------------------------------------

USER_SCRIPT = '''
from datetime import date
from pathlib import Path

import diurna
from diurna import Document, Event, Mention, Store
from diurna.batch import Outcome

doc: Document = diurna.process("Text.", published=date(2018, 2, 15), coder="rules")
first: Event = doc.events[0]
actor: Mention | None = first.actor
docs: list[Document] = list(diurna.process_paths(Path("pages"), workers=2))
one: Document = diurna.process_file(Path("page.html"), actors=[Path("a.yaml")])
rows = Store("x.db", create=False).events(type="ASSAULT")
n: int = diurna.export_events(Store("x.db"), "out.csv", all_copies=True)
again: list[Outcome] = diurna.recode(Store("x.db"), everything=True)
found: list[dict[str, object]] = diurna.event_clusters(Store("x.db"), min_articles=3)
wrong: int = doc.events  # the one error mypy must report
'''


def test_a_user_script_type_checks_against_the_package(tmp_path: Path) -> None:
    """mypy reads the package's annotations (``py.typed``): a correct script passes, a wrong
    assignment is reported."""
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        pytest.skip("mypy is not installed beside this Python")
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    src = str(Path(diurna.__file__).parents[1])
    env = {**os.environ, "MYPYPATH": src}
    out = subprocess.run(
        [str(mypy), "--no-error-summary", "--follow-imports=silent", "--cache-dir",
         str(tmp_path / "cache"), "--python-version", "3.11", str(script)],
        capture_output=True, text=True, env=env, cwd=tmp_path)
    errors = [line for line in out.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and "user.py:18:" in errors[0], out.stdout
