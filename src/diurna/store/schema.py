"""The one schema of Diurna's output: the event row, shared by ``Store.events()``,
``to_arrow()``, the exports, ``diurna events --format jsonl``, and the nested document that
``diurna process --format json`` prints (``Document.to_dict()``); and the data dictionary
(``docs/data.md``, ``docs/events.schema.json``, ``docs/document.schema.json``).

Everything that writes or reads event rows imports the column list from here, so a column is
added in one place (and other writers, such as a distributed runner writing Parquet, can use
:func:`arrow_schema` to write files the store's readers accept).

Regenerate the documentation after a change::

    python -m diurna.store.datadoc markdown > docs/data.md
    python -m diurna.store.datadoc json > docs/events.schema.json
    python -m diurna.store.datadoc document-json > docs/document.schema.json
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from diurna import model

Kind = Literal[
    "string", "int", "float", "bool", "date", "list[string]", "list[participant]",
    "object", "list[object]",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, value kind and what it means (one line for the data dictionary)."""

    name: str
    kind: Kind
    description: str
    required: bool = False  # never null
    ref: str | None = None  # for object kinds: the name of the object (DOCUMENT_OBJECTS)
    enum: tuple[str, ...] = ()  # the only values a string may take (from the model's Literals)


# One actor or recipient of an event (an element of the ``actors``/``recipients`` lists).
PARTICIPANT_FIELDS: tuple[Column, ...] = (
    Column("text", "string", "The words naming it in the body.", True),
    Column("start", "int", "Character offset of `text` in the document body.", True),
    Column("end", "int", "End offset (exclusive) of `text` in the document body.", True),
    Column("id", "string", "Actor dictionary id (e.g. `IRN-GOV`); null when not in it."),
    Column("name", "string", "Actor dictionary name (e.g. `Iran (government)`)."),
    Column("code", "string", "CAMEO actor code (e.g. `IRNGOV`)."),
    Column("country", "string", "ISO 3166-1 alpha-3 country of the actor; null for IGOs."),
    Column("sector", "string", "CAMEO-style sector: GOV, MIL, REB, INS, IGO, MED, OPP, CVL, ..."),
)


def _text_columns(prefix: str, text: str, required: bool = False,
                  of: str | None = None) -> tuple[Column, ...]:
    """``<prefix>_text`` (described by ``text``) and its body offsets ``<prefix>_start`` and
    ``<prefix>_end``; ``of`` names what the offsets are of (default: the text column)."""
    of = of or f"`{prefix}_text`"
    return (
        Column(f"{prefix}_text", "string", text, required),
        Column(f"{prefix}_start", "int", f"Body offset of {of}.", required),
        Column(f"{prefix}_end", "int", f"Body end offset (exclusive) of {of}.", required),
    )


def _participant_columns(role: str, what: str) -> tuple[Column, ...]:
    """Flat columns of the first (primary) actor or recipient."""
    return (
        Column(f"{role}_id", "string", f"Dictionary id of the primary {what}."),
        Column(f"{role}_name", "string", f"Dictionary name of the primary {what}."),
        Column(f"{role}_code", "string", f"CAMEO actor code of the primary {what}."),
        Column(f"{role}_country", "string", f"ISO 3166-1 alpha-3 country of the primary {what}."),
        Column(f"{role}_sector", "string", f"Sector of the primary {what}."),
        *_text_columns(role, f"The words naming the primary {what} in the body."),
    )


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "Event id: `<doc_id>:<index>`.", True),
    Column("doc_id", "string", "Document id: first 16 hex digits of the input's SHA-256.", True),
    Column("type", "string", "PLOVER event type, e.g. `ASSAULT` (see docs/ontology.md).", True),
    Column("mode", "string", "PLOVER mode of the type, e.g. `withdraw`."),
    Column("contexts", "list[string]", "PLOVER contexts, e.g. `[military]`.", True),
    Column("cameo", "string", "CAMEO event code beside the PLOVER type (root or finer)."),
    Column("status", "string", "asserted, claimed, denied or speculative.", True),
    Column("negated", "bool", "True when the text says the event did not happen.", True),
    Column(
        "event_date",
        "date",
        "The event's day: its own date when the text gives a day, else the publication day; "
        "null only when neither is known to the day.",
    ),
    Column(
        "date_basis",
        "string",
        "Where `event_date` comes from: `event` (the text's date for this event) or "
        "`publication` (the document's publication date); null when `event_date` is null.",
    ),
    Column(
        "date_value",
        "string",
        "The event's own date as the text gives it, ISO 8601, any precision: `2018-02-14`, "
        "`2018-02`, `2018`, `2018-W07`, or `--02-14` when the year is unknown.",
    ),
    Column("date_precision", "string", "Precision of `date_value`: day, month, year, week."),
    *_text_columns("date", "The words of the event's date in the body."),
    *_participant_columns("actor", "actor"),
    *_participant_columns("recipient", "recipient"),
    Column("actors", "list[participant]", "Every actor of the event, primary first.", True),
    Column("recipients", "list[participant]", "Every recipient, primary first.", True),
    *_text_columns("source", "Who reports or claims the event, as the text names them."),
    Column("place_geonameid", "int", "GeoNames id of the event's place."),
    Column("place_name", "string", "GeoNames name of the place."),
    Column("place_country", "string", "ISO 3166-1 alpha-3 country of the place."),
    Column("place_country_alpha2", "string", "ISO 3166-1 alpha-2 country (GeoNames' own)."),
    Column("place_admin1", "string", "First-level division (state, province) of the place."),
    Column("place_lat", "float", "Latitude (WGS84) of the GeoNames point."),
    Column("place_lon", "float", "Longitude (WGS84) of the GeoNames point."),
    Column("place_feature", "string", "GeoNames feature class.code, e.g. `P.PPLC`, `A.ADM1`."),
    Column("place_precision", "string", "point, city, admin1, country or continent."),
    *_text_columns("place", "The words naming the place in the body."),
    *_text_columns("trigger", "The word(s) expressing the event.", True),
    *_text_columns("sentence", "The sentence the event was coded from.", True, of="the sentence"),
    Column("doc_title", "string", "The document's headline."),
    Column("doc_url", "string", "The page's URL when known (from the page or the input)."),
    Column("doc_outlet", "string", "The publishing site or outlet when known."),
    Column("doc_source", "string", "Where the input was read from: path, URL or `<stdin>`.", True),
    Column(
        "doc_published",
        "string",
        "Publication date of the document, ISO 8601 (may be partial).",
    ),
    Column(
        "cluster_id",
        "string",
        "The event cluster this report belongs to (`diurna clusters`: named by its smallest "
        "event id); null when it is in none or clusters were never built.",
    ),
    Column(
        "copy_of",
        "string",
        "The document this one is a near-duplicate copy of (`diurna duplicates`: its story's "
        "first member); null for an original or before `diurna duplicates` has run.",
    ),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in EVENT_COLUMNS)

# Columns of the `--dyads` export: one row per actor–recipient pair, flat.
DYAD_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in EVENT_COLUMNS if c.kind != "list[participant]"
)


def arrow_schema() -> Any:
    """The event row as a ``pyarrow.Schema`` (typed: dates, booleans, nullable ints, lists)."""
    import pyarrow as pa

    participant = pa.struct(
        [pa.field(c.name, _arrow_type(c.kind), nullable=not c.required) for c in PARTICIPANT_FIELDS]
    )
    fields = []
    for c in EVENT_COLUMNS:
        typ = pa.list_(participant) if c.kind == "list[participant]" else _arrow_type(c.kind)
        fields.append(pa.field(c.name, typ, nullable=not c.required))
    return pa.schema(fields)


def _arrow_type(kind: Kind) -> Any:
    import pyarrow as pa

    return {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list[string]": pa.list_(pa.string()),
    }[kind]


def _json_type(col: Column) -> dict[str, Any]:
    kinds: dict[str, dict[str, Any]] = {
        "string": {"type": "string"},
        "int": {"type": "integer"},
        "float": {"type": "number"},
        "bool": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
        "list[string]": {"type": "array", "items": {"type": "string"}},
        "list[participant]": {"type": "array", "items": {"$ref": "#/$defs/participant"}},
    }
    base = kinds[col.kind]
    if not col.required and base["type"] != "array":
        base = {**base, "type": [base["type"], "null"]}
    return {**base, "description": col.description}


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of one event row as ``diurna events --format jsonl`` prints it and
    ``diurna export --to x.jsonl`` writes it."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Diurna event row",
        **_object_schema(EVENT_COLUMNS),
        "$defs": {"participant": _object_schema(PARTICIPANT_FIELDS)},
    }


def markdown() -> str:
    """The data dictionary (``docs/data.md``), generated from the column list above."""
    lines = [
        "# Data dictionary: event rows",
        "",
        "Generated by `python -m diurna.store.datadoc markdown` from `src/diurna/store/schema.py`,",
        "the one schema that `diurna.Store(path).events()` / `.to_arrow()` / `.to_pandas()`,",
        "`diurna events --format jsonl` and `diurna export` (Diurna columns) share. The JSON",
        "Schema of a row is `docs/events.schema.json` (`python -m diurna.store.datadoc json`).",
        "",
        "Offsets are character offsets into the document body (`documents.text` in the store):",
        "`body[start:end] == text`. Country codes are ISO 3166-1 alpha-3 throughout",
        "(`place_country_alpha2` keeps GeoNames' alpha-2 beside it).",
        "",
        "Types: in Parquet and Arrow, `date` is date32, `int` int64, `bool` boolean and lists are",
        "lists; in JSONL a date is `YYYY-MM-DD`; in CSV (which has no list type) a list cell is a",
        "JSON array — use Parquet or JSONL for typed lists, or `--dyads` for flat rows.",
        "",
        f"Dyads: `diurna export --dyads` writes {len(DYAD_COLUMNS)} columns, not "
        f"{len(COLUMN_NAMES)}: one row per",
        "actor–recipient pair of an event (an event with no actor or no recipient still gives",
        "rows, that side empty). The pair's actor and recipient fill the flat `actor_*` and",
        "`recipient_*` columns (the primary ones in an event row), and the two list columns,",
        "`actors` and `recipients`, are left out, so every cell is flat",
        "(`diurna.store.schema.DYAD_COLUMNS`).",
        "",
        "Formulas: a CSV opened in a spreadsheet must not run a page's text, so in every CSV",
        "Diurna writes (`diurna export`, the API's `format=csv`, `diurna clusters --format csv`)",
        "a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading",
        "`'` (`diurna.store.export.spreadsheet_safe`). Numbers are written as they are (a",
        "longitude `-37.16` stays a number), but text is text: a date without its year,",
        "`--03-01`, is written `'--03-01`. Reading the CSV with a program, drop a leading `'`",
        "that stands before one of those characters; Parquet and JSONL are never changed.",
        "",
        *_markdown_table("column", EVENT_COLUMNS),
        "",
        "## participant (an element of `actors` and `recipients`)",
        "",
        *_markdown_table("field", PARTICIPANT_FIELDS),
    ]
    return "\n".join(lines) + "\n" + document_markdown() + PROVENANCE


def _markdown_table(first: str, columns: tuple[Column, ...]) -> list[str]:
    """The lines of a data-dictionary table of event-row columns (``first`` heads the names)."""
    return [
        f"| {first} | type | never null | meaning |",
        "| --- | --- | --- | --- |",
        *(f"| `{c.name}` | {c.kind} | {'yes' if c.required else ''} | {c.description} |"
          for c in columns),
    ]


# --- the nested document (`diurna process --format json`, `Document.to_dict()`) ----------------


def _span_fields(what: str) -> tuple[Column, ...]:
    return (
        Column("start", "int", f"Character offset of {what} in the document body.", True),
        Column("end", "int", f"End offset (exclusive) of {what} in the document body.", True),
        Column("text", "string", f"The words of {what}: `body_text[start:end]`.", True),
    )


def _one(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in get_args(values))


# Every object of the document JSON, by name; "document" is the top level. Keys match the
# model's to_dict() exactly (a test checks the seed page and dev pages against the schema).
DOCUMENT_OBJECTS: dict[str, tuple[Column, ...]] = {
    "document": (
        Column("id", "string", "Document id: first 16 hex digits of the input's SHA-256. An "
               "input that could not be loaded (missing, too large, unreadable, a failed "
               "fetch) has no bytes: its id is the same digits of the SHA-256 of `unloaded`, "
               "the rejection reason and the source joined by NUL bytes.", True),
        Column("source", "string", "Where the input was read from: path, URL or `<stdin>`.", True),
        Column("rejected", "string", "Why the input was rejected (`empty`, `binary`, "
               "`not_news`, ...); null for a document that was read."),
        Column("title", "string", "The headline."),
        Column("dek", "string", "The standfirst or summary under the headline."),
        Column("byline", "string", "Who wrote it, as the page says."),
        Column("published", "string", "Publication date, ISO 8601 (may be partial)."),
        Column("published_source", "string", "Where `published` came from: `metadata` (the "
               "page's JSON-LD, meta tags or `<time>`), `htmldate` (its URL or visible dates), "
               "`text` (a text dump's date line), `input` (a JSONL record's or a feed entry's "
               "`published`), `cli` (`--published`, or `published=` of the library's "
               "`diurna.process`), `api` (the HTTP API upload's `published`)."),
        Column("updated", "string", "Last-modified date, ISO 8601, when the page gives one."),
        Column("site", "string", "The publishing site or outlet."),
        Column("url", "string", "The page's URL when known."),
        Column("language", "string", "ISO 639-1 language of the body (e.g. `en`)."),
        Column("input_format", "string", "How the input was read: html, text, jsonl, warc, ..."),
        Column("body", "list[string]", "The article body as paragraphs. Offsets point into "
               "the body text: these paragraphs joined with a blank line (`\\n\\n`).", True),
        Column("comments", "list[object]", "Reader comments, kept apart from the body.", True,
               ref="comment"),
        Column("entities", "list[object]", "Named entities (spaCy).", True, ref="entity"),
        Column("mentions", "list[object]", "References to actors.", True, ref="mention"),
        Column("quotes", "list[object]", "Direct and indirect quotes.", True, ref="quote"),
        Column("events", "list[object]", "Coded events.", True, ref="event"),
        Column("times", "list[object]", "Temporal expressions.", True, ref="time"),
        Column("places", "list[object]", "Toponyms in the body.", True, ref="place"),
        Column("headline_places", "list[object]", "Toponyms in the title and dek (`field` says "
               "which; offsets point into that text).", True, ref="place"),
        Column("headings", "list[object]", "Body paragraphs that are section headings.", True,
               ref="span"),
        Column("captions", "list[string]", "Image captions and credits (not in the body).",
               True),
        Column("body_quality", "float", "How article-like the body reads, 0 to 1."),
        Column("layout", "string", "The page's layout: `article`, `liveblog`, `gallery` or "
               "`several` (a page of several articles; the body is the main one)."),
        Column("partial", "bool", "True when the page shows only part of the article "
               "(a paywall teaser).", True),
        Column("key_points", "list[string]", "A key-points box's items, kept out of the body.",
               True),
        Column("entries", "list[object]", "A live blog's entries, oldest first.", True,
               ref="entry"),
        Column("skipped", "list[string]", "Stages skipped and why (e.g. non-English).", True),
    ),
    "span": _span_fields("the span"),
    "entry": (
        Column("time", "string", "The entry's time as the page gives it (ISO 8601 when the "
               "markup has one)."),
        Column("headline", "string", "The entry's headline."),
        *_span_fields("the entry's paragraphs"),
    ),
    "actor": (
        Column("id", "string", "Actor dictionary id, e.g. `IRN-GOV`.", True),
        Column("name", "string", "Canonical name, e.g. `Iran (government)`.", True),
        Column("country", "string", "ISO 3166-1 alpha-3 country; null for IGOs."),
        Column("sector", "string", "CAMEO-style sector: GOV, MIL, REB, INS, IGO, ..."),
        Column("cameo", "string", "CAMEO actor code, e.g. `IRNGOV`.", True),
        Column("kind", "string", "state, government, military, armed_group, igo, person, ...",
               True),
        Column("affiliation", "string", "Backer's alpha-3, e.g. `IRN` for Iranian-backed."),
    ),
    "entity": (*_span_fields("the entity"),
               Column("label", "string", "spaCy label: GPE, NORP, ORG, PERSON, ...", True)),
    "mention": (
        *_span_fields("the mention"),
        Column("label", "string", "Entity label, or NOUN for a common-noun reference.", True),
        Column("actor", "object", "The dictionary actor; null when not in the dictionary.",
               ref="actor"),
    ),
    "quote": (
        *_span_fields("the quote's content"),
        Column("kind", "string", "direct, indirect, or mixed (a reported clause with quoted "
               "words).", True, enum=("direct", "indirect", "mixed")),
        Column("speaker", "object", "Who is quoted.", ref="mention"),
        Column("cue", "object", "The speech verb: said, called on, according to.", ref="span"),
        Column("sources", "list[object]", "Reporting chain, nearest first.", True,
               ref="mention"),
        Column("source_kind", "string", "What the source is; null when there is no speaker.",
               enum=_one(model.SourceKind)),
        Column("parts", "list[object]", "The content's pieces when the quote is split by its "
               "attribution; empty for a one-piece statement.", True, ref="span"),
    ),
    "time": (
        *_span_fields("the expression"),
        Column("value", "string", "ISO 8601 or TimeML value (`2018-02-14`, `2018-W07`, "
               "`--02-14` when the year is unknown); null when it cannot be placed."),
        Column("precision", "string", "Precision of `value`.", True,
               enum=_one(model.Precision)),
        Column("end_value", "string", "End of a range (\"7-9 February\")."),
        Column("anchor", "string", "What a relative value was resolved against.", True,
               enum=("absolute", "published", "none")),
        Column("kind", "string", "date, time, duration or set.", True,
               enum=_one(model.TimeKind)),
        Column("end_point", "object", "For a length counted from the narrative's time (\"three "
               "days later\": `P3D` over \"three days\"), the date it reaches, over the whole "
               "phrase; null otherwise. Events are dated by it.", ref="time"),
    ),
    "place": (
        *_span_fields("the toponym"),
        Column("geonameid", "int", "GeoNames id; null when unresolved."),
        Column("name", "string", "GeoNames name."),
        Column("country", "string", "ISO 3166-1 alpha-2 country (GeoNames' convention)."),
        Column("admin1", "string", "First-level division."),
        Column("lat", "float", "Latitude (WGS84)."),
        Column("lon", "float", "Longitude (WGS84)."),
        Column("feature", "string", "GeoNames feature class.code, e.g. `P.PPLC`."),
        Column("precision", "string", "How precise the point is.",
               enum=_one(model.PlacePrecision)),
        Column("qualifier", "string", "e.g. `eastern countryside`."),
        Column("field", "string", "Which text the offsets point into.", True,
               enum=("body", "title", "dek")),
    ),
    "event": (
        Column("id", "string", "Event id: `<doc_id>:<index>`.", True),
        Column("type", "string", "PLOVER event type, e.g. `ASSAULT`.", True),
        Column("mode", "string", "PLOVER mode of the type."),
        Column("contexts", "list[string]", "PLOVER contexts.", True),
        Column("cameo", "string", "CAMEO event code."),
        Column("status", "string", "Epistemic status.", True, enum=_one(model.Status)),
        Column("negated", "bool", "True when the text says it did not happen.", True),
        Column("trigger", "object", "The word(s) expressing the event.", True, ref="span"),
        Column("sentence", "object", "The sentence it was coded from.", True, ref="span"),
        Column("actors", "list[object]", "Every actor, primary first.", True, ref="mention"),
        Column("recipients", "list[object]", "Every recipient, primary first.", True,
               ref="mention"),
        Column("source", "object", "Who reports or claims it.", ref="mention"),
        Column("date", "object", "The event's own date in the text.", ref="time"),
        Column("place", "object", "Where it happened.", ref="place"),
    ),
    "comment": (
        Column("index", "int", "Position among the page's comments.", True),
        Column("author", "string", "The comment's author."),
        Column("text", "string", "The comment's text.", True),
        Column("parent", "int", "`index` of the comment it replies to."),
        Column("depth", "int", "Nesting depth (0 for a top-level comment).", True),
        Column("published", "string", "When it was posted, ISO 8601."),
    ),
}


def _doc_type(col: Column) -> dict[str, Any]:
    """JSON Schema of one field of the document JSON."""
    if col.kind == "object":
        ref = {"$ref": f"#/$defs/{col.ref}"}
        typ = ref if col.required else {"anyOf": [ref, {"type": "null"}]}
        return {**typ, "description": col.description}
    if col.kind == "list[object]":
        items = {"$ref": f"#/$defs/{col.ref}"}
        return {"type": "array", "items": items, "description": col.description}
    out = _json_type(col)
    if col.enum:
        out["enum"] = [*col.enum, *([] if col.required else [None])]
    return out


def _object_schema(fields: tuple[Column, ...]) -> dict[str, Any]:
    """JSON Schema of an object with exactly these fields, each present (null where allowed)."""
    return {
        "type": "object",
        "properties": {c.name: _doc_type(c) for c in fields},
        "required": [c.name for c in fields],
        "additionalProperties": False,
    }


def document_json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of one document as ``diurna process --format json`` prints it
    (``Document.to_dict()``; several inputs print an array of these)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Diurna document",
        **_object_schema(DOCUMENT_OBJECTS["document"]),
        "$defs": {
            name: _object_schema(fields)
            for name, fields in DOCUMENT_OBJECTS.items()
            if name != "document"
        },
    }


#: what every span of the outputs points to, and the few documented places where an event's
#: argument lies outside its sentence; ``bench/provenance_audit.py`` checks each at corpus scale
PROVENANCE = """
# Provenance: what every value points to

Checked at corpus scale by `bench/provenance_audit.py` (the development pages and a sample of
Wikinews articles, through the store and every export) and on a handful of real pages by
`tests/test_provenance.py`; its figures are in `docs/batch.md` ("Provenance audit").

- **Offsets.** Every span (`start`, `end`, `text`) of the document JSON, of the store's tables
  and of an event row satisfies `field[start:end] == text`, where the field is the body
  (`documents.text`), or for a place of `headline_places` its `field` (`title` or `dek`).
  Exported offsets equal the stored ones. A span never starts or ends with white space; the
  one empty span is a refusal's content ("declined to comment": a quote with a `cue` and no
  words, at the cue's end).
- **Inside the sentence.** An event's trigger, actors, recipients, source, place and date lie
  in its sentence, except: the speaker of the statement holding the trigger, as actor or
  source (a quote runs over several sentences); a pronoun's or short reference's antecedent
  ("he", "the group"), as actor or recipient, in a sentence before; the parties of an earlier
  event the words refer back to ("rejected these accusations"); a statement's place, read
  where the speaker spoke within three sentences (`docs/places.md`, "Event location", 4); the
  dateline's place (the same list, 6).
- **Dates.** An event's `date` is one of the document's `times` (or a `times` item's
  `end_point`), except a length counted back from publication ("comes a week after the
  inquiry was announced": the event is dated by "a week" read as "a week ago", while the
  expression stays a duration; `docs/time.md`). A value's year comes from its words or its
  anchor (`published` only when the document has a publication date): a month-day with
  neither stays `--MM-DD`, and a year alone is never given a month or a day. `event_date` is
  the event's own day, else the publication day, else null; `date_basis` says which.
- **Never invented.** A place with no gazetteer entry (no GeoNames id and no Natural Earth
  feature) has no coordinates. Reader comments and image captions are kept out of the body,
  so no event, quote or place is read from them. Event ids are `<doc_id>:<index>`, unique.
"""


def document_markdown() -> str:
    """The document JSON's section of the data dictionary, from DOCUMENT_OBJECTS."""
    lines = [
        "",
        "# Data dictionary: the document JSON",
        "",
        "`diurna process --format json` prints one object per input (an array for several",
        "inputs; `--format jsonl` one a line); the library's `Document.to_dict()` is the same",
        "object. Its JSON Schema is `docs/document.schema.json`",
        "(`python -m diurna.store.datadoc document-json`). Every key is always present;",
        "\"never null\" says which values are never null. Body offsets point into the body",
        "text, the `body` paragraphs joined with a blank line (`\\n\\n`): `Document.text` in the",
        "library, `documents.text` in the store.",
    ]
    for name, fields in DOCUMENT_OBJECTS.items():
        lines += ["", f"## {name}", "", "| field | type | never null | meaning |",
                  "| --- | --- | --- | --- |"]  # fmt: skip
        for c in fields:
            kind = c.kind.replace("object", c.ref or "object")
            values = f" One of: {', '.join(f'`{v}`' for v in c.enum)}." if c.enum else ""
            never = "yes" if c.required else ""
            lines.append(f"| `{c.name}` | {kind} | {never} | {c.description}{values} |")
    return "\n".join(lines) + "\n"
