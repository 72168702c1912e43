"""The tokenizer splits a comma glued to an opening single quotation mark (docs/quotes.md part 26).

spaCy's English tokenizer keeps "said,'Yes" one token, so the parse never sees the speech verb
before a nested quote ("a second soldier who said,'Yes, I heard something similar,' …"). The
added infix splits the comma and the mark; apostrophes inside words stay (checked by hand)."""

from __future__ import annotations

from diurna.language.spacy_stage import load_nlp


def test_a_comma_glued_to_an_opening_single_mark_is_split() -> None:
    words = [t.text for t in load_nlp().tokenizer("who said,'Yes, I heard it,' and left")]
    assert words == ["who", "said", ",", "'", "Yes", ",", "I", "heard", "it", ",", "'", "and",
                     "left"]


def test_apostrophes_inside_words_stay() -> None:
    words = [t.text for t in load_nlp().tokenizer("O'Neill's rock'n'roll, 'Tis")]
    assert words == ["O'Neill", "'s", "rock'n'roll", ",", "'", "Tis"]
