"""Metadata of HTML pages: title, dek, byline, dates, site, URL, language; CLI date override."""

from __future__ import annotations

import json

from diurna.page import RawInput, read_page
from tests.page.fixtures import article_page

HEAD = """
<meta name="description" content="Delegations will meet again next week.">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-18T09:30:00+00:00">
<meta property="article:modified_time" content="2019-11-19T12:00:00+00:00">
<link rel="canonical" href="https://news.example.org/world/talks-geneva">
"""


def test_meta_tags() -> None:
    doc = read_page(RawInput("p.html", article_page(head=HEAD).encode("utf-8")))
    assert doc.input_format == "html"
    assert doc.title == "Talks to resume in Geneva"
    assert doc.dek == "Delegations will meet again next week."
    assert doc.byline == "Jane Doe"
    assert doc.published == "2019-11-18" and doc.published_source == "metadata"
    assert doc.updated == "2019-11-19"
    assert doc.site == "Example News"
    assert doc.url == "https://news.example.org/world/talks-geneva"
    assert doc.language == "en"
    assert doc.paragraphs[0].startswith("The foreign minister said on Tuesday")
    assert "Home" not in doc.text and "Example News" not in doc.text


def test_jsonld_metadata() -> None:
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Ignored"},
        {"@type": ["NewsArticle"], "headline": "Geneva talks set to resume",
         "description": "A standfirst from JSON-LD.",
         "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Li Wei"}],
         "datePublished": "2019-11-18T09:30:00Z", "dateModified": "2019-11-20",
         "publisher": {"@type": "Organization", "name": "Example Wire"},
         "mainEntityOfPage": {"@id": "https://wire.example.org/a/1"}}]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    doc = read_page(RawInput("p.html", article_page(head=head).encode("utf-8")))
    assert doc.title == "Geneva talks set to resume"
    assert doc.dek == "A standfirst from JSON-LD."
    assert doc.byline == "Jane Doe, Li Wei"
    assert (doc.published, doc.updated) == ("2019-11-18", "2019-11-20")
    assert doc.site == "Example Wire"
    assert doc.url == "https://wire.example.org/a/1"


def test_cli_date_overrides_page_date() -> None:
    doc = read_page(RawInput("p.html", article_page(head=HEAD).encode("utf-8")),
                    published="2020-01-02")
    assert doc.published == "2020-01-02" and doc.published_source == "cli"


def test_url_from_container_when_page_has_none() -> None:
    raw = RawInput("rec", article_page().encode("utf-8"), kind="html",
                   url="https://x.example.com/story")
    assert read_page(raw).url == "https://x.example.com/story"


def test_non_english_page_is_read_and_flagged() -> None:
    paras = "".join(
        f"<p>{s}</p>" for s in (
            "Le ministre des Affaires étrangères a déclaré mardi que les pourparlers de Genève "
            "reprendraient la semaine prochaine après une pause de près de deux mois.",
            "Les délégations des deux gouvernements doivent discuter d'un cessez-le-feu le long "
            "de la frontière et de l'échange de prisonniers."))
    html = f"<html><head><title>Genève</title></head><body><article>{paras}</article></body></html>"
    doc = read_page(RawInput("fr.html", html.encode("utf-8")))
    assert doc.language == "fr"
    assert doc.text.startswith("Le ministre")


def test_declared_charset_is_used() -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1251"></head><body><article><p>'
            + "Министр иностранных дел заявил во вторник, что переговоры в Женеве "
              "возобновятся на следующей неделе после перерыва почти в два месяца."
            + "</p></article></body></html>")
    doc = read_page(RawInput("ru.html", html.encode("cp1251")))
    assert doc.text.startswith("Министр иностранных дел")
    assert doc.language == "ru"


def test_placeholder_dates_are_ignored() -> None:
    head = ('<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
            '<meta property="article:modified_time" content="2019-13-45">')
    doc = read_page(RawInput("p.html", article_page(head=head).encode("utf-8")))
    assert doc.published != "0001-01-01" and doc.updated is None


def test_visible_byline_but_never_a_commenter() -> None:
    comments = ('<ol class="commentlist"><li class="comment"><span class="author">Troll99</span>'
                '<div class="comment-content"><p>This whole story is made up, as usual from '
                'this outlet, nobody should trust it.</p></div></li></ol>')
    page = article_page(comments)
    assert read_page(RawInput("p.html", page.encode())).byline is None
    with_byline = page.replace("<h1>Talks to resume in Geneva</h1>",
                               '<h1>Talks to resume in Geneva</h1><p class="byline">By '
                               '<a rel="author" href="/staff/jd">Jane Doe</a></p>')
    assert read_page(RawInput("p.html", with_byline.encode())).byline == "Jane Doe"


def _byline(head: str = "", before_article: str = "") -> str | None:
    page = article_page(head=head).replace("<main><article>", f"<main>{before_article}<article>")
    return read_page(RawInput("p.html", page.encode("utf-8"))).byline


_SITE = '<meta property="og:site_name" content="Example News">' \
        '<link rel="canonical" href="https://news.example.org/world/talks">'


def test_article_nested_as_the_pages_main_entity_gives_the_author() -> None:
    data = {"@context": "https://schema.org", "@type": "WebPage",
            "mainEntity": {"@type": "NewsArticle", "headline": "Talks to resume in Geneva",
                           "author": {"@type": "Person", "name": "Simone Berg"}}}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _byline(head) == "Simone Berg"


def test_written_by_label_of_the_twitter_card() -> None:
    """An e-mail address is no byline; the card's "Written by" label names the writer."""
    head = ('<meta name="author" content="d.berg@example.org">'
            '<meta name="twitter:label1" content="Written by">'
            '<meta name="twitter:data1" content="Dieter Berg">')
    assert _byline(head) == "Dieter Berg"


def test_person_in_the_head_beats_the_publication_named_first() -> None:
    data = {"@type": "NewsArticle", "headline": "Talks", "author": {"name": "Example News"}}
    head = (_SITE + f'<script type="application/ld+json">{json.dumps(data)}</script>'
            '<meta name="cXenseParse:author" content="Aiko Tanaka">')
    assert _byline(head) == "Aiko Tanaka"


def test_byline_loses_initials_the_publication_and_descriptions() -> None:
    head = _SITE + ('<meta name="author" content="Corina Gall (cog.), Oliver Marks (oma), '
                    'Example News">')
    assert _byline(head) == "Corina Gall, Oliver Marks"
    head = _SITE + ('<meta name="author" content="Povilas Adamkus, professor of the faculty of '
                    'human and social studies, Example News">')
    assert _byline(head) == "Povilas Adamkus"


def test_names_in_their_own_elements_are_not_run_together() -> None:
    box = ('<div class="article-byline"><div class="origins"><span>Birgit Baum</span>'
           '<span>Anna Fink</span><span>Jan Marks</span></div></div>')
    assert _byline(before_article=box) == "Birgit Baum, Anna Fink, Jan Marks"


def test_author_in_an_unusual_class_or_only_in_a_link_to_the_author_page() -> None:
    assert _byline(before_article='<div class="technical"><span class="authorname">'
                   "Eva Kirchner</span></div>") == "Eva Kirchner"
    assert _byline(before_article='<p class="meta">von <a href="/autoren/name/max-kolter">'
                   "Dr. Max Kolter</a></p>") == "Dr. Max Kolter"
    assert _byline(before_article="<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>"
                   "Autorin/Autor</strong> Roman Gonta</li></ul>") == "Roman Gonta"
    # a class that names authors but holds no person's name gives none
    assert _byline(before_article='<div class="authorTools">Themen bearbeiten</div>') is None


def test_a_description_that_is_only_a_name_is_the_writer_not_the_cms_account() -> None:
    # a real description, or one naming only the publication, leaves the head's author
    for description, author in (("THANDI MOKOENA", "THANDI MOKOENA"),
                                ("Talks resume in Geneva next week.", "Site Admin"),
                                ("Example News", "Site Admin")):
        head = _SITE + (f'<meta name="description" content="{description}">'
                        '<meta name="author" content="Site Admin">')
        assert _byline(head) == author, description


def _byline_with_head_author(author: str, before_article: str) -> str | None:
    return _byline(_SITE + f'<meta name="author" content="{author}">', before_article)


def test_the_other_writers_in_the_heads_authors_byline_box_are_authors_too() -> None:
    box = ('<div class="bylines"><address><a rel="author" href="mailto:ib@x.no">Ingrid Berg</a>'
           '</address><address><a rel="author" href="mailto:ml@x.no">Marlene Holm</a>'
           '</address></div>')
    assert _byline_with_head_author("Ingrid Berg", box) == "Ingrid Berg, Marlene Holm"
    # another writer marked as author far away (a related article's) is not a co-author
    rail = ('<div class="bylines"><a rel="author" href="/a/ib">Ingrid Berg</a></div>'
            '<aside><p>' + "Related reading on the talks. " * 20 + '</p>'
            '<a rel="author" href="/a/ok">Ola Kvist</a></aside>')
    assert _byline_with_head_author("Ingrid Berg", rail) == "Ingrid Berg"


def test_the_editor_the_head_names_gives_way_to_the_writer_the_page_prints() -> None:
    writer = '<div class="author-2">Bayu Santoso</div>'
    credit = ('<div class="info-author">Editor : <a class="author" href="/author/7">Hana Putri'
              '</a></div>')
    assert _byline_with_head_author("Hana Putri", writer + credit) == "Bayu Santoso"
    # without the editor's credit the head's author stays
    assert _byline_with_head_author("Hana Putri", writer) == "Hana Putri"


def test_a_by_label_and_the_writers_job_or_credentials_are_no_part_of_the_name() -> None:
    data = {"@type": "NewsArticle", "headline": "Talks",
            "author": [{"@type": "Person", "name": "By TOM KRISTER, AP Auto Writer"}]}
    head = _SITE + f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _byline(head) == "TOM KRISTER"
    assert _byline(_SITE + '<meta name="author" content="Ilona Mehl, MS, RDN">') == "Ilona Mehl"
    # a second writer stays; so does a byline that is only a desk's name
    assert _byline(_SITE + '<meta name="author" content="Ann Lee, Bo Park">') == "Ann Lee, Bo Park"
    assert _byline(_SITE + '<meta name="author" content="Sports Editor">') == "Sports Editor"


def test_the_byline_boxs_date_stamp_and_link_labels_are_not_run_into_the_name() -> None:
    stamped = ('<h3 class="byline">by Jeff Fenn<br><span class="datetime">Monday, November 18, '
               '2019</span></h3>')
    assert _byline(before_article=stamped) == "Jeff Fenn"
    linked = ('<div class="author-box"><h4><a class="name" href="/author/jo">Jose Alvaro</a>'
              '<a class="view-more" href="/author/jo"><span>View More Articles</span></a></h4>'
              '</div>')
    assert _byline(before_article=linked) == "Jose Alvaro"


def test_writers_listed_after_a_von_label_without_author_markup() -> None:
    box = ('<ul><li class="information-item">3 Minuten Lesezeit</li><li class="information-item">'
           'Von: <span class="person-link"><a href="/bill-mac">Bill  MACARTHUR</a>,</span> '
           '<span class="person-link"><a href="/mari-gold">Marisha GOLDBERG</a></span></li></ul>')
    assert _byline(before_article=box) == "Bill MACARTHUR, Marisha GOLDBERG"
    # a label followed by no person's name gives none
    assert _byline(before_article="<ul><li>Von: <span>dpa-infocom</span></li></ul>") is None


def _byline_under_headline(line: str) -> str | None:
    page = article_page().replace("<h1>Talks to resume in Geneva</h1>",
                                  f"<h1>Talks to resume in Geneva</h1>{line}")
    return read_page(RawInput("p.html", page.encode("utf-8"))).byline


def test_an_unmarked_name_beside_the_printed_date_under_the_headline() -> None:
    line = ('<div class="row"><span style="float:left">Sehra Kaya &nbsp;|</span>'
            '<span class="tarih">05.04.2025 - Güncelleme : 05.04.2025</span></div>')
    assert _byline_under_headline(line) == "Sehra Kaya"
    # a name beside anything but a date (a section label) is no byline
    assert _byline_under_headline(line.replace("05.04.2025", "Wirtschaft")) is None


def test_a_jsonld_author_given_by_reference_or_by_given_and_family_name() -> None:
    # WordPress's Yoast SEO: the article points at a Person elsewhere in the @graph
    person = "https://news.example.org/#/schema/person/4f2a"
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Talks", "author": {"@id": person}},
        {"@type": "Person", "@id": person, "name": "Yoav Shani"}]}
    head = _SITE + f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _byline(head) == "Yoav Shani"
    data = {"@type": "NewsArticle", "headline": "Talks", "author": [
        {"@type": "Person", "givenName": "Birgit", "familyName": "Baum"},
        {"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"}]}
    head = _SITE + f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _byline(head) == "Birgit Baum, Anna Giulia Fink"
    # a reference to nothing on the page gives no name (nor the reference itself)
    data = {"@type": "NewsArticle", "headline": "Talks", "author": {"@id": person}}
    head = _SITE + f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _byline(head) is None


def _ld(author: object, publisher: str = "Example News") -> str:
    data = {"@type": "NewsArticle", "headline": "Talks", "author": author,
            "publisher": {"@type": "Organization", "name": publisher}}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_the_publisher_as_jsonld_organisation_author_yields_to_the_meta_credit() -> None:
    # ntv.com.tr: JSON-LD credits the publisher; the article meta credits the agency
    org = {"@type": "Organization", "name": "Example News"}
    agency = '<meta name="articleAuthor" content="Anadolu Ajansı">'
    assert _byline(_SITE + _ld(org) + agency) == "Anadolu Ajansı"
    # the publisher is found by its JSON-LD name too, when og:site_name spells it otherwise
    site = '<meta property="og:site_name" content="EXN.example.org">'
    assert _byline(site + _ld({"@type": "Organization", "name": "EXN"}, "EXN") + agency) \
        == "Anadolu Ajansı"
    # an organisation that is not the publisher (an agency) is a real credit and stays first
    dpa = {"@type": "Organization", "name": "dpa"}
    assert _byline(_SITE + _ld(dpa) + '<meta name="author" content="Example News">') == "dpa"
    # with nothing else, the publisher stays the byline
    assert _byline(_SITE + _ld(org)) == "Example News"


def test_an_agency_name_does_not_pass_for_a_person() -> None:
    # Habertürk: JSON-LD gives the publication (as a Person), the meta an agency; a person named
    # anywhere in the head beats the publication, but "Anadolu Ajansı" is no person
    head = _SITE + _ld({"@type": "Person", "name": "Example News"}) \
        + '<meta name="articleAuthor" content="Anadolu Ajansı">'
    assert _byline(head) == "Example News"
    head = _SITE + _ld({"@type": "Person", "name": "Example News"}) \
        + '<meta name="articleAuthor" content="Ayşe Demir">'
    assert _byline(head) == "Ayşe Demir"
