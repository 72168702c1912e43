"""Compare argument rankers (and the rules' attachment) on development gold, per file and pooled.

    python bench/argument_ranker.py --cache DIR GOLD [GOLD ...] [--coder learned]
        [--model NAME=FILE ...] [--rounds 1000]

Reads the candidates ``python -m diurna.events.train_args --cache DIR --dev GOLD ...`` extracted
(one record per predicted event, one per missed gold event), so no pipeline runs here. For each
gold file and for all of them pooled it prints, per slot, the argument F1 as ``diurna evaluate
events`` counts it (:func:`diurna.events.train_args.simulate`) and the agreement on matched
events (the prefix accuracy ``evaluate`` prints: both without a coded party, or a shared 3-letter
prefix), for the rules' picks and for each ranker. Pooled, it adds a 95 % interval from
resampling whole articles, and the paired interval of each ranker's gain over the rules and over
the first ranker (articles drawn once for all systems). Why a separate script: ``evaluate`` has a
bootstrap for type F1 only and scores one ranker per run of the pipeline.

Refuses the frozen test files (their figures are taken once, with ``diurna evaluate events``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.gold import frozen
from diurna.events.arguments import SLOTS
from diurna.events.train_args import cache_file, predicted, simulate

Counts = dict[str, tuple[int, int, int]]


def _records(cache: Path, gold: str, coder: str) -> list[dict[str, Any]]:
    path = cache_file(cache, gold, coder)
    if not path.exists():
        raise FileNotFoundError(f"no candidates at {path}: run python -m diurna.events."
                                f"train_args --cache {cache} --dev {gold} first")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _counts(records: list[dict[str, Any]], model: dict[str, Any] | None) -> Counts:
    return {s: v[1:] for s, v in simulate(records, model).items()}


def _f1(c: tuple[int, int, int]) -> float:
    return micro_f1(*c)


def _agreement(records: list[dict[str, Any]], model: dict[str, Any] | None) -> dict[str, float]:
    """Share of matched events whose slot agrees with the gold on the prefix (as evaluate)."""
    right = {s: 0 for s in SLOTS}
    matched = 0
    for rec in records:
        if rec.get("missed") or not rec["gold"]:
            continue
        matched += 1
        pred = predicted(rec, model)
        for s in SLOTS:
            g = set(rec["gold"][s])
            right[s] += (not g and not pred[s]) or bool(g & set(pred[s]))
    return {s: right[s] / matched if matched else 0.0 for s in SLOTS}


def _interval(values: list[float], sign: str = "+") -> str:
    """The 2.5th and 97.5th percentiles (``sign`` "+" for a difference, "" for a figure)."""
    values = sorted(values)
    n = len(values)
    lo, hi = values[int(0.025 * n)], values[int(0.975 * n) - 1]
    return f"[{lo:{sign}.3f} .. {hi:{sign}.3f}]"


def bootstrap(per_article: dict[str, dict[str, Counts]], names: list[str], rounds: int,
              seed: int = 0) -> dict[str, dict[str, list[float]]]:
    """F1 per system and slot over ``rounds`` draws of whole articles (one draw for all
    systems, so differences are paired)."""
    rng = random.Random(seed)
    arts = sorted(per_article)
    out: dict[str, dict[str, list[float]]] = {n: {s: [] for s in SLOTS} for n in names}
    for _ in range(rounds):
        draw = [arts[rng.randrange(len(arts))] for _ in arts]
        for n in names:
            for s in SLOTS:
                tot = [sum(per_article[a][n][s][i] for a in draw) for i in range(3)]
                out[n][s].append(_f1((tot[0], tot[1], tot[2])))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--coder", default="learned", choices=("learned", "rules"))
    ap.add_argument("--model", action="append", default=[], metavar="NAME=FILE",
                    help="a ranker's weights (repeatable; the first is the reference)")
    ap.add_argument("--rounds", type=int, default=1000)
    args = ap.parse_args(argv)
    if any(frozen(g) for g in args.gold):
        print("error: frozen test files are scored once with diurna evaluate events: "
              + ", ".join(g for g in args.gold if frozen(g)), file=sys.stderr)
        return 2
    models: dict[str, dict[str, Any] | None] = {"rules": None}
    for spec in args.model:
        name, _, path = spec.partition("=")
        with open(path, encoding="utf-8") as fh:
            models[name] = json.load(fh)
    names = list(models)
    pooled: list[dict[str, Any]] = []
    for gold in args.gold:
        try:
            records = _records(args.cache, gold, args.coder)
        except FileNotFoundError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        pooled += records
        _table(Path(gold).stem, records, models)
    _table("pooled", pooled, models)
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in pooled:
        by_article[rec["source"]].append(rec)
    per_article = {a: {n: _counts(rs, m) for n, m in models.items()}
                   for a, rs in by_article.items()}
    draws = bootstrap(per_article, names, args.rounds)
    print(f"pooled, 95 % intervals over {len(by_article)} articles ({args.rounds} draws):")
    first = names[1] if len(names) > 1 else None  # the first ranker, the reference (if any)
    for s in SLOTS:
        for n in names:
            line = f"  {s:9} {n:12} F1 {_interval(draws[n][s], '')}"
            if n != "rules":
                gain = [a - b for a, b in zip(draws[n][s], draws["rules"][s], strict=True)]
                line += f"  gain over rules {_interval(gain)}"
            if first is not None and n not in ("rules", first):
                gain = [a - b for a, b in zip(draws[n][s], draws[first][s], strict=True)]
                line += f"  over {first} {_interval(gain)}"
            print(line)
    return 0


def _table(title: str, records: list[dict[str, Any]], models: dict[str, Any]) -> None:
    matched = sum(1 for r in records if not r.get("missed") and r["gold"])
    gold_events = sum(1 for r in records if r.get("missed")) + matched
    print(f"{title}: {gold_events} gold events, {matched} matched")
    for n, m in models.items():
        c, a = _counts(records, m), _agreement(records, m)
        print(f"  {n:12} " + "   ".join(
            f"{s} F1 {_f1(c[s]):.3f} (tp {c[s][0]} fp {c[s][1]} fn {c[s][2]}) "
            f"prefix {a[s]:.3f}" for s in SLOTS))


if __name__ == "__main__":
    sys.exit(main())
