"""HTML page → body paragraphs, metadata and comments.

Body: trafilatura (``fast`` mode: its readability/jusText fallback lowers F1 on the dev set).
The ``favor_precision`` pass runs first; when its text looks cut short the balanced pass runs
too and wins if the precise one lost much of the text. A readability-style "densest <p> block"
(hand-written: a few lines over the lxml tree, cheaper than running a second extractor library)
and then JSON-LD ``articleBody`` replace the result when they clearly extend the same article;
when the result still reads as page chrome, the best-scoring of the three wins
(:mod:`diurna.page.quality`). Short furniture lines are dropped. Comments are cut from the tree
*before* extraction so they can never reach the body.

Metadata: read from ``<meta>`` tags, ``<link rel=canonical>`` and JSON-LD directly, dates with
htmldate's quick search. Written by hand because trafilatura's own metadata pass costs about as
much as the body extraction itself on the dev set (mostly author and htmldate's extensive search)
and we must stay within 1.3x trafilatura's time.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.settings import Extractor
from trafilatura.utils import is_dubious_html, repair_faulty_html

from diurna.model import Rejected
from diurna.page.blocks import (
    SENTENCE_CLOSE,
    BlockIndex,
    capitals_heads,
    drop_pull_quotes,
    index_blocks,
    next_element,
    norm,
    sets_weight,
    sort_lines,
)
from diurna.page.comments import html_comments, iter_jsonld, jsonld_comments, remove_elements
from diurna.page.furniture import (
    drop_furniture,
    element_of,
    teaser_apart,
    without_button_labels,
)
from diurna.page.layouts import (
    LOOSE_HOLDERS,
    SeveralArticles,
    collapse_blank_breaks,
    div_crosshead,
    gallery_captions,
    has_loose_text,
    key_points,
    live_entries,
    other_articles,
    paywalled,
    read_in_sentence,
    read_loose_text,
    strip_amp,
    unwrap_tables_and_posts,
)
from diurna.page.parts import PageParts
from diurna.page.quality import choose_body
from diurna.page.words import WORD as _WORD
from diurna.page.words import forget, vocabulary, word_count

#: page dates before this are placeholders, not publication dates
MIN_DATE = dt.date(1990, 1, 1)
#: keep the favor_precision extraction if it kept at least this share of the balanced one's words
PRECISION_KEEP = 0.6
#: the densest <p> block (then JSON-LD articleBody) replaces the text if it has this many times
#: the words
DENSE_RATIO = 1.5
#: a precise extraction this long (in words) is trusted without running the balanced pass
PRECISE_ENOUGH = 100
#: above this many elements only the balanced pass runs (keeps huge pages near trafilatura's time)
SINGLE_PASS_ELEMENTS = 20_000
#: pages with more elements are refused: trafilatura's time grows with them (~5 s per 60,000 on
#: the shared dev machine); the largest of the 115 dev pages has about 1,600
MAX_ELEMENTS = 60_000
#: libxml2 stops nesting elements at 256 levels; content deeper than that is lost
MAX_DEPTH = 250

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "report",
                  "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
                  "webpage", "liveblogposting", "scholarlyarticle", "techarticle", "posting"}
#: a person's name: two to four words, each starting with a letter ("Roman Goncharenko"; case
#: is not checked)
_PERSON = re.compile(r"^(?:[^\W\d_][\w'.-]*\s+){1,3}[^\W\d_][\w'.-]*$")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "publication_date", "date",
                   "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                   "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime")
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                 "dcterms.modified", "lastmod")


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    text = re.sub(r"\s+", " ", htmllib.unescape(text)).strip()  # JSON-LD often holds entities
    return text or None


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {i.lower() for i in items if isinstance(i, str)}


def _names(value: Any, nodes: dict[str, dict[str, Any]] | None = None) -> str | None:
    """The names in an author value: a string, a list, or an object with ``name``,
    ``givenName``/``familyName`` or only an ``@id`` that points at a node of the page's
    JSON-LD (``nodes``, by ``@id``: WordPress's Yoast SEO writes the article's author so,
    the Person in the ``@graph`` beside it)."""
    if isinstance(value, list):
        names = [n for n in (_names(v, nodes) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and isinstance(value.get("familyName"), str):
            name = f"{value.get('givenName') or ''} {value['familyName']}"
        ref = value.get("@id")
        if name is None and nodes and isinstance(ref, str) and nodes.get(ref) is not value:
            return _names(nodes.get(ref), None)
        return _clean(name)
    name = _clean(value)
    return None if name is None or name.startswith("http") or _EMAIL.search(name) else name


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _site_keys(site: str | None, url: str | None) -> set[str]:
    """The site's name and domain, letters and digits only ("golemde", "golem", ...)."""
    keys = {_alnum(site)} if site else set()
    host = re.sub(r"^www\d?\.", "", urlsplit(url or "").hostname or "")
    if host:
        keys.add(_alnum(host))
        keys.add(_alnum(host.rsplit(".", 1)[0]))
    return {k for k in keys if len(k) >= 2}


def _is_site(name: str | None, site: str | None, url: str | None) -> bool:
    """``name`` is the publication itself (its site name or domain), not a person."""
    if not name or re.search(r"[,;/&]", name):
        return False  # several names: people (perhaps with the publication among them)
    keys = _site_keys(site, url)
    bracket = re.search(r"\(([^)]*)\)\s*$", name)
    if bracket and any(len(k) >= 3 and k in _alnum(bracket.group(1)) for k in keys):
        return True  # "Deutsche Welle (www.dw.com)": the publication with its own domain
    key = _alnum(name)
    return bool(key) and any(key == k or (len(k) >= 3 and k in key and len(key) <= len(k) + 12)
                             for k in keys)


_TITLE_TAIL = re.compile(r"^(?P<head>.+?)\s+[|\-–—·:]{1,2}\s+(?P<tail>[^|–—·]{1,60})$")
_DATE_TAIL = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$|^\d{4}-\d{2}-\d{2}$")


def clean_title(title: str | None, h1: str | None, site: str | None, url: str | None) -> str | None:
    """The headline without the site's name or a date appended to it ("Title | Site",
    "Title - site.de", "Title | DW | 28.04.2023"); when the page's ``<h1>`` is the title's
    first part, followed by a separator, the ``<h1>`` (the rest is a section or site label)."""
    if not title:
        return title
    if h1 and len(h1) < len(title) and title.startswith(h1) \
            and re.match(r"\s+[|\-–—·]", title[len(h1):]):
        return h1
    for _ in range(3):
        m = _TITLE_TAIL.match(title)
        tail = m.group("tail").strip() if m else ""
        if not m or not (_is_site(tail, site, url) or _DATE_TAIL.match(tail)):
            break
        title = m.group("head").strip()
    return title


def _iso_day(value: Any) -> str | None:
    """``YYYY-MM-DD`` of an ISO timestamp, if it is a real, plausible date (CMSs write
    placeholders such as 0001-01-01)."""
    text = _clean(value)
    m = _ISO_DAY.match(text) if text else None
    if not m:
        return None
    try:
        day = dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None
    if not MIN_DATE <= day <= dt.date.today() + dt.timedelta(days=2):
        return None
    return m.group(1)


def _meta_map(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _capitalised_name(text: str) -> bool:
    """A person's name as bylines print it: :data:`_PERSON`, every word capitalised."""
    return bool(_PERSON.match(text)) and all(w[0].isupper() for w in text.split())


#: a name in a script without spaces or capitals (Japanese, Chinese, Korean): short, no digits
_UNSPACED_NAME = re.compile(r"^[^\W\d_a-zA-Z]{2,6}$")


#: a news agency's name is capitalised like a person's ("Anadolu Ajansı", "Agence France-Presse")
_AGENCY = re.compile(r"agentur|\bagen(?:cy|ce|cia|zia)\b|\bajans[ıi]?\b|\bassociated press\b"
                     r"|\bpress association\b|\bnews agency\b", re.I)


def _names_person(byline: str, site: str | None, url: str | None) -> bool:
    """Some name in ``byline`` is a person's: two to four capitalised words (or a short name
    in a script without spaces) that are not the publication."""
    for name in re.split(r"\s*[,;]\s*", byline):
        if _is_site(name, site, url):
            continue
        if _AGENCY.search(name):
            continue
        if _capitalised_name(name) or _UNSPACED_NAME.match(name):
            return True
    return False


_WRITTEN_BY = re.compile(r"^(written by|verfasst von|geschrieben von|autor(in)?|author|"
                         r"écrit par|escrito por|scritto da)$", re.I)


def name_alone(text: str | None, site: str | None, url: str | None) -> str | None:
    """``text`` when it is nothing but a person's name (two to four capitalised words, not the
    publication): a description that holds only the writer's name ("MTHOBISI SITHOLE") is
    where the CMS put the byline, and it beats the account the head names as author."""
    text = _clean(text)
    if not text or not _capitalised_name(text) or _is_site(text, site, url):
        return None
    return text


def _written_by(meta: dict[str, str]) -> str | None:
    """The author in the Twitter card's label/data pairs ("Written by" → name) that WordPress
    SEO plugins write (``twitter:label1``/``twitter:data1``, ``twitter:misc:Written by``)."""
    for key, value in meta.items():
        if key.startswith("twitter:misc:") and _WRITTEN_BY.match(key[13:].strip()):
            return _names(value)
        if key.startswith("twitter:label") and _WRITTEN_BY.match(value.strip()):
            return _names(meta.get("twitter:data" + key[13:]))
    return None


def _organisations_only(value: Any) -> bool:
    """The JSON-LD ``author`` names organisations only (``"@type": "Organization"``); when
    that organisation is the publication, it is the CMS's default credit, weaker than a credit
    in the page's meta tags (ntv.com.tr: Organization "NTV" beside
    ``<meta name="articleAuthor">`` "Anadolu Ajansı")."""
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(isinstance(v, dict) and "organization" in _types(v) for v in items)


def _url_value(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    text = _clean(value)
    return text if text and text.startswith("http") else None


def metadata(tree: Any, page: PageParts, url_hint: str | None,
             jsonld: list[dict[str, Any]]) -> None:
    """Fill title, dek, byline, dates, site, canonical URL and language hint from the page head."""
    meta = _meta_map(tree)
    art = next((o for o in jsonld if _types(o) & _ARTICLE_TYPES and o.get("headline")), None) \
        or next((o for o in jsonld if _types(o) & _ARTICLE_TYPES), {})
    h1 = next((el for el in tree.iter("h1")), None)
    h1_text = _clean(h1.text_content()) if h1 is not None else None
    title_el = tree.find(".//title")
    publisher = art.get("publisher")
    page.site = (_clean(meta.get("og:site_name"))
                 or (_names(publisher) if isinstance(publisher, dict | list) else None)
                 or _clean(meta.get("application-name")))
    canonical = next((el.get("href") for el in tree.iter("link")
                      if "canonical" in (el.get("rel") or "").lower().split() and el.get("href")),
                     None)
    page.url = (_url_value(canonical) or _url_value(meta.get("og:url"))
                or _url_value(art.get("url")) or _url_value(art.get("mainEntityOfPage"))
                or url_hint)
    title = (_clean(art.get("headline")) or _clean(meta.get("og:title"))
             or _clean(meta.get("twitter:title")) or h1_text
             or (_clean(title_el.text_content()) if title_el is not None else None))
    page.title = clean_title(title, h1_text, page.site, page.url)
    page.dek = (_clean(meta.get("og:description")) or _clean(meta.get("description"))
                or _clean(meta.get("twitter:description")) or _clean(art.get("description")))
    page.dek_cut = _cut_short(page.dek, (meta.get("og:description"), meta.get("description"),
                                         meta.get("twitter:description"), art.get("description")))
    nodes = {o["@id"]: o for o in jsonld if isinstance(o.get("@id"), str)}
    ld_author = _names(art.get("author"), nodes)
    org_author = ld_author if _organisations_only(art.get("author")) and ld_author and (
        _is_site(ld_author, page.site, page.url) or _alnum(ld_author) == _alnum(
            _names(publisher) or "")) else None
    bylines = [b for b in (None if org_author else ld_author, _names(meta.get("author")),
                           _names(meta.get("article:author")), _names(meta.get("parsely-author")),
                           _names(meta.get("sailthru.author")), _names(meta.get("dc.creator")),
                           _names(meta.get("cxenseparse:author")),
                           _names(meta.get("articleauthor")), _written_by(meta), org_author) if b]
    page.head_authors = tuple(dict.fromkeys(bylines))
    # a person named anywhere in the head beats the publication named as author first
    page.byline = name_alone(page.dek, page.site, page.url) or next(
        (b for b in bylines if _names_person(b, page.site, page.url)),
        bylines[0] if bylines else None)
    published = _iso_day(art.get("datePublished")) or next(
        (d for d in (_iso_day(meta.get(k)) for k in _PUBLISHED_META) if d), None)
    if published is None:
        for el in tree.iter("time"):
            if el.get("pubdate") is not None or "published" in (el.get("class") or ""):
                published = _iso_day(el.get("datetime"))
                if published:
                    break
    if published:
        page.published, page.published_source = published, "metadata"
    else:
        try:  # htmldate's quick search: URL, headers, visible date patterns
            found = find_date(tree, url=page.url, extensive_search=False, original_date=True)
        except Exception:  # htmldate has failed on odd trees; a date is optional
            found = None
        if found:
            page.published, page.published_source = found, "htmldate"
    page.updated = _iso_day(art.get("dateModified")) or next(
        (d for d in (_iso_day(meta.get(k)) for k in _UPDATED_META) if d), None)
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("xml:lang") or meta.get("og:locale") \
        or meta.get("content-language") or _clean(art.get("inLanguage"))
    page.lang_hint = lang.split("-")[0].split("_")[0].lower() if isinstance(lang, str) else None


# Short lines that are page furniture, not article text (checked on lines of <= 25 words).
_FURNITURE = re.compile(
    r"^(-\s*)?(tags?|comments?|share( this)?( article| story)?|print( article)?|order reprints|"
    r"advertisement|anzeige|werbung|publicité|publicidad|pubblicità|"
    r"related( articles| stories| posts)?|read more|thank you|"
    r"tell us what you think|"
    # the comment, follow and share buttons' labels of Chinese and Japanese pages
    r"评论|关注|分享|コメント|シェア|フォロー)\W*\s*:?$"
    r"|(copyright\s*(©|\(c\)|\d{4})|all rights reserved)"
    r"|an error has occurred|please try again later"
    r"|(sign up|subscribe)\b.{0,60}\bnewsletters?\b|delivered (right )?to your inbox"
    r"|^like this (story|article)\?|\bclick here\b"
    r"|^(read more|related( posts?| articles?| stories)?|see also|also on [\w.]+|more)\s*:"
    r"|^(you may also like|don'?t miss|most read\b.*|recommended( for you)?)\W*$"
    r"|^follow\b.{0,80}\b(twitter|facebook|instagram|youtube|linkedin|whatsapp|telegram"
    r"|google news|threads|tiktok|bluesky)\b|^filed under\b"
    # where an ad or a player sits in the article, and what a page without its scripts says:
    # "Story continues below advertisement", "Weiter nach der Anzeige", "Listen to this
    # article · 4 min", "Please enable JavaScript …", "This video can not be played"
    r"|^(the )?(story|article|text) continues (below|after)"
    r"( (the |this )?(ad|advert|advertisement))?\W*$|^weiter nach der (anzeige|werbung)"
    r"|^listen to (this|the) (article|story)\b|\benable javascript\b"
    r"|^(this|the) video (can ?not|can't|could not) be (played|loaded)"
    r"|^(reading time|tempo de leitura|lesezeit|temps de lecture)\b|^\d+\s*min(ute)?s?\s+read$"
    r"|^\[\w+[^\]]*\].*\[/\w+\]$",
    re.I)


def _same_text(a: str, b: str | None) -> bool:
    """``a`` repeats ``b`` (the title or the description): equal, or the same words nearly
    all (>= 90 % of each side's word set; sites trim or extend the description slightly)."""
    if not b:
        return False
    wb = set(_WORD.findall(b.casefold()))
    if not wb:
        return False
    # a's words are read only while they can still be >= 90 % common with b's: a has at most
    # len(wb) / 0.9 distinct words then (a page-long line stops after a few hundred words)
    most = len(wb) / 0.9
    wa: set[str] = set()
    for m in _WORD.finditer(a.casefold()):
        wa.add(m.group())
        if len(wa) > most:
            return False
    if not wa:
        return False
    common = len(wa & wb)
    return common >= 0.9 * len(wa) and common >= 0.9 * len(wb)


def _at_most_words(text: str, n: int) -> bool:
    """``len(text.split()) <= n``, splitting off no more than n + 1 parts."""
    return len(text.split(None, n)) <= n


#: headings (headline, kicker, a screen reader's "main content") looked past for a standfirst
HEADINGS_ABOVE = 3


def clean_paragraphs(paragraphs: list[str], title: str | None, dek: str | None = None,
                     blocks: BlockIndex | None = None, tree: Any = None,
                     byline: str | None = None, dek_cut: bool = False,
                     head_authors: tuple[str, ...] = ()) -> list[str]:
    """Drop furniture lines and leading repeats of the title, and of the
    description when the page marks that line as a teaser/summary or prints it in a box of its
    own above the article (``tree`` given; it is kept as ``dek``, not as body text; many sites
    copy their first paragraph into the description, and that one stays among its siblings)."""
    out = drop_furniture([p for p in paragraphs
                          if not (_at_most_words(p, 25) and _FURNITURE.search(p))], byline,
                         head_authors)
    # the page's own headline, also when the title comes from a source worded otherwise
    # (a JSON-LD headline for search engines above an ``<h1>`` written for readers)
    headline = h1_text(tree) if tree is not None else None
    while out and (_same_text(out[0], title) or _same_text(out[0], headline)
                   or _standfirst(out, 0, dek, blocks, tree, dek_cut)):
        out.pop(0)
    # the headline a few lines down, under an opening the extractor put above it
    if headline and any(_same_text(line, headline) for line in out[1:HEADINGS_ABOVE + 1]):
        out = out[:1] + [line for line in out[1:HEADINGS_ABOVE + 1]
                         if not _same_text(line, headline)] + out[HEADINGS_ABOVE + 1:]
    # the standfirst under a headline line the page repeats in its own words (a kicker run
    # into the title: "USA stoppen Schattentanker Acht Namen, vier Flaggen …"), or under
    # that and a hidden "Hauptinhalt" heading
    if blocks is not None:
        first = next((i for i, line in enumerate(out[:HEADINGS_ABOVE + 1])
                      if "heading" not in blocks.of(line)), 0)
        if (first and _standfirst(out, first, dek, blocks, tree, dek_cut)) \
                or _weighted_opening(out, first, blocks, tree):
            out.pop(first)
    return out


#: leading lines looked at by :func:`drop_above_headline`
ABOVE_HEADLINE = 3


def h1_text(tree: Any) -> str | None:
    """The words of the page's first ``<h1>``, spaces collapsed; None without one."""
    h1 = next(tree.iter("h1"), None)
    return " ".join(h1.text_content().split()) if h1 is not None else None


def _h1_prints_title(tree: Any, title: str | None) -> bool:
    """Whether the page's first ``<h1>`` prints the title (one holds the other's words): a logo
    or section name in an ``<h1>`` says nothing about where the article starts."""
    text = h1_text(tree)
    if not text or not title:
        return False
    text, want = text.casefold(), title.casefold()
    return text in want or want in text


def drop_above_headline(lines: list[str], blocks: BlockIndex, tree: Any,
                        title: str | None) -> list[str]:
    """Leave out the body's leading lines that the page prints only above its headline (a
    section label, a teaser card of the page header), when the line after them is printed
    below the headline: the article starts under its headline, so those lines are the
    page's, not the article's. A body printed wholly above its ``<h1>`` is left alone."""
    if len(lines) < 2 or norm(lines[0]) not in blocks.above or not _h1_prints_title(tree, title):
        return lines
    first = 0
    while first < min(ABOVE_HEADLINE, len(lines) - 1) and norm(lines[first]) in blocks.above \
            and norm(lines[first]) not in blocks.below:
        first += 1
    return lines[first:] if first and norm(lines[first]) in blocks.below else lines


def _weighted_opening(lines: list[str], i: int, blocks: BlockIndex, tree: Any) -> bool:
    """``lines[i]``, the article's opening, is a standfirst set apart by its weight: its own
    class sets it in bold or medium ("font-sans font-medium") and the paragraph after it, its
    sibling, is not. A whole article set in one weight, or an opening with no paragraph
    beside it, says nothing."""
    if tree is None or i + 1 >= len(lines) or "weight" not in blocks.of(lines[i]) \
            or "heading" in blocks.of(lines[i]):
        return False
    lead, after = element_of(tree, lines[i]), element_of(tree, lines[i + 1])
    return lead is not None and after is not None and after.tag == "p" \
        and lead.getparent() is after.getparent() and not sets_weight(after)


#: the writer's name closing a description ("… gegen Verantwortliche? Von Christin Jordan.")
_DEK_BYLINE = re.compile(r"(?<=[.!?])\s+(Von|By|Par|Por|Di|Av|Door|Af|Od)\s+[^.!?]{2,60}\.?$")
_SENTENCE_END = frozenset(".!?\"»“”'’)")
#: the mark a CMS leaves where it cut the description short ("… dėl...", "… im&hellip;")
_CUT_MARK = re.compile(r"\s*(\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
#: a description this short says too little for a line that begins with it to be its repeat
DEK_PREFIX_WORDS = 12


def _cut_short(dek: str | None, copies: Iterable[Any]) -> bool:
    """One of the page's copies of the description ``dek`` ends in the mark of a cut ("…",
    "..."): the CMS cut it short, also where another copy stops at the same word with no mark
    (og:description "… gewählt. Er", JSON-LD "… gewählt. Er tritt … im&hellip;")."""
    if not dek:
        return False
    opening = _WORD.findall(dek.casefold())[:DEK_PREFIX_WORDS]
    for copy in copies:
        text = _clean(copy) if isinstance(copy, str) else None
        if text and _CUT_MARK.search(text) \
                and _WORD.findall(text.casefold())[:len(opening)] == opening:
            return True
    return False


def _repeats_description(line: str, dek: str | None, cut: bool = False) -> bool:
    """``line`` repeats the description: the same words (``_same_text``), also once a
    closing "Von <name>." is cut from the description, or the line begins with the whole
    description and goes on (a standfirst whose last sentence the description leaves out),
    or with the whole of a description the CMS cut short (``cut``, or a "…" closing it)."""
    if not dek:
        return False
    unsigned = _DEK_BYLINE.sub("", dek)
    if _same_text(line, dek) or (unsigned != dek and _same_text(line, unsigned)):
        return True
    # a description cut short by the CMS ("… gewählt. Er") is no whole description: the
    # line it was cut from is the article's first paragraph on some sites, a standfirst on others
    # -- unless the CMS says it cut it ("… dėl..."): then the line it was cut from repeats it
    mark = _CUT_MARK.search(unsigned)
    if mark or cut:
        kept = _WORD.findall(unsigned[:mark.start() if mark else None].casefold())[:-1]
        said = _WORD.findall(line.casefold())
        return len(kept) >= DEK_PREFIX_WORDS and said[:len(kept)] == kept
    whole = unsigned.rstrip()[-1:] in _SENTENCE_END
    return whole and not _at_most_words(unsigned, DEK_PREFIX_WORDS) and \
        " ".join(line.split()).casefold().startswith(" ".join(unsigned.split()).casefold())


def _standfirst(lines: list[str], i: int, dek: str | None, blocks: BlockIndex | None,
                tree: Any, dek_cut: bool = False) -> bool:
    """``lines[i]`` repeats the description and the page marks it as a teaser/summary or
    prints it in a box of its own, apart from the paragraph after it."""
    line = lines[i]
    return _repeats_description(line, dek, dek_cut) and (
        (blocks is not None and "summary" in blocks.of(line))
        or (tree is not None and len(lines) > i + 1 and teaser_apart(tree, line, lines[i + 1])))


#: (each walks the attribute axis, so only elements carrying the attribute are tested: the
#: same elements in document order as ``//*[@itemprop="author"]`` etc., at about 60% of the cost)
_BYLINE_XPATHS = (
    '//@itemprop[. = "author"]/../descendant::*[@itemprop = "name"]',
    '//@rel[. = "author"]/..',
    '//@itemprop[. = "author"]/..',
    '//@class[contains(., "byline")]/../descendant::*[contains(@class, "author") '
    'or contains(@class, "name")]',
    '//@class[contains(., "byline")]/..',
    # "author" first: a cheap test that every match passes, before the word tests
    '//@class[contains(., "author")]'
    '[contains(concat(" ", normalize-space(.), " "), " author-name ")'
    ' or contains(concat(" ", normalize-space(.), " "), " author ")]/..',
)
_BY = re.compile(r"^(by|written by|von|par|por|di)\s*:?\s+", re.I)


#: any element whose class names an author (``authorname``, ``metaInfoAuthorList``,
#: ``authors__list-item``): looked at last, and only a person's name is taken from it
_ANY_AUTHOR_XPATH = '//@class[contains(., "uthor")]/..'  # in document order: outer boxes first


#: a link to an author's page (``/autor/``, ``/autoren/``, ``/author/``, ``/authors/``)
_AUTHOR_LINK_XPATH = '//a/@href[contains(., "/aut")]/..'
_AUTHOR_PAGE = re.compile(r"/(autor|autoren|author|authors)/", re.I)
_INITIALS = re.compile(r"\s*\([\w.]{1,6}\)(?=\s*(,|$))")


def _is_stamp(el: Any) -> bool:
    """A ``<time>`` element or one whose class names a date or time (``datetime``,
    ``post-date``): the byline box's date stamp, not part of a name."""
    cls = el.get("class") or ""
    return el.tag == "time" or "date" in cls or "time" in cls


def _text_without_stamps(el: Any) -> str:
    """``el``'s text with the text of its date/time stamps left out (their tails kept), so
    "by Jeff Foust<br><span class="datetime">Monday, …</span>" gives the name alone."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not _is_stamp(child):
            out.append(_text_without_stamps(child))
        out.append(child.tail or "")
    return "".join(out)


def _byline_text(el: Any) -> str | None:
    """A byline element's text: several names in their own elements ("<span>A B</span>
    <span>C D</span>") joined by commas, not run together; a "By"/"Von:" label and the box's
    date stamp dropped."""
    parts = [_clean(c.text_content()) for c in el.iter()
             if c is not el and isinstance(c.tag, str) and len(c) == 0 and not _is_stamp(c)]
    found = [n for n in (_BY.sub("", p).strip(" ,|:") for p in parts if p) if n]
    names = [n for n in found if not _link_label(n)]
    if names and (len(found) >= 2) and all(_PERSON.match(n) for n in names):
        return ", ".join(dict.fromkeys(names))
    name = _clean(_text_without_stamps(el) if len(el) else el.text_content())
    return _BY.sub("", name).strip(" ,|:") if name else None


_AUTHOR_LABEL = re.compile(r"^(autor(in)?(\s*/\s*autor(in)?)?|author|authors|written by|"
                           r"verfasst von|text)\s*:?$", re.I)


#: a short text node ending in a colon: where a "Von:"/"By:" label may open a byline box
_COLON_TEXT_XPATH = etree.XPath(
    '//text()[contains(., ":")][string-length(normalize-space(.)) < 12]')
_BY_LABEL = re.compile(r"^(by|von|par|por|di|av|door|autor(in)?|author|text)\s*:$", re.I)


def _by_label_list(tree: Any) -> str | None:
    """People named in the elements after a "Von:"/"By:" label that opens an element's own
    text ("<li>Von: <a>Bill MCCARTHY</a>, <a>Marisha GOLDHAMER</a></li>"): fact-checkers'
    and agencies' pages list their writers so, with no author markup."""
    for text in _COLON_TEXT_XPATH(tree):
        if getattr(text, "is_text", False) and _BY_LABEL.match(text.strip()):
            box = text.getparent()
            names = _byline_text(box) if len(box) else None
            if names and len(names) <= 120 and _names_person(names, None, None):
                return names
    return None


def _labelled_byline(tree: Any) -> str | None:
    """A person's name right after a label element ("<strong>Autorin/Autor</strong> Roman
    Goncharenko", "<dt>Author</dt><dd>…</dd>"): the label's tail, else its next sibling;
    else the names after a label opening an element's text (``_by_label_list``)."""
    for el in tree.iter("strong", "b", "dt", "th", "label"):
        if not el.text or len(el.text) > 20 or not _AUTHOR_LABEL.match(el.text.strip()):
            continue
        after = _clean(el.tail)
        if not after:
            nxt = el.getnext()
            after = _clean(nxt.text_content()) if nxt is not None else None
        if after and len(after) <= 80 and _names_person(after, None, None):
            return after
    return _by_label_list(tree)


def visible_byline(tree: Any, skip: str | None = None) -> str | None:
    """Author named in the page body (rel=author, itemprop=author, .byline, .author; then any
    element whose class names an author, if it holds a person's name), for pages whose head
    does not name one; never the name ``skip``. Run after comments are cut, so no commenter
    is taken."""
    for xpath in _BYLINE_XPATHS:
        for el in tree.xpath(xpath)[:3]:
            name = _byline_text(el)
            if name and 2 < len(name) <= 80 and len(name.split()) <= 8 \
                    and not name.startswith("http") and name != skip:
                return name
    labelled = _labelled_byline(tree)
    if labelled and labelled != skip:
        return labelled
    links = [a for a in tree.xpath(_AUTHOR_LINK_XPATH) if _AUTHOR_PAGE.search(a.get("href"))]
    for el in tree.xpath(_ANY_AUTHOR_XPATH)[:5] + links[:3]:
        name = _byline_text(el)
        if name and len(name) <= 80 and _names_person(name, None, None) and name != skip:
            return name
    beside = name_beside_date(tree)
    return beside if beside != skip else None


#: a date as pages print it by the byline: 05.04.2025, 5/4/2025, 2025-04-05
_PRINTED_DATE = re.compile(r"^\W*(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
_FOLLOWING = etree.XPath("following::*[position() <= 40]")


def name_beside_date(tree: Any) -> str | None:
    """A person's name alone in an element just under the headline whose next sibling is
    the printed date ("<span>Sehernur Karsu |</span><span>05.04.2025</span>"): the byline
    line of pages that mark neither the name nor the date. Only the 40 elements after the
    first ``<h1>`` are looked at."""
    h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return None
    for el in _FOLLOWING(h1):
        if len(el) or not el.text:
            continue
        nxt = el.getnext()
        if nxt is None or not _PRINTED_DATE.match(nxt.text_content()):
            continue
        name = _clean(el.text)
        name = _BY.sub("", name).strip(" |·-–,\xa0") if name else None
        if name and name_alone(name, None, None):
            return name
    return None


#: an editor's credit in an author box ("Editor : Heryadi", "Redaktion: Theresa Bäuerlein")
_EDITOR_CREDIT = re.compile(r"^(editor|redaktion|redakteur(in)?|penyunting|editado por)\s*:\s*"
                            r"(?P<name>.+)$", re.I)


#: the elements marked as an author (``rel=author``) or with a class containing "uthor", in
#: document order, found in one pass for ``credited_as_editor`` and ``co_authors`` (each pass
#: over a large page costs ~1 ms); walking the attribute axis tests only elements that have the
#: attribute (a third cheaper than ``contains(@class, …)`` on every element, same elements)
_AUTHORISH_XPATH = '//@class[contains(., "uthor")]/.. | //@rel[. = "author"]/..'


def credited_as_editor(authorish: list[Any], name: str) -> bool:
    """``name`` is credited as the article's editor in an author box (``authorish``: the
    page's elements from ``_AUTHORISH_XPATH``): the head's CMS often names the desk editor who
    published the piece, not its writer."""
    boxes = [el for el in authorish if "uthor" in (el.get("class") or "")]
    for el in boxes[:10]:
        m = _EDITOR_CREDIT.match(_clean(el.text_content()) or "")
        if m and m.group("name").strip() == name:
            return True
    return False


#: people marked as authors, below the element the XPath is run on
_AUTHOR_MARKED_XPATH = './/*[@rel="author"] | .//*[@itemprop="author"]//*[@itemprop="name"]'


def co_authors(authorish: list[Any], byline: str) -> str:
    """``byline`` (one person, from the head) with the other people marked as authors
    (``rel=author``/``itemprop=author``) in the same small byline box as the ``rel=author``
    element naming that person (``authorish``: the page's elements from
    ``_AUTHORISH_XPATH``): heads often name only the first of several writers the page
    prints. Authors marked elsewhere (a related article's, a comment's) are not in that box
    and stay out."""
    key = byline.casefold()
    own = next((el for el in authorish if el.get("rel") == "author"
                and (_byline_text(el) or "").casefold() == key), None)
    box = own
    for _ in range(5):
        box = box.getparent() if box is not None else None
        if box is None or len(box.text_content()) > 300:
            return byline
        names = [byline]
        for el in box.xpath(_AUTHOR_MARKED_XPATH):
            name = _byline_text(el)
            # the same name with a label run on ("Nicole OpitzRedakteurin") is no second author
            if name and _PERSON.match(name) and not any(
                    name.casefold().startswith(n.casefold()) for n in names):
                names.append(name)
        if len(names) >= 2:
            return ", ".join(names)
    return byline


#: words of a link beside an author's name ("View More Articles", "All posts", "Follow")
_LINK_WORDS = frozenset({"view", "more", "all", "articles", "posts", "stories", "follow",
                         "profile", "contact", "read", "see", "bio", "email"})
#: a part of a byline that is the writer's job ("AP Auto Writer", "Staff Reporter",
#: "Senior Correspondent") or an academic or professional credential ("PhD", "MS, RDN")
_JOB = re.compile(r"^(\w+\s+){0,3}(writer|reporter|correspondent|columnist|contributor|"
                  r"editor|redakteur(in)?|korrespondent(in)?)$"
                  r"|^(ph\.?d|m\.?d|ms|msc|ma|mba|mph|bsc|rdn?|rn|cpt|cscs|jd)\.?$", re.I)


def _link_label(text: str) -> bool:
    """``text`` is a link's label, not a name: at least two of its words are link words."""
    return sum(w.casefold() in _LINK_WORDS for w in text.split()) >= 2


def clean_byline(byline: str | None) -> str | None:
    """A byline without a "By"/"Von:" label, authors' initials in brackets ("Corina Gall (cog.)"
    → "Corina Gall"; Swiss and German papers add the writer's short code), and without the
    parts after a name that are the writer's job or credentials or a link's label ("By TOM
    KRISHER, AP Auto Writer" → "TOM KRISHER"; "Ilana Muhlstein, MS, RDN" → "Ilana
    Muhlstein"); a bare number (a CMS account id, "105092") is no byline."""
    if not byline:
        return byline
    cleaned = _BY.sub("", _INITIALS.sub("", byline).strip())
    parts = [p.strip() for p in cleaned.split(",")]
    kept = [p for p in parts if p and not _JOB.match(p) and not _link_label(p)]
    if kept and len(kept) < len(parts) and _PERSON.match(kept[0]):
        cleaned = ", ".join(kept)
    return None if not cleaned or cleaned.replace(" ", "").isdigit() else cleaned


def closing_name(paragraphs: list[str], blocks: BlockIndex) -> str | None:
    """A person's name alone on the body's last line (sites that sign articles at the end,
    often in bold: "Lê Phương"): two to four capitalised words, no digits, no ``h1``-``h6``."""
    if len(paragraphs) < 2:
        return None
    last = paragraphs[-1].strip()
    words = last.split()
    if not 2 <= len(words) <= 4 or "heading" in blocks.of(last) or not _capitalised_name(last):
        return None
    return last


def _without_site(byline: str, site: str | None, url: str | None) -> str:
    """A byline without the names in it that are the publication ("David Straub, MDR
    THÜRINGEN" → "David Straub") or a description (over five words: "professor of … at …"),
    when a person's name remains."""
    names = [n.strip() for n in re.split(r"\s*[,;]\s*", byline) if n.strip()]
    people = [n for n in names if not _is_site(n, site, url) and len(n.split()) <= 5]
    if len(people) < len(names) and _names_person(", ".join(people), site, url):
        return ", ".join(people)
    return byline


def _lines(text: str | None) -> list[str]:
    return [ln.strip() for ln in (text or "").split("\n") if ln.strip()]


_DENSE_CHILDREN = frozenset({"p", "h2", "h3", "h4", "ul", "ol", "blockquote"})


def densest_block(tree: Any) -> list[str]:
    """Readability-style candidate: the element holding the most words of ``<p>`` text, joined
    with its same-class siblings elsewhere on the page (articles split into several containers
    around ads), as paragraphs of their direct p/heading/list children."""
    scores: dict[Any, int] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + word_count(p.text_content())
    if not scores:
        return []
    best = max(scores, key=lambda el: scores[el])
    cls = best.get("class")
    group = [el for el in scores if el.tag == best.tag and el.get("class") == cls] if cls \
        else [best]
    group.sort(key=lambda el: el.sourceline or 0)
    out = []
    for child in (c for el in group for c in el):
        if isinstance(child.tag, str) and child.tag in _DENSE_CHILDREN:
            # a list gives one line per item, as extractors give them (run together, a list
            # of links reads "… a virtuoso coderHow Facebook …" and is no link list any more)
            items = [li for li in child if li.tag == "li"] if child.tag in ("ul", "ol") else []
            for text in (_clean(el.text_content()) for el in items or [child]):
                if text:
                    out.append(text)
    return out


def _prefer_dense(paragraphs: list[str], dense: list[str]) -> list[str]:
    """``dense`` (the densest block, or the JSON-LD ``articleBody``) replaces the text so far
    when it has DENSE_RATIO times the words and holds 80 % of its vocabulary (so it extends
    the same article)."""
    if not dense or not paragraphs:
        return paragraphs
    n_ext, n_dense = _words(paragraphs), _words(dense)
    if not n_ext or n_dense < DENSE_RATIO * n_ext:
        return paragraphs
    ext = vocabulary(" ".join(paragraphs))
    if len(ext & vocabulary(" ".join(dense))) >= 0.8 * len(ext):
        return dense
    return paragraphs


_HTML_BLOCK = re.compile(r"<(p|br|div|h[1-6]|li)\b", re.I)


def jsonld_body(jsonld: list[dict[str, Any]]) -> list[str]:
    """Paragraphs of the first JSON-LD ``articleBody`` (some CMSs put HTML in it)."""
    text = next((o["articleBody"] for o in jsonld if isinstance(o.get("articleBody"), str)), "")
    if _HTML_BLOCK.search(text):
        try:
            frag = lxml.html.fragment_fromstring(text, create_parent="div")
        except (etree.ParserError, ValueError):
            return _lines(re.sub(r"<[^>]+>", " ", text))
        for br in frag.iter("br"):
            br.tail = "\n" + (br.tail or "")
        blocks = [el.text_content() for el in frag.iter("p", "h2", "h3", "h4", "li")]
        return [ln for b in blocks for ln in _lines(b)] or _lines(frag.text_content())
    return _lines(htmllib.unescape(text))


def _repeats_itself(lines: list[str]) -> bool:
    """True if over a fifth of the text's word 4-grams occur more than once (a body written
    twice over; real articles repeat very few 4-word runs)."""
    words = _WORD.findall(" ".join(lines))
    grams = [tuple(words[i:i + 4]) for i in range(len(words) - 3)]
    return bool(grams) and len(set(grams)) < 0.8 * len(grams)


def _words(paragraphs: list[str]) -> int:
    return sum(word_count(p) for p in paragraphs)


@lru_cache(maxsize=1)
def _passes() -> tuple[Extractor, Extractor]:
    """trafilatura's settings of the precise and the balanced pass, made once: ``extract``
    otherwise builds them at every call from its configuration file's parser (1-2 % of the
    page stage). The same settings as ``extract(tree, fast=True, include_comments=False,
    include_tables=True, deduplicate=False[, favor_precision=True])``; trafilatura reads
    them and never changes them (its recall retry changes a copy)."""
    return (Extractor(fast=True, precision=True, comments=False, tables=True, dedup=False),
            Extractor(fast=True, comments=False, tables=True, dedup=False))


def _balanced(tree: Any) -> list[str]:
    return _lines(trafilatura.extract(tree, options=_passes()[1]))


#: the elements trafilatura's precise pass deletes when empty, and with them the text that
#: follows them (``prune_html`` keeps no tails in precision mode, trafilatura 2.3.1)
_PRUNED_WHEN_EMPTY = ("b", "em", "i", "q", "span", "strong")


#: the block elements the precise pass deletes when empty, with the text after them (the
#: rest of ``CUT_EMPTY_ELEMS``, 2.3.1)
_PRUNED_BLOCKS = frozenset({"article", "blockquote", "dd", "div", "dt", "h1", "h2", "h3", "h4",
                            "h5", "h6", "li", "main", "p", "pre", "section"})
#: the elements :func:`keep_inline_text` looks at, in one walk of the tree
_WALKED = (*_PRUNED_WHEN_EMPTY, *sorted(_PRUNED_BLOCKS), "label", "time")
#: the walked elements :func:`~diurna.page.layouts.read_in_sentence` may read as words
_IN_SENTENCE = frozenset({"label", "q", "time"})


#: the class/id and style values for which trafilatura's precise pass deletes a ``span`` as a
#: page box ("link" and "…bottom" tokens, a border), the words inside with it (2.3.1,
#: ``PRECISION_DISCARD_XPATH``)
_DISCARDED_BOX = re.compile(r"(?:^|\s)(?:link|bottom\S*|\S*bottom)(?:\s|$)")
#: the words one of those values holds (a quick test before the exact one)
_BOX_WORDS = re.compile("link|bottom|border")


def _box_attributes(span: Any) -> list[str]:
    """The attributes of ``span`` that make trafilatura's precise pass delete it as a box."""
    found = [a for a in ("class", "id") if _DISCARDED_BOX.search(span.get(a) or "")]
    if "border" in (span.get("style") or ""):
        found.append("style")
    return found


def keep_inline_text(tree: Any) -> None:
    """Keep the words of running text that trafilatura's precise pass would delete.

    - The text that follows an empty inline element (an icon: ``<a><span class="icon">
      </span>Videomaterial aus …</a>``) moves onto the node before it: the pass deletes
      empty elements with what follows them.
    - A ``span`` inside a paragraph loses the class, id or style that the pass reads as a
      page box's ("<span class="link"><a>the league will fine him</a></span>", a border
      set in a word processor's style): a span in a paragraph is words of the sentence, and
      the pass deleted them, leaving "… has reported that for his role in the fight".

    - The same for an empty block element of the kinds the pass deletes (``div``, ``p``,
      ``li``, headings, …: ``_PRUNED_BLOCKS``): a spacer written into a heading
      (``<h2><strong><div class="spacer"></div>5 Tips to Enjoy Game D</strong>…``) took the
      words after it; only the precise pass deletes them (the balanced pass keeps tails).

    - In the same walk, a short line set in a ``div`` between two paragraphs becomes the
      crosshead it is (:func:`~diurna.page.layouts.div_crosshead`): both passes drop a
      text-only ``div``. Pages of over ``SINGLE_PASS_ELEMENTS`` elements skip this walk.

    - A ``time``, ``label`` or ``q`` inside a paragraph's sentence is read as its words
      (:func:`~diurna.page.layouts.read_in_sentence`): the pass deletes the first two with
      their words and breaks the line at the third.

    - A paragraph's white space between elements that holds a line break of the source is
      printed as one space (:func:`~diurna.page.layouts.collapse_blank_breaks`): where the
      pass deletes an icon between them, the break cut the sentence in two lines.

    - After the walk, a sentence standing loose in a ``div``, ``article`` or ``section``
      among paragraphs becomes a paragraph of its own
      (:func:`~diurna.page.layouts.read_loose_text`): the pass reads no text outside a
      ``<p>``.

    The page's words are unchanged, but for the quotation marks a browser prints around a
    ``q``; only which node holds them, white space, those attributes and some tags change."""
    loose = []
    for el in tree.iter(_WALKED):
        tag = el.tag
        if tag in _PRUNED_BLOCKS:
            # the cheap tests first: most blocks hold elements, and few are paragraphs
            if not len(el) and el.text is None:  # empty, as trafilatura's prune_html tests it
                tail = el.tail
                if tail and not tail.isspace():
                    _move_tail(el, block=True)
            elif tag == "p":  # a crosshead's div follows a paragraph: looked at from there
                collapse_blank_breaks(el)
                after = next_element(el)
                if after is not None and after.tag == "div":
                    div_crosshead(after)
            if tag in LOOSE_HOLDERS and has_loose_text(el):
                loose.append(el)
            continue
        if tag in _IN_SENTENCE:
            if read_in_sentence(el):
                tag = "span"
            elif tag != "q":  # a time or label the pass deletes whole, its tail kept
                continue
        if tag == "span" and _BOX_WORDS.search(
                f"{el.get('class', '')} {el.get('id', '')} {el.get('style', '')}"):
            boxed = _box_attributes(el)
            if boxed and next(el.iterancestors("p"), None) is not None:
                for name in boxed:
                    del el.attrib[name]
        tail = el.tail
        if not tail or tail.isspace() or el.text:  # "<em> </em>" is not pruned: a space
            continue
        if len(el) and any(not s.isspace() for s in el.itertext()):
            continue
        _move_tail(el)
    read_loose_text(loose)


def _move_tail(el: Any, block: bool = False) -> None:
    """Put the text after ``el`` onto the node before it (its previous sibling's tail, or its
    parent's text), so that deleting ``el`` deletes no words. After a ``block`` element the
    browser breaks the line: a space keeps the words on either side apart."""
    prev, parent = el.getprevious(), el.getparent()
    if parent is None:
        return
    before = (prev.tail if prev is not None else parent.text) or ""
    joined = before + (" " if block and before and not before[-1].isspace() else "") + el.tail
    if prev is not None:
        prev.tail = joined
    else:
        parent.text = joined
    el.tail = None


def _body(tree: Any, n_elements: int) -> list[str]:
    """Precise pass first; the balanced pass only when the precise text looks cut short.

    "Cut short": under PRECISE_ENOUGH words, or under half the words of the page's <p>
    elements. Then the balanced text wins if the precise one has < PRECISION_KEEP of its words.
    ``tree`` is left as it was, and the rest of the page stage reads it afterwards: trafilatura
    cleans a copy of the tree it is given (a test checks this, so a trafilatura upgrade that
    edits it in place is caught).
    """
    if n_elements > SINGLE_PASS_ELEMENTS:
        return _balanced(tree)
    keep_inline_text(tree)
    precise = _lines(trafilatura.extract(tree, options=_passes()[0]))
    n_pre = _words(precise)
    if n_pre >= PRECISE_ENOUGH:
        p_words = word_count(" ".join(tree.xpath("//p//text()")))
        if n_pre >= 0.5 * p_words:
            return precise
    balanced = _balanced(tree)
    if precise and n_pre >= PRECISION_KEEP * _words(balanced):
        return precise
    return balanced


#: the nodes ``tree.iter()`` yields (elements, comments, processing instructions), counted in C
_COUNT_NODES = etree.XPath(
    "count(descendant-or-self::*|descendant::comment()|descendant::processing-instruction())")


def _count_nodes(tree: Any) -> int:
    """How many nodes ``tree.iter()`` would yield, without making a Python object for each."""
    return int(_COUNT_NODES(tree))


def _depth(tree: Any) -> int:
    deepest, depth = 0, 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


#: above this many characters, parse with libxml2's size limits lifted (a single text node over
#: 10 MB is otherwise dropped, and a page that is one enormous paragraph loses its text)
HUGE_TEXT = 5_000_000


def _unparsable(source: str, err: Exception | None = None) -> Rejected:
    """The ``not_a_page`` rejection of HTML that lxml/trafilatura cannot make a page of, saying
    what to do: most often it is a lone fragment (``<p>…</p>`` alone), which trafilatura refuses
    as not a whole document."""
    cause = f" ({err})" if err is not None else ""
    return Rejected("not_a_page", (
        f"{source}: HTML could not be parsed{cause}: check that it is a whole HTML page (a lone "
        "fragment such as <p>…</p> is not: wrap it in <html><body>…</body></html>), or remove "
        "the tags to read it as plain text"))


#: trafilatura's parser settings, with every element an ``HtmlElement`` made in C: lxml.html's
#: own parser asks a Python method which class each element gets (a form's fields get theirs)
#: every time an element is first touched from Python, by trafilatura or by us, about 7 % of
#: the page stage; nothing here or in trafilatura uses the form classes' extra methods
_PARSER = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                           remove_comments=True, remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))


def _from_bytes(text: str) -> Any:
    try:
        return lxml.html.fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except Exception:  # as trafilatura's loader: no tree
        return None


def load_page_tree(text: str) -> Any:
    """The tree of a decoded page, made as trafilatura's ``load_html`` makes it (the same
    repairs, the same fallback to bytes, None for what it rejects; a test compares the two on
    odd inputs), with :data:`_PARSER`."""
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    text = repair_faulty_html(text, beginning)
    tree, from_bytes = None, False
    try:
        tree = lxml.html.fromstring(text, parser=_PARSER)
    except ValueError:  # a str with an encoding declaration
        tree, from_bytes = _from_bytes(text), True
    except Exception:  # as trafilatura's loader: no tree, then bytes
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        return None  # trafilatura's check that this is HTML at all
    return tree


def _parse(text: str, source: str) -> Any:
    text = _XML_DECL.sub("", text, count=1)
    try:
        if len(text) > HUGE_TEXT:
            return _parse_huge(text, source)
        tree = load_page_tree(text)
    except (ValueError, RecursionError) as err:
        raise _unparsable(source, err) from err
    if tree is None:
        raise _unparsable(source)
    return tree


def _parse_huge(text: str, source: str) -> Any:
    """Parse as trafilatura's ``load_html`` does, with ``huge_tree`` (no 10 MB text limit)."""
    from lxml.html import HTMLParser, fromstring

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                        remove_comments=True, remove_pis=True, huge_tree=True)
    tree = fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    if tree is None:
        raise _unparsable(source)
    return tree


def _main_article(paragraphs: list[str], several: SeveralArticles,
                  blocks: BlockIndex) -> list[str]:
    """The body restricted to the page's main article: lines of the other articles out; when
    the extractor took (mostly) another article, the main article's own blocks."""
    kept = [p for p in paragraphs if norm(p) not in several.others]
    if _words(kept) < 0.5 * _words(several.main):
        return sort_lines(several.main, blocks).paragraphs
    return kept


def _layouts_before_cleaning(page: PageParts, tree: Any, paragraphs: list[str]) -> list[str]:
    """Several articles on the page: keep the main one; a key-points box: set apart."""
    page.layout = "article"
    several = other_articles(tree, page.title)
    if several is not None:
        paragraphs = _main_article(paragraphs, several, index_blocks(tree, set(several.main)))
        page.layout = "several"
    points, drop = key_points(tree)
    if points:
        page.key_points = points
        paragraphs = [p for p in paragraphs if norm(p) not in drop]
    return paragraphs


def without_closing_headings(paragraphs: list[str], headings: set[str]) -> list[str]:
    """``paragraphs`` without the section headings that end them. A heading with no text
    after it heads something that was not taken as body text (a podcast player's "How to
    listen", a newsletter box, a teaser list), so it is no part of the article either. A body
    of headings alone is left as it is."""
    end = len(paragraphs)
    while end and norm(paragraphs[end - 1]) in headings:
        end -= 1
    return paragraphs[:end] if end else paragraphs


#: news agencies' initials, as a page prints them alone over the article: the world's wire
#: services and national agencies. Only these leave as an agency's initials: any other word
#: in capitals alone on a line may be a dateline ("UFA", "LOD", "ROME", "PARIS"), which the
#: places stage reads, and no length tells them apart (round 22: a length of at most three
#: capitals took "UFA" and kept "ANSA")
AGENCY_INITIALS = frozenset({
    "AA", "AAP", "ACP", "AFP", "AGI", "ANA", "ANI", "ANP", "ANSA", "AP", "APA", "APP", "APS",
    "ATA", "ATS", "BNA", "BSS", "BTA", "CNA", "CTK", "ČTK", "DPA", "EFE", "EPD", "GNA", "HINA",
    "IANS", "IRNA", "ISNA", "JIJI", "KCNA", "KNA", "KUNA", "MAP", "MENA", "MTI", "NAN", "NNA",
    "NTB", "ONA", "PA", "PAP", "PNA", "PTI", "QNA", "RIA", "SANA", "SDA", "SID", "SPA", "STA",
    "STT", "SUNA", "TANJUG", "TAP", "TASR", "TASS", "TT", "UNI", "UPI", "VNA", "WAFA", "WAM",
})
#: a word alone under the article is a label of at most this many letters (a line of
#: Chinese or Japanese has no spaces, so a sentence of it is "one word" and longer)
LABEL_CHARS = 20


def _ascii_key(text: str) -> str:
    """``text`` case-folded with its accents taken off ("Córdoba" → "cordoba"): how a word is
    spelled in a web address."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _address_folders(url: str | None) -> set[str]:
    """The folders of a page's address ("https://x.de/leben/judy-lybke-article1.html" →
    {"leben"}), accents off: the sections the site files the article under."""
    parts = urlsplit(url or "").path.strip("/").split("/")[:-1]
    return {_ascii_key(p) for p in parts if p}


def _leading_label(line: str, folders: set[str], kicker: Callable[[str], bool]) -> bool:
    """One word that says nothing of the article: a counter ("47" comments, a share count),
    an agency's initials ("AA"), the name of a section the page's address files the article
    under ("Leben" on …/leben/…), or a kicker the page prints over its headline (``kicker``).
    A word with a stop ("Berlin.", a dateline set apart from its paragraph) or in lower case
    and no folder is left alone."""
    word = line.strip()
    if not word or len(word.split()) != 1:
        return False
    if word.replace(".", "").replace(",", "").isdigit():
        return True
    if word in AGENCY_INITIALS:
        return True
    return _ascii_key(word) in folders or kicker(word)


def _printed_above_headline(word: str, tree: Any, title: str | None) -> bool:
    """``word`` stands as a text of its own in an element of the page's ``<body>`` printed
    before its first ``<h1>``, and that ``<h1>`` prints the title: a kicker over the headline
    ("<span class=…>Review</span>" above "<h1>16-inch MacBook Pro review …")."""
    if tree is None or not _h1_prints_title(tree, title):
        return False
    body = tree.find("body")
    for el in (body if body is not None else tree).iter():
        if el.tag == "h1":
            return False
        if isinstance(el.tag, str) and (el.text or "").strip() == word:
            return True
    return False


def without_stray_labels(paragraphs: list[str], url: str | None, tree: Any = None,
                         title: str | None = None) -> list[str]:
    """``paragraphs`` without the one-word lines the extractor took in at the article's
    edges: before the first paragraph, the page's counters, agency initials, section name or
    kicker (:func:`_leading_label`); after a last paragraph that ends its sentence, a word
    alone (an icon's or a button's label left from a box: "Flecha" under a paywall notice).
    The body's last line always stays."""
    folders = _address_folders(url)
    start, end = 0, len(paragraphs)
    while start < end - 1 and _leading_label(
            paragraphs[start], folders, lambda word: _printed_above_headline(word, tree, title)):
        start += 1
    last = paragraphs[end - 1].strip() if paragraphs else ""
    if end - start > 1 and last.isalpha() and len(last) <= LABEL_CHARS \
            and SENTENCE_CLOSE.search(paragraphs[end - 2].rstrip()):
        end -= 1
    return paragraphs[start:end]


def _layouts_after_cleaning(page: PageParts, tree: Any, jsonld: list[dict[str, Any]],
                            blocks: BlockIndex) -> None:
    """A live blog: its entries, oldest first, after the lines that are no entry's; a picture
    gallery: its captions as its text when they outweigh the rest."""
    entries = live_entries(tree, jsonld)
    if entries:
        in_entries = {norm(x) for e in entries for x in e.paragraphs}
        in_entries |= {e.shown for e in entries if e.shown}
        intro = [p for p in page.paragraphs if norm(p) not in in_entries]
        page.entries = []
        for e in entries:
            paras = clean_paragraphs(e.paragraphs, None) or e.paragraphs
            page.entries.append((e.time, e.headline, paras))
            if e.headline:
                page.headings.add(e.headline)
        page.paragraphs = intro + [p for _, _, paras in page.entries for p in paras]
        page.layout = "liveblog"
        return
    captions = gallery_captions(tree, jsonld)
    if captions:
        clean = [c for _, c in captions]
        rest = [p for p in page.paragraphs if norm(p) not in set(clean)
                and "caption" not in blocks.of(p)]
        if _words(clean) > _words(rest):
            page.layout = "gallery"
            page.captions = [full for full, _ in captions]
            page.paragraphs = rest + clean


def read_html(text: str, source: str, url_hint: str | None = None) -> PageParts:
    """Read decoded HTML into its parts. Raises ``Rejected`` (``not_a_page``, ``too_large``,
    ``too_deep``) for a page it cannot read; a page without article text comes back without
    paragraphs (:func:`diurna.page.read_page` rejects it as ``no_text``)."""
    try:
        return _read_html(text, source, url_hint)
    finally:
        forget()  # the word counts of this page's texts
        norm.cache_clear()


def _read_html(text: str, source: str, url_hint: str | None) -> PageParts:
    tree = _parse(text, source)
    n_elements = _count_nodes(tree)
    if n_elements > MAX_ELEMENTS:
        raise Rejected("too_large", f"{source} has {n_elements:,} HTML elements; the limit is "
                                    f"{MAX_ELEMENTS:,} (diurna.page.html.MAX_ELEMENTS)")
    jsonld = list(iter_jsonld(tree))
    page = PageParts(paragraphs=[])
    metadata(tree, page, url_hint, jsonld)
    comments, roots = html_comments(tree)
    if not comments:
        comments = jsonld_comments(jsonld)
    remove_elements(roots)
    page.amp = strip_amp(tree)
    unwrap_tables_and_posts(tree)
    if page.byline is None or _is_site(page.byline, page.site, page.url):
        # the head names no one, or only the publication ("stern.de"): a person named in the
        # page's visible byline is the better answer; else the publication stays the byline
        visible = visible_byline(tree)
        if visible:
            visible = _without_site(visible, page.site, page.url)
        if visible and (page.byline is None or _PERSON.match(visible.split(",")[0])) \
                and not _is_site(visible, page.site, page.url):
            page.byline = visible
    authorish = tree.xpath(_AUTHORISH_XPATH)
    if page.byline and credited_as_editor(authorish, page.byline):
        page.byline = visible_byline(tree, skip=page.byline) or page.byline
    page.byline = clean_byline(page.byline)
    if page.byline:
        page.byline = _without_site(page.byline, page.site, page.url)
        if _PERSON.match(page.byline):
            page.byline = co_authors(authorish, page.byline)
    dense = densest_block(tree)
    try:
        extracted = _body(tree, n_elements)
    except RecursionError as err:
        raise Rejected("too_deep", f"{source}: HTML nested too deeply to read") from err
    from_jsonld = jsonld_body(jsonld)
    if _repeats_itself(from_jsonld):
        from_jsonld = []  # some CMSs write the article twice into articleBody
    wanted = {norm(line) for lines in (extracted, dense, from_jsonld) for line in lines}
    blocks = index_blocks(tree, wanted)
    preferred = _prefer_dense(_prefer_dense(extracted, dense), from_jsonld)
    first = sort_lines(preferred, blocks)
    first_source = ("dense" if preferred is dense else "jsonld" if preferred is from_jsonld
                    else "trafilatura")
    candidates = [(first_source, first.paragraphs),
                  ("dense", sort_lines(dense, blocks).paragraphs),
                  ("jsonld", from_jsonld)]
    body_source, paragraphs, quality = choose_body(candidates, blocks, page.title)
    page.body_source, page.body_quality = body_source, quality.score
    # the section headings of the body chosen, whichever candidate it is (a sub-headline
    # the densest block holds and the extractor skipped is a heading there too)
    page.headings = first.headings if body_source == first_source else \
        {norm(p) for p in paragraphs if "heading" in blocks.of(p)}
    # captions the extractor passed on, then those it skipped (figcaptions in the article)
    page.captions = list(dict.fromkeys(first.captions + blocks.captions))
    # Comments never reach the body, even if a site marks them up in a way we missed.
    comment_paras = {p.strip() for c in comments for p in c.text.split("\n\n") if len(p) >= 30}
    if not paragraphs and _depth(tree) >= MAX_DEPTH:
        raise Rejected("too_deep", f"{source}: HTML nested more than {MAX_DEPTH} levels deep; "
                                   "the parser drops what lies deeper and no text was left")
    paragraphs = _layouts_before_cleaning(page, tree, paragraphs)
    paragraphs = clean_paragraphs(paragraphs, page.title, page.dek, blocks, tree,
                                  page.byline, page.dek_cut, page.head_authors)
    paragraphs = drop_pull_quotes(paragraphs, blocks.quotes)
    paragraphs = drop_above_headline(paragraphs, blocks, tree, page.title)
    # the page's own address alone on a line is the header of its print version
    own = {page.url.rstrip("/")} if page.url else set()
    page.paragraphs = [p for p in paragraphs if p not in comment_paras
                       and p.strip().rstrip("/") not in own]
    _layouts_after_cleaning(page, tree, jsonld, blocks)
    if page.byline is None or _is_site(page.byline, page.site, page.url):
        signed = closing_name(page.paragraphs, blocks)
        if signed:  # the article is signed at its end: that is its author, not body text
            page.byline, page.paragraphs = signed, page.paragraphs[:-1]
    if page.layout != "liveblog":  # a live blog's last entry may be its headline alone
        page.paragraphs = without_stray_labels(page.paragraphs, page.url, tree, page.title)
        page.paragraphs = without_closing_headings(page.paragraphs, page.headings)
    page.partial = body_source != "jsonld" and paywalled(
        tree, jsonld, sum(len(p) for p in page.paragraphs))
    page.comments = comments
    page.headings |= capitals_heads(page.paragraphs)
    # last, as every step above looks lines up by their text
    page.paragraphs = [without_button_labels(p) for p in page.paragraphs]
    page.headings = {without_button_labels(h) for h in page.headings}
    return page
