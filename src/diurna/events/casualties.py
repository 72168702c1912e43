"""An attack's casualties told again are no new event (docs/annotation-events.md §2, §15).

A news article reports an attack, then its toll in later sentences: "A car bomb exploded outside
a police station in Karachi. At least 20 police were killed in the bombing." The guideline codes
the attack once; the deaths and injuries of an attack the article has already coded, told with
no new actor, target, place or date, are details of it, not events of their own. Both coders read
each word alone and code "killed" again; :func:`without_retold_casualties` removes those
retellings from either coder's events.

What counts is read from the grammar and the article's own coded events, not from the words of
particular articles:

- the word reports a death or an injury (the result of violence, not the act: "killed", "died",
  "dead", "wounded", "casualties", "death toll"); an act with its own manner ("kidnapped", "shot
  down", "arrested") is never a casualty;
- nobody did it in its own clause: a passive with no agent, "died", "dead", or an agent that is
  the attack itself ("the blast killed 15", "the attack, which injured 150"); a party as agent
  ("killed by leftist guerillas", "troops killed three militants") is an act of its own;
- an ASSAULT is coded in an earlier sentence of the article;
- and it adds nothing new: the attack its clause names is a definite one ("in the bombing", "that
  attack"; not "in a separate attack"); or, naming none, its clause has no place or date that
  the earlier attacks' sentences lack ("In Aba, one witness reported 17 deaths"), and its victims
  are not a party the earlier attacks were not aimed at ("12 Russian peacekeepers are dead" after
  attacks on Georgian towns).
"""

from __future__ import annotations

from typing import Any

from diurna.events.heads import trigger_head
from diurna.events.ontology import Ontology
from diurna.model import Document, Event, Mention, actor_code
from diurna.statements.quotes import subject_of

# Words that report a death or an injury, by part of speech: the harm done, whoever did it.
CASUALTY_VERBS = frozenset({"kill", "die", "wound", "injure", "hurt", "perish"})
CASUALTY_ADJECTIVES = frozenset({"dead", "wounded", "injured", "hurt"})
CASUALTY_NOUNS = frozenset({"death", "casualty", "toll", "fatality", "injury", "wound", "dead"})
# Verbs whose subject is the one who died, not one who killed.
DYING_VERBS = frozenset({"die", "perish"})
# Words that make an attack another one than those told before ("in a separate attack").
OTHER_ATTACK_WORDS = frozenset({"another", "separate", "second", "third", "new", "other",
                                "later", "earlier", "similar", "subsequent", "further"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# Prepositions that name the attack a harm happened in ("killed in the bombing", "by the blast").
ATTACK_PREPOSITIONS = frozenset({"in", "during", "by", "from", "after", "following", "of"})
# Prepositions of place ("killed in Nisoor square", "at the police station").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around",
                                "on", "of"})


def casualty_word(tok: Any) -> bool:
    """Whether ``tok`` reports a death or an injury (:data:`CASUALTY_VERBS` and the others)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"}:
        return lemma in CASUALTY_VERBS
    if tok.pos_ == "ADJ":
        return lemma in CASUALTY_ADJECTIVES or tok.lower_ in CASUALTY_ADJECTIVES
    return lemma in CASUALTY_NOUNS


def attack_word(tok: Any, onto: Ontology) -> bool:
    """Whether ``tok`` names an attack or its weapon (a thing, not a party): a noun trigger of
    ASSAULT in the lexicon ("bombing", "attack", "fighting") or a cue word of one of its modes
    ("blast", "bomb", "gunfire")."""
    lemma = tok.lemma_.lower()
    if any(t.type == "ASSAULT" for t in onto.nouns.get(lemma, ())):
        return True
    assault = onto.types.get("ASSAULT")
    return assault is not None and any(lemma in m.cues for m in assault.modes.values())


def harm_agent(tok: Any, onto: Ontology) -> list[Any]:
    """The words that say who or what did the harm ``tok`` reports: a passive's "by"-agent, an
    active verb's subject ("the fighting has killed 14"), the subject of the verb a result
    adjective completes ("that attack left 14 Germans dead"), a noun's possessor; none for
    "died", "were killed", "dead". A participle parsed as the modifier of an attack noun ("a
    blast injured ...", read "a blast [which was] injured") has the attack as its agent."""
    kids = list(tok.children)
    if tok.pos_ in {"VERB", "AUX"}:
        if tok.dep_ in {"acl", "relcl"} and tok.tag_ == "VBN" and attack_word(tok.head, onto) \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in kids):
            return [tok.head]
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in kids) or (
            tok.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in kids))
        if passive:
            return [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if tok.lemma_.lower() in DYING_VERBS:
            return []
        subj = subject_of(tok)
        return [subj] if subj is not None else []
    if tok.pos_ == "ADJ" and tok.dep_ in {"oprd", "ccomp", "xcomp"} and tok.head.pos_ == "VERB":
        subj = subject_of(tok.head)
        return [subj] if subj is not None and subj.dep_ == "nsubj" else []
    return [c for c in kids if c.dep_ == "poss"]


def named_attacks(tok: Any, onto: Ontology) -> list[Any]:
    """The attack words of ``tok``'s clause: its agent when that is an attack, and the object of
    a preposition on it or on the verb a result adjective completes ("killed in the bombing",
    "injured by the first bombing", "injured as a result of the bombings")."""
    out = [a for a in harm_agent(tok, onto) if attack_word(a, onto)]
    for head in [tok] + ([tok.head] if tok.pos_ == "ADJ" else []):
        for c in head.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ in ATTACK_PREPOSITIONS:
                out += [g for g in c.children if g.dep_ == "pobj" and attack_word(g, onto)]
            elif c.dep_ == "prep" and c.lower_ == "as":  # "as a result of the bombings"
                out += [x for g in c.children for p in g.children if p.dep_ == "prep"
                        for x in p.children if x.dep_ == "pobj" and attack_word(x, onto)]
    return out


def told_before(attack: Any) -> bool:
    """Whether an attack word refers to an attack already told: definite or possessed ("the
    bombing", "that attack", "Israel's offensive") and not marked as another one ("a separate
    attack", "the second attack")."""
    if any(c.lower_ in OTHER_ATTACK_WORDS for c in attack.children
           if c.dep_ in {"amod", "det", "advmod", "nummod"}):
        return False
    return any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss"
               for c in attack.children)


def clause_words(tok: Any) -> list[Any]:
    """``tok``'s phrase and the words its clause hangs on, up to the verb of a reported clause:
    the heads above it with their prepositional phrases and dates ("In Aba, one witness reported
    17 deaths"), not the reporting clause's ("..., the military announced today")."""
    words = list(tok.subtree)
    cur = tok
    while cur.dep_ not in {"ROOT", "ccomp", "parataxis"} and cur.head is not cur:
        cur = cur.head
        words.append(cur)
        for c in cur.children:
            if c.dep_ in {"prep", "npadvmod"} or c.ent_type_ in {"DATE", "TIME"}:
                words.extend(c.subtree)
    return words


def own_setting(tok: Any, told: str) -> bool:
    """Whether ``tok``'s clause (:func:`clause_words`) names a date, or a place the harm happened
    at, that the text ``told`` (the earlier attacks' sentences) does not hold. A place that only
    says where a party is from ("US soldiers") is no setting, nor is an age ("a 19-year-old
    student", which the parser reads as a date)."""
    words = {t.i for t in clause_words(tok)}
    for ent in tok.sent.ents:
        if ent.text in told or not any(t.i in words for t in ent):
            continue
        if ent.label_ in {"DATE", "TIME"} and ent[-1].lower_ != "old":
            return True
        if ent.label_ in {"GPE", "LOC", "FAC"}:
            up = ent.root
            while up.dep_ in {"compound", "flat", "appos", "conj"} and up.head is not up:
                up = up.head
            if up.dep_ == "pobj" and up.head.lower_ in PLACE_PREPOSITIONS:
                return True
    return False


# Entity types that name a party in a victim's own words ("Russian peacekeepers", "14 Germans").
PARTY_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _countries(mentions: list[Mention]) -> set[str]:
    """The country parts (first three letters) of the mentions' CAMEO codes; an empty code is
    none (:func:`diurna.model.actor_code`)."""
    return {code[:3] for m in mentions if (code := actor_code(m)) is not None}


def named_victims(doc: Document, event: Event) -> set[str]:
    """The countries of ``event``'s recipients whose own words name their party ("twelve
    Russian peacekeepers", "one US soldier"); "twelve civilians", coded from the article's
    country, names none."""
    out = set()
    for m in event.recipients:
        span = doc.nlp.char_span(m.start, m.end, alignment_mode="expand")
        code = actor_code(m)
        if code is not None and span is not None and any(
                t.ent_type_ in PARTY_NAMES for t in span):
            out.add(code[:3])
    return out


def retold_casualty(doc: Document, event: Event, events: list[Event], onto: Ontology) -> bool:
    """Whether ``event`` tells the deaths or injuries of an attack already coded in an earlier
    sentence of ``events``, adding no actor, target, place or date (the module's docstring)."""
    if event.type != "ASSAULT":
        return False
    tok = trigger_head(doc.nlp, event.trigger.start, event.trigger.end)
    if tok is None or not casualty_word(tok):
        return False
    if any(not attack_word(a, onto) for a in harm_agent(tok, onto)):
        return False  # a party did it: an act of its own
    earlier = [e for e in events if e.type == "ASSAULT" and e.sentence.end <= event.sentence.start]
    if not earlier:
        return False
    attacks = named_attacks(tok, onto)
    if attacks:
        return all(told_before(a) for a in attacks)
    if own_setting(tok, " ".join(e.sentence.text for e in earlier)):
        return False
    # victims named as a party no earlier attack was aimed at, or the very party that made the
    # earlier attacks ("15 insurgents were killed while the attack was repulsed"), are the
    # target of another act; victims of no named party add nothing
    targets = {c for e in earlier for c in _countries(e.recipients)}
    # (an empty code is no code: two parties built without one are not one attacker)
    attackers = {code for e in earlier for m in e.actors if (code := actor_code(m)) is not None}
    return not (named_victims(doc, event) - targets) and not any(
        actor_code(m) in attackers for m in event.recipients)


def without_retold_casualties(doc: Document, events: list[Event],
                              onto: Ontology) -> list[Event]:
    """``events`` (one document's, in order) without the casualties of an attack already coded
    (:func:`retold_casualty`); the same list when none is dropped. Ids are left as they are.

    Why (docs/events-learned.md, round 22): the Wikinews guideline (docs/annotation-events.md §2,
    decided in round 14) codes an attack once; its later tolls were the largest group of retold
    false events on the blind dev5 set (round 21)."""
    if doc.nlp is None or not any(e.type == "ASSAULT" for e in events):
        return events
    kept = [e for e in events if not retold_casualty(doc, e, events, onto)]
    return events if len(kept) == len(events) else kept
