"""Split a training gold file into K folds by article, for out-of-fold model outputs.

    python -m diurna.events.oof [gold/events-wikinews-train.jsonl] [--k 2] [--seed 0]
                                [--out .cache]

The learned coder's two models score their own training sentences in-sample (overconfident), so
a blend fitted on those outputs learns to trust them too much. With K folds each model is
retrained K times, each time without one fold, and scores only the fold it never saw: every
training event then has an honest output to fit the blend (``python -m diurna.events.combine
--oof-dir``) on.

Folds are whole articles (sentences of one article share words and events, so a split inside an
article would leak): the sorted sources are shuffled by the seed and dealt round-robin. For fold
``i`` this writes ``OUT/fold-i/held.jsonl`` (its articles) and ``OUT/fold-i/rest.jsonl`` (the
other folds' articles, the fold models' Wikinews training data), and prints the commands that
train the fold models beside the other training files the shipped models use (never dev, never a
frozen test file).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from diurna.evaluate.gold import frozen, repo_dir

DEFAULT_TRAIN = "gold/events-wikinews-train.jsonl"
# the shipped models' other training files (finetune.DEFAULT_GOLD / train.DEFAULT_GOLD less the
# Wikinews training gold that is split here)
OTHER_GOLD = ("gold/events.jsonl", "gold/events-dev2.jsonl", "gold/events-probes.jsonl")


def deal_folds(sources: list[str], k: int, seed: int) -> dict[str, int]:
    """Each source's fold: the sorted sources shuffled by ``seed`` and dealt round-robin."""
    order = sorted(set(sources))
    random.Random(seed).shuffle(order)
    return {src: i % k for i, src in enumerate(order)}


def split_lines(lines: list[str], k: int, seed: int) -> list[list[str]]:
    """The gold lines of each fold (blank and ``//`` comment lines dropped), in file order."""
    kept = [ln for ln in lines if ln.strip() and not ln.startswith("//")]
    fold_of = deal_folds([json.loads(ln)["source"] for ln in kept], k, seed)
    folds: list[list[str]] = [[] for _ in range(k)]
    for ln in kept:
        folds[fold_of[json.loads(ln)["source"]]].append(ln)
    return folds


def write_folds(gold: Path, out: Path, k: int, seed: int) -> list[Path]:
    """Write ``held.jsonl`` and ``rest.jsonl`` of each fold under ``out/fold-i``; the fold
    folders, in order."""
    folds = split_lines(gold.read_text(encoding="utf-8").splitlines(), k, seed)
    dirs = []
    for i, held in enumerate(folds):
        fold_dir = out / f"fold-{i}"
        fold_dir.mkdir(parents=True, exist_ok=True)
        rest = [ln for j, f in enumerate(folds) if j != i for ln in f]
        (fold_dir / "held.jsonl").write_text("".join(ln + "\n" for ln in held), encoding="utf-8")
        (fold_dir / "rest.jsonl").write_text("".join(ln + "\n" for ln in rest), encoding="utf-8")
        dirs.append(fold_dir)
    return dirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diurna.events.oof",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=repo_dir() / DEFAULT_TRAIN)
    parser.add_argument("--k", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=repo_dir() / ".cache")
    args = parser.parse_args(argv)
    if frozen(args.gold):
        parser.error(f"{args.gold}: a frozen test file is never split for training")
    if args.k < 2:
        parser.error("--k must be at least 2")
    others = " ".join(OTHER_GOLD)
    for fold_dir in write_folds(args.gold, args.out, args.k, args.seed):
        n = sum(1 for _ in (fold_dir / "held.jsonl").open(encoding="utf-8"))
        print(f"# {fold_dir}: {n} held-out units", file=sys.stderr)
        print(f"python -m diurna.events.finetune {others} {fold_dir}/rest.jsonl "
              f"--out {fold_dir}/model")
        print(f"python -m diurna.events.train {others} {fold_dir}/rest.jsonl "
              f"--dev gold/events-wikinews-dev.jsonl --out {fold_dir}/model")
    return 0


if __name__ == "__main__":
    sys.exit(main())
