"""Issue 13, durations round 9 (session 27): TempEval-3's platinum test set read as a third
TimeML development set. One general cause fixed: "the following decade" after a word that
makes it a length ("over", "for") is a decade's length, as "the next decade" there already was
(TempEval-3 platinum: "Over the following decade" ``P1DE``, which is ``P10Y``). Expected values
worked out by hand from the TIMEX3 conventions: a decade is ten years, a century a hundred."""

from __future__ import annotations

import pytest

from tests.time.conftest import found_times


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Over the following decade the firm received $19 billion.", "the following decade",
     "P10Y"),
    ("The dynasty ruled for the following century.", "the following century", "P100Y"),
])
def test_the_following_decade_after_a_length_word_is_a_length(sentence: str, span: str,
                                                              value: str) -> None:
    t = found_times(sentence)[span]
    assert (t.value, t.kind) == (value, "duration")


def test_the_following_decade_without_a_length_word_is_no_length() -> None:
    # "in the following decade" names a decade counted from the narrative's time, not from the
    # publication's, so it is neither a length nor the decade after the publication's (200)
    found = found_times("The war ended in 1945, and in the following decade trade grew.")
    t = found.get("the following decade")
    assert t is None or (t.kind != "duration" and t.value != "200")
