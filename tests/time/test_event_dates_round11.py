"""Event dates, round 11 (session 29): a date an event's clause frames without the parse tying
it to the trigger. Published Wednesday 20 November 2019; values worked out with a calendar."""

from __future__ import annotations

import pytest

from tests.time.conftest import dated_event


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "value"),
    [
        # a "when" clause on a date happens at that date
        ("Fighting first broke out in May, when a local tribal sheik was murdered.",
         "murdered", "ASSAULT", "2019-05"),
        ("It was the worst loss since 4 November 2004, when three soldiers were killed in Iraq.",
         "killed", "ASSAULT", "2004-11-04"),
        # a relative clause that only says the event took place
        ("The report accuses the guards of killing 17 civilians in an incident that took place "
         "on September 16.", "killing", "ASSAULT", "2019-09-16"),
        # the medium a saying is made in, dated by its participle (Monday before publication)
        ("In an official report issued on Monday, Iraqi authorities demanded that the firm "
         "leave the country.", "demanded", "DEMAND", "2019-11-18"),
        # verbs sharing one subject share the date said after the last of them
        ("A rocket killed a woman and seriously wounded a man in the town on November 15.",
         "killed", "ASSAULT", "2019-11-15"),
    ],
)
def test_a_date_the_clause_frames_dates_the_event(text: str, trigger: str, type_: str,
                                                  value: str) -> None:
    assert dated_event(text, trigger, type_) == value


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # the date of another clause's participle stays its own: not a medium of saying
        ("Critics attacked the move announced on Monday.", "attacked", "ACCUSE"),
        ("In a war launched in 2003, the rebels demanded a share of power.", "demanded",
         "DEMAND"),
        # a conjunct with a subject of its own is another act with its own time
        ("Rebels killed a soldier and the army shelled the town on Monday.", "killed",
         "ASSAULT"),
        # a "when" clause on something that is not a date gives nothing
        ("Police arrested him when the march began.", "arrested", "COERCE"),
    ],
)
def test_a_date_of_another_act_stays_off_the_event(text: str, trigger: str, type_: str) -> None:
    assert dated_event(text, trigger, type_) is None


def test_an_event_ordered_before_the_act_does_not_take_its_date() -> None:
    # the demand came before the resignation dated "three days ago" (17 November)
    text = ("The director had resigned from the post three days ago, after a demand from the "
            "prime minister.")
    assert dated_event(text, "demand", "DEMAND") is None
    assert dated_event(text, "resigned", "RETREAT") == "2019-11-17"


def test_a_clause_after_the_act_does_not_take_its_date() -> None:
    # the attack came before the withdrawal of 1984, on a day the text does not give
    text = "U.S. forces withdrew in 1984 after a suicide attack killed 241 Marines."
    assert dated_event(text, "killed", "ASSAULT") is None
    assert dated_event(text, "withdrew", "RETREAT") == "1984"


def test_a_conjunct_with_its_own_auxiliary_keeps_its_date() -> None:
    text = "She resigned from her seat in Congress and was sworn in as secretary on Tuesday."
    assert dated_event(text, "resigned", "RETREAT") is None


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # the second verb's date is said before it
        ("He had faced allegations of fraud, and in 1982 went on television to deny them.",
         "faced", "ACCUSE"),
        # a contrast, not one act told in two verbs
        ("The government had purchased batteries but instead received fuses in the autumn of "
         "2006.", "purchased", "AGREE"),
    ],
)
def test_a_conjunct_s_own_date_stays_off_the_first_verb(text: str, trigger: str,
                                                        type_: str) -> None:
    assert dated_event(text, trigger, type_) is None
