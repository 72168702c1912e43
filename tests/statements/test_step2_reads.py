"""Step 2 of the statements stage reads a verb's children once for all its tests, counts a
quote's words once per page and reads a content's first token only where the text says "that"
(docs/quotes.md part 71: a speed change, the same statements). Each of these must answer as the
read it replaces (pages written by us)."""

from __future__ import annotations

import sys

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.page.words import WORD
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import (
    Statements,
    _agent_passive_subject,
    _most_of_quote,
    _open_cue,
    _prep_content,
    _tok_span,
    cue_particle,
    extract_quotes,
    misread_apposition,
    quoted_ranges,
)

PAGES = (
    # a direct quote with its speaker after it, a pronoun speaker, an indirect quote with and
    # without "that", a phrase ("warned of"), a passive with an agent, a particle verb
    "“We will not leave the valley,” the minister said on Monday. She said that the bridge "
    "would reopen in May. Critics warned of delays, and the plan was opposed by the unions. "
    "The council called on residents to stay home.",
    # statements reported inside direct quotes (the check's own candidates there), one of them
    # most of its quote; a charge the parse may read as the main clause's complement
    "“They say that when you have a nation, you have to defend it,” Smith said. “He admitted "
    "that he did sign off on it,” she said. India accused Pakistan of harbouring militants, a "
    "charge Islamabad denies. He asked them about the robbery.",
    # a capitalised "That" opening a clause, and a verb with no clause at all
    "The mayor insisted That the budget was sound. The police questioned the driver.",
)


def _parsed(text: str) -> Document:
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    return doc


def test_the_tests_given_a_verbs_children_answer_as_those_reading_them() -> None:
    verbs = 0
    for text in PAGES:
        for tok in _parsed(text).nlp:
            kids = list(tok.children)
            labels = {c.dep_ for c in kids}
            assert _open_cue(tok, kids, labels) == _open_cue(tok)
            assert cue_particle(tok, kids) == cue_particle(tok)
            assert _prep_content(tok, kids) == _prep_content(tok)
            assert _agent_passive_subject(tok, kids) == _agent_passive_subject(tok)
            for c in kids:
                assert misread_apposition(tok, c, kids) == misread_apposition(tok, c)
            verbs += tok.pos_ == "VERB"
    assert verbs >= 20


def test_a_quotes_word_count_kept_for_the_page_gives_the_same_answers() -> None:
    text = PAGES[1]
    quotes = quoted_ranges(text)
    assert len(quotes) == 2
    counts: dict[tuple[int, int], int] = {}
    spans = []  # every word of each quote, and from each word to the quote's last mark
    for s, e in quotes:
        for m in WORD.finditer(text, s, e):
            spans += [(m.start(), m.end()), (m.start(), e - 1)]
    spans += [(0, len(text)), (quotes[0][1], quotes[1][0])]  # held by no quote
    answers = set()
    for _ in range(2):  # the second round reads the kept counts
        for start, end in spans:
            answer = _most_of_quote(text, start, end, quotes, counts)
            assert answer == _most_of_quote(text, start, end, quotes)
            answers.add(answer)
    assert answers == {True, False}
    assert counts == {(s, e): len(WORD.findall(text, s, e)) for s, e in quotes}


def test_only_the_letters_of_that_lower_to_them() -> None:
    # step 2 reads a content's first token only where the text there lowers to "that": a
    # token whose lower form is "that" is only a spelling of its four letters in some case
    # (str.lower, spaCy's LOWER), for no other character lowers to any part of "that"
    parts = {"that"[i:j] for i in range(4) for j in range(i + 1, 5)}
    lowering = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).lower() in parts}
    assert lowering == set("tThHaA")


def test_a_content_after_that_starts_after_it_in_any_case() -> None:
    seen: list[tuple[Quote, bool]] = []

    def keep_all(_: Document, cands: list[tuple[Quote, bool]]) -> list[bool]:
        seen.extend(cands)
        return [True] * len(cands)

    contents = set()
    for text in PAGES:
        doc = _parsed(text)
        extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), check=keep_all)
        contents |= {q.text for q, _ in seen}
    assert "the bridge would reopen in May" in contents
    assert "the budget was sound" in contents
    assert not any(c.lower().startswith("that ") for c in contents)


def test_a_one_token_span_is_the_tokens_own() -> None:
    doc = _parsed(PAGES[0])
    for tok in doc.nlp:
        span = _tok_span(doc, [tok])
        assert (span.start, span.end, span.text) == (tok.idx, tok.idx + len(tok), tok.text)
        pair = _tok_span(doc, [tok, doc.nlp[0]])
        assert (pair.start, pair.end) == (0, tok.idx + len(tok))
