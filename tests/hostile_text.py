"""Hostile documents for the stages after the page stage (docs/batch.md, round 12).

Each generator is deterministic (a seeded :class:`random.Random`) and returns named page
texts that pass the page stage but may be hostile to language, actors, quotes, events, time,
places, the store or the exports. :func:`hostile_pages` is the fixed list the batch test and
``bench/hostile_pipeline.py`` drive through the whole pipeline; :func:`fragment` is the
palette the hypothesis test mixes into ordinary sentences.
"""

from __future__ import annotations

import json
import random

NEWS = (
    "Syrian government forces shelled rebel positions near Aleppo on Monday, the "
    "Syrian Observatory for Human Rights said."
)
NEWS2 = "Protesters marched in Caracas on Saturday against President Nicolas Maduro."
QUOTE = '"We will not withdraw," Rex Tillerson told reporters in Amman on Tuesday.'

# Every Unicode space and dash, the bidi and zero-width controls, combining marks.
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
         "\u2028\u2029\u202f\u205f\u3000\u0085\u000b\u000c"
DASHES = "\u002d\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a" \
         "\u2e3a\u2e3b\u2e40\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\u2212"
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068" \
           "\u2069\u061c\ufeff\u2060\u00ad"
COMBINING = "\u0301\u0308\u0327\u0336\u20dd\u0489\u1ab0\u1dc0\ufe20"
EMOJI = ("\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
         "\U0001f1f8\U0001f1fe", "\U0001f44d\U0001f3fd", "\u2764\ufe0f",
         "\U0001f3f3\ufe0f\u200d\U0001f308")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a\u300c\u300d"
ARABIC = "قال الرئيس السوري بشار الأسد إن القوات ستنسحب من حلب يوم الاثنين."
CHINESE = "中国外交部发言人周一在北京表示，双方将继续举行会谈。"
BAD_DATES = ("February 30", "the 99th of Smarch", "the year 0", "in the year 99999",
             "3000 BC", "on 31/02/2018", "on 2018-13-45", "on 0000-00-00", "Monday the 32nd",
             "in 99999 AD", "on February 29, 2019", "in the 400th century")


def _words(rng: random.Random, n: int) -> str:
    vocab = ("forces", "shelled", "talks", "minister", "said", "Syria", "attack", "city",
             "government", "rebels", "the", "of", "in", "Iran", "withdraw", "protest")
    return " ".join(rng.choice(vocab) for _ in range(n))


def _mangle(rng: random.Random, text: str, alphabet: str, rate: float) -> str:
    """``text`` with characters of ``alphabet`` put between its characters at ``rate``."""
    out = []
    for ch in text:
        out.append(ch)
        if rng.random() < rate:
            out.append(rng.choice(alphabet))
    return "".join(out)


def hostile_pages(seed: int = 38, scale: float = 1.0) -> list[tuple[str, str]]:
    """(name, page text) for each hostile shape of the brief; a plain text dump each, whose
    first line is its title. ``scale`` shrinks the long ones (the brief's sizes at 1.0; the
    test suite's run uses less, as the full pipeline reads them at ~100,000 characters a
    minute)."""
    rng = random.Random(seed)

    def n(size: int) -> int:
        return max(1, int(size * scale))

    long_line = _words(rng, n(30_000))[:n(199_000)]  # under the parser's cap, no punctuation
    pages = [
        ("long_sentence", "A long sentence\n\n" + long_line),
        ("long_sentence_over_cap", "Over the cap\n\n" + _words(rng, 40_000)),
        ("quotes_thousands", "Quotes\n\n" + NEWS + " " + "".join(
            rng.choice(QUOTE_MARKS) + rng.choice(("", "said ", "x ")) for _ in range(n(5000)))),
        ("quotes_nested", "Nested quotes\n\n" + "".join(
            f'{q}He said {QUOTE[:20]} ' for q in '"\u201c\u2018\'\u00ab' * 6) + NEWS),
        ("spaces_and_dashes", "Spaces" + SPACES + "and" + DASHES + "dashes\n\n"
         + _mangle(rng, NEWS, SPACES + DASHES, 0.3) + "\n\n" + NEWS2),
        ("controls_in_words", "Controls\n\n" + _mangle(rng, NEWS + " " + QUOTE,
                                                       CONTROLS + COMBINING, 0.4)),
        ("emoji", "Emoji\n\n" + " ".join(w + rng.choice(EMOJI)
                                         for w in (NEWS + " " + NEWS2).split())),
        ("nul_and_c0", "Nul\n\n" + _mangle(rng, NEWS + " " + QUOTE,
                                          "".join(map(chr, range(0, 32))).replace("\n", ""), 0.2)),
        ("repeated_word", "Repeated\n\n" + " ".join(["attack"] * n(50_000))),
        ("bad_dates", "Bad dates\n\n" + " ".join(
            f"Rebels attacked Aleppo {d}, officials said." for d in BAD_DATES)),
        ("huge_numbers", "Numbers\n\n" + " ".join(
            f"Forces killed {rng.randrange(1, 10) * 10 ** 399 + 7} people in Aleppo on "
            f"{10 ** 300} March, in {10 ** 50}." for _ in range(3))),
        ("place_repeated", "Places\n\nProtesters marched in "
         + ", ".join(["Caracas"] * n(10_000)) + "."),
        ("title_20000", "T" + _words(rng, n(4000))[:n(20_000)] + "\n\n" + NEWS),
        ("mixed_scripts", "Mixed\n\n" + " ".join((NEWS, ARABIC, CHINESE, QUOTE, ARABIC + CHINESE,
                                                 NEWS2))),
        ("digits_only", "Digits\n\n" + "7" * n(100_000)),
    ]
    return pages


def jsonl_records() -> str:
    """A JSONL file whose records carry hostile ``published`` values (and one good one)."""
    records = [
        {"url": "https://example.org/a", "text": NEWS, "published": "garbage"},
        {"url": "https://example.org/b", "text": NEWS2, "published": "2018-02-30"},
        {"url": "https://example.org/c", "text": QUOTE, "published": "99999-01-01"},
        {"url": "https://example.org/d", "text": NEWS + " " + NEWS2, "published": 12},
        {"url": "https://example.org/e", "text": NEWS2 + " " + QUOTE, "published": None},
        {"url": "https://example.org/f", "text": QUOTE + " " + NEWS, "published": ["x"]},
        {"url": "https://example.org/g", "text": NEWS + "!", "published": "0000-00-00T99:99"},
    ]
    return "".join(json.dumps(r) + "\n" for r in records)


def warc_bad_length() -> bytes:
    """A WARC file of three responses: the first declares a Content-Length shorter than its
    block, the second longer than what is left, the third is well formed."""
    def record(uri: str, body: str, declared_delta: int) -> bytes:
        http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                f"<html><body><article><h1>{uri}</h1><p>{body}</p></article></body></html>")
        block = http.encode()
        head = ("WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Target-URI: {uri}\r\nWARC-Date: 2018-02-15T00:00:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)) % 10**12:012d}>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(block) + declared_delta}\r\n\r\n")
        return head.encode() + block + b"\r\n\r\n"

    return (record("https://example.org/short", NEWS, -40)
            + record("https://example.org/good", NEWS2, 0)
            + record("https://example.org/long", QUOTE, 5000))


def fragment(rng: random.Random) -> str:
    """One hostile fragment (a few to a few hundred characters) to put among ordinary news."""
    kind = rng.randrange(10)
    if kind == 0:
        return rng.choice(QUOTE_MARKS) * rng.randrange(1, 60)
    if kind == 1:
        return _mangle(rng, rng.choice((NEWS, NEWS2, QUOTE)), SPACES + DASHES, 0.3)
    if kind == 2:
        return _mangle(rng, rng.choice((NEWS, NEWS2, QUOTE)), CONTROLS + COMBINING, 0.3)
    if kind == 3:
        return "".join(rng.choice(EMOJI) for _ in range(rng.randrange(1, 20)))
    if kind == 4:
        return rng.choice(BAD_DATES)
    if kind == 5:
        return str(rng.randrange(10 ** rng.randrange(1, 400)))
    if kind == 6:
        return rng.choice((ARABIC, CHINESE))
    if kind == 7:
        place = rng.choice(("Caracas", "Aleppo", "Kuwait", "Iran"))
        return " ".join([place] * rng.randrange(1, 80))
    if kind == 8:
        return _mangle(rng, rng.choice((NEWS, QUOTE)), "\x00\x01\x07\x1b\x7f\x9b", 0.2)
    return rng.choice((NEWS, NEWS2, QUOTE))
