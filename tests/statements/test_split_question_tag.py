"""A quote ending in "?" or "!" followed by its short attribution ("…?” Aderholt asked again.")
is that speaker's, though the parser ends the sentence at the closing mark: the attribution is
read as the quote's cue instead of the previous speaker being carried onto it (docs/quotes.md
part 39)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document

LEAD = "Bridenstine said the rocket would be ready by June. "


@pytest.mark.parametrize("quoted, tag, speaker, cue", [
    ("“And if it is not available, what is the contingency plan?”", "Aderholt asked again.",
     "Aderholt", "asked"),
    ("“Can I give it to James?”", "Brooke tearfully asked before apologizing to the host.",
     "Brooke", "asked"),
    ("“He told me, ‘So he is going to do the investigation?’”", "Holmes testified.",
     "Holmes", "testified"),
])
def test_tag_after_question_is_the_cue(read_body: Callable[[str], Document], quoted: str,
                                       tag: str, speaker: str, cue: str) -> None:
    doc = read_body(LEAD + quoted + " " + tag)
    quote = next(q for q in doc.quotes if q.kind == "direct")
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize("after", [
    # a sentence of its own, not an attribution: no cue is read from it
    " The agency never answered that question.",
    # the attribution in the next paragraph is not this quote's
    "\n\nAderholt asked again about the budget.",
])
def test_no_tag_no_cue(read_body: Callable[[str], Document], after: str) -> None:
    doc = read_body(LEAD + "“What is the contingency plan?”" + after)
    quote = next(q for q in doc.quotes if q.kind == "direct")
    assert quote.cue is None or quote.cue.text != "asked"
    assert quote.speaker is None or "Aderholt" not in quote.speaker.text
