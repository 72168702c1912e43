"""Inter-annotator agreement on event gold: how far two hand annotations of the same sentences
agree, measured with the same alignment and figures as the event scorer.

Agreement is the ceiling a coder can be expected to reach on a gold set: where two careful
annotators following ``docs/annotation-events.md`` differ, the gold is a judgement, not a fact.
Run ``diurna evaluate agreement gold/events.jsonl gold/events-second-annotator.jsonl``; only
units (source, start, end) present in both files are compared.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diurna.evaluate.events import (
    ARGUMENTS,
    _agree,
    _codes,
    _prf,
    argument_values,
    gold_argument,
    match_unit,
    tally_types,
)
from diurna.evaluate.gold import no_gold, read_jsonl


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int


@dataclass(frozen=True)
class _Annotated:
    """A second annotator's event in the shape :func:`match_unit` aligns."""

    type: str
    trigger: _Trigger
    raw: dict[str, Any]


def _key(line: dict[str, Any]) -> tuple[str, int, int]:
    return str(line["source"]), int(line["start"]), int(line["end"])


def agreement(first: str | Path, second: str | Path) -> dict[str, Any]:
    """Compare two annotations on their shared units; ``first`` plays the gold's part (type F1
    is symmetric; attribute agreement is over the aligned pairs)."""
    a = {_key(line): line for line in read_jsonl(first)}
    b = {_key(line): line for line in read_jsonl(second)}
    shared = [k for k in a if k in b]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    same: dict[str, list[bool]] = {"actor": [], "recipient": [], "status": [], "mode": []}
    arg_tp: Counter[str] = Counter()
    arg_fp: Counter[str] = Counter()
    arg_fn: Counter[str] = Counter()
    for key in shared:
        gold = list(a[key].get("events") or [])
        other = [
            _Annotated(str(e.get("type")), _Trigger(int(e["trigger"]["start"]),
                                                    int(e["trigger"]["end"])), e)
            for e in b[key].get("events") or []
        ]
        pairs = match_unit(gold, other)  # type: ignore[arg-type]
        tally_types(gold, [o.type for o in other], pairs, tp, fp, fn)
        argument_values(gold, other, pairs, arg_tp, arg_fp, arg_fn,
                        value=lambda o, name: gold_argument(o.raw, name))
        for g, o in pairs:
            raw = o.raw  # type: ignore[attr-defined]
            same["actor"].append(_agree(_codes(g.get("actor")), _codes(raw.get("actor")), 3))
            same["recipient"].append(
                _agree(_codes(g.get("recipient")), _codes(raw.get("recipient")), 3))
            same["status"].append(g.get("status") == raw.get("status"))
            same["mode"].append((g.get("mode") or None) == (raw.get("mode") or None))
    types = sorted(set(tp) | set(fp) | set(fn))
    return {
        "units": len(shared),
        "first_events": sum(tp.values()) + sum(fn.values()),
        "second_events": sum(tp.values()) + sum(fp.values()),
        "type": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_type": {t: _prf(tp[t], fp[t], fn[t]) for t in types},
        "arguments": {a: _prf(arg_tp[a], arg_fp[a], arg_fn[a]) for a in ARGUMENTS},
        "agreement": {k: {"rate": (sum(v) / len(v)) if v else None, "n": len(v)}
                      for k, v in same.items()},
    }


def format_report(result: dict[str, Any]) -> str:
    t = result["type"]
    out = [f"shared units: {result['units']}  events: first {result['first_events']}, "
           f"second {result['second_events']}",
           f"event type agreement (F1)  {t['f1']:.3f}  (both {t['tp']}, only second "
           f"{t['fp']}, only first {t['fn']})",
           "per type (F1, both / only second / only first):"]
    for name, v in result["per_type"].items():
        out.append(f"  {name:10} {v['f1']:.3f}  ({v['tp']} / {v['fp']} / {v['fn']})")
    out.append("arguments (F1 as the event scorer counts them, the first as gold):")
    for name, v in result["arguments"].items():
        out.append(f"  {name:10} {v['f1']:.3f}  (both {v['tp']}, only second {v['fp']}, "
                   f"only first {v['fn']})")
    out.append("on events both coded:")
    for key, v in result["agreement"].items():
        rate = "n/a" if v["rate"] is None else f"{v['rate']:.3f}"
        label = f"{key} (country prefix)" if key in {"actor", "recipient"} else key
        out.append(f"  {label:26} {rate}  (n {v['n']})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="diurna evaluate agreement",
        description="Inter-annotator agreement between two event gold files on shared units.")
    parser.add_argument("first", type=Path, help="e.g. gold/events.jsonl")
    parser.add_argument("second", type=Path, help="e.g. gold/events-second-annotator.jsonl")
    args = parser.parse_args(argv)
    for path in (args.first, args.second):
        if not path.exists():
            print(no_gold(path), file=sys.stderr)
            return 2
    print(format_report(agreement(args.first, args.second)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
