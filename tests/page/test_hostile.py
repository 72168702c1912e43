"""Hostile input: each is rejected with a clear reason (or read), and nothing else is raised."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diurna.model import Rejected
from diurna.page import RawInput, read_page
from diurna.page.inputs import MAX_BYTES
from diurna.pipeline import Pipeline
from tests.page.fixtures import ARTICLE_PARAGRAPHS, article_page


def reason(data: bytes, kind: str | None = None) -> str:
    with pytest.raises(Rejected) as err:
        read_page(RawInput("hostile", data, kind=kind))
    assert err.value.detail  # every rejection says what was wrong
    return err.value.reason


def test_png_renamed_html_is_binary() -> None:
    assert reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))) == "binary"


@pytest.mark.parametrize(("head", "detail"), [
    (b"\x7fELF\x02\x01\x01", "prog is an ELF executable, not a web page or text"),
    (b"\x89PNG\r\n\x1a\n", "prog is a PNG image, not a web page or text"),
    (b"\x00\x00\x01\x00", "prog is an icon, not a web page or text"),
])
def test_a_known_binary_format_is_named_with_its_article(head: bytes, detail: str) -> None:
    """The rejection detail (printed by -v, stored in the rejections table) read "is a ELF
    executable" and "is a icon"."""
    with pytest.raises(Rejected) as err:
        read_page(RawInput("prog", head + bytes(range(256))))
    assert (err.value.reason, err.value.detail) == ("binary", detail)


def test_random_bytes_are_binary() -> None:
    rng = random.Random(7)
    assert reason(bytes(rng.randrange(256) for _ in range(4000))) == "binary"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff  \n".encode()])
def test_empty_and_whitespace(data: bytes) -> None:
    assert reason(data) == "empty"


def test_invalid_utf8_that_no_encoding_explains() -> None:
    rng = random.Random(3)
    garbage = bytes(rng.randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(UnicodeDecodeError):
        garbage.decode("utf-8")
    assert reason(garbage) == "encoding"


def test_oversized_bytes_in_memory() -> None:
    with pytest.raises(Rejected) as err:
        read_page(RawInput("big", b"a" * (MAX_BYTES + 1)))
    assert err.value.reason == "too_large" and f"{MAX_BYTES:,}" in err.value.detail


def test_html_without_text() -> None:
    html = b"<html><head><script>var a = 1;</script></head><body><img src='x.png'></body></html>"
    assert reason(html) == "no_text"


def test_deeply_nested_html() -> None:
    html = "<html><body>" + "<div>" * 20000 + "<p>deep text</p>" + "</div>" * 20000
    assert reason(html.encode()) == "too_deep"


def test_truncated_html_is_still_read() -> None:
    page = article_page()
    cut = page[: page.index(ARTICLE_PARAGRAPHS[2][:40]) + 20]  # ends mid-paragraph, tags open
    doc = read_page(RawInput("cut.html", cut.encode()))
    assert doc.text.startswith(ARTICLE_PARAGRAPHS[0][:40])


def test_utf16_with_bom_is_read() -> None:
    text = ("Officials said on Monday that the road had reopened after the landslide was "
            "cleared by army engineers working through the night.")
    doc = read_page(RawInput("u16.txt", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")))
    assert doc.text == text


def test_batch_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    raws = [RawInput("png", b"\x89PNG\r\n\x1a\n\x00\x00"), RawInput("empty", b""),
            RawInput("good.html", article_page().encode())]
    docs = [Pipeline([]).process(r) for r in raws]
    assert [d.rejected for d in docs] == ["binary", "empty", None]
    assert docs[2].text.startswith("The foreign minister")


HTMLISH = st.lists(
    st.one_of(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div class='comment'>",
                               "</div>", "<article>", "<script>", "<!--", "-->", "<br>",
                               "<meta charset='x-unknown'>", "&amp;", "&#0;", "\x00", "\ufeff",
                               "<li class='comment'>", "  • ", "\n\n", "<?xml version='1.0'?>",
                               '<script type="application/ld+json">{"comment": [',
                               "<time datetime='2019-13-45'>"]),
              st.text(max_size=40)),
    max_size=60).map("".join)


FUZZ_EXAMPLES = int(os.environ.get("DIURNA_FUZZ_EXAMPLES", "150"))


@settings(max_examples=FUZZ_EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), HTMLISH.map(lambda s: s.encode("utf-8", "replace"))))
def test_fuzz_read_page_only_raises_rejected(data: bytes) -> None:
    """Any bytes: a Document or Rejected, nothing else (5 s per page is a hang guard)."""
    try:
        doc = read_page(RawInput("fuzz", data))
    except Rejected as err:
        assert err.reason
        return
    assert doc.text.strip()


def test_utf8_with_one_stray_byte_stays_utf8() -> None:
    text = ("<html><body><article><p>Le ministre a déclaré à Genève que les négociations "
            "reprendront la semaine prochaine, selon un communiqué du ministère.</p>"
            "<p>Les délégations discuteront d’un cessez-le-feu et de l’échange de prisonniers "
            "le long de la frontière, a-t-il ajouté.</p></article></body></html>")
    data = text.encode("utf-8").replace(b"prochaine", b"prochaine\x92")
    doc = read_page(RawInput("stray.html", data))
    assert "déclaré à Genève" in doc.text and "d’un cessez-le-feu" in doc.text


def test_undeclared_latin1_is_detected() -> None:
    text = ("Le ministre a déclaré mardi à Genève que les négociations reprendront la semaine "
            "prochaine après une pause de près de deux mois, selon un communiqué du ministère. "
            "Les délégations discuteront d'un cessez-le-feu et de l'échange de prisonniers.")
    doc = read_page(RawInput("latin1.txt", text.encode("latin-1")))
    assert "déclaré mardi à Genève" in doc.text


def test_undeclared_latin1_english_keeps_its_accented_names() -> None:
    """An English paragraph with a few Latin-1 letters: detection alone read it as cp775
    ("Z³rich", "cafķ"); windows-1252 is tried first for text that looks Western."""
    text = ("Police in Zürich arrested two men on Tuesday after protesters clashed with officers "
            "near the café where the finance ministers of France and Germany met, the city's "
            "police said. Süddeutsche Zeitung said about 300 people had gathered.")
    doc = read_page(RawInput("latin1.txt", text.encode("latin-1")))
    assert "Zürich" in doc.text and "café" in doc.text and "Süddeutsche" in doc.text


@pytest.mark.parametrize(("text", "codec"), [
    ("Министр заявил во вторник в Женеве, что переговоры возобновятся на следующей неделе.",
     "cp1251"),
    ("Minister powiedział we wtorek w Genewie, że rozmowy zostaną wznowione za tydzień.",
     "cp1250"),
    ("Ο υπουργός δήλωσε την Τρίτη στη Γενεύη ότι οι συνομιλίες θα συνεχιστούν.", "cp1253"),
])
def test_other_code_pages_are_not_taken_for_windows_1252(text: str, codec: str) -> None:
    """Cyrillic, Central European and Greek code pages also decode as windows-1252 (into
    accented Latin letters and signs); too many letters beyond ASCII, or signs no Western text
    has, keep them for detection."""
    from diurna.page.decode import western_cp1252

    assert western_cp1252(text.encode(codec)) is None


@pytest.mark.parametrize("garbage", [bytes([0xE2, 0x28, 0xA1, 0xC3, 0x28]) * 400,
                                     b"\x80\x81" * 3000, bytes(range(0x80, 0x100)) * 20])
def test_code_page_guesses_that_do_not_read_as_language_are_refused(garbage: bytes) -> None:
    # Some single-byte code page decodes any bytes; that is not an explanation.
    assert reason(garbage) == "encoding"
