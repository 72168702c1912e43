"""What the language identifier is given: the sample's words in its main script.

``main_script_words`` judges each distinct character once (session 40, a speed round); these
pin what it must still do character by character: count every occurrence of a letter, let a
tie go to the script seen first, drop format characters and stray marks inside words, and
break words at anything else.
"""

from __future__ import annotations

from diurna.page.reader import main_script_words


def test_the_main_script_is_the_one_with_most_letters_counted_with_repeats() -> None:
    # Latin has more distinct letters here, Cyrillic more letters: Cyrillic is the main script
    sample = "abcdefg " + "да " * 5
    assert main_script_words(sample) == "да да да да да"


def test_a_tie_between_two_scripts_goes_to_the_script_seen_first() -> None:
    assert main_script_words("ab да") == "ab"
    assert main_script_words("да ab") == "да"


def test_format_characters_and_stray_marks_are_dropped_inside_words() -> None:
    # a zero-width space and a joiner inside a word, a general combining accent (of no
    # script: dropped, the word kept whole); a Devanagari word keeps its vowel signs and virama
    sample = "wor\u200bd jo\u200dined cafe\u0301s"
    assert main_script_words(sample) == "word joined cafes"
    assert main_script_words("हिन्दी में") == "हिन्दी में"


def test_other_scripts_digits_and_punctuation_break_words() -> None:
    sample = "one,two 3 three日本four — «five»"
    assert main_script_words(sample) == "one two three four five"


def test_a_sample_without_letters_is_returned_as_it_is() -> None:
    assert main_script_words(" 12, 34 \u200b ") == " 12, 34 \u200b "
