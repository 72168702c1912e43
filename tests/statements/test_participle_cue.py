"""A participle with a clause of its own after a quote reports that clause (part 26).

"… said Labour would “not be judged by their promises …”, adding that Labour have not kept their
previous promises": on 3f302cc the quote took "adding" for its cue (the first cue after its
closing mark), so "adding" offered no statement of its own, and "…,” the military said, adding
that the “CID investigation began …”" joined the second quote to the first as one split quote
(checked by hand). The gold gives "adding" its own line. A participle with no clause after it
stays the quote's cue."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (text, the participle's statement: kind, speaker, words)
OWN = [
    ('Sir Menzies Campbell said Labour would "not be judged by their promises, but by what they '
     'have done", adding that Labour have not kept their previous promises.',
     ("indirect", "Sir Menzies Campbell", "Labour have not kept their previous promises")),
    ('"A preliminary inquiry found sufficient information existed to recommend a criminal '
     'investigation," the military said, adding that the "CID investigation began on June 24, '
     'and is ongoing."',
     ("mixed", "the military", 'the "CID investigation began on June 24, and is ongoing."')),
]


@pytest.mark.parametrize(("text", "statement"), OWN)
def test_a_participle_with_its_own_clause_has_its_own_statement(
        text: str, statement: tuple[str, str, str]) -> None:
    got = [(q.kind, q.speaker.text if q.speaker else "", q.text) for q in make_doc(text).quotes
           if q.cue is not None and q.cue.text == "adding"]
    assert got == [statement]


def test_the_first_quote_keeps_its_own_words_and_cue() -> None:
    text = OWN[1][0]
    first = next(q for q in make_doc(text).quotes if q.text.startswith("A preliminary"))
    assert (first.kind, first.cue.text if first.cue else None) == ("direct", "said")
    assert first.text.endswith("criminal investigation")


def test_a_participle_with_no_clause_after_a_quote_stays_its_cue() -> None:
    text = ('"The happy one is the one chosen to be a martyr," he could be seen saying in the '
            'video.')
    [quote] = make_doc(text).quotes
    assert (quote.kind, quote.cue.text if quote.cue else None) == ("direct", "saying")
