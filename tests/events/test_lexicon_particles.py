"""The trigger lexicon as the learned coder reads it (issue 12, round 43, docs/events-learned.md
"Round 43"): an entry with a particle names its act only with that particle, so "call in" (forces,
MOBILIZE) and "call for" (DEMAND) tell the models nothing about "called him a liar". Sentences
written for these tests; the entries each one opens read by hand from plover.yaml: as a verb,
"call" is listed only with a particle (MOBILIZE's "call in", DEMAND's "call on" / "call for" /
"call upon"); its noun entries (CONSULT's "call" with "with", DEMAND's "call" with "for"/"on")
have no particle and are read as before, on every "call"; "table" is listed only in CONSULT's
"negotiating table"."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import before_events

from diurna.events.learned import models_only, sparse_features
from diurna.events.ontology import load_ontology


def _lex_types(text: str, word: str, index: str = "verb") -> set[str]:
    """The types the MLP's ``lex=`` features give ``word`` in ``text`` from the lexicon's
    ``index`` (verb, noun or adj entries)."""
    doc = before_events(text)
    tok = next(t for t in doc.nlp if t.text == word)
    feats = sparse_features(tok, load_ontology(), {}, [], set(), {})
    prefix = f"lex={index}|"
    return {f[len(prefix):] for f in feats if f.startswith(prefix)}


@pytest.mark.parametrize("text, types", [
    ("The opposition called for talks with the government.", {"DEMAND"}),
    ("The governor called in troops to restore order.", {"MOBILIZE"}),
    ("The senator called him a liar on Tuesday.", set()),
])
def test_a_particle_entry_speaks_only_where_its_particle_is(text: str, types: set[str]) -> None:
    assert _lex_types(text, "called") == types


def test_a_word_without_the_particle_rests_on_the_models_alone() -> None:
    # models_only: no rule event and no lexicon entry for the type -> the stricter cut applies;
    # only "call in" lists "call" for MOBILIZE
    onto = load_ontology()
    doc: Any = before_events("The senator called him a liar on Tuesday.")
    called = next(t for t in doc.nlp if t.text == "called")
    assert models_only(called, "MOBILIZE", {}, onto)
    doc = before_events("The governor called in troops to restore order.")
    called = next(t for t in doc.nlp if t.text == "called")
    assert not models_only(called, "MOBILIZE", {}, onto)


def test_a_noun_compound_entry_needs_its_modifier() -> None:
    assert _lex_types("Both sides returned to the negotiating table on Monday.", "table",
                      "noun") == {"CONSULT"}
    assert _lex_types("Both sides sat at the kitchen table on Monday.", "table", "noun") == set()
