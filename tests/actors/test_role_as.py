"""Round 30 (docs/actors.md, "Round 30"): a person given a role with "as" ("send X as its
special envoy", "X was appointed as the new defence minister") takes that role's code, at the
first mention and later by surname. Sentences written for these tests; each expected code
worked out by hand (an envoy or minister of a state is that state's government, GOV)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, phrase, code): the phrase's first occurrence after the "|" marker, if there is one,
# else in the whole text. The first three are uncoded on the tree before round 30 (checked)
MUST_CHANGE = [
    # "as" on the verb whose object the name is; "its" is Brazil
    ("Brazil will send Joao Mendes as its special envoy to Angola.", "Joao Mendes", "BRAGOV"),
    # "as" on the passive verb whose subject the name is, then the surname alone
    ("Maria Santos was appointed as the new Chilean defence minister on Friday. |Santos said "
     "little.", "Santos", "CHLGOV"),
    ("Tom Baker praised Anders Lund as a Danish minister.", "Anders Lund", "DNKGOV"),
]

# (text, phrase, code): left as they were
LEAVE_ALONE = [
    # the subject is not the one the "as" phrase describes
    ("Tom Baker praised Anders Lund as a Danish minister.", "Tom Baker", None),
    # "waiter" is no role word of the dictionary: nothing gives a country
    ("Pedro Gomez was hired as a waiter last year.", "Pedro Gomez", None),
]


@pytest.mark.parametrize(("text", "phrase", "code"), MUST_CHANGE + LEAVE_ALONE)
def test_role_as_codes(phrase_code: Callable[[str, str], str | None], text: str, phrase: str,
                       code: str | None) -> None:
    assert phrase_code(text, phrase) == code
