"""Experiment: the relevance step as a learned classifier, against the density rule it would
replace, on hand-labelled pages (``gold/relevance.jsonl``; docs/gold-format.md).

    .venv/bin/python bench/relevance_classifier.py [--c 1.0] [--folds 10]

The coder judges a page political news when the actors stage finds at least
``POLITICAL_DENSITY`` public-sector actors per 1,000 characters (diurna.events.coder). This
script prints that rule's accuracy at several thresholds, and a logistic regression over the
page's words (lemmas of common nouns, verbs and adjectives, no names) plus the density bucket,
cross-validated over pages (scikit-learn, a test extra). The frozen event test set's pages are
never used. Result and reading: docs/events.md.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from diurna.events.coder import POLITICAL_DENSITY, POLITICAL_MENTIONS, public_mentions
from diurna.model import Document

GOLD = "gold/relevance.jsonl"
TEST_GOLD = "gold/events-test.jsonl"
_WORD_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Public-sector actors per 1,000 characters: the buckets of the density feature.
_DENSITY_EDGES = (0.5, 1.0, 2.0, 4.0, 8.0)


def page_features(doc: Document) -> set[str]:
    """Word lemmas (no names, numbers or stop words) and the public-actor density bucket."""
    feats = {"bias"}
    if doc.nlp is not None:
        feats |= {
            f"w={t.lemma_.lower()}"
            for t in doc.nlp
            if t.pos_ in _WORD_POS
            and t.is_alpha
            and not t.is_stop
            and len(t) > 2
            and not t.ent_type_
        }
    density = public_mentions(doc) * 1000 / max(len(doc.text), 1)
    feats.add(f"public<{next((e for e in _DENSITY_EDGES if density < e), 'max')}")
    return feats


@dataclass(frozen=True)
class RelevanceModel:
    """Logistic regression weights over :func:`page_features`."""

    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, feats: Iterable[str]) -> float:
        score = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))


def labelled_pages(gold: str | Path = GOLD) -> list[tuple[str, Document, bool]]:
    """(source, parsed Document, political) for every labelled page, parsed up to the actors
    stage. Refuses pages of the frozen event test set."""
    from diurna.evaluate.gold import base_text, read_jsonl
    from diurna.model import content_id
    from diurna.pipeline import Pipeline

    held = {ln["source"] for ln in read_jsonl(TEST_GOLD)} if Path(TEST_GOLD).exists() else set()
    pipeline = Pipeline.default()
    stages = pipeline.components[: pipeline.names.index("statements")]
    out = []
    for line in read_jsonl(gold):
        if line["source"] in held:
            raise ValueError(f"{line['source']} is a page of the frozen test set")
        text = base_text(line["source"])
        doc = Document(id=content_id(text.encode("utf-8")), source=line["source"], text=text)
        for stage in stages:
            doc = stage(doc)
        out.append((line["source"], doc, bool(line["political"])))
    return out


def fit(examples: list[tuple[set[str], bool]], c: float = 1.0) -> RelevanceModel:
    """L2-regularised logistic regression (scikit-learn), returned as plain weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _ in examples])
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    clf.fit(x, [y for _, y in examples])
    sign = 1.0 if bool(clf.classes_[1]) else -1.0
    weights = {
        str(n): sign * float(w)
        for n, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) > 1e-4
    }
    weights["bias"] = weights.get("bias", 0.0) + sign * float(clf.intercept_[0])
    return RelevanceModel(weights)


def _density_rule(doc: Document, per_1000: float) -> bool:
    """The coder's rule: ``per_1000`` public-sector actors per 1,000 characters, or
    ``POLITICAL_MENTIONS`` in all."""
    found = public_mentions(doc)
    return found >= POLITICAL_MENTIONS or found * 1000 >= per_1000 * max(len(doc.text), 1)


def _report(name: str, gold: list[bool], pred: list[bool]) -> str:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return (
        f"{name:28} accuracy {acc:.3f}  political: P {prec:.3f} R {rec:.3f}  "
        f"(tp {tp} fp {fp} fn {fn})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/relevance_classifier.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--gold", default=GOLD, help="labelled pages (JSONL)")
    parser.add_argument("--c", type=float, default=1.0, help="L2 inverse strength")
    parser.add_argument("--folds", type=int, default=10)
    args = parser.parse_args(argv)
    pages = labelled_pages(args.gold)
    feats = [page_features(doc) for _, doc, _ in pages]
    gold = [y for _, _, y in pages]
    pred: list[bool] = [False] * len(pages)
    for k in range(args.folds):  # pages dealt round-robin into folds
        train = [
            (f, y) for i, (f, y) in enumerate(zip(feats, gold, strict=True)) if i % args.folds != k
        ]
        model = fit(train, args.c)
        for i in range(k, len(pages), args.folds):
            pred[i] = model.probability(feats[i]) >= model.threshold
    print(f"pages {len(pages)}  political {sum(gold)}  folds {args.folds}")
    for per_1000 in (1.0, 1.5, 2.0, 2.5):
        mark = "  <- the coder's" if per_1000 == POLITICAL_DENSITY else ""
        print(
            _report(
                f"density rule, {per_1000}/1000",
                gold,
                [_density_rule(d, per_1000) for _, d, _ in pages],
            )
            + mark
        )
    print(_report(f"model, cross-validated C={args.c}", gold, pred))
    for (source, _, g), p in zip(pages, pred, strict=True):
        if g != p:
            print(f"  wrong: {source}  gold {'political' if g else 'other'}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
