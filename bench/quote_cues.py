"""Which cue words outside the statements rules' lists cue an attribution in the training gold?

    python bench/quote_cues.py [--limit N] [--top N]

Every verb outside the rules' lists that has a clause or an object after it is a candidate
(the "open" candidates of bench/quote_classifier.py). Each is labelled by the training gold
(the scorer's >= 50 % word-overlap match), and per cue lemma and frame (a finite clause, a
non-finite clause, an object) we print how often it cues an attribution against how often it
occurs without one (a precision estimate) - the ranking a lexicon is chosen from. Beside it:
end-to-end detection F1 of the rules alone and of the rules plus a lexicon selected by
precision (each threshold from 0.3 to 0.7), out-of-fold on train (5 folds of whole articles) and,
selected on all of train, on dev. No test split is read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence

from quote_classifier import FOLDS, SEED, Article, collect, detection_f1

MIN_HITS = 2


def frame(feats: Sequence[str]) -> str:
    """The candidate's frame: a finite clause (with a subject or "that"), another clause, an
    object."""
    fs = set(feats)
    if "cdep=ccomp" in fs or "cdep=xcomp" in fs:
        return "clause" if "csubj=True" in fs or "cthat=True" in fs else "nonfinite"
    return "object"


def key(feats: Sequence[str]) -> str:
    lemma = next(f for f in feats if f.startswith("lemma="))[len("lemma="):]
    return f"{lemma}/{frame(feats)}"


def counts(articles: Sequence[Article]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per lemma/frame of the open candidates: occurrences, gold hits, articles with a hit."""
    seen: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for a in articles:
        hit_here = set()
        for fs, rule, y in zip(a.sparse, a.rule, a.labels, strict=True):
            if rule:
                continue
            k = key(fs)
            seen[k] += 1
            hits[k] += y
            if y:
                hit_here.add(k)
        docs.update(hit_here)
    return seen, hits, docs


def select(articles: Sequence[Article], min_precision: float) -> set[str]:
    """The lemma/frame pairs with at least MIN_HITS hits and the given precision."""
    seen, hits, _ = counts(articles)
    return {k for k, n in seen.items() if hits[k] >= MIN_HITS and hits[k] / n >= min_precision}


def keep(articles: Sequence[Article], lexicon: set[str]) -> list[list[bool]]:
    return [[r or key(fs) in lexicon for fs, r in zip(a.sparse, a.rule, strict=True)]
            for a in articles]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    ap.add_argument("--top", type=int, default=60, help="rows of the ranking to print")
    args = ap.parse_args(argv)
    train = collect("gold/quotes-wikinews-train.jsonl", args.limit)
    dev = collect("gold/quotes-wikinews-dev.jsonl", args.limit)
    seen, hits, docs = counts(train)
    dseen, dhits, _ = counts(dev)
    print("open cue (lemma/frame): train hits/occurrences (precision, articles) | dev")
    ranked = sorted(seen, key=lambda k: (-hits[k], -hits[k] / seen[k]))
    for k in ranked[: args.top]:
        print(f"  {k:28s} {hits[k]:4d}/{seen[k]:<4d} ({hits[k] / seen[k]:.2f}, {docs[k]:3d})"
              f" | {dhits[k]}/{dseen[k]}")
    rules = [a.rule for a in train]
    order = list(range(len(train)))
    random.Random(SEED).shuffle(order)
    print(f"rules alone: train {detection_f1(train, rules):.3f}, "
          f"dev {detection_f1(dev, [a.rule for a in dev]):.3f}")
    for p in (0.3, 0.4, 0.5, 0.6, 0.7):
        oof: list[list[bool]] = [[] for _ in train]
        for k in range(FOLDS):
            held = set(order[k::FOLDS])
            lexicon = select([train[i] for i in order if i not in held], p)
            for i in held:
                oof[i] = keep([train[i]], lexicon)[0]
        lexicon = select(train, p)
        print(f"precision >= {p:.1f}: train out-of-fold {detection_f1(train, oof):.3f}, "
              f"dev {detection_f1(dev, keep(dev, lexicon)):.3f} ({len(lexicon)} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
