"""Places stage: toponyms resolved to GeoNames places offline; event locations.

``resolve(name, context=...)`` ranks the GeoNames places one name can mean.
"""

from diurna.places.lookup import Candidate, resolve
from diurna.places.resolver import PlaceResolver

__all__ = ["Candidate", "PlaceResolver", "resolve"]
