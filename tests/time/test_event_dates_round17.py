"""Event dates, round 17 (session 32, brief 13M): a counted length before "after" / "on from"
whose clause is in the present dates the head of what "after" opens, that length before
publication (round 15's E4, restricted to the head in round 16, here alone). Published
Wednesday 20 November 2019; values worked out with a calendar: a day before is Tuesday the
19th, two days before Monday the 18th, two years before 2017."""

from __future__ import annotations

import pytest

from tests.time.conftest import dated_event

# one sentence with a head ("issued arrest warrants") and two other events inside its clause
_WARRANTS = ("This incident comes a day after the High Court issued arrest warrants for 46 "
             "citizens prosecuted and sentenced previously.")
_RAIDS = ("Two years on from the raids that started the campaign, military forces in the area "
          "remain on alert.")


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "value"),
    [
        # the noun the head "issued" governs with no other verb between: the warrants' arrest
        (_WARRANTS, "arrest", "COERCE", "2019-11-19"),
        # the noun after "on from"
        (_RAIDS, "raids", "ASSAULT", "2017"),
        # the noun after "after", the length counted back from a present "come"
        ("Police say the arrests come two days after the bombing of a mosque.", "bombing",
         "ASSAULT", "2019-11-18"),
    ],
)
def test_a_length_before_the_present_dates_the_head_after_it(text: str, trigger: str,
                                                             type_: str, value: str) -> None:
    assert dated_event(text, trigger, type_) == value


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # counted from a past or a future the text does not date
        ("The statements came two days after the attacks in New York City.", "attacks",
         "ASSAULT"),
        ("Police arrested him two days after the bombing of a mosque.", "bombing", "ASSAULT"),
        ("The talks will resume a week after the army withdraws.", "withdraws", "RETREAT"),
        # no count: "days" is no length to count back by
        ("The strike continues days after the union rejected the offer.", "rejected",
         "REJECT"),
        # the present act itself is not dated by the length
        ("Police say the arrests come two days after the bombing of a mosque.", "arrests",
         "COERCE"),
        # a participle and its conjunct inside the after-clause are other events, not its head
        (_WARRANTS, "prosecuted", "ACCUSE"),
        (_WARRANTS, "sentenced", "ACCUSE"),
        # a relative clause's verb inside the phrase after "on from"
        (_RAIDS, "started", "ASSAULT"),
    ],
)
def test_a_length_counted_from_another_time_or_event_dates_nothing(text: str, trigger: str,
                                                                   type_: str) -> None:
    assert dated_event(text, trigger, type_) is None
