"""The progress bar's total for folders, globs and JSONL files (session 39, brief P1).

``docs/batch.md`` listed under "Not done" that the bar had a total and the time left only when
every input was a plain one-page file: a folder, a glob or a JSONL file showed a bare count.
``count_inputs`` now says how many inputs ``iter_inputs`` will yield for those, without reading
pages; these tests hold it equal to what ``iter_inputs`` yields for a folder of awkward inputs.
They fail on ``1010274`` (no ``count_inputs``).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from diurna.page import inputs
from diurna.page.inputs import count_inputs, iter_inputs


def awkward_folder(root: Path) -> Path:
    """Pages, JSONL files of every kind, empty and odd files, a FIFO, a dangling symlink, a
    sub-folder, and a store's own files, which are no inputs."""
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_text("<html><body><p>One.</p></body></html>", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Troops attacked a village.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "lines.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\nnot json\n[1]\n',
                                        encoding="utf-8")
    (folder / "crlf.ndjson").write_bytes(b'{"html": "<p>x</p>"}\r\n{"text": "y"}\r\n')
    (folder / "blank.jsonl").write_text("\n \n", encoding="utf-8")
    (folder / "sniffed.txt").write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    (folder / "brace.txt").write_text('{not json at all}\nmore text\n', encoding="utf-8")
    (folder / "big.txt").write_bytes(b"x" * 2048)  # over the (patched) size limit
    os.mkfifo(folder / "fifo")
    (folder / "gone.html").symlink_to(folder / "nowhere.html")
    for suffix in ("", "-wal", "-shm"):
        (folder / f"store.db{suffix}").write_bytes(b"SQLite format 3\x00")
    return folder


def test_the_count_is_what_iter_inputs_yields(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", 1024)
    folder = awkward_folder(tmp_path)
    own = [str(folder / f"store.db{s}") for s in ("", "-wal", "-shm", "-journal")]
    for paths in ([str(folder)], [str(folder / "*.jsonl")], [str(folder / "**" / "*.txt")],
                  [str(folder / "a.html"), str(folder / "lines.jsonl"), str(tmp_path / "no")],
                  [str(tmp_path / "nothing-*.html")]):
        got = list(iter_inputs(paths, exclude=own))
        assert count_inputs(paths, exclude=own) == len(got), (paths, [r.source for r in got])
    # by hand: 2 pages, empty, 4 + 2 JSONL lines (two of the 4 bad), blank JSONL, sniffed 2,
    # brace, big, FIFO, dangling link; the store's files left out
    assert count_inputs([str(folder)], exclude=own) == 16


def test_gzip_is_counted_and_archives_and_standard_input_keep_no_total(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n{"text": "b"}\n'))
    (folder / "cut.gz").write_bytes(b"\x1f\x8b\x08\x00")  # damaged: one rejection
    assert count_inputs([str(folder)]) == len(list(iter_inputs([str(folder)]))) == 4
    (folder / "pages.bin").write_bytes(gzip.compress(b"WARC/1.0\r\n"))  # a gzipped WARC
    assert count_inputs([str(folder)]) is None
    assert count_inputs(["-"]) is None and count_inputs(["memory://x"]) is None


def test_archives_are_counted_when_read_through(tmp_path: Path) -> None:
    """For the count made beside the batch (``archives=True``): a WARC file's records as
    ``iter_inputs`` yields them, good, wrong in length, cut short or gzipped."""
    from tests.page.test_warc_lengths import record

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.warc").write_bytes(record("https://e.org/a", "One.") + record(
        "https://e.org/b", "Two."))
    (folder / "bad.warc").write_bytes(record("https://e.org/c", "Three.", -4)
                                      + record("https://e.org/d", "Four.", 9000))
    (folder / "z.warc.gz").write_bytes(gzip.compress(record("https://e.org/e", "Five.")))
    (folder / "page.html").write_text("<p>Six.</p>", encoding="utf-8")
    assert count_inputs([str(folder)]) is None  # not without reading the archives
    assert count_inputs([str(folder)], archives=True) == len(list(iter_inputs([str(folder)])))
    assert count_inputs([str(folder)], archives=True) == 6


def test_the_bar_takes_the_count_made_beside_the_batch(tmp_path: Path) -> None:
    import time

    from diurna.cli import _count_beside, _with_progress
    from tests.page.test_warc_lengths import record

    path = tmp_path / "a.warc"
    path.write_bytes(b"".join(record(f"https://e.org/{i}", "Text.") for i in range(3)))
    later = _count_beside([str(path)], None)
    for _ in range(200):  # the thread reads a small file: well under a second
        if later() is not None:
            break
        time.sleep(0.01)
    assert later() == 3
    assert list(_with_progress(iter([]), True, None, later)) == []
    assert len(list(_with_progress(iter(
        [type("O", (), {"source": f"s{i}"})() for i in range(3)]), True, None, later))) == 3
