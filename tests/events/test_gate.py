"""The learned coder's relevance gate (``--gate``): on pages that are not political news only
sentences where a coded party (of public life, with ``parties``) can be found are coded;
political pages are untouched."""

from __future__ import annotations

import pytest

from diurna.events.gate import actor_sentences, read_all, sentence_gate
from diurna.model import Document
from diurna.pipeline import GATES, Pipeline

# A recipe page (long enough for the coder to judge it: no public body in it) with one sentence
# about the police: "Stir ..." and "Remove the jars ..." are instructions, the arrest is an act.
RECIPE = [
    "Making jam at home is easier than it looks, and a summer afternoon is all you need.",
    "In addition to the canner pot, you will need some mason jars, a ladle, and a funnel.",
    "Add your jars to the hot water and let them get warm while you cook the fruit.",
    "Stir the berries and the sugar over a medium heat until the mixture starts to bubble.",
    "Remove the jars from the boiling water and let them cool for several hours.",
    "Fill each jar, leaving a little space at the top, and wipe the rims with a clean cloth.",
    "Store the sealed jars in a cool, dark cupboard and they will keep for a year.",
    "Police arrested two men who stole a van of strawberries from a farm near Leeds on Tuesday.",
]
WAR = ["Russian troops attacked the Ukrainian city of Kharkiv on Monday, the Ukrainian army said.",
       "The government in Kyiv condemned the attack and called for new sanctions against Moscow."]


def _events(gate: str, paragraphs: list[str]) -> list[tuple[str, str, list[str]]]:
    doc = Pipeline.default(gate=gate)(
        Document.from_paragraphs("t", "<test>", paragraphs, published="2024-03-01"))
    return [(e.type, e.trigger.text, [m.text for m in e.actors]) for e in doc.events]


@pytest.mark.parametrize("gate", ["actors", "parties"])
def test_gate_codes_only_sentences_with_a_party_on_a_recipe_page(gate: str) -> None:
    events = _events(gate, RECIPE)
    triggers = {trigger for _, trigger, _ in events}
    assert not triggers & {"Stir", "Remove", "Add", "Fill", "Store"}
    assert ("COERCE", "arrested", ["Police"]) in events  # the police's act is still coded


def test_gate_leaves_political_pages_as_they_were() -> None:
    gated = _events("actors", WAR)
    assert gated == _events("off", WAR)
    assert {t for t, _, _ in gated} >= {"ASSAULT", "ACCUSE"}


def test_gate_is_on_by_default_and_can_be_switched_off() -> None:
    assert GATES[0] == "actors"
    assert Pipeline.default().get("events").sentences is actor_sentences  # type: ignore[attr-defined]
    assert Pipeline.default(gate="off").get("events").sentences is read_all  # type: ignore[attr-defined]


def test_unknown_gate_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="actors, parties, off"):
        sentence_gate("everything")
    with pytest.raises(ValueError, match="unknown gate"):
        Pipeline.default(gate="everything")
