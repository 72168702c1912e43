"""The role words of local news (session 53, L53): town and county bodies and their members, the
Irish police, detectives and juries, and private persons named by their part in a crime story."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document

OHIO = "The story is set in Ohio, and Ohio's officials are quoted. "


@pytest.mark.parametrize(("text", "phrase", "code"), [
    (OHIO + "The city council voted to approve the budget.", "The city council", "USAGOV"),
    (OHIO + "Councilwoman Jane Doe said the plan was too costly.", "Councilwoman Jane Doe",
     "USAGOV"),
    (OHIO + "The county commissioners rejected the proposal.", "The county commissioners",
     "USAGOV"),
    (OHIO + "Detectives arrested the suspect on Tuesday.", "Detectives", "USACOP"),
    (OHIO + "Detectives arrested the suspect on Tuesday.", "the suspect", "USACVL"),
    (OHIO + "A grand jury indicted the defendant.", "A grand jury", "USAJUD"),
    (OHIO + "Neighbors urged the board to reconsider.", "Neighbors", "USACVL"),
    ("Gardai arrested two men in Dublin, the Irish capital, and Ireland's courts heard the case.",
     "Gardai", "IRLCOP"),
])
def test_local_role_words_take_the_stories_country(
        phrase_code: Callable[[str, str], str | None], text: str, phrase: str, code: str) -> None:
    assert phrase_code(text, phrase) == code


def test_a_role_word_without_a_country_stays_uncoded(
        resolve: Callable[[str], Document]) -> None:
    # no state and no place anywhere: the new words get no invented country
    doc = resolve("The city council voted to approve the budget. Detectives arrested a suspect.")
    assert all(m.actor is None for m in doc.mentions)
