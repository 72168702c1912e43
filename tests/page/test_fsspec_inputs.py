"""Inputs named by fsspec URLs (file://, memory://): read as the same files on disk would be."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from diurna.cli import cli
from diurna.model import Rejected
from diurna.page import iter_inputs, read_page
from tests.page.fixtures import article_page

fsspec = pytest.importorskip("fsspec")
PAGE = article_page().encode("utf-8")
RECORDS = b"".join(
    json.dumps({"text": f"Troops attacked rebels in Aleppo on day {i}.", "published":
                "2024-03-0" + str(i)}).encode() + b"\n" for i in (1, 2)
)


@pytest.fixture
def memory_pages() -> Iterator[str]:
    """A folder in fsspec's in-memory filesystem: a page, a gzipped copy, two JSONL records."""
    fs = fsspec.filesystem("memory")
    root = "/diurna-test-pages"
    fs.pipe({f"{root}/a/one.html": PAGE, f"{root}/a/b/two.html.gz": gzip.compress(PAGE),
             f"{root}/records.jsonl": RECORDS})
    yield f"memory://{root}"
    fs.rm(root, recursive=True)


def test_a_memory_folder_is_read_recursively_like_a_local_one(memory_pages: str,
                                                               tmp_path: Path) -> None:
    remote = list(iter_inputs([memory_pages]))
    for name, data in (("a/one.html", PAGE), ("a/b/two.html.gz", gzip.compress(PAGE)),
                       ("records.jsonl", RECORDS)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    local = list(iter_inputs([str(tmp_path)]))
    assert sorted(r.data for r in remote) == sorted(r.data for r in local)
    assert len(remote) == 4  # the gzipped page is opened, the JSONL gives one input per line
    assert all(r.source.startswith("memory://") and r.error is None for r in remote)
    assert {r.meta.get("published") for r in remote} >= {"2024-03-01", "2024-03-02"}


def test_a_glob_and_a_single_file_url(memory_pages: str) -> None:
    globbed = [r.source for r in iter_inputs([f"{memory_pages}/**/*.html"])]
    assert [s.rsplit("/", 1)[-1] for s in globbed] == ["one.html"]
    (raw,) = iter_inputs([f"{memory_pages}/a/one.html"])
    assert read_page(raw).text.startswith("The foreign minister")


def test_a_file_url_reads_the_same_bytes_as_its_path(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(PAGE)
    (by_url,) = iter_inputs([(tmp_path / "p.html").as_uri()])
    (by_path,) = iter_inputs([str(tmp_path / "p.html")])
    assert by_url.data == by_path.data and by_url.source.startswith("file://")


def test_missing_urls_and_filesystems_are_rejections_not_exceptions(memory_pages: str) -> None:
    (missing,) = iter_inputs([f"{memory_pages}/nope.html"])
    with pytest.raises(Rejected) as err:
        read_page(missing)
    assert err.value.reason == "not_found"
    (unknown,) = iter_inputs(["nosuchfs://bucket/page.html"])
    with pytest.raises(Rejected) as err:
        read_page(unknown)
    assert err.value.reason == "unreadable" and "nosuchfs" in err.value.detail


def test_diurna_process_stores_pages_named_by_a_memory_url(memory_pages: str,
                                                           tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    out = CliRunner().invoke(cli, ["process", memory_pages, "--db", str(db), "--format",
                                   "jsonl", "-q"])
    assert out.exit_code == 0, out.output
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(docs) == 4 and all(d["source"].startswith("memory://") for d in docs)
    assert len({d["id"] for d in docs}) == 3  # the page and its gzipped copy are one document


def test_input_names_lists_files_without_reading_them(memory_pages: str, tmp_path: Path) -> None:
    from diurna.page import input_names

    remote = input_names([memory_pages, f"{memory_pages}/**/*.html", f"{memory_pages}/none"])
    assert [n.split("diurna-test-pages/")[-1] for n in remote] == [
        "a/b/two.html.gz", "a/one.html", "records.jsonl", "a/one.html", "none"]
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "p.html").write_bytes(PAGE)
    assert input_names([str(tmp_path), str(tmp_path / "x.html")]) == [
        str(tmp_path / "d" / "p.html"), str(tmp_path / "x.html")]


def test_a_gzip_bomb_url_is_refused_without_decompressing_it_whole() -> None:
    """The archive sniff reads the first bytes only; the page is then refused at the limit."""
    import tracemalloc
    import zlib

    from diurna.page.inputs import MAX_BYTES

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip container
    size = 8 * MAX_BYTES  # 168 MB of blanks in about 160 KB
    bomb = b"".join([packer.compress(b" " * 1_000_000) for _ in range(size // 1_000_000)]
                    + [packer.flush()])
    fs = fsspec.filesystem("memory")
    fs.pipe({"/diurna-test-bomb/page.html.gz": bomb})
    tracemalloc.start()
    try:
        (raw,) = iter_inputs(["memory:///diurna-test-bomb/page.html.gz"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        fs.rm("/diurna-test-bomb", recursive=True)
    assert raw.error is not None and raw.error[0] == "too_large"
    # the limit was decompressed (held twice while it is copied), not the whole bomb
    assert peak < 3 * MAX_BYTES
