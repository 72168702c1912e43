"""Near-duplicate articles: precision and recall of MinHash-LSH clusters on hand-checked pairs.

    python bench/bench_duplicates.py [--thresholds 0.3,0.4,...]

Reads the 3,973 Wikinews articles (``shared/corpus/wikinews-politics-2004-2009``), clusters them
with :func:`diurna.duplicates.near_duplicate_clusters` at each threshold and scores the pairs of
``gold/near-duplicates.jsonl`` (same article or not, judged by reading both; how the pairs were
drawn: docs/scale.md): a pair is predicted "same" when both articles are in one cluster. Beside
it, the simplest baseline: exact copies only (identical bodies). Prints articles/second too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from diurna.duplicates import near_duplicate_clusters
from diurna.evaluate.gold import shared_dir

GOLD = Path(__file__).resolve().parents[1] / "gold" / "near-duplicates.jsonl"


def score(predicted: set[tuple[str, str]], gold: list[dict[str, object]]) -> str:
    """Pairwise precision, recall and F1 of ``predicted`` same-article pairs on ``gold``."""
    tp = sum(1 for g in gold if g["same"] and (g["a"], g["b"]) in predicted)
    fp = sum(1 for g in gold if not g["same"] and (g["a"], g["b"]) in predicted)
    fn = sum(1 for g in gold if g["same"] and (g["a"], g["b"]) not in predicted)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f}  R {r:.2f}  F1 {f:.2f}  (tp {tp}, fp {fp}, fn {fn})"


def same_cluster_pairs(clusters: list[list[str]]) -> set[tuple[str, str]]:
    return {(a, b) for c in clusters for i, a in enumerate(c) for b in c[i + 1 :]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.55,0.6,0.7,0.8,0.9")
    args = ap.parse_args()
    path = shared_dir() / "corpus" / "wikinews-politics-2004-2009" / "articles.jsonl"
    docs = [(str(a["id"]), a["text"]) for a in map(json.loads, path.open(encoding="utf-8"))]
    gold = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    print(f"{len(docs)} articles; {len(gold)} hand-checked pairs, "
          f"{sum(bool(g['same']) for g in gold)} of them the same article")
    by_hash: dict[str, list[str]] = {}
    for doc_id, text in docs:
        by_hash.setdefault(hashlib.sha256(text.encode()).hexdigest(), []).append(doc_id)
    exact = same_cluster_pairs([sorted(ids) for ids in by_hash.values() if len(ids) > 1])
    print(f"baseline, exact copies only        {score(exact, gold)}")
    for threshold in (float(t) for t in args.thresholds.split(",")):
        start = time.perf_counter()
        clusters = near_duplicate_clusters(docs, threshold)
        secs = time.perf_counter() - start
        scored = score(same_cluster_pairs(clusters), gold)
        members = sum(map(len, clusters))
        print(f"MinHash-LSH threshold {threshold:<4}      {scored}  {len(clusters)} clusters, "
              f"{members} articles, {len(docs) / secs:,.0f} articles/s")


if __name__ == "__main__":
    main()
