"""Statement shapes of issue 17, round 3: stances, more object statements, trailing "has
admitted", criticism nouns, "according to" before its clause, quoted words past the parse's
clause, titles, agentless passives, and the rule resolver for "he"/"the minister" speakers."""

from __future__ import annotations

import sys
from pathlib import Path

from diurna.model import Quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _by_cue(quotes: list[Quote], cue: str) -> Quote:
    return next(q for q in quotes if q.cue is not None and q.cue.text == cue)


def test_a_stance_with_a_finite_clause_is_a_statement_but_an_intention_is_not() -> None:
    doc = make_doc("The group suspects that the deployment of soldiers is an attempt to flush "
                   "out activist leaders.")
    q = _by_cue(doc.quotes, "suspects")
    assert q.text == "the deployment of soldiers is an attempt to flush out activist leaders"
    assert q.speaker is not None and q.speaker.text == "The group"
    assert not make_doc("The senator hopes to win the seat in November.").quotes


def test_defended_and_asked_for_take_their_object_as_content() -> None:
    doc = make_doc("The attorney general defended the program as legal and constitutional.")
    q = _by_cue(doc.quotes, "defended")
    assert q.text == "the program as legal and constitutional"
    doc = make_doc("The prime minister asked the governor for his resignation.")
    q = _by_cue(doc.quotes, "asked")
    assert "his resignation" in q.text


def test_a_trailing_perfect_attribution_is_read() -> None:
    doc = make_doc("The agency has been monitoring calls from abroad, the White House has "
                   "admitted.")
    q = _by_cue(doc.quotes, "admitted")
    assert q.text == "The agency has been monitoring calls from abroad"
    assert q.speaker is not None and q.speaker.text == "the White House"


def test_criticism_of_something_is_a_statement_of_its_holder() -> None:
    doc = make_doc("His criticism of the handling of the war angered the generals.")
    q = _by_cue(doc.quotes, "criticism")
    assert q.text == "of the handling of the war"


def test_according_to_before_its_clause_attributes_that_clause() -> None:
    doc = make_doc("The bomb went off an hour after the rally began and according to some "
                   "sources the bomber mingled within the crowd.")
    q = _by_cue(doc.quotes, "according to")
    assert q.text == "the bomber mingled within the crowd"
    assert q.speaker is not None and q.speaker.text == "some sources"


def test_quoted_words_ending_the_sentence_stay_inside_the_reported_clause() -> None:
    doc = make_doc("The report stated that the drug trade in the region is \"an enormous "
                   "threat to world stability.\"")
    assert [q.kind for q in doc.quotes] == ["mixed"]
    assert doc.quotes[0].text.endswith("world stability.\"")


def test_a_title_in_quotation_marks_is_not_a_quote() -> None:
    doc = make_doc("He spoke to reporters about the film \"A Night in Soweto\" on Monday.")
    assert not [q for q in doc.quotes if q.kind == "direct"]


def test_an_agentless_passive_has_no_speaker() -> None:
    doc = make_doc("Three soldiers were killed in what is thought to have been a friendly fire "
                   "incident.")
    q = _by_cue(doc.quotes, "thought")
    assert q.speaker is None and q.source_kind == "unnamed"


def test_a_short_reference_and_a_pronoun_name_the_person_before_them() -> None:
    doc = make_doc("Foreign Minister Ali Larijani arrived in Geneva on Monday. The minister "
                   "said the talks would resume next week.")
    q = _by_cue(doc.quotes, "said")
    assert q.speaker is not None and q.speaker.text == "Ali Larijani"
    doc = make_doc("Maria Ruiz, a lawyer for the families, spoke outside the court on Friday. "
                   "She said the ruling would be appealed.")
    q = _by_cue(doc.quotes, "said")
    assert q.speaker is not None and q.speaker.text == "Maria Ruiz"


def test_an_agentless_judgement_and_reports_of_something_are_unnamed_statements() -> None:
    doc = make_doc("The town is considered a progressive bastion in the region.")
    q = _by_cue(doc.quotes, "considered")
    assert q.text == "a progressive bastion in the region"
    assert q.speaker is None and q.source_kind == "unnamed"
    doc = make_doc("There were reports of stones being thrown at the border guards.")
    q = _by_cue(doc.quotes, "reports")
    assert q.text == "of stones being thrown at the border guards"
