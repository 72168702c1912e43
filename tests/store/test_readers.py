"""Readers of a store (``Store(readonly=True)``, the read-only API server): they never change
the database file's bytes, leave no ``-wal``/``-shm`` files of their own behind, and see the rows
a live writer commits, also in a folder they may not write (SQLite's immutable mode there)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.store.test_store import make_doc

from diurna.api.app import Database
from diurna.store import Store
from diurna.store.sqlite import is_snapshot, reader_files


def _files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _documents(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def test_a_reader_changes_no_byte_and_leaves_no_files(tmp_path: Path) -> None:
    """SQLite's ``mode=ro`` makes the ``-wal`` and ``-shm`` a WAL file wants and, unable to
    write, never removes them: every ``diurna events`` left two files beside the store. The
    reader now has them removed when it closes, and its bytes are the writer's."""
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.save(make_doc("d1"))
    before = path.read_bytes()
    assert _files(path) == ["store.db"]
    with Store(path, readonly=True) as reader:
        assert reader.readonly and not is_snapshot(reader.read_uri)
        assert reader.count("documents") == 1
        assert _files(path) == ["store.db", "store.db-shm", "store.db-wal"]  # while it reads
    assert _files(path) == ["store.db"]
    assert path.read_bytes() == before


def test_a_reader_beside_a_live_writer_sees_its_commits_and_leaves_its_files(
        tmp_path: Path) -> None:
    """An open reader sees what a writer commits after it opened; closing it removes nothing
    the writer still uses, and the writer, closing last, removes them as always."""
    path = tmp_path / "store.db"
    with Store(path) as writer:
        writer.save(make_doc("d1"))
        with Store(path, readonly=True) as reader:
            assert reader.count("documents") == 1
            writer.save(make_doc("d2"))
            assert reader.count("documents") == 2
            assert [e["doc_id"] for e in reader.events()][-1] == "d2"
        assert reader_files(path)[0].exists()  # the writer's -wal, kept for it
        writer.save(make_doc("d3"))  # and the writer goes on
    assert _files(path) == ["store.db"]


def test_a_frameful_wal_is_never_copied_into_the_file_by_a_reader(tmp_path: Path) -> None:
    """A ``-wal`` holding commits (a writer killed before it could copy them into the file):
    the reader sees them and leaves both files as they are; tidying would have copied them
    into the database file, a change of its bytes."""
    import sqlite3

    path = tmp_path / "store.db"
    with Store(path) as store:
        store.save(make_doc("d1"))
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE documents SET title = 'changed'")
    writer.commit()
    # a killed writer: the -wal and -shm stay as they are (copied aside, the handle dropped)
    saved = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    writer.close()
    for name, data in saved.items():
        (tmp_path / name).write_bytes(data)
    before = path.read_bytes()
    wal = reader_files(path)[0].read_bytes()
    assert wal
    with Store(path, readonly=True) as reader:
        assert reader.conn.execute("SELECT title FROM documents").fetchone()[0] == "changed"
    assert path.read_bytes() == before and reader_files(path)[0].read_bytes() == wal


@pytest.fixture()
def unwritable_folder() -> Iterator[Path]:
    """A folder that root owns and the user ``nobody`` (uid 65534) may read but not write."""
    if os.geteuid() != 0:
        pytest.skip("needs a second user: runs where the tests run as root")
    folder = Path(tempfile.mkdtemp(prefix="diurna-readers-"))  # (tmp_path's parents are 0700)
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def _as_nobody(steps: Callable[[Callable[[str], None]], dict[str, Any]],
               parent: Callable[[str], None]) -> dict[str, Any]:
    """Run ``steps`` in a child process as ``nobody``; each time it calls its argument with a
    word, ``parent(word)`` runs here (as root, the folder's writer) before the child goes on.
    Returns what ``steps`` returned (or raises what it raised)."""
    to_parent_r, to_parent_w = os.pipe()
    to_child_r, to_child_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.setgid(65534)
            os.setuid(65534)

            def ask(word: str) -> None:
                os.write(to_parent_w, (word + "\n").encode())
                os.read(to_child_r, 1)

            out = {"result": steps(ask)}
        except BaseException as err:  # reported to the parent, which fails the test
            out, code = {"error": repr(err)}, 1
        os.write(to_parent_w, (json.dumps(out) + "\n").encode())
        os._exit(code)
    os.close(to_parent_w)
    with os.fdopen(to_parent_r) as lines:
        for line in lines:
            if line.startswith("{"):
                os.waitpid(pid, 0)
                out = json.loads(line)
                assert "error" not in out, out["error"]
                return dict(out["result"])
            parent(line.strip())
            os.write(to_child_w, b".")
    os.waitpid(pid, 0)
    raise AssertionError("the child process ended without an answer")


def test_in_a_folder_the_reader_may_not_write_it_reads_a_snapshot_and_sees_later_rows(
        unwritable_folder: Path) -> None:
    """Where ``mode=ro`` cannot make the ``-shm`` file (another user's folder, no writer
    running), the store is read as an immutable snapshot: no byte changes and no file is made.
    The folder's owner may still write: the API's snapshot connections open again when the file
    changes (they kept serving the rows of the moment they opened), and a reader opened beside
    a live writer reads it through ``mode=ro`` and sees its commits."""
    path = unwritable_folder / "store.db"
    with Store(path) as store:
        store.save(make_doc("d1"))
    before = path.read_bytes()
    writer: list[Store] = []

    def parent(word: str) -> None:
        if word == "write and close":
            with Store(path) as store:
                store.save(make_doc("d2"))
        elif word == "write and stay":
            writer.append(Store(path))
            writer[0].save(make_doc("d3"))
        elif word == "close the writer":
            writer.pop().close()

    def steps(ask: Callable[[str], None]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        with Store(path, readonly=True) as reader:
            out["snapshot"] = is_snapshot(reader.read_uri)
            out["count"] = reader.count("documents")
            read_uri = reader.read_uri
        out["files"] = _files(path)
        out["unchanged"] = path.read_bytes() == before
        api = Database(path, read_uri=read_uri)
        out["api"] = [_documents(api.read())]
        ask("write and close")
        out["api"].append(_documents(api.read()))
        ask("write and stay")
        out["api"].append(_documents(api.read()))
        with Store(path, readonly=True) as reader:
            out["live"] = (is_snapshot(reader.read_uri), reader.count("documents"))
        ask("close the writer")
        out["api"].append(_documents(api.read()))
        api.close()
        return out

    out = _as_nobody(steps, parent)
    assert out["snapshot"] and out["count"] == 1
    assert out["files"] == ["store.db"] and out["unchanged"]
    assert out["api"] == [1, 2, 3, 3]
    assert out["live"] == [False, 3]
    # the writer closed while the server read: its -wal and -shm stay (nobody may delete them
    # in that folder) until the owner's next open closes last, as SQLite does
    Store(path).close()
    assert _files(path) == ["store.db"]


def test_a_new_store_in_a_folder_the_user_may_not_write_says_so(unwritable_folder: Path) -> None:
    """``diurna process --db`` with a new file in another user's folder (or on a read-only
    mount): SQLite says "unable to open database file", which Diurna called "not a Diurna
    database"; it now says the folder is not writable and what to pass instead."""
    path = unwritable_folder / "new.db"

    def steps(ask: Callable[[str], None]) -> dict[str, Any]:
        try:
            Store(path)
        except (OSError, ValueError) as err:
            return {"kind": type(err).__name__, "message": str(err)}
        return {"kind": None, "message": ""}

    out = _as_nobody(steps, lambda word: None)
    assert out["kind"] == "PermissionError"
    assert out["message"].startswith(f"cannot write a database in {unwritable_folder}: ")
    assert "not writable" in out["message"] and not path.exists()
