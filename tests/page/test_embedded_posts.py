"""Body, eighteenth round (issue #18): a post the article quotes by embedding it (X/Twitter's
embed code, ``<blockquote class="twitter-tweet">``, in the boxes sites wrap it in) stays in
the body where it stands, as the article's other quotations do; the extractor dropped the
wrapping boxes, named for social media, and the quote with them. A post in an ``aside`` (a
feed of the site's own posts beside the article) stays out. Every page and line here is
hand-written for the test (our own text)."""

from __future__ import annotations

import pytest

from tests.page.test_furniture import P1, P2, P3, _page, _read

POST = "The ferry to the island runs again from Monday, every hour from seven."
SIGNED = "— Harbour Office (@harbour_example) December 5, 2026"
TWEET = (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{POST}</p>'
         f'— Harbour Office (@harbour_example) <a href="https://x.example/s/1">December 5, '
         f'2026</a></blockquote><script async src="https://platform.example/widgets.js">'
         f"</script>")


@pytest.mark.parametrize("wrapper", [
    '<div class="social-media-embed">{}</div>',
    '<div class="article-widget article-tweet"><div class="tweet__inner">{}</div></div>',
    "<figure class='embed embed--twitter'>{}</figure>",
])
def test_a_quoted_post_stays_in_the_body_where_it_stands(wrapper: str) -> None:
    html = _page(f"<p>{P1}</p><p>{P2}</p>{wrapper.format(TWEET)}<p>{P3}</p>")
    paragraphs = _read(html).text.split("\n\n")
    assert paragraphs == [P1, P2, POST, SIGNED, P3]


def test_a_post_in_an_aside_beside_the_article_stays_out() -> None:
    html = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
                 f"<aside class='feed'><div class='embed'>{TWEET}</div></aside>")
    assert POST not in _read(html).text


def test_a_share_bar_that_also_shows_a_post_stays_out() -> None:
    # only boxes holding the post alone are lifted away; a bar with its own words is not
    box = f"<div class='social-share'><a href='/s'>Share this story</a>{TWEET}</div>"
    html = _page(f"<p>{P1}</p><p>{P2}</p>{box}<p>{P3}</p>")
    text = _read(html).text
    assert "Share this story" not in text
    assert P1 in text and P3 in text
