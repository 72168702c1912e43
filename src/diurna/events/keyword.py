"""The keyword baseline: every word whose lemma is a trigger of the lexicon is an event.

Printed beside every event figure (``diurna evaluate events --baseline keyword``) so that a score
says how much the coder adds over a word list built from its own trigger lemmas: no syntax, no
context, no arguments, the type the lexicon lists for the lemma alone.
"""

from __future__ import annotations

from diurna.events.ontology import Ontology, load_ontology
from diurna.model import Document, Event


class KeywordCoder:
    """Fill ``doc.events`` by lexicon lookup alone (a baseline, not a coder to use)."""

    name = "events"

    def __init__(self, ontology: Ontology | None = None) -> None:
        self.onto = ontology or load_ontology()

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            return doc
        events: list[Event] = []
        for tok in doc.nlp:
            index = {"VERB": self.onto.verbs, "NOUN": self.onto.nouns,
                     "ADJ": self.onto.adjectives}.get(tok.pos_)
            trigs = index.get(tok.lemma_.lower()) if index is not None else None
            if not trigs:
                continue
            etype = trigs[-1].type  # entries without a particle sort last: the word alone
            sent = tok.sent
            events.append(Event(
                id=f"{doc.id}:{len(events)}", type=etype,
                trigger=doc.span(tok.idx, tok.idx + len(tok)),
                sentence=doc.span(sent.start_char, sent.end_char),
                cameo=self.onto.cameo(etype, None)))
        doc.events = events
        return doc
