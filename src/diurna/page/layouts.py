"""Layouts beyond the single article: live blogs, galleries, AMP pages, paywall teasers,
key-points boxes and pages that hold several articles.

Each function reads what the page's markup says (schema.org JSON-LD, ``<time>``, ``<figure>``,
``<article>``, AMP's own elements) and works on the lines the body extractor returned:

- :func:`strip_amp` cuts AMP's chrome elements (``amp-sidebar`` menus, ``amp-consent`` banners,
  ``amp-ad`` fallbacks, share widgets) out of the tree before extraction;
- :func:`unwrap_tables_and_posts` turns tables that lay out the page (a cell holding
  paragraphs or the headline) into plain blocks before extraction, so the article is not read
  as one table row, a one-cell table of an image and its caption into a figure, and lifts a
  quoted post (an embedded tweet) out of the embed boxes the extractor drops;
- :func:`div_crosshead` reads a short line set in a ``div`` between two paragraphs as the
  crosshead it is (the extractor drops text-only ``div``s);
- :func:`read_in_sentence` reads a ``<time>``, ``<label>`` or ``<q>`` inside a paragraph's
  sentence as its words, and :func:`read_loose_text` a sentence standing straight in a
  ``div``, ``<article>`` or ``section`` among paragraphs as a paragraph (the extractor deletes
  the first two elements with their words, breaks the line at a ``q`` and reads no text
  outside a ``<p>``); :func:`collapse_blank_breaks` prints a paragraph's white space between
  elements as one space (the extractor kept its source line breaks where it deleted an icon);
- :func:`key_points` finds a key-points box (a list under a label such as "Key points",
  "Kort fortalt", "Darum geht's") so that its items are kept apart from the body;
- :func:`other_articles` finds the texts of the *other* articles on a page that holds several
  (feeds, "next article" pages), given which one the page's title names;
- :func:`live_entries` finds a live blog's entries with their times (from ``<time>`` elements
  in repeated entry containers, or from JSON-LD ``liveBlogUpdate``);
- :func:`gallery_captions` says whether the page is a picture gallery and gives its captions;
- :func:`paywalled` says whether the page declares the article paid (JSON-LD
  ``isAccessibleForFree: false``) and shows only part of it.

The rules use markup every CMS emits (documented by schema.org, Google and the AMP project),
never one site's class names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from diurna.page.blocks import (
    IMAGE_BOX_CHARS,
    LINK_SHARE,
    SENTENCE_CLOSE,
    _link_share,
    next_element,
    norm,
    previous_element,
)
from diurna.page.words import WORD as _WORD

# --- AMP --------------------------------------------------------------------------------------

#: AMP elements that never hold article text: menus, consent and notification banners, ads
#: (whose fallback ``<div>`` carries advertising copy), analytics, share and app widgets
AMP_CHROME = ("amp-sidebar", "amp-consent", "amp-user-notification", "amp-ad", "amp-embed",
              "amp-sticky-ad", "amp-analytics", "amp-social-share", "amp-geo", "amp-app-banner",
              "amp-web-push-widget", "amp-auto-ads", "amp-next-page")


def is_amp(tree: Any) -> bool:
    """The page is an AMP document (``<html amp>`` or ``<html ⚡>``)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    return any(name in ("amp", "⚡", "\u26a1") for name in root.attrib)


def strip_amp(tree: Any) -> bool:
    """Cut AMP chrome elements out of an AMP page's tree (keeping the text after each);
    True if the page is AMP. Other pages are left alone."""
    from diurna.page.comments import remove_elements

    if not is_amp(tree):
        return False
    remove_elements(list(tree.iter(*AMP_CHROME)))
    return True


# --- layout tables ----------------------------------------------------------------------------

#: a table's own cells (not those of tables nested in them)
_OWN_CELLS = etree.XPath("./tr/td|./tr/th|./*/tr/td|./*/tr/th")
#: its row groups and rows
_OWN_ROWS = etree.XPath("./thead|./tbody|./tfoot|./tr|./*/tr")
#: a cell holding this many paragraphs is a column of the page, not a datum
LAYOUT_CELL_PARAGRAPHS = 2
_LAYOUT_CELL = etree.XPath(f"count(.//p) >= {LAYOUT_CELL_PARAGRAPHS} or .//h1 or .//h2")


def _image_box(cell: Any) -> bool:
    """A cell holding an image and a short text (a caption and credit) and nothing else."""
    if cell.find(".//img") is None or cell.find(".//table") is not None:
        return False
    text = " ".join(cell.text_content().split())
    return 0 < len(text) <= IMAGE_BOX_CHARS


def _unwrap_table(table: Any) -> bool:
    """Turn ``table`` into ``<div>``s (itself, its row groups, rows and own cells) if it lays
    out the page, or into a ``<figure>`` if it is one; True if it did. Older sites set the
    whole page in a table, the article in one cell beside a column of links; the extractor
    reads a table as data, one line per row, so the article came out as a single line glued
    to its headline, date and the next cell's teasers. A table is layout when one of its own
    cells holds two or more paragraphs or a first- or second-level heading: a data table's
    cell holds a figure or a phrase. Tables nested in a cell (a pull quote set in a one-cell
    table) are judged on their own cells. trafilatura does the same for tables marked
    ``role=presentation``.

    A table of one cell holding an image and a short text (at most IMAGE_BOX_CHARS: a
    caption and credit) is a figure set in a table: it becomes ``<figure>`` and its cell
    ``<figcaption>``, so the caption leaves the body as the captions of figures do; read as
    data, it was a "| caption |" line no block matched."""
    cells = _OWN_CELLS(table)
    if len(cells) == 1 and _image_box(cells[0]):
        tags = ("figure", "figcaption")
    elif any(_LAYOUT_CELL(cell) for cell in cells):
        tags = ("div", "div")
    else:
        return False
    for el in _OWN_ROWS(table):
        el.tag = "div"
    for el in cells:
        el.tag = tags[1]
    table.tag = tags[0]
    return True


# --- embedded posts ---------------------------------------------------------------------------

#: the markup of a post embedded from a social network that prints the post's text in the page
#: (X/Twitter's published embed code: ``<blockquote class="twitter-tweet">``)
_EMBEDDED_POST = "twitter-tweet"
#: the plain boxes an embed is wrapped in, lifted away (an ``aside``, ``header`` or ``footer``
#: around a post is the page's, not the article's, and stays)
_POST_WRAPPERS = frozenset({"div", "span", "figure", "section", "p", "center"})
_SHOWN = etree.XPath("descendant::text()[not(ancestor::script or ancestor::style)]",
                     smart_strings=False)


def _words_shown(el: Any) -> str:
    """``el``'s text without its scripts' and styles' code, whitespace collapsed."""
    return " ".join("".join(_SHOWN(el)).split())


def _lift_post(post: Any) -> bool:
    """Put an embedded post (a quoted tweet) in the place of the boxes that wrap it and
    nothing else; True if it moved. An article quotes a post as it quotes a statement, and
    the post's text is printed in the page, but the embed's wrappers are named for it
    ("social-media-embed", "article-tweet") and the extractor drops such boxes as share bars,
    so the quote was lost. A box that holds anything else beside the post is left alone, and
    only plain boxes are lifted away: an ``aside``, ``header`` or ``footer`` around a post (a
    feed of the site's own posts) stays around it."""
    text = _words_shown(post)
    if not text:
        return False
    box = None
    for anc in post.iterancestors():
        if anc.tag not in _POST_WRAPPERS or _words_shown(anc) != text:
            break
        box = anc
    if box is None or box.getparent() is None:
        return False
    post.tail = box.tail
    box.getparent().replace(box, post)
    return True


# --- crossheads set in divs ---------------------------------------------------------------

#: a crosshead set in a ``div`` says at most this many words
CROSSHEAD_WORDS = 14
#: the elements a crosshead's ``div`` may hold: type styles, no link, image or line break
_HEAD_INLINE = frozenset({"b", "strong", "em", "i", "span", "u", "font"})
#: the marks that close a sentence or run on (a crosshead ends in none of them, or in "?")
_NOT_HEAD_END = frozenset(".,;:!")


def div_crosshead(el: Any) -> bool:
    """Before extraction: a short line of text set in the ``div`` ``el`` between two
    paragraphs is a crosshead and is read as one (``el`` becomes an ``<h3>``); True if so.

    trafilatura reads a ``div`` as a paragraph only in its recall mode, so a CMS that writes
    its crossheads as ``<div class="…subheadline">Who pays the cost of a tariff?</div>``
    between its ``<p>``s lost them all. Only a ``div`` of type styles (bold, italics, spans)
    with at most ``CROSSHEAD_WORDS`` words and no closing stop qualifies: a link ("Read
    more: …"), a button's label, an image or a sentence is not a crosshead. As a heading the
    line stays in ``doc.text`` and is marked in ``doc.headings``. Asked, in the walk of
    :func:`diurna.page.html.keep_inline_text`, of each ``div`` that follows a paragraph."""
    before = previous_element(el)
    if before is None or before.tag != "p":
        return False
    after = next_element(el)
    if after is None or after.tag != "p" or not before.text_content().strip() \
            or not after.text_content().strip():
        return False
    if any(not isinstance(c.tag, str) or c.tag not in _HEAD_INLINE for c in el.iterdescendants()):
        return False
    text = " ".join(el.text_content().split())
    if not text or text[-1] in _NOT_HEAD_END \
            or len(text.split(None, CROSSHEAD_WORDS)) > CROSSHEAD_WORDS:
        return False
    el.tag = "h3"
    return True


# --- words of a sentence trafilatura deletes, text standing loose in a block ------------------

#: the inline elements whose words trafilatura 2.3.1 deletes with the element (its
#: ``MANUALLY_CLEANED`` list), though in running text they hold the sentence's own words: "on
#: <time>Tuesday</time> the bridge …", "the <label>bridge</label> would …"
_DELETED_INLINE = frozenset({"time", "label"})


def read_in_sentence(el: Any) -> bool:
    """Before extraction: a ``<time>``, ``<label>`` or ``<q>`` holding words of a paragraph's
    sentence is read as the words it holds (it becomes a ``span``); True if so.

    trafilatura deletes ``time`` and ``label`` elements with their words ("reporters on
    <time>Tuesday</time> the bridge" read "reporters on the bridge"), and reads ``q`` as a
    block quote, which breaks the sentence in two lines. A ``q`` keeps the quotation marks a
    browser prints around it, in the page's language (:func:`print_quote_marks`). A ``time``
    or ``label`` counts as running text only with words on both sides inside a ``<p>``: a
    live blog's entry stamp opens its paragraph and stays a ``time`` (:func:`live_entries`
    reads it), and a stamp alone on its line is furniture."""
    if not (el.text or len(el)) or not "".join(el.itertext()).strip() \
            or next(el.iterancestors("p"), None) is None:
        return False
    if el.tag in _DELETED_INLINE:
        prev, parent = el.getprevious(), el.getparent()
        before = prev.tail if prev is not None else parent.text
        if not (before and before.strip() and el.tail and el.tail.strip()):
            return False
    elif el.tag == "q":
        print_quote_marks(el)
        return True
    else:
        return False
    el.tag = "span"
    return True


#: the quotation marks a browser prints around a ``q`` (open, close) and around a ``q`` inside
#: one, by the language the page declares: the HTML standard's rendering rules take them from
#: Unicode CLDR's delimiters. Looked up by the whole language tag, then by shorter prefixes
#: ("de-AT" → "de"); a language not listed, or none declared, gets the English marks, which
#: browsers print by default and the statements stage reads as quotation marks
QUOTE_MARKS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "en": (("\u201c", "\u201d"), ("\u2018", "\u2019")),  # “…” ‘…’
    "de": (("\u201e", "\u201c"), ("\u201a", "\u2018")),  # „…“ ‚…‘
    "de-ch": (("\u00ab", "\u00bb"), ("\u2039", "\u203a")),  # «…» ‹…›
    "fr": (("\u00ab", "\u00bb"), ("\u00ab", "\u00bb")),  # «…» «…»
    "fr-ch": (("\u00ab", "\u00bb"), ("\u2039", "\u203a")),
    "es": (("\u00ab", "\u00bb"), ("\u201c", "\u201d")),  # «…» “…”
    "it": (("\u00ab", "\u00bb"), ("\u201c", "\u201d")),
    "pt": (("\u201c", "\u201d"), ("\u2018", "\u2019")),  # Brazil's
    "pt-pt": (("\u00ab", "\u00bb"), ("\u201c", "\u201d")),
    "nl": (("\u201c", "\u201d"), ("\u2018", "\u2019")),
    "ru": (("\u00ab", "\u00bb"), ("\u201e", "\u201c")),  # «…» „…“
    "uk": (("\u00ab", "\u00bb"), ("\u201e", "\u201c")),
    "pl": (("\u201e", "\u201d"), ("\u00ab", "\u00bb")),  # „…” «…»
    "cs": (("\u201e", "\u201c"), ("\u201a", "\u2018")),
    "sk": (("\u201e", "\u201c"), ("\u201a", "\u2018")),
    "hu": (("\u201e", "\u201d"), ("\u00bb", "\u00ab")),  # „…” »…«
    "ro": (("\u201e", "\u201d"), ("\u00ab", "\u00bb")),
    "sv": (("\u201d", "\u201d"), ("\u2019", "\u2019")),  # ”…” ’…’
    "fi": (("\u201d", "\u201d"), ("\u2019", "\u2019")),
    "da": (("\u201c", "\u201d"), ("\u2018", "\u2019")),
    "nb": (("\u00ab", "\u00bb"), ("\u2018", "\u2019")),  # «…» ‘…’
    "nn": (("\u00ab", "\u00bb"), ("\u2018", "\u2019")),
    "no": (("\u00ab", "\u00bb"), ("\u2018", "\u2019")),
    "el": (("\u00ab", "\u00bb"), ("\u201c", "\u201d")),
    "tr": (("\u201c", "\u201d"), ("\u2018", "\u2019")),
    "ja": (("\u300c", "\u300d"), ("\u300e", "\u300f")),  # 「…」 『…』
    "zh": (("\u201c", "\u201d"), ("\u2018", "\u2019")),
    "zh-hant": (("\u300c", "\u300d"), ("\u300e", "\u300f")),
    "zh-tw": (("\u300c", "\u300d"), ("\u300e", "\u300f")),
    "zh-hk": (("\u300c", "\u300d"), ("\u300e", "\u300f")),
    "ko": (("\u201c", "\u201d"), ("\u2018", "\u2019")),
}


def quote_marks(lang: str | None) -> tuple[tuple[str, str], tuple[str, str]]:
    """The marks a browser prints around a quotation, and around one inside it, in the
    language of the tag ``lang`` ("de", "pt-PT", "zh-Hant-TW"): the longest listed prefix of
    the tag, else English."""
    parts = (lang or "").strip().lower().replace("_", "-").split("-")
    for n in range(len(parts), 0, -1):
        marks = QUOTE_MARKS.get("-".join(parts[:n]))
        if marks is not None:
            return marks
    return QUOTE_MARKS["en"]


def _language_of(el: Any) -> str | None:
    """The language ``el`` is written in: the ``lang`` of it or its nearest ancestor that
    declares one (the ``<html>`` element's, as a rule)."""
    for node in (el, *el.iterancestors()):
        lang = node.get("lang") or node.get("xml:lang")
        if lang is not None:
            return str(lang)
    return None


def print_quote_marks(q: Any) -> None:
    """Write the quotation marks a browser prints around ``q`` and every ``q`` inside it
    (their language's, the inner ones' its second pair: „… ‚…‘ …“) into the text, and read
    them all as ``span``s. trafilatura reads a ``q`` as a block quote and breaks the line."""
    nested = [(x, sum(1 for _ in x.iterancestors("q"))) for x in q.iter("q")]
    for x, depth in nested:
        opening, closing = quote_marks(_language_of(x))[depth % 2]
        x.text = opening + (x.text or "")
        if len(x):
            x[-1].tail = (x[-1].tail or "") + closing
        else:
            x.text += closing
        x.tag = "span"


#: the elements whose white space a browser prints as the source has it
_PREFORMATTED = frozenset({"code", "pre", "textarea"})


def _blank_break(text: str | None) -> bool:
    """``text`` is white space alone that holds a line break of the page's source."""
    return text is not None and text.isspace() and ("\n" in text or "\r" in text)


def collapse_blank_breaks(p: Any) -> None:
    """Before extraction: inside the paragraph ``p``, white space alone between two elements
    that holds a line break of the page's source is printed as a browser prints it: one space
    between the words on either side, none where they already have one.

    trafilatura keeps such runs where it deletes the element between them (an icon's
    ``<svg>`` in a link: "Die <a>\\n <svg>…</svg> Lego-Aktion</a> läuft"), and their line
    breaks cut the sentence into paragraphs of their own ("Die" / "Lego-Aktion läuft …"). Only
    white space is touched, and ``code`` keeps its own."""
    if not any(_blank_break(x.text) or (x is not p and _blank_break(x.tail)) for x in p.iter()):
        return  # most paragraphs: nothing to do, and no slower walk
    space = True  # white space at the paragraph's start prints nothing
    run: list[tuple[Any, str]] = []  # the emptied slots of the current run, and the space before
    run_space = True
    for event, el in etree.iterwalk(p, events=("start", "end")):
        slot = "text" if event == "start" else "tail"
        text = getattr(el, slot) if (el is not p or slot == "text") else None
        if not text:
            continue
        holder = el if slot == "text" else el.getparent()
        if holder.tag not in _PREFORMATTED and _blank_break(text):
            if not run:
                run_space = space
            run.append((el, slot))
            setattr(el, slot, "")
            space = True
            continue
        if run:  # the words after a run: one space between them and the words before
            if holder.tag in _PREFORMATTED or not text[0].isspace():
                if not run_space:
                    setattr(run[0][0], run[0][1], " ")
            elif run_space:
                text = text.lstrip()
                setattr(el, slot, text)
            run = []
        space = not text or text[-1].isspace()


#: text standing loose in a block reads as a paragraph when it says at least this many words
LOOSE_WORDS = 6
#: the blocks whose loose text :func:`read_loose_text` looks at
LOOSE_HOLDERS = frozenset({"div", "article", "section"})
#: the elements that run on with a block's loose text, inside its line
_RUN_ON = frozenset({"a", "abbr", "b", "br", "cite", "code", "em", "font", "i", "label", "mark",
                     "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"})


def has_loose_text(el: Any) -> bool:
    """``el`` holds text of its own, outside its children (a quick test for the walk)."""
    text = el.text
    if text and not text.isspace():
        return True
    for child in el:  # a loop, not any() over a generator: asked of every div (speed)
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def _runs(el: Any) -> list[tuple[int, int]]:
    """The runs of ``el``'s loose text: (first child, child after the last) of each stretch of
    text and inline children between two of its other children (blocks, images)."""
    runs, start = [], 0
    for i, child in enumerate(el):
        if isinstance(child.tag, str) and child.tag not in _RUN_ON:
            runs.append((start, i))
            start = i + 1
    runs.append((start, len(el)))
    return runs


def _lead(el: Any, start: int) -> str:
    """The text a run opens with: ``el``'s own text, or the tail of the child before it."""
    return (el.text if start == 0 else el[start - 1].tail) or ""


def _among_paragraphs(el: Any) -> bool:
    """``el`` or its parent holds a ``<p>`` of its own: ``el`` stands in the article's text."""
    parent = el.getparent()
    return el.find("p") is not None or (parent is not None and parent.find("p") is not None)


def read_loose_text(holders: list[Any]) -> int:
    """Before extraction: the runs of text standing loose in ``holders`` (``div``s,
    ``article``s, ``section``s holding text of their own) that say a sentence become
    paragraphs (:func:`loose_text_paragraphs`); returns how many did.

    Hand-written and older pages set article text straight in a block ("<article>The mayor
    said …<br>The council …</article>", "<div>The mayor said ….<p>The council …</p></div>");
    trafilatura's precise pass reads such text only in a ``<p>`` and lost it. A block is read
    so when it stands among paragraphs (:func:`_among_paragraphs`: its text is the
    article's), and so is every other block of the same tag and class: one article's blocks
    are read alike. Were the paragraphs set in ``div``s read only next to a ``<p>``, the
    extractor would take the first ones for the whole article and leave the rest (a page whose
    later paragraphs sit in a "read all" box). A block of furniture near the article (a
    promotion, a notice) is a block of its own kind, and stays as it was."""
    made, kinds, rest = 0, set(), []
    for el in holders:
        if el.tag not in LOOSE_HOLDERS:  # made a crosshead in the walk
            continue
        if not _among_paragraphs(el):
            rest.append(el)
            continue
        n = loose_text_paragraphs(el)
        if n and el.get("class"):
            kinds.add((el.tag, el.get("class")))
        made += n
    for el in rest:
        if el.get("class") and (el.tag, el.get("class")) in kinds:
            made += loose_text_paragraphs(el)
    return made


_SPACES = re.compile(r"\s+")


def _collapsed(text: str | None) -> str | None:
    """``text`` with each run of white space one space, as a browser prints loose text
    ("season.  This TV" → "season. This TV"); the extractor keeps a paragraph's spaces."""
    return _SPACES.sub(" ", text) if text else text


def loose_text_paragraphs(el: Any) -> int:
    """Each run of text standing loose in the block ``el`` (not inside a ``<p>``) that says a
    sentence of ``LOOSE_WORDS`` words or more becomes a ``<p>`` of its own; returns how many
    did. Only text of its own makes a run (a row of links is no loose text), and only a run
    that closes its sentence: a label, a button's text or a crosshead is no paragraph."""
    made = 0
    for start, end in reversed(_runs(el)):
        lead = _lead(el, start)
        own = lead + "".join(el[i].tail or "" for i in range(start, end))
        text = lead + "".join(etree.tostring(el[i], method="text", encoding="unicode",
                                             with_tail=True) for i in range(start, end))
        if len(own.split(None, 2)) < 3 or len(text.split(None, LOOSE_WORDS)) < LOOSE_WORDS \
                or not SENTENCE_CLOSE.search(text.rstrip()):
            continue
        para = etree.Element("p")
        para.text = _collapsed(lead)
        for child in list(el[start:end]):
            para.append(child)  # moves the child, with its tail
            child.tail = _collapsed(child.tail)
        if start == 0:
            el.text = None
        else:
            el[start - 1].tail = None
        el.insert(start, para)
        made += 1
    return made


def unwrap_tables_and_posts(tree: Any) -> int:
    """Before extraction: tables that lay out the page read as plain blocks, a table holding
    an image and its caption as a figure (:func:`_unwrap_table`), quoted posts out of their
    embed boxes (:func:`_lift_post`); return how many changed. One walk over the tree."""
    n = 0
    for el in list(tree.iter("table", "blockquote")):
        if el.tag == "table":
            n += _unwrap_table(el)
        elif _EMBEDDED_POST in (el.get("class") or "").split():
            n += _lift_post(el)
    return n


# --- key-points boxes -------------------------------------------------------------------------

#: labels of a key-points box, in the languages of the dev pages and the usual English ones
_KEY_LABEL = re.compile(
    r"^(key (points|facts|takeaways|findings)|takeaways|the essentials|in (brief|short)|"
    r"at a glance|what you need to know|tl;? ?dr|"
    r"kort (fortalt|sagt|oppsummert)|darum geht['’]?s|das wichtigste( in kürze| auf einen blick)?|"
    r"kurz (und|&) knapp|auf einen blick|in kürze|"
    r"en bref|l['’]essentiel|(les )?points? clés?|ce qu['’]il faut (savoir|retenir)|"
    r"en resumen|claves|lo (más importante|que (debes|hay que) saber)|"
    r"in (breve|sintesi)|i punti chiave|em resumo|pontos[- ]chave|in het kort|kortom|"
    r"i korthet|kort sagt|lyhyesti)\s*[:.!]?$", re.I)
_KEY_CLASS = re.compile(r"key-?points|key-?facts|keyfacts|takeaways|tldr|bullet-?points", re.I)
#: a key-points box of paragraphs, not a list: its points are short
_POINT_WORDS = 40
_LABEL_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "span", "div", "header",
               "summary", "dt")
#: siblings looked at after a label for its list
_LIST_LOOKAHEAD = 3


def _first_list(start: Any) -> Any:
    """The first ``ul``/``ol`` at or below ``start`` (None if there is none)."""
    if start.tag in ("ul", "ol"):
        return start
    return next(start.iter("ul", "ol"), None)


def _point_paragraphs(box: Any) -> Any:
    """``box`` when it holds its points as two or more short paragraphs of its own
    (``<div class="bulletpoints"><p>…</p><p>…</p></div>``), else None."""
    points = [p for p in box if p.tag == "p"]
    if len(points) >= 2 and all(len(p.text_content().split()) <= _POINT_WORDS for p in points):
        return box
    return None


def _list_after(label: Any) -> Any:
    """The list that follows a label: in one of its next siblings, or its parent's (the label
    often sits in its own ``<header>`` or ``<div>`` above the list)."""
    node = label
    for _ in range(3):
        for sibling in list(node.itersiblings())[:_LIST_LOOKAHEAD]:
            if isinstance(sibling.tag, str):
                found = _first_list(sibling)
                if found is not None:
                    return found
        node = node.getparent()
        if node is None or node.tag in ("article", "main", "body"):
            return None
    return None


def key_points(tree: Any) -> tuple[list[str], set[str]]:
    """The items of the page's key-points box and the normalised texts to keep out of the body
    (its label and its items). A box is a list right after a label such as "Key points",
    "Kort fortalt", "Darum geht's" or "Das Wichtigste in Kürze" (the label is an element's own
    text), or a list inside an element whose class/id names key points/facts, takeaways or a
    tl;dr. Cheap tests first: this looks at every heading, paragraph, span and div."""
    for el in tree.iter(_LABEL_TAGS):
        own = el.text
        box, label = None, None
        if own and len(own) <= 80:
            own = " ".join(own.split())
            if own and len(own) <= 60 and _KEY_LABEL.match(own):
                box, label = _list_after(el), own
        if box is None:
            names = _class_and_id(el).lower()
            if ("key" in names or "takeaway" in names or "tldr" in names
                    or "bullet" in names) and _KEY_CLASS.search(names):
                box = _first_list(el) or _point_paragraphs(el)
        if box is None:
            continue
        points = box.iter("li") if box.tag in ("ul", "ol") else (p for p in box if p.tag == "p")
        items = [t for t in (norm(point.text_content()) for point in points) if t]
        if items and _link_share(box, " ".join(items)) < LINK_SHARE:  # else a list of links
            return items, set(items) | ({label} if label else set())
    return [], set()


# --- several articles on one page ---------------------------------------------------------------

#: an ``<article>`` with fewer letters of paragraph text is a teaser card, not an article
ARTICLE_LETTERS = 300
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption")


def _letters(texts: Iterable[str]) -> int:
    """Characters of ``texts`` that are not spaces."""
    return sum(len(t) - t.count(" ") for t in texts)


def _class_and_id(el: Any) -> str:
    """An element's class and id attributes in one string, the names the rules here search."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _headline(article: Any) -> str:
    head = next(article.iter("h1", "h2", "h3"), None)
    return norm(head.text_content()) if head is not None else ""


def _title_match(headline: str, title: str | None) -> float:
    """Share of the title's words found in ``headline`` (0 when either is empty)."""
    tw = set(_WORD.findall((title or "").casefold()))
    hw = set(_WORD.findall(headline.casefold()))
    return len(tw & hw) / len(tw) if tw and hw else 0.0


@dataclass(slots=True)
class SeveralArticles:
    """The main article's block texts (in order) and those of the others on the page."""

    main: list[str] = field(default_factory=list)
    others: set[str] = field(default_factory=set)


def other_articles(tree: Any, title: str | None) -> SeveralArticles | None:
    """When the page holds two or more full ``<article>`` elements (not nested, each with its own
    headline and ≥ ARTICLE_LETTERS letters of ``<p>`` text) and exactly one of them carries the
    page's title as its headline, that one's block texts and the others'. None otherwise: a
    page whose title names no article, or one article, is left as it is."""
    articles = [a for a in tree.iter("article")
                if not any(p.tag == "article" for p in a.iterancestors())]
    if len(articles) < 2:
        return None
    articles = [a for a in articles
                if _letters(p.text_content() for p in a.iter("p")) >= ARTICLE_LETTERS]
    if len(articles) < 2:
        return None
    scores = [_title_match(_headline(a), title) for a in articles]
    best = max(scores)
    if best < 0.8 or scores.count(best) > 1:
        return None
    main = articles[scores.index(best)]
    found = SeveralArticles()
    for el in main.iter(_BLOCKS):
        if el.tag != "figcaption" and not any(a.tag in _BLOCKS
                                              for a in _ancestors_within(el, main)):
            found.main.append(norm(el.text_content()))
    found.main = [t for t in found.main if t]
    mine = set(found.main)
    for other in articles:
        if other is not main:
            found.others.update(t for t in (norm(el.text_content()) for el in other.iter(_BLOCKS))
                                if t and t not in mine)
    return found


# --- live blogs -------------------------------------------------------------------------------

#: class/id parts that name a live blog or ticker
_LIVE_NAMES = re.compile(r"(^|[-_\s])(live|liveblog|liveticker|ticker|live-?feed)([-_\s]|$)", re.I)
_HHMM = re.compile(r"^\d{1,2}[:.]\d{2}$")
#: fewest entries that make a live blog when the page names itself one (JSON-LD type, class)
MIN_ENTRIES = 2
#: an entry needs this many letters of its own text (a time and a share button are no entry)
ENTRY_LETTERS = 40


@dataclass(slots=True)
class LiveEntry:
    """One entry of a live blog: its time stamp (ISO or as printed), headline and paragraphs."""

    time: str | None
    headline: str | None
    paragraphs: list[str]
    shown: str | None = None  # the time as the page shows it ("09:30"), kept out of the text


def _is_live_type(jsonld: list[dict[str, Any]]) -> dict[str, Any] | None:
    for obj in jsonld:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.lower() == "liveblogposting" for k in kinds):
            return obj
    return None


def _named_live(el: Any) -> bool:
    for node in (el, *el.iterancestors()):
        if not isinstance(node.tag, str) or node.tag in ("body", "html"):
            return False
        names = _class_and_id(node)
        if names.strip() and _LIVE_NAMES.search(names):
            return True
    return False


def _ancestors_within(el: Any, container: Any) -> Iterable[Any]:
    """``el``'s ancestors below ``container``."""
    for a in el.iterancestors():
        if a is container:
            return
        yield a


def _entry_blocks(container: Any, skip: set[str]) -> tuple[str | None, list[str]]:
    """(headline, paragraphs) of one entry: its outermost block elements, without the time,
    link-only lines and furniture boxes (share buttons, ads)."""
    from diurna.page.blocks import _is_aside

    headline: str | None = None
    out: list[str] = []
    for el in container.iter(_BLOCKS):
        between = list(_ancestors_within(el, container))
        if any(a.tag in _BLOCKS for a in between):
            continue  # nested inside a block already taken
        if any(_is_aside(_class_and_id(a)) for a in between):
            continue
        text = norm(el.text_content())
        if not text or text in skip or _link_share(el, text) >= LINK_SHARE:
            continue
        if el.tag in ("h2", "h3", "h4", "h5", "h6") and headline is None and not out:
            headline = text
        out.append(text)
    return headline, out


def _sort_key(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value.strip())
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _in_time_order(entries: list[LiveEntry]) -> list[LiveEntry]:
    """Oldest first: by ISO time when every entry has one; a page of "HH:MM" times that fall
    as one reads down (newest first) is reversed; anything else keeps the page's order."""
    times = [e.time for e in entries]
    try:
        return sorted(entries, key=lambda e: _sort_key(e.time or ""))
    except (ValueError, TypeError):
        pass
    if all(t and _HHMM.match(t) for t in times):
        minutes = [int(h) * 60 + int(m) for h, m in (re.split(r"[:.]", t or "") for t in times)]
        if all(a >= b for a, b in zip(minutes, minutes[1:], strict=False)):
            return list(reversed(entries))
    return entries


def _dom_entries(tree: Any, live_declared: bool) -> list[LiveEntry]:
    """Entries from repeated containers that each hold one ``<time>``: the highest ancestor of a
    time holding no other time, grouped by their parent; the largest group is the feed."""
    times = list(tree.iter("time"))
    if len(times) < MIN_ENTRIES:
        return []
    count: dict[Any, int] = {}
    for t in times:
        for a in t.iterancestors():
            count[a] = count.get(a, 0) + 1
    groups: dict[Any, list[tuple[Any, Any]]] = {}
    for t in times:
        box = t
        while box.getparent() is not None and count.get(box.getparent(), 0) == 1:
            box = box.getparent()
        parent = box.getparent()
        if parent is not None and box is not t:
            groups.setdefault(parent, []).append((box, t))
    if not groups:
        return []
    parent, members = max(groups.items(), key=lambda kv: len(kv[1]))
    if len(members) < MIN_ENTRIES or not (live_declared or _named_live(members[0][0])):
        return []
    entries = []
    for box, t in members:
        stamp = (t.get("datetime") or "").strip() or norm(t.text_content()) or None
        headline, paras = _entry_blocks(box, {norm(t.text_content())})
        if _letters(paras) >= ENTRY_LETTERS:
            entries.append(LiveEntry(stamp, headline, paras, norm(t.text_content()) or None))
    return entries if len(entries) >= MIN_ENTRIES else []


def _jsonld_entries(live: dict[str, Any]) -> list[LiveEntry]:
    from diurna.page.html import jsonld_body

    updates = live.get("liveBlogUpdate")
    updates = updates if isinstance(updates, list) else [updates] if updates else []
    entries = []
    for item in updates:
        if not isinstance(item, dict):
            continue
        paras = jsonld_body([{"articleBody": item.get("articleBody") or item.get("text") or ""}])
        headline = norm(str(item.get("headline") or "")) or None
        if headline and (not paras or norm(paras[0]) != headline):
            paras = [headline, *paras]
        stamp = item.get("datePublished") or item.get("dateCreated")
        if paras and _letters(paras) >= ENTRY_LETTERS:
            entries.append(LiveEntry(str(stamp).strip() if stamp else None, headline, paras))
    return entries if len(entries) >= MIN_ENTRIES else []


def live_entries(tree: Any, jsonld: list[dict[str, Any]]) -> list[LiveEntry]:
    """A live blog's entries, oldest first (empty when the page is no live blog).

    A live blog is a page of JSON-LD type ``LiveBlogPosting``, or one whose entries sit in an
    element whose class/id names it live/ticker; its entries are the repeated containers that
    each hold one ``<time>`` (time = the ``datetime`` attribute, else the shown text), or else
    the JSON-LD ``liveBlogUpdate`` items (``datePublished``, ``headline``, ``articleBody``).
    """
    live = _is_live_type(jsonld)
    entries = _dom_entries(tree, live is not None)
    if not entries and live is not None:
        entries = _jsonld_entries(live)
    return _in_time_order(entries)


# --- galleries --------------------------------------------------------------------------------

_GALLERY_TYPES = {"imagegallery", "mediagallery", "collectionpage"}
_CREDIT = re.compile(r"credit|copyright|photographer|byline|source|author", re.I)
#: fewest captioned figures that make a gallery when the page does not say it is one
MIN_FIGURES = 3


def _text_without_credit(el: Any) -> str:
    """An element's text without the parts whose class/id names a credit or copyright."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        names = _class_and_id(node)
        if node is not el and names.strip() and _CREDIT.search(names):
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            elif child.tail:
                parts.append(child.tail)
        if node is not el and node.tail:
            parts.append(node.tail)

    walk(el)
    return norm(" ".join(parts))


def _type_list(obj: dict[str, Any]) -> list[Any]:
    kind = obj.get("@type")
    return kind if isinstance(kind, list) else [kind]


def gallery_captions(tree: Any, jsonld: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The captions of a picture gallery in page order, each as (full text, text without the
    credit); empty when the page is no gallery (JSON-LD ``ImageGallery``/``MediaGallery`` with
    ≥ 2 captioned figures, or ≥ MIN_FIGURES captioned figures)."""
    declared = any(isinstance(t, str) and t.lower() in _GALLERY_TYPES
                   for o in jsonld for t in _type_list(o))
    captions: list[tuple[str, str]] = []
    seen: set[str] = set()
    for cap in tree.iter("figcaption"):
        text = _text_without_credit(cap)
        if text and text not in seen:
            seen.add(text)
            captions.append((norm(cap.text_content()), text))
    return captions if len(captions) >= (2 if declared else MIN_FIGURES) else []


# --- paywalls ---------------------------------------------------------------------------------

#: a paid article without a named paid part counts as partial when its body is shorter
PARTIAL_LETTERS = 1200
#: a named paid part with fewer letters than this is a placeholder, not the article
PAID_PART_LETTERS = 200


def _not_free(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.strip().lower() in ("false", "no"))


def _select(tree: Any, selector: str) -> list[Any]:
    """Elements matching a simple CSS selector (``.class``, ``#id``, ``tag.class``, lists of
    these); other selectors match nothing."""
    found: list[Any] = []
    for part in selector.split(","):
        m = re.fullmatch(r"\s*([a-zA-Z][\w-]*)?([.#])([\w-]+)\s*", part)
        if not m:
            continue
        tag, kind, name = m.group(1) or "*", m.group(2), m.group(3)
        if kind == "#":
            found += tree.xpath(f"//{tag}[@id=$n]", n=name)
        else:
            found += tree.xpath(f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), $n)]",
                                n=f" {name} ")
    return found


def paywalled(tree: Any, jsonld: list[dict[str, Any]], body_letters: int) -> bool:
    """True when the page declares its article paid (JSON-LD ``isAccessibleForFree: false``)
    and shows only part of it: the paid part it names (``hasPart`` … ``cssSelector``) is in
    the page but nearly empty, or, with no such part in the page, the body is under
    PARTIAL_LETTERS (sites name parts that scripts fill later, and serve whole articles
    outside them)."""
    paid = [o for o in jsonld if _not_free(o.get("isAccessibleForFree"))]
    if not paid:
        return False
    selectors = []
    for obj in paid:
        parts = obj.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts]:
            if isinstance(part, dict) and _not_free(part.get("isAccessibleForFree")) \
                    and isinstance(part.get("cssSelector"), str):
                selectors.append(part["cssSelector"])
    parts = [el for s in selectors for el in _select(tree, s)]
    if not parts:
        return body_letters < PARTIAL_LETTERS
    return sum(_letters([el.text_content()]) for el in parts) < PAID_PART_LETTERS
