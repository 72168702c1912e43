"""A directive told inside a statement, read as the speaker's demand (issue #12, round 42).

docs/annotation-events.md §3 codes "a demand or call" as DEMAND (or REQUEST), and the speaker's
stance is the act: "the government says the opposition **should take** its objections to the
courts" is one DEMAND by the government, asserted, whatever becomes of the courts. The models
leave most such words uncoded, since the verb ("take", "remain", "be removed") names no verbal act
of its own; only the modal "should" / "must" and the statement around it make it one. Round 37
(docs/events-learned.md) counted these among the pool's bare misses, and round 42's count found the
addressed directive the one shape of "an intention, plan or directive in speech" whose gold is
nearly one type (8 of its 9 bare misses are DEMAND; the future and "plans to" shapes spread over
eight types).

:func:`spoken_directives` finds the words; :meth:`diurna.events.learned.LearnedEventCoder.code`
adds them as DEMAND after the models' decisions (flag ``LearnedEventCoder.directives``) and
:func:`asserted_at` gives their events the asserted status (the demand is said now; the act it
asks for is not claimed). Round 42 measured the step against its rule and it is off by default
(docs/events-learned.md, round 42).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from diurna.events.coder import VERBAL_TYPES, _DocCoder
from diurna.events.heads import trigger_head
from diurna.model import Event

# Modals that tell someone to act ("the opposition should bring its complaints", "all forces
# must withdraw"); "will"/"would" forecast or promise, "can"/"may" allow.
DIRECTIVE_MODALS = frozenset({"should", "must"})
# The speaker and the speaker's side: "we should retaliate" is an intention, not a demand made
# of another party.
FIRST_PERSON = frozenset({"i", "we"})
# Relations of a clause that qualifies a noun ("terms that we should follow"), not a statement.
NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Markers and words of an embedded question or condition ("whether a merger should occur",
# "why the term should be used").
QUESTION_MARKS = frozenset({"whether", "if"})
QUESTION_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# Relations by which a clause is the content of the word above it.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "conj"})


def _subject(tok: Any) -> Any | None:
    """The subject of ``tok``'s clause (active or passive), if the parse gives one."""
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def directive_modal(tok: Any) -> Any | None:
    """The "should" / "must" of ``tok``'s own clause when it tells someone to act: not a
    counterfactual ("should have done"), not inverted before the subject (a condition: "Should
    the government come ..."). None otherwise."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    modal = next((c for c in auxes if c.lower_ in DIRECTIVE_MODALS), None)
    if modal is None or any(c.lower_ == "have" for c in auxes):
        return None
    subj = _subject(tok)
    if subj is not None and modal.i < subj.i:
        return None
    return modal


def embedded_question(tok: Any) -> bool:
    """Whether ``tok``'s clause qualifies a noun or is an embedded question ("who they should be
    throwing their support to", "whether a merger should occur")."""
    if tok.dep_ in NOUN_CLAUSES:
        return True
    return any((c.dep_ == "mark" and c.lower_ in QUESTION_MARKS) or c.tag_ in QUESTION_TAGS
               for c in tok.children)


def directive_in_speech(coder: _DocCoder, tok: Any, decided: dict[int, str]) -> bool:
    """Whether ``tok`` heads a directive told in a statement: a verb with its own "should" /
    "must" (:func:`directive_modal`), a subject other than the speaker's "I" / "we", inside a
    statement's content, not a noun's clause or an embedded question (:func:`embedded_question`),
    and not the content of a word already decided as a verbal act (that act carries it:
    "urged that the troops must leave" is one DEMAND on "urged")."""
    if tok.i in decided or tok.pos_ not in ("VERB", "AUX") or directive_modal(tok) is None:
        return False
    subj = _subject(tok)
    if subj is not None and subj.lower_ in FIRST_PERSON:
        return False
    if coder.quote_at(tok.idx) is None or embedded_question(tok):
        return False
    return not (tok.dep_ in CONTENT_DEPS and decided.get(tok.head.i) in VERBAL_TYPES)


def spoken_directives(coder: _DocCoder, decided: dict[int, str]) -> set[int]:
    """The token indices of the directives told in statements (:func:`directive_in_speech`) that
    ``decided`` (head token index -> type) leaves uncoded."""
    return {tok.i for tok in coder.parsed if directive_in_speech(coder, tok, decided)}


def asserted_at(events: list[Event], coder: _DocCoder, heads: set[int]) -> list[Event]:
    """``events`` with those headed at ``heads`` asserted: the rule steps call a modal clause
    speculative, but the demand it tells is made, whether or not the act asked for follows."""
    if not heads:
        return events
    out = []
    for event in events:
        head = trigger_head(coder.parsed, event.trigger.start, event.trigger.end)
        if head is not None and head.i in heads and event.status == "speculative":
            event = replace(event, status="asserted")
        out.append(event)
    return out
