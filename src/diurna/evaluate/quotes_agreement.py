"""``diurna evaluate quotes-agreement FIRST SECOND``: agreement between two quote annotations,
with the quote scorer's alignment and figures (see :func:`diurna.evaluate.quotes.agreement`)."""

from __future__ import annotations

from diurna.evaluate.quotes import agreement_main as main

__all__ = ["main"]
