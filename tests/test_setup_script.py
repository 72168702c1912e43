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
