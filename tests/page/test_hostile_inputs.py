"""What a real input folder holds besides news: docs, code, config, data, odd encodings, links
to nowhere, pipes, archives cut short. Each is a rejection with a reason, never a hang, never
silently skipped, never coded as news."""

from __future__ import annotations

import io
import json
import os
import random
from pathlib import Path

import pytest

from diurna.model import Rejected
from diurna.page import RawInput, iter_inputs, read_page
from diurna.page.nonnews import looks_like

NEWS_DUMP = """# Ceasefire talks resume in Geneva

Envoys from both governments met in Geneva on Monday for a second round of talks, officials said.

"We are ready to sign if the other side keeps its word," the foreign minister told reporters.

The talks are expected to last three days. A previous round collapsed in March after shelling
resumed along the border, according to the United Nations.

- Reporting by Jane Doe; editing by John Roe.
"""

MARKDOWN_DOC = """# Project

Some intro text for the tool.

## Install

```bash
pip install thing
```

| option | meaning |
| --- | --- |
| `-v` | verbose |
"""

PYTHON = '''"""A module."""

import os
from pathlib import Path


def main(argv: list[str]) -> int:
    for name in argv:
        if not Path(name).exists():
            print(f"missing {name}")
            return 1
    return 0
'''

JS = """const express = require('express');
const app = express();

app.get('/', (req, res) => {
  res.send('Hello World!');
});

app.listen(3000, () => {
  console.log('listening');
});
"""

YAML_CONFIG = """# settings
server:
  host: 0.0.0.0
  port: 8080
database:
  url: postgres://localhost/app
  pool: 5
logging:
  level: info
"""

INI_CONFIG = """[core]
editor = vim
autocrlf = false

[user]
name = Someone
email = someone@example.org
"""

CSV_DATA = "country,year,events,deaths\n" + "".join(
    f"Country{i},20{i:02d},{i * 3},{i * 7}\n" for i in range(12)
)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (MARKDOWN_DOC, "Markdown documentation"),
        (PYTHON, "source code"),
        (
            "import os\n\n\ndef main(argv):\n    for name in argv:\n        if not name:\n"
            "            return 1\n    return 0\n",
            "source code",
        ),  # few brackets, plain Python
        (JS, "source code"),
        (YAML_CONFIG, "a configuration file"),
        (INI_CONFIG, "a configuration file"),
        (CSV_DATA, "table data (CSV/TSV)"),
        (json.dumps({"results": [{"id": 1, "name": "x"}], "count": 1}, indent=2), "JSON data"),
    ],
)
def test_non_news_text_is_rejected_with_what_it_looks_like(text: str, what: str) -> None:
    assert looks_like(text) == what
    with pytest.raises(Rejected) as err:
        read_page(RawInput("input.txt", text.encode()))
    assert err.value.reason == "not_news"
    assert f"input.txt looks like {what}, not a news page" in err.value.detail


def test_news_dump_with_a_heading_a_quote_and_a_credit_line_is_news() -> None:
    assert looks_like(NEWS_DUMP) is None
    doc = read_page(RawInput("news.txt", NEWS_DUMP.encode()))
    assert "Envoys from both governments" in doc.text


def test_random_high_bytes_are_not_read_as_chinese() -> None:
    rng = random.Random(7)
    data = bytes(rng.randint(0x80, 0xFF) for _ in range(20_000))
    with pytest.raises(Rejected) as err:
        read_page(RawInput("noise.txt", data))
    assert err.value.reason in {"encoding", "binary"}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec: str) -> None:
    page = (
        "<html><head><title>Talks</title></head><body><article><p>"
        + "Envoys met in Geneva on Monday and agreed to meet again next week, officials said. " * 4
        + "</p></article></body></html>"
    )
    doc = read_page(RawInput("page.html", page.encode(codec)))
    assert doc.meta["encoding"] == codec
    assert doc.text.startswith("Envoys met in Geneva")


def _errors(paths: list[str], **kw: object) -> dict[str, tuple[str, str] | None]:
    return {Path(r.source).name: r.error for r in iter_inputs(paths, **kw)}  # type: ignore[arg-type]


def test_dangling_symlink_named_or_in_a_folder_is_a_recorded_rejection(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(NEWS_DUMP, encoding="utf-8")
    (tmp_path / "gone.html").symlink_to(tmp_path / "missing.html")
    found = _errors([str(tmp_path)])
    assert found["ok.txt"] is None
    reason, detail = found["gone.html"] or ("", "")
    assert reason == "unreadable" and "dangling symlink" in detail
    assert _errors([str(tmp_path / "gone.html")])["gone.html"] == found["gone.html"]


def test_fifo_is_rejected_not_read(tmp_path: Path) -> None:
    """Reading a FIFO blocks until a writer comes: the batch would hang forever."""
    os.mkfifo(tmp_path / "pipe.html")
    named = _errors([str(tmp_path / "pipe.html")])["pipe.html"]
    assert named is not None and named[0] == "not_a_file" and "FIFO" in named[1]
    assert _errors([str(tmp_path)])["pipe.html"] == named


def test_unreadable_folder_is_a_recorded_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(NEWS_DUMP, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NEWS_DUMP, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # tests run as root: simulate the permission
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    found = _errors([str(tmp_path)])
    assert found["b.txt"] is None
    reason, detail = found["locked"] or ("", "")
    assert reason == "unreadable" and "folder cannot be read (Permission denied)" in detail


def test_excluded_files_are_not_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NEWS_DUMP, encoding="utf-8")
    (tmp_path / "news.db").write_bytes(b"SQLite format 3\x00")
    (tmp_path / "news.db-wal").write_bytes(b"\x37\x7f\x06\x82")
    found = _errors([str(tmp_path)], exclude=[tmp_path / "news.db", tmp_path / "news.db-wal"])
    assert set(found) == {"a.txt"}


def test_a_page_that_is_one_15_mb_paragraph_keeps_its_text() -> None:
    """libxml2 drops a text node over 10 MB unless told otherwise (the page was then rejected as
    'HTML without a body'). The parse is what lost it; checked on the parse alone (fast)."""
    from diurna.page.html import _parse

    words = ("The council met again and the minister said talks would go on. " * 240_000)[
        : 15 * 1024 * 1024
    ]
    tree = _parse(f"<html><body><article><p>{words}</p></article></body></html>", "big.html")
    assert len("".join(tree.xpath("//p//text()"))) == len(words)


def _warc(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = b"<html><body><p>page %d</p></body></html>" % i
        writer.write_record(
            writer.create_warc_record(
                f"http://example.org/{i}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
            )
        )
    return buf.getvalue()


def test_warc_record_cut_short_names_the_record_and_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    path.write_bytes(_warc(3)[:-30])
    raws = list(iter_inputs([str(path)]))
    assert [r.error is None for r in raws] == [True, True, False]
    reason, detail = raws[2].error or ("", "")
    assert reason == "corrupt"
    assert "record 3" in detail and "http://example.org/2" in detail and "cut short" in detail
    assert "Error" not in detail  # no internal exception names


def test_warc_with_garbage_between_records_says_where(tmp_path: Path) -> None:
    data = _warc(3)
    cut = data.index(b"WARC/1", 10)  # the second record's start
    path = tmp_path / "bad.warc"
    path.write_bytes(data[:cut] + b"GARBAGE\r\n\r\n" + data[cut:])
    raws = list(iter_inputs([str(path)]))
    assert raws[0].error is None
    reason, detail = raws[1].error or ("", "")
    assert reason == "corrupt" and "http://example.org/0" in detail
    assert "does not start with a WARC/ARC header" in detail


def test_html_that_cannot_be_parsed_says_what_to_do_and_the_advice_works() -> None:
    """A lone fragment is not a page for trafilatura; the rejection says to wrap it or drop the
    tags, and each of the two gives a page with the fragment's text."""
    words = ("Troops attacked rebels near Aleppo on Monday, officials said. The army said it had "
             "taken two villages.")
    fragment = f"<div>{words}</div>"
    with pytest.raises(Rejected) as err:
        read_page(RawInput("frag.html", fragment.encode()))
    assert err.value.reason == "not_a_page"
    assert err.value.detail.startswith("frag.html: HTML could not be parsed: ")
    assert "wrap it in <html><body>" in err.value.detail and "remove the tags" in err.value.detail
    wrapped = read_page(RawInput("frag.html", f"<html><body>{fragment}</body></html>".encode()))
    assert wrapped.text == words
    assert read_page(RawInput("frag.txt", words.encode())).text == words
