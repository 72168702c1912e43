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

Direct and indirect (with mixed) lines are counted apart.

``--false-alarms`` (part 54) splits the other side too: each statement the scorer leaves
unmatched goes to the first class that holds: **bounds** (a gold line at its cue is unmatched),
**second line** (the gold line at its cue, or whose words it shares, went to another
statement), **partial** (it shares words with a gold line of another cue, under the scorer's
50 %), and else **no gold line**, split by shape: inside quotation marks (a report embedded in a
quote), a question, a non-speech sense of the cue ("is said to be", "told X to", "asked to"), a
statement not (yet) made (a modal, future or negated cue, or one under "plan" / "expect"), and
otherwise by its cue (direct quote, "according to", noun, agentless, listed verb, other verb).

``--pickles DIR`` reads ``DIR/<name>.pkl`` (a list of ``(gold line, document parsed up to the
statements stage)``), written on the first run, so that later runs skip the parse. Only read
development files are accepted; never a test split or a blind set.
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
from diurna.evaluate.gold import blind, frozen, read_jsonl
from diurna.model import Document, Quote
from diurna.statements import quotes as stage
from diurna.statements.learned import decide
from diurna.statements.mentions import MentionFinder
from diurna.statements.train import label

# the read development sets; dev4 and dev5 are spent blind sets, read since part 48
POOL = ("dev", "dev2", "dev3", "dev4", "dev5", "train2")
_LISTED = (stage.SPEECH_VERBS | stage._OBJECT_CUES | stage._STANCE_VERBS | stage._EXPRESSING
           | stage._JUDGING | {"find", "show"})


def gold_path(name: str) -> str:
    """The gold file of a pool name ("dev2"), or the path as given."""
    return name if name.endswith(".jsonl") else f"gold/quotes-wikinews-{name}.jsonl"


def refused(path: str) -> bool:
    """A frozen test split or a blind development set: never read here."""
    return frozen(path) or blind(path)


class Run(NamedTuple):
    """One article's statements, with every candidate the check judged and its decision."""

    gold: list[scorer.Attribution]
    pred: list[scorer.Attribution]
    cands: list[scorer.Attribution]
    rule: list[bool]
    kept: list[bool]
    quotes: Sequence[Quote] = ()  # the kept statements, in pred's order (the false alarms' split)


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
               rule=[r for _, r in seen], kept=verdict, quotes=quotes)


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


_MODALS = frozenset({"will", "would", "'ll", "shall", "may", "might", "could", "should", "must",
                     "can"})
_PLANS = frozenset({"plan", "expect", "want", "intend", "hope", "schedule", "go", "set", "due",
                    "likely", "prepare", "refuse", "decline", "fail"})


def unmade(cue: Any) -> bool:
    """The cue reports no statement made: a modal, future or negated verb ("will announce",
    "did not say") or one under a verb of plan ("is expected to say", "plans to announce")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in cue.children):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and head.lemma_.lower() in _PLANS


def non_speech_sense(cue: Any) -> bool:
    """A speech verb in a sense that reports no statement: "is said to be" (a passive say with
    a "to" clause), "told X to leave", "asked to resign" (an order or a request for an act)."""
    lemma = cue.lemma_.lower()
    to_clause = any(c.dep_ == "xcomp" and any(t.lower_ == "to" and t.dep_ == "aux"
                                              for t in c.children) for c in cue.children)
    if lemma == "say" and to_clause and any(c.dep_ == "auxpass" for c in cue.children):
        return True
    return lemma in {"tell", "ask", "order"} and to_clause


def false_alarm_class(run: Run, pi: int, matched_gold: set[int], parsed: Any,
                      quoted: list[tuple[int, int]]) -> str:
    """The class of one unmatched statement (module docstring)."""
    p = run.pred[pi]
    at_cue = [gi for gi, g in enumerate(run.gold) if scorer._overlap(g.cue, p.cue)]
    if any(gi not in matched_gold for gi in at_cue):
        return "(fc) bounds: the gold line at its cue is unmatched"
    sharing = [gi for gi, g in enumerate(run.gold) if g.tokens & p.tokens]
    if at_cue or any(gi in matched_gold for gi in sharing):
        return "(fd) second line: its gold line went to another statement"
    if sharing:
        return "(fp) partial: shares words with another cue's gold line"
    q = run.quotes[pi]
    cue = _cue_token(parsed, q.cue) if q.cue is not None else None
    if q.kind != "direct" and q.cue is not None and any(
            s <= q.cue.start and q.cue.end <= e for s, e in quoted):
        return "(fn) no gold line: inside quotation marks"
    sent = cue.sent if cue is not None else None
    if sent is not None and sent.text.rstrip().rstrip("\"'”’").endswith("?"):
        return "(fn) no gold line: a question"
    if q.kind == "direct":
        return "(fn) no gold line: direct quote"
    if cue is not None and cue.pos_ in {"VERB", "AUX"}:
        if non_speech_sense(cue):
            return "(fn) no gold line: non-speech sense (said to be, told to)"
        if unmade(cue):
            return "(fn) no gold line: not (yet) made (modal, negated, planned)"
        if cue.lemma_.lower() in _LISTED:
            return "(fn) no gold line: listed verb"
        return "(fn) no gold line: other verb"
    if q.cue is not None and "according" in q.cue.text.lower():
        return "(fn) no gold line: according to"
    if q.source_kind == "unnamed" and q.speaker is None:
        return "(fn) no gold line: agentless"
    if cue is not None and cue.pos_ == "NOUN":
        return "(fn) no gold line: noun"
    return "(fn) no gold line: other cue"


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


def split(docs: Sequence[tuple[dict[str, Any], Document]], show: bool = False,
          alarms: Counter[tuple[str, str]] | None = None
          ) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """The miss classes by kind (``(kind, class)`` counts) and the scorer's tallies; the false
    alarms' classes are added to ``alarms`` when it is given."""
    classes: Counter[tuple[str, str]] = Counter()
    tallies: Counter[str] = Counter()
    for line, doc in docs:
        run = run_article(line, doc)
        pairs = scorer.match(run.gold, run.pred)
        tallies += scorer.tally(run.gold, run.pred, pairs)
        got = {gi for gi, _ in pairs}
        if alarms is not None:
            said = {pi for _, pi in pairs}
            marks = stage.quoted_ranges(doc.text)
            for pi, q in enumerate(run.quotes):
                if pi in said:
                    continue
                kind = "direct" if q.kind == "direct" else "indirect"
                cls = false_alarm_class(run, pi, got, doc.nlp, marks)
                alarms[(kind, cls)] += 1
                if show:
                    print(f"FA {kind}\t{cls}\t{q.cue.text if q.cue else '-'}\t{q.text[:140]}")
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
    ap.add_argument("--false-alarms", action="store_true",
                    help="split the unmatched statements by cause too")
    args = ap.parse_args(argv)
    for name in args.gold:
        if refused(gold_path(name)):
            ap.error(f"{name}: a test split or blind set is never read here")
    total: Counter[tuple[str, str]] = Counter()
    tallies: Counter[str] = Counter()
    alarms: Counter[tuple[str, str]] | None = Counter() if args.false_alarms else None
    for name in args.gold:
        classes, t = split(load(name, args.pickles), args.examples, alarms)
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
    if alarms is not None:
        print("\n| false alarm | indirect + mixed | direct |\n| --- | --- | --- |")
        for cls in sorted({c for _, c in alarms}):
            print(f"| {cls} | {alarms[('indirect', cls)]} | {alarms[('direct', cls)]} |")
        print(f"| **all** | {sum(n for (k, _), n in alarms.items() if k == 'indirect')} | "
              f"{sum(n for (k, _), n in alarms.items() if k == 'direct')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
