"""The statements stage reads some things once per page instead of once per candidate or pronoun
(docs/quotes.md part 68: a speed change, the same statements). Each page-level read must give
what the one-at-a-time read gives: the learned check's rows (word counts, sentences ending in
"?"), its probabilities (one gather of the sparse weights instead of one per row), and the
salience ranker's features (a page's person entities and sentence starts listed once)
(sentences written by us)."""

from __future__ import annotations

import numpy as np
import pytest

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements import learned, salience
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, _other_statements, extract_quotes, quoted_ranges

TEXT = ("“We will not leave the valley,” the minister said on Monday. Did the mayor say that the "
        "bridge would reopen in May? The senator slammed the decision as a grave mistake, and "
        "critics warned of delays. Police said the suspect, who was arrested on Friday, had "
        "confessed. John Smith met Anna Lee in Paris. He said she would “never resign.”")


def _candidates() -> tuple[Document, list[tuple[Quote, bool]]]:
    """A parsed page and every candidate the stage hands to the check."""
    doc = Document(id="t", source="test", text=TEXT, published="2018-02-15")
    Language()(doc)
    seen: list[tuple[Quote, bool]] = []

    def keep_all(_: Document, cands: list[tuple[Quote, bool]]) -> list[bool]:
        seen.extend(cands)
        return [True] * len(cands)

    extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), check=keep_all)
    return doc, seen


def test_the_checks_rows_read_per_page_are_the_rows_read_per_candidate() -> None:
    doc, cands = _candidates()
    parsed = doc.nlp
    assert len(cands) >= 4 and any(sent[-1].text == "?" for sent in parsed.sents)
    assert learned._questions(parsed) == (
        [sent.start for sent in parsed.sents], [sent[-1].text == "?" for sent in parsed.sents])
    sparse, _ = learned.candidate_rows(doc, cands, learned.check_vectors())
    nested = learned.strictly_inside([(q.start, q.end) for q, _ in cands])
    for (q, rule), inside, row in zip(cands, nested, sparse, strict=True):
        cue = learned.cue_token(q, parsed)
        alone = learned.features(q, cue, parsed, rule, inside)  # cue.sent, a walk of the span
        assert row[:-1] == alone  # (the last is the in-quote feature candidate_rows adds)


def test_the_probabilities_are_the_sums_of_each_rows_weights(
        monkeypatch: pytest.MonkeyPatch) -> None:
    check = learned.load_check()
    assert check is not None
    doc, cands = _candidates()
    sparse, dense = learned.candidate_rows(doc, cands, learned.check_vectors())
    sparse = [*sparse, ["no such feature"]]  # a row with no known feature adds nothing
    dense = np.vstack([dense, dense[:1]])
    x = ((dense - check.dense_mean) / check.dense_scale) @ check.w_dense + check.b1
    for r, names in enumerate(sparse):
        idx = [check.feature_index[n] for n in names if n in check.feature_index]
        if idx:
            x[r] += check.w_sparse[idx].sum(0)
    z = np.maximum(x, 0) @ check.w2 + check.b2
    expected = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    assert np.array_equal(check.probabilities(sparse, dense), expected)
    monkeypatch.setattr(learned, "_BLOCK", 3)  # rows gathered a few at a time
    assert np.array_equal(check.probabilities(sparse, dense), expected)


def test_the_salience_features_with_the_page_lists_are_those_without() -> None:
    doc, _ = _candidates()
    parsed = doc.nlp
    speakers = frozenset({t.i for t in parsed if t.text in {"Smith", "minister"}})
    bare = salience.Context(quoted_ranges(doc.text), speakers)
    listed = salience.Context(quoted_ranges(doc.text), speakers,
                              list(salience.entity_heads(parsed)),
                              [sent.start for sent in parsed.sents])
    pronouns = [t for t in parsed if t.lower_ in salience.HE_SHE]
    assert pronouns
    for pronoun in pronouns:
        ranked = [(c.key, feats) for c, feats in salience.ranked_candidates(pronoun, bare, None)]
        assert ranked and ranked == [
            (c.key, feats) for c, feats in salience.ranked_candidates(pronoun, listed, None)]


def test_a_texts_quotation_ranges_are_the_same_asked_twice_or_after_another() -> None:
    first = quoted_ranges(TEXT)
    first.append((0, 1))  # a caller's change to its list is not kept for the next caller
    assert quoted_ranges("“Elsewhere,” he said.") == [(0, 12)]
    assert quoted_ranges(TEXT) == quoted_ranges(TEXT) == first[:-1] and first[:-1]


def test_a_participle_on_the_object_is_the_speakers_next_statement_with_one_walk() -> None:
    # _other_statements tests a subtree's labels by id, then reads the label as text: the
    # participle branch ("condemned the raid calling it ...") must still be taken
    doc = Document(id="t", source="test", text="Hamas condemned the raid calling it a massacre.")
    Language()(doc)
    raid = next(t for t in doc.nlp if t.text == "raid")
    assert raid.dep_ == "dobj" and raid.head.text == "condemned"
    calling = [t.text for t in _other_statements(raid)]
    assert calling[:2] == ["calling", "it"]
    assert [t.text for t in _other_statements(raid, list(raid.subtree))] == calling
