"""A name after a rank or title abbreviation stays in the title's sentence (session 36, brief W9):
the small model ended sentences at "Pte." | "David Byers ..." and "Ukraine PM" | "Yuri
Yekhanurov ...", so the name, its events' parties and the provenance audit's in-sentence check
were split over two sentences. Texts from the two Wikinews articles session 35's audit found;
each split at 5628d96."""

from __future__ import annotations

import pytest

from diurna.language import Language
from diurna.language.spacy_stage import title_before
from diurna.model import Document


def sentences(*paragraphs: str) -> list[str]:
    doc = Document.from_paragraphs("x", "t", list(paragraphs))
    Language()(doc)
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    return [s.text for s in doc.sentences]


def test_a_name_after_a_rank_with_a_full_stop_stays_in_its_sentence() -> None:
    assert sentences(
        "They are now returning home in Canada for a memorial service. Pte. David Byers, 22, "
        "of Espanola, Ontario was identified after a suicide bomber attacked the soldiers in "
        "Kandahar.") == [
        "They are now returning home in Canada for a memorial service.",
        "Pte. David Byers, 22, of Espanola, Ontario was identified after a suicide bomber "
        "attacked the soldiers in Kandahar."]


def test_a_name_after_a_rank_inside_a_sentence_stays_in_it() -> None:
    text = ("On Tuesday, officials said the attack also killed Cpl. Glen Arnold, based in CFB "
            "Petawawa, northwest of Ottawa; and Cpl. Shane Keating of Saskatoon and Cpl. Keith "
            "Morley, based at CFB Shilo in Manitoba were also killed.")
    assert sentences(text) == [text]


def test_a_name_after_a_title_written_in_capitals_stays_in_its_sentence() -> None:
    assert sentences(
        "They were killed. Ukraine PM Yuri Yekhanurov has charged the ministry.") == [
        "They were killed.", "Ukraine PM Yuri Yekhanurov has charged the ministry."]


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # a stop after a time or a capitals title ends the sentence
    (["They met at 5 PM. John Smith said it went well."],
     ["They met at 5 PM.", "John Smith said it went well."]),
    (["It was said by the MP. John Smith disagreed."],
     ["It was said by the MP.", "John Smith disagreed."]),
    # a paragraph break still starts a sentence
    (["A statement was read by Cpl.", "Keith Morley spoke later."],
     ["A statement was read by Cpl.", "Keith Morley spoke later."]),
])
def test_other_sentence_ends_stay(paragraphs: list[str], expected: list[str]) -> None:
    assert sentences(*paragraphs) == expected


def test_the_title_before_a_name_is_found_as_the_tokenizer_cuts_it() -> None:
    from diurna.language import load_nlp

    parsed = load_nlp()("Cpl. Keith, Dr. Ann, PM Yuri, St. John, the MP. Tom")
    by_text = {t.text: t for t in parsed}
    # "Cpl." is cut into "Cpl" "."; "Dr." is one token; "PM" takes no stop; "St." is no title
    assert [title_before(parsed, by_text[n]).text if title_before(parsed, by_text[n]) else None
            for n in ("Keith", "Ann", "Yuri", "John", "Tom")] == ["Cpl", "Dr.", "PM", None, None]
