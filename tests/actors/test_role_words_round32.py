"""Round 32, item 4 (docs/actors.md, "Round 32"): role words the dictionary lacked. The gold
codes warlords as rebels of their country (train3: "an alliance of warlords" SOMREB) and an
opposition alliance as the opposition (dev6: NPLOPP). Sentences written for these tests; each
expected code worked out by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): uncoded on e18ff59 (checked)
MUST_CHANGE = [
    ("Afghan warlords attacked the town.", "Afghan warlords", "AFGREB"),
    ("Fighting in Somalia continued. The fighting started on Sunday, when an alliance of "
     "warlords attacked the vehicle of a group allied to the Islamic courts.",
     "an alliance of warlords", "SOMREB"),
    ("The Kenyan opposition alliance rejected the result.", "The Kenyan opposition alliance",
     "KENOPP"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    # no state in the text: a role word alone gives no code
    ("The warlords met on Sunday.", "The warlords", None),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_role_word_codes(phrase_code: Callable[[str, str], str | None], text: str, phrase: str,
                         code: str | None) -> None:
    assert phrase_code(text, phrase) == code
