"""Body precision, thirteenth round (issue #18): the article starts under its headline. Lines
the page prints only above its ``<h1>`` (a teaser card in the page header, a section label)
are not article text when the body goes on below the headline, and the ``<h1>`` itself leaves
the body also when the page's title comes from a source worded otherwise (a JSON-LD headline).
Newsletter sign-ups, follow prompts and a comment section's house rules are furniture lines, and
the densest block gives a list one line per item.
Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import json

import lxml.html
import pytest

from diurna.page.blocks import index_blocks
from diurna.page.furniture import is_furniture_line
from diurna.page.html import densest_block, drop_above_headline
from tests.page.test_furniture import P1, P2, P3, _read

TITLE = "Talks to resume in Geneva"
TEASER = "The losses were counted again on Monday, and the figures rose for the third time."


def _header_page() -> str:
    """A page whose header carries an e-paper teaser card above the article's headline."""
    card = ('<div class="card"><div class="text"><h5>Headline</h5><div class="card-title">'
            '<a href="https://paper.example.com/1">Floods cost billions</a></div>'
            f"<p>{TEASER}</p></div></div>")
    return (f"<html><head><title>{TITLE}</title></head><body>"
            f'<div class="header">{card}</div><div class="container"><h1>{TITLE}</h1>'
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>")


def test_a_header_teaser_above_the_headline_is_not_the_articles_first_line() -> None:
    tree = lxml.html.fromstring(_header_page())
    lines = [TEASER, P1, P2, P3]
    assert drop_above_headline(lines, index_blocks(tree), tree, TITLE) == [P1, P2, P3]


def test_a_body_printed_wholly_above_its_h1_is_left_alone() -> None:
    # a page whose only <h1> sits under the article (a footer's site name): nothing is cut
    page = (f"<html><body><p>{P1}</p><p>{P2}</p><h1>{TITLE}</h1><p>{P3}</p></body></html>")
    tree = lxml.html.fromstring(page)
    assert drop_above_headline([P1, P2], index_blocks(tree), tree, TITLE) == [P1, P2]


def test_a_line_printed_above_and_again_below_the_headline_stays() -> None:
    # the article's own first paragraph, teased in the header too: its copy below is the text
    page = (f"<html><body><div class=\"teaser\"><p>{P1}</p></div><h1>{TITLE}</h1>"
            f"<p>{P1}</p><p>{P2}</p></body></html>")
    tree = lxml.html.fromstring(page)
    assert drop_above_headline([P1, P2], index_blocks(tree), tree, TITLE) == [P1, P2]


def test_an_h1_that_is_not_the_headline_says_nothing() -> None:
    # a logo in an <h1>: where it stands tells nothing about where the article starts
    page = (f"<html><body><div><p>{TEASER}</p></div><h1>Example News</h1>"
            f"<p>{P1}</p><p>{P2}</p></body></html>")
    tree = lxml.html.fromstring(page)
    lines = [TEASER, P1, P2]
    assert drop_above_headline(lines, index_blocks(tree), tree, TITLE) == lines


def test_the_header_teaser_leaves_the_read_page() -> None:
    doc = _read(_header_page())
    assert TEASER not in doc.text
    assert doc.text.startswith(P1) and P3 in doc.text  # the card's "Headline" label went too


#: an <h1> worded unlike the title the page's JSON-LD headline gives (for search engines)
H1 = "Geneva talks resume next week, and why the border question matters"


def _ld_page(article: str) -> str:
    """A page whose title is its JSON-LD headline, with ``article`` as its ``<article>``."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": TITLE})
    return (f'<html><head><title>{TITLE}</title><script type="application/ld+json">{ld}'
            f'</script></head><body><nav><a href="/">Home</a></nav><article>{article}'
            "</article></body></html>")


def test_the_h1_leaves_the_body_when_the_title_is_worded_otherwise() -> None:
    doc = _read(_ld_page(f"<h1>{H1}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"))
    assert doc.title == TITLE
    assert H1 not in doc.text
    assert doc.text.startswith(P1) and P3 in doc.text


def test_the_h1_leaves_the_body_a_line_or_two_down() -> None:
    # the extractor put a dateline paragraph above the headline; the headline still goes
    doc = _read(_ld_page(f"<p>{P1}</p><h1>{H1}</h1><p>{P2}</p><p>{P3}</p>"))
    assert H1 not in doc.text
    assert P1 in doc.text and P2 in doc.text and P3 in doc.text


@pytest.mark.parametrize("line", [
    "Start your week with our morning briefing. Sign up for the free weekly newsletter.",
    "Anna Berg writes about science for us. Follow her on Twitter @annaberg_example.",
    "Follow us on Facebook and on Instagram.",
    "Comments that insult other readers will not be approved by the moderator.",
    "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.",
    "Please note: we are moderating all comments for the next few days.",
])
def test_newsletter_follow_and_comment_rule_notes_are_furniture(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", [
    # article sentences that mention the same things stay
    "The minister said she would follow the talks closely from Geneva on Tuesday.",
    "More than 40,000 readers signed the petition, the newsletter's editor said.",
    "The forum's moderator closed the thread after the comments turned abusive, she said.",
    "Her moderate comments on the budget surprised the party's left wing.",
])
def test_article_sentences_about_newsletters_and_comments_stay(line: str) -> None:
    assert not is_furniture_line(line)


def test_the_densest_block_gives_a_list_one_line_per_item() -> None:
    # run together, a list of story links read "… a virtuoso coderHow Facebook …": one line
    # that is neither the article's nor recognisable as a list of links
    page = (f"<html><body><div class=\"story\"><p>{P1}</p><p>{P2}</p><ul>"
            '<li>The strange life of <a href="/a">a harbour pilot</a></li>'
            '<li>How ferries <a href="/b">learned to run on time</a></li></ul>'
            f"<p>{P3}</p></div></body></html>")
    lines = densest_block(lxml.html.fromstring(page))
    assert lines == [P1, P2, "The strange life of a harbour pilot",
                     "How ferries learned to run on time", P3]
