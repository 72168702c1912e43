"""Who is accused when the accusation is a clause, a judgement or criticism received (issue 12,
round 16), checked by hand against docs/annotation-events.md §6 on our own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document, Event, Mention


@pytest.fixture(scope="module", params=["rules", "learned"])
def read(request: pytest.FixtureRequest) -> Callable[[str], Document]:
    """Both coders' reading of one paragraph: the argument steps are shared."""
    from diurna.pipeline import Pipeline

    pipeline = Pipeline.default(coder=request.param)

    def run(text: str) -> Document:
        return pipeline(Document.from_paragraphs("t", "<test>", [text], published="2024-03-01"))

    return run


def _codes(ms: list[Mention]) -> list[str | None]:
    return [m.actor.cameo if m.actor is not None else None for m in ms]


def _at(doc: Document, trigger: str) -> Event:
    found = [e for e in doc.events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in doc.events]
    return found[0]


def test_the_subject_of_the_alleged_clause_is_accused(read: Callable[[str], Document]) -> None:
    doc = read("The Venezuelan government alleged that Colombia had violated its airspace.")
    alleged = _at(doc, "alleged")
    assert alleged.type == "ACCUSE"
    assert (_codes(alleged.actors), _codes(alleged.recipients)) == (["VENGOV"], ["COL"])
    doc = read("Palestinian President Mahmoud Abbas complained that the British monitors had "
               "left the prison without warning.")
    complained = _at(doc, "complained")
    assert [m.text for m in complained.recipients] == ["the British monitors"]


def test_an_expletive_subject_is_no_one_accused(read: Callable[[str], Document]) -> None:
    doc = read("The Venezuelan government alleged that it was a plot against the nation.")
    alleged = _at(doc, "alleged")
    assert _codes(alleged.actors) == ["VENGOV"] and not alleged.recipients


def test_criticism_received_is_aimed_at_the_subject(read: Callable[[str], Document]) -> None:
    doc = read("The Iraqi foreign minister has come under criticism for his remarks.")
    criticism = _at(doc, "criticism")
    assert criticism.type == "ACCUSE"
    assert not criticism.actors  # no critic named
    assert _codes(criticism.recipients) == ["IRQGOV"]


def test_critical_of_is_the_subjects_judgement_of_the_object() -> None:
    # the rule coder codes no adjective outside a statement; the learned one does, and the
    # argument step reads who judges whom
    from diurna.pipeline import Pipeline

    doc = Pipeline.default(coder="learned")(Document.from_paragraphs(
        "t", "<test>", ["Canadian opposition politicians were critical of the Iranian "
                        "government on Tuesday."], published="2024-03-01"))
    critical = _at(doc, "critical")
    assert critical.type == "ACCUSE"
    assert [c[:3] for c in _codes(critical.actors) if c] == ["CAN"]
    assert _codes(critical.recipients) == ["IRNGOV"]


def test_who_acts_through_a_described_thing(read: Callable[[str], Document]) -> None:
    # the participle or infinitive describes a thing: the one who has or makes the thing acts
    doc = read("Before the signing, President Putin had the opportunity to meet with the Greek "
               "prime minister.")
    meet = _at(doc, "meet")
    assert (_codes(meet.actors), _codes(meet.recipients)) == (["RUSGOV"], ["GRCGOV"])
    doc = read("Australia will press on with plans to withdraw its troops from Iraq in June.")
    assert _codes(_at(doc, "withdraw").actors) == ["AUS"]


def test_people_a_participle_describes_act_themselves(read: Callable[[str], Document]) -> None:
    doc = read("Police arrested dozens of Chilean students protesting the fee rise.")
    protesting = [e for e in doc.events if e.trigger.text == "protesting"]
    # not the police's act: the students' own (or none when the coder leaves it out)
    assert all("CHLCOP" not in _codes(e.actors) for e in protesting)
    assert all(not any(m.text == "Police" for m in e.actors) for e in protesting)
