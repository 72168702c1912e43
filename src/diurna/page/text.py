"""Plain-text page dumps (copy-paste or text-mode browser output) → title, dek, body, comments.

A dump has no markup, so the structure is read from the layout (only HTML comment residue,
``<!-- … -->``, which wiki and CMS dumps keep and a reader never sees, is dropped first):

- *noise* lines are dropped anywhere: bare figures ("2,500 $" from donation widgets), calls to
  donate/subscribe/share, and repeats of the title;
- the *title* is a short line repeated above the body, else the first short line of three
  words or more; the *dek* the last short line after it, right above the body; the *body*
  starts at the first full paragraph;
- the *comment thread* starts at a "N comments"-style header or at the first bulleted short line
  (an author) followed by deeper-indented text or, on the very next line, by a sentence. Each bullet
  starts a comment; a bullet indented deeper than the previous one is a reply to it. Comments
  never go into the body.

Hand-written: no library reads article structure out of an unmarked text dump.
"""

from __future__ import annotations

import datetime as dt
import re

from diurna.model import Comment, Rejected
from diurna.page.parts import PageParts

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<glyph>[•·●○◦▪▫‣∙■□➤►▸*+\-–—])[ \t]+(?P<rest>\S.*)$")
_MONEY_OR_FIGURE = re.compile(r"^[\s$€£¥₽]*\d[\d.,' \u00a0]*(k|m)?[\s$€£¥₽%]*$", re.I)
_APPEAL = re.compile(
    r"(donat|consider (helping|supporting|a contribution)|support (us|our|independent)|"
    r"help(ing)? us\b|become a (patron|member|supporter|subscriber)|\bsubscribe\b|patreon|paypal|"
    r"(like|enjoy|enjoyed|appreciate) (this|our) (content|article|work|story|reporting)|"
    r"sign up for|newsletter|chip in|make a contribution)", re.I)
_SOCIAL = re.compile(r"^(share( this( article| story| post)?)?|tweet|e-?mail|print|facebook|"
                     r"twitter|whatsapp|telegram|reddit|linkedin|pinterest|vk|copy link|"
                     r"advertisement|related( articles| posts)?|read more|tags?:.*)\s*:?$", re.I)
_COMMENTS_HEADER = re.compile(
    r"^(\d+\s+)?(reader\s+)?(comments?|responses?|replies|thoughts on .{1,200})\s*(\(\d+\))?:?$|"
    r"^(leave|post|add|write) a (reply|comment|response)$|^join the (discussion|conversation)$",
    re.I)
_THREAD_NOISE = re.compile(
    r"^(reply|share|report|like|flag|edit|permalink|hide replies|show (more )?replies|"
    r"load more( comments)?|\d+\s+(likes?|replies|upvotes?|points?)|"
    r"(\d+|an?)\s+(second|minute|hour|day|week|month|year)s?\s+ago)$", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]$")
_BYLINE = re.compile(r"^(by|written by|author:)\s+\S", re.I)
TITLE_MAX_WORDS = 30
DEK_MAX_WORDS = 45
BODY_MIN_WORDS = 15
#: text dumps with more lines are refused (time grows with lines: ~1 s per 100,000)
MAX_LINES = 200_000
# HTML comment residue in wiki and CMS text dumps: markup the page never shows (124 of the 3,973
# Wikinews records hide sentences in one); an unclosed one runs to the end, as a browser reads it
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def without_html_comments(text: str, keep_length: bool = False) -> str:
    """``text`` without its ``<!-- … -->`` comments, which a reader of the page never sees: each
    becomes its line breaks (a space when it has none), so lines keep their order; with
    ``keep_length`` every character of it but a line break becomes a space instead, so offsets
    into ``text`` still hold (what the scorers need: gold offsets point into the raw text)."""
    if "<!--" not in text:
        return text

    def hidden(m: re.Match[str]) -> str:
        if keep_length:
            return re.sub(r"[^\n]", " ", m.group())
        return "\n" * m.group().count("\n") or " "

    return _HTML_COMMENT.sub(hidden, text)


def _words(line: str) -> int:
    return len(line.split())


def is_noise(line: str) -> bool:
    """Whether a text-dump line is page furniture rather than article text: a bare price or
    figure, a share/print button, or a short appeal to the reader."""
    s = line.strip()
    if _MONEY_OR_FIGURE.match(s) or _SOCIAL.match(s):
        return True
    return len(s) <= 200 and bool(_APPEAL.search(s))


def _author_like(text: str) -> bool:
    return 0 < len(text) <= 60 and _words(text) <= 6 and not _SENTENCE_END.search(text)


def _indent(s: str) -> int:
    return len(s.expandtabs(4)) - len(s.expandtabs(4).lstrip())


def _thread_start(lines: list[str], body_seen_at: int) -> int:
    """Index of the first line of the comment thread, or len(lines)."""
    for i in range(body_seen_at, len(lines)):
        s = lines[i].strip()
        if not s:
            continue
        if _COMMENTS_HEADER.match(s):
            return i
        m = _BULLET.match(lines[i])
        if m and _author_like(m.group("rest").strip()):
            indent = _indent(m.group("indent"))
            nxt = next((ln for ln in lines[i + 1:] if ln.strip()), None)
            if nxt is not None and not _BULLET.match(nxt) and _indent(nxt) > indent:
                return i  # "  • author" with the comment indented below it
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if after.strip() and not _BULLET.match(after) and not _author_like(after.strip()):
                return i  # "• author" with the comment on the very next line
    return len(lines)


def _blocks(lines: list[str]) -> list[str]:
    """Paragraph units: one per line, except hard-wrapped prose, which is re-joined."""
    units: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        wrapped = (len(block) > 1 and all(len(b) >= 40 for b in block[:-1])
                   and not any(_SENTENCE_END.search(b) for b in block[:-1]))
        if wrapped:
            units.append(" ".join(block))
        else:
            units.extend(block)
        block.clear()

    for line in lines:
        s = line.strip()
        if s:
            block.append(re.sub(r"\s+", " ", s))
        else:
            flush()
    flush()
    return units


def parse_thread(lines: list[str]) -> list[Comment]:
    """Comments of a text thread: bullets start comments, deeper bullets are replies."""
    raw: list[dict[str, object]] = []
    # Nesting key: (indent, glyph rank). Deeper indentation nests; at equal indentation a glyph
    # first seen later nests under an earlier one (lists rendered as •, then ◦ for replies).
    stack: list[tuple[tuple[int, int], int]] = []  # (nesting key, position in raw)
    glyphs: dict[str, int] = {}
    current: dict[str, object] | None = None
    bulleted = any(_BULLET.match(ln) for ln in lines)
    pending_break = False

    def add_line(text: str) -> None:
        nonlocal pending_break
        assert current is not None
        paras = current["paras"]
        assert isinstance(paras, list)
        if not paras or pending_break:
            paras.append([text])
        else:
            paras[-1].append(text)
        pending_break = False

    def new(indent: tuple[int, int], first: str) -> None:
        nonlocal current, pending_break
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        current = {"author": None, "paras": [], "parent": parent, "depth": len(stack)}
        raw.append(current)
        stack.append((indent, len(raw) - 1))
        pending_break = False
        if _author_like(first):
            current["author"] = first
        else:
            add_line(first)

    for line in lines:
        s = line.strip()
        if not s:
            pending_break = True
            continue
        if _THREAD_NOISE.match(s) or _COMMENTS_HEADER.match(s) or is_noise(s):
            if not bulleted and _THREAD_NOISE.match(s):
                current = None  # "Reply" closes an unbulleted comment
            continue
        m = _BULLET.match(line)
        if m:
            rank = glyphs.setdefault(m.group("glyph"), len(glyphs))
            new((_indent(m.group("indent")), rank), m.group("rest").strip())
        elif current is None:
            new((_indent(line), 0), s)
        else:
            add_line(s)

    # Drop author-only entries and renumber; a reply to a dropped entry moves up a level.
    keep: dict[int, int] = {}
    comments: list[Comment] = []
    for pos, c in enumerate(raw):
        paras = c["paras"]
        assert isinstance(paras, list)
        text = "\n\n".join("\n".join(p) for p in paras).strip()
        parent = c["parent"]
        while isinstance(parent, int) and parent not in keep:
            up = raw[parent]["parent"]
            parent = up if isinstance(up, int) else None
        if not text:
            continue
        keep[pos] = len(comments)
        author = c["author"]
        depth = c["depth"]
        comments.append(Comment(index=len(comments), text=text,
                                author=author if isinstance(author, str) else None,
                                parent=keep[parent] if isinstance(parent, int) else None,
                                depth=depth if isinstance(depth, int) else 0))
    return comments


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)} | {m[:3]: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)} | {"sept": 9}
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|date)\s*:?\s*)?(?:[a-z]+day,?\s+)?(?:"
    r"(?P<iso>(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2}))|"
    r"(?P<mon2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})|"
    r"(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon3>[a-z]{3,9})\.?,?\s+(?P<y3>\d{4}))"
    r"(?:[\sT,|-]+\d{1,2}[:.]\d{2}.*)?$", re.I)


def date_line(line: str) -> str | None:
    """ISO date of a line that is only a full date ("February 15, 2018", "15 Feb 2018",
    "2018-02-15", with an optional weekday, time or "Published:"); None otherwise. A date
    without a year is not a publication date we can use: it is left alone."""
    m = _DATE_LINE.match(line.strip())
    if not m:
        return None
    if m.group("iso"):
        y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    else:
        mon = (m.group("mon2") or m.group("mon3") or "").lower()
        if mon not in _MONTHS:
            return None
        y, mo, d = int(m.group("y2") or m.group("y3")), _MONTHS[mon], \
            int(m.group("d2") or m.group("d3"))
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _title(head: list[str]) -> str | None:
    """A line repeated above the body (dumps often repeat the headline), else the first line of
    at least three words (skips menu items such as "Home"), else the first short line."""
    short = [u for u in head if _words(u) <= TITLE_MAX_WORDS and not _BYLINE.match(u)]
    seen: set[str] = set()
    for unit in short:
        if unit.casefold() in seen:
            return unit
        seen.add(unit.casefold())
    return next((u for u in short if _words(u) >= 3), short[0] if short else None)


def read_text(text: str, source: str = "<text>") -> PageParts:
    """The parts of a plain-text dump of a page: title, byline, dek and date from the lines
    above the first paragraph of prose, the body's paragraphs, and a comment thread after it.
    More than ``MAX_LINES`` lines is a ``too_large`` rejection naming ``source``."""
    text = without_html_comments(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > MAX_LINES:
        raise Rejected("too_large", f"{source} has {len(lines):,} lines; the limit for text "
                                    f"dumps is {MAX_LINES:,} (diurna.page.text.MAX_LINES)")
    # The body starts at the first full paragraph (a long line of prose).
    first_body = next((i for i, ln in enumerate(lines)
                       if _words(ln) >= BODY_MIN_WORDS and not is_noise(ln)
                       and not _BULLET.match(ln)), None)
    if first_body is None:
        first_body = next((i for i, ln in enumerate(lines) if ln.strip() and not is_noise(ln)),
                          len(lines))
    thread_at = _thread_start(lines, first_body + 1)
    head = [u for u in _blocks(lines[:first_body]) if not is_noise(u)]
    body_units = [u for u in _blocks(lines[first_body:thread_at]) if not is_noise(u)]
    page = PageParts(paragraphs=[])
    page.published = next((d for d in map(date_line, head) if d), None)
    page.published_source = "text" if page.published else None
    head = [u for u in head if not date_line(u)]
    page.title = _title(head)
    rest: list[str] = []
    for unit in head:
        if page.title is not None and unit.casefold() == page.title.casefold():
            continue
        if page.byline is None and _BYLINE.match(unit) and _words(unit) <= 12:
            page.byline = re.sub(r"^(by|written by|author:)\s+", "", unit, flags=re.I)
        elif page.title is not None and head.index(unit) > head.index(page.title):
            rest.append(unit)
    if rest and _words(rest[-1]) <= DEK_MAX_WORDS:
        page.dek = rest[-1]  # the standfirst sits right above the body
    title_key = page.title.casefold() if page.title else None
    page.paragraphs = [u for u in body_units if u.casefold() != title_key]
    page.comments = parse_thread(lines[thread_at:]) if thread_at < len(lines) else []
    return page
