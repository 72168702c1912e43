"""Shapes the rules' steps read without their content (docs/quotes.md parts 50-51), read after
the learned check: "called / appealed for X to Y", where the parse makes "for" the mark of an
infinitive clause (the content is "X to Y", §3's complement of "call for"), a refusal to comment
that names its topic (the topic is the content, as the read gold gives it, without an addressee),
and a stance adjective after a copula ("was critical of Y"); request nouns ("orders for X") are
not read. Sentences written by us."""

from __future__ import annotations

import pytest
from tests.statement_helpers import at_cue as _at
from tests.statement_helpers import quotes_of as _quotes


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The opposition leader called for the minister to resign.", "the minister to resign",
     "The opposition leader"),
    ("Several unions have called for the government to raise the minimum wage.",
     "the government to raise the minimum wage", "Several unions"),
])
def test_called_for_someone_to_act_is_a_request(text: str, content: str, speaker: str) -> None:
    [q] = _at(_quotes(text), "called for")
    assert q.text == content and q.kind == "indirect"
    assert q.speaker is not None and q.speaker.text == speaker


def test_waiting_for_someone_to_act_is_no_statement() -> None:
    assert _quotes("They waited for the bus to arrive.") == []


def test_called_for_a_noun_stays_one_statement() -> None:
    [q] = _quotes("She called for an inquiry.")
    assert q.cue is not None and q.cue.text == "called for" and q.text == "an inquiry"


@pytest.mark.parametrize(("text", "cue", "topic", "speaker"), [
    ("The ministry would not comment on the report.", "comment", "the report", "The ministry"),
    ("The company refused to comment on whether the plant would close.", "refused to comment",
     "whether the plant would close", "The company"),
    ("The mayor made no comment on the proposal.", "made no comment", "the proposal",
     "The mayor"),
])
def test_a_refusal_that_names_its_topic_has_it_as_content(text: str, cue: str, topic: str,
                                                          speaker: str) -> None:
    [q] = _quotes(text)
    assert q.cue is not None and q.cue.text == cue
    assert q.text == topic and q.kind == "indirect"
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_refusal_without_a_topic_keeps_no_content() -> None:
    [q] = _at(_quotes("The ministry declined to comment."), "declined to comment")
    assert q.text == "" and q.start == q.end


def test_the_refusal_and_the_next_speaker_stay_two_statements() -> None:
    quotes = _quotes("The police did not comment on the arrests, but a spokesman said the "
                     "suspects were released.")
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes] == [
        ("comment", "the arrests"), ("said", "the suspects were released")]


# Part 51: the further shapes of the same cause, and their near neighbours (sentences ours).

def test_a_refusal_topic_leaves_out_whom_it_was_told_to() -> None:
    # the parse hangs "to Reuters" on "pricing": the addressee is no part of the topic
    [q] = _quotes("An Alibaba spokesperson declined to comment on the pricing to Reuters "
                  "on Tuesday.")
    assert q.text == "the pricing"


def test_a_topic_ending_in_a_place_keeps_it() -> None:
    [q] = _quotes("The council would not comment on the transfer of the files to a new site.")
    assert q.text == "the transfer of the files to a new site"


def test_appealed_for_someone_to_act_reads_what_is_requested() -> None:
    [q] = _at(_quotes("The president appealed for the rebels to lay down their arms."),
              "appealed for")
    assert q.text == "the rebels to lay down their arms" and q.kind == "indirect"
    assert q.speaker is not None and q.speaker.text == "The president"


@pytest.mark.parametrize("text", [
    "Retailers took orders for the new laptop from Monday.",
    "The agency issued a call for proposals in March.",
    "The ministry filed a request for funds to repair the bridge.",
])
def test_a_request_noun_is_not_read_as_a_statement(text: str) -> None:
    # part 51: the request nouns read mostly trade and procedure on the development pages, so
    # the shipped bundle leaves them out
    assert not [q for q in _quotes(text) if q.cue is not None and "for" in q.cue.text.split()]


@pytest.mark.parametrize("text", [
    "Residents appealed for calm.",
    "The board must approve the plan in order for the sale to go ahead.",
    "The army has not responded to a request for comment.",
    "They published a statement called A Call for Justice.",
    '"A call for a boycott would serve no purpose and it would be a great pity," she said.',
])
def test_near_neighbours_of_a_request_are_not_read_as_one(text: str) -> None:
    assert not [q for q in _quotes(text) if q.cue is not None and "for" in q.cue.text.split()]


def test_called_for_calm_without_a_clause_keeps_its_reading() -> None:
    [q] = _quotes("The mayor called for calm.")
    assert q.cue is not None and q.cue.text == "called for" and q.text == "calm"


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), [
    ("The senator was critical of the budget.", "was critical of", "the budget", "The senator"),
    ("The mayor has been sceptical about the plan.", "has been sceptical about", "the plan",
     "The mayor"),
])
def test_a_stance_adjective_is_a_statement(text: str, cue: str, content: str,
                                           speaker: str) -> None:
    [q] = _quotes(text)
    assert q.cue is not None and q.cue.text == cue and q.text == content
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "The ministry said it was optimistic about the talks.",
    "She met an author critical of the government.",
    '"I am optimistic about the prospects for peace in the region," the envoy said.',
])
def test_a_stance_adjective_inside_another_reading_adds_nothing(text: str) -> None:
    assert not [q for q in _quotes(text) if q.cue is not None and q.cue.text.endswith(
        ("of", "about"))]
