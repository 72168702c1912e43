"""Events stage: PLOVER event type and mode, CAMEO code, actor, recipient, status."""

from diurna.events.coder import EventCoder
from diurna.events.keyword import KeywordCoder
from diurna.events.learned import LearnedEventCoder

__all__ = ["EventCoder", "KeywordCoder", "LearnedEventCoder"]
