"""iter_inputs: files, folders, globs, stdin, gzip, WARC, JSONL; problems travel as errors."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from diurna.model import Rejected
from diurna.page import RawInput, iter_inputs, read_page
from diurna.page.inputs import MAX_BYTES
from tests.page.fixtures import article_page

PAGE = article_page().encode("utf-8")


def test_folder_is_recursive_and_glob_matches(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "one.html").write_bytes(PAGE)
    (tmp_path / "a" / "b" / "two.html").write_bytes(PAGE)
    (tmp_path / "a" / "b" / "notes.txt").write_text("x")
    found = [Path(r.source).name for r in iter_inputs([str(tmp_path / "a")])]
    assert sorted(found) == ["notes.txt", "one.html", "two.html"]
    globbed = [Path(r.source).name for r in iter_inputs([str(tmp_path / "**" / "*.html")])]
    assert sorted(globbed) == ["one.html", "two.html"]


def test_gzip_is_recognised_by_magic_bytes(tmp_path: Path) -> None:
    path = tmp_path / "page.bin"  # no .gz suffix on purpose
    path.write_bytes(gzip.compress(PAGE))
    (raw,) = iter_inputs([str(path)])
    assert raw.data == PAGE
    assert read_page(raw).text.startswith("The foreign minister")


def test_missing_file_is_an_error_record_not_an_exception(tmp_path: Path) -> None:
    (raw,) = iter_inputs([str(tmp_path / "nope.html")])
    with pytest.raises(Rejected) as err:
        read_page(raw)
    assert err.value.reason == "not_found"


def test_file_over_the_limit_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:  # sparse 50 MB file: cheap to make
        fh.seek(50 * 1024 * 1024)
        fh.write(b"<")
    (raw,) = iter_inputs([str(path)])
    assert raw.data == b""  # nothing was read into memory
    with pytest.raises(Rejected) as err:
        read_page(raw)
    assert err.value.reason == "too_large"
    assert f"{MAX_BYTES:,}" in err.value.detail


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    lines = [json.dumps({"html": PAGE.decode(), "url": "https://e.example/1",
                         "published": "2019-11-18"}),
             json.dumps({"text": "A plain text record with enough words to be a body "
                                 "paragraph for the reader to keep as article text."}),
             "not json at all"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raws = list(iter_inputs([str(path)]))
    assert [r.kind for r in raws] == ["html", "text", None]
    doc = read_page(raws[0])
    assert doc.url == "https://e.example/1"
    assert (doc.published, doc.published_source) == ("2019-11-18", "input")
    assert read_page(raws[1]).input_format == "text"
    with pytest.raises(Rejected) as err:
        read_page(raws[2])
    assert err.value.reason == "jsonl" and ":3" in err.value.detail


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"text": "<p>Tags in a text field stay words.</p>"},
         ("text", "<p>Tags in a text field stay words.</p>")),
        ({"html": "<p>An html field is HTML.</p>", "text": "ignored"},
         ("html", "<p>An html field is HTML.</p>")),
        ({"html": None, "text": "A null html gives way to text."},
         ("text", "A null html gives way to text.")),
        ({"html": 5, "text": "not taken"}, None),  # a non-string html is refused, not skipped
        ({"title": "no page"}, None),
    ],
)
def test_a_json_record_page_field(record: dict, field: tuple[str, str] | None) -> None:
    """The one rule JSONL lines and the API's JSON upload share (docs/page.md, docs/api.md)."""
    from diurna.page.inputs import page_field

    assert page_field(record) == field


def test_warc_gives_one_input_per_html_response(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in (
                ("https://e.example/a", "text/html; charset=utf-8", PAGE),
                ("https://e.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
                ("https://e.example/b", "text/html", PAGE)):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    raws = list(iter_inputs([str(path)]))
    assert [r.url for r in raws] == ["https://e.example/a", "https://e.example/b"]
    assert raws[0].meta["charset"] == "utf-8"
    assert read_page(raws[1]).url == "https://e.example/b"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(gzip.compress(PAGE))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    (raw,) = iter_inputs(["-"])
    assert raw.source == "<stdin>" and raw.data == PAGE


def test_documents_on_stdin_each_have_their_own_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several JSONL records piped to ``diurna process -`` are not one ``<stdin>``: each is
    named by its line, as a JSONL file's are (``<stdin>:N``, blank lines counted), so each keeps
    its provenance and its own rejection record; a line's ``url`` is the document's url. Plain
    text on stdin is one page. (Checked in session 36, brief W9: already so at 5628d96; this
    test holds it.)"""
    lines = [{"text": "Police arrested ten people in Lagos.", "url": "https://a.example/1"},
             {"text": "Protesters marched in Caracas."}]
    data = (json.dumps(lines[0]) + "\n\n" + json.dumps(lines[1]) + "\nnot json\n").encode()

    class FakeStdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    raws = list(iter_inputs(["-"]))
    assert [r.source for r in raws] == ["<stdin>:1", "<stdin>:3", "<stdin>:4"]
    assert [r.url for r in raws] == ["https://a.example/1", None, None]
    assert raws[2].error is not None and raws[2].error[0] == "jsonl"
    FakeStdin.buffer = io.BytesIO(b"One page of text.\nIts second line.\n")
    assert [r.source for r in iter_inputs(["-"])] == ["<stdin>"]


def test_rawinput_interface_unchanged() -> None:
    raw = RawInput("s", b"x")
    assert (raw.kind, raw.url, raw.meta, raw.error) == (None, None, {}, None)
