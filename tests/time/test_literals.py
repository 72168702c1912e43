"""The time stage skips a pattern on a text without any word every match of it needs
(diurna.time.literals): the skip must never lose a match."""

from __future__ import annotations

import re
import string

import pytest

from diurna.time import anaphora, resolver
from diurna.time.literals import fold, may_match, required_literals

TIME_PATTERNS = resolver._PATTERNS + anaphora.PATTERNS


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"\b(?:noon|midday|midnight)\b", {"noon", "midday", "midnight"}),
    (r"\b(?:early|late)?\s*GMT\b", {"gmt"}),  # an optional word is not needed
    (r"(?:a\s+)?fortnight", {"fortnight"}),
    (r"(?i)At\s+present", {"present"}),  # lower-cased, looked for in the folded text
    (r"\b\d+\s+days?\b", {"day"}),  # the longest string a match must hold
    (r"\d+|noon", None),  # one branch needs no word: nothing can be skipped
    (r"[Tt]he\s+\w+", {"he"}),  # a class breaks the string: "he" is what is sure
    (r"\w+\s+\d+", None),  # classes only: no fixed string
    (r"(?=noon)\w+", None),  # a look-ahead is not trusted
])
def test_required_words_of_a_pattern(pattern: str, needs: set[str] | None) -> None:
    got = required_literals(re.compile(pattern))
    assert (set(got) if got is not None else None) == needs


def test_the_answer_follows_the_pattern() -> None:
    # kept per compiled pattern: two patterns asked in a row get their own answers
    assert required_literals(re.compile(r"\bnoon\b")) == {"noon"}
    assert required_literals(re.compile(r"\bmidday\b")) == {"midday"}
    assert required_literals(re.compile(r"\bnoon\b", re.I)) == {"noon"}


def test_fold_maps_every_character_ignorecase_matches_to_an_ascii_letter() -> None:
    """Under IGNORECASE, ``re`` matches an ASCII letter to a few characters outside ASCII
    (the long s, the Kelvin sign, dotless and dotted i); each must fold to that letter, or
    a pattern written in ASCII could match a text the filter calls hopeless."""
    others = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase:
        for ch in re.compile(letter, re.I).findall(others):
            assert fold(ch) == letter, (letter, hex(ord(ch)))


@pytest.mark.parametrize("text", [
    "The talks resumed at MIDNıGHT on Tuesday.",  # dotless i, matched by re.I "i"
    "Fighting went on for ſeveral dayſ, until the truce of March 3, 2019.",  # long s
    "They met a fortnight ago, on 12 March, and again the following week at noon GMT.",
    "Earlier that October the council voted; two years later it did again.",
    "Sales rose 4 per cent in the year ended March 31 and fell in the first quarter.",
])
def test_no_time_pattern_is_skipped_where_it_matches(text: str) -> None:
    folded = fold(text)
    for rx in TIME_PATTERNS:
        if rx.search(text):
            assert may_match(required_literals(rx), folded), rx.pattern


def test_a_pattern_with_ignorecase_still_matches_the_long_s() -> None:
    rx = re.compile(r"\bseveral\s+days\b", re.I)
    text = "for ſeveral dayſ"
    assert rx.search(text)  # what re does
    assert may_match(required_literals(rx), fold(text))  # and the filter lets it run
    assert not may_match(required_literals(rx), fold("for many weeks"))
