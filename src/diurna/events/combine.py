"""Choose and fit how the learned coder combines its two models (``combiner.json``).

    python -m diurna.events.combine [GOLD] [--model-dir DIR] [--folds 5] [--write KIND]

Runs the stages before events once per source of ``GOLD`` (default: the Wikinews development
gold), reads every sentence with the tagger and every candidate word with the MLP, and scores
three combiners (:class:`diurna.events.learned.Combiner`) with ``diurna evaluate events``' own
``score`` (type micro-F1 with its 95 % bootstrap interval over articles):

- ``fixed``: the hand-set blend of rounds 12-14 (weight 0.5, threshold 0.8, gate 0.95);
- ``tagger``: the tagger and the rules only, at the tagger's own threshold (the MLP dropped);
- ``stacked``: a logistic regression over a handful of inputs per word (each model's log-odds,
  the rules' decision, the lexicon, part of speech), fitted on ``GOLD`` itself. Why on dev: the
  tagger's outputs on its own training gold are in-sample (it has learned those sentences). Its
  figure is therefore taken by cross-validation over articles (``--folds``: fit on the other
  articles, score the held-out ones), never on the articles it was fitted on; the written file
  is fitted on all of ``GOLD``.

``--oof-dir DIR`` (round 17) fits the stacked combiner instead on out-of-fold outputs on the
training gold: ``DIR/fold-i/held.jsonl`` read by ``DIR/fold-i/model``, models retrained without
those articles (``python -m diurna.events.oof`` makes the folds and prints the commands). Its cut
is the one of :data:`CUTS` where the coder's type F1 on the training gold (``--oof-gold``), each
article coded by the fold models that never saw it, is best (printed beside the fixed blend's,
the training gold thus giving an honest figure over 1,862 events); it is then scored on ``GOLD``
with the shipped models, ``GOLD`` playing no part in its fit, and ``--write stacked`` writes it.
``--match-rate N`` (round 17b) then moves that cut for each weight folder so that its models code
the same share of candidate words as the fold models did out of fold, measured on N unlabelled
corpus articles no gold file names (:func:`match_rate`): fold models trained on part of the gold
are less sure than the shipped ones, and the share travels between them better than the raw cut.

``--write KIND`` writes that combiner to ``DIR/combiner.json``. Seeded and deterministic: the
folds are the sorted sources dealt round-robin; the regression is Newton's method with an L2
penalty, its cut the word-level F1-best on the data it is fitted on. Frozen test files are refused.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate.events import score
from diurna.evaluate.gold import frozen, gold_document, read_jsonl, repo_dir, shared_dir
from diurna.events.heads import trigger_head
from diurna.events.learned import (
    BLEND_THRESHOLD,
    COMBINER_FILE,
    MODEL_DIR,
    RULE_THRESHOLD,
    STACK_FEATURES,
    Combiner,
    LearnedEventCoder,
    Read,
    stack_row,
    typed,
)
from diurna.events.oof import DEFAULT_TRAIN
from diurna.events.train import load_units
from diurna.model import Document

DEFAULT_GOLD = "gold/events-wikinews-dev.jsonl"
# The regression's L2 penalty (on the standardised coefficients, not the bias): strong, as about
# a hundred gold events fit seven numbers. Not tuned.
L2 = 3.0
# The probabilities tried as the stacked combiner's cut (:func:`best_cut`).
CUTS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
# The unlabelled corpus ``--match-rate`` samples its reference articles from (shared/corpus/...).
REFERENCE_CORPUS = "wikinews-politics-2004-2009/articles.jsonl"


@dataclass
class Cached:
    """One source after the stages before events, read by both models (every sentence)."""

    doc: Document
    read: Read


class Reader:
    """Parses each source once; reads it with the weights of ``model_dir``; then codes it with
    whatever combiner ``combiner_for`` gives for its source (a runner for ``score``)."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        from diurna.pipeline import Pipeline

        pipe = Pipeline.default(coder="learned")
        self.before = pipe.components[:3]
        coder = pipe.components[3]
        assert isinstance(coder, LearnedEventCoder)
        self.coder = coder
        self.coder.model_dir = str(model_dir)
        self.parsed: dict[str, Document] = {}  # after the stages before events (shareable)
        self.cache: dict[str, Cached] = {}
        self.combiner_for: Callable[[str], Combiner] = lambda source: Combiner()

    def cached(self, doc: Document) -> Cached:
        key = doc.source or ""
        if key not in self.cache:
            if key not in self.parsed:
                for stage in self.before:
                    doc = stage(doc)
                self.parsed[key] = doc
            doc = self.parsed[key]
            # both models read everything; the combiner's gate is applied when coding
            self.cache[key] = Cached(doc, self.coder.read(
                doc, self.coder.doc_coder(doc), Combiner(), every_sentence=True))
        return self.cache[key]

    def __call__(self, doc: Document) -> Document:
        c = self.cached(doc)
        comb = self.combiner_for(doc.source or "")
        coder = self.coder.doc_coder(c.doc)
        coder.code()
        c.doc.events = (self.coder.code(c.doc, coder, c.read, comb)
                        if c.read.cands.tokens else [])
        return c.doc


def gold_types(c: Cached, lines: list[dict[str, Any]]) -> dict[int, str]:
    """Token index of each gold trigger's head -> its gold type (as the tagger is trained)."""
    out: dict[int, str] = {}
    for line in lines:
        for ev in line.get("events") or []:
            head = trigger_head(c.doc.nlp, ev["trigger"]["start"], ev["trigger"]["end"])
            if head is not None:
                out.setdefault(head.i, ev["type"])
    return out


def stack_data(c: Cached, gold: dict[int, str], reader: Reader
               ) -> tuple[np.ndarray, np.ndarray]:
    """The stacked combiner's inputs for every candidate of one source and its target: 1 when
    the word heads a gold event of the type the fixed average ranks first (coding it is then a
    true positive; coding a word of another gold type makes a false positive and leaves the
    negative)."""
    mask = typed(c.read, Combiner())[1]
    xs, ys = [], []
    for k, (tok, etype) in enumerate(zip(c.read.cands.tokens, first_types(c.read), strict=True)):
        xs.append(stack_row(c.read, k, etype, reader.coder.ontology, bool(mask[k])))
        ys.append(float(gold.get(tok.i) == etype))
    return (np.array(xs, np.float64).reshape(-1, len(STACK_FEATURES)), np.array(ys))


def first_types(read: Read) -> list[str]:
    """Each candidate's event type as the fixed average ranks it (what the stacked combiner
    codes it as when it says yes)."""
    probs = typed(read, Combiner())[0].copy()
    probs[:, read.labels.index("NONE")] = -1.0
    return [read.labels[int(i)] for i in probs.argmax(1)] if len(probs) else []


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Bias and coefficients of an L2-penalised logistic regression (Newton's method; the
    inputs are standardised inside and the coefficients returned on the raw scale)."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    coef = w[1:] / scale
    return np.concatenate([[w[0] - float(coef @ mean)], coef])


def folds_of(sources: list[str], k: int) -> dict[str, int]:
    """The sorted sources dealt round-robin into ``k`` folds."""
    return {s: n % k for n, s in enumerate(sorted(sources))}


def stacked_for(data: dict[str, tuple[np.ndarray, np.ndarray]], keep: Callable[[str], bool],
                base: Combiner) -> Combiner:
    """``base`` as a stacked combiner fitted on the sources ``keep`` accepts."""
    x = np.vstack([data[s][0] for s in data if keep(s)])
    y = np.concatenate([data[s][1] for s in data if keep(s)])
    coef = fit_logistic(x, y)
    cut = best_cut(coef[0] + x @ coef[1:], y)
    coef[0] -= cut
    return replace(base, kind="stacked", coef=tuple(float(c) for c in coef))


def best_cut(logit: np.ndarray, y: np.ndarray) -> float:
    """The log-odds above which coding a word gives the best word-level F1 on the data it was
    fitted on (:data:`CUTS`). Why not 0 (probability 0.5): events are rare among candidates,
    and the F1-best cut of a calibrated model lies near half the F1 it reaches, far below 0.5
    (at 0.5 the stacked combiner coded 48 events for 124 gold on dev)."""
    best, out = -1.0, 0.0
    for p in CUTS:
        cut = float(np.log(p / (1.0 - p)))
        tp = float(y[logit > cut].sum())
        f1 = 2 * tp / (float((logit > cut).sum()) + float(y.sum()) or 1.0)
        if f1 > best:
            best, out = f1, cut
    return out


def oof_data(oof_dir: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The stacked combiner's inputs and targets on a training gold, out of fold: each
    ``oof_dir/fold-i/held.jsonl`` (``python -m diurna.events.oof``) read by the models of
    ``oof_dir/fold-i/model``, which never saw its articles. Kept in ``oof_dir`` under the hash
    of the folds' gold and weights (reading a few hundred articles takes minutes)."""
    folds = sorted(oof_dir.glob("fold-*/held.jsonl"))
    digest = hashlib.sha256(",".join(STACK_FEATURES).encode())
    for held in folds:
        digest.update(held.read_bytes())
        for name in ("tagger.onnx", "tagger.json", "weights.npz", "model.json"):
            digest.update((held.parent / "model" / name).read_bytes())
    cache = oof_dir / f"stack-{digest.hexdigest()[:16]}.npz"
    if cache.exists():
        with np.load(cache) as saved:
            rows, ys, of = saved["x"], saved["y"], saved["source"]
        return {str(s): (rows[of == s], ys[of == s]) for s in dict.fromkeys(of.tolist())}
    data: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    started = time.time()
    for held in folds:
        reader = Reader(held.parent / "model")
        units = load_units([held])
        for n, ((source, published), lines) in enumerate(units.items(), 1):
            c = reader.cached(gold_document(source, published))
            data[source] = stack_data(c, gold_types(c, lines), reader)
            del reader.cache[source], reader.parsed[source]  # one fold reads each article
            if n % 50 == 0:
                print(f"  {held.parent.name}: {n}/{len(units)} articles read "
                      f"({time.time() - started:.0f} s)", file=sys.stderr, flush=True)
    of = np.array([s for s, (x, _) in data.items() for _ in range(len(x))])
    np.savez(cache, x=np.vstack([x for x, _ in data.values()]),
             y=np.concatenate([y for _, y in data.values()]), source=of)
    return data


class FoldReader:
    """A runner for ``score`` over a training gold that reads each source with the models of
    the fold holding it out (``oof_dir/fold-i/model``) and codes it with ``combiner``."""

    def __init__(self, oof_dir: Path) -> None:
        self.readers: dict[str, Reader] = {}
        for held in sorted(oof_dir.glob("fold-*/held.jsonl")):
            reader = Reader(held.parent / "model")
            reader.combiner_for = lambda source: self.combiner
            for line in read_jsonl(held):
                self.readers[line["source"]] = reader
        self.combiner = Combiner()

    def __call__(self, doc: Document) -> Document:
        if doc.source not in self.readers:
            raise ValueError(f"{doc.source}: in no fold's held.jsonl (remake the folds)")
        return self.readers[doc.source](doc)


def oof_stacked(oof_dir: Path, train: dict[str, tuple[np.ndarray, np.ndarray]],
                train_gold: Path) -> Combiner:
    """The stacked combiner fitted on out-of-fold inputs, cut where the coder's type F1 on the
    training gold, out of fold (:class:`FoldReader`), is best. Why not :func:`best_cut`: the
    word-level F1 it maximises favours fewer events than the scored type F1 does (on these
    folds it chose 0.25; the events' F1 peaks lower)."""
    x = np.vstack([x for x, _ in train.values()])
    coef = fit_logistic(x, np.concatenate([y for _, y in train.values()]))
    runner = FoldReader(oof_dir)
    report("fixed, out of fold", score(train_gold, runner=runner))
    best: tuple[float, Combiner] | None = None
    for p in CUTS:
        cut = coef.copy()
        cut[0] -= float(np.log(p / (1.0 - p)))
        runner.combiner = Combiner(kind="stacked", coef=tuple(float(c) for c in cut))
        r = score(train_gold, runner=runner)
        report(f"stacked p > {p:.2f}, out of fold", r)
        if best is None or r["type"]["f1"] > best[0]:
            best = (r["type"]["f1"], runner.combiner)
    assert best is not None
    return best[1]


def reference_sources(n: int, seed: int = 0) -> list[tuple[str, str | None]]:
    """``n`` Wikinews articles of the shared corpus that no gold file names (so no model trained
    on them and no scorer scores them), seeded: unlabelled text of the training gold's kind, on
    which the shipped models' rate of coded words can be measured (:func:`match_rate`)."""
    named = {line["source"] for gold in sorted((repo_dir() / "gold").glob("*.jsonl"))
             for line in read_jsonl(gold) if isinstance(line.get("source"), str)}
    prefix = "corpus/" + REFERENCE_CORPUS + "#"
    pool = [(prefix + str(rec["id"]), rec.get("published"))
            for rec in read_jsonl(shared_dir() / "corpus" / REFERENCE_CORPUS)
            if prefix + str(rec["id"]) not in named]
    return random.Random(seed).sample(sorted(pool), min(n, len(pool)))


def reference_logits(reader: Reader, sources: list[tuple[str, str | None]],
                     coef: tuple[float, ...]) -> np.ndarray:
    """The stacked combiner's log-odds (``coef``) of every candidate word of ``sources`` read by
    ``reader``'s models (no gold: only how many words it would code is wanted)."""
    rows = [stack_data(reader.cached(gold_document(s, published)), {}, reader)[0]
            for s, published in sources]
    x = np.vstack(rows) if rows else np.zeros((0, len(STACK_FEATURES)))
    return np.asarray(coef[0] + x @ np.asarray(coef[1:]))


def match_rate(comb: Combiner, rate: float, logits: np.ndarray) -> Combiner:
    """``comb`` with its bias moved so that it codes the share ``rate`` of the words whose
    log-odds are ``logits``. Why: the fold models see less gold and are less sure than the
    shipped ones, so a cut fitted on their outputs codes a smaller share of words when the
    shipped models give the inputs (round 17: 104 events coded on dev for 124 gold); matching
    the share coded on unlabelled text carries the operating point, not the raw cut, across."""
    if not len(logits) or not 0.0 < rate < 1.0:
        return comb
    shift = float(np.quantile(logits, 1.0 - rate))
    return replace(comb, coef=(comb.coef[0] - shift, *comb.coef[1:]))


def coded_share(comb: Combiner, train: dict[str, tuple[np.ndarray, np.ndarray]]) -> float:
    """The share of the out-of-fold candidate words ``comb`` codes."""
    x = np.vstack([x for x, _ in train.values()])
    return float(np.mean(comb.coef[0] + x @ np.asarray(comb.coef[1:]) > 0.0))


def report(name: str, r: dict[str, Any]) -> None:
    """One line of figures for one combiner."""
    t = r["type"]
    lo, hi = r["type_ci95"]
    arg = r["arguments"]
    print(f"  {name:34s} type F1 {t['f1']:.3f} [{lo:.3f}-{hi:.3f}] P {t['precision']:.3f} "
          f"R {t['recall']:.3f} (pred {r['predicted_events']}, gold {r['gold_events']}); "
          f"status {r['accuracy']['status']['accuracy']:.3f}; actor/recipient arg F1 "
          f"{arg['actor']['f1']:.3f}/{arg['recipient']['f1']:.3f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m diurna.events.combine",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=repo_dir() / DEFAULT_GOLD)
    ap.add_argument("--model-dir", type=Path, nargs="+", default=[MODEL_DIR],
                    help="weight folders to compare on the same parses (the first is written)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", choices=("fixed", "tagger", "stacked"),
                    help="write this combiner to the first MODEL_DIR's combiner.json")
    ap.add_argument("--threshold", type=float, metavar="P",
                    help="the fixed blend's cut (averaged P(NONE) below it is coded; default "
                         f"{BLEND_THRESHOLD}; the shipped combiner.json's meta names the cut "
                         "it was written with and how it was chosen)")
    ap.add_argument("--rule-threshold", type=float, metavar="P",
                    help="the fixed blend's cut for words the rules coded, when above "
                         f"--threshold (default {RULE_THRESHOLD}; round 59: 0.8)")
    ap.add_argument("--type-threshold", action="append", default=[], metavar="TYPE=P",
                    help="a PLOVER type's own cut for the fixed blend, in place of --threshold "
                         "for words the rules did not code (repeatable; round 48: REJECT=0.6)")
    ap.add_argument("--oof-dir", type=Path,
                    help="fit the stacked combiner on out-of-fold outputs on a training gold "
                         "(folds of python -m diurna.events.oof, each with its models in "
                         "fold-i/model) instead of on GOLD; GOLD then only scores it")
    ap.add_argument("--oof-gold", type=Path, default=repo_dir() / DEFAULT_TRAIN,
                    help="the training gold the folds split (scored out of fold)")
    ap.add_argument("--match-rate", type=int, default=0, metavar="N",
                    help="with --oof-dir: move the stacked cut so that each weight folder codes "
                         "the share of words the fold models code out of fold, measured on N "
                         "unlabelled corpus articles no gold file names (0: keep the cut)")
    args = ap.parse_args(argv)
    if args.threshold is not None and not 0 < args.threshold < 1:
        ap.error(f"--threshold {args.threshold}: give a probability between 0 and 1")
    if args.rule_threshold is not None and not 0 < args.rule_threshold <= 1:
        ap.error(f"--rule-threshold {args.rule_threshold}: give a probability in (0, 1]")
    try:
        type_cuts = parse_type_cuts(args.type_threshold)
    except ValueError as err:
        ap.error(str(err))
    if args.match_rate < 0:
        ap.error(f"--match-rate {args.match_rate}: give a number of articles, 0 or more")
    if frozen(args.gold):
        print(f"{args.gold}: a frozen test file is never fitted or tuned on", file=sys.stderr)
        return 2
    oof = sorted(args.oof_dir.glob("fold-*/held.jsonl")) if args.oof_dir else []
    if args.oof_dir and len(oof) < 2:
        print(f"{args.oof_dir}: no folds (fold-i/held.jsonl); make them with "
              "python -m diurna.events.oof", file=sys.stderr)
        return 2
    missing = [p for p in [args.gold, *(d / "tagger.onnx" for d in args.model_dir),
                           *([args.oof_gold] if oof else []),
                           *(h.parent / "model" / "tagger.onnx" for h in oof)]
               if not p.exists()]
    if missing:
        print(f"{missing[0]}: no such file; give a gold file and weight folders with a "
              "fine-tuned tagger (python -m diurna.events.finetune)", file=sys.stderr)
        return 2
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in read_jsonl(args.gold):
        by_source[line["source"]].append(line)
    stacked_oof, share = None, 0.0
    if args.oof_dir:
        train = oof_data(args.oof_dir)
        events = sum(float(y.sum()) for _, y in train.values())
        print(f"{args.oof_gold} out of fold: {len(train)} articles, "
              f"{sum(len(y) for _, y in train.values())} candidate words, {events:.0f} "
              "coded right by the first-ranked type", flush=True)
        stacked_oof = oof_stacked(args.oof_dir, train, args.oof_gold)
        share = coded_share(stacked_oof, train)
        print(f"  the chosen cut codes {share:.4f} of the out-of-fold candidate words",
              flush=True)
    reference = reference_sources(args.match_rate) if stacked_oof and args.match_rate else []
    parsed: dict[str, Document] = {}
    chosen: dict[str, Combiner] = {}
    for n, folder in enumerate(args.model_dir):
        reader = Reader(folder)
        reader.parsed = parsed
        print(f"{args.gold} with {folder}:", flush=True)
        matched = None
        if stacked_oof is not None and reference:
            logits = reference_logits(reader, reference, stacked_oof.coef)
            matched = match_rate(stacked_oof, share, logits)
            print(f"  {len(reference)} reference articles, {len(logits)} words: the out-of-fold "
                  f"cut codes {np.mean(logits > 0):.4f}; bias moved "
                  f"{matched.coef[0] - stacked_oof.coef[0]:+.3f}", flush=True)
        found = compare(reader, args.gold, by_source, args.folds, stacked_oof, matched,
                        fixed=Combiner(threshold=args.threshold or BLEND_THRESHOLD,
                                       rule_threshold=args.rule_threshold or RULE_THRESHOLD,
                                       type_thresholds=type_cuts))
        if n == 0:
            chosen = found
    if args.write:
        folder = args.model_dir[0]
        gold = (str(args.gold.relative_to(repo_dir())) if args.gold.is_relative_to(repo_dir())
                else str(args.gold))
        command = "python -m diurna.events.combine --write " + args.write
        if args.write == "fixed" and args.threshold is not None:
            command += f" --threshold {args.threshold}"
        if args.write == "fixed" and args.rule_threshold is not None:
            command += f" --rule-threshold {args.rule_threshold}"
        if args.write == "fixed":
            command += "".join(f" --type-threshold {t}={c}" for t, c in type_cuts)
        if args.oof_dir and args.write == "stacked":
            gold = f"out-of-fold outputs of {len(oof)} folds ({args.oof_dir.name})"
            command += " --oof-dir " + args.oof_dir.name
            if reference:
                command += f" --match-rate {args.match_rate}"
        meta = {"fitted_on": gold, "command": command}
        (folder / COMBINER_FILE).write_text(chosen[args.write].to_json(meta), encoding="utf-8")
        print(f"wrote {folder / COMBINER_FILE}")
    return 0


def parse_type_cuts(given: list[str]) -> tuple[tuple[str, float], ...]:
    """``--type-threshold`` values (``TYPE=P``) as sorted (type, cut) pairs; a malformed one is a
    ``ValueError`` that quotes it."""
    cuts: dict[str, float] = {}
    for item in given:
        etype, _, value = item.partition("=")
        try:
            cut = float(value)
        except ValueError:
            cut = -1.0
        if not etype.isupper() or not 0 < cut <= 1:
            raise ValueError(f"--type-threshold {item}: give TYPE=P, a PLOVER type and a cut in "
                             "(0, 1], e.g. REJECT=0.6")
        cuts[etype] = cut
    return tuple(sorted(cuts.items()))


def compare(reader: Reader, gold: Path, by_source: dict[str, list[dict[str, Any]]],
            folds: int, stacked_oof: Combiner | None = None,
            matched: Combiner | None = None,
            fixed: Combiner | None = None) -> dict[str, Combiner]:
    """Print the three combiners' figures for one weight folder; return them (the stacked one
    fitted on every source of ``gold``, or ``stacked_oof``, fitted out of fold on a training
    gold, which ``gold`` then only scores, or ``matched``, that one with its cut moved by
    :func:`match_rate`)."""
    from diurna.events.tagger import load_tagger

    tagger_threshold = load_tagger(reader.coder.model_dir).threshold
    out = {"fixed": fixed or Combiner(),
           "tagger": Combiner(kind="tagger", threshold=tagger_threshold)}
    for name, comb in out.items():
        reader.combiner_for = lambda source, comb=comb: comb  # type: ignore[misc]
        report(f"{name} @{comb.threshold:.2f}", score(gold, runner=reader))
    data = {s: stack_data(reader.cache[s], gold_types(reader.cache[s], lines), reader)
            for s, lines in by_source.items() if s in reader.cache}
    fold = folds_of(list(data), folds)
    fitted = {f: stacked_for(data, lambda s, f=f: fold[s] != f, Combiner())  # type: ignore[misc]
              for f in range(folds)}
    reader.combiner_for = lambda source: fitted[fold[source]]
    report(f"stacked ({folds}-fold CV over articles)", score(gold, runner=reader))
    out["stacked"] = stacked_for(data, lambda s: True, Combiner())
    if stacked_oof is not None:
        out["stacked"] = stacked_oof
        reader.combiner_for = lambda source: stacked_oof
        report("stacked (fitted out of fold on train)", score(gold, runner=reader))
    if matched is not None:
        out["stacked"] = matched
        reader.combiner_for = lambda source: matched
        report("stacked, out of fold, share matched", score(gold, runner=reader))
    print("  stacked written: " + ", ".join(
        f"{n} {c:+.2f}" for n, c in zip(("bias", *STACK_FEATURES), out["stacked"].coef,
                                        strict=True)), flush=True)
    return out


if __name__ == "__main__":
    sys.exit(main())
