"""Speech-act nouns with the clause they govern (docs/quotes.md part 41): the guideline counts
requests, offers, promises, demands, calls, threats, warnings, appeals and pledges as speech acts
whose content is their complement (docs/annotation-quotes.md), so "his pledge to close …" and
"made demands that …" are statements, cue the noun, speaker the holder the phrase names (sentences
written by us)."""

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


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), [
    # the possessive holds the pledge; the infinitive is what was pledged
    ("The mayor's pledge to close three libraries angered many parents.",
     "pledge", "to close three libraries", "mayor"),
    # a "by" phrase holds the promise
    ("The deal includes a promise by the army to withdraw its troops from the city.",
     "promise", "to withdraw its troops from the city", "army"),
    # a verb that only issues the act: its subject made the demands
    ("The kidnappers have made demands that all the prisoners be released by Friday.",
     "demands", "that all the prisoners be released by Friday", "kidnappers"),
])
def test_act_noun_states_its_clause(text: str, cue: str, content: str, speaker: str) -> None:
    found = _at(_quotes(text), cue)
    assert [q.text for q in found] == [content]
    assert found[0].kind == "indirect"
    assert found[0].speaker is not None and speaker in found[0].speaker.text


def test_act_noun_without_a_holder_has_no_speaker() -> None:
    # the government ignored the requests; it did not make them, and no one else is named
    found = _at(_quotes("The government ignored repeated requests to hand over the documents."),
                "requests")
    assert [q.text for q in found] == ["to hand over the documents"]
    assert found[0].speaker is None


@pytest.mark.parametrize(("text", "cue"), [
    ("The school closed its library early in order to save money.", "order"),
    ("The armed group remains a threat to national security.", "threat"),
])
def test_no_act_without_a_governed_clause(text: str, cue: str) -> None:
    assert _at(_quotes(text), cue) == []


def test_clause_a_verb_already_states_is_not_read_twice() -> None:
    # "criticised" states the pledge as its object: the pledge's clause gets no second line
    quotes = _quotes("The council criticised the mayor's pledge to close three libraries.")
    assert _at(quotes, "pledge") == []
    assert [q.text for q in _at(quotes, "criticised")] == [
        "the mayor's pledge to close three libraries"]
