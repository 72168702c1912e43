"""Curated names the gazetteer adds to GeoNames': world regions and former country names.

News names regions that have no country ("the Middle East", "West Africa", "the Balkans") and
countries under former or informal names ("Burma", "Zaire", "Macedonia", "Holland"). The data
packages the gazetteer is built from have neither, so "Middle East" used to resolve to a US town
of 1,872 people and "Macedonia" to Macedonia, Ohio. Two small tables written here fix that
(``sources/regions.tsv``, ``sources/former_names.tsv``; see the README there):

- regions carry GeoNames' own id, feature code and point (GeoNames' ``no-country.txt``), and
  are stored like continents (precision ``"continent"``: above any country), so that the
  resolver prefers them over a same-named town unless the text places the town ("Macedonia,
  Ohio");
- every name in either table counts as a *main* name of its place: the country-over-town rule
  applies to "Burma" as it does to "Myanmar".
"""

from __future__ import annotations

from dataclasses import dataclass

from diurna.places.points import source_rows


@dataclass(frozen=True, slots=True)
class Region:
    """One curated region: GeoNames id, feature code, GeoNames' point, the names news uses."""

    geonameid: int
    feature: str
    lat: float
    lon: float
    names: tuple[str, ...]

    @property
    def name(self) -> str:
        """The name shown for it (the table's first)."""
        return self.names[0]


def regions() -> list[Region]:
    """The regions of ``sources/regions.tsv``."""
    return [Region(int(r[0]), r[1], float(r[2]), float(r[3]),
                   tuple(n for n in r[4].split("|") if n))
            for r in source_rows("regions.tsv")]


def former_names() -> list[tuple[str, str]]:
    """(name, ISO 3166-1 alpha-2 code of the country it names) from
    ``sources/former_names.tsv``."""
    return [(r[0], r[1]) for r in source_rows("former_names.tsv")]
