"""The learned coder with and without guideline readings, scored on the read pool (brief E19).

    python bench/false_event_steps.py [GOLD ...] [--reading NAME ...] [--list]

Parses and reads each source once (:class:`diurna.events.combine.Reader`, with the shipped
combiner), then codes it once per variant: the default coder (no reading) and, for each named
reading of :data:`diurna.events.readings.READINGS` (repeatable; ``all`` for each one alone and
all together), the coder with it on. Each variant is scored with ``diurna evaluate events``' own
:func:`diurna.evaluate.events.score`; per file and pooled (counts summed) it prints type
micro-F1 (tp / fp / fn), actor and recipient argument F1 and status on matched events. With
``--list``, every event a variant removes is printed with its sentence and whether the scorer
had matched it, for reading by hand.

Default gold: the read pool of brief E19 (Wikinews dev and dev3-dev12). Frozen test files and
the blind sets (``diurna.evaluate.gold.BLIND_SETS``) are refused.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.events import score, unit_pairs
from diurna.evaluate.gold import blind, frozen, gold_document, read_jsonl, repo_dir
from diurna.events.combine import Reader
from diurna.events.readings import READINGS
from diurna.model import Document

POOL = ("gold/events-wikinews-dev.jsonl",
        *(f"gold/events-wikinews-dev{i}.jsonl" for i in range(3, 13)))
RETOLD = "no retellings"  # a variant flag, not a reading: LearnedEventCoder.retellings off


def set_variant(reader: Reader, readings: frozenset[str]) -> None:
    """Put ``reader``'s coder in the variant ``readings`` names."""
    reader.coder.retellings = RETOLD not in readings
    reader.coder.readings = readings - {RETOLD}


def _counts(r: dict[str, Any]) -> dict[str, int]:
    """The summable counts of one ``score`` result."""
    t, a = r["type"], r["arguments"]
    st = r["accuracy"].get("status") or {"accuracy": None, "n": 0}
    return {"tp": t["tp"], "fp": t["fp"], "fn": t["fn"],
            "a_tp": a["actor"]["tp"], "a_fp": a["actor"]["fp"], "a_fn": a["actor"]["fn"],
            "r_tp": a["recipient"]["tp"], "r_fp": a["recipient"]["fp"],
            "r_fn": a["recipient"]["fn"], "st_n": st["n"],
            "st_ok": round((st["accuracy"] or 0.0) * st["n"])}


def line(name: str, c: Counter[str]) -> str:
    """One printed row of figures from summed counts."""
    f = micro_f1(c["tp"], c["fp"], c["fn"])
    fa = micro_f1(c["a_tp"], c["a_fp"], c["a_fn"])
    fr = micro_f1(c["r_tp"], c["r_fp"], c["r_fn"])
    st = c["st_ok"] / c["st_n"] if c["st_n"] else 0.0
    return (f"  {name:32s} type F1 {f:.4f} ({c['tp']} / {c['fp']} / {c['fn']})  actor {fa:.4f}"
            f"  recipient {fr:.4f}  sum {fa + fr:.4f}  status {st:.4f} (n {c['st_n']})")


def removed(reader: Reader, gold: Path, readings: frozenset[str]) -> list[str]:
    """Each event of the default coder that ``readings`` remove, with its sentence and
    whether the scorer matched it (for reading by hand)."""
    out = []
    by_source: dict[str, list[dict[str, Any]]] = {}
    for ln in read_jsonl(gold):
        by_source.setdefault(ln["source"], []).append(ln)
    for source, units in by_source.items():
        doc: Document = gold_document(source, units[0].get("published"), None)
        set_variant(reader, frozenset())
        base = list(reader(doc).events)
        set_variant(reader, readings)
        after = {(e.trigger.start, e.type) for e in reader(doc).events}
        text = reader.parsed[source].text
        for unit in units:
            _, pred, pairs = unit_pairs(unit, base)
            hit = {id(p) for _, p in pairs}
            for p in pred:
                if (p.trigger.start, p.type) not in after:
                    mark = "TRUE " if id(p) in hit else "false"
                    out.append(f"[{mark}] {source}@{unit['start']} {p.type} "
                               f"{p.trigger.text!r} {p.status}\n    "
                               f"{text[int(unit['start']):int(unit['end'])].strip()}")
    set_variant(reader, frozenset())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--reading", action="append", default=[],
                    help=f"a reading of {READINGS} or 'all' (repeatable)")
    ap.add_argument("--together", action="append", default=[], metavar="A,B",
                    help="readings scored together, comma-separated (repeatable)")
    ap.add_argument("--retold", action="store_true",
                    help="also each variant with retellings dropped (told_again)")
    ap.add_argument("--list", action="store_true", help="print the events each variant removes")
    args = ap.parse_args(argv)
    golds = args.gold or [repo_dir() / g for g in POOL]
    for g in golds:
        if frozen(g) or blind(g):
            sys.exit(f"refused: {g} is a frozen or blind set")
    names = list(READINGS) if "all" in args.reading else args.reading
    variants: list[tuple[str, frozenset[str]]] = [("base (no reading)", frozenset())]
    variants += [(n, frozenset({n})) for n in names]
    if "all" in args.reading:
        variants.append(("all readings", frozenset(READINGS)))
    variants += [(t, frozenset(t.split(","))) for t in args.together]
    if args.retold:
        variants += [(f"{n} + no retellings", r | {RETOLD}) for n, r in variants]
    reader = Reader()
    comb = reader.coder.combiner()
    reader.combiner_for = lambda source: comb
    pooled = {name: Counter[str]() for name, _ in variants}
    for g in golds:
        print(g.name, flush=True)
        for name, readings in variants:
            set_variant(reader, readings)
            c = Counter(_counts(score(g, runner=reader)))
            pooled[name].update(c)
            print(line(name, c), flush=True)
        set_variant(reader, frozenset())
    print("pooled")
    for name, _ in variants:
        print(line(name, pooled[name]))
    if args.list:
        for name, readings in variants[1:]:
            print(f"\n== removed by {name}")
            for g in golds:
                print("\n".join(removed(reader, g, readings)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
