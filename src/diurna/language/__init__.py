"""Language stage: sentences and named entities from spaCy's English pipeline."""

from diurna.language.spacy_stage import Language, load_nlp

__all__ = ["Language", "load_nlp"]
