"""Score the event coder against ``gold/events.jsonl`` (format: docs/gold-format.md).

For every gold ``source`` the pipeline's components (not the page stage) run once on a fresh
:class:`~diurna.model.Document` holding the source's base text and its ``published`` date. Inside
each gold unit (a sentence) predicted events whose trigger starts in the unit are matched to gold
events one to one: same type first, preferring trigger overlap, then the nearest trigger. Matched
pairs are true positives for the event type; the leftovers are false positives / negatives.

Reported: precision, recall and F1 for the event type (micro and per type; also a strict variant
that requires trigger overlap), and on matched events the accuracy of actor and recipient (on the
3-letter prefix - primary - and on the full code), status, negation, date and location
(geonameid).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import base_text, read_jsonl
from diurna.model import Document, Event, Mention, content_id

DEFAULT_GOLD = "gold/events.jsonl"


def _codes(value: Any) -> list[str | None]:
    """Gold actor/recipient: a {"text", "code"} object, a list of them, or null."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [(i.get("code") or None) if isinstance(i, dict) else None for i in items]


def _pred_codes(mentions: Iterable[Mention]) -> list[str | None]:
    return [m.actor.cameo if m.actor is not None else None for m in mentions]


def _agree(gold: list[str | None], pred: list[str | None], n: int | None) -> bool:
    """True when gold and prediction name the same party: no gold party and no coded predicted
    one, or a gold code equal (on its first ``n`` characters) to any predicted code
    (coordinated actors are equally primary)."""
    gold_codes = [g for g in gold if g]
    pred_codes = [p for p in pred if p]
    if not gold_codes:
        return not pred_codes
    cut = (lambda c: c[:n]) if n else (lambda c: c)
    return bool({cut(g) for g in gold_codes} & {cut(p) for p in pred_codes})


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def match_unit(gold: list[dict[str, Any]], pred: list[Event], *, strict: bool = False
               ) -> list[tuple[dict[str, Any], Event]]:
    """One-to-one matching within a unit: by type, then trigger overlap, then trigger distance."""
    free = list(pred)
    pairs: list[tuple[dict[str, Any], Event]] = []
    for g in gold:
        trig = g.get("trigger") or {}
        gs, ge = int(trig.get("start", 0)), int(trig.get("end", 0))
        same = [p for p in free if p.type == g.get("type")]
        if not same:
            continue
        over = [p for p in same if _overlap(gs, ge, p.trigger.start, p.trigger.end)]
        if over:
            best = over[0]
        elif strict:
            continue
        else:
            best = min(same, key=lambda p: abs(p.trigger.start - gs))
        free.remove(best)
        pairs.append((g, best))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def default_runner() -> Callable[[Document], Document]:
    from diurna.pipeline import Pipeline

    return Pipeline.default()


def score(gold_path: str | Path = DEFAULT_GOLD, *,
          runner: Callable[[Document], Document] | None = None,
          shared: Path | None = None) -> dict[str, Any]:
    """Score the pipeline's events against a gold file; returns the figures as a dict."""
    lines = list(read_jsonl(gold_path))
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        by_source[line["source"]].append(line)
    run = runner or default_runner()

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    strict_tp = 0
    acc: dict[str, list[bool]] = defaultdict(list)
    drift = 0
    for source, units in by_source.items():
        text = base_text(source, shared)
        doc = Document(id=content_id(text.encode("utf-8")), source=source, text=text,
                       published=units[0].get("published"))
        if doc.published:
            doc.published_source = "gold"
        doc = run(doc)
        for unit in units:
            start, end = int(unit["start"]), int(unit["end"])
            gold = list(unit.get("events") or [])
            for g in gold:
                trig = g.get("trigger") or {}
                if "text" in trig and text[trig["start"]:trig["end"]] != trig["text"]:
                    drift += 1
            pred = [e for e in doc.events if start <= e.trigger.start < end]
            pairs = match_unit(gold, pred)
            strict_tp += len(match_unit(gold, pred, strict=True))
            matched_gold = Counter(str(g.get("type")) for g, _ in pairs)
            matched_pred = Counter(p.type for _, p in pairs)
            for t, n in matched_gold.items():
                tp[t] += n
            for t, n in Counter(str(g.get("type")) for g in gold).items():
                fn[t] += n - matched_gold.get(t, 0)
            for t, n in Counter(p.type for p in pred).items():
                fp[t] += n - matched_pred.get(t, 0)
            for g, p in pairs:
                ga, pa = _codes(g.get("actor")), _pred_codes(p.actors)
                gr, pr = _codes(g.get("recipient")), _pred_codes(p.recipients)
                acc["actor"].append(_agree(ga, pa, 3))
                acc["actor_full"].append(_agree(ga, pa, None))
                acc["recipient"].append(_agree(gr, pr, 3))
                acc["recipient_full"].append(_agree(gr, pr, None))
                if "status" in g:
                    acc["status"].append(g["status"] == p.status)
                if "negated" in g:
                    acc["negated"].append(bool(g["negated"]) == p.negated)
                if "date" in g:
                    acc["date"].append((g["date"] or None) == (p.date.value if p.date else None))
                if "location" in g:
                    loc = g["location"] or {}
                    gid = loc.get("geonameid") if isinstance(loc, dict) else None
                    acc["location"].append(gid == (p.place.geonameid if p.place else None))
    types = sorted(set(tp) | set(fp) | set(fn))
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "gold": str(gold_path),
        "sources": len(by_source),
        "units": len(lines),
        "gold_events": total_tp + total_fn,
        "predicted_events": total_tp + total_fp,
        "drift": drift,
        "type": _prf(total_tp, total_fp, total_fn),
        "type_strict": _prf(strict_tp, total_tp + total_fp - strict_tp,
                            total_tp + total_fn - strict_tp),
        "per_type": {t: _prf(tp[t], fp[t], fn[t]) for t in types},
        "accuracy": {k: {"accuracy": (sum(v) / len(v)) if v else None, "n": len(v)}
                     for k, v in acc.items()},
    }


def format_report(result: dict[str, Any]) -> str:
    out = [f"gold: {result['gold']}  sources: {result['sources']}  units: {result['units']}  "
           f"gold events: {result['gold_events']}  predicted: {result['predicted_events']}"]
    if result["drift"]:
        out.append(f"WARNING: {result['drift']} gold triggers do not match the base text")
    t, s = result["type"], result["type_strict"]
    out.append(f"event type (micro)      P {t['precision']:.3f}  R {t['recall']:.3f}  "
               f"F1 {t['f1']:.3f}  (tp {t['tp']} fp {t['fp']} fn {t['fn']})")
    out.append(f"  with trigger overlap  P {s['precision']:.3f}  R {s['recall']:.3f}  "
               f"F1 {s['f1']:.3f}")
    out.append("per type:")
    for name, v in result["per_type"].items():
        out.append(f"  {name:10} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}"
                   f"  (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    out.append("on matched events:")
    labels = {"actor": "actor (prefix)", "actor_full": "actor (full code)",
              "recipient": "recipient (prefix)", "recipient_full": "recipient (full code)",
              "status": "status", "negated": "negation", "date": "date",
              "location": "location (geonameid)"}
    for key, label in labels.items():
        a = result["accuracy"].get(key)
        if a is None:
            continue
        val = "n/a" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        out.append(f"  {label:24} {val}  (n {a['n']})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="diurna evaluate events",
                                     description="Score event coding against a gold JSONL file.")
    parser.add_argument("gold", nargs="?", default=DEFAULT_GOLD, help="gold/events.jsonl")
    args = parser.parse_args(argv)
    if not Path(args.gold).exists():
        print(f"no gold file at {args.gold}", file=sys.stderr)
        return 2
    print(format_report(score(args.gold)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
