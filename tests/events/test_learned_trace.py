"""The learned coder's trace: which words each of its steps leaves (round 28, issue #12).

A reader of misses asks where a gold word was lost: never proposed by the blend, or proposed and
removed by a later step. The sentences are made up; each expected step was read by hand from the
step's own rule (docs/events-learned.md)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tests.events.helpers import before_events

from diurna.events.learned import TRACE_STEPS, LearnedEventCoder


@lru_cache(maxsize=1)
def coder() -> LearnedEventCoder:
    from diurna.pipeline import Pipeline

    lc = Pipeline.default().get("events")
    assert isinstance(lc, LearnedEventCoder)
    return lc


def traced(text: str) -> tuple[Any, dict[str, set[int]]]:
    doc = before_events(text)
    trace: dict[str, set[int]] = {}
    coder().code_document(doc, trace)
    return doc, trace


def left_by(doc: Any, trace: dict[str, set[int]], word: str) -> list[str]:
    """The steps after which ``word`` (its first occurrence) is still decided."""
    i = next(t.i for t in doc.nlp if t.text == word)
    return [step for step in TRACE_STEPS if i in trace[step]]


def test_the_trace_names_every_step_and_changes_no_event() -> None:
    text = "Police arrested three protesters in Lagos on Monday."
    doc, trace = traced(text)
    assert list(trace) == list(TRACE_STEPS)
    plain = coder()(before_events(text))
    assert [(e.type, e.trigger.text) for e in doc.events] == \
        [(e.type, e.trigger.text) for e in plain.events] == [("COERCE", "arrested")]
    assert left_by(doc, trace, "arrested") == list(TRACE_STEPS)


def test_a_kind_of_act_is_decided_then_removed_as_no_act() -> None:
    """"ETA's activities include bombings": acts of a kind, none in particular (§2). (Session
    48's models no longer propose "FARC activities include kidnappings" at all.)"""
    doc, trace = traced("ETA's activities include bombings, kidnappings and extortion. Gunmen "
                        "kidnapped a journalist in Cali on Monday.")
    # decided, kept by every step before the no-act step, removed by it
    assert left_by(doc, trace, "bombings") == list(
        TRACE_STEPS[:TRACE_STEPS.index("no act (kind, failed act, question, no comment)")])
    assert [e.trigger.text for e in doc.events] == ["kidnapped"]


def test_talks_that_failed_are_vetoed_by_the_rules() -> None:
    """"Talks ... have failed to reach an agreement": the rule steps judge that the talks
    report no act of their own here, and their veto removes the blend's CONSULT."""
    doc, trace = traced("Talks between the two leaders have failed to reach an agreement.")
    # session 45's models (round 58) no longer propose "Talks" at all, so the trace may hold no
    # step for it; when the blend does decide it, the rules' veto is what removes it
    assert left_by(doc, trace, "Talks") in (
        [], list(TRACE_STEPS[:TRACE_STEPS.index("the rules' veto")]))
    assert doc.events == []


def test_without_a_trace_nothing_is_noted() -> None:
    doc = before_events("Police arrested three protesters in Lagos on Monday.")
    assert coder().code_document(doc) is not None
    assert [e.trigger.text for e in doc.events] == ["arrested"]
