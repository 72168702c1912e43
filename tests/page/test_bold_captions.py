"""Body precision, seventeenth round (issue #18): a caption typed as a wholly bold paragraph
right under its image ("<figure><img></figure><p><strong>Mr A. B., the councillor.</strong>
</p>") leaves the body as a caption; a bold crosshead under an image (no full stop), a bold
sentence under an image that has a caption of its own, and a bold sentence that follows text
stay. Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

from tests.page.test_furniture import P1, P2, P3, _page, _read

IMAGE = "<figure><img src='/img/harbour.jpg' alt=''></figure>"
CAPTION = "Harbour master Ana Ruiz at the new quay."


def test_a_bold_caption_under_its_image_leaves_the_body() -> None:
    html = _page(f"<p>{P1}</p><p>{P2}</p>{IMAGE}<p><strong>{CAPTION}</strong></p><p>{P3}</p>")
    doc = _read(html)
    assert doc.text.split("\n\n") == [P1, P2, P3]
    assert CAPTION in doc.captions


def test_a_bold_crosshead_under_an_image_stays() -> None:
    html = _page(f"<p>{P1}</p><p>{P2}</p>{IMAGE}<p><strong>What the envoys want</strong></p>"
                 f"<p>{P3}</p>")
    assert "What the envoys want" in _read(html).text.split("\n\n")


def test_a_bold_sentence_under_a_captioned_image_or_under_text_stays() -> None:
    captioned = ("<figure><img src='/img/quay.jpg' alt=''><figcaption>The quay at dawn."
                 "</figcaption></figure>")
    for before in (captioned, ""):
        html = _page(f"<p>{P1}</p><p>{P2}</p>{before}<p><strong>{CAPTION}</strong></p>"
                     f"<p>{P3}</p>")
        assert CAPTION in _read(html).text.split("\n\n")
