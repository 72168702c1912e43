"""Body precision, round three (diurna.page.furniture): standfirsts printed in a box of their
own, stamps and credits, date stamps, reader prompts and appeals, pointers to other pages,
byline lines, author biographies and source lists leave the body; article text that merely
resembles them stays. Every page and line here is hand-written for the test (our own text)."""

from __future__ import annotations

import lxml.html

from diurna.model import Document
from diurna.page import RawInput, read_page
from diurna.page.blocks import index_blocks, sort_lines
from diurna.page.furniture import (
    drop_furniture,
    is_author_bio,
    is_byline_line,
    is_furniture_line,
    without_new_window_labels,
)
from tests.page.fixtures import ARTICLE_PARAGRAPHS

P1, P2, P3 = ARTICLE_PARAGRAPHS
LEAD = ("Negotiators will meet again in Geneva next week, and the agenda already names the "
        "border, prisoners and the families who fled their villages.")


def _read(html: str) -> Document:
    return read_page(RawInput("test.html", html.encode(), kind="html"))


def _page(article: str, head: str = "") -> str:
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Talks to resume in Geneva</title>{head}</head><body>"
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<main><article><h1>Talks to resume in Geneva</h1>{article}</article></main>"
            "<footer>Example News</footer></body></html>")


def _body(extra_after: str = "", extra_before: str = "") -> str:
    return (f'<div class="article-text">{extra_before}<p>{P1}</p><p>{P2}</p><p>{P3}</p>'
            f"{extra_after}</div>")


# --- the standfirst in a box of its own -----------------------------------------------------

def test_a_standfirst_in_its_own_box_that_repeats_the_description_leaves_the_body() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    paragraphs = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    doc = _read(_page(f'<div class="opening"><p>{LEAD}</p></div>'
                      f'<div class="paragraphs">{paragraphs}</div>', head))
    assert "agenda already names" not in doc.text
    assert doc.text.startswith(P1)


def test_a_first_paragraph_among_its_siblings_stays_even_when_it_is_the_description() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    doc = _read(_page(_body(extra_before=f"<p>{LEAD}</p>"), head))
    assert doc.text.startswith(LEAD)  # many sites copy their first paragraph as description
    assert P3 in doc.text


def test_a_standfirst_named_in_the_newsrooms_own_words_leaves_the_body() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    for name in ("typo-subline-detail", "article-ingress", "chapeau", "atc-IntroText",
                 "einleitung small"):
        doc = _read(_page(_body(extra_before=f'<p class="{name}">{LEAD}</p>'), head))
        assert "agenda already names" not in doc.text, name
        assert doc.text.startswith(P1), name


def test_a_bold_standfirst_under_a_reworded_headline_leaves_the_body() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    article = (f'<div class="stream"><h2>Geneva again: the talks resume</h2>'
               f'<p class="font-bold text-18">{LEAD}</p><p class="text-18">{P1}</p>'
               f'<p class="text-18">{P2}</p><p class="text-18">{P3}</p></div>')
    doc = _read(_page(article, head))
    assert "agenda already names" not in doc.text
    assert P1 in doc.text and P3 in doc.text
    doc = _read(_page(article.replace("font-bold", "font-sans font-medium"), head))
    assert "agenda already names" not in doc.text
    # the same first paragraph, not bold, stays: sites copy their opening as description;
    # a layout class on the box around it ("medium-8 columns") says nothing about its weight
    doc = _read(_page(article.replace("font-bold ", ""), head))
    assert "agenda already names" in doc.text
    doc = _read(_page(article.replace('"stream"', '"medium-8 columns"')
                      .replace("font-bold ", ""), head))
    assert "agenda already names" in doc.text


def test_a_paragraph_classed_as_a_crosshead_is_a_section_heading() -> None:
    for name in ("wp-block-news-onlineinterline", "Zwischenzeile", "article-subhead"):
        doc = _read(_page(_body(extra_before=f'<p>{LEAD}</p><p class="{name}">Markets react</p>')))
        assert [h.text for h in doc.headings] == ["Markets react"], name
        assert "Markets react" in doc.text  # kept in place, marked
    # a box of that class around paragraphs does not make them headings
    doc = _read(_page(f'<div class="crosshead-box"><p>{LEAD}</p><p>{P1}</p><p>{P2}</p></div>'))
    assert not any(h.text in (LEAD, P1, P2) for h in doc.headings)


def test_each_line_of_a_heading_broken_by_br_is_a_heading() -> None:
    doc = _read(_page(f'<div class="article-text"><h2 class="sub">Talks end without a deal<br>'
                      f'Next round set for May</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>'))
    heads = {h.text for h in doc.headings}
    assert {"Talks end without a deal", "Next round set for May"} <= heads
    assert not heads & {P1, P2, P3}


FACT_1 = ("Of the 89,000 refugees in the region, about 65,000 are of working age, according "
          "to the statistics office, which counts only those who arrived after the war began.")
FACT_2 = ("About 17,000 of them have a job and 18,600 are registered as unemployed, while "
          "several thousand more attend language courses or vocational schools.")


def test_a_fact_box_beside_the_story_leaves_the_body_and_so_does_each_line_of_it() -> None:
    for box in (f'<div class="infobox"><h3>Refugees in numbers</h3><p>{FACT_1}</p>'
                f'<p>{FACT_2}</p></div>',
                # one paragraph broken by <br>: extractors give each line apart
                f'<div class="infobox border"><p class="infobox__text">{FACT_1}<br><br>'
                f'{FACT_2}</p></div>'):
        doc = _read(_page(_body(extra_after=box)))
        assert "89,000 refugees" not in doc.text and "17,000 of them" not in doc.text, box
        assert doc.text.startswith(P1) and P3 in doc.text
    # the same two lines broken by <br> in the article's own paragraph stay
    doc = _read(_page(_body(extra_after=f"<p>{FACT_1}<br><br>{FACT_2}</p>")))
    assert "89,000 refugees" in doc.text and "17,000 of them" in doc.text


def test_a_section_heading_repeated_in_the_table_of_contents_is_still_a_heading() -> None:
    toc = ('<nav class="contents"><ul><li><a href="#a">Where the talks stand</a></li>'
           '<li><a href="#b">What comes next</a></li></ul></nav>')
    doc = _read(_page(f'{toc}<div class="article-text"><p>{LEAD}</p>'
                      f'<h2 id="a"><strong>Where the talks stand</strong></h2><p>{P1}</p>'
                      f'<h2 id="b">What comes next</h2><p>{P2}</p><p>{P3}</p></div>'))
    heads = {h.text for h in doc.headings}
    assert {"Where the talks stand", "What comes next"} <= heads
    assert doc.text.count("What comes next") == 1  # the contents list stays out


def test_a_line_repeating_an_images_alt_text_is_its_caption_not_body() -> None:
    alt = "Delegates arrive at the conference centre in Geneva"
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><div class="media">'
                      f'<img src="a.jpg" alt="{alt}"><div class="info"><p>{alt}</p></div></div>'
                      f'<p>{P2}</p><p>{P3}</p></div>'))
    assert alt not in doc.text and P3 in doc.text
    assert alt in doc.captions
    # an alt text that copies a long paragraph (some CMSs use the opening) leaves it in
    long_alt = f"{P2} {P3}"
    doc = _read(_page(f'<div class="article-text"><p>{P1}</p><img src="a.jpg" alt="{long_alt}">'
                      f'<p>{long_alt}</p><p>{P3}</p></div>'))
    assert long_alt in doc.text


# --- stamps, credits, date stamps, prompts, appeals, pointers --------------------------------

FURNITURE = [
    "© Example Agency, ea:260304-99-1234/2",
    "Copyright: Example Syndicate, 2026",
    "Image: Jane Roe / Example Pictures",
    "Quelle: AFP",
    "(Quelle: APA/dpa)",
    "mit dpa",
    "Stand: 04.03.2026, 09:30 Uhr",
    "04.03.2026 17:59",
    "Updated 15.59 | Published 14.14",
    "Lesedauer: 4 Minuten",
    "Wie hat Ihnen dieser Artikel gefallen?",
    "Did you enjoy this article? Then please support us with a donation today: make a donation "
    "and keep independent reporting free for everyone.",
    "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.",
    "Abonniere den WhatsApp-Kanal von Example News und erhalte die wichtigsten Meldungen.",
    "Der Example-Newsletter informiert Sie jeden Abend über das Wichtigste vom Tag.",
    "Il vous reste 60% de cet article à lire. La suite est réservée aux abonnés.",
    "Empfohlener redaktioneller Inhalt",
    "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
    ">> Hier finden Sie alle Termine im Überblick",
    "Mehr zur Lage lesen Sie in unserem Liveblog:",
    "Minister warns of new sanctions. 18.04.2026 | 0:21 min",
    "Sendung: Radio Example, 04.03.2026, 15:10 Uhr",
    "Czytaj więcej",
    "The new line opens on Monday. Foto: Jane Roe",
    "Dies ist eine maschinelle Übersetzung eines Artikels unserer Kollegen.",
    "Übersetzung: Jane Roe, Redaktion: John Doe, Schlussredaktion: Max Muster",
    # a consent notice runs longer than other furniture (here 52 words)
    "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit können "
    "personenbezogene Daten an Drittplattformen übermittelt werden. Weitere Hinweise dazu "
    "finden Sie in unseren Datenschutz-Einstellungen, die Sie am Ende jeder Seite aufrufen "
    "können, um Ihre Einwilligung jederzeit zu verwalten, zu ändern oder auch ganz zu "
    "widerrufen, wann immer Sie möchten.",
    "I agree to external content being shown to me. Personal data may then be sent to "
    "third-party platforms.",
]

ARTICLE_LINES = [
    "4:14 p.m.",  # a live blog's entry time stays
    "Importiert werden hauptsächlich:",  # a list's lead-in, not a pointer
    "The ministry's newsletter, which subscribers receive each Friday, first reported the "
    "talks, and the spokesman said the channel had been used for official notices since the "
    "war began in the spring of that year, long before the first round of talks in Geneva.",
    "In 2023 the turnover grew by 12.5 per cent.",
    "Er sagte: Das Bild: ein Chaos.",
    P1,
]


def test_stamps_credits_prompts_appeals_and_pointers_are_furniture() -> None:
    for line in FURNITURE:
        assert is_furniture_line(line), line


def test_article_sentences_that_resemble_furniture_are_not() -> None:
    for line in ARTICLE_LINES:
        assert not is_furniture_line(line), line


def test_an_appeal_and_an_agency_stamp_inside_the_article_leave_the_page_body() -> None:
    appeal = ("Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer "
              "Spende, oder werden Sie Mitglied unseres Lesevereins.")
    doc = _read(_page(_body(f"<p>{appeal}</p><p>© Example Agency, ea:260304-99-1234/2</p>")))
    assert "Spende" not in doc.text and "Example Agency" not in doc.text
    assert P3 in doc.text


# --- byline lines, biographies, source lists -------------------------------------------------

def test_a_byline_line_and_the_authors_biography_at_the_end_leave_the_body() -> None:
    bio = ("Jane Roe ist Korrespondentin für die Schweiz und berichtet seit 2019 aus Genf über "
           "die Vereinten Nationen.")
    lines = ["Von Jane Roe", P1, P2, P3, bio]
    assert drop_furniture(lines, "Jane Roe") == [P1, P2, P3]
    assert is_byline_line("By Jane Roe", None)
    assert is_author_bio("Korrespondent Jane Roe ist bei Example News für Genf zuständig.",
                         "Jane Roe, John Doe")
    assert is_author_bio("Jane Roe (*1958) war Direktorin der Planungsabteilung.", "Jane Roe")


def test_a_paragraph_that_quotes_the_author_by_name_mid_article_stays() -> None:
    quoted = "When Jane Roe is asked about the talks, she points to the map of the border."
    lines = [P1, quoted, P2, P3, "Ein letzter Satz des Artikels, der hier endet."]
    assert drop_furniture(lines, "Jane Roe") == lines  # not among the last three lines
    assert not is_author_bio("The minister told Jane Roe that the talks would resume.",
                             "Jane Roe")


def test_a_source_list_leaves_the_body_and_the_text_after_it_stays() -> None:
    lines = [P1, P2, "Verwendete Quellen", "- Eigene Recherche", "- example.org: Report (Englisch)",
             P3]
    assert drop_furniture(lines, None) == [P1, P2, P3]


def test_a_longer_appeal_to_support_the_journalism_leaves_the_body_but_not_as_first_line() -> None:
    appeal = ("Gerade in diesen Wochen braucht eine offene Stadt unabhängigen Journalismus, der "
              "für alle frei zugänglich bleibt. Finden Sie auch? Dann unterstützen Sie die "
              "Redaktion mit einem freiwilligen Beitrag. Sind Sie dabei?")
    assert drop_furniture([P1, appeal, P2], None) == [P1, P2]
    assert drop_furniture([appeal, P1], None) == [appeal, P1]  # a first line is the article's
    report = ("The publisher said readers support the paper's journalism in growing numbers, "
              "and the board expects the trend to last.")
    assert drop_furniture([P1, report], None) == [P1, report]  # no reader addressed


def test_a_name_signing_the_article_at_its_end_is_its_author_when_the_head_names_none() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    head = '<meta property="og:site_name" content="Example News">'
    doc = _read(_page(f'{paragraphs}<p style="text-align:right"><strong>Jane Roe</strong></p>',
                      head + '<meta name="author" content="Example News">'))
    assert doc.byline == "Jane Roe"
    assert not doc.text.rstrip().endswith("Jane Roe")
    assert P3 in doc.text


def test_a_bare_account_number_is_no_byline() -> None:
    doc = _read(_page("".join(f"<p>{p}</p>" for p in (P1, P2, P3)),
                      '<meta name="author" content="105092">'))
    assert doc.byline is None



def test_a_teaser_cut_off_mid_word_after_a_read_more_label_leaves_the_body() -> None:
    teaser = "Delegations will meet again in Geneva next week, the ministry said in a statem..."
    assert drop_furniture([P1, "Read more", teaser, P2], None) == [P1, P2]
    assert drop_furniture([P1, "Czytaj więcej", teaser, P2], None) == [P1, P2]
    quote = "He paused and said only: we will see..."
    assert drop_furniture([P1, quote, P2], None) == [P1, quote, P2]  # no label before it


def test_a_links_hidden_new_window_label_is_not_run_into_the_sentence() -> None:
    # screen-reader text inside a link, hidden on screen by the site's CSS
    link = ('<p>The envoy had promised his <a href="https://example.org/plan" target="_blank">'
            'investors<span class="vh">(opens in a new window)</span></a>, who included the '
            'city, a new agreement by spring.</p>')
    doc = _read(_page(_body(extra_after=link)))
    assert "The envoy had promised his investors, who included the city" in doc.text
    assert "new window" not in doc.text
    # the same words in the article's own sentence (not a bracketed label) stay
    said = "<p>She said the offer opens a new window for talks (opens in a new window).</p>"
    doc = _read(_page(_body(extra_after=said)))
    assert "She said the offer opens a new window for talks." in doc.text
    assert without_new_window_labels("in Geneva (opens in new tab) today") == "in Geneva today"
    assert without_new_window_labels("Investoren(öffnet im neuen Fenster), zu denen") \
        == "Investoren, zu denen"


# --- session 17: standfirsts set in bold, signed, or running past the description -----------

def _siblings(first: str) -> str:
    """An article whose paragraphs all share one class, ``first`` (a ``<p>``) opening it."""
    rest = "".join(f'<p class="copy">{p}</p>' for p in (P1, P2, P3))
    opening = first.replace("<p>", '<p class="copy">', 1)
    return f'<div class="story">{opening}{rest}</div>'


def test_a_wholly_bold_first_paragraph_that_repeats_the_description_leaves_the_body() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    for first in (f"<p><strong>{LEAD}</strong></p>",  # the bold lead among its siblings
                  f"<p><em>Geneva</em><span> · </span><b>{LEAD}</b></p>"):  # after a dateline
        doc = _read(_page(_siblings(first), head))
        assert "agenda already names" not in doc.text, first
        assert doc.text.startswith(P1), first
    # not bold, or bold only at its end after more than a dateline: an article's first paragraph
    for first in (f"<p>{LEAD}</p>",
                  f"<p>The talks, a spokesman said: <strong>{LEAD}</strong></p>"):
        doc = _read(_page(_siblings(first), head))
        assert "agenda already names" in doc.text, first


def test_a_bold_first_paragraph_unlike_the_description_stays() -> None:
    head = '<meta name="description" content="Talks on the border resume in Geneva after a pause.">'
    doc = _read(_page(_siblings(f"<p><strong>{LEAD}</strong></p>"), head))
    assert doc.text.startswith(LEAD)


def test_a_standfirst_repeating_a_description_signed_by_its_writer_leaves_the_body() -> None:
    signed = f'<meta name="description" content="{LEAD} Von Anna Berg.">'
    doc = _read(_page(_siblings(f"<p><strong>{LEAD}</strong></p>"), signed))
    assert "agenda already names" not in doc.text
    assert doc.text.startswith(P1)


def test_a_marked_standfirst_that_runs_on_past_the_whole_description_leaves_the_body() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    longer = f"{LEAD} A visit to the delegation's hotel."
    doc = _read(_page(_body(extra_before=f'<p class="einleitung">{longer}</p>'), head))
    assert "delegation's hotel" not in doc.text
    assert doc.text.startswith(P1)
    # a description the CMS cut short mid-sentence is not the whole description: the line it
    # was cut from stays (on some sites it is the article's first paragraph)
    cut = '<meta name="description" content="' + LEAD.split(", and")[0] + ', and the">'
    doc = _read(_page(_body(extra_before=f'<p class="einleitung">{longer}</p>'), cut))
    assert doc.text.startswith(longer)


def test_a_standfirst_under_the_headline_and_a_hidden_main_content_heading_leaves_the_body(
) -> None:
    head = f'<meta name="description" content="{LEAD}">'
    article = _body(extra_before='<h2>Diplomacy Geneva again: the talks resume</h2>'
                    f'<h2 class="sr-only">Main content</h2><p class="einleitung">{LEAD}</p>')
    doc = _read(_page(article, head))
    assert "agenda already names" not in doc.text
    assert P1 in doc.text and P3 in doc.text


def test_an_opening_set_in_medium_weight_above_plain_paragraphs_is_a_standfirst() -> None:
    # no description on the page: the weight of the opening alone sets it apart
    teaser = ('<p class="font-sans font-medium"><span class="dateline">Geneva.</span> Why the '
              "talks stalled in spring, who is coming back to the table and what is at stake."
              "</p>")
    plain = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    doc = _read(_page(f'<div class="article-body">{teaser}{plain}</div>'))
    assert "what is at stake" not in doc.text
    assert doc.text.startswith(P1)
    # every paragraph in the same weight: nothing is set apart, all stay
    same = "".join(f'<p class="font-medium">{p}</p>' for p in (P1, P2, P3))
    doc = _read(_page(f'<div class="article-body">{teaser}{same}</div>'))
    assert "what is at stake" in doc.text
    # a weighted opening alone in its box (no plain paragraph beside it) stays too
    doc = _read(_page(f'<div class="article-body"><div>{teaser}</div><div>{plain}</div></div>'))
    assert "what is at stake" in doc.text


def test_a_list_under_a_sources_label_of_its_own_leaves_the_body_with_its_folded_rest() -> None:
    # the label is a bare <div> (extractors drop it and keep the list); two more sources are
    # folded into a <details> after the list
    sources = ('<div class="sources"><div class="label">Verwendete Quellen</div><ul>'
               "<li>Eigene Recherchen</li><li>example.org: Border talks to resume (Englisch)</li>"
               "</ul><details><ul><li>example.com: Delegations named for Geneva round</li>"
               "<li>Nachrichtenagentur dpa</li></ul><summary>Mehr anzeigen</summary>"
               "</details></div>")
    doc = _read(_page(_body(extra_after=sources)))
    assert P3 in doc.text
    for item in ("Eigene Recherchen", "Border talks to resume", "Delegations named",
                 "Nachrichtenagentur"):
        assert item not in doc.text, item
    # the same list under a label that names no sources stays article text
    doc = _read(_page(_body(extra_after=sources.replace("Verwendete Quellen", "Die Delegationen"))))
    assert "Border talks to resume" in doc.text


def test_a_box_marked_not_prose_inside_the_article_leaves_the_body() -> None:
    box = ('<div class="not-prose !font-sans mb-12"><p class="text-body2">Every other Sunday: '
           "answers to questions about love and family, honest and close to everyday life.</p>"
           "</div>")
    article = (f'<div class="prose prose-lg"><p>{P1}</p>{box}<p>{P2}</p><p>{P3}</p></div>')
    doc = _read(_page(article))
    assert "Every other Sunday" not in doc.text
    assert P1 in doc.text and P2 in doc.text and P3 in doc.text


def test_a_tag_list_recommendation_labels_and_a_subscription_notice_leave_the_body() -> None:
    # a tag list's label, as a list item of its own, and the tags after it
    assert drop_furniture([P1, "- Etiketler :", "- Spor", "- Futbol", P2], None) == [P1, P2]
    assert drop_furniture([P1, "Schlagwörter:", "- Genf", P2], None) == [P1, P2]
    # "Etiketler" inside a sentence, and list items with no label before them, stay
    kept = [P1, "Etiketler bu hafta yeniden basıldı.", "- Spor", P2]
    assert drop_furniture(kept, None) == kept
    for line in ("おすすめ情報", "分享让更多人看到", "相关新闻",
                 "Haberler özetlenerek yayımlanmaktadır. Abonelik için lütfen iletişime geçiniz."):
        assert is_furniture_line(line), line
    assert not is_furniture_line("Kulüp, abonelik ücretlerini bu yıl yüzde 20 artırdı.")


def test_a_broadcasters_credit_in_capitals_with_its_editors_in_brackets_is_furniture() -> None:
    for line in ("MDR (dst)", "AFP/dpa (jle)", "MDR (Engin Haupt, Alisa Sonntag)"):
        assert is_furniture_line(line), line
    # a dateline opening a sentence, and a bracketed name in lower case, are text
    for line in ("GENEVA (AP) — The talks resume next week.", "Mdr (dst)",
                 "Die UNO (Vereinte Nationen)"):
        assert not is_furniture_line(line), line


def test_an_item_of_a_teaser_list_with_a_bold_label_before_its_link_leaves_the_body() -> None:
    # each item: a bold label, then a link to another article; the first item's link holds
    # 22 of its 41 characters (under the 60 % of a link block), the list most of its own
    teasers = ('<ul><li><strong>"Not convinced at all": </strong><a href="/a">Minister '
               'answers critics</a></li><li><strong>Geneva: </strong><a href="/b">Delegations '
               'named for the next round of talks</a></li><li><strong>Border: </strong>'
               '<a href="/c">What the ceasefire map shows and what it leaves out</a></li></ul>')
    doc = _read(_page(_body(extra_after=teasers)))
    assert P3 in doc.text
    for item in ("Not convinced", "Delegations named", "ceasefire map"):
        assert item not in doc.text, item
    # a list of the article's own points with one linked word stays
    points = ('<ul><li>The talks resume on <a href="/d">Monday</a> in the old palace.</li>'
              "<li>Both delegations bring their defence ministers this time.</li>"
              "<li>The agenda names the border first and the prisoners second.</li></ul>")
    doc = _read(_page(_body(extra_after=points)))
    assert "resume on Monday in the old palace" in doc.text


def test_an_authors_biography_introducing_them_in_a_few_words_first_leaves_the_body() -> None:
    bio = ("Der Genfer Diplomat Jane Roe ist Gründerin der Stiftung für Dialog und schreibt "
           "hier als Gast.")
    assert drop_furniture([P1, P2, P3, bio], "Jane Roe") == [P1, P2, P3]
    # the name deeper into the sentence is the article's, not a biography
    late = "Nach dem Treffen in Genf sagte Jane Roe ist nicht genug, und ging."
    assert not is_author_bio(late, "Jane Roe")


def test_the_text_of_an_image_box_built_of_divs_is_its_caption_not_body() -> None:
    # the extractor passes the box's lines on among the article's (as on the page that gave
    # the rule); sorting them by where they sit sets the caption apart
    caption = "Delegates arriving at the old palace on the first morning of the talks"
    figure = ('<div class="widget"><span><picture><img src="/p.jpg"></picture></span>'
              f"<p><span>{caption}</span></p><p>Image: Jane Roe</p></div>")
    tree = lxml.html.fromstring(_page(f'<div class="text"><p>{P1}</p>{figure}<p>{P2}</p></div>'))
    lines = sort_lines([P1, caption, P2], index_blocks(tree))
    assert lines.paragraphs == [P1, P2]
    assert lines.captions == [caption]
    # a paragraph of the article beside an inline image (more than a caption's length) stays
    inline = f'<div class="step"><img src="/q.jpg"><p>{P1} {P2}</p></div>'
    tree = lxml.html.fromstring(_page(f'<div class="text">{inline}<p>{P3}</p></div>'))
    assert sort_lines([f"{P1} {P2}", P3], index_blocks(tree)).paragraphs == [f"{P1} {P2}", P3]
    # nor is a short article's own box, an image among its three short paragraphs, a figure
    short = ["Talks resume on Monday.", "Both sides agreed.", "The venue is Geneva."]
    brief = f'<p>{short[0]}</p><img src="/r.jpg"><p>{short[1]}</p><p>{short[2]}</p>'
    tree = lxml.html.fromstring(_page(f'<div class="text">{brief}</div>'))
    assert sort_lines(short, index_blocks(tree)).paragraphs == short


def test_the_line_of_a_small_box_with_a_button_is_a_sign_up_box_not_body() -> None:
    line = "Every Monday the week's top stories from the sports desk"
    box = (f"<div><h2>Newsletter: Sport inside</h2><p>{line}</p><button><span>Subscribe now"
           "</span></button><span>You can unsubscribe at any time.</span></div>")
    tree = lxml.html.fromstring(_page(f'<div class="text"><p>{P1}</p>{box}<p>{P2}</p></div>'))
    assert sort_lines([P1, line, P2], index_blocks(tree)).paragraphs == [P1, P2]
    # a paragraph of the article in a box with a "show more" button (more than a sign-up
    # box's text) stays
    long_box = f"<div><p>{P1}</p><p>{P2}</p><p>{P3}</p><button>Show more</button></div>"
    tree = lxml.html.fromstring(_page(f'<div class="text">{long_box}</div>'))
    assert sort_lines([P1, P2, P3], index_blocks(tree)).paragraphs == [P1, P2, P3]


def test_a_request_for_tips_by_a_secure_messenger_is_furniture() -> None:
    for line in ("Sie haben Hinweise zum Thema? Melden Sie vertraulich und sicher via Signal bei "
                 "unserem Reporter: jane.99",
                 "Have a tip? Contact our newsroom securely using SecureDrop."):
        assert is_furniture_line(line), line
    # the messenger named in the article's own sentence stays
    assert not is_furniture_line("The minister said the delegations had talked via Signal "
                                 "for weeks before the meeting.")


def test_a_credit_line_closing_with_the_date_of_first_publication_is_furniture() -> None:
    for line in ("ssi, dan; Foto [M]: Example Images; Erstveröffentlichung: 4.4.18",
                 "First published on 12/03/2024."):
        assert is_furniture_line(line), line
    # a sentence about a first publication, without a date to close it, stays
    assert not is_furniture_line("The treaty was first published: nobody had read it before.")
