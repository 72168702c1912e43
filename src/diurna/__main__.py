"""``python -m diurna``: the same command line as the ``diurna`` script, for environments where
the script is not on ``PATH`` (a checkout run with ``PYTHONPATH=src``, a venv not activated)."""

from diurna.cli import main

main()
