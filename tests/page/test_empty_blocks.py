"""Body recall, nineteenth round (issue #18): the words after an empty block element stay in
the body, as (round 10) the words after an empty icon do. trafilatura's precise pass deletes
empty ``div``, ``p``, ``li``, heading … elements with the text that follows them (its
``prune_html`` keeps no tails in precision mode), so a spacer ``<div>`` written into a heading
took the heading's first words with it. Every page and line here is hand-written for the test
(our own text)."""

from __future__ import annotations

import lxml.html
import pytest

from diurna.page.html import keep_inline_text
from tests.page.test_furniture import P1, P2, P3, _page, _read

HEAD = "Three ways the harbour plan could still change before the vote"


@pytest.mark.parametrize("spacer", ['<div class="spacer"></div>', "<p></p>",
                                    '<span class="icon"></span>'])
def test_the_words_after_an_empty_spacer_in_a_heading_stay(spacer: str) -> None:
    heading = f"<h2><strong>{spacer}Three ways the harbour</strong><strong> plan could still " \
              "change before the vote</strong></h2>"
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><p>{P2}</p>{heading}'
                      f"<p>{P3}</p></div>"))
    assert HEAD in doc.text  # before: "plan could still change before the vote"
    assert HEAD in {h.text for h in doc.headings}
    assert P1 in doc.text and P3 in doc.text


def test_a_list_item_after_an_empty_block_keeps_all_its_words() -> None:
    items = ("<ul><li>The council's planning officer said the <strong><div></div>harbour plan"
             "</strong> would be put to a vote in the spring after a second round of hearings."
             "</li><li>The port authority said it would publish its own figures on the cost "
             "of the new quays before the hearings begin in March.</li></ul>")
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><p>{P2}</p>{items}'
                      f"<p>{P3}</p></div>"))
    assert "the harbour plan would be put to a vote in the spring" in doc.text


def test_keep_inline_text_moves_the_text_off_an_empty_block_with_a_space() -> None:
    tree = lxml.html.fromstring('<div><h2><b><div class="gap"></div>Ports</b> and roads</h2>'
                                '<div>Before<div class="ad"></div>After the break<p>x</p>'
                                '<div> </div>kept in place</div></div>')
    keep_inline_text(tree)
    gap, ad, blank = tree.find(".//div[@class='gap']"), tree.find(".//div[@class='ad']"), \
        tree.xpath("//div[. = ' ']")[0]
    assert gap.tail is None and gap.getparent().text == "Ports"
    # the browser breaks the line after a block: the words on either side stay apart
    assert ad.tail is None and ad.getparent().text == "Before After the break"
    assert blank.tail == "kept in place"  # not empty (a space): the pass keeps it, left alone
