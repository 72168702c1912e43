"""Train the argument ranker (:mod:`diurna.events.arguments`) and count where argument errors come
from.

    python -m diurna.events.train_args [--train GOLD ...] [--dev GOLD ...] [--out FILE]
        [--cache DIR] [--verify]
    python -m diurna.events.train_args --diagnose GOLD [--coder rules|learned]

Both read annotated event lines (docs/annotation-events.md), run the pipeline up to the events
stage on their articles, and align predicted events with gold ones as ``diurna evaluate events``
does (same type, overlapping or nearest trigger). For each predicted event every candidate
mention gets its features; on a matched event a candidate is a right answer for a slot when its
actor code agrees with the gold's on the 3-letter prefix (what the argument score counts).

Training fits one L2 logistic regression per slot (scikit-learn, seeded, installed by
``setup.sh --dev``) on the training file(s), pooled, chooses the regularisation and the two
thresholds by 4-fold cross-validation over training articles by argument F1 (the score's own
counting: a value on an unmatched event is a false alarm), prints the development file(s)' figures
after, and writes the weights as JSON. ``--diagnose`` prints, for the rules' picks on
matched events, how many slots are right, set where the gold has none, empty or wrong although a
candidate with the gold's code was there, wrong or empty with the gold's phrase found but coded
otherwise (a dictionary or role gap), or with no phrase at all.

Training is deterministic on the same candidates; the file keeps a fingerprint of the training
candidates (``rows_sha256``), and ``--verify`` writes nothing but exits 1 unless ``--out`` is
byte for byte what the script makes now, saying whether the candidates changed
(:func:`diurna.reproduce.verify`; docs/reproducing.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.gold import limit_arg
from diurna.events.arguments import (
    MODEL_PATH,
    SLOTS,
    Candidate,
    Scored,
    candidates,
    decide,
    pick,
    scored,
)
from diurna.model import Document, Event, Mention, actor_code
from diurna.reproduce import ROWS_KEY, fingerprint, shipped_rows, verify

DEFAULT_TRAIN = ["gold/events-wikinews-train.jsonl"]
DEFAULT_DEV = ["gold/events-wikinews-dev.jsonl"]
DEFAULT_CODERS = "rules,learned"
C_GRID = (0.1, 0.3, 1.0)
FILLS = (0.3, 0.4, 0.5, 0.6)  # a slot the rules leave empty takes a candidate this likely
DROPS = (0.0, 0.1, 0.2, 0.3, 0.4)  # the rules' picks are dropped when all are less likely than this


def _gold_items(g: dict[str, Any], slot: str) -> list[dict[str, Any]]:
    value = g.get(slot)
    items = value if isinstance(value, list) else [value] if value else []
    return [i for i in items if isinstance(i, dict)]


def _prefixes(codes: Iterable[str | None]) -> list[str]:
    return sorted({c[:3] for c in codes if c})


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cause(gold: list[str], rule: list[str], gold_spans: list[tuple[int, int]],
          rule_spans: list[tuple[int, int]], coded: dict[tuple[int, int], str],
          phrases: list[tuple[int, int]]) -> str:
    """Why a slot's rule pick is right or wrong (see the module's docstring). ``coded``: the
    coded candidate mentions (span -> 3-letter prefix); ``phrases``: every mention near."""
    if not gold:
        return "right (both none)" if not rule else "set where gold has none"
    if set(gold) & set(rule):
        return "right"
    if any(_overlaps(g, r) for g in gold_spans for r in rule_spans):
        return "right phrase chosen, wrong or no code (dictionary/role/context)"
    if any(_overlaps(g, s) and c in gold for g in gold_spans for s, c in coded.items()):
        return ("wrong candidate chosen" if rule else "none chosen") + \
            ", the right one there and coded"
    if any(_overlaps(g, p) for g in gold_spans for p in phrases):
        return ("wrong candidate chosen" if rule else "none chosen") + \
            ", the gold phrase there but uncoded or coded otherwise"
    return "no mention of the gold phrase"


def _runner(coder: str) -> Any:
    from diurna.pipeline import Pipeline

    pipe = Pipeline.default(coder=coder)
    keep = pipe.names[: pipe.names.index("events") + 1]
    return [pipe.get(n) for n in keep]


def extract(gold_path: str, coder: str = "rules", limit: int | None = None
            ) -> tuple[list[dict[str, Any]], Counter[str]]:
    """One record per predicted event (its candidates' features and codes, the gold's codes
    when matched) and the counts of diagnosis causes; reads ``gold_path``'s articles."""
    from diurna.evaluate.events import unit_pairs
    from diurna.evaluate.gold import gold_document, read_jsonl

    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n, line in enumerate(read_jsonl(gold_path), 1):
        for key in ("source", "start", "end"):
            if key not in line:
                raise ValueError(f"{gold_path}:{n}: gold line lacks {key!r}")
        by_source[line["source"]].append(line)
    comps = _runner(coder)
    records: list[dict[str, Any]] = []
    causes: Counter[str] = Counter()
    for k, (source, units) in enumerate(sorted(by_source.items())):
        if limit is not None and k >= limit:
            break
        doc = gold_document(source, units[0].get("published"))
        for comp in comps:
            doc = comp(doc)
        for unit in units:
            gold, pred, matched = unit_pairs(unit, doc.events)
            pairs = {id(p): g for g, p in matched}
            for g in gold:
                if all(g is not x for x in pairs.values()):
                    records.append(_missed(source, g))
            for p in pred:
                records.append(_record(doc, source, p, pairs.get(id(p)), causes))
        doc.nlp = None
        print(f"\r{k + 1}/{len(by_source)} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    return records, causes


def _missed(source: str, g: dict[str, Any]) -> dict[str, Any]:
    """A gold event no prediction matched: its values are misses whatever the ranker does."""
    return {"source": source, "missed": True,
            "gold": {s: _prefixes(i.get("code") for i in _gold_items(g, s)) for s in SLOTS}}


def _record(doc: Document, source: str, p: Event, g: dict[str, Any] | None,
            causes: Counter[str]) -> dict[str, Any]:
    cands = candidates(doc, p)
    rule = {"actor": _prefixes(actor_code(m) for m in p.actors),
            "recipient": _prefixes(actor_code(m) for m in p.recipients)}
    rec: dict[str, Any] = {
        "source": source, "type": p.type, "rule": rule,
        "cands": [{"code": actor_code(c.mention), "span": [c.mention.start, c.mention.end],
                   "f": c.features} for c in cands],
        "gold": None,
    }
    if g is None:
        return rec
    rec["gold"] = {s: _prefixes(i.get("code") for i in _gold_items(g, s)) for s in SLOTS}
    coded = {(c.mention.start, c.mention.end): str(actor_code(c.mention))[:3] for c in cands
             if "context" not in c.features}
    phrases = [(m.start, m.end) for m in [*doc.mentions, *p.actors, *p.recipients]
               if p.sentence.start - 400 <= m.start < p.sentence.end]
    for s in SLOTS:
        spans = [(int(i["start"]), int(i["end"])) for i in _gold_items(g, s)
                 if "start" in i and "end" in i]
        picked = [(m.start, m.end) for m in (p.actors if s == "actor" else p.recipients)]
        causes[f"{s}: {cause(rec['gold'][s], rule[s], spans, picked, coded, phrases)}"] += 1
    return rec


def _mention(c: dict[str, Any]) -> Mention:
    from diurna.model import Actor

    code = c["code"] or ""
    actor = Actor(id=code, name=code, country=None, sector=None, cameo=code) if code else None
    return Mention(start=c["span"][0], end=c["span"][1], text="", actor=actor)


def predicted(rec: dict[str, Any], model: dict[str, Any] | None) -> dict[str, list[str]]:
    """The prefixes a predicted event's record gets per slot: the ranker's picks (``model``)
    or the rules' (None)."""
    if model is None:
        return dict(rec["rule"])
    cands = [Candidate(_mention(c), c["f"]) for c in rec["cands"]]
    picks = decide(model, cands) if cands else {s: [] for s in SLOTS}
    return {s: _prefixes(actor_code(cands[i].mention) for i in picks[s]) for s in SLOTS}


def simulate(records: list[dict[str, Any]], model: dict[str, Any] | None
             ) -> dict[str, tuple[float, int, int, int]]:
    """Argument F1 per slot as ``diurna evaluate events`` counts it, with the ranker's picks
    (``model``) or the rules' (None)."""
    counts = _counted((rec["gold"], None if rec.get("missed") else predicted(rec, model))
                      for rec in records)
    out = {}
    for s in SLOTS:
        tp, fp, fn = counts[s]
        out[s] = (micro_f1(tp, fp, fn), tp, fp, fn)
    return out


def _counted(pairs: Iterable[tuple[Any, dict[str, list[str]] | None]]
             ) -> dict[str, tuple[int, int, int]]:
    """tp, fp and fn per slot over (gold, predicted prefixes) pairs, as ``diurna evaluate
    events`` counts them; a gold event no event matched (predicted None) is a miss only."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, pred in pairs:
        for s in SLOTS:
            g = gold[s] if gold else []
            hit = pred is not None and bool(set(g) & set(pred[s]))
            tp[s] += hit
            fp[s] += pred is not None and bool(pred[s]) and not hit
            fn[s] += bool(g) and not hit
    return {s: (tp[s], fp[s], fn[s]) for s in SLOTS}


def _scored(records: list[dict[str, Any]], model: dict[str, Any]
            ) -> list[tuple[Any, Scored | None]]:
    """Each record's gold and, for a predicted event, what :func:`arguments.pick` decides on
    under ``model``'s weights (:func:`arguments.scored`), so :func:`_tally` can try many
    thresholds without scoring the candidates again."""
    return [(rec["gold"], None if rec.get("missed") else
             scored(model, [Candidate(_mention(c), c["f"]) for c in rec["cands"]]))
            for rec in records]


def _tally(records: list[tuple[Any, Scored | None]], threshold: dict[str, dict[str, float]]
           ) -> dict[str, tuple[int, int, int]]:
    """tp, fp and fn per slot as :func:`simulate` counts them, on records :func:`_scored` scored
    once, with the thresholds ``threshold``."""
    def prefixes(got: Scored) -> dict[str, list[str]]:
        picks = pick(threshold, *got)
        return {s: _prefixes(got[2][i] for i in picks[s]) for s in SLOTS}

    return _counted((gold, None if got is None else prefixes(got)) for gold, got in records)


def _examples(records: list[dict[str, Any]], slot: str
              ) -> tuple[list[dict[str, float]], list[int]]:
    """Every predicted event's candidates, labelled by the gold's codes; on an event no gold
    event matches every candidate is wrong (a value there is a false alarm in the score)."""
    xs, ys = [], []
    for rec in records:
        if rec.get("missed"):
            continue
        gold = set(rec["gold"][slot]) if rec["gold"] else set()
        for c in rec["cands"]:
            xs.append(c["f"])
            ys.append(int(bool(c["code"]) and c["code"][:3] in gold))
    return xs, ys


def fit(records: list[dict[str, Any]], c_value: float, seed: int = 0) -> dict[str, Any]:
    """One logistic regression per slot on the predicted events' candidates."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    weights: dict[str, dict[str, float]] = {}
    for slot in SLOTS:
        xs, ys = _examples(records, slot)
        vec = DictVectorizer()
        x = vec.fit_transform(xs)
        clf = LogisticRegression(C=c_value, max_iter=2000, random_state=seed,
                                 fit_intercept=False)
        clf.fit(x, ys)
        weights[slot] = {name: round(float(w), 5) for name, w in
                         zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
                         if abs(w) >= 1e-4}
    return {"weights": weights, "threshold": {s: {"fill": 0.5, "drop": 0.2} for s in SLOTS},
            "C": c_value}


def _grid() -> list[dict[str, float]]:
    return [{"fill": f, "drop": d} for f in FILLS for d in DROPS]


def choose(train: list[dict[str, Any]], folds: int = 4, seed: int = 0) -> dict[str, Any]:
    """The regularisation and each slot's thresholds by cross-validation on the training split
    (folds of whole articles, seeded; the development split has too few matched events, about
    60, to choose among some 80 settings), then the weights refitted on all of it."""
    import random

    sources = sorted({r["source"] for r in train})
    random.Random(seed).shuffle(sources)
    parts = [set(sources[i::folds]) for i in range(folds)]
    best: dict[str, tuple[float, float, dict[str, float]]] = {}
    for c_value in C_GRID:
        fitted = [fit([r for r in train if r["source"] not in part], c_value) for part in parts]
        # each held-out candidate scored once per fold model; every threshold setting is tried
        # on those probabilities (what simulate counts, without scoring again per setting)
        held_out = [_scored([r for r in train if r["source"] in part], one)
                    for part, one in zip(parts, fitted, strict=True)]
        for limits in _grid():
            counts = {s: [0, 0, 0] for s in SLOTS}
            for one_part in held_out:
                got = _tally(one_part, {s: limits for s in SLOTS})
                for s in SLOTS:
                    counts[s] = [x + y for x, y in zip(counts[s], got[s], strict=True)]
            for slot in SLOTS:
                f1 = micro_f1(*counts[slot])
                if slot not in best or f1 > best[slot][0]:
                    best[slot] = (f1, c_value, limits)
    # the rules' picks on the same events, the figure a ranker has to beat (round 20: on
    # today's tree the best setting does not, docs/events-arguments.md)
    rules = simulate(train, None)
    for slot in SLOTS:
        f1, c_value, limits = best[slot]
        print(f"{slot}: cross-validated F1 {f1:.3f} with C={c_value}, {limits} "
              f"(the rules' attachment: {rules[slot][0]:.3f})", file=sys.stderr)
    model: dict[str, Any] = {"weights": {}, "threshold": {}, "C": {}}
    for slot in SLOTS:
        _, c_value, limits = best[slot]
        model["weights"][slot] = fit(train, c_value)["weights"][slot]
        model["threshold"][slot] = limits
        model["C"][slot] = c_value
    return model


def cache_file(cache: Path, gold: str, coder: str) -> Path:
    """Where ``--cache DIR`` keeps the candidates of ``gold`` read by ``coder`` (also read by
    ``bench/argument_ranker.py``)."""
    return cache / f"{Path(gold).stem}.{coder}.jsonl"


def _cached(gold: str, coder: str, cache: Path | None) -> list[dict[str, Any]]:
    if cache is not None:
        path = cache_file(cache, gold, coder)
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                return [json.loads(line) for line in fh]
    records, causes = extract(gold, coder)
    _print_causes(causes)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec) + "\n")
    return records


def _print_causes(causes: Counter[str]) -> None:
    for slot in SLOTS:
        rows = {k: v for k, v in causes.items() if k.startswith(slot + ":")}
        total = sum(rows.values())
        print(f"{slot} on matched events ({total}):")
        for k, v in sorted(rows.items(), key=lambda kv: -kv[1]):
            print(f"  {v:5d}  {v / total:.3f}  {k.split(': ', 1)[1]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m diurna.events.train_args",
                                 description="Train the argument ranker, or count error causes.")
    ap.add_argument("--train", nargs="+", default=DEFAULT_TRAIN,
                    help="training gold file(s); their articles are pooled for the "
                         "cross-validation and the final fit")
    ap.add_argument("--dev", nargs="+", default=DEFAULT_DEV,
                    help="development gold file(s), scored after (never used to choose)")
    ap.add_argument("--coder", default=DEFAULT_CODERS,
                    help="the coder(s) whose events the ranker learns on, comma-separated "
                         "(rules, learned; default both: their events differ)")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--cache", type=Path, default=None,
                    help="folder for the extracted candidates (reused when present)")
    ap.add_argument("--diagnose", metavar="GOLD", help="only count error causes on GOLD")
    ap.add_argument("--limit", type=limit_arg, default=None, help="first N articles (diagnose)")
    ap.add_argument("--verify", action="store_true",
                    help="write nothing; exit 1 unless --out is what this script makes now")
    args = ap.parse_args(argv)
    for path in [args.diagnose] if args.diagnose else [*args.train, *args.dev]:
        if not Path(path).exists():
            print(f"error: gold file {path} not found", file=sys.stderr)
            return 2
    coders = [c.strip() for c in args.coder.split(",") if c.strip()]
    unknown = [c for c in coders if c not in ("rules", "learned")]
    if unknown or not coders:
        print(f"error: unknown coder {', '.join(unknown) or '(none)'}; use rules, learned",
              file=sys.stderr)
        return 2
    try:
        if args.diagnose:
            records, causes = extract(args.diagnose, coders[0], args.limit)
            _print_causes(causes)
            return 0
        train = {c: [r for g in args.train for r in _cached(g, c, args.cache)] for c in coders}
        devs = {g: {c: _cached(g, c, args.cache) for c in coders} for g in args.dev}
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    # one article read by two coders lands in one cross-validation fold
    model = choose([r for c in coders for r in train[c]])
    splits = [("train", train), *((Path(g).stem, d) for g, d in devs.items())]
    for name, split in splits:
        for coder, records in split.items():
            rules, got = simulate(records, None), simulate(records, model)
            for s in SLOTS:
                print(f"{name} ({coder} coder) {s} argument F1: rules {rules[s][0]:.3f}, "
                      f"ranker {got[s][0]:.3f}" + (" (fitted on it)" if name == "train" else ""))
    # one file is named as a string, as in files written before several were allowed
    model["trained_on"] = {"train": args.train[0] if len(args.train) == 1 else args.train,
                           "dev": args.dev[0] if len(args.dev) == 1 else args.dev,
                           "coders": coders}
    # as JSON text: a fresh extraction's tuples and a cached one's lists print alike
    model[ROWS_KEY] = fingerprint(json.dumps([train[c] for c in coders], sort_keys=True))
    text = json.dumps(model, indent=0, sort_keys=True) + "\n"
    if args.verify:
        return verify(text, Path(args.out), model[ROWS_KEY], shipped_rows(Path(args.out)))
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
