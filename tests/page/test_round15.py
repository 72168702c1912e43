"""Body precision, fifteenth round (issue #18): small boxes of the page that reached the body.
A byline printed as the page head writes it ("김철수 기자 외 1명"), where the byline the
page keeps is a JSON-LD list of names, is a byline line, not article text.
Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import json

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
