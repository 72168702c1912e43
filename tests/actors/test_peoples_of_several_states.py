"""Round 32 (docs/actors.md, "Round 32"; the decision in docs/annotation-events.md, "Peoples of
several states"): a people of several states named as a noun ("the Kurds", "Pashtuns") is
coded as civilians of the state its phrase or the context names, and stays uncoded with no
state. It is never coded by the people's name alone. Sentences written for these tests; the
expected codes were worked out by hand (train4's gold codes "groups of Iraqi Kurds" IRQCVL).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): on e18ff59 the first is IRQ, the others uncoded (checked)
MUST_CHANGE = [
    ("Groups of Iraqi Kurds were murdered in the 1980s.", "Groups of Iraqi Kurds", "IRQCVL"),
    ("The Kurds rejected the constitution in Iraq.", "The Kurds", "IRQCVL"),
    ("Iraq's parliament met on Sunday. The Kurds walked out.", "The Kurds", "IRQCVL"),
    ("Pakistani troops killed five Pashtuns in Waziristan.", "five Pashtuns", "PAKCVL"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    # no state in the text: the people's name alone gives no code
    ("The Kurds want a state of their own.", "The Kurds", None),
    # a people's armed group in the dictionary keeps its own code
    ("Tamil Tigers attacked a base in Sri Lanka.", "Tamil Tigers", "LKAREB"),
    # a people's adjective before a role: the role's sector in the context country, as before
    ("Kashmiri protesters threw stones at police in Srinagar.", "Kashmiri protesters", "INDCVL"),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_people_of_several_states_codes(phrase_code: Callable[[str, str], str | None],
                                        text: str, phrase: str, code: str | None) -> None:
    assert phrase_code(text, phrase) == code
