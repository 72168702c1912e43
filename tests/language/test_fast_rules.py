"""The faster attribute ruler and memoised lemmatizer give exactly spaCy's own annotations."""

from __future__ import annotations

import gzip
from typing import Any

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from diurna.evaluate.gold import shared_dir
from diurna.language import load_nlp
from diurna.language.fast_rules import memoize_lemmatizer, speed_up_attribute_ruler
from diurna.language.spacy_stage import MODEL
from diurna.page import RawInput, read_page

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START]

# Words the model's attribute rules single out (multi-word rules, regexes, spaces, "there is",
# auxiliaries, determiners), in news-like sentences.
TRICKY = [
    "Y'all ain't gonna believe it, but the minister said nothin' about the deal.",
    "There were 12 soldiers killed and there is no word on the hostages, officials said.",
    "Let's see whether the talks, which had been postponed twice, gotta resume.\n\nIn Kabul  the "
    "army said those attacks were 'unacceptable'; these are the facts.",
    "The U.N. Security Council's members haven't agreed; France's envoy won't comment.",
]


def test_same_annotations_as_spacys_own_components() -> None:
    fast = load_nlp()
    plain = spacy.load(MODEL)  # spaCy's attribute ruler and lemmatizer, untouched
    plain.add_pipe("diurna_paragraphs", before="parser")  # as load_nlp does
    assert speed_up_attribute_ruler(spacy.load(MODEL)) and memoize_lemmatizer(spacy.load(MODEL))
    pages = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))[:3]
    texts = TRICKY + [read_page(RawInput(str(p), gzip.decompress(p.read_bytes()))).text
                      for p in pages]
    for _ in range(2):  # the second pass reads the lemmatizer's memo
        for text in texts:
            ours = fast(text)
            theirs = plain(text)
            assert [t.text for t in ours] == [t.text for t in theirs]
            assert (ours.to_array(COLUMNS) == theirs.to_array(COLUMNS)).all(), text[:60]


def test_batched_parses_get_spacys_own_lemmas() -> None:
    """``nlp.pipe`` (the batched parse of ``Language.parse_ahead``) runs the lemmatizer's
    column ``__call__`` too (session 49): the same lemmas, and every lemma string in the
    vocabulary, as spaCy's own lemmatizer gives one text at a time."""
    fast = load_nlp()
    assert type(fast.get_pipe("lemmatizer")).__name__.startswith("Column")
    plain = spacy.load(MODEL)
    plain.add_pipe("diurna_paragraphs", before="parser")
    texts = [*TRICKY, "", "Words", *TRICKY]
    for ours, text in zip(fast.pipe(texts, batch_size=4), texts, strict=True):
        theirs = plain(text)
        assert (ours.to_array(COLUMNS) == theirs.to_array(COLUMNS)).all(), text[:60]
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_a_ruler_with_patterns_it_cannot_index_keeps_spacys_matcher() -> None:
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "A"})
    original = ruler.match
    assert not speed_up_attribute_ruler(nlp)
    assert ruler.match == original
    assert [t.lemma_ for t in nlp("a a b")] == ["A", "A", ""]


def test_lemma_index_answers_membership_like_spacys_lists() -> None:
    """The known-lemma index becomes sets (a list was scanned on every suffix rule); rare
    inflected words, looked up through that index, get spaCy's own lemmas."""
    fast = load_nlp()
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(forms, frozenset) for forms in index.values())
    plain = spacy.load(MODEL)
    text = ("The juntas redeployed gunboats, reinstating curfews; skirmishes flared as "
            "militiamen regrouped and the envoys' démarches went unheeded.")
    assert [t.lemma_ for t in fast(text)] == [t.lemma_ for t in plain(text)]
