"""Train and measure the salience ranker for "he"/"she" speakers (issue 17, docs/quotes.md part 7).

    python bench/speaker_salience.py [--limit N] [--write]

Every training attribution whose gold speaker is "he" or "she" with a ``speaker_name`` gives one
ranking: the people named before the pronoun (:func:`diurna.statements.salience.candidates`),
each labelled right when it names the gold speaker (the scorer's ``same_name``). A logistic model
(scikit-learn, L2, seeded folds) learns the features' weights; a pronoun is resolved to the
best-scored candidate whose gender may fit when its probability reaches a threshold, else left
as "he"/"she" (which the scorer counts as right, but not as named). Printed, out-of-fold on train
(5 folds of whole articles) and, fitted on all of train, on dev, beside the rules alone (the
dictionary's nearest person, else the last subject): of the gold pronouns, how many are named
right, named wrong and left unresolved. ``--write`` stores the weights fitted on all of train
with the threshold chosen out-of-fold (a wrong name costing twice an unresolved one) in
``src/diurna/statements/data/speaker_salience.json``.
No test split is read.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import read_jsonl
from diurna.pipeline import Pipeline
from diurna.statements import salience
from diurna.statements.mentions import MentionFinder, gender_fits
from diurna.statements.quotes import pronoun_rule_head, salience_candidates

SEED = 17
FOLDS = 5
C = 1.0
WRONG_COST = 2
THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
TRAIN = "gold/quotes-wikinews-train.jsonl"
DEV = "gold/quotes-wikinews-dev.jsonl"
OUT = Path("src/diurna/statements/data") / salience.WEIGHTS_FILE


@dataclass
class Ranking:
    """One gold pronoun: its candidates' features and labels, and the rules' outcome."""

    article: int
    feats: list[dict[str, float]]
    labels: list[bool]
    allowed: list[bool]  # the candidate's gender may fit the pronoun
    rule: str  # "right", "wrong" or "none"


def _rule_outcome(head: Any, name: str) -> str:
    if head is None:
        return "none"
    return "right" if scorer.same_name(name, head.text) else "wrong"


def rankings(gold_path: str, limit: int | None) -> list[Ranking]:
    """The rankings of every "he"/"she" gold speaker of the file (language and actors run)."""
    full = Pipeline.default()
    stages = full.components[: full.names.index("statements")]
    out: list[Ranking] = []
    for n, line in enumerate(read_jsonl(gold_path)):
        if limit is not None and n >= limit:
            break
        doc = scorer._doc(line["source"], line, None)
        for stage in stages:
            doc = stage(doc)
        parsed = doc.nlp
        finder = MentionFinder(doc, None)
        for att in scorer.from_gold(doc.text, line, line["source"]):
            if att.speaker is None or not att.speaker_name or (
                    att.speaker.text.lower() not in salience.HE_SHE):
                continue
            span = parsed.char_span(att.speaker.start, att.speaker.end)
            if span is None or len(span) != 1:
                continue
            tok = span[0]
            rule_head = pronoun_rule_head(finder, tok)
            ranked = salience_candidates(finder, tok, rule_head)
            out.append(Ranking(
                article=n, feats=[f for _, f in ranked],
                labels=[scorer.same_name(att.speaker_name, c.last.text) for c, _ in ranked],
                allowed=[gender_fits(tok, c.last) is not False for c, _ in ranked],
                rule=_rule_outcome(rule_head, att.speaker_name)))
        doc.nlp = None
    return out


def fit(train: list[Ranking]) -> dict[str, float]:
    """Feature weights of a logistic model over every candidate of ``train``."""
    names = sorted({k for r in train for f in r.feats for k in f})
    rows = [[f.get(k, 0.0) for k in names] for r in train for f in r.feats]
    y = [lab for r in train for lab in r.labels]
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    model.fit(np.array(rows), np.array(y))
    return {k: round(float(w), 4) for k, w in zip(names, model.coef_[0], strict=True)}


def outcome(r: Ranking, weights: dict[str, float], threshold: float) -> str:
    """"right", "wrong" or "none" for the model's choice on one gold pronoun."""
    scored = [(salience.score(f, weights), lab) for f, lab, ok in
              zip(r.feats, r.labels, r.allowed, strict=True) if ok]
    if not scored:
        return "none"
    p, lab = max(scored, key=lambda s: s[0])
    if p < threshold:
        return "none"
    return "right" if lab else "wrong"


def _line(name: str, counts: Counter[str], n: int) -> str:
    return (f"  {name:<22} named right {counts['right']:>4}  wrong {counts['wrong']:>4}  "
            f"unresolved {counts['none']:>4}  (of {n}; right-or-unresolved "
            f"{(counts['right'] + counts['none']) / max(n, 1):.3f})")


def out_of_fold(train: list[Ranking]) -> dict[float, Counter[str]]:
    """Outcomes by threshold with each article's pronouns scored by a model fitted without it."""
    articles = sorted({r.article for r in train})
    random.Random(SEED).shuffle(articles)
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    result: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    for k in range(FOLDS):
        weights = fit([r for r in train if fold_of[r.article] != k])
        for r in train:
            if fold_of[r.article] == k:
                for t in THRESHOLDS:
                    result[t][outcome(r, weights, t)] += 1
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per split (a quick look)")
    ap.add_argument("--write", action="store_true", help=f"store the weights in {OUT}")
    args = ap.parse_args(argv)
    train = rankings(TRAIN, args.limit)
    dev = rankings(DEV, args.limit)
    print(f"train: {len(train)} gold he/she speakers, "
          f"{sum(any(r.labels) for r in train)} with the right person among the candidates")
    print(_line("rules alone", Counter(r.rule for r in train), len(train)))
    oof = out_of_fold(train)
    for t in THRESHOLDS:
        print(_line(f"ranker p >= {t} (OOF)", oof[t], len(train)))
    # the threshold: a wrong name costs twice an unresolved pronoun (it misinforms; "he" only
    # leaves the reader to look); ties go to the lower threshold (more people named)
    threshold = max(THRESHOLDS, key=lambda t: (oof[t]["right"] - WRONG_COST * oof[t]["wrong"], -t))
    weights = fit(train)
    print(f"dev: {len(dev)} gold he/she speakers; threshold {threshold} (chosen out-of-fold)")
    print(_line("rules alone", Counter(r.rule for r in dev), len(dev)))
    print(_line(f"ranker p >= {threshold}", Counter(outcome(r, weights, threshold) for r in dev),
                len(dev)))
    print("weights:", json.dumps(weights, sort_keys=True))
    if args.write:
        OUT.write_text(json.dumps({"weights": weights, "threshold": threshold,
                                   "trained_on": TRAIN, "seed": SEED}, indent=1,
                                  sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
