"""Provenance and "never invent" checked at corpus scale: every value points into its text.

    python bench/provenance_audit.py [--wikinews N] [--seed S] [--pages all|none] [--show K]

Runs the default pipeline (learned coder) over the development pages (the 115 benchmark pages of
``shared/gold/article-body`` and the modern set's development sites, as ``bench/body_f1.py
--sites dev`` reads them) and a seeded sample of ``--wikinews`` (default 500) Wikinews politics
articles that no gold file names (read as ``diurna process articles.jsonl`` reads them, drawn as
``bench/place_date_audit.py`` draws them), stores every document in a fresh SQLite store, exports
it with ``diurna events --format jsonl`` and ``diurna export --to *.csv / *.jsonl``, and checks:

- ``span``: every span's ``text[start:end]`` equals its stored text in its field (body, title,
  dek), in the Document, in its JSON (``process --format json``; body = paragraphs joined by
  a blank line) and in the store's tables;
- ``trim``: no span is empty or starts or ends with white space (a phrase's words, not the
  paragraph break after them);
- ``in_sentence``: an event's trigger, actors, recipients, source, place and date lie inside the
  event's sentence (the documented exceptions are counted apart, ``docs/data.md``);
- ``not_comment``: no event, quote or place lies in a body paragraph that is a reader comment or
  an image caption;
- ``date``: a value is never more precise than its words plus the documented anchor (a
  month-day with no year and no publication date stays partial; a year-only expression is never
  given a month or a day; ``anchor=published`` only with a publication date), an event's date is
  one of the document's expressions, and the store's ``event_date`` / ``date_basis`` follow it;
- ``place``: a place with no gazetteer entry (no GeoNames id and no Natural Earth feature) has no
  coordinates;
- ``ids``: document and event ids are unique; an event's id is ``<doc_id>:<index>``;
- ``export``: the offsets and words of the store's rows, of ``events --format jsonl`` and of
  both exports equal the Document's.

It prints, per check, how many items were checked and how many faulted, then the first
``--show`` faults of each kind. Nothing is scored against gold; no frozen or blind set is read.
The per-document checks (:func:`audit_document`) are also run by ``tests/test_provenance.py``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # after PYTHONPATH: a tree given there is measured
sys.path.append(str(REPO / "bench"))

from diurna.model import PARAGRAPH_SEPARATOR, Document, Event, Span, TimeExpr  # noqa: E402

#: the event arguments ``in_sentence`` checks, by their name in the fault lines
EVENT_ARGUMENTS = ("trigger", "actor", "recipient", "source", "place", "date")
_YEAR = re.compile(r"(?<!\d)(?:1[0-9]|20)\d{2}(?!\d)|'\d{2}\b")
# a year said alone: "2005", "in 2005", "the year 2005", "early 2005", "fiscal 2005"
_YEAR_ONLY = re.compile(r"^(?:(?:in|the|year|of|early|late|mid|fiscal|calendar|-|\s)+)?"
                        r"(?:1[0-9]|20)\d{2}$", re.I)
_DAY_PRECISE = ("day", "time")


@dataclass
class Audit:
    """Counts of items checked and faults found, per check, with the faults' descriptions."""

    checked: Counter[str] = field(default_factory=Counter)
    faults: dict[str, list[str]] = field(default_factory=dict)
    exceptions: Counter[str] = field(default_factory=Counter)

    def check(self, name: str, ok: bool, what: str) -> None:
        """Count one ``name`` check; keep ``what`` when it failed."""
        self.checked[name] += 1
        if not ok:
            self.faults.setdefault(name, []).append(what)

    def fault_count(self, name: str) -> int:
        return len(self.faults.get(name, []))

    def merge(self, other: Audit) -> None:
        self.checked.update(other.checked)
        self.exceptions.update(other.exceptions)
        for name, found in other.faults.items():
            self.faults.setdefault(name, []).extend(found)


def document_spans(doc: Document) -> Iterator[tuple[str, str, Span]]:
    """(what, field, span) for every span the document holds: ``field`` is the text its
    offsets point into (``body``, ``title`` or ``dek``)."""
    for what, spans in (("sentence", doc.sentences), ("entity", doc.entities),
                        ("mention", doc.mentions), ("heading", doc.headings)):
        for span in spans:
            yield what, "body", span
    for entry in doc.entries:
        yield "entry", "body", entry.span
    for place in [*doc.places, *doc.headline_places]:
        yield "place", place.field, place
    for t in doc.times:
        yield "time", "body", t
        if t.end_point is not None:
            yield "time.end_point", "body", t.end_point
    for q in doc.quotes:
        yield "quote", "body", q
        for what, part in (("quote.speaker", q.speaker), ("quote.cue", q.cue)):
            if part is not None:
                yield what, "body", part
        yield from (("quote.source", "body", s) for s in q.sources)
        yield from (("quote.part", "body", p) for p in q.parts)
    for e in doc.events:
        yield "event.sentence", "body", e.sentence
        for name, span in event_arguments(e):
            yield f"event.{name}", "body" if name != "place" else _field(span), span


def _field(span: Span) -> str:
    return str(getattr(span, "field", "body"))


def event_arguments(e: Event) -> Iterator[tuple[str, Span]]:
    """(argument name, span) of every span an event carries besides its sentence."""
    yield "trigger", e.trigger
    yield from (("actor", m) for m in e.actors)
    yield from (("recipient", m) for m in e.recipients)
    for name, span in (("source", e.source), ("place", e.place), ("date", e.date)):
        if span is not None:
            yield name, span


def check_span(audit: Audit, text: str, span: Any, where: str) -> None:
    """``text[start:end] == span.text`` with offsets inside ``text``."""
    start, end, words = _triple(span)
    ok = 0 <= start <= end <= len(text) and text[start:end] == words
    audit.check("span", ok, f"{where} [{start}:{end}] {words!r} != {text[start:end]!r}")


def _triple(span: Any) -> tuple[int, int, str]:
    if isinstance(span, dict):
        return int(span["start"]), int(span["end"]), str(span["text"])
    return span.start, span.end, span.text


def in_sentence(doc: Document, e: Event, name: str, span: Span) -> str | None:
    """None when ``span`` lies inside the event's sentence; else the documented exception it
    is (``exception:...``), or ``fault``."""
    from diurna.places.resolver import PLACED_ACTS, VERBAL_TYPES, dateline_place

    if e.sentence.start <= span.start and span.end <= e.sentence.end:
        return None
    if name == "place":
        if _field(span) != "body":
            return "exception:headline place"
        line = dateline_place(doc)
        if line is not None and (line[0].start, line[0].end) == (span.start, span.end):
            return "exception:dateline (docs/places.md, event location 6)"
        if e.type.upper() in VERBAL_TYPES - PLACED_ACTS:
            return "exception:where the speaker spoke, within 3 sentences (event location 4)"
    if name in ("actor", "source") and _speaker_of_quote(doc, e, span):
        return "exception:the speaker of the statement holding the trigger"
    if name in ("actor", "recipient") and _earlier_party(doc, e, span):
        return "exception:the parties of an earlier event the words refer to"
    if name in ("actor", "recipient") and _antecedent(doc, e, span):
        return "exception:a pronoun's antecedent, within two sentences before (docs/actors.md)"
    return "fault"


#: words the actors stage reads as references to an earlier mention (docs/actors.md)
_REFERENCE = re.compile(r"\b(?:he|she|his|him|himself|her|it|its|itself|they|their|them|we|"
                        r"our|us|the (?:group|organi[sz]ation|movement|agency|country|nation|"
                        r"state))\b", re.I)


def _antecedent(doc: Document, e: Event, span: Span) -> bool:
    """Whether ``span`` can be the antecedent of a pronoun or short reference of the event's
    sentence: it lies in one of the two sentences before it, and the sentence has one."""
    starts = [s.start for s in doc.sentences if s.start < e.sentence.start]
    window = starts[-2] if len(starts) >= 2 else 0
    return window <= span.start and span.end <= e.sentence.start and bool(
        _REFERENCE.search(doc.text[e.sentence.start:e.sentence.end]))


def _earlier_party(doc: Document, e: Event, span: Span) -> bool:
    """Whether ``span`` is a party of an earlier event: "rejected these accusations" takes
    the parties of the accusation reported before (the event coder's ``_referred_actors``)."""
    for other in doc.events:
        if other is e:
            return False
        if any((m.start, m.end) == (span.start, span.end) for m in other.actors):
            return True
    return False


def _speaker_of_quote(doc: Document, e: Event, span: Span) -> bool:
    """Whether ``span`` is the speaker (or a source) of a quote the trigger lies in: a
    statement's speaker is its act's actor or source (docs/annotation-events.md section 4),
    and a quote runs over several sentences."""
    for q in doc.quotes:
        if q.start <= e.trigger.start < q.end or (q.cue is not None and q.cue.start <=
                                                   e.trigger.start < q.cue.end):
            people = [m for m in [q.speaker, *q.sources] if m is not None]
            if any((m.start, m.end) == (span.start, span.end) for m in people):
                return True
    return False


def comment_paragraphs(doc: Document) -> list[Span]:
    """Body paragraphs whose words are a reader comment's or an image caption's."""
    def norm(s: str) -> str:
        return " ".join(s.split()).lower()

    foreign = {norm(c.text) for c in doc.comments} | {norm(c) for c in doc.captions}
    foreign.discard("")
    return [p for p in doc.paragraph_spans() if norm(p.text) in foreign]


def date_fault(t: TimeExpr, published: str | None) -> str | None:
    """Why ``t``'s value is more precise than its words and its anchor allow, or None."""
    value = t.value or ""
    if t.kind not in ("date", "time") or not value[:1].isdigit():
        return None  # a partial "--02-14", a reference or a length: nothing invented
    words_year = bool(_YEAR.search(t.text))
    if not words_year and t.anchor == "none":
        return "a year the words do not give, and no anchor"
    if t.anchor == "published" and not published:
        return "anchored to a publication date the document does not have"
    if _YEAR_ONLY.match(t.text.strip()) and t.precision in ("day", "month", "week", "time"):
        return "a year alone given a month or a day"
    return None


def audit_document(doc: Document, audit: Audit | None = None) -> Audit:
    """Every per-document check of one coded Document (``span``, ``in_sentence``,
    ``not_comment``, ``date``, ``place``, ``ids``); returns the audit it added to."""
    audit = audit or Audit()
    key = f"{doc.id} {doc.source}"
    for what, name, span in document_spans(doc):
        check_span(audit, doc.field_text(name), span, f"{key} {what} ({name})")
        if what == "quote" and not span.text and getattr(span, "cue", None) is not None:
            # "declined to comment": a refusal has no content (docs/quotes.md)
            audit.exceptions["trim: a refusal's empty content"] += 1
            continue
        audit.check("trim", bool(span.text) and span.text == span.text.strip(),
                    f"{key} {what} [{span.start}:{span.end}] {span.text!r}")
    check_json(audit, doc, key)
    for e in doc.events:
        for name, span in event_arguments(e):
            verdict = in_sentence(doc, e, name, span)
            if verdict is not None and verdict.startswith("exception:"):
                audit.exceptions[f"in_sentence {name}: {verdict[10:]}"] += 1
                continue
            audit.check("in_sentence", verdict is None,
                        f"{key} {e.id} {e.type} {name} {span.text!r} [{span.start}:{span.end}] "
                        f"outside sentence [{e.sentence.start}:{e.sentence.end}]")
    foreign = comment_paragraphs(doc)
    coded: list[tuple[str, Span]] = [("event", e.trigger) for e in doc.events]
    coded += [("quote", q) for q in doc.quotes] + [("place", p) for p in doc.places]
    for what, span in coded:
        inside = [p for p in foreign if p.start <= span.start < p.end]
        audit.check("not_comment", not inside,
                    f"{key} {what} {span.text!r} in a comment or caption paragraph")
    check_dates(audit, doc, key)
    for place in [*doc.places, *doc.headline_places]:
        known = place.geonameid is not None or place.feature is not None
        audit.check("place", known or (place.lat is None and place.lon is None),
                    f"{key} {place.text!r} has no gazetteer entry but a point "
                    f"({place.lat}, {place.lon})")
    ids = [e.id for e in doc.events]
    audit.check("ids", len(ids) == len(set(ids)), f"{key} event ids repeat: {ids}")
    for i, e in enumerate(doc.events):
        audit.check("ids", e.id == f"{doc.id}:{i}", f"{key} event {i} has id {e.id!r}")
    return audit


def check_dates(audit: Audit, doc: Document, key: str) -> None:
    """``date``: every expression's value against its words; events' dates among them."""
    for t in doc.times:
        for expr in (t, t.end_point):
            if expr is not None:
                why = date_fault(expr, doc.published)
                audit.check("date", why is None,
                            f"{key} {expr.text!r} -> {expr.value} ({expr.precision}, "
                            f"anchor {expr.anchor}, published {doc.published}): {why}")
    known = {(t.start, t.end, t.value) for t in doc.times}
    known |= {(t.end_point.start, t.end_point.end, t.end_point.value)
              for t in doc.times if t.end_point is not None}
    lengths = {(t.start, t.end) for t in doc.times if t.kind == "duration"}
    for e in doc.events:
        if e.date is not None and (e.date.start, e.date.end) in lengths and \
                e.date.anchor == "published":
            # "comes a week after the inquiry was announced": the length read as "a week
            # ago" dates the event, while the expression stays a duration (docs/time.md)
            audit.exceptions["date: a length counted back from publication"] += 1
        elif e.date is not None:
            audit.check("date", (e.date.start, e.date.end, e.date.value) in known,
                        f"{key} {e.id} date {e.date.text!r} -> {e.date.value} is none of the "
                        "document's expressions")


def check_json(audit: Audit, doc: Document, key: str) -> None:
    """``span`` on the document JSON (``process --format json``): offsets into its body
    paragraphs joined by a blank line, its title and dek."""
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    fields = {"body": PARAGRAPH_SEPARATOR.join(data["body"]), "title": data["title"] or "",
              "dek": data["dek"] or ""}
    for what, value in json_spans(data):
        check_span(audit, fields[value.get("field", "body")], value, f"{key} json {what}")


def json_spans(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(what, span object) of every span in a document JSON."""
    for what in ("entities", "mentions", "quotes", "times", "places", "headline_places",
                 "headings", "entries"):
        for item in data[what]:
            yield what, item
            if what == "times" and item["end_point"]:
                yield "times.end_point", item["end_point"]
            if what == "quotes":
                parts = [item["speaker"], item["cue"], *item["sources"], *item["parts"]]
                yield from ((f"{what}.part", p) for p in parts if p)
    for e in data["events"]:
        for name in ("trigger", "sentence", "source", "date", "place"):
            if e[name]:
                yield f"events.{name}", e[name]
        for m in [*e["actors"], *e["recipients"]]:
            yield "events.participant", m


# --- the store and the exports ------------------------------------------------------------

#: the span columns of an event row (docs/data.md): prefix -> (Event attribute path)
ROW_SPANS = ("trigger", "actor", "recipient", "source", "place", "date")


def expected_row_spans(e: Event) -> dict[str, tuple[int, int, str] | None]:
    """The (start, end, text) each ``<prefix>_start/_end/_text`` column of ``e``'s row holds."""
    spans: dict[str, Span | None] = {"trigger": e.trigger, "actor": e.actor,
                                     "recipient": e.recipient, "source": e.source,
                                     "place": e.place, "date": e.date}
    return {k: (s.start, s.end, s.text) if s is not None else None for k, s in spans.items()}


def check_row(audit: Audit, row: dict[str, Any], e: Event, body: str, where: str) -> None:
    """``export``: an event row's offsets and words equal the Event's and point into ``body``."""
    for prefix, want in expected_row_spans(e).items():
        got = _row_span(row, prefix)
        audit.check("export", got == want, f"{where} {e.id} {prefix}: row {got} != {want}")
    sentence = _row_span(row, "sentence")
    audit.check("export", sentence is not None and sentence[:2] == (e.sentence.start,
                                                                   e.sentence.end)
                and body[sentence[0]:sentence[1]] == sentence[2],
                f"{where} {e.id} sentence {sentence} != [{e.sentence.start}:{e.sentence.end}]")
    for role, mentions in (("actors", e.actors), ("recipients", e.recipients)):
        cell = row[role]
        items = json.loads(cell) if isinstance(cell, str) else cell
        got_list = [(p["start"], p["end"], p["text"]) for p in items]
        audit.check("export", got_list == [(m.start, m.end, m.text) for m in mentions],
                    f"{where} {e.id} {role}: {got_list}")


def _int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def _row_span(row: dict[str, Any], prefix: str) -> tuple[int, int, str] | None:
    start, end = _int(row.get(f"{prefix}_start")), _int(row.get(f"{prefix}_end"))
    if start is None or end is None:
        return None
    text = row.get(f"{prefix}_text") or ""
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        text = text[1:]  # a CSV cell made spreadsheet-safe (docs/data.md)
    return start, end, text


def check_event_day(audit: Audit, row: dict[str, Any], e: Event, published: str | None,
                    where: str) -> None:
    """``date``: ``event_date`` is the event's own day, else the publication day, else null."""
    own = e.date.value if e.date is not None and e.date.precision == "day" else None
    pub = published[:10] if published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published[:10]) \
        else None
    day, basis = str(row["event_date"] or "") or None, row["date_basis"] or None
    if own and re.fullmatch(r"\d{4}-\d{2}-\d{2}", own):
        want: tuple[str | None, str | None] = (own, "event")
    else:
        want = (pub, "publication" if pub else None)
    audit.check("date", (day, basis) == want,
                f"{where} {e.id} event_date {day} ({basis}) != {want}; date_value "
                f"{e.date.value if e.date else None}, published {published}")


def audit_store(docs: list[Document], tmp: Path) -> Audit:
    """``span`` on the store's tables, ``ids`` across documents and ``export`` / ``date`` on
    the store's event rows, ``events --format jsonl`` and both exports."""
    from click.testing import CliRunner

    from diurna.cli import cli
    from diurna.store import Store

    audit = Audit()
    db = tmp / "audit.sqlite"
    coded = [d for d in docs if not d.rejected]
    by_id: dict[str, Document] = {}
    for doc in coded:
        audit.check("ids", doc.id not in by_id or by_id[doc.id].text == doc.text,
                    f"{doc.id} names two different texts: {by_id.get(doc.id, doc).source}, "
                    f"{doc.source}")
        by_id.setdefault(doc.id, doc)
    with Store(db) as store:
        for doc in by_id.values():
            store.save(doc)
        check_store_tables(audit, store, by_id)
        rows = store.events()
    events = {e.id: (e, doc) for doc in by_id.values() for e in doc.events}
    ids = [r["id"] for r in rows]
    audit.check("ids", len(ids) == len(set(ids)), f"store event ids repeat ({len(ids)} rows, "
                f"{len(set(ids))} ids)")
    audit.check("export", set(ids) == set(events), f"store has {len(ids)} events, documents "
                f"{len(events)}")
    runner = CliRunner()
    listed = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"])
    exports: dict[str, list[dict[str, Any]]] = {
        "store": rows, "events --format jsonl": [json.loads(x) for x in listed.output.splitlines()
                                                 if x.startswith("{")]}
    for suffix in ("csv", "jsonl"):
        out = tmp / f"export.{suffix}"
        runner.invoke(cli, ["export", "--db", str(db), "--to", str(out), "--all-copies"])
        with out.open(encoding="utf-8", newline="") as fh:
            exports[f"export {suffix}"] = (list(csv.DictReader(fh)) if suffix == "csv"
                                           else [json.loads(x) for x in fh])
    for where, got in exports.items():
        audit.check("export", len(got) == len(events),
                    f"{where}: {len(got)} rows for {len(events)} events")
        for row in got:
            if row["id"] not in events:
                audit.check("export", False, f"{where}: unknown event {row['id']}")
                continue
            e, doc = events[row["id"]]
            check_row(audit, row, e, doc.text, where)
            check_event_day(audit, row, e, doc.published, where)
    return audit


def check_store_tables(audit: Audit, store: Any, docs: dict[str, Document]) -> None:
    """``span``: the stored body is the Document's, and every stored span points into it."""
    for doc_id, doc in docs.items():
        body = store.document_text(doc_id)
        audit.check("span", body == doc.text, f"{doc_id} stored body differs")
    fields = {row[0]: {"title": row[1], "dek": row[2]}
              for row in store.conn.execute("SELECT id, title, dek FROM documents")}
    for table in ("entities", "mentions", "quotes", "times", "places"):
        for row in store.conn.execute(f"SELECT * FROM {table}").fetchall():
            item = dict(zip([c[0] for c in store.conn.execute(
                f"SELECT * FROM {table} LIMIT 0").description], row, strict=True))
            doc = docs[item["doc_id"]]
            name = item.get("field") or "body"
            text = doc.text if name == "body" else str(fields[doc.id].get(name) or "")
            check_span(audit, text, item, f"{doc.id} store {table}")


# --- inputs -----------------------------------------------------------------------------

def page_inputs() -> list[Any]:
    """The 115 benchmark pages and the modern set's development-site pages, as RawInputs."""
    from diurna.evaluate.body import load_gold
    from diurna.evaluate.gold import shared_dir
    from diurna.page import RawInput

    gold = shared_dir() / "gold"
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes()))
            for p in sorted((gold / "article-body" / "html").glob("*.html.gz"))]
    raws += [RawInput(key, html) for key, _, html in load_gold(gold / "article-body-modern",
                                                               sites="dev")]
    return raws


def wikinews_inputs(n: int, seed: int, tmp: Path) -> list[Any]:
    """``n`` Wikinews articles no gold file names, read as ``diurna process`` reads a JSONL
    file (its ``text``, ``title``, ``published`` and ``url``)."""
    from diurna.page.inputs import iter_inputs
    from place_date_audit import sample

    path = tmp / "wikinews-sample.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample(n, seed)),
                    encoding="utf-8")
    return list(iter_inputs([str(path)]))


def run(raws: Iterable[Any]) -> list[Document]:
    """The default pipeline over ``raws``, in order."""
    from diurna.pipeline import Pipeline

    return list(Pipeline.default().pipe(raws))


def report(audit: Audit, show: int) -> None:
    """Counts per check and the first ``show`` faults of each."""
    print(f"{'check':<12} {'checked':>9} {'faults':>7}")
    for name in ("span", "trim", "in_sentence", "not_comment", "date", "place", "ids", "export"):
        print(f"{name:<12} {audit.checked[name]:>9} {audit.fault_count(name):>7}")
    for name, n in sorted(audit.exceptions.items()):
        print(f"documented exception {name}: {n}")
    for name, found in audit.faults.items():
        print(f"\n## {name}: {len(found)} faults")
        for line in found[:show]:
            print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wikinews", type=int, default=500, help="Wikinews articles to draw")
    parser.add_argument("--seed", type=int, default=35)
    parser.add_argument("--pages", choices=("all", "none"), default="all",
                        help="the development pages too, or not")
    parser.add_argument("--show", type=int, default=8, help="faults listed per check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diurna-audit-") as name:
        tmp = Path(name)
        raws = page_inputs() if args.pages == "all" else []
        raws += wikinews_inputs(args.wikinews, args.seed, tmp) if args.wikinews else []
        docs = run(raws)
        audit = Audit()
        for doc in docs:
            if not doc.rejected:
                audit_document(doc, audit)
        audit.merge(audit_store(docs, tmp))
    rejected = Counter(d.rejected for d in docs if d.rejected)
    print(f"inputs {len(docs)}, coded {len(docs) - sum(rejected.values())}, rejected "
          f"{dict(rejected)}, events {sum(len(d.events) for d in docs)}, quotes "
          f"{sum(len(d.quotes) for d in docs)}, places {sum(len(d.places) for d in docs)}")
    report(audit, args.show)


if __name__ == "__main__":
    main()
