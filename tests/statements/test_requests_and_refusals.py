"""Two shapes the rules' steps read without their content (docs/quotes.md part 50), read after
the learned check: "called for X to Y", where the parse makes "for" the mark of an infinitive
clause (the content is "X to Y", §3's complement of "call for"), and a refusal to comment that
names its topic (the topic is the content, as the read gold gives it). Sentences written by us."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, extract_quotes, learned_check


def _quotes(text: str) -> list[Quote]:
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    return extract_quotes(doc, MentionFinder(doc, Statements()._resolver()),
                          check=learned_check)


def _at(quotes: list[Quote], cue: str) -> list[Quote]:
    return [q for q in quotes if q.cue is not None and q.cue.text == cue]


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
