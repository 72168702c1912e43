"""Who "he" or "she" stands for when a pronoun speaks: a small learned ranker of salience.

The rules (:func:`diurna.statements.mentions.rule_antecedent`, the actors dictionary's nearest
person) take the last person named before the pronoun. In news text the speaker of "he said" is
more often the person the passage is about - the last one who spoke, the subject of the story -
than the last name printed ("Rafael Correa said ... 'I cannot accept Uribe's lies,' he said").
This module ranks the people named before the pronoun by features of salience (recency, clause
role, having spoken, being named inside someone's quotation, gender evidence, how often they are
named, the rules' own choice) with weights a seeded logistic model learned from the training
attributions (``python bench/speaker_salience.py --write``; docs/quotes.md part 7). The weights
are a small JSON file read once; nothing is learned at run time.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from diurna.language.spacy_stage import parsed_text
from diurna.statements.mentions import gender_fits

WEIGHTS_FILE = "speaker_salience.json"
WINDOW_CHARS = 1500  # how far back the candidates are looked for (the rules look 600)
HE_SHE = frozenset({"he", "she"})
# bench/speaker_salience.py compares the rules alone (ENABLED off) and each fold's weights (MODEL)
ENABLED = True
MODEL: dict[str, Any] | None = None  # None: the shipped weights (load_weights)


@dataclass
class Context:
    """What the ranker reads of one document beyond the pronoun's own sentence: the character
    ranges inside quotation marks and the token indices of people who are the subject of a
    speech verb (built once per document by the statements stage)."""

    quoted: list[tuple[int, int]]
    speakers: frozenset[int]
    # the document's PERSON entities' last words and its sentences' first tokens, listed once
    # (None: read from the parse for every pronoun and candidate, as a one-off caller may)
    person_heads: list[Any] | None = None
    sentence_starts: list[int] | None = None

    def entity_heads(self, parsed: Any) -> list[Any]:
        """:func:`entity_heads` of the document (``parsed``), as a list (read more than once)."""
        return list(entity_heads(parsed)) if self.person_heads is None else self.person_heads

    def sentence_start(self, tok: Any) -> int:
        """``tok.sent.start``."""
        if self.sentence_starts is None:
            return int(tok.sent.start)
        return self.sentence_starts[bisect_right(self.sentence_starts, tok.i) - 1]

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)


@dataclass
class Candidate:
    """One person named before the pronoun (all occurrences of the same last word together)."""

    key: str
    heads: list[Any] = field(default_factory=list)  # head tokens, in text order

    @property
    def last(self) -> Any:
        return self.heads[-1]


def _key(head: Any) -> str:
    return str(head.lower_).removesuffix("'s").removesuffix("’s")


def entity_heads(parsed: Any) -> Iterable[Any]:
    """The last word of each PERSON entity of ``parsed``, in order."""
    for ent in parsed.ents:
        if ent.label_ == "PERSON":
            yield ent[-1]


def candidates(pronoun: Any, extra_heads: Iterable[Any] = (),
               window: int = WINDOW_CHARS, people: Iterable[Any] | None = None
               ) -> list[Candidate]:
    """The people named within ``window`` characters before ``pronoun`` (PERSON entities, and
    ``extra_heads``: the last words of the dictionary's person mentions), most recent first.
    ``people``: :func:`entity_heads` of the document when the caller has them."""
    lo = pronoun.idx - window
    by_key: dict[str, Candidate] = {}
    if people is None:
        people = entity_heads(pronoun.doc)
    heads = {h.i: h for h in [*people, *extra_heads]
             if lo <= h.idx and h.i < pronoun.i}
    for i in sorted(heads):
        h = heads[i]
        by_key.setdefault(_key(h), Candidate(_key(h))).heads.append(h)
    return sorted(by_key.values(), key=lambda c: -c.last.i)


def _bucket(value: int, top: int) -> str:
    return str(value) if value < top else f"{top}+"


def _is_subject(head: Any) -> bool:
    return bool(head.dep_ in {"nsubj", "nsubjpass"} or (
        head.dep_ in {"appos", "compound"} and head.head.dep_ in {"nsubj", "nsubjpass"}))


def features(pronoun: Any, cand: Candidate, rank: int, ctx: Context,
             rule_key: str | None, last_speaker: str | None, topic: str | None
             ) -> dict[str, float]:
    """The features of one candidate for one pronoun (names are stable: they key the weights)."""
    last = cand.last
    sent_dist = ctx.sentence_start(pronoun) - ctx.sentence_start(last)
    gap = parsed_text(pronoun.doc)[last.idx:pronoun.idx]
    fits = gender_fits(pronoun, last)
    out: dict[str, float] = {
        "bias": 1.0,
        f"rank={_bucket(rank, 3)}": 1.0,
        f"sents={_bucket(sent_dist, 3)}": 1.0,
        "log_count": math.log1p(len(cand.heads)),
        "subject": float(_is_subject(last)),
        "ever_subject": float(any(_is_subject(h) for h in cand.heads)),
        "spoke": float(last.i in ctx.speakers),
        "ever_spoke": float(any(h.i in ctx.speakers for h in cand.heads)),
        "last_speaker": float(cand.key == last_speaker),
        "in_quote": float(ctx.in_quote(last.idx)),
        "only_in_quotes": float(all(ctx.in_quote(h.idx) for h in cand.heads)),
        "object": float(last.dep_ in {"dobj", "pobj", "dative", "iobj"}),
        "possessive": float(last.dep_ == "poss" or last.tag_ == "POS" or any(
            c.tag_ == "POS" for c in last.children)),
        "same_paragraph": float("\n" not in gap),
        "topic": float(cand.key == topic),
        "rule": float(cand.key == rule_key),
        f"gender={'fits' if fits else 'conflict' if fits is None else 'no'}": 1.0,
    }
    return out


def topic_key(parsed: Any, people: Iterable[Any] | None = None) -> str | None:
    """The person named first in the article (news leads name the story's subject first);
    ``people``: :func:`entity_heads` of ``parsed`` when the caller has them."""
    heads = entity_heads(parsed) if people is None else people
    return next((_key(h) for h in heads), None)


@cache
def load_weights() -> dict[str, Any]:
    """The shipped weights (``{"weights": {feature: w}, "threshold": p}``)."""
    text = (files("diurna.statements") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def score(feats: dict[str, float], weights: dict[str, float]) -> float:
    """The model's probability that the candidate is the one the pronoun stands for."""
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def last_speaker_before(pronoun: Any, ctx: Context) -> str | None:
    """The last word of the last person before ``pronoun`` who was the subject of a speech verb."""
    best = max((i for i in ctx.speakers if i < pronoun.i), default=None)
    return _key(pronoun.doc[best]) if best is not None else None


def choose(pronoun: Any, ranked: list[tuple[Candidate, dict[str, float]]],
           weights: dict[str, Any] | None = None) -> Any | None:
    """The head token of the person "he"/"she" (``pronoun``) most likely stands for among
    ``ranked`` (:func:`ranked_candidates`), or None when no candidate whose gender may fit
    reaches the model's threshold (then the pronoun is left as it is)."""
    model = weights or MODEL or load_weights()
    best: tuple[float, Any] | None = None
    for cand, feats in ranked:
        if gender_fits(pronoun, cand.last) is False:
            continue
        p = score(feats, model["weights"])
        if best is None or p > best[0]:
            best = (p, cand.last)
    if best is None or best[0] < float(model["threshold"]):
        return None
    return best[1]


def same_person(a: Any, b: Any) -> bool:
    """Two head tokens name the same person (the same last word)."""
    return _key(a) == _key(b)


def ranked_candidates(pronoun: Any, ctx: Context, rule_head: Any | None,
                      extra_heads: Iterable[Any] = ()) -> list[tuple[Candidate, dict[str, float]]]:
    """Every candidate of ``pronoun`` with its features, most recent first (the training script
    labels these by the gold speaker)."""
    heads = ctx.entity_heads(pronoun.doc)
    cands = candidates(pronoun, extra_heads, people=heads)
    rule_key = _key(rule_head) if rule_head is not None else None
    speaker = last_speaker_before(pronoun, ctx)
    topic = topic_key(pronoun.doc, heads)
    return [(c, features(pronoun, c, rank, ctx, rule_key, speaker, topic))
            for rank, c in enumerate(cands)]
