"""The F1 every scorer, trainer and bench script computes from tp / fp / fn counts."""

import pytest

from diurna.evaluate.counts import micro_f1


def test_f1_of_counts_is_the_harmonic_mean_of_precision_and_recall() -> None:
    # 3 right of 4 coded (P 0.75) and of 6 gold (R 0.5): F1 = 2·0.75·0.5 / 1.25 = 0.6
    assert micro_f1(3, 1, 3) == pytest.approx(0.6)


def test_nothing_matched_is_zero_not_a_division_error() -> None:
    assert micro_f1(0, 0, 0) == 0.0
    assert micro_f1(0, 5, 2) == 0.0
