"""Body precision, eleventh round (issue #18): a box set into the article, opening with a
heading of its own and written in other paragraph markup than the article around it (a
background or fact box: "<div><h3>The terrain …</h3><p class=text>…</p></div>" between
"<p class=paragraph>" paragraphs), is not the article's text; a section of the article written
in the article's own paragraphs stays, and so does a heading standing alone in a ``div``. A shop
list (each item links to an offer by its price) is not the article's text either, nor a
paywall's account-sharing notice ("Your subscription is being used on another device") in the
article's own paragraph markup (round 16). Every page and line here is hand-written for the
test (our own text)."""

from __future__ import annotations

from tests.page.test_furniture import P1, P2, P3, _page, _read

P4 = ("Officials said the next round would start with the prisoners, because both sides had "
      "already agreed on the lists and only the dates of the exchange remained open.")
BOX_HEAD = "Valleys, pine woods and scattered houses: the ground that trapped the crews"
BOX_LINES = ("The fire started on some of the hardest ground of the province to fight a fire "
             "on, with steep slopes and hundreds of houses far apart from each other.",
             "The mayor said the roads were too narrow for the heavy engines, so the crews "
             "had to walk the last kilometres to the flames with hand tools.")


def _article(box: str, cls: str = "paragraph") -> str:
    """Four paragraphs of one class, with ``box`` between the second and the third."""
    return (f'<div class="story"><p class="{cls}">{P1}</p><p class="{cls}">{P2}</p>{box}'
            f'<p class="{cls}">{P3}</p><p class="{cls}">{P4}</p></div>')


def test_a_headed_box_in_other_paragraph_markup_leaves_the_body() -> None:
    box = (f'<div class="component info"><h3>{BOX_HEAD}</h3>'
           f'<p class="text">{BOX_LINES[0]}<br>{BOX_LINES[1]}</p></div>')
    doc = _read(_page(_article(box)))
    assert "hardest ground of the province" not in doc.text  # both lines of the box, <br> too
    assert "walk the last kilometres" not in doc.text
    assert BOX_HEAD not in doc.text
    for paragraph in (P1, P2, P3, P4):  # the article around the box is whole
        assert paragraph in doc.text


def test_a_section_written_in_the_articles_paragraphs_stays() -> None:
    box = (f'<div class="section"><h3>{BOX_HEAD}</h3>'
           f'<p class="paragraph">{BOX_LINES[0]}</p><p class="paragraph">{BOX_LINES[1]}</p>'
           "</div>")
    doc = _read(_page(_article(box)))
    assert BOX_LINES[0] in doc.text and BOX_LINES[1] in doc.text


def test_a_box_without_paragraphs_of_its_own_is_not_judged() -> None:
    # a heading alone in a div ("Story continues below the gallery") and a box of plain
    # paragraphs on a page whose paragraphs carry no class of their own
    separator = '<div class="separator"><h4>Story continues below the gallery</h4></div>'
    doc = _read(_page(_article(separator)))
    assert "Story continues below the gallery" in doc.text
    plain = f'<div class="box"><h3>{BOX_HEAD}</h3><p>{BOX_LINES[0]}</p></div>'
    doc = _read(_page(_article(plain, cls="")))
    assert BOX_LINES[0] in doc.text


def test_a_headed_box_among_wrapped_paragraphs_leaves_the_body() -> None:
    # each paragraph of the article in a wrapper of its own, the box's text in a wrapper too
    wrapped = "".join(f'<div class="text-element"><p class="body-copy">{p}</p></div>'
                      for p in (P1, P2))
    rest = "".join(f'<div class="text-element"><p class="body-copy">{p}</p></div>'
                   for p in (P3, P4))
    box = ('<div class="list-element"><div class="list-element__text"><h3>Partner</h3>'
           f'<div class="copy"><p>{BOX_LINES[1]}</p></div></div></div>')
    doc = _read(_page(f'<div class="story">{wrapped}{box}{rest}</div>'))
    assert "walk the last kilometres" not in doc.text
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in doc.text


SHOP = ("Lego 75346 / Snubfighter of the pirates:", "Lego 40623 / Heroes of the battle of Endor:")


def test_a_list_of_offers_by_price_leaves_the_body() -> None:
    prices = ("34,99 Euro", "€ 39.99")
    items = "".join(f'<li>{name} <a href="https://shop.example/{i}" rel="nofollow">'
                    f"{price}</a></li>"
                    for i, (name, price) in enumerate(zip(SHOP, prices, strict=True)))
    doc = _read(_page(_article(f"<p>{P4}</p><ul>{items}</ul>", cls="")))
    assert "Snubfighter" not in doc.text and "Heroes of the battle" not in doc.text
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in doc.text


def test_a_list_with_numbers_or_one_offer_stays() -> None:
    # numbered links (years, a pager) are no prices; one offer among plain items is an
    # article's list that names a price
    said = ("The first set sold out within a day of its release in the spring of",
            "The second set came back into the shops only after the summer of")
    numbers = "".join(f'<li>{line} <a href="/archive/{2019 + i}">{2019 + i}</a></li>'
                      for i, line in enumerate(said))
    doc = _read(_page(_article(f"<ul>{numbers}</ul>", cls="")))
    assert said[0] in doc.text and said[1] in doc.text
    mixed = (f'<li>{said[0]} 2019, <a href="https://shop.example/1">34,99 Euro</a></li>'
             f"<li>{said[1]} 2020, and it is sold out again in every shop of the city.</li>")
    doc = _read(_page(_article(f"<ul>{mixed}</ul>", cls="")))
    assert said[1] in doc.text


#: a paywall's account-sharing dialog, written in the same paragraph markup as the article
SHARING_HEAD = "Your subscription is being used on another device"
SHARING_LINES = ("Would you like to add another reader to your plan?",
                 "If you keep reading on this device, the other one will be signed out and "
                 "will have to log in again before it can show any more stories.")


def _dialog(head: str) -> str:
    return (f'<div class="dlg"><div class="dlg_c"><h2>{head}</h2><p>{SHARING_LINES[0]}</p>'
            f'<p>{SHARING_LINES[1]}</p></div></div>')


def test_an_account_sharing_notice_after_the_article_leaves_the_body() -> None:
    article = f'<div class="story"><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>'
    doc = _read(_page(article + _dialog(SHARING_HEAD)))
    assert doc.text.split("\n\n") == [P1, P2, P3, P4]


def test_a_section_on_devices_in_the_articles_paragraphs_stays() -> None:
    # the same box under a heading that is no notice to the reader is the article's section
    article = f'<div class="story"><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>'
    doc = _read(_page(article + _dialog("Readers who share one plan on two devices")))
    assert SHARING_LINES[1] in doc.text
