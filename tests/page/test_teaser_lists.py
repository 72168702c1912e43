"""Body precision, sixteenth round (issue #18): a list of teasers whose items each link only
part of their words. Sites write a teaser as a phrase with a link on its second half ("The
harbour's last ferryman <a>and the boat he kept</a>"), so the list as a whole may hold less
than ``LINK_SHARE`` of its letters in links; when every item (three or more) holds a link
for at least ``ITEM_LINK_SHARE`` of its letters, the list is a link list all the same. A list
of which one item holds no link is the article's own list and stays.
Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

from tests.page.test_furniture import P1, P2, P3, _page, _read

TEASERS = (
    ('The last ferryman of the harbour <a href="/a">and the boat he kept</a>'),
    ('Why the lighthouse keepers <a href="/b">never left the island</a>'),
    ('How to read a tide table, and <a href="/c">why it matters for the fleet</a>'),
    ('Want the best rain gear? See our team\'s picks for <a href="/d">the best jackets</a> and '
     '<a href="/e">boots</a>'),
)


def _with_list(items: tuple[str, ...]) -> str:
    rows = "".join(f"<li>{item}</li>" for item in items)
    return _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><hr>"
                 f'<div class="heading">More stories</div><ul>{rows}</ul>')


def test_a_list_of_part_linked_teasers_leaves_the_body() -> None:
    assert _read(_with_list(TEASERS)).text.split("\n\n") == [P1, P2, P3]


def test_a_list_with_an_item_holding_no_link_stays() -> None:
    items = (*TEASERS[:3], "The ferry leaves at six every morning from the north pier")
    text = _read(_with_list(items)).text
    assert "The ferry leaves at six every morning from the north pier" in text
    assert "The last ferryman of the harbour and the boat he kept" in text
