"""Layouts beyond the single article (diurna.page.layouts): live blogs, galleries, AMP pages,
paywall teasers, key-points boxes and pages that hold several articles. Every page here is
hand-written for the test (our own text)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from diurna.model import Document
from diurna.page import RawInput, read_page
from diurna.store import Store
from tests.page.fixtures import ARTICLE_PARAGRAPHS

P1, P2, P3 = ARTICLE_PARAGRAPHS
MENU = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in
               ("Home", "World", "Politics", "Business", "Sport", "Culture", "Newsletters"))


def _read(html: str) -> Document:
    return read_page(RawInput("test.html", html.encode(), kind="html"))


def _page(body: str, head: str = "", title: str = "Talks to resume in Geneva",
          html_attrs: str = 'lang="en"') -> str:
    return (f'<!DOCTYPE html><html {html_attrs}><head><meta charset="utf-8"><title>{title}'
            f"</title>{head}</head><body><header><nav><ul>{MENU}</ul></nav></header>{body}"
            f"<footer><p>Example News, 1 Harbour Street</p></footer></body></html>")


def _jsonld(obj: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --- live blogs -----------------------------------------------------------------------------

_UPDATES = [  # (time, headline, text), newest first as live pages show them
    ("2026-03-04T16:45:00+01:00", "Ferry service suspended",
     "The harbour master suspended the evening ferry to the islands because the waves in the "
     "channel had grown higher than four metres, and asked travellers to stay in town."),
    ("2026-03-04T14:10:00+01:00", None,
     "Firefighters pumped water out of the underground car park next to the station, where "
     "about forty cars were standing in water up to their windows by the early afternoon."),
    ("2026-03-04T09:30:00+01:00", "Schools closed",
     "The regional council closed every school on the coast for the day after the weather "
     "service raised its storm warning to the highest level shortly before dawn."),
]


def _live_dom(with_jsonld: bool = False) -> str:
    entries = "".join(
        f'<div class="live-entry"><time datetime="{t}">{t[11:16]}</time>'
        + (f"<h2>{h}</h2>" if h else "") + f"<p>{x}</p>"
        + '<div class="share"><a href="#">Share</a></div></div>'
        for t, h, x in _UPDATES)
    head = _jsonld({"@context": "https://schema.org", "@type": "LiveBlogPosting",
                    "headline": "Storm on the coast: live", "liveBlogUpdate": [
                        {"@type": "BlogPosting", "headline": h or "", "datePublished": t,
                         "articleBody": x} for t, h, x in _UPDATES]}) if with_jsonld else ""
    return _page(f"<main><h1>Storm on the coast: live</h1><p>The storm reached the coast in "
                 f"the night; we follow its course here through the day as reports come in.</p>"
                 f'<div class="live-feed">{entries}</div></main>', head,
                 title="Storm on the coast: live")


def test_live_blog_entries_come_with_their_times_oldest_first() -> None:
    doc = _read(_live_dom())
    assert doc.layout == "liveblog"
    assert [e.time for e in doc.entries] == [t for t, _, _ in reversed(_UPDATES)]
    assert [e.headline for e in doc.entries] == [h for _, h, _ in reversed(_UPDATES)]
    for entry, (_, _, text) in zip(doc.entries, reversed(_UPDATES), strict=True):
        assert doc.text[entry.span.start:entry.span.end] == entry.span.text
        assert text in entry.span.text
    # the story reads in the order it happened; no time stamps or share buttons in the text
    assert doc.text.index("regional council") < doc.text.index("Firefighters") \
        < doc.text.index("harbour master")
    assert "Share" not in doc.text.split()
    assert "09:30" not in doc.text


def test_live_blog_from_json_ld_updates_when_the_dom_has_no_times() -> None:
    page = _live_dom(with_jsonld=True).replace("<time", "<span").replace("</time>", "</span>")
    doc = _read(page)
    assert doc.layout == "liveblog"
    assert [e.time for e in doc.entries] == [t for t, _, _ in reversed(_UPDATES)]
    assert doc.text.index("regional council") < doc.text.index("harbour master")


def test_an_article_with_one_dated_box_is_no_live_blog() -> None:
    doc = _read(_page(f'<main><article><h1>Talks to resume in Geneva</h1>'
                      f'<p><time datetime="2026-03-04T09:30:00Z">4 March</time></p><p>{P1}</p>'
                      f"<p>{P2}</p><p>{P3}</p></article></main>"))
    assert doc.layout == "article"
    assert doc.entries == []


# --- galleries ------------------------------------------------------------------------------

_SLIDES = [
    "Volunteers fill sandbags in front of the town hall on Tuesday morning.",
    "The river broke its banks near the old mill shortly after midnight.",
    "A rescue boat brings an elderly couple from the flooded lower town to safety.",
    "Water stands a metre deep in the market square, where the weekly market was held.",
]


def test_gallery_page_keeps_every_caption_in_order_and_reads_them_as_its_text() -> None:
    figures = "".join(f'<figure><img src="/p{i}.jpg" alt=""><figcaption>{c} '
                      f'<span class="credit">Photo: J. Smith</span></figcaption></figure>'
                      for i, c in enumerate(_SLIDES))
    doc = _read(_page(f'<div class="gallery"><h1>Floods in the valley: pictures</h1>{figures}'
                      "</div>", _jsonld({"@type": "ImageGallery",
                                         "headline": "Floods in the valley: pictures"}),
                      title="Floods in the valley: pictures"))
    assert doc.layout == "gallery"
    assert [c.split(" Photo:")[0] for c in doc.captions] == _SLIDES
    # a gallery's story is in its captions: they are its text (an empty page would be lost)
    assert [p for p in doc.paragraphs if p in _SLIDES] == _SLIDES


def test_article_with_photos_keeps_captions_out_of_its_body() -> None:
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1><p>{P1}</p>"
                      f"<figure><img src='/a.jpg'><figcaption>{_SLIDES[0]}</figcaption></figure>"
                      f"<p>{P2}</p><figure><img src='/b.jpg'><figcaption>{_SLIDES[1]}"
                      f"</figcaption></figure><p>{P3}</p></article></main>"))
    assert doc.layout == "article"
    assert doc.captions == _SLIDES[:2]
    assert doc.paragraphs == [P1, P2, P3]


# --- AMP pages ------------------------------------------------------------------------------

def test_amp_page_gives_the_article_without_sidebar_consent_or_ads() -> None:
    amp = (f'<amp-sidebar id="menu" layout="nodisplay"><ul>{MENU}</ul>'
           "<p>Sign in to read every story on all your devices with one account.</p></amp-sidebar>"
           '<amp-consent id="consent" layout="nodisplay"><div><p>We and our partners use cookies '
           "to store and read information on your device for personalised advertising and "
           "to measure how our pages are used.</p><button>Accept all</button></div></amp-consent>"
           '<main><article><h1>Talks to resume in Geneva</h1>'
           f'<amp-img src="/a.jpg" width="800" height="450"></amp-img><p>{P1}</p>'
           '<amp-ad width="300" height="250" type="doubleclick"><div fallback>'
           "<p>Advertisement: discover the new season of garden furniture at your local store "
           "now, with free delivery on every order above fifty euros.</p></div></amp-ad>"
           f"<p>{P2}</p><amp-social-share type='email'></amp-social-share><p>{P3}</p>"
           "</article></main>")
    for marker in ("amp", "⚡"):  # AMP's two spellings of the same attribute
        page = _page(amp, '<link rel="canonical" href="https://news.example.org/world/geneva-talks">',
                     html_attrs=f'{marker} lang="en"')
        doc = _read(page)
        assert doc.paragraphs == [P1, P2, P3]
        assert doc.url == "https://news.example.org/world/geneva-talks"  # not its AMP copy
        assert doc.meta.get("amp") is True


# --- paywall teasers ------------------------------------------------------------------------

_PAID = _jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                 "headline": "Talks to resume in Geneva", "isAccessibleForFree": False,
                 "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False,
                             "cssSelector": ".paid-content"}})
_OFFER = ('<div class="subscription-offer"><p>Read the whole article with Example Plus: the '
          "first month for one euro, cancel at any time.</p><a href='/plus'>Subscribe now</a>"
          "</div>")


def test_paywall_teaser_is_recorded_as_partial() -> None:
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1><p>{P1}</p>{_OFFER}"
                      "</article></main>", _PAID))
    assert doc.partial is True
    assert doc.paragraphs == [P1]  # the teaser, without the offer


def test_paid_article_served_whole_is_not_partial() -> None:
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1><p>{P1}</p>"
                      f'<div class="paid-content"><p>{P2}</p><p>{P3}</p></div></article></main>',
                      _PAID))
    assert doc.partial is False
    assert all(p in doc.text for p in (P1, P2, P3))


def test_paid_part_named_but_article_served_outside_it_is_not_partial() -> None:
    """Sites name a paid part that their scripts fill later, and serve the whole article
    outside it: a long body is then the article, not a teaser."""
    long = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS * 4)
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1>{long}</article></main>",
                      _PAID))
    assert doc.partial is False


def test_empty_paid_part_means_partial() -> None:
    long = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS * 4)
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1>{long}"
                      f'<div class="paid-content"></div>{_OFFER}</article></main>', _PAID))
    assert doc.partial is True


def test_free_article_is_not_partial() -> None:
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1><p>{P1}</p><p>{P2}</p>"
                      "</article></main>"))
    assert doc.partial is False


# --- key-points boxes -----------------------------------------------------------------------

_POINTS = ["Talks resume next week in Geneva", "A ceasefire is on the agenda",
           "Few expect a settlement this year"]


def test_key_points_box_is_kept_apart_from_the_body() -> None:
    for label in ("Key points", "Kort fortalt", "Darum geht's", "Das Wichtigste in Kürze"):
        box = f"<div><h2>{label}</h2><ul>" + "".join(f"<li>{p}</li>" for p in _POINTS) \
            + "</ul></div>"
        doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1>{box}<p>{P1}</p>"
                          f"<p>{P2}</p><p>{P3}</p></article></main>"))
        assert doc.key_points == _POINTS, label
        assert doc.paragraphs == [P1, P2, P3], label


def test_a_bullet_points_box_of_short_paragraphs_is_kept_apart_from_the_body() -> None:
    box = '<div class="bi-bulletpoints">' + "".join(f"<p>{p}</p>" for p in _POINTS) + "</div>"
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1>{box}<p>{P1}</p>"
                      f"<p>{P2}</p><p>{P3}</p></article></main>"))
    assert doc.key_points == _POINTS
    assert doc.paragraphs == [P1, P2, P3]
    # such a box of long paragraphs is article text, not points
    long = f'<div class="bulletpoints"><p>{P1} {P2}</p><p>{P3} {P1}</p></div>'
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1>{long}<p>{P2}</p>"
                      "</article></main>"))
    assert doc.key_points == []


def test_a_list_of_links_under_in_brief_is_no_key_points_box() -> None:
    """A sidebar "In brief" list of other stories' headlines is not this article's key points."""
    links = "".join(f'<li><a href="/s{i}">{p}</a></li>' for i, p in enumerate(_POINTS))
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1><p>{P1}</p><p>{P2}</p>"
                      f"</article><div><h3>IN BRIEF:</h3><ul>{links}</ul></div></main>"))
    assert doc.key_points == []


def test_a_list_under_an_ordinary_heading_stays_in_the_body() -> None:
    items = "".join(f"<li>{p}</li>" for p in _POINTS)
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1><p>{P1}</p>"
                      f"<h2>What is on the table</h2><ul>{items}</ul><p>{P2}</p></article></main>"))
    assert doc.key_points == []
    assert all(p in doc.text for p in _POINTS)


# --- several articles on one page -----------------------------------------------------------

_OTHER = [
    "The city council approved the budget for the new tram line on Thursday evening, after a "
    "debate that lasted almost six hours and ended with a narrow vote of twenty-one to nineteen.",
    "Construction is to start next spring, and the first trams should run between the station "
    "and the university in three years, the mayor told reporters after the session ended.",
    "Opponents of the project said they would collect signatures for a referendum, arguing "
    "that buses on the same route would cost a third as much and could start running sooner.",
]


def test_page_of_several_articles_gives_the_one_it_is_about() -> None:
    second = ("<article><h2>Council approves tram line</h2>"
              + "".join(f"<p>{p}</p>" for p in _OTHER) + "</article>")
    main = ("<article><h1>Talks to resume in Geneva</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS) + "</article>")
    head = '<meta property="og:title" content="Talks to resume in Geneva">'
    for body in (main + second, second + main):  # the main article first or further down
        doc = _read(_page(f"<main>{body}</main>", head))
        assert doc.paragraphs == [P1, P2, P3]
        assert doc.layout == "several"


def test_stored_layout_fields(tmp_path: Path) -> None:
    doc = _read(_live_dom())
    with Store(tmp_path / "d.db") as store:
        assert store.save(doc) == "stored"
    con = sqlite3.connect(tmp_path / "d.db")
    layout, partial, entries = con.execute(
        "SELECT layout, partial, entries FROM documents").fetchone()
    assert (layout, partial) == ("liveblog", 0)
    first = json.loads(entries)[0]
    assert first["time"] == _UPDATES[-1][0]
    assert doc.text[first["start"]:first["end"]] == first["text"]
    assert doc.to_dict()["entries"][0] == first  # the JSON output (diurna process) alike


def test_fact_box_marked_complementary_stays_out_of_the_body() -> None:
    """ARIA's role=complementary is an <aside> by another name (fact boxes, panels)."""
    box = ('<div role="complementary" class="fact-box"><h3>Facts about the talks</h3><ul>'
           "<li>The first round of talks was held in Geneva in the spring of last year, with "
           "observers from four neighbouring states.</li></ul></div>")
    doc = _read(_page(f"<main><article><h1>Talks to resume in Geneva</h1><p>{P1}</p>{box}"
                      f"<p>{P2}</p><p>{P3}</p></article></main>"))
    assert doc.paragraphs == [P1, P2, P3]
