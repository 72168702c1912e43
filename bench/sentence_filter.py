"""Study: a learned sentence filter for false events (issue #12, brief E12, round 46).

    python bench/sentence_filter.py code [GOLD ...]     # run the default pipeline once, cache
    python bench/sentence_filter.py study [--only-unseen]

Question: can a logistic regression over each gold unit ("does this sentence hold at least one
gold event?"), fitted on the non-blind gold units, raise event type F1 out of fold when the
coder's events in units it scores below a threshold are dropped?

``code``: every source of the gold files runs through the default pipeline's stages up to the
events stage (time and places do not change an event's type or trigger: the base figures equal
round 45's whole-pipeline ones on train + train2, Wikinews dev and events.jsonl) and its coded
events, their sieve features (:func:`diurna.events.sieve.event_features`: the models'
probabilities, grammar, clause, quotes) and per unit its common-word lemmas and position are kept
in ``.cache/sentence-filter/<stem>.pkl`` (git-ignored). Nothing in the cache is read from the gold
except the units' offsets and their events, which only the labels and the scorer use.

``study``: 5-fold over articles (seeded); inside each outer training fold a 4-fold inner split
gives out-of-fold scores on which C and the drop threshold are chosen (pooled type F1 of the
training fold's units after the drop); the filter fitted on the whole training fold with that C
drops, in the held-out articles, every coded event of a unit scored below the threshold. Type F1
is counted by the scorer's own matching (:func:`diurna.evaluate.events.match_unit`,
:func:`~diurna.evaluate.events.tally_types`), per set and pooled, base and filtered, from the
same cached runs; status accuracy on matched events beside.

Result (session 37, measured: no; report issue-E12): fitted on all the files the pool moves
0.4986 -> 0.4982 (paired interval [-0.010, +0.008]) and events.jsonl falls by 0.022; fitted only
on the sets the models never saw (``--only-unseen``) the pool gains +0.005, under the +0.010 bar,
with dev5 -0.021 and events.jsonl -0.031. The held-out score separates units with gold events
from those without (AUC 0.707 on the pool) hardly better than the coder's own least P(NONE) in
the unit (0.694).
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate.counts import micro_f1
from diurna.model import Event, Span

CACHE = Path(".cache/sentence-filter")
WIKI = "gold/events-wikinews-{}.jsonl"
FILES = ([WIKI.format(s) for s in ("train", "train2", "train3", "train4", "dev")]
         + [WIKI.format(f"dev{i}") for i in range(3, 11)]
         + ["gold/events.jsonl", "gold/events-dev2.jsonl", "gold/events-probes.jsonl"])
POOL = tuple(f"events-wikinews-dev{i}" for i in range(3, 11)) + (
    "events-wikinews-train3", "events-wikinews-train4")
# sets the MLP was fitted on or had its threshold chosen on (docs/events-learned.md, round 45)
MODEL_SEEN = ("events-wikinews-train", "events-wikinews-dev", "events", "events-dev2",
              "events-probes")
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT",
                   "WORK_OF_ART", "LAW", "LANGUAGE"})
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
CUTS = tuple(round(0.05 * i, 2) for i in range(0, 11))  # 0: no drop
MIN_UNITS = 10  # a lemma enters the bag when it occurs in this many training units
SEED = 0
Rec = dict[str, Any]


def refuse_blind(path: str) -> None:
    """Stop on a frozen test file or a blind development set (the project's rules)."""
    from diurna.evaluate.gold import blind, frozen

    if frozen(path) or blind(path) or "/work/annot" in str(Path(path).resolve()):
        raise SystemExit(f"{path}: a test or blind file; never read by this study")


def unit_words(doc: Any, start: int, end: int) -> tuple[list[str], int]:
    """The unit's lower-cased lemmas of alphabetic, not proper, not named-entity tokens, and its
    token count."""
    toks = [t for t in doc.nlp if start <= t.idx < end]
    words = [t.lemma_.lower() for t in toks
             if t.is_alpha and t.pos_ != "PROPN" and t.ent_type_ not in NAMED]
    return words, len(toks)


def code_file(path: str) -> list[Rec]:
    """Every source of ``path`` run once (cached): units, coded events, features."""
    from diurna.evaluate.gold import gold_document, read_jsonl
    from diurna.events.learned import LearnedEventCoder
    from diurna.events.sieve import event_features
    from diurna.pipeline import Pipeline

    refuse_blind(path)
    out = CACHE / (Path(path).stem + ".pkl")
    if out.exists():
        recs: list[Rec] = pickle.loads(out.read_bytes())
        return recs
    pipe = Pipeline.default()
    names = pipe.names
    before = pipe.components[:names.index("events")]
    lc = pipe.get("events")
    if not isinstance(lc, LearnedEventCoder):
        raise SystemExit("the default events stage is no longer the learned coder")
    by_source: dict[str, list[Rec]] = defaultdict(list)
    for line in read_jsonl(path):
        by_source[line["source"]].append(line)
    recs = []
    for source, units in by_source.items():
        doc = gold_document(source, units[0].get("published"))
        for stage in before:
            doc = stage(doc)
        coded = lc.code_document(doc)
        if coded is None:
            raise SystemExit(f"{path}: {source} has no text to code")
        events = doc.events
        rows = event_features(doc, events, coded[0], coded[1], lc.ontology)
        spans = [(int(u["start"]), int(u["end"])) for u in units]
        unit_of = [next((k for k, (s, e) in enumerate(spans) if s <= ev.trigger.start < e), -1)
                   for ev in events]
        uinfo = []
        for s, e in spans:
            words, ntok = unit_words(doc, s, e)
            quoted = sum(min(e, q.end) - max(s, q.start) for q in doc.quotes
                         if q.start < e and s < q.end)
            uinfo.append({"words": words, "ntok": ntok, "quoted": quoted / max(1, e - s)})
        recs.append({
            "set": Path(path).stem, "source": source,
            "units": [{"start": s, "end": e, "events": u.get("events") or []}
                      for (s, e), u in zip(spans, units, strict=True)],
            "uinfo": uinfo,
            "events": [(ev.type, ev.trigger.start, ev.trigger.end, ev.status) for ev in events],
            "unit_of": unit_of, "rows": rows})
        print(f"  {Path(path).stem}: {len(recs)}/{len(by_source)} {len(events)} events",
              file=sys.stderr, flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pickle.dumps(recs))
    return recs


# --- unit features ------------------------------------------------------------------------------

def unit_features(rec: Rec, u: int) -> dict[str, float]:
    """What the run gives a unit without its gold: the coder's events in it (their count, types,
    statuses and the sieve's per-event signals, each as its maximum and minimum over the unit's
    events), the unit's place in the article, its length and quoted share, and its lemmas."""
    idx = [i for i, w in enumerate(rec["unit_of"]) if w == u]
    f: dict[str, float] = {"n_events": float(len(idx)), "log_n_events": math.log1p(len(idx))}
    for i in idx:
        etype, _, _, status = rec["events"][i]
        f["type=" + etype] = 1.0
        f["status=" + str(status)] = 1.0
    per: dict[str, list[float]] = defaultdict(list)
    for i in idx:
        for k, v in rec["rows"][i].items():
            if not k.startswith(("bias_type=", "status=", "sent_index", "first_sentence")):
                per[k].append(v)
    for k, vs in per.items():
        f["max:" + k] = max(vs)
        if len(set(vs)) > 1 or len(idx) == 1:
            f["min:" + k] = min(vs)
        else:
            f["min:" + k] = vs[0]
    n = len(rec["units"])
    f["unit_index"] = math.log1p(u)
    f["first_unit"] = float(u == 0)
    f["rel_pos"] = u / max(1, n - 1)
    info = rec["uinfo"][u]
    f["log_ntok"] = math.log1p(info["ntok"])
    f["quoted"] = info["quoted"]
    for w in set(info["words"]):
        f["w=" + w] = 1.0
    return f


def labelled(recs: Sequence[Rec]) -> list[tuple[int, int, dict[str, float], bool]]:
    """(record, unit, features, holds a gold event) of every unit with a coded event: the only
    units a drop can change."""
    out = []
    for r, rec in enumerate(recs):
        for u, unit in enumerate(rec["units"]):
            if u in rec["unit_of"]:
                out.append((r, u, unit_features(rec, u), bool(unit["events"])))
    return out


class Model:
    """A standardised L2 logistic regression over a fixed list of feature names."""

    def __init__(self, rows: Sequence[dict[str, float]], ys: Sequence[bool], c_reg: float,
                 vocab: set[str]) -> None:
        from sklearn.linear_model import LogisticRegression

        self.names = sorted({k for r in rows for k in r if not k.startswith("w=") or k in vocab})
        self.col = {n: j for j, n in enumerate(self.names)}
        x = self._raw(rows)
        self.mean = x.mean(axis=0)
        self.scale = x.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        clf = LogisticRegression(C=c_reg, max_iter=3000, random_state=SEED)
        clf.fit((x - self.mean) / self.scale, np.array(ys, int))
        self.coef = clf.coef_[0].copy()
        self.bias = float(clf.intercept_[0])

    def _raw(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        x = np.zeros((len(rows), len(self.names)))
        for i, r in enumerate(rows):
            for k, v in r.items():
                j = self.col.get(k)
                if j is not None:
                    x[i, j] = v
        return x

    def scores(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        z = ((self._raw(rows) - self.mean) / self.scale) @ self.coef + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


def vocabulary(rows: Sequence[dict[str, float]]) -> set[str]:
    """Lemma features seen in at least :data:`MIN_UNITS` of ``rows``."""
    c = Counter(k for r in rows for k in r if k.startswith("w="))
    return {k for k, n in c.items() if n >= MIN_UNITS}


def fit_score(train: Sequence[int], test: Sequence[int], rows: Sequence[dict[str, float]],
              ys: Sequence[bool], c_reg: float) -> np.ndarray:
    """Scores of the ``test`` rows by a model fitted on the ``train`` rows."""
    tr_rows = [rows[i] for i in train]
    model = Model(tr_rows, [ys[i] for i in train], c_reg, vocabulary(tr_rows))
    return model.scores([rows[i] for i in test])


def folds(items: Sequence[str], k: int, seed: int) -> dict[str, int]:
    """Each item's fold: the sorted items shuffled by ``seed``, dealt round-robin."""
    order = sorted(set(items))
    random.Random(seed).shuffle(order)
    return {s: n % k for n, s in enumerate(order)}


# --- scoring ------------------------------------------------------------------------------------

def tally(recs: Sequence[Rec], dropped: set[tuple[int, int]], only: Sequence[int] | None = None
          ) -> tuple[int, int, int, int, int]:
    """Type tp / fp / fn and status right / matched over ``recs`` (indices ``only``) without the
    events of the (record, unit) pairs in ``dropped``, matched by the scorer's own matching."""
    from diurna.evaluate.events import match_unit, tally_types

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    st_ok = st_n = 0
    for r in (only if only is not None else range(len(recs))):
        rec = recs[r]
        preds = [Event(id="", type=t, trigger=Span(s, e, ""), sentence=Span(s, e, ""),
                       status=st) for t, s, e, st in rec["events"]]
        for u, unit in enumerate(rec["units"]):
            gold = list(unit["events"])
            mine = [] if (r, u) in dropped else [
                p for i, p in enumerate(preds) if rec["unit_of"][i] == u]
            pairs = match_unit(gold, mine)
            tally_types(gold, [p.type for p in mine], pairs, tp, fp, fn)
            for g, p in pairs:
                if "status" in g:
                    st_n += 1
                    st_ok += g["status"] == p.status
    return sum(tp.values()), sum(fp.values()), sum(fn.values()), st_ok, st_n


def unit_counts(recs: Sequence[Rec], units: Sequence[tuple[int, int]]
                ) -> tuple[np.ndarray, np.ndarray]:
    """Per unit of ``units``, type tp / fp / fn with its events kept and with them dropped
    (all gold missed), so that any drop set is scored by a sum."""
    from diurna.evaluate.events import match_unit

    kept = np.zeros((len(units), 3))
    gone = np.zeros((len(units), 3))
    for n, (r, u) in enumerate(units):
        rec = recs[r]
        gold = list(rec["units"][u]["events"])
        mine = [Event(id="", type=t, trigger=Span(s, e, ""), sentence=Span(s, e, ""))
                for i, (t, s, e, _) in enumerate(rec["events"]) if rec["unit_of"][i] == u]
        m = len(match_unit(gold, mine))
        kept[n] = (m, len(mine) - m, len(gold) - m)
        gone[n] = (0, 0, len(gold))
    return kept, gone


def choose(recs: Sequence[Rec], units: Sequence[tuple[int, int]], scores: dict[float, np.ndarray]
           ) -> tuple[float, float, float]:
    """(C, cut, F1) with the best pooled type F1 of the records of ``units`` when the units
    scored below the cut lose their events (ties: the smaller C, then the lower cut). Units
    without a coded event are the same either way and are added as they are."""
    only = sorted({r for r, _ in units})
    tp, fp, fn, _, _ = tally(recs, set(), only)
    kept, gone = unit_counts(recs, units)
    base = np.array([tp, fp, fn], float)
    best = (0.0, 0.0, -1.0)
    for c_reg in C_GRID:
        for cut in CUTS:
            low = scores[c_reg] < cut
            t = base - kept[low].sum(axis=0) + gone[low].sum(axis=0)
            f = micro_f1(int(t[0]), int(t[1]), int(t[2]))
            if f > best[2] + 1e-12:
                best = (c_reg, cut, f)
    return best


def study(only_unseen: bool) -> int:
    recs = [r for path in FILES for r in code_file(path)]
    data = labelled(recs)
    rows = [d[2] for d in data]
    ys = [d[3] for d in data]
    ru = [(d[0], d[1]) for d in data]
    fold_of = folds([rec["source"] for rec in recs], 5, SEED)
    trainable = [i for i, (r, _) in enumerate(ru)
                 if not only_unseen or recs[r]["set"] not in MODEL_SEEN]
    print(f"units with a coded event: {len(data)} ({sum(ys)} hold gold events); "
          f"training rows available: {len(trainable)}", flush=True)
    held_score = np.zeros(len(data))
    raw_score = np.zeros(len(data))
    for k in range(5):
        train = [i for i in trainable if fold_of[recs[ru[i][0]]["source"]] != k]
        test = [i for i in range(len(data)) if fold_of[recs[ru[i][0]]["source"]] == k]
        inner_of = folds([recs[ru[i][0]]["source"] for i in train], 4, SEED + 1 + k)
        inner: dict[float, np.ndarray] = {}
        for c_reg in C_GRID:
            s = np.zeros(len(train))
            for j in range(4):
                pos_tr = [n for n, i in enumerate(train) if inner_of[recs[ru[i][0]]["source"]] != j]
                pos_te = [n for n, i in enumerate(train) if inner_of[recs[ru[i][0]]["source"]] == j]
                s[pos_te] = fit_score([train[n] for n in pos_tr], [train[n] for n in pos_te],
                                      rows, ys, c_reg)
            inner[c_reg] = s
        c_reg, cut, f_in = choose(recs, [ru[i] for i in train], inner)
        held_score[test] = fit_score(train, test, rows, ys, c_reg)
        raw_score[test] = held_score[test]
        held_cut = cut
        for i in test:
            held_score[i] -= held_cut  # stored relative to the fold's own cut
        print(f"fold {k}: C {c_reg} cut {cut} inner F1 {f_in:.4f}; "
              f"{len(train)} train rows, {len(test)} held out", flush=True)
    dropped = {ru[i] for i in range(len(data)) if held_score[i] < 0}
    in_pool = [i for i in range(len(data)) if recs[ru[i][0]]["set"] in POOL]
    y_pool = np.array([ys[i] for i in in_pool], bool)
    alone = {name: auc(np.array([sign * rows[i].get(name, 0.0) for i in in_pool]), y_pool)
             for name, sign in (("max:p_type", 1), ("min:p_none", -1), ("n_events", 1))}
    print(f"pool units: AUC of the held-out score {auc(raw_score[in_pool], y_pool):.3f}; "
          "of one coder signal alone: "
          + ", ".join(f"{name} {value:.3f}" for name, value in alone.items()))
    report(recs, dropped)
    return 0


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve by ranks (ties share their mean rank)."""
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    sorted_s = score[order]
    i = 0
    while i < len(score):
        j = i
        while j + 1 < len(score) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = int(y.sum())
    neg = len(y) - pos
    return float((ranks[y].sum() - pos * (pos + 1) / 2) / (pos * neg)) if pos and neg else 0.5


def report(recs: Sequence[Rec], dropped: set[tuple[int, int]]) -> None:
    """Base vs filtered type F1 and status per set, the pool and the guard groups."""
    sets = list(dict.fromkeys(rec["set"] for rec in recs))
    groups = {s: [s] for s in sets}
    groups["POOL"] = list(POOL)
    groups["train+train2"] = ["events-wikinews-train", "events-wikinews-train2"]
    print(f"{'set':26} {'base tp/fp/fn':>16} {'F1':>7} {'filtered':>16} {'F1':>7} "
          f"{'delta':>8} {'status base':>12} {'status filt':>12}")
    for name, members in groups.items():
        only = [r for r, rec in enumerate(recs) if rec["set"] in members]
        b = tally(recs, set(), only)
        f = tally(recs, dropped, only)
        fb, ff = micro_f1(*b[:3]), micro_f1(*f[:3])
        print(f"{name:26} {'/'.join(map(str, b[:3])):>16} {fb:7.4f} "
              f"{'/'.join(map(str, f[:3])):>16} {ff:7.4f} {ff - fb:+8.4f} "
              f"{b[3] / max(1, b[4]):12.4f} {f[3] / max(1, f[4]):12.4f}", flush=True)
    pool = [r for r, rec in enumerate(recs) if rec["set"] in POOL]
    lo, hi = paired_interval([tally(recs, set(), [r])[:3] for r in pool],
                             [tally(recs, dropped, [r])[:3] for r in pool])
    print(f"pool delta, 95 % paired bootstrap over articles: [{lo:+.4f}, {hi:+.4f}]")


def paired_interval(base: Sequence[tuple[int, ...]], filt: Sequence[tuple[int, ...]],
                    rounds: int = 1000) -> tuple[float, float]:
    """A 95 % interval of the pooled F1 difference, whole articles resampled (seeded)."""
    rng = random.Random(SEED)
    b, f = np.array(base, float), np.array(filt, float)
    out = []
    for _ in range(rounds):
        pick = [rng.randrange(len(b)) for _ in range(len(b))]
        tb, tf = b[pick].sum(axis=0), f[pick].sum(axis=0)
        out.append(micro_f1(int(tf[0]), int(tf[1]), int(tf[2]))
                   - micro_f1(int(tb[0]), int(tb[1]), int(tb[2])))
    out.sort()
    return out[int(0.025 * rounds)], out[int(0.975 * rounds) - 1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("code", help="run the pipeline over the gold files, cache")
    c.add_argument("gold", nargs="*", default=FILES)
    s = sub.add_parser("study", help="nested 5-fold study, out of fold")
    s.add_argument("--only-unseen", action="store_true",
                   help="fit only on units of sets the coder's models never saw")
    args = ap.parse_args(argv)
    if args.cmd == "code":
        for path in args.gold:
            code_file(path)
        return 0
    return study(args.only_unseen)


if __name__ == "__main__":
    raise SystemExit(main())
