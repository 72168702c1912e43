"""A learned ranker for the places one name can mean: which GeoNames candidate, given the text.

The hand-written score (:func:`diurna.places.resolver._score`) and the rules of
:func:`~diurna.places.resolver.choose` stopped improving on LGL's local news (same-named US
towns, a foreign country against a local namesake). This ranker weighs the same evidence and
more, each as a feature of one (mention, candidate) pair:

- what the candidate is: population (log), country / first- / second-level division / town /
  physical feature, capital, matched on its main name or an alternate one, its name written
  exactly as in the text;
- the document: the share of the text's country evidence its country has, the country the text
  is most about, the divisions the text names and its focus division, how many of the text's
  other names lie in its first-level division (or, for a division, inside it), the distance to
  the nearest of the other names' places;
- the hint words around the name ("county", "city of") and the rule resolver's own score and
  pick, so the ranker starts from the rules and learns where they go wrong.

A linear model over these features (softmax over one name's candidates, a conditional logit)
is trained on LGL by ``python -m diurna.places.train_ranker`` and shipped as a small JSON file
(``places/sources/ranker.json``); scoring is a dot product in plain Python, no library needed at
run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from diurna.places.gazetteer import GazEntry, name_key
from diurna.places.outlets import Outlet

RANKER_FILE = "ranker.json"
EARTH_KM = 6371.0088
# no other place in the text: distance features take this (km), as far as it gets
FAR_KM = 20_000.0

FEATURES: tuple[str, ...] = (
    "rule_score", "rule_pick", "log_pop", "pop_top", "pop_ratio",
    "is_country", "is_admin1", "is_admin2", "is_city", "is_feature", "is_capital",
    "primary", "name_exact",
    "country_share", "main_country", "foreign_unnamed_country", "city_unnamed_country",
    "in_named_admin1", "in_focus", "in_named_admin2", "admin1_votes", "admin1_of_others",
    "near_log_km", "near_161", "no_others", "admin1_readings", "admin1_readings_share",
    "country_readings_share", "admin1_readings_weighted", "admin2_readings",
    "admin2_readings_weighted", "settled",
    "plausible",
    "hint_match", "hint_mismatch",
    "in_outlet_state", "outlet_near", "outlet_161",
)


class Context(Protocol):
    """What the ranker reads of the document (:class:`diurna.places.resolver._Context`)."""

    admin1: set[str]
    admin2: set[str]
    focus: str | None
    picks: list[tuple[str, GazEntry]]
    readings: list[tuple[str, frozenset[str], frozenset[str], frozenset[str]]]
    settled: dict[str, int]
    outlet: Outlet | None

    def share(self, cc: str | None) -> float: ...

    def main_country(self) -> str | None: ...


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _kind(e: GazEntry) -> str:
    if e.precision == "point":
        return "feature"
    if e.is_country:
        return "country"
    return e.precision  # admin1, admin2, city


def _hint_fits(hint: str | None, e: GazEntry) -> bool:
    return (hint == "city" and e.precision == "city") or (hint == "admin1" and e.is_admin1) or (
        hint == "admin2" and e.is_admin2)


def _nearest_km(e: GazEntry, others: Sequence[GazEntry]) -> float:
    if e.lat is None or e.lon is None:
        return FAR_KM
    best = FAR_KM
    for o in others:
        if (o.lat is not None and o.lon is not None and not o.is_country
                and o.geonameid != e.geonameid):
            best = min(best, haversine_km(e.lat, e.lon, o.lat, o.lon))
    return best


def _outlet_features(e: GazEntry, outlet: Outlet | None) -> list[float]:
    """Where the story's outlet is (:mod:`diurna.places.outlets`): the candidate lies in its
    state; how near it lies to the outlet's town (1 at the town, 0 a world away; 0 when either
    point is unknown); within 161 km of it."""
    if outlet is None or e.is_country:
        return [0.0, 0.0, 0.0]
    in_state = 1.0 if e.admin1_code == outlet.admin1_code else 0.0
    if outlet.lat is None or outlet.lon is None or e.lat is None or e.lon is None:
        return [in_state, 0.0, 0.0]
    km = haversine_km(e.lat, e.lon, outlet.lat, outlet.lon)
    return [in_state, 1.0 - math.log1p(km) / math.log1p(FAR_KM), 1.0 if km <= 161 else 0.0]


def features(e: GazEntry, cands: Sequence[GazEntry], ctx: Context, hint: str | None,
             name: str, rule_score: float, rule_pick: bool, plausible: bool = True
             ) -> list[float]:
    """The feature vector of candidate ``e`` among ``cands`` for the mention ``name`` (order of
    :data:`FEATURES`)."""
    key = name_key(name)
    other_readings = [(a, c, a2) for k, a, c, a2 in ctx.readings if k != key]
    in_a1 = sum(1 for a, _, _ in other_readings if e.admin1_code and e.admin1_code in a)
    # a name with few readings says more: "Huntsville" (8 states) less than "Tyler" (2)
    in_a1_weighted = sum(1 / len(a) for a, _, _ in other_readings
                         if e.admin1_code and e.admin1_code in a)
    # counties: a name that can lie in at most 10 of them ("Walker County" and "Huntsville",
    # Texas), and all of them weighted by how few they are
    in_a2 = sum(1 for _, _, a2 in other_readings
                if e.admin2_code and e.admin2_code in a2 and len(a2) <= 10)
    in_a2_weighted = sum(1 / len(a2) for _, _, a2 in other_readings
                         if e.admin2_code and e.admin2_code in a2)
    in_cc = sum(1 for _, c, _ in other_readings if e.country and e.country in c)
    n_other = max(1, len(other_readings))
    others = [p for k, p in ctx.picks if k != key]
    kind = _kind(e)
    top = max((c.population for c in cands), default=0)
    pop = max(e.population, 0)
    main = ctx.main_country()
    share = ctx.share(e.country)
    votes = 0
    for o in others:
        if o.is_country or not o.admin1_code:
            continue
        if o.admin1_code == e.admin1_code and (o.geonameid != e.geonameid):
            votes += 1
    near = _nearest_km(e, others)
    has_others = any(not o.is_country and o.lat is not None for o in others)
    in_admin1 = bool(e.admin1_code and e.admin1_code in ctx.admin1 and not e.is_admin1)
    return [
        rule_score / 10.0,
        1.0 if rule_pick else 0.0,
        math.log10(pop + 1) / 7.0 if kind == "city" else 0.0,
        1.0 if pop == top and top > 0 else 0.0,
        math.log10((pop + 1) / (top + 1)) / 7.0,
        1.0 if kind == "country" else 0.0,
        1.0 if kind == "admin1" else 0.0,
        1.0 if kind == "admin2" else 0.0,
        1.0 if kind == "city" else 0.0,
        1.0 if kind == "feature" else 0.0,
        1.0 if e.feature == "P.PPLC" else 0.0,
        1.0 if e.primary else 0.0,
        1.0 if e.name == name else 0.0,
        share,
        1.0 if main and e.country == main else 0.0,
        1.0 if kind == "country" and share == 0 and main and main != e.country else 0.0,
        1.0 if kind == "city" and share == 0 else 0.0,
        1.0 if in_admin1 else 0.0,
        1.0 if ctx.focus and e.admin1_code == ctx.focus and not e.is_admin1 else 0.0,
        1.0 if e.admin2_code and e.admin2_code in ctx.admin2 and not e.is_admin2 else 0.0,
        math.log1p(votes),
        1.0 if e.is_admin1 and votes else 0.0,
        math.log1p(near) / math.log1p(FAR_KM) if has_others else 1.0,
        1.0 if has_others and near <= 161 else 0.0,
        0.0 if has_others else 1.0,
        math.log1p(in_a1),
        in_a1 / n_other,
        in_cc / n_other,
        math.log1p(in_a1_weighted),
        math.log1p(in_a2),
        math.log1p(in_a2_weighted),
        1.0 if ctx.settled.get(key) == e.geonameid else 0.0,
        1.0 if plausible else 0.0,
        1.0 if _hint_fits(hint, e) else 0.0,
        1.0 if hint is not None and not _hint_fits(hint, e) else 0.0,
        *_outlet_features(e, ctx.outlet),
    ]


@dataclass(slots=True)
class Ranker:
    """A linear scorer over standardised :data:`FEATURES`; the highest score wins."""

    weights: list[float]
    mean: list[float]
    scale: list[float]
    names: tuple[str, ...] = FEATURES
    meta: dict[str, Any] = field(default_factory=dict)
    # the weights for pages from a listed local outlet (:mod:`diurna.places.outlets`); this
    # ranker's own serve every other page. One model for both leant on the outlet and unlearnt
    # the text's own evidence ("Huntsville" beside "Walker County" went back to Alabama).
    outlet: Ranker | None = None

    def score(self, x: Sequence[float]) -> float:
        """The linear score of one candidate's feature values (higher: more likely)."""
        return sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale,
                                                           strict=True))

    def for_page(self, outlet: Outlet | None) -> Ranker:
        """The weights that score a page from ``outlet`` (None: from no listed outlet)."""
        return self.outlet if outlet is not None and self.outlet is not None else self

    def to_json(self) -> dict[str, Any]:
        """The ranker as JSON-ready data (:meth:`from_json` reads it back)."""
        out = {"features": list(self.names), "weights": self.weights, "mean": self.mean,
               "scale": self.scale, "meta": self.meta}
        if self.outlet is not None:
            out["outlet"] = self.outlet.to_json()
        return out

    def dumps(self) -> str:
        """The text :meth:`save` writes (what ``train_ranker --verify`` compares)."""
        return json.dumps(self.to_json(), indent=1) + "\n"

    def save(self, path: str | Path) -> None:
        """Write the ranker to ``path`` as JSON."""
        Path(path).write_text(self.dumps(), encoding="utf-8")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranker:
        """The ranker :meth:`to_json` wrote; a ValueError when its features are not the ones
        this code computes."""
        names = tuple(data["features"])
        if names != FEATURES:
            raise ValueError(
                "ranker file was trained on other features than this code computes: retrain "
                "it with `python -m diurna.places.train_ranker`")
        return cls([float(w) for w in data["weights"]], [float(m) for m in data["mean"]],
                   [float(s) for s in data["scale"]], names, dict(data.get("meta", {})),
                   cls.from_json(data["outlet"]) if data.get("outlet") else None)


@lru_cache(maxsize=1)
def shipped_ranker() -> Ranker | None:
    """The ranker shipped with the package (``places/sources/ranker.json``), or None without one."""
    ref = resources.files("diurna.places.sources") / RANKER_FILE
    if not ref.is_file():
        return None
    try:
        return Ranker.from_json(json.loads(ref.read_text(encoding="utf-8")))
    except ValueError as exc:  # name the file: the message alone does not say which ranker
        raise ValueError(f"{ref}: {exc}") from exc
