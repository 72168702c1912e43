"""Word counts and vocabularies of page texts, each computed once per text while a page is read.

The page stage compares candidate bodies by their words (how many, which) several times over;
on an ordinary page that costs nothing, but a page whose article is one 15 MB paragraph paid a
regex pass over the whole text for every comparison (about 45 s). The results are cached per
text for the length of one page read (:func:`forget` ends it, so no page's text outlives it).
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"\w+")


@lru_cache(maxsize=256)
def word_count(text: str) -> int:
    """The number of words (``\\w+`` runs) in ``text``."""
    return WORD.subn("", text)[1]  # counts without building a list of the words


@lru_cache(maxsize=32)
def vocabulary(text: str) -> frozenset[str]:
    """The distinct words (``\\w+`` runs) of ``text``, as written (no case folding)."""
    return frozenset(WORD.findall(text))


def forget() -> None:
    """Drop the cached texts (called when a page has been read)."""
    word_count.cache_clear()
    vocabulary.cache_clear()
