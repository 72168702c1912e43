"""Statements stage: direct and indirect quotes with speaker, cue and reporting chain."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diurna.model import Document
from diurna.statements import Statements

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import SEED_ACTORS, make_doc, seed_body  # noqa: E402


def _check_provenance(doc: Document) -> None:
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        for span in [q.cue, q.speaker, *q.sources]:
            if span is not None:
                assert doc.text[span.start:span.end] == span.text


@pytest.fixture(scope="module")
def seed() -> Document:
    return make_doc(seed_body(), SEED_ACTORS, "seed")


def test_curly_quote_with_trailing_speaker_and_reporting_chain(seed: Document) -> None:
    direct = [q for q in seed.quotes if q.kind == "direct"]
    velayati = next(q for q in direct if q.text.startswith("Iran is in Syria legitimately"))
    assert velayati.speaker is not None and velayati.speaker.text == "Velayati"
    assert velayati.cue is not None and velayati.cue.text == "said"
    assert [s.text for s in velayati.sources] == ["the Iranian Mehr News Agency"]
    # the content is inside the quotation marks, without them
    assert "“" not in velayati.text and "”" not in velayati.text
    tillerson = next(q for q in direct if q.text.startswith("We are quite concerned"))
    assert tillerson.speaker is not None and tillerson.speaker.text == "Tillerson"
    assert [s.text for s in tillerson.sources] == ["the US Radio Free Europe/Radio Liberty"]
    _check_provenance(seed)


def test_indirect_statements_of_the_seed(seed: Document) -> None:
    indirect = {(q.cue.text if q.cue else None): q for q in seed.quotes if q.kind == "indirect"}
    stressed = indirect["stressed"]
    assert stressed.speaker is not None and stressed.speaker.text == "Khamenei’s top advisor"
    assert "the Iranian deployment in Syria is approved" in stressed.text
    claimed = indirect["claimed"]
    assert claimed.speaker is not None and claimed.speaker.text == "The US-led coalition"
    assert "foiled an attack" in claimed.text
    suggested = indirect["suggested"]
    assert suggested.speaker is not None and suggested.speaker.text == "new reports"
    assert "massing bigger forces" in suggested.text
    # "called on" is a cue; both calls are found with their speakers
    calls = [q for q in seed.quotes if q.cue is not None and q.cue.text == "called on"]
    assert [q.speaker.text for q in calls if q.speaker] == [
        "Ali Akbar Velayati", "Secretary of State Rex Tillerson"]
    # "…, according to several reports" with no speech verb: the reports are the speaker
    according = next(q for q in seed.quotes if q.cue is not None and q.cue.text == "according to")
    assert according.speaker is not None and according.speaker.text.startswith("several reports")


def test_straight_quotes_and_speaker_before_the_quote() -> None:
    doc = make_doc('The minister said: "We will never leave the northern city."')
    [q] = doc.quotes
    assert q.kind == "direct"
    assert q.text == "We will never leave the northern city."
    assert q.speaker is not None and q.speaker.text == "The minister"
    _check_provenance(doc)


def test_scare_quotes_are_not_statements() -> None:
    doc = make_doc("He called the plan “reckless” in a speech.")
    assert all(q.kind != "direct" for q in doc.quotes)


def test_denial_and_accusation_cues() -> None:
    doc = make_doc("Russia denied that its warplanes had bombed the hospital. "
                   "The minister accused Turkey of shelling the village.")
    cues = {q.cue.text: q for q in doc.quotes if q.cue}
    assert cues["denied"].speaker is not None and cues["denied"].speaker.text == "Russia"
    assert "bombed the hospital" in cues["denied"].text
    assert "shelling the village" in cues["accused"].text
    _check_provenance(doc)


def test_without_a_parse_nothing_is_made() -> None:
    doc = Document(id="x", source="t", text="“We will not go,” he said.")
    assert Statements()(doc).quotes == []


def test_a_statement_noun_with_a_that_clause_is_a_statement() -> None:
    doc = make_doc("Sondland's testimony that the president had blocked the aid was disputed.",
                   {"Sondland": "USAGOV"})
    _check_provenance(doc)
    (q,) = doc.quotes
    assert q.text == "that the president had blocked the aid"
    assert q.cue is not None and q.cue.text == "testimony"
    assert q.speaker is not None and q.speaker.text == "Sondland"


def test_a_relative_clause_on_a_statement_noun_is_not_a_statement() -> None:
    doc = make_doc("The report that Russia published on Monday criticized NATO.", {})
    assert not any(q.cue is not None and q.cue.text == "report" for q in doc.quotes)


def test_reporting_verbs_beyond_say_introduce_statements() -> None:
    doc = make_doc("The minister disclosed that the army had shelled the border town.", {})
    (q,) = doc.quotes
    assert q.cue is not None and q.cue.text == "disclosed"
    assert q.speaker is not None and q.speaker.text == "The minister"


def test_another_partys_statement_is_not_part_of_the_reported_clause() -> None:
    # the parser hangs "while the Arab League condemned ..." inside what the EU stressed
    doc = make_doc("The European Union stressed the decision would not change the reality "
                   "that the settlements were illegal, while the Arab League condemned the "
                   "move announced on Monday.", {})
    _check_provenance(doc)
    stressed = next(q for q in doc.quotes if q.cue is not None and q.cue.text == "stressed")
    assert stressed.text.endswith("the settlements were illegal")
    assert "Arab League" not in stressed.text


def test_a_misparsed_subject_is_not_what_was_said() -> None:
    # the parser reads the long subject as a clause of "criticised" (which then has no
    # subject); what the two states criticised is the plan, not their own treaties
    doc = make_doc("The only two Gulf states to have signed defence pacts with Britain - Oman "
                   "and Bahrain - also sharply criticised the new plan.", {})
    assert not any(q.cue is not None and q.cue.text == "criticised" and "signed" in q.text
                   for q in doc.quotes)
