"""Title, publication day and authors of Diurna's page stage vs trafilatura's metadata.

    .venv/bin/python bench/metadata.py [GOLD_DIR] [--errors N] [--sites all|dev|held]

GOLD_DIR defaults to shared/gold/article-body-modern (its ground truth has ``title``,
``publishing_date`` and ``authors``). Scores are exact matches, after collapsing whitespace:

- title: the page's title string equals the gold title;
- date: the publication day (``YYYY-MM-DD``) equals the gold's day;
- authors: the set of author names equals the gold set (both systems' author strings are split
  the same way: on commas, semicolons, "/", "&", "|" and the words "and"/"und"/"y"/"et"/"og"/
  "e"/"i"); a page whose gold has no authors counts as right when none are found.

``--errors N`` prints up to N wrong values per field for Diurna.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import trafilatura

from diurna.evaluate.body import SITES, load_gold
from diurna.evaluate.gold import shared_dir
from diurna.model import Rejected
from diurna.page import RawInput, read_page

_SPLIT = re.compile(r"\s*(?:[,;/&|]|\s(?:and|und|y|et|og|e|i)\s)\s*", re.I)
_SPACE = re.compile(r"\s+")


def _norm(text: Any) -> str:
    return _SPACE.sub(" ", str(text or "")).strip()


def authors(value: str | None) -> frozenset[str]:
    """Author names of a byline string, whitespace-normalised and case-folded."""
    if not value:
        return frozenset()
    return frozenset(n.casefold() for n in (_norm(p) for p in _SPLIT.split(value)) if n)


def diurna_meta(html: bytes) -> dict[str, Any]:
    """Title, publication day and author set of Diurna's page stage (nothing when rejected)."""
    try:
        doc = read_page(RawInput("<gold>", html, kind="html"))
    except Rejected:
        return {"title": None, "date": None, "authors": frozenset()}
    return {"title": _norm(doc.title), "date": doc.published, "authors": authors(doc.byline)}


def trafilatura_meta(html: bytes) -> dict[str, Any]:
    """The same three fields from trafilatura's ``extract_metadata``."""
    meta = trafilatura.extract_metadata(html)
    if meta is None:
        return {"title": None, "date": None, "authors": frozenset()}
    return {"title": _norm(meta.title), "date": meta.date, "authors": authors(meta.author)}


def score(gold_dir: Path, errors: int, sites: str = "all") -> None:
    """Print each system's exact-match share per field, then up to ``errors`` of Diurna's misses
    per field."""
    truth = json.loads((gold_dir / "ground-truth.json").read_text(encoding="utf-8"))
    systems = {"trafilatura": trafilatura_meta, "diurna": diurna_meta}
    right = {name: {"title": 0, "date": 0, "authors": 0} for name in systems}
    wrong: dict[str, list[str]] = {"title": [], "date": [], "authors": []}
    pages = load_gold(gold_dir, sites)
    for key, _, html in pages:
        gold = truth[key]
        want = {"title": _norm(gold.get("title")),
                "date": str(gold.get("publishing_date") or "")[:10] or None,
                "authors": frozenset(_norm(a).casefold() for a in gold.get("authors") or [])}
        for name, fn in systems.items():
            got = fn(html)
            for field in want:
                if got[field] == want[field]:
                    right[name][field] += 1
                elif name == "diurna":
                    wrong[field].append(f"{key[:30]}: got {got[field]!r}, gold {want[field]!r}")
    n = len(pages)
    for name in systems:
        figures = "  ".join(f"{f}={right[name][f] / n:.3f}" for f in ("title", "date", "authors"))
        print(f"{name:<12} {figures}  pages={n}")
    for field, items in wrong.items():
        for line in items[:errors]:
            print(f"    {field}: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("gold_dir", nargs="?", type=Path,
                        default=shared_dir() / "gold" / "article-body-modern",
                        help="gold folder with ground-truth.json and html/ "
                             "(default: shared/gold/article-body-modern)")
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to this many of Diurna's wrong values per field")
    parser.add_argument("--sites", choices=SITES, default="all",
                        help="all pages, the development sites or the held-out third")
    args = parser.parse_args()
    score(args.gold_dir, args.errors, args.sites)


if __name__ == "__main__":
    main()
