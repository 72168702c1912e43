"""Agreement between two judges of the event-pair gold ("same real-world event or not").

``diurna evaluate pairs-agreement [SECOND] [--first FIRST...]`` (or ``python -m
diurna.evaluate.pairs_agreement``; ``--first FIRST... SECOND`` reads the same, see
:func:`split_second`) matches the second judge's pairs to the first judge's by the
pair's key (both events' article URL and trigger offsets, in either order) and prints raw
agreement and Cohen's kappa, overall, per first-judge label (the strata a label-stratified sample
is drawn from) and per first-judge file, and the same figures re-weighted to the first files'
label shares, so that a sample that over-draws "same" pairs still estimates the agreement of the
whole gold. It only reads labels; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import read_jsonl

DEFAULT_FIRST = ("gold/event-pairs-dev.jsonl", "gold/event-pairs-train.jsonl")
DEFAULT_SECOND = "gold/event-pairs-second-judge.jsonl"


def pair_key(pair: dict[str, Any]) -> tuple[tuple[str, int, int], ...]:
    """The pair's identity, the same whichever event is ``a``: both events' URL and trigger."""
    ends = sorted((pair[k]["url"], *pair[k]["trigger"]) for k in ("a", "b"))
    return tuple((str(u), int(s), int(e)) for u, s, e in ends)


@dataclass(frozen=True)
class Judged:
    """One pair judged by both: the first judge's label and file, and the second's label."""

    first: bool
    second: bool
    source: str


def cohen_kappa(labels: Sequence[tuple[bool, bool]], weights: Sequence[float] | None = None,
                ) -> float | None:
    """Cohen's kappa of two judges' yes/no labels (optionally weighted pairs).

    ``None`` when chance agreement is 1 (both judges gave one label to every pair), where kappa
    is undefined.
    """
    observed = raw_agreement(labels, weights)
    if observed is None:
        return None
    w = list(weights) if weights is not None else [1.0] * len(labels)
    total = sum(w)
    p1 = sum(wi for (x, _), wi in zip(labels, w, strict=True) if x) / total
    p2 = sum(wi for (_, y), wi in zip(labels, w, strict=True) if y) / total
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1 - chance)


def raw_agreement(labels: Sequence[tuple[bool, bool]],
                  weights: Sequence[float] | None = None) -> float | None:
    """The (weighted) share of pairs both judges labelled alike; ``None`` for no pairs."""
    w = list(weights) if weights is not None else [1.0] * len(labels)
    total = sum(w)
    if not labels or total <= 0:
        return None
    return sum(wi for (x, y), wi in zip(labels, w, strict=True) if x == y) / total


def precision_recall(labels: Sequence[tuple[bool, bool]],
                     weights: Sequence[float] | None = None) -> tuple[float, float, float]:
    """The second judge scored like a linker against the first: pairwise P, R and F1 of "same"
    (0.0 where undefined). It shows how far judge noise alone keeps a perfect linker from 1.0."""
    w = list(weights) if weights is not None else [1.0] * len(labels)
    tp = sum(wi for (x, y), wi in zip(labels, w, strict=True) if x and y)
    fp = sum(wi for (x, y), wi in zip(labels, w, strict=True) if y and not x)
    fn = sum(wi for (x, y), wi in zip(labels, w, strict=True) if x and not y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(first_files: Iterable[Path], second: list[dict[str, Any]],
          ) -> tuple[list[Judged], Counter[tuple[str, bool]], int]:
    """Pair the second judge's lines with the first judge's.

    Returns the matched pairs, the first files' label counts per ``(file, same)`` (the
    population a stratified sample was drawn from) and how many second-judge lines had no
    first-judge pair.
    """
    first: dict[tuple[tuple[str, int, int], ...], tuple[bool, str]] = {}
    population: Counter[tuple[str, bool]] = Counter()
    for path in first_files:
        for line in read_jsonl(path):
            first[pair_key(line)] = (bool(line["same"]), path.name)
            population[(path.name, bool(line["same"]))] += 1
    judged: list[Judged] = []
    unmatched = 0
    for line in second:
        hit = first.get(pair_key(line))
        if hit is None:
            unmatched += 1
            continue
        judged.append(Judged(first=hit[0], second=bool(line["same"]), source=hit[1]))
    return judged, population, unmatched


def _fmt(value: float | None) -> str:
    """Three decimals, or "n/a" for an undefined figure."""
    return "n/a" if value is None else f"{value:.3f}"


def _row(name: str, judged: list[Judged], weights: list[float] | None = None) -> str:
    """One table row; kappa is "n/a" where the first judge gave one label to every pair (a
    stratum of a label-stratified sample), since chance agreement then equals raw agreement."""
    labels = [(j.first, j.second) for j in judged]
    raw = raw_agreement(labels, weights)
    kappa = cohen_kappa(labels, weights) if len({x for x, _ in labels}) > 1 else None
    both = sum(1 for j in judged if j.first and j.second)
    only1 = sum(1 for j in judged if j.first and not j.second)
    only2 = sum(1 for j in judged if j.second and not j.first)
    return (f"| {name} | {len(judged)} | {_fmt(raw)} | {_fmt(kappa)} | "
            f"{both} / {only1} / {only2} |")


def report(judged: list[Judged], population: Counter[tuple[str, bool]], unmatched: int) -> str:
    """A Markdown table: raw agreement and kappa, overall, per stratum, per file, re-weighted."""
    lines = ["| pairs | n | raw agreement | Cohen's kappa "
             "| same: both / first only / second only |",
             "| --- | --- | --- | --- | --- |", _row("all (as sampled)", judged)]
    for label, name in ((True, "first judge: same"), (False, "first judge: different")):
        lines.append(_row(name, [j for j in judged if j.first == label]))
    for source in sorted({j.source for j in judged}):
        lines.append(_row(source, [j for j in judged if j.source == source]))
    # Re-weight each (file, first label) cell to its share of the first files.
    drawn = Counter((j.source, j.first) for j in judged)
    weights = [population[(j.source, j.first)] / drawn[(j.source, j.first)] for j in judged]
    lines.append(_row("all, weighted to the gold's label shares", judged, weights))
    lines.append("\nThe second judge scored as a linker against the first (\"same\" pairs):\n")
    lines.append("| pairs | P | R | F1 |\n| --- | --- | --- | --- |")
    labels = [(j.first, j.second) for j in judged]
    for name, w in (("as sampled", None), ("weighted to the gold's label shares", weights)):
        p, r, f = precision_recall(labels, w)
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")
    if unmatched:
        lines.append(f"\n{unmatched} second-judge pairs are not in the first judge's files.")
    return "\n".join(lines)


def split_second(first: list[Path]) -> tuple[Path, list[Path]]:
    """The second judge's file and the first judge's files when no SECOND was given before
    ``--first``: ``--first A B SECOND`` (``--first`` takes every file after it) gives SECOND as
    the last file when all its pairs are in the files before it, since the first judge's files
    (dev, train, train2) share no pair while a second judgment re-labels theirs. Otherwise the
    default second judge's file and ``first`` as given."""
    if len(first) >= 2:
        try:
            earlier = {pair_key(line) for path in first[:-1] for line in read_jsonl(path)}
            last = [pair_key(line) for line in read_jsonl(first[-1])]
        except (ValueError, KeyError, TypeError):
            last = []  # unreadable: left to match(), which names the problem
        if last and all(key in earlier for key in last):
            return first[-1], first[:-1]
    return Path(DEFAULT_SECOND), first


def _missing(paths: Iterable[Path]) -> bool:
    """Whether a pair gold file of ``paths`` is absent; the first such is named on stderr."""
    for path in paths:
        if not path.exists():
            print(f"no pair gold file at {path}: run from the repository root or give the path",
                  file=sys.stderr)
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    """Command line: print the agreement table."""
    parser = argparse.ArgumentParser(
        prog="diurna evaluate pairs-agreement",
        description="Agreement between two judges of the event-pair gold.")
    parser.add_argument("second", type=Path, nargs="?", default=None,
                        help=f"the second judge's file (default {DEFAULT_SECOND})")
    parser.add_argument("--first", type=Path, nargs="+",
                        default=[Path(p) for p in DEFAULT_FIRST],
                        help="the first judge's files (default: the dev and training pairs)")
    args = parser.parse_args(argv)
    if _missing(args.first if args.second is None else (args.second, *args.first)):
        return 2
    if args.second is None:
        args.second, args.first = split_second(args.first)
        if _missing([args.second]):
            return 2
    try:
        judged, population, unmatched = match(args.first, list(read_jsonl(args.second)))
    except (ValueError, KeyError, TypeError) as err:  # not JSON, or a line without pair keys
        what = f"missing key {err}" if isinstance(err, KeyError) else str(err)
        print(f"cannot read the pair gold: {what} (one JSON object with a, b and same a line)",
              file=sys.stderr)
        return 2
    if not judged:
        print(f"no pair of {args.second} is in the first judge's files", file=sys.stderr)
        return 1
    print(report(judged, population, unmatched))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
