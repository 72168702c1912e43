"""Act verbs the trigger lexicon did not list for their type (issue 12, round 41,
docs/events-learned.md "Round 41"): forces called in, war waged, fire returned, barricades erected,
a meeting disrupted, a party contacted, a deal brokered, a party's help appreciated, a protest
lodged, a suit filed, innocence proclaimed, a statement retracted, a recommendation that a party
act, a tip-off. Sentences written for these tests; each type worked out by hand from the
definitions of docs/annotation-events.md §3, and each guard from the word's other common sense."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import paragraph_reader as _reader

from diurna.model import Document


@pytest.fixture(scope="module")
def rules() -> Callable[[str], Document]:
    return _reader("rules")


def _types_at(doc: Document, word: str) -> list[str]:
    """The types of the events whose trigger begins with ``word``."""
    return [e.type for e in doc.events if e.trigger.text.split()[0] == word]


@pytest.mark.parametrize("text, word, etype", [
    # MOBILIZE: "deploying troops or police"
    ("Hundreds of soldiers were called in to restore order in the capital.", "called", "MOBILIZE"),
    ("The army is guarding polling stations across the country.", "guarding", "MOBILIZE"),
    # ASSAULT: "attacks, killings, shootings ... clashes"
    ("The rebels waged a war against the government for ten years.", "waged", "ASSAULT"),
    ("The soldiers returned fire after the convoy was ambushed.", "returned", "ASSAULT"),
    # PROTEST, obstruct: "blockades by protesters"
    ("Protesters erected barricades on the main road to the airport.", "erected", "PROTEST"),
    ("Opposition activists disrupted a news conference of the governor.", "disrupted",
     "PROTEST"),
    # CONSULT: "meetings, talks, visits, phone calls, negotiations"
    ("The ambassador contacted the Danish government on Tuesday.", "contacted", "CONSULT"),
    ("Kofi Annan arrived in Nairobi to broker a compromise between the two parties.", "broker",
     "CONSULT"),
    # SUPPORT: "praise, endorsement, thanks"
    ("The president said he appreciated the efforts of the Egyptian government.", "appreciated",
     "SUPPORT"),
    # ACCUSE: "criticism ... allegations; court findings against a party"
    ("Residents filed suit against the city council over the new tanks.", "filed", "ACCUSE"),
    # REJECT: "denying an accusation"
    ("The former prime minister proclaimed his innocence after his arrest.", "proclaimed",
     "REJECT"),
    # CONCEDE: "backing down"
    ("The Iraqi government retracted the statement after protests.", "retracted", "CONCEDE"),
    # REQUEST: "asking or appealing (polite)", like "advise"
    ("The commission recommended that the government release the six detainees.",
     "recommended", "REQUEST"),
    ("The union suggested that the government invest in vocational schools.", "suggested",
     "REQUEST"),
    # COOPERATE: intelligence shared
    ("Pakistan tipped off the US military about the hideout.", "tipped", "COOPERATE"),
])
def test_an_act_verb_is_coded_by_its_type(rules: Callable[[str], Document], text: str,
                                          word: str, etype: str) -> None:
    assert etype in _types_at(rules(text), word)


@pytest.mark.parametrize("text, word", [
    # another sense of the word, kept out by its guard
    ("The company called in its loans last year.", "called"),  # not a force
    ("Investors should guard against inflation.", "guarding"),
    ("The government will return the land to the farmers.", "returned"),  # RETREAT, not fire
    ("The strike disrupted traffic in the city.", "disrupted"),  # no event obstructed
    ("The company filed for bankruptcy in March.", "filed"),
    ("The minister maintained that the economy was growing.", "maintained"),
    ("The report suggested that the economy is slowing.", "suggested"),  # a claim, not a request
    ("Analysts suggest the currency will appreciate next year.", "appreciate"),
])
def test_another_sense_is_no_act(rules: Callable[[str], Document], text: str, word: str) -> None:
    doc = rules(text)
    assert not [e for e in doc.events if e.trigger.text.split()[0] == word
                and e.type in {"MOBILIZE", "ASSAULT", "PROTEST", "ACCUSE", "REJECT", "REQUEST",
                               "SUPPORT"}], [(e.type, e.trigger.text) for e in doc.events]


def test_an_appreciation_for_help_is_support(rules: Callable[[str], Document]) -> None:
    doc = rules("The president expressed his appreciation for the support of the United States.")
    assert "SUPPORT" in _types_at(doc, "appreciation")
