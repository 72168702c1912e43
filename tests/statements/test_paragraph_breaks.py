"""A statement's content and a party's phrase end at their last word, not at the paragraph
break the parse runs them into (bench/provenance_audit.py's ``trim`` check; docs/batch.md,
"Provenance audit (session 35, brief W7)"). The paragraphs are written after pages of the
benchmark set whose lines were broken mid-sentence."""

from __future__ import annotations

from diurna.model import Document


def _read(paragraphs: list[str], coder: str = "learned") -> Document:
    import diurna

    doc = Document.from_paragraphs("t", "<test>", paragraphs, published="2024-03-01")
    return diurna.default_pipeline(coder=coder)(doc)


def test_indirect_content_read_to_the_paragraph_end_leaves_the_break_out() -> None:
    doc = _read(["Charles Simpson told Polygraph.info the Russian Defense Ministry's "
                 "allegations are false", "The next paragraph is here."])
    told = [q for q in doc.quotes if q.cue is not None and q.cue.text == "told"]
    assert [q.text for q in told] == ["the Russian Defense Ministry's allegations are false"]
    assert told[0].end == doc.text.index("\n\n")


def test_a_phrase_the_parse_runs_over_a_paragraph_break_ends_at_its_last_word() -> None:
    # the rule coder reads "invited" as a REQUEST whose party runs over the break; the learned
    # default no longer codes this invitation at all (session 46's models), so it would not
    # exercise the trim
    doc = _read(["Nigeria's first lady wore a hand bag with the colours of the Nigerian",
                 "flag. The 47 year old was one of the guests invited to an event by media",
                 "mogul, Debola Lagos.", "See more photos:"], coder="rules")
    parties = [m for e in doc.events for m in [*e.actors, *e.recipients]]
    assert "an event by media" in [m.text for m in parties]
    assert all(m.text == m.text.strip() and "\n" not in m.text for m in parties)


def test_a_refusal_keeps_its_empty_content() -> None:
    doc = _read(["A spokesperson for the ministry declined to comment.", "Talks go on."])
    refusals = [q for q in doc.quotes if q.cue is not None and q.cue.text.startswith("declined")]
    assert [(q.text, q.start, q.end) for q in refusals] == [("", 51, 51)]

