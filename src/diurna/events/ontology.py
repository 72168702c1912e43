"""The PLOVER ontology, read from the one data file ``data/plover.yaml``.

The coder looks triggers up here and the documentation (``docs/ontology.md``) is rendered from the
same file: ``python -m diurna.events.ontology > docs/ontology.md``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = "plover.yaml"


@dataclass(frozen=True, slots=True)
class Mode:
    """One mode of an event type (plover.yaml): its CAMEO code and the cue lemmas that name it."""

    name: str
    description: str
    cameo: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: ``lemma`` (head word), optional ``part`` (particle/preposition for a
    verb, compound modifier for a noun), the mode it implies and object constraints."""

    type: str
    lemma: str
    pos: str  # "verb" | "noun" | "adjective"
    part: str | None = None
    mode: str | None = None
    objects: tuple[str, ...] | None = None  # None: no constraint
    requires: tuple[str, ...] | None = None  # prepositions one of which must attach (nouns)


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER event type as plover.yaml gives it: category, CAMEO code, modes, triggers."""

    name: str
    category: str
    description: str
    cameo: str
    contexts: tuple[str, ...]
    modes: dict[str, Mode]
    triggers: tuple[Trigger, ...]


@dataclass(slots=True)
class Ontology:
    """The event types, contexts and statuses of plover.yaml, with its triggers indexed by
    lemma and part of speech (``verbs``, ``nouns``, ``adjectives``) for the coders' look-ups."""

    types: dict[str, EventType]
    contexts: dict[str, str]
    context_cues: dict[str, str]
    status: dict[str, list[str]]
    meta: dict[str, Any] = field(default_factory=dict)
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    adjectives: dict[str, list[Trigger]] = field(default_factory=dict)
    # argument cues (lemma lists), e.g. event nouns whose "of"-phrase is the one acted on
    arguments: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for etype in self.types.values():
            for trig in etype.triggers:
                index = {"verb": self.verbs, "noun": self.nouns}.get(trig.pos, self.adjectives)
                index.setdefault(trig.lemma, []).append(trig)
        # entries with a particle/compound first: "call on" before "call"
        for index in (self.verbs, self.nouns, self.adjectives):
            for entries in index.values():
                entries.sort(key=lambda t: t.part is None)

    def cameo(self, type_: str, mode: str | None) -> str | None:
        """The CAMEO code of ``type_`` in ``mode`` (the type's own when no mode, or none of the
        type's, is given); ``None`` for an unknown type."""
        etype = self.types.get(type_)
        if etype is None:
            return None
        if mode and mode in etype.modes:
            return etype.modes[mode].cameo
        return etype.cameo

    def mode_from_cues(self, type_: str, lemmas: set[str]) -> str | None:
        """The first mode of ``type_`` whose cue lemmas occur in ``lemmas``."""
        etype = self.types.get(type_)
        if etype is None:
            return None
        for mode in etype.modes.values():
            if lemmas.intersection(mode.cues):
                return mode.name
        return None


def _triggers(type_: str, raw: dict[str, Any]) -> list[Trigger]:
    out: list[Trigger] = []
    for pos_key, pos in (("verbs", "verb"), ("nouns", "noun"), ("adjectives", "adjective")):
        for phrase, spec in (raw.get(pos_key) or {}).items():
            words = str(phrase).split()
            if pos == "verb":  # "call on": head verb + particle
                lemma, part = words[0], (words[1] if len(words) > 1 else None)
            else:  # "press conference": compound modifier + head noun
                lemma, part = words[-1], (words[0] if len(words) > 1 else None)
            mode: str | None = None
            objects: tuple[str, ...] | None = None
            requires: tuple[str, ...] | None = None
            if isinstance(spec, dict):
                mode = spec.get("mode")
                if "objects" in spec:
                    objects = tuple(spec["objects"] or ())
                if "requires" in spec:
                    requires = tuple(spec["requires"] or ())
            elif spec is not None:
                mode = str(spec)
            for word in (*(objects or ()), *(requires or ())):
                if not isinstance(word, str):  # YAML 1.1 reads bare on/no/yes as booleans
                    raise ValueError(
                        f"{type_}: {phrase!r} has a non-string entry {word!r}; quote it")
            out.append(Trigger(type_, lemma.lower(), pos, part, mode, objects, requires))
    return out


def parse(data: dict[str, Any]) -> Ontology:
    """The :class:`Ontology` of plover.yaml's contents ``data``; ``ValueError`` naming the type
    and trigger on a trigger that names an unknown mode or has a non-string entry."""
    types: dict[str, EventType] = {}
    for name, raw in data["types"].items():
        modes = {
            m: Mode(m, spec.get("description", ""), str(spec.get("cameo", raw["cameo"])),
                    tuple(spec.get("cues") or ()))
            for m, spec in (raw.get("modes") or {}).items()
        }
        triggers = _triggers(name, raw.get("triggers") or {})
        for trig in triggers:
            if trig.mode is not None and trig.mode not in modes:
                raise ValueError(f"{name}: trigger {trig.lemma!r} names unknown mode "
                                 f"{trig.mode!r}; the type's modes are {sorted(modes)}")
        types[name] = EventType(
            name=name,
            category=raw["category"],
            description=raw["description"],
            cameo=str(raw["cameo"]),
            contexts=tuple(raw.get("contexts") or ()),
            modes=modes,
            triggers=tuple(triggers),
        )
    meta = {k: data.get(k) for k in ("version", "cameo_version", "plover_version")}
    return Ontology(
        types=types,
        contexts=dict(data.get("contexts") or {}),
        context_cues=dict(data.get("context_cues") or {}),
        status={k: list(v) for k, v in (data.get("status") or {}).items()},
        meta=meta,
        arguments={k: list(v) for k, v in (data.get("arguments") or {}).items()},
    )


def data_path() -> Path:
    """The packaged plover.yaml."""
    return Path(str(files("diurna.events") / "data" / DATA_FILE))


@lru_cache(maxsize=4)
def load_ontology(path: str | None = None) -> Ontology:
    """Read the ontology (the packaged file unless ``path`` is given); cached per path. A file
    :func:`parse` refuses is a ``ValueError`` that starts with the file's path."""
    where = path or data_path()
    with open(where, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    try:
        return parse(data)
    except ValueError as err:
        raise ValueError(f"{where}: {err}") from err


def render_markdown(onto: Ontology | None = None) -> str:
    """docs/ontology.md, generated from the data file."""
    onto = onto or load_ontology()
    lines = [
        "# Event ontology",
        "",
        "<!-- Generated from src/diurna/events/data/plover.yaml by "
        "`python -m diurna.events.ontology > docs/ontology.md`; do not edit by hand. -->",
        "",
        f"Diurna codes events with the PLOVER ontology ({onto.meta.get('plover_version')}) "
        f"and gives each event a CAMEO code ({onto.meta.get('cameo_version')}) beside it. "
        "The event coder and this page read one file, `src/diurna/events/data/plover.yaml`: "
        "edit the file, then regenerate this page. Trigger entries are lemmas; `call on` is "
        "a verb with its particle, `press conference` a noun with its compound modifier; "
        "a trigger marked *objects* only counts with one of the listed direct objects.",
        "",
        "## Event types",
        "",
        "| type | category | CAMEO | description |",
        "| --- | --- | --- | --- |",
    ]
    for t in onto.types.values():
        lines.append(f"| {t.name} | {t.category} | {t.cameo} | {t.description} |")
    for t in onto.types.values():
        lines += ["", f"## {t.name}", "", f"{t.description} ({t.category}; CAMEO {t.cameo}).", ""]
        if t.contexts:
            lines += [f"Contexts always set: {', '.join(t.contexts)}.", ""]
        if t.modes:
            lines += ["| mode | CAMEO | description | cue lemmas |", "| --- | --- | --- | --- |"]
            for m in t.modes.values():
                lines.append(f"| {m.name} | {m.cameo} | {m.description} | {', '.join(m.cues)} |")
            lines.append("")
        for pos in ("verb", "noun", "adjective"):
            items = []
            for trig in t.triggers:
                if trig.pos != pos:
                    continue
                word = trig.lemma if trig.part is None else (
                    f"{trig.lemma} {trig.part}" if pos == "verb" else f"{trig.part} {trig.lemma}")
                extra = []
                if trig.mode:
                    extra.append(trig.mode)
                if trig.objects:
                    extra.append("objects: " + "/".join(trig.objects))
                if trig.requires:
                    extra.append("with: " + "/".join(trig.requires))
                items.append(f"{word} ({'; '.join(extra)})" if extra else word)
            if items:
                lines.append(f"Trigger {pos}s: {', '.join(items)}.")
                lines.append("")
    lines += ["## Contexts", "", "| context | meaning |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in onto.contexts.items()]
    lines += ["", "Context cue lemmas (a word in the event's sentence adds the context): "
              + ", ".join(f"{k} → {v}" for k, v in onto.context_cues.items()) + ".", ""]
    lines += ["## Status cues", ""]
    lines += [f"- {k}: {', '.join(v)}" for k, v in onto.status.items()]
    if onto.arguments:
        lines += ["", "## Argument cues", ""]
        lines += [f"- {k}: {', '.join(v)}" for k, v in onto.arguments.items()]
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render_markdown())
