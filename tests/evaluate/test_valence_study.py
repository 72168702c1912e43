"""bench/valence_study.py: the words of a statement's content are read against a valence lexicon
the way round 31 counted them.

The sentences and the lexicon's values are made up (a few words in VADER's file format); each
expected word and count was worked out by hand from them."""

from __future__ import annotations

import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.scripts import REPO, load_file

from diurna.model import Document, Event, Quote, Span

LEXICON_TEXT = ("disgrace\t-2.6\t0.9\t[-3, -2]\n"
                "lie\t-2.2\t0.8\t[-2, -3]\n"
                "failure\t-2.3\t0.5\t[-2, -2]\n"
                "failures\t-1.0\t0.5\t[-1, -1]\n"
                "sad\t-1.1\t0.4\t[-1, -1]\n"
                "brave\t2.4\t0.5\t[2, 3]\n"
                "a line with no number\n")


@lru_cache(maxsize=1)
def bench() -> ModuleType:
    if str(REPO / "bench") not in sys.path:  # it imports event_causes, its neighbour
        sys.path.insert(0, str(REPO / "bench"))
    return load_file("bench/valence_study.py")


def lexicon(tmp_path: Path) -> dict[str, float]:
    path = tmp_path / "lexicon.txt"
    path.write_text(LEXICON_TEXT, encoding="utf-8")
    return bench().read_lexicon(path)  # type: ignore[no-any-return]


def parsed(text: str) -> Document:
    from diurna.language import Language

    doc = Document(id="t", source="test", text=text, published="2024-03-01")
    Language()(doc)
    return doc


def span(doc: Document, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(word, start + 1)
    return Span(start, start + len(word), word)


def split_quote(doc: Document) -> Quote:
    """The statement of SPLIT: two pieces around "Smith said"."""
    first, second = span(doc, "It is a disgrace and a failure,"), span(doc, "They are brave.")
    return Quote(first.start, second.end, doc.text[first.start:second.end], kind="direct",
                 speaker=None, cue=span(doc, "said"), parts=[first, second])


SPLIT = '"It is a disgrace and a failure," Smith said of the sad plan. "They are brave."'


def words(tokens: list[Any]) -> list[str]:
    return [t.text for t in tokens]


def test_the_lexicon_file_is_read_by_word_and_mean_and_bad_lines_are_skipped(
        tmp_path: Path) -> None:
    lex = lexicon(tmp_path)
    assert lex["disgrace"] == -2.6 and lex["brave"] == 2.4
    assert len(lex) == 6  # the line without a number is not a word


def test_a_word_is_valued_by_its_own_form_before_its_lemma(tmp_path: Path) -> None:
    lex = lexicon(tmp_path)
    doc = parsed("They lied about the failures.")
    by_text = {t.text: t for t in doc.nlp}
    assert bench().valence(by_text["lied"], lex) == -2.2  # "lied" unlisted: its lemma "lie"
    assert bench().valence(by_text["failures"], lex) == -1.0  # listed as itself
    assert bench().valence(by_text["about"], lex) == 0.0


def test_a_split_statement_reads_its_pieces_not_the_attribution_between_them() -> None:
    doc = parsed(SPLIT)
    content = words(bench().content_tokens(doc, split_quote(doc)))
    assert "disgrace" in content and "brave" in content
    assert "sad" not in content and "said" not in content and "Smith" not in content


def test_the_strongest_word_of_the_sign_is_taken_only_when_strong_enough(tmp_path: Path) -> None:
    lex = lexicon(tmp_path)
    doc = parsed(SPLIT)
    content = bench().content_tokens(doc, split_quote(doc))
    assert bench().strongest(content, lex, -1, 2.0).text == "disgrace"  # -2.6 beats -2.3
    assert bench().strongest(content, lex, +1, 2.0).text == "brave"
    assert bench().strongest(content, lex, -1, 3.0) is None


def test_the_rule_codes_an_uncoded_statement_and_leaves_a_coded_one(tmp_path: Path) -> None:
    lex = lexicon(tmp_path)
    doc = parsed(SPLIT)
    doc.quotes = [split_quote(doc)]
    events = bench().valence_events(doc, lex, 2.0)
    assert [(e.type, e.trigger.text) for e in events] == [("ACCUSE", "disgrace"),
                                                         ("SUPPORT", "brave")]
    sent = doc.sentences[0] if doc.sentences else Span(0, len(doc.text), doc.text)
    doc.events = [Event(id="t:1", type="PROTEST", trigger=span(doc, "failure"), sentence=sent)]
    assert bench().valence_events(doc, lex, 2.0) == []


def test_a_missed_accusation_in_a_statement_is_counted_with_its_strong_word(
        tmp_path: Path) -> None:
    lex = lexicon(tmp_path)
    doc = parsed(SPLIT)
    doc.quotes = [split_quote(doc)]
    trigger = span(doc, "disgrace")
    units = [{"start": 0, "end": len(doc.text), "events": [
        {"type": "ACCUSE", "trigger": {"start": trigger.start, "end": trigger.end}}]}]
    misses: Counter[tuple[str, str]] = Counter()
    statements: Counter[tuple[str, str]] = Counter()
    bench().tally(doc, units, lex, 2.0, misses, statements)
    assert [misses[("ACCUSE", row)] for row in bench().MISS_ROWS] == [1, 1, 1, 1, 1]
    # the one statement: its negative word points to the unit's uncoded ACCUSE, its positive
    # word to a unit with no SUPPORT (a false event the rule would make)
    rows = bench().STATEMENT_ROWS
    assert [statements[("ACCUSE", row)] for row in rows] == [1, 1, 0, 0, 1, 1, 0]
    assert [statements[("SUPPORT", row)] for row in rows] == [1, 0, 0, 1, 1, 0, 1]
