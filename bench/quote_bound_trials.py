"""Would other content bounds match the gold better? Brief 17u (docs/quotes.md part 14).

    python bench/quote_bound_trials.py [--cache FILE] [--also GOLD ...] [--limit N] [--seed N]

The statements stage's candidates, kept by the learned check (out-of-fold on the training split;
fitted on train for ``--also`` files such as the dev split or train2), are each given one
alternative bound at a time, read off the article text:

- **dangling**: content that ends in a comma or a bare "and" / "but" / "or" / "while" / "that"
  runs on to the end of its sentence (the parse cut a coordinated clause);
- **relative**: content cut before a trailing ", which / who / whom / whose / meaning /
  leading / forcing / prompting / causing ..." (the writer's addition on the object);
- **but-clause**: content followed by ", but ..." runs on to the end of its sentence;
- **quote after**: content that ends in a bare coordinator followed by a quotation runs on to
  the quotation's end (the quoted words of a mixed statement left out).

For every changed candidate the article's matched attributions (the scorer's matcher, >= 50 %
of each side's words) are counted with only that candidate changed: gain, loss or same. The
detection F1 with each alternative taken everywhere, and with it taken only where it gains (an
oracle: the ceiling of a learned choice between the two bounds), is printed beside the rules'
bound. Only training and development files are read; never a test split.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import frozen, read_jsonl
from diurna.statements import train as trainer
from diurna.statements.learned import kept as kept_at

Span = tuple[int, int]
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s|$)|\n")


def _sentence_end(text: str, i: int) -> int:
    m = _SENTENCE_END.search(text, i)
    return m.end() if m else len(text)


_DANGLING = re.compile(r"(?:[,;]|\b(?:and|but|or|while|that))\s*$", re.I)


def dangling(text: str, start: int, end: int) -> Span | None:
    """Run content with a dangling coordinator on to its sentence's end."""
    return (start, _sentence_end(text, end)) if _DANGLING.search(text[start:end]) else None


_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|meaning|leading|forcing|prompting|"
                       r"causing)\b", re.I)


def relative(text: str, start: int, end: int) -> Span | None:
    """Cut a trailing relative or participle clause set off by a comma."""
    m = _RELATIVE.search(text[start:end])
    return (start, start + m.start()) if m and m.start() > 0 else None


_BUT_AFTER = re.compile(r",?\s+but\s", re.I)


def but_clause(text: str, start: int, end: int) -> Span | None:
    """Run content on over a following ", but ..." to its sentence's end."""
    return (start, _sentence_end(text, end)) if _BUT_AFTER.match(text, end) else None


_QUOTE_AFTER = re.compile(r"\s*[“\"]")


def quote_after(text: str, start: int, end: int) -> Span | None:
    """Run content with a dangling coordinator on over the quotation right after it."""
    m = _QUOTE_AFTER.match(text, end)
    if m is None or not _DANGLING.search(text[start:end]):
        return None
    opening = m.end() - 1
    close = text.find("”" if text[opening] == "“" else "\"", opening + 1)
    if close < 0 or "\n" in text[opening:close]:
        return None
    return start, close + 1


TRIALS: dict[str, Callable[[str, int, int], Span | None]] = {
    "dangling": dangling, "relative": relative, "but-clause": but_clause,
    "quote after": quote_after}


def alternative(cand: scorer.Attribution, text: str,
                trial: Callable[[str, int, int], Span | None]) -> scorer.Attribution | None:
    """The candidate with the trial's bound, or None when the trial does not apply (content in
    several parts, content before its cue, or no change)."""
    if len(cand.content) != 1 or (cand.cue is not None and cand.cue.start >= cand.content[0].end):
        return None
    start, end = cand.content[0].start, cand.content[0].end
    span = trial(text, start, end)
    if span is None:
        return None
    s, e = span
    while e > s and text[e - 1] in " ,;:":
        e -= 1  # the comma or full stop's neighbour is no word of the statement
    if (s, e) == (start, end) or e <= s:
        return None
    part = scorer.Spn(s, e, text[s:e])
    return replace(cand, content=[part], tokens=scorer.tokens_of(text, [part]))


def trial_counts(articles: Sequence[trainer.Article], probs: Sequence[np.ndarray],
                 texts: Sequence[str], drop: float, add: float
                 ) -> tuple[dict[str, Counter[str]], int, int]:
    """Per trial: changed candidates and their gain / loss / same, and matched pairs with the
    trial taken everywhere (``all``) or only where it gains (``oracle``); the rules' matched
    pairs and the gold + predicted count (F1 = 2 matched / that count)."""
    out: dict[str, Counter[str]] = {name: Counter() for name in TRIALS}
    base_tp = size = 0
    for a, ps, text in zip(articles, probs, texts, strict=True):
        kept = [c for c, k in zip(a.cands, kept_at(a.rule, ps, drop, add), strict=True) if k]
        base = len(scorer.match(a.gold, [*a.direct, *kept]))
        base_tp += base
        size += len(a.gold) + len(a.direct) + len(kept)
        for name, trial in TRIALS.items():
            every, best = list(kept), list(kept)
            for i, c in enumerate(kept):
                alt = alternative(c, text, trial)
                if alt is None:
                    continue
                every[i] = alt
                one = len(scorer.match(a.gold, [*a.direct, *kept[:i], alt, *kept[i + 1:]]))
                out[name]["changed"] += 1
                out[name]["gain" if one > base else "loss" if one < base else "same"] += 1
                if one > base:
                    best[i] = alt
            out[name]["all"] += len(scorer.match(a.gold, [*a.direct, *every]))
            out[name]["oracle"] += len(scorer.match(a.gold, [*a.direct, *best]))
    return out, base_tp, size


def article_texts(path: str, limit: int | None) -> list[str]:
    """The article text every candidate's offsets refer to, in gold order."""
    return [scorer._doc(line["source"], line, None).text
            for line in list(read_jsonl(path))[:limit]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="the train script's --cache FILE")
    ap.add_argument("--also", action="append", default=[], metavar="GOLD",
                    help="a development file scored with the check fitted on train")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    ap.add_argument("--seed", type=int, default=trainer.SEED,
                    help=f"folds' and network's seed (shipped weights: {trainer.SEED})")
    args = ap.parse_args(argv)
    if any(frozen(g) for g in args.also):
        ap.error("the test split is frozen: no error analysis on it")
    cache = args.cache
    train = trainer.cached(trainer.TRAIN, args.limit, trainer.cache_for(cache, trainer.TRAIN))
    oof = trainer.out_of_fold(train, args.seed)
    drop, add = trainer.conservative(trainer.grid(train, oof))
    runs: list[tuple[str, list[trainer.Article], list[np.ndarray]]] = [
        (trainer.TRAIN + " (check out-of-fold)", train, oof)]
    if args.also:
        check = trainer.fit(train, args.seed)
        for path in args.also:
            arts = trainer.cached(path, args.limit, trainer.cache_for(cache, path))
            runs.append((path, arts, [check.probabilities(a.sparse, a.dense) for a in arts]))
    print(f"thresholds: drop below {drop}, add from {add}; seed {args.seed}")
    for (name, arts, probs), path in zip(runs, [trainer.TRAIN, *args.also], strict=True):
        counts, base_tp, size = trial_counts(arts, probs, article_texts(path, args.limit),
                                             drop, add)
        print(f"\n{name}: rules' bounds detection F1 {2 * base_tp / size:.4f}")
        print(f"  {'trial':12s} {'changed':>7s} {'gain':>5s} {'loss':>5s} {'same':>5s}"
              f"  {'F1 all':>7s}  {'F1 oracle':>9s}")
        for trial, c in counts.items():
            print(f"  {trial:12s} {c['changed']:7d} {c['gain']:5d} {c['loss']:5d} {c['same']:5d}"
                  f"  {2 * c['all'] / size:7.4f}  {2 * c['oracle'] / size:9.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
