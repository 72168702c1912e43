"""Train the learned check of indirect statement candidates (:mod:`diurna.statements.learned`).

    python -m diurna.statements.train [--limit N] [--out DIR] [--cache FILE] [--verify]
                                      [--also GOLD ...] [--also-weight W] [--seed N]
                                      [--members N]

Every indirect candidate the rules propose, and the others of :mod:`learned` (the clause,
object or phrase of every other verb, a passive's subject), is labelled by the training gold
(``gold/quotes-wikinews-train.jsonl``): 1 when it alone would match an attribution under the
scorer's rule (>= 50 % of each side's words). A one-hidden-layer network (scikit-learn, seeded)
is fitted on them; the shipped check averages the logits of five seeded networks (``--members
N``), which is one network five times as wide: steadier and better by the mean of three seeds
(part 16), shipped once the rules stopped offering a person spoken to as a statement ("Police
questioned the driver", part 17). The two thresholds (drop a rules'
candidate below, add another verb's candidate from) are chosen by end-to-end detection F1
out-of-fold on train (5 folds of whole articles); the dev split is then scored with the model
fitted on all of train, the rules alone beside it. No test split is read. The weights go to
``data/check/``.

Training is deterministic: the same candidates give the same files, byte for byte, whatever the
hash seed or BLAS threads; the candidates are parsed on one BLAS thread, as the pipeline parses
(docs/quotes.md, part 45). ``--verify`` retrains and exits 1 unless the shipped files are exactly
what the script makes now; run it after changing the rules, which change the candidates. With
``--cache`` it reads the rows an earlier run kept (and says so): the check of the shipped files
is a run without it.

``--also GOLD`` adds the articles of another training gold file (e.g.
``gold/quotes-wikinews-train2.jsonl``, part 13) to the training split: they are folded and fitted
with it, and the out-of-fold figure is printed for the first training file's articles alone too,
so a run with more data can be compared with one without on the same articles. ``--also-weight
W`` counts each of their candidates W times in every fit (the thresholds are still chosen on all
training articles' out-of-fold F1, each once); a file that is missing or no quote gold JSONL
is a one-line error before any parsing, and so is an article in two of the files (or a file
given twice). ``--also`` may be given several times, one file each (part 43); with
``gold/quotes-wikinews-dev.jsonl`` among them no held-out dev figure is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import limit_arg, read_jsonl
from diurna.model import Quote
from diurna.reproduce import ROWS_KEY, cause
from diurna.statements.learned import (
    CHECK_FILES,
    MODEL_DIR,
    NESTED_BELOW,
    Check,
    Spans,
    candidate_rows,
    check_vectors,
    kept,
    load_check,
)

SEED = 17
FOLDS = 5
HIDDEN = 32
MEMBERS = 5  # networks averaged in the shipped check (docs/quotes.md parts 16, 17)
MIN_FEATURE_COUNT = 2
DROP_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
ADD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: no other verb is ever added
TIE = 0.001  # detection F1 differences below this are noise (one attribution in 2,685 is 0.0004)
TRAIN = "gold/quotes-wikinews-train.jsonl"
DEV = "gold/quotes-wikinews-dev.jsonl"


@dataclass
class Article:
    """One article: gold attributions, the direct quotes, the indirect candidates."""

    gold: list[scorer.Attribution]
    direct: list[scorer.Attribution]
    cands: list[scorer.Attribution]
    sparse: list[list[str]]
    dense: np.ndarray
    rule: list[bool]
    labels: list[int]


def label(gold: Sequence[scorer.Attribution], cand: scorer.Attribution,
          same_cue: bool = False) -> int:
    """1 when some gold attribution would be matched by the candidate on its own; with
    ``same_cue`` only one whose cue the candidate's overlaps. Another verb's candidate is
    labelled so: its object often lies inside content cued elsewhere ("he said the party
    *had* a plan"), a match by coincidence the model should not learn (with this label,
    detection F1 out-of-fold on train 0.786 -> 0.793; docs/quotes.md part 8)."""
    for g in gold:
        if not g.tokens:
            if not cand.tokens and scorer._overlap(g.cue, cand.cue):
                return 1
            continue
        shared = len(g.tokens & cand.tokens)
        if cand.tokens and shared >= scorer.THRESHOLD * len(g.tokens) and \
                shared >= scorer.THRESHOLD * len(cand.tokens) and (
                    not same_cue or scorer._overlap(g.cue, cand.cue)):
            return 1
    return 0


def collect(gold_path: str, limit: int | None, same_cue: bool = True) -> list[Article]:
    """Parse every article (language and actors stages) and list its candidates, labelled by
    :func:`label` (other verbs' candidates with ``same_cue``).

    The parse runs with BLAS on one thread, as the pipeline runs it (:func:`one_blas_thread`):
    the model's contextual rows (the first 96 dense features) differ in their last bits with
    the thread count, so rows parsed on two threads were neither the numbers the check reads
    at run time nor the same on a machine with another number of cores or
    ``OPENBLAS_NUM_THREADS`` (docs/quotes.md, part 45)."""
    from diurna.pipeline import one_blas_thread

    with one_blas_thread():
        return _collect(gold_path, limit, same_cue)


def _collect(gold_path: str, limit: int | None, same_cue: bool) -> list[Article]:
    """:func:`collect`'s work, on whatever BLAS threads the caller set."""
    from diurna.pipeline import Pipeline
    from diurna.statements.mentions import MentionFinder
    from diurna.statements.quotes import Statements, extract_quotes

    vectors = check_vectors()
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
        record: list[tuple[Quote, bool]] = []
        quotes = extract_quotes(doc, MentionFinder(doc, resolve), record=record)
        gold = scorer.from_gold(doc.text, line, line["source"])
        taken = {id(q) for q, _ in record}
        sparse, dense = candidate_rows(doc, record, vectors)
        cands = [scorer.from_quote(doc.text, q) for q, _ in record]
        out.append(Article(
            gold=gold, direct=[scorer.from_quote(doc.text, q) for q in quotes
                               if id(q) not in taken],
            cands=cands, sparse=sparse, dense=dense, rule=[r for _, r in record],
            labels=[label(gold, c, same_cue=same_cue and not r) for c, (_, r) in zip(cands, record,
                                                                         strict=True)]))
    return out


def vocabulary(sparse: Sequence[Sequence[str]]) -> dict[str, int]:
    """Feature names seen at least ``MIN_FEATURE_COUNT`` times, in a fixed order."""
    counts = Counter(f for fs in sparse for f in fs)
    kept = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    return {f: i for i, f in enumerate(kept)}


def _network(x: Any, labels: Sequence[int], seed: int, hidden: int,
             weights: np.ndarray | None = None) -> Any:
    """One seeded one-hidden-layer network fitted on the design matrix ``x`` (each row counted
    ``weights`` times when given)."""
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=1e-2, max_iter=60,
                        random_state=seed, early_stopping=True)
    clf.fit(x, labels, sample_weight=weights)
    return clf


def row_weights(articles: Sequence[Article], weights: Sequence[float] | None
                ) -> np.ndarray | None:
    """Each candidate row's weight, its article's (``weights``, one per article); None when
    every article counts once, so an unweighted run fits exactly as before the option."""
    if weights is None or all(w == 1.0 for w in weights):
        return None
    return np.array([w for a, w in zip(articles, weights, strict=True) for _ in a.labels],
                    np.float64)


def fit(articles: Sequence[Article], seed: int = SEED, hidden: int = HIDDEN,
        members: int = MEMBERS, weights: Sequence[float] | None = None) -> Check:
    """The check fitted on every candidate of ``articles`` (thresholds left at 0.5): ``members``
    networks of ``hidden`` units, seeded ``seed``, ``seed + 1000``, ..., whose output logits
    are averaged. The average is itself one network (the members' hidden units side by side,
    each output weight divided by ``members``), so the check's format and runtime code do not
    change with it. One network's judgement of the same candidate moves with its seed (detection
    F1 ranges 0.007 on train out-of-fold and 0.012 on train2 over seeds 17, 18, 19); five
    averaged range 0.005 and 0.002 and score higher (docs/quotes.md part 16). ``weights`` (one
    per article) counts an article's candidates more or less in the fit (:func:`row_weights`)."""
    from scipy.sparse import csr_matrix, hstack

    sparse = [f for a in articles for f in a.sparse]
    dense = np.concatenate([a.dense for a in articles])
    labels = [y for a in articles for y in a.labels]
    index = vocabulary(sparse)
    rows = [r for r, fs in enumerate(sparse) for f in fs if f in index]
    cols = [index[f] for fs in sparse for f in fs if f in index]
    mean = dense.mean(0)
    scale = dense.std(0) + 1e-6
    x = hstack([csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                           shape=(len(sparse), len(index))),
                csr_matrix((dense - mean) / scale)]).tocsr()
    rows_weight = row_weights(articles, weights)
    nets = [_network(x, labels, seed + 1000 * k, hidden, rows_weight) for k in range(members)]
    w1 = np.concatenate([c.coefs_[0] for c in nets], 1).astype(np.float32)
    n = len(index)
    return Check(feature_index=index, w_sparse=w1[:n], w_dense=w1[n:],
                 dense_mean=mean.astype(np.float32), dense_scale=scale.astype(np.float32),
                 b1=np.concatenate([c.intercepts_[0] for c in nets]).astype(np.float32),
                 w2=(np.concatenate([c.coefs_[1][:, 0] for c in nets]) / members
                     ).astype(np.float32),
                 b2=float(np.mean([c.intercepts_[1][0] for c in nets])),
                 drop_below=0.5, add_from=0.5, meta={})


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


def spans(article: Article) -> list[Spans]:
    """Each candidate's cue start and content bounds, as :func:`learned.kept` reads them at
    run time (:func:`learned.spans_of`)."""
    return [(c.cue.start if c.cue is not None else c.content[0].start,
             c.content[0].start, c.content[-1].end) if c.content else (-1, -1, -1)
            for c in article.cands]


def nested_f1(articles: Sequence[Article], probs: Sequence[np.ndarray], drop: float,
              add: float) -> float:
    """Detection F1 at these thresholds with the run time's rule for nested rules' candidates
    (:data:`learned.NESTED_BELOW`, part 18); the thresholds are chosen without it."""
    return detection_f1(articles, [kept(a.rule, ps, drop, add, spans(a))
                                   for a, ps in zip(articles, probs, strict=True)])


def grid(articles: Sequence[Article], probs: Sequence[np.ndarray]) -> dict[tuple[float, float],
                                                                          float]:
    """Detection F1 at every pair of thresholds (drop below, add from)."""
    out = {}
    for drop in DROP_GRID:
        for add in ADD_GRID:
            keep = [kept(a.rule, ps, drop, add) for a, ps in zip(articles, probs, strict=True)]
            out[(drop, add)] = detection_f1(articles, keep)
    return out


def out_of_fold(articles: Sequence[Article], seed: int = SEED, members: int = MEMBERS,
                weights: Sequence[float] | None = None) -> list[np.ndarray]:
    """Each article's candidate probabilities from a model fitted without its fold (articles
    weighted by ``weights``, one each, as :func:`fit` takes them)."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    probs: list[np.ndarray] = [np.zeros(0) for _ in articles]
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        fitted = [i for i in order if i not in held]
        check = fit([articles[i] for i in fitted], seed, members=members,
                    weights=None if weights is None else [weights[i] for i in fitted])
        for i in held:
            probs[i] = check.probabilities(articles[i].sparse, articles[i].dense)
    return probs


def conservative(figures: dict[tuple[float, float], float]) -> tuple[float, float]:
    """The thresholds to ship: among those within ``TIE`` of the best F1, the one that adds
    fewest other verbs' candidates, then drops fewest of the rules' (an unseen verb admitted
    wrongly is a visible error: "police questioned the driver" is no statement)."""
    best = max(figures.values())
    return max((k for k, f in figures.items() if f >= best - TIE), key=lambda k: (k[1], -k[0]))


def show(name: str, articles: Sequence[Article], figures: dict[tuple[float, float], float]
         ) -> None:
    rules = detection_f1(articles, [a.rule for a in articles])
    print(f"{name}: {len(articles)} articles, {sum(len(a.rule) for a in articles)} candidates "
          f"({sum(sum(a.rule) for a in articles)} from the rules), "
          f"{sum(sum(a.labels) for a in articles)} labelled attributions; "
          f"rules alone (baseline) detection F1 {rules:.3f}")
    print("  drop below \\ add from  " + "  ".join(f"{a:5.2f}" for a in ADD_GRID))
    for drop in DROP_GRID:
        print(f"  {drop:20.2f}  " + "  ".join(f"{figures[(drop, a)]:.3f}" for a in ADD_GRID))


def cache_for(cache: Path | None, gold: str) -> Path | None:
    """Where ``--cache FILE`` keeps the candidates of ``gold``: ``FILE.train`` and ``FILE.dev``
    for the two splits, ``FILE.<stem>`` for another gold file (``--also``); None without a
    cache. One naming, so the trainer and the bench scripts share their caches."""
    if cache is None:
        return None
    suffix = {TRAIN: "train", DEV: "dev"}.get(gold, Path(gold).stem)
    return cache.with_suffix("." + suffix)


def cached(path: str, limit: int | None, cache: Path | None) -> list[Article]:
    """:func:`collect`, read from (or written to) ``cache`` when one is given."""
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            loaded: Any = pickle.load(fh)  # our own file from an earlier run
            return list(loaded)
    articles = collect(path, limit)
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump(articles, fh)
    return articles


def reused_caches(cache: Path | None, files: Sequence[str]) -> list[Path]:
    """The ``--cache`` files of the gold ``files`` that exist before this run: their rows were
    made by an earlier run's code, not parsed now. ``--verify`` on them checks the script
    against those rows, not today's: in session 29 a ``--verify`` from a cache made before the
    last rule change said "identical", while a fresh parse gave other rows (docs/quotes.md,
    part 31)."""
    found = (cache_for(cache, f) for f in files)
    return [p for p in found if p is not None and p.exists()]


def fingerprint(articles: Sequence[Article]) -> str:
    """A SHA-256 of what training reads of ``articles``: each candidate's features, dense row,
    origin and label, and the words of the gold attributions and direct quotes. Kept in the
    weights' ``meta``, it tells why a re-run differs from the shipped weights: a changed
    fingerprint means the rules now propose other candidates (retrain and ship); an equal one
    with other weights means training is not deterministic (a bug)."""
    digest = hashlib.sha256()

    def words(atts: Sequence[scorer.Attribution]) -> str:
        return ";".join(",".join(map(str, sorted(a.tokens))) for a in atts)

    for a in articles:
        digest.update("|".join([words(a.gold), words(a.direct), words(a.cands),
                                repr(a.sparse), repr(a.rule), repr(a.labels)]).encode())
        digest.update(np.ascontiguousarray(a.dense, np.float32).tobytes())
    return digest.hexdigest()


def train_check(train: Sequence[Article], seed: int = SEED, files: Sequence[str] = (TRAIN,),
                members: int = MEMBERS, weights: Sequence[float] | None = None
                ) -> tuple[Check, dict[tuple[float, float], float], list[np.ndarray]]:
    """The check fitted on all of ``train`` (read from the gold ``files``) with the thresholds
    chosen out-of-fold, the out-of-fold grid they were chosen from and the out-of-fold
    probabilities; ``members`` networks averaged in each model (:func:`fit`). Seeded
    throughout, so equal articles give equal weights, byte for byte once saved. ``weights``
    (one per article) counts some articles more in every fit; the thresholds are still chosen
    on all articles' out-of-fold F1, each counted once."""
    probs = out_of_fold(train, seed, members, weights)
    figures = grid(train, probs)
    check = fit(train, seed, members=members, weights=weights)
    check.drop_below, check.add_from = conservative(figures)
    check.meta = {"seed": seed, "hidden": HIDDEN, "train": " + ".join(files),
                  "candidates": sum(len(a.rule) for a in train),
                  "oof_f1": round(figures[(check.drop_below, check.add_from)], 4),
                  ROWS_KEY: fingerprint(train)}
    if members > 1:  # a one-network check's meta stays as parts 10-15 wrote it
        check.meta["members"] = members
    if row_weights(train, weights) is not None:  # an unweighted check's meta stays as before
        check.meta["weights"] = sorted(Counter(weights or ()).items())
    return check, figures, probs


def gold_problem(path: str) -> str | None:
    """Why ``path`` is no quote gold file to train on (missing, not JSONL, a line without the
    ``source`` and ``attributions`` a quote gold line has), or None: found before minutes of
    parsing, not after."""
    if not Path(path).is_file():
        return "no such gold file"
    try:
        lines = list(read_jsonl(path))
    except (ValueError, UnicodeDecodeError) as err:
        return str(err).replace(f"{path}:", "line ", 1)
    for n, line in enumerate(lines, 1):
        if not isinstance(line, dict) or "source" not in line or "attributions" not in line:
            return f"article {n} has no 'source' and 'attributions': not a quote gold file"
    return None


def shared_article(files: Sequence[str]) -> str | None:
    """Why the gold ``files`` may not be trained on together: a file given twice, or the first
    article (its ``source``) found in two of them, naming both files; None when every article
    is in one file only. An article in two files would be fitted twice, and a run that leaves a
    file's articles out to score them (docs/quotes.md, part 43) would score it with a check
    that saw it."""
    where: dict[str, str] = {}
    for n, path in enumerate(files):
        if path in files[:n]:
            return f"{path} is given twice"
        for line in read_jsonl(path):
            first = where.setdefault(line["source"], path)
            if first != path:
                return f"article {line['source']} is in both {first} and {path}"
    return None


def weight_arg(text: str) -> float:
    """An argparse weight: a number above 0 (0 would drop the articles, which leaving the file
    out does plainly)."""
    try:
        w = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not w > 0 or w == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} is not a number above 0")
    return w


def verify(check: Check, shipped: Path) -> int:
    """Compare freshly trained weights with those in ``shipped``, file by file: 0 when every
    byte is equal, 1 (and why) when not."""
    with tempfile.TemporaryDirectory() as tmp:
        check.save(Path(tmp))
        differ = [f for f in CHECK_FILES
                  if not (shipped / f).exists()
                  or (Path(tmp) / f).read_bytes() != (shipped / f).read_bytes()]
    if not differ:
        print(f"{shipped}: identical to what the script makes")
        return 0
    old = load_check(str(shipped))
    why = cause(check.meta[ROWS_KEY], old.meta.get(ROWS_KEY) if old else None)
    print(f"{shipped}: {', '.join(differ)} differ from what the script makes; {why}")
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--limit", type=limit_arg, default=None, help="first N articles of each split")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where the weights go")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the parsed candidates in FILE.train / FILE.dev between runs")
    ap.add_argument("--verify", action="store_true",
                    help="write nothing; exit 1 unless the weights in --out are byte for byte "
                         "what this script makes now")
    ap.add_argument("--also", action="append", default=[], metavar="GOLD",
                    help="another training gold file whose articles join the training split")
    ap.add_argument("--also-weight", type=weight_arg, default=1.0, metavar="W",
                    help="count each candidate of the --also files W times in the fit "
                         "(default 1: as many as the first file's)")
    ap.add_argument("--seed", type=int, default=SEED,
                    help=f"folds' and network's seed (shipped weights: {SEED})")
    ap.add_argument("--members", type=int, default=MEMBERS,
                    help=f"networks averaged in the check (shipped: {MEMBERS})")
    args = ap.parse_args(argv)
    for path in args.also:  # before minutes of parsing, not after
        problem = gold_problem(path)
        if problem is not None:
            print(f"error: --also {path}: {problem} (give a quote gold JSONL such as "
                  "gold/quotes-wikinews-train2.jsonl)", file=sys.stderr)
            return 2
    # the training file itself is read only when present: a missing one fails at parsing
    clash = shared_article([f for f in (TRAIN,) if Path(f).is_file()] + list(args.also))
    if clash is not None:
        print(f"error: --also: {clash} (each article may be trained on once)", file=sys.stderr)
        return 2
    cache = args.cache
    reused = reused_caches(cache, [TRAIN, *args.also])
    train = cached(TRAIN, args.limit, cache_for(cache, TRAIN))
    first = len(train)
    for path in args.also:
        train += cached(path, args.limit, cache_for(cache, path))
    weights = [1.0] * first + [args.also_weight] * (len(train) - first)
    check, figures, probs = train_check(train, args.seed, (TRAIN, *args.also), args.members,
                                        weights)
    drop, add = check.drop_below, check.add_from
    show("train, out-of-fold", train, figures)
    print(f"chosen on train out-of-fold: drop below {drop}, add from {add} "
          f"(detection F1 {figures[(drop, add)]:.3f})")
    if args.also:
        old = grid(train[:first], probs[:first])
        print(f"{TRAIN} alone, out-of-fold at the chosen thresholds: detection F1 "
              f"{old[(drop, add)]:.3f} (rules alone "
              f"{detection_f1(train[:first], [a.rule for a in train[:first]]):.3f})")
    print(f"  with nested rules' candidates needing {NESTED_BELOW} (run time): detection F1 "
          f"{nested_f1(train, probs, drop, add):.3f}")
    if args.verify:
        if reused:  # before the verdict, which stays the last line
            print(f"note: rows read from {', '.join(map(str, reused))}, made by an earlier run, "
                  "not parsed now; before shipping, run --verify without --cache")
        return verify(check, args.out)
    if DEV in args.also:  # its figure would be read on training articles: none is printed
        print(f"{DEV} is in the training split (--also): no held-out dev figure")
    else:
        dev = cached(DEV, args.limit, cache_for(cache, DEV))
        dev_figures = grid(dev, [check.probabilities(a.sparse, a.dense) for a in dev])
        show("dev, fitted on train", dev, dev_figures)
        nested = nested_f1(dev, [check.probabilities(a.sparse, a.dense) for a in dev], drop, add)
        print(f"dev at the chosen thresholds: detection F1 {dev_figures[(drop, add)]:.3f} "
              f"(rules alone {detection_f1(dev, [a.rule for a in dev]):.3f}); with nested "
              f"rules' candidates needing {NESTED_BELOW} (run time) {nested:.3f}")
    check.save(args.out)
    print(f"saved to {args.out}")
    return 0


if __name__ == "__main__":
    # run the imported module's main, so that --cache pickles diurna.statements.train.Article
    # (not __main__.Article, which bench/quote_error_split.py could not read back)
    from diurna.statements.train import main as imported_main

    sys.exit(imported_main())
