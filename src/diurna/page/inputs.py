"""Turn what a user names on the command line into :class:`RawInput` records.

Files, folders (recursive), globs, ``-`` (stdin), gzip (recognised by its magic bytes), WARC/ARC
archives (one record per HTML response, via warcio) and JSONL (``html`` or ``text`` field per line,
optional ``url`` and ``published``). Problems found here (missing file, file too large, corrupt
gzip, bad JSONL line) do not raise: they travel in ``RawInput.error`` so that the page stage can
reject that one input with a clear reason and the batch goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from diurna.model import content_id, plural, unloaded_id

#: Largest input (after decompression) the page stage reads, in bytes.
MAX_BYTES = 20 * 1024 * 1024

#: ``RawInput.meta`` key of a rejection recorded before the input was loaded (not fetched again)
RECORDED = "recorded_rejection"

GZIP_MAGIC = b"\x1f\x8b"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(slots=True)
class RawInput:
    """One page's bytes. ``kind`` is a hint ("html", "text") when the container knows it.

    ``error`` is ``(reason, detail)`` when the input could not even be loaded (the page stage
    turns it into :class:`diurna.model.Rejected`). ``meta`` carries container facts:
    ``charset`` (from HTTP headers), ``published`` (from a JSONL field, a feed entry or the
    HTTP API's upload) and ``published_source``, who gave that date (the document's
    ``published_source``; ``input`` when not set, ``api`` for an upload). ``meta[RECORDED]``
    is the reason a store already records for this input's rejection, found before it was
    loaded (``diurna fetch`` looks a URL up before requesting it): the batch counts it
    ``rejected_before`` unread.
    """

    source: str
    data: bytes
    kind: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: tuple[str, str] | None = None

    def doc_id(self) -> str:
        """The id this input is stored under: the content id of its bytes, or for an input
        that could not be loaded (``error`` set, no bytes) an id named by its source and the
        reason (:func:`diurna.model.unloaded_id`), so that two such inputs do not share the
        empty input's id."""
        if self.error is not None and not self.data:
            return unloaded_id(self.source, self.error[0])
        return content_id(self.data)


def too_large_detail(source: str, size: int | None) -> str:
    """The ``too_large`` rejection's detail: the input, its size (``None``: only known to be
    over the limit, when a stream was cut off), the limit and what to do."""
    what = f"{size:,} bytes" if size is not None else f"more than {MAX_BYTES:,} bytes"
    return (f"{source} is {what}; the limit is {MAX_BYTES:,} bytes "
            f"(diurna.page.inputs.MAX_BYTES): split or trim the input")


def _read_limited(stream: IO[bytes], source: str) -> RawInput | bytes:
    """Read at most MAX_BYTES; a RawInput carrying the error if the stream is longer."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return RawInput(source, b"", error=("too_large", too_large_detail(source, None)))
    return data


#: What reading damaged gzip data raises (a bad header, a cut-off stream, bad deflate data).
GZIP_ERRORS = (OSError, EOFError, zlib.error)


def gunzip_head(data: bytes, limit: int) -> bytes:
    """At most the first ``limit + 1`` bytes of gzipped ``data``, decompressed.

    Never more is decompressed, so a small gzip bomb cannot fill memory; a result longer than
    ``limit`` means the content is over the limit. Raises one of :data:`GZIP_ERRORS` when the
    data is damaged. The page stage, stdin, fsspec URLs and the fetcher's feeds and sitemaps
    all decompress through this one function.
    """
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        return fh.read(limit + 1)


def _gunzip(data: bytes, source: str) -> RawInput | bytes:
    try:
        out = gunzip_head(data, MAX_BYTES)
    except GZIP_ERRORS as err:
        return RawInput(source, b"", error=("corrupt", f"{source}: gzip data is damaged ({err})"))
    if len(out) > MAX_BYTES:
        return RawInput(source, b"", error=("too_large", too_large_detail(source, None)))
    return out


def _is_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/") or head.startswith(b"filedesc://")


def _warc_records(path: Path | str, opener: Callable[[], IO[bytes]] | None = None,
                  ) -> Iterator[RawInput]:
    """One RawInput per HTML response/resource record. A damaged record is a rejection naming
    the record (number, byte offset, URL) and the problem; the archive is read no further when
    its framing is lost (what follows cannot be trusted to be records). ``opener`` opens an
    archive that is not a local file (an fsspec URL named by ``path``). An archive that gives
    no page at all is one input of its own: an empty file is read as one (``empty``), one whose
    records hold no HTML is ``not_a_page`` (before, either left no outcome and no record)."""
    from warcio.archiveiterator import ArchiveIterator  # only needed for archives

    n = 0
    seen = 0  # records of any type
    where = "at its start"
    stray = _StrayBytes()
    try:
        with (opener() if opener else Path(path).open("rb")) as fh:
            records = ArchiveIterator(fh, arc2warc=True)
            records.INC_RECORD = stray  # noted here, not printed on stderr
            for record in records:
                seen += 1
                noted = len(stray.found)
                url = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type not in ("response", "resource"):
                    offset = records.get_record_offset()  # reads the record to its end
                    where = f"after the record at byte {offset}{', ' + url if url else ''}"
                    continue
                headers = record.http_headers
                ctype = (headers.get_header("Content-Type") if headers else None) or \
                    record.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                n += 1
                source = f"{path}#{n}"
                body = _read_limited(record.content_stream(), source)
                missing = getattr(record.raw_stream, "limit", 0) or 0
                offset = records.get_record_offset()  # after the read: it reads to the end
                if isinstance(body, RawInput):
                    body.url = url
                    yield body
                    continue
                if missing > 0:
                    yield RawInput(source, b"", url=url, error=(
                        "corrupt", f"{path}: record {n} (byte {offset}, {url or 'no URL'}) is "
                                   f"cut short: {missing} bytes of its declared length are "
                                   "missing"))
                    continue
                if len(stray.found) > noted:
                    yield RawInput(source, b"", url=url, error=(
                        "corrupt", stray.detail(path, n, offset, url)))
                    where = f"after record {n} (byte {offset}{', ' + url if url else ''})"
                    continue
                meta: dict[str, Any] = {}
                if "charset=" in ctype.lower():
                    meta["charset"] = ctype.lower().split("charset=")[1].split(";")[0].strip(" \"'")
                yield RawInput(source, body, kind="html", url=url, meta=meta)
                where = f"after record {n} (byte {offset}{', ' + url if url else ''})"
    except Exception as err:  # warcio raises several types on damaged archives
        problem = " ".join(str(err).split())[:160]
        yield RawInput(f"{path}#{n + 1}", b"",
                       error=("corrupt", f"{path}: WARC/ARC archive damaged {where}: "
                                         f"{_warc_problem(err)} ({problem}); the records "
                                         "before it were read"))
        return
    if not seen:
        yield RawInput(str(path), b"")  # no record at all: the page stage says it is empty
    elif not n:
        yield RawInput(str(path), b"", error=(
            "not_a_page", f"{path}: WARC/ARC archive of {plural(seen, 'record')}, none an "
                          "HTML response or resource: no page to read"))


class _StrayBytes:
    """Stands in for warcio's ``ArchiveIterator.INC_RECORD`` warning text: warcio formats it
    and writes it to stderr when a record is not followed by the blank lines that end it, so
    its Content-Length is wrong (shorter than its block: the rest of the page is skipped;
    longer: the record swallowed the start of the next one). Each such (byte offset, stray
    line) is kept here for the rejection instead, and nothing is printed."""

    def __init__(self) -> None:
        self.found: list[tuple[int, bytes]] = []

    def format(self, offset: int, line: bytes) -> str:
        self.found.append((offset, line))
        return ""

    def detail(self, path: Path | str, n: int, offset: int, url: str | None) -> str:
        """The rejection's detail for record ``n`` at byte ``offset``: the last stray line."""
        at, line = self.found[-1]
        return (f"{path}: record {n} (byte {offset}, {url or 'no URL'}) has a wrong "
                f"Content-Length: its block does not end where the length says ({len(line)} "
                f"stray bytes at byte {at} were skipped), so its page is cut short or holds "
                "the start of the next record; fix or drop the record")


def _warc_problem(err: Exception) -> str:
    """What a warcio error means, in words."""
    text = str(err)
    if "Unknown archive format" in text:
        return "the next record does not start with a WARC/ARC header"
    if isinstance(err, (EOFError, zlib.error)) or "decompress" in text.lower():
        return "compressed data is damaged or cut short"
    return f"unreadable record ({type(err).__name__})"


def page_field(obj: dict[str, Any]) -> tuple[str, str] | None:
    """(kind, page) of a JSON record, a JSONL line's or the API's upload: its ``html``, read as
    HTML, unless that is null or absent, then its ``text``, read as plain text whatever it holds
    (tags are kept as words, never sniffed); None when the field taken is not a string. One rule,
    so a record reads the same through ``diurna process`` and ``POST /api/documents``."""
    kind = "html" if obj.get("html") is not None else "text"
    page = obj.get(kind)
    return (kind, page) if isinstance(page, str) else None


def _jsonl_records(data: bytes, source: str) -> Iterator[RawInput]:
    """One RawInput per non-blank line. A JSONL file with no such line is one input of its
    own, which the page stage rejects as ``empty`` (before, it left no outcome and no record)."""
    if not data.strip():
        yield RawInput(source, data)
        return
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as err:
            yield RawInput(where, line, error=("jsonl", f"{where}: not a JSON object ({err})"))
            continue
        field = page_field(obj) if isinstance(obj, dict) else None
        if field is None:
            yield RawInput(where, line,
                           error=("jsonl", f"{where}: expected an object with an 'html' or "
                                           "'text' string field"))
            continue
        kind, page = field
        meta: dict[str, Any] = {}
        if isinstance(obj.get("published"), str):
            meta["published"] = obj["published"]
        if isinstance(obj.get("title"), str) and obj["title"].strip():
            meta["title"] = obj["title"].strip()
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        yield RawInput(where, page.encode("utf-8"), kind=kind, url=url, meta=meta)


def _looks_jsonl(name: str, data: bytes) -> bool:
    if name.lower().endswith(JSONL_SUFFIXES):
        return True
    first = data.lstrip()[:1]
    if first != b"{":
        return False
    line = data.lstrip().split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("html" in obj or "text" in obj)


def read_bytes(data: bytes, source: str) -> Iterator[RawInput]:
    """RawInputs from bytes already in memory (stdin): gzip, JSONL or one page."""
    if data[:2] == GZIP_MAGIC:
        unzipped = _gunzip(data, source)
        if isinstance(unzipped, RawInput):
            yield unzipped
            return
        data = unzipped
    if _looks_jsonl(source, data):
        yield from _jsonl_records(data, source)
    else:
        yield RawInput(source, data)


def _read_file(path: Path) -> Iterator[RawInput]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # checked before reading anything into memory
            yield RawInput(source, b"", error=("too_large", too_large_detail(source, size)))
            return
        with path.open("rb") as fh:
            head = fh.read(16)
        if head[:2] == GZIP_MAGIC:
            with gzip.open(path, "rb") as gz:
                try:
                    inner_head = gz.read(16)
                except GZIP_ERRORS:
                    inner_head = b""
        else:
            inner_head = head
        if _is_warc(inner_head) or source.lower().endswith(WARC_SUFFIXES):
            yield from _warc_records(path)
            return
        data = path.read_bytes()
    except OSError as err:
        yield RawInput(source, b"", error=("unreadable", f"{source}: {err.strerror or err}"))
        return
    yield from read_bytes(data, source)


def _not_regular(path: Path) -> RawInput | None:
    """A rejection for what is named as input but is no regular file (FIFO, socket, device,
    dangling symlink): reading a FIFO would block the batch forever."""
    source = str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return RawInput(source, b"", error=(
                "unreadable", f"{source}: dangling symlink (its target does not exist)"))
        return RawInput(source, b"", error=("not_found", f"{source}: no such file or folder"))
    except OSError as err:
        return RawInput(source, b"", error=("unreadable", f"{source}: {err.strerror or err}"))
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    what = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return RawInput(source, b"", error=("not_a_file", f"{source} is {what}, not a file to read"))


def _walk(folder: Path, exclude: frozenset[Path]) -> Iterator[Path | RawInput]:
    """Every entry under ``folder`` in sorted order: files, or rejections for what cannot be
    read (an unreadable sub-folder, a dangling symlink, a FIFO); ``exclude`` is skipped."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        while errors:
            err = errors.pop()
            yield _unreadable_folder(err.filename or root, err)
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.resolve() in exclude:
                continue
            problem = _not_regular(path)
            yield problem if problem is not None else path
    for err in errors:
        yield _unreadable_folder(err.filename or folder, err)


def _unreadable_folder(where: str | Path, err: OSError) -> RawInput:
    """The rejection of a folder the walk could not list."""
    return RawInput(str(where), b"", error=(
        "unreadable", f"{where}: folder cannot be read ({err.strerror or err})"))


URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _is_glob(name: str) -> bool:
    """Whether a name is a pattern (``*``, ``?``, ``[``) to expand rather than a path."""
    return any(c in name for c in "*?[")


def _fsspec_inputs(url: str) -> Iterator[RawInput]:
    """The pages of an fsspec URL: a file, a folder (read recursively) or a glob, each file read
    as a local one would be (gzip, WARC, JSONL or one page; the same size limit). ``file://``
    and ``memory://`` need nothing more; ``s3://`` and ``gs://`` need their fsspec package
    (``pip install -e ".[cloud]"``). What cannot be read is a rejection, never an exception."""
    try:
        from fsspec.core import url_to_fs

        fs, path = url_to_fs(url)
    except (ImportError, ValueError) as err:
        detail = f"{url}: {err}"
        if isinstance(err, ImportError):
            detail += ' (install the filesystem\'s package, e.g. pip install -e ".[cloud]")'
        yield RawInput(url, b"", error=("unreadable", detail))
        return
    try:
        if _is_glob(path):
            names = sorted(fs.glob(path))
        elif fs.isdir(path):
            names = sorted(fs.find(path))
        else:
            names = [path] if fs.exists(path) else []
    except OSError as err:
        yield RawInput(url, b"", error=("unreadable", f"{url}: {err}"))
        return
    if not names:
        yield RawInput(url, b"", error=("not_found", f"nothing at {url!r}"))
    for name in names:
        yield from _read_fsspec_file(fs, name)


def _read_fsspec_file(fs: Any, name: str) -> Iterator[RawInput]:
    source = fs.unstrip_protocol(name)
    try:
        size = fs.size(name)
        if size is not None and size > MAX_BYTES:
            yield RawInput(source, b"", error=("too_large", too_large_detail(source, size)))
            return
        data = fs.cat_file(name)
    except OSError as err:
        yield RawInput(source, b"", error=("unreadable", f"{source}: {err}"))
        return
    inner = data[:16]
    if data[:2] == GZIP_MAGIC:
        try:
            inner = gunzip_head(data, 15)  # a sniff: never the whole (maybe huge) content
        except GZIP_ERRORS:
            inner = b""
    if _is_warc(inner) or source.lower().endswith(WARC_SUFFIXES):
        yield from _warc_records(source, lambda: io.BytesIO(data))
        return
    yield from read_bytes(data, source)


def input_names(paths: Iterable[str]) -> list[str]:
    """The files ``paths`` name, without reading them: folders walked, globs expanded (local or
    fsspec URLs). A name that names nothing is kept as it is, so that reading it gives its
    rejection. For runners whose workers open their own inputs; stdin cannot be handed out."""
    names: list[str] = []
    for name in paths:
        if name == "-":
            raise ValueError("stdin (-) cannot be split between workers: name files or URLs")
        if URL_SCHEME.match(name):
            try:
                from fsspec.core import url_to_fs

                fs, path = url_to_fs(name)
                if _is_glob(path):
                    found = sorted(fs.glob(path))
                else:
                    found = sorted(fs.find(path)) if fs.isdir(path) else []
            except (ImportError, ValueError, OSError):
                found = []
            names += [fs.unstrip_protocol(f) for f in found] if found else [name]
            continue
        matches = sorted(glob.glob(name, recursive=True)) if _is_glob(name) else []
        for match in matches or [name]:
            path = Path(match)
            if path.is_dir():
                names += [str(e) for e in _walk(path, frozenset()) if isinstance(e, Path)]
            else:
                names.append(match)
    return names


def count_inputs(paths: Iterable[str], *, exclude: Iterable[str | Path] = (),
                 archives: bool = False) -> int | None:
    """How many RawInputs ``iter_inputs(paths, exclude=exclude)`` yields, when that is known
    without reading pages: folders and globs are listed as the batch will walk them, a JSONL
    file's non-blank lines counted (gzipped too), a rejection (a missing file, a FIFO, a file
    over the size limit) counts one. None when a path is standard input or an fsspec URL, or
    a file is a WARC/ARC archive, whose pages are known only by reading it through: with
    ``archives`` it is read through (:func:`_warc_records`, every record's body read and
    dropped), for a count made beside the batch. The progress bar's total; a folder of 10,000
    pages costs a listing and 16 bytes read per file."""
    skip = frozenset(Path(p).resolve() for p in exclude)
    total = 0
    for name in paths:
        if name == "-" or URL_SCHEME.match(name):
            return None
        for entry in _local_entries(name, skip):
            n = 1 if isinstance(entry, RawInput) else _file_inputs(entry)
            if n is None and archives and isinstance(entry, Path):
                n = sum(1 for _ in _warc_records(entry))
            if n is None:
                return None
            total += n
    return total


def _file_inputs(path: Path) -> int | None:
    """How many RawInputs :func:`_read_file` makes of ``path`` (None: a WARC/ARC archive)."""
    source = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return 1  # too_large
        with path.open("rb") as fh:
            head = fh.read(16)
        if _is_warc(head) or source.lower().endswith(WARC_SUFFIXES):
            return None
        zipped = head[:2] == GZIP_MAGIC
        if not zipped and not source.lower().endswith(JSONL_SUFFIXES) \
                and head.lstrip()[:1] != b"{":
            return 1  # one page, whatever it holds
        data = path.read_bytes()
    except OSError:
        return 1  # unreadable
    if zipped:
        try:
            inner = gunzip_head(data, 15)
        except GZIP_ERRORS:
            inner = b""
        if _is_warc(inner):
            return None
        try:
            data = gunzip_head(data, MAX_BYTES)
        except GZIP_ERRORS:
            return 1  # corrupt
        if len(data) > MAX_BYTES:
            return 1  # too_large
    if not _looks_jsonl(source, data) or not data.strip():
        return 1
    return sum(1 for line in data.splitlines() if line.strip())


def iter_inputs(paths: Iterable[str], *, exclude: Iterable[str | Path] = ()) -> Iterator[RawInput]:
    """Yield one RawInput per page named by ``paths`` (files, folders, globs, ``-`` for stdin,
    fsspec URLs such as ``file://``, ``memory://``, ``s3://`` — see :func:`_fsspec_inputs`).

    Nothing is skipped without a record: what cannot be read (a dangling symlink, a FIFO or
    device, an unreadable folder) comes as a RawInput with ``error`` set. Files in ``exclude``
    (the store's own database files) are not inputs and are passed over.
    """
    skip = frozenset(Path(p).resolve() for p in exclude)
    for name in paths:
        if URL_SCHEME.match(name):
            yield from _fsspec_inputs(name)
            continue
        if name == "-":
            data = _read_limited(sys.stdin.buffer, "<stdin>")
            if isinstance(data, RawInput):
                yield data
            else:
                yield from read_bytes(data, "<stdin>")
            continue
        for entry in _local_entries(name, skip):
            if isinstance(entry, RawInput):
                yield entry
            else:
                yield from _read_file(entry)


def _local_entries(name: str, skip: frozenset[Path]) -> Iterator[Path | RawInput]:
    """The files a local path, folder or glob ``name`` names, in the batch's order, and a
    RawInput with ``error`` for what cannot be read (no file matches a glob, a FIFO, a dangling
    symlink, an unreadable folder); files in ``skip`` are passed over. What :func:`iter_inputs`
    reads and :func:`count_inputs` counts, walked one way."""
    if _is_glob(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield RawInput(name, b"", error=("not_found", f"no file matches {name!r}"))
    else:
        matches = [name]
    for match in matches:
        path = Path(match)
        problem = _not_regular(path)
        if problem is not None:
            yield problem
        elif path.is_dir():
            yield from _walk(path, skip)
        elif path.resolve() not in skip:
            yield path
