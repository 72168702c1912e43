"""Event dates, round 15 (session 31): a verbal act a saying tells is still to come does not
take the saying's date. Published Wednesday 20 November 2019; values worked out with a
calendar (Tuesday the 19th)."""

from __future__ import annotations

import pytest

from tests.time.conftest import dated_event


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # the demand, the backing, the congratulation and the meeting come after the saying
        ("The rebels announced on Tuesday that they would demand a ransom.", "demand",
         "DEMAND"),
        ("Obama said on Tuesday that he will support him in the election.", "support",
         "SUPPORT"),
        ("Aides said on Tuesday that Clinton would congratulate him.", "congratulate",
         "SUPPORT"),
        ("The two leaders said on Tuesday that they will meet in Geneva.", "meet", "CONSULT"),
    ],
)
def test_a_verbal_act_told_to_come_is_not_at_the_saying(text: str, trigger: str,
                                                       type_: str) -> None:
    assert dated_event(text, trigger, type_) is None


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # a promise, a warning and a refusal are made by the saying (guideline §3)
        ("The officials said on Tuesday they would provide 100 doses of the vaccine.",
         "provide", "AGREE"),
        ("The rebels warned on Tuesday that they would kill the hostages.", "kill", "THREATEN"),
        ("The minister said on Tuesday that Iran will not accept the offer.", "accept",
         "REJECT"),
        # an obligation is a demand made now ("must", "needs to")
        ("The president said on Tuesday that China will have to make a deal.", "make",
         "DEMAND"),
        ("The envoy told officials on Tuesday they would need to deliver the investigations.",
         "need", "DEMAND"),
        # no future auxiliary: the saying's date, as before
        ("The minister said on Tuesday that Iran must stop enrichment.", "stop", "DEMAND"),
    ],
)
def test_a_promise_warning_refusal_or_obligation_keeps_the_saying_date(
        text: str, trigger: str, type_: str) -> None:
    assert dated_event(text, trigger, type_) == "2019-11-19"


