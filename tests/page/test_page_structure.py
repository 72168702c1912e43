"""Today's page layouts: link rails, furniture boxes, captions, headings, the body-quality check
and its fallback to JSON-LD, the teaser above the article, mislabelled UTF-8, and the title."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from lxml import html as lxml_html

from diurna.model import Document
from diurna.page import RawInput, read_page
from diurna.page.blocks import index_blocks, sort_lines
from diurna.page.html import clean_title
from diurna.page.quality import GOOD_BODY, body_quality, choose_body
from diurna.store import Store
from tests.page.fixtures import ARTICLE_PARAGRAPHS

P1, P2, P3 = ARTICLE_PARAGRAPHS
MENU = ["Skip to content", "Subscribe", "Sign In", "World", "Politics", "Business", "Opinion",
        "Sports", "Newsletters", "Podcasts"]


def _page(article: str, head: str = "", before: str = "", after: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Talks to resume in Geneva</title>{head}</head><body>{before}"
            f"<main><article><h1>Talks to resume in Geneva</h1>{article}</article></main>"
            f"{after}</body></html>").encode()


def _read(data: bytes) -> Document:
    return read_page(RawInput("test.html", data, kind="html"))


def test_related_rail_newsletter_box_and_caption_stay_out_of_the_body() -> None:
    rail = ('<ul class="more">' + "".join(
        f'<li><a href="/a{i}">Another story about a different subject number {i} here</a></li>'
        for i in range(4)) + "</ul>")
    newsletter = ('<div class="newsletter-signup"><p>Every morning the most important news of '
                  "the day in your inbox: sign up for our free briefing today.</p></div>")
    figure = ('<figure><img src="x.jpg"><figcaption>Delegates arrive at the Palais des '
              "Nations in Geneva on Monday. Photo: Example Agency</figcaption></figure>")
    doc = _read(_page(f"<p>{P1}</p>{figure}<p>{P2}</p>{rail}{newsletter}<h2>What comes next"
                      f"</h2><p>{P3}</p>"))
    assert "Another story" not in doc.text
    assert "sign up for our free briefing" not in doc.text
    assert "Palais des Nations" not in doc.text
    assert doc.captions == ["Delegates arrive at the Palais des Nations in Geneva on Monday. "
                            "Photo: Example Agency"]
    assert all(p in doc.text for p in ARTICLE_PARAGRAPHS)


def test_section_heading_is_kept_in_place_and_marked() -> None:
    doc = _read(_page(f"<p>{P1}</p><p>{P2}</p><h2>What comes next</h2><p>{P3}</p>"))
    assert doc.paragraphs == [P1, P2, "What comes next", P3]
    assert [h.text for h in doc.headings] == ["What comes next"]
    h = doc.headings[0]
    assert doc.text[h.start:h.end] == "What comes next"


def test_quality_tells_chrome_from_prose() -> None:
    tree = lxml_html.fromstring(
        "<html><body><nav><ul>" + "".join(f'<li><a href="/">{m}</a></li>' for m in MENU)
        + f"</ul></nav><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    index = index_blocks(tree)
    chrome = body_quality(MENU, index, "Talks to resume in Geneva")
    prose = body_quality(ARTICLE_PARAGRAPHS, index, "Talks to resume in Geneva")
    assert chrome.score < 0.1 < GOOD_BODY <= prose.score
    assert chrome.chrome == 1.0 and prose.chrome == 0.0
    assert sort_lines(MENU, index).paragraphs == []  # menu items never reach a body


def test_navigation_instead_of_article_falls_back_to_the_best_candidate() -> None:
    """The extractor's body is site chrome: the fallback with the best quality wins."""
    tree = lxml_html.fromstring(
        '<html><body><div class="site-header">' + "".join(f"<p>{m}</p>" for m in MENU)
        + f"</div><div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>")
    index = index_blocks(tree)
    source, lines, quality = choose_body(
        [("trafilatura", MENU), ("dense", []), ("jsonld", ARTICLE_PARAGRAPHS)], index,
        "Talks to resume in Geneva")
    assert (source, lines) == ("jsonld", ARTICLE_PARAGRAPHS)
    assert quality.score >= GOOD_BODY
    # a good first candidate is kept without looking further
    assert choose_body([("trafilatura", ARTICLE_PARAGRAPHS), ("jsonld", [P1])], index,
                       None)[0] == "trafilatura"


def test_json_ld_article_body_completes_a_page_that_shows_only_its_start() -> None:
    """Paywalled or "read more" pages show the first paragraph; JSON-LD holds the article."""
    more = ["The ministry gave no details of who would lead the delegation, saying only that a "
            "list of names would be published once both sides had agreed on the agenda.",
            "Earlier rounds ended without agreement over the sequence of withdrawals, and each "
            "side accused the other of moving troops closer to the line in the meantime.",
            "Aid groups welcomed the announcement and asked for safe corridors so that food and "
            "medicine could reach the villages cut off since the fighting began in spring."]
    whole = ARTICLE_PARAGRAPHS + more
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Talks to resume in Geneva", "articleBody": "\n".join(whole)}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    doc = _read(_page(f"<p>{P1}</p><p>{P2}</p><p>Subscribe to read the whole story.</p>", head))
    assert doc.text.split() == " ".join(whole).split()
    assert doc.meta["body_source"] == "jsonld"
    assert doc.body_quality is not None and doc.body_quality >= GOOD_BODY


def test_teaser_repeating_the_description_is_the_dek_not_the_body() -> None:
    teaser = "Negotiators will meet again next week, the ministry says."
    head = f'<meta name="description" content="{teaser}">'
    marked = _read(_page(f'<p class="article-lead">{teaser}</p><p>{P1}</p><p>{P2}</p>', head))
    assert marked.dek == teaser
    assert marked.paragraphs == [P1, P2]
    # many sites copy their first paragraph into the description: that paragraph stays
    plain = _read(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>",
                        f'<meta name="description" content="{P1}">'))
    assert plain.paragraphs[0] == P1


def test_utf8_bytes_under_a_latin1_label_are_read_as_utf8() -> None:
    text = "Die Verhandlungen über die Grenzfragen sollen nächste Woche in Genf weitergehen."
    data = (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=iso-8859-1"></head><body><article><p>{text} {P1}</p></article>'
            f"</body></html>").encode()
    doc = _read(data)
    assert "über" in doc.text and "nächste" in doc.text and "Ã" not in doc.text


def test_title_loses_site_name_and_date_but_keeps_its_own_separators() -> None:
    url = "https://www.golem.de/news/x.html"
    assert clean_title("Akkutechnik: Akkus für ein Motorrad - Golem.de", None, None, url) \
        == "Akkutechnik: Akkus für ein Motorrad"
    assert clean_title("Ziele, Chancen, Risiken | DW | 28.04.2023", None, "DW", None) \
        == "Ziele, Chancen, Risiken"
    assert clean_title("Thioune fordert Geduld | Sport", "Thioune fordert Geduld", "BILD",
                       None) == "Thioune fordert Geduld"
    assert clean_title("Rückbau - Kühltürme gesprengt", None, "Stuttgarter Zeitung", None) \
        == "Rückbau - Kühltürme gesprengt"


def test_email_address_is_no_byline() -> None:
    doc = _read(_page(f"<p>{P1}</p><p>{P2}</p>",
                      '<meta name="author" content="d.kuckelkorn@example-zeitung.de">'))
    assert doc.byline is None or "@" not in doc.byline


def test_structure_is_stored_and_old_databases_gain_the_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)  # a database from before these columns existed
    con.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, source TEXT, title TEXT, dek TEXT,"
                " byline TEXT, published TEXT, published_source TEXT, updated TEXT, site TEXT,"
                " url TEXT, language TEXT, input_format TEXT, text TEXT NOT NULL, skipped TEXT,"
                " stored_at TEXT)")
    con.commit()
    con.close()
    doc = _read(_page(f"<p>{P1}</p><figure><figcaption>A photo caption of the delegates"
                      f"</figcaption></figure><h2>Next steps</h2><p>{P2}</p>"))
    with Store(db) as store:
        assert store.save(doc) == "stored"
        quality, headings, captions = store.conn.execute(
            "SELECT body_quality, headings, captions FROM documents").fetchone()
    assert quality == doc.body_quality is not None
    assert json.loads(captions) == ["A photo caption of the delegates"]
    (h,) = json.loads(headings)
    assert doc.text[h["start"]:h["end"]] == h["text"] == "Next steps"
