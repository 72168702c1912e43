"""Study: a blend cut per event type for the learned coder, fitted and scored out of fit
(issue #12, brief E13, round 47).

    python bench/type_cuts.py [--out DIR] [--files dev3 dev4 ...] [--min-gold 30]

Question: the learned coder keeps a word's event when the blended P(NONE) is below one cut
(``combiner.json``: 0.75; 0.9 for words the rules coded) whatever type it is given. On unseen
news the types err very differently (some far more false events than misses, others the
reverse). Does a cut per decided type, fitted on one half of the read pool, raise type F1 on the
other half?

How. Every source of the pool (``POOL_A`` + ``POOL_B``: the read Wikinews development sets and
train3 / train4) is parsed once and read once by both models
(:class:`diurna.events.combine.Reader`, every sentence, as ``bench/tune_learned.py`` does); each
setting is then decoded from that reading by the coder's own
:meth:`~diurna.events.learned.LearnedEventCoder.code` (post-steps included) and tallied with the
scorer's own matching (:func:`diurna.evaluate.events.unit_pairs`, ``tally_types``,
``argument_values``). A document whose decisions are the same under two settings gives the same
events, so its tally is kept by its decisions and re-coded only when they change.

The fit (:func:`fit`, fixed before any figure, session note ``/tmp/E13/rule.md``): types with at
least ``--min-gold`` gold events in the fitting half get a cut from :data:`GRID`, visited in order
of gold count, two passes; each takes the grid value that maximises the half's pooled type
micro-F1 with the other cuts fixed, moving only for a gain of :data:`MARGIN` or more (ties go to
the value nearest the global cut). Words the rules coded keep their own cut (0.9). Part A is
fitted and part B scored, then the reverse; the counts are summed. The shipped combiner and the
keyword coder are scored on the same parses beside it, and the fitted cuts shrunk halfway
toward the global one as a sensitivity reading.

Result (session 38, measured: no; docs/events-learned.md, round 47): out of fit the pool moves
0.4895 -> 0.4939 (+0.0044 where the bar was +0.008; part A +0.0018, part B +0.0070), status on
matched 0.8986 -> 0.8964; only REJECT's cut (0.60) was chosen on both halves.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.gold import blind, frozen, repo_dir

WIKI = "gold/events-wikinews-{}.jsonl"
POOL_A = ("dev3", "dev5", "dev7", "dev9", "dev11", "train3")
POOL_B = ("dev4", "dev6", "dev8", "dev10", "dev12", "train4")
GRID = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
MIN_GOLD = 30
MARGIN = 0.002
PASSES = 2


@dataclass
class Tally:
    """Counts of one or more documents: type tp / fp / fn (all types and per type), status
    agreement on matched events, and actor / recipient argument tp / fp / fn."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    status_ok: int = 0
    status_n: int = 0
    arg_tp: Counter[str] = field(default_factory=Counter)
    arg_fp: Counter[str] = field(default_factory=Counter)
    arg_fn: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        """Add ``other``'s counts to these."""
        for mine, theirs in ((self.tp, other.tp), (self.fp, other.fp), (self.fn, other.fn),
                             (self.arg_tp, other.arg_tp), (self.arg_fp, other.arg_fp),
                             (self.arg_fn, other.arg_fn)):
            mine.update(theirs)
        self.status_ok += other.status_ok
        self.status_n += other.status_n

    @property
    def counts(self) -> tuple[int, int, int]:
        """Type tp, fp, fn over all types."""
        return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())

    @property
    def f1(self) -> float:
        """Type micro-F1 over all types."""
        return micro_f1(*self.counts)

    def arg_f1(self, name: str) -> float:
        """Argument F1 of ``name`` (``actor``, ``recipient``) on the matched events."""
        return micro_f1(self.arg_tp[name], self.arg_fp[name], self.arg_fn[name])

    @property
    def status(self) -> float:
        """Status accuracy on the matched events whose gold gives one."""
        return self.status_ok / self.status_n if self.status_n else 0.0


def summed(tallies: Sequence[Tally]) -> Tally:
    """One tally of several."""
    out = Tally()
    for t in tallies:
        out.add(t)
    return out


def unit_tally(units: Sequence[dict[str, Any]], events: Sequence[Any]) -> Tally:
    """The scorer's counts of one document's coded ``events`` against its gold ``units``
    (as :func:`diurna.evaluate.events.score` counts them)."""
    from diurna.evaluate.events import argument_values, tally_types, unit_pairs

    out = Tally()
    for unit in units:
        gold, pred, pairs = unit_pairs(unit, list(events))
        tally_types(gold, [p.type for p in pred], pairs, out.tp, out.fp, out.fn)
        argument_values(gold, pred, pairs, out.arg_tp, out.arg_fp, out.arg_fn)
        for g, p in pairs:
            if "status" in g:
                out.status_n += 1
                out.status_ok += int(g["status"] == p.status)
    return out


def typed_cut(base: Callable[..., float], cuts: Mapping[str, float]) -> Callable[..., float]:
    """``learned.word_cut`` with ``cuts[etype]`` in place of the global cut for a word the
    rules did not code (a rule word keeps its own, higher cut)."""

    def cut(comb: Any, tok: Any, etype: str, rule_at: dict[int, Any], onto: Any) -> float:
        if tok.i in rule_at or etype not in cuts:
            return base(comb, tok, etype, rule_at, onto)
        return cuts[etype]

    return cut


@contextmanager
def per_type_cuts(cuts: Mapping[str, float]) -> Iterator[None]:
    """Decide with a cut per decided type while inside (``learned.decide`` looks
    ``word_cut`` up in its module at each call)."""
    from diurna.events import learned

    base = learned.word_cut
    learned.word_cut = typed_cut(base, cuts)  # type: ignore[assignment]
    try:
        yield
    finally:
        learned.word_cut = base  # type: ignore[assignment]


def fit(score: Callable[[Mapping[str, float]], float], gold_by_type: Counter[str],
        global_cut: float, min_gold: int = MIN_GOLD, grid: Sequence[float] = GRID,
        margin: float = MARGIN, passes: int = PASSES,
        log: Callable[[str], None] = lambda s: None) -> dict[str, float]:
    """Coordinate ascent over one cut per type (see the module docstring): ``score`` gives the
    fitting half's pooled type F1 for a map of cuts; types with fewer than ``min_gold`` gold
    events keep ``global_cut`` (left out of the map)."""
    eligible = [t for t, n in sorted(gold_by_type.items(), key=lambda kv: (-kv[1], kv[0]))
                if n >= min_gold]
    cuts = {t: global_cut for t in eligible}
    for p in range(passes):
        for t in eligible:
            f = {v: score(cuts | {t: v}) for v in grid}
            best = max(grid, key=lambda v: (round(f[v], 12), -abs(v - global_cut)))
            now = cuts[t]
            if best != now and f[best] >= f[now] + margin:
                cuts[t] = best
            log(f"  pass {p + 1} {t} ({gold_by_type[t]} gold): "
                + " ".join(f"{v:.2f}:{f[v]:.4f}" for v in grid) + f" -> {cuts[t]:.2f}")
    return {t: c for t, c in cuts.items() if c != global_cut}


def shrunk(cuts: Mapping[str, float], global_cut: float, share: float = 0.5
           ) -> dict[str, float]:
    """Each cut moved ``share`` of the way back toward ``global_cut``."""
    return {t: round(c + share * (global_cut - c), 4) for t, c in cuts.items()}


class Pool:
    """The pool's sources, parsed and read once, coded under any map of per-type cuts."""

    def __init__(self, files: Sequence[str], log: Callable[[str], None]) -> None:
        from diurna.evaluate.gold import gold_document, read_jsonl
        from diurna.events.combine import Reader
        from diurna.events.learned import MODEL_DIR, load_combiner
        from diurna.pipeline import Pipeline

        self.reader = Reader()
        self.comb = load_combiner(MODEL_DIR)
        self.onto = self.reader.coder.ontology
        self.units: dict[str, list[dict[str, Any]]] = {}
        self.file_of: dict[str, str] = {}
        self.keyword: dict[str, Tally] = {}
        self.memo: dict[tuple[str, frozenset[tuple[int, str]]], Tally] = {}
        kw = Pipeline.default(coder="keyword").get("events")
        for name in files:
            path = repo_dir() / WIKI.format(name)
            if frozen(path):
                raise SystemExit(f"{path}: a frozen test file is never tuned on")
            start = time.process_time()
            for line in read_jsonl(path):
                self.units.setdefault(line["source"], []).append(line)
                self.file_of[line["source"]] = name
            for source, units in self.units.items():
                if self.file_of[source] != name or source in self.reader.cache:
                    continue
                doc = self.reader.cached(gold_document(source, units[0].get("published")))
                self.keyword[source] = unit_tally(units, kw(copy.copy(doc.doc)).events)
            log(f"read {name}: {sum(f == name for f in self.file_of.values())} sources, "
                f"{time.process_time() - start:.0f} CPU s")

    def sources(self, files: Sequence[str]) -> list[str]:
        """The sources of ``files``, in reading order."""
        return [s for s in self.units if self.file_of[s] in files]

    def gold_types(self, files: Sequence[str]) -> Counter[str]:
        """Gold events per type in ``files``."""
        return Counter(e["type"] for s in self.sources(files) for u in self.units[s]
                       for e in u.get("events") or [])

    def tally(self, source: str, cuts: Mapping[str, float]) -> Tally:
        """``source`` coded with ``cuts`` (the shipped combiner otherwise) and counted."""
        from diurna.events.learned import decide

        c = self.reader.cache[source]
        with per_type_cuts(cuts):
            key = (source, frozenset(decide(c.read, self.comb, self.onto).items())
                   if c.read.cands.tokens else frozenset())
            if key not in self.memo:
                self.reader.combiner_for = lambda s: self.comb
                self.memo[key] = unit_tally(self.units[source], self.reader(c.doc).events)
        return self.memo[key]

    def score(self, files: Sequence[str], cuts: Mapping[str, float]) -> Tally:
        """``files`` coded with ``cuts``, counts summed."""
        return summed([self.tally(s, cuts) for s in self.sources(files)])


    def scorer(self, files: Sequence[str]) -> Callable[[Mapping[str, float]], float]:
        """Pooled type F1 of ``files`` for a map of cuts (what :func:`fit` maximises)."""
        return lambda cuts: self.score(files, cuts).f1


def row(name: str, t: Tally) -> str:
    """One table row: type F1 with tp / fp / fn, status on matched, argument F1."""
    tp, fp, fn = t.counts
    return (f"{name} | {t.f1:.4f} ({tp} / {fp} / {fn}) | status {t.status:.4f} "
            f"({t.status_ok} / {t.status_n}) | actor {t.arg_f1('actor'):.4f} | "
            f"recipient {t.arg_f1('recipient'):.4f}")


def per_type(t: Tally) -> dict[str, list[int]]:
    """Per type [tp, fp, fn]."""
    return {k: [t.tp[k], t.fp[k], t.fn[k]] for k in sorted(set(t.tp) | set(t.fp) | set(t.fn))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/E13"))
    ap.add_argument("--part-a", nargs="+", default=list(POOL_A))
    ap.add_argument("--part-b", nargs="+", default=list(POOL_B))
    ap.add_argument("--min-gold", type=int, default=MIN_GOLD)
    ap.add_argument("--whole", action="store_true",
                    help="also fit on the whole pool (the cuts a combiner.json would carry)")
    args = ap.parse_args(argv)
    for name in [*args.part_a, *args.part_b]:
        if frozen(repo_dir() / WIKI.format(name)) or blind(repo_dir() / WIKI.format(name)):
            print(f"{name}: a frozen test file or a blind set is never tuned on",
                  file=sys.stderr)
            return 2
    args.out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []

    def log(s: str) -> None:
        print(s, flush=True)
        lines.append(s)

    pool = Pool([*args.part_a, *args.part_b], log)
    parts = {"A": args.part_a, "B": args.part_b}
    glob = pool.comb.threshold
    result: dict[str, Any] = {"grid": GRID, "min_gold": args.min_gold, "margin": MARGIN,
                              "global_cut": glob, "parts": parts}
    fitted: dict[str, dict[str, float]] = {}
    for fit_on, score_on in (("A", "B"), ("B", "A")):
        log(f"fit on {fit_on} ({', '.join(parts[fit_on])}):")
        fitted[score_on] = fit(pool.scorer(parts[fit_on]), pool.gold_types(parts[fit_on]),
                               glob, args.min_gold, log=log)
        log(f"  cuts fitted on {fit_on}: {fitted[score_on]}")
    result["cuts_fitted_for"] = fitted
    table: dict[str, dict[str, Tally]] = {"shipped": {}, "per-type cuts": {}, "shrunk": {},
                                          "keyword": {}}
    for p, files in parts.items():
        table["shipped"][p] = pool.score(files, {})
        table["per-type cuts"][p] = pool.score(files, fitted[p])
        table["shrunk"][p] = pool.score(files, shrunk(fitted[p], glob))
        table["keyword"][p] = summed([pool.keyword[s] for s in pool.sources(files)])
    log("out of fit (each part scored with the cuts fitted on the other):")
    for name, by_part in table.items():
        for p in parts:
            log(row(f"{name} part {p}", by_part[p]))
        log(row(f"{name} pooled", summed(list(by_part.values()))))
    result["table"] = {name: {p: {"counts": t.counts, "f1": t.f1, "status": t.status,
                                  "actor": t.arg_f1("actor"), "recipient": t.arg_f1("recipient"),
                                  "per_type": per_type(t)}
                              for p, t in by_part.items()} for name, by_part in table.items()}
    per_file = {"shipped": {f: pool.score([f], {}).f1 for files in parts.values()
                            for f in files},
                "per-type cuts": {f: pool.score([f], fitted[p]).f1
                                  for p, files in parts.items() for f in files}}
    result["per_file"] = per_file
    log("per file, shipped -> per-type cuts: " + ", ".join(
        f"{f} {per_file['shipped'][f]:.4f} -> {per_file['per-type cuts'][f]:.4f}"
        for f in per_file["shipped"]))
    if args.whole:
        every = [*args.part_a, *args.part_b]
        log("fit on the whole pool:")
        result["cuts_whole"] = fit(pool.scorer(every), pool.gold_types(every), glob,
                                   args.min_gold, log=log)
        log(f"  cuts fitted on the whole pool: {result['cuts_whole']}")
    (args.out / "type_cuts.json").write_text(json.dumps(result, indent=1) + "\n",
                                             encoding="utf-8")
    (args.out / "type_cuts.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
