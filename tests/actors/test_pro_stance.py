"""Round 33 (docs/actors.md, "Round 33"): "pro-X" names X as a patron only for those who bear
arms. "Pro-Iranian militias" are Iran's proxies (IRNPRX, docs/annotation-events.md §6), but
"pro-Syrian opposition parties" in Lebanon are Lebanon's opposition: the gold codes every
"pro-X" party, official, organisation or activist by its own state, never X. Sentences written
for these tests; each expected code worked out by hand from the guideline.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): each SYRPRX / SYR on 47d15e2 (checked); "politicians" is PTY in roles.yaml
MUST_CHANGE = [
    ("Lebanon's parliament met in Beirut. The pro-Syrian opposition parties walked out.",
     "The pro-Syrian opposition parties", "LBNOPP"),
    ("Lebanon's cabinet met in Beirut. Pro-Syrian politicians left the room.",
     "Pro-Syrian politicians", "LBNPTY"),
    ("In Lebanon, the pro-Syrian Lebanon-based organization denied the report.",
     "the pro-Syrian Lebanon-based organization", "LBN"),
]

# (text, phrase, code): armed "pro-X" stay X's proxies
LEAVE_ALONE = [
    ("Pro-Iranian militias shelled the town.", "Pro-Iranian militias", "IRNPRX"),
    ("Fighting in Ukraine: pro-Russian separatists shelled the town.",
     "pro-Russian separatists", "RUSPRX"),
    ("Iranian-backed forces entered the town.", "Iranian-backed forces", "IRNPRX"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_pro_stance_codes(phrase_code: Callable[[str, str], str | None], text: str,
                          phrase: str, code: str | None) -> None:
    assert phrase_code(text, phrase) == code
