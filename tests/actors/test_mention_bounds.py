"""A mention ends at its last word, not at the paragraph break after it (the ``trim`` check
of bench/provenance_audit.py; docs/batch.md, "Provenance audit (session 35, brief W7)")."""

from __future__ import annotations

from diurna.model import Document


def _read(paragraphs: list[str]) -> Document:
    import diurna

    doc = Document.from_paragraphs("t", "<test>", paragraphs, published="2024-03-01")
    return diurna.default_pipeline()(doc)


def test_an_actor_phrase_at_a_paragraph_end_leaves_the_break_out() -> None:
    # a list item ending in a name: the actors stage's mention stopped after the break
    doc = _read(["- Face ID for secure authentication and Apple Pay",
                 "- 12MP back camera, 7MP True Depth front camera"])
    pay = [m for m in doc.mentions if m.text.startswith("Apple")]
    assert [(m.start, m.end, m.text) for m in pay] == [(40, 49, "Apple Pay")]
