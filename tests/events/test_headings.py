"""A section heading of a page is no unit of the guideline (docs/annotation-events.md §1): no
event is read from it, whichever coder runs; the paragraphs under it are coded as before. The
page and its lines are hand-written for the test (our own text): the heading "Who imposed
sanctions on Iran?" asks about what the paragraph after it tells, so an event read from it would
be that paragraph's event told twice, or a question's."""

from __future__ import annotations

import pytest

from diurna.page import RawInput
from diurna.pipeline import Pipeline

HEADING = "Who imposed sanctions on Iran?"
BODY = ("The European Union imposed sanctions on Iran on Monday, after months of talks in "
        "Brussels between the bloc's foreign ministers and their advisers.")
OTHER = ("Officials in Tehran said the country would keep selling oil to its neighbours and "
         "would answer the measures in the weeks ahead, the state news agency reported.")
MORE = ("Diplomats in Vienna said the next round of talks on the nuclear programme had not been "
        "set, and that both sides would meet their partners before the summer.")


def _page(with_heading: bool) -> RawInput:
    head = f"<h2>{HEADING}</h2>" if with_heading else ""
    html = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>EU and Iran at odds</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<main><article><h1>EU and Iran at odds</h1><p>{MORE}</p>{head}<p>{BODY}</p>"
            f"<p>{OTHER}</p></article></main><footer>Example News</footer></body></html>")
    return RawInput("test.html", html.encode(), kind="html")


@pytest.mark.parametrize("coder", ["rules", "learned"])
def test_no_event_is_read_from_a_section_heading(coder: str) -> None:
    pipeline = Pipeline.default(coder=coder)
    doc = pipeline.process(_page(with_heading=True), published="2024-03-04")
    (heading,) = [h for h in doc.headings if h.text == HEADING]  # the page stage kept it
    assert HEADING in doc.text
    in_heading = [e for e in doc.events if heading.start <= e.trigger.start < heading.end]
    assert in_heading == []
    # the body's own sanction stays, as on the same page without the heading
    at = doc.text.index(BODY)
    assert ("SANCTION", "imposed") in [
        (e.type, e.trigger.text) for e in doc.events if at <= e.trigger.start < at + len(BODY)]
    plain = pipeline.process(_page(with_heading=False), published="2024-03-04")
    assert [(e.type, e.trigger.text) for e in doc.events] == [
        (e.type, e.trigger.text) for e in plain.events]
    assert [e.id for e in doc.events] == [f"{doc.id}:{n}" for n in range(len(doc.events))]
