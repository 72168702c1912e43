"""Where event date errors come from, on the read gold files (docs/time.md, session 41 T2).

    python bench/date_errors.py cache DIR GOLD...     # run the stages before "time", keep the docs
    python bench/date_errors.py score DIR GOLD... [--split] [--list FILE]

``cache`` runs the default pipeline's stages up to the time stage on every source of the gold
files and pickles the documents (the parse as spaCy bytes) under DIR, one file per gold file:
the slow part, done once. ``score`` loads them, runs the time stage and the stages after it
with the code of this tree, and scores them with ``diurna evaluate events``' own scorer
(:func:`diurna.evaluate.events.score`), so a change to the time stage is measured in minutes.
With ``--split`` it sorts every date error of a matched event by cause (:func:`cause`) and
prints the counts; ``--list`` writes each error with its sentence, for reading.

Refuses the frozen and blind files (their errors are never looked at).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from diurna.evaluate.events import score, unit_pairs
from diurna.evaluate.gold import blind, frozen, gold_document, read_jsonl
from diurna.model import Document, Event


def _refuse(paths: list[str]) -> None:
    for p in paths:
        if frozen(p) or blind(p):
            sys.exit(f"refused: {p} is a frozen or blind gold file")


def _cache_name(directory: Path, gold: str) -> Path:
    return directory / (Path(gold).stem + ".pkl")


def cache(directory: Path, golds: list[str]) -> None:
    """Run the stages before "time" on every source of ``golds``; pickle the documents."""
    from diurna.evaluate.events import default_runner

    pipe = default_runner()
    head = pipe.components[:pipe.names.index("time")]  # type: ignore[attr-defined]
    directory.mkdir(parents=True, exist_ok=True)
    for gold in golds:
        out: dict[str, Any] = {}
        for line in read_jsonl(gold):
            source = line["source"]
            if source in out:
                continue
            doc = gold_document(source, line.get("published"))
            for comp in head:
                doc = comp(doc)
            parse = doc.nlp.to_bytes(exclude=["user_data"]) if doc.nlp is not None else None
            doc.nlp = None
            out[source] = (doc, parse)
        with open(_cache_name(directory, gold), "wb") as fh:
            pickle.dump(out, fh)
        print(f"cached {len(out)} documents of {gold}", flush=True)


def _tail_runner(directory: Path, gold: str) -> Any:
    """A runner for :func:`score` that returns the cached document of the same source with the
    time stage and the stages after it run by this tree's code."""
    from spacy.tokens import Doc

    from diurna.evaluate.events import default_runner
    from diurna.language.spacy_stage import load_nlp

    pipe = default_runner()
    tail = pipe.components[pipe.names.index("time"):]  # type: ignore[attr-defined]
    vocab = load_nlp().vocab
    with open(_cache_name(directory, gold), "rb") as fh:
        docs: dict[str, tuple[Document, bytes | None]] = pickle.load(fh)

    def run(fresh: Document) -> Document:
        doc, parse = docs[fresh.source]
        doc = pickle.loads(pickle.dumps(doc))  # a fresh copy: the stages change events
        doc.nlp = Doc(vocab).from_bytes(parse) if parse is not None else None
        for comp in tail:
            doc = comp(doc)
        run.docs[fresh.source] = doc  # type: ignore[attr-defined]
        return doc
    run.docs = {}  # type: ignore[attr-defined]
    return run


def cause(doc: Document, g: dict[str, Any], p: Event) -> str:
    """The cause of one matched event's date error (``g`` gold, ``p`` predicted), in the groups
    of docs/time.md's session 41 round."""
    gv = g.get("date") or None
    pv = p.date.value if p.date else None
    times = [t for t in doc.times if t.kind in ("date", "time")]
    lo, hi = p.sentence.start, p.sentence.end
    own = [t for t in times if lo <= t.start and t.end <= hi]
    if gv and not pv:
        same = [t for t in own if t.value == gv or (t.end_point and t.end_point.value == gv)]
        if same:
            return "none given: the gold's value is an expression of the sentence"
        near = [t for t in own if t.value and gv and t.value[:4] == gv[:4]]
        if near:
            return "none given: an expression of the sentence, another value"
        if own:
            return "none given: the sentence's expressions, none near the gold's value"
        return "none given: no expression found in the sentence"
    if pv and not gv:
        return "given, gold none: " + _shape(doc, p)
    # both given, different
    same = [t for t in own if t.value == gv]
    if same and not any(t.start == p.date.start for t in same):  # type: ignore[union-attr]
        return "wrong: another expression of the sentence has the gold's value"
    if pv and gv and pv[:4] != gv[:4]:
        return "wrong value: year"
    if pv and gv and ("W" in pv) != ("W" in gv):
        return "wrong value: week vs day"
    if pv and gv and len(pv) != len(gv):
        return "wrong value: precision (day/month/year)"
    return "wrong value: same precision, other day or month"


def _unmatched(gold: list[dict[str, Any]], pred: list[Event],
               pairs: list[tuple[dict[str, Any], Event]]) -> list[str]:
    """The date errors of events the type matching left alone: a date on a predicted event no
    gold event matched, a gold date of a gold event nothing matched (each split by whether an
    event of another type sits on the same trigger)."""
    done_g = {id(g) for g, _ in pairs}
    done_p = {id(p) for _, p in pairs}
    out = []
    for p in pred:
        if id(p) not in done_p and p.date is not None:
            twin = any(gs < p.trigger.end and p.trigger.start < ge for g in gold
                       for gs, ge in [_span(g)])
            out.append("(a) date on an unmatched predicted event: "
                       + ("a gold event of another type on its trigger" if twin
                          else "no gold event on its trigger"))
    for g in gold:
        if id(g) not in done_g and g.get("date"):
            gs, ge = _span(g)
            twin = any(gs < p.trigger.end and p.trigger.start < ge for p in pred)
            out.append("(a) gold date of an unmatched gold event: "
                       + ("a predicted event of another type on its trigger" if twin
                          else "no predicted event on its trigger"))
    return out


def _span(g: dict[str, Any]) -> tuple[int, int]:
    trig = g.get("trigger") or {}
    return int(trig.get("start", 0)), int(trig.get("end", 0))


def _shape(doc: Document, p: Event) -> str:
    """A date given where the gold has none: what the date is to the event."""
    from diurna.time.resolver import clause_verb, tokens_in

    t = p.date
    assert t is not None
    if doc.nlp is None:
        return "no parse"
    toks = tokens_in(doc.nlp, t.start, t.end)
    trig = tokens_in(doc.nlp, p.trigger.start, p.trigger.end)
    if not toks or not trig:
        return "no tokens"
    root = min(toks, key=lambda k: sum(1 for _ in k.ancestors))
    word = root.head.lower_ if root.dep_ == "pobj" else ""
    if word in ("since", "until", "till", "through", "by", "from", "before", "after"):
        return f"a period bound or ordered ('{word}')"
    if root.dep_ in ("poss", "compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN"):
        if any(k.i == root.head.i for k in trig):
            return "a date on the trigger noun"
        return "a noun modifier's date"
    verb = clause_verb(doc, t)
    tv = clause_verb(doc, p.trigger)
    if verb is not None and tv is not None and verb.i == tv.i:
        return "the trigger's own clause"
    if verb is not None and verb.lemma_ in ("say", "tell", "announce", "report", "state", "add",
                                            "confirm", "claim", "write"):
        return "a reporting verb's date"
    return "a date of another clause"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("cache", "score"))
    parser.add_argument("dir", type=Path)
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--split", action="store_true", help="sort the date errors by cause")
    parser.add_argument("--list", type=Path, help="write each date error with its sentence")
    parser.add_argument("--dump", type=Path, help="write every predicted event's date (to diff "
                        "two trees' readings)")
    args = parser.parse_args(argv)
    _refuse(args.gold)
    if args.mode == "cache":
        cache(args.dir, args.gold)
        return 0
    totals: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    listing: list[str] = []
    dump: list[str] = []
    for gold in args.gold:
        run = _tail_runner(args.dir, gold)
        res = score(gold, runner=run)
        for k in ("type",):
            for x in ("tp", "fp", "fn"):
                totals[f"{k}_{x}"] += res[k][x]
        for a, v in res["arguments"].items():
            for x in ("tp", "fp", "fn"):
                totals[f"{a}_{x}"] += v[x]
        st = res["accuracy"].get("status", {"accuracy": None, "n": 0})
        if st["accuracy"] is not None:
            totals["status_right"] += round(st["accuracy"] * st["n"])
            totals["status_n"] += st["n"]
        if args.dump:
            for source, doc in run.docs.items():
                for e in doc.events:
                    lo, hi = e.sentence.start, e.sentence.end
                    dump.append(f"{source}\t{e.trigger.start}\t{e.type}:{e.trigger.text}\t"
                                f"{e.date.value if e.date else None}\t"
                                f"{e.date.text if e.date else ''}\t{doc.published}\t"
                                + " ".join(doc.text[lo:hi].split()))
        if args.split or args.list:
            for line in read_jsonl(gold):
                doc = run.docs[line["source"]]
                gold_ev, pred_ev, pairs = unit_pairs(line, doc.events)
                for c in _unmatched(gold_ev, pred_ev, pairs):
                    causes[c] += 1
                for g, p in pairs:
                    gv, pv = g.get("date") or None, p.date.value if p.date else None
                    if gv == pv:
                        continue
                    c = cause(doc, g, p)
                    causes[c] += 1
                    s, e = int(line["start"]), int(line["end"])
                    listing.append(f"{c}\t{gv}\t{pv}\t{p.date.text if p.date else ''}\t"
                                   f"{p.type}:{p.trigger.text}\t{doc.published}\t"
                                   + " ".join(doc.text[s:e].split()))
        print(f"scored {gold}", flush=True)

    def f1(k: str) -> str:
        tp, fp, fn = totals[f"{k}_tp"], totals[f"{k}_fp"], totals[f"{k}_fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{k:10} P {p:.4f} R {r:.4f} F1 {f:.4f} (tp {tp} fp {fp} fn {fn})"
    for k in ("type", "actor", "recipient", "date", "location"):
        print(f1(k))
    if totals["status_n"]:
        print(f"status accuracy {totals['status_right'] / totals['status_n']:.4f} "
              f"(n {totals['status_n']})")
    if causes:
        print("date errors of matched events, by cause:")
        for c, n in causes.most_common():
            print(f"  {n:5}  {c}")
    if args.dump:
        args.dump.write_text("\n".join(sorted(set(dump))) + "\n", encoding="utf-8")
    if args.list:
        args.list.write_text("\n".join(sorted(listing)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
