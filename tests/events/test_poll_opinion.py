"""Round 26 (docs/actors.md, "Round 26"): what a share of those polled thinks should happen is
no one's act, while the same act told of the person stays. Sentences written for these tests,
read by hand against docs/annotation-events.md (a resignation is RETREAT; an opinion about one
is no event)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.model import Document


@pytest.fixture(scope="module")
def read() -> Callable[[str], Document]:
    """The default pipeline's reading of one paragraph, published 2007-01-08."""
    from diurna.pipeline import Pipeline

    pipeline = Pipeline.default()

    def run(text: str) -> Document:
        return pipeline(Document.from_paragraphs("t", "<test>", [text], published="2007-01-08"))

    return run


def _retreats(doc: Document) -> list[tuple[str, str | None]]:
    return [(e.trigger.text, e.actor.actor.cameo if e.actor is not None and e.actor.actor
             is not None else None) for e in doc.events if e.type == "RETREAT"]


def test_a_polled_share_s_opinion_is_no_resignation(read: Callable[[str], Document]) -> None:
    # before round 26: RETREAT 'resign' with the minister as its actor
    assert _retreats(read("In a poll, 60 percent of voters said the minister should resign.")
                     ) == []


def test_the_resignation_itself_stays_and_has_its_actor(read: Callable[[str], Document]) -> None:
    # before round 26 the archbishop was uncoded ("archbishop" was no role word)
    assert _retreats(read("The Archbishop of Warsaw, Jan Nowak, resigned on Sunday.")) == [
        ("resigned", "POLREL")]


@pytest.mark.xfail(strict=True, reason="session 48's models (round 61, docs/events-learned.md) "
                   "code no RETREAT on a person's own \"would resign\": a known regression, kept "
                   "so that a later model that mends it turns the test red")
def test_a_persons_own_word_about_resigning_stays(read: Callable[[str], Document]) -> None:
    # a person's own word about resigning is not a poll's opinion
    assert [t for t, _ in _retreats(read("The minister said on Friday that he would resign."))
            ] == ["resign"]
