"""How much a relevance gate could save, and what it would miss, before building one.

    python bench/gate_study.py [--limit N]
    python bench/gate_study.py --gates off,actors,parties [--limit N] [--show]   # built gates

A gate would skip work on pages that carry no political or conflict content. The judge used
here is the event coder's own relevance rule (``POLITICAL_DENSITY`` public-sector actor
mentions per 1,000 characters, or ``POLITICAL_MENTIONS`` in all; 0.946 right on the 92
hand-labelled pages of ``gold/relevance.jsonl``, docs/events.md), which needs the parse and the
actors stage. The script prints:

1. on the 115 development pages, run page by page with the default pipeline: how many pages the
   rule calls political, the CPU seconds of every stage on each kind of page, the events given
   on the pages a gate would skip, and the largest speed-up each gate could give (no gate cost
   counted): skip the events stage; skip every stage after actors; skip every stage after the
   page stage (which would need a judge that reads raw text, not built);
2. on the development gold of events, quotes, places and times: how many gold documents the
   rule calls not political, and how many gold items they hold (what a gate would miss).

``--gates`` measures the sentence gates built in round 16 (``diurna.events.gate``): on each
development page, after the stages before events, the events stage runs once with each gate on
the same parse; it prints each gate's events-stage CPU seconds and events, and (``--show``) the
events the later gates drop against the first.

Frozen test sets are never read.
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import gold_document, read_jsonl, shared_dir
from diurna.events.coder import POLITICAL_DENSITY, POLITICAL_MENTIONS, public_mentions
from diurna.model import Document
from diurna.page import RawInput, read_page
from diurna.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
# Development gold files and the field holding their items.
GOLD = {"events": ("events.jsonl", "events"), "events (Wikinews dev)":
        ("events-wikinews-dev.jsonl", "events"), "quotes (Wikinews dev)":
        ("quotes-wikinews-dev.jsonl", "attributions"), "places": ("toponyms.jsonl", "toponyms"),
        "times": ("times.jsonl", "times")}
# Stages each gate would skip on a page judged not political.
GATES = {"skip events": ("events",),
         "skip after actors": ("statements", "events", "time", "places"),
         "skip after the page stage": ("language", "actors", "statements", "events", "time",
                                       "places")}


def political(doc: Document) -> bool:
    """The event coder's relevance rule, on a document the actors stage has read."""
    public = public_mentions(doc)
    return public >= POLITICAL_MENTIONS or (
        public * 1000 >= POLITICAL_DENSITY * max(len(doc.text), 1))


def run_timed(pipeline: Pipeline, doc: Document) -> tuple[Document, dict[str, float], bool]:
    """Every component on ``doc``; CPU seconds per component and the relevance verdict."""
    cpu: dict[str, float] = {}
    verdict = False
    for comp in pipeline.components:
        start = time.process_time()
        doc = comp(doc)
        cpu[comp.name] = time.process_time() - start
        if comp.name == "actors":
            verdict = political(doc)
    return doc, cpu, verdict


def pages_study(pipeline: Pipeline, limit: int | None) -> None:
    """Part 1: CPU by stage on political and other development pages; each gate's bound."""
    paths = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))[:limit]
    totals: dict[bool, dict[str, float]] = {True: defaultdict(float), False: defaultdict(float)}
    count = {True: 0, False: 0}
    events = {True: 0, False: 0}
    for path in paths:
        start = time.process_time()
        doc = read_page(RawInput(str(path), gzip.decompress(path.read_bytes())))
        page_cpu = time.process_time() - start
        doc, cpu, verdict = run_timed(pipeline, doc)
        totals[verdict]["page"] += page_cpu
        for name, secs in cpu.items():
            totals[verdict][name] += secs
        count[verdict] += 1
        events[verdict] += len(doc.events)
    whole = sum(sum(t.values()) for t in totals.values())
    print(f"development pages: {count[True]} political, {count[False]} not (coder's rule)")
    for verdict, label in ((True, "political"), (False, "not political")):
        stages = ", ".join(f"{k} {v:.1f}" for k, v in totals[verdict].items())
        print(f"  {label:<14} CPU {sum(totals[verdict].values()):6.1f} s "
              f"({100 * sum(totals[verdict].values()) / whole:4.1f} %), events {events[verdict]}:"
              f" {stages}")
    for gate, skipped in GATES.items():
        saved = sum(totals[False].get(s, 0.0) for s in skipped)
        print(f"  gate '{gate}': at most {whole / (whole - saved):.2f}x documents/CPU-second, "
              f"{events[False]} events of the pages it skips lost")


def gold_study(pipeline: Pipeline, limit: int | None) -> None:
    """Part 2: gold documents (and items) the rule would call not political."""
    upto_actors = Pipeline(pipeline.components[: pipeline.names.index("actors") + 1])
    verdicts: dict[str, bool] = {}
    for label, (name, field) in GOLD.items():
        items: dict[str, int] = defaultdict(int)
        published: dict[str, Any] = {}
        for line in read_jsonl(REPO / "gold" / name):
            items[line["source"]] += len(line.get(field) or [])
            published.setdefault(line["source"], line.get("published"))
        sources = list(items)[:limit]
        for source in sources:
            if source not in verdicts:
                doc = upto_actors.run(gold_document(source, published[source]))
                verdicts[source] = political(doc)
        skipped = [s for s in sources if not verdicts[s]]
        print(f"  {label:<22} {len(skipped)} of {len(sources)} documents not political, "
              f"holding {sum(items[s] for s in skipped)} of {sum(items[s] for s in sources)} "
              f"gold items")


def gates_study(gates: list[str], limit: int | None, show: bool) -> None:
    """Events-stage CPU and events per sentence gate, each run on the same parsed page."""
    from diurna.events.gate import sentence_gate
    from diurna.pipeline import one_blas_thread

    pipeline = Pipeline.default(gate=gates[0])
    events_stage = pipeline.get("events")
    before = pipeline.components[: pipeline.names.index("events")]
    paths = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))[:limit]
    cpu: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    dropped: list[str] = []
    with one_blas_thread():
        for path in paths:
            doc = read_page(RawInput(str(path), gzip.decompress(path.read_bytes())))
            for comp in before:
                doc = comp(doc)
            coded: dict[str, set[tuple[str, int, str, str]]] = {}
            for gate in gates:
                events_stage.sentences = sentence_gate(gate)  # type: ignore[attr-defined]
                start = time.process_time()
                events = events_stage(doc).events
                cpu[gate] += time.process_time() - start
                count[gate] += len(events)
                coded[gate] = {(e.type, e.trigger.start, e.trigger.text, e.sentence.text)
                               for e in events}
            for gate in gates[1:]:
                dropped += [f"  {gate}: {path.name[:8]} {t} {word!r}: {text[:90]!r}"
                            for t, _, word, text in sorted(coded[gates[0]] - coded[gate])]
    print(f"{len(paths)} development pages, events stage with each gate on the same parse:")
    for gate in gates:
        print(f"  {gate:<8} CPU {cpu[gate]:6.2f} s ({cpu[gate] / cpu[gates[0]]:.2f}x of "
              f"{gates[0]}), {count[gate]} events")
    if show:
        print(f"events dropped against {gates[0]}:")
        print("\n".join(dropped))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None,
                    help="only the first N pages and N documents of each gold file")
    ap.add_argument("--gates", metavar="A,B,...",
                    help="measure these built sentence gates (first is the reference)")
    ap.add_argument("--show", action="store_true", help="with --gates: list the dropped events")
    args = ap.parse_args()
    if args.gates:
        gates_study(args.gates.split(","), args.limit, args.show)
        return
    pipeline = Pipeline.default()
    pipeline(Document.from_paragraphs("warm-up", "warm-up", ["Warm up the models."]))
    pages_study(pipeline, args.limit)
    print("development gold on pages a gate would skip:")
    gold_study(pipeline, args.limit)


if __name__ == "__main__":
    main()
