"""Near-duplicate articles by MinHash-LSH (datasketch) over word shingles of the body.

Two articles are near-duplicates when the Jaccard similarity of their sets of word ``SHINGLE``-grams
(lower-cased, punctuation dropped) is at least the threshold: a wire copy run by two outlets, or
an article and its updated or lightly rewritten version. MinHash estimates that similarity from
``NUM_PERM`` hashes per article and LSH finds the candidate pairs without comparing every pair;
candidates are then kept only if their estimated similarity reaches the threshold. Near-duplicate
pairs are joined into clusters (connected components), every member kept.

The default threshold was chosen on hand-checked pairs of the Wikinews corpus
(``gold/near-duplicates.jsonl``; ``bench/bench_duplicates.py`` prints precision and recall).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Any

SHINGLE = 3  # words per shingle: long enough that two stories on one topic share few
NUM_PERM = 128
SEED = 1  # fixed: the same texts always give the same signatures and clusters
DEFAULT_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> set[str]:
    """The set of lower-cased word ``n``-grams of ``text`` (the whole text if it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """Exact Jaccard similarity of two sets of words or shingles (0 when both are empty)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def signature(text: str) -> Any:
    """The MinHash signature of ``text``'s shingles."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m


def near_duplicate_pairs(
    docs: Iterable[tuple[str, str]], threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[str, str, float]]:
    """``(id_a, id_b, estimated Jaccard)`` of every near-duplicate pair among ``(id, body)``
    documents, ``id_a < id_b``, sorted. Empty bodies are never duplicates."""
    from datasketch import MinHashLSH

    if not 0 < threshold <= 1:
        raise ValueError(f"threshold {threshold} is not in (0, 1]: use e.g. {DEFAULT_THRESHOLD}")
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs: dict[str, Any] = {}
    for doc_id, text in docs:
        if doc_id in sigs or not text.strip():
            continue
        sigs[doc_id] = signature(text)
        lsh.insert(doc_id, sigs[doc_id])
    pairs = set()
    for doc_id, sig in sigs.items():
        for other in lsh.query(sig):
            if other != doc_id:
                a, b = sorted((doc_id, other))
                score = sigs[a].jaccard(sigs[b])
                if score >= threshold:
                    pairs.add((a, b, score))
    return sorted(pairs)


def near_duplicate_clusters(
    docs: Iterable[tuple[str, str]], threshold: float = DEFAULT_THRESHOLD
) -> list[list[str]]:
    """Clusters (two or more members, sorted; clusters sorted by first member) of documents
    joined by near-duplicate pairs; a document with no near-duplicate is in no cluster."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in near_duplicate_pairs(docs, threshold):
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(root(x), []).append(x)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)
