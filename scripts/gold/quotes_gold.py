"""Turn annotators' attribution (quote) annotations of Wikinews articles into offset gold JSONL.

Annotators write one JSON line per attribution (guidelines: ``docs/annotation-quotes.md``)::

    {"id": "wikinews-en:1", "n": [3], "kind": "direct", "content": ["We will not resign"],
     "speaker": "the mayor", "speaker_name": "Ana Ruiz", "source_kind": "person",
     "speaker_code": "ESPGOV", "cue": "said", "via": null, "parent": null}

and a closing ``{"id": …, "done": true, "attributions": N}`` per article. Strings are copied from
the sentence units named in ``n`` joined with one space; ``<field>_nth`` (1-based, counting
overlapping plain-substring occurrences, as the annotators' checker does) says which one is meant.

Output: one line per article (``docs/gold-format.md``, "gold/quotes-wikinews-*.jsonl"): source,
published, start/end of the whole article, and its attributions with content parts, speaker, cue and
via as ``{"start", "end", "text"}`` into the article text. Every string is checked against the text;
a problem is reported as ``FILE:LINE: what`` and the script exits 1. It imports nothing from Diurna.

    python scripts/gold/quotes_gold.py --units /work/annot/units.jsonl FILE... > gold/x.jsonl
    python scripts/gold/quotes_gold.py --units /work/annot/units.jsonl --check FILE...
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

KINDS = {"direct", "indirect", "mixed"}
SOURCE_KINDS = {"person", "organisation", "document", "unnamed"}


class Problem(ValueError):
    """One annotation line that cannot be turned into offsets."""


def _nth_index(joined: str, text: str, nth: int | None) -> int:
    """Index in ``joined`` of the ``nth`` (1-based) occurrence of ``text``, overlaps counted."""
    pos = -1
    for _ in range(nth or 1):
        pos = joined.find(text, pos + 1)
        if pos < 0:
            break
    return pos


def locate(units: list[dict[str, Any]], article: str, text: Any, nth: Any,
           what: str) -> dict[str, Any]:
    """``{"start", "end", "text"}`` in the article of the annotated string ``text``.

    The string is found in the units joined by one space (as the annotator saw them), then mapped
    back to article offsets; the article's own text between those offsets must equal the string
    up to whitespace (units are separated by a space, a blank line or nothing in the article)."""
    if not isinstance(text, str) or not text:
        raise Problem(f"{what}: empty or not a string")
    if nth is not None and (not isinstance(nth, int) or nth < 1):
        raise Problem(f"{what}_nth {nth!r}: expected a positive integer")
    joined_parts, starts = [], []
    pos = 0
    for u in units:
        starts.append(pos)
        joined_parts.append(u["text"])
        pos += len(u["text"]) + 1
    joined = " ".join(joined_parts)
    at = _nth_index(joined, text, nth)
    if at < 0:
        raise Problem(f"{what} {text!r} (occurrence {nth or 1}) is not in sentences "
                      f"{[u['n'] for u in units]}")

    def to_article(i: int, is_end: bool) -> int:
        for k in range(len(units) - 1, -1, -1):
            if starts[k] <= i - (1 if is_end else 0) or k == 0:
                return int(units[k]["start"]) + i - starts[k]
        raise AssertionError  # pragma: no cover

    start, end = to_article(at, False), to_article(at + len(text), True)
    got = article[start:end]
    if got.split() != text.split():
        raise Problem(f"{what} {text!r} maps to {got!r} in the article (sentences not adjacent?)")
    if "<!--" in got or "-->" in got:
        # The scorers blank HTML comments (a page never shows them), so such a span could never
        # match: found in session 45's train3, where one content ran across "<!-- ... -->".
        raise Problem(f"{what} {text!r} holds an HTML comment, which the page stage drops: "
                      "split the content around it (two parts) or end the span before it")
    return {"start": start, "end": end, "text": got}


def convert(ann: dict[str, Any], units_of: dict[int, dict[str, Any]], article: str,
            count: int) -> dict[str, Any]:
    """One annotation line → a gold attribution with offsets (``count``: lines before it)."""
    ns = ann.get("n")
    if not isinstance(ns, list) or not ns or ns != sorted(ns):
        raise Problem(f"n {ns!r}: expected a sorted, non-empty list of sentence numbers")
    missing = [n for n in ns if n not in units_of]
    if missing:
        raise Problem(f"no sentence unit {missing} in this article")
    units = [units_of[n] for n in ns]
    if ann.get("kind") not in KINDS:
        raise Problem(f"kind {ann.get('kind')!r}: expected one of {sorted(KINDS)}")
    if ann.get("source_kind") not in SOURCE_KINDS:
        raise Problem(f"source_kind {ann.get('source_kind')!r}: expected one of "
                      f"{sorted(SOURCE_KINDS)}")
    content = ann.get("content")
    if not isinstance(content, list):
        raise Problem("content: expected a list of strings")
    nths = ann.get("content_nth") or [None] * len(content)
    if len(nths) != len(content):
        raise Problem("content_nth: not one entry per content part")
    parent = ann.get("parent")
    if parent is not None and not (isinstance(parent, int) and 0 <= parent < count):
        raise Problem(f"parent {parent!r}: expected the index of an earlier line of the article")
    if ann.get("cue") is None:
        raise Problem("cue is null")

    def opt(field: str) -> dict[str, Any] | None:
        value = ann.get(field)
        if value is None:
            return None
        return locate(units, article, value, ann.get(f"{field}_nth"), field)

    return {
        "n": ns, "kind": ann["kind"],
        "content": [locate(units, article, part, nth, "content")
                    for part, nth in zip(content, nths, strict=True)],
        "speaker": opt("speaker"), "speaker_name": ann.get("speaker_name"),
        "source_kind": ann["source_kind"], "speaker_code": ann.get("speaker_code"),
        "cue": opt("cue"), "via": opt("via"), "parent": parent,
    }


def load_units(path: Path) -> dict[str, dict[int, dict[str, Any]]]:
    """``{article id: {n: unit}}`` from the shared units file."""
    out: dict[str, dict[int, dict[str, Any]]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            u = json.loads(line)
            out.setdefault(u["source"].rpartition("#")[2], {})[u["n"]] = u
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=Path, required=True, help="the shared units.jsonl")
    parser.add_argument("--check", action="store_true", help="only report problems")
    parser.add_argument("--done-only", action="store_true",
                        help="leave out (with a note) articles that have no done line yet: an "
                             "annotation still in progress")
    parser.add_argument("files", nargs="+", type=Path, help="annotators' <task>.<X>.jsonl files")
    args = parser.parse_args()
    units = load_units(args.units)
    problems = 0
    out: list[dict[str, Any]] = []
    for path in args.files:
        current: dict[str, dict[str, Any]] = {}
        for lineno, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                ann = json.loads(line)
                aid = ann.get("id")
                if aid not in units:
                    raise Problem(f"article {aid!r} has no sentence units")
                first = next(iter(units[aid].values()))
                if aid not in current:
                    current[aid] = {"source": first["source"], "published": first["published"],
                                    "start": 0, "end": None, "attributions": [], "_done": None}
                entry = current[aid]
                if ann.get("done"):
                    entry["_done"] = ann.get("attributions")
                    continue
                if entry["_done"] is not None:
                    raise Problem(f"attribution of {aid} after its done line")
                article = _article(units[aid])
                entry["end"] = len(article)
                entry["attributions"].append(
                    convert(ann, units[aid], article, len(entry["attributions"])))
            except (Problem, json.JSONDecodeError, AttributeError, TypeError, KeyError) as err:
                print(f"{path}:{lineno}: {err}", file=sys.stderr)
                problems += 1
        for aid, entry in current.items():
            done = entry.pop("_done")
            if done is None and args.done_only:
                print(f"{path}: {aid}: not done yet, left out", file=sys.stderr)
                continue
            if done != len(entry["attributions"]):
                print(f"{path}: {aid}: done line says {done} attributions, found "
                      f"{len(entry['attributions'])}", file=sys.stderr)
                problems += 1
                continue
            if entry["end"] is None:
                entry["end"] = len(_article(units[aid]))
            out.append(entry)
    if not args.check:
        for entry in out:
            print(json.dumps(entry, ensure_ascii=False))
    n = sum(len(e["attributions"]) for e in out)
    print(f"{len(out)} articles, {n} attributions, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


_ARTICLES: dict[str, str] = {}


def _article(units_of: dict[int, dict[str, Any]]) -> str:
    """The article text the units point into (``shared/corpus/<file>`` record), read once."""
    source = next(iter(units_of.values()))["source"]
    if source not in _ARTICLES:
        file, _, _ = source.partition("#")
        shared = Path(os.environ.get("DIURNA_SHARED")
                      or Path(__file__).resolve().parents[2].parent / "shared")
        with (shared / file).open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                _ARTICLES[f"{file}#{rec['id']}"] = rec["text"]
    return _ARTICLES[source]


if __name__ == "__main__":
    sys.exit(main())
