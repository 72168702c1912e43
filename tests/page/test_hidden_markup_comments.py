"""Text dumps of wiki pages keep ``<!-- … -->`` comments, text the page never shows (124 of the
3,973 Wikinews records hide sentences in one): the page stage drops them, and the scorers'
documents blank them with their length kept, so nothing is coded from hidden text."""

from __future__ import annotations

from pathlib import Path

from diurna.evaluate.gold import gold_document
from diurna.page import RawInput, read_page
from diurna.page.text import without_html_comments

SHOWN = ("Israeli Prime Minister Ariel Sharon remained in a coma on Monday, his doctors said, "
         "after a second operation in Jerusalem.")
HIDDEN = "<!--Rebels attacked the embassy in Beirut on Sunday and the army shelled the town.-->"
LATER = "His party meets on Tuesday to choose a new leader for the March election campaign."
DUMP = f"Sharon still in coma\n\n{SHOWN}\n\n{HIDDEN}\n\n{LATER}"


def test_a_text_dump_loses_its_html_comment_and_keeps_the_rest() -> None:
    doc = read_page(RawInput("dump.txt", DUMP.encode("utf-8"), kind="text"))
    assert SHOWN in doc.text and "choose a new leader" in doc.text
    assert "Rebels attacked" not in doc.text and "<!--" not in doc.text


def test_blanking_keeps_offsets_and_line_breaks_and_an_unclosed_comment_runs_to_the_end() -> None:
    text = "A said B.\n<!-- hidden\nline -->\nC said D. <!-- open to the end\nE"
    blank = without_html_comments(text, keep_length=True)
    assert len(blank) == len(text) and blank.count("\n") == text.count("\n")
    assert blank.index("C said D.") == text.index("C said D.")
    assert "hidden" not in blank and "E" not in blank[text.index("<!-- open"):]
    # removed (the page stage): a comment on its own lines leaves its line breaks only
    assert without_html_comments("x <!--y--> z") == "x   z"
    assert without_html_comments("a\n<!--b\nc-->\nd") == "a\n\n\nd"
    assert without_html_comments("no comment here") == "no comment here"


def test_a_scored_document_blanks_hidden_text_and_keeps_the_raw_texts_id(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "dump.txt").write_text(DUMP, encoding="utf-8")
    doc = gold_document("corpus/dump.txt", "2006-01-09", shared=tmp_path)
    assert len(doc.text) == len(DUMP) and "Rebels" not in doc.text
    assert doc.text.index(SHOWN) == DUMP.index(SHOWN)  # gold offsets still point right
    plain = gold_document("corpus/dump.txt", shared=tmp_path)
    assert plain.id == doc.id and doc.id != ""
