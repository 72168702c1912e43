"""Check that a speed change leaves the pipeline's output unchanged.

    python bench/check_outputs.py --compare REF [--limit N]   # this tree vs git REF's src/
    python bench/check_outputs.py --dump FILE [--limit N]     # write this tree's outputs
    python bench/check_outputs.py --dump NEW --against OLD    # ... and compare with an earlier dump
    python bench/check_outputs.py --compare REF --page-stage  # the page stage alone, more pages

Runs the default pipeline on the development inputs that the accuracy figures are measured on:

- the 115 development pages (``shared/gold/article-body/html``), through ``Pipeline.pipe`` (the
  batched path ``diurna process`` takes);
- every document of the development gold of events (Wikinews dev), quotes (Wikinews dev), times
  (TimeML-style Wikinews dev) and places (``gold/toponyms.jsonl``), one at a time as the
  ``diurna evaluate`` scorers run them;
- the seed page, dated 2018-02-15 as in README's quick start.

Each document's full reading (``Document.to_dict()`` plus its sentences and ``meta``) is written
as one JSON line. ``--compare REF`` makes the dump with ``src/`` as it was at git ``REF`` and with
this tree's, each in a fresh process, and prints which documents and which fields differ (exit
status 1 if any does). Frozen test sets are never read.

``--page-stage`` reads pages with :func:`diurna.page.read_page` alone, quicker, on more pages:
the 115 benchmark pages, the 169 modern pages (``shared/gold/article-body-modern``, all sites:
nothing is scored, only compared) and the seed page, each page's every ``Document`` field
(title, dek, byline, dates, body text and its paragraphs' offsets, headings, captions,
comments, layout, entries, key points, language, meta) or its rejection.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD_FILES = ("events-wikinews-dev.jsonl", "quotes-wikinews-dev.jsonl",
              "times-timeml-wikinews-dev.jsonl", "toponyms.jsonl")
SEED_PUBLISHED = "2018-02-15"


def reading(doc: Any) -> dict[str, Any]:
    """Everything the pipeline decided about ``doc``, as JSON-ready values."""
    out: dict[str, Any] = doc.to_dict()
    out["sentences"] = [[s.start, s.end] for s in doc.sentences]
    out["meta"] = json.loads(json.dumps(doc.meta, sort_keys=True, default=str))
    return out


def outputs(limit: int | None, workers: int = 1) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, reading) of every development input, in a fixed order."""
    from diurna.evaluate.gold import gold_document, read_jsonl, shared_dir
    from diurna.page import RawInput
    from diurna.pipeline import Pipeline

    shared = shared_dir()
    pipeline = Pipeline.default()
    pages = sorted((shared / "gold" / "article-body" / "html").glob("*.html.gz"))[:limit]
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages]
    for path, doc in zip(pages, pipeline.pipe(raws, workers=workers), strict=True):
        yield f"page {path.name}", reading(doc)
    seen: set[str] = set()
    for name in GOLD_FILES:
        sources: dict[str, str | None] = {}
        for line in read_jsonl(REPO / "gold" / name):
            sources.setdefault(line["source"], line.get("published"))
        for source, published in list(sources.items())[:limit]:
            if source in seen:
                continue
            seen.add(source)
            yield f"gold {source}", reading(pipeline.run(gold_document(source, published)))
    seed = shared / "corpus" / "seed-page.txt"
    raw = RawInput(str(seed), seed.read_bytes())
    for doc in pipeline.pipe([raw], published=SEED_PUBLISHED):
        yield "seed page", reading(doc)


def page_reading(doc: Any) -> dict[str, Any]:
    """Every field of a page-stage ``Document``, as JSON-ready values (offsets included)."""
    # (``coder`` is what coded a document, not what the page stage read: None here)
    out = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)
           if f.name not in ("nlp", "coder")}
    out["paragraph_spans"] = [[s.start, s.end] for s in doc.paragraph_spans()]
    return json.loads(json.dumps(out, sort_keys=True, default=repr))


def page_outputs() -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, page-stage reading) of every development page and the seed page, in order."""
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


def dump(path: Path, limit: int | None, workers: int = 1, pages: bool = False) -> int:
    """Write every reading to ``path`` (JSON lines); returns the number of documents.
    ``pages``: the page stage's readings (:func:`page_outputs`) instead."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for key, value in page_outputs() if pages else outputs(limit, workers):
            fh.write(json.dumps({"key": key, "reading": value}, sort_keys=True) + "\n")
            n += 1
    return n


def differences(before: Path, after: Path) -> list[str]:
    """One line per document whose reading differs, naming the fields that do."""
    def load(path: Path) -> dict[str, dict[str, Any]]:
        with path.open(encoding="utf-8") as fh:
            rows = (json.loads(line) for line in fh)
            return {row["key"]: row["reading"] for row in rows}

    old, new = load(before), load(after)
    lines = [f"{key}: only in {'before' if key in old else 'after'}"
             for key in sorted(old.keys() ^ new.keys())]
    for key in sorted(old.keys() & new.keys()):
        fields = sorted(f for f in old[key].keys() | new[key].keys()
                        if old[key].get(f) != new[key].get(f))
        if fields:
            lines.append(f"{key}: {', '.join(fields)}")
    return lines


def run_side(src: Path, out: Path, limit: int | None, pages: bool = False) -> None:
    """Dump with ``src`` first on the path, in a fresh process."""
    cmd = [sys.executable, __file__, "--dump", str(out)]
    if limit:
        cmd += ["--limit", str(limit)]
    if pages:
        cmd.append("--page-stage")
    done = subprocess.run(cmd, env={**os.environ, "PYTHONPATH": str(src)}, check=False)
    if done.returncode:
        sys.exit(f"the run with {src} failed (exit {done.returncode})")


def compare(ref: str, limit: int | None, pages: bool = False) -> int:
    """Dump with git ``ref``'s ``src/`` and with this tree's; print the differences."""
    from bench_pipeline import extract_src  # this folder's benchmark: the same extraction

    with tempfile.TemporaryDirectory(prefix="diurna-check-") as tmp:
        before, after = Path(tmp) / "before.jsonl", Path(tmp) / "after.jsonl"
        run_side(extract_src(ref, Path(tmp)), before, limit, pages)
        run_side(REPO / "src", after, limit, pages)
        diff = differences(before, after)
        with after.open(encoding="utf-8") as fh:
            total = sum(1 for _ in fh)
    for line in diff:
        print(line)
    print(f"{total} documents; {len(diff)} differ from {ref}")
    return 1 if diff else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--compare", metavar="REF", help="compare this tree's outputs with REF's")
    what.add_argument("--dump", metavar="FILE", type=Path, help="write this tree's outputs")
    ap.add_argument("--against", metavar="FILE", type=Path,
                    help="with --dump: then print how the new dump differs from FILE")
    ap.add_argument("--workers", type=int, default=1,
                    help="with --dump: processes for the development pages (Pipeline.pipe)")
    ap.add_argument("--limit", type=int, default=None,
                    help="only the first N pages and N documents of each gold file")
    ap.add_argument("--page-stage", action="store_true",
                    help="the page stage's readings of the benchmark, modern and seed pages")
    args = ap.parse_args()
    if args.dump:
        n = dump(args.dump, args.limit, args.workers, args.page_stage)
        print(f"{n} documents written to {args.dump}")
        if args.against:
            diff = differences(args.against, args.dump)
            print("\n".join(diff + [f"{len(diff)} documents differ from {args.against}"]))
            sys.exit(1 if diff else 0)
        return
    sys.exit(compare(args.compare, args.limit, args.page_stage))


if __name__ == "__main__":
    main()
