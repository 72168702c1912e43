"""A page whose article is one enormous paragraph is read whole, in time linear in its size:
the page stage's word comparisons no longer pass over the whole text once per comparison."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from diurna.page import read_page
from diurna.page.html import HUGE_TEXT, _at_most_words, _same_text
from diurna.page.inputs import RawInput
from diurna.page.quality import _has_word
from diurna.page.words import vocabulary, word_count

SENTENCE = "The council met again and the minister said talks would go on. "
WORDS = st.text(alphabet=st.sampled_from("ab cé\n\t.-_1"), max_size=60)


def test_a_page_that_is_one_6_mb_paragraph_keeps_its_text_and_title() -> None:
    body = (SENTENCE * (HUGE_TEXT // len(SENTENCE) + 2000))[: HUGE_TEXT + 1_000_000].strip()
    html = (
        "<html><head><title>Council talks go on</title></head><body><article>"
        f"<h1>Council talks go on</h1><p>{body}</p></article></body></html>"
    )
    doc = read_page(RawInput(source="big.html", data=html.encode(), kind="html"))
    assert doc.rejected is None
    assert doc.title == "Council talks go on"
    assert doc.text == body  # every character of the paragraph, nothing else


@given(WORDS)
def test_word_helpers_count_as_the_regex_does(text: str) -> None:
    assert word_count(text) == len(re.findall(r"\w+", text))
    assert vocabulary(text) == frozenset(re.findall(r"\w+", text))


@given(WORDS, st.integers(min_value=0, max_value=8))
def test_at_most_words_is_a_word_count_bound(text: str, n: int) -> None:
    assert _at_most_words(text, n) == (len(text.split()) <= n)


@given(WORDS, st.from_regex(r"[a-cé1_]{1,4}", fullmatch=True))
def test_has_word_is_membership_in_the_texts_words(text: str, word: str) -> None:
    assert _has_word(text, word) == (word in set(re.findall(r"\w+", text)))


@given(WORDS, WORDS)
def test_same_text_stopping_early_gives_the_same_answer(a: str, b: str) -> None:
    wa, wb = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    whole = bool(wa and wb) and len(wa & wb) >= 0.9 * len(wa) and len(wa & wb) >= 0.9 * len(wb)
    assert _same_text(a, b) == whole
