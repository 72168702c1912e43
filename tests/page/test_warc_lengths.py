"""A WARC record whose Content-Length is wrong but leaves bytes after it (session 39, brief P1).

warcio reads such a record to its declared length, prints a three-line WARNING on stderr when
the blank lines that end a record are not there, and reads on. Until session 39 Diurna took the
record's page as read: a length shorter than the block lost the page's end without a word in
the store, and a longer one swallowed the start of the next record (whose page was then lost,
the swallowed bytes read as the first page's). Each such record is now a ``corrupt`` rejection
naming it, the stray bytes and what to do; the warning is no longer printed; the archive's
other records are read. (A length longer than the bytes left in the file was already a
``corrupt`` rejection, "cut short".) Each test fails on ``1010274``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diurna.cli import cli
from diurna.page import iter_inputs
from tests.hostile_text import NEWS, NEWS2, QUOTE


def record(uri: str, body: str, declared_delta: int = 0) -> bytes:
    """One WARC response record whose Content-Length is its block's plus ``declared_delta``."""
    block = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
             f"<html><body><article><h1>{uri}</h1><p>{body}</p></article></body></html>"
             ).encode()
    head = ("WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2018-02-15T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{len(uri):04d}-{abs(declared_delta):04d}>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block) + declared_delta}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def test_a_length_shorter_than_the_block_is_a_rejection_and_the_next_record_reads(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "short.warc"
    path.write_bytes(record("https://example.org/short", NEWS, -40)
                     + record("https://example.org/good", NEWS2))
    raws = list(iter_inputs([str(path)]))
    assert [(r.url, r.error is None) for r in raws] == [
        ("https://example.org/short", False), ("https://example.org/good", True)]
    reason, detail = raws[0].error or ("", "")
    assert reason == "corrupt" and raws[0].data == b""
    assert detail.startswith(f"{path}: record 1 (byte 0, https://example.org/short) has a "
                             "wrong Content-Length")
    assert "42 stray bytes" in detail and "fix or drop the record" in detail  # 40 and CRLF
    assert raws[1].data.endswith(b"</html>")  # the next page whole
    assert "WARNING" not in capfd.readouterr().err


def test_a_length_that_swallows_the_next_record_is_a_rejection(tmp_path: Path) -> None:
    path = tmp_path / "long.warc"
    path.write_bytes(record("https://example.org/long", NEWS, 300)
                     + record("https://example.org/eaten", NEWS2)
                     + record("https://example.org/last", QUOTE))
    raws = list(iter_inputs([str(path)]))
    assert [(r.url, r.error is None) for r in raws] == [
        ("https://example.org/long", False), ("https://example.org/last", True)]
    reason, detail = raws[0].error or ("", "")
    assert reason == "corrupt" and "wrong Content-Length" in detail
    assert b"WARC/1.0" not in raws[1].data


def test_diurna_rejections_lists_them_and_nothing_is_printed_by_warcio(tmp_path: Path) -> None:
    """Both records of the archive are rejected before any model is needed (the batch builds
    the pipeline only for an input it reads), so this runs in a second."""
    path = tmp_path / "bad.warc"
    path.write_bytes(record("https://example.org/short", NEWS, -40)
                     + record("https://example.org/long", QUOTE, 5000))
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["process", str(path), "--db", str(db)])
    assert result.exit_code == 4, result.output  # every input rejected
    assert "WARNING" not in result.output and "Remainder" not in result.output
    listed = CliRunner().invoke(cli, ["rejections", "--db", str(db), "--format", "tsv"])
    rows = [line.split("\t") for line in listed.output.splitlines()]
    assert [(r[0], r[1]) for r in rows] == [(f"{path}#1", "corrupt"), (f"{path}#2", "corrupt")]
    assert "wrong Content-Length" in rows[0][2] and "cut short" in rows[1][2]
