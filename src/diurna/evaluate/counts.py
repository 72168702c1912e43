"""F1 from match counts, written once for the scorers, the trainers and the bench scripts.

Kept apart from :mod:`diurna.evaluate.events` (which imports the pipeline) so that training code and
scripts can import it without loading a model."""

from __future__ import annotations


def micro_f1(tp: int, fp: int, fn: int) -> float:
    """Micro-F1 of summed counts: 2·tp / (2·tp + fp + fn), and 0 when nothing matched."""
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
