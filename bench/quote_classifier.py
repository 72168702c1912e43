"""Would a learned check beat the hand rules at finding indirect statements? (issue 17)

    python bench/quote_classifier.py [--limit N]

Every indirect candidate the statements rules propose, and the clause or object of every other
verb ("open" candidates: "expressed concern that", "questioned whether"), is labelled by the
training gold (an attribution sharing >= 50 % of each side's words, the scorer's match). A
logistic model (L2, Adam, seeded, numpy) over parse features (cue lemma, part of speech,
dependency of cue and content, speaker kind, passive, negation, modal, content length,
nesting) then keeps or drops each candidate. Printed: end-to-end detection F1 of the rules
alone beside the model as a filter of the rules' candidates and as a filter that also admits
open candidates, at several thresholds - out-of-fold on the training split (5 folds of whole
articles) and, fitted on all of train, on the dev split. No test split is read.
Measured 2026-12-03 (docs/quotes.md part 5): the model does not beat the rules, so the
statements stage stays rule-based and this script keeps the measurement reproducible.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence

import numpy as np

from diurna.statements.train import FOLDS, SEED, Article, detection_f1, vocabulary
from diurna.statements.train import collect as collect_candidates

L2 = 1.0
STEPS = 800
THRESHOLDS = (0.1, 0.3, 0.5, 0.7, 0.9)


def collect(gold_path: str, limit: int | None) -> list[Article]:
    """Every article's candidates, each labelled by content overlap alone (as measured in
    docs/quotes.md part 5; the trained check labels other verbs' candidates by their cue too)."""
    return collect_candidates(gold_path, limit, same_cue=False)


def fit(feats: Sequence[Sequence[str]], labels: Sequence[int], vocab: dict[str, int]
        ) -> dict[str, float]:
    """Logistic regression with an L2 penalty (bias unpenalised) by gradient descent."""
    rows = np.asarray([r for r, fs in enumerate(feats) for f in fs if f in vocab], dtype=np.int64)
    cols = np.asarray([vocab[f] for fs in feats for f in fs if f in vocab], dtype=np.int64)
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(len(vocab), dtype=np.float64)
    penal = np.ones(len(vocab))
    penal[vocab["bias"]] = 0.0
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, STEPS + 1):  # Adam on the mean log-loss plus L2 / n (sparse x)
        z = np.bincount(rows, weights=w[cols], minlength=len(y))
        p = 1.0 / (1.0 + np.exp(-z))
        grad = np.bincount(cols, weights=(p - y)[rows], minlength=len(w)) / len(y)
        grad += L2 * penal * w / len(y)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {f: float(w[i]) for f, i in vocab.items() if abs(w[i]) > 1e-4}


def model_for(articles: Sequence[Article]) -> dict[str, float]:
    feats = [f for a in articles for f in a.sparse]
    return fit(feats, [y for a in articles for y in a.labels], vocabulary(feats))


def probability(weights: dict[str, float], feats: Sequence[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return float(1.0 / (1.0 + np.exp(-max(-30.0, min(30.0, z)))))


def report(name: str, articles: Sequence[Article], probs: Sequence[Sequence[float]]) -> None:
    """Rules alone beside the model as a filter and as a filter with open candidates."""
    rules = [a.rule for a in articles]
    print(f"{name}: {len(articles)} articles, {sum(len(a.rule) for a in articles)} candidates "
          f"({sum(sum(a.rule) for a in articles)} from the rules), "
          f"{sum(sum(a.labels) for a in articles)} labelled attributions")
    print(f"  rules alone (baseline)            detection F1 {detection_f1(articles, rules):.3f}")
    for t in THRESHOLDS:
        filt = [[r and p >= t for r, p in zip(a.rule, ps, strict=True)]
                for a, ps in zip(articles, probs, strict=True)]
        both = [[p >= t for p in ps] for ps in probs]
        print(f"  model >= {t:.1f}: rules filtered {detection_f1(articles, filt):.3f}, "
              f"with open verbs {detection_f1(articles, both):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    args = ap.parse_args(argv)
    train = collect("gold/quotes-wikinews-train.jsonl", args.limit)
    order = list(range(len(train)))
    random.Random(SEED).shuffle(order)
    oof: list[list[float]] = [[] for _ in train]
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        weights = model_for([train[i] for i in order if i not in held])
        for i in held:
            oof[i] = [probability(weights, f) for f in train[i].sparse]
    report("train, out-of-fold", train, oof)
    dev = collect("gold/quotes-wikinews-dev.jsonl", args.limit)
    weights = model_for(train)
    report("dev, fitted on train", dev, [[probability(weights, f) for f in a.sparse] for a in dev])
    return 0


if __name__ == "__main__":
    sys.exit(main())
