"""The learned coder's combiner settings on a development gold file, without re-parsing.

    python bench/tune_learned.py [GOLD] [--model-dir DIR ...] [--grid]
    python bench/tune_learned.py GOLD [GOLD ...] --trace
    python bench/tune_learned.py GOLD [GOLD ...] --pool [--model-dir DIR ...]

Runs the stages before events (language, actors, statements) once per source of ``GOLD``
(default ``gold/events-wikinews-dev.jsonl``); for each ``--model-dir`` (old and new weights in
one run, on the same parses) reads every sentence with the tagger and every candidate word with
the MLP once (``diurna.events.combine.Reader``), then codes the sources with each combiner
(``diurna.events.learned.Combiner``: the folder's own, the fixed blend, the tagger alone, and
with ``--grid`` fixed blends over weight x threshold x gate and the tagger alone over
thresholds), with the coder's own decoding and post-processing. For each it prints event type
micro-F1 with its 95 % bootstrap interval over articles, as ``diurna evaluate events`` computes
them (the same ``score``; the tagger reads each sentence alone, so the figures equal the
official ones). A folder whose ``taggers.json`` names further taggers is read with their
average (an ensemble, ``diurna.events.tagger.ENSEMBLE_FILE``). The stacked combiner's honest
(cross-validated) figure is ``python -m diurna.events.combine``'s. A setting is only worth
taking if it beats the shipped one by more than noise on a set it was not chosen on (few knobs,
and the interval beside each).

``--trace`` (round 22c) reads each of several gold files once and prints, for the fixed blend
with one knob moved at a time (``threshold``, then ``weight``, then ``rule_threshold``; the
others as the shipped ``combiner.json``), type F1 and tp / fp / fn per file and pooled over all
of them (counts summed), with the keyword coder on the same units beside: how the cut trades
precision for recall on sets no knob was chosen on.

``--pool`` (session 44, rounds 56-57) reads several gold files once each and, for every
``--model-dir`` (each with its own ``combiner.json``), prints type micro-F1, actor and recipient
argument F1 with their tp / fp / fn summed over the files, and status on matched events weighted
by its count; the keyword coder on the same files beside. It is how retrained models are compared
on a read pool, e.g. ``python bench/tune_learned.py --pool gold/events-wikinews-dev3.jsonl ...
gold/events-wikinews-dev12.jsonl --model-dir src/diurna/events/data/learned DIR_A DIR_B``.

Never run it on a frozen test file (it refuses names with "test"); ``--pool`` refuses the blind
sets too (``diurna.evaluate.gold.BLIND_SETS``: those are scored by ``diurna evaluate events``).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from diurna.evaluate.counts import micro_f1 as f1
from diurna.evaluate.events import default_runner, score
from diurna.evaluate.gold import blind, frozen, repo_dir
from diurna.events import learned
from diurna.events.combine import Reader, report
from diurna.events.learned import Combiner, load_combiner
from diurna.events.tagger import load_tagger


def settings(folder: Path, grid: bool) -> dict[str, Combiner]:
    """The combiners to score for one weight folder, by name."""
    own = load_combiner(folder)
    tagger = load_tagger(str(folder)).threshold
    out = {f"own ({own.kind})": own, "fixed": Combiner(),
           f"tagger @{tagger:.2f}": Combiner(kind="tagger", threshold=tagger)}
    if grid:
        out |= {f"fixed w{w:.1f} t{t:.2f} g{g:.2f}": Combiner(weight=w, threshold=t, gate=g)
                for w in (0.3, 0.5, 0.7) for t in (0.7, 0.75, 0.8, 0.85) for g in (0.95, 1.0)}
        out |= {f"tagger @{t:.2f}": Combiner(kind="tagger", threshold=t)
                for t in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85)}
    return out


# One knob moved at a time around the shipped blend (--trace).
TRACE: dict[str, tuple[float, ...]] = {"threshold": (0.6, 0.65, 0.7, 0.75, 0.8, 0.85),
                                       "weight": (0.3, 0.4, 0.5, 0.6, 0.7),
                                       "rule_threshold": (0.8, 0.85, 0.9, 0.95, 1.0)}


def counts(r: dict) -> tuple[int, int, int]:
    """Type tp, fp, fn of one ``score`` result."""
    t = r["type"]
    return int(t["tp"]), int(t["fp"]), int(t["fn"])


def trace(golds: list[Path]) -> None:
    """Per file and pooled type F1 of the fixed blend, one knob moved at a time (see --trace)."""
    readers = {gold: Reader() for gold in golds}  # one parse and one read per file
    shipped = load_combiner(learned.MODEL_DIR)
    rows: list[tuple[str, Combiner | None]] = [("keyword", None)]
    for knob, values in TRACE.items():
        rows += [(f"{knob} {v:.2f}", replace(shipped, **{knob: v})) for v in values]
    print("setting | " + " | ".join(g.name for g in golds) + " | pooled", flush=True)
    for name, comb in rows:
        cells, pool = [], [0, 0, 0]
        for gold, reader in readers.items():
            if comb is None:
                r = score(gold, runner=default_runner("keyword"))
            else:
                reader.combiner_for = lambda source, comb=comb: comb  # type: ignore[misc]
                r = score(gold, runner=reader)
            c = counts(r)
            pool = [a + b for a, b in zip(pool, c, strict=True)]
            lo, hi = r["type_ci95"]
            cells.append(f"{f1(*c):.3f} [{lo:.3f}-{hi:.3f}] ({c[0]}/{c[1]}/{c[2]})")
        print(f"{name} | " + " | ".join(cells)
              + f" | {f1(*pool):.3f} ({pool[0]}/{pool[1]}/{pool[2]})", flush=True)


POOLED = ("actor", "recipient")  # argument rows of --pool, beside the type


def pooled_row(results: list[dict]) -> str:
    """One --pool row: type and argument F1 from counts summed over ``results`` (one ``score``
    result per gold file), status on matched events weighted by each file's count."""
    cells = []
    for name in ("type", *POOLED):
        rows = [r["type"] if name == "type" else r["arguments"][name] for r in results]
        c = [sum(int(x[k]) for x in rows) for k in ("tp", "fp", "fn")]
        cells.append(f"{name} {f1(*c):.4f} ({c[0]}/{c[1]}/{c[2]})")
    status = [r["accuracy"].get("status", {}) for r in results]
    n = sum(s.get("n") or 0 for s in status)
    right = sum((s.get("accuracy") or 0.0) * (s.get("n") or 0) for s in status)
    return " | ".join([*cells, f"status {right / n:.4f} (n {n})" if n else "status -"])


def pool(golds: list[Path], folders: list[Path]) -> None:
    """Each folder's own combiner on every file (one parse per file), pooled (see --pool)."""
    results: dict[str, list[dict]] = {"keyword": [], **{str(f): [] for f in folders}}
    for gold in golds:
        results["keyword"].append(score(gold, runner=default_runner("keyword")))
        parsed = None
        for folder in folders:
            reader = Reader(folder)
            if parsed is not None:  # the same parses, read again with these weights
                reader.parsed = parsed
            comb = load_combiner(folder)
            reader.combiner_for = lambda source, comb=comb: comb  # type: ignore[misc]
            results[str(folder)].append(score(gold, runner=reader))
            parsed = reader.parsed
    for name, rows in results.items():
        print(f"{name} | {pooled_row(rows)}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path,
                    default=[repo_dir() / "gold/events-wikinews-dev.jsonl"])
    ap.add_argument("--model-dir", type=Path, nargs="+", default=[learned.MODEL_DIR],
                    help="folders of weights (model.json, weights.npz, tagger.*) to compare")
    ap.add_argument("--grid", action="store_true",
                    help="fixed blends over weight x threshold x gate, the tagger over thresholds")
    ap.add_argument("--trace", action="store_true",
                    help="tp/fp/fn per file and pooled, one blend knob moved at a time")
    ap.add_argument("--pool", action="store_true",
                    help="type, actor, recipient F1 and status pooled over the files, a row per "
                         "--model-dir (its own combiner.json), the keyword coder beside")
    args = ap.parse_args()
    for gold in args.gold:
        if frozen(gold):
            print(f"{gold}: a frozen test file is never tuned on", file=sys.stderr)
            return 2
    if args.pool:
        if args.trace or args.grid:
            print("--pool reads each folder's own combiner: drop --trace and --grid",
                  file=sys.stderr)
            return 2
        refused = [str(g) for g in args.gold if blind(g)]
        if refused:
            print(f"{', '.join(refused)}: a blind set is scored by 'diurna evaluate events' "
                  "(aggregate lines), not pooled here", file=sys.stderr)
            return 2
        pool(args.gold, args.model_dir)
        return 0
    if args.trace:
        if args.grid or args.model_dir != [learned.MODEL_DIR]:
            # the trace moves the shipped blend's knobs on the shipped weights: a folder or the
            # grid given with it was silently left unread
            print("--trace reads the shipped weights and combiner.json only: drop --model-dir "
                  "and --grid, or run them without --trace", file=sys.stderr)
            return 2
        trace(args.gold)
        return 0
    if len(args.gold) != 1:
        print(f"{len(args.gold)} gold files given: several only with --trace (pooled), else "
              "give one", file=sys.stderr)
        return 2
    parsed = None
    for folder in args.model_dir:
        reader = Reader(folder)
        if parsed is not None:  # the same parses, read again with these weights
            reader.parsed = parsed
        print(f"{folder}:", flush=True)
        for name, comb in settings(folder, args.grid).items():
            reader.combiner_for = lambda source, comb=comb: comb  # type: ignore[misc]
            report(name, score(args.gold[0], runner=reader))
        parsed = reader.parsed
    return 0


if __name__ == "__main__":
    sys.exit(main())
