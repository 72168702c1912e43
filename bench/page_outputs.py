"""Check that a page-stage speed change leaves every page's reading unchanged.

    python bench/page_outputs.py --compare REF    # this tree's page stage vs git REF's src/
    python bench/page_outputs.py --dump FILE      # write this tree's page-stage outputs

Reads the 115 benchmark pages (``shared/gold/article-body``), the 169 modern pages
(``shared/gold/article-body-modern``, all sites: nothing is scored, only compared) and the seed
page with :func:`diurna.page.read_page` alone, and writes every field of each returned
``Document`` (title, dek, byline, dates, body text and its paragraphs' offsets, headings,
captions, comments, layout, entries, key points, language, meta) or the rejection, one JSON line
per page. ``--compare REF`` makes the dump with git ``REF``'s ``src/`` and with this tree's, each
in a fresh process, and prints which pages and fields differ (exit status 1 if any does).
Quicker than ``bench/check_outputs.py``, which runs the whole pipeline but on the benchmark
pages only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEED_PUBLISHED = "2018-02-15"


def page_reading(doc: Any) -> dict[str, Any]:
    """Every field of a page-stage ``Document``, as JSON-ready values (offsets included)."""
    out = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc) if f.name != "nlp"}
    out["paragraph_spans"] = [[s.start, s.end] for s in doc.paragraph_spans()]
    return json.loads(json.dumps(out, sort_keys=True, default=repr))


def outputs() -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, reading) of every page, in a fixed order."""
    from diurna.evaluate.body import load_gold
    from diurna.evaluate.gold import shared_dir
    from diurna.model import Rejected
    from diurna.page import RawInput, read_page

    shared = shared_dir()
    for folder in ("article-body", "article-body-modern"):
        for key, _, html in load_gold(shared / "gold" / folder):
            try:
                yield f"{folder} {key}", page_reading(read_page(RawInput(key, html)))
            except Rejected as err:
                yield f"{folder} {key}", {"rejected": str(err)}
    seed = shared / "corpus" / "seed-page.txt"
    doc = read_page(RawInput(str(seed), seed.read_bytes()), published=SEED_PUBLISHED)
    yield "seed page", page_reading(doc)


def dump(path: Path) -> int:
    """Write every page's reading to ``path`` (JSON lines); returns the number of pages."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for key, value in outputs():
            fh.write(json.dumps({"key": key, "reading": value}, sort_keys=True) + "\n")
            n += 1
    return n


def compare(ref: str) -> int:
    """Dump with git ``ref``'s ``src/`` and with this tree's; print the differences."""
    from bench_pipeline import extract_src  # the same extraction as the pipeline benchmark
    from check_outputs import differences  # the same per-field comparison

    with tempfile.TemporaryDirectory(prefix="diurna-page-check-") as tmp:
        before, after = Path(tmp) / "before.jsonl", Path(tmp) / "after.jsonl"
        for src, out in ((extract_src(ref, Path(tmp)), before), (REPO / "src", after)):
            cmd = [sys.executable, __file__, "--dump", str(out)]
            env = {**os.environ, "PYTHONPATH": str(src)}
            if subprocess.run(cmd, env=env, check=False).returncode:
                sys.exit(f"the run with {src} failed")
        diff = differences(before, after)
        with after.open(encoding="utf-8") as fh:
            total = sum(1 for _ in fh)
    print("\n".join(diff + [f"{total} pages; {len(diff)} differ from {ref}"]))
    return 1 if diff else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--compare", metavar="REF", help="compare this tree's pages with REF's")
    what.add_argument("--dump", metavar="FILE", type=Path, help="write this tree's pages")
    args = ap.parse_args()
    if args.dump:
        print(f"{dump(args.dump)} pages written to {args.dump}")
        return
    sys.exit(compare(args.compare))


if __name__ == "__main__":
    main()
