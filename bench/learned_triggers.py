"""Experiment: a learned trigger classifier beside the rule coder, measured by cross-validation.

    .venv/bin/pip install scikit-learn==1.9.1   # the experiment's one extra package
    .venv/bin/python bench/learned_triggers.py [--c 0.3 --c 1 --threshold 0.2 --threshold 0.5]

Every content word of the development gold units (gold/events.jsonl and gold/events-dev2.jsonl;
never the frozen test set) is a training example, labelled with the PLOVER type of the gold
trigger it heads, or NONE. A multinomial logistic regression (scikit-learn, L2) over sparse
features of the spaCy parse (lemma, part of speech, dependency, head, children, the lexicon's
types for the lemma, inside a statement or not) scores each word.

Cross-validation holds out whole pages (5 folds). Printed:
- the model alone, word level: does it find the gold triggers and their type;
- the rule coder alone, and the rule coder with the model consulted for the words its rules
  leave alone (a model trigger then goes through the same argument, party and status steps).

The rules were written from these very pages, so the rules-only line is optimistic; the model's
lines are not, since no fold is both trained and scored. Result and reading: docs/events.md.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diurna.evaluate.events import tally_types, unit_pairs
from diurna.evaluate.gold import base_text, read_jsonl
from diurna.events import coder as coder_module
from diurna.events.coder import EventCoder
from diurna.events.ontology import Ontology, Trigger, load_ontology
from diurna.model import Document, content_id

DEFAULT_GOLD = ("gold/events.jsonl", "gold/events-dev2.jsonl")
TEST_GOLD = "events-test.jsonl"
FOLDS = 5

NONE = "NONE"  # the class of words that are no event
CANDIDATE_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
# Children whose lemma tells what the word does ("call ON", "impose SANCTIONS", "not").
_CHILD_LEMMA_DEPS = frozenset(
    {
        "dobj",
        "prt",
        "prep",
        "xcomp",
        "neg",
        "aux",
        "nsubjpass",
        "attr",
        "acomp",
        "compound",
        "amod",
        "poss",
    }
)


def is_candidate(tok: Any) -> bool:
    """Words the model scores: content words that are not part of a name or a number."""
    return (
        tok.pos_ in CANDIDATE_POS
        and not tok.is_stop
        and tok.ent_type_
        not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
    )


def token_features(tok: Any, onto: Ontology, in_statement: bool) -> list[str]:
    """The sparse features of one token (strings; each present feature has value 1)."""
    lemma = tok.lemma_.lower()
    head = tok.head
    feats = [
        "bias",
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"lp={lemma}|{tok.pos_}",
        f"ld={lemma}|{tok.dep_}",
        f"hl={head.lemma_.lower()}",
        f"hd={tok.dep_}|{head.pos_}",
        f"suf={lemma[-3:]}",
        f"q={in_statement}",
        f"ent={tok.ent_type_ or '-'}",
    ]
    if tok.i > 0:
        feats.append(f"pl={tok.doc[tok.i - 1].lemma_.lower()}")
    if tok.i + 1 < len(tok.doc):
        feats.append(f"nl={tok.doc[tok.i + 1].lemma_.lower()}")
    for child in tok.children:
        feats.append(f"c={child.dep_}")
        if child.dep_ in _CHILD_LEMMA_DEPS:
            feats.append(f"cl={child.dep_}|{child.lemma_.lower()}")
            feats.append(f"lcl={lemma}|{child.dep_}|{child.lemma_.lower()}")
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
            feats.append(f"ce={child.dep_}|{child.ent_type_ or '-'}")
    lex: set[str] = set()
    for table, tag in ((onto.verbs, "v"), (onto.nouns, "n"), (onto.adjectives, "a")):
        for key in {lemma, tok.lower_}:
            for trig in table.get(key, ()):
                lex.add(f"lex={tag}|{trig.type}")
                lex.add(f"lext={trig.type}")
    feats.extend(sorted(lex) or ["lex=none"])
    return feats


@dataclass(frozen=True)
class TriggerModel:
    """Multinomial logistic regression weights: ``weights[feature][k]`` for class ``classes[k]``."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        scores = [0.0] * len(self.classes)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    scores[k] += v
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The best event type and its probability; ``(NONE, p)`` when no type reaches the
        threshold."""
        probs = self.probabilities(feats)
        best = max((c for c in self.classes if c != NONE), key=probs.__getitem__)
        if probs[best] >= self.threshold:
            return best, probs[best]
        return NONE, probs[NONE]


@dataclass
class Page:
    """One gold source, parsed once: the Document before the events stage, and its units."""

    source: str
    doc: Document
    units: list[dict[str, Any]] = field(default_factory=list)


def load_pages(gold_files: Iterable[str | Path]) -> list[Page]:
    """Run the pipeline up to the statements stage on every gold source."""
    from diurna.pipeline import Pipeline

    pipeline = Pipeline.default()
    stages = pipeline.components[: pipeline.names.index("events")]  # keep the parse (doc.nlp)
    pages: dict[str, Page] = {}
    for gold in gold_files:
        if Path(gold).name == TEST_GOLD:
            raise ValueError(f"{gold} is the frozen test set: it is never used for training")
        for unit in read_jsonl(gold):
            page = pages.get(unit["source"])
            if page is None:
                text = base_text(unit["source"])
                doc = Document(
                    id=content_id(text.encode("utf-8")),
                    source=unit["source"],
                    text=text,
                    published=unit.get("published"),
                )
                for stage in stages:
                    doc = stage(doc)
                page = pages[unit["source"]] = Page(unit["source"], doc)
            page.units.append(unit)
    return list(pages.values())


def _trigger_head(doc: Any, start: int, end: int) -> Any | None:
    """The syntactic head of the tokens inside ``[start, end)``: the one whose head is outside."""
    toks = [t for t in doc if start <= t.idx < end]
    for tok in toks:
        if tok.head.i == tok.i or not start <= tok.head.idx < end:
            return tok
    return toks[0] if toks else None


def examples(page: Page, onto: Any) -> list[tuple[list[str], str]]:
    """(features, label) for every candidate word of the page's units."""
    parsed = page.doc.nlp
    quotes = page.doc.quotes
    out = []
    for unit in page.units:
        start, end = int(unit["start"]), int(unit["end"])
        heads: dict[int, str] = {}
        inside: set[int] = set()
        for g in unit.get("events") or []:
            trig = g.get("trigger") or {}
            if "start" not in trig:
                continue
            head = _trigger_head(parsed, int(trig["start"]), int(trig["end"]))
            if head is not None:
                heads[head.i] = g["type"]
            inside.update(t.i for t in parsed if trig["start"] <= t.idx < trig["end"])
        for tok in parsed:
            if not start <= tok.idx < end or not is_candidate(tok):
                continue
            if tok.i in inside and tok.i not in heads:
                continue
            in_statement = any(q.start <= tok.idx < q.end for q in quotes)
            out.append((token_features(tok, onto, in_statement), heads.get(tok.i, NONE)))
    return out


def fit(data: list[tuple[list[str], str]], c: float = 0.5, threshold: float = 0.5) -> TriggerModel:
    """Fit the multinomial logistic regression and return it as a :class:`TriggerModel`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _ in data])
    y = [label for _, label in data]
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, y)
    classes = tuple(str(k) for k in clf.classes_)
    coef = clf.coef_
    if len(classes) == 2:  # binary: sklearn keeps one row; make it symmetric
        coef = [-coef[0] / 2, coef[0] / 2]
        intercept = [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
    else:
        intercept = list(clf.intercept_)
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        column = tuple(float(coef[k][j]) for k in range(len(classes)))
        if any(abs(v) > 1e-4 for v in column):
            weights[str(name)] = column
    bias = weights.get("bias", (0.0,) * len(classes))
    weights["bias"] = tuple(b + float(i) for b, i in zip(bias, intercept, strict=True))
    return TriggerModel(classes, weights, threshold)


def _score(pages: list[Page], coder: EventCoder) -> tuple[int, int, int]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for page in pages:
        coder(page.doc)
        for unit in page.units:
            gold, pred, pairs = unit_pairs(unit, page.doc.events)
            tally_types(gold, [p.type for p in pred], pairs, tp, fp, fn)
    return sum(tp.values()), sum(fp.values()), sum(fn.values())


def _f1(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp} fp {fp} fn {fn})"


def folds(pages: list[Page], k: int = FOLDS) -> list[list[Page]]:
    """Sources dealt round-robin, largest first, into ``k`` folds of similar size."""
    out: list[list[Page]] = [[] for _ in range(k)]
    for i, page in enumerate(sorted(pages, key=lambda p: (-len(p.units), p.source))):
        out[i % k].append(page)
    return out


def cross_validate(
    pages: list[Page], cs: Iterable[float], thresholds: Iterable[float], resolve: Any
) -> None:
    """Print, per (C, threshold), the model alone (word level) and rules plus model, summed
    over folds that hold out whole pages."""
    onto = load_ontology()
    feats = {p.source: examples(p, onto) for p in pages}
    alone: dict[tuple[float, float], list[int]] = defaultdict(lambda: [0, 0, 0])
    joint: dict[tuple[float, float], list[int]] = defaultdict(lambda: [0, 0, 0])
    for held in folds(pages):
        train = [ex for p in pages if p not in held for ex in feats[p.source]]
        for c in cs:
            fitted = fit(train, c)
            for th in thresholds:
                model = TriggerModel(fitted.classes, fitted.weights, th)
                for page in held:
                    for f, gold in feats[page.source]:
                        got, _ = model.predict(f)
                        counts = alone[(c, th)]
                        counts[0] += got != NONE and got == gold
                        counts[1] += got != NONE and got != gold
                        counts[2] += gold != NONE and got != gold
                with _WithModel(model):
                    for i, v in enumerate(_score(held, EventCoder(resolve=resolve))):
                        joint[(c, th)][i] += v
    for key in sorted(alone):
        c, th = key
        print(f"model alone (words)   C={c:<4} t={th:<4} {_f1(*alone[key])}")
        print(f"rules + model         C={c:<4} t={th:<4} {_f1(*joint[key])}")


class _WithModel:
    """The rule coder's trigger step, with the model asked where the rules find nothing."""

    def __init__(self, model: TriggerModel) -> None:
        self.model = model
        self.rules = coder_module._DocCoder.match

    def __enter__(self) -> None:
        model, rules = self.model, self.rules

        def match(coder: Any, tok: Any) -> tuple[Trigger, list[Any]] | None:
            got = rules(coder, tok)
            if got is not None or tok.pos_ not in {"VERB", "NOUN"} or not is_candidate(tok):
                return got
            etype, _ = model.predict(
                token_features(tok, coder.onto, coder.quote_at(tok.idx) is not None)
            )
            if etype not in coder.onto.types:
                return None
            return Trigger(etype, tok.lemma_.lower(), "verb" if tok.pos_ == "VERB" else "noun"), [
                tok
            ]

        coder_module._DocCoder.match = match  # type: ignore[method-assign]

    def __exit__(self, *exc: object) -> None:
        coder_module._DocCoder.match = self.rules  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, action="append", help="L2 inverse strength")
    parser.add_argument(
        "--threshold", type=float, action="append", help="probability the best type needs"
    )
    args = parser.parse_args()
    pages = load_pages(DEFAULT_GOLD)
    from diurna.actors import ActorResolver

    resolve = ActorResolver().resolve_span
    print(f"pages {len(pages)}  units {sum(len(p.units) for p in pages)}  folds {FOLDS}")
    rules = _score(pages, EventCoder(resolve=resolve))
    print(f"rules alone (tuned on these pages)   {_f1(*rules)}")
    cross_validate(pages, args.c or [0.3, 1.0, 3.0], args.threshold or [0.2, 0.35, 0.5], resolve)


if __name__ == "__main__":
    main()
