"""Where an indirect statement's content starts and ends (docs/quotes.md part 9): parts the
parse hangs outside the reported clause that the guidelines count in it, and parts of the
writer's that it hangs inside (sentences written by us, each checked against the guidelines in
docs/annotation-quotes.md §3)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _contents(text: str, cue: str) -> list[str]:
    """The content of every statement of ``text`` whose cue reads ``cue`` (any case)."""
    return [q.text for q in make_doc(text).quotes
            if q.cue is not None and q.cue.text.lower() == cue.lower()]


@pytest.mark.parametrize(("text", "cue", "content"), [
    # a second clause about the speaker's subject, joined to the cue verb by the parse
    ("Police say the driver was tired, and he had slurred speech.",
     "say", "the driver was tired, and he had slurred speech"),
    # a phrase the parse hangs on the object cue that belongs to its object
    ("Syria has denied any role in any of the deaths.", "denied",
     "any role in any of the deaths"),
    # a verb joined to the reported clause in its form ("might exercise … and post"), not a
    # second act of the speaker
    ("Press secretary Scott McClellan hinted that Bush might exercise his constitutional "
     "authority and post him to the U.N. by use of a recess appointment.", "hinted",
     "Bush might exercise his constitutional authority and post him to the U.N. by use of a "
     "recess appointment"),
    # a second object joined to the cue verb
    ("Hezbollah has demanded more power in the Cabinet and a veto on major policies.",
     "demanded", "more power in the Cabinet and a veto on major policies"),
    # "told X to Y": the addressee is part of the request, as in "urge X to Y"
    ("The king told the president to stop talking.", "told", "the president to stop talking"),
    # a "to"-clause after a particle cue's object, past a time phrase
    ("Annan called on Hezbollah, on Monday, to release the two soldiers.", "called on",
     "Hezbollah, on Monday, to release the two soldiers"),
    # a clause before "…, X has admitted" runs to the comma before the speaker
    ("The agency has been recording certain domestic telephone calls and emails, under the "
     "condition that the other end of the message is in a foreign country, the ministry has "
     "admitted.", "admitted",
     "The agency has been recording certain domestic telephone calls and emails, under the "
     "condition that the other end of the message is in a foreign country"),
])
def test_parts_the_parse_hangs_outside_the_clause_are_content(
        text: str, cue: str, content: str) -> None:
    assert _contents(text, cue) == [content]


@pytest.mark.parametrize(("text", "cue", "content"), [
    # the writer's own clause after "but" is not what the minister said
    ("The minister said the strike was illegal, but the unions disagreed.", "said",
     "the strike was illegal"),
    # "told reporters that X": reporters are the audience, not part of what was said
    ("The king told reporters that the talks had failed.", "told", "the talks had failed"),
    # the writer's sentence the parse hangs before the cue verb
    ("The speech was not welcome; the minister warned the council that the plan was "
     "dangerous.", "warned", "the plan was dangerous"),
    # the speaker's next act, joined to a passive reported clause
    ("The premier has stated that the country has been forced to defend itself and went on "
     "television to announce the mobilisation.", "stated",
     "the country has been forced to defend itself"),
    # the writer's background on a person named at the end of the clause
    ("Tsvangirai says he will not negotiate with President Robert Mugabe, who was accused "
     "of rigging the vote.", "says", "he will not negotiate with President Robert Mugabe"),
])
def test_the_writers_words_stay_out(text: str, cue: str, content: str) -> None:
    assert _contents(text, cue) == [content]


def test_quoted_words_that_open_a_longer_clause_make_it_mixed() -> None:
    quotes = make_doc('He said that "no decisions have been made" regarding the cycle path.'
                      ).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("mixed", '"no decisions have been made" regarding the cycle path')]


def test_quoted_words_in_an_object_complement_make_it_mixed() -> None:
    text = ('The commander criticized the protests as acts that could not "be described as '
            'lawful demonstrations".')
    assert [(q.kind, q.text) for q in make_doc(text).quotes] == [
        ("mixed", 'the protests as acts that could not "be described as lawful '
                  'demonstrations"')]


@pytest.mark.parametrize(("text", "content"), [
    # the source's whole phrase is not the content
    ("Young voters may be more liberal than their parents, according to a recent poll "
     "conducted by the Times.", "Young voters may be more liberal than their parents"),
    # a second act joined to the attributed clause is a statement of its own
    ("According to the minister, the pipeline will benefit the region and, furthermore, he "
     "added that the route was safe.", "the pipeline will benefit the region"),
])
def test_according_to_attributes_the_clause_alone(text: str, content: str) -> None:
    assert _contents(text, "according to") == [content]
