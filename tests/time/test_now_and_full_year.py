"""Issue 13, times round 5 (docs/time.md): a sentence-opening "Now" is a time (TimeML's
PRESENT_REF) when it sets the present against a past state, not when it opens a turn of talk
(a second person addressed, an imperative, a question); "the full year" of an earnings report
is the year whose quarter it reports. The sentences are invented."""

from __future__ import annotations

import pytest

from tests.time.conftest import found_nows, found_times


@pytest.mark.parametrize("sentence", [
    "The mill closed in 1990. Now the town lives on tourism.",
    "He was a farmer for thirty years. Now he is a senator.",
    "Now that the strike is over, the trains run again.",
    "The river used to flood every spring. Now there are dikes along it.",
    "We lost the first vote. Now we are rebuilding the party.",
    "Prices fell last year. Now many shops are closing.",
])
def test_now_against_a_past_state_is_the_present(sentence: str) -> None:
    assert found_nows(sentence) == ["PRESENT_REF"]


@pytest.mark.parametrize("sentence", [
    '"He has served his district well," she said. "Now you may not like all he has done."',
    '"Now, look, nobody wants a war," the minister said.',
    "Now let's turn to the budget.",
    "Now consider what the council decided.",
    "Now what do we do about the deficit?",
    "Now obviously people may read the bill before the vote.",
    "Now if you read the report, the numbers are clear.",
    "Now that's something worth a toast, the mayor said.",
    "Now you can only stand if you hold a second passport.",
])
def test_now_opening_a_turn_of_talk_is_no_time(sentence: str) -> None:
    assert found_nows(sentence) == []



def test_the_full_year_of_a_report_is_that_year() -> None:
    # the third quarter of 1989 is reported (ended Sept. 30, before publication on Nov. 2)
    found = found_times("Third-quarter net income rose 12%. Sales for the full year were "
                        "$6.6 billion.", published="1989-11-02")
    assert found["the full year"].value == "1989"
    # no quarter named: the results forecast are for the publication's year
    forecast = found_times("The chairman forecast an earnings increase for the full year.",
                           published="1989-10-30")
    assert forecast["the full year"].value == "1989"
    # no results spoken of: it stays what it was, a length
    alone = found_times("He stayed in the village for the full year.", published="1989-11-02")
    assert alone["the full year"].value == "P1Y"
