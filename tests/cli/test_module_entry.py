"""``python -m diurna`` runs the same command line as the ``diurna`` script."""

import subprocess
import sys


def test_python_m_diurna_lists_the_commands() -> None:
    run = subprocess.run([sys.executable, "-m", "diurna", "--help"], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    # The group's own commands, as `diurna --help` lists them.
    assert "process" in run.stdout and "evaluate" in run.stdout


def test_python_m_diurna_rejects_an_unknown_command() -> None:
    run = subprocess.run([sys.executable, "-m", "diurna", "no-such-command"], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 2
    assert "no-such-command" in run.stderr
