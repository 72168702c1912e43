"""bench/quote_check_folds.py: article folds dealt evenly and reproducibly, the cue vectors reduced
by axes fitted on the rows given, and no blind or test set read."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from tests.scripts import load_file


def _bench() -> ModuleType:
    return load_file("bench/quote_check_folds.py", register=True)


SOURCES = {"train2": [f"t{i}" for i in range(12)], "dev": [f"d{i}" for i in range(7)],
           "dev3": [f"e{i}" for i in range(4)]}


def test_every_article_is_in_one_fold_and_each_file_is_spread_evenly() -> None:
    deal = _bench().folds(SOURCES)
    dealt = [a for fold in deal for a in fold]
    assert sorted(dealt) == sorted((n, s) for n, ss in SOURCES.items() for s in ss)
    for name in SOURCES:
        counts = [sum(n == name for n, _ in fold) for fold in deal]
        assert max(counts) - min(counts) <= 1, (name, counts)
    assert max(map(len, deal)) - min(map(len, deal)) <= 1


def test_the_same_seed_deals_the_same_folds_and_another_seed_others() -> None:
    bench = _bench()
    assert bench.folds(SOURCES) == bench.folds(SOURCES)
    assert bench.folds(SOURCES, seed=18) != bench.folds(SOURCES)


def test_the_reduction_is_fitted_on_the_rows_given_and_keeps_their_main_direction() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 6)).astype(np.float32)
    x[:, 2] *= 10  # the widest direction
    mean, axes = _bench().pca(x, dims=2)
    reduced = (x - mean) @ axes.T
    assert reduced.shape == (200, 2)
    assert np.allclose(reduced.mean(0), 0, atol=1e-4)
    assert abs(axes[0][2]) > 0.99


@pytest.mark.parametrize("name", ["dev6", "dev7", "test", "quotes-wikinews-test"])
def test_a_blind_or_test_set_is_refused_before_anything_is_read(name: str,
                                                                tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="only the training file and the read sets"):
        _bench().load(name, tmp_path)
    assert not list(tmp_path.iterdir())


def test_the_context_arm_without_a_graph_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="needs --graph"):
        _bench().main(["--pickles", str(tmp_path), "--arm", "context", "--out",
                       str(tmp_path / "out")])
