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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import read_jsonl
from diurna.model import Document
from diurna.pipeline import Pipeline
from diurna.statements import salience
from diurna.statements.mentions import MentionFinder, gender_fits
from diurna.statements.quotes import Statements, pronoun_rule_head, salience_candidates

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


def parsed(gold_path: str, limit: int | None) -> list[tuple[dict[str, Any], Document]]:
    """The gold lines of the file with their articles run through language and actors."""
    full = Pipeline.default()
    stages = full.components[: full.names.index("statements")]
    out = []
    for n, line in enumerate(read_jsonl(gold_path)):
        if limit is not None and n >= limit:
            break
        doc = scorer._doc(line["source"], line, None)
        for stage in stages:
            doc = stage(doc)
        out.append((line, doc))
    return out


def rankings(docs: list[tuple[dict[str, Any], Document]]) -> list[Ranking]:
    """The rankings of every "he"/"she" gold speaker of the parsed articles."""
    out: list[Ranking] = []
    for n, (line, doc) in enumerate(docs):
        finder = MentionFinder(doc, None)
        for att in scorer.from_gold(doc.text, line, line["source"]):
            if att.speaker is None or not att.speaker_name or (
                    att.speaker.text.lower() not in salience.HE_SHE):
                continue
            span = doc.nlp.char_span(att.speaker.start, att.speaker.end)
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
    return out


def end_to_end(docs: list[tuple[dict[str, Any], Document]],
               model_of: Callable[[int], dict[str, Any] | None]) -> str:
    """Speaker accuracy and "speaker named" of the statements stage on the articles (the
    scorer's figures), each article's pronouns resolved with ``model_of(article)`` (None: the
    rules alone)."""
    stage = Statements()
    total: Counter[str] = Counter()
    for n, (line, doc) in enumerate(docs):
        model = model_of(n)
        salience.ENABLED, salience.MODEL = model is not None, model
        stage(doc)
        gold = scorer.from_gold(doc.text, line, line["source"])
        pred = [scorer.from_quote(doc.text, q) for q in doc.quotes]
        total += scorer.tally(gold, pred, scorer.match(gold, pred))
    salience.ENABLED, salience.MODEL = True, None
    figs = scorer.figures(total)
    return (f"speaker accuracy {figs['speaker']:.3f} ({total['speaker_right']}/{total['tp']}), "
            f"speaker named {figs['speaker_resolved']:.3f} "
            f"({total['resolve_right']}/{total['resolve_n']})")


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


def folds(train: list[Ranking]) -> dict[int, int]:
    """The fold of each article with a gold pronoun (seeded, whole articles)."""
    articles = sorted({r.article for r in train})
    random.Random(SEED).shuffle(articles)
    return {a: i % FOLDS for i, a in enumerate(articles)}


def out_of_fold(train: list[Ranking], fold_of: dict[int, int], weights: list[dict[str, float]]
                ) -> dict[float, Counter[str]]:
    """Outcomes by threshold with each article's pronouns scored by a model fitted without it."""
    result: dict[float, Counter[str]] = {t: Counter() for t in THRESHOLDS}
    for r in train:
        for t in THRESHOLDS:
            result[t][outcome(r, weights[fold_of[r.article]], t)] += 1
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per split (a quick look)")
    ap.add_argument("--write", action="store_true", help=f"store the weights in {OUT}")
    args = ap.parse_args(argv)
    train_docs, dev_docs = parsed(TRAIN, args.limit), parsed(DEV, args.limit)
    train, dev = rankings(train_docs), rankings(dev_docs)
    print(f"train: {len(train)} gold he/she speakers, "
          f"{sum(any(r.labels) for r in train)} with the right person among the candidates")
    print(_line("rules alone", Counter(r.rule for r in train), len(train)))
    fold_of = folds(train)
    fold_weights = [fit([r for r in train if fold_of[r.article] != k]) for k in range(FOLDS)]
    oof = out_of_fold(train, fold_of, fold_weights)
    for t in THRESHOLDS:
        print(_line(f"ranker p >= {t} (OOF)", oof[t], len(train)))
    # the threshold: a wrong name costs twice an unresolved pronoun (it misinforms; "he" only
    # leaves the reader to look); ties go to the lower threshold (more people named)
    threshold = max(THRESHOLDS, key=lambda t: (oof[t]["right"] - WRONG_COST * oof[t]["wrong"], -t))
    weights = fit(train)
    model = {"weights": weights, "threshold": threshold}
    print(f"dev: {len(dev)} gold he/she speakers; threshold {threshold} (chosen out-of-fold)")
    print(_line("rules alone", Counter(r.rule for r in dev), len(dev)))
    print(_line(f"ranker p >= {threshold}", Counter(outcome(r, weights, threshold) for r in dev),
                len(dev)))
    print("end to end (the statements stage, the scorer's matched pairs):")
    print("  train, rules alone:  ", end_to_end(train_docs, lambda n: None))
    print("  train, ranker (OOF): ", end_to_end(train_docs, lambda n: {
        "weights": fold_weights[fold_of[n]], "threshold": threshold} if n in fold_of else model))
    print("  dev, rules alone:    ", end_to_end(dev_docs, lambda n: None))
    print("  dev, ranker:         ", end_to_end(dev_docs, lambda n: model))
    print("weights:", json.dumps(weights, sort_keys=True))
    if args.write:
        OUT.write_text(json.dumps({"weights": weights, "threshold": threshold,
                                   "trained_on": TRAIN, "seed": SEED}, indent=1,
                                  sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
