"""Study: is a coded event the news or background? (issue #12, brief E15, round 49)

    python bench/background_study.py code [GOLD ...]   # run the default pipeline once, cache
    python bench/background_study.py table             # signals: true vs false coded events
    python bench/background_study.py step              # the written rule(s), scored
    python bench/background_study.py sieve [--write F] # round 50: the sieve alone, its rule

Question: among the learned coder's events on the read pool, do signals that an event is
background rather than the article's news (its resolved date far before publication, past
perfect, "since", "in YEAR" / "last year", a subordinate "after / before / since / when" clause,
a nominal trigger inside a prepositional phrase or a relative clause, an ordinal-history
modifier such as "the 2003 invasion", the unit's place in the article) separate the false events
from the true ones well enough to drop or demote them?

``code``: every source of the read gold files runs through the default pipeline's stages up to
and including ``time`` (``places`` only fills a place, which no figure here reads). Per source
the coded events (pickled as they are: type, trigger, status, actors, recipients, resolved date)
with their sieve inputs (:func:`diurna.events.sieve.event_features`)
and per unit its tokens with their parse (text, lemma, tag, dependency, head) are kept in
``.cache/background/<stem>.pkl`` (git-ignored). Nothing in the cache comes from the gold except
the units' offsets and their events, which only the labels and the scorer use.

``table``: each coded event is labelled true (matched to a gold event by the scorer's own
:func:`diurna.evaluate.events.match_unit`) or false, and each signal's count of flagged events,
their false share ("precision of false") and the pool's false share are printed per group: the
decision pool (sets the coder's models never saw: dev3-dev12, train3, train4) and the seen sets,
with the group's type F1 if the flagged events were dropped.

``step``: the rule written after the table and before any step figure (session note
``/work/notes/s39/rule-E15.md``): an event-level L2 logistic regression over the sieve's
inputs (A) and over them plus the background signals (B), 5 folds over the pool's articles, C
and the drop cut chosen by an inner 4-fold; the seen sets by the model fitted on the whole pool.

Result (session 39, round 49, measured: no): no signal reaches the false share a drop needs
(about 0.755 on this pool, whose false share is 0.555); events dated far before publication are
right more often than the rest (false share 0.473 past 30 days), as the guideline codes
background told with its own content. Out of fold B lifts the pool 0.4927 -> 0.5091 (paired
95 % [+0.007, +0.025]) but dev4 falls 0.519 -> 0.460 (bar: no read set down by more than 0.01);
the background inputs add +0.0038 to A's 0.5053 (paired 95 % [-0.002, +0.009]).

``sieve`` (session 39, brief E16, round 50): A alone against the base with round 50's rule
checked (docs/events-learned.md): out of fold on the pool, the seen sets and the two guard sets
in the models' training (``gold/events.jsonl``, ``gold/events-probes.jsonl``, coded into the
same cache) by the sieve fitted on the whole pool; ``--write`` saves that sieve as a
``filter.json`` (the shipped coder reads one from its weight folder). Result, measured no: pool
0.4927 -> 0.5053 (paired 95 % [+0.004, +0.021]), no set of >= 100 gold events down more than
0.0065, status and parties held, but ``gold/events.jsonl`` 0.8498 -> 0.8153 (bar: -0.02).
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CACHE = Path(".cache/background")
WIKI = "gold/events-wikinews-{}.jsonl"
POOL = tuple(f"dev{i}" for i in range(3, 13)) + ("train3", "train4")
SEEN = ("train", "train2", "dev")  # train and dev fitted the models; train2 read in many rounds
FILES = [WIKI.format(s) for s in POOL + SEEN]
# round 50's guard sets (in the models' training): scored only by the sieve fitted on the pool
GUARD = ("events", "events-probes")
GUARD_FILES = [f"gold/{s}.jsonl" for s in GUARD]
Rec = dict[str, Any]
Tok = tuple[int, str, str, str, str, int, str]  # char offset, text, lemma, tag, dep, head, ent


def refuse_unread(path: str) -> None:
    """Stop on anything but the read pool (frozen tests and blind sets are never opened here)."""
    allowed = {Path(f).name for f in FILES + GUARD_FILES}
    if Path(path).name not in allowed:
        raise SystemExit(f"{path}: not in the read pool of this study")


def unit_tokens(nlp: Any, start: int, end: int) -> list[Tok]:
    """The parse of the tokens starting in [start, end): heads as document token indices."""
    return [(t.idx, t.text, t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_)
            for t in nlp if start <= t.idx < end]


def code_file(path: str) -> list[Rec]:
    """Every source of ``path`` run once through the default stages up to ``time`` (cached)."""
    from diurna.evaluate.gold import gold_document, read_jsonl
    from diurna.events.learned import LearnedEventCoder
    from diurna.events.sieve import event_features
    from diurna.pipeline import Pipeline

    refuse_unread(path)
    out = CACHE / (Path(path).stem + ".pkl")
    if out.exists():
        recs: list[Rec] = pickle.loads(out.read_bytes())
        return recs
    pipe = Pipeline.default()
    names = pipe.names
    before = pipe.components[:names.index("events")]
    after = pipe.components[names.index("events") + 1:names.index("time") + 1]
    lc = pipe.get("events")
    if not isinstance(lc, LearnedEventCoder):
        raise SystemExit("the default events stage is no longer the learned coder")
    lc.sieve = False  # the coder's own events: what the sieve is fitted and scored on
    by_source: dict[str, list[Rec]] = defaultdict(list)
    for line in read_jsonl(path):
        by_source[line["source"]].append(line)
    recs = []
    for source, units in by_source.items():
        doc = gold_document(source, units[0].get("published"))
        for stage in before:
            doc = stage(doc)
        coded = lc.code_document(doc)  # what the stage does, keeping what the sieve reads
        rows = ([] if coded is None
                else event_features(doc, doc.events, coded[0], coded[1], lc.ontology))
        for stage in after:
            doc = stage(doc)
        spans = [(int(u["start"]), int(u["end"])) for u in units]
        first = {s: next((t.i for t in doc.nlp if t.idx >= s), len(doc.nlp)) for s, _ in spans}
        recs.append({
            "set": Path(path).stem.removeprefix("events-wikinews-"), "source": source,
            "published": units[0].get("published") or doc.published,
            "text": doc.text,
            "units": [{"start": s, "end": e, "events": u.get("events") or [],
                       "tokens": unit_tokens(doc.nlp, s, e), "first": first[s]}
                      for (s, e), u in zip(spans, units, strict=True)],
            "events": list(doc.events), "rows": rows})
        print(f"  {path}: {len(recs)}/{len(by_source)}", file=sys.stderr, flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pickle.dumps(recs))
    return recs


# --- signals ------------------------------------------------------------------------------------

SUBORDINATORS = frozenset({"after", "before", "since", "when", "following", "until"})
HISTORY_WORDS = frozenset({"former", "previous", "earlier", "past", "first", "original",
                           "prior", "last"})
YEAR = re.compile(r"^(1[89]|20)\d\d$")
IN_YEAR = re.compile(r"\b(?:in|since|during|until|by) (?:(?:early|late|mid-?)\s*)?"
                     r"(?:(?:January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) )?(?:1[89]|20)\d\d\b"
                     r"|\blast (?:year|decade|month)\b|\byears? ago\b|\bdecades? ago\b",
                     re.IGNORECASE)


class View:
    """One coded event seen in its unit's cached parse (token indices are the document's)."""

    def __init__(self, rec: Rec, u: int, event: Any) -> None:
        unit = rec["units"][u]
        self.rec, self.u, self.event = rec, u, event
        self.toks: dict[int, Tok] = {unit["first"] + k: t for k, t in enumerate(unit["tokens"])}
        trig = [i for i, t in self.toks.items()
                if event.trigger.start <= t[0] < event.trigger.end]
        # the trigger's head: its token whose head lies outside the trigger
        self.head = next((i for i in trig if self.toks[i][5] not in trig), trig[0] if trig
                         else min(self.toks, default=-1))
        self.text = rec["text"][unit["start"]:unit["end"]]

    def tok(self, i: int) -> Tok | None:
        return self.toks.get(i)

    def chain(self) -> list[int]:
        """The trigger's head and its ancestors up to the unit's root."""
        out, i = [], self.head
        while i in self.toks and i not in out:
            out.append(i)
            i = self.toks[i][5]
        return out

    def children(self, i: int) -> list[int]:
        return [j for j, t in self.toks.items() if t[5] == i and j != i]

    def clause_verb(self) -> int | None:
        """The first verb on the trigger's chain (the trigger itself when it is one)."""
        return next((i for i in self.chain() if self.toks[i][3].startswith(("VB", "MD"))), None)

    def nominal(self) -> bool:
        t = self.tok(self.head)
        return t is not None and t[3].startswith("NN")


def days_before(rec: Rec, event: Any) -> int | None:
    """Days from the last day of the event's resolved date to publication (None: no date)."""
    d = event.date
    pub = rec.get("published")
    if d is None or not d.value or not pub:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", d.value)
    if not m:
        return None
    y, mo, da = int(m[1]), m[2], m[3]
    try:
        if da:
            last = dt.date(y, int(mo), int(da))
        elif mo:
            nxt = dt.date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
        else:
            last = dt.date(y, 12, 31)
        return (dt.date.fromisoformat(pub[:10]) - last).days
    except ValueError:
        return None


def past_perfect(v: View) -> bool:
    """The trigger's clause verb carries "had" (past perfect: "had been", "had attacked")."""
    verb = v.clause_verb()
    if verb is None:
        return False
    return any(v.toks[j][1].lower() == "had" and v.toks[j][4].startswith("aux")
               for j in v.children(verb))


def since_word(v: View) -> bool:
    """The unit holds "since" (a state or count running from an earlier event)."""
    return any(t[1].lower() == "since" for t in v.toks.values())


def in_year(v: View) -> bool:
    """The unit names a past calendar year or "last year" / "years ago"."""
    return bool(IN_YEAR.search(v.text))


def subordinate(v: View) -> bool:
    """The trigger lies in a clause or phrase headed by after / before / since / when (its
    chain passes a token with such a marker, or a preposition of that set)."""
    for i in v.chain():
        t = v.toks[i]
        if t[2].lower() in SUBORDINATORS and t[4] in ("prep", "mark", "advmod"):
            return True
        if t[4] in ("advcl", "pcomp", "pobj") and any(
                v.toks[j][1].lower() in SUBORDINATORS and v.toks[j][4] in ("mark", "advmod")
                for j in v.children(i)):
            return True
    return False


def noun_in_pp(v: View) -> bool:
    """The trigger is a noun governed by a preposition ("after the attack", "in the raid")."""
    t = v.tok(v.head)
    return v.nominal() and t is not None and t[4] == "pobj"


def in_relative(v: View) -> bool:
    """The trigger lies in a relative clause ("the man who attacked ...")."""
    return any(v.toks[i][4] == "relcl" for i in v.chain())


def history_modifier(v: View) -> bool:
    """A nominal trigger modified by a year ("the 2003 invasion") or a history word
    ("the former", "previous", "earlier", "first")."""
    if not v.nominal():
        return False
    for j in v.children(v.head):
        t = v.toks[j]
        if YEAR.match(t[1]) or (t[2].lower() in HISTORY_WORDS and t[4] in ("amod", "nummod")):
            return True
    return False


Signal = Callable[[View], bool]


def signals(rec: Rec) -> dict[str, Signal]:
    """Every signal of the table, by name."""
    def far(n: int) -> Signal:
        def f(v: View) -> bool:
            d = days_before(rec, v.event)
            return d is not None and d > n
        return f
    return {
        "date > 30 days before publication": far(30),
        "date > 365 days before publication": far(365),
        "no resolved date": lambda v: v.event.date is None,
        "past perfect (had + participle)": past_perfect,
        '"since" in the unit': since_word,
        '"in YEAR" / "last year" / "ago" in the unit': in_year,
        "in an after/before/since/when clause or PP": subordinate,
        "nominal trigger": lambda v: v.nominal(),
        "nominal trigger inside a PP": noun_in_pp,
        "trigger inside a relative clause": in_relative,
        'history modifier ("the 2003 invasion")': history_modifier,
        "first unit of the article": lambda v: v.u == 0,
        "unit 2-3": lambda v: 1 <= v.u <= 2,
        "unit 4-6": lambda v: 3 <= v.u <= 5,
        "unit 7+": lambda v: v.u >= 6,
        "last unit of the article": lambda v: v.u == len(rec["units"]) - 1,
    }


# --- labels and scoring -------------------------------------------------------------------------

def labelled(recs: Sequence[Rec]) -> list[tuple[Rec, View, bool, bool, Key]]:
    """(record, view, matched to gold, unit holds gold, key) of every coded event inside a gold
    unit."""
    from diurna.evaluate.events import match_unit

    out = []
    for r, rec in enumerate(recs):
        for u, unit in enumerate(rec["units"]):
            idx = [i for i, e in enumerate(rec["events"])
                   if unit["start"] <= e.trigger.start < unit["end"]]
            mine = [rec["events"][i] for i in idx]
            hit = {id(p) for _, p in match_unit(list(unit["events"]), mine)}
            for i, e in zip(idx, mine, strict=True):
                out.append((rec, View(rec, u, e), id(e) in hit, bool(unit["events"]), (r, i)))
    return out


def table(recs: Sequence[Rec]) -> None:
    """Per signal and group: flagged events, true / false among them, the false share, and the
    group's type F1 if the flagged events were dropped (the scorer's matching, re-run)."""
    rows = labelled(recs)
    groups = {"pool (unseen)": set(POOL), "seen (train, train2, dev)": set(SEEN)}
    flags = [{k: f(v) for k, f in signals(rec).items()} for rec, v, *_ in rows]
    names = list(signals(recs[0]))
    for gname, members in groups.items():
        idx = [n for n, row in enumerate(rows) if row[0]["set"] in members]
        only = [r for r, rec in enumerate(recs) if rec["set"] in members]
        n_false = sum(1 for n in idx if not rows[n][2])
        n_empty = sum(1 for n in idx if not rows[n][3])
        print(f"\n{gname}: {len(idx)} coded events, {len(idx) - n_false} true, {n_false} false "
              f"(false share {n_false / max(1, len(idx)):.3f}; {n_empty} in units with no gold); "
              f"type F1 {f1_of(counts(recs, set(), only)):.4f}")
        print("| signal | flagged | true | false | false share | false in no-gold units "
              "| type F1 if dropped |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name in names:
            hit = [n for n in idx if flags[n][name]]
            f = sum(1 for n in hit if not rows[n][2])
            e = sum(1 for n in hit if not rows[n][3])
            gone = f1_of(counts(recs, {rows[n][4] for n in hit}, only))
            print(f"| {name} | {len(hit)} | {len(hit) - f} | {f} | "
                  f"{f / max(1, len(hit)):.3f} | {e} | {gone:.4f} |", flush=True)


def load(files: Sequence[str] = FILES) -> list[Rec]:
    return [r for path in files for r in code_file(path)]


# --- the step: background signals as inputs to the sieve, refitted out of fold -----------------

C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
CUTS = tuple(round(0.05 * i, 2) for i in range(0, 11))  # 0: no drop
SEED = 0
Key = tuple[int, int]  # (record, event index in the record)


def dataset(recs: Sequence[Rec]) -> tuple[list[Key], list[dict[str, float]],
                                          list[dict[str, float]], list[bool]]:
    """Per coded event inside a gold unit: its key, the sieve's inputs (A), A plus the
    background signals (B), and whether the scorer matches it."""
    from diurna.evaluate.events import match_unit

    keys: list[Key] = []
    xa: list[dict[str, float]] = []
    xb: list[dict[str, float]] = []
    ys: list[bool] = []
    for r, rec in enumerate(recs):
        sig = signals(rec)
        for u, unit in enumerate(rec["units"]):
            idx = [i for i, e in enumerate(rec["events"])
                   if unit["start"] <= e.trigger.start < unit["end"]]
            mine = [rec["events"][i] for i in idx]
            hit = {id(p) for _, p in match_unit(list(unit["events"]), mine)}
            for i in idx:
                e = rec["events"][i]
                v = View(rec, u, e)
                a = {k: float(x) for k, x in rec["rows"][i].items()}
                b = dict(a)
                b.update({"bg:" + k: float(f(v)) for k, f in sig.items()})
                keys.append((r, i))
                xa.append(a)
                xb.append(b)
                ys.append(id(e) in hit)
    return keys, xa, xb, ys


def fit(rows: Sequence[dict[str, float]], ys: Sequence[bool], c_reg: float,
        cut: float = 0.5) -> Any:
    """The sieve (:class:`diurna.events.sieve.Sieve`) fitted on ``rows`` by the sieve's own
    :func:`diurna.events.sieve.fit` (seeded with the same seed), its solver allowed more
    iterations for the wider inputs here."""
    from diurna.events.sieve import fit as fit_sieve

    return fit_sieve(rows, ys, c_reg, cut, max_iter=3000)


def folds(items: Sequence[str], k: int, seed: int) -> dict[str, int]:
    """Each item's fold: the sorted distinct items shuffled by ``seed``, dealt round-robin."""
    import random

    order = sorted(set(items))
    random.Random(seed).shuffle(order)
    return {s: n % k for n, s in enumerate(order)}


def best_setting(ys: Sequence[bool], scores: dict[float, Any], base: tuple[int, int, int]
                 ) -> tuple[float, float, float]:
    """(C, cut, F1): the best pooled type F1 when events scored below the cut are dropped,
    counted as the drop moves them (a true event becomes a miss, a false one goes); ties keep
    the smaller C and cut."""
    import numpy as np

    from diurna.evaluate.counts import micro_f1

    y = np.array(ys, bool)
    best = (C_GRID[0], 0.0, -1.0)
    for c_reg in C_GRID:
        for cut in CUTS:
            low = scores[c_reg] < cut
            t = int((low & y).sum())
            f = int((low & ~y).sum())
            score = micro_f1(base[0] - t, base[1] - f, base[2] + t)
            if score > best[2] + 1e-12:
                best = (c_reg, cut, score)
    return best


def fit_choose(rows: Sequence[dict[str, float]], ys: Sequence[bool], groups: Sequence[str],
               base: tuple[int, int, int]) -> tuple[float, float]:
    """C and the cut chosen by an inner 4-fold over ``groups`` (articles)."""
    import numpy as np

    inner_of = folds(groups, 4, SEED + 1)
    inner: dict[float, Any] = {}
    for c_reg in C_GRID:
        s = np.zeros(len(rows))
        for j in range(4):
            tr = [n for n, g in enumerate(groups) if inner_of[g] != j]
            te = [n for n, g in enumerate(groups) if inner_of[g] == j]
            s[te] = scores([rows[n] for n in tr], [ys[n] for n in tr], c_reg,
                           [rows[n] for n in te])
        inner[c_reg] = s
    c_reg, cut, _ = best_setting(ys, inner, base)
    return c_reg, cut


def scores(train: Sequence[dict[str, float]], ys: Sequence[bool], c_reg: float,
           test: Sequence[dict[str, float]]) -> Any:
    """``test``'s probabilities of being right under the sieve fitted on ``train``."""
    return fit(train, ys, c_reg).probabilities(test)


def counts(recs: Sequence[Rec], dropped: set[Key], only: Sequence[int]) -> dict[str, int]:
    """Type, status and actor / recipient counts of records ``only`` without the ``dropped``
    events, by the scorer's own matching and argument counting."""
    from collections import Counter

    from diurna.evaluate.events import argument_values, match_unit, tally_types

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    atp: Counter[str] = Counter()
    afp: Counter[str] = Counter()
    afn: Counter[str] = Counter()
    st_ok = st_n = 0
    for r in only:
        rec = recs[r]
        for unit in rec["units"]:
            gold = list(unit["events"])
            mine = [e for i, e in enumerate(rec["events"])
                    if unit["start"] <= e.trigger.start < unit["end"] and (r, i) not in dropped]
            pairs = match_unit(gold, mine)
            tally_types(gold, [p.type for p in mine], pairs, tp, fp, fn)
            argument_values(gold, mine, pairs, atp, afp, afn)
            for g, p in pairs:
                if "status" in g:
                    st_n += 1
                    st_ok += g["status"] == p.status
    out = {"tp": sum(tp.values()), "fp": sum(fp.values()), "fn": sum(fn.values()),
           "st_ok": st_ok, "st_n": st_n}
    for a in ("actor", "recipient"):
        out.update({f"{a}_tp": atp[a], f"{a}_fp": afp[a], f"{a}_fn": afn[a]})
    return out


def out_of_fold(recs: Sequence[Rec], keys: Sequence[Key], xs: Sequence[dict[str, float]],
                ys: Sequence[bool], name: str) -> tuple[set[Key], Any]:
    """The events a sieve on inputs ``xs`` drops, and the sieve fitted on the whole pool (its
    cut set): pool events out of fold (5 folds over the pool's articles, seeded; C and cut by
    the inner 4-fold of each training part), the seen and guard sets' events by the sieve
    fitted on the whole pool (C and cut by the same inner choice)."""
    in_pool = [n for n, (r, _) in enumerate(keys) if recs[r]["set"] in POOL]
    seen = [n for n, (r, _) in enumerate(keys) if recs[r]["set"] in SEEN + GUARD]
    fold_of = folds([recs[keys[n][0]]["source"] for n in in_pool], 5, SEED)
    drop: set[Key] = set()
    for k in range(5):
        tr = [n for n in in_pool if fold_of[recs[keys[n][0]]["source"]] != k]
        te = [n for n in in_pool if fold_of[recs[keys[n][0]]["source"]] == k]
        c0 = counts(recs, set(), sorted({keys[n][0] for n in tr}))
        c_reg, cut = fit_choose([xs[n] for n in tr], [ys[n] for n in tr],
                                [recs[keys[n][0]]["source"] for n in tr],
                                (c0["tp"], c0["fp"], c0["fn"]))
        sc = scores([xs[n] for n in tr], [ys[n] for n in tr], c_reg, [xs[n] for n in te])
        drop |= {keys[n] for n, s_ in zip(te, sc, strict=True) if s_ < cut}
        print(f"{name} fold {k}: C {c_reg} cut {cut}", flush=True)
    c0 = counts(recs, set(), [r for r, rec in enumerate(recs) if rec["set"] in POOL])
    c_reg, cut = fit_choose([xs[n] for n in in_pool], [ys[n] for n in in_pool],
                            [recs[keys[n][0]]["source"] for n in in_pool],
                            (c0["tp"], c0["fp"], c0["fn"]))
    whole = fit([xs[n] for n in in_pool], [ys[n] for n in in_pool], c_reg, cut)
    sc = whole.probabilities([xs[n] for n in seen])
    bg = sorted(((w, k) for k, w in zip(whole.names, whole.coef, strict=True)
                 if k.startswith("bg:")), key=lambda p: p[0])
    if bg:
        print("  background weights (standardised, + means right): "
              + "; ".join(f"{k[3:]} {w:+.3f}" for w, k in bg))
    drop |= {keys[n] for n, s_ in zip(seen, sc, strict=True) if s_ < cut}
    print(f"{name} whole pool: C {c_reg} cut {cut}", flush=True)
    return drop, whole


def step(recs: Sequence[Rec]) -> None:
    """Base, A (the sieve's inputs) and B (A + background signals), out of fold on the pool;
    the seen sets by the model fitted on the whole pool."""
    keys, xa, xb, ys = dataset(recs)
    pool_recs = [r for r, rec in enumerate(recs) if rec["set"] in POOL]
    dropped: dict[str, set[Key]] = {"base": set()}
    for name, xs in (("A sieve inputs", xa), ("B + background", xb)):
        dropped[name] = out_of_fold(recs, keys, xs, ys, name)[0]
    report(recs, dropped)
    for a, b in (("base", "B + background"), ("A sieve inputs", "B + background")):
        lo, hi = paired_interval(recs, pool_recs, dropped[a], dropped[b])
        print(f"pool {b} - {a}, 95 % paired bootstrap over articles: [{lo:+.4f}, {hi:+.4f}]")


GUARDED = 100  # round 50's rule: per-set guard only on sets with at least this many gold events


def sieve_rule(recs: Sequence[Rec], write: str | None = None) -> None:
    """Round 50 (brief E16): the sieve (A) alone against the base, out of fold, with the
    rule's checks printed: pooled gain and its paired interval, per-set guard on sets with
    >= 100 gold events, status on matched, actor / recipient F1, and the guard sets scored
    by the sieve fitted on the whole pool (written to ``write`` as a ``filter.json``, for
    reading what it drops on a page)."""
    keys, xa, _, ys = dataset(recs)
    pool_recs = [r for r, rec in enumerate(recs) if rec["set"] in POOL]
    drop, whole = out_of_fold(recs, keys, xa, ys, "sieve")
    if write:
        Path(write).write_text(whole.to_json({"fitted_on": "round 50 read pool (bench)"}),
                               encoding="utf-8")
    dropped = {"base": set(), "sieve": drop}
    report(recs, dropped)
    base, sieve = (counts(recs, dropped[n], pool_recs) for n in ("base", "sieve"))
    lo, hi = paired_interval(recs, pool_recs, dropped["base"], dropped["sieve"])
    gain = f1_of(sieve) - f1_of(base)
    print(f"1. pool type F1 {f1_of(base):.4f} -> {f1_of(sieve):.4f} ({gain:+.4f}; bar +0.008), "
          f"paired 95 % [{lo:+.4f}, {hi:+.4f}] (bar: above 0): "
          f"{'met' if gain >= 0.008 and lo > 0 else 'MISSED'}")
    worst = 0.0
    for s in POOL:
        only = [r for r, rec in enumerate(recs) if rec["set"] == s]
        b, a = counts(recs, set(), only), counts(recs, dropped["sieve"], only)
        gold = b["tp"] + b["fn"]
        d = f1_of(a) - f1_of(b)
        if gold >= GUARDED:
            worst = min(worst, d)
        print(f"   {s}: {gold} gold, {f1_of(b):.4f} -> {f1_of(a):.4f} ({d:+.4f})"
              + ("" if gold >= GUARDED else " (not guarded)"))
    print(f"2. worst guarded set {worst:+.4f} (bar -0.02): {'met' if worst >= -0.02 else 'MISSED'}")
    st = [c["st_ok"] / max(1, c["st_n"]) for c in (base, sieve)]
    arg = {a: f1_of(sieve, a + "_") - f1_of(base, a + "_") for a in ("actor", "recipient")}
    ok = st[1] >= st[0] and all(v >= -0.005 for v in arg.values())
    print(f"3. status {st[0]:.4f} -> {st[1]:.4f}; actor {arg['actor']:+.4f}, recipient "
          f"{arg['recipient']:+.4f} (bar -0.005): {'met' if ok else 'MISSED'}")
    for s in GUARD:
        only = [r for r, rec in enumerate(recs) if rec["set"] == s]
        d = f1_of(counts(recs, dropped["sieve"], only)) - f1_of(counts(recs, set(), only))
        print(f"4. {s} (whole-pool fit) {d:+.4f} (bar -0.02): {'met' if d >= -0.02 else 'MISSED'}")


def paired_interval(recs: Sequence[Rec], only: Sequence[int], first: set[Key], second: set[Key],
                    rounds: int = 1000) -> tuple[float, float]:
    """A 95 % interval of the pooled type F1 of ``second`` minus ``first``, whole articles
    resampled (seeded)."""
    import random

    import numpy as np

    from diurna.evaluate.counts import micro_f1

    per = [[[c["tp"], c["fp"], c["fn"]] for c in (counts(recs, d, [r]) for d in (first, second))]
           for r in only]
    x = np.array(per, float)  # article, side, count
    rng = random.Random(SEED)
    out = []
    for _ in range(rounds):
        t = x[[rng.randrange(len(x)) for _ in range(len(x))]].sum(axis=0)
        out.append(micro_f1(*map(int, t[1])) - micro_f1(*map(int, t[0])))
    out.sort()
    return out[int(0.025 * rounds)], out[int(0.975 * rounds) - 1]


def f1_of(c: dict[str, int], prefix: str = "") -> float:
    from diurna.evaluate.counts import micro_f1

    return micro_f1(c[prefix + "tp"], c[prefix + "fp"], c[prefix + "fn"])


def report(recs: Sequence[Rec], dropped: dict[str, set[Key]]) -> None:
    """Type F1 per set and pooled, with status and actor / recipient F1 on the pool."""
    sets = list(dict.fromkeys(rec["set"] for rec in recs))
    groups = {s: [s] for s in sets}
    groups["POOL"] = list(POOL)
    groups["SEEN"] = list(SEEN)
    names = list(dropped)
    print("| set | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for g, members in groups.items():
        only = [r for r, rec in enumerate(recs) if rec["set"] in members]
        cs = [counts(recs, dropped[n], only) for n in names]
        cells = [f"{f1_of(c):.4f} ({c['tp']} / {c['fp']} / {c['fn']})" for c in cs]
        print(f"| {g} | " + " | ".join(cells) + " |", flush=True)
        if g == "POOL":
            for c, n in zip(cs, names, strict=True):
                print(f"  {n}: status {c['st_ok'] / max(1, c['st_n']):.4f} "
                      f"(n {c['st_n']}), actor F1 {f1_of(c, 'actor_'):.4f}, "
                      f"recipient F1 {f1_of(c, 'recipient_'):.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("code", help="run the pipeline over the read gold files, cache")
    c.add_argument("gold", nargs="*", default=FILES)
    sub.add_parser("table", help="signals of background: true vs false coded events")
    sub.add_parser("step", help="the rule written before its figures, scored")
    sv = sub.add_parser("sieve", help="round 50: the sieve alone out of fold, its rule's checks")
    sv.add_argument("--write", help="write the whole-pool sieve to this filter.json path")
    args = ap.parse_args(argv)
    if args.cmd == "code":
        for path in args.gold:
            code_file(path)
        return 0
    if args.cmd == "table":
        table(load())
        return 0
    if args.cmd == "sieve":
        sieve_rule(load(FILES + GUARD_FILES), args.write)
        return 0
    step(load())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
