"""Pages fetched from the web: URLs, RSS/Atom feeds and sitemaps → :class:`RawInput` records.

``diurna fetch`` downloads with httpx, honours robots.txt, waits between requests to one host,
retries server errors and timeouts with backoff, caps the size of a response, can keep every raw
response in a WARC file, and passes the pages straight to the pipeline (the same batch as
``diurna process``: resume, summary, exit status). A feed's publication dates travel with its
entries. A page that cannot be fetched (404, refused by robots.txt, too large, timed out) is a
rejected input with a reason naming the URL and the problem, recorded like any other.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from diurna.page import RawInput
from diurna.page.inputs import GZIP_ERRORS, GZIP_MAGIC, MAX_BYTES, RECORDED, gunzip_head

USER_AGENT = "Diurna/0.1 (+https://github.com/diurna; news event coder)"
# Content-Encodings the fetcher decodes itself within the size cap; the only ones it offers
_BOUNDED_ENCODINGS = ("gzip", "deflate")


@dataclass(slots=True)
class FetchConfig:
    """How to fetch. ``delay`` is the minimum wait between two requests to one host."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0
    max_bytes: int = MAX_BYTES
    delay: float = 1.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    robots: bool = True
    max_sitemaps: int = 50  # nested sitemap files read at most (a sitemap index can be huge)


@dataclass(slots=True)
class Response:
    """One HTTP response as the fetcher keeps it (a body over ``max_bytes`` is refused first)."""

    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    reason: str = ""


class FetchError(Exception):
    """A page that could not be fetched; ``reason`` is the rejection code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass
class Fetcher:
    """Polite fetching with one httpx client: robots.txt, per-host delay, retries, size cap."""

    config: FetchConfig = field(default_factory=FetchConfig)
    client: Any = None
    warc: Any = None  # a warcio WARCWriter, when raw responses are kept
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.client is None:
            import httpx

            self.client = httpx.Client(
                follow_redirects=True,
                timeout=self.config.timeout,
                # only the encodings _stream decodes itself, within the size cap
                headers={"User-Agent": self.config.user_agent,
                         "Accept-Encoding": ", ".join(_BOUNDED_ENCODINGS)},
                max_redirects=10,
            )

    def close(self) -> None:
        """Close the HTTP client (its pooled connections)."""
        self.client.close()

    # --- politeness ------------------------------------------------------------------------

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.config.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this user agent fetch ``url`` (allowed when there is none)."""
        if not self.config.robots:
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._read_robots(root)
        rules = self._robots[root]
        return rules is None or rules.can_fetch(self.config.user_agent, url)

    def _read_robots(self, root: str) -> RobotFileParser | None:
        try:
            resp = self._get(root + "/robots.txt", retries=0)
        except FetchError:
            return None  # unreachable robots.txt: no rules known
        if resp.status >= 400:
            return None
        rules = RobotFileParser()
        rules.parse(resp.body.decode("utf-8", "replace").splitlines())
        return rules

    # --- requests --------------------------------------------------------------------------

    def _get(self, url: str, *, retries: int | None = None) -> Response:
        """GET with retries on timeouts, connection errors and 5xx; the body capped in size."""
        import httpx

        tries = (self.config.retries if retries is None else retries) + 1
        wait = self.config.backoff
        problem = ""
        for attempt in range(tries):
            if attempt:
                time.sleep(wait)
                wait *= 2
            self._wait_for(urlsplit(url).netloc)
            try:
                resp = self._stream(url)
            except httpx.TimeoutException:
                problem = f"no answer within {self.config.timeout:g} s"
                continue
            except httpx.TooManyRedirects:
                raise FetchError("fetch", f"{url}: too many redirects") from None
            except httpx.DecodingError as err:
                # the server sent damaged compressed data: asking again gets the same bytes
                raise FetchError("corrupt", f"{url}: {err}") from None
            except httpx.HTTPError as err:
                problem = f"{type(err).__name__}: {err}"
                continue
            if resp.status >= 500 or resp.status == 429:
                problem = f"HTTP {resp.status} {resp.reason}".strip()
                continue
            return resp
        raise FetchError("fetch", f"{url}: {problem} (after {tries} tries)")

    def _stream(self, url: str) -> Response:
        limit = self.config.max_bytes
        with self.client.stream("GET", url) as resp:
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(
                    "too_large", f"{url}: response of {int(declared):,} bytes; the limit is "
                    f"{limit:,} (diurna.fetch.FetchConfig.max_bytes)")
            encoding = resp.headers.get("content-encoding", "").strip().lower()
            if encoding in _BOUNDED_ENCODINGS:
                # httpx would inflate each network chunk whole (~1000-fold for a bomb) before
                # the size is counted; inflating it here stops at the cap instead
                chunks = _inflate(resp.iter_raw(), encoding, limit)
            else:  # none, or one not offered in Accept-Encoding: httpx decodes it
                chunks = resp.iter_bytes()
            kept, size = [], 0
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise FetchError(
                        "too_large", f"{url}: response over {limit:,} bytes "
                        "(diurna.fetch.FetchConfig.max_bytes)")
                kept.append(chunk)
            out = Response(str(resp.url), resp.status_code, dict(resp.headers), b"".join(kept),
                           resp.reason_phrase)
        self._keep(out)
        return out

    def _keep(self, resp: Response) -> None:
        if self.warc is None:
            return
        from io import BytesIO

        from warcio.statusandheaders import StatusAndHeaders

        headers = StatusAndHeaders(
            f"{resp.status} {resp.reason}".strip(),
            [(k, v) for k, v in resp.headers.items()
             if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")],
            protocol="HTTP/1.1",
        )
        self.warc.write_record(self.warc.create_warc_record(
            resp.url, "response", payload=BytesIO(resp.body), http_headers=headers))

    def page(self, url: str, *, published: str | None = None) -> RawInput:
        """One page as a RawInput; a page that cannot be fetched carries ``error``."""
        if not self.allowed(url):
            return RawInput(url, b"", url=url, error=(
                "robots", f"{url}: robots.txt does not allow fetching it (--ignore-robots to "
                          "override for a site you may crawl)"))
        try:
            resp = self._get(url)
        except FetchError as err:
            return RawInput(url, b"", url=url, error=(err.reason, err.detail))
        if resp.status >= 400:
            return RawInput(url, b"", url=resp.url, error=(
                "fetch", f"{url}: HTTP {resp.status} {resp.reason}".strip()))
        meta: dict[str, Any] = {}
        ctype = resp.headers.get("content-type", "")
        if "charset=" in ctype.lower():
            meta["charset"] = ctype.lower().split("charset=")[1].split(";")[0].strip(" \"'")
        if published:
            meta["published"] = published
        kind = "html" if "html" in ctype.lower() else None
        return RawInput(resp.url, resp.body, kind=kind, url=resp.url, meta=meta)

    # --- discovery -------------------------------------------------------------------------

    def feed_entries(self, url: str) -> list[tuple[str, str | None]]:
        """``(link, published day)`` of each entry of an RSS 2.0/1.0 or Atom feed."""
        return parse_feed(self._document(url), url)

    def sitemap_urls(self, url: str) -> list[tuple[str, str | None]]:
        """``(loc, lastmod day)`` of a sitemap's pages, following a sitemap index."""
        out: list[tuple[str, str | None]] = []
        queue: list[str] = [url]
        seen: set[str] = set()
        while queue and len(seen) < self.config.max_sitemaps:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.add(current)
            pages, nested = parse_sitemap(self._document(current), current)
            out.extend(pages)
            queue.extend(nested)
        return out

    def _document(self, url: str) -> bytes:
        if not self.allowed(url):
            raise FetchError("robots", f"{url}: robots.txt does not allow fetching it")
        resp = self._get(url)
        if resp.status >= 400:
            raise FetchError("fetch", f"{url}: HTTP {resp.status} {resp.reason}".strip())
        return self._gunzipped(resp.body, url)

    def _gunzipped(self, body: bytes, url: str) -> bytes:
        """A feed or sitemap body, decompressed when gzipped (``.xml.gz``): never more than
        ``max_bytes`` of it, the same cap as a response's, so a gzip bomb is refused unread."""
        if body[:2] != GZIP_MAGIC:
            return body
        limit = self.config.max_bytes
        try:
            out = gunzip_head(body, limit)
        except GZIP_ERRORS as err:
            raise FetchError("corrupt", f"{url}: gzip data is damaged ({err})") from None
        if len(out) > limit:
            raise FetchError(
                "too_large", f"{url}: gzipped, and decompresses to more than the limit of "
                f"{limit:,} bytes (diurna.fetch.FetchConfig.max_bytes)")
        return out


def _inflate(raw: Iterable[bytes], encoding: str, limit: int) -> Iterator[bytes]:
    """A ``gzip`` or ``deflate`` body decoded from its raw chunks, never more than ``limit + 1``
    bytes in all, in pieces of at most 64 KiB: a compressed bomb is refused with memory near
    the cap (httpx would inflate a whole network chunk first, ~1000-fold for a bomb).

    ``deflate`` is zlib data, or raw deflate as some servers send (:func:`_inflate_deflate`);
    gzip may have several members, each read. Damaged data, or data that stops mid-stream,
    raises ``httpx.DecodingError`` (a ``corrupt`` rejection)."""
    import httpx

    if encoding == "deflate":
        yield from _inflate_deflate(raw, limit)
        return
    inflater: Any = None  # made when the first bytes of a gzip member arrive
    members = 0  # gzip members begun
    pending = b""  # bytes too few to tell what comes next
    left = limit + 1
    for chunk in raw:
        data = pending + chunk
        pending = b""
        while left > 0:
            if inflater is None:
                if len(data) < 2:
                    pending = data
                    break
                if data[:2] != GZIP_MAGIC:
                    if members:
                        return  # padding or junk after the last member: ignored, as httpx
                    raise httpx.DecodingError("gzip data is damaged (no gzip header)")
                inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
                members += 1
            asked = min(left, _PIECE)  # never 0, which would mean "no bound"
            try:
                out = inflater.decompress(data, asked)
            except zlib.error as err:
                raise httpx.DecodingError(f"gzip data is damaged ({err})") from None
            data = inflater.unconsumed_tail
            left -= len(out)
            if out:
                yield out
            if inflater.eof:
                data = inflater.unused_data + data
                inflater = None
            elif not data and len(out) < asked:
                break  # this chunk is used up and nothing is left buffered: read the next
    if (inflater is not None and not inflater.eof) or (pending and not members):
        raise httpx.DecodingError("gzip data is damaged (it stops mid-stream)")


_PIECE = 1 << 16  # bytes inflated per call: a piece is copied once more when zlib returns it


class _Reading:
    """One way of reading a ``deflate`` body (zlib data or raw deflate), bounded to ``limit + 1``
    bytes of output; ``held`` keeps its output while another reading is still possible."""

    def __init__(self, wbits: int, limit: int) -> None:
        self.inflater: Any = zlib.decompressobj(wbits)
        self.zlib = wbits > 0
        self.left = limit + 1
        self.held: list[bytes] = []
        self.error: zlib.error | None = None

    @property
    def done(self) -> bool:
        """At the end of its stream (zlib: the checksum matched), or over the limit."""
        return bool(self.inflater.eof) or self.left <= 0

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The output of the next ``data``, piece by piece; a zlib.error is kept in ``error``
        and ends the pieces."""
        while not self.done:
            asked = min(self.left, _PIECE)  # never 0, which would mean "no bound"
            try:
                out = self.inflater.decompress(data, asked)
            except zlib.error as err:
                self.error = err
                return
            data = self.inflater.unconsumed_tail
            self.left -= len(out)
            if out:
                yield out
            if not data and len(out) < asked:
                return  # this chunk is used up: read the next


def _inflate_deflate(raw: Iterable[bytes], limit: int) -> Iterator[bytes]:
    """A ``deflate`` body (HTTP means zlib data, RFC 1950; some servers send raw deflate, RFC
    1951), bounded as :func:`_inflate`.

    Raw deflate that starts with a stored block can begin with two bytes that pass the zlib
    header check (``78 9c`` among them), so a body whose first bytes look like a zlib header is
    read both ways at once, a 64 KiB piece of each in turn, each reading's output held (at most
    ``limit + 1`` bytes each) until only one is left, or the zlib one ends with its checksum
    matched; any other body is raw deflate. A reading that fails is dropped; when both fail the
    data is damaged."""
    import httpx

    readings: list[_Reading] = []
    pending = b""  # fewer than the 2 bytes that tell whether a zlib header may be there
    for chunk in raw:
        if not readings:
            pending += chunk
            if len(pending) < 2:
                continue
            if _zlib_header(pending):
                readings.append(_Reading(zlib.MAX_WBITS, limit))
            readings.append(_Reading(-zlib.MAX_WBITS, limit))
            chunk, pending = pending, b""
        if len(readings) > 1:
            readings = yield from _either(readings, chunk)
            if len(readings) > 1:
                if all(r.done for r in readings):
                    break  # both ended or past the cap: more input changes nothing
                continue  # both still possible: read the next chunk
            only = readings[0]
        else:
            only = readings[0]
            yield from only.feed(chunk)
        if only.error is not None:
            raise httpx.DecodingError(f"deflate data is damaged ({only.error})")
        if only.done:
            return  # one deflate stream (or the cap reached): what follows is not content
    # the body has ended (or neither reading can go on) with both possible: one read to its
    # end (zlib first), else one past the cap (the caller refuses it as too large), else the
    # data stops mid-stream
    ended = [r for r in readings if r.inflater.eof] or [r for r in readings if r.left <= 0]
    if ended:
        yield from ended[0].held
    elif readings or pending:
        raise httpx.DecodingError("deflate data is damaged (it stops mid-stream)")


def _either(readings: list[_Reading], chunk: bytes) -> Generator[bytes, None, list[_Reading]]:
    """Feed ``chunk`` to two readings of a deflate body a piece at a time, holding their output;
    once one is left (the other failed) or the zlib one ends with its checksum matched, yield
    what that one held and the rest of its output for this chunk. Returns the readings still
    possible (a failed one is dropped; both failed is left to the caller as one with an error)."""
    feeds = [(r, r.feed(chunk)) for r in readings if not r.done]
    while True:
        for reading, feed in list(feeds):
            piece = next(feed, None)
            if piece is None:
                feeds.remove((reading, feed))
            else:
                reading.held.append(piece)
        alive = [r for r in readings if r.error is None]
        if not alive:
            return readings[-1:]  # both failed: the caller reports the damage
        chosen = alive[0] if len(alive) == 1 else next(
            (r for r in alive if r.zlib and r.inflater.eof), None)
        if chosen is not None:
            yield from chosen.held
            chosen.held = []
            yield from next((f for r, f in feeds if r is chosen), ())
            return [chosen]
        if not feeds:
            return alive


def _zlib_header(head: bytes) -> bool:
    """The first 2 bytes pass the zlib header check (RFC 1950: method 8, a window of at most
    32 KiB, the check bits); raw deflate can pass it too (see :func:`_inflate_deflate`)."""
    return head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0


def _xml(data: bytes, url: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as err:
        raise FetchError("not_a_feed", f"{url}: not XML ({err})") from None
    if root is None:
        raise FetchError("not_a_feed", f"{url}: not XML")
    return root


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _day(value: str | None) -> str | None:
    """An ISO day from an RSS (RFC 822) or Atom (ISO 8601) date; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def parse_feed(data: bytes, url: str) -> list[tuple[str, str | None]]:
    """Entries of an RSS or Atom document: (absolute link, publication day or None)."""
    root = _xml(data, url)
    out = []
    for item in root.iter():
        name = _local(item.tag)
        if name not in ("item", "entry"):
            continue
        link: str | None = None
        date: str | None = None
        updated: str | None = None  # Atom's last change: the date only when none is published
        for child in item:
            cname = _local(child.tag)
            if cname == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    link = link or href
                elif (child.text or "").strip():
                    link = link or child.text.strip()
            elif cname in ("pubdate", "published", "date", "issued"):
                date = date or _day(child.text)
            elif cname == "updated":
                updated = updated or _day(child.text)
        if link is None and item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"):
            link = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        if link:
            out.append((urljoin(url, link), date or updated))
    if not out and _local(root.tag) not in ("rss", "feed", "rdf"):
        raise FetchError("not_a_feed", f"{url}: not an RSS or Atom feed")
    return out


def parse_sitemap(data: bytes, url: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """A sitemap's pages ``(loc, lastmod day)`` and, for a sitemap index, its nested sitemaps."""
    root = _xml(data, url)
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise FetchError("not_a_feed", f"{url}: not a sitemap (root element <{kind}>)")
    pages, nested = [], []
    for entry in root:
        loc = lastmod = None
        for child in entry:
            cname = _local(child.tag)
            if cname == "loc":
                loc = (child.text or "").strip()
            elif cname == "lastmod":
                lastmod = _day(child.text)
        if not loc:
            continue
        if kind == "sitemapindex":
            nested.append(urljoin(url, loc))
        else:
            pages.append((urljoin(url, loc), lastmod))
    return pages, nested


def fetch_inputs(
    fetcher: Fetcher,
    urls: Iterable[str] = (),
    *,
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
    recorded: Callable[[str], str | None] | None = None,
) -> Iterator[RawInput]:
    """RawInputs for pages named directly, by feeds (with their dates) and by sitemaps. A feed
    or sitemap that cannot be read is itself a rejected input; each page URL is fetched once.
    ``recorded`` gives the reason a store records for a page URL's rejection (or None): such a
    page is not requested at all but given as :func:`recorded_input`."""
    seen: set[str] = set()

    def pages(entries: Iterable[tuple[str, str | None]]) -> Iterator[RawInput]:
        for link, day in entries:
            if link not in seen:
                seen.add(link)
                reason = None if recorded is None else recorded(link)
                yield (recorded_input(link, reason) if reason is not None
                       else fetcher.page(link, published=day))

    yield from pages((u, None) for u in urls)
    for listing, read in [(f, fetcher.feed_entries) for f in feeds] + [
        (s, fetcher.sitemap_urls) for s in sitemaps
    ]:
        try:
            entries = read(listing)
        except FetchError as err:
            yield RawInput(listing, b"", url=listing, error=(err.reason, err.detail))
            continue
        yield from pages(entries)


def recorded_input(url: str, reason: str) -> RawInput:
    """The page at ``url``, not fetched because a store records its rejection (``reason``): the
    batch counts it ``rejected_before`` (``meta[RECORDED]``). It carries that reason as its
    error too, so that a batch that does not look reads it as that rejection, not as a page."""
    return RawInput(url, b"", url=url, meta={RECORDED: reason}, error=(
        reason, f"{url}: not fetched again: an earlier run recorded its rejection ({reason}); "
                "--retry-rejected fetches it"))


def open_warc(path: str | Path) -> tuple[Any, Any]:
    """A gzipped WARC writer appending to ``path`` and its file (close the file when done)."""
    from warcio.warcwriter import WARCWriter

    fh = open(path, "ab")  # noqa: SIM115 - closed by the caller after the batch
    return WARCWriter(fh, gzip=str(path).endswith(".gz")), fh
