"""Body lines that are not the article, found by where they sit or by what they say.

Round three of the page stage's precision work (issue #18). Two kinds of evidence, both general:

- *Where a line sits*: a teaser that repeats the page's description and sits in its own box, not
  beside the article's paragraphs (``teaser_apart``). Sites that print their standfirst above the
  article put it in a header block; sites whose description is simply their first paragraph keep
  that paragraph among its siblings, and then it stays body text.
- *What a line says*: short lines that every news CMS prints around articles in any layout —
  copyright and agency stamps, photo credits, bare date/time stamps, source lists, reader
  prompts, newsletter/app/donation appeals, consent notices for embedded content
  (``is_furniture_line``). Each pattern is a phrase, not a site's class name; lines are judged
  only when short, so an article sentence that happens to mention a newsletter stays.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: a line of at most this many words can be furniture (appeals run to two or three sentences)
FURNITURE_WORDS = 45

_STAMP = (
    r"^(©|\(c\)\s|copyright\b)"  # "© dpa-infocom, dpa:230428-99-483045/5", "Copyright: Project ..."
    r"|^(foto|fotos|bild|image|photo|photos|picture|credit|quelle|source|fuente|kilde|källa)\s*:"
    r"\s*\S.{0,80}$"  # "Image: DOCTOR NGCOBO", "Quelle: AFP"
    r"|^\((quelle|source|fuente)\s*:[^)]{1,60}\)$"  # "(Quelle: APA/sda/dpa)"
    r"|^(mit|with|avec|con|med)\s+(material\s+(von|der)\s+)?(dpa|afp|ap|reuters|kna|epd|sda|apa"
    r"|agenturen|agenturmaterial|agencies)\b\W*$"  # "mit dpa", "Mit Agenturmaterial."
    r"|^(quellen|sources|fuentes)\s*:?$"  # a source list's label
    # the reprint notice a print version carries: "This copy is for your personal,
    # non-commercial use only. To order presentation-ready copies …"
    r"|^this (copy|article|material) is for your personal,? non-commercial use"
    # a send-by-email box's confirmation, its recipient left for a script to fill in: "This
    # article has been sent to"
    r"|^(this|the|your) (article|story|link) (has been|was) (sent|emailed|shared)( to)?\W*$"
)
_DAY = r"\d{1,4}[./年-]\s?\d{1,2}[./月-]\s?\d{0,4}日?"
_CLOCK = r"\d{1,2}[.:時]\d{2}分?"
_DATE_ONLY = (
    # "Stand: 22.04.2024, 06:00 Uhr", "18.05.2026", "05.08.2024, 20:59 Uhr", "10.11.2025 17:59",
    # "Uppdaterad 15.59 | Publicerad 14.14", "2025年1月14日 01時28分 (1月14日 01時40分更新)";
    # a bare clock time ("4:14 p.m.") is a live blog's entry time and stays
    # "Updated at 1:23 p.m.", Korean CMS stamps "기사입력 :[ 2018-08-25 15:24 ]", "입력 2024.05.03"
    r"^((stand|aktualisiert|updated?|publi[cs]ert|publicerad|uppdaterad|oppdatert|publié|"
    r"mis à jour|actualizado|publicado|veröffentlicht|erstellt|posted|published|"
    r"기사입력|최종수정|입력|수정)\s*:?\s*(\[\s*|(at|um|à|a las)\s+)?"
    rf"({_DAY}|{_CLOCK})|{_DAY})"
    r"[\d\s.,:/|()\[\]年月日時分更新uhrUhrampmAMPM-]*"
    r"(\|\s*(publicerad|publiserad|uppdaterad|oppdatert|updated|published)\s*[\d.:\s]+)?$"
    # broadcasters' programme and availability lines
    r"|^(sendung|dieses thema im programm|sendetermin)\s*:"
    # reading time
    r"|^(lesedauer|lesezeit|reading time|temps de lecture|tiempo de lectura)\s*:"
)
#: pointers to other pages: arrow-led teasers, "more in our live blog:" lines, video teasers
_POINTER = (
    r"^(>>?|→|►|▶)\s*\S"
    r"|^(mehr|more|weitere|alle)\b.{0,80}:$"
    # a wire story's closing pointers: "More AP football: https://… and https://…"
    r"|^more\b[^:]{0,60}:\s*https?://\S+(\s+(and|&)\s+https?://\S+)*$"
    # "read more" labels alone on their line, in the dev sets' languages
    r"|^(read more|read also|czytaj (więcej|też|także)|weiterlesen|mehr lesen|lesen sie auch"
    r"|lire (aussi|plus|la suite)"
    r"|leer más|lea también|lees (meer|ook)|les (mer|også)|läs (mer|också)|leggi anche"
    r"|devamını oku|ilgili haberler"
    # recommendation labels and share prompts of the Japanese and Chinese pages
    r"|おすすめ情報|関連記事|あわせて読みたい|相关新闻|延伸阅读|分享让更多人看到)\W*$"
    # a teaser of another story on the site, led by its domain: "Also on example.com Talks
    # resume in Geneva"
    r"|^also (on|at) [a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,6}\b\s*:?\s+\S"
    # a pointer to another page that closes with "here": "You can view our June open thread
    # here.", "Listen to the show live at 12:45 - or listen back here."; a sentence that goes
    # on after "here" ("Read more here about the vote, she said") stays
    r"|^(you can |you may )?(listen|watch|view|read|see)\b.{0,100}\bhere\W*$"
)
_APPEAL = (
    # reader prompts and ratings
    r"^(wie hat ihnen (dieser|der) artikel gefallen|hat ihnen (dieser|der) artikel gefallen"
    r"|did you (like|enjoy) this (article|story)|durchschnittliche bewertung\b"
    r"|fehler gefunden\W*\s*jetzt melden|leserkommentare geben nicht die meinung)"
    # the labels of consent notices of embedded content
    r"|^(empfohlener redaktioneller inhalt|ein klick für den datenschutz|externer inhalt)\W*$"
)
#: a line of at most this many words can be a consent notice (they run to four sentences)
CONSENT_WORDS = 80
#: consent notices of embedded content: the reader agrees that external content is shown
#: and personal data go to a third party
CONSENT = re.compile(
    r"^an dieser stelle finden sie (einen|einen von unseren redakteuren)"
    r"|^ich bin damit einverstanden, dass mir (der )?externe"
    r"|^i (agree|consent) to (the display of |being shown |loading )?(external|third.party) "
    r"content", re.I)
#: the platforms a follow prompt lists
_PLATFORM = r"(whatsapp|instagram|facebook|tiktok|youtube|x|threads|bluesky|linkedin|telegram)"
#: the furniture that may sit anywhere in its line (searched, not matched at the start)
_ANYWHERE = (
    # donations and subscriptions
    r"\b(unterstützen sie uns|mit einer spende|jetzt spenden|support (us|our journalism)"
    r"|donate (now|today)|make a donation|faire un don|haz una donación"
    r"|\babonelik için\b"  # Turkish "for a subscription (please contact us)"
    r"|(abonnieren|abonniere|abonnez-vous|suscríbete|subscribe) (sie )?"
    r"(jetzt|now|den|die|das|to)?\b"
    r".{0,60}\b(kanal|channel|newsletter|zeitung|abo|app)"
    r"|\b(testen|lesen) sie (jetzt )?(für )?(zwei|2|vier|4) wochen\b|\d+ wochen kostenlos testen"
    r"|la suite est réservée aux abonnés|reservado para suscriptores)"
    # newsletters and apps
    r"|\bnewsletter\b.{0,80}\b(informiert|abonnieren|anmelden|bestellen|hier entlang|"
    r"sign up|inscrivez|suscríbete)"
    r"|\b(news-app|nachrichten aufs handy|whatsapp-kanal)\b"
    r"|\bsign up (for|to)\b.{0,60}\bnewsletters?\b"  # "Sign up for the free daily newsletter."
    # follow prompts closing an author's note: "Follow him on Twitter @name."
    r"|\bfollow (us|him|her|them|me)\b.{0,30}\bon (twitter|facebook|instagram|x|linkedin"
    r"|tiktok)\b"
    # a comment section's house rules: "Comments that ... will not be approved by the moderator"
    r"|\b(comentários|comentarios|comments?|kommentare|commentaires)\b.{0,120}"
    r"\b(moderador|moderator|moderiert|moderated|modérés?)\b"
    # ... and its notice told the other way round: "Note: we are temporarily moderating all
    # comments submitted ..." ("moderating", not "moderate": "her moderate comments" is prose)
    r"|\bmoderating\b.{0,20}\bcomments\b"
    # broadcasters' availability lines
    r"|\bverfügbar bis\s+\d"
    # a credit line closing with the date of first publication: "…; Foto [M]: Shutterstock;
    # Erstveröffentlichung: 4.4.18"
    r"|\b(erstveröffentlichung|erstmals veröffentlicht|first published|première publication)"
    r"\s*:?\s*(am |on |le )?\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}\W*$"
    # requests for tips by a secure messenger: "Melden Sie vertraulich und sicher via Signal"
    r"|\b(melden sie|kontaktieren sie|schreiben sie|contact|reach|tips?|hinweise)\b.{0,80}"
    r"\b(via|über|per|on|using)\s+(signal|threema|securedrop)\b"
    # a contributor credit closing the article: "Associated Press writers A and B contributed
    # to this report.", "C contributed reporting from Hong Kong."
    r"|\bcontributed (reporting|to this (report|story|article))( from [^.]{2,40})?\.?$"
    # a follow prompt listing the platforms: "Die Zeitung auch bei Social Media – ob
    # WhatsApp, Instagram oder Facebook."; the list must close the line, so a sentence that
    # goes on about the platforms stays
    rf"|\b(bei|auf|on|in) social media\s*[–—:-]\s*(ob |whether |wie |like )?"
    rf"{_PLATFORM}((,\s*|\s+(oder|und|or|and)\s+){_PLATFORM})+\W*$"
    # the letters desk's standing invitation under a letters page: "… letters to the editor.
    # We'd like to hear what you think …"
    r"|\bletters to the editor\W{1,3}we(’|'|\s+woul)d like to hear\b"
    # pointers: "more in our live blog:", "18.04.2024 | 0:21 min" under a video teaser
    r"|\b(lesen|finden) sie\b.{0,60}\b(liveblog|live-blog|ticker|überblick|dossier)\b.{0,20}:$"
    r"|\|\s*\d{1,2}:\d{2}\s*min$"
    # a photo caption closing with its credit: "... Bild: Maximilian Muster"
    r"|.\s(bild|foto|photo|image|fotos)\s*:\s*[^.:!?]{2,50}$"
)
#: where the article came from: translation and first-publication notes, staff credits. English
#: "This article was originally published by ..." is left in: the benchmark pages' gold keeps it
#: as body text
_PROVENANCE = (
    r"^(dieser artikel (ist|erschien) (zuerst|erstmals|eine übersetzung)|dies ist eine "
    r"(maschinelle |automatische )?übersetzung|aus dem (englischen|französischen|spanischen|"
    r"italienischen|russischen|amerikanischen) (von|übersetzt)|lest den originalartikel"
    r"|lesen sie den originalartikel|cet article a d'abord été publié"
    r"|este artículo se publicó originalmente)"
    # wire services' contributor credits: "(Reporting by A, B; editing by C)", "Additional
    # reporting by D"; "Reporting by the Times showed …" opens a sentence and stays
    r"|^\(?additional reporting by\b|^\(?reporting by\b.*\bedit(ing|ed) by\b"
    r"|^\(reporting by\b[^()]*\)$"
    # a reporter's tip line: "Have a tip? <name> may be reached at …"
    r"|^(have|got) a (news )?tip\?"
    # a correspondent's credit over the story, alone on its line: "DALLA NOSTRA
    # CORRISPONDENTE", "Dal nostro inviato a Parigi", "De notre correspondant à Berlin"
    r"|^(dal(la)? (nostro|nostra) (corrispondente|inviat[oa])|de (notre|nos) "
    r"(correspondante?s?|envoyée?s? spéciale?s?)|de nuestr[oa] (corresponsal|enviad[oa] "
    r"especial))(\s+(a|à|in|en|da|de)\s+\w+(\s\w+){0,2})?\W*$"
    r"|^((redaktion|schlussredaktion|faktencheck|übersetzung|recherche|mitarbeit|grafik|"
    r"audioversion|illustrationen?|bildredaktion|produktion)\s*:\s*[^:]{2,80}(,\s*|$)){1,6}$"
)
#: furniture lines by how they begin (every branch is anchored: tried at the line's start only)
FURNITURE_START = re.compile(
    f"{_STAMP}|{_DATE_ONLY}|{_APPEAL}|{CONSENT.pattern}|{_POINTER}|{_PROVENANCE}", re.I)
FURNITURE_ANYWHERE = re.compile(_ANYWHERE, re.I)
#: every match of ``FURNITURE_ANYWHERE`` holds one of these (in :func:`folded` text), one or
#: more for each branch of the pattern: a line holding none is not searched, which spares the
#: costly scan of ~40 branches at every position (most lines hold none)
ANYWHERE_WORDS = (
    "unterst", "spende", "support", "donate", "donation", "donaci", "faire un don", "abonelik",
    "abonn", "suscr", "subscribe", "wochen",  # donations and subscriptions
    "newsletter", "news-app", "handy", "whatsapp",  # newsletters and apps
    "follow", "social media", "letters to the editor",  # follow prompts, the letters desk
    "mod", "bar bis", "ffentlich", "published", "publication",
    "signal", "threema", "securedrop", "contributed",
    "live", "ticker", "berblick", "dossier", "|", "bild", "foto", "photo", "image",
)


def folded(text: str) -> str:
    """``text`` as the case-insensitive patterns here see it: lower case, with the letters that
    ``re.IGNORECASE`` matches to an ASCII letter made that letter (İ, ı, ſ and the Kelvin sign,
    as the ``re`` documentation lists them), so a word test on it never misses a match. İ
    lowers to "i" and a combining dot, which goes (with any other: the test may then find
    more, never less)."""
    low = text.lower()  # the Kelvin sign lowers to "k"
    if low.isascii():  # a flag of the string: free
        return low
    return low.replace("\u0131", "i").replace("\u017f", "s").replace("\u0307", "")


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` (already :func:`folded`) holds one of ``words``."""
    return any(word in text for word in words)


#: a broadcaster's or agency's credit alone on a line: its name in capitals, then the editors'
#: initials or names in brackets ("MDR (dst)", "AFP/dpa (jle)", "MDR (Engin Haupt, Alisa
#: Sonntag)"); case matters: "Geneva (AP)" opens a sentence, "MDR" must be capitals. A line
#: that closes with a dash is a dateline set apart from its paragraph ("LIMA (AP) —", "ROME
#: (Reuters) -"), which the places stage reads: no credit closes so
CREDIT_LINE = re.compile(r"^[A-Z]{2,8}(?:[/,] ?[A-Za-z]{2,8})*\s*\([^()]{2,60}\)[^\w—–-]*$")


#: a longer appeal: the reader asked to support, donate to or subscribe to journalism
_SUPPORT = (r"(unterstützen|unterstützung|support|soutenir|soutenez|apoyar|apoya|spende|spenden"
            r"|donate)")
_JOURNALISM = r"(journalismus|journalism|journalisme|periodismo|giornalismo|journalistik)"
_READER = re.compile(r"\b(sie|you|vous|usted|du|ihr)\b", re.I)
APPEAL_PARAGRAPH = re.compile(
    rf"\b{_JOURNALISM}\b.{{0,240}}\b{_SUPPORT}|\b{_SUPPORT}.{{0,240}}\b{_JOURNALISM}\b", re.I)
#: every match of ``APPEAL_PARAGRAPH`` holds one of these (the words of ``_JOURNALISM``)
_JOURNALISM_WORDS = ("journal", "periodismo", "giornalismo")
#: an appeal paragraph has at most this many words
APPEAL_WORDS = 150


def is_appeal_paragraph(line: str) -> bool:
    """A paragraph asking the reader to support, donate to or pay for the journalism (``...
    braucht guten, frei zugänglichen Journalismus ... unterstützen Sie unsere Aktion``)."""
    return (len(line.split(None, APPEAL_WORDS)) <= APPEAL_WORDS
            and holds_any(folded(line), _JOURNALISM_WORDS)  # cheap, and enough for most lines
            and bool(APPEAL_PARAGRAPH.search(line)) and bool(_READER.search(line)))


def is_furniture_line(line: str) -> bool:
    """A short line that is a stamp, credit, date stamp, prompt, appeal or consent notice."""
    text = line.strip().lstrip("-•* ").strip()
    if len(text.split(None, FURNITURE_WORDS)) > FURNITURE_WORDS:  # only a consent notice
        return bool(CONSENT.match(text)) and \
            len(text.split(None, CONSENT_WORDS)) <= CONSENT_WORDS
    return bool(FURNITURE_START.match(text) or CREDIT_LINE.match(text)
                or (holds_any(folded(text), ANYWHERE_WORDS) and FURNITURE_ANYWHERE.search(text)))


def _flat(text: str) -> str:
    """``text`` with every run of whitespace one space, none at either end."""
    return " ".join(text.split())


def element_of(tree: Any, line: str) -> Any:
    """The innermost element whose whole text is ``line`` (whitespace aside), or None.

    Found from the text node holding the line's start (or its first words, when they sit in
    an element of their own: "<span>Hamburg.</span> Wie …"), then up its ancestors: a cheap
    search made only for the one or two lines that need it."""
    flat = _flat(line)
    start = flat[:30]
    if not start:
        return None
    for el in tree.iter():
        own = el.text
        if not own or not isinstance(el.tag, str):
            continue
        own = _flat(own)
        if start not in own and not (own and start.startswith(own)):
            continue
        node = el
        while node is not None:
            text = _flat(node.text_content())
            if text == flat:
                return node
            if len(text) > len(flat):
                break
            node = node.getparent()
    return None


def teaser_apart(tree: Any, lead: str, following: str) -> bool:
    """True when ``lead`` sits in another box than the paragraph after it: neither its
    element nor that element's parent holds the next paragraph's element as a child.
    Unknown (either line not found as an element) counts as not apart."""
    first, second = element_of(tree, lead), element_of(tree, following)
    if first is None or second is None:
        return False
    return first.getparent() is not second.getparent()


#: the marks a list item's line starts with once extracted (blocks.norm strips them too)
LIST_MARKS = ("- ", "• ", "* ")
_BY_LINE = re.compile(r"^(von|by|par|por|di|av|door|od|af)\s+(\w[\w.'-]*\s*){1,4}$", re.I)
SOURCES_LABEL = re.compile(r"^(verwendete\s+)?(quellen|sources|fuentes|kilder|källor)\s*:?$", re.I)
#: a short biography: a name, maybe a bracketed birth year, then "is"/"was" in a few languages
_BIO_VERB = r"(\s*\([^)]{1,20}\))?\s+(ist|war|is|was|est|était|es|era|är|var|er|je|jest)\b"


@lru_cache(maxsize=64)
def _author_names(byline: str | None) -> tuple[str, ...]:
    """The people a byline names (``"A, B und C"`` → three names), of two words or more."""
    names = re.split(r",|\s+(?:und|and|et|y|e|og|och)\s+|&", byline or "")
    return tuple(n.strip() for n in names if len(n.split()) >= 2)


@lru_cache(maxsize=64)
def _bio_start(name: str) -> re.Pattern[str]:
    return re.compile(rf"^(\w+\s+){{0,3}}{re.escape(name)}{_BIO_VERB}", re.I)


def is_byline_line(line: str, byline: str | None) -> bool:
    """A line that only names the author: "Von Nina Magoley", or a name of the byline alone."""
    text = line.strip()
    if _BY_LINE.match(text):
        return True
    folded = text.casefold()
    return bool(byline) and folded == _flat(str(byline)).casefold() or any(
        folded == name.casefold() for name in _author_names(byline))


def is_author_bio(line: str, byline: str | None) -> bool:
    """A short biography of the article's author: one of the byline's people named in the
    line's first few words and followed by "is"/"was" (``Manuela Conrad ist ZDF-Reporterin``,
    ``Korrespondent Ulrich Exner ist bei WELT``, ``Anne-Marie Slaughter (*1958) war ...``)."""
    text = line.strip()
    if len(text.split(None, 80)) > 80:
        return False
    head = " ".join(text.split()[:12])
    folded = head.casefold()
    return any(name.casefold() in folded and _bio_start(name).search(head)
               for name in _author_names(byline))


_TRUNCATED = re.compile(r"\w(\.\.\.|…)$")


def drop_truncated_teasers(lines: list[str]) -> list[str]:
    """Drop a teaser cut off mid-word ("... wynika ze słów Donalda Tr...") that follows a
    pointer line ("Czytaj więcej"): the start of another article, not this one."""
    return [ln for i, ln in enumerate(lines)
            if not (i and _TRUNCATED.search(ln.strip()) and is_furniture_line(lines[i - 1]))]


#: a tag list's label ("Schlagwörter:", "Etiketler :"): the items after it are the page's
#: topic links, not its text
TAGS_LABEL = re.compile(r"^(tags|schlagwörter|stichwörter|etiketler|etiquetas|mots-clés|tagi"
                        r"|emneord|nyckelord|trefwoorden|argomenti)\s*:?$", re.I)


def drop_source_lists(lines: list[str]) -> list[str]:
    """Drop a sources label ("Quellen:", "Verwendete Quellen") or a tag list's label
    ("Schlagwörter:", "- Etiketler :") and the list items after it."""
    out: list[str] = []
    in_list = False
    for line in lines:
        text = line.strip()
        label = text[2:].strip() if text[:2] in LIST_MARKS else text
        if SOURCES_LABEL.match(label) or TAGS_LABEL.match(label):
            in_list = True
            continue
        if in_list and text[:2] in LIST_MARKS:
            continue
        in_list = False
        out.append(line)
    return out


def drop_furniture(lines: list[str], byline: str | None,
                   head_authors: tuple[str, ...] = ()) -> list[str]:
    """The lines less stamps, prompts, appeals, pointers, byline lines, author biographies in
    the last three lines and source lists (see the module docstring). ``head_authors``: the
    author values of the page head; a line that prints one of them alone, as the head writes
    it ("박준석 기자 외 1명", where the byline kept is the JSON-LD's names), is a byline too."""
    printed = {_flat(a).casefold() for a in head_authors}
    kept = [ln for i, ln in enumerate(drop_source_lists(drop_truncated_teasers(lines)))
            if not is_furniture_line(ln) and not is_byline_line(ln, byline)
            and _flat(ln).casefold() not in printed
            and not (i and is_appeal_paragraph(ln))]
    tail = len(kept) - 3
    return [ln for i, ln in enumerate(kept) if i < tail or not is_author_bio(ln, byline)]


#: the hidden label a site puts inside a link for screen readers: "(öffnet im neuen Fenster)",
#: "(opens in a new window)", "(s'ouvre dans une nouvelle fenêtre)"; read aloud, not printed
_NEW_WINDOW = re.compile(
    r"\(\s*(öffnet (in einem|im) neuen (fenster|tab)|opens? in (a )?new (window|tab)"
    r"|(s'ouvre|ouvre) dans un(e)? nouv(elle|el) (fenêtre|onglet)|se abre en (una )?nueva"
    r" (ventana|pestaña)|si apre in una nuova (finestra|scheda)|opent in (een )?nieuw"
    r" (venster|tabblad))\s*\)", re.I)
#: the same label without its brackets, run straight onto the link's last word ("the
#: bridgeLink opens in a new tab would …"): a capital glued onto a word's letters is no
#: sentence's own ("the page reopens in a new tab" stays)
_GLUED_NEW_WINDOW = re.compile(
    r"(?<=[^\W\d_])(?:Link opens?|Opens?) in (?:a )?new (?:window|tab)\b")


#: a click-to-tweet box's button label, run into the end of the sentence it offers for sharing
#: ("… the space-time continuum.Click To Tweet"): the sentence is the article's, the label is not
_TWEET_LABEL = re.compile(r"\s*click to tweet\W*$", re.I)


def without_button_labels(line: str) -> str:
    """``line`` without the labels extractors run into it: a link's hidden "(opens in a new
    window)" (:func:`without_new_window_labels`) and a click-to-tweet button's "Click To
    Tweet" at its end."""
    line = without_new_window_labels(line)
    if "weet" not in line[-20:]:  # a cheap test before the pattern
        return line
    return _TWEET_LABEL.sub("", line) or line


def without_new_window_labels(line: str) -> str:
    """``line`` without a link's "(opens in a new window)" label: hidden text for screen
    readers that extractors run into the sentence ("ihren Investoren(öffnet im neuen
    Fenster), zu denen …"), with its brackets or glued onto the link's word without them
    ("the bridgeLink opens in a new tab would …")."""
    if " new " in line:  # a cheap test before the pattern
        line = _GLUED_NEW_WINDOW.sub("", line)
    if "(" not in line:
        return line
    kept, last = [], 0
    for m in _NEW_WINDOW.finditer(line):  # the pattern opens with "(": a fast scan
        start = m.start() - (m.start() > 0 and line[m.start() - 1] == " ")
        kept.append(line[last:start])
        last = m.end()
    return ("".join(kept) + line[last:]).strip() if kept else line
