"""Whether a shipped model file is what its training script makes now.

The project's rule: every model file in the repository comes from a script in it, seeded, and
the same training rows give the same bytes. A script's ``--verify`` makes the file afresh, writes
nothing, and calls :func:`verify`: 0 when every byte is equal, else 1 and the likely cause. The
cause comes from a fingerprint of the training rows (:func:`fingerprint`) that the script keeps
in the file: equal rows but other bytes mean training is not deterministic (a bug to fix); other
rows mean the data or the code that makes the rows moved on since the file was shipped (retrain
and ship it once the figures it drives are no worse).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

# the key under which a model file keeps the fingerprint of its training rows
ROWS_KEY = "rows_sha256"


def fingerprint(rows: object) -> str:
    """A SHA-256 of ``repr(rows)``: lists, tuples, numbers, strings and booleans print the same
    in every process (a float's repr round-trips exactly), so equal rows give an equal
    fingerprint and a changed feature value, label or row order a different one."""
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


def shipped_rows(path: Path, *keys: str) -> str | None:
    """The training-rows fingerprint kept in the JSON file ``path``, found under ``keys`` (e.g.
    ``"meta"``) then :data:`ROWS_KEY`; None when the file or the key is missing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in (*keys, ROWS_KEY):
            data = data[key]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return data if isinstance(data, str) else None


def verify(made: str, shipped: Path, rows: str, old_rows: str | None) -> int:
    """Compare the text a script ``made`` now with the ``shipped`` file, byte for byte; print
    the outcome; 0 when identical, 1 when not. ``rows`` is the fingerprint of the rows it was
    made from, ``old_rows`` the one the shipped file keeps (None: it keeps none)."""
    if shipped.exists() and shipped.read_bytes() == made.encode("utf-8"):
        print(f"{shipped}: identical to what the script makes")
        return 0
    why = cause(rows, old_rows) if shipped.exists() else "no such file"
    print(f"{shipped}: differs from what the script makes; {why}")
    return 1


def cause(rows: str, old_rows: str | None) -> str:
    """Why a re-made model file differs from the shipped one, from the fingerprint of the rows
    it was made from now (``rows``) and the one the shipped file keeps (``old_rows``)."""
    if old_rows is None:
        return "the shipped file keeps no fingerprint of its training rows, so the cause is unknown"
    if old_rows == rows:
        return "the training rows are unchanged, so training is not deterministic (a bug)"
    return ("the training rows differ from those the shipped file was made from (the data or "
            "the code moved on since): retrain and ship it if its figures are no worse")
