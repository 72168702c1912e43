"""Event dates, round 18 (session 33, brief 13N): a day named from the report's now ("today",
"yesterday") that the parser hangs on a non-finite verb below the tensed ones ("to prevent
troops from being flown in today") is said of the tensed verb above that chain. Published
Wednesday 20 November 2019, so "today" is 2019-11-20 and "yesterday" 2019-11-19."""

from __future__ import annotations

import pytest

from tests.time.conftest import dated_event

_AIRPORT = ("Protesters stormed the town hall, burnt down a police station, and took control "
            "of the airport to prevent troops from being flown into the city today as they "
            "demanded the resignation of the governor.")


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "value"),
    [
        # the tensed verb the purpose clause hangs on
        (_AIRPORT, "took", "COERCE", "2019-11-20"),
        # a verb joined to it by "and" with the same subject
        (_AIRPORT, "burnt", "ASSAULT", "2019-11-20"),
        # an "as" clause at the time of the purpose clause it hangs on
        (_AIRPORT, "demanded", "DEMAND", "2019-11-20"),
        ("Rebels seized the bridge to stop supplies from being driven across yesterday.",
         "seized", "COERCE", "2019-11-19"),
    ],
)
def test_a_report_day_sunk_into_a_non_finite_clause_dates_the_tensed_act(
        text: str, trigger: str, type_: str, value: str) -> None:
    assert dated_event(text, trigger, type_) == value


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # a participle that describes a noun: the planting's day, not the killing's
        ("A bomb planted yesterday killed three soldiers in the market.", "killed", "ASSAULT"),
        # a coming day names the intended act's time, not the agreement's
        ("The two sides agreed to meet tomorrow in Geneva.", "agreed", "AGREE"),
    ],
)
def test_a_noun_modifier_or_a_coming_day_is_not_lifted(text: str, trigger: str,
                                                         type_: str) -> None:
    assert dated_event(text, trigger, type_) is None
