"""One statement read twice is one line (docs/quotes.md part 47).

On the tree before this change an agentless judgement ("is seen as X") came out twice when the
learned check kept both its candidates: step 4's rules' reading and step 2's reading of the
same words as another verb's candidate (the development page 360c732d had two identical rows).
And a clause a named speaker said, holding "reportedly", came out again as an agentless
"reportedly" statement of the same words. A user exporting statements got the row twice; the
quote scorer counts the copy as a false positive. Each sentence was read by hand; the two
sentences of the first kind give the check's candidate a probability of about 0.55 (above its
0.5 bar), with the shipped check.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diurna.model import Mention, Quote, Span
from diurna.statements.quotes import _one_line_each

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

# (sentence, cue, speaker, source kind, content) of the one statement left
READ_TWICE = [
    ("The firm's choice to sell its shares in Hong Kong despite months of unrest is seen as a "
     "vote of confidence from Beijing in the city's standing as an Asian financial hub.",
     "seen", None, "unnamed",
     "as a vote of confidence from Beijing in the city's standing as an Asian financial hub"),
    ("The group's choice to sell its shares in Hong Kong despite months of protests is widely "
     "seen as a vote of confidence from Beijing in the city's standing as an Asian trading hub.",
     "seen", None, "unnamed",
     "as a vote of confidence from Beijing in the city's standing as an Asian trading hub"),
    ("During a search of the house, officers reportedly found two rifles and a large amount of "
     "cash, police spokesman John Harris said.", "said", "police spokesman John Harris",
     "person", "During a search of the house, officers reportedly found two rifles and a large "
     "amount of cash"),
]


def _statements(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(q.cue.text if q.cue else None, q.speaker.text if q.speaker else None,
             q.source_kind, q.text) for q in make_doc(text).quotes]


@pytest.mark.parametrize(("text", "cue", "speaker", "kind", "content"), READ_TWICE)
def test_a_statement_read_twice_is_one_line(text: str, cue: str, speaker: str | None,
                                            kind: str, content: str) -> None:
    assert _statements(text) == [(cue, speaker, kind, content)]


def test_a_reported_clause_with_no_speaker_of_its_own_stays() -> None:
    # "reportedly" alone is the sentence's only attribution: nothing reads it twice
    assert _statements("Investigators reportedly found two rifles in the house.") == [
        ("reportedly", None, "unnamed", "found two rifles in the house")]


TEXT = "Smith told reporters and Jones told the council that the plant would close."


def _quote(cue: str, speaker: str | None) -> Quote:
    start = TEXT.index("the plant")
    at = TEXT.index(cue)
    who = Mention(TEXT.index(speaker), TEXT.index(speaker) + len(speaker), speaker) \
        if speaker else None
    return Quote(start, len(TEXT) - 1, TEXT[start:-1], kind="indirect", speaker=who,
                 cue=Span(at, at + len(cue), cue))


def test_at_one_cue_the_first_reading_made_stays() -> None:
    rules, other = _quote("told the council", "Jones"), _quote("told the council", "Jones")
    other.source_kind = "person"
    kept = _one_line_each(TEXT, [rules, other])
    assert len(kept) == 1 and kept[0] is rules


def test_two_speakers_cues_over_the_same_words_are_two_lines() -> None:
    smith, jones = _quote("told reporters", "Smith"), _quote("told the council", "Jones")
    assert _one_line_each(TEXT, [smith, jones]) == [smith, jones]


def test_the_speakers_statement_replaces_a_speakerless_copy_made_before_it() -> None:
    hedge, jones = _quote("told reporters", None), _quote("told the council", "Jones")
    follows = Quote(0, 5, "Smith", kind="indirect", cue=Span(6, 10, "told"))
    assert _one_line_each(TEXT, [hedge, follows, jones]) == [jones, follows]
