"""Body precision, round 24 (issue #18): a link list's item that the extractor gives in pieces
is dropped like the whole item. On a page that defines its icons once in an SVG sprite sheet
(``<svg><defs><svg id=…>``), trafilatura 2.3.1 can cut an item that puts an icon inside its
link ("From $40: <a><svg><use …/></svg> A starfighter in miniature</a>") into its label alone
("From $40:") and, on some pages, the link's words on a line of their own; looked up by its
text, neither piece found its item, so the pieces of a list the stage drops whole (a link
list: an affiliate list of offers) stayed in the body. An emptied item printed as a bare "-"
says nothing either. An article's own list stays. Every page and line here is hand-written
for the test (our own text)."""

from __future__ import annotations

from diurna.page.html import _lines
from tests.page.test_furniture import P1, P2, P3, _page, _read

#: an SVG sprite sheet: the page's icons defined once, used by ``<use>`` below
SPRITE = ('<svg width="0" height="0" style="position:absolute"><defs>'
          '<svg id="cart" viewBox="0 0 80 76"><path d="M70 55L80 23H23z"></path></svg>'
          "</defs></svg>")
ICON = '<svg class="shop-icon"><use xlink:href="#cart"></use></svg>'


def _offer(label: str, product: str) -> str:
    return (f'<li>{label} <a href="https://shop.example.com/p?id=1" rel="nofollow">\n'
            f"    {ICON} {product}</a></li>")


OFFERS = ("<ul>" + _offer("From $40 spent:", "A starfighter in miniature")
          + _offer("From $85 spent:", "A coin and a set of plans")
          + _offer("From $150 spent:", "A battle station in miniature") + "</ul>")


def _article(items: str) -> str:
    return (f'{SPRITE}<div class="story"><p>{P1}</p><p>{P2} Shoppers who spend enough get a '
            f"gift with their order:</p>{items}<p>{P3}</p></div>")


def test_an_offer_lists_pieces_leave_the_body() -> None:
    doc = _read(_page(_article(OFFERS)))
    # at the start code the body held "- From $40 spent:" and "A starfighter in miniature"
    assert "spent" not in doc.text
    assert "miniature" not in doc.text and "coin" not in doc.text
    assert P1 in doc.text and P3 in doc.text
    assert "gift with their order:" in doc.text


def test_an_articles_own_list_stays_whole_beside_the_sprite() -> None:
    own = ("<ul><li>The ferry leaves at six and returns before the harbour closes.</li>"
           "<li>Tickets cost less for residents of the three islands.</li>"
           "<li>Bicycles travel free on the early crossings in summer.</li></ul>")
    doc = _read(_page(_article(own)))
    assert "The ferry leaves at six and returns before the harbour closes." in doc.text
    assert "Bicycles travel free on the early crossings in summer." in doc.text


def test_a_list_with_one_linked_word_is_no_link_list() -> None:
    # one link in three items: an article's list that links a source, not a list of offers
    own = ("<ul><li>The ferry leaves at six and returns before the harbour closes.</li>"
           '<li>Tickets cost less for residents, says the <a href="/port">port</a>.</li>'
           "<li>Bicycles travel free on the early crossings in summer.</li></ul>")
    doc = _read(_page(_article(own)))
    assert "Tickets cost less for residents, says the port." in doc.text


def test_a_bare_list_mark_is_no_line() -> None:
    # an item the extractor emptied prints as its mark alone
    assert _lines("First line.\n- \n•\nLast line.") == ["First line.", "Last line."]


def test_a_scene_break_and_list_items_with_words_stay() -> None:
    assert _lines("One.\n*\n- An item\n• Another") == ["One.", "*", "- An item", "• Another"]
