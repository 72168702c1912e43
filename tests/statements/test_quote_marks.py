"""Quotation marks as news text prints them (docs/quotes.md part 27).

Two shapes the stage read wrong on dev3, each checked by hand on 37e75fa (the tests fail there):
a straight opening mark closed by a curly one (""Everyone … centre,” said Kate"), which left
the passage unread and paired every later straight mark with the wrong partner; and a quote
that runs over paragraphs, whose paragraphs each open with a mark and only the last closes
(""We have to employ … process.⏎⏎"On numerous …""), whose open paragraph was never read. The
guide merges a quoted paragraph with no cue into the cued quote before it
(docs/annotation-quotes.md, "One speech event, one line")."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

MIXED = ('"The talks were useful and we will meet again next week,” said Maria Lopez, a '
         'delegate. The mayor later told reporters, "The city will pay for the repairs to the '
         'bridge." He added that the work would start in May.')

OVER_PARAGRAPHS = ('"We will rebuild the school before the winter comes," said the mayor, John '
                   'Smith.\n\n"The money comes from the state and from our own budget.\n\n'
                   '"Nobody will lose a single class because of the fire."\n\n'
                   'The fire started on Monday night.')

# each paragraph's quote closes and has its own verb: two quotes, as before
CLOSED = ('"We will rebuild the school before the winter comes," said the mayor, John Smith.'
          '\n\n"The state has not paid a cent so far," said Anna Berg, the head teacher.')


def _direct(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None)
            for q in make_doc(text).quotes if q.kind == "direct"]


def test_a_straight_mark_closed_by_a_curly_one_is_a_quote() -> None:
    assert _direct(MIXED) == [
        ("The talks were useful and we will meet again next week", "said", "Maria Lopez"),
        ("The city will pay for the repairs to the bridge.", "told", "The mayor"),
    ]


def test_a_quote_over_three_paragraphs_is_one_quote_of_three_parts() -> None:
    quotes = [q for q in make_doc(OVER_PARAGRAPHS).quotes if q.kind == "direct"]
    assert [[p.text for p in q.parts] for q in quotes] == [[
        "We will rebuild the school before the winter comes",
        "The money comes from the state and from our own budget.",
        "Nobody will lose a single class because of the fire.",
    ]]
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"


def test_closed_quotes_in_two_paragraphs_stay_two_quotes() -> None:
    assert [(words[:20], cue) for words, cue, _ in _direct(CLOSED)] == [
        ("We will rebuild the ", "said"), ("The state has not pa", "said")]
