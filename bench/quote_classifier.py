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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import read_jsonl
from diurna.model import Quote
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, extract_quotes

SEED = 17
FOLDS = 5
L2 = 1.0
STEPS = 800
MIN_FEATURE_COUNT = 2
THRESHOLDS = (0.1, 0.3, 0.5, 0.7, 0.9)
_MARKS = frozenset({"that", "whether", "if"})


def _length_bucket(words: int) -> str:
    """A coarse content length: scare-word objects ("the attack") differ from clauses."""
    if words <= 2:
        return "1-2"
    if words <= 5:
        return "3-5"
    if words <= 15:
        return "6-15"
    return "16+"


def _speaker_kind(q: Quote, parsed: Any) -> str:
    """What the predicted speaker is: none, a pronoun, a named entity type or a plain noun."""
    if q.speaker is None or q.speaker.end <= q.speaker.start:
        return "none"
    span = parsed.char_span(q.speaker.start, q.speaker.end, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    head = span.root
    if head.pos_ == "PRON":
        return "pron"
    return head.ent_type_ or head.pos_


def features(q: Quote, cue: Any, parsed: Any, rule: bool, nested: bool) -> list[str]:
    """The binary features of one candidate statement whose cue token is ``cue``."""
    lemma = cue.lemma_.lower()
    origin = "rule" if rule else "open"
    out = [
        "bias", f"origin={origin}", f"lemma={lemma}", f"pos={cue.pos_}", f"tag={cue.tag_}",
        f"dep={cue.dep_}", f"lemma_origin={lemma}|{origin}", f"kind={q.kind}",
        f"spk={_speaker_kind(q, parsed)}", f"nested={nested}",
        f"cue_before={q.cue is not None and q.cue.start < q.start}",
    ]
    span = parsed.char_span(q.start, q.end, alignment_mode="expand") if q.end > q.start \
        else None
    if span is not None and len(span):
        root = span.root
        out += [f"len={_length_bucket(sum(not t.is_punct for t in span))}",
                f"cdep={root.dep_}", f"cpos={root.pos_}", f"lemma_cdep={lemma}|{root.dep_}",
                f"csubj={any(c.dep_ in {'nsubj', 'nsubjpass', 'expl'} for c in root.children)}",
                f"cthat={any(c.dep_ == 'mark' and c.lower_ in _MARKS for c in root.children)}"]
    else:
        out.append("len=0")
    kids = list(cue.children)
    out += [name for name, on in (
        ("passive", any(c.dep_ == "auxpass" for c in kids)),
        ("negated", any(c.dep_ == "neg" for c in kids)),
        ("modal", any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids))) if on]
    if cue.dep_ == "xcomp" and cue.head.pos_ == "VERB":
        out.append(f"under={cue.head.lemma_.lower()}")
    out.append(f"in_question={cue.sent[-1].text == '?'}")
    return out


@dataclass
class Article:
    """One article: gold attributions, the direct quotes, the indirect candidates."""

    gold: list[scorer.Attribution]
    direct: list[scorer.Attribution]
    cands: list[scorer.Attribution]
    feats: list[list[str]]
    rule: list[bool]
    labels: list[int]


def label(gold: Sequence[scorer.Attribution], cand: scorer.Attribution) -> int:
    """1 when some gold attribution would be matched by the candidate on its own."""
    for g in gold:
        if not g.tokens:
            if not cand.tokens and scorer._overlap(g.cue, cand.cue):
                return 1
            continue
        shared = len(g.tokens & cand.tokens)
        if cand.tokens and shared >= scorer.THRESHOLD * len(g.tokens) and \
                shared >= scorer.THRESHOLD * len(cand.tokens):
            return 1
    return 0


def collect(gold_path: str, limit: int | None) -> list[Article]:
    """Parse every article (language and actors stages) and list its candidates."""
    from diurna.pipeline import Pipeline

    full = Pipeline.default()
    upto = full.components[: full.names.index("statements")]
    stage = full.components[full.names.index("statements")]
    assert isinstance(stage, Statements)
    resolve = stage._resolver()  # the pipeline's own actors resolver
    out = []
    for line in list(read_jsonl(gold_path))[:limit]:
        doc = scorer._doc(line["source"], line, None)
        for comp in upto:
            doc = comp(doc)
        parsed = doc.nlp
        record: list[tuple[Quote, bool]] = []
        quotes = extract_quotes(doc, MentionFinder(doc, resolve), record=record)
        gold = scorer.from_gold(doc.text, line, line["source"])
        taken = {id(q) for q, _ in record}
        feats = []
        for q, rule in record:
            assert q.cue is not None
            cue = parsed.char_span(q.cue.start, q.cue.end, alignment_mode="expand")[0]
            nested = any(o is not q and o.start <= q.start and q.end <= o.end
                         and (o.start, o.end) != (q.start, q.end) for o, _ in record)
            feats.append(features(q, cue, parsed, rule, nested))
        cands = [scorer.from_quote(doc.text, q) for q, _ in record]
        out.append(Article(
            gold=gold, direct=[scorer.from_quote(doc.text, q) for q in quotes
                               if id(q) not in taken],
            cands=cands, feats=feats, rule=[r for _, r in record],
            labels=[label(gold, c) for c in cands]))
    return out


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


def vocabulary(feats: Sequence[Sequence[str]]) -> dict[str, int]:
    counts = Counter(f for fs in feats for f in fs)
    kept = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT or f == "bias")
    return {f: i for i, f in enumerate(kept)}


def model_for(articles: Sequence[Article]) -> dict[str, float]:
    feats = [f for a in articles for f in a.feats]
    return fit(feats, [y for a in articles for y in a.labels], vocabulary(feats))


def probability(weights: dict[str, float], feats: Sequence[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return float(1.0 / (1.0 + np.exp(-max(-30.0, min(30.0, z)))))


def detection_f1(articles: Sequence[Article], keep: Sequence[Sequence[bool]]) -> float:
    """End-to-end detection F1 (the scorer's matcher) with the kept candidates."""
    tp = n_pred = n_gold = 0
    for a, ks in zip(articles, keep, strict=True):
        pred = [*a.direct, *(c for c, k in zip(a.cands, ks, strict=True) if k)]
        tp += len(scorer.match(a.gold, pred))
        n_pred += len(pred)
        n_gold += len(a.gold)
    prec, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


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
            oof[i] = [probability(weights, f) for f in train[i].feats]
    report("train, out-of-fold", train, oof)
    dev = collect("gold/quotes-wikinews-dev.jsonl", args.limit)
    weights = model_for(train)
    report("dev, fitted on train", dev, [[probability(weights, f) for f in a.feats] for a in dev])
    return 0


if __name__ == "__main__":
    sys.exit(main())
