"""Where a news outlet is, from its web domain: the home of a local story's paper.

A local paper's story often names one town and nothing else that places it ("Arlington police
arrested ..."): whether that is Arlington, Texas or Virginia is in the outlet, not the text.
The table ``places/sources/outlets.tsv`` (built by ``scripts/build_outlets.py`` from the 3DLNews
list of US local outlets) gives each outlet's domain its state and, when the list has one, the
point of its city or county. The resolver hands both to the ranker as features (a candidate in
the outlet's state, its distance to the outlet), so the text's own evidence can still outweigh
them: a local paper reports on the world too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from diurna.places.points import source_rows

OUTLETS_FILE = "outlets.tsv"


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet's home: its domain, first-level division (GeoNames admin1 code, "US.TX") and,
    when known, the name and point of its city or county."""

    domain: str
    admin1_code: str
    city: str | None = None
    lat: float | None = None
    lon: float | None = None


def domain_of(address: str) -> str:
    """The host of a URL or bare domain, lower case, without a leading ``www.`` ('' if none)."""
    address = address.strip()
    if "//" not in address:
        address = "//" + address
    try:
        h = (urlparse(address).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    return re.sub(r"^www\d*\.", "", h)


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """The shipped table: domain → :class:`Outlet` (empty without the file)."""
    table: dict[str, Outlet] = {}
    for row in source_rows(OUTLETS_FILE):
        domain, admin1, city, lat, lon = (row + ["", "", ""])[:5]
        table[domain] = Outlet(domain, admin1, city or None, float(lat) if lat else None,
                               float(lon) if lon else None)
    return table


def outlet_home(*addresses: str | None) -> Outlet | None:
    """The home of the first of ``addresses`` (a page's URL, its site) that names a listed
    outlet: its host, then the host without its leading labels ("news.postbulletin.com" →
    "postbulletin.com"). None when no address names one."""
    table = outlets()
    for address in addresses:
        if not address:
            continue
        labels = domain_of(address).split(".")
        for i in range(len(labels) - 1):
            hit = table.get(".".join(labels[i:]))
            if hit is not None:
                return hit
    return None
