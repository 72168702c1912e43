"""The learned event coder: a trained token classifier decides which words report which PLOVER type;
the rule coder's machinery supplies arguments, status and negation.

Why a hybrid: eight rounds of hand rules reached 0.81 type F1 on the text they were written from
but 0.43 on unseen news, barely above a keyword lookup. Deciding *whether and what* a word reports
needs evidence that generalises (the word's meaning, its syntax, the rules' own opinion), which a
classifier weighs from annotated data; *who did it to whom, and is it claimed* is syntax the rules
read well (actor and recipient agree with annotators at 0.84/0.72 even on the test set).

For every candidate token (a verb, noun, adjective, or any token the rules fired on) the model sees:
sparse features of the token and its syntactic neighbourhood, the trigger lexicon's types for its
lemma, the rule coder's decision on it, and dense vectors (spaCy's contextual tensor and static
word vectors distilled from all-MiniLM-L6-v2, see :mod:`diurna.events.train`). A one-hidden-layer
network gives a distribution over ``NONE`` and the 17 types. Inference is a few NumPy products;
the weights (``data/learned/``) are trained by ``python -m diurna.events.train``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from diurna.actors.dictionary import ActorDictionary
from diurna.events.coder import (
    OBJECT_CONTROL_VERBS,
    VERBAL_HEAD_TYPES,
    EventCoder,
    _DocCoder,
    _Draft,
    kind_of_act,
    refuses_comment,
    refuses_entry,
    renumbered,
    weapon_mode,
)
from diurna.events.gate import SentenceGate
from diurna.events.heads import candidate, trigger_head
from diurna.events.ontology import Ontology
from diurna.events.readings import DEFAULT_READINGS, with_readings
from diurna.intervals import in_ranges, merged_ranges
from diurna.model import Document, Event, Mention, actor_code

MODEL_DIR = Path(__file__).parent / "data" / "learned"
NONE = "NONE"
# With the fine-tuned tagger's files beside the weights (``tagger.onnx``), the two models'
# distributions are averaged with this weight on the tagger's, and a word is coded when the
# averaged P(NONE) is below BLEND_THRESHOLD. Chosen on gold/events-wikinews-dev.jsonl (type F1:
# MLP alone 0.512, tagger alone 0.478, blend 0.559; weights 0.4-0.6 and thresholds 0.7-0.8 all
# gave 0.54-0.56). docs/events-learned.md. The shipped data/learned/combiner.json overrides the
# threshold with 0.75 (round 22c, chosen on dev3-5); this default holds for a weight folder
# without a combiner.json.
BLEND = 0.5
BLEND_THRESHOLD = 0.8
# The tagger reads only sentences where the MLP gives some word P(NONE) below this (a cascade:
# the cheap model picks the sentences, the contextual one reads them).
# On Wikinews dev: no gate 0.556, lexicon gate 0.559, 0.95 0.564, 0.9 0.553, 0.8 0.534, 0.7 0.510.
BLEND_GATE = 0.95
# A word the rule coder coded is kept while the blended P(NONE) is below this (other words need
# BLEND_THRESHOLD): the rules' own evidence counts for something. On Wikinews dev (round 14)
# 0.8 / 0.85 / 0.9 / 0.95 / 1 (every rule event kept) gave type F1 0.580 / 0.577 / 0.587 /
# 0.589 / 0.572 and status on matched events 0.902 / 0.905 / 0.907 / 0.898 / 0.899: 0.9 is the
# best that keeps status at least the rules' (0.900).
RULE_THRESHOLD = 0.9
# Dependents whose word is a feature of its own (the rest contribute only their relation).
WORD_DEPS = frozenset({"aux", "auxpass", "neg", "prep", "prt", "mark", "det", "advmod", "acomp"})
ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def rule_heads(parsed: Any, events: list[Event]) -> dict[int, Event]:
    """The rule coder's events by the index of their trigger's head token (:func:`trigger_head`;
    the first event wins a shared head)."""
    at: dict[int, Event] = {}
    for ev in events:
        head = trigger_head(parsed, ev.trigger.start, ev.trigger.end)
        if head is not None:
            at.setdefault(head.i, ev)
    return at


def listed(onto: Ontology, lemma: str, etype: str) -> bool:
    """Whether the trigger lexicon lists ``lemma`` (any part of speech) for ``etype``."""
    return any(t.type == etype for index in (onto.verbs, onto.nouns, onto.adjectives)
               for t in index.get(lemma, ()))


# A statement whose cue asks or tells its addressee to act is itself the speaker's act toward the
# addressee (docs/annotation-events.md: urge, ask, appeal, invite -> REQUEST; call on, demand ->
# DEMAND): "persuaded Nicole Kidman to visit Israel", "told the army to withdraw", "demanded that
# the troops leave". Verbs that make or let someone act (force, allow) and warnings are left out:
# those are other types, whose statements frame the event they report.
DIRECTIVE_TYPES = frozenset({"REQUEST", "DEMAND"})
DIRECTIVE_VERBS = (OBJECT_CONTROL_VERBS - {"permit", "allow", "force", "compel", "warn"}) | {
    "demand", "request", "appeal", "plead", "insist", "beseech", "petition", "exhort", "entreat",
    "recommend", "propose", "suggest"}


def directive_cue(tok: Any, etype: str) -> bool:
    """Whether ``tok``, decided as ``etype``, asks or tells someone to act: a REQUEST or DEMAND on a
    verb of :data:`DIRECTIVE_VERBS` with an infinitive or clause complement ("persuaded X to
    visit", "demanded that X leave"). Such a word is the act of asking, not a frame around the
    act asked for (:func:`frames_another`)."""
    return (etype in DIRECTIVE_TYPES and tok.pos_ == "VERB"
            and tok.lemma_.lower() in DIRECTIVE_VERBS
            and any(_act_asked(c) for c in tok.children))


# Auxiliaries of a clause that asks for an act ("insisted that they should leave").
MANDATIVE_AUX = frozenset({"should", "must", "shall", "to"})


def _act_asked(clause: Any) -> bool:
    """Whether a complement names an act to be done, not a fact: an infinitive ("to visit"), a
    for-infinitive (:func:`for_infinitive`: "called for Romney to meet") or a clause in the bare or
    modal form ("that the troops leave", "that he should resign"); "suggested that the government
    was heading toward annihilation" states a fact."""
    if clause.dep_ == "xcomp" or for_infinitive(clause):
        return True
    return clause.dep_ == "ccomp" and (clause.tag_ == "VB" or _subjunctive_present(clause) or any(
        (c.dep_ in {"aux", "auxpass"} and c.lower_ in MANDATIVE_AUX)
        or (c.dep_ == "auxpass" and c.lower_ == "be") for c in clause.children))


def for_infinitive(clause: Any) -> bool:
    """Whether ``clause`` is an infinitive with its own subject introduced by "for" ("called for
    Romney to meet", "asks for the employees to be handed over", "calling for troops to be
    withdrawn"). The parser attaches it to the verb as an adverbial clause (``advcl``, "for" its
    ``mark``), not as the complement (``xcomp``) a plain infinitive gets, but it is the same act
    asked for. Round 21 (docs/events-learned.md): the demanded act came out as an event of its
    own on two of the three blind development sets (dev4, dev5)."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _subjunctive_present(verb: Any) -> bool:
    """"suggested that **he resign**": a bare verb after a singular subject, which the tagger
    gives as a plural present (VBP); only the subjunctive has that form there."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.tag_ == "VBP" and subj is not None and (
        subj.lower_ in {"he", "she", "it"} or subj.tag_ in {"NN", "NNP"})


def frames_another(tok: Any, etype: str, decided: dict[int, str],
                   cues: list[tuple[int, int]]) -> bool:
    """Whether ``tok`` only frames another decided event instead of reporting one of its own:
    a speech verb whose reported clause holds the event ("claimed that it had foiled an
    attack", "stressed that the deployment is approved"), or a verb whose direct object is an
    event of another type ("launch another attack", "launched an offensive"). (Open
    complements too, "trying to pressure", was tried in round 15: on Wikinews dev it dropped one
    true event and no false one.)"""
    is_cue = any(start <= tok.idx < end for start, end in cues)
    # a request or demand is the act of asking even when the statements stage reads it as a
    # statement's cue ("persuaded Nicole Kidman to visit Israel" is a REQUEST), unless what it
    # frames is itself the demand ("suggested that he should restrict himself")
    directive = directive_cue(tok, etype)
    for child in tok.children:
        other = decided.get(child.i)
        if other is None:
            continue
        if is_cue and child.dep_ in {"ccomp", "xcomp"} and not (
                directive and other not in DIRECTIVE_TYPES):
            return True
        if child.dep_ == "dobj" and other != etype:
            return True
    return False


def drop_frames(doc: Document, decided: dict[int, str], rule_at: dict[int, Event],
                onto: Ontology) -> dict[int, str]:
    """``decided`` without the words that only frame another decided event
    (:func:`frames_another`). Only words the classifier alone decided, on a type the trigger
    lexicon does not list them for, are judged: the rules' events and lexicon triggers ("demand
    an investigation", "condemned the attack") are events of their own.

    Why: the classifier codes reporting and support verbs from their context - the event they
    report or carry - so one act came out twice, once on its frame as noise ("claimed" as
    ACCUSE, "launch" as THREATEN). On Wikinews dev this drops 3 false events and no true one."""
    parsed = doc.nlp
    cues = [(q.cue.start, q.cue.end) for q in doc.quotes if q.cue is not None]
    return {i: etype for i, etype in decided.items()
            if i in rule_at or listed(onto, parsed[i].lemma_.lower(), etype)
            or not frames_another(parsed[i], etype, decided, cues)}


def asked_for(doc: Document, decided: dict[int, str]) -> dict[int, str]:
    """``decided`` without the act a decided request or demand asks for (:func:`directive_cue`):
    "persuaded Nicole Kidman to **visit** Israel" is one REQUEST whose content is the visit
    (its mode, when the ontology has one), not a visit of its own, and not one ``claimed`` by
    the speaker either: nothing says it happened. The rule steps follow the same convention for
    the verbs the trigger lexicon lists (``_DocCoder._governed``); this extends it to the
    directives only the classifier codes ("persuaded", "told X to")."""
    parsed = doc.nlp
    heads = {i for i, etype in decided.items() if directive_cue(parsed[i], etype)}
    if not heads:
        return decided
    # a demand inside the asked-for clause is its own trigger ("said he should restrict himself")
    return {i: etype for i, etype in decided.items()
            if etype in DIRECTIVE_TYPES or _asking(parsed[i], heads) is None}


def _asking(tok: Any, heads: set[int]) -> int | None:
    """The index in ``heads`` whose asked-for act (:func:`_act_asked`: an ``xcomp``, a ``ccomp``
    in the bare or modal form, or a for-infinitive; through coordinated verbs: "to visit and
    invest") ``tok`` heads, if any."""
    node = tok
    for _ in range(4):
        if node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            continue
        if node.head.i in heads and _act_asked(node):
            return int(node.head.i)
        return None
    return None


def inside_triggers(doc: Document, decided: dict[int, str],
                    rule_at: dict[int, Event]) -> dict[int, str]:
    """``decided`` without the classifier-only words that lie inside the trigger of another
    decided rule event ("leave" in "have to leave", "withdraw" in "needs to withdraw": the
    demanded act is the DEMAND's content, not an act of its own). One word, one event: the
    rules already read the whole phrase as one trigger."""
    spans = [(ev.trigger.start, ev.trigger.end, i) for i, ev in rule_at.items() if i in decided]
    parsed = doc.nlp
    return {i: etype for i, etype in decided.items()
            if i in rule_at or not any(start <= parsed[i].idx < end and j != i
                                       for start, end, j in spans)}


def clause_mode(tok: Any, etype: str, onto: Ontology) -> str | None:
    """The mode the demanded, offered or refused clause of ``tok`` names by its verb ("called on
    the US to withdraw" -> DEMAND/withdraw; a for-infinitive too, "called for Romney to meet" ->
    DEMAND/meet) or its "for" object ("called for an end to the violence"), for the types whose
    content is such a clause (``VERBAL_HEAD_TYPES``); ``None`` otherwise."""
    if etype not in VERBAL_HEAD_TYPES:
        return None
    lemmas = {c.lemma_.lower() for c in tok.children
              if c.dep_ in {"xcomp", "ccomp"} or for_infinitive(c)}
    lemmas |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
               for g in c.children if g.dep_ == "pobj"}  # "called for an end to the violence"
    return onto.mode_from_cues(etype, lemmas) if lemmas else None


def with_clause_modes(doc: Document, decided: dict[int, str],
                      modes: dict[int, str | None], onto: Ontology) -> dict[int, str | None]:
    """``modes`` where the mode head gave no mode but the clause's verb names one
    (:func:`clause_mode`). Why: the head says "no mode" for most DEMANDs it reads, losing
    "withdraw" on "called on the US to withdraw"; keeping every rule mode instead dropped dev
    mode accuracy (0.783 -> 0.651), because the rules' modes from objects and modifiers are
    often wrong, while a demanded clause's own verb is direct evidence."""
    out = dict(modes)
    for i, etype in decided.items():
        if out.get(i) is None:
            mode = clause_mode(doc.nlp[i], etype, onto)
            if mode is None and etype == "ASSAULT":
                # the weapon its clause names ("a suicide bomber has killed"): the head leaves
                # it empty on half the attacks of the unseen sets (docs/events-learned.md, 21b)
                mode = weapon_mode(doc.nlp[i], onto)
            if mode is not None:
                out[i] = mode
    return out


# Types a statement's own words can perform: the speaker accuses or backs someone by saying them.
EVALUATION_TYPES = frozenset({"ACCUSE", "SUPPORT"})


def _same_party(a: Mention, b: Mention) -> bool:
    """The same words, or the same coded actor (an empty code is none: two parties built
    without one are not one, :func:`diurna.model.actor_code`)."""
    if (a.start, a.end) == (b.start, b.end):
        return True
    return actor_code(a) is not None and actor_code(a) == actor_code(b)


def as_speakers_act(doc: Document, tok: Any, event: Event) -> Event:
    """``event`` (an ACCUSE or SUPPORT the classifier alone found on a word the lexicon does
    not list for it) as the act of the statement's speaker when the word lies in a statement
    ("Hagan says that Dole has 'crossed the line'" -> Hagan accuses Dole): the speaker is the
    actor, the parties the words are about the recipients, and the act is ``asserted`` - the
    speech act is reported as fact (docs/annotation-events.md, section 5). The rule steps read
    such a word as a verb of its own ("Dole crossed"), with its subject as actor and the
    statement's status, ``claimed``: wrong on both counts for all 3 such events on Wikinews dev
    that match a gold event (dev status on matched events 0.867 -> 0.904)."""
    quote = next((q for q in doc.quotes if q.start <= tok.idx < q.end), None)
    if quote is None or quote.speaker is None or (
            quote.cue is not None and quote.cue.start <= tok.idx < quote.cue.end):
        return event
    speaker = quote.speaker
    if any(_same_party(a, speaker) for a in event.actors):
        return event
    about = [m for m in event.actors if m.actor is not None] or [
        m for m in event.recipients if not _same_party(m, speaker)]
    return replace(event, actors=[speaker], recipients=about, status="asserted", source=None)


def speakers_acts(doc: Document, decided: dict[int, str], events: list[Event],
                  rule_at: dict[int, Event], onto: Ontology) -> list[Event]:
    """``events`` (one per decided word, in word order, as ``_DocCoder.recode`` gives them) with
    the classifier-only evaluations in statements read as the speaker's acts
    (:func:`as_speakers_act`)."""
    out = []
    for i, event in zip(sorted(decided), events, strict=True):
        tok = doc.nlp[i]
        if event.type in EVALUATION_TYPES and i not in rule_at and not listed(
                onto, tok.lemma_.lower(), event.type):
            event = as_speakers_act(doc, tok, event)
        out.append(event)
    return out


def rules_refuse(coder: _DocCoder, tok: Any, etype: str, cands: Candidates) -> bool:
    """Whether the rule steps match ``tok`` as a trigger of ``etype`` and then judge that it
    reports no particular act (``_DocCoder._occurrence``: a demanded, prevented, hypothetical,
    habitual or purpose act, "neither confirmed nor denied", a back-reference ...). Those
    conventions are the guideline's, and the classifier, which sees only the words, overrides
    them: on Wikinews dev, vetoing them drops 6 false events and 1 true one (type F1 0.572 ->
    0.580)."""
    got = coder.match(tok)
    if got is None or got[0].type != etype:
        return False
    return not coder._occurrence(_Draft(tok, got[0], got[1], etype), cands.rule_events)


def moved_to_verb(coder: _DocCoder, doc: Document, decided: dict[int, str],
                  cands: Candidates) -> dict[int, str]:
    """``decided`` with a classifier-only event noun that the rules leave to the verb coding
    the same act (``_DocCoder.coding_verb``: "The drone strike killed a commander", "tariffs
    have been imposed on X") moved onto that verb, when the verb is not decided itself.

    Why: the rules' veto (:func:`rules_refuse`) drops such a noun because the verb carries the
    act, but the models may propose the noun and not the verb, and then the act had no word at
    all (round 60). On the verb the rule steps read its parties (the one killed, the owner of
    the weapon); a verb decided with another type keeps today's reading."""
    moved: dict[int, int] = {}
    for i, etype in decided.items():
        if i in cands.rule_at:
            continue
        tok = doc.nlp[i]
        got = coder.match(tok)
        if got is None or got[0].type != etype or got[0].pos != "noun":
            continue
        verb = coder.coding_verb(tok, etype)
        if verb is not None and verb.i not in decided and verb.i not in moved.values():
            moved[i] = verb.i
    if not moved:
        return decided
    out = {moved.get(i, i): etype for i, etype in decided.items()}
    return dict(sorted(out.items()))


def _carried(tok: Any) -> list[Any]:
    """The words a verb carries as its content: object, complement, prepositional objects, and
    the predicate of its clausal complement ("ruled that the prorogation was unlawful")."""
    out = []
    for c in tok.children:
        if c.dep_ in {"dobj", "attr", "oprd", "acomp", "xcomp"}:
            out.append(c)
        elif c.dep_ == "prep":
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "ccomp":
            out.append(c)
            out.extend(g for g in c.children if g.dep_ in {"acomp", "attr"})
    return out


def _primary(mentions: list[Mention]) -> str | None:
    """The country (or group) prefix of the first coded party, if any."""
    return next((m.actor.cameo[:3] for m in mentions if m.actor is not None), None)


def _two_acts(a: Event, b: Event) -> bool:
    """Whether the parties show two acts: different coded actors, or one's recipient is the
    other's actor ("jets were shot down while attacking Georgia")."""
    actor_a, actor_b = _primary(a.actors), _primary(b.actors)
    if actor_a is not None and actor_b is not None and actor_a != actor_b:
        return True
    recip_a, recip_b = _primary(a.recipients), _primary(b.recipients)
    return (recip_a is not None and recip_a == actor_b) or (
        recip_b is not None and recip_b == actor_a)


def _linked(tok: Any, other: Any) -> bool:
    """Whether two words are one clause's parts: one carries the other (:func:`_carried`) or
    one is the other's direct dependent other than a coordinated one ("a car bomb exploded ...,
    killing 14", "the strike that killed"); coordinated verbs are separate acts."""
    if other in _carried(tok) or tok in _carried(other):
        return True
    return (tok.head.i == other.i and tok.dep_ != "conj") or (
        other.head.i == tok.i and other.dep_ != "conj")


def _governor(tok: Any) -> Any:
    """The word ``tok`` depends on, through the preposition for a prepositional object ("a
    civilian was injured by a bomb": the bomb's governor is "injured", not "by")."""
    if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent"} and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok.head


def one_act_per_clause(doc: Document, decided: dict[int, str], events: list[Event],
                       rule_at: dict[int, Event]) -> list[Event]:
    """``events`` (one per decided word, in word order) without a classifier-only event that
    repeats a linked event of its type (:func:`_linked`) when the parties do not show two acts
    (:func:`_two_acts`): "held talks", "carried out strikes", "launched a military operation",
    "a car bomb exploded ..., killing 14 people" are one act each. The rules' event is kept;
    between two classifier-only ones, the one higher in the parse. "The coalition foiled an
    attack of the Iranian-backed forces" stays two acts (two actors). Event ids are renumbered.

    Why: the classifier judges each word alone, so one act came out on its verb, its noun and
    its result at once (on the seed page and on hand-checked sentences of tests/events). A
    prepositional object counts as its governor's dependent ("injured by a bomb": the bomb is how
    the injuring was done; round 20: 12 false events gone on the Wikinews files, no true one)."""
    parsed = doc.nlp
    by_tok = dict(zip(sorted(decided), events, strict=True))
    drop: set[int] = set()
    for i, event in by_tok.items():
        if i in rule_at:
            continue
        for j, other in by_tok.items():
            if j == i or j in drop or other.type != event.type:
                continue
            if j not in rule_at and _governor(parsed[j]).i != i and _governor(parsed[i]).i != j:
                continue  # two classifier-only words: only a head and its dependent
            if j not in rule_at and _governor(parsed[j]).i == i:
                continue  # keep the head: the dependent is the one dropped
            if (_linked(parsed[i], parsed[j]) or _governor(parsed[i]).i == j) \
                    and not _two_acts(event, other):
                drop.add(i)
                break
    if not drop:
        return events
    kept = [event for i, event in by_tok.items() if i not in drop]
    return renumbered(doc, kept)


# Words that open an indirect or quoted question ("asked why", "asked them what had happened").
QUESTION_WORDS = frozenset({"what", "why", "how", "when", "where", "who", "whom", "whose",
                            "which"})


def asks_question(tok: Any) -> bool:
    """Whether ``tok``, a form of "ask", asks a question rather than for an act or a thing: its
    complement is a clause opened by a question word ("asked Commissioner Henriksson why the
    page was censored", 'asked another officer, "What are you guys doing ...?"') or by "if" /
    "whether" straight after the verb or its addressee ("was asked if he could name ..."; not
    "asked that the senate vote ..., if the amendment is passed", a condition)."""
    if tok.lemma_.lower() != "ask":
        return False
    for c in tok.children:
        if c.dep_ not in {"ccomp", "parataxis", "dobj"}:
            continue
        words = [t for t in c.subtree if not t.is_punct]
        if not words:
            continue
        first = words[0]
        if first.lower_ in QUESTION_WORDS:
            return True
        if first.lower_ in {"if", "whether"} and first.dep_ == "mark" and not any(
                t.is_punct for t in tok.doc[tok.i + 1:first.i]):
            return True
    return False


def failed_act(tok: Any) -> bool:
    """Whether ``tok`` is the act a verb of failing governs ("talks failed to reach an
    agreement", "has failed to deflect calls for his resignation"): it did not happen."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "fail"


def non_act(tok: Any, etype: str) -> bool:
    """Whether an event of ``etype`` headed by ``tok`` reports no act of its type: a kind of act
    (:func:`kind_of_act`), a failed act (:func:`failed_act`) or a question read as a REQUEST
    (:func:`asks_question`), or a refusal to comment read as a REJECT
    (:func:`diurna.events.coder.refuses_comment`)."""
    return (kind_of_act(tok) or failed_act(tok) or (etype == "REQUEST" and asks_question(tok))
            or (etype == "REJECT" and refuses_comment(tok)))


def acts_only(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` without those that report no act of their type (:func:`non_act`), whoever
    coded them: the rule steps and the classifier both code "FARC activities include
    kidnappings", "asked why ..." and "failed to reach an agreement". Event ids are renumbered.

    Why (round 20, docs/events-learned.md): read from the errors on the two development sets
    annotated blind (dev3, dev4); over the Wikinews training, development and unseen files the
    three conventions drop 19 false events and no true one. A refusal to comment (round 20b,
    brief 12H) drops 5 more, again no true one."""
    parsed = doc.nlp
    kept = []
    for event in events:
        head = trigger_head(parsed, event.trigger.start, event.trigger.end)
        if head is None or not non_act(head, event.type):
            kept.append(event)
    if len(kept) == len(events):
        return events
    return renumbered(doc, kept)


APOLOGY = frozenset({"apologize", "apologise", "apology"})


def settled_types(doc: Document, events: list[Event], onto: Ontology) -> list[Event]:
    """``events`` with two types the guideline settled in session 20 and the classifier learned
    the other way or cannot see: an apology is SUPPORT, not CONCEDE (CAMEO 055 sits under 05,
    and the training gold said CONCEDE until then), and a state refusing a person entry
    (:func:`diurna.events.coder.refuses_entry`) is COERCE ``restrict``, not REJECT
    (docs/annotation-events.md §3; docs/events-learned.md, round 20b)."""
    out = []
    for event in events:
        head = trigger_head(doc.nlp, event.trigger.start, event.trigger.end)
        if head is not None and event.type == "CONCEDE" and head.lemma_.lower() in APOLOGY:
            event = replace(event, type="SUPPORT", mode=None, cameo=onto.cameo("SUPPORT", None))
        elif head is not None and event.type == "REJECT" and refuses_entry(head):
            event = replace(event, type="COERCE", mode="restrict",
                            cameo=onto.cameo("COERCE", "restrict"))
        out.append(event)
    return out


# Verbs whose reported clause (``ccomp``) retells rather than reports (:func:`told_again`), and
# the dependency relations of a clause that only qualifies another word.
REPORTING_VERBS = frozenset({"say", "tell", "claim", "report", "announce", "add", "state",
                             "believe", "think", "allege"})
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp"})
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "me",
                      "you", "his", "its", "their", "our"})


def retold(tok: Any, event: Event) -> bool:
    """Whether ``event`` (headed by ``tok``) is told as hearsay or background rather than as the
    news: claimed by someone, inside a reported clause, or in a clause that only qualifies
    another word ("the man who was kidnapped", "after being released")."""
    return (event.status == "claimed" or tok.dep_ in SUBORDINATE_DEPS
            or (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING_VERBS))


def _named(m: Mention | None) -> str:
    """A party or source as compared here: its coded actor, else its words ("" for none or a
    pronoun, which may be anyone already named)."""
    if m is None:
        return ""
    if m.actor is not None:
        return m.actor.cameo
    text = m.text.lower()
    return "" if text in PRONOUNS else text


def _other_target(a: Event, b: Event) -> bool:
    """Whether two events of one type are two tellings the guideline counts apart: the parties
    show two acts (:func:`_two_acts`), or the recipients or the reporting sources differ
    (docs/annotation-events.md §2: a new speaker or target is a new event)."""
    if _two_acts(a, b):
        return True
    recip_a, recip_b = _primary(a.recipients), _primary(b.recipients)
    if recip_a is not None and recip_b is not None and recip_a != recip_b:
        return True
    return any(x and y and x != y for x, y in ((_named(a.recipient), _named(b.recipient)),
                                               (_named(a.source), _named(b.source))))


def told_again(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` without a retelling: an event told as hearsay or background (:func:`retold`)
    whose trigger word (its lemma) already headed an event of its type in an earlier sentence
    of the document, unless the parties or the speaker show another telling
    (:func:`_other_target`: "officers also arrested Tays" after an arrest of someone else).
    Event ids are renumbered.

    Why: the Wikinews guideline codes an act once, where it is first reported
    (docs/annotation-events.md §2, §15); later sentences retell it ("Johnston was kidnapped" ...
    "reports that he had been kidnapped"), and neither model sees the earlier sentences. The
    conditions were chosen on the training gold (gold/events-wikinews-train.jsonl) and checked
    on dev; ``bench/retellings.py`` prints both, and docs/events-learned.md ("Round 16") the
    cost on the older gold files, whose guideline codes retellings."""
    parsed = doc.nlp
    heads = [(e, trigger_head(parsed, e.trigger.start, e.trigger.end)) for e in events]
    kept: list[Event] = []
    for event, tok in heads:
        if tok is not None and retold(tok, event) and any(
                h is not None and h.lemma_.lower() == tok.lemma_.lower()
                and other.type == event.type and other.sentence.end <= event.sentence.start
                and not _other_target(other, event) for other, h in heads):
            continue
        kept.append(event)
    if len(kept) == len(events):
        return events
    return renumbered(doc, kept)


@dataclass
class Vectors:
    """Static word vectors (lower-cased word or lemma -> row), reduced to a few dimensions."""

    index: dict[str, int]
    table: np.ndarray  # (words, dims) float32

    def get(self, word: str) -> np.ndarray:
        """The vector of ``word`` (lower-cased); zeros for a word the table lacks."""
        row = self.index.get(word.lower())
        return self.table[row] if row is not None else np.zeros(self.table.shape[1], np.float32)


def dense_features(tok: Any, vectors: Vectors) -> np.ndarray:
    """The token's contextual tensor row and the static vectors of its lemma, head and object."""
    tensor = tok.doc.tensor
    ctx = tensor[tok.i] if tensor is not None and tensor.shape[0] > tok.i else np.zeros(96)
    obj = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr"}), None)
    if obj is None:
        obj = next((g for c in tok.children if c.dep_ == "prep" for g in c.children
                    if g.dep_ == "pobj"), None)
    words = [vectors.get(tok.lemma_), vectors.get(tok.lower_), vectors.get(tok.head.lemma_),
             vectors.get(obj.lemma_) if obj is not None else vectors.get("")]
    return np.concatenate([np.asarray(ctx, np.float32)[:96], *words]).astype(np.float32)


def dense_rows(toks: list[Any], vectors: Vectors) -> np.ndarray:
    """:func:`dense_features` of every token of ``toks`` (all of one parse), one row each: the
    same numbers, gathered with one index per table instead of four vector look-ups and a
    concatenation per word (the events stage reads ~190 words a page)."""
    width = vectors.table.shape[1]
    if not toks:
        return np.zeros((0, 96 + 4 * width), np.float32)
    tensor = toks[0].doc.tensor
    if tensor is not None and tensor.ndim == 2 and tensor.shape[1] != 96:
        return np.stack([dense_features(t, vectors) for t in toks])  # (no such model here)
    index = vectors.index
    rows: list[list[int]] = []
    for tok in toks:
        obj = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr"}), None)
        if obj is None:
            obj = next((g for c in tok.children if c.dep_ == "prep" for g in c.children
                        if g.dep_ == "pobj"), None)
        words = (tok.lemma_, tok.lower_, tok.head.lemma_, obj.lemma_ if obj is not None else "")
        rows.append([index.get(w.lower(), -1) for w in words])
    found = np.asarray(rows, np.int64)
    gathered = vectors.table[np.where(found < 0, 0, found)]  # (words, 4, width)
    gathered[found < 0] = 0.0  # a word without a vector: zeros, as Vectors.get gives
    ctx = np.zeros((len(toks), 96), np.float32)
    if tensor is not None and tensor.ndim == 2:
        at = np.asarray([t.i for t in toks])
        have = at < tensor.shape[0]
        ctx[have] = np.asarray(tensor[at[have]], np.float32)
    return np.concatenate([ctx, gathered.reshape(len(toks), 4 * width)], axis=1)


def sentence_bounds(doc_nlp: Any) -> list[tuple[int, int]]:
    """Per token index, its sentence's (start, end) token range."""
    bounds: list[tuple[int, int]] = []
    for sent in doc_nlp.sents:
        bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return bounds


def sparse_features(tok: Any, onto: Ontology, rule: dict[int, Event],
                    quoted: list[tuple[int, int]], cues: set[int],
                    sectors: dict[int, str], sent: tuple[int, int] | None = None) -> list[str]:
    """Names of the binary features that hold for ``tok``. ``quoted``: the quotes' character
    ranges, sorted and merged (:func:`diurna.intervals.merged_ranges`). ``sent`` is its
    sentence's token range when the caller already has it (``Token.sent`` rescans the sentence
    on every call)."""
    sent_start, sent_end = sent if sent is not None else (tok.sent.start, tok.sent.end)
    lemma = tok.lemma_.lower()
    head = tok.head
    f = [f"lemma={lemma}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"dep={tok.dep_}",
         f"head={head.lemma_.lower()}", f"headpos={head.pos_}", f"headdep={head.dep_}",
         f"dep+head={tok.dep_}|{head.lemma_.lower()}", f"pos+dep={tok.pos_}|{tok.dep_}"]
    for c in tok.children:
        f.append(f"child={c.dep_}")
        if c.dep_ in WORD_DEPS:
            f.append(f"child={c.dep_}|{c.lower_}")
        if c.dep_ in ARG_DEPS:
            f.append(f"arg={c.dep_}|ent={c.ent_type_ or '-'}")
            sector = sectors.get(c.i)
            if sector:
                f.append(f"arg={c.dep_}|sector={sector}")
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj":
                    f.append(f"prep={c.lower_}|ent={g.ent_type_ or '-'}")
    for c in head.children:
        if c.dep_ in {"aux", "neg"} and c is not tok:
            f.append(f"headchild={c.dep_}|{c.lower_}")
    for key, index in (("verb", onto.verbs), ("noun", onto.nouns), ("adj", onto.adjectives)):
        for trig in index.get(lemma, ()):
            f.append(f"lex={key}|{trig.type}")
            f.append(f"lextype={trig.type}")
    event = rule.get(tok.i)
    f.append(f"rule={event.type if event else NONE}")
    if event is not None:
        f.append(f"rule_status={event.status}")
        f.append(f"rule+lemma={event.type}|{lemma}")
    if in_ranges(quoted, tok.idx):
        f.append("in_quote")
    if tok.idx in cues:
        f.append("is_cue")
    if tok.ent_type_:
        f.append(f"ent={tok.ent_type_}")
    prev = tok.nbor(-1) if tok.i > sent_start else None
    if prev is not None:
        f.append(f"prev={prev.lower_}")
    nxt = tok.nbor(1) if tok.i + 1 < sent_end else None
    if nxt is not None:
        f.append(f"next={nxt.lower_}")
    return f


@dataclass
class Model:
    """A one-hidden-layer network over sparse (binary, by name) and dense features."""

    labels: list[str]
    feature_index: dict[str, int]
    w_sparse: np.ndarray  # (features, hidden)
    w_dense: np.ndarray  # (dense dims, hidden)
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    threshold: float  # an event is coded when P(NONE) is below this
    vectors: Vectors
    meta: dict[str, Any]

    def probabilities(self, sparse: list[list[str]], dense: np.ndarray) -> np.ndarray:
        """One distribution over :attr:`labels` per candidate word (a row of ``dense`` and its
        sparse feature names); feature names the model never saw are ignored."""
        hidden = (dense - self.dense_mean) / self.dense_scale @ self.w_dense + self.b1
        for row, names in enumerate(sparse):
            cols = [self.feature_index[n] for n in names if n in self.feature_index]
            if cols:
                hidden[row] += self.w_sparse[cols].sum(0)
        hidden = np.maximum(hidden, 0.0)
        logits = hidden @ self.w2 + self.b2
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        out: np.ndarray = p / p.sum(1, keepdims=True)
        return out

    def save(self, folder: Path) -> None:
        """Write ``weights.npz`` (weights in float16) and ``model.json`` into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / "weights.npz", w_sparse=self.w_sparse.astype(np.float16),
            w_dense=self.w_dense.astype(np.float16), dense_mean=self.dense_mean,
            dense_scale=self.dense_scale, b1=self.b1, w2=self.w2, b2=self.b2,
            vectors=self.vectors.table.astype(np.float16))
        names = sorted(self.feature_index, key=self.feature_index.__getitem__)
        words = sorted(self.vectors.index, key=self.vectors.index.__getitem__)
        (folder / "model.json").write_text(json.dumps(
            {"labels": self.labels, "threshold": self.threshold, "features": names,
             "words": words, "meta": self.meta}, ensure_ascii=False, indent=0) + "\n",
            encoding="utf-8")

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> Model:
        """The model :meth:`save` wrote into ``folder``; ``FileNotFoundError`` saying what to do
        when there is none."""
        if not (folder / "model.json").exists():
            raise FileNotFoundError(
                f"no learned event model in {folder}; train one with "
                "'python -m diurna.events.train' or use the rule coder (--coder rules)")
        spec = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        w = np.load(folder / "weights.npz")
        return cls(
            labels=spec["labels"], threshold=float(spec["threshold"]),
            feature_index={n: i for i, n in enumerate(spec["features"])},
            w_sparse=w["w_sparse"].astype(np.float32), w_dense=w["w_dense"].astype(np.float32),
            dense_mean=w["dense_mean"], dense_scale=w["dense_scale"], b1=w["b1"], w2=w["w2"],
            b2=w["b2"], meta=spec.get("meta", {}),
            vectors=Vectors({word: i for i, word in enumerate(spec["words"])},
                            w["vectors"].astype(np.float32)))


@lru_cache(maxsize=2)
def load_model(folder: str = str(MODEL_DIR)) -> Model:
    """The trained model, loaded once per process."""
    return Model.load(Path(folder))


@dataclass
class Candidates:
    """The candidate tokens of one document with their features and the rule coder's events."""

    tokens: list[Any]
    sparse: list[list[str]]
    dense: np.ndarray
    rule_events: list[Event]
    rule_at: dict[int, Event]  # head token index -> rule event


def candidates(doc: Document, coder: _DocCoder, onto: Ontology, vectors: Vectors,
               features: bool = True, sentences: SentenceGate | None = None) -> Candidates:
    """Run the rule coder on ``doc`` and collect the features of every candidate token (only the
    tokens without ``features``: a combiner without the MLP needs none), in the sentences the
    relevance gate ``sentences`` keeps (all without one; :mod:`diurna.events.gate`)."""
    rule_events = coder.code()
    parsed = doc.nlp
    rule_at = rule_heads(parsed, rule_events)
    toks = [t for t in parsed if candidate(t) or t.i in rule_at]
    bounds = sentence_bounds(parsed)
    kept = sentences(coder, rule_at) if sentences is not None else None
    if kept is not None:
        toks = [t for t in toks if bounds[t.i][0] in kept]
    if not features:
        return Candidates(toks, [], np.zeros((len(toks), 0), np.float32), rule_events, rule_at)
    quoted = merged_ranges((q.start, q.end) for q in doc.quotes)
    cues = {q.cue.start for q in doc.quotes if q.cue is not None}
    sectors: dict[int, str] = {}
    for m in doc.mentions:
        if m.actor is not None and m.actor.sector:
            for t in parsed.char_span(m.start, m.end, alignment_mode="expand") or ():
                sectors[t.i] = m.actor.sector
    sparse = [sparse_features(t, onto, rule_at, quoted, cues, sectors, bounds[t.i]) for t in toks]
    return Candidates(toks, sparse, dense_rows(toks, vectors), rule_events, rule_at)


# How the word distributions become decisions: ``combiner.json`` beside the weights (round 15),
# else the fixed blend above (what every earlier weight folder was tuned for).
COMBINER_FILE = "combiner.json"
COMBINER_KINDS = ("fixed", "tagger", "stacked")
# The stacked combiner's inputs per candidate word, in its coefficients' order after the bias.
STACK_FEATURES = ("tagger_logit", "mlp_logit", "rule", "rule_agrees", "listed", "verb")


@dataclass(frozen=True)
class Combiner:
    """How a word is decided from the tagger's and the MLP's distributions.

    ``fixed``: ``weight`` x tagger + (1 - ``weight``) x MLP, coded when the averaged P(NONE) is
    below ``threshold`` (``rule_threshold`` for words the rules coded); the tagger reads only
    sentences where the MLP gives some word P(NONE) below ``gate``. ``tagger``: the tagger's
    distribution alone with the same two thresholds, read on sentences where an event is possible
    (a rule event or a lexicon word); the MLP is not run. ``stacked``: a logistic regression over
    :data:`STACK_FEATURES` (``coef``: bias first) says whether the word reports the type the
    fixed average ranks first. ``unlisted_threshold`` (``fixed`` and ``tagger``; ``None``: off),
    when set, is the cut for a word only the models code (:func:`models_only`): no rule event on
    it and the trigger lexicon does not list it for the type it would get."""

    kind: str = "fixed"
    weight: float = BLEND
    threshold: float = BLEND_THRESHOLD
    gate: float = BLEND_GATE
    rule_threshold: float = RULE_THRESHOLD
    coef: tuple[float, ...] = ()
    # off in the shipped combiner.json: at 0.60 it gained +0.007 type F1 on the unseen pool but
    # lost 0.036 on dev3 and status on matched events (docs/events-learned.md, round 35)
    unlisted_threshold: float | None = None
    # (type, cut) pairs: a decided type's own cut in place of ``threshold`` for words the rules
    # did not code (round 48: REJECT 0.60, the one move both halves of the pool chose, round 47)
    type_thresholds: tuple[tuple[str, float], ...] = ()

    def cut_for(self, etype: str) -> float:
        """The cut in place of ``threshold`` for a word the models decide is ``etype``."""
        return dict(self.type_thresholds).get(etype, self.threshold)

    @property
    def uses_mlp(self) -> bool:
        """Whether decisions read the MLP's distribution (every kind but ``tagger``)."""
        return self.kind != "tagger"

    def to_json(self, meta: dict[str, Any] | None = None) -> str:
        """The text of a :data:`COMBINER_FILE` that :func:`load_combiner` reads back."""
        spec: dict[str, Any] = {"kind": self.kind, "weight": self.weight,
                                "threshold": self.threshold, "gate": self.gate,
                                "rule_threshold": self.rule_threshold, "coef": list(self.coef),
                                "features": list(STACK_FEATURES)}
        if self.unlisted_threshold is not None:
            spec["unlisted_threshold"] = self.unlisted_threshold
        if self.type_thresholds:
            spec["type_thresholds"] = dict(self.type_thresholds)
        spec["meta"] = meta or {}
        return json.dumps(spec, indent=1) + "\n"


def load_combiner(folder: str | Path) -> Combiner:
    """The combiner of a weight folder (:data:`COMBINER_FILE`), the fixed blend when it has
    none. A file naming an unknown kind, or stacked features other than ours, is refused."""
    path = Path(folder) / COMBINER_FILE
    if not path.exists():
        return Combiner()
    spec = json.loads(path.read_text(encoding="utf-8"))
    kind = spec.get("kind")
    if kind not in COMBINER_KINDS:
        raise ValueError(f"{path}: unknown combiner kind {kind!r}; expected one of "
                         f"{COMBINER_KINDS}")
    if kind == "stacked" and (tuple(spec.get("features", ())) != STACK_FEATURES
                              or len(spec.get("coef", ())) != len(STACK_FEATURES) + 1):
        raise ValueError(f"{path}: stacked combiner features differ from {STACK_FEATURES}; "
                         "refit it with 'python -m diurna.events.combine'")
    return Combiner(kind=kind, weight=float(spec.get("weight", BLEND)),
                    threshold=float(spec.get("threshold", BLEND_THRESHOLD)),
                    gate=float(spec.get("gate", BLEND_GATE)),
                    rule_threshold=float(spec.get("rule_threshold", RULE_THRESHOLD)),
                    coef=tuple(float(c) for c in spec.get("coef", ())),
                    unlisted_threshold=(None if spec.get("unlisted_threshold") is None
                                        else float(spec["unlisted_threshold"])),
                    type_thresholds=type_thresholds(path, spec.get("type_thresholds", {})))


def type_thresholds(path: Path, given: Any) -> tuple[tuple[str, float], ...]:
    """``combiner.json``'s ``type_thresholds`` map as sorted (type, cut) pairs; a map that is not
    PLOVER types to numbers in (0, 1] is refused with the file's name."""
    if not isinstance(given, dict) or not all(
            isinstance(k, str) and k.isupper() and isinstance(v, (int, float))
            and not isinstance(v, bool) and 0.0 < v <= 1.0 for k, v in given.items()):
        raise ValueError(f"{path}: 'type_thresholds' must map PLOVER types to cuts in (0, 1], "
                         'e.g. {"REJECT": 0.6}')
    return tuple(sorted((k, float(v)) for k, v in given.items()))


@dataclass
class Read:
    """One document's candidates with both models' word distributions (in the MLP's label
    order; a model not run gives ``None``), and what the gates need: each candidate's sentence
    start and whether an event is possible in that sentence (a rule event or a lexicon word)."""

    cands: Candidates
    labels: list[str]
    mlp: np.ndarray | None
    tagger: np.ndarray  # NONE (1.0) for words of sentences the tagger did not read
    by_word: dict[int, np.ndarray]  # token index -> the tagger's full output (for its mode head)
    sentence: list[int]
    possible: list[bool]


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1.0 - 1e-4)
    return float(np.log(p / (1.0 - p)))


def stack_row(read: Read, k: int, etype: str, onto: Ontology, opened: bool) -> list[float]:
    """The stacked combiner's inputs (:data:`STACK_FEATURES`) for candidate ``k`` read as
    ``etype``: each model's log-odds that the word reports an event (the tagger's only if the
    gate ``opened`` its sentence, else P(NONE) = 1), the rules' decision and whether it agrees
    on the type, whether the lexicon lists the word for it, and its being a verb."""
    none = read.labels.index(NONE)
    tok = read.cands.tokens[k]
    rule = read.cands.rule_at.get(tok.i)
    mlp = read.mlp[k, none] if read.mlp is not None else 1.0
    tagger = read.tagger[k, none] if opened else 1.0
    return [_logit(1.0 - float(tagger)), _logit(1.0 - float(mlp)),
            float(rule is not None), float(rule is not None and rule.type == etype),
            float(listed(onto, tok.lemma_.lower(), etype)), float(tok.pos_ in {"VERB", "AUX"})]


def gated(read: Read, comb: Combiner) -> np.ndarray:
    """Per candidate, whether the tagger reads its sentence under ``comb``'s gate."""
    if not comb.uses_mlp or read.mlp is None:
        return np.array(read.possible, bool)
    none = read.labels.index(NONE)
    hit = {read.sentence[k] for k in range(len(read.sentence)) if read.mlp[k, none] < comb.gate}
    return np.array([s in hit for s in read.sentence], bool)


def typed(read: Read, comb: Combiner) -> tuple[np.ndarray, np.ndarray]:
    """The distribution the combiner ranks types by (per candidate) and the tagger's gate."""
    mask = gated(read, comb)
    skipped = np.zeros(len(read.labels), np.float32)
    skipped[read.labels.index(NONE)] = 1.0
    theirs = np.where(mask[:, None], read.tagger, skipped)
    if read.mlp is None or not comb.uses_mlp:
        return theirs, mask
    return comb.weight * theirs + (1.0 - comb.weight) * read.mlp, mask


def likeliest_type(p: np.ndarray, none: int) -> int:
    """The index of the likeliest label of the distribution ``p`` other than NONE (at ``none``):
    the type a word gets once it is judged an event."""
    q = p.copy()
    q[none] = -1.0
    return int(q.argmax())


def decide(read: Read, comb: Combiner, onto: Ontology) -> dict[int, str]:
    """Token index -> type for the words ``comb`` codes (before the post-processing)."""
    probs, mask = typed(read, comb)
    none = read.labels.index(NONE)
    decided: dict[int, str] = {}
    for k, (tok, p) in enumerate(zip(read.cands.tokens, probs, strict=True)):
        etype = read.labels[likeliest_type(p, none)]
        if comb.kind == "stacked":
            x = stack_row(read, k, etype, onto, bool(mask[k]))
            keep = comb.coef[0] + float(np.dot(comb.coef[1:], x)) > 0.0
        else:
            keep = p[none] < word_cut(comb, tok, etype, read.cands.rule_at, onto)
        if keep:
            decided[tok.i] = etype
    return decided


def models_only(tok: Any, etype: str, rule_at: dict[int, Event], onto: Ontology) -> bool:
    """Whether ``tok`` read as ``etype`` rests on the models alone: the rule coder put no event
    on it and the trigger lexicon does not list its lemma for ``etype`` ("stopped to shake
    hands" as COERCE, "jumping" as ASSAULT, "gathering round" as PROTEST)."""
    return tok.i not in rule_at and not listed(onto, tok.lemma_.lower(), etype)


def word_cut(comb: Combiner, tok: Any, etype: str, rule_at: dict[int, Event],
             onto: Ontology) -> float:
    """The blended P(NONE) below which the fixed or tagger combiner codes ``tok`` as
    ``etype``: ``comb.rule_threshold`` (when higher) for a word the rules coded, the stricter
    ``comb.unlisted_threshold`` (when set) for a word only the models code (:func:`models_only`;
    round 35: of 80 false events read in sentences the gold leaves empty, 25 were other senses
    of the word, 8 of them on such words), else ``comb.threshold``. The shipped combiner
    leaves the stricter cut unset (round 35 measured it below its rule). A type with its own cut
    (``comb.type_thresholds``) has it in place of ``comb.threshold`` for words the rules did not
    code."""
    if tok.i in rule_at:
        return max(comb.threshold, comb.rule_threshold)
    cut = comb.cut_for(etype)
    if comb.unlisted_threshold is not None and models_only(tok, etype, rule_at, onto):
        return min(cut, comb.unlisted_threshold)
    return cut


# The learned coder's steps, in order, under the names :meth:`LearnedEventCoder.code` notes the
# words each leaves in a trace: a gold word absent after a step was removed by it, one absent
# from "decided" was never proposed (the blend's P(NONE) stayed above its cut).
TRACE_STEPS = ("decided", "inside a rule event's trigger", "frames another event",
               "a noun moved onto the verb coding it", "the rules' veto", "an act asked for",
               "one act per clause",
               "no act (kind, failed act, question, no comment)", "told again",
               "a heading, or an attack's casualties told again", "the sieve",
               "the guideline's readings (forecast, justification, time anchor, threatened act)")
Trace = dict[str, set[int]]


def noted(trace: Trace | None, step: str, doc: Document,
          kept: dict[int, str] | list[Event]) -> None:
    """Note in ``trace`` (when one is kept) the head token indices ``step`` leaves: the words
    of a decision map, or the trigger heads of an event list."""
    if trace is None:
        return
    if isinstance(kept, dict):
        trace[step] = set(kept)
        return
    heads = (trigger_head(doc.nlp, e.trigger.start, e.trigger.end) for e in kept)
    trace[step] = {h.i for h in heads if h is not None}


class LearnedEventCoder(EventCoder):
    """Fill ``doc.events`` with the learned coder (the default ``events`` component)."""

    name = "events"

    def __init__(self, ontology: str | None = None, resolve: Any = None,
                 model_dir: str | Path | None = None, blend: bool = True,
                 gate: float | None = None, sentences: SentenceGate | None = None,
                 dictionary: ActorDictionary | None = None) -> None:
        super().__init__(ontology, resolve, dictionary)
        self.model_dir = str(model_dir or MODEL_DIR)
        self.blend = blend
        self.gate = gate
        # the relevance gate (diurna.events.gate): which sentences the tagger must read
        self.sentences = sentences
        # True keeps retold events; dropping them (:func:`told_again`) is off by default: it lowered
        # the project's own gold (0.831 -> 0.820) and both frozen tests (docs/events-learned.md)
        self.retellings = True
        # the sieve (diurna.events.sieve, round 25b): drop finished events its fitted filter
        # gives a low chance of being right; applied only when the weight folder has filter.json
        self.sieve = True
        # the guideline readings (diurna.events.readings), by name: round 32's three and the
        # threatened act, on together since round 51 (read pool type F1 +0.0051,
        # docs/events-learned.md)
        self.readings: frozenset[str] = DEFAULT_READINGS
        # round 38's type boundaries (diurna.events.boundaries): an evaluation of an accusation
        # is REJECT, the prosecution asking for a penalty ACCUSE, a promise of harm THREATEN,
        # seizing a person ASSAULT or COERCE by who seizes (pool type F1 +0.0061, 10 of the 11
        # events it changes right; docs/events-learned.md, round 38)
        self.boundaries = True
        # round 53's verb senses (diurna.events.senses): a question asked, a claim suggested, a
        # caution warned, a call that demands nothing, a meeting with police, a sacking
        self.senses = True

    def combiner(self) -> Combiner:
        """The weight folder's combiner (:func:`load_combiner`), with this coder's gate."""
        comb = load_combiner(self.model_dir)
        return comb if self.gate is None else replace(comb, gate=self.gate)

    def read(self, doc: Document, coder: _DocCoder, comb: Combiner,
             every_sentence: bool = False) -> Read:
        """The candidates of ``doc`` with the distributions ``comb`` needs; the tagger reads the
        sentences ``comb``'s gate opens (every sentence with ``every_sentence``, for tuning: a
        sentence's output does not depend on the others, see ``Tagger.probabilities``)."""
        from diurna.events.tagger import TaggerEventCoder, load_tagger

        model = load_model(self.model_dir)
        onto = self.ontology
        cands = candidates(doc, coder, onto, model.vectors, features=comb.uses_mlp,
                           sentences=None if every_sentence else self.sentences)
        labels = model.labels
        mlp = model.probabilities(cands.sparse, cands.dense) if comb.uses_mlp else None
        reader = TaggerEventCoder(self.ontology_path, model_dir=self.model_dir)
        bounds = sentence_bounds(doc.nlp)
        sentence = [bounds[t.i][0] for t in cands.tokens]
        possible: dict[int, bool] = {}
        for t in cands.tokens:  # once per sentence, not per word (same values, ~1/8 the time)
            if bounds[t.i][0] not in possible:
                possible[bounds[t.i][0]] = reader._possible(doc.nlp[slice(*bounds[t.i])],
                                                            cands.rule_at)
        read = Read(cands, labels, mlp, np.zeros((len(cands.tokens), len(labels)), np.float32),
                    {}, sentence, [possible[s] for s in sentence])
        skipped = np.zeros(len(labels), np.float32)
        skipped[labels.index(NONE)] = 1.0
        if not self.blend or not (Path(self.model_dir) / "tagger.onnx").exists():
            read.tagger[:] = skipped
            return read
        tagger = load_tagger(self.model_dir)
        opened = {read.sentence[k] for k, on in enumerate(gated(read, comb)) if on}
        read.by_word = reader.word_probabilities(
            tagger, doc.nlp, cands.rule_at,
            keep=lambda sent: every_sentence or sent.start in opened)
        order = [tagger.labels.index(lb) for lb in labels]
        if cands.tokens:
            read.tagger = np.stack([read.by_word[t.i][order] if t.i in read.by_word else skipped
                                    for t in cands.tokens])
        return read

    def code(self, doc: Document, coder: _DocCoder, read: Read, comb: Combiner,
             trace: Trace | None = None) -> list[Event]:
        """The events of ``doc`` from its read words: :func:`decide`, then the
        post-processing (frames, the rules' veto, acts asked for, modes, speakers' acts, one act
        per clause, non-acts, the settled types, the guideline's type boundaries
        (:mod:`diurna.events.boundaries`, with :attr:`boundaries`), the senses of some act verbs
        (:mod:`diurna.events.senses`, with :attr:`senses`), retellings, an attack's
        casualties told again, clause and context parties, then the sieve when the weight
        folder has one, then the
        guideline readings named in :attr:`readings` (all four by default): everything
        ``__call__`` stores, so that tuning readers such as
        :class:`diurna.events.combine.Reader` score what the pipeline gives). With ``trace``,
        the words each step leaves are noted in it (:data:`TRACE_STEPS`), for a reader of
        misses (``bench/event_causes.py --where``)."""
        from diurna.events.sieve import load_sieve, sieved
        from diurna.events.tagger import decided_modes, load_tagger

        onto = self.ontology
        cands = read.cands
        decided = decide(read, comb, onto)
        noted(trace, "decided", doc, decided)
        decided = inside_triggers(doc, decided, cands.rule_at)
        noted(trace, "inside a rule event's trigger", doc, decided)
        decided = drop_frames(doc, decided, cands.rule_at, onto)
        noted(trace, "frames another event", doc, decided)
        decided = moved_to_verb(coder, doc, decided, cands)
        noted(trace, "a noun moved onto the verb coding it", doc, decided)
        decided = {i: etype for i, etype in decided.items()
                   if i in cands.rule_at or not rules_refuse(coder, doc.nlp[i], etype, cands)}
        noted(trace, "the rules' veto", doc, decided)
        decided = asked_for(doc, decided)
        noted(trace, "an act asked for", doc, decided)
        modes = None
        if read.by_word:
            mask = gated(read, comb)
            by_word = {t.i: read.by_word[t.i] for t, on in zip(cands.tokens, mask, strict=True)
                       if on and t.i in read.by_word}
            modes = decided_modes(load_tagger(self.model_dir), decided, by_word)
            if modes is not None:
                modes = with_clause_modes(doc, decided, modes, onto)
        events = coder.recode(cands.rule_at, decided, modes)
        events = speakers_acts(doc, decided, events, cands.rule_at, onto)
        events = one_act_per_clause(doc, decided, events, cands.rule_at)
        noted(trace, "one act per clause", doc, events)
        events = settled_types(doc, acts_only(doc, events), onto)
        if self.boundaries:
            from diurna.events.boundaries import bounded_types
            events = bounded_types(doc, coder, events, onto)
        if self.senses:
            from diurna.events.senses import sensed
            events = sensed(doc, events, onto)
        noted(trace, "no act (kind, failed act, question, no comment)", doc, events)
        if not self.retellings:
            events = told_again(doc, events)
        noted(trace, "told again", doc, events)
        events = self.finished(doc, coder, events)
        noted(trace, "a heading, or an attack's casualties told again", doc, events)
        sieve = load_sieve(self.model_dir) if self.sieve else None
        events = events if sieve is None else sieved(doc, events, read, comb, sieve, onto)
        noted(trace, "the sieve", doc, events)
        events = with_readings(doc, events, self.readings)
        noted(trace, TRACE_STEPS[-1], doc, events)
        return events

    def code_document(self, doc: Document, trace: Trace | None = None
                      ) -> tuple[Read, Combiner] | None:
        """Fill ``doc.events`` (what ``__call__`` does) and return the read words and the
        combiner that decided them, for a reader who asks why a word was not coded (``None``
        for a document without text or parse); ``trace`` as in :meth:`code`."""
        if doc.nlp is None or not doc.text:
            return None
        comb = self.combiner()
        if not self.blend or not (Path(self.model_dir) / "tagger.onnx").exists():
            # the MLP alone, at the threshold its training chose
            comb = Combiner(weight=0.0, threshold=load_model(self.model_dir).threshold)
        coder = self.doc_coder(doc)
        read = self.read(doc, coder, comb)
        doc.events = self.code(doc, coder, read, comb, trace) if read.cands.tokens else []
        return read, comb

    def __call__(self, doc: Document) -> Document:
        self.code_document(doc)
        return doc
