"""The word test that spares the page stage most furniture searches (round 14) never hides a
furniture line or an appeal: whatever the patterns match, in any letter case, including the
letters that case-insensitive matching reads as ASCII ones (Turkish İ and ı, the long s, the
Kelvin sign). Every line here is hand-written for the test."""

from __future__ import annotations

import re
import sys

import pytest

from diurna.page.furniture import (
    ANYWHERE_WORDS,
    APPEAL_PARAGRAPH,
    FURNITURE_ANYWHERE,
    folded,
    holds_any,
    is_appeal_paragraph,
    is_furniture_line,
)

#: lines the searched patterns match, one or more per branch, in odd cases and letters
FURNITURE_LINES = [
    "Unterstützen Sie uns mit einer Spende.",
    "SUPPORT OUR JOURNALISM",
    "Abonelİk İçİn lütfen bİzİmle İletİşİme geçİn.",  # Turkish capitals: İ matches i
    "Sıgn up for our daily newsletter.",  # a dotless ı matches i when case is ignored
    "\u017fign up for the weekly newsletter",  # the long s matches s
    "Abonnieren Sie jetzt unseren WhatsApp-Kanal",
    "Testen Sie jetzt vier Wochen gratis",
    "Der Newsletter informiert Sie jeden Morgen",
    "Follow him on Twitter @someone.",
    "Comments are moderated before they appear.",
    "We are MODERATING all comments this week.",
    "Verfügbar bis 12.06.2027",
    "Erstveröffentlichung: 4.4.18",
    "Have a story? Contact our reporters via Signal.",
    "Local reporters contributed to this report.",
    "Lesen Sie mehr in unserem Liveblog:",
    "Rathaus am Abend | 2:14 min",
    "Der Marktplatz am Morgen. Foto: Erika Muster",
    "Das Blatt auch bei SOCIAL MEDIA – ob WhatsApp, Instagram oder Facebook.",
    "We welcome Letters to the Editor. We'd like to hear from you.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_a_searched_furniture_line_holds_one_of_the_words_and_is_still_furniture(
        line: str) -> None:
    assert FURNITURE_ANYWHERE.search(line)
    assert holds_any(folded(line), ANYWHERE_WORDS)
    assert is_furniture_line(line)


def test_an_upper_case_appeal_to_support_the_journalism_is_still_an_appeal() -> None:
    line = "BITTE UNTERSTÜTZEN SIE UNABHÄNGIGEN JOURNALİSMUS"
    assert APPEAL_PARAGRAPH.search(line)
    assert is_appeal_paragraph(line)


def test_article_lines_holding_none_of_the_words_are_not_searched_and_stay() -> None:
    line = "The council voted on Tuesday to rebuild the bridge over the river."
    assert not holds_any(folded(line), ANYWHERE_WORDS)
    assert not is_furniture_line(line)


def test_every_letter_case_insensitive_matching_equates_with_a_words_letter_folds_onto_it(
) -> None:
    """What makes the word test safe: a text letter the patterns match to a letter of one of
    the words becomes that letter in the folded text (checked over every code point)."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    letters = {c for word in ANYWHERE_WORDS for c in word} | set("journalismpergiodt")
    for letter in letters:
        for char in re.findall(re.escape(letter), every, re.I):
            assert folded(char) == letter, (letter, hex(ord(char)))
