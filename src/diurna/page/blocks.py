"""Where each extracted line came from in the page, and what that makes it.

trafilatura hands back plain lines; it no longer says whether a line was a section heading, an
image caption, an item of a "more on this" link list or a paragraph inside a newsletter box.
Before extraction we index the page's block elements (``p``, ``li``, headings, captions, ...) by
their whitespace-normalised text, with what the page says about each one:

- ``heading``: an ``h1``–``h6`` (or ``role=heading``) element;
- ``caption``: inside ``figure``/``figcaption`` or an element whose class/id names a caption or
  photo credit, or a paragraph of a small box holding an image (a figure built of ``<div>``s);
- ``links``: most of its text is link text (teaser rails, "read also" lists, tag lists), or a
  list item with some link text in a list that is mostly links;
- ``aside``: inside ``aside`` (or ``role=complementary``) or an element whose class/id names
  page furniture (related articles,
  teasers, newsletter and subscription boxes, social/share widgets, ads, ``not-prose``), an
  item of a list under a sources label or of a shop list (each item links to an offer by its
  price), a paragraph of a small box holding a button, or a
  block of a box set into the article with a heading of its own and other paragraph markup
  than the article's (a background box);
- ``summary``: inside a ``header`` or an element whose class/id names the teaser or summary
  shown above the article (``standfirst``, ``lead``, ``intro``, ``dek``, ``excerpt``, ...),
  or set in bold (its own class's weight, ``weight`` too; or wholly inside ``<strong>``);
- ``nav``: inside ``nav``, ``header``, ``footer`` or a navigation/banner/contentinfo role (the
  site's chrome: menus, "Skip to content", "Sign in"), used by the body-quality check.

A line whose text occurs several times keeps only the flags that *every* occurrence has, so a
sentence that is both in the article and in a teaser stays article text. The rules come from
patterns seen on the modern dev set (``docs/page.md`` lists which pattern gave which rule); they
use markup every CMS emits, never one site's class names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

from lxml import etree

from diurna.page.furniture import LIST_MARKS, SOURCES_LABEL
from diurna.page.words import WORD

_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote",
               "dd", "dt", "td", "th", "caption", "summary")
_NAV_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: class/id parts that name a caption or a photo credit
_CAPTION = re.compile(r"caption|credit|bildunterschrift|legend|copyright", re.I)
#: class/id words that name page furniture around the article (rails, boxes, widgets); a class
#: token counts only if one of its ``-``/``_`` parts is such a word and none names the article
#: itself (``content-with-sidebar``, ``article-teaser-text`` and paywall wrappers hold articles)
_ASIDE_WORDS = frozenset({
    "related", "teaser", "teasers", "newsletter", "recommended", "recommendations", "promo",
    "outbrain", "taboola", "share", "sharing", "sharebar", "social", "sidebar", "breadcrumb",
    "breadcrumbs", "ad", "ads", "advert", "advertisement", "sponsored", "readmore",
    "subscribe", "subscription", "signup", "trending", "mostread", "popular",
    # fact boxes beside the story, which the publishers' own article text leaves out
    "infobox", "factbox", "faktenbox", "faktaboks", "faktaruta",
    # a developer's panel left in the page (a paywall's state printed as "isPaid: false")
    "debug"})
#: Tailwind Typography's class for a box inside the article's prose that is not prose
#: (newsletter sign-ups, video players, "more about" tag rails, figures)
_NOT_PROSE = re.compile(r"(?:^|\s)not-prose(?:\s|$)")
_ARTICLE_WORDS = frozenset({
    "content", "body", "article", "text", "story", "entry", "post", "main", "wrp", "wrapper",
    "with", "enabled", "container", "paywall", "paywalled", "single", "template", "embed",
    "no", "url", "tag", "category", "fixed", "right", "left", "posts"})
#: class/id words that name the teaser/summary shown above an article
_SUMMARY_WORDS = frozenset({"summary", "standfirst", "intro", "lead", "lede", "dek", "excerpt",
                            "subtitle", "subheadline", "description", "abstract", "teaser",
                            "kicker", "header",
                            # the standfirst's name in newsrooms' own languages: German
                            # subline/Vorspann, Nordic ingress, French chapeau, Italian sommario
                            "subline", "vorspann", "einleitung", "ingress", "chapeau",
                            "sommario"})
#: class words of an element's own font weight: a first paragraph set in bold (or medium
#: weight) that repeats the description is the standfirst ("font-bold", "font-medium"); an
#: ancestor's class ("medium-8 columns") says nothing about it
_WEIGHT_WORDS = ("bold", "semibold", "medium")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: class words of a paragraph styled as a section heading (a "crosshead"; German
#: "Zwischenzeile"/"Zwischentitel", WordPress blocks' "interline", French "intertitre")
_HEADING_WORDS = ("interline", "crosshead", "zwischenzeile", "zwischentitel",
                  "zwischenueberschrift", "intertitre", "intertitle", "subhead")
_PARTS = re.compile(r"[-_\s]+")
#: a block is a link block when at least this share of its letters sit inside links
LINK_SHARE = 0.6
#: a line shorter than this from the site's navigation/header/footer is a menu item or a button
NAV_LINE_CHARS = 80


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """Whitespace-collapsed, list-marker-free text: the key a line is looked up by. Cached:
    a page's lines are looked up several times (``read_html`` clears the cache when done)."""
    flat = " ".join(text.split())
    return flat[2:] if flat[:2] in LIST_MARKS else flat


@dataclass(slots=True)
class BlockIndex:
    """Flags (``heading``, ``caption``, ``links``, ``aside``) of the page's block texts."""

    flags: dict[str, frozenset[str]] = field(default_factory=dict)
    #: texts of the ``figcaption`` elements inside the page's article/main element, in order
    captions: list[str] = field(default_factory=list)
    #: texts of the page's short ``blockquote`` elements (where pull quotes are printed)
    quotes: list[str] = field(default_factory=list)
    #: wanted block texts printed before the page's first ``<h1>`` starts, and from there on
    #: (where the headline stands tells where the article starts)
    above: set[str] = field(default_factory=set)
    below: set[str] = field(default_factory=set)

    def of(self, line: str) -> frozenset[str]:
        """The flags of the block whose text is ``line`` (looked up by :func:`norm`); none
        when no block has that text."""
        return self.flags.get(norm(line), frozenset())


def _is_aside(names: str) -> bool:
    for token in names.lower().split():
        parts = set(_PARTS.split(token))
        if parts & _ASIDE_WORDS and not parts & _ARTICLE_WORDS:
            return True
    return False


def _is_summary(names: str) -> bool:
    """A class/id names a summary, also as a camel-case part ("atc-IntroText")."""
    return any(set(_PARTS.split(token)) & _SUMMARY_WORDS
               for token in _CAMEL.sub("-", names).lower().split())


_TAG_FLAGS = {"figure": frozenset({"caption"}), "figcaption": frozenset({"caption"}),
              "aside": frozenset({"aside"}), "nav": frozenset({"nav"}),
              "footer": frozenset({"nav"}), "menu": frozenset({"nav"}),
              "header": frozenset({"nav", "summary"})}
_CONTAINERS = frozenset({"article", "main", "body", "html"})
_NO_FLAGS: frozenset[str] = frozenset()
_HEADING = frozenset({"heading"})
_CAPTION_FLAG = frozenset({"caption"})
_ASIDE = frozenset({"aside"})


@lru_cache(maxsize=4096)
def _name_flags(names: str) -> frozenset[str]:
    """Flags named by a class/id string (pages repeat the same few class strings)."""
    found: set[str] = set()
    if _is_summary(names):
        found.add("summary")
    if _CAPTION.search(names):
        found.add("caption")
    if _is_aside(names) or _NOT_PROSE.search(names):
        found.add("aside")
    return frozenset(found)


def _own_flags(node: Any) -> frozenset[str]:
    """What an element's own tag, role, class and id say it is."""
    tag = node.tag
    cls, ident, role = node.get("class"), node.get("id"), node.get("role")
    found = _name_flags(f"{cls or ''} {ident or ''}") if cls or ident else _NO_FLAGS
    if tag in _TAG_FLAGS:
        found = found | _TAG_FLAGS[tag]
    if role in _NAV_ROLES:
        found = found | {"nav"}
    elif role == "complementary":  # ARIA's <aside>: fact boxes, related-content panels
        found = found | {"aside"}
    return found


def _flags_of(el: Any, memo: dict[Any, frozenset[str]]) -> frozenset[str]:
    """An element's flags: its own and its ancestors' up to the nearest article, main or body
    element (furniture is judged inside the article container, not above it). ``memo`` keeps
    each element's answer, so a page's elements are each looked at once."""
    chain = []
    node = el
    while node is not None and node not in memo:
        if not isinstance(node.tag, str) or node.tag in _CONTAINERS:
            memo[node] = _NO_FLAGS
            break
        chain.append(node)
        node = node.getparent()
    inherited = memo.get(node, _NO_FLAGS) if node is not None else _NO_FLAGS
    for link in reversed(chain):
        own = _own_flags(link)
        inherited = inherited | own if own else inherited
        memo[link] = inherited
    return memo.get(el, _NO_FLAGS)


def _in_article(el: Any) -> bool:
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def _size(text: str) -> int:
    """Characters other than whitespace (a C-speed stand-in for counting letters)."""
    return len(text) - sum(text.count(ws) for ws in " \n\t\r\xa0")


def _link_share(el: Any, text: str) -> float:
    size = _size(text)
    if not size:
        return 0.0
    return sum(_size(a.text_content()) for a in el.iter("a")) / size


#: an item of a link list needs only this share of its letters in links: a teaser list's
#: items put a bold label before the link ("<strong>„Über manches irritiert“:</strong> <a>…</a>")
ITEM_LINK_SHARE = 0.3


def _link_list(items: Any, seen: dict[Any, bool]) -> bool:
    """The list ``items`` is a link block: its items together, or each of its items (three or
    more), a teaser list whose items link only part of their words ("The strange case of the
    <a>missing lighthouse keeper</a>"), which together fall short of ``LINK_SHARE``. An
    article's own list has an item without a link. ``seen`` remembers each list's answer."""
    if items is None:
        return False
    if items not in seen:
        kids = [k for k in items if isinstance(k.tag, str)]
        seen[items] = _link_share(items, norm(items.text_content())) >= LINK_SHARE or (
            len(kids) >= 3 and all(k.tag == "li" and _link_share(k, norm(k.text_content()))
                                   >= ITEM_LINK_SHARE for k in kids))
    return seen[items]


#: a small box holds at most this many paragraphs (a caption and a credit line); a short
#: article's own box, with an image or a button among its paragraphs, holds more
SMALL_BOX_PARAGRAPHS = 2
#: an image's box holds at most this many characters of text (a caption and a credit line)
IMAGE_BOX_CHARS = 200
#: a sign-up box holds at most this many (a heading, a line, the button's label, a line on
#: how to unsubscribe)
BUTTON_BOX_CHARS = 400


def _small_box_with(box: Any, tag: str, most: int, seen: dict[Any, bool]) -> bool:
    """``box`` (not the article or page) holds a ``tag`` element, at most two paragraphs and
    at most ``most`` characters of text. With an ``img``: a figure built of ``<div>``s, whose
    paragraphs are the image's caption and credit ("<div><picture><img …></picture><p>IMILUTHA
    …</p><p>Image: …</p></div>"); with a ``button``: a newsletter or app sign-up box
    ("<h2>Newsletter: Sport inside</h2><p>Jeden Montag …</p><button>Jetzt abonnieren
    </button>"). ``seen`` remembers each box's answer."""
    if box is None:
        return False
    if box not in seen:
        seen[box] = box.tag not in _CONTAINERS and \
            len(list(islice(box.iter("p"), SMALL_BOX_PARAGRAPHS + 1))) <= SMALL_BOX_PARAGRAPHS \
            and _size(box.text_content()) <= most and next(box.iter(tag), None) is not None
    return seen[box]


#: a paragraph of the article's text has at least this many characters, and the article at
#: least this many such paragraphs of one class, before its paragraphs' class says anything
BODY_PARAGRAPH_CHARS = 80
BODY_PARAGRAPHS = 4
_BOX_TAGS = frozenset({"div", "section"})
#: the blocks of such a box: its paragraphs and its heading
_HEADED_BOX_BLOCKS = frozenset({"p"}) | _HEADING_TAGS
#: a box's own heading is a section's (``h2``–``h6``); a ``div`` opening with the ``h1`` is the
#: article's header
_BOX_HEADINGS = _HEADING_TAGS - {"h1"}


class BodyClass:
    """The class most of the page's long paragraphs share (the article's paragraph class),
    found on the first question only: most pages never ask."""

    def __init__(self, tree: Any) -> None:
        self._tree = tree
        self._searched = False
        self._found: str | None = None

    def get(self) -> str | None:
        """That class ("" for paragraphs without one), or ``None`` when fewer than
        ``BODY_PARAGRAPHS`` long paragraphs share any class."""
        if not self._searched:
            self._searched = True
            counts: dict[str, int] = {}
            for p in self._tree.iter("p"):
                if len(p.text_content()) >= BODY_PARAGRAPH_CHARS:
                    name = p.get("class") or ""
                    counts[name] = counts.get(name, 0) + 1
            best = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
            self._found = best[0] if best[1] >= BODY_PARAGRAPHS else None
        return self._found


#: how far above a paragraph its box may open (the box's text may sit in a wrapper or two:
#: "<div><h3>Capital</h3><div class=copy><p>…</p></div></div>")
BOX_DEPTH = 3
#: how far above the box the article's paragraphs may stand beside it (each paragraph in a
#: wrapper of its own, the box in another)
BESIDE_DEPTH = 2


def _is_body_paragraph(el: Any, name: str) -> bool:
    return el.tag == "p" and (el.get("class") or "") == name


def _holds_body_paragraph(el: Any, name: str) -> bool:
    """``el`` is one of the article's paragraphs or a small wrapper around one
    ("<div class=text-element><p class=body>…</p></div>")."""
    if _is_body_paragraph(el, name):
        return True
    kids = [k for k in el if isinstance(k.tag, str)]
    return len(kids) <= 2 and any(_is_body_paragraph(k, name) for k in kids)


def _opens_with_heading(el: Any) -> bool:
    first = next((c for c in el if isinstance(c.tag, str)), None)
    return el.tag in _BOX_TAGS and first is not None and first.tag in _BOX_HEADINGS


#: the heading of a paywall's account-sharing notice, which speaks to the reader of their
#: subscription being used on another device ("Your subscription is being used on another
#: device", "Tu suscripción se está usando en otro dispositivo")
ACCOUNT_NOTICE = re.compile(
    r"\b(your|tu|su|votre|ton|ihr|dein|il tuo|la tua|o seu|a sua)\s+(subscription|account"
    r"|suscripción|cuenta|abonnement|compte|abo|konto|zugang|abbonamento|assinatura|conta)\b"
    r".{0,60}?\b(another|other|otro|autre|anderen|altro|outro)\s+"
    r"(device|dispositivo|appareil|gerät)", re.I)


def _headed_box(box: Any, body: BodyClass, seen: dict[Any, bool]) -> bool:
    """``box`` (a ``div``/``section`` that opens with an ``h2``–``h6``) is a box set into the
    article: it holds paragraphs, none of the article's paragraph class, and stands beside at
    least two of the article's paragraphs ("<p class=paragraph>…</p><div class=…><h3>Barrancos,
    pinar …</h3><p class=text>…</p></div><p class=paragraph>…"). A fact, background or partner
    box written in other markup than the article around it; a section of the article itself is
    written in the article's paragraphs. A box headed by a paywall's account-sharing notice
    (``ACCOUNT_NOTICE``) is set apart wherever it stands: a dialog the page shows over the
    article, written in the same paragraphs. ``seen`` remembers each box's answer."""
    if box not in seen:
        heading = next(c for c in box if isinstance(c.tag, str))
        seen[box] = bool(ACCOUNT_NOTICE.search(heading.text_content()))
        if seen[box]:
            return True
        name = body.get()
        own = [p.get("class") or "" for p in box.iter("p")]
        if name is None or not own or name in own:  # a lone heading is a separator line
            return False
        node = box
        for _ in range(BESIDE_DEPTH + 1):
            parent = node.getparent()
            if parent is None:
                break
            if sum(1 for c in parent
                   if c is not node and isinstance(c.tag, str)
                   and _holds_body_paragraph(c, name)) >= 2:
                seen[box] = True
                break
            node = parent
    return seen[box]


def _in_headed_box(el: Any, body: BodyClass, seen: dict[Any, bool]) -> bool:
    """``el`` (a paragraph or heading) belongs to a box set into the article (``_headed_box``),
    the nearest box opening with a heading at most ``BOX_DEPTH`` levels above it."""
    node = el.getparent()
    for _ in range(BOX_DEPTH):
        if node is None or node.tag in _CONTAINERS:
            return False
        if _opens_with_heading(node):
            return _headed_box(node, body, seen)
        node = node.getparent()
    return False


def _names_heading(el: Any) -> bool:
    """The element's own class names it a section heading, a class part ending in a heading
    word (not an ancestor's class: a box of crossheads and paragraphs is no heading)."""
    return _own_class_part(el, _HEADING_WORDS)  # also "onlineinterline"


def _own_class_part(el: Any, words: tuple[str, ...]) -> bool:
    """Some part of the element's own class names ends in one of ``words``."""
    names = el.get("class")
    return bool(names) and any(part.endswith(words)
                               for token in _CAMEL.sub("-", names).lower().split()
                               for part in _PARTS.split(token))


_LIST_TAGS = frozenset({"ul", "ol"})
#: a label above a list has at most this many characters ("Verwendete Quellen")
LABEL_CHARS = 40


def _sources_list(items: Any, seen: dict[Any, bool]) -> bool:
    """The list ``items`` comes right after a sources label ("Verwendete Quellen", "Sources")
    printed as an element of its own, which extractors drop while keeping the list, or right
    after such a list (more sources folded into a ``<details>``): its items are the article's
    sources, not its text. ``seen`` remembers each list's answer."""
    if items is None:
        return False
    if items not in seen:
        seen[items] = False  # a cycle is impossible in a tree, but a list is asked once
        node = items
        if node.getprevious() is None and node.getparent() is not None:
            node = node.getparent()  # the list opens a box (<details>): the box's neighbour
        label = node.getprevious()
        if label is None:
            return False
        if label.tag in _LIST_TAGS:
            seen[items] = _sources_list(label, seen)
        else:
            text = label.text_content()
            seen[items] = len(text) <= LABEL_CHARS and bool(SOURCES_LABEL.match(norm(text)))
    return seen[items]


#: a link whose whole text is a price with its currency ("15,99 Euro", "€ 34.99", "$12"):
#: a shop's offer
_PRICE = re.compile(r"(?:(?:ab|from|desde|dès|da)\s+)?(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?"
                    r"(?:€|\$|£|euro|eur|usd|gbp|chf))\*?", re.I)


def _price_link(el: Any) -> bool:
    return any(_PRICE.fullmatch(" ".join(a.text_content().split())) for a in el.iter("a"))


def _price_list(items: Any, seen: dict[Any, bool]) -> bool:
    """The list ``items`` is a shop list: it has two items or more and each links to an offer
    by its price ("<li>Set 75346 / Snubfighter: <a href=…shop…>34,99 Euro</a></li>"), the
    product list of an affiliate article, not its text. ``seen`` remembers each list's
    answer."""
    if items is None:
        return False
    if items not in seen:
        entries = [li for li in items if li.tag == "li"]
        seen[items] = len(entries) >= 2 and all(_price_link(li) for li in entries)
    return seen[items]


#: an item of the article's own list that links its first words says at least this many words
#: of its own after them, as a sentence
ITEM_SENTENCE_WORDS = 5
#: the marks that close a sentence (a closing quote after its stop included)
SENTENCE_CLOSE = re.compile(r"[.!?…][\"'»”’)]*$")


def _says_more(item: Any) -> bool:
    """The list item ``item`` goes on after its links with a sentence of its own
    (``ITEM_SENTENCE_WORDS`` words or more, closed by a stop): a digest's item, a linked
    headline and what happened ("<a>A new game is coming after 12 years</a>. The developer
    called it a flagship."), where the links alone take most of its letters. A teaser's or a
    menu's item says nothing besides its links. Only asked of a list that is not a link list
    (``_link_list``): there every item is a link line."""
    rest = _without_links(item)
    return len(WORD.findall(rest)) >= ITEM_SENTENCE_WORDS and bool(SENTENCE_CLOSE.search(rest))


def _without_links(el: Any) -> str:
    """``el``'s text without its links' words (an extractor may give the item without them)."""
    text = el.text_content()
    for a in el.iter("a"):
        words = a.text_content()
        if words.strip():
            text = text.replace(words, " ", 1)
    return norm(text)


def sets_weight(el: Any) -> bool:
    """The element's own class sets its text in bold or medium weight ("font-medium")."""
    return _own_class_part(el, _WEIGHT_WORDS)


#: a paragraph whose own class sets its weight may be a standfirst ("summary"); "weight" lets
#: the cleaner compare it with the paragraph after it
_WEIGHT_FLAGS = frozenset({"summary", "weight"})
_BOLD_TAGS = frozenset({"strong", "b"})
#: a dateline before a bold lead has at most this many characters ("Neuss · ")
DATELINE_CHARS = 40


def _wholly_bold(el: Any) -> bool:
    """A paragraph whose text sits in one ``<strong>``/``<b>``, but for a short dateline
    before it: the bold lead some newsrooms print as the standfirst ("<p><strong>Der FC
    Liverpool hat …</strong></p>", "<p><em>Neuss</em> · <strong>Was kann …</strong></p>").
    Only the element's own children are looked at, so this costs nothing on other blocks."""
    if el.tag != "p" or not len(el):
        return False
    bold = el[-1]
    if bold.tag not in _BOLD_TAGS or (bold.tail or "").strip():
        return False
    before = (el.text or "") + "".join(c.text_content() + (c.tail or "") for c in el[:-1])
    return len(before.strip()) <= DATELINE_CHARS


#: a caption typed as a bold paragraph under its image has at most this many words
BOLD_CAPTION_WORDS = 15
_IMAGE_HOLDERS = frozenset({"figure", "picture", "div", "span", "a", "p"})


def _sibling(el: Any, step: str) -> Any:
    """The element next to ``el`` (``step``: "getprevious" or "getnext"), past comments."""
    el = getattr(el, step)()
    while el is not None and not isinstance(el.tag, str):
        el = getattr(el, step)()
    return el


def previous_element(el: Any) -> Any:
    """The element before ``el`` among its siblings, past comments; None at the start."""
    return _sibling(el, "getprevious")


def next_element(el: Any) -> Any:
    """The element after ``el`` among its siblings, past comments; None at the end."""
    return _sibling(el, "getnext")


def _bold_caption(el: Any, text: str) -> bool:
    """A wholly bold paragraph of one short sentence right under an image that has no text of
    its own: the caption, typed as a paragraph ("<figure><img …></figure><p><strong>Mr A. B.,
    the councillor.</strong></p>"). A bold crosshead ends without a full stop, so it stays a
    line of the article."""
    if not text.endswith(".") or len(text.split(None, BOLD_CAPTION_WORDS)) > BOLD_CAPTION_WORDS:
        return False
    prev = previous_element(el)  # past a comment between them
    if prev is None or (prev.tail or "").strip():
        return False
    return prev.tag == "img" or (prev.tag in _IMAGE_HOLDERS and prev.find(".//img") is not None
                                 and not prev.text_content().strip())


#: a pull quote (a sentence of the article printed again, large, with the speaker's name) is
#: no longer than this; a quoted letter or statement in a ``blockquote`` may be
PULL_QUOTE_CHARS = 600


def index_blocks(tree: Any, wanted: set[str] | None = None) -> BlockIndex:
    """Index the block elements of ``tree`` (trafilatura edits the tree it extracts from: call
    this on an unedited one). ``wanted``: only these normalised texts need flags (the lines of
    the candidate bodies), which spares looking at the rest of the page."""
    memo: dict[Any, frozenset[str]] = {}
    sources: dict[Any, bool] = {}
    link_lists: dict[Any, bool] = {}
    image_boxes: dict[Any, bool] = {}
    button_boxes: dict[Any, bool] = {}
    headed_boxes: dict[Any, bool] = {}
    price_lists: dict[Any, bool] = {}
    body_class = BodyClass(tree)
    flags: dict[str, frozenset[str]] = {}
    captions: list[str] = []
    quotes: list[str] = []
    # blocks broken by <br>: extractors give each line apart, so a line may be wanted when
    # the block's whole text is not
    broken = _broken_blocks(tree) if wanted is not None else set()
    coded = _code_holders(tree)
    above: set[str] = set()
    below: set[str] | None = None  # None until the first <h1>
    for el in tree.iter(*_BLOCK_TAGS):
        if below is None and el.tag == "h1":
            below = set()
        text = norm(_shown_text(el) if el in coded else el.text_content())
        if not text:
            continue
        if el.tag == "figcaption" and text not in captions and _in_article(el):
            captions.append(text)
        elif el.tag == "blockquote" and len(text) <= PULL_QUOTE_CHARS:
            quotes.append(text)
        if el.tag == "li" and _price_list(el.getparent(), price_lists):
            # the extractor may give a shop list's item without its price link
            bare = _without_links(el)
            if (wanted is None or bare in wanted) and bare not in flags:
                flags[bare] = _ASIDE  # a later paragraph of the same words keeps only shared flags
        if wanted is not None and text not in wanted:
            if el in broken:
                inherited = _flags_of(el, memo)
                if el.tag in _HEADED_BOX_BLOCKS and \
                        _in_headed_box(el, body_class, headed_boxes):
                    inherited = inherited | _ASIDE
                _flag_lines(el, inherited, flags, wanted)
            continue
        (above if below is None else below).add(text)
        found = set(_flags_of(el, memo))
        if el.tag in _HEADING_TAGS or el.get("role") == "heading" or _names_heading(el):
            found.add("heading")
        if sets_weight(el):
            found.update(_WEIGHT_FLAGS)
        elif _wholly_bold(el):
            found.add("caption" if _bold_caption(el, text) else "summary")
        share = _link_share(el, text)
        listed = el.tag == "li" and share >= ITEM_LINK_SHARE \
            and _link_list(el.getparent(), link_lists)
        # an item of the article's own list may link most of its words and go on to say more
        if listed or (share >= LINK_SHARE and not (el.tag == "li" and _says_more(el))):
            found.add("links")
        if el.tag == "li" and (_sources_list(el.getparent(), sources)
                               or _price_list(el.getparent(), price_lists)):
            found.add("aside")
        if el.tag == "p":
            if _small_box_with(el.getparent(), "img", IMAGE_BOX_CHARS, image_boxes):
                found.add("caption")
            elif _small_box_with(el.getparent(), "button", BUTTON_BOX_CHARS, button_boxes):
                found.add("aside")
        if el.tag in _HEADED_BOX_BLOCKS and _in_headed_box(el, body_class, headed_boxes):
            found.add("aside")
        prior = flags.get(text)
        # a text found twice keeps the flags both copies share (a paragraph quoted in a rail
        # is still a paragraph), but a section heading stays one when the page repeats it in
        # its table of contents
        flags[text] = frozenset(found) if prior is None else \
            (prior & found) | (_HEADING & (prior | found))
        if "heading" in found and el.find(".//br") is not None:
            for line in br_lines(el):  # extractors give each line of it apart
                flags.setdefault(line, frozenset(found))
        elif found and el in broken:
            _flag_lines(el, frozenset(found), flags, wanted)
    for alt in image_texts(tree):
        if wanted is None or alt in wanted:
            flags[alt] = flags.get(alt, _NO_FLAGS) | _CAPTION_FLAG
    return BlockIndex(flags, captions, quotes, above, below or set())


#: an image's text of fewer words ("Foto", "Logo") says nothing about a line that repeats it,
#: nor one of more (some CMSs copy the article's opening paragraph into the alt text)
IMAGE_TEXT_WORDS = (4, 30)


def image_texts(tree: Any) -> set[str]:
    """The normalised alt texts of the page's images (and titles, without a "| credit"
    tail) of ``IMAGE_TEXT_WORDS`` words: a body line that repeats one is the image's caption
    printed beside it, not article text."""
    least, most = IMAGE_TEXT_WORDS
    found = set()
    for img in tree.iter("img"):
        for value in (img.get("alt"), (img.get("title") or "").split(" | ")[0]):
            text = norm(value) if value else ""
            if least <= len(text.split(None, most)) <= most:
                found.add(text)
    return found


#: elements whose text is code or an embedded page, never shown as the block's words
_CODE_TAGS = ("script", "style", "iframe")
_SHOWN_TEXT = etree.XPath(
    f".//text()[not({' or '.join(f'parent::{tag}' for tag in _CODE_TAGS)})]")


def _code_holders(tree: Any) -> set[Any]:
    """The elements holding a ``<script>``, ``<style>`` or ``<iframe>`` with text, at any
    depth (a list item whose paragraph holds a script is read without it too)."""
    found = set()
    for code in tree.iter(*_CODE_TAGS):
        if not (code.text or "").strip():
            continue
        for anc in code.iterancestors():
            if anc in found:
                break
            found.add(anc)
    return found


def _shown_text(el: Any) -> str:
    """An element's text without its scripts', styles' and frames' code: the words a reader
    sees and an extractor gives (a heading ``<h2>`` that embeds a widget script is still its
    words)."""
    return "".join(_SHOWN_TEXT(el))


def _broken_blocks(tree: Any) -> set[Any]:
    """The block elements (and the inline ones inside them) holding a ``<br>``."""
    found = set()
    for br in tree.iter("br"):
        for anc in br.iterancestors():
            if anc in found:
                break
            found.add(anc)
            if anc.tag in _BLOCK_TAGS:
                break
    return found


def _flag_lines(el: Any, found: frozenset[str], flags: dict[str, frozenset[str]],
                wanted: set[str] | None) -> None:
    """Give each ``<br>``-broken line of a furniture block (a fact box, a caption, a link
    list written as one ``<p>`` with line breaks) the block's flags, unless the line has its
    own."""
    if found:
        for line in br_lines(el):
            if wanted is None or line in wanted:
                flags.setdefault(line, found)


def br_lines(el: Any) -> list[str]:
    """The normalised lines of an element broken by ``<br>`` (a headline in several lines,
    a subtitle of stacked points)."""
    lines: list[list[str]] = [[]]
    for item in el.xpath(".//text() | .//br"):
        if isinstance(item, str):
            lines[-1].append(item)
        else:
            lines.append([])
    return [t for t in (norm("".join(parts)) for parts in lines) if t]


#: a crosshead in capitals has this many words at most ("DZEKO, İKİ HAFTADIR SUSKUN")
CAPITALS_HEAD_WORDS = 15
#: ... and at least this many cased letters (an acronym or "USA" alone is no heading)
CAPITALS_HEAD_LETTERS = 8
#: a line ending so is a sentence (or a label), not a heading; a question in capitals ("NE
#: OLMUŞTU?", "what had happened?") is one
_SENTENCE_END = frozenset(".!…:;,")


def is_capitals_head(line: str) -> bool:
    """A short line set wholly in capitals and not ending a sentence: a crosshead that a CMS
    printed as bold capitals in the running text ("<strong>402 MİLYON LİRALIK MAL VARLIĞINA EL
    KONULMUŞTU</strong>") rather than as an ``<h2>``. Only letters that have a case count, so
    a line in a script without capitals (Chinese, Korean, Arabic) is never one."""
    text = norm(line)
    if not text or text[-1] in _SENTENCE_END or len(text.split(None, CAPITALS_HEAD_WORDS)) \
            > CAPITALS_HEAD_WORDS or " " not in text:
        return False
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= CAPITALS_HEAD_LETTERS and all(c.isupper() for c in cased)


def capitals_heads(paragraphs: list[str]) -> set[str]:
    """The normalised texts of the lines between two paragraphs that are crossheads in
    capitals (``is_capitals_head``); the first and last lines are left alone: a dateline or
    a credit in capitals ("DALLA NOSTRA CORRISPONDENTE") sits there, and says no section
    begins."""
    return {norm(line) for line in paragraphs[1:-1] if is_capitals_head(line)}


@dataclass(slots=True)
class SortedLines:
    """Extracted lines sorted into body paragraphs, captions and dropped furniture."""

    #: body paragraphs, section headings included (the benchmark pages' gold keeps them)
    paragraphs: list[str] = field(default_factory=list)
    #: normalised texts of the paragraphs that are section headings
    headings: set[str] = field(default_factory=set)
    captions: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def sort_lines(lines: Iterable[str], index: BlockIndex) -> SortedLines:
    """Split extracted lines by where they came from (see the module docstring): furniture is
    dropped, captions set apart, headings kept in place and marked."""
    out = SortedLines()
    for line in lines:
        flags = index.of(line)
        if "links" in flags or "aside" in flags or ("nav" in flags and len(line) < NAV_LINE_CHARS):
            out.dropped.append(line)
        elif "caption" in flags and "heading" not in flags:
            out.captions.append(norm(line))
        else:
            if "heading" in flags:
                out.headings.add(norm(line))
            out.paragraphs.append(line)
    return out


#: a quote line shorter than this may repeat a body sentence by chance ("Ja, natürlich.")
PULL_QUOTE_WORDS = 6


def _words(text: str) -> str:
    """``text``'s words, casefolded and joined by single spaces: quotation marks, dashes and
    the like aside, so a pull quote printed without the paragraph's „…" still matches."""
    return " ".join(WORD.findall(text.casefold()))


#: a pull quote may shorten the sentence it repeats ("Wir wissen, dass …" for "„Wir wissen
#: aber, dass …“, sagte sie"): this share of its words are the paragraph's
PULL_QUOTE_SHARE = 0.8


def _restates(quote: str, other: str) -> bool:
    """``other``, a longer line, says the words of ``quote`` again: as a run, or nearly all
    of them (``PULL_QUOTE_SHARE`` of its distinct words of four letters or more: "der",
    "und" are in any long paragraph)."""
    if len(other) <= len(quote):
        return False
    if quote in other:
        return True
    mine = {w for w in quote.split() if len(w) >= 4}
    return len(mine) >= 4 and len(mine & set(other.split())) >= PULL_QUOTE_SHARE * len(mine)


def drop_pull_quotes(lines: list[str], quotes: list[str]) -> list[str]:
    """``lines`` without the pull quotes in them: a ``blockquote`` whose sentence the article
    prints again inside one of its own paragraphs, and the lines beside it that belong to
    the same quote (the speaker's name below it). The publishers' article text has the
    sentence once, where it was said; a quote said only in the ``blockquote`` stays."""
    if not quotes or len(lines) < 2:
        return lines
    said = [_words(line) for line in lines]
    drop: set[int] = set()
    for quote in quotes:
        inside = _words(quote)
        for i, words in enumerate(said):
            if i in drop or words.count(" ") + 1 < PULL_QUOTE_WORDS or words not in inside:
                continue
            if not any(_restates(words, other) and other not in inside
                       for j, other in enumerate(said) if j != i):
                continue
            drop.add(i)
            for step in (-1, 1):  # the rest of the quote box: its other lines, the name
                j = i + step
                while 0 <= j < len(said) and said[j] and said[j] in inside and j not in drop:
                    drop.add(j)
                    j += step
            break
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines
