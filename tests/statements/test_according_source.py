""""According to reports of X": the reports are the source of the according-to statement, not a
statement of their own whose content is "of X" (session 31; the seed page gave a fifteenth-like
line "reports" → "of Syrian opposition and pro-government sources" with no speaker). "Reports of
scuffles at the border" outside such a phrase stays a statement (§3). Each case read by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402


def _statements(text: str) -> list[tuple[str | None, str]]:
    return [(q.cue.text if q.cue else None, q.text) for q in make_doc(text).quotes]


@pytest.mark.parametrize("text", [
    "Iran may be planning to recapture the gas field, according to several reports of Syrian "
    "opposition and pro-government sources.",
    "The army has withdrawn from the town, according to officials and reports of local media.",
])
def test_reports_named_as_the_source_are_no_statement(text: str) -> None:
    got = _statements(text)
    assert [cue for cue, _ in got] == ["according to"]
    assert not any(content.startswith("of ") for _, content in got)


def test_reports_of_an_act_stay_a_statement() -> None:
    got = _statements("The ministry dismissed reports of scuffles at the border.")
    assert ("reports", "of scuffles at the border") in got
