"""The check behind every training script's ``--verify``: a shipped model file is exactly what
its script makes now, and when it is not, the message says whether the rows or the training
changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.reproduce import fingerprint, shipped_rows, verify


def test_fingerprint_changes_with_a_value_a_label_or_the_order_of_rows() -> None:
    rows = [([0.5, 1.0], True), ([0.25, 0.0], False)]
    assert fingerprint(rows) == fingerprint([([0.5, 1.0], True), ([0.25, 0.0], False)])
    assert fingerprint(rows) != fingerprint([([0.5, 1.0], True), ([0.25, 1e-17], False)])
    assert fingerprint(rows) != fingerprint([([0.5, 1.0], True), ([0.25, 0.0], True)])
    assert fingerprint(rows) != fingerprint(rows[::-1])


def _model(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": [1.5], "meta": {"rows_sha256": rows}}) + "\n",
                    encoding="utf-8")
    return path


def test_an_identical_file_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _model(tmp_path, "abc")
    assert verify(path.read_text(encoding="utf-8"), path, "abc", "abc") == 0
    assert "identical" in capsys.readouterr().out


@pytest.mark.parametrize(("made_rows", "weight", "cause"), [
    ("abc", 1.5000000000000002, "not deterministic"),  # same rows, a last bit off
    ("def", 2.0, "moved on"),  # other rows
])
def test_other_bytes_are_refused_with_their_cause(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], made_rows: str, weight: float,
        cause: str) -> None:
    path = _model(tmp_path, "abc")
    made = json.dumps({"weights": [weight], "meta": {"rows_sha256": made_rows}}) + "\n"
    assert verify(made, path, made_rows, shipped_rows(path, "meta")) == 1
    assert cause in capsys.readouterr().out


def test_a_file_without_a_fingerprint_or_missing_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    old.write_text('{"weights": [1.0]}\n', encoding="utf-8")
    assert shipped_rows(old, "meta") is None
    assert verify('{"weights": [2.0]}\n', old, "abc", None) == 1
    assert "cause is unknown" in capsys.readouterr().out
    assert verify("{}", tmp_path / "absent.json", "abc", None) == 1
    assert "no such file" in capsys.readouterr().out
