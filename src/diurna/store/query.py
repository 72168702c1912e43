"""Event filters and typed event rows, shared by ``Store.events()``, the exports and the CLI.

One :class:`EventQuery` holds the filters an analyst asks for (type, mode, status, actor and
recipient country/sector/id, date range, document, place); ``diurna events`` and ``diurna export``
build the same object from their options, so the library and the CLI select the same rows. A
filter value that cannot match anything (an unknown event type, a malformed date) is an error
naming the value, never a silent "0 events".
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from diurna.model import Status, iso_day
from diurna.places.codes import alpha2, alpha3, country_of_name

STATUSES: tuple[str, ...] = get_args(Status)

# The event's day is the store's ``events.day`` (:func:`diurna.store.sqlite.event_day`): its own
# date when the text gives a whole day, else the publication day, else ''. Filters, the API's
# order and the exported ``event_date`` all read that one column, so they cannot disagree.
EVENT_DATE_SQL = "nullif(e.day, '')"
DATE_BASIS_SQL = (
    "(CASE WHEN e.day = '' THEN NULL WHEN e.date_precision = 'day' AND e.date_value = e.day "
    "THEN 'event' ELSE 'publication' END)"
)

SELECT_SQL = (
    "SELECT e.*, "
    "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text, "
    f"{EVENT_DATE_SQL} AS event_date, {DATE_BASIS_SQL} AS date_basis, "
    "d.published AS doc_published, d.source AS doc_source, d.url AS doc_url, "
    "d.title AS doc_title, d.site AS doc_outlet "
    "FROM events e JOIN documents d ON d.id = e.doc_id"
)


#: What :func:`select_sql` adds when ``diurna clusters`` / ``diurna duplicates`` have made
#: their tables: the event's cluster (its smallest event id) and, for a near-duplicate copy,
#: the document it copies (its story's first member, as ``diurna.clusters.table.copy_of``).
CLUSTER_ID_SQL = "(SELECT c.cluster FROM event_clusters c WHERE c.event_id = e.id)"
COPY_OF_SQL = "(SELECT nullif(x.cluster, e.doc_id) FROM duplicates x WHERE x.doc_id = e.doc_id)"


def select_sql(conn: Any) -> str:
    """:data:`SELECT_SQL` with ``cluster_id`` and ``copy_of`` for the store at ``conn``: read
    from the tables ``diurna clusters`` and ``diurna duplicates`` make, NULL before they have
    run (the tables are looked up, never created, so a read-only connection can ask)."""
    from diurna.store.sqlite import has_table

    cluster = CLUSTER_ID_SQL if has_table(conn, "event_clusters") else "NULL"
    copy = COPY_OF_SQL if has_table(conn, "duplicates") else "NULL"
    return SELECT_SQL.replace(
        " FROM events e", f", {cluster} AS cluster_id, {copy} AS copy_of FROM events e", 1)


SENTENCE_SQL = "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
MAX_Q = 200


class FilterError(ValueError):
    """A filter value that cannot be used; the message names it and says what to give (the API
    answers it with a 400, the CLI prints it as one line)."""


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which stored events to read. Every filter is optional; given filters must all hold.

    ``type`` is one PLOVER type or a comma list of them. Country filters take ISO 3166-1
    alpha-3 (alpha-2 is accepted and converted); the actor and recipient filters match any of an
    event's actors (recipients), not only the primary one, through the indexed ``event_actors``
    table; ``actor_id``/``recipient_id`` take the dictionary id (``IRN-GOV``) or the CAMEO code
    (``IRNGOV``). ``date_from``/``date_to`` bound the event's day (``event_date``: its own day,
    else the publication day), inclusive; events with no day match no date bound. ``place``
    matches the place's GeoNames name, its words in the text, its first-level division, its
    GeoNames id, or its country by code or GeoNames name (``Lebanon`` as ``LBN``: every place
    inside the country, and places named so elsewhere, Lebanon, Ohio, too). ``bbox`` is
    ``min_lon,min_lat,max_lon,max_lat`` around the event's place; ``q`` is text in the
    event's sentence (case-insensitive).

    ``actor_id``/``recipient_id`` and the sectors must name something the actor dictionary
    knows (:func:`actor_vocabulary`), or something the store's events carry (``stored``, set by
    the readers with :func:`with_stored_actors`, so ids of a dictionary file given to
    ``process --actors`` but not loaded now still filter); else a FilterError names the value
    and the nearest ids.

    ``copies`` is not a filter a user names: the readers set it after ``diurna duplicates``
    (:func:`diurna.duplicates.clusters.has_copies`). ``"skip"`` leaves out the events of
    near-duplicate copies, so a clustered story counts once (its first member's events);
    ``"only"`` keeps only those (what ``/api/stats`` takes away from its pre-aggregated counts).
    """

    type: str | None = None
    mode: str | None = None
    status: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    actor_id: str | None = None
    recipient_id: str | None = None
    date_from: str | date | None = None
    date_to: str | date | None = None
    doc_id: str | None = None
    place: str | None = None
    bbox: str | None = None
    q: str | None = None
    limit: int | None = None
    copies: Literal["skip", "only"] | None = None
    stored: frozenset[str] = frozenset()

    @classmethod
    def names(cls) -> list[str]:
        """The filter names (``limit`` included; ``copies`` and ``stored`` are set by the
        readers, not named)."""
        return [f.name for f in fields(cls) if f.name not in ("copies", "stored")]

    @classmethod
    def build(cls, **filters: Any) -> EventQuery:
        """A query from keyword filters; an unknown filter name is an error naming the others.
        Unset values (None, empty or blank strings) are ignored; strings are stripped."""
        names = set(cls.names())
        unknown = sorted(set(filters) - names)
        if unknown:
            raise FilterError(
                f"unknown event filter {', '.join(unknown)}: use one of {', '.join(sorted(names))}"
            )
        given: dict[str, Any] = {
            k: v.strip() if isinstance(v, str) else v for k, v in filters.items()
        }
        return cls(**{k: v for k, v in given.items() if v is not None and v != ""})

    def needs_document(self) -> bool:
        """Whether :meth:`where` refers to the document (``d``), so the caller must join it."""
        return bool(self.q)

    def where(self) -> tuple[str, list[Any]]:
        """The SQL ``WHERE`` clause (may be empty) and its parameters; validates every value.
        Columns are those of ``events e`` (and ``documents d`` when :meth:`needs_document`)."""
        clauses, params = self.conditions(ordered=False)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def conditions(self, *, ordered: bool = False) -> tuple[list[str], list[Any]]:
        """The conditions of :meth:`where` as a list (to be joined with AND) and parameters.

        ``ordered``: the caller reads the events in an indexed order and stops after a page
        (``ORDER BY e.day ... LIMIT``). Actor filters are then written as a correlated
        ``EXISTS``, checked row by row, so SQLite stops at the page's end; else as ``IN``, so
        it starts from the ``event_actors`` index and visits only the matching events (counts,
        whole exports). Same rows either way; measured in docs/api.md.
        """
        actors_sql = _ACTORS_EXISTS_SQL if ordered else _ACTORS_SQL
        types = event_types(self.type)
        day_from = _valid_day(self.date_from, "date_from") if self.date_from else None
        day_to = _valid_day(self.date_to, "date_to") if self.date_to else None
        if day_from and day_to and day_from > day_to:
            raise FilterError(f"date_from {day_from} is after date_to {day_to}: swap them")
        # The actor subquery repeats the type and day bounds (event_actors keeps both): the
        # same rows, but an IN list of only the events that can match.
        narrow, narrow_params = "", []
        if not ordered:
            if types:
                narrow += f" AND a.type IN ({','.join('?' * len(types))})"
                narrow_params += types
            if day_from:
                narrow += " AND a.day >= ?"
                narrow_params.append(day_from)
            if day_to:
                narrow += " AND a.day > '' AND a.day <= ?"
                narrow_params.append(day_to)
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if types:
            add(f"e.type IN ({','.join('?' * len(types))})", *types)
        if self.mode:
            single = self.type if self.type and "," not in self.type else None
            add("e.mode = ?", _valid_mode(self.mode, single))
        if self.status:
            status = self.status.lower()
            if status not in STATUSES:
                raise FilterError(
                    f"unknown status {self.status!r}: use one of {', '.join(STATUSES)}"
                )
            add("e.status = ?", status)
        for role, key, value in (
            ("actor", "country", self.actor_country),
            ("recipient", "country", self.recipient_country),
            ("actor", "sector", self.actor_sector),
            ("recipient", "sector", self.recipient_sector),
            ("actor", "id", self.actor_id),
            ("recipient", "id", self.recipient_id),
        ):
            if not value:
                continue
            if key == "country":
                match, values = "a.country = ?", [_valid_country(value)]
            elif key == "sector":
                match, values = "a.sector = ?", [
                    _valid_sector(value, f"{role}_sector", self.stored)]
            else:
                code = _valid_actor_id(value, f"{role}_id", self.stored)
                match, values = "(a.actor_id = ? OR a.code = ?)", [code, code]
            add(actors_sql.format(match=match + narrow), role, *values, *narrow_params)
        if day_from:
            add("e.day >= ?", day_from)
        if day_to:  # '' (no day) sorts before every day: keep it out
            add("e.day > '' AND e.day <= ?", day_to)
        if self.doc_id:
            add("e.doc_id = ?", self.doc_id)
        if self.place:
            clause, values = _place_clause(self.place)
            add(clause, *values)
        if self.bbox:
            w, s, e, n = _valid_bbox(self.bbox)
            add("e.place_lat BETWEEN ? AND ?", s, n)
            if w <= e:
                add("e.place_lon BETWEEN ? AND ?", w, e)
            else:  # across the antimeridian
                add("(e.place_lon >= ? OR e.place_lon <= ?)", w, e)
        if self.q:
            if len(self.q) > MAX_Q:
                raise FilterError(
                    f"q is longer than {MAX_Q} characters: search for a shorter phrase"
                )
            add(f"instr(lower({SENTENCE_SQL}), lower(?)) > 0", self.q)
        if self.copies:
            from diurna.duplicates.clusters import copies_condition

            add(copies_condition("e.doc_id", only=self.copies == "only"))
        return clauses, params

    def sql(self, select: str = SELECT_SQL) -> tuple[str, list[Any]]:
        """The whole ``SELECT`` for this query, in a stable order (publication, document,
        index); ``select`` is :data:`SELECT_SQL` or the store's :func:`select_sql`."""
        where, params = self.where()
        sql = f"{select}{where} ORDER BY d.published, e.doc_id, e.idx"
        if self.limit is not None:
            if int(self.limit) < 1:  # as --limit and the API's limit: 0 was [] without a word
                raise FilterError(
                    f"limit {self.limit} is below 1: give 1 or more, or leave it out for all")
            sql += f" LIMIT {int(self.limit)}"
        return sql, params


# Any participant of the role matching; event_actors' (role, key, event_id) indexes answer it.
_ACTORS_SQL = "e.id IN (SELECT a.event_id FROM event_actors a WHERE a.role = ? AND {match})"
_ACTORS_EXISTS_SQL = (
    "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.role = ? AND {match})"
)


def _valid_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise FilterError(
            f"bbox {value!r} is not four numbers: use min_lon,min_lat,max_lon,max_lat"
        ) from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise FilterError(f"bbox {value!r} is outside the globe or has min_lat > max_lat")
    return w, s, e, n


def _valid_type(value: str) -> str:
    from diurna.events.ontology import load_ontology

    types = load_ontology().types
    name = value.strip().upper()
    if name not in types:
        raise FilterError(f"unknown event type {value!r}: use one of {', '.join(sorted(types))}")
    return name


def event_types(value: str | None) -> list[str]:
    """The PLOVER types a ``type`` filter names (one, or a comma list), upper-cased; an unknown
    one is a FilterError naming it and the types. ``/api/clusters`` reads its ``type`` here
    too, so it refuses what ``/api/events`` refuses instead of answering no cluster."""
    return [_valid_type(t) for t in (value or "").split(",") if t.strip()]


def country_code(value: str) -> str:
    """``value`` as ISO 3166-1 alpha-3 (alpha-2 is converted, as the actor filters do), else a
    FilterError naming it: ``/api/actors?country=`` reads it here, as ``/api/events`` does."""
    return _valid_country(value.strip())


def _valid_mode(value: str, type_: str | None) -> str:
    from diurna.events.ontology import load_ontology

    types = load_ontology().types
    scope = [types[_valid_type(type_)]] if type_ else list(types.values())
    modes = sorted({m for t in scope for m in t.modes})
    name = value.strip().lower()
    if name not in modes:
        where = f" of {type_.upper()}" if type_ else ""
        raise FilterError(f"unknown mode {value!r}{where}: use one of {', '.join(modes)}")
    return name


def _valid_country(value: str) -> str:
    code = alpha3(value)
    if code is None:
        raise FilterError(f"unknown country code {value!r}: use ISO 3166-1 alpha-3, e.g. SYR")
    return code


@dataclass(frozen=True, slots=True)
class ActorVocabulary:
    """What the actor filters can name: the loaded actor dictionary's ids and CAMEO codes, the
    state-and-sector ids it derives on demand (``LBN-GOV``, ``LBNGOV``; see
    :meth:`ActorDictionary.sector_actor`) and the sectors."""

    ids: frozenset[str]
    codes: frozenset[str]
    countries: frozenset[str]
    sectors: frozenset[str]

    def knows_id(self, value: str) -> bool:
        """Whether ``value`` (upper-cased) is an id or a CAMEO code an event can carry."""
        if value in self.ids or value in self.codes:
            return True
        country, _, sector = value.partition("-")
        if sector and country in self.countries:  # a derived id: LBN-GOV, IRN-PRX, SYR-CONTEXT
            return sector in self.sectors or sector == "CONTEXT"
        # a derived CAMEO code: LBNGOV, IRNPRX
        return len(value) == 6 and value[:3] in self.countries and value[3:] in self.sectors

    def nearest(self, value: str) -> list[str]:
        """Up to five known ids or codes nearest to ``value`` (difflib), for the error."""
        from difflib import get_close_matches

        return get_close_matches(value, sorted(self.ids | self.codes), n=5, cutoff=0.6)


@lru_cache(maxsize=4)
def _vocabulary(extra: str) -> ActorVocabulary:
    from diurna.actors.dictionary import SECTORS, ActorDictionary

    del extra  # the cache key: $DIURNA_ACTORS, whose files ActorDictionary.load() reads
    d = ActorDictionary.load()
    sectors = set(SECTORS) | {"PRX"} | {r.sector for r in d.roles.values()}
    return ActorVocabulary(
        ids=frozenset(d.actors),
        codes=frozenset(a.cameo for a in d.actors.values() if a.cameo),
        countries=frozenset(d.countries),
        sectors=frozenset(sectors | {a.sector for a in d.actors.values() if a.sector}),
    )


def actor_vocabulary() -> ActorVocabulary:
    """The vocabulary of the actor dictionary as the coder loads it: the built-ins plus the
    files ``$DIURNA_ACTORS`` names (read once per value of that variable)."""
    from diurna.actors.dictionary import ENV_VAR

    return _vocabulary(os.environ.get(ENV_VAR, ""))


ACTOR_FILTERS = ("actor_id", "recipient_id", "actor_sector", "recipient_sector")


def with_stored_actors(query: EventQuery, conn: Any) -> EventQuery:
    """``query`` with ``stored``: its actor id and sector values that the store's events carry
    (one indexed look-up each). Those are accepted as they are; only a value no event carries
    is checked against the actor dictionary, so the common case loads no dictionary (about a
    second), and the ids of a file given to ``diurna process --actors`` that is not loaded now
    still filter. ``Store.iter_events`` and the API call it."""
    found = set()
    for name in ACTOR_FILTERS:
        value = (getattr(query, name) or "").strip().upper()
        if not value:
            continue
        if name.endswith("_id"):
            sql = ("SELECT 1 FROM event_actors WHERE role IN ('actor', 'recipient') "
                   "AND (actor_id = ? OR code = ?) LIMIT 1")
            params: tuple[str, ...] = (value, value)
        else:
            sql = ("SELECT 1 FROM event_actors WHERE role IN ('actor', 'recipient') "
                   "AND sector = ? LIMIT 1")
            params = (value,)
        if conn.execute(sql, params).fetchone():
            found.add(value)
    return replace(query, stored=frozenset(found)) if found else query


def _valid_actor_id(value: str, name: str, stored: frozenset[str] = frozenset()) -> str:
    """``value`` upper-cased when the actor dictionary knows it as an id or a CAMEO code (or
    the store's events carry it: ``stored``), else a FilterError naming it and the nearest
    ones: an id spelled without its country prefix (``HEZBOLLAH`` for ``LBN-HEZBOLLAH``) used
    to match no event without a word."""
    code = value.strip().upper()
    if code in stored:
        return code
    vocabulary = actor_vocabulary()
    if vocabulary.knows_id(code):
        return code
    near = vocabulary.nearest(code)
    hint = f": did you mean {', '.join(near)}?" if near else ""
    raise FilterError(
        f"unknown {name} {value!r}: neither the actor dictionary (ids such as IRN-GOV, CAMEO "
        f"codes such as IRNGOV) nor a stored event has it{hint}"
    )


def _valid_sector(value: str, name: str, stored: frozenset[str] = frozenset()) -> str:
    """``value`` upper-cased when it is a sector of the actor dictionary (or the store's events
    carry it: ``stored``), else a FilterError naming it and the sectors."""
    sector = value.strip().upper()
    if sector in stored:
        return sector
    sectors = actor_vocabulary().sectors
    if sector not in sectors:
        raise FilterError(f"unknown {name} {value!r}: use one of {', '.join(sorted(sectors))}")
    return sector


def _valid_day(value: str | date, name: str) -> str:
    """The filter ``name``'s day as ``YYYY-MM-DD`` (:func:`diurna.model.iso_day`), else a
    FilterError naming the filter."""
    try:
        return iso_day(value)
    except ValueError as err:
        raise FilterError(f"{name} {err}") from None


#: GeoNames ids have at most 8 digits today; 18 digits always fit SQLite's 64-bit integers.
MAX_GEONAMEID_DIGITS = 18


def _place_clause(value: str) -> tuple[str, list[Any]]:
    """``place``'s condition: a GeoNames id; else the place's name, words or first-level
    division; and a country, by its code or its GeoNames name, matches every place inside it
    (``Lebanon`` matched the country's own point only, 64 events against ``LBN``'s 80)."""
    text = value.strip()
    if text.isascii() and text.isdigit():  # ("²".isdigit() too, but it is no number to int())
        if len(text) > MAX_GEONAMEID_DIGITS:  # past SQLite's integers: it could not be bound
            raise FilterError(f"place {text[:40]!r} is not a GeoNames id: give at most "
                              f"{MAX_GEONAMEID_DIGITS} digits, or a place's name")
        return "e.place_geonameid = ?", [int(text)]
    alternatives = [
        "lower(e.place_name) = lower(?)",
        "lower(e.place_text) = lower(?)",
        "lower(e.place_admin1) = lower(?)",
    ]
    params: list[Any] = [text, text, text]
    code = alpha2(text) if len(text) in (2, 3) and text.isupper() else None
    code = code or country_of_name(text)
    if code:
        alternatives.append("upper(e.place_country) = ?")
        params.append(code)
    return "(" + " OR ".join(alternatives) + ")", params


# --- typed rows --------------------------------------------------------------------------------


def participant(mention: dict[str, Any]) -> dict[str, Any]:
    """One element of ``actors``/``recipients`` from a stored mention (``Mention.to_dict()``)."""
    actor = mention.get("actor") or {}
    return {
        "text": mention["text"],
        "start": mention["start"],
        "end": mention["end"],
        "id": actor.get("id"),
        "name": actor.get("name"),
        "code": actor.get("cameo"),
        "country": alpha3(actor.get("country")) or actor.get("country"),
        "sector": actor.get("sector"),
    }


def _flat(role: str, p: dict[str, Any] | None) -> dict[str, Any]:
    keys = ("id", "name", "code", "country", "sector", "text", "start", "end")
    return {f"{role}_{k}": (p or {}).get(k) for k in keys}


def _json_list(value: str | None) -> list[Any]:
    if not value:
        return []
    loaded = json.loads(value)
    return loaded if isinstance(loaded, list) else []


def page_url(url: str | None, source: str | None) -> str | None:
    """The page's URL: the one the page or input gave, else the source when it is a URL."""
    if url:
        return str(url)
    return source if source and source.startswith(("http://", "https://")) else None


def outlet(site: str | None, url: str | None, source: str | None) -> str | None:
    """The publishing outlet: the page's site name, else its URL's host (never a local path).
    The event rows' ``doc_outlet`` and the POLECAT-like ``Source`` both come from here: a JSONL
    record with a ``url`` and no ``site`` had ``doc_outlet`` null beside ``Source``'s host."""
    if site:
        return str(site)
    found = page_url(url, source)
    return urlsplit(found).hostname if found else None


def event_row(raw: dict[str, Any]) -> dict[str, Any]:
    """A typed event row (schema: :data:`diurna.store.schema.EVENT_COLUMNS`) from one row of
    :data:`SELECT_SQL`."""
    actors = [participant(m) for m in _json_list(raw["actors"])]
    recipients = [participant(m) for m in _json_list(raw["recipients"])]
    place_a2 = raw["place_country"]
    return {
        "id": raw["id"],
        "doc_id": raw["doc_id"],
        "type": raw["type"],
        "mode": raw["mode"],
        "contexts": [str(c) for c in _json_list(raw["contexts"])],
        "cameo": raw["cameo"],
        "status": raw["status"],
        "negated": bool(raw["negated"]),
        "event_date": date.fromisoformat(raw["event_date"]) if raw["event_date"] else None,
        "date_basis": raw["date_basis"],
        "date_value": raw["date_value"],
        "date_precision": raw["date_precision"],
        "date_text": raw["date_text"],
        "date_start": raw["date_start"],
        "date_end": raw["date_end"],
        **_flat("actor", actors[0] if actors else None),
        **_flat("recipient", recipients[0] if recipients else None),
        "actors": actors,
        "recipients": recipients,
        "source_text": raw["source_text"],
        "source_start": raw["source_start"],
        "source_end": raw["source_end"],
        "place_geonameid": raw["place_geonameid"],
        "place_name": raw["place_name"],
        "place_country": alpha3(place_a2) or place_a2,
        "place_country_alpha2": alpha2(place_a2) or place_a2,
        "place_admin1": raw["place_admin1"],
        "place_lat": raw["place_lat"],
        "place_lon": raw["place_lon"],
        "place_feature": raw["place_feature"],
        "place_precision": raw["place_precision"],
        "place_text": raw["place_text"],
        "place_start": raw["place_start"],
        "place_end": raw["place_end"],
        "trigger_text": raw["trigger_text"],
        "trigger_start": raw["trigger_start"],
        "trigger_end": raw["trigger_end"],
        "sentence_text": raw["sentence_text"],
        "sentence_start": raw["sentence_start"],
        "sentence_end": raw["sentence_end"],
        "doc_title": raw["doc_title"],
        "doc_url": raw["doc_url"],
        "doc_outlet": outlet(raw["doc_outlet"], raw["doc_url"], raw["doc_source"]),
        "doc_source": raw["doc_source"],
        "doc_published": raw["doc_published"],
        "cluster_id": raw.get("cluster_id"),
        "copy_of": raw.get("copy_of"),
    }


def dyads(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per actor–recipient pair of an event (GDELT-style dyads).

    An event with no actor (or no recipient) still gives rows, with that side empty, so that no
    event disappears from a dyad export.
    """
    flat = {k: v for k, v in row.items() if k not in ("actors", "recipients")}
    out = []
    for a in row["actors"] or [None]:
        for r in row["recipients"] or [None]:
            out.append({**flat, **_flat("actor", a), **_flat("recipient", r)})
    return out
