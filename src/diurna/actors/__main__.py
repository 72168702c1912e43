"""``python -m diurna.actors``: show the actor mentions of texts, or print speed figures.

    python -m diurna.actors "Iran and the SAA attacked the SDF."   # mentions of a text
    python -m diurna.actors --file page.txt                        # of a text file
    python -m diurna.actors --bench [N]                            # figures on N shared pages
    python -m diurna.actors --gold [-v]                            # actor codes vs gold events
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from diurna.actors import ActorResolver
from diurna.language import Language
from diurna.model import Document


def _doc(text: str, name: str = "<text>") -> Document:
    return Document.from_paragraphs(name, name, text.split("\n\n"))


def show(resolver: ActorResolver, text: str) -> None:
    doc = resolver(Language()(_doc(text)))
    for m in doc.mentions:
        a = m.actor
        code = "-"
        if a is not None:
            code = f"{a.cameo:<9} {a.name}"
            if a.affiliation:
                code += f" (backed by {a.affiliation})"
        print(f"{m.start:>6}-{m.end:<6} {m.label:<7} {m.text!r:<40} {code}")


def bench(resolver: ActorResolver, n: int) -> None:
    from diurna.evaluate.gold import shared_dir

    path = shared_dir() / "gold" / "article-body" / "ground-truth.json"
    pages = list(json.loads(path.read_text(encoding="utf-8")).values())[:n]
    language = Language()
    resolver(language(_doc("Iran said so.")))  # build the matcher and load spaCy once
    spacy_s = actors_s = 0.0
    docs = mentions = coded = 0
    for page in pages:
        doc = _doc(page["articleBody"].replace("\n", "\n\n"))
        t0 = time.perf_counter()
        language(doc)
        t1 = time.perf_counter()
        if doc.nlp is None:
            continue
        resolver(doc)
        t2 = time.perf_counter()
        spacy_s += t1 - t0
        actors_s += t2 - t1
        docs += 1
        mentions += len(doc.mentions)
        coded += sum(1 for m in doc.mentions if m.actor is not None)
    d = resolver.dictionary
    print(f"dictionary: {len(d.countries)} states ({len(d.un_members())} UN members), "
          f"{len(d.actors)} actors, {len(d.roles)} role words, {len(d.aliases)} alias forms")
    print(f"pages: {docs}  mentions: {mentions}  with an actor: {coded}")
    print(f"spaCy parse: {spacy_s:.2f} s  actors stage: {actors_s:.2f} s  "
          f"ratio: {actors_s / spacy_s:.3f}  per page: {1000 * actors_s / max(docs, 1):.1f} ms")


def gold(resolver: ActorResolver, path: Path, verbose: bool = False, split: str = "all") -> None:
    """Actor codes of the gold events' actor/recipient phrases, resolved with ``resolve_span``.

    Each gold phrase is located (first occurrence) inside its annotated sentence of the base text;
    the base text is parsed as one document so in-document coreference works as in the pipeline.
    Scores: the 3-letter prefix (primary) and the full code (secondary), as the scorers do.
    ``split``: ``tune`` (sources not held out), ``heldout`` or ``all``; misses are listed (``-v``)
    only for tune sources. The held-out sources are those the event scorer holds out: the ones
    listed in ``<gold stem>-heldout.txt`` beside the gold file (all of a test set's)."""
    from diurna.evaluate.events import heldout_sources
    from diurna.evaluate.gold import base_text, read_jsonl

    language = Language()
    parsed: dict[str, Document] = {}
    total = prefix_ok = full_ok = unresolved = 0
    held = heldout_sources(path)
    for line in read_jsonl(path):
        source = line["source"]
        if split != "all" and (source in held) != (split == "heldout"):
            continue
        if source not in parsed:
            parsed[source] = resolver(language(Document(id=source, source=source,
                                                        text=base_text(source))))
        doc = parsed[source]
        for event in line.get("events", []):
            for role in ("actor", "recipient"):
                g = event.get(role)
                if not g or not g.get("text") or not g.get("code"):
                    continue
                at = doc.text.find(g["text"], line["start"], line["end"])
                if at < 0:
                    continue
                m = resolver.resolve_span(doc, at, at + len(g["text"]))
                got = m.actor.cameo if m is not None and m.actor is not None else None
                total += 1
                unresolved += got is None
                prefix_ok += got is not None and got[:3] == g["code"][:3]
                full_ok += got == g["code"]
                if verbose and got != g["code"] and source not in held:
                    print(f"  {source[:24]:<24} {g['text']!r:<45} gold {g['code']:<9} got {got}")
    print(f"split: {split}  gold phrases: {total}  "
          f"prefix accuracy: {prefix_ok / max(total, 1):.3f}  "
          f"full-code accuracy: {full_ok / max(total, 1):.3f}  unresolved: {unresolved}")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m diurna.actors", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", nargs="*", help="text(s) to resolve")
    p.add_argument("--file", action="append", default=[], help="a UTF-8 text file to resolve")
    p.add_argument("--actors", action="append", default=[], help="extra dictionary file (YAML/CSV)")
    p.add_argument("--bench", nargs="?", type=int, const=115, default=None, metavar="N",
                   help="time the stage on N pages of the shared article-body set")
    p.add_argument("--gold", nargs="?", const="gold/events.jsonl", default=None, metavar="JSONL",
                   help="score actor codes of gold event phrases (default gold/events.jsonl)")
    p.add_argument("--split", choices=("tune", "heldout", "all"), default="all",
                   help="with --gold: the sources to score (misses are listed for tune only)")
    p.add_argument("-v", "--verbose", action="store_true", help="with --gold: list the misses")
    args = p.parse_args(argv)
    resolver = ActorResolver(extra_files=args.actors)
    if args.bench is not None:
        bench(resolver, args.bench)
    if args.gold is not None:
        gold(resolver, Path(args.gold), args.verbose, args.split)
    for text in args.text:
        show(resolver, text)
    for name in args.file:
        show(resolver, Path(name).read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
