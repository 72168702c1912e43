"""The learned coder's combiner settings on a development gold file, without re-parsing.

    python bench/tune_learned.py [GOLD] [--model-dir DIR ...] [--grid]

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

Never run it on a frozen test file (it refuses names with "test").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diurna.evaluate.events import score
from diurna.evaluate.gold import frozen, repo_dir
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path,
                    default=repo_dir() / "gold/events-wikinews-dev.jsonl")
    ap.add_argument("--model-dir", type=Path, nargs="+", default=[learned.MODEL_DIR],
                    help="folders of weights (model.json, weights.npz, tagger.*) to compare")
    ap.add_argument("--grid", action="store_true",
                    help="fixed blends over weight x threshold x gate, the tagger over thresholds")
    args = ap.parse_args()
    if frozen(args.gold):
        print(f"{args.gold}: a frozen test file is never tuned on", file=sys.stderr)
        return 2
    parsed = None
    for folder in args.model_dir:
        reader = Reader(folder)
        if parsed is not None:  # the same parses, read again with these weights
            reader.parsed = parsed
        print(f"{folder}:", flush=True)
        for name, comb in settings(folder, args.grid).items():
            reader.combiner_for = lambda source, comb=comb: comb  # type: ignore[misc]
            report(name, score(args.gold, runner=reader))
        parsed = reader.parsed
    return 0


if __name__ == "__main__":
    sys.exit(main())
