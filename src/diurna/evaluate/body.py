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
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

NGRAM = 4
ACCURACY_F1 = 0.99
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
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


def load_gold(gold_dir: Path) -> list[tuple[str, str, bytes]]:
    """(key, true body, raw HTML bytes) for each page of an article-body gold folder."""
    truth: dict[str, dict[str, Any]] = json.loads(
        (gold_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        path = gold_dir / "html" / f"{key}.html.gz"
        body = truth[key].get("articleBody", "") or ""
        pages.append((key, body, gzip.decompress(path.read_bytes())))
    return pages


def score_bodies(gold_dir: Path, extract: Callable[[bytes], str]) -> dict[str, Any]:
    """Score ``extract`` (HTML bytes → body text) on a gold folder with the benchmark metric.

    Returns precision, recall, f1, accuracy, pages, and ``per_page`` {key: (p, r, f1)}.
    An extractor that raises counts as an empty prediction for that page.
    """
    counts, per_page = [], {}
    for key, true, html in load_gold(Path(gold_dir)):
        try:
            pred = extract(html) or ""
        except Exception:  # a failure is an empty prediction, as in the benchmark
            pred = ""
        c = page_counts(true, pred)
        counts.append(c)
        p, r = _precision(*c), _recall(*c)
        per_page[key] = (p, r, _f1(p, r))
    result: dict[str, Any] = metrics(counts)
    result["per_page"] = per_page
    return result


def trafilatura_body(html: bytes) -> str:
    """Trafilatura alone, default settings: the baseline Diurna is compared with."""
    import trafilatura

    return trafilatura.extract(html) or ""


def diurna_body(html: bytes) -> str:
    from diurna.model import Rejected
    from diurna.page import RawInput, read_page

    try:
        return read_page(RawInput("<gold>", html, kind="html")).text
    except Rejected:
        return ""


SYSTEMS: dict[str, Callable[[bytes], str]] = {"trafilatura": trafilatura_body,
                                               "diurna": diurna_body}


def format_row(name: str, m: dict[str, Any]) -> str:
    return (f"{name:<12} precision={m['precision']:.4f}  recall={m['recall']:.4f}  "
            f"F1={m['f1']:.4f}  accuracy={m['accuracy']:.3f}  pages={int(m['pages'])}")


def main(argv: list[str] | None = None) -> int:
    from diurna.evaluate.gold import shared_dir

    parser = argparse.ArgumentParser(
        prog="diurna evaluate body", description="Article-body F1 (Zyte benchmark metric)"
    )
    parser.add_argument("gold_dir", nargs="?", type=Path,
                        default=shared_dir() / "gold" / "article-body")
    parser.add_argument("--systems", default="trafilatura,diurna")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages per system")
    args = parser.parse_args(argv)
    for name in args.systems.split(","):
        m = score_bodies(args.gold_dir, SYSTEMS[name])
        print(format_row(name, m))
        if args.worst:
            worst = sorted(m["per_page"].items(), key=lambda kv: kv[1][2])[: args.worst]
            for key, (p, r, f) in worst:
                print(f"    {key[:16]} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
