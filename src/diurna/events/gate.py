"""The relevance gate: which sentences the learned coder reads on pages that are not news of
public life.

The rule coder judges each page first (:meth:`diurna.events.coder._DocCoder._political_news`:
the density of public-sector actors); on a page it calls not political (sports, culture,
business, science, recipes) it keeps only acts with a *public* party (a state, a public body,
"police": ``_DocCoder._public``). The learned coder did not follow that rule: it read every
sentence of such pages with its MLP and its tagger (the costliest step of the events stage, one
ONNX call per sentence) and kept what they decided, so "Remove the jars from the boiling water"
became a COERCE and "Kukushkin had beaten van de Zandschulp" an ASSAULT. The gate reads only the
sentences of those pages where a party can be found; the others give no learned event.

Kinds (``Pipeline.default(gate=...)``, ``diurna process --gate``):

- ``actors`` (default): on pages that are not political news, only sentences that hold a rule
  event, a word whose mention is a party the actor dictionary codes outside business (public
  bodies, and also journalists, civilians, named officials), a state or people by its entity
  type, a noun of ``political_nouns``, or lie in a quotation whose speaker is such a party.
  A body or person the actors stage left uncoded counts when its name says what it is: a word
  of an organisation's name ("University of Kansas", "Texas Education Agency") or a title before
  a personal name ("Professor Mirecki", "Attorney Eastman") that is a political noun or a role
  word of the actor dictionary outside business (round 20c, docs/events-learned.md): of the
  dictionary the actors stage reads, with the user's own files (round 21).
  Political pages and short texts (which the coder does not judge) are read in full.
- ``parties``: the same with public parties only (the rule coder's own test, stricter: on the
  Wikinews training gold it lost 16 true events to ``actors``' 11).
- ``off``: every sentence is read (the output of earlier rounds).

Effect on the 115 development pages and the gold: docs/scale.md (round 16).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from diurna.actors.dictionary import ActorDictionary
from diurna.events.coder import _DocCoder
from diurna.model import Event, Mention
from diurna.pipeline import GATES

# Parts of speech whose word can be, or point to, an event's party ("Russia", "police", "they",
# "Russian" in "the Russian and Syrian ministries").
PARTY_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ"})
# Named-entity types that may resolve to a public party even where the actors stage listed none.
PUBLIC_ENTS = frozenset({"GPE", "NORP"})

# (coder, rule events by head token) -> start tokens of the sentences to read, or None for all.
SentenceGate = Callable[[_DocCoder, dict[int, Event]], "set[int] | None"]


def read_all(coder: _DocCoder, rule_at: dict[int, Event]) -> set[int] | None:
    """The ``off`` gate: every sentence is read."""
    return None


def party_sentences(coder: _DocCoder, rule_at: dict[int, Event]) -> set[int] | None:
    """The ``parties`` gate: every sentence on political pages (``None``), else the start
    tokens of the sentences where a public party can be found (see the module's docstring)."""
    return _sentences_with(coder, rule_at, coder._public)


def actor_sentences(coder: _DocCoder, rule_at: dict[int, Event]) -> set[int] | None:
    """The ``actors`` gate: as ``parties``, with any party the actor dictionary codes outside
    business (journalists, civilians, a named official) counted as well as public ones."""
    def coded(m: Mention) -> bool:
        return coder._public(m) or (m.actor is not None and m.actor.sector != "BUS")
    return _sentences_with(coder, rule_at, coded)


def _sentences_with(coder: _DocCoder, rule_at: dict[int, Event],
                    party: Callable[[Mention], bool]) -> set[int] | None:
    """Every sentence on political pages (``None``), else those that may hold a ``party``."""
    if coder.political_news:
        return None
    public_quotes = [(q.start, q.end) for q in coder.quotes
                     if q.speaker is not None and party(q.speaker)]
    return {sent.start for sent in coder.parsed.sents
            if _may_hold_party(coder, sent, rule_at, public_quotes, party)}


def _may_hold_party(coder: _DocCoder, sent: Any, rule_at: dict[int, Event],
                    public_quotes: list[tuple[int, int]],
                    party: Callable[[Mention], bool]) -> bool:
    """Whether an event coded in ``sent`` could have a public party: a rule event is in it
    (those already passed the coder's check), a quotation with a public speaker overlaps it
    (speech acts take the speaker as actor), a word's mention is public, or a noun can take
    the parties of an earlier event."""
    start, end = sent.start_char, sent.end_char
    if any(s < end and start < e for s, e in public_quotes):
        return True
    # The word tests are an "any" over the sentence, so their order does not change the answer:
    # the cheap ones run over every word first, and a word's mention (the actor resolver, ~40
    # times the cost) is looked up only in sentences where none of them holds.
    words = []
    for tok in sent:
        if tok.i in rule_at or tok.ent_type_ in PUBLIC_ENTS:
            return True
        if tok.pos_ not in PARTY_POS:
            continue
        if _named_body(coder, tok):
            return True
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in coder.political_nouns:
            return True
        words.append(tok)
    for tok in words:
        m = coder.mention(tok)
        if m is not None and party(m):
            return True
    return False


def _named_body(coder: _DocCoder, tok: Any) -> bool:
    """``tok`` is a word of an organisation's name or a title before a personal name that says
    the party is a body of public or civil life ("University" of Kansas, "Agency", "Professor"
    Mirecki). The actors stage codes such names only when its dictionary lists them, and a name
    without a country gets no code; a company or team name holds no such word, so the gate
    still skips sports and business pages."""
    if tok.pos_ != "PROPN" or not (tok.ent_type_ == "ORG" or (
            tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON")):
        return False
    word = tok.lemma_.lower()
    return word in coder.political_nouns or word in _civil_roles(coder.dictionary)


# The role words of the last few dictionaries read, by identity (a dictionary is mutable, so not
# hashable); each entry keeps its dictionary, so an id is not reused while it is stored.
_ROLE_WORDS: dict[int, tuple[ActorDictionary, frozenset[str]]] = {}


def _civil_roles(dictionary: ActorDictionary | None = None) -> frozenset[str]:
    """Role words of the actor dictionary whose sector is not business ("university",
    "professor", "court", "commission"), lower-cased: of ``dictionary``, the one the pipeline's
    actors stage reads with the user's own files (``--actors``, ``Pipeline.default(actor_files=
    ...)``), or of the built-ins and ``$DIURNA_ACTORS`` when None."""
    if dictionary is None:
        return _default_civil_roles()
    got = _ROLE_WORDS.get(id(dictionary))
    if got is None or got[0] is not dictionary:
        if len(_ROLE_WORDS) >= 8:
            _ROLE_WORDS.clear()
        got = (dictionary, _role_words(dictionary))
        _ROLE_WORDS[id(dictionary)] = got
    return got[1]


@cache
def _default_civil_roles() -> frozenset[str]:
    """:func:`_civil_roles` of the built-ins and ``$DIURNA_ACTORS`` (read once)."""
    return _role_words(ActorDictionary.load())


def _role_words(dictionary: ActorDictionary) -> frozenset[str]:
    return frozenset(phrase.lower() for phrase, role in dictionary.roles.items()
                     if role.sector != "BUS")


def sentence_gate(kind: str) -> SentenceGate:
    """The gate function named ``kind`` (one of :data:`GATES`)."""
    if kind not in GATES:
        raise ValueError(f"unknown gate {kind!r}; choose one of {', '.join(GATES)}")
    return {"parties": party_sentences, "actors": actor_sentences}.get(kind, read_all)


def gate_name(gate: SentenceGate | None) -> str:
    """The kind (one of :data:`GATES`) of a gate function, ``off`` for none; what
    :func:`diurna.batch.coder_version` records. A gate of the user's own is named by its
    function, so a store coded with it is told apart from the built-in kinds."""
    if gate is None or gate is read_all:
        return "off"
    if gate is party_sentences:
        return "parties"
    if gate is actor_sentences:
        return "actors"
    return str(getattr(gate, "__qualname__", type(gate).__name__))
