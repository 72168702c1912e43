"""Where actor and recipient argument errors come from, on a development or training gold file.

    python bench/argument_errors.py [GOLD] [--coder learned|rules]

Runs the pipeline on the gold file's articles and aligns events as ``diurna evaluate events``
does, then sorts every counted argument value (prefix codes, as scored) into the groups of
docs/events-arguments.md, round 16:

- (a) the event: a value on a predicted event no gold event matches (false alarm), or a gold
  value of a gold event nothing matched (miss) - event detection, not attachment;
- (b) missing: the matched event's slot has no pick (the gold phrase coded right nearby, coded
  otherwise or uncoded, or not a mention at all);
- (c) wrong value: a pick without a code (on the gold's phrase or another), or a coded pick
  with another prefix (on the gold's phrase: a dictionary or context-country gap; elsewhere:
  another party);
- (d) convention: a coded pick where the gold gives no coded party.

It prints the counts and the F1 they add up to (the score's own). Refuses the frozen test
files (their errors are never looked at).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.events import heldout_sources, unit_pairs
from diurna.evaluate.gold import frozen, gold_document, read_jsonl
from diurna.model import Mention

Span2 = tuple[int, int]


def _gold_items(g: dict[str, Any], slot: str) -> list[dict[str, Any]]:
    value = g.get(slot)
    items = value if isinstance(value, list) else [value] if value else []
    return [i for i in items if isinstance(i, dict) and i.get("code")]


def _prefixes(ms: list[Mention]) -> set[str]:
    return {m.actor.cameo[:3] for m in ms if m.actor is not None and m.actor.cameo}


def _overlaps(spans: list[Span2], m: Mention) -> bool:
    return any(s < m.end and m.start < e for s, e in spans)


def slot_group(gold: list[dict[str, Any]], picks: list[Mention], near: list[Mention]) -> str:
    """The group of one matched event's slot whose gold names a coded party (see module)."""
    want = {i["code"][:3] for i in gold}
    spans = [(int(i["start"]), int(i["end"])) for i in gold if "start" in i]
    got = _prefixes(picks)
    if want & got:
        return "right"
    if got:
        return "(c) wrong code, the gold's phrase" if any(
            _overlaps(spans, m) for m in picks) else "(c) wrong code, another party"
    if picks:
        return "(c) uncoded pick, the gold's phrase" if any(
            _overlaps(spans, m) for m in picks) else "(c) uncoded pick, another phrase"
    there = [m for m in near if _overlaps(spans, m)]
    if any(m.actor is not None and m.actor.cameo[:3] in want for m in there):
        return "(b) none picked, the gold's phrase there and coded right"
    if there:
        return "(b) none picked, the gold's phrase there, uncoded or coded otherwise"
    return "(b) none picked, no mention of the gold's phrase"


def count(gold_path: str, coder: str) -> dict[str, Counter[str]]:
    """The groups' counts per slot (``actor``, ``recipient``) on ``gold_path``."""
    from diurna.pipeline import Pipeline

    pipe = Pipeline.default(coder=coder)
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in read_jsonl(gold_path):
        by_source[line["source"]].append(line)
    counts: dict[str, Counter[str]] = {"actor": Counter(), "recipient": Counter()}
    for source, units in by_source.items():
        doc = pipe(gold_document(source, units[0].get("published"), None))
        for unit in units:
            start, end = int(unit["start"]), int(unit["end"])
            gold, pred, pairs = unit_pairs(unit, doc.events)
            near = [m for m in doc.mentions if start - 400 <= m.start < end]
            for slot, picks_of in (("actor", lambda e: e.actors),
                                   ("recipient", lambda e: e.recipients)):
                c = counts[slot]
                matched_pred = {id(p) for _, p in pairs}
                matched_gold = {id(g): p for g, p in pairs}
                for p in pred:
                    if id(p) not in matched_pred and _prefixes(picks_of(p)):
                        c["(a) value on a false event"] += 1
                for g in gold:
                    items = _gold_items(g, slot)
                    twin = matched_gold.get(id(g))
                    if not items:
                        if twin is not None and _prefixes(picks_of(twin)):
                            c["(d) coded pick, gold names no coded party"] += 1
                        continue
                    if twin is None:
                        c["(a) gold value of a missed event"] += 1
                        continue
                    c[slot_group(items, picks_of(twin), near)] += 1
    return counts


def f1(c: Counter[str]) -> float:
    """The argument F1 the counts add up to (a wrong code is a false alarm and a miss)."""
    tp = c["right"]
    fp = sum(v for k, v in c.items() if k.startswith(("(a) value", "(d)", "(c) wrong code")))
    fn = sum(v for k, v in c.items() if k != "right" and not k.startswith(("(a) value", "(d)")))
    return micro_f1(tp, fp, fn)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default="gold/events-wikinews-train.jsonl")
    ap.add_argument("--coder", default="learned", choices=("learned", "rules"))
    args = ap.parse_args(argv)
    if frozen(args.gold) or heldout_sources(args.gold):
        print(f"error: {args.gold} is a frozen test file; its errors are not analysed",
              file=sys.stderr)
        return 2
    for slot, c in count(args.gold, args.coder).items():
        print(f"{slot}: F1 {f1(c):.3f}")
        for key, n in sorted(c.items(), key=lambda kv: -kv[1]):
            print(f"  {n:6d}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
