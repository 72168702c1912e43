"""Who did it to whom in a nominal event: the of-phrase after a named actor is the one acted on,
and a relative clause claiming the act names its actor (issue 12, both coders share these steps).
Sentences written by us."""

from __future__ import annotations

from functools import lru_cache

import pytest

from diurna.model import Document, Event
from diurna.pipeline import Pipeline

CODERS = ("rules", "learned")


@lru_cache(maxsize=2)
def _pipeline(coder: str) -> Pipeline:
    # the rule steps' attachment (--args rules), which these tests are about: since session 50
    # the default is the learned ranker (A63), which re-decides the parties
    # (docs/events-arguments.md)
    return Pipeline.default(coder=coder, args="rules")


def _events(text: str, coder: str, etype: str) -> list[Event]:
    doc = Document.from_paragraphs("t", "<test>", [text], published="2008-03-01")
    return [e for e in _pipeline(coder)(doc).events if e.type == etype]


def _codes(event: Event, side: str) -> list[str | None]:
    mentions = event.actors if side == "actor" else event.recipients
    return [m.actor.cameo if m.actor is not None else None for m in mentions]


@pytest.mark.parametrize("coder", CODERS)
@pytest.mark.parametrize("sentence, etype, actor, recipient", [
    ("The Russian bombardment of Georgian towns continued on Friday.", "ASSAULT", "RUS", "GEO"),
    ("China's sharp criticism of Japan angered officials in Tokyo.", "ACCUSE", "CHN", "JPN"),
])
def test_of_phrase_after_a_named_actor_is_the_recipient(
        coder: str, sentence: str, etype: str, actor: str, recipient: str) -> None:
    events = _events(sentence, coder, etype)
    assert len(events) == 1
    assert _codes(events[0], "actor") == [actor]
    assert [c[:3] for c in _codes(events[0], "recipient") if c] == [recipient]


@pytest.mark.parametrize("coder", CODERS)
def test_claimed_in_a_relative_clause(coder: str) -> None:
    events = _events("Tunisia was the scene of a synagogue bombing in 2002, for which Al-Qaeda "
                     "claimed responsibility.", coder, "ASSAULT")
    assert len(events) == 1
    assert [c[:3] for c in _codes(events[0], "actor") if c] == ["NSA"]


def test_nobody_claimed_names_no_actor() -> None:
    events = _events("It was the worst bombing in years, for which no group claimed "
                     "responsibility.", "rules", "ASSAULT")
    assert all(not [c for c in _codes(e, "actor") if c] for e in events)
