"""`diurna fetch` against a web server this test starts on loopback (no other network is used):
feeds, sitemaps, redirects, 404/500, slow and oversized responses, robots.txt, wrong charsets."""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diurna.cli import cli
from diurna.fetch import FetchConfig, Fetcher, fetch_inputs, parse_feed
from diurna.store import Store
from tests.cli.test_cli import PNG


def article(title: str, where: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>Envoys from both governments met in {where} on Monday for a second round of talks "
        "on the disputed border, officials said after the meeting ended.</p>"
        "<p>The talks are expected to last three days, according to the United Nations, which "
        "has offered to host a further round next month if both sides agree.</p>"
        "</article></body></html>"
    )


HITS: dict[str, int] = {}
ACCEPTED: dict[str, str] = {}  # path -> the Accept-Encoding header it was asked with


def gzip_bomb(size: int, wbits: int = 31) -> bytes:
    """A gzipped sitemap of ``size`` bytes (almost all blank) in about size/1000 bytes, made in
    1 MB steps so that the test itself never holds the whole content. ``wbits`` 31 gives a gzip
    container, 15 zlib data (HTTP's ``deflate``)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    head = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    parts = [packer.compress(head)]
    parts += [packer.compress(b" " * 1_000_000) for _ in range(size // 1_000_000)]
    parts += [packer.compress(b"</urlset>"), packer.flush()]
    return b"".join(parts)


BOMB_SIZE = 64_000_000
BOMB = gzip_bomb(BOMB_SIZE)
DEFLATE_BOMB = gzip_bomb(BOMB_SIZE, zlib.MAX_WBITS)
GENEVA = article("Talks in Geneva", "Geneva").encode()
VIENNA = article("Talks in Vienna", "Vienna").encode()


def raw_deflate(data: bytes) -> bytes:
    """``data`` as raw deflate (no zlib header), as some servers send ``deflate``."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def stored_first(data: bytes, head: bytes = b"\x78\x9c") -> bytes:
    """``data`` as raw deflate whose first block is stored (not final) and holds its first
    ``head[1]`` bytes, with the header byte's padding bits set so that the stream starts with
    ``head``: bytes that pass the zlib header check (``78 9c`` is what zlib itself writes).
    Inflaters ignore those padding bits (RFC 1951, 3.2.4)."""
    assert head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0  # looks like zlib
    size = head[1]
    block = head + bytes([0, size ^ 0xFF, 0xFF]) + data[:size]  # LEN, then NLEN = ~LEN
    return block + raw_deflate(data[size:])


def routes(base: str) -> dict[str, tuple[int, dict[str, str], bytes]]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    xml = {"Content-Type": "application/gzip"}
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>{base}/a.html</link>
<pubDate>Mon, 12 Feb 2018 09:00:00 GMT</pubDate></item>
<item><title>B</title><link>/b.html</link><pubDate>Tue, 13 Feb 2018 09:00:00 GMT</pubDate></item>
</channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><title>A</title><link href="{base}/a.html"/><updated>2018-03-02T10:00:00Z</updated>
<published>2018-03-01T10:00:00Z</published></entry></feed>"""
    sitemap_index = f"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-1.xml</loc></sitemap></sitemapindex>"""
    sitemap = f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/a.html</loc><lastmod>2018-02-12</lastmod></url>
<url><loc>{base}/private/c.html</loc></url></urlset>"""
    latin = article("Talks in Zürich", "Zürich").encode("utf-8")
    return {
        "/robots.txt": (
            200,
            {"Content-Type": "text/plain"},
            b"User-agent: *\nDisallow: /private/\n",
        ),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, feed.encode()),
        "/atom.xml": (200, {"Content-Type": "application/atom+xml"}, atom.encode()),
        "/sitemap.xml": (200, {"Content-Type": "application/xml"}, sitemap_index.encode()),
        "/sitemap-1.xml": (200, {"Content-Type": "application/xml"}, sitemap.encode()),
        "/a.html": (200, html, article("Talks in Geneva", "Geneva").encode()),
        "/b.html": (200, html, article("Talks in Vienna", "Vienna").encode()),
        "/private/c.html": (200, html, article("Secret", "Oslo").encode()),
        "/moved": (302, {"Location": "/b.html"}, b""),
        "/missing": (404, html, b"<html><body>not here</body></html>"),
        "/broken": (500, html, b"oops"),
        "/slow": (200, html, b"slow"),
        "/big": (200, html, b"<p>" + b"x" * 300_000 + b"</p>"),
        "/sitemap-small.xml.gz": (200, xml, gzip.compress(sitemap.encode())),
        "/sitemap-bomb.xml.gz": (200, xml, BOMB),
        # a gzip header, then bytes that are not deflate data
        "/sitemap-damaged.xml.gz": (200, xml, gzip.compress(sitemap.encode())[:10] + b"junk" * 50),
        # pages sent compressed, decoded by the fetcher itself (Content-Encoding)
        "/gz.html": (200, {**html, "Content-Encoding": "gzip"}, gzip.compress(GENEVA)),
        "/two-members.html": (200, {**html, "Content-Encoding": "gzip"},
                              gzip.compress(GENEVA[:100]) + gzip.compress(GENEVA[100:])),
        "/zlib.html": (200, {**html, "Content-Encoding": "deflate"}, zlib.compress(VIENNA)),
        "/deflate.html": (200, {**html, "Content-Encoding": "deflate"}, raw_deflate(VIENNA)),
        "/deflate-zlib-look.html": (200, {**html, "Content-Encoding": "deflate"},
                                    stored_first(VIENNA)),
        "/zlib-damaged.html": (200, {**html, "Content-Encoding": "deflate"},
                               zlib.compress(VIENNA)[:6] + b"junk" * 50),
        "/deflate-damaged.html": (200, {**html, "Content-Encoding": "deflate"},
                                  b"\xff" + raw_deflate(VIENNA)),  # block type 3: invalid
        "/gz-damaged.html": (200, {**html, "Content-Encoding": "gzip"},
                              gzip.compress(GENEVA)[:10] + b"junk" * 50),
        "/gz-padded.html": (200, {**html, "Content-Encoding": "gzip"},
                            gzip.compress(GENEVA) + b"\0" * 8),
        "/gz-cut.html": (200, {**html, "Content-Encoding": "gzip"},
                         gzip.compress(GENEVA)[:-40]),
        "/deflate-cut.html": (200, {**html, "Content-Encoding": "deflate"},
                              zlib.compress(VIENNA)[:-40]),
        "/bomb.html": (200, {**html, "Content-Encoding": "gzip"}, BOMB),
        "/deflate-bomb.html": (200, {**html, "Content-Encoding": "deflate"}, DEFLATE_BOMB),
        # a server that labels every page ISO-8859-1 while sending UTF-8
        "/latin.html": (200, {"Content-Type": "text/html; charset=ISO-8859-1"}, latin),
        "/logo.png": (200, {"Content-Type": "image/png"}, PNG),  # fetched, then rejected
        "/late.html": (200, html, article("Talks in Bern", "Bern").encode()),  # 404 first
    }


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    table: dict[str, tuple[int, dict[str, str], bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            HITS[self.path] = HITS.get(self.path, 0) + 1
            ACCEPTED[self.path] = self.headers.get("Accept-Encoding", "")
            status, headers, body = table.get(self.path, (404, {}, b"no such page"))
            if self.path == "/slow":
                time.sleep(2)
            if self.path == "/late.html" and HITS[self.path] == 1:
                status = 404  # not there yet on the first request: a page published late
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # the fetcher may stop reading at its size cap: that is what some tests check
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    table.update(routes(base))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


def fetcher(**kw: object) -> Fetcher:
    config = FetchConfig(delay=0, timeout=1.0, retries=1, backoff=0.05, max_bytes=200_000)
    for key, value in kw.items():
        setattr(config, key, value)
    return Fetcher(config)


def test_feed_entries_come_with_their_dates(server: str) -> None:
    f = fetcher()
    assert f.feed_entries(f"{server}/feed.xml") == [
        (f"{server}/a.html", "2018-02-12"),
        (f"{server}/b.html", "2018-02-13"),  # relative link made absolute
    ]
    assert f.feed_entries(f"{server}/atom.xml") == [(f"{server}/a.html", "2018-03-01")]


def test_sitemap_index_is_followed_and_robots_refuses_a_private_page(server: str) -> None:
    f = fetcher()
    pages = f.sitemap_urls(f"{server}/sitemap.xml")
    assert pages == [(f"{server}/a.html", "2018-02-12"), (f"{server}/private/c.html", None)]
    raws = {r.source: r for r in fetch_inputs(f, sitemaps=[f"{server}/sitemap.xml"])}
    assert raws[f"{server}/a.html"].error is None
    assert raws[f"{server}/a.html"].meta["published"] == "2018-02-12"
    reason, detail = raws[f"{server}/private/c.html"].error or ("", "")
    assert reason == "robots" and "robots.txt does not allow" in detail
    assert f.allowed(f"{server}/private/c.html") is False
    assert fetcher(robots=False).allowed(f"{server}/private/c.html") is True


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    raw = fetcher().page(f"{server}/moved")
    assert raw.error is None and raw.url == f"{server}/b.html"
    assert b"Vienna" in raw.data


@pytest.mark.parametrize(
    ("path", "reason", "words"),
    [
        ("/missing", "fetch", "HTTP 404"),
        ("/broken", "fetch", "HTTP 500"),
        ("/slow", "fetch", "no answer within 1 s"),
        ("/big", "too_large", "the limit is 200,000"),
    ],
)
def test_pages_that_cannot_be_fetched_are_rejections_naming_url_and_problem(
    server: str, path: str, reason: str, words: str
) -> None:
    raw = fetcher().page(f"{server}{path}")
    assert raw.error is not None
    assert raw.error[0] == reason
    assert raw.error[1].startswith(f"{server}{path}: ") and words in raw.error[1]


def test_server_errors_are_retried(server: str) -> None:
    before = HITS.get("/broken", 0)
    fetcher(retries=2).page(f"{server}/broken")
    assert HITS["/broken"] - before == 3


def test_wrongly_labelled_charset_is_read_as_the_utf8_it_is(server: str) -> None:
    from diurna.page import read_page

    doc = read_page(fetcher().page(f"{server}/latin.html"))
    assert "Zürich" in doc.text and "Ã" not in doc.text


def test_not_a_feed_is_a_rejection(server: str) -> None:
    (raw,) = list(fetch_inputs(fetcher(), feeds=[f"{server}/a.html"]))
    assert raw.error is not None and raw.error[0] == "not_a_feed"


def test_parse_feed_reads_rss_1_and_keeps_updated_only_as_a_fallback() -> None:
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <item rdf:about="http://x.example/1"><title>1</title><dc:date>2019-05-01</dc:date></item>
      </rdf:RDF>"""
    assert parse_feed(rdf, "http://x.example/feed") == [("http://x.example/1", "2019-05-01")]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <link rel="alternate" href="http://x.example/2"/><updated>2019-06-02T00:00:00Z</updated>
      </entry></feed>"""
    assert parse_feed(atom, "http://x.example/feed") == [("http://x.example/2", "2019-06-02")]


def test_gzipped_sitemap_is_read(server: str) -> None:
    assert fetcher().sitemap_urls(f"{server}/sitemap-small.xml.gz") == [
        (f"{server}/a.html", "2018-02-12"), (f"{server}/private/c.html", None)]


def test_gzip_bomb_sitemap_is_refused_without_filling_memory(server: str) -> None:
    assert len(BOMB) < 200_000  # under the response cap: only decompression can catch it
    f = fetcher()
    tracemalloc.start()
    try:
        (raw,) = list(fetch_inputs(f, sitemaps=[f"{server}/sitemap-bomb.xml.gz"]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert raw.error is not None
    reason, detail = raw.error
    assert reason == "too_large"
    assert detail.startswith(f"{server}/sitemap-bomb.xml.gz: ") and "200,000 bytes" in detail
    assert peak < BOMB_SIZE // 8  # what was decompressed is bounded by the limit, not the bomb


@pytest.mark.parametrize("path", ["/bomb.html", "/deflate-bomb.html"])
def test_compressed_page_bomb_is_refused_with_memory_near_the_limit(server: str, path: str) -> None:
    # sent with Content-Encoding, so httpx would inflate it; the fetcher must stop at the cap
    assert len(BOMB) < 200_000 and len(DEFLATE_BOMB) < 200_000
    f = fetcher()
    tracemalloc.start()
    try:
        raw = f.page(f"{server}{path}")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert raw.error is not None
    assert raw.error[0] == "too_large"
    assert raw.error[1].startswith(f"{server}{path}: ") and "200,000 bytes" in raw.error[1]
    # the limit is 200 KB: kept pieces, their join and one raw chunk stay under 1 MB, where
    # httpx's own decoding inflated a whole ~64 KB network chunk (tens of MB) first
    print("PEAK", path, peak)
    assert peak < 1_000_000


@pytest.mark.parametrize(
    ("path", "page"),
    [("/gz.html", GENEVA), ("/two-members.html", GENEVA), ("/gz-padded.html", GENEVA),
     ("/zlib.html", VIENNA), ("/deflate.html", VIENNA), ("/deflate-zlib-look.html", VIENNA)],
)
def test_compressed_page_reads_byte_identical(server: str, path: str, page: bytes) -> None:
    raw = fetcher().page(f"{server}{path}")
    assert raw.error is None
    assert raw.data == page
    assert ACCEPTED[path] == "gzip, deflate"  # only what the fetcher decodes within the cap


@pytest.mark.parametrize(
    "path",
    ["/gz-damaged.html", "/gz-cut.html", "/deflate-cut.html", "/zlib-damaged.html",
     "/deflate-damaged.html"],
)
def test_damaged_compressed_page_is_a_corrupt_rejection_not_retried(
    server: str, path: str
) -> None:
    """Damaged compressed data is what the server sends: ``corrupt``, as a damaged gzip sitemap
    is, without asking again for the same bytes."""
    raw = fetcher(retries=2).page(f"{server}{path}")
    assert raw.error is not None and raw.error[0] == "corrupt"
    assert raw.error[1].startswith(f"{server}{path}: ")
    assert "data is damaged" in raw.error[1]
    assert HITS[path] == 1


def pieces(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


@pytest.mark.parametrize("size", [1, 2, 7, 1 << 16])
def test_deflate_is_read_as_zlib_or_raw_whatever_its_first_bytes_look_like(size: int) -> None:
    """Both readings of HTTP's ``deflate``, from network chunks of any size: zlib data, raw
    deflate, and raw deflate whose first two bytes pass the zlib header check. In the last body,
    read as zlib, a stored block seems to hold the next 65,379 bytes, so a zlib reading yields
    wrong bytes before it fails: none of them may be given out."""
    from diurna.fetch import _inflate

    page = article("Talks in Vienna", "Vienna").encode() * 40
    binary = bytes([0x9C, 0x00]) + bytes(range(256)) + page  # 9c 00 = ~(ff 63), see above
    for body, want in ((zlib.compress(page), page), (raw_deflate(page), page),
                       (stored_first(page), page), (stored_first(page, b"\x08\x1d"), page),
                       (stored_first(binary), binary)):
        assert b"".join(_inflate(pieces(body, size), "deflate", 10_000_000)) == want


def test_deflate_that_looks_like_zlib_stays_within_the_cap() -> None:
    """A raw deflate bomb whose first bytes look like a zlib header is stopped at the cap too."""
    from diurna.fetch import _inflate

    bomb = stored_first(b"x" * 500 + b" " * 50_000_000)
    assert len(bomb) < 100_000
    tracemalloc.start()
    try:
        size = sum(map(len, _inflate(pieces(bomb, 1 << 16), "deflate", 200_000)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size == 200_001  # one byte over: the fetcher refuses it as too large
    assert peak < 1_000_000  # the two readings take 64 KiB pieces in turn, not a chunk whole


def test_damaged_gzip_sitemap_is_a_rejection_not_a_crash(server: str) -> None:
    (raw,) = list(fetch_inputs(fetcher(), sitemaps=[f"{server}/sitemap-damaged.xml.gz"]))
    assert raw.error is not None
    assert raw.error[0] == "corrupt" and "gzip data is damaged" in raw.error[1]
    assert raw.error[1].startswith(f"{server}/sitemap-damaged.xml.gz: ")


def test_cli_fetch_feed_stores_pages_with_feed_dates_and_keeps_a_warc(
    server: str, tmp_path: Path
) -> None:
    db, warc = tmp_path / "f.db", tmp_path / "raw.warc.gz"
    args = [
        "fetch",
        "--feed",
        f"{server}/feed.xml",
        f"{server}/missing",
        "--db",
        str(db),
        "--delay",
        "0",
        "--timeout",
        "1",
        "--warc",
        str(warc),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3, result.output  # one page rejected (404)
    assert "2 stored" in result.stderr and "1 rejected (fetch 1)" in result.stderr
    with Store(db) as store:
        published = {d["source"]: d["published"] for d in store.documents()}
        rejections = store.rejections()
    assert published == {f"{server}/a.html": "2018-02-12", f"{server}/b.html": "2018-02-13"}
    assert [r["source"] for r in rejections] == [f"{server}/missing"]
    from warcio.archiveiterator import ArchiveIterator

    with warc.open("rb") as fh:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh)]
    assert f"{server}/a.html" in uris and f"{server}/b.html" in uris
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert {d["url"] for d in docs if not d["rejected"]} == {f"{server}/a.html", f"{server}/b.html"}
    again = CliRunner().invoke(cli, args)
    assert "2 duplicates" in again.stderr  # fetched again, but not processed again


def test_cli_fetch_needs_http_urls() -> None:
    result = CliRunner().invoke(cli, ["fetch", "file:///etc/passwd"])
    assert result.exit_code == 2 and "is not an http(s) URL" in result.output


def test_a_url_whose_rejection_is_recorded_is_not_requested_again(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rerun with --db skips a page URL whose rejection the store records before any
    request (a 404 recorded as ``fetch``, a PNG as ``binary``), as `process` skips a recorded
    file, and says so; --retry-rejected requests it again and replaces its row. A page that
    was stored is still fetched (its bytes decide whether it is new)."""
    from diurna.pipeline import Pipeline

    monkeypatch.setattr(Pipeline, "default", lambda **kw: Pipeline([]))  # no models needed
    db = tmp_path / "f.db"
    urls = [f"{server}/missing", f"{server}/logo.png", f"{server}/b.html"]
    args = ["fetch", *urls, "--db", str(db), "--delay", "0", "--timeout", "1", "-v"]

    def run(*more: str) -> tuple[Any, list[int]]:
        before = [HITS.get(path, 0) for path in ("/missing", "/logo.png", "/b.html")]
        result = CliRunner().invoke(cli, [*args, *more])
        after = [HITS.get(path, 0) for path in ("/missing", "/logo.png", "/b.html")]
        return result, [a - b for a, b in zip(after, before, strict=True)]

    first, hits = run()
    assert first.exit_code == 3, first.output
    assert hits == [1, 1, 1]
    assert "1 stored, 2 rejected (" in first.stderr
    again, hits = run()
    assert hits == [0, 0, 1]  # the two recorded rejections are not requested
    assert again.exit_code == 3, again.output  # as the first run ended
    assert "1 duplicate" in again.stderr
    assert "2 rejected before (fetch 1, binary 1; recorded, not fetched again)" in again.stderr
    skipped = [ln.split("\t")[1] for ln in again.stderr.splitlines()
               if ln.startswith("rejected_before\t")]
    assert skipped == urls[:2]
    with Store(db) as store:
        assert sorted((r["source"], r["reason"]) for r in store.rejections()) == [
            (urls[1], "binary"), (urls[0], "fetch")]
    retried, hits = run("--retry-rejected")
    assert hits == [1, 1, 1] and "2 rejected (" in retried.stderr
    with Store(db) as store:
        assert len(store.rejections()) == 2  # replaced, not doubled


def test_a_url_that_answers_on_retry_leaves_no_rejection(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A URL that answered 404 when first fetched and a page since: `fetch --retry-rejected`
    stores the page and drops the ``fetch`` rejection recorded for it, in the same write, so
    `diurna rejections` no longer lists it (session 34, brief W5; before, the old row stayed
    beside the document). The rerun without the flag skips the URL, saying "not fetched
    again" on its `-v` line as the summary does."""
    from diurna.pipeline import Pipeline

    monkeypatch.setattr(Pipeline, "default", lambda **kw: Pipeline([]))  # no models needed
    db = tmp_path / "late.db"
    url = f"{server}/late.html"
    args = ["fetch", url, "--db", str(db), "--delay", "0", "--timeout", "1", "-v"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 4, first.output
    with Store(db) as store:
        assert [(r["source"], r["reason"]) for r in store.rejections()] == [(url, "fetch")]
    skipped = CliRunner().invoke(cli, args)
    assert f"rejected_before\t{url}\tfetch\trecorded by an earlier run, not fetched again" \
        in skipped.stderr
    assert "recorded, not fetched again)" in skipped.stderr
    retried = CliRunner().invoke(cli, [*args, "--retry-rejected"])
    assert retried.exit_code == 0, retried.output
    assert "1 stored" in retried.stderr
    with Store(db) as store:
        assert [d["source"] for d in store.documents()] == [url]
        assert store.rejections() == []
    listed = CliRunner().invoke(cli, ["rejections", "--db", str(db)])
    assert url not in listed.output
