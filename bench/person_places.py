"""How often the place stage stores a toponym on a word the same text uses for a person.

    python bench/person_places.py [--wikinews 200] [--show 30] [--seed 13]

Runs the language and place stages on the 115 development pages (``shared/gold/article-body``)
and on a sample of Wikinews politics articles (none that a frozen test file names), and counts
the body places that sit on a person's name, by the evidence:

- ``title``: a title right before the name ("President Bush", "Mr Blair");
- ``ner``: the name lies inside a PERSON entity of the NER;
- ``surname``: the name is a word of a person's name of two or more words that the text gives
  elsewhere ("George W. Bush ... Bush said");
- ``office``: an office or a following comes right after the name ("the Bush administration",
  "the Kabul government", "the Rukban camp": people's names and places alike, to read);
- ``building``: the place is a building that stands for an institution ("the White House",
  "the Kremlin", "Downing Street"), no place by Diurna's guidelines.

``--show N`` prints N flagged places, drawn at random, with their context to read by hand.
(Issue 13, session 23, briefs 13B and 13C; ``docs/places.md``, Rounds 9 and 9b.)
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # after PYTHONPATH: a tree given there is measured

from diurna.evaluate.gold import shared_dir  # noqa: E402
from diurna.language import Language  # noqa: E402
from diurna.model import Document  # noqa: E402
from diurna.page import RawInput, read_page  # noqa: E402
from diurna.places import PlaceResolver  # noqa: E402

try:  # the tree being measured; before round 9 the title pattern lived with the clusters
    from diurna.places.recognize import TITLE_BEFORE
except ImportError:  # pragma: no cover
    from diurna.clusters.table import TITLE_BEFORE

CORPUS = "corpus/wikinews-politics-2004-2009/articles.jsonl"
# kept here, not imported, so that a tree from before round 9b is measured the same way
_OFFICE = re.compile(r"(?:['’]s?)?\s+(?:administrations?|government|aides?|camp|campaign|era|"
                     r"presidency|Kremlin|White House)\b")
_BUILDING = re.compile(r"White House|Kremlin|Pentagon|[ÉE]lys[ée]e(?: Palace)?|Blue House|"
                       r"Downing Street|Zhongnanhai")


def frozen_sources() -> set[str]:
    """Sources named by any frozen test file of the repository's gold."""
    out: set[str] = set()
    for path in (REPO / "gold").glob("*test*"):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.search(r"wikinews-en:\d+", line)
            if m:
                out.add(m.group(0))
    return out


def documents(wikinews: int, seed: int) -> list[tuple[str, Document]]:
    """(set name, document) of the development pages and the Wikinews sample."""
    shared = shared_dir()
    out: list[tuple[str, Document]] = []
    for path in sorted((shared / "gold" / "article-body" / "html").glob("*.html.gz")):
        doc = read_page(RawInput(str(path), gzip.decompress(path.read_bytes())))
        if doc.text:
            out.append(("pages", doc))
    frozen = frozen_sources()
    rows = [json.loads(x) for x in (shared / CORPUS).read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["id"] not in frozen]
    for r in random.Random(seed).sample(rows, wikinews):
        out.append(("wikinews", Document(id=r["id"], source=r["id"], text=r["text"],
                                         published=r.get("published"), language="en")))
    return out


def flags(doc: Document, start: int, end: int) -> list[str]:
    """The evidence that the place at [start, end) is a person's name."""
    text = doc.text
    name = text[start:end]
    out = []
    if TITLE_BEFORE.search(text[max(0, start - 20):start]):
        out.append("title")
    persons = [x for x in doc.entities if x.label == "PERSON"]
    if any(x.start < end and start < x.end for x in persons):
        out.append("ner")
    words = {re.sub(r"['’]s?$", "", w) for x in persons if " " in x.text.strip()
             and not (x.start < end and start < x.end) for w in x.text.split()}
    if name in words:
        out.append("surname")
    if _OFFICE.match(text, end):
        out.append("office")
    if _BUILDING.fullmatch(name):
        out.append("building")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wikinews", type=int, default=200)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dump", type=Path, help="write every body place (JSON lines)")
    args = ap.parse_args()
    lang, places = Language(), PlaceResolver()
    totals: Counter[str] = Counter()
    flagged: list[tuple[str, str, str, str, str]] = []
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for kind, doc in documents(args.wikinews, args.seed):
        lang(doc)
        found = places.resolve(doc)
        totals[f"{kind} documents"] += 1
        for p in found:
            totals[f"{kind} places"] += 1
            why = flags(doc, p.start, p.end)
            if dump is not None:
                dump.write(json.dumps({"doc": doc.source, "start": p.start, "end": p.end,
                                       "text": p.text, "name": p.name, "country": p.country,
                                       "flags": why}) + "\n")
            if not why:
                continue
            # the round-9 total; an office word or a building is counted on its own
            if set(why) & {"title", "ner", "surname"}:
                totals[f"{kind} on a person's name"] += 1
            for w in why:
                totals[f"{kind} {w}"] += 1
            context = doc.text[max(0, p.start - 60):p.end + 40].replace("\n", " ")
            flagged.append((kind, "+".join(why), p.text, f"{p.name} ({p.country})", context))
    if dump is not None:
        dump.close()
    for key in sorted(totals):
        print(f"{key:32} {totals[key]}")
    for row in random.Random(args.seed).sample(flagged, min(args.show, len(flagged))):
        print(" | ".join(row))


if __name__ == "__main__":
    main()
