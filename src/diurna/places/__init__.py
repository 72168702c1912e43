"""Places stage: toponyms resolved to GeoNames places offline; event locations."""

from diurna.places.resolver import PlaceResolver

__all__ = ["PlaceResolver"]
