"""Events the coder gives on dev pages that no event gold file uses.

Most of those pages are sport, culture, science, business or technology, so nearly every event
there is a false positive: the count is a precision check on text the rules were not written
from. Prints one line per event (page, type, trigger, parties, sentence) with ``-v``, and the total.

    .venv/bin/python bench/events_outside_gold.py [-v]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diurna.evaluate.gold import base_text, read_jsonl, shared_dir
from diurna.model import Document
from diurna.pipeline import Pipeline

GOLD_FILES = ("events.jsonl", "events-dev2.jsonl", "events-test.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every event")
    args = parser.parse_args()
    gold_dir = Path(__file__).resolve().parent.parent / "gold"
    used = {
        line["source"]
        for name in GOLD_FILES
        if (gold_dir / name).exists()
        for line in read_jsonl(gold_dir / name)
    }
    truth = json.loads(
        (shared_dir() / "gold" / "article-body" / "ground-truth.json").read_text(encoding="utf-8")
    )
    pipeline = Pipeline.default()
    pages = total = 0
    for key in sorted(truth):
        source = f"article-body/{key}"
        if source in used:
            continue
        pages += 1
        doc = pipeline(Document(id=key[:16], source=source, text=base_text(source)))
        total += len(doc.events)
        for e in doc.events if args.verbose else []:
            sentence = " ".join(doc.text[e.sentence.start : e.sentence.end].split())
            print(
                f"{key[:8]} {e.type:9} {e.trigger.text!r:22} "
                f"{[m.text for m in e.actors]} -> {[m.text for m in e.recipients]} "
                f"{e.status} || {sentence[:160]}"
            )
    print(f"pages {pages}  events {total}")


if __name__ == "__main__":
    main()
