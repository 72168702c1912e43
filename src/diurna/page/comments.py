"""Reader comments in HTML: find them, turn them into :class:`Comment` records, cut them out.

Patterns recognised (each covered by a fixture test):

- WordPress: ``ol.commentlist``/``ol.comment-list`` with ``li.comment``, replies in ``ul.children``;
- Disqus rendered markup: ``#disqus_thread``/``#post-list`` with ``li.post`` and ``.post-message``;
- generic ``div.comments``/``#comments`` sections with ``div.comment``/``li.comment`` items and
  ``article.comment``;
- schema.org microdata (``itemtype=".../Comment"``) and JSON-LD ``comment`` arrays.

Nested comment elements become replies: ``parent`` is the index of the nearest enclosing comment.
Written by hand: trafilatura can only keep comments as one blob of text (no authors, no thread), and
no maintained library parses comment threads out of arbitrary pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from diurna.model import Comment

_ITEM_TOKENS = frozenset({"comment", "comment-item", "single-comment", "commentlist-item",
                          "comments__item", "comment-list-item", "c-comment", "js-comment"})
_TEXT_TOKENS = ("comment-content", "comment-text", "comment__body", "comment__text",
                "comment-message", "post-message", "comment_text", "commenttext")
_AUTHOR_TOKENS = ("fn", "author", "comment-author", "username", "user-name", "comment__author",
                  "commenter", "author-name", "comment-author-name", "post-byline")
_SKIP_TOKENS = ("meta", "reply", "avatar", "actions", "footer", "date", "time", "vote",
                "share", "report", "permalink", "edit-link", "likes", "toolbar", "menu")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "form", "button", "img", "svg", "time",
                        "input", "textarea", "select", "iframe", "figure"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "blockquote", "pre", "h1", "h2", "h3", "h4",
                         "h5", "h6", "ul", "ol", "section", "article", "tr", "dd", "dt"})
_NOISE_LINE = re.compile(r"^(reply|share|report|like|flag|edit|permalink|says:?|said:?|"
                         r"\d+\s+(likes?|replies|points?)|(log ?in|sign ?in) to reply|"
                         r"(show|load|view) (more )?(replies|comments))$", re.I)


def _tokens(el: Any) -> list[str]:
    return (el.get("class") or "").lower().split()


def _is_disqus_post(el: Any) -> bool:
    if el.tag != "li" or "post" not in _tokens(el):
        return False
    return any(a.get("id") in ("post-list", "disqus_thread") for a in el.iterancestors())


def _is_comment(el: Any) -> bool:
    if not isinstance(el.tag, str):
        return False
    itemtype = (el.get("itemtype") or "").lower()
    if itemtype.endswith("schema.org/comment") or itemtype.endswith("schema.org/answer"):
        return True
    if el.tag in ("li", "div", "article", "section") and _ITEM_TOKENS.intersection(_tokens(el)):
        return True
    return _is_disqus_post(el)


def _find_author(node: Any, nested: set[Any]) -> tuple[str | None, Any]:
    candidates: list[Any] = []
    for el in node.iterdescendants():
        if not isinstance(el.tag, str) or any(a in nested for a in el.iterancestors()
                                              if a is not node):
            continue
        if el in nested:
            continue
        if el.get("itemprop") == "author":
            name = el.find('.//*[@itemprop="name"]')
            return _clean_author((name if name is not None else el).text_content()), el
        if el.get("itemprop") == "creator" or any(t in _AUTHOR_TOKENS for t in _tokens(el)):
            candidates.append(el)
    for el in candidates:  # innermost hit first: ".comment-author .fn" → the .fn element
        inner = [c for c in candidates if c is not el and el in c.iterancestors()]
        if not inner:
            name = _clean_author(el.text_content())
            if name:
                return name, el
    return None, None


def _clean_author(text: str) -> str | None:
    name = re.sub(r"\s+", " ", text).strip()
    name = re.sub(r"\s*(says|said|wrote)\s*:?\s*$", "", name, flags=re.I).strip(" :")
    name = re.sub(r"\s+(on|at|[-|•·])\s+\S.*\b\d{4}\b.*$", "", name)  # "Ann on May 2, 2018 at 4pm"
    return name if 0 < len(name) <= 80 else None


def _text_of(node: Any, skip: set[Any]) -> str:
    """Paragraph text of ``node`` without the subtrees in ``skip`` (nested comments, author)."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        if el in skip or not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            if el.tail:
                parts.append(el.tail)
            return
        toks = _tokens(el)
        if el is not node and any(s in t for t in toks for s in _SKIP_TOKENS):
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n")
        if el.tail and el is not node:
            parts.append(el.tail)

    walk(node)
    paras = []
    for para in re.split(r"\n\s*\n", "".join(parts)):
        para = re.sub(r"[ \t\r\f\v\xa0]+", " ", para).strip()
        para = re.sub(r" ?\n ?", "\n", para)
        if para and not _NOISE_LINE.match(para):
            paras.append(para)
    return "\n\n".join(paras)


def _text_container(node: Any, nested: set[Any]) -> Any:
    for el in node.iterdescendants():
        if not isinstance(el.tag, str) or el in nested:
            continue
        if any(a in nested for a in el.iterancestors() if a is not node):
            continue
        if el.get("itemprop") in ("text", "commentText", "articleBody") or \
                any(t in _TEXT_TOKENS for t in _tokens(el)):
            return el
    return node


def html_comments(tree: Any) -> tuple[list[Comment], list[Any]]:
    """Comments found in ``tree`` and the outermost comment elements (to cut from the page)."""
    # XPath narrows the candidates in C; _is_comment then checks class tokens exactly.
    # Walking the attribute axis tests only elements that carry the attribute (same elements,
    # in document order, as testing every element's @class).
    candidates = tree.xpath('//@itemtype/.. | //@class[contains(., "omment")]/.. '
                            '| //li/@class[contains(., "post")]/..')
    nodes = [el for el in candidates if _is_comment(el)]
    if not nodes:
        return [], []
    # A "comment" holding the headline or most of the page is the article itself (an opinion
    # section styled "comment"), never a reader comment.
    total = len(tree.xpath("normalize-space(string(//body))") or "") or 1
    found = set(nodes)

    def article_like(el: Any) -> bool:
        if el.xpath(".//h1"):
            return True
        has_replies = any(d in found for d in el.iterdescendants())
        return not has_replies and len(el.text_content()) >= 0.5 * total

    nodes = [el for el in nodes if not article_like(el)]
    if not nodes:
        return [], []
    node_set = set(nodes)
    index: dict[Any, int] = {}
    comments: list[Comment] = []
    roots = []
    for node in nodes:
        ancestors = [a for a in node.iterancestors() if a in node_set]
        nested = {d for d in node.iterdescendants() if d in node_set}
        author, author_el = _find_author(node, nested)
        container = _text_container(node, nested)
        skip = set(nested)
        if author_el is not None:
            skip.add(author_el)
        text = _text_of(container, skip)
        if container is not node and not text:
            text = _text_of(node, skip)
        if not ancestors:
            roots.append(node)
        if not text:
            continue
        parent = next((index[a] for a in ancestors if a in index), None)
        stamp = next((t.get("datetime") for t in node.iter("time") if t.get("datetime")
                      and not any(a in nested for a in t.iterancestors())), None)
        index[node] = len(comments)
        comments.append(Comment(index=len(comments), text=text, author=author, parent=parent,
                                depth=len(ancestors), published=stamp))
    return comments, roots


def _names(author: Any) -> str | None:
    if isinstance(author, list):
        names = [n for n in (_names(a) for a in author) if n]
        return ", ".join(names) or None
    if isinstance(author, dict):
        name = author.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else None
    return author.strip() if isinstance(author, str) and author.strip() else None


def jsonld_comments(objects: list[dict[str, Any]]) -> list[Comment]:
    """Comments from JSON-LD ``comment`` properties (replies nest as ``comment`` of a Comment)."""
    out: list[Comment] = []

    def add(items: Any, parent: int | None, depth: int) -> None:
        for item in items if isinstance(items, list) else [items]:
            if not isinstance(item, dict):
                continue
            text = item.get("text") or item.get("commentText") or item.get("description")
            idx = parent
            if isinstance(text, str) and text.strip():
                idx = len(out)
                out.append(Comment(index=idx, text=text.strip(), author=_names(item.get("author")),
                                   parent=parent, depth=depth,
                                   published=item.get("dateCreated") or item.get("datePublished")))
            if "comment" in item:
                add(item["comment"], idx, depth + 1)

    for obj in objects:
        if "comment" in obj:
            add(obj["comment"], None, 0)
    return out


def remove_elements(elements: list[Any]) -> None:
    """Cut elements out of their tree, keeping the text that follows them."""
    for el in elements:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def iter_jsonld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's ``application/ld+json`` scripts (lists, ``@graph`` and
    ``mainEntity`` flattened)."""
    import json

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > 2_000_000:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
                if isinstance(item.get("mainEntity"), dict | list):
                    # a WebPage whose mainEntity is the NewsArticle (several CMSs nest it so)
                    stack.append(item["mainEntity"])


__all__ = ["html_comments", "jsonld_comments", "remove_elements", "iter_jsonld"]
