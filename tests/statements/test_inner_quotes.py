"""A quote in single marks inside a quoted passage is a direct quote of its own (part 26).

"… interviewed a second soldier who said,'Yes, I heard something similar,' …": the gold gives a
nested attribution its own line (docs/annotation-quotes.md §11), but the stage paired only
double marks, and spaCy's tokenizer kept "said,'Yes" one token, hiding the verb. Before this
change none of these sentences had the inner quote (checked by hand on 3f302cc). Single marks
that are apostrophes, or a quote whose verb does not stand right before the mark, give none."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (text, the inner quote's words, its cue, its speaker)
INNER = [
    ('Investigators then "followed up and they interviewed a second soldier who said,\'Yes, I '
     'heard something similar,\'... but in the version he had heard, that the soldiers had '
     'returned," the U.S. official said.', "Yes, I heard something similar", "said",
     "a second soldier"),
    ('Senator Abetz said the Labor Party "is going to try to play the technical game and '
     'say,\'The government will only give us one day to deal with the issue.\'"',
     "The government will only give us one day to deal with the issue.", "say",
     "the Labor Party"),
]
# quoted passages with single marks that are no inner quote of their own
NONE = [
    # apostrophes: a contraction and a plural possessive
    'The minister said "the soldiers\' unit will not move, and we don\'t expect it to '
    'move before the talks end."',
    # the mark opens after a noun, not right after a verb
    'Critics said the plan "is wrong, and I say to the minister: \'Stop the cuts now, or the '
    'schools will close\' before the vote," a teacher said.',
]


@pytest.mark.parametrize(("text", "words", "cue", "speaker"), INNER)
def test_a_single_quoted_quote_inside_a_quote_is_its_own_direct_quote(
        text: str, words: str, cue: str, speaker: str) -> None:
    inner = [q for q in make_doc(text).quotes if q.kind == "direct" and q.text == words]
    assert [(q.cue.text if q.cue else None, q.speaker.text if q.speaker else None)
            for q in inner] == [(cue, speaker)]


@pytest.mark.parametrize("text", NONE)
def test_apostrophes_and_marks_after_no_verb_make_no_inner_quote(text: str) -> None:
    assert not any(q.kind == "direct" and "'" not in q.text and q.text[:1].isupper()
                   and len(q.text) < 60 for q in make_doc(text).quotes)

