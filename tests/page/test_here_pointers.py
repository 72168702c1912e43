"""Body precision, seventeenth round (issue #18): a line that sends the reader to another page
and closes with "here" ("You can view our June open thread here.", "Listen to the show live at
12:45 weekdays - or listen back here.") is furniture, and so is a send-by-email box's
confirmation ("This article has been sent to"); an article sentence that has "here" in it, or
a line that goes on after it, stays. Every page and line here is hand-written for the test
(our own text)."""

from __future__ import annotations

import pytest

from diurna.page.furniture import is_furniture_line
from tests.page.test_furniture import P1, P2, P3, _page, _read

#: (line, whether it is furniture)
CASES = (
    ("You can view our May harbour thread here.", True),
    ("Listen to Harbour Hour live at 08:15 weekdays - or listen back here.", True),
    ("Read the council's full statement here.", True),
    ("- Watch the ferry launch here", True),
    ("Get the harbour app here.", False),  # not a pointer to another page: an offer, kept
    ("Seeing the crowds here, the mayor said she was moved.", False),
    ("Watch how the storm hit the coast here and in the hills, she said.", False),
    ("The ferry stops here.", False),
    # a send-by-email box's confirmation, and a sentence that opens like it
    ("This article has been sent to", True),
    ("Your story was emailed.", True),
    ("The article has been sent to the prosecutor, who will decide on Monday.", False),
)


@pytest.mark.parametrize(("line", "furniture"), CASES)
def test_pointers_and_email_confirmations_are_furniture_and_sentences_stay(
        line: str, furniture: bool) -> None:
    assert is_furniture_line(line) is furniture


#: the two kinds of line under a hand-written article, as a page prints them
UNDER_THE_ARTICLE = (
    "<p><em>Listen to Harbour Hour live at 08:15 weekdays - or "
    "<a href='/radio'>listen back here</a>.</em></p>",
    "<div class='email-done'><p>Thank you</p><p>This article has been sent to</p>"
    "<p class='recipient'></p></div>",
)


@pytest.mark.parametrize("after", UNDER_THE_ARTICLE)
def test_a_pointer_or_an_email_confirmation_under_the_article_leaves_the_body(after: str) -> None:
    assert _read(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>{after}")).text.split("\n\n") == \
        [P1, P2, P3]
