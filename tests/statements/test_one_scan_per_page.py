"""The statements stage reads a page's words into one table and each step visits only the words
its own first test can pass (docs/quotes.md part 52: a speed change, the same statements). A page
holding every shape whose scan was narrowed must give each statement it gives the shape's
sentence alone: a step must not lose a word to another step's scan of the same table, nor to a
sentence skipped for having no attribution verb (sentences written by us)."""

from __future__ import annotations

from tests.statement_helpers import quotes_of as _quotes

from diurna.model import Quote

# one sentence per narrowed scan: a final attribution (step 2a, skipped in sentences without a
# verb of _TAIL_VERBS), "according to" (step 3), a parenthetical and a noun-tagged cue (step 5),
# "called for X to Y", a refusal's topic and a stance adjective (step 6)
SENTENCES = [
    "Israeli airstrikes killed at least 20 people in Gaza on Tuesday, health officials said.",
    "The bridge will reopen in May, according to the transport ministry.",
    "The ministry, he says, has been far too slow in opening the new offices.",
    "Bloomberg News states that calls to the consulting firm weren't immediately returned.",
    "The opposition leader called for the minister to resign.",
    "The council would not comment on the transfer of the files to a new site.",
    "The governor was critical of the budget.",
    "Heavy rain fell across the valley overnight.",
]


def _readings(quotes: list[Quote]) -> set[tuple[str, str, str]]:
    return {(q.cue.text if q.cue else "", q.text, q.speaker.text if q.speaker else "")
            for q in quotes}


def test_a_page_of_every_narrowed_shape_reads_each_as_its_sentence_alone() -> None:
    alone = set().union(*(_readings(_quotes(s)) for s in SENTENCES))
    page = _readings(_quotes(" ".join(SENTENCES)))
    # each shape is found (written out, so that a shape found in neither reading fails too)
    expected = {
        ("said", "Israeli airstrikes killed at least 20 people in Gaza on Tuesday"),
        ("according to", "The bridge will reopen in May"),
        ("states", "calls to the consulting firm weren't immediately returned"),
        ("called for", "the minister to resign"),
        ("comment", "the transfer of the files to a new site"),
        ("was critical of", "the budget"),
    }
    for reading in (alone, page):
        assert expected <= {(cue, text) for cue, text, _ in reading}
        assert any(cue == "says" for cue, _, _ in reading)
    assert page == alone
