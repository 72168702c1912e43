"""Does an input make the learned quote check better? Article folds over the read quote sets.

    python bench/quote_check_folds.py --pickles DIR --arm base|context [--graph FILE]
                                      [--folds 0,1,2,3,4] [--out DIR]
    python bench/quote_check_folds.py --table DIR [ARM ...]
    python bench/quote_check_folds.py --make-graph FILE        (needs the ``onnx`` package)

Brief Q18 (docs/quotes.md part 48). The read quote sets (:data:`POOL`: train2, dev, dev2, dev3,
dev4, dev5) are dealt into five article folds, stratified by file and seeded (part 43's deal). For
each fold the check is trained by today's recipe (:func:`diurna.statements.train.train_check`:
seed 17, five networks, thresholds chosen out of fold) on ``gold/quotes-wikinews-train.jsonl``
and the other four folds, then the fold's articles run through the statements stage with that
check deciding (as :func:`diurna.statements.learned.decide` does, the nested rule included) and
are scored with the quote scorer's own functions; ``--table`` sums the counts over the folds.

Arms:

- ``base``: today's rows (parse features and dense vectors).
- ``context``: today's dense rows and the events tagger's last hidden state at the cue word's
  first piece, reduced by PCA to :data:`DIMS` components fitted on the training rows of each fold
  only. The tagger (``events/data/learned/tagger.onnx``) reads each sentence alone with its rule
  input all zeros (the statements stage runs before the events stage: no rule types exist yet;
  the tagger was trained with that input hidden on a fifth of sentences). Its hidden state is no
  output of the shipped graph: ``--make-graph FILE`` writes a copy that also outputs it
  (:data:`HIDDEN`; the shipped outputs stay bit-identical), with the ``onnx`` package, which
  Diurna does not install (``pip install --target DIR onnx`` and ``PYTHONPATH=DIR``).

``--pickles DIR`` holds ``DIR/<name>.pkl`` (a list of ``(gold line, document parsed up to the
statements stage)``, as ``bench/quote_miss_split.py`` writes them), parsed on one BLAS thread on
the first run. Only the files named in :data:`POOL` and the training file are read: no blind set,
no test split. Each fold's counts go to ``OUT/<arm>-<fold>.json`` (per article too).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import read_jsonl
from diurna.model import Document, Quote
from diurna.statements import quotes as stage
from diurna.statements.learned import Check, candidate_rows, cue_token, load_check, spans_of
from diurna.statements.mentions import MentionFinder

POOL = ("train2", "dev", "dev2", "dev3", "dev4", "dev5")  # read sets (dev4, dev5: spent blind sets)
TRAIN = "train"
FOLDS = 5
SEED = 17
DIMS = 32
TAGGER = Path(__file__).resolve().parents[1] / "src/diurna/events/data/learned"
HIDDEN = "/layers.2/ln2/LayerNormalization_output_0"  # the state the type and mode heads read
WIDTH = 384

Parsed = list[tuple[dict[str, Any], Document]]


def load(name: str, pickles: Path) -> Parsed:
    """Each article of ``gold/quotes-wikinews-<name>.jsonl`` parsed up to the statements stage,
    on one BLAS thread (as the pipeline and the trainer parse); pickled in ``pickles``."""
    if name not in (TRAIN, *POOL):
        raise ValueError(f"{name}: only the training file and the read sets {POOL} are read")
    cache = pickles / f"{name}.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]  # our own file
    from diurna.pipeline import Pipeline, one_blas_thread

    full = Pipeline.default()
    upto = full.components[: full.names.index("statements")]
    out = []
    with one_blas_thread():
        for line in read_jsonl(f"gold/quotes-wikinews-{name}.jsonl"):
            doc = scorer._doc(line["source"], line, None)
            for comp in upto:
                doc = comp(doc)
            out.append((line, doc))
    pickles.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def folds(sources: dict[str, list[str]], n: int = FOLDS, seed: int = SEED
          ) -> list[list[tuple[str, str]]]:
    """``n`` article folds of ``(file, source)``: each file's articles shuffled by one seeded
    generator and dealt round-robin, the deal running on from file to file, so every fold holds
    about as many of each file (part 43)."""
    rnd = random.Random(seed)
    out: list[list[tuple[str, str]]] = [[] for _ in range(n)]
    k = 0
    for name, srcs in sources.items():
        order = list(srcs)
        rnd.shuffle(order)
        for s in order:
            out[k % n].append((name, s))
            k += 1
    return out


def pca(x: np.ndarray, dims: int = DIMS) -> tuple[np.ndarray, np.ndarray]:
    """The mean and first ``dims`` principal axes of the rows ``x`` (centred SVD); a row ``v`` is
    reduced as ``(v - mean) @ axes.T``."""
    mean = x.mean(0)
    _, _, vt = np.linalg.svd(x - mean, full_matrices=False)
    return mean.astype(np.float32), vt[:dims].astype(np.float32)


def make_graph(out: Path, source: Path = TAGGER / "tagger.onnx") -> None:
    """Write a copy of the tagger graph that also outputs :data:`HIDDEN`."""
    try:
        import onnx
        from onnx import TensorProto, helper
    except ImportError:
        raise SystemExit("--make-graph needs the onnx package: pip install --target DIR onnx, "
                         "then PYTHONPATH=DIR") from None
    model = onnx.load(str(source))
    model.graph.output.append(helper.make_tensor_value_info(
        HIDDEN, TensorProto.FLOAT, ["batch", "pieces", WIDTH]))
    onnx.save(model, str(out))


class Hidden:
    """The tagger's hidden state per word, read from a graph that outputs it (:func:`make_graph`):
    each sentence alone (one call each, as the events stage runs it), rule input zeros."""

    def __init__(self, graph: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(TAGGER / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(graph), options,
                                            providers=["CPUExecutionProvider"])

    def sentence(self, sent: Any) -> dict[int, np.ndarray]:
        """Token index -> the hidden state at its first piece (a word cut off has none)."""
        from diurna.events.tagger import pieces

        words = [t for t in sent if not t.is_space]
        if not words:
            return {}
        ids, _, first = pieces(self.tokenizer, [t.text for t in words], [], {})
        feed = {"ids": np.array([ids], np.int64), "mask": np.ones((1, len(ids)), np.int64),
                "rule": np.zeros((1, len(ids)), np.int64)}
        state = self.session.run([HIDDEN], feed)[0][0]
        return {t.i: state[p] for t, p in zip(words, first, strict=True) if p >= 0}

    def vectors(self, tokens: Sequence[Any]) -> np.ndarray:
        """One row per token of one parse (zeros for a word cut off); each sentence read once."""
        seen: dict[int, dict[int, np.ndarray]] = {}
        out = np.zeros((len(tokens), WIDTH), np.float32)
        for r, tok in enumerate(tokens):
            sent = tok.sent
            if sent.start not in seen:
                seen[sent.start] = self.sentence(sent)
            if tok.i in seen[sent.start]:
                out[r] = seen[sent.start][tok.i]
        return out


@dataclasses.dataclass
class Rows:
    """One article's training rows (:class:`diurna.statements.train.Article`) and each
    candidate's cue vector (None for the base arm)."""

    article: Any
    cue: np.ndarray | None


def rows(docs: Parsed, hidden: Hidden | None) -> dict[str, Rows]:
    """Each article's candidates labelled as the trainer labels them (its ``_collect``)."""
    from diurna.events.learned import load_model
    from diurna.statements.train import Article, label

    vectors = load_model().vectors
    resolve = stage.Statements()._resolver()
    out = {}
    for line, doc in docs:
        record: list[tuple[Quote, bool]] = []
        quotes = stage.extract_quotes(doc, MentionFinder(doc, resolve), record=record)
        gold = scorer.from_gold(doc.text, line, line["source"])
        taken = {id(q) for q, _ in record}
        sparse, dense = candidate_rows(doc, record, vectors)
        cands = [scorer.from_quote(doc.text, q) for q, _ in record]
        art = Article(gold=gold, direct=[scorer.from_quote(doc.text, q) for q in quotes
                                         if id(q) not in taken],
                      cands=cands, sparse=sparse, dense=dense, rule=[r for _, r in record],
                      labels=[label(gold, c, same_cue=not r)
                              for c, (_, r) in zip(cands, record, strict=True)])
        cue = None if hidden is None else hidden.vectors([cue_token(q, doc.nlp)
                                                          for q, _ in record])
        out[line["source"]] = Rows(art, cue)
    return out


def train_fold(fitted: Sequence[Rows], context: bool
               ) -> tuple[Check, tuple[np.ndarray, np.ndarray] | None]:
    """The check trained on ``fitted`` by today's recipe (saved and loaded: float16 weights, as
    shipped) and, for the context arm, the PCA it reads the cue vectors through."""
    from diurna.pipeline import one_blas_thread
    from diurna.statements.train import train_check

    axes = None
    arts = [r.article for r in fitted]
    if context:
        axes = pca(np.concatenate([r.cue for r in fitted if r.cue is not None]))
        arts = [dataclasses.replace(r.article, dense=np.hstack(
            [r.article.dense, (r.cue - axes[0]) @ axes[1].T]).astype(np.float32))
            for r in fitted if r.cue is not None]
    with one_blas_thread():
        check = train_check(arts)[0]
    with tempfile.TemporaryDirectory() as tmp:
        check.save(Path(tmp))
        return Check.load(Path(tmp)), axes


def score(line: dict[str, Any], doc: Document, check: Check | None,
          axes: tuple[np.ndarray, np.ndarray] | None, hidden: Hidden | None) -> Counter[str]:
    """One article's scorer counts with ``check`` deciding (None: the shipped check)."""
    from diurna.events.learned import load_model

    vectors = load_model().vectors
    chk = check or load_check()
    assert chk is not None, "no shipped check"

    def decide(d: Document, cands: list[tuple[Quote, bool]]) -> list[bool]:
        sparse, dense = candidate_rows(d, cands, vectors)
        if axes is not None and hidden is not None:
            cue = hidden.vectors([cue_token(q, d.nlp) for q, _ in cands])
            dense = np.hstack([dense, (cue - axes[0]) @ axes[1].T]).astype(np.float32)
        return chk.keep([r for _, r in cands], chk.probabilities(sparse, dense),
                        spans_of(cands))

    quotes = stage.extract_quotes(doc, MentionFinder(doc, stage.Statements()._resolver()),
                                  check=decide)
    gold = scorer.from_gold(doc.text, line, line["source"])
    pred = [scorer.from_quote(doc.text, q) for q in quotes]
    return scorer.tally(gold, pred, scorer.match(gold, pred))


def run(arm: str, fold_ids: Sequence[int], pickles: Path, out: Path, graph: Path | None) -> None:
    """Train and score ``arm`` (``base``, ``context``; ``shipped``: the shipped check, no
    training) on each fold of ``fold_ids``; one JSON file of counts per fold."""
    hidden = Hidden(graph) if arm == "context" and graph is not None else None
    if arm == "context" and hidden is None:
        raise SystemExit("--arm context needs --graph FILE (made by --make-graph)")
    docs = {name: load(name, pickles) for name in (TRAIN, *POOL)}
    deal = folds({name: [ln["source"] for ln, _ in docs[name]] for name in POOL})
    table = {name: rows(docs[name], hidden) for name in (TRAIN, *POOL)} if arm != "shipped" \
        else {}
    out.mkdir(parents=True, exist_ok=True)
    for k in fold_ids:
        held = set(deal[k])
        check, axes = None, None
        if arm != "shipped":
            fitted = [*table[TRAIN].values(), *(r for name in POOL for s, r in table[name].items()
                                               if (name, s) not in held)]
            check, axes = train_fold(fitted, arm == "context")
        per: dict[str, dict[str, int]] = {}
        for name, source in sorted(held):
            line, doc = next((ln, d) for ln, d in docs[name] if ln["source"] == source)
            per[f"{name}|{source}"] = dict(score(line, doc, check, axes, hidden))
        meta = {} if check is None else {"drop_below": check.drop_below,
                                         "add_from": check.add_from,
                                         "oof_f1": check.meta.get("oof_f1")}
        (out / f"{arm}-{k}.json").write_text(json.dumps(
            {"arm": arm, "fold": k, "meta": meta, "per": per}), encoding="utf-8")
        print(f"{arm} fold {k}: {figure(sum((Counter(c) for c in per.values()), Counter()))}",
              flush=True)


def figure(c: Counter[str]) -> str:
    """Detection F1 (predicted, matched), speaker, cue and direct-quote precision."""
    f = scorer.figures(c)
    return (f"F1 {f['detection']['f1']:.4f} ({c['pred']}, {c['tp']}); speaker "
            f"{f['speaker'] or 0:.4f}, cue {f['cue'] or 0:.4f}, direct precision "
            f"{f['direct_precision'] or 0:.4f}")


def show(folder: Path, arms: Sequence[str]) -> None:
    """Each arm's counts summed over its folds, then per fold and per file."""
    for arm in arms:
        outs = [json.loads(p.read_text(encoding="utf-8"))
                for p in sorted(folder.glob(f"{arm}-*.json"))]
        by_file: dict[str, Counter[str]] = {}
        total: Counter[str] = Counter()
        for o in outs:
            fold: Counter[str] = Counter()
            for key, c in o["per"].items():
                fold.update(c)
                by_file.setdefault(key.split("|")[0], Counter()).update(c)
            total += fold
            print(f"  {arm} fold {o['fold']} {o['meta']}: {figure(fold)}")
        print(f"{arm}, pooled over {len(outs)} folds: {figure(total)}")
        print("  " + "; ".join(f"{n} {figure(c).split(';')[0]}" for n, c in by_file.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--pickles", type=Path, help="parsed articles, DIR/<name>.pkl")
    ap.add_argument("--arm", choices=("base", "context", "shipped"), default="base")
    ap.add_argument("--graph", type=Path, help="the tagger graph with its hidden state output")
    ap.add_argument("--folds", default="0,1,2,3,4", help="which folds to run (comma-separated)")
    ap.add_argument("--out", type=Path, default=Path("quote-check-folds"))
    ap.add_argument("--table", type=Path, metavar="DIR", help="sum the counts in DIR")
    ap.add_argument("--make-graph", type=Path, metavar="FILE")
    ap.add_argument("arms", nargs="*", default=["shipped", "base", "context"])
    args = ap.parse_args(argv)
    if args.make_graph:
        make_graph(args.make_graph)
    elif args.table:
        show(args.table, args.arms)
    elif args.pickles is None:
        ap.error("--pickles DIR is needed to run an arm")
    else:
        ids = [int(k) for k in args.folds.split(",")]
        if any(not 0 <= k < FOLDS for k in ids):
            ap.error(f"--folds: each fold is 0 to {FOLDS - 1}")
        run(args.arm, ids, args.pickles, args.out, args.graph)
    return 0


if __name__ == "__main__":
    sys.exit(main())
