"""Bytes → text: refuse binary files, then find the encoding.

Order: byte-order mark, valid UTF-8 with multi-byte characters (whatever is declared), charset
from HTTP headers (container), ``<meta charset>`` / XML declaration, strict UTF-8, Western
windows-1252 text (:func:`western_cp1252`), then detection with charset-normalizer. Input that
no encoding explains is rejected (``encoding``) rather than decoded into mojibake.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from diurna.model import Rejected

# Magic numbers of common non-text formats someone may rename to .html.
# Each kind with its article, as the rejection's detail reads: "x.bin is an ELF executable".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x00\x00\x01\x00", "an icon"), (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"), (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"wOFF", "a web font"), (b"wOF2", "a web font"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""")
# Control bytes other than tab, LF, FF, CR and ESC never occur in text.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# WHATWG: documents labelled latin-1/ascii are decoded as windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
            "us-ascii": "cp1252", "iso8859-1": "cp1252"}


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    name = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the bytes read as UTF-16 text that lacks its byte-order
    mark (NUL high bytes on one side of most byte pairs, as Latin-script UTF-16 has), else None."""
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even_nul = head[0::2].count(0)
    odd_nul = head[1::2].count(0)
    for codec, high, low in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if high >= 0.4 * pairs and low <= 0.02 * pairs:
            try:
                text = head.decode(codec)
            except UnicodeDecodeError:
                continue
            printable = sum(ch.isprintable() or ch in "\t\n\r" for ch in text)
            if printable >= 0.95 * len(text):
                return codec
    return None


def check_binary(data: bytes, source: str) -> None:
    """Raise ``Rejected("binary")`` for known binary formats or control-byte-heavy data."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Rejected("binary", f"{source} is {what}, not a web page or text")
    if any(data.startswith(bom) for bom, _ in _BOMS) or utf16_without_bom(data):
        return  # UTF-16/32 text legitimately contains NUL bytes
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > max(2, len(head) // 100):
        raise Rejected("binary", f"{source} looks binary ({controls} control bytes in the "
                                 f"first {len(head)}); expected HTML or text")


def _multibyte_utf8(data: bytes) -> bool:
    """True if the bytes are valid UTF-8 *and* hold multi-byte characters.

    Text in a legacy code page (cp1252, latin-9, Shift-JIS, ...) with non-ASCII letters is
    practically never valid UTF-8 by chance, so such bytes are UTF-8 whatever the page declares:
    pages re-saved as UTF-8 by a crawler keep their old ``<meta charset=iso-8859-1>`` (2 of the
    169 modern dev pages), and honouring the label would turn every accented letter into mojibake.
    """
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# What windows-1252 text holds beyond ASCII besides Latin letters: its quotes, dashes and signs.
_WESTERN_MARKS = frozenset("\u00a0‘’‚“”„–—…•€£¥¢©®™°±«»·§¶¡¿½¼¾†‡‰‹›")
_WESTERN_LETTERS = frozenset("ŒœŠšŽžŸƒ")  # windows-1252's letters outside Latin-1
# At most this share of the letters beyond ASCII: an English page with accented names ("Zürich",
# "café") has a few in a hundred; a Cyrillic or Greek code page read as windows-1252 has nearly
# all its letters there (and reads as accented Latin letters too).
_WESTERN_SHARE = 0.1


def western_cp1252(data: bytes) -> str | None:
    """The text of ``data`` as windows-1252 (WHATWG's reading of Latin-1) when it looks like
    Western text: mostly ASCII letters, and every character beyond ASCII a Latin letter or
    windows-1252 punctuation; else None.

    Why before detection: on such short evidence charset-normalizer guesses far afield (cp775,
    a Baltic DOS code page, for a Latin-1 paragraph about Zürich: "Z³rich", "cafķ"), and an
    English news page without a charset label is far likelier Latin-1/windows-1252 than any."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    letters = sum(ch.isalpha() for ch in text)
    if not high or sum(ch.isalpha() for ch in high) > _WESTERN_SHARE * letters:
        return None
    if all(("\u00c0" <= ch <= "\u00ff" and ch not in "×÷") or ch in _WESTERN_MARKS
           or ch in _WESTERN_LETTERS for ch in high):
        return text
    return None


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``Rejected("encoding")`` if nothing explains the bytes."""
    for bom, bom_enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(bom_enc), bom_enc
            except UnicodeDecodeError:
                break
    no_bom = utf16_without_bom(data)
    if no_bom:
        try:
            return data[: len(data) - len(data) % 2].decode(no_bom), no_bom
        except UnicodeDecodeError:
            pass
    if not data.isascii():
        # Bytes that are valid UTF-8 beyond ASCII are UTF-8 whatever a header or <meta> claims:
        # in another encoding such sequences almost never occur (a server that labels every
        # page ISO-8859-1 would otherwise turn each accented letter into two).
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    head = data[:4096]
    if _multibyte_utf8(data):
        return data.decode("utf-8"), "utf-8"
    candidates: list[str | None] = [_codec(declared)]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        m = pattern.search(head)
        if m:
            candidates.append(_codec(m.group(1)))
    candidates.append("utf-8")
    for enc in candidates:
        if enc is None or enc.startswith("utf-16") or enc.startswith("utf-32"):
            continue  # a declared UTF-16 page without BOM is almost always mislabelled UTF-8
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    # UTF-8 with a few stray bytes (a pasted cp1252 quote) is still UTF-8: detection would turn
    # every multi-byte character into mojibake instead.
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if stray <= max(2, len(data) // 2000) and len(lenient) < len(data):
        return lenient, "utf-8"
    western = western_cp1252(data)
    if western is not None:
        return western, "cp1252"
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        # Single-byte code pages "explain" any bytes: keep the guess only if it reads as a
        # language (charset-normalizer's coherence) and is mostly letters.
        sample = "".join(text[:20_000].split())
        letters = sum(ch.isalpha() for ch in sample) / (len(sample) or 1)
        if text and letters >= 0.6 and (best.coherence > 0 or len(data) < 200):
            return text, best.encoding
    raise Rejected("encoding", f"{source}: the bytes are not valid UTF-8 and no other encoding "
                               "explains them; give the page as UTF-8 or declare its charset")
