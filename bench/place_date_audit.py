"""Events' places and dates on Wikinews articles no gold file names, listed to be read by hand.

    python bench/place_date_audit.py [--n 120] [--seed 1334] [--show KIND]

Draws ``--n`` articles of the shared Wikinews politics corpus with a fixed seed, leaving out
every article that any file under ``gold/`` names: a ``wikinews-en:<id>`` anywhere in it (the
frozen and blind sets, their ``*-heldout.txt`` lists, the development sets) or a Wikinews page
address (the event-pair files cite pages by address). The default pipeline runs on each.
``--show`` (KIND) prints each event that has a place (``place``) or a date (``date``) with its
sentence, the trigger marked ``[...]T`` and the place or date ``[...]P``/``[...]D``; or the
events with none whose sentence has a resolved place after "in/at/near" (``missed-place``) or a
calendar date (``missed-date``): candidates for a plain miss, to be read.

This is a fault audit of Diurna's own output, not a gold set: the judgments are in
``docs/places.md`` (Round 11, session 34, brief 13P) and nowhere in ``gold/``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # after PYTHONPATH: a tree given there is measured

from diurna.evaluate.gold import shared_dir  # noqa: E402
from diurna.model import Document, Event  # noqa: E402
from diurna.pipeline import Pipeline  # noqa: E402

CORPUS = "corpus/wikinews-politics-2004-2009/articles.jsonl"
_LOCATED = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$")


def named_by_gold() -> tuple[set[str], set[str]]:
    """The article ids and the (lower-cased) Wikinews page names any gold file mentions."""
    ids: set[str] = set()
    pages: set[str] = set()
    for path in (REPO / "gold").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            ids.update(re.findall(r"wikinews-en:\d+", text))
            pages.update(p.lower() for p in re.findall(r"wikinews\.org/wiki/([^\s\"'#?]+)", text))
    return ids, pages


def sample(n: int, seed: int) -> list[dict[str, str]]:
    """``n`` corpus rows no gold file names, drawn with ``seed``."""
    ids, pages = named_by_gold()
    rows = [json.loads(x) for x in (shared_dir() / CORPUS).read_text(encoding="utf-8").splitlines()]
    pool = [r for r in rows
            if r["id"] not in ids and r["url"].rsplit("/wiki/", 1)[-1].lower() not in pages]
    print(f"corpus {len(rows)}, named by gold {len(rows) - len(pool)}, pool {len(pool)}",
          file=sys.stderr)
    return random.Random(seed).sample(pool, n)


def marked(doc: Document, event: Event, span: tuple[int, int, str] | None) -> str:
    """The event's sentence with its trigger and ``span`` (start, end, label) in brackets."""
    lo = event.sentence.start
    text = doc.text[lo:event.sentence.end]
    spans = [(event.trigger.start, event.trigger.end, "T")]
    if span is not None and lo <= span[0] < event.sentence.end:
        spans.append(span)
    for start, end, label in sorted(spans, reverse=True):
        text = f"{text[:start - lo]}[{text[start - lo:end - lo]}]{label}{text[end - lo:]}"
    return " ".join(text.split())


def listing(doc: Document, event: Event, show: str) -> str | None:
    """One event's line for ``show``, or None when the event is not of that listing."""
    head = f"{doc.id} pub={doc.published} {event.type} {event.trigger.text!r}"
    lo, hi = event.sentence.start, event.sentence.end
    if show == "place" and event.place is not None:
        p = event.place
        where = f"{p.name}, {p.admin1}, {p.country}, {p.feature}"
        return f"{head} -> {p.text!r}: {where}\n   {marked(doc, event, (p.start, p.end, 'P'))}"
    if show == "date" and event.date is not None:
        d = event.date
        return f"{head} -> {d.text!r}: {d.value}\n   {marked(doc, event, (d.start, d.end, 'D'))}"
    if show == "missed-place" and event.place is None:
        cands = [p.text for p in doc.places if lo <= p.start < hi and p.geonameid is not None
                 and _LOCATED.search(doc.text[max(0, p.start - 12):p.start])]
        return f"{head} candidates {cands}\n   {marked(doc, event, None)}" if cands else None
    if show == "missed-date" and event.date is None:
        cands = [t.text for t in doc.times if lo <= t.start < hi and t.kind in ("date", "time")
                 and re.match(r"\d{4}", t.value or "")]
        return f"{head} candidates {cands}\n   {marked(doc, event, None)}" if cands else None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1334)
    parser.add_argument("--show", choices=("place", "date", "missed-place", "missed-date"),
                        default="place")
    args = parser.parse_args()
    pipeline = Pipeline.default()
    shown = events = 0
    for row in sample(args.n, args.seed):
        doc = pipeline(Document(id=row["id"], source=row["id"], text=row["text"],
                                published=row.get("published"), language="en"))
        events += len(doc.events)
        for event in doc.events:
            line = listing(doc, event, args.show)
            if line is not None:
                shown += 1
                print(f"#{shown} {line}")
    print(f"articles {args.n}, events {events}, listed {shown}", file=sys.stderr)


if __name__ == "__main__":
    main()
