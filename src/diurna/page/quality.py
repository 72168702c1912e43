"""Is an extracted body an article, or the page's chrome? A score and a fallback chain.

A news article is mostly running prose: long lines that are not links and not in the site's
navigation, sharing words with the headline. Page chrome is the opposite: short menu items
("Skip to content", "Subscribe", "Sign in", section names), link lists and header/footer text.
:func:`body_quality` scores a candidate body from 0 (chrome) to 1 (prose); :func:`choose_body`
keeps the extractor's body when it scores well and otherwise takes the best-scoring of the
fallbacks (the densest ``<p>`` block, the JSON-LD ``articleBody``), so a user can filter on the
recorded score and see which source won.
"""

from __future__ import annotations

from dataclasses import dataclass

from diurna.page.blocks import BlockIndex
from diurna.page.words import WORD as _WORD

#: a line with fewer characters than this, spaces aside, is not prose (menus, buttons, labels,
#: headings); counted in characters, not words, so that pages in scripts without spaces (ja, zh)
#: are judged alike ("letters" below means these characters)
PROSE_LINE_LETTERS = 45
#: a body scoring at least this is kept without looking at the fallbacks
GOOD_BODY = 0.6
#: a body with fewer letters than this is too short to be an article by itself
SHORT_BODY_LETTERS = 350


@dataclass(slots=True, frozen=True)
class Quality:
    """Score in [0, 1] and the signals it was made from (shares of the body's letters)."""

    score: float
    letters: int
    prose: float  # in lines of >= PROSE_LINE_LETTERS letters
    chrome: float  # in lines from nav/header/footer, link lists or furniture boxes
    title_overlap: float  # share of the title's words (>= 4 letters) found in the body


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _has_word(text: str, word: str) -> bool:
    r"""Whether ``word`` (a ``\w+`` run) is one of ``text``'s words: found with nothing of a
    word on either side. Stops at the first hit instead of listing every word of the text."""
    at = text.find(word)  # plain substring search, in C; then only the hits' neighbours
    while at != -1:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and \
                (end == len(text) or not _is_word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_char(ch: str) -> bool:
    r"""Whether ``ch`` is a ``\w`` character of ``re`` (a letter or digit in Unicode, or "_")."""
    return ch.isalnum() or ch == "_"


def body_quality(lines: list[str], index: BlockIndex, title: str | None) -> Quality:
    """Score ``lines`` (a candidate body) as article prose (1) vs page chrome (0).

    score = prose share × (1 − chrome share) × a length factor (bodies under
    SHORT_BODY_LETTERS letters are scaled down) × 0.5 when the body shares none of the title's
    words (pages always have a title, so this only bites when one is found).
    """
    total = prose = chrome = 0
    for line in lines:
        n = len(line) - sum(line.count(ws) for ws in " \t\xa0")  # characters, not spaces
        total += n
        if n >= PROSE_LINE_LETTERS:
            prose += n
        if index.of(line) & {"nav", "links", "aside"}:
            chrome += n
    if not total:
        return Quality(0.0, 0, 0.0, 0.0, 0.0)
    title_words = {w for w in _words(title or "") if len(w) >= 4}
    body = " ".join(lines).casefold() if title_words else ""
    found = sum(1 for w in title_words if _has_word(body, w))
    overlap = found / len(title_words) if title_words else 1.0
    score = (prose / total) * (1 - chrome / total) * min(1.0, total / SHORT_BODY_LETTERS)
    if title_words and not overlap:
        score *= 0.5
    return Quality(round(score, 3), total, round(prose / total, 3), round(chrome / total, 3),
                   round(overlap, 3))


def choose_body(candidates: list[tuple[str, list[str]]], index: BlockIndex,
                title: str | None) -> tuple[str, list[str], Quality]:
    """The first candidate if it scores >= GOOD_BODY, else the best-scoring one (ties: earlier).

    ``candidates`` are (source name, lines) in order of preference; empty ones are skipped.
    """
    best: tuple[str, list[str], Quality] | None = None
    for name, lines in candidates:
        if not lines:
            continue
        quality = body_quality(lines, index, title)
        if best is None or quality.score > best[2].score:
            best = (name, lines, quality)
        if best[0] == candidates[0][0] and quality.score >= GOOD_BODY:
            break
    if best is None:
        return "none", [], Quality(0.0, 0, 0.0, 0.0, 0.0)
    return best
