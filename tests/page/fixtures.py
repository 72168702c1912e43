"""Small hand-written HTML pages for the page-stage tests."""

from __future__ import annotations

ARTICLE_PARAGRAPHS = [
    "The foreign minister said on Tuesday that the talks in Geneva would resume next week "
    "after a pause of almost two months, according to a statement from the ministry.",
    "Delegations from both governments are expected to discuss a ceasefire along the border, "
    "the exchange of prisoners and the return of displaced families to their villages.",
    "Observers said the resumption was a sign that pressure from neighbouring states had "
    "started to work, although few expected a settlement before the end of the year.",
]


def article_page(extra_body: str = "", head: str = "", lang: str = "en") -> str:
    """A news page: head, an <article> with three paragraphs, then ``extra_body`` (comments)."""
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>Talks to resume in Geneva | Example News</title>{head}</head><body>"
            f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<main><article><h1>Talks to resume in Geneva</h1>{paras}</article>"
            f"{extra_body}</main><footer>Example News</footer></body></html>")
