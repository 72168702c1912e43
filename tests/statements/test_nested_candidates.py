"""Statements reported inside a direct quote ("They say that ...", docs/quotes.md part 12): the
gold annotates them as nested attributions; the rules alone never take them, the learned check
is offered them as other verbs' candidates and reads that the cue is quoted (sentences written
by us)."""

from __future__ import annotations

from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements.learned import candidate_rows, cue_token
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import (
    CandidateCheck,
    Statements,
    extract_quotes,
    quoted_ranges,
)

TEXT = ("\u201cOur neighbours say that the border will stay closed all winter, but we will keep "
        "the school, the clinic and the market open for every family that lives here,\u201d the "
        "mayor told reporters on Monday.")
# the statement inside is most of the quote: it repeats the quote, not a second speech event
MOSTLY = ("\u201cOur neighbours say that the border will stay closed all winter,\u201d the "
          "mayor told reporters on Monday.")
NESTED = "the border will stay closed all winter"


def _doc(text: str = TEXT) -> Document:
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    return doc


def _run(doc: Document, check: CandidateCheck | None,
         record: list[tuple[Quote, bool]] | None = None) -> list[Quote]:
    return extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), record=record,
                          check=check)


def _nested(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind != "direct" and q.cue is not None
            and q.cue.text == "say"]


def test_the_rules_alone_keep_the_quote_and_nothing_inside_it() -> None:
    quotes = _run(_doc(), None)
    assert [q.kind for q in quotes] == ["direct"]
    assert _nested(quotes) == []


def test_the_check_is_offered_the_statement_inside_the_quote() -> None:
    record: list[tuple[Quote, bool]] = []
    quotes = _run(_doc(), lambda doc, cands: [True] * len(cands), record)
    assert [q.text for q in _nested(quotes)] == [NESTED]
    # another verb's candidate: added only when the check is sure
    assert [r for q, r in record if q.cue is not None and q.cue.text == "say"] == [False]
    # the outer quote stays as it was
    assert any(q.kind == "direct" and q.text.startswith("Our neighbours") for q in quotes)


def test_no_candidate_that_is_most_of_its_quote() -> None:
    record: list[tuple[Quote, bool]] = []
    quotes = _run(_doc(MOSTLY), lambda doc, cands: [True] * len(cands), record)
    assert _nested(quotes) == []
    assert [q.kind for q in quotes] == ["direct"]


def test_a_refused_candidate_leaves_the_quote_alone() -> None:
    quotes = _run(_doc(), lambda doc, cands: [False] * len(cands))
    assert _nested(quotes) == []
    assert [q.kind for q in quotes] == ["direct"]


def test_the_check_reads_whether_the_cue_is_quoted() -> None:
    from diurna.statements.learned import check_vectors

    doc = _doc(TEXT + " The council confirmed the closure of the road.")
    record: list[tuple[Quote, bool]] = []
    _run(doc, None, record)
    sparse, _ = candidate_rows(doc, record, check_vectors())
    by_cue = {cue_token(q, doc.nlp).text: names for (q, _), names in zip(record, sparse,
                                                                        strict=True)}
    assert "in_quote=True" in by_cue["say"]
    assert "in_quote=False" in by_cue["confirmed"]


def test_quoted_ranges_include_the_marks() -> None:
    text = 'He said "no more than four words here" and left.'
    (start, end), = quoted_ranges(text)
    assert text[start] == '"' and text[end - 1] == '"'
