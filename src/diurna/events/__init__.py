"""Events stage: PLOVER event type and mode, CAMEO code, actor, recipient, status."""

from diurna.events.coder import EventCoder

__all__ = ["EventCoder"]
