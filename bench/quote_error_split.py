"""Where do the indirect attributions go wrong? The error groups of brief 17q (docs/quotes.md 11).

    python bench/quote_error_split.py [--gold TRAIN] [--cache FILE] [--limit N] [--top N]

The statements stage with the learned check chosen and applied **out-of-fold** on the training
split (the script :mod:`diurna.statements.train`'s folds and thresholds), then every gold
indirect or mixed attribution left unmatched and every predicted indirect statement left
unmatched is put in one group:

- **check**: some candidate (the rules' or another verb's) would match the gold on its own, but
  the check dropped it or did not add it;
- **bounds**: a statement is kept at the gold's cue, but it does not cover >= 50 % of each
  side's words (the scorer's rule); by shape: too long, too short;
- **no cue candidate**: nothing is kept at the gold's cue, though a candidate or prediction
  elsewhere shares some of its words (with **none**, the recall of candidate generation; both
  counted by cue lemma and construction, ``none:lemma``, ``no:construction``);
- **taken**: a candidate matches it, but the matcher gave that prediction to another gold;
- **none**: no candidate has its cue or any of its words;
- **no content**: a gold attribution without words ("declined to comment");
- predicted: **bounds** (overlaps an unmatched gold), **split** (overlaps only matched golds:
  a second piece of one speech event) and **false** (overlaps no gold at all; by cue lemma).

The misses are also counted by whether any candidate (kept or not) or direct quote was offered
at the gold's cue (``offered``: never offered, offered and rejected by the check, kept with
wrong bounds, offered but not matching alone), and the never offered ones by the grammatical
frame of the gold's cue (``never:frame``: a verb by its WordNet class and what follows it, a
statement noun, an adjective, "according to"; brief 17v, docs/quotes.md part 15).
Another gold file (``--gold``, e.g. train2) is scored with the check fitted on all of train.

Only the training (or dev) split is read; never a test split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import frozen, read_jsonl
from diurna.statements import train as trainer
from diurna.statements.learned import kept as kept_at

_INDIRECT = frozenset({"indirect", "mixed"})


def _cue_lemma(feats: Sequence[str]) -> str:
    return next(f for f in feats if f.startswith("lemma="))[len("lemma="):]


def construction(parsed: Any, cue: scorer.Spn | None) -> tuple[str, str]:
    """The gold cue's lemma and a coarse construction read off the parse."""
    if cue is None:
        return "-", "no cue"
    span = parsed.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return cue.text.lower(), "unparsed"
    tok = max(span, key=lambda t: t.pos_ in {"VERB", "NOUN", "ADJ"})
    lemma = " ".join(t.lemma_.lower() for t in span)
    if tok.lower_ == "according" or "according" in lemma:
        return lemma, "according to"
    if tok.pos_ == "NOUN":
        return lemma, "noun: " + ("with clause" if any(
            c.dep_ in {"acl", "relcl", "ccomp"} for c in tok.children) else "other")
    if tok.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ == "auxpass" for c in tok.children):
            return lemma, "verb: passive"
        kids = {c.dep_ for c in tok.children if c.i > tok.i}
        if tok.tag_ == "VBG" and tok.dep_ in {"advcl", "xcomp", "acl", "pcomp"}:
            return lemma, "verb: participle"
        if kids & {"ccomp"}:
            return lemma, "verb + clause"
        if kids & {"xcomp"}:
            return lemma, "verb + to-clause"
        if kids & {"dobj"}:
            return lemma, "verb + object"
        if kids & {"prep"}:
            return lemma, "verb + preposition"
        return lemma, "verb: other (clause before / parse)"
    return lemma, tok.pos_.lower()


_COMMUNICATION, _COGNITION = "verb.communication", "verb.cognition"


def frame(parsed: Any, cue: scorer.Spn | None) -> str:
    """The grammatical frame of a gold cue no candidate was offered at (brief 17v): a verb by
    its WordNet class (communication, cognition, other) and what follows it; a statement noun
    with a that-clause ("the claim that"), in a phrase ("in a statement"), or with another
    complement ("calls for", "claims of"); an adjective ("critical of", "skeptical that");
    "according to" and its variants; a colon or dash headline."""
    from diurna.language.wordnet import verb_senses

    if cue is None:
        return "no cue"
    text = cue.text.lower()
    if "according" in text or text in {"as", "per"}:
        return "according to / as X said / per"
    if not any(ch.isalpha() for ch in text):
        return "punctuation cue (colon headline, dash)"
    span = parsed.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return "unparsed"
    tok = max(span, key=lambda t: t.pos_ in {"VERB", "NOUN", "ADJ"})
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.dep_ != "compound"):
        if tok.head.pos_ == "ADP" and tok.dep_ == "pobj":
            return "noun in a phrase (in a statement, on his pledge, of criticism)"
        if any(c.dep_ in {"acl", "relcl", "ccomp"} and any(
                g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
               for c in tok.children):
            return "noun + that-clause (the claim that)"
        if any(c.dep_ == "acl" and c.tag_ == "TO" or any(
                g.tag_ == "TO" for g in c.children) for c in tok.children if c.dep_ == "acl"):
            return "noun + to-clause (refusal to, call to)"
        if any(c.dep_ == "prep" for c in tok.children):
            return "noun + phrase (claims of, calls for)"
        return "noun, other"
    if tok.pos_ == "ADJ":
        return "adjective (critical of, skeptical that)"
    if tok.pos_ in {"VERB", "AUX"}:
        senses = verb_senses(tok.lemma_.lower())
        cls = ("communication" if _COMMUNICATION in senses else
               "cognition" if _COGNITION in senses else "other class")
        if any(c.dep_ == "auxpass" for c in tok.children):
            shape_ = "passive"
        elif tok.tag_ in {"VBG", "VBN"} and tok.dep_ in {"advcl", "acl", "xcomp", "pcomp",
                                                          "amod"}:
            shape_ = "participle"
        else:
            kids = {c.dep_ for c in tok.children if c.i > tok.i}
            shape_ = ("clause" if kids & {"ccomp"} else "to-clause" if "xcomp" in kids
                      else "object" if "dobj" in kids else "phrase" if "prep" in kids
                      else "clause before / parse")
        return f"verb ({cls}) + {shape_}"
    return f"other ({tok.pos_.lower()})"


def _overlaps(g: scorer.Attribution, c: scorer.Attribution) -> bool:
    return bool(g.tokens & c.tokens) or scorer._overlap(g.cue, c.cue)


def shape(g: scorer.Attribution, at_cue: Sequence[scorer.Attribution]) -> str:
    """How the prediction at the gold's cue misses it: too long (holds >= 50 % of the gold's
    words but they are < 50 % of its own), too short, both, or no prediction at that cue."""
    if not at_cue:
        return "no prediction at the gold's cue"
    c = max(at_cue, key=lambda c: len(g.tokens & c.tokens))
    shared = len(g.tokens & c.tokens)
    if not shared:
        return "at the cue, no shared word"
    covers = shared >= scorer.THRESHOLD * len(g.tokens)
    inside = shared >= scorer.THRESHOLD * len(c.tokens)
    if covers:
        return "too long (holds the gold, mostly other words)"
    if inside:
        return "too short (inside the gold, < 50 % of it)"
    return "both (overlaps, < 50 % either way)"


def _alone(g: scorer.Attribution, c: scorer.Attribution) -> bool:
    return trainer.label([g], c) == 1


def split(articles: Sequence[trainer.Article], probs: Sequence[np.ndarray],
          drop: float, add: float, parsed: Sequence[Any] | None, show: bool = False
          ) -> dict[str, Counter[str]]:
    """The error groups' counts (``groups``), and per group of misses the cue lemmas and
    constructions (``none:lemma``, ``none:construction``, ...); ``show`` prints each gold
    attribution with no candidate at its cue."""
    out: dict[str, Counter[str]] = {k: Counter() for k in (
        "groups", "none:lemma", "none:lemma:only", "none:construction", "no:construction",
        "bounds:construction", "bounds:shape", "check:lemma", "false:lemma", "false:origin",
        "gold", "offered", "never:frame")}
    for ai, (a, ps) in enumerate(zip(articles, probs, strict=True)):
        keep = kept_at(a.rule, ps, drop, add, trainer.spans(a))  # as at run time (part 18)
        kept = [c for c, k in zip(a.cands, keep, strict=True) if k]
        kept_feats = [f for f, k in zip(a.sparse, keep, strict=True) if k]
        kept_rule = [r for r, k in zip(a.rule, keep, strict=True) if k]
        pred = [*a.direct, *kept]
        pairs = scorer.match(a.gold, pred)
        got_g = {g for g, _ in pairs}
        got_p = {p for _, p in pairs}
        for gi, g in enumerate(a.gold):
            if g.kind not in _INDIRECT:
                continue
            out["gold"][g.kind] += 1
            if gi in got_g:
                out["gold"]["matched"] += 1
                continue
            if not g.tokens:
                out["groups"]["miss: no content"] += 1
                continue
            # another verb's candidate counts only at the gold's cue: its object inside
            # content cued elsewhere matches by coincidence (the train script's label)
            alone = [ci for ci, c in enumerate(a.cands) if _alone(g, c) and (
                a.rule[ci] or scorer._overlap(g.cue, c.cue))]
            if any(not keep[ci] for ci in alone):
                group = "check"
                ci = next(ci for ci in alone if not keep[ci])
                origin = "rule" if a.rule[ci] else "open"
                out["check:lemma"][f"{_cue_lemma(a.sparse[ci])} ({origin})"] += 1
                group += f" ({origin})"
            elif alone or any(_alone(g, p) for p in a.direct):
                group = "taken"
            elif any(_overlaps(g, c) for c in [*a.cands, *a.direct]):
                at_cue = [c for c in [*kept, *a.direct] if scorer._overlap(g.cue, c.cue)]
                group = "bounds" if at_cue else "no cue candidate"
                out["bounds:shape"][shape(g, at_cue)] += 1
                if not at_cue and any(scorer._overlap(g.cue, c.cue) for c in a.cands):
                    out["bounds:shape"]["  of which an unkept candidate at the cue"] += 1
            else:
                group = "none"
            out["groups"]["miss: " + group] += 1
            # brief 17v: was any candidate (kept or not) or direct quote offered at its cue?
            offered = any(scorer._overlap(g.cue, c.cue) for c in [*a.cands, *a.direct])
            coarse = ("offered, check rejected" if group.startswith("check") else
                      "offered, kept with wrong bounds" if group == "bounds" else
                      "offered at the cue, would not match alone" if offered and group in {
                          "no cue candidate", "none"} else
                      "never offered at the cue" if group in {"no cue candidate", "none"}
                      else group)
            out["offered"][coarse] += 1
            if coarse == "never offered at the cue" and parsed is not None:
                out["never:frame"][frame(parsed[ai], g.cue)] += 1
                if show:
                    sent = parsed[ai].char_span(g.cue.start, g.cue.end, alignment_mode="expand")
                    print(f"NEVER {frame(parsed[ai], g.cue)} | {g.cue.text} | "
                          f"{' / '.join(c.text for c in g.content)[:120]}"
                          f" | {sent.sent.text[:200] if sent is not None else ''}")
            if parsed is not None and group in {"none", "bounds", "no cue candidate"}:
                lemma, kind = construction(parsed[ai], g.cue)
                out[f"{group.split()[0]}:construction"][kind] += 1
                if group != "bounds":
                    out["none:lemma"][f"{lemma} | {kind}"] += 1
                    out["none:lemma:only"][lemma] += 1
                    if show:
                        sent = parsed[ai].char_span(g.cue.start, g.cue.end,
                                                    alignment_mode="expand")
                        print(f"EX {kind} | {g.cue.text} | {' / '.join(c.text for c in g.content)}"
                              f" | {sent.sent.text if sent is not None else ''}")
        for pi, p in enumerate(pred):
            if pi < len(a.direct) or pi in got_p:
                continue
            ki = pi - len(a.direct)
            hit = [gi for gi, g in enumerate(a.gold) if g.tokens & p.tokens]
            if any(gi not in got_g for gi in hit):
                out["groups"]["spurious: bounds"] += 1
            elif hit:
                out["groups"]["spurious: split / duplicate"] += 1
            else:
                out["groups"]["spurious: false"] += 1
                origin = "rule" if kept_rule[ki] else "open"
                out["false:origin"][origin] += 1
                out["false:lemma"][_cue_lemma(kept_feats[ki])] += 1
    return out


def parse_all(path: str, limit: int | None) -> list[Any]:
    """Each article's spaCy parse (the pipeline's language stage), in gold order."""
    from diurna.pipeline import Pipeline

    full = Pipeline.default()
    upto = full.components[: full.names.index("statements")]
    out = []
    for line in list(read_jsonl(path))[:limit]:
        doc = scorer._doc(line["source"], line, None)
        for comp in upto:
            doc = comp(doc)
        out.append(doc.nlp)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--gold", default=trainer.TRAIN)
    ap.add_argument("--cache", type=Path, default=None, help="the train script's --cache FILE")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--examples", action="store_true",
                    help="print each gold attribution with no candidate at its cue")
    ap.add_argument("--no-parse", action="store_true", help="skip the constructions")
    args = ap.parse_args(argv)
    if frozen(args.gold):
        ap.error("the test split is frozen: no error analysis on it")
    cache = args.cache
    train = trainer.cached(trainer.TRAIN, args.limit,
                           cache.with_suffix(".train") if cache else None)
    figures = trainer.grid(train, trainer.out_of_fold(train))
    drop, add = trainer.conservative(figures)
    if args.gold == trainer.TRAIN:
        articles, probs = train, trainer.out_of_fold(train)
        what = "train, check out-of-fold"
    else:
        check = trainer.fit(train)
        articles = trainer.cached(args.gold, args.limit, trainer.cache_for(cache, args.gold))
        probs = [check.probabilities(a.sparse, a.dense) for a in articles]
        what = f"{args.gold}, check fitted on train"
    parsed = None if args.no_parse else parse_all(args.gold, args.limit)
    out = split(articles, probs, drop, add, parsed, args.examples)
    print(f"{what}: thresholds drop below {drop}, add from {add}")
    for name, counter in out.items():
        total = sum(counter.values())
        print(f"\n{name} (total {total})")
        for k, n in counter.most_common(args.top):
            print(f"  {n:5d}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
