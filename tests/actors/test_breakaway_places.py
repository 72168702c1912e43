"""Round 33 (docs/actors.md, "Round 33"): a place named with a breakaway state's adjective is a
place of the state it broke from, not the armed group. The gold codes "the Palestinian village
of X" and "an Israeli settlement" by the country (PSECVL, ISRCVL), never as a party of its own;
before this round "the Ossetian town of Tskhinvali" took GEOREB, the South Ossetian side.
Sentences written for these tests; expected codes worked out by hand.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): each GEOREB / MDAREB on 47d15e2 (checked)
MUST_CHANGE = [
    ("Georgian troops shelled the Ossetian town of Tskhinvali.", "the Ossetian town of Tskhinvali",
     "GEO"),
    ("Georgia shelled the Abkhaz village of Otobaia.", "the Abkhaz village of Otobaia", "GEO"),
    ("Moldova closed the roads to the Transnistrian city of Bender.",
     "the Transnistrian city of Bender", "MDA"),
]

# (text, phrase, code): the group itself and its forces stay the group
LEAVE_ALONE = [
    ("Ossetian forces shelled Georgian villages.", "Ossetian forces", "GEOREB"),
    ("The Abkhaz side rejected the plan.", "The Abkhaz side", "GEOREB"),
    ("Georgian troops shelled the Palestinian village of Nilin.",
     "the Palestinian village of Nilin", "PSE"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_breakaway_place_codes(phrase_code: Callable[[str, str], str | None], text: str,
                               phrase: str, code: str | None) -> None:
    assert phrase_code(text, phrase) == code
