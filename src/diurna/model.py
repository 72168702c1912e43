"""Diurna's data model: one document object with offset-based spans.

Every extracted value is a :class:`Span` (or carries one): ``start``/``end`` are character offsets
into :attr:`Document.text`, the article body (paragraphs joined by a blank line), and ``text`` is
exactly ``doc.text[start:end]``. Together with :attr:`Document.id` that is the value's provenance.

Stages (page → language → actors → statements → events → time → places) fill the lists of one
:class:`Document`; nothing else carries state between them. Reader comments live in
:attr:`Document.comments` and are never part of ``text``, so no stage can code them as news.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

PARAGRAPH_SEPARATOR = "\n\n"

Status = Literal["asserted", "claimed", "denied", "speculative"]
Precision = Literal["day", "month", "year", "week", "unknown",
                    "time", "season", "quarter", "half", "decade", "century"]
# TimeML's TIMEX3 types: a date (or PRESENT_REF/PAST_REF/FUTURE_REF), a time of day, a length of
# time (``P3D``; never an event date) and a frequency (``P1W`` for "weekly")
TimeKind = Literal["date", "time", "duration", "set"]
PlacePrecision = Literal["point", "city", "admin2", "admin1", "country", "continent"]
SourceKind = Literal["person", "organisation", "document", "unnamed"]


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 document``, ``2 documents``: a count as the command lines print it (``many`` for an
    irregular plural, ``story``/``stories``)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def iso_day(value: object) -> str:
    """``value`` as the ISO day ``YYYY-MM-DD``: a :class:`datetime.date` (its day), or text of
    exactly that form (blanks around it allowed) naming a real day.

    Anything else raises ``ValueError("'…' is not a date: use YYYY-MM-DD")`` (the value cut to
    40 characters), which each caller words in its own layer (a click option error, an API 422,
    a filter error), so the CLI, the API, the library and the store's filters accept and refuse
    the same days with the same message. Python's ``date.fromisoformat`` alone would also take
    ``20180215`` and the ISO week ``2018-W07``, which the message does not offer.
    """
    if isinstance(value, date):
        return date(value.year, value.month, value.day).isoformat()
    text = value.strip() if isinstance(value, str) else ""
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:  # a day that does not exist: 2018-02-31
            pass
    shown = value[:40] if isinstance(value, str) else str(value)[:40]
    raise ValueError(f"{shown!r} is not a date: use YYYY-MM-DD")


def published_day(value: str | date | None) -> str | None:
    """A publication day given to the library (``published=`` of :func:`diurna.process`,
    :func:`diurna.batch.run`, ...) as ``diurna process --published`` checks it: None, or
    :func:`iso_day`'s day of a ``YYYY-MM-DD`` text or a ``date``/``datetime`` (its own calendar
    day, naive or aware); anything else is a ValueError saying what to give."""
    if value is None:
        return None
    try:
        return iso_day(value)
    except ValueError as err:
        raise ValueError(f"published {err}") from None


def content_id(raw: bytes) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the raw input bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


#: The content id of no bytes: an empty input's id.
EMPTY_ID = content_id(b"")


def unloaded_id(source: str, reason: str) -> str:
    """The id of an input that could not be loaded (missing, too large, unreadable, a failed
    fetch): it has no bytes to name it, so it is named by what was tried and why it failed,
    the first 16 hex digits of the SHA-256 of ``unloaded``, the reason and the source joined
    by NUL bytes (UTF-8). A rerun that meets the same failure gets the same id, and so
    replaces its own rejection record; another input or another failure gets its own.
    (Before session 32 all such inputs had the empty input's id, :data:`EMPTY_ID`.)"""
    key = "\0".join(("unloaded", reason, source))
    return content_id(key.encode("utf-8", "surrogatepass"))  # a file name may hold surrogates


def rejection_id(doc_id: str, source: str, reason: str | None) -> str:
    """A stored rejection's id as this version names it: a row written before session 32 for
    an input that could not be loaded has the empty input's id with a reason other than
    ``empty`` (only an input with no bytes has that id, and with bytes it is ``empty``), and
    gets :func:`unloaded_id`; any other id is returned as it is. Stores (on a writable open),
    ``diurna load`` and the distributed runner's rerun check read old rows through this."""
    if doc_id == EMPTY_ID and reason and reason != "empty":
        return unloaded_id(source, reason)
    return doc_id


def source_had_nothing(doc_id: str, source: str, reason: str | None) -> bool:
    """Whether a stored rejection records that ``source`` gave nothing to read, rather than
    some bytes it gave: it could not be loaded (the id is :func:`unloaded_id` of the source and
    reason, or an older Diurna's empty id with such a reason, :func:`rejection_id`), or it had
    no bytes at all (:data:`EMPTY_ID` with reason ``empty``: one fixed id that only a zero-byte
    input has). Once a document from that source is stored such a row is out of date. A row
    under any other id names bytes that an input with the same source name gave (an earlier
    upload, a file that held only whitespace), so it is not one of these."""
    if not reason:
        return False
    if doc_id == EMPTY_ID and reason == "empty":
        return True
    return rejection_id(doc_id, source, reason) == unloaded_id(source, reason)


@dataclass(slots=True)
class Span:
    """A stretch of :attr:`Document.text`: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str

    def span_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entry:
    """One entry of a live blog: its paragraphs (a span of :attr:`Document.text`), the time the
    page gives it (as the page writes it, ISO 8601 when the markup has one; None when it shows
    none) and its headline, if any."""

    span: Span
    time: str | None = None
    headline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"time": self.time, "headline": self.headline, **self.span.span_dict()}


@dataclass(slots=True)
class Actor:
    """An entry of the actor dictionary (CAMEO/PLOVER tradition: country + sector)."""

    id: str  # dictionary key, e.g. "IRN-GOV"
    name: str  # canonical name, e.g. "Iran (government)"
    country: str | None  # ISO 3166-1 alpha-3, e.g. "IRN"; None for IGOs / transnational groups
    sector: str | None  # CAMEO-style sector: GOV, MIL, REB, INS, IGO, MED, OPP, CVL, BUS, ...
    cameo: str  # CAMEO actor code, e.g. "IRNGOV"
    kind: str = "state"  # state, government, military, armed_group, igo, person, media, ...
    affiliation: str | None = None  # backer/patron ISO3, e.g. "IRN" for "Iranian-backed forces"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "cameo": self.cameo,
            "kind": self.kind,
            "affiliation": self.affiliation,
        }


@dataclass(slots=True)
class Entity(Span):
    """A named entity from the language stage (spaCy label: GPE, NORP, ORG, PERSON, DATE, ...)."""

    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**self.span_dict(), "label": self.label}


@dataclass(slots=True)
class Mention(Span):
    """A reference to an actor in the text; ``actor`` is None when it is not in the dictionary."""

    actor: Actor | None = None
    label: str = ""  # entity label or "NOUN" for a common-noun reference

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span_dict(),
            "label": self.label,
            "actor": self.actor.to_dict() if self.actor else None,
        }


def actor_code(m: Mention | None) -> str | None:
    """The CAMEO code of a mention's dictionary actor (``IRNGOV``); None when there is no
    mention, no actor or an empty code, as the store and exports write a missing code (JSON
    null, docs/events.schema.json), so that no caller takes "" for a code two parties share."""
    return m.actor.cameo or None if m is not None and m.actor is not None else None


@dataclass(slots=True)
class Quote(Span):
    """A statement: the span is its content (inside the quotation marks for direct quotes)."""

    kind: Literal["direct", "indirect", "mixed"] = "direct"  # mixed: a clause with quoted words
    speaker: Mention | None = None
    cue: Span | None = None  # the speech verb: said, called on, admitted, according to
    sources: list[Mention] = field(default_factory=list)  # reporting chain, nearest first
    # Who the source is: person, organisation, document (report, poll, statement, letter) or
    # unnamed ("officials said", "a source familiar with ..."); None when there is no speaker.
    source_kind: SourceKind | None = None
    # The content's pieces when a quote is split by its attribution (“A,” she said. “B.”): the
    # span then runs from the first piece to the last; empty for a one-piece statement.
    parts: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span_dict(),
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.span_dict() if self.cue else None,
            "sources": [s.to_dict() for s in self.sources],
            "source_kind": self.source_kind,
            "parts": [p.span_dict() for p in self.parts],
        }


@dataclass(slots=True)
class TimeExpr(Span):
    """A temporal expression and its normalised value.

    ``value`` is ISO 8601 where the text allows it: ``2018-02-14`` (day), ``2018-02`` (month),
    ``2018`` (year), ``2018-W07`` (week); a date whose year is unknown stays partial as
    ``--02-14`` (ISO 8601:2000 truncated form). ``None`` when the expression cannot be placed.
    Beyond the calendar, TimeML values (``docs/time.md``): ``PRESENT_REF``/``PAST_REF``/
    ``FUTURE_REF``, seasons ``1998-SU``, quarters ``1998-Q3``, halves ``1998-H1``, decades
    ``199``, centuries ``19``, parts of a day ``1998-08-07TNI``; a ``duration`` or ``set``
    ``kind`` holds a length (``P3D``, ``PT5H``, ``PXY``), never a date.

    A length counted from the narrative's time ("three days later": the ``duration`` ``P3D``
    over "three days", as TimeML marks it) keeps the day the narrative reaches in
    ``end_point``: a ``date`` with its own offsets over the whole phrase ("three days later",
    ``2005-05-05``), so that an event can still be dated by it.
    """

    value: str | None = None
    precision: Precision = "unknown"
    end_value: str | None = None  # for ranges ("7-9 February")
    anchor: Literal["absolute", "published", "none"] = "none"
    kind: TimeKind = "date"
    end_point: TimeExpr | None = None  # the day a counted length reaches ("three days later")

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span_dict(),
            "value": self.value,
            "precision": self.precision,
            "end_value": self.end_value,
            "anchor": self.anchor,
            "kind": self.kind,
            "end_point": self.end_point.to_dict() if self.end_point else None,
        }


@dataclass(slots=True)
class Place(Span):
    """A toponym and the GeoNames place it resolves to (``geonameid`` None when unresolved)."""

    geonameid: int | None = None
    name: str | None = None  # GeoNames name
    country: str | None = None  # ISO 3166-1 alpha-2 (GeoNames convention)
    admin1: str | None = None  # name of the first-level division
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # GeoNames feature class.code, e.g. "P.PPLA", "A.ADM1", "A.PCLI"
    precision: PlacePrecision | None = None
    qualifier: str | None = None  # e.g. "eastern countryside"
    # Which text the offsets point into: the body (``doc.text``), or the headline fields.
    field: Literal["body", "title", "dek"] = "body"

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span_dict(),
            "geonameid": self.geonameid,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "precision": self.precision,
            "qualifier": self.qualifier,
            "field": self.field,
        }


@dataclass(slots=True)
class Event:
    """A coded event: PLOVER type/mode with a CAMEO code beside it."""

    id: str
    type: str  # PLOVER event type, e.g. "DEMAND"
    trigger: Span  # the word(s) that express the event ("called on", "attack")
    sentence: Span  # the sentence it is coded from
    mode: str | None = None  # PLOVER mode, e.g. "withdraw"
    contexts: list[str] = field(default_factory=list)  # PLOVER contexts, e.g. ["military"]
    cameo: str | None = None  # CAMEO code (root or finer), e.g. "10" or "1056"
    actors: list[Mention] = field(default_factory=list)  # first is the primary actor
    recipients: list[Mention] = field(default_factory=list)
    status: Status = "asserted"
    negated: bool = False
    source: Mention | None = None  # who reports/claims it ("the US-led coalition claimed")
    date: TimeExpr | None = None
    place: Place | None = None

    @property
    def actor(self) -> Mention | None:
        return self.actors[0] if self.actors else None

    @property
    def recipient(self) -> Mention | None:
        return self.recipients[0] if self.recipients else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "contexts": self.contexts,
            "cameo": self.cameo,
            "status": self.status,
            "negated": self.negated,
            "trigger": self.trigger.span_dict(),
            "sentence": self.sentence.span_dict(),
            "actors": [m.to_dict() for m in self.actors],
            "recipients": [m.to_dict() for m in self.recipients],
            "source": self.source.to_dict() if self.source else None,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
        }


@dataclass(slots=True)
class Comment:
    """A reader comment. Kept beside the article, never in :attr:`Document.text`."""

    index: int
    text: str
    author: str | None = None
    parent: int | None = None  # index of the comment this one replies to
    depth: int = 0
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "author": self.author,
            "text": self.text,
            "parent": self.parent,
            "depth": self.depth,
            "published": self.published,
        }


@dataclass(slots=True)
class Document:
    """One input page and everything extracted from it."""

    id: str
    source: str  # path, URL or "<stdin>" it was read from
    text: str = ""  # the article body: paragraphs joined by PARAGRAPH_SEPARATOR
    title: str | None = None
    dek: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date (or partial) of publication
    published_source: str | None = None  # "cli", "metadata", "url", ...
    updated: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1
    input_format: str | None = None  # "html", "text", "warc", "jsonl"
    comments: list[Comment] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # Places named in the title and dek (``Place.field`` says which; offsets into that field).
    headline_places: list[Place] = field(default_factory=list)
    # Page structure (HTML pages): body paragraphs that are section headings (spans of ``text``),
    # image captions and credits (kept out of ``text``), and how article-like the body reads
    # (0 = page chrome .. 1 = article prose; see diurna.page.quality).
    headings: list[Span] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    body_quality: float | None = None
    # Layout (HTML pages; diurna.page.layouts): "article", "liveblog", "gallery" or "several"
    # (a page holding several articles; the body is the main one). ``partial``: the page shows
    # only the start of the article (paywall teaser). ``key_points``: the article's key-points
    # box ("Key points", "Kort fortalt", "Darum geht's"), kept out of ``text``. ``entries``: a
    # live blog's entries, oldest first, each a span of ``text`` with its time.
    layout: str | None = None
    partial: bool = False
    key_points: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    rejected: str | None = None  # reason when the input could not be read or coded
    skipped: list[str] = field(default_factory=list)  # stages skipped and why
    meta: dict[str, Any] = field(default_factory=dict)  # free-form stage diagnostics
    # The version of the coder that coded it (diurna.batch.coder_version of the pipeline that
    # ran), set by Pipeline when its stages have run; Store.save records it. Not in to_dict.
    coder: str | None = field(default=None, repr=False, compare=False)
    # Transient: the language stage's parse (a spaCy Doc); never serialised or stored.
    nlp: Any = field(default=None, repr=False, compare=False)

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split(PARAGRAPH_SEPARATOR) if self.text else []

    @property
    def rejection_detail(self) -> str | None:
        """Why a rejected document was rejected, in words: the page reader's detail (what to
        do about it), else the error a stage raised; None when neither was recorded (and for
        a document that was not rejected). ``diurna rejections`` and the store show the same."""
        return self.meta.get("detail") or self.meta.get("error")

    def paragraph_spans(self) -> list[Span]:
        spans, pos = [], 0
        for para in self.paragraphs:
            spans.append(Span(pos, pos + len(para), para))
            pos += len(para) + len(PARAGRAPH_SEPARATOR)
        return spans

    def field_text(self, name: str) -> str:
        """The text a span's offsets point into: ``body`` (``text``), ``title`` or ``dek``."""
        value = self.text if name == "body" else getattr(self, name)
        return value or ""

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the body text; the one way stages should make spans."""
        return Span(start, end, self.text[start:end])

    @classmethod
    def from_paragraphs(cls, id: str, source: str, paragraphs: list[str], **kw: Any) -> Document:
        clean = [p.strip() for p in paragraphs if p and p.strip()]
        return cls(id=id, source=source, text=PARAGRAPH_SEPARATOR.join(clean), **kw)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "rejected": self.rejected,
            "title": self.title,
            "dek": self.dek,
            "byline": self.byline,
            "published": self.published,
            "published_source": self.published_source,
            "updated": self.updated,
            "site": self.site,
            "url": self.url,
            "language": self.language,
            "input_format": self.input_format,
            "body": self.paragraphs,
            "comments": [c.to_dict() for c in self.comments],
            "entities": [e.to_dict() for e in self.entities],
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
            "headline_places": [p.to_dict() for p in self.headline_places],
            "headings": [h.span_dict() for h in self.headings],
            "captions": self.captions,
            "body_quality": self.body_quality,
            "layout": self.layout,
            "partial": self.partial,
            "key_points": self.key_points,
            "entries": [e.to_dict() for e in self.entries],
            "skipped": self.skipped,
        }


class Rejected(Exception):
    """An input that cannot be processed. ``reason`` is a short machine-readable code
    (``empty``, ``binary``, ``too_large``, ``encoding``, ``not_a_page``, ``not_english``, ...),
    ``detail`` says what was wrong and what to do."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
