"""Senses of seven act verbs the learned coder types by the word alone (issue #12, round 53).

The models read "ask", "suggest", "warn", "call", "meet", "sack" and "approve" as the act each
most often reports. The guideline (docs/annotation-events.md §2-§3) codes each only in some of its
constructions, and the construction is in the parse:

- **ask** is a REQUEST when it asks a party to act ("asked the US to release", "asked for
  calm", "asked that talks be reopened"), not when it asks a question ("was asked about the
  war", "asked a crowd", "asking her 'Have you ...?'"): a question is no interaction (§2);
- **suggest** is a REQUEST when it proposes that someone should act ("suggested that more help
  would be welcome"); "suggested that the attack was retaliation" only asserts a claim, and
  "suggested a package" or "suggested declaring" with no party asked is a neutral statement;
- **warn** is a THREATEN when what is warned of is a harm to come ("warned that his house would
  be attacked", "warned of more bombings"); a caution ("warned her about threats to her safety",
  "warned that tough discussions lie ahead", "warned that you must understand") threatens
  nothing, and "warned against bundling the proposals" urges a party not to act: DEMAND;
- **call** is a DEMAND when it calls on or for something ("called on X to", "called for talks",
  "called Russia to stop"); "called the police" (a telephone call), "calls his programme an act
  of justice" (naming) and "the election was called on February 24" (a date) demand nothing;
- **meet**, passive with police or troops as the agent ("protesters were met by riot police"),
  is a show of force (MOBILIZE ``police`` or ``troops``), not a meeting (CONSULT);
- **sack** of a person ("sacked the army commander", "Zuma was sacked") is a dismissal, which
  the Wikinews gold codes SANCTION (3 of 3 on the read pool), not the ASSAULT of sacking a town
  nor an arrest;
- **approve** is a SUPPORT when what is approved is an act or agreement of a party ("approved
  the deployment of an African Union force"), not when a body passes a bill, licenses a drug or
  clears a message in its own procedure (§2: acts inside one actor).

:func:`sensed` applies these to the learned coder's events after the type boundaries
(:mod:`diurna.events.boundaries`); ``LearnedEventCoder.senses`` turns it off. Round 53
(docs/events-learned.md) has the figures.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from diurna.events.coder import renumbered
from diurna.events.heads import trigger_head
from diurna.events.ontology import Ontology
from diurna.language.wordnet import GROUP, PERSON, noun_senses
from diurna.model import Document, Event

# Relations by which a clause or infinitive says what a verb of asking, proposing or calling
# wants done.
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
# Words opening an indirect question ("asked whether", "asked why"). (The learned coder's own
# question test, ``diurna.events.learned.asks_question``, has its own list and reads "if" /
# "whether" only straight after the verb: see :func:`asks_no_act`.)
QUESTION_OPENERS = frozenset({"if", "whether", "why", "what", "how", "when", "who", "where"})
# Modals by which a proposed clause says what should be done ("suggested that X should").
PROPOSING_MODALS = frozenset({"should", "must", "ought", "would", "shall", "need"})
# Modals of a harm to come in what is warned of ("warned that X would be attacked").
HARM_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "can", "'ll", "wo"})
# Nouns for armed or police personnel: met by them, a party meets a show of force.
# ("officer" is left out: "consular officers" meet a visitor, round 53's one wrong change.)
SECURITY_NOUNS = frozenset({"police", "policeman", "policemen", "troop", "soldier", "force",
                            "army", "military", "guard", "gendarme", "militia"})
POLICE_NOUNS = frozenset({"police", "policeman", "policemen", "gendarme"})
# Prepositions after "call" that make it a demand ("call on", "call for", "call upon").
CALL_PREPS = frozenset({"for", "on", "upon"})


def _verb(tok: Any) -> bool:
    return bool(tok.pos_ in ("VERB", "AUX"))


def _kids(tok: Any, deps: frozenset[str] | set[str]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _preps(tok: Any) -> set[str]:
    """The prepositions hanging on ``tok`` (lower case)."""
    return {c.lower_ for c in tok.children if c.dep_ == "prep"}


def _is_question(clause: Any) -> bool:
    """Whether ``clause`` is a question: it opens with "if", "whether" or a wh-word, or ends
    with a question mark."""
    words = list(clause.subtree)
    if words and words[0].lower_ in QUESTION_OPENERS:
        return True
    after = clause.doc[words[-1].i + 1] if words and words[-1].i + 1 < len(clause.doc) else None
    return any(w.text == "?" for w in words) or (after is not None and after.text == "?")


def asks_no_act(tok: Any) -> bool:
    """Whether the verb "ask" at ``tok`` asks a question rather than asking a party to act:
    it is asked "about" something, or what it asks is a question, or nothing it governs
    (a clause, an infinitive, a "for" phrase) says what is wanted ("asked a crowd").
    It reads after ``diurna.events.learned.asks_question`` (the non-act step, which has
    already dropped a REQUEST whose complement opens with a question word) and after the type
    boundaries, which may make a prosecutor's "asked" an ACCUSE first; folding the two tests
    into one step would move this one before those boundaries."""
    if "about" in _preps(tok):
        return True
    clauses = _kids(tok, CLAUSE_DEPS)
    if any(_is_question(c) for c in clauses):
        return True
    return not clauses and "for" not in _preps(tok)


def _proposes(clause: Any) -> bool:
    """Whether a clause says what should be done: a modal of obligation or volition
    ("should be stripped", "would be welcome") or a bare subjunctive ("that he resign")."""
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if auxes & PROPOSING_MODALS:
        return True
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if auxes or not subjects:
        return False
    # a bare form with a third-person singular subject is a subjunctive ("that he resign"),
    # which the tagger may call present (VBP)
    singular = subjects[0].lower_ in ("he", "she", "it") or subjects[0].tag_ in ("NN", "NNP")
    return clause.tag_ == "VB" or (clause.tag_ == "VBP" and singular)


def suggests_claim(tok: Any) -> bool:
    """Whether the verb "suggest" at ``tok`` proposes nothing a party should do: no clause it
    governs has a modal of obligation or volition or a bare subjunctive (:func:`_proposes`)."""
    return not any(_proposes(c) for c in _kids(tok, {"ccomp", "xcomp"}))


def warned_of(tok: Any) -> str | None:
    """What the verb "warn" at ``tok`` does when it is no threat: ``"DEMAND"`` for a warning
    "against" an act, ``"none"`` for a caution ("about" something, or a that-clause with no
    modal of a harm to come), ``None`` when it may be a threat (a harm to come, "of" a harm,
    a condition, or nothing said of its content)."""
    preps = _preps(tok)
    if "against" in preps:
        return "DEMAND"
    if "of" in preps or _kids(tok, {"advcl"}) and any(
            c.lower_ in ("if", "unless") for a in _kids(tok, {"advcl"}) for c in a.children):
        return None
    if "about" in preps:
        return "none"
    clauses = _kids(tok, {"ccomp"})
    if clauses and not any(_harm_to_come(cl) for cl in clauses):
        return "none"
    return None


def _harm_to_come(clause: Any) -> bool:
    """Whether a warned-of clause may name a harm to come: a modal of the future or of
    possibility ("his house would be attacked"), or a condition anywhere in it ("they reserve
    the right to resume action if the shelling does not stop")."""
    if {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")} & HARM_MODALS:
        return True
    return any(w.dep_ == "mark" and w.lower_ in ("if", "unless") for w in clause.subtree)


def calls_nothing(tok: Any) -> bool:
    """Whether the verb "call" at ``tok`` demands nothing: it names something ("calls his
    programme an act of justice"), or nothing it governs says what is called for: no "on",
    "for" or "upon" phrase (other than "on" a date: "called on February 24"), no clause or
    infinitive ("called Russia to stop")."""
    if _kids(tok, {"oprd"}):
        return True
    if _kids(tok, CLAUSE_DEPS):
        return False
    for prep in _kids(tok, {"prep"}):
        if prep.lower_ not in CALL_PREPS:
            continue
        objs = _kids(prep, {"pobj"})
        if not (prep.lower_ == "on" and objs and all(o.ent_type_ in ("DATE", "TIME")
                                                     for o in objs)):
            return False
    return True


def met_by_force(tok: Any) -> str | None:
    """The MOBILIZE mode when the verb "meet" at ``tok`` is passive with armed or police
    personnel in its "by" phrase ("were met by thousands of riot police"): ``"police"`` or
    ``"troops"``; ``None`` otherwise ("was met at the airport by officials")."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return None
    words = {w.lemma_.lower() for a in _kids(tok, {"agent"}) for w in a.subtree}
    if not words & SECURITY_NOUNS:
        return None
    return "police" if words & POLICE_NOUNS else "troops"


def _person(tok: Any) -> bool:
    """Whether ``tok`` names a person or group of people: a person's name, or a common noun
    whose commonest WordNet sense is one."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ != "NOUN":
        return False
    senses = noun_senses(tok.lemma_.lower())
    return bool(senses) and senses[0] in (PERSON, GROUP)


def sacks_person(tok: Any) -> bool:
    """Whether the verb "sack" at ``tok`` dismisses a person: its object, or its passive
    subject, is one (:func:`_person`)."""
    return any(_person(c) for c in _kids(tok, {"dobj", "nsubjpass"}))


def _supported_objects(onto: Ontology) -> set[str]:
    """The objects the lexicon lists for the verb "support" ("decision", "plan", "proposal",
    "resolution", ...): what a party's support is support of. ("back" lists "bill" too, for a
    party backing another's bill, which is not what a chamber does when it passes one.)"""
    return {o for t in onto.verbs.get("support", ()) if t.type == "SUPPORT" and t.objects
            for o in t.objects if not o.startswith("@")}


def approves_no_act(onto: Ontology, tok: Any) -> bool:
    """Whether the verb "approve" at ``tok`` approves a thing rather than a party's act or
    proposal: what is approved (its object, or its passive subject) is a common noun that the
    trigger lexicon lists neither as an act ("deployment", "agreement", "verdict") nor as an
    object of SUPPORT ("plan", "proposal", "decision"): "approved the bill", "approved the
    message", "approved as a prescription drug". A body passing its own bill or licensing a
    drug takes a step of its own procedure (§2: acts inside one actor), not the verbal support
    of SUPPORT. A name or a pronoun is left alone."""
    things = _kids(tok, {"dobj", "nsubjpass"})
    if not things or any(t.pos_ != "NOUN" for t in things):
        return False
    backed = _supported_objects(onto)
    return not any(t.lemma_.lower() in onto.nouns or t.lemma_.lower() in backed for t in things)


def sense(tok: Any, event: Event, onto: Ontology) -> tuple[str, str | None] | None:
    """The type and mode the sense of ``event``'s verb ``tok`` gives (``("", None)`` to drop
    the event), or ``None`` to leave it as it is."""
    if not _verb(tok):
        return None
    lemma, etype = tok.lemma_.lower(), event.type
    if lemma == "ask" and etype == "REQUEST" and asks_no_act(tok):
        return "", None
    if lemma == "suggest" and etype == "REQUEST" and suggests_claim(tok):
        return "", None
    if lemma == "warn" and etype == "THREATEN":
        got = warned_of(tok)
        if got is not None:
            return ("DEMAND", None) if got == "DEMAND" else ("", None)
    if lemma == "call" and etype == "DEMAND" and calls_nothing(tok):
        return "", None
    if lemma == "meet" and etype == "CONSULT":
        mode = met_by_force(tok)
        if mode is not None:
            return "MOBILIZE", mode
    if lemma == "approve" and etype == "SUPPORT" and approves_no_act(onto, tok):
        return "", None
    if lemma == "sack" and etype in ("ASSAULT", "COERCE") and sacks_person(tok):
        return "SANCTION", None
    return None


def sensed(doc: Document, events: list[Event], onto: Ontology) -> list[Event]:
    """``events`` with each verb's sense read (:func:`sense`): some dropped, some retyped
    (arguments, status and trigger kept). Event ids are renumbered when one is dropped."""
    out = []
    for event in events:
        head = trigger_head(doc.nlp, event.trigger.start, event.trigger.end)
        got = None if head is None else sense(head, event, onto)
        if got is None:
            out.append(event)
        elif got[0]:
            etype, mode = got
            out.append(replace(event, type=etype, mode=mode, cameo=onto.cameo(etype, mode)))
    if len(out) == len(events):
        return out
    return renumbered(doc, out)
