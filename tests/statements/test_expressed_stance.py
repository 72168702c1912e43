"""Statements cued by "express"/"voice" + a stance noun and by the cue verbs chosen from the
training gold (bench/quote_cues.py): the content is the noun's complement, and an expressed
feeling with no complement is no statement (sentences written by us)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diurna.model import Quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _by_cue(quotes: list[Quote], cue: str) -> list[Quote]:
    return [q for q in quotes if q.cue is not None and q.cue.text == cue]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The foreign minister expressed concern that the ceasefire would not hold.",
     "expressed", "the ceasefire would not hold"),
    ("Delegates at the summit voiced their support for a new round of talks.",
     "voiced", "a new round of talks"),
    ("Both governments expressed the desire to expand trade between the two ports.",
     "expressed", "to expand trade between the two ports"),
    ("The opposition leader questioned whether the budget could be passed before May.",
     "questioned", "whether the budget could be passed before May"),
])
def test_the_complement_is_the_statement(text: str, cue: str, content: str) -> None:
    found = _by_cue(make_doc(text).quotes, cue)
    assert [q.text for q in found] == [content]
    assert found[0].speaker is not None


@pytest.mark.parametrize(("text", "cue"), [
    ("Many voters expressed interest in the race for mayor.", "expressed"),
    ("The singer expressed her feelings in a new song.", "expressed"),
    ("Police questioned the driver for two hours.", "questioned"),
])
def test_no_statement_without_a_stated_position(text: str, cue: str) -> None:
    assert _by_cue(make_doc(text).quotes, cue) == []


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The mayor condemned the bombing calling it an attack on the whole city.",
     "condemned", "the bombing"),
    ("The council praised the decision saying that it would protect the river.",
     "praised", "the decision"),
])
def test_a_participle_on_the_object_is_the_speakers_next_statement(
        text: str, cue: str, content: str) -> None:
    assert [q.text for q in _by_cue(make_doc(text).quotes, cue)] == [content]


@pytest.mark.parametrize(("text", "cue", "tail"), [
    ("The union rejected the offer because it did not protect pensions.",
     "rejected", "because it did not protect pensions"),
    ("Critics claim the new bridge is unnecessary, given the low traffic on the old one.",
     "claim", "given the low traffic on the old one"),
])
def test_a_stated_reason_belongs_to_the_statement(text: str, cue: str, tail: str) -> None:
    found = _by_cue(make_doc(text).quotes, cue)
    assert len(found) == 1 and found[0].text.endswith(tail)


def test_a_purpose_clause_after_the_object_is_part_of_the_request() -> None:
    doc = make_doc("The dairy farmers requested the ministry in May 2006 to lower the tariff.")
    found = _by_cue(doc.quotes, "requested")
    assert [q.text for q in found] == ["the ministry in May 2006 to lower the tariff"]
