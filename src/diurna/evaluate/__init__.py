"""Scorers that measure Diurna against gold data (``diurna evaluate …``)."""
