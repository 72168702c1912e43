"""The learned event coder's extra CPU over the rule coder's, and which of its parts it goes to.

    python bench/profile_events.py [--rounds 4] [--limit N]

Runs the language, actors and statements stages once over the 115 development pages, then the
events stage alone on each parsed page with the learned coder and the rule coder, alternated
``--rounds`` times in this one process (``learned, rules``, then ``rules, learned``, ...), so both
see the same machine load. CPU seconds (``time.process_time``), not wall time. Before each
page the actor resolver's per-document state is built, untimed, as the actors stage leaves it
built in the pipeline (otherwise both coders pay for rebuilding it).

Prints each round, the least CPU of each coder and their difference (the learned coder's extra),
and, from the learned coder's rounds, the CPU of its parts (:data:`PARTS`; each wrapped with a
timer, so a nested part counts in its caller too; the least over the rounds). Used for
docs/events-learned.md "Speed, session 28".
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import onnxruntime as ort

import diurna.events.coder as coder_mod
import diurna.events.gate as gate_mod
import diurna.events.learned as learned_mod
import diurna.events.tagger as tagger_mod
from diurna.evaluate.gold import shared_dir
from diurna.language import load_nlp
from diurna.model import Rejected
from diurna.page import RawInput, read_page
from diurna.pipeline import Pipeline, one_blas_thread

# (owner, attribute, label): the learned coder's parts timed while it runs.
PARTS: tuple[tuple[Any, str, str], ...] = (
    (learned_mod.LearnedEventCoder, "read", "read (candidates, MLP, tagger)"),
    (learned_mod, "candidates", "candidates (rule coder, gate, features)"),
    (coder_mod._DocCoder, "code", "rule coder code()"),
    (gate_mod, "_sentences_with", "relevance gate"),
    (learned_mod, "sparse_features", "sparse features"),
    (learned_mod, "dense_rows", "dense features"),
    (learned_mod.Model, "probabilities", "MLP products"),
    (tagger_mod.TaggerEventCoder, "word_probabilities", "tagger, all"),
    (ort.InferenceSession, "run", "tagger, ONNX session.run"),
    (tagger_mod, "unit_pieces", "tagger, word pieces"),
    (tagger_mod, "softmax", "tagger, softmax"),
    (learned_mod.LearnedEventCoder, "code", "post-steps (LearnedEventCoder.code)"),
)


def timed(func: Callable[..., Any], label: str, cpu: dict[str, float]) -> Callable[..., Any]:
    """``func``, its CPU seconds added to ``cpu[label]`` on every call."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            cpu[label] += time.process_time() - start
    return wrapper


def timed_parts(cpu: dict[str, float]) -> None:
    """Wrap every part of :data:`PARTS` so that its CPU seconds add up in ``cpu`` (label ->
    seconds); the attributes are replaced, so callers that look them up at call time (all of
    :data:`PARTS`) are timed."""
    for owner, name, label in PARTS:
        setattr(owner, name, timed(getattr(owner, name), label, cpu))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=4, help="alternated runs of each coder")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = ap.parse_args(argv)
    if args.rounds < 1 or (args.limit is not None and args.limit < 1):
        ap.error("--rounds and --limit must be at least 1")  # one line, exit 2, nothing loaded

    pages = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages[: args.limit]]
    load_nlp()
    pipes = {"learned": Pipeline.default(coder="learned"), "rules": Pipeline.default(coder="rules")}
    before = [c for c in pipes["learned"].components
              if c.name in ("language", "actors", "statements")]
    docs = []
    with one_blas_thread():
        for raw in raws:
            try:
                doc = read_page(raw)
            except Rejected:
                continue
            for comp in before:
                doc = comp(doc)
            if doc.nlp is not None and doc.text:
                docs.append(doc)
    cpu: dict[str, float] = defaultdict(float)
    timed_parts(cpu)
    totals: dict[str, list[float]] = {"learned": [], "rules": []}
    parts: dict[str, list[float]] = defaultdict(list)
    with one_blas_thread():
        for coder in totals:  # warm: models, dictionaries
            pipes[coder].get("events")(docs[0])
        for r in range(args.rounds):
            for coder in ("learned", "rules") if r % 2 == 0 else ("rules", "learned"):
                events = pipes[coder].get("events")
                actors: Any = pipes[coder].get("actors")
                cpu.clear()
                total = 0.0
                for doc in docs:
                    doc.events = []
                    actors._state(doc)  # built by the actors stage in the pipeline: untimed
                    start = time.process_time()
                    events(doc)
                    total += time.process_time() - start
                totals[coder].append(total)
                if coder == "learned":
                    for label, secs in cpu.items():
                        parts[label].append(secs)
                print(f"round {r + 1} {coder:<8} events stage {total:6.2f} CPU s", flush=True)
    learned, rules = min(totals["learned"]), min(totals["rules"])
    print(f"{len(docs)} pages; least of {args.rounds} rounds: learned {learned:.2f}, "
          f"rules {rules:.2f}, extra {learned - rules:.2f} CPU s")
    print("  learned coder's parts (least over its rounds; nested parts count in their callers)")
    for label in sorted(parts, key=lambda lb: -min(parts[lb])):
        print(f"  {min(parts[label]):6.2f}  {label}")


if __name__ == "__main__":
    main()
