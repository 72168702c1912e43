"""Article-body scorer: the metric of the Zyte/Scrapinghub Article Extraction Benchmark.

Our reading of the benchmark's ``evaluate.py`` (re-implemented here, not copied):

- Both texts are tokenised into ``\\w+`` runs (Unicode word characters); punctuation and whitespace
  are ignored. A *shingle* is a run of 4 consecutive tokens (a text with fewer than 4 tokens gives
  one shorter shingle; an empty text none). So "4-gram shingles" are word 4-grams, not characters.
- Per page, the shingle multisets give TP = Σ min(true, pred), FP = Σ excess predicted,
  FN = Σ missed true; the three are normalised by their sum so long pages weigh no more.
- Per-page precision is 1 when FP = FN = 0, 0 when TP = FP = 0, else TP/(TP+FP) (recall likewise).
- Precision is the mean over pages with TP+FP > 0, recall the mean over pages with TP+FN > 0, and
  F1 is the harmonic mean of those two means (not the mean of per-page F1s).
- "Accuracy" (share of pages extracted almost exactly): the current upstream script does not
  compute it; we report the share of pages whose per-page shingle F1 is >= 0.99.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

NGRAM = 4
ACCURACY_F1 = 0.99
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _plain(text: str) -> str:
    """``text`` in Unicode's composed form (NFC) without invisible format characters (soft
    hyphens, zero-width spaces: category Cf). A gold text that spells "Ü" as "U" + combining
    diaeresis, or keeps the page's soft hyphens ("Brenn\\xadpunkt"), has the same words as a
    text that does not, and ``\\w+`` would otherwise cut such words in two."""
    composed = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in composed if unicodedata.category(ch) != "Cf")


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    """Word ``n``-grams of ``text`` (read by ``_plain``)."""
    tokens = _TOKEN.findall(_plain(text or ""))
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = shingles(true), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def metrics(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    page_f1 = [_f1(_precision(*c), _recall(*c)) for c in counts]
    accuracy = sum(f >= ACCURACY_F1 for f in page_f1) / len(counts) if counts else 0.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall),
            "accuracy": accuracy, "pages": float(len(counts))}


_DATED_KEY = re.compile(r"_\d{4}(?:_\d\d){0,2}$")
#: which pages a bench reads: all of them, the development sites or the held-out third
SITES = ("all", "dev", "held")


def site_of(key: str) -> str:
    """The site a gold page comes from: its key without the trailing date
    (``de_WAZ_2024_03_01`` → ``de_WAZ``); a key without a date is its own site."""
    return _DATED_KEY.sub("", key)


def held_out(key: str) -> bool:
    """Whether a page's site is in the held-out third: a fixed hash of the site name, so every
    page of a site falls on the same side and the split never depends on the pages' content."""
    return hashlib.sha1(site_of(key).encode("utf-8")).digest()[0] % 3 == 0


def load_gold(gold_dir: Path, sites: str = "all") -> list[tuple[str, str, bytes]]:
    """(key, true body, raw HTML bytes) for each page of an article-body gold folder;
    ``sites`` = "dev" or "held" keeps only the development sites or the held-out third."""
    truth: dict[str, dict[str, Any]] = json.loads(
        (gold_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        if sites != "all" and held_out(key) != (sites == "held"):
            continue
        path = gold_dir / "html" / f"{key}.html.gz"
        body = truth[key].get("articleBody", "") or ""
        pages.append((key, body, gzip.decompress(path.read_bytes())))
    return pages


def score_bodies(gold_dir: Path, extract: Callable[[bytes], str],
                 sites: str = "all") -> dict[str, Any]:
    """Score ``extract`` (HTML bytes → body text) on a gold folder with the benchmark metric.

    Returns precision, recall, f1, accuracy, pages, ``per_page`` {key: (p, r, f1)} and
    ``texts`` {key: (true body, predicted body)}.
    An extractor that raises counts as an empty prediction for that page.
    """
    counts, per_page, texts = [], {}, {}
    for key, true, html in load_gold(Path(gold_dir), sites):
        try:
            pred = extract(html) or ""
        except Exception:  # a failure is an empty prediction, as in the benchmark
            pred = ""
        c = page_counts(true, pred)
        counts.append(c)
        p, r = _precision(*c), _recall(*c)
        per_page[key] = (p, r, _f1(p, r))
        texts[key] = (true, pred)
    result: dict[str, Any] = metrics(counts)
    result["per_page"] = per_page
    result["texts"] = texts
    return result


def trafilatura_body(html: bytes) -> str:
    """Trafilatura alone, default settings: the baseline Diurna is compared with."""
    import trafilatura

    return trafilatura.extract(html) or ""


def trafilatura_prose(html: bytes) -> str:
    """Trafilatura's default output without the section headings it found: its own text with
    the ``<head>`` elements of its internal XML body left out (trafilatura turns ``h1``-``h6``,
    ``<summary>`` and FAQ question titles into ``<head>``), converted to text by trafilatura's
    own ``xmltotxt`` exactly as ``extract()`` does. With no heading removed this is byte for
    byte ``trafilatura.extract(html)`` (checked on all 284 dev pages): the like-for-like
    baseline for ``diurna-prose`` on gold that leaves headings out."""
    import trafilatura
    from trafilatura.utils import normalize_unicode
    from trafilatura.xml import xmltotxt

    found = trafilatura.bare_extraction(html)
    if found is None or isinstance(found, dict):
        return ""
    _drop_heads(found.body)
    text = xmltotxt(found.body, False)
    if found.commentsbody is not None:  # extract() appends the comments it found, so do we
        text = f"{text}\n{xmltotxt(found.commentsbody, False)}".strip()
    return str(normalize_unicode(text))


def _drop_heads(body: Any) -> None:
    """Remove every ``<head>`` element of trafilatura's body, keeping any text after it."""
    from diurna.page.comments import remove_elements

    if body is not None:
        remove_elements(list(body.iter("head")))


def diurna_body(html: bytes) -> str:
    from diurna.model import Rejected
    from diurna.page import RawInput, read_page

    try:
        return read_page(RawInput("<gold>", html, kind="html")).text
    except Rejected:
        return ""


def diurna_prose(html: bytes) -> str:
    """Diurna's body without the paragraphs it marks as section headings (``doc.headings``):
    the body as the modern set's gold defines it ("without section headings")."""
    from diurna.model import PARAGRAPH_SEPARATOR, Rejected
    from diurna.page import RawInput, read_page

    try:
        doc = read_page(RawInput("<gold>", html, kind="html"))
    except Rejected:
        return ""
    heads = {(h.start, h.end) for h in doc.headings}
    return PARAGRAPH_SEPARATOR.join(s.text for s in doc.paragraph_spans()
                                    if (s.start, s.end) not in heads)


SYSTEMS: dict[str, Callable[[bytes], str]] = {"trafilatura": trafilatura_body,
                                               "trafilatura-prose": trafilatura_prose,
                                               "diurna": diurna_body,
                                               "diurna-prose": diurna_prose}
#: the baseline each system is compared with: like for like, headings in or headings out
BASELINE = {"diurna": "trafilatura", "diurna-prose": "trafilatura-prose"}


def format_row(name: str, m: dict[str, Any]) -> str:
    return (f"{name:<17} precision={m['precision']:.4f}  recall={m['recall']:.4f}  "
            f"F1={m['f1']:.4f}  accuracy={m['accuracy']:.3f}  pages={int(m['pages'])}")


def why(true: str, pred: str) -> str:
    """One line saying what went wrong on a page: the predicted paragraph with the most
    shingles not in the gold ("extra") or the gold line with the most missed ("missed")."""
    t, p = shingles(true), shingles(pred)
    extra = sum((p - t).values())
    missed = sum((t - p).values())
    if not pred.strip():
        return "nothing extracted"
    if extra >= missed:
        lines, other, label, total = re.split(r"\n+", pred), t, "extra", extra
    else:
        lines, other, label, total = true.split("\n"), p, "missed", missed
    worst = max(lines, key=lambda ln: sum((shingles(ln) - other).values()))
    snippet = re.sub(r"\s+", " ", worst).strip()
    return f"{label} {total} shingles, most in: {snippet[:70]!r}"


def print_worst(m: dict[str, Any], n: int, baseline: dict[str, Any] | None) -> None:
    """The ``n`` pages with the lowest F1, with the baseline's F1 beside them and why."""
    worst = sorted(m["per_page"].items(), key=lambda kv: kv[1][2])[:n]
    for key, (p, r, f) in worst:
        base = f" (baseline {baseline['per_page'][key][2]:.3f})" if baseline else ""
        print(f"    {key[:32]:<32} P={p:.3f} R={r:.3f} F1={f:.3f}{base}  {why(*m['texts'][key])}")


def write_per_page(path: Path, results: dict[str, dict[str, Any]], gold_name: str) -> None:
    """Append per-page P/R/F1 of every system to a TSV file (one row per page and system)."""
    new = not path.exists()
    with path.open("a", encoding="utf-8") as fh:
        if new:
            fh.write("gold\tpage\tsystem\tprecision\trecall\tf1\n")
        for name, m in results.items():
            for key, (p, r, f) in m["per_page"].items():
                fh.write(f"{gold_name}\t{key}\t{name}\t{p:.4f}\t{r:.4f}\t{f:.4f}\n")


def main(argv: list[str] | None = None) -> int:
    from diurna.evaluate.gold import shared_dir

    parser = argparse.ArgumentParser(
        prog="diurna evaluate body", description="Article-body F1 (Zyte benchmark metric)"
    )
    parser.add_argument("gold_dir", nargs="*", type=Path,
                        help="gold folders (default: the benchmark pages and the modern pages)")
    parser.add_argument("--systems", default="trafilatura,trafilatura-prose,diurna,diurna-prose",
                        help="comma-separated; the -prose variants leave section headings out")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N worst pages per system, with why")
    parser.add_argument("--per-page", type=Path, metavar="FILE.tsv",
                        help="write every page's P/R/F1 per system to this TSV file")
    parser.add_argument("--sites", choices=SITES, default="all",
                        help="score all pages, the development sites or the held-out third "
                             "(a fixed hash of each page's site)")
    args = parser.parse_args(argv)
    folders = args.gold_dir or [shared_dir() / "gold" / "article-body",
                                shared_dir() / "gold" / "article-body-modern"]
    for folder in folders:
        if not (folder / "ground-truth.json").exists():
            print(f"{folder}: no ground-truth.json here; pass an article-body gold folder",
                  file=sys.stderr)
            return 2
        print(f"== {folder}")
        results = {name: score_bodies(folder, SYSTEMS[name], args.sites)
                   for name in args.systems.split(",")}
        for name, m in results.items():
            print(format_row(name, m))
            base = results.get(BASELINE.get(name, ""))
            if args.worst:
                print_worst(m, args.worst, base)
        for name, m in results.items():
            base = results.get(BASELINE.get(name, ""))
            if base is None:
                continue
            below = [k for k, (_, _, f) in m["per_page"].items()
                     if f < 0.5 and base["per_page"][k][2] > 0.8]
            print(f"{name}: F1 {m['f1'] - base['f1']:+.4f} vs {BASELINE[name]}; pages below "
                  f"0.5 where {BASELINE[name]} is above 0.8: {len(below)} {below[:5]}")
        if args.per_page:
            write_per_page(args.per_page, results, folder.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
