"""Time stage: temporal expressions normalised against the publication date; event dates."""

from diurna.time.resolver import TimeResolver

__all__ = ["TimeResolver"]
