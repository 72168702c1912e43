"""Places stage: toponyms resolved to GeoNames places offline; event locations.

``resolve(name, context=...)`` ranks the GeoNames places one name can mean.

The three names below are imported on first use (:mod:`diurna.lazy`), so that reading a
store, whose queries need only :mod:`diurna.places.codes`, does not import the resolver and the
time stage behind it (session 34, brief W5; docs/batch.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.lazy import attribute_importer

if TYPE_CHECKING:
    from diurna.places.lookup import Candidate, resolve
    from diurna.places.resolver import PlaceResolver

__all__ = ["Candidate", "PlaceResolver", "resolve"]

__getattr__ = attribute_importer(__name__, {
    "Candidate": "diurna.places.lookup",
    "resolve": "diurna.places.lookup",
    "PlaceResolver": "diurna.places.resolver",
}, globals())
