"""Body precision, fifteenth round (issue #18): small boxes of the page that reached the body.
A byline printed as the page head writes it ("김철수 기자 외 1명"), where the byline the
page keeps is a JSON-LD list of names, is a byline line, not article text; "Updated at …" and
Korean "기사입력"/"입력" stamps and a wire story's "More AP …: URL" pointers are furniture; a
click-to-tweet button's label leaves the sentence it was run into.
Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import json

import pytest

from diurna.page.furniture import is_furniture_line, without_button_labels
from tests.page.test_furniture import P1, P2, P3, _page, _read


def _korean_byline_page(printed: str, head_author: str) -> str:
    """A page whose head names its writers twice: JSON-LD people, and a ``<meta name="author">``
    worded as the page prints it above the article."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Talks to resume in Geneva",
          "author": [{"@type": "Person", "name": "김철수"}, {"@type": "Person", "name": "이영희"}]}
    head = (f'<meta name="author" content="{head_author}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    return _page(f'<p class="writer">{printed}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>', head)


def test_a_byline_printed_as_the_head_writes_it_leaves_the_body() -> None:
    doc = _read(_korean_byline_page("김철수 기자 외 1명", "김철수 기자 외 1명"))
    assert doc.text.split("\n\n") == [P1, P2, P3]


def test_a_line_the_head_does_not_name_as_author_stays() -> None:
    # the same line with another head author is the page's text as far as the head says
    doc = _read(_korean_byline_page("김철수 기자 외 1명", "박민수 기자"))
    assert doc.text.split("\n\n")[0] == "김철수 기자 외 1명"


#: (line, whether it is furniture): stamps and a wire story's pointers, and lines that only
#: look like them (a sentence opening with the word, a live blog's bare entry time)
STAMP_CASES = (("Updated at 4:05 p.m.", True), ("기사입력 :[ 2019-03-14 09:41 ]", True),
               ("입력 2024.06.02 18:30", True),
               ("More AP tennis: https://example.com/hub/tennis and https://example.org/x", True),
               ("Updated at dawn, the forecast warned of floods along the river.", False),
               ("4:05 p.m.", False), ("수정 결과는 다음 주에 발표된다.", False),
               ("More than 40 people were hurt: https://example.com/report has the list.", False))


@pytest.mark.parametrize(("line", "furniture"), STAMP_CASES)
def test_stamps_and_wire_pointers_are_furniture_and_sentences_stay(line: str,
                                                                   furniture: bool) -> None:
    assert is_furniture_line(line) is furniture


def test_a_click_to_tweet_label_leaves_the_sentence_it_ran_into() -> None:
    quote = "A harbour is only as safe as its oldest wall."
    html = _page(f'<p>{P1}</p><p>{quote}<span class="button">Click To Tweet</span></p>'
                 f"<p>{P2}</p><p>{P3}</p>")
    assert _read(html).text.split("\n\n") == [P1, quote, P2, P3]
    assert without_button_labels("Tides turn.Click to tweet") == "Tides turn."
    # the words inside a sentence stay
    line = "Readers were asked to click to tweet their answers, and hundreds did so."
    assert without_button_labels(line) == line
