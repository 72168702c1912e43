"""Score the event coder against ``gold/events.jsonl`` (format: docs/gold-format.md).

For every gold ``source`` the pipeline's components (not the page stage) run once on a fresh
:class:`~diurna.model.Document` holding the source's base text and its ``published`` date. Inside
each gold unit (a sentence) predicted events whose trigger starts in the unit are matched to gold
events one to one: same type first, preferring trigger overlap, then the nearest trigger. Matched
pairs are true positives for the event type; the leftovers are false positives / negatives.

Reported: precision, recall and F1 for the event type (micro and per type; also a strict variant
that requires trigger overlap); precision, recall and F1 for actor, recipient, date and location
as arguments (see :func:`argument_values`); and on matched events the accuracy of actor and
recipient (on the 3-letter prefix - primary - and on the full code), status, negation, date and
location (geonameid).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.gold import (
    SYNTHETIC_REFUSED,
    failure_lines,
    gold_document,
    no_gold,
    read_jsonl,
    run_scored,
    synthetic,
)
from diurna.model import Document, Event, Mention
from diurna.pipeline import CODERS, DEFAULT_CODER

DEFAULT_GOLD = "gold/events.jsonl"
SPLITS = ("all", "tune", "heldout")
ARGUMENTS = ("actor", "recipient", "date", "location")


def heldout_sources(gold_path: str | Path) -> set[str]:
    """Sources held out from error analysis: ``<gold stem>-heldout.txt`` next to the gold file
    (``gold/events-heldout.txt``), one source a line, ``#`` comments; empty when absent."""
    path = Path(gold_path)
    listing = path.with_name(f"{path.stem}-heldout.txt")
    if not listing.exists():
        return set()
    out = set()
    for line in listing.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line)
    return out


def select_split(lines: list[dict[str, Any]], held: set[str], split: str
                 ) -> list[dict[str, Any]]:
    """``tune``: the sources not held out; ``heldout``: the held-out ones; ``all``: every line."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    if split == "tune":
        return [ln for ln in lines if ln["source"] not in held]
    if split == "heldout":
        return [ln for ln in lines if ln["source"] in held]
    return lines


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


def gold_argument(g: dict[str, Any], name: str) -> Any:
    """The value a gold event gives for argument ``name``, or None when it gives none."""
    if name in ("actor", "recipient"):
        return [c for c in _codes(g.get(name)) if c] or None
    if name == "date":
        return g.get("date") or None
    loc = g.get("location")
    return loc.get("geonameid") if isinstance(loc, dict) else None


def _pred_argument(p: Event, name: str) -> Any:
    """The value a predicted event gives for argument ``name``, or None when it gives none."""
    if name in ("actor", "recipient"):
        return [c for c in _pred_codes(p.actors if name == "actor" else p.recipients) if c] or None
    if name == "date":
        return p.date.value if p.date else None
    return p.place.geonameid if p.place else None


def argument_values(gold: list[dict[str, Any]], pred: Sequence[Any],
                    pairs: Sequence[tuple[dict[str, Any], Any]],
                    tp: Counter[str], fp: Counter[str], fn: Counter[str],
                    value: Callable[[Any, str], Any] = _pred_argument) -> None:
    """Add one unit's argument counts, in the ACE manner: an argument is found when its event is
    matched (same type) and both sides give the same value (actor and recipient on the 3-letter
    prefix). Every other predicted value is a false alarm, every other gold value a miss; an event
    that gives no value for the argument counts on neither side. ``value`` reads the second side
    (predicted events; a second annotator's lines for agreement)."""
    for name in ARGUMENTS:
        hits = sum(1 for g, p in pairs
                   if (gv := gold_argument(g, name)) is not None
                   and (pv := value(p, name)) is not None
                   and (_agree(gv, pv, 3) if name in ("actor", "recipient") else gv == pv))
        tp[name] += hits
        fp[name] += sum(1 for p in pred if value(p, name) is not None) - hits
        fn[name] += sum(1 for g in gold if gold_argument(g, name) is not None) - hits


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def gold_trigger_span(g: dict[str, Any]) -> tuple[int, int]:
    """A gold event's trigger offsets ((0, 0) when the line gives none)."""
    trig = g.get("trigger") or {}
    return int(trig.get("start", 0)), int(trig.get("end", 0))


def match_unit(gold: list[dict[str, Any]], pred: list[Event], *, strict: bool = False
               ) -> list[tuple[dict[str, Any], Event]]:
    """One-to-one matching within a unit, by type: first every pair whose triggers overlap, then
    (unless ``strict``) the remaining ones by trigger distance. Overlaps go first so that a gold
    event without a predicted twin does not take the prediction of the one next to it."""
    free = list(pred)
    pairs: list[tuple[dict[str, Any], Event]] = []
    left: list[dict[str, Any]] = []

    for g in gold:
        gs, ge = gold_trigger_span(g)
        over = [p for p in free if p.type == g.get("type")
                and _overlap(gs, ge, p.trigger.start, p.trigger.end)]
        if over:
            free.remove(over[0])
            pairs.append((g, over[0]))
        else:
            left.append(g)
    if strict:
        return pairs
    for g in left:
        gs, _ = gold_trigger_span(g)
        same = [p for p in free if p.type == g.get("type")]
        if same:
            best = min(same, key=lambda p: abs(p.trigger.start - gs))
            free.remove(best)
            pairs.append((g, best))
    return pairs


def unit_pairs(unit: dict[str, Any], events: Sequence[Event]
               ) -> tuple[list[dict[str, Any]], list[Event], list[tuple[dict[str, Any], Event]]]:
    """One gold unit's events, the coded ``events`` whose trigger starts in it, and the scorer's
    pairs of the two (:func:`match_unit`): how every reader of event gold lines them up."""
    start, end = int(unit["start"]), int(unit["end"])
    gold = list(unit.get("events") or [])
    pred = [e for e in events if start <= e.trigger.start < end]
    return gold, pred, match_unit(gold, pred)


def tally_types(gold: list[dict[str, Any]], pred_types: list[str],
                pairs: Sequence[tuple[dict[str, Any], Any]],
                tp: Counter[str], fp: Counter[str], fn: Counter[str]) -> None:
    """Add one unit's per-type counts: aligned pairs are true positives, the rest of the gold
    are misses and the rest of the predictions false alarms (pairs always share their type)."""
    matched = Counter(str(g.get("type")) for g, _ in pairs)
    for t, n in matched.items():
        tp[t] += n
    for t, n in Counter(str(g.get("type")) for g in gold).items():
        fn[t] += n - matched.get(t, 0)
    for t, n in Counter(pred_types).items():
        fp[t] += n - matched.get(t, 0)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def default_runner(coder: str | None = None, args: str | None = None
                   ) -> Callable[[Document], Document]:
    """The pipeline scored: ``coder`` decides the events, ``args`` who attaches their actors and
    recipients (with ``learned``, the rules' picks are kept for scoring beside, see
    :func:`score`)."""
    from diurna.pipeline import DEFAULT_ARGS, DEFAULT_CODER, Pipeline

    pipe = Pipeline.default(coder=coder or DEFAULT_CODER, args=args or DEFAULT_ARGS)
    if "arguments" in pipe.names:
        pipe.get("arguments").keep_rules = True  # type: ignore[attr-defined]
    return pipe


def _rules_view(doc: Document) -> Callable[[Any, str], Any]:
    """Argument values of the rules' picks for the events of ``doc`` (kept by the argument
    ranker in ``doc.meta["rule_events"]``), matched to the final events by trigger and type."""
    rules = {(e.trigger.start, e.trigger.end, e.type): e for e in doc.meta.pop("rule_events")}

    def value(p: Event, name: str) -> Any:
        twin = rules.get((p.trigger.start, p.trigger.end, p.type), p)
        return _pred_argument(twin if name in ("actor", "recipient") else p, name)
    return value


def bootstrap_f1(per_source: Sequence[tuple[int, int, int]], rounds: int = 1000,
                 seed: int = 0) -> tuple[float, float]:
    """A 95 % interval of micro-F1 from resampling whole sources (articles) with replacement:
    sentences of one article are not independent, so articles are the unit drawn."""
    import random

    if not per_source:
        return (0.0, 0.0)
    rng = random.Random(seed)
    values = []
    for _ in range(rounds):
        draw = [per_source[rng.randrange(len(per_source))] for _ in per_source]
        tp, fp, fn = (sum(x[i] for x in draw) for i in range(3))
        values.append(micro_f1(tp, fp, fn))
    values.sort()
    return (values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1])


def score(gold_path: str | Path = DEFAULT_GOLD, *,
          runner: Callable[[Document], Document] | None = None,
          shared: Path | None = None, split: str = "all",
          heldout: set[str] | None = None, errors: list[str] | None = None,
          sanity: bool = False) -> dict[str, Any]:
    """Score the pipeline's events against a gold file; returns the figures as a dict.

    A synthetic gold file (:func:`diurna.evaluate.gold.synthetic`) is refused with a
    ``ValueError``: it is training data and never a figure. ``sanity`` scores it anyway, to check
    that its lines load and run end to end; the result then says ``"sanity": True``.

    ``split`` picks the units (see :func:`select_split`; held-out sources come from ``heldout``
    or the listing next to the gold file). ``errors``, when given, receives one line per false
    positive, false negative and attribute mismatch - refused on the held-out sources, which are
    kept out of error analysis."""
    if synthetic(gold_path) and not sanity:
        raise ValueError(f"{gold_path} {SYNTHETIC_REFUSED} (--sanity scores it as a plumbing "
                         "check, not a figure)")
    held = heldout if heldout is not None else heldout_sources(gold_path)
    lines = select_split(list(read_jsonl(gold_path)), held, split)
    if errors is not None and any(ln["source"] in held for ln in lines):
        raise ValueError("error listings are only available on the tune split")
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        by_source[line["source"]].append(line)
    run = runner or default_runner()
    per_source: list[tuple[int, int, int]] = []

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    strict_tp = 0
    arg_tp: Counter[str] = Counter()
    arg_fp: Counter[str] = Counter()
    arg_fn: Counter[str] = Counter()
    # with the learned attachment, the rules' picks are scored beside on the same events
    rule_args = (Counter[str](), Counter[str](), Counter[str]()) \
        if "arguments" in getattr(run, "names", ()) else None
    acc: dict[str, list[bool]] = defaultdict(list)
    status_pairs: Counter[str] = Counter()
    drift = 0
    failures: list[dict[str, str]] = []
    for source, units in by_source.items():
        published = units[0].get("published")
        doc = run_scored(run, partial(gold_document, source, published, shared), failures)
        text = doc.text
        rules_value = _rules_view(doc) if "rule_events" in doc.meta else _pred_argument
        before = (sum(tp.values()), sum(fp.values()), sum(fn.values()))
        for unit in units:
            start, end = int(unit["start"]), int(unit["end"])
            gold, pred, pairs = unit_pairs(unit, doc.events)
            for g in gold:
                trig = g.get("trigger") or {}
                if "text" in trig and text[trig["start"]:trig["end"]] != trig["text"]:
                    drift += 1
            strict_tp += len(match_unit(gold, pred, strict=True))
            tally_types(gold, [p.type for p in pred], pairs, tp, fp, fn)
            argument_values(gold, pred, pairs, arg_tp, arg_fp, arg_fn)
            if rule_args is not None:
                argument_values(gold, pred, pairs, *rule_args, value=rules_value)
            if errors is not None:
                _list_errors(errors, source, text, start, end, gold, pred, pairs)
            for g, p in pairs:
                ga, pa = _codes(g.get("actor")), _pred_codes(p.actors)
                gr, pr = _codes(g.get("recipient")), _pred_codes(p.recipients)
                acc["actor"].append(_agree(ga, pa, 3))
                acc["actor_full"].append(_agree(ga, pa, None))
                acc["recipient"].append(_agree(gr, pr, 3))
                acc["recipient_full"].append(_agree(gr, pr, None))
                if "status" in g:
                    acc["status"].append(g["status"] == p.status)
                    status_pairs[f"{g['status']}->{p.status}"] += 1
                if "mode" in g:
                    acc["mode"].append((g["mode"] or None) == (p.mode or None))
                if "negated" in g:
                    acc["negated"].append(bool(g["negated"]) == p.negated)
                if "date" in g:
                    acc["date"].append((g["date"] or None) == (p.date.value if p.date else None))
                if "location" in g:
                    loc = g["location"] or {}
                    gid = loc.get("geonameid") if isinstance(loc, dict) else None
                    acc["location"].append(gid == (p.place.geonameid if p.place else None))
        per_source.append((sum(tp.values()) - before[0], sum(fp.values()) - before[1],
                           sum(fn.values()) - before[2]))
    types = sorted(set(tp) | set(fp) | set(fn))
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        **({"sanity": True} if sanity else {}),
        "gold": str(gold_path),
        "split": split,
        "sources": len(by_source),
        "units": len(lines),
        "gold_events": total_tp + total_fn,
        "predicted_events": total_tp + total_fp,
        "drift": drift,
        "type": _prf(total_tp, total_fp, total_fn),
        "type_ci95": bootstrap_f1(per_source),
        "type_strict": _prf(strict_tp, total_tp + total_fp - strict_tp,
                            total_tp + total_fn - strict_tp),
        "per_type": {t: _prf(tp[t], fp[t], fn[t]) for t in types},
        "arguments": {a: _prf(arg_tp[a], arg_fp[a], arg_fn[a]) for a in ARGUMENTS},
        **({"arguments_rules": {a: _prf(rule_args[0][a], rule_args[1][a], rule_args[2][a])
                                for a in ("actor", "recipient")}} if rule_args else {}),
        "accuracy": {k: {"accuracy": (sum(v) / len(v)) if v else None, "n": len(v)}
                     for k, v in acc.items()},
        "status_confusion": dict(sorted(status_pairs.items())),
        "failures": failures,
    }


def _list_errors(out: list[str], source: str, text: str, start: int, end: int,
                 gold: list[dict[str, Any]], pred: list[Event],
                 pairs: list[tuple[dict[str, Any], Event]]) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    lines: list[str] = []
    for g in gold:
        if id(g) not in matched_g:
            trig = (g.get("trigger") or {}).get("text")
            lines.append(f"  FN {g.get('type')} {trig!r} {_codes(g.get('actor'))}->"
                         f"{_codes(g.get('recipient'))} {g.get('status')}")
    for p in pred:
        if id(p) not in matched_p:
            lines.append(f"  FP {p.type} {p.trigger.text!r} {_pred_codes(p.actors)}->"
                         f"{_pred_codes(p.recipients)} {p.status}")
    for g, p in pairs:
        diffs = []
        ga, pa = _codes(g.get("actor")), _pred_codes(p.actors)
        gr, pr = _codes(g.get("recipient")), _pred_codes(p.recipients)
        if not _agree(ga, pa, 3):
            diffs.append(f"actor {ga} vs {pa}")
        if not _agree(gr, pr, 3):
            diffs.append(f"recipient {gr} vs {pr}")
        if g.get("status") != p.status:
            diffs.append(f"status {g.get('status')} vs {p.status}")
        if diffs:
            lines.append(f"  OK {p.type} {p.trigger.text!r}: " + "; ".join(diffs))
    if lines:
        out.append(f"{source.split('/')[-1][:8]} {start}: " + " ".join(text[start:end].split()))
        out.extend(lines)


def format_report(result: dict[str, Any]) -> str:
    out = ["SANITY RUN on synthetic training data: not a test or development figure"] \
        if result.get("sanity") else []
    out += [f"gold: {result['gold']}  split: {result.get('split', 'all')}  "
           f"coder: {result.get('coder', '-')}  "
           f"sources: {result['sources']}  units: {result['units']}  "
           f"gold events: {result['gold_events']}  predicted: {result['predicted_events']}"]
    if result["drift"]:
        out.append(f"WARNING: {result['drift']} gold triggers do not match the base text")
    t, s = result["type"], result["type_strict"]
    lo, hi = result.get("type_ci95", (0.0, 0.0))
    out.append(f"event type (micro)      P {t['precision']:.3f}  R {t['recall']:.3f}  "
               f"F1 {t['f1']:.3f}  [95% CI {lo:.3f}-{hi:.3f}]  "
               f"(tp {t['tp']} fp {t['fp']} fn {t['fn']})")
    base = result.get("baseline")
    if base is not None:
        b = base["type"]
        blo, bhi = base.get("type_ci95", (0.0, 0.0))
        out.append(f"  baseline ({base['name']:7})    P {b['precision']:.3f}  R {b['recall']:.3f}  "
                   f"F1 {b['f1']:.3f}  [95% CI {blo:.3f}-{bhi:.3f}]")
    out.append(f"  with trigger overlap  P {s['precision']:.3f}  R {s['recall']:.3f}  "
               f"F1 {s['f1']:.3f}")
    out.append("per type:")
    for name, v in result["per_type"].items():
        out.append(f"  {name:10} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}"
                   f"  (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    out.append("arguments (event matched and value right; actor and recipient on the prefix):")
    for name, v in result.get("arguments", {}).items():
        out.append(f"  {name:10} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}"
                   f"  (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    for name, v in result.get("arguments_rules", {}).items():
        out.append(f"  {name + ', rules':10} P {v['precision']:.3f}  R {v['recall']:.3f}  "
                   f"F1 {v['f1']:.3f}  (tp {v['tp']} fp {v['fp']} fn {v['fn']}; the rule "
                   "attachment on the same events)")
    out.append("on matched events:")
    labels = {"actor": "actor (prefix)", "actor_full": "actor (full code)",
              "recipient": "recipient (prefix)", "recipient_full": "recipient (full code)",
              "status": "status", "mode": "mode", "negated": "negation", "date": "date",
              "location": "location (geonameid)"}
    for key, label in labels.items():
        a = result["accuracy"].get(key)
        if a is None:
            continue
        val = "n/a" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        out.append(f"  {label:24} {val}  (n {a['n']})")
    wrong = {k: v for k, v in result.get("status_confusion", {}).items()
             if k.split("->")[0] != k.split("->")[1]}
    if wrong:
        out.append("status confusions (gold->predicted): "
                   + ", ".join(f"{k} {v}" for k, v in wrong.items()))
    out += failure_lines(result.get("failures", []), result["sources"])
    base_failed = (base or {}).get("failures", [])
    if base_failed:
        out += ["baseline: " + line for line in failure_lines(base_failed, result["sources"])]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="diurna evaluate events",
                                     description="Score event coding against a gold JSONL file.")
    parser.add_argument("gold", nargs="?", default=DEFAULT_GOLD,
                        help=f"event gold JSONL (default: {DEFAULT_GOLD})")
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="tune: sources not listed in <gold>-heldout.txt; heldout: the "
                             "listed ones (aggregate figures only); all: every line")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list errors per unit (tune split only)")
    parser.add_argument("--coder", choices=CODERS, default=None,
                        help=f"event coder to score (default: {DEFAULT_CODER})")
    parser.add_argument("--args", choices=("rules", "learned"), default=None,
                        help="who attaches actors and recipients (default: the pipeline's); "
                             "with learned the rules' attachment is printed beside")
    parser.add_argument("--sanity", action="store_true",
                        help="allow a synthetic training file (gold/events-synthetic.jsonl), "
                             "scored as a check that it loads and runs, never as a figure")
    parser.add_argument("--baseline", choices=("keyword", "none"), default="keyword",
                        help="a baseline scored on the same units and printed beside the figures "
                             "(default: keyword, the trigger lexicon looked up word by word)")
    args = parser.parse_args(argv)
    if not Path(args.gold).exists():
        print(no_gold(args.gold), file=sys.stderr)
        return 2
    if synthetic(args.gold) and not args.sanity:
        print(f"{args.gold} {SYNTHETIC_REFUSED}; --sanity runs it as a plumbing check only",
              file=sys.stderr)
        return 2
    errors: list[str] | None = [] if args.verbose else None
    if errors is not None and args.split != "tune":
        print("-v lists errors on the tune split only (use --split tune)", file=sys.stderr)
        return 2
    result = score(args.gold, split=args.split, errors=errors,
                   runner=default_runner(args.coder, args.args), sanity=args.sanity)
    result["coder"] = (args.coder or DEFAULT_CODER) + (f", args {args.args}" if args.args else "")
    if args.baseline != "none":
        result["baseline"] = {"name": args.baseline, **score(
            args.gold, split=args.split, runner=default_runner(args.baseline),
            sanity=args.sanity)}
    if errors:
        print("\n".join(errors))
    print(format_report(result))
    failed = result.get("failures") or result.get("baseline", {}).get("failures")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
