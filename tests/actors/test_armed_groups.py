"""Armed groups and other named bodies in running text: each group is its own actor.

The expected codes follow docs/actors.md ("Choices made for groups"); they were written from
what each group is, not read off the resolver's output.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import pytest
import yaml

from diurna.actors.dictionary import ActorDictionary, _data
from diurna.model import Document, Mention


def _mention(doc: Document, text: str) -> Mention:
    found = [m for m in doc.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in doc.mentions]}"
    return found[0]


@pytest.mark.parametrize("name, cameo, ident", [
    # the small spaCy model tags these PERSON: the whole entity is still the group
    ("Boko Haram", "NGAREB", "NGA-BOKOHARAM"),
    ("Ansar Allah", "YEMREB", "YEM-HOUTHI"),
    ("Kata'ib Hezbollah", "IRQREB", "IRQ-KH"),
    ("Tatmadaw", "MMRMIL", "MMR-TATMADAW"),
    # groups that were missing
    ("Sinaloa Cartel", "MEXCRM", "MEX-SINALOA"),
    ("Tren de Aragua", "VENCRM", "VEN-TDA"),
    ("Southern Transitional Council", "YEMREB", "YEM-STC"),
    ("Oromo Liberation Army", "ETHREB", "ETH-OLA"),
    ("New People's Army", "PHLREB", "PHL-NPA"),
    ("Polisario Front", "ESHREB", "ESH-POLISARIO"),
    ("Lashkar-e-Taiba", "PAKREB", "PAK-LET"),
    ("Rosgvardia", "RUSCOP", "RUS-ROSGVARDIA"),
])
def test_group_named_in_a_sentence(resolve: Callable[[str], Document], name: str, cameo: str,
                                   ident: str) -> None:
    doc = resolve(f"On Monday, {name} accused the government of lying.")
    actor = _mention(doc, name).actor
    assert actor is not None, name
    assert (actor.cameo, actor.id) == (cameo, ident)


@pytest.mark.parametrize("first, second", [
    ("M23", "ADF"), ("Arakan Army", "KIA"), ("TTP", "BLA"), ("JNIM", "ISGS"),
    ("al-Qaeda", "AQAP"), ("TPLF", "Fano"), ("MS-13", "Barrio 18"), ("Taliban", "ISKP"),
    ("Kataib Hezbollah", "Asaib Ahl al-Haq"), ("SBU", "HUR"), ("Xinhua", "Global Times"),
])
def test_distinct_groups_are_distinct_actors(resolve: Callable[[str], Document], first: str,
                                             second: str) -> None:
    # a group is never reported under another group's name, even where the code is the same
    doc = resolve(f"{first} accused {second} of the attack on Sunday.")
    a, b = _mention(doc, first).actor, _mention(doc, second).actor
    assert a is not None and b is not None
    assert a.id != b.id and a.name != b.name


def test_name_inside_a_longer_person_name_is_not_the_actor(
        resolve: Callable[[str], Document]) -> None:
    doc = resolve("Robert Jordan said the talks had failed.")
    assert all(m.actor is None or m.actor.id != "JOR" for m in doc.mentions)


def test_each_alias_belongs_to_one_builtin_entry() -> None:
    entries = yaml.safe_load(_data("actors.yaml"))
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for alias in [e["name"], *e.get("aliases", [])]:
            owners[alias.lower()].add(e["id"])
    shared = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_codes_agree_with_country_and_sector() -> None:
    d = ActorDictionary.load(env=False)
    for e in yaml.safe_load(_data("actors.yaml")):
        actor = d.actors[e["id"]]
        if actor.sector == "PRX":
            assert actor.cameo == f"{actor.affiliation}PRX", actor
        elif actor.country:
            assert actor.cameo == actor.country + actor.sector, actor
        else:
            assert actor.cameo[:3] in ("IGO", "NSA"), actor
