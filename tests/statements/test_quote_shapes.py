"""Statement shapes of issue 17: split quotes, quoted words in a reported clause, refusals,
agentless attribution, findings, and the kind of source (docs/annotation-quotes.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diurna.model import Mention, Quote
from diurna.statements.sources import source_kind

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _by_cue(quotes: list[Quote], cue: str) -> Quote:
    return next(q for q in quotes if q.cue is not None and q.cue.text == cue)


def test_a_quote_split_by_its_attribution_is_one_statement() -> None:
    doc = make_doc("“We will not leave the city before the talks end,” the mayor said. “The "
                   "people here have suffered enough already.”")
    [q] = [q for q in doc.quotes if q.kind == "direct"]
    assert [p.text for p in q.parts] == [
        "We will not leave the city before the talks end",
        "The people here have suffered enough already."]
    assert q.speaker is not None and q.speaker.text == "the mayor"
    assert q.cue is not None and q.cue.text == "said"
    assert doc.text[q.start:q.end] == q.text and q.text.startswith("We will")
    assert all(doc.text[p.start:p.end] == p.text for p in q.parts)


def test_two_quotes_each_with_its_own_cue_stay_apart() -> None:
    doc = make_doc("“The border will stay closed for another week,” Smith said. “We have no "
                   "plans to send more troops there,” Jones told reporters.")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert len(direct) == 2 and all(not q.parts for q in direct)
    assert [q.speaker.text for q in direct if q.speaker] == ["Smith", "Jones"]


def test_quoted_words_inside_a_reported_clause_make_one_mixed_statement() -> None:
    doc = make_doc("The senator said the new budget was “a betrayal of working families” and "
                   "would fail.")
    assert [q.kind for q in doc.quotes] == ["mixed"]
    (q,) = doc.quotes
    assert "the new budget was" in q.text and "betrayal" in q.text


def test_declined_to_comment_is_a_statement_without_content() -> None:
    # with a topic ("declined to comment on the report") the topic is its content:
    # tests/statements/test_requests_and_refusals.py
    doc = make_doc("The ministry declined to comment.")
    q = _by_cue(doc.quotes, "declined to comment")
    assert q.text == "" and q.start == q.end
    assert q.speaker is not None and q.speaker.text == "The ministry"
    assert q.source_kind == "organisation"


def test_reportedly_attributes_the_predicate_to_an_unnamed_source() -> None:
    doc = make_doc("The former governor reportedly fled with his family to France.")
    q = _by_cue(doc.quotes, "reportedly")
    assert q.speaker is None and q.source_kind == "unnamed"
    assert q.text == "fled with his family to France"


def test_a_poll_that_shows_a_clause_is_a_document_source() -> None:
    doc = make_doc("Recent opinion polls show that most voters oppose the new law.")
    q = _by_cue(doc.quotes, "show")
    assert "most voters oppose the new law" in q.text
    assert q.source_kind == "document"


def test_found_without_a_clause_is_not_a_statement() -> None:
    doc = make_doc("Police found a body near the river on Tuesday.")
    assert doc.quotes == []


def test_source_kinds_from_the_speakers_phrase() -> None:
    def kind(text: str, label: str = "NOUN") -> str:
        return source_kind(Mention(0, len(text), text, label=label))

    assert kind("Angela Merkel", "PERSON") == "person"
    assert kind("the senator") == "person"
    assert kind("she", "PRON") == "person"
    assert kind("The Interior Ministry", "ORG") == "organisation"
    assert kind("a report by the IAEA") == "document"
    assert kind("Officials") == "unnamed"
    assert kind("a source familiar with the talks") == "unnamed"
    assert kind("an Israeli military spokesman") == "unnamed"
    assert source_kind(None) == "unnamed"


def test_an_uncued_quote_continues_the_statement_before_it() -> None:
    doc = make_doc("The mayor said the city would rebuild the bridge within a year.\n\n"
                   "“We have the money and the workers ready to start now.”")
    said = _by_cue(doc.quotes, "said")
    [direct] = [q for q in doc.quotes if q.kind == "direct"]
    assert direct.speaker is not None and direct.speaker.text == said.speaker.text == "The mayor"
    assert direct.cue is not None and direct.cue.start == said.cue.start


def test_quoted_words_inside_an_according_to_statement_are_not_a_rival() -> None:
    doc = make_doc("The four men planned “a devastating attack on the airport fuel lines”, "
                   "according to the indictment.")
    assert [q.kind for q in doc.quotes] == ["mixed"]
    assert doc.quotes[0].cue is not None and doc.quotes[0].cue.text == "according to"


def test_a_name_in_apposition_is_the_speaker_not_the_role() -> None:
    doc = make_doc("“The talks will resume next week in Geneva,” said the head of the "
                   "delegation, Tawfik Tirawi.")
    [q] = doc.quotes
    assert q.speaker is not None and "Tirawi" in q.speaker.text
    assert q.source_kind == "person"


def test_the_object_of_a_denial_or_condemnation_is_the_statement() -> None:
    doc = make_doc("The minister denied the allegations. The Pope condemned the kidnapping of "
                   "the two aid workers.")
    assert _by_cue(doc.quotes, "denied").text == "the allegations"
    assert _by_cue(doc.quotes, "condemned").text == "the kidnapping of the two aid workers"


def test_indirect_content_leaves_out_that() -> None:
    doc = make_doc("The spokesman said that the ceasefire would hold through the weekend.")
    assert _by_cue(doc.quotes, "said").text == "the ceasefire would hold through the weekend"


def test_a_dateline_is_never_the_speaker() -> None:
    doc = make_doc("KABUL, Afghanistan — Officials said five soldiers were killed in the blast.")
    q = _by_cue(doc.quotes, "said")
    assert q.speaker is not None and q.speaker.text == "Officials"
    assert q.source_kind == "unnamed"


def test_the_outlet_told_is_the_reporting_chain_not_the_speaker() -> None:
    doc = make_doc("The minister told Reuters that the talks had failed.")
    q = _by_cue(doc.quotes, "told")
    assert q.speaker is not None and q.speaker.text == "The minister"
    assert [s.text for s in q.sources] == ["Reuters"]
    reporters = _by_cue(make_doc("The minister told reporters that the talks had failed.").quotes,
                        "told")
    assert reporters.sources == []  # "told reporters" is no channel


def test_quoted_as_saying_makes_the_one_quoted_the_speaker() -> None:
    doc = make_doc("Reuters quoted a senior official as saying that the border would reopen "
                   "on Monday.")
    [q] = doc.quotes
    assert q.text == "the border would reopen on Monday"
    assert q.speaker is not None and q.speaker.text.endswith("official")
    assert [s.text for s in q.sources] == ["Reuters"]


# Round 3: stances, more object statements, trailing "has admitted", criticism and report
# nouns, "according to" before its clause, quoted words past the parse's clause, titles,
# agentless passives and judgements, and the rule resolver for "he"/"the minister" speakers.

@pytest.mark.parametrize(("text", "cue", "content", "speaker"), [
    ("The group suspects that the deployment of soldiers is an attempt to flush out activist "
     "leaders.", "suspects",
     "the deployment of soldiers is an attempt to flush out activist leaders", "The group"),
    ("The agency has been monitoring calls from abroad, the White House has admitted.",
     "admitted", "The agency has been monitoring calls from abroad", "the White House"),
    ("The bomb went off an hour after the rally began and according to some sources the "
     "bomber mingled within the crowd.", "according to", "the bomber mingled within the crowd",
     "some sources"),
    ("His criticism of the handling of the war angered the generals.", "criticism",
     "of the handling of the war", "His"),
])
def test_round_3_statement_shapes_with_content_and_speaker(text: str, cue: str, content: str,
                                                            speaker: str) -> None:
    """A stance with a finite clause, a trailing "has admitted", "according to" before its
    clause, and criticism as a noun: each is one statement with this content and speaker."""
    q = _by_cue(make_doc(text).quotes, cue)
    assert q.text == content
    assert q.speaker is not None and speaker in q.speaker.text


def test_an_intention_is_no_stance() -> None:
    assert not make_doc("The senator hopes to win the seat in November.").quotes


def test_defended_and_asked_for_take_their_object_as_content() -> None:
    doc = make_doc("The attorney general defended the program as legal and constitutional.")
    q = _by_cue(doc.quotes, "defended")
    assert q.text == "the program as legal and constitutional"
    doc = make_doc("The prime minister asked the governor for his resignation.")
    q = _by_cue(doc.quotes, "asked")
    assert "his resignation" in q.text


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
