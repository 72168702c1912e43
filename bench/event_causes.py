"""A coder's false and missed events on development gold, sorted by cause (issue #12, round 27).

    python bench/event_causes.py GOLD [GOLD ...] [--coder learned] [--list]

Codes every source of each gold file with the default pipeline's stages up to the chosen event
coder (the events ``diurna evaluate events`` scores; the stages after it add no event and drop the
parse), matches its events to the gold unit by unit with the scorer's own
``match_unit``, and puts each false event and each missed gold event in the first cause of
round 23's order whose test it meets (:func:`error_cause`; docs/events-learned.md, rounds 23 and
27). Prints tp / fp / fn and type micro-F1 per file and pooled (counts summed), with the keyword
coder on the same units beside, then the table of causes per file and pooled. ``--list`` prints
every error with its cause, trigger and sentence, for reading by hand: the automatic sort is a
first pass (a word used in another sense, a generic statement or a gold omission has no test
here and lands in "other"), so a table that decides anything should be read by hand as well.

Why a script: round 23's sort lived in a session's scratch folder and was lost; every later
round that read errors rebuilt it. Only development files: frozen test files are refused, and
the blind sets (``diurna.evaluate.gold.BLIND_SETS``) too.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.events import gold_trigger_span, tally_types, unit_pairs
from diurna.evaluate.gold import blind, frozen, gold_document, read_jsonl
from diurna.events.heads import candidate, trigger_head
from diurna.events.learned import NONE, TRACE_STEPS, Combiner, LearnedEventCoder, Read, Trace, typed
from diurna.events.sieve import MODALS, clause_kind
from diurna.model import Document, Event
from diurna.pipeline import Pipeline

# The causes, in the order they are tried (round 23's; the first whose test an error meets).
MISS_CAUSES = ("miss: another type on the word", "miss: no event on the word")
FALSE_CAUSES = ("type confusion", "one act coded twice", "retold, same word or mode",
                "a mention (noun as subject, attribute, prepositional object)",
                "an opinion or feeling (adjective)", "background in a subordinate clause",
                "hypothetical, planned or modal", "retold, another word of the type",
                "other (read by hand)")
# Dependencies of a noun that mentions an act rather than reporting it ("reports of clashes",
# "the rally's organisers", "during the invasion").
MENTION_DEPS = frozenset({"nsubj", "nsubjpass", "attr", "pobj", "compound", "poss", "appos"})
BACKGROUND_CLAUSES = frozenset({"relcl", "acl", "advcl_time", "pcomp_time"})


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _lemma(doc: Document, span: tuple[int, int]) -> str:
    """The lemma of the head word of ``span`` (its lower-cased text when no word heads it)."""
    head = trigger_head(doc.nlp, span[0], span[1])
    return head.lemma_.lower() if head is not None else doc.text[span[0]:span[1]].lower()


def _auxes(tok: Any) -> set[str]:
    """The auxiliaries of ``tok`` (lower case)."""
    return {ch.lower_ for ch in tok.children if ch.dep_ in ("aux", "auxpass")}


def miss_cause(g: dict[str, Any], pred: Sequence[Event]) -> str:
    """Why the gold event ``g`` was missed: the coder put another type on its word, or
    nothing."""
    span = gold_trigger_span(g)
    if any(_overlap(span, (p.trigger.start, p.trigger.end)) and p.type != g.get("type")
           for p in pred):
        return MISS_CAUSES[0]
    return MISS_CAUSES[1]


def false_cause(doc: Document, event: Event, gold: Sequence[dict[str, Any]],
                matched: Sequence[Event], earlier: Sequence[dict[str, Any]]) -> str:
    """The first cause of :data:`FALSE_CAUSES` whose test the false ``event`` meets: ``gold``
    is its unit's gold, ``matched`` the unit's events the scorer matched, ``earlier`` the gold
    events of the article's earlier units (a retelling is judged against what the gold coded)."""
    span = (event.trigger.start, event.trigger.end)
    if any(_overlap(span, gold_trigger_span(g)) and g.get("type") != event.type for g in gold):
        return FALSE_CAUSES[0]
    if any(m.type == event.type for m in matched):
        return FALSE_CAUSES[1]
    before = [g for g in earlier if g.get("type") == event.type]
    lemma = _lemma(doc, span)
    if any(_lemma(doc, gold_trigger_span(g)) == lemma
           or (event.mode and g.get("mode") == event.mode) for g in before):
        return FALSE_CAUSES[2]
    head = trigger_head(doc.nlp, *span)
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.dep_ in MENTION_DEPS:
        return FALSE_CAUSES[3]
    if head is not None and head.pos_ == "ADJ":
        return FALSE_CAUSES[4]
    kind = clause_kind(head) if head is not None else "main"
    if kind in BACKGROUND_CLAUSES:
        return FALSE_CAUSES[5]
    if kind == "advcl_if" or event.status == "speculative" or (
            head is not None and _auxes(head) & MODALS):
        return FALSE_CAUSES[6]
    if before:
        return FALSE_CAUSES[7]
    return FALSE_CAUSES[8]


# Where a gold word with no event on it was lost in the learned coder (``--where``): before the
# classifier saw it, at the blend's cut (by how far: the blended P(NONE), the cut being 0.75 for
# the shipped combiner), or at one of the later steps (TRACE_STEPS).
NOT_READ = ("no word under the trigger", "not a word the classifier judges",
            "sentence skipped by the relevance gate")
BELOW_CUT = ("below the cut, the tagger did not read the sentence",
             "below the cut, P(NONE) < 0.85", "below the cut, P(NONE) 0.85-0.95",
             "below the cut, P(NONE) >= 0.95")
WHERE = (*NOT_READ, *BELOW_CUT, *(f"removed: {s}" for s in TRACE_STEPS[1:]),
         "coded, on another word of the trigger")


def miss_stage(doc: Document, span: tuple[int, int], read: Read, comb: Combiner,
               trace: Trace) -> str:
    """Where the learned coder lost the gold trigger ``span`` that no coded event overlaps
    (one of :data:`WHERE`): ``read`` and ``comb`` are what decided the document, ``trace`` the
    words each of its steps left (``LearnedEventCoder.code_document``)."""
    head = trigger_head(doc.nlp, *span)
    if head is None:
        return NOT_READ[0]
    k = next((k for k, t in enumerate(read.cands.tokens) if t.i == head.i), None)
    if k is None:
        return NOT_READ[2] if candidate(head) else NOT_READ[1]
    if head.i not in trace[TRACE_STEPS[0]]:
        probs, mask = typed(read, comb)
        none = float(probs[k][read.labels.index(NONE)])
        if not mask[k]:
            return BELOW_CUT[0]
        return BELOW_CUT[1] if none < 0.85 else BELOW_CUT[2] if none < 0.95 else BELOW_CUT[3]
    lost = next((s for s in TRACE_STEPS[1:] if head.i not in trace[s]), None)
    return WHERE[-1] if lost is None else f"removed: {lost}"


def where_lost(doc: Document, units: Sequence[dict[str, Any]], read: Read, comb: Combiner,
               trace: Trace) -> list[tuple[str, int, str, str]]:
    """Each gold event of ``units`` with no coded event on its word (:data:`MISS_CAUSES`'s
    second), as (:func:`miss_stage`, unit index, trigger words, type)."""
    out = []
    for u, unit in enumerate(units):
        gold, pred, pairs = unit_pairs(unit, doc.events)
        found = {id(g) for g, _ in pairs}
        for g in gold:
            if id(g) not in found and miss_cause(g, pred) == MISS_CAUSES[1]:
                span = gold_trigger_span(g)
                out.append((miss_stage(doc, span, read, comb, trace), u,
                            doc.text[span[0]:span[1]], str(g.get("type"))))
    return out


def sort_errors(doc: Document, units: Sequence[dict[str, Any]], events: Sequence[Event]
                ) -> tuple[tuple[int, int, int], list[tuple[str, int, str, str]]]:
    """Type tp / fp / fn of ``events`` on one article's gold ``units`` (the scorer's
    matching) and each error as (cause, unit index, trigger words, type)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: list[tuple[str, int, str, str]] = []
    earlier: list[dict[str, Any]] = []
    for u, unit in enumerate(units):
        gold, pred, pairs = unit_pairs(unit, events)
        tally_types(gold, [p.type for p in pred], pairs, tp, fp, fn)
        got = {id(p) for _, p in pairs}
        found = {id(g) for g, _ in pairs}
        matched = [p for _, p in pairs]
        for p in pred:
            if id(p) not in got:
                errors.append((false_cause(doc, p, gold, matched, earlier), u, p.trigger.text,
                               p.type))
        for g in gold:
            if id(g) not in found:
                s, e = gold_trigger_span(g)
                errors.append((miss_cause(g, pred), u, doc.text[s:e], str(g.get("type"))))
        earlier += gold
    return (sum(tp.values()), sum(fp.values()), sum(fn.values())), errors


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def figure(c: tuple[int, int, int]) -> str:
    """tp / fp / fn and type micro-F1."""
    return f"{c[0]}/{c[1]}/{c[2]} {micro_f1(*c):.4f}"


def read_sources(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The gold file's lines grouped by their article (``source``), in file order."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in read_jsonl(path):
        by_source[line["source"]].append(line)
    return by_source


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path, help="development gold files")
    ap.add_argument("--coder", default="learned", help="the coder sorted (default learned)")
    ap.add_argument("--list", action="store_true", help="print every error with its cause")
    ap.add_argument("--where", action="store_true",
                    help="also sort the gold words with no event on them by where the learned "
                         "coder lost them (learned coder only)")
    args = ap.parse_args(argv)
    if args.where and args.coder != "learned":
        print("event_causes: --where reads the learned coder's steps; use --coder learned",
              file=sys.stderr)
        return 2
    refused = [g for g in args.gold if frozen(g) or blind(g)]
    if refused:
        print(f"{refused[0]}: a frozen test file or a blind set; its errors are never read",
              file=sys.stderr)
        return 2
    try:  # every file read before any model is loaded: a bad one stops the run at once
        golds = {path: read_sources(path) for path in args.gold}
    except (OSError, ValueError) as err:
        print(f"event_causes: {err}", file=sys.stderr)
        return 2
    pipe = Pipeline.default(coder=args.coder)
    before = pipe.components[:pipe.names.index("events")]
    coder, keyword = pipe.get("events"), Pipeline.default(coder="keyword").get("events")
    table: dict[str, Counter[str]] = {}
    wheres: dict[str, Counter[str]] = {}
    pooled, kw_pooled = (0, 0, 0), (0, 0, 0)
    for path, by_source in golds.items():
        counts, kw_counts = (0, 0, 0), (0, 0, 0)
        causes: Counter[str] = Counter()
        lost: Counter[str] = Counter()
        for source, units in by_source.items():
            doc = gold_document(source, units[0].get("published"))
            for stage in before:
                doc = stage(doc)
            kw_doc = keyword(copy.copy(doc))  # its own events list; the parse is shared
            trace: Trace = {}
            coded = None
            if args.where and isinstance(coder, LearnedEventCoder):
                coded = coder.code_document(doc, trace)
            else:
                doc = coder(doc)
            got, errors = sort_errors(doc, units, doc.events)
            if coded is not None:
                errors += [(f"where: {w}", u, words, etype)
                           for w, u, words, etype in where_lost(doc, units, *coded, trace)]
            counts = _add(counts, got)
            kw_counts = _add(kw_counts, sort_errors(kw_doc, units, kw_doc.events)[0])
            for cause, u, words, etype in errors:
                if cause.startswith("where: "):
                    lost[cause.removeprefix("where: ")] += 1
                else:
                    causes[cause] += 1
                if args.list:
                    unit = units[u]
                    sentence = doc.text[int(unit["start"]):int(unit["end"])].replace("\n", " ")
                    print(f"[{cause}] {source}#{u} {etype} '{words}'\n    {sentence}")
        table[path.stem], wheres[path.stem] = causes, lost
        pooled, kw_pooled = _add(pooled, counts), _add(kw_pooled, kw_counts)
        print(f"{path.stem}: {args.coder} {figure(counts)} | keyword {figure(kw_counts)}",
              flush=True)
    if len(args.gold) > 1:
        print(f"pooled: {args.coder} {figure(pooled)} | keyword {figure(kw_pooled)}")
    print_table("cause", (*MISS_CAUSES, *FALSE_CAUSES), table)
    if args.where:
        print_table("where the words with no event were lost", WHERE, wheres)
    return 0


def print_table(title: str, rows: Sequence[str], table: dict[str, Counter[str]]) -> None:
    """One line per row name: its count in each file's column and pooled."""
    print(f"{title} | " + " | ".join(table) + " | pooled")
    for name in rows:
        row = [table[file][name] for file in table]
        print(f"{name} | " + " | ".join(map(str, row)) + f" | {sum(row)}")


if __name__ == "__main__":
    sys.exit(main())
