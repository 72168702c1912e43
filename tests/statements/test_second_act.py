"""A second speech act the parse hangs on the cue ends the first statement (docs/quotes.md part
46, trial): "said the aid was welcome, however he expressed disappointment that …" reports two
statements, and the first one's content stops before the second act. A clause the speaker
reports with its own cue inside ("said he believes the vote was fair") stays whole (sentences
written by us)."""

from __future__ import annotations

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


def test_own_second_act_ends_the_first_statement() -> None:
    quotes = _quotes("The minister said that aid for schools and hospitals is always welcome, "
                     "however she expressed concern that the money would only last a year.")
    assert [q.text for q in _at(quotes, "said")] == [
        "aid for schools and hospitals is always welcome"]
    # the second act stays a statement of its own
    assert [q.text for q in _at(quotes, "expressed")] == ["the money would only last a year"]


def test_other_speakers_act_ends_the_first_statement() -> None:
    quotes = _quotes("Officials said the summit has given new momentum to plans for a regional "
                     "treaty, however some say a deal is still distant.")
    assert [q.text for q in _at(quotes, "said")] == [
        "the summit has given new momentum to plans for a regional treaty"]
    assert [q.text for q in _at(quotes, "say")] == ["a deal is still distant"]


def test_reported_clause_with_its_own_cue_stays_whole() -> None:
    quotes = _quotes("The senator said he believes the vote was fair and open.")
    said = _at(quotes, "said")
    assert [q.text for q in said] == ["he believes the vote was fair and open"]
