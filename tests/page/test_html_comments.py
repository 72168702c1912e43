"""Reader comments in common HTML markup are kept with author and thread, never in the body."""

from __future__ import annotations

import json

import pytest

from diurna.model import Document
from diurna.page import RawInput, read_page
from tests.page.fixtures import article_page

FIRST = "I disagree with the minister entirely, these talks have failed three times already."
REPLY = "They failed because nobody enforced the last agreement, not because talking is useless."


def read(html: str) -> Document:
    return read_page(RawInput("fixture.html", html.encode("utf-8")))


def assert_thread(doc: Document) -> None:
    assert doc.text.startswith("The foreign minister said on Tuesday")
    texts = [c.text for c in doc.comments]
    assert texts == [FIRST, REPLY]
    first, reply = doc.comments
    assert first.author == "Alice Martin" and first.parent is None and first.depth == 0
    assert reply.author == "bob_k" and reply.parent == first.index and reply.depth == 1
    assert "nobody enforced" not in doc.text and "disagree with the minister" not in doc.text


WORDPRESS = f"""
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on "Talks"</h2>
<ol class="commentlist">
 <li class="comment even thread-even depth-1" id="comment-11">
  <article id="div-comment-11" class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard">
     <img class="avatar" src="a.png"><b class="fn">Alice Martin</b> <span class="says">says:</span>
   </div><div class="comment-metadata"><a href="#c11"><time datetime="2019-11-19T10:00:00+00:00">
     November 19, 2019 at 10:00 am</time></a></div></footer>
   <div class="comment-content"><p>{FIRST}</p></div>
   <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
  </article>
  <ul class="children">
   <li class="comment odd alt depth-2" id="comment-12">
    <article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">
      <b class="fn">bob_k</b> <span class="says">says:</span></div></footer>
     <div class="comment-content"><p>{REPLY}</p></div>
     <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
   </li>
  </ul>
 </li>
</ol></div>"""

DISQUS = f"""
<div id="disqus_thread"><ul id="post-list" class="post-list">
 <li class="post" id="post-1"><div role="article">
   <div class="post-content"><div class="post-body">
    <header><span class="post-byline"><span class="author publisher-anchor-color">
      <a href="#">Alice Martin</a></span></span>
      <span class="post-meta"><a class="time-ago" href="#">3 hours ago</a></span></header>
    <div class="post-body-inner"><div class="post-message"><p>{FIRST}</p></div></div>
    <footer><menu><li class="reply"><a href="#">Reply</a></li></menu></footer>
   </div></div></div>
  <ul class="children">
   <li class="post" id="post-2"><div role="article"><div class="post-content">
    <header><span class="author"><a href="#">bob_k</a></span></header>
    <div class="post-message"><p>{REPLY}</p></div></div></div></li>
  </ul>
 </li>
</ul></div>"""

DIV_COMMENTS = f"""
<div class="comments"><h3>Comments</h3>
 <div class="comment"><span class="username">Alice Martin</span>
  <div class="comment-text"><p>{FIRST}</p></div>
  <div class="comment"><span class="username">bob_k</span>
   <div class="comment-text"><p>{REPLY}</p></div></div>
 </div>
</div>"""

ARTICLE_COMMENT = f"""
<section id="comments">
 <article class="comment"><header><a class="author" href="/u/alice">Alice Martin</a>
   <time datetime="2019-11-19">19 Nov</time></header><p>{FIRST}</p>
  <article class="comment"><header><a class="author" href="/u/bob">bob_k</a></header>
   <p>{REPLY}</p><button>Reply</button></article>
 </article>
</section>"""

MICRODATA = f"""
<div class="discussion">
 <div itemscope itemtype="https://schema.org/Comment">
  <span itemprop="author" itemscope itemtype="https://schema.org/Person">
   <span itemprop="name">Alice Martin</span></span>
  <div itemprop="text">{FIRST}</div>
  <div itemscope itemtype="https://schema.org/Comment">
   <span itemprop="author">bob_k</span><div itemprop="text">{REPLY}</div></div>
 </div>
</div>"""


@pytest.mark.parametrize("markup", [WORDPRESS, DISQUS, DIV_COMMENTS, ARTICLE_COMMENT, MICRODATA],
                         ids=["wordpress", "disqus", "div.comments", "article.comment",
                              "microdata"])
def test_comment_markup_gives_thread_outside_body(markup: str) -> None:
    assert_thread(read(article_page(markup)))


def test_wordpress_comment_keeps_its_timestamp() -> None:
    doc = read(article_page(WORDPRESS))
    assert doc.comments[0].published == "2019-11-19T10:00:00+00:00"


def test_jsonld_comments_with_nested_reply() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "Talks to resume in Geneva",
            "comment": [{"@type": "Comment", "author": {"@type": "Person", "name": "Alice Martin"},
                         "text": FIRST,
                         "comment": [{"@type": "Comment", "author": {"name": "bob_k"},
                                      "text": REPLY}]}]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert_thread(read(article_page(head=head)))


def test_page_without_comments_has_none() -> None:
    doc = read(article_page())
    assert doc.comments == []
    assert len(doc.paragraphs) == 3


def test_article_styled_as_comment_section_is_not_a_comment() -> None:
    # Opinion sections are often called "Comment": an <article class="comment"> holding the
    # headline and the story is the article, not a reader comment.
    html = article_page().replace("<article>", '<article class="comment opinion">')
    doc = read(html)
    assert doc.comments == []
    assert doc.text.startswith("The foreign minister said on Tuesday")


def test_long_thread_on_a_short_article_is_still_comments() -> None:
    replies = "".join(f'<li class="comment"><b class="fn">user{i}</b><div class="comment-content">'
                      f"<p>{REPLY} Reply number {i}.</p></div></li>" for i in range(20))
    thread = (f'<ol class="commentlist"><li class="comment"><b class="fn">Alice Martin</b>'
              f'<div class="comment-content"><p>{FIRST}</p></div>'
              f'<ul class="children">{replies}</ul></li></ol>')
    doc = read(article_page(thread))
    assert len(doc.comments) == 21
    assert all(c.parent == 0 for c in doc.comments[1:])
    assert "Reply number" not in doc.text
