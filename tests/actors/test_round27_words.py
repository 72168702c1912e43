"""Round 27 (docs/actors.md, "Round 27"): group words the role list lacked. Sentences written
for these tests; codes worked out by hand from docs/actors.md (an armed group fighting a
state is REB, with the story's country; environmental groups are NGOs)."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(("text", "phrase", "code"), [
    # the common misspelling of "guerrillas" (was uncoded)
    ("President Uribe's father was killed by leftist guerillas in Colombia.",
     "leftist guerillas", "COLREB"),
    ("A Maoist guerilla was arrested in Nepal.", "A Maoist guerilla", "NPLREB"),
    # environmental groups are NGOs (was uncoded)
    ("Environmental groups in the United States applauded the finding.",
     "Environmental groups", "USANGO"),
    # left alone: a human rights group stays an NGO, "groups" alone stays uncoded
    ("Human rights groups in Egypt criticised the law.", "Human rights groups", "EGYNGO"),
    ("The groups met in Cairo on Monday.", "The groups", None),
])
def test_group_words(phrase_code: Callable[[str, str], str | None], text: str, phrase: str,
                     code: str | None) -> None:
    assert phrase_code(text, phrase) == code
