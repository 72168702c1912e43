"""Body precision, ninth round (issue #18): the header of a page's print version (the reprint
notice and the page's own address) leaves the body; a crosshead printed in bold capitals
inside the running text is marked as a section heading. Every page and line here is
hand-written for the test (our own text)."""

from __future__ import annotations

from diurna.page.blocks import capitals_heads, is_capitals_head
from diurna.page.furniture import is_furniture_line
from tests.page.test_furniture import P1, P2, P3, _page, _read

URL = "https://news.example.com/world/talks-resume-in-geneva-4711"
NOTICE = ("This copy is for your personal, non-commercial use only. To order copies for your "
          "colleagues or clients, write to the reprints desk of Example News.")


def test_a_print_versions_notice_and_the_pages_own_address_leave_the_body() -> None:
    head = f'<link rel="canonical" href="{URL}">'
    article = (f'<div class="article-text"><div class="print-header"><p>{NOTICE}</p>'
               f'<p>{URL}</p></div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>')
    doc = _read(_page(article, head))
    assert "non-commercial" not in doc.text
    assert "talks-resume-in-geneva" not in doc.text
    assert P1 in doc.text and P3 in doc.text


def test_another_address_and_a_licence_sentence_stay() -> None:
    other = "https://data.example.org/refugees-2026.csv"
    licence = ("The court ruled that the photographs were licensed for personal, "
               "non-commercial use only, and awarded the agency damages.")
    head = f'<link rel="canonical" href="{URL}">'
    article = (f'<div class="article-text"><p>{P1}</p><p>{other}</p><p>{P2}</p>'
               f'<p>{licence}</p><p>{P3}</p></div>')
    doc = _read(_page(article, head))
    assert other in doc.text  # a source the article links to is not the page's own address
    assert licence in doc.text
    assert not is_furniture_line(licence)
    assert is_furniture_line(NOTICE)


def test_a_short_line_in_capitals_between_paragraphs_is_a_crosshead() -> None:
    assert is_capitals_head("DZEKO, İKİ HAFTADIR SUSKUN")
    assert is_capitals_head("402 MİLYON LİRALIK MAL VARLIĞINA EL KONULMUŞTU")
    assert is_capitals_head("WHAT HAD HAPPENED BEFORE?")  # a question may head a section
    assert not is_capitals_head("NATO AND THE EU.")  # it ends a sentence
    assert not is_capitals_head("USA")  # one word, three letters
    assert not is_capitals_head("习近平主席向论坛致贺信")  # a script without capitals
    assert not is_capitals_head("Talks resume in Geneva")
    lines = ["DALLA NOSTRA CORRISPONDENTE", P1, "TALKS RESUME IN MAY", P2, "EXAMPLE NEWS AGENCY"]
    assert capitals_heads(lines) == {"TALKS RESUME IN MAY"}  # not the first or last line


def test_a_bold_capitals_crosshead_in_the_text_is_marked_and_kept() -> None:
    article = (f'<div class="article-text"><p>{P1}</p><p><strong>THE BORDER QUESTION STAYS '
               f'OPEN</strong></p><p>{P2}</p><p>{P3}</p></div>')
    doc = _read(_page(article))
    assert [h.text for h in doc.headings if h.text != "Talks to resume in Geneva"] == [
        "THE BORDER QUESTION STAYS OPEN"]
    assert "THE BORDER QUESTION STAYS OPEN" in doc.text  # kept in place, marked


def test_contributor_credits_and_tip_lines_are_furniture() -> None:
    for line in ("(Reporting by Jane Roe and John Doe in Geneva; editing by Ann Poe)",
                 "Reporting by Jane Roe; additional reporting by John Doe; Editing by Ann Poe",
                 "Additional reporting by John Doe",
                 "Example Agency writers Jane Roe and John Doe contributed to this report.",
                 "John Doe contributed reporting from Geneva.",
                 "Have a tip? Jane Roe may be reached at jane@example.com."):
        assert is_furniture_line(line), line


def test_sentences_about_reporting_and_tips_stay() -> None:
    for line in ("Reporting by the Example Times showed that the ministry had known for years.",
                 "She contributed to this report's findings as an adviser, the commission said.",
                 "Have a tip for the weekend? The museum in Geneva opens at ten."):
        assert not is_furniture_line(line), line
