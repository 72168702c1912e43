"""``diurna.places.resolve(name, context=...)``: ranked GeoNames candidates for one place name.

The same scoring the places stage uses on a document, opened up for a single name: every
gazetteer entry the name (or a news abbreviation such as "W.Va.") can mean, each with its score
(the learned ranker's, :mod:`diurna.places.ranker`; the hand rules' without one) given the
context text (the countries and states it names, its focus division) and whether the
stage would accept it at all. A name written "City, State" ("Paris, Tennessee") keeps only the
places inside that state or country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from diurna.model import Document
from diurna.places.gazetteer import GazEntry
from diurna.places.outlets import outlet_home
from diurna.places.resolver import PlaceResolver, _Context, _plausible, _score, choose, ranking


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a place name: a GeoNames entry and how well the context supports it."""

    geonameid: int | None  # None for a Natural Earth feature (a sea, a river): no GeoNames id
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    score: float
    plausible: bool  # would the places stage accept it (else the name stays unresolved)
    chosen: bool  # the stage's own pick

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _context_of(resolver: PlaceResolver, text: str, url: str | None = None) -> _Context:
    """The context ``text`` gives, and the home of the outlet at ``url`` (if a listed one)."""
    if not text.strip():
        ctx = _Context()
        ctx.outlet = outlet_home(url)
        return ctx
    from diurna.language import Language

    doc = Language()(Document(id="context", source="<context>", text=text, language="en",
                              url=url))
    return resolver._document_context(doc, resolver._mentions(doc))


def _split_container(resolver: PlaceResolver, name: str) -> tuple[str, list[GazEntry]]:
    """"Paris, Tennessee" → ("Paris", the entries of "Paris" inside Tennessee)."""
    head, sep, tail = name.partition(",")
    if not sep or not tail.strip():
        return name, []
    inside = [e for e in resolver.gazetteer.lookup(head.strip())
              if resolver._containers(tail.strip(), e)]
    return head.strip(), inside


def _scores(res: PlaceResolver, entries: Sequence[GazEntry], ctx: _Context,
            name: str) -> list[float]:
    """Each entry's score: the learned ranker's (every reading ranked, as for a given span),
    else (no ranker, or no other name in the context) the hand rules'."""
    if res.ranker is None or len(entries) < 2 or not (ctx.readings or ctx.outlet):
        return [_score(e, ctx, None) for e in entries]
    r = ranking(entries, ctx, "GPE", None, name, known=True)
    ranker = res.ranker.for_page(ctx.outlet)
    by_id = {id(e): ranker.score(x) for e, x in zip(r.cands, r.x, strict=True)}
    return [by_id.get(id(e), _score(e, ctx, None)) for e in entries]


def resolve(name: str, context: str = "", *, url: str | None = None, limit: int = 10,
            resolver: PlaceResolver | None = None) -> list[Candidate]:
    """Ranked candidates for ``name`` (best first), scored with ``context`` (any text the name
    appears in or near) and ``url`` (the page's address: a listed local outlet's home weighs
    its own state's towns). Empty when the gazetteer knows no place of that name."""
    res = resolver or PlaceResolver()
    ctx = _context_of(res, context, url)
    name = name.strip()
    abbr = res._abbreviation(name)
    head, inside = _split_container(res, name)
    entries: tuple[GazEntry, ...] | list[GazEntry]
    if abbr is not None:
        entries = [abbr]
    elif inside:
        entries = inside
    else:
        entries = res.gazetteer.lookup(head)
    if not entries:
        return []
    best = abbr or (inside and max(inside, key=lambda e: e.population)) or choose(
        entries, ctx, "GPE", None, head, res.ranker)
    scores = _scores(res, entries, ctx, head)
    cands = [Candidate(e.geonameid if e.geonameid > 0 else None, e.name, e.feature, e.country,
                       e.admin1 if not e.is_country else None, e.lat, e.lon, e.population,
                       round(scores[i], 3),
                       e is best or _plausible(e, ctx, "GPE", None),
                       best is not None and e.geonameid == best.geonameid)
             for i, e in enumerate(entries)]
    cands.sort(key=lambda c: (not c.chosen, not c.plausible, -c.score, -c.population))
    return cands[:limit]
