"""Dispatch a RawInput to the HTML or text-dump reader; refuse what cannot be read."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

from diurna.model import Document, Entry, Rejected, content_id, iso_day
from diurna.page.blocks import norm
from diurna.page.decode import check_binary, decode
from diurna.page.html import read_html
from diurna.page.inputs import (
    GZIP_ERRORS,
    GZIP_MAGIC,
    MAX_BYTES,
    RawInput,
    gunzip_head,
    too_large_detail,
)
from diurna.page.nonnews import check_news_text, check_sentence
from diurna.page.text import read_text

log = logging.getLogger(__name__)

_HTML_TAG = re.compile(
    r"<(!doctype\s+html|html|head|body|div|p|article|meta|title|span|table|section|br|a\s|"
    r"h[1-6]|ul|li|script|main|header)\b", re.I)
#: below this many letters a language guess is noise; the page's own declaration is used instead
LANG_MIN_CHARS = 40


def looks_html(text: str) -> bool:
    """Whether an input of unknown kind is HTML: its first non-blank character is ``<`` and a
    known HTML tag stands in its first 5,000 characters, or three do (a text dump may quote
    a tag or two)."""
    head = text[:20_000]
    hits = len(_HTML_TAG.findall(head[:5000]))
    return (head.lstrip().startswith("<") and hits >= 1) or hits >= 3


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _script(ch: str) -> str:
    """The first word of a character's Unicode name: its script for a letter or a mark of one
    (``LATIN``, ``ARABIC``, ``CJK``, ``DEVANAGARI``); ``COMBINING`` for a general diacritic.
    Japanese writes kana among its kanji: the three are one script here."""
    first = unicodedata.name(ch, "?").split(" ", 1)[0]
    return "CJK" if first.startswith(("HIRAGANA", "KATAKANA")) else first


def main_script_words(sample: str) -> str:
    """The words of ``sample`` in the script most of its letters are in, one space between:
    what :func:`detect_language` classifies. Emoji, zero-width and bidi controls, diacritics
    glued on, runs of quotation marks and digits, and a sentence or two in another script made
    py3langid read English pages as Nigerian Pidgin, Moroccan Arabic, Japanese or Thai (the
    Wikinews corpus: 2 of 3,973 articles; docs/batch.md, round 12). Format characters and
    marks of no script are dropped (they sit inside words); anything else is a word break."""
    chars = Counter(sample)  # each character judged once: a sample repeats few (speed)
    counts: dict[str, int] = {}
    for ch, n in chars.items():  # first-seen order, so a tie goes to the script seen first
        if ch.isalpha():
            script = _script(ch)
            counts[script] = counts.get(script, 0) + n
    if not counts:
        return sample
    main = max(counts, key=lambda k: counts[k])
    table = {ord(ch): _in_main_script(ch, main) for ch in chars}
    return " ".join(sample.translate(table).split())


def _in_main_script(ch: str, main: str) -> str | None:
    """What :func:`main_script_words` puts for ``ch``: itself (a letter or mark of the main
    script), nothing (a format character or another mark) or a word break (anything else)."""
    kind = unicodedata.category(ch)
    if (ch.isalpha() or kind[0] == "M") and _script(ch) == main:
        return ch
    return None if kind == "Cf" or kind[0] == "M" else " "


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the body text (py3langid); the page's declared language if too short."""
    sample = text[:1500]
    if sum(map(str.isalpha, sample)) < LANG_MIN_CHARS:  # counted without a generator
        return hint
    lang, prob = _identifier().classify(main_script_words(sample))
    if prob < 0.5 and hint:
        return hint
    return str(lang)


def _unwrap(data: bytes, source: str) -> bytes:
    if data[:2] != GZIP_MAGIC:
        return data
    try:
        out = gunzip_head(data, MAX_BYTES)
    except GZIP_ERRORS as err:
        raise Rejected("corrupt", f"{source}: gzip data is damaged ({err})") from err
    if len(out) > MAX_BYTES:
        raise Rejected("too_large", too_large_detail(source, None))
    return out


def read_page(raw: RawInput, *, published: str | None = None) -> Document:
    """Read one page. ``published`` (ISO date) overrides any date found in the page.

    Raises :class:`Rejected` (never anything else) with reason ``empty``, ``binary``,
    ``encoding``, ``too_large``, ``no_text``, ``too_short``, ``not_a_page``, ``not_news``,
    ``too_deep``, ``corrupt`` or ``unreadable``.
    """
    if raw.error:
        raise Rejected(*raw.error)
    if len(raw.data) > MAX_BYTES:
        raise Rejected("too_large", too_large_detail(raw.source, len(raw.data)))
    data = _unwrap(raw.data, raw.source)
    if not data.strip():
        raise Rejected("empty", f"{raw.source} is empty: nothing to read")
    check_binary(data, raw.source)
    text, encoding = decode(data, raw.source, raw.meta.get("charset"))
    if not text.strip():
        raise Rejected("empty", f"{raw.source} holds only whitespace: nothing to read")
    try:
        doc = _read(raw, text)
    except Rejected:
        raise
    except RecursionError as err:
        raise Rejected("too_deep", f"{raw.source}: document nested too deeply to read") from err
    except Exception as err:  # a library failing on odd input must not end the batch
        raise Rejected("unreadable", f"{raw.source}: {type(err).__name__}: {err}") from err
    doc.meta["encoding"] = encoding
    if published:
        doc.published, doc.published_source = published, "cli"
    elif _iso_8601(raw.meta.get("published")):  # the container's date: who gave it, else "input"
        doc.published = str(raw.meta["published"]).strip()
        doc.published_source = str(raw.meta.get("published_source") or "input")
    elif raw.meta.get("published"):
        log.warning("%s: published %r is not an ISO 8601 date; not used", raw.source,
                    str(raw.meta["published"])[:40])
    if not doc.title and raw.meta.get("title"):
        doc.title = str(raw.meta["title"])  # a JSONL record's own title field
    return doc


_ISO_PREFIX = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")


def _iso_8601(value: Any) -> bool:
    """Whether a container's ``published`` (a JSONL record's) starts with a real ISO day
    (``2018-02-15``, ``2018-02-15T10:00Z``) or is a year or year-month alone. A JSONL record's
    "garbage", "2018-02-30" or "99999-01-01" was stored as the page's date, and the page's own
    date was then not looked for (docs/batch.md, round 12)."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        iso_day(text[:10])
        return True
    except ValueError:
        return bool(_ISO_PREFIX.fullmatch(text))


def _entries(doc: Document, spans: list[Any],
             entries: list[tuple[str | None, str | None, list[str]]]) -> list[Entry]:
    """Live-blog entries as spans of ``doc.text``: their paragraphs end the body, in order."""
    out: list[Entry] = []
    i = len(spans) - sum(len(paras) for _, _, paras in entries)
    if i < 0:
        return out
    for time, headline, paras in entries:
        first, last = spans[i], spans[i + len(paras) - 1]
        out.append(Entry(doc.span(first.start, last.end), time, headline))
        i += len(paras)
    return out


def _read(raw: RawInput, text: str) -> Document:
    kind = raw.kind or ("html" if looks_html(text) else "text")
    if kind == "text":
        check_news_text(text, raw.source)  # code, docs, config and data are not news
    doc_id = content_id(raw.data)
    page = read_html(text, raw.source, raw.url) if kind == "html" else read_text(text, raw.source)
    doc = Document.from_paragraphs(
        doc_id, raw.source, page.paragraphs, title=page.title, dek=page.dek,
        byline=page.byline, published=page.published, published_source=page.published_source,
        updated=page.updated, site=page.site, url=page.url or raw.url, input_format=kind,
        comments=page.comments)
    doc.captions, doc.body_quality = page.captions, page.body_quality
    if page.body_source:
        doc.meta["body_source"] = page.body_source
    spans = doc.paragraph_spans()
    doc.headings = [span for span in spans if norm(span.text) in page.headings]
    doc.layout, doc.partial, doc.key_points = page.layout, page.partial, page.key_points
    if page.amp:
        doc.meta["amp"] = True
    doc.entries = _entries(doc, spans, page.entries)
    if not doc.text:
        raise Rejected("no_text", f"{raw.source}: no article text found "
                                  f"({'HTML' if kind == 'html' else 'text'} without a body)")
    check_sentence(doc.text, raw.source)  # one word is no article ("garbage")
    doc.language = detect_language(doc.text, page.lang_hint)
    return doc
