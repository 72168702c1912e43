"""The PLOVER ontology file: complete, consistent, and the one source of docs/ontology.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diurna.events.ontology import load_ontology, parse, render_markdown

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "DEMAND", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}


def test_all_plover_types_with_cameo_codes() -> None:
    onto = load_ontology()
    assert set(onto.types) == PLOVER_TYPES
    for t in onto.types.values():
        assert re.fullmatch(r"\d{2,4}", t.cameo), t.name
        assert t.triggers, f"{t.name} has no trigger"
        for m in t.modes.values():
            assert re.fullmatch(r"\d{2,4}", m.cameo), (t.name, m.name)


def test_crosswalk_examples_checked_against_the_cameo_codebook() -> None:
    onto = load_ontology()
    assert onto.cameo("DEMAND", None) == "10"
    assert onto.cameo("DEMAND", "withdraw") == "1056"  # demand de-escalation of military engagement
    assert onto.cameo("ASSAULT", "aerial") == "195"  # employ aerial weapons
    assert onto.cameo("ASSAULT", "firearms") == "193"  # fight with small arms and light weapons
    assert onto.cameo("PROTEST", "demo") == "141"  # demonstrate or rally
    assert onto.cameo("COERCE", "arrest") == "173"  # arrest, detain, or charge with legal action
    assert onto.cameo("CONSULT", "phone") == "041"  # discuss by telephone
    assert onto.cameo("NOPE", None) is None


def test_trigger_lexicon_lookups() -> None:
    onto = load_ontology()
    [call_on] = [t for t in onto.verbs["call"] if t.part == "on"]
    assert call_on.type == "DEMAND"
    assert any(t.type == "ASSAULT" for t in onto.nouns["attack"])
    assert {t.type for t in onto.verbs["urge"]} == {"REQUEST"}
    assert onto.mode_from_cues("DEMAND", {"withdraw", "troop"}) == "withdraw"


def test_unknown_mode_and_unquoted_yaml_booleans_are_rejected() -> None:
    base = {"types": {"DEMAND": {"category": "c", "description": "d", "cameo": "10",
                                 "modes": {}, "triggers": {"verbs": {"demand": "nope"}}}}}
    with pytest.raises(ValueError, match="unknown mode"):
        parse(base)
    base["types"]["DEMAND"]["triggers"] = {"nouns": {"call": {"requires": [True]}}}
    with pytest.raises(ValueError, match="quote it"):
        parse(base)


def test_a_refused_ontology_file_is_named_with_the_modes_to_choose_from(tmp_path: Path) -> None:
    bad = tmp_path / "my-plover.yaml"
    bad.write_text('types:\n  DEMAND: {category: c, description: d, cameo: "10",\n'
                   '    modes: {withdraw: {cameo: "1011"}}, triggers: {verbs: {demand: nope}}}\n',
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"my-plover\.yaml: DEMAND: .*'nope'.*\['withdraw'\]"):
        load_ontology(str(bad))


def test_docs_are_generated_from_the_data_file() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"
    assert docs.read_text(encoding="utf-8") == render_markdown(), (
        "docs/ontology.md is stale: run python -m diurna.events.ontology > docs/ontology.md")
