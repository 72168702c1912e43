"""Text that is not news: source code, Markdown documentation, configuration files, JSON data.

A folder of inputs often holds more than pages (a README, a script, a settings file, a JSON
export). Read as a text dump, such a file yields "events" coded from code comments or bullet
lists, so the page stage rejects it with reason ``not_news`` and says what it looks like.

The tests are on the layout of the lines, not on words, so news of any topic passes: prose is
long lines of words with little punctuation beyond commas and full stops, whereas code has
statements and brackets, Markdown documentation has fences, tables and bullet-heavy sections,
and configuration is short ``key = value`` / ``key: value`` lines. Only text inputs are checked
(an HTML page is a page by construction).

A body of fewer than two words, from any input, is no sentence and so no article: it is
rejected as ``too_short`` (:func:`check_sentence`), where it used to be stored as a document
with no events.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter

from diurna.model import Rejected, plural

_CODE_LINE = re.compile(
    r"^\s*(def |class |import |from \S+ import |#include|#!|function\b|const |let |var |"
    r"public |private |protected |static |return\b|if\s*\(|for\s*\(|while\s*\(|switch\s*\(|"
    r"[{}\])]+[;,]?\s*$|}\s*else|@\w+|package |using |fn |pub |elif |else\s*:|try\s*:|except\b|"
    r"async |await |self\.|this\.|echo |export |(if|then|fi|do|done|esac|set) |"
    r"(for|if|while|with|elif|else|try|def|class|except|finally)\b[^.!?]*:\s*$|"
    r"#\s|//|/\*|\*/|\* |\"\"\"|'''|"
    r"[\w.\[\]'\"]+\s*[-+*/|&]?=\s*\S|\w+(\.\w+)*\(.*\)\s*[;{:]?\s*$)"
)
_CODE_END = re.compile(r"[;{}\\]\s*$|\)\s*:\s*$|^\s*\)\s*$|&&\s*$|\|\|\s*$|\$\(")
_CODE_CHARS = re.compile(r"[{}()\[\];=<>_|\\/$&*]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^#{1,6} \S")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+\.) \S")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_CONFIG_LINE = re.compile(
    r"^\s*(\[[^\]]{1,80}\]\s*$|[\w.\-\"'/]{1,60}\s*(=|:)(\s|$)|[\w.\-]+==\S+|--[\w-]+|"
    r"- \S.{0,60}$|- \{[\w\-\"']+:)"
)

_COMMENT = re.compile(r"^\s*[#;]")
_SENTENCE_END = re.compile(r"[.?!\"\u201d]\s*$")

#: fewer non-empty lines than this: too little to judge (a one-paragraph dump is prose)
MIN_LINES = 4


def looks_like(text: str) -> str | None:
    """What a non-news text is (``source code``, ``Markdown documentation``, ``a configuration
    file``, ``JSON data``), or None when it reads as prose."""
    stripped = text.strip()
    if stripped[:1] in "{[" and stripped[-1:] in "}]":
        try:
            json.loads(stripped)
            return "JSON data"
        except ValueError:
            pass
    lines = [ln for ln in text.splitlines() if ln.strip()]
    n = len(lines)
    if n < MIN_LINES:
        return None
    fences = sum(bool(_FENCE.match(ln)) for ln in lines)
    tables = sum(bool(_TABLE_ROW.match(ln)) for ln in lines)
    if fences >= 2 or tables >= 3:
        return "Markdown documentation"
    if _is_table_data(lines):
        return "table data (CSV/TSV)"
    settings = [ln for ln in lines if not _COMMENT.match(ln)]  # comments say nothing either way
    config = [ln for ln in settings if _CONFIG_LINE.match(ln)]
    sentences = sum(bool(_SENTENCE_END.search(ln)) for ln in config)
    if (
        len(settings) >= MIN_LINES
        and len(config) >= 0.6 * len(settings)
        and sentences < 0.3 * len(config)
    ):
        return "a configuration file"
    if sorted(map(len, lines))[n // 2] >= 100:
        return None  # most lines are paragraphs: prose, whatever else it holds
    code = sum(bool(_CODE_LINE.match(ln) or _CODE_END.search(ln)) for ln in lines)
    chars = "".join("".join(ln.split()) for ln in lines)
    density = len(_CODE_CHARS.findall(chars)) / (len(chars) or 1)
    if (code >= 0.4 * n and density >= 0.04) or (code >= 0.6 * n and density >= 0.02):
        return "source code"
    headings = sum(bool(_HEADING.match(ln)) for ln in lines)
    items = sum(bool(_LIST_ITEM.match(ln)) for ln in lines)
    if headings >= 3 and items >= 0.2 * n:
        return "Markdown documentation"
    return None


def _is_table_data(lines: list[str]) -> bool:
    """Ten or more lines that nearly all split into the same number (3+) of comma or tab
    separated fields: a CSV/TSV table, not paragraphs."""
    if len(lines) < 10:
        return False
    for sep in (",", "\t"):
        counts = Counter(ln.count(sep) for ln in lines)
        fields, share = counts.most_common(1)[0]
        if fields >= 2 and share >= 0.9 * len(lines):
            return True
    return False


#: Fewer words than this in the body is no sentence. A sentence that states an event needs at
#: least a subject and its verb: "Iran attacked." (2 words) is coded (ASSAULT, actor Iran), as
#: are the one-sentence texts the tests and the API's users send ("Iran attacked Iraq on
#: Monday."). One word ("garbage", "Attack", "2018 Home") names at most a thing or an act with
#: nobody doing it; stored, it was a document with no events (or an "event" with no actor)
#: that looked like a read page.
MIN_WORDS = 2
#: A word: a run of letters; in the scripts written without spaces between words (Thai, Lao,
#: Myanmar, Khmer, Japanese kana, CJK ideographs) each character counts, so that a sentence
#: in them is not one "word".
_WORD = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff"
                   r"\uf900-\ufaff]|[^\W\d_]+")


def check_sentence(text: str, source: str) -> None:
    """Raise ``Rejected("too_short")`` when the body ``text`` has fewer than
    :data:`MIN_WORDS` words: too few for any sentence, so nothing an article says. Counts at
    most ``MIN_WORDS`` words, so a long body costs nothing."""
    found = len(list(itertools.islice(_WORD.finditer(text), MIN_WORDS)))
    if found < MIN_WORDS:
        shown = " ".join(text.split())[:40]
        raise Rejected(
            "too_short",
            f"{source}: its text {shown!r} has {plural(found, 'word')}, too few for a sentence "
            "that could state an event; give the article's text or its page",
        )


def check_news_text(text: str, source: str) -> None:
    """Raise ``Rejected("not_news")`` when a text input is code, docs, config or JSON data."""
    what = looks_like(text)
    if what:
        raise Rejected(
            "not_news",
            f"{source} looks like {what}, not a news page or article text; "
            "leave it out of the inputs (or give pages as HTML, text dumps or JSONL)",
        )
