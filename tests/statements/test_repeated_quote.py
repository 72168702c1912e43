"""A direct quote read again as an indirect statement of another cue is one statement (part 21).

"According to the police, “…”" and "“…,” Bakiyev said, according to Interfax" gave on the tree
before this change a direct quote and an indirect statement of "according to" with the same
words: one speech event counted twice (docs/annotation-quotes.md: the unit is the speech
event). The direct quote stays; when it has no cue of its own it takes the other's speaker and
cue. A clause that holds quoted words (mixed) and a statement beside a quote are left alone.
Each case was read by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (sentence, kind, cue, speaker, first words) of the one statement left
REPEATED = [
    ("According to the police, “When more than ninety people gather in the square, officers "
     "must ask them to leave at once.”", "direct", "According to", "the police",
     "When more than ninety"),
    ("“It didn’t enter my head that this could happen,” Bakiyev said, according to the Interfax "
     "news agency.", "direct", "said", "Bakiyev", "It didn’t enter"),
]
# (sentence, the statements as (kind, cue))
LEFT = [
    ("The minister said the budget was “a plan that punishes the poor and rewards the rich” and "
     "promised to vote against it.", [("mixed", "said")]),
    ("The ministry denied the report, claiming “there is no way a small group of students could "
     "organise ten thousand people in one day.”", [("indirect", "denied"), ("direct", "claiming")]),
]


def _statements(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.kind, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None, q.text)
            for q in make_doc(text).quotes]


@pytest.mark.parametrize(("text", "kind", "cue", "speaker", "start"), REPEATED)
def test_a_quote_read_twice_is_one_direct_statement(text: str, kind: str, cue: str,
                                                   speaker: str, start: str) -> None:
    [(got_kind, got_cue, got_speaker, content)] = _statements(text)
    assert (got_kind, got_cue, got_speaker) == (kind, cue, speaker)
    assert content.startswith(start)


@pytest.mark.parametrize(("text", "statements"), LEFT)
def test_a_mixed_clause_or_a_statement_beside_a_quote_stays(
        text: str, statements: list[tuple[str, str]]) -> None:
    assert [(kind, cue) for kind, cue, _, _ in _statements(text)] == statements
