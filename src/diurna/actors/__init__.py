"""Actors stage: mentions of actors in the body, normalised to the actor dictionary."""

from diurna.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
