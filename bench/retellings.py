"""What dropping retold events (``diurna.events.learned.told_again``) does to the learned coder.

    python bench/retellings.py [GOLD ...]

For each development gold file (default: the Wikinews training and development gold) runs the
stages before events once per source, then codes every source with the learned coder twice -
keeping retold events (the coder before this step) and dropping them (the default) - and prints
event type micro-F1 with its 95 % bootstrap interval over articles (``diurna evaluate events``'
own ``score``), plus how many events the step dropped and how many of those matched a gold
event. The keyword baseline is printed beside on each file.

Why the training gold counts here: the step has no fitted weight, only a choice of conditions,
and that choice was made on the training gold; the development gold checks it. (The learned
models were trained on the training gold, but their precision there is no better than on dev,
0.52 vs 0.53: the harmonised gold no longer codes the retellings they learned.)
Frozen test files are refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diurna.evaluate.events import default_runner, score
from diurna.evaluate.gold import frozen, repo_dir
from diurna.events.combine import Reader, report
from diurna.events.learned import MODEL_DIR, load_combiner

DEFAULT = ("gold/events-wikinews-train.jsonl", "gold/events-wikinews-dev.jsonl")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path,
                    help="development gold files (default: " + ", ".join(DEFAULT) + ")")
    golds = ap.parse_args(argv).gold or [repo_dir() / g for g in DEFAULT]
    for gold in golds:
        if frozen(gold):
            print(f"{gold}: a frozen test file is never tuned on", file=sys.stderr)
            return 2
        if not gold.exists():
            print(f"{gold}: no such gold file", file=sys.stderr)
            return 2
    comb = load_combiner(MODEL_DIR)
    for gold in golds:
        print(f"{gold}:", flush=True)
        reader = Reader(MODEL_DIR)
        reader.combiner_for = lambda source: comb
        figures = {}
        for keep in (True, False):
            reader.coder.retellings = keep
            figures[keep] = score(gold, runner=reader)
            report("learned, retold events kept" if keep else "learned, retold dropped (default)",
                   figures[keep])
        old, new = figures[True]["type"], figures[False]["type"]
        dropped = old["tp"] + old["fp"] - new["tp"] - new["fp"]
        print(f"  dropped {dropped} events, {old['tp'] - new['tp']} of them matching gold")
        report("keyword baseline", score(gold, runner=default_runner("keyword")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
