"""Plain-text page dumps: noise dropped, title/dek found, comment thread parsed."""

from __future__ import annotations

import pytest

from diurna.evaluate.gold import shared_dir
from diurna.model import Document
from diurna.page import RawInput, iter_inputs, read_page

SEED = shared_dir() / "corpus" / "seed-page.txt"


@pytest.fixture(scope="module")
def seed() -> Document:
    if not SEED.exists():
        pytest.skip("shared corpus not available")
    return read_page(next(iter_inputs([str(SEED)])))


def test_seed_title_dek_and_body(seed: Document) -> None:
    assert seed.input_format == "text"
    assert seed.title == "Iranian Official Calls On U.S. To Withdraw From Syria"
    assert seed.dek == "Iranian-backed forces massing around Deir Ezzor city"
    assert seed.text.startswith("On February 14, Ali Akbar Velayati")
    assert seed.text.endswith("However, this is hardly possible.")
    assert seed.title not in seed.text
    assert seed.language == "en"


def test_seed_drops_donation_widget(seed: Document) -> None:
    for noise in ("2,500 $", "3,179 $", "0 $", "Consider helping us"):
        assert noise not in seed.text
        assert noise != seed.title and noise != seed.dek


def test_seed_comment_thread(seed: Document) -> None:
    authors = [c.author for c in seed.comments]
    assert authors == ["as", "Rob", "Ma_Laoshi", "wwinsti", "Joe", "Lena Jones", "Joe",
                       "velociraptor"]
    wwinsti = seed.comments[3]
    assert wwinsti.parent == 2 and wwinsti.depth == 1
    assert all(c.parent is None for i, c in enumerate(seed.comments) if i != 3)
    joe = seed.comments[4]
    assert joe.text.startswith("As I said before")
    assert joe.text.endswith("Russia is silent")  # multi-paragraph comment kept whole
    assert "\n\n" in joe.text
    for c in seed.comments:
        assert c.text not in seed.text
    assert "orcs in Syria" not in seed.text


OTHER_DUMP = """Share
Tweet

Flooding closes port of Basra

Heavy rain forced the closure of the port on Sunday

By Jane Doe

Sunday, March 3rd, 2019 14:05

Heavy rain forced the port authority in Basra to close the port on Sunday after water \
flooded the docks and the access roads, officials said.

Ships waiting offshore were told to stay at anchor until the water receded, a spokesman \
for the authority said in a statement.

Subscribe to our newsletter!

3 Comments

◦ Karim
The same happened last winter and nothing was done about the drains.
Reply
    ◦ Lina
    Exactly, the drains have been blocked for years.
    Reply
◦ Sam
Hope the workers are safe.

Second paragraph of Sam's comment.
Share
"""


def test_other_dump_layout_generalises() -> None:
    doc = read_page(RawInput("dump.txt", OTHER_DUMP.encode("utf-8")))
    assert doc.title == "Flooding closes port of Basra"
    assert doc.dek == "Heavy rain forced the closure of the port on Sunday"
    assert doc.byline == "Jane Doe"
    assert (doc.published, doc.published_source) == ("2019-03-03", "text")
    assert doc.paragraphs[0].startswith("Heavy rain forced the port authority")
    assert len(doc.paragraphs) == 2
    assert "newsletter" not in doc.text and "Comments" not in doc.text
    assert [(c.author, c.parent, c.depth) for c in doc.comments] == [
        ("Karim", None, 0), ("Lina", 0, 1), ("Sam", None, 0)]
    assert doc.comments[2].text == ("Hope the workers are safe.\n\n"
                                    "Second paragraph of Sam's comment.")
    assert all("Reply" not in c.text and "Share" not in c.text for c in doc.comments)


def test_plain_text_without_thread_is_all_body() -> None:
    text = ("Officials in Kabul said on Monday that the road to Jalalabad had reopened after "
            "the landslide was cleared by army engineers working through the night.\n\n"
            "Traffic was expected to return to normal by Wednesday, the ministry said.\n")
    doc = read_page(RawInput("plain.txt", text.encode("utf-8")))
    assert doc.comments == []
    assert doc.paragraphs == [text.split("\n\n")[0], text.split("\n\n")[1].strip()]


def test_menu_lines_are_not_the_title_and_body_lists_stay_in_body() -> None:
    text = """Home
World
Politics

Rebels release forty prisoners in exchange deal

The group said the release was a goodwill gesture ahead of talks in Doha next month, according \
to a statement posted on its website on Saturday.

Its demands were:

- release of detained fighters
- a ceasefire in the north

Government officials did not comment on the statement when contacted by reporters on Saturday.
"""
    doc = read_page(RawInput("dump.txt", text.encode("utf-8")))
    assert doc.title == "Rebels release forty prisoners in exchange deal"
    assert doc.comments == []
    assert "- release of detained fighters" in doc.paragraphs
    assert doc.paragraphs[-1].startswith("Government officials did not comment")


def test_reply_marked_by_glyph_without_indentation() -> None:
    text = """Port reopens after floods

The port authority in Basra reopened the port on Tuesday after water receded from the docks \
and the access roads, officials said in a statement.

• Karim
The drains were cleared at last.
◦ Lina
Only on the main road, not in the old town.
• Sam
Good news for the workers.
"""
    doc = read_page(RawInput("dump.txt", text.encode("utf-8")))
    assert [(c.author, c.parent, c.depth) for c in doc.comments] == [
        ("Karim", None, 0), ("Lina", 0, 1), ("Sam", None, 0)]
    assert "drains" not in doc.text


@pytest.mark.parametrize(("line", "iso"), [
    ("February 15, 2018", "2018-02-15"), ("15 Feb 2018", "2018-02-15"),
    ("Published: 2018-02-15T10:00", "2018-02-15"), ("Thursday, Sept. 5, 2019", "2019-09-05"),
    ("February 15", None), ("February 30, 2018", None), ("15 Flob 2018", None),
    ("The talks began on February 15, 2018 in Geneva.", None)])
def test_date_lines(line: str, iso: str | None) -> None:
    from diurna.page.text import date_line

    assert date_line(line) == iso


def test_seed_has_no_invented_date(seed: Document) -> None:
    assert seed.published is None
