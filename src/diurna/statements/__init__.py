"""Statements stage: direct and indirect quotes with speaker, cue verb and reporting chain."""

from diurna.statements.quotes import Statements

__all__ = ["Statements"]
