"""Where are the pool's missed gold attributions lost? Brief Q17B (docs/quotes.md part 46); the
pool holds dev4 and dev5 since part 50 (spent blind sets, now read sets), and train may be named.

    python bench/quote_miss_split.py [--gold FILE ...] [--pickles DIR] [--examples]

The statements stage runs as shipped (the learned check included) on each article of the read
development quote sets; every candidate the check judges is recorded with its decision. Each
gold attribution the scorer leaves unmatched (>= 50 % of each side's words) is put in the first
class that holds:

- **(b) check dropped**: a candidate that would match it on its own (the trainer's label: at the
  gold's cue for another verb's candidate) was dropped by the check;
- **(c) bounds**: a statement is kept at the gold's cue, but it does not cover >= 50 % of each
  side's words; **(c') dropped, bounds wrong too**: only a dropped candidate is at the cue;
- **(a) no candidate** at the gold's cue, split by the cue: a listed cue verb tagged as a verb
  (with its construction), a listed verb the tagger made a noun, name or adjective (a parse
  problem), a verb outside the lists, a noun, another word, or no cue at all;
- **(d) other**: a statement that would match it alone went to another gold line; a gold line
  with no content whose cue has no statement left.

Direct and indirect (with mixed) lines are counted apart. ``--pickles DIR`` reads
``DIR/<name>.pkl`` (a list of ``(gold line, document parsed up to the statements stage)``),
written on the first run, so that later runs skip the parse. Only read development files are
accepted; never a test split or a blind set.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from diurna.evaluate import quotes as scorer
from diurna.evaluate.gold import frozen, read_jsonl
from diurna.model import Document, Quote
from diurna.statements import quotes as stage
from diurna.statements.learned import decide
from diurna.statements.mentions import MentionFinder
from diurna.statements.train import label

# the read development sets; dev4 and dev5 are spent blind sets, read since part 48
POOL = ("dev", "dev2", "dev3", "dev4", "dev5", "train2")
_BLIND = ("dev6", "dev7", "dev13", "dev14", "test", "heldout")
_LISTED = (stage.SPEECH_VERBS | stage._OBJECT_CUES | stage._STANCE_VERBS | stage._EXPRESSING
           | stage._JUDGING | {"find", "show"})


def gold_path(name: str) -> str:
    """The gold file of a pool name ("dev2"), or the path as given."""
    return name if name.endswith(".jsonl") else f"gold/quotes-wikinews-{name}.jsonl"


def refused(path: str) -> bool:
    """A frozen test split or a blind development set: never read here."""
    stem = Path(path).name
    return frozen(path) or any(f"-{b}" in stem for b in _BLIND)


class Run(NamedTuple):
    """One article's statements, with every candidate the check judged and its decision."""

    gold: list[scorer.Attribution]
    pred: list[scorer.Attribution]
    cands: list[scorer.Attribution]
    rule: list[bool]
    kept: list[bool]


def run_article(line: dict[str, Any], doc: Document) -> Run:
    """The shipped statements stage on one parsed document, the check's decisions recorded."""
    seen: list[tuple[Quote, bool]] = []
    verdict: list[bool] = []

    def check(d: Document, cands: list[tuple[Quote, bool]]) -> list[bool]:
        out = decide(d, cands)
        seen.extend(cands)
        verdict.extend(out)
        return out

    finder = MentionFinder(doc, stage.Statements()._resolver())
    quotes = stage.extract_quotes(doc, finder, check=check)
    text = doc.text
    return Run(gold=scorer.from_gold(text, line, line["source"]),
               pred=[scorer.from_quote(text, q) for q in quotes],
               cands=[scorer.from_quote(text, q) for q, _ in seen],
               rule=[r for _, r in seen], kept=verdict)


def _cue_token(parsed: Any, cue: scorer.Spn) -> Any | None:
    span = parsed.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return max(span, key=lambda t: (t.pos_ == "VERB", t.pos_ == "AUX", t.pos_ in {"NOUN", "ADJ"}))


def no_candidate_kind(parsed: Any, cue: scorer.Spn | None) -> str:
    """Why no candidate stands at a gold cue, read off the cue word and the parse."""
    if cue is None or not any(ch.isalpha() for ch in cue.text):
        return "no cue (or punctuation)"
    if "according" in cue.text.lower():
        return "according to"
    tok = _cue_token(parsed, cue)
    if tok is None:
        return "cue not a token (parse problem)"
    lemma = tok.lemma_.lower()
    verb_lemma = lemma if tok.pos_ in {"VERB", "AUX"} else tok.lower_.rstrip("sd")
    if tok.pos_ in {"VERB", "AUX"}:
        if lemma in _LISTED:
            return "listed verb: " + _construction(tok)
        return "verb not listed: " + _construction(tok)
    if any(v in _LISTED for v in {lemma, verb_lemma, tok.lower_[:-1], tok.lower_[:-2]}) and (
            tok.pos_ != "NOUN" or tok.dep_ not in {"pobj", "dobj", "poss"}):
        return f"listed verb tagged {tok.pos_} (parse problem)"
    if tok.pos_ == "NOUN":
        return "noun"
    return f"other word ({tok.pos_})"


def _construction(tok: Any) -> str:
    """A verb cue's shape: passive, participle, with a clause, object, phrase, or nothing."""
    kids = {c.dep_ for c in tok.children if c.i > tok.i}
    if any(c.dep_ == "auxpass" for c in tok.children):
        return "passive"
    if tok.tag_ in {"VBG", "VBN"} and tok.dep_ in {"advcl", "acl", "xcomp", "pcomp", "amod"}:
        return "participle"
    if kids & {"ccomp", "xcomp"}:
        return "clause after"
    if "dobj" in kids:
        return "object"
    if "prep" in kids:
        return "phrase"
    return "nothing after (clause before, parse)"


def _alone(g: scorer.Attribution, c: scorer.Attribution, rule: bool) -> bool:
    return label([g], c, same_cue=not rule) == 1


def classify(run: Run, gi: int, parsed: Any) -> str:
    """The class of one unmatched gold attribution (module docstring)."""
    g = run.gold[gi]
    at_cue = [scorer._overlap(g.cue, c.cue) for c in run.cands]
    if any(not k and _alone(g, c, r)
           for c, r, k in zip(run.cands, run.rule, run.kept, strict=True)):
        return "(b) check dropped a matching candidate"
    if any(scorer._overlap(g.cue, p.cue) for p in run.pred):
        if g.tokens and any(_alone(g, p, True) for p in run.pred):
            return "(d) a matching statement went to another gold line"
        return "(c) kept at the cue, bounds < 50 %"
    if any(at_cue):
        return "(c') only a dropped candidate at the cue, bounds wrong too"
    if g.tokens and any(_alone(g, p, True) for p in run.pred):
        return "(d) a matching statement went to another gold line"
    return "(a) no candidate: " + no_candidate_kind(parsed, g.cue)


def load(name: str, pickles: Path | None) -> list[tuple[dict[str, Any], Document]]:
    """Each article of a gold file parsed up to the statements stage (pickled when asked)."""
    cache = pickles / f"{Path(name).stem.replace('quotes-wikinews-', '')}.pkl" if pickles else None
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]  # our own file
    from diurna.pipeline import Pipeline

    full = Pipeline.default()
    upto = full.components[: full.names.index("statements")]
    out = []
    for line in read_jsonl(gold_path(name)):
        doc = scorer._doc(line["source"], line, None)
        for comp in upto:
            doc = comp(doc)
        out.append((line, doc))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as fh:
            pickle.dump(out, fh)
    return out


def split(docs: Sequence[tuple[dict[str, Any], Document]], show: bool = False
          ) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """The miss classes by kind (``(kind, class)`` counts) and the scorer's tallies."""
    classes: Counter[tuple[str, str]] = Counter()
    tallies: Counter[str] = Counter()
    for line, doc in docs:
        run = run_article(line, doc)
        pairs = scorer.match(run.gold, run.pred)
        tallies += scorer.tally(run.gold, run.pred, pairs)
        got = {gi for gi, _ in pairs}
        for gi, g in enumerate(run.gold):
            if gi in got:
                continue
            kind = "direct" if g.kind == "direct" else "indirect"
            cls = classify(run, gi, doc.nlp)
            classes[(kind, cls)] += 1
            if show:
                content = " | ".join(s.text for s in g.content)[:140]
                near = [p for p in [*run.pred, *run.cands] if scorer._overlap(g.cue, p.cue)]
                found = " | ".join(s.text for s in near[0].content)[:140] if near else ""
                print(f"{kind}\t{cls}\t{g.cue.text if g.cue else '-'}\t{content}\t{found}")
    return classes, tallies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", default=list(POOL),
                    help="pool names (dev, dev2 ... dev5, train2, train) or gold files")
    ap.add_argument("--pickles", type=Path, default=None)
    ap.add_argument("--examples", action="store_true", help="print every missed line")
    args = ap.parse_args(argv)
    for name in args.gold:
        if refused(gold_path(name)):
            ap.error(f"{name}: a test split or blind set is never read here")
    total: Counter[tuple[str, str]] = Counter()
    tallies: Counter[str] = Counter()
    for name in args.gold:
        classes, t = split(load(name, args.pickles), args.examples)
        total += classes
        tallies += t
        figs = scorer.figures(t)
        print(f"{name}: detection F1 {figs['detection']['f1']:.4f}", file=sys.stderr)
    figs = scorer.figures(tallies)
    print(f"pooled {', '.join(args.gold)}: detection F1 {figs['detection']['f1']:.4f}")
    print("| class | indirect + mixed | direct |\n| --- | --- | --- |")
    for cls in sorted({c for _, c in total}):
        print(f"| {cls} | {total[('indirect', cls)]} | {total[('direct', cls)]} |")
    print(f"| **all** | {sum(n for (k, _), n in total.items() if k == 'indirect')} | "
          f"{sum(n for (k, _), n in total.items() if k == 'direct')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
