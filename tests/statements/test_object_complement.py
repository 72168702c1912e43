"""An object statement the check keeps takes the verb's complement as printed
(docs/annotation-quotes.md §3: "accuse X of Y", "criticise X for Y"), whichever the verb: the
phrases after the object of a verb outside the object cues join it ("thanked Canada for its
contribution"), read after the learned check so that its rows stay the same; a time phrase
ends the content, quotation marks are never crossed, and a recording run keeps the candidate
as the check judges it (docs/quotes.md part 42; sentences written by us)."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, extract_quotes


def _statements(text: str, record: list[tuple[Quote, bool]] | None = None) -> list[Quote]:
    """The statements of ``text``, the learned check admitting every candidate."""
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    return extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), record=record,
                          check=lambda d, cands: [True] * len(cands))


def _at(quotes: list[Quote], cue: str) -> list[str]:
    return [q.text for q in quotes if q.cue is not None and q.cue.text == cue]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The mayor thanked the firefighters for their courage.", "thanked",
     "the firefighters for their courage"),
    ("Critics see the treaty as a threat to national sovereignty.", "see",
     "the treaty as a threat to national sovereignty"),
    ("The senator attacked the governor for cutting school budgets.", "attacked",
     "the governor for cutting school budgets"),
    ("Organizers estimated the crowd at about 20,000.", "estimated", "the crowd at about 20,000"),
    ("Opposition leaders hailed the ruling as a victory for democracy.", "hailed",
     "the ruling as a victory for democracy"),
    ("The union blasted the ministry over the delays.", "blasted",
     "the ministry over the delays"),
])
def test_the_phrase_after_the_object_is_part_of_the_statement(text: str, cue: str,
                                                               content: str) -> None:
    assert _at(_statements(text), cue) == [content]


def test_a_time_after_the_object_is_not_what_was_announced() -> None:
    assert _at(_statements("The company announced the merger on Monday."), "announced") == [
        "the merger"]


def test_a_time_phrase_ends_the_content() -> None:
    # "for their courage" after the day is not joined across it
    assert _at(_statements("The mayor thanked the firefighters on Monday for their courage."),
               "thanked") == ["the firefighters"]


def test_the_content_stops_before_the_next_clause() -> None:
    quotes = _statements("The mayor thanked the firefighters for their courage, and the "
                         "governor praised the police.")
    assert _at(quotes, "thanked") == ["the firefighters for their courage"]
    assert _at(quotes, "praised") == ["the police"]


def test_a_quote_in_the_phrase_is_not_swallowed() -> None:
    quotes = _statements('The coach thanked the fans for "the best support I have ever seen in '
                         'this stadium," the club said.')
    assert _at(quotes, "thanked") == ["the fans"]
    assert _at(quotes, "said") == ["the best support I have ever seen in this stadium"]


def test_a_recording_run_keeps_the_candidate_the_check_judged() -> None:
    record: list[tuple[Quote, bool]] = []
    quotes = _statements("The mayor thanked the firefighters for their courage.", record)
    assert [q.text for q, _ in record] == ["the firefighters"]
    assert _at(quotes, "thanked") == ["the firefighters"]
