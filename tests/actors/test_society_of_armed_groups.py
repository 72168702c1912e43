"""Round 32 (docs/actors.md, "Round 32"): a named armed group's civilians, press, refugees or
students are the people of the group's country with their own sector, not the group. The
post-Soviet breakaway states are dictionary armed groups (GEOREB and so on), so before this round
"the people of Abkhazia" became GEOREB. Sentences written for these tests; each expected code
worked out by hand from docs/annotation-events.md §6 (CVL civilians, MED media, REF refugees).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): each GEOREB / PSEREB on e18ff59 (checked)
MUST_CHANGE = [
    ("The people of Abkhazia protested against Georgia.", "The people of Abkhazia", "GEOCVL"),
    ("Abkhaz civilians fled the fighting.", "Abkhaz civilians", "GEOCVL"),
    ("The state news agency of South Ossetia reported the attack.",
     "The state news agency of South Ossetia", "GEOMED"),
    ("South Ossetian journalists said the town was shelled.", "South Ossetian journalists",
     "GEOMED"),
    ("Abkhaz refugees returned home.", "Abkhaz refugees", "GEOREF"),
    ("Tskhinvali is the capital of South Ossetia. Its population fled.", "Its population",
     "GEOCVL"),
]

# (text, phrase, code): the group's own forces, officials and leaders stay the group
LEAVE_ALONE = [
    ("Abkhaz forces shelled the gorge.", "Abkhaz forces", "GEOREB"),
    ("The Abkhaz government rejected the plan.", "The Abkhaz government", "GEOREB"),
    ("Transnistrian officials closed the border.", "Transnistrian officials", "MDAREB"),
    ("The Abkhaz side rejected the plan.", "The Abkhaz side", "GEOREB"),
    ("Hezbollah fighters fired rockets.", "Hezbollah fighters", "LBNREB"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_armed_group_society_codes(phrase_code: Callable[[str, str], str | None], text: str,
                                   phrase: str, code: str | None) -> None:
    assert phrase_code(text, phrase) == code
