"""Study: persons coded by the office they held when the text was published (issue #12, brief A1,
session 39, docs/actors.md round 35).

    PYTHONPATH=<tree>/src python bench/dated_offices.py --out FILE.json [--files dev3 dev4 ...]

Scores the default pipeline (learned coder) on the read Wikinews event sets, pooled: every
source is parsed once and the stages after the language stage (actors, statements, events, the
argument ranker, time; not places, which decide no figure read here) run on that parse; the
keyword coder runs on the same parse beside it. Counts come from the scorer's own matching
(:func:`diurna.evaluate.events.unit_pairs`, ``tally_types``, ``argument_values``), so the pooled
figures are the sums of what ``diurna evaluate events FILE`` counts per file. Run once with the
base tree on ``PYTHONPATH`` and once with the branch; ``--out`` keeps the counts and every
matched event's actor and recipient (text, code) for reading the values that changed.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diurna.evaluate.counts import micro_f1
from diurna.evaluate.events import argument_values, tally_types, unit_pairs
from diurna.evaluate.gold import gold_document, read_jsonl
from diurna.model import Document, Mention
from diurna.pipeline import Pipeline

# the read sets (never a blind set or a test set: blind or frozen)
POOL = ("dev", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
        "dev12", "train", "train2", "train3", "train4")
WIKI = "gold/events-wikinews-{}.jsonl"


def stages(coder: str) -> tuple[Any, list[Any]]:
    """The language stage and the stages after it that decide events, for ``coder``."""
    pipe = Pipeline.default(coder=coder)
    if "places" in pipe.names:
        pipe.remove("places")
    return pipe.components[0], pipe.components[1:]


def fresh(parsed: Document) -> Document:
    """A copy of a parsed document with nothing of the later stages in it (the parse shared)."""
    doc = copy.copy(parsed)
    doc.mentions, doc.quotes, doc.events, doc.times, doc.places = [], [], [], [], []
    doc.meta, doc.skipped = dict(parsed.meta), list(parsed.skipped)
    return doc


def codes(mentions: Sequence[Mention]) -> list[list[str | None]]:
    """The (text, code) of each mention."""
    return [[m.text, m.actor.cameo if m.actor else None] for m in mentions]


def score_file(name: str, language: Any, coders: dict[str, list[Any]]) -> dict[str, Any]:
    """Counts of one gold file for each coder, and the matched events' arguments."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in read_jsonl(WIKI.format(name)):
        by_source[line["source"]].append(line)
    out: dict[str, Any] = {}
    for coder in coders:
        out[coder] = {"tp": Counter(), "fp": Counter(), "fn": Counter(), "arg_tp": Counter(),
                      "arg_fp": Counter(), "arg_fn": Counter(), "status_ok": 0, "status_n": 0,
                      "values": []}
    for source, units in by_source.items():
        parsed = language(gold_document(source, units[0].get("published")))
        for coder, rest in coders.items():
            doc = fresh(parsed)
            for stage in rest:
                doc = stage(doc)
            c = out[coder]
            for unit in units:
                gold, pred, pairs = unit_pairs(unit, doc.events)
                tally_types(gold, [p.type for p in pred], pairs, c["tp"], c["fp"], c["fn"])
                argument_values(gold, pred, pairs, c["arg_tp"], c["arg_fp"], c["arg_fn"])
                for g, p in pairs:
                    if "status" in g:
                        c["status_n"] += 1
                        c["status_ok"] += g["status"] == p.status
                    c["values"].append({
                        "file": name, "source": source, "published": units[0].get("published"),
                        "trigger": [p.trigger.start, p.trigger.text], "type": p.type,
                        "actor": codes(p.actors), "recipient": codes(p.recipients),
                        "gold_actor": g.get("actor"), "gold_recipient": g.get("recipient")})
    return out


def summary(files: dict[str, Any], coder: str) -> dict[str, float | int | str]:
    """Pooled type, actor and recipient F1 and status accuracy of ``coder``."""
    tot: dict[str, Counter[str]] = {k: Counter() for k in
                                    ("tp", "fp", "fn", "arg_tp", "arg_fp", "arg_fn")}
    ok = n = 0
    for counts in files.values():
        c = counts[coder]
        for k in tot:
            tot[k].update(c[k])
        ok, n = ok + c["status_ok"], n + c["status_n"]
    out: dict[str, float | int | str] = {
        "type_f1": micro_f1(sum(tot["tp"].values()), sum(tot["fp"].values()),
                            sum(tot["fn"].values())),
        "status": ok / n if n else 0.0, "status_n": n}
    for arg in ("actor", "recipient"):
        out[f"{arg}_f1"] = micro_f1(tot["arg_tp"][arg], tot["arg_fp"][arg], tot["arg_fn"][arg])
        out[f"{arg}_counts"] = f"{tot['arg_tp'][arg]}/{tot['arg_fp'][arg]}/{tot['arg_fn'][arg]}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="JSON file for the counts and values")
    parser.add_argument("--files", nargs="+", default=list(POOL))
    args = parser.parse_args(argv)
    blind = [f for f in args.files if f not in POOL]
    if blind:
        print(f"not a read set: {blind}", file=sys.stderr)
        return 2
    language, learned = stages("learned")
    coders = {"learned": learned, "keyword": stages("keyword")[1]}
    files: dict[str, Any] = {}
    for name in args.files:
        files[name] = score_file(name, language, coders)
        print(name, summary({name: files[name]}, "learned"), flush=True)
    result = {"files": files, "pooled": {c: summary(files, c) for c in coders}}
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result["pooled"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
