"""Learned actor and recipient attachment: a ranker that re-decides who did an event to whom.

Why: the rule steps (:mod:`diurna.events.coder`) pick an event's actor and recipient phrases from
the parse; on Wikinews text about four in ten of their picks on matched events disagree with the
annotators (docs/events-arguments.md counts why). This stage runs after the events component,
while the parse is still on the document, and for each event scores every *coded* actor mention
of the event's sentence and of the sentence before it (pronouns and back-references often point
there), plus whatever the rules picked, once for the actor slot and once for the recipient slot.
The features are the dependency path to the trigger, the preposition governing the mention,
position and distance, entity label, actor kind and sector, passive voice, whether the mention is
the speaker of the statement the event sits in, the PLOVER type, and the rules' own picks (so the
ranker learns where to trust the rules and where not). A slot takes the best-scoring mention when
its probability clears the slot's threshold, else no one ("none" wins).

Inference is a sparse dot product per candidate; the weights (``data/arguments.json``, a few
thousand features) are trained by ``python -m diurna.events.train_args`` from the annotated
Wikinews training split and chosen on the development split.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from diurna.events.heads import trigger_head
from diurna.model import Actor, Document, Event, Mention, actor_code

MODEL_PATH = Path(__file__).parent / "data" / "arguments.json"
SLOTS = ("actor", "recipient")
# Uncoded phrases of these kinds may stand for a party of the context country ("Mr Goudkamp
# criticised the minister": the annotators code an Australian), docs/annotation-events.md §6.
CONTEXT_LABELS = frozenset({"PERSON", "NORP", "ORG", "NOUN"})
# The rules' uncoded picks of these kinds become context parties in every coder's output
# (:func:`context_parties`); common nouns do not (measured, round 16), organisations only when
# named in more than one word (:func:`named_body`, session 41 brief A7).
CONTEXT_PICK_LABELS = frozenset({"PERSON", "NORP"})
# Titles before a surname that make a phrase a person's name whatever its entity label ("Mr
# Swaelen", "Dr Saunders", which the tagger may label an organisation). Narrower than the actor
# resolver's NAME_TITLES, which strips titles off a phrase already read as a person: here the title
# alone must say "person", and "Lady", "Lord", "Sheikh" also begin names of places and things.
SURNAME_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss"})
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their",
                      "we", "us", "our", "i", "me", "my", "who", "which"})


@dataclass
class Candidate:
    """One coded mention an event's slot may take, with its features."""

    mention: Mention
    features: dict[str, float]


def _head(parsed: Any, start: int, end: int) -> Any | None:
    """The syntactic head token of the characters ``start:end`` of a mention, a noun phrase
    (spaCy's ``Span.root``, whatever its part of speech: names are proper nouns). A trigger's
    head is :func:`diurna.events.heads.trigger_head`, which wants a content word."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _path(a: Any, b: Any, limit: int = 6) -> str | None:
    """The dependency path from token ``a`` up to the lowest common ancestor and down to ``b``,
    as relation names (``nsubj^ dobj_``); None when longer than ``limit`` steps or in another
    sentence."""
    up = [a]
    while up[-1].head.i != up[-1].i and len(up) <= limit:
        up.append(up[-1].head)
    index = {t.i: n for n, t in enumerate(up)}
    down = [b]
    while down[-1].i not in index and down[-1].head.i != down[-1].i and len(down) <= limit:
        down.append(down[-1].head)
    if down[-1].i not in index:
        return None
    steps_up = [t.dep_ + "^" for t in up[:index[down[-1].i]]]
    steps_down = [t.dep_ + "_" for t in reversed(down[:-1])]
    steps = steps_up + steps_down
    return " ".join(steps) if len(steps) <= limit else None


def _passive(tok: Any) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in {"acl", "relcl"})


def _prep(tok: Any) -> str:
    """The preposition governing a mention's head ("by", "against", "of"), or its relation."""
    if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent"}:
        return tok.head.lower_
    if tok.dep_ == "poss":
        return "poss"
    return ""


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "11+"


def _speaker_of(doc: Document, event: Event, m: Mention) -> bool:
    """Is ``m`` the speaker of a statement that contains the event's trigger?"""
    for q in doc.quotes:
        if q.start <= event.trigger.start < q.end and q.speaker is not None and \
                q.speaker.start < m.end and m.start < q.speaker.end:
            return True
    return False


def features(doc: Document, event: Event, m: Mention, trig: Any | None,
             rule: dict[str, set[tuple[int, int]]], n_cands: int, tok: Any | None
             ) -> dict[str, float]:
    """The features of mention ``m`` for event ``event`` (shared by both slots; the slot's own
    weights decide what they mean); ``tok``: ``m``'s head token (:func:`_head`, None without a
    parse)."""
    etype = event.type
    f: dict[str, float] = {"bias": 1.0, f"type={etype}": 1.0}
    key = (m.start, m.end)
    for slot in SLOTS:
        if key in rule[slot]:
            f[f"rule_{slot}"] = 1.0
            f[f"rule_{slot}|{etype}"] = 1.0
    code = actor_code(m) or ""
    f[f"sector={m.actor.sector if m.actor else None}"] = 1.0
    f[f"kind={m.actor.kind if m.actor else None}"] = 1.0
    f[f"label={m.label}"] = 1.0
    f["code_len3"] = 1.0 if len(code) == 3 else 0.0
    same_sentence = event.sentence.start <= m.start < event.sentence.end
    f["same_sentence"] = 1.0 if same_sentence else 0.0
    f["before" if m.start < event.trigger.start else "after"] = 1.0
    f["speaker"] = 1.0 if _speaker_of(doc, event, m) else 0.0
    f[f"cands={_bucket(n_cands)}"] = 1.0
    if m.text.lower() in PRONOUNS:
        f["pronoun"] = 1.0
    if trig is None or tok is None:
        return f
    passive = _passive(trig)
    voice = "pass" if passive else "act"
    f[f"trig_pos={trig.pos_}"] = 1.0
    f[f"voice={voice}"] = 1.0
    dist = abs(tok.i - trig.i)
    f[f"dist={_bucket(dist)}"] = 1.0
    f["log_dist"] = math.log1p(dist)
    prep = _prep(tok)
    f[f"prep={prep}"] = 1.0
    f[f"prep={prep}|{etype}"] = 1.0
    f[f"prep={prep}|{voice}"] = 1.0
    f[f"dep={tok.dep_}"] = 1.0
    if same_sentence:
        path = _path(tok, trig)
        if path is None:
            f["path=far"] = 1.0
        else:
            f[f"path={path}"] = 1.0
            f[f"path={path}|{voice}"] = 1.0
            f[f"path={path}|{trig.pos_}"] = 1.0
            first = path.split(" ")[0]
            f[f"path1={first}|{voice}"] = 1.0
            f[f"path1={first}|{etype}"] = 1.0
            f[f"pathlen={_bucket(len(path.split(' ')))}"] = 1.0
        f["trig_ancestor"] = 1.0 if trig in tok.ancestors else 0.0
    else:
        f["path=prev_sentence"] = 1.0
    side = "L" if tok.i < trig.i else "R"
    f[f"side={side}|{voice}|{trig.pos_}"] = 1.0
    rel = own_relation(tok, trig)
    if rel is not None:  # a noun trigger's own party, or a modifier of a verb's subject
        f[f"nt={rel}"] = 1.0
        f[f"nt={rel}|{etype}"] = 1.0
        f[f"nt={rel}|{m.label}"] = 1.0
    elif trig.pos_ in NOUN_POS and same_sentence:
        f["nt=none"] = 1.0
    return f


NOUN_POS = frozenset({"NOUN", "PROPN"})
# How a noun trigger names its own party ("Israel's strikes", "Israeli strikes", "NATO
# airstrikes", "a request by NATO"), and how a verb's subject names the party behind it
# ("Israeli airstrikes killed", "Saudi-led coalition airstrikes killed"): session 50, brief A63.
OWN_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
OWN_PREPS = frozenset({"of", "by", "from", "against", "to", "with", "on", "for"})


def own_relation(tok: Any, trig: Any) -> str | None:
    """How mention head ``tok`` hangs on trigger head ``trig`` when the trigger is a noun
    ("poss", "amod", "compound", "nmod", or "pobj_by" for the object of "by" attached to it), on
    the subject of a verb trigger ("subj_amod" ...) or on the noun a verb trigger qualifies
    ("acl_amod": "Israeli airstrikes killed" parsed as a reduced relative); None otherwise."""
    if trig.pos_ in NOUN_POS:
        if tok.head.i == trig.i and tok.dep_ in OWN_DEPS:
            return str(tok.dep_)
        if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent"} \
                and tok.head.head.i == trig.i and tok.head.lower_ in OWN_PREPS:
            return f"pobj_{tok.head.lower_}"
        return None
    if tok.dep_ in OWN_DEPS and tok.head.dep_ in {"nsubj", "nsubjpass"} \
            and tok.head.head.i == trig.i and tok.head.i != tok.i:
        return f"subj_{tok.dep_}"
    if tok.dep_ in OWN_DEPS and trig.dep_ in {"acl", "relcl"} and tok.head.i == trig.head.i:
        return f"acl_{tok.dep_}"  # "Israeli airstrikes killed ..." read as a reduced relative
    return None


def context_country(doc: Document, start: int, window_start: int, end: int) -> str | None:
    """The country a phrase at ``start`` that names none most likely belongs to: the country
    most mentioned by coded parties between ``window_start`` and ``end`` (nearest before
    ``start`` on a tie), else the country most mentioned in the whole document. News outlets
    ("told Reuters", "the Associated Press reported") are not counted: they report the story
    from where they are, not where it is set (session 41, brief A7)."""
    near: dict[str, tuple[int, int]] = {}
    whole: dict[str, int] = {}
    for m in doc.mentions:
        country = m.actor.country if m.actor is not None and not _outlet(m) else None
        if not country:
            continue
        whole[country] = whole.get(country, 0) + 1
        if window_start <= m.start < end:
            n, last = near.get(country, (0, -1))
            near[country] = (n + 1, m.start if m.start < start else last)
    if near:
        return max(near, key=lambda c: near[c])
    return max(whole, key=lambda c: whole[c]) if whole else None


def _outlet(m: Mention) -> bool:
    """Whether ``m`` is a news outlet (a media party), which says nothing of a story's setting."""
    return m.actor is not None and (m.actor.sector == "MED" or m.actor.kind == "media")


def focus_country(doc: Document) -> str | None:
    """The country coded parties of ``doc`` name most often (outlets aside), or None."""
    return context_country(doc, 0, 0, 0)


def _previous_sentence_start(doc: Document, event: Event) -> int:
    """Where the sentence before ``event``'s starts (its own start when it is the first)."""
    sents = doc.sentences
    for i, s in enumerate(sents):
        if s.start == event.sentence.start and i > 0:
            return sents[i - 1].start
    return event.sentence.start


def _rules_code(m: Mention) -> str | None:
    """A mention's code unless it is only a context party (those count as uncoded picks)."""
    return actor_code(m) if m.actor is not None and m.actor.kind != "context" else None


def context_parties(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` with each slot whose picks are all uncoded named people or groups ("Mr
    Goudkamp criticised", "Sunnis opposed") read as parties of the context country (see
    :func:`context_country`), as the annotators code them (docs/annotation-events.md §6).

    Why only people (PERSON) and nationalities or groups (NORP): on the training articles their
    context country is right about half the time, which raises argument F1; uncoded common
    nouns ("the report", "dairy produce") and organisations are things or parties of no country
    often enough to lower it (docs/events-arguments.md, round 16); an organisation named in
    several words ("the National Police Agency") is a body of the story's state often enough to
    raise it (session 41, brief A7), and so is taken too. The party is marked
    ``kind="context"`` so that users and the ranker can tell it from a dictionary match."""
    if not events:
        return events
    focus = focus_country(doc)  # one document's focus, for every event's other-side test
    return [_with_context(doc, e, focus) for e in events]


def named_person(m: Mention) -> bool:
    """Whether ``m`` names a person: labelled so, or a title and a capitalised name ("Mr
    Swaelen"). A bare surname ("Corby") is not: session 40's round read one and missed its blind
    actor bar; session 41 measured the round without it (docs/events-arguments.md)."""
    if m.label == "PERSON":
        return True
    words = m.text.split()
    return len(words) == 2 and words[0].lower() in SURNAME_TITLES and words[1][:1].isupper()


def named_body(m: Mention) -> bool:
    """Whether ``m`` names an organisation in more than one word ("the Brotherhood of St
    Laurence", "National Police Agency"). One word labelled an organisation is left out: it is
    as often a surname ("Corby") or an acronym of no country ("VOA") as a body."""
    words = [w for w in m.text.split() if w.lower() != "the"]
    return m.label == "ORG" and len(words) > 1


def _with_context(doc: Document, event: Event, focus: str | None) -> Event:
    prev_start = _previous_sentence_start(doc, event)
    new: dict[str, list[Mention]] = {}
    for slot, picks, other in (("actors", event.actors, "recipients"),
                               ("recipients", event.recipients, "actors")):
        if not picks or any(actor_code(m) for m in picks) or not all(
                m.label in CONTEXT_PICK_LABELS or named_person(m) or named_body(m)
                for m in picks):
            continue
        country = context_country(doc, picks[0].start, prev_start, event.sentence.end)
        if country is not None:
            country = _not_other_side(focus, country, new.get(other, getattr(event, other)))
            new[slot] = [_in_context(m, country) for m in picks]
    return replace(event, **new) if new else event  # type: ignore[arg-type]


def _not_other_side(focus: str | None, country: str, others: list[Mention]) -> str:
    """``country``, unless it is only the country of the event's other party ("the Sheik
    invited US Marines", "Delahunt met President Chavez") while the story is set in another
    (``focus``, the document's focus country, which it then gives): a foreign party the
    sentence names beside someone unnamed is more often the one met, asked or opposed than his
    own state. In a story set in the other party's state ("Goudkamp criticised the minister") it
    stays."""
    sides = {m.actor.country for m in others if m.actor is not None}
    return focus if focus is not None and country in sides and country != focus else country


def _in_context(m: Mention, country: str) -> Mention:
    """An uncoded phrase as a party of ``country`` (sector unknown)."""
    actor = Actor(id=f"{country}-CONTEXT", name=f"{country} (from context)", country=country,
                  sector=None, cameo=country, kind="context")
    return Mention(m.start, m.end, m.text, actor=actor, label=m.label)


def candidates(doc: Document, event: Event) -> list[Candidate]:
    """The mentions event ``event``'s slots may take: the coded ones of its sentence and of the
    sentence before, the rules' picks, and the uncoded people, groups and nouns of its sentence
    (and the rules' uncoded picks) as parties of the context country, each once, with their
    features."""
    prev_start = _previous_sentence_start(doc, event)
    pool: dict[tuple[int, int], Mention] = {}
    for m in [*event.actors, *event.recipients]:
        if _rules_code(m):
            pool.setdefault((m.start, m.end), m)
    for m in doc.mentions:
        if prev_start <= m.start and m.end <= event.sentence.end and actor_code(m) \
                and not (event.trigger.start <= m.start and m.end <= event.trigger.end):
            pool.setdefault((m.start, m.end), m)
    uncoded = [m for m in [*event.actors, *event.recipients] if not _rules_code(m)] + [
        m for m in doc.mentions if event.sentence.start <= m.start
        and m.end <= event.sentence.end and not actor_code(m) and m.label in CONTEXT_LABELS
        and m.text.lower() not in PRONOUNS
        and not (event.trigger.start <= m.start and m.end <= event.trigger.end)]
    context = set()
    for m in uncoded:
        if (m.start, m.end) in pool:
            continue
        country = context_country(doc, m.start, prev_start, event.sentence.end)
        if country is not None:
            pool[(m.start, m.end)] = _in_context(m, country)
            context.add((m.start, m.end))
    rule = {"actor": {(m.start, m.end) for m in event.actors},
            "recipient": {(m.start, m.end) for m in event.recipients}}
    parsed = doc.nlp
    trig = (trigger_head(parsed, event.trigger.start, event.trigger.end)
            if parsed is not None else None)
    out = []
    heads = []  # each candidate's head token, read once for both feature steps
    for m in sorted(pool.values(), key=lambda x: x.start):
        tok = _head(parsed, m.start, m.end) if parsed is not None else None
        heads.append(tok)
        f = features(doc, event, m, trig, rule, len(pool), tok)
        if (m.start, m.end) in context:
            f["context"] = 1.0
            f[f"context|label={m.label}"] = 1.0
            for slot in SLOTS:
                if f.get(f"rule_{slot}"):
                    f[f"context|rule_{slot}"] = 1.0
        out.append(Candidate(m, f))
    _rank_features(out, event)
    _context_features(out, heads, trig)
    return out


# Indefinite or generic heads of a common noun ("a new campaign", "The report"): a thing more
# often than a party, whatever the country around it (session 50, brief A63).
GENERIC_DETS = frozenset({"a", "an", "the", "this", "that", "these", "those", "any", "some"})


def _context_features(cands: list[Candidate], heads: list[Any | None], trig: Any | None
                      ) -> None:
    """Whether a candidate comes from outside the event's sentence (or only from the context
    country) while the sentence has a coded party of its own; the determiner and head word of
    a common noun read from context; how many coded parties the sentence has; whether another
    candidate is the trigger's own subject or object, or its noun's own party, and which
    candidate has the shortest path to the trigger. ``heads``: the candidates' head tokens, in
    their order."""
    own = [c for c in cands if c.features.get("same_sentence") and "context" not in c.features]
    n_own = len(own)
    subj, obj, nt = set(), set(), set()
    lens: dict[int, int] = {}
    for i, (c, tok) in enumerate(zip(cands, heads, strict=True)):
        if "context" in c.features or not c.features.get("same_sentence") or tok is None \
                or trig is None:
            continue
        if tok.head.i == trig.i and tok.dep_ in {"nsubj", "agent"} or (
                tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i == trig.i):
            subj.add(i)
        if tok.head.i == trig.i and tok.dep_ in {"dobj", "nsubjpass", "dative"}:
            obj.add(i)
        if any(k.startswith("nt=") and k != "nt=none" for k in c.features):
            nt.add(i)
        path = _path(tok, trig)
        if path is not None:
            lens[i] = len(path.split(" "))
    best = min(lens.values(), default=None)
    for i, (c, tok) in enumerate(zip(cands, heads, strict=True)):
        f = c.features
        f[f"cp_ncoded={_bucket(n_own)}"] = 1.0
        if best is not None and lens.get(i) == best:
            f["cp_shortest"] = 1.0
        if subj - {i}:
            f["cp_other_subj"] = 1.0
        if obj - {i}:
            f["cp_other_obj"] = 1.0
        if nt - {i}:
            f["cp_other_nt"] = 1.0
        has_own = any(o is not c for o in own)
        if not f.get("same_sentence") and has_own:
            f["cx_out|own"] = 1.0
        if "context" in f:
            f["cx_ctx|own" if has_own else "cx_ctx|alone"] = 1.0
            words = c.mention.text.split()
            det = words[0].lower() if words else ""
            f[f"cx_det={det if det in GENERIC_DETS else 'other'}"] = 1.0
            if tok is not None:
                f[f"cx_lemma={tok.lemma_.lower()}"] = 1.0
                f[f"cx_dep={tok.dep_}"] = 1.0


def _rank_features(cands: list[Candidate], event: Event) -> None:
    """Where a candidate stands among the others: nearest on its side of the trigger, first or
    last in the sentence, the only one of its code."""
    left = [c for c in cands if c.mention.start < event.trigger.start]
    right = [c for c in cands if c.mention.start >= event.trigger.start]
    if left:
        left[-1].features["nearest_left"] = 1.0
        left[0].features["first"] = 1.0
    if right:
        right[0].features["nearest_right"] = 1.0
    codes = [(actor_code(c.mention) or "")[:3] for c in cands]
    for c, code in zip(cands, codes, strict=True):
        if codes.count(code) > 1:
            c.features["code_repeated"] = 1.0
        for slot in SLOTS:
            if any(o.features.get(f"rule_{slot}") and (actor_code(o.mention) or "")[:3] == code
                   for o in cands):
                c.features[f"rule_{slot}_code"] = 1.0


def score(weights: dict[str, float], f: dict[str, float]) -> float:
    """The logistic probability of a candidate under one slot's weights."""
    z = sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def decide(model: dict[str, Any], cands: list[Candidate]) -> dict[str, list[int]]:
    """Each slot's picks (indices into ``cands``). The ranker stands in where the rules are weak:
    the rules' coded picks stay unless the ranker gives them all less than the slot's ``drop``
    threshold; a slot the rules left without a party (or whose picks were dropped) takes the
    ranker's best candidate when it clears the ``fill`` threshold and is not the other slot's
    party."""
    return pick(model["threshold"], *scored(model, cands))


Scored = tuple[dict[str, list[float]], dict[str, list[int]], list[str]]


def scored(model: dict[str, Any], cands: list[Candidate]) -> Scored:
    """What :func:`pick` decides on: each candidate's probability per slot under ``model``'s
    weights, the rules' picks per slot (indices) and each candidate's code prefix ("" when
    uncoded)."""
    probs = {slot: [score(model["weights"][slot], c.features) for c in cands] for slot in SLOTS}
    rules = {slot: [i for i, c in enumerate(cands) if c.features.get(f"rule_{slot}")]
             for slot in SLOTS}
    codes = [(actor_code(c.mention) or "")[:3] for c in cands]
    return probs, rules, codes


def pick(threshold: dict[str, dict[str, float]], probs: dict[str, list[float]],
         rules: dict[str, list[int]], codes: list[str]) -> dict[str, list[int]]:
    """:func:`decide` on candidates already scored: ``probs`` per slot, the rules' picks per slot
    (indices), each candidate's code prefix ("" when uncoded). Split off so that the training
    script scores a candidate once and tries every threshold on the same probabilities."""
    picks: dict[str, list[int]] = {}
    taken: set[str] = set()
    for slot in SLOTS:
        limits, p, rule = threshold[slot], probs[slot], rules[slot]
        if rule and max(p[i] for i in rule) >= limits["drop"]:
            picks[slot] = rule
        else:
            free = [i for i in range(len(codes)) if i not in rule and codes[i] not in taken]
            best = max(free, key=lambda i: p[i], default=None)
            picks[slot] = [best] if best is not None and p[best] >= limits["fill"] else []
        taken |= {codes[i] for i in picks[slot]}
    return picks


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any]:
    """The ranker's weights and thresholds (``data/arguments.json``)."""
    try:
        with open(path, encoding="utf-8") as fh:
            model: dict[str, Any] = json.load(fh)
    except OSError as err:
        raise RuntimeError(f"argument ranker weights missing at {path}: run "
                           "python -m diurna.events.train_args to make them") from err
    return model


def attach(doc: Document, event: Event, model: dict[str, Any]) -> Event:
    """``event`` with its actor and recipient re-decided by the ranker (see :func:`decide`). A
    slot the rules keep is left as it is; a slot the ranker empties keeps the rules' uncoded
    phrases (they name no party but show the words); a filled slot holds the ranker's pick."""
    cands = candidates(doc, event)
    if not cands:
        return event
    picks = decide(model, cands)
    new: dict[str, list[Mention]] = {}
    for slot, old in (("actor", event.actors), ("recipient", event.recipients)):
        chosen = [cands[i].mention for i in picks[slot]]
        spans = {(m.start, m.end) for m in chosen}
        if spans and spans <= {(m.start, m.end) for m in old if _rules_code(m)}:
            new[slot] = old  # the rules' own coded picks (with their coordinated parties)
        elif chosen:
            new[slot] = chosen
        else:
            new[slot] = [replace(m, actor=None) if actor_code(m) else m  # (context parties)
                         for m in old if not _rules_code(m)]
    return replace(event, actors=new["actor"], recipients=new["recipient"])


class ArgumentRanker:
    """Pipeline component (``arguments``): re-decides every event's actor and recipient with
    the learned ranker. Runs after the events component, while ``doc.nlp`` is set."""

    name = "arguments"

    def __init__(self, path: str | Path = MODEL_PATH, *, keep_rules: bool = False) -> None:
        self.path = str(path)
        # for `diurna evaluate events`: the rules' events kept in doc.meta["rule_events"] so that
        # both attachments are scored in one run
        self.keep_rules = keep_rules

    def __call__(self, doc: Document) -> Document:
        if self.keep_rules:
            doc.meta["rule_events"] = list(doc.events)
        if not doc.events or doc.nlp is None:
            return doc
        model = load_model(self.path)
        doc.events = [attach(doc, e, model) for e in doc.events]
        return doc
