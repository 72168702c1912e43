"""The built-in dictionary of political persons (src/diurna/actors/data/persons.yaml).

The expected codes are public facts checked by hand (the office each person held, coded as in
docs/actors.md: executives GOV, legislators LEG, FBI COP, CIA SPY, armed groups as their group),
never values copied from the resolver's output."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from importlib.resources import files
from typing import Any

import pytest
import yaml

from diurna.actors import ActorResolver
from diurna.actors.dictionary import ACTOR
from diurna.model import Document


def _persons(name: str = "persons.yaml") -> list[dict[str, Any]]:
    text = files("diurna.actors").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, list)
    return data


def code_of(doc: Document, text: str) -> str | None:
    """The code of the mention whose text is exactly ``text`` (it must be found)."""
    found = [m for m in doc.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in doc.mentions]}"
    actor = found[0].actor
    return actor.cameo if actor is not None else None


# ------------------------------------------------------------------------- the data itself
def test_ids_unique_and_codes_consistent() -> None:
    entries = _persons()
    assert len(entries) > 500  # the coverage rule, not a short list of famous names
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert e["id"].startswith("P-") and e["kind"] == "person", e
        if e["country"]:
            assert e["cameo"] == e["country"] + e["sector"], e
        else:  # IGO heads and transnational groups
            assert e["cameo"][:3] in ("IGO", "NSA"), e


def test_no_id_is_given_twice_across_the_built_in_files() -> None:
    # a later entry with an id replaces the earlier one (how user files override), so a repeated
    # id inside the built-in data silently loses a person (session 39 met four such)
    ids = [e["id"] for name in ("actors.yaml", "persons.yaml") for e in _persons(name)]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_no_alias_names_two_persons() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in _persons():
        for alias in [e["name"], *e["aliases"]]:
            owners[" ".join(alias.lower().split())].add(e["id"])
    assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


def test_person_aliases_do_not_shadow_other_names(resolver: ActorResolver) -> None:
    """A person alias never replaces a country, body, demonym, capital or role word of the
    same spelling ("Wagner" stays the Wagner Group, "Jordan" the country)."""
    d = resolver.dictionary
    for e in _persons():
        for alias in e["aliases"]:
            for reading in d.aliases.get(" ".join(alias.lower().split()), []):
                if reading.kind == ACTOR and d.actors[reading.target].kind == "person":
                    continue
                pytest.fail(f"{e['id']} alias {alias!r} clashes with {reading}")


# Surnames that are also a common word, a first name, a place or another famous person's name:
# checked by hand, they must never be an alias on their own.
AMBIGUOUS_SURNAMES = ["Harris", "Warren", "Johnson", "Rice", "Price", "Barr", "Austin", "May",
                      "Truss", "Sessions", "Garland", "Graham", "Sanders", "Cameron", "Jordan",
                      "Kerry", "Bolton", "Wallace", "Hunt", "Haley", "Sharif", "Khan", "Aoun",
                      "Herzog", "Schumer", "McCain", "Pistorius", "Abe", "Kennedy", "Bondi"]


def test_ambiguous_surnames_are_not_aliases() -> None:
    aliases = {a for e in _persons() for a in [e["name"], *e["aliases"]]}
    assert [s for s in AMBIGUOUS_SURNAMES if s in aliases] == []


# ---------------------------------------------------------------- resolution in sentences
@pytest.mark.parametrize(("text", "phrase", "code"), [
    # Iran's foreign minister since 2024
    ("Iranian officials met in Vienna. Araghchi said the talks were useful.", "Araghchi",
     "IRNGOV"),
    # Speaker of the House 2019-2023: a legislator
    ("Pelosi criticised the plan on Tuesday.", "Pelosi", "USALEG"),
    # FBI director 2013-2017 (FBI is USACOP), CIA director 2018-2021 (CIA is USASPY)
    ("Comey testified that Haspel had been briefed.", "Comey", "USACOP"),
    ("Comey testified that Haspel had been briefed.", "Haspel", "USASPY"),
    # the RSF commander (RSF is SDNREB); the Sudanese army chief
    ("Hemedti attacked El Fasher, and al-Burhan vowed revenge.", "Hemedti", "SDNREB"),
    ("Hemedti attacked El Fasher, and al-Burhan vowed revenge.", "al-Burhan", "SDNMIL"),
    # President of the European Commission; Secretary General of NATO since 2024
    ("Ursula von der Leyen met Rutte in Brussels.", "Ursula von der Leyen", "IGOEUR"),
    ("Ursula von der Leyen met Rutte in Brussels.", "Rutte", "IGONAT"),
    # Presidents of Brazil and Argentina
    ("Lula and Milei traded insults.", "Lula", "BRAGOV"),
    ("Lula and Milei traded insults.", "Milei", "ARGGOV"),
])
def test_new_persons_resolve(resolve: Callable[[str], Document], text: str, phrase: str,
                             code: str) -> None:
    assert code_of(resolve(text), phrase) == code


def test_known_person_beats_the_story_country(resolve: Callable[[str], Document]) -> None:
    # a China story: Starmer (UK prime minister since 2024) stays British
    doc = resolve("China warned Britain. China summoned diplomats. Starmer rejected the "
                  "warning.")
    assert code_of(doc, "Starmer") == "GBRGOV"


def test_militia_leader_keeps_patron(resolve: Callable[[str], Document]) -> None:
    # deputy head of Iraq's Popular Mobilization Forces, killed with Soleimani in January 2020
    doc = resolve("Abu Mahdi al-Muhandis was killed alongside Soleimani.")
    found = [m for m in doc.mentions if m.text == "Abu Mahdi al-Muhandis"]
    assert found and found[0].actor is not None
    assert (found[0].actor.cameo, found[0].actor.affiliation) == ("IRQMIL", "IRN")


def test_ambiguous_surname_alone_is_not_resolved(resolve: Callable[[str], Document]) -> None:
    # "Harris" (Kamala Harris is listed by full name only) and "Warren" name many people
    assert code_of(resolve("Harris said the deal was fair."), "Harris") is None
    assert code_of(resolve("Warren said the deal was fair."), "Warren") is None


def test_relative_is_not_the_listed_person(resolve: Callable[[str], Document]) -> None:
    # no "McCain" surname alias: Cindy McCain (head of the WFP 2023-2025) is not the senator
    assert code_of(resolve("Cindy McCain warned of famine."), "Cindy McCain") != "USALEG"


def test_surname_after_a_full_name_in_the_same_text(resolve: Callable[[str], Document]) -> None:
    doc = resolve("Kamala Harris visited Iowa on Monday. Later Harris said the deal was fair.")
    mentions = [m for m in doc.mentions if m.text == "Harris"]
    assert mentions and mentions[0].actor is not None and mentions[0].actor.cameo[:3] == "USA"
