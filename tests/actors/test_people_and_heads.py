"""Plain people nouns and a body's head before a name get a code (issue 12: arguments whose
phrase was found but stayed uncoded). Sentences written by us."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document, Mention

# Finland named twice: the focus state that gives a role with no country of its own its country.
CONTEXT = "Finland mourned on Monday after the shooting in Jokela, Finland. "


def _code(doc: Document, text: str) -> str | None:
    found: list[Mention] = [m for m in doc.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in doc.mentions]}"
    return found[0].actor.cameo if found[0].actor is not None else None


@pytest.mark.parametrize("sentence, text, cameo", [
    ("The youths demanded an apology.", "youths", "FINCVL"),
    ("Farmers blocked the road.", "Farmers", "FINCVL"),
    ("A gunman shot a child outside the school.", "child", "FINCVL"),
    ("Party leaders met on Tuesday.", "Party leaders", "FINPTY"),
])
def test_people_nouns_take_the_context_country(resolve: Callable[[str], Document],
                                               sentence: str, text: str, cameo: str) -> None:
    assert _code(resolve(CONTEXT + sentence), text) == cameo


def test_body_head_before_a_name_is_the_body(resolve: Callable[[str], Document]) -> None:
    doc = resolve("NATO chief Pieter van Damme visited Kabul on Monday.")
    assert _code(doc, "Pieter van Damme") == "IGONAT"


def test_state_head_before_a_name_says_too_little(resolve: Callable[[str], Document]) -> None:
    # "Iraq chief" names no post: the person is left uncoded rather than guessed
    doc = resolve("Iraq chief Ali Hassan spoke on Monday.")
    assert _code(doc, "Ali Hassan") is None
