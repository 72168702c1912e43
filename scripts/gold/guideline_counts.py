"""Count what the open gold does on the guideline points annotators named unclear.

Issues #12 and #17 (brief G): each point is decided as the majority practice of the training and
non-blind development gold. This script gives the counts behind each decision written into
``docs/annotation-quotes.md`` §11 and ``docs/annotation-events.md`` (sessions 37 and 39). It
reads only the open files below: never the frozen test files, nor the sets blind when each point
was counted (session 37: events dev11-dev13, quotes dev4-dev6; session 39's points, which also
read the events dev11 and dev12 opened since: events dev13-dev14, quotes dev6-dev7). The tests
are textual (regular expressions over the gold's own spans and the sentence around them), so
every count is a candidate count to be read with ``--show``.

    PYTHONPATH=src python scripts/gold/guideline_counts.py [--only POINT] [--show POINT]

(with ``DIURNA_SHARED`` set, for the article texts). POINT is one of the keys printed
(``q-via``, ``q-as``, ``q-legal``, ``q-stance``, ``q-uncued``, ``e-self``, ``e-agency``,
``e-common``, ``e-court``, ``e-fund``, ``e-anaphor``; session 39: ``e-weekday``, ``e-twodays``,
``e-survey``, ``e-ratify``).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import base_text, read_jsonl

ROOT = Path(__file__).resolve().parents[2]
QUOTE_FILES = ("train", "train2", "dev", "dev2", "dev3")
EVENT_FILES = ("train", "train2", "train3", "train4", "dev", "dev3", "dev4", "dev5", "dev6",
               "dev7", "dev8", "dev9", "dev10")
SENT_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z])|\n+")
Row = tuple[str, str]  # (bucket, text to show)


def quote_lines() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(file, article text, attribution) for every attribution of the open quote gold."""
    for name in QUOTE_FILES:
        for line in read_jsonl(ROOT / "gold" / f"quotes-wikinews-{name}.jsonl"):
            text = base_text(line["source"])
            for att in line.get("attributions", []):
                yield name, text, att


READ_SINCE_38 = ("dev11", "dev12")  # opened in session 38; counted only by session 39's points


def event_units(extra: tuple[str, ...] = ()) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(file, sentence text, unit line) for every unit of the open Wikinews event gold."""
    for name in EVENT_FILES + extra:
        for line in read_jsonl(ROOT / "gold" / f"events-wikinews-{name}.jsonl"):
            if "events" not in line:
                continue
            yield name, base_text(line["source"])[line["start"]:line["end"]], line


def spans(att: dict[str, Any]) -> list[dict[str, Any]]:
    """Every located span of an attribution (content parts, speaker, cue, via)."""
    out = list(att.get("content") or [])
    out += [att[k] for k in ("speaker", "cue", "via") if isinstance(att.get(k), dict)]
    return out


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch from the sentence start before ``start`` to the sentence end after ``end``."""
    left = 0
    for before in SENT_END.finditer(text, 0, start):
        left = before.end()
    after = SENT_END.search(text, end)
    return left, (after.start() if after else len(text))


def region(text: str, att: dict[str, Any]) -> tuple[int, int]:
    """The attribution's sentence(s), found from its spans."""
    located = spans(att)
    return sentence_bounds(text, min(s["start"] for s in located), max(s["end"] for s in located))


def cut(text: str, a: int, b: int) -> str:
    """``text[a:b]`` on one line, for listing."""
    return " ".join(text[a:b].split())


CHANNEL = re.compile(r"\b(?:in|through|via)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:statement|letter|press release|release|communiqu[eé]|message|note|"
                     r"declaration|e-?mail|video|audio(?:tape)?|tape|broadcast|speech|interview|"
                     r"report|op-ed|article|column|posting|post|blog|website)\b", re.I)


def q_via(out: list[Row]) -> None:
    """An unnamed channel phrase ("in a statement") in the attribution's sentence: via or not."""
    for _, text, att in quote_lines():
        cue, via = att.get("cue"), att.get("via")
        if not cue or att.get("parent") is not None:
            continue  # a nested line's channel is its parent's
        a, b = sentence_bounds(text, cue["start"], cue["end"])  # the cue's own sentence
        for m in CHANNEL.finditer(text, a, b):
            phrase = m.group(0)
            if re.search(r"\b(?:[A-Z]\w+|television|radio|TV)\b", phrase.split(None, 1)[1]):
                continue  # a named channel ("in an interview with the BBC" is elsewhere)
            if via and via["start"] <= m.end() and m.start() <= via["end"]:
                bucket = "via"
            elif cue["start"] <= m.end() and m.start() <= cue["end"]:
                bucket = "cue"
            elif att.get("speaker") and att["speaker"]["start"] < m.end() \
                    and m.start() < att["speaker"]["end"]:
                bucket = "speaker"
            elif any(c["start"] <= m.start() and m.end() <= c["end"]
                     for c in att.get("content") or []):
                continue  # inside the content: not this line's channel
            else:
                bucket = "none"
            noun = "occasion" if re.search(r"speech|interview|video|broadcast", phrase, re.I) \
                else "document"
            bucket = f"{noun}: {bucket}"
            out.append((bucket, f"{phrase!r} via={via and via['text']!r} cue={cue['text']!r}"
                                f" | {cut(text, a, b)}"))


AS_CUE = re.compile(r"^(?:(?:is|are|was|were|been|being|has been|have been) )?(?:widely )?(?:seen|"
                    r"viewed|regarded|identified|described|considered|perceived|portrayed|"
                    r"branded|labell?ed|characteri[sz]ed)(?: as)?$", re.I)


def q_as(out: list[Row]) -> None:
    """"seen as" type cues: where the gold puts the "as" (cue, content, or neither span).

    Counted when an "as" stands in the cue, or the content holds one, or one follows the cue
    within 80 characters (before the content's end)."""
    for _, text, att in quote_lines():
        cue = att.get("cue")
        if not cue or not AS_CUE.match(cue["text"]) or not att.get("content"):
            continue
        agent = "agentless" if att.get("speaker") is None else "with speaker"
        if cue["text"].lower().endswith(" as"):
            where = "in the cue"
        elif any(re.search(r"^as\b|\sas\s", p["text"]) for p in att["content"]):
            where = "in the content"
        elif re.search(r"\bas\b", text[cue["end"]:cue["end"] + 80]):
            where = "in neither"
        else:
            continue
        a, b = region(text, att)
        parts = " | ".join(p["text"][:40] for p in att["content"])
        out.append((f"{agent}: 'as' {where}", f"cue={cue['text']!r} content={parts!r} "
                                              f"| {cut(text, a, b)}"))


LEGAL = {
    "charged with": r"\bcharged\s+(?:\w+\s+)?with\b",
    "accused of": r"\baccused\s+(?:\w+\s+)?of\b",
    "indicted": r"\bindict(?:ed|ment)\b",
    "subpoena": r"\bsubpoena",
    "lawsuit/sued": r"\b(?:lawsuit|sued|suing|filed (?:a )?suit)\b",
    "court ordered": r"\b(?:court|judge|judges|tribunal)\b[^.]{0,40}\border(?:ed|s)\b",
    "judges agreed": r"\b(?:judges?|justices?|court)\b[^.]{0,30}\bagreed\b",
    "ruled": r"\bruled\b",
    "convicted/found guilty": r"\b(?:convicted|found guilty)\b",
}


def _articles(files: tuple[str, ...]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(article text, its attributions) for every article line of the given quote files."""
    for name in files:
        for line in read_jsonl(ROOT / "gold" / f"quotes-wikinews-{name}.jsonl"):
            if "attributions" in line:
                yield base_text(line["source"]), line["attributions"]


def q_legal(out: list[Row]) -> None:
    """Legal and procedural acts: is a line cued on the act's words."""
    for text, atts in _articles(QUOTE_FILES):
        for key, pattern in LEGAL.items():
            for m in re.finditer(pattern, text):
                hit = [att for att in atts if att.get("cue")
                       and att["cue"]["start"] < m.end() + 3 and m.start() - 3 < att["cue"]["end"]]
                bucket = f"{key}: {'annotated' if hit else 'not'}"
                a, b = sentence_bounds(text, m.start(), m.end())
                cues = ",".join(repr(h["cue"]["text"]) for h in hit)
                out.append((bucket, f"{m.group(0)!r} cue={cues} | {cut(text, a, b)}"))


STANCE = re.compile(r"\b(?:concerns?|fears?|feelings?|speculation|beliefs?|doubts?|hopes?|"
                    r"expectations?|suspicions?|worries|mood|sentiment|perception|consensus|"
                    r"optimism|pessimism|anger|outrage|support|opinions?)\s+(?:that|about|over|"
                    r"favou?ring|for|of)\b(?:\s+(?:how|whether|what|why|who))?", re.I)


def q_stance(out: list[Row]) -> None:
    """Stance nouns ("concerns that", "support for"): which the gold annotates, by complement
    (a clause, or a noun phrase only). The holder (none, or named before the noun) is read by
    hand from ``--show``."""
    for text, atts in _articles(QUOTE_FILES):
        for m in STANCE.finditer(text):
            a, b = sentence_bounds(text, m.start(), m.end())
            hit = [att for att in atts if att.get("cue")
                   and m.start() - 2 <= att["cue"]["start"] < m.end()]
            if hit:
                line = "agentless line" if hit[0].get("speaker") is None else "holder's line"
            else:
                line = "no line on the noun"
            words = m.group(0).lower().split()
            clause = words[1] == "that" or len(words) > 2
            bucket = f"{'clause' if clause else 'noun phrase'}: {line}"
            out.append((bucket, f"{m.group(0)!r} | {cut(text, a, b)}"))


def _who(att: dict[str, Any]) -> str:
    """The speaker's last word (name or span), to tell two lines of one speaker."""
    name = att.get("speaker_name") or (att.get("speaker") or {}).get("text") or ""
    return name.lower().split()[-1] if name.split() else ""


def _closed_quote(text: str, part: dict[str, Any]) -> bool:
    """A content part that is a whole quotation of its own: opened just before, closed after."""
    before = text[max(0, part["start"] - 2):part["start"]].strip()[-1:]
    after = text[part["end"]:part["end"] + 2].lstrip()[:1]
    return before in "\"“" and before != "" and after in "\"”" and after != ""


def q_uncued(out: list[Row]) -> None:
    """A closed quotation with no cue of its own, between two cued lines of one speaker.

    "back": the gold puts it in the preceding cued line; "forward": in the following one."""
    for text, atts in _articles(QUOTE_FILES):
        starts = [0] + [m.end() for m in SENT_END.finditer(text)]

        def sid(offset: int, starts: list[int] = starts) -> int:
            return bisect.bisect_right(starts, offset) - 1

        cued = [(sid(a["cue"]["start"]), _who(a), i) for i, a in enumerate(atts) if a.get("cue")]
        for i, att in enumerate(atts):
            if att.get("kind") != "direct" or not att.get("cue"):
                continue
            home, who = sid(att["cue"]["start"]), _who(att)
            for part in att["content"]:
                at = sid(part["start"])
                if at == home or not _closed_quote(text, part):
                    continue
                near = at + 1 if at > home else at - 1
                if not any(s == near and w == who and k != i for s, w, k in cued):
                    continue
                if at > home:
                    reuse = any(k != i and b.get("cue") == att["cue"] for k, b in enumerate(atts))
                    bucket = "back, into " + ("a line reusing an indirect cue" if reuse
                                              else "the preceding direct line")
                else:
                    prev = [b for b in atts if b.get("cue") and sid(b["cue"]["start"]) == at - 1
                            and _who(b) == who]
                    kinds = "/".join(sorted({b["kind"] for b in prev})) or "no line"
                    bucket = f"forward, after a {kinds} line"
                lo, hi = min(home, at, near), max(home, at, near) + 1
                out.append((bucket, cut(text, starts[lo], starts[min(hi, len(starts) - 1)])))


REPORT = re.compile(r"\b(?:said|says|say|told|announced|announces|stated|added|reported|"
                    r"claimed|confirmed|revealed|disclosed|explained|insisted)\b")
PRONOUN = re.compile(r"^(?:he|she|they|we|i|it|him|her|them|us|me)$", re.I)
VERBAL = {"ACCUSE", "DEMAND", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE"}


def e_self(out: list[Row]) -> None:
    """A party's report of its own act: status of events in a clause after a reporting verb
    whose subject is the event's actor (or recipient)."""
    for _, sent, line in event_units():
        base = line["start"]
        for ev in line["events"]:
            t0 = ev["trigger"]["start"] - base
            verbs = [m for m in REPORT.finditer(sent, 0, max(t0, 0))]
            if not verbs or sent[verbs[-1].start():t0].count(".") or t0 < 0:
                continue
            verb = verbs[-1]
            subject = sent[max(0, verb.start() - 60):verb.start()]
            clause = sent[verb.end():t0 + 1]
            party = None
            for role in ("actor", "recipient"):
                arg = ev.get(role)
                if not arg:
                    continue
                word = arg["text"]
                in_clause = re.search(rf"\b{re.escape(word)}\b", clause)
                if (PRONOUN.match(word) and in_clause) or word in subject:
                    party = role
                    break
            if party is None:
                continue
            kind = "verbal" if ev["type"] in VERBAL else "material"
            verb_kind = "announces" if verb.group(0).startswith("announc") else "says"
            bucket = f"{party} {verb_kind}, {kind}: {ev['status']}"
            actor = (ev.get("actor") or {}).get("text")
            out.append((bucket, f"{ev['type']} {ev['trigger']['text']!r} actor={actor!r} "
                                f"| {' '.join(sent.split())}"))


AGENCY = re.compile(r"\b(?:AFP|Reuters|AP|Associated Press|Agence France[- ]Presse|BBC|CNN|"
                    r"Xinhua|Interfax|ITAR-TASS|RIA Novosti|IRNA|Kyodo|Yonhap|Al Jazeera|"
                    r"news agency|[Nn]ews [Aa]gency|wire service|newspaper|[Mm]edia reports?|"
                    r"state media|state television|reports?)\b")
MEDIA_VERB = re.compile(r"\b(?:reported|reports|reporting|according to|quoted|quoting|cited|"
                        r"citing|said|says)\b")


def e_agency(out: list[Row]) -> None:
    """Events told through a news agency's report: status."""
    for _, sent, line in event_units():
        base = line["start"]
        for m in AGENCY.finditer(sent):
            window = sent[max(0, m.start() - 25):m.end() + 25]
            if not MEDIA_VERB.search(window):
                continue
            for ev in line["events"]:
                actor = (ev.get("actor") or {}).get("code") or ""
                if actor.endswith("MED"):
                    continue  # the agency's own act
                kind = "verbal" if ev["type"] in VERBAL else "material"
                source = "bare 'reports'" if m.group(0).lower().startswith("report") \
                    else "named medium"
                t0 = ev["trigger"]["start"] - base
                out.append((f"{source}, {kind}: {ev['status']}",
                            f"{m.group(0)!r} {ev['type']} {ev['trigger']['text']!r} @{t0} "
                            f"| {' '.join(sent.split())}"))
            break


def _country_words() -> re.Pattern[str]:
    """Country names, aliases, demonyms and capitals of the actor dictionary, as one pattern."""
    words: set[str] = set()
    table = ROOT / "src" / "diurna" / "actors" / "data" / "countries.csv"
    with open(table, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for field in ("name", "aliases", "demonyms", "capitals"):
                words.update(w for w in (row[field] or "").split("|") if len(w) > 2)
    words.update({"U.S.", "US", "UK", "EU", "UN", "Washington", "American", "Americans"})
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


COMMON = re.compile(r"^(?:the |a |an |some |many |several |\d+ |hundreds of |thousands of )?"
                    r"[a-z][a-z -]*$")


def e_common(out: list[Row]) -> None:
    """Common-noun arguments ("teachers", "the court"): coded or null, by whether the sentence
    names a country or place anywhere."""
    places = _country_words()
    for _, sent, line in event_units():
        for ev in line["events"]:
            for role in ("actor", "recipient"):
                arg = ev.get(role)
                if not arg or PRONOUN.match(arg["text"]) or not COMMON.match(arg["text"]):
                    continue
                given = ("sentence names a country" if places.search(sent)
                         else "no country in sentence")
                coded = "coded" if arg.get("code") else "null"
                out.append((f"{given}: {coded}", f"{arg['text']!r}={arg.get('code')} "
                                                 f"| {' '.join(sent.split())}"))


def _trigger_rows(pattern: str, sentences: bool,
                  extra: tuple[str, ...] = ()) -> Callable[[list[Row]], None]:
    """A counter of the units whose sentence matches ``pattern``: the types coded on the match
    (or "not coded"); ``sentences`` keeps the uncoded sentences in the listing."""
    rx = re.compile(pattern, re.I)

    def count(out: list[Row]) -> None:
        for _, sent, line in event_units(extra):
            found = rx.search(sent)
            if not found:
                continue
            base = line["start"]
            hit = [ev for ev in line["events"]
                   if ev["trigger"]["start"] - base <= found.end()
                   and found.start() <= ev["trigger"]["end"] - base]
            bucket = ",".join(sorted({f"{ev['type']}" for ev in hit})) or "not coded"
            if sentences or hit:
                codes = "; ".join(f"{(ev.get('actor') or {}).get('code')}->"
                                  f"{(ev.get('recipient') or {}).get('code')}" for ev in hit)
                out.append((bucket, f"{found.group(0)!r} {codes} | {' '.join(sent.split())}"))
    return count


e_court = _trigger_rows(r"\b(?:struck down|strike down|overturn(?:ed|s)?|overrul(?:ed|es)|"
                        r"annul(?:led|s)?|invalidat(?:ed|es)|quash(?:ed|es)?|"
                        r"ruled (?:\w+ )?unconstitutional|declared (?:\w+ )?unconstitutional)\b",
                        True)
e_fund = _trigger_rows(r"\b(?:fund(?:s|ed|ing)?|grants?|allocat(?:ed|es|ion)|"
                       r"subsid(?:y|ies|ise|ize)|bail-?out|stimulus)\b", True)

ANAPHOR = re.compile(r"\b(?:the (?:following|next|previous|same|preceding) "
                     r"(?:day|week|month|year|morning|evening|night)|that (?:day|week|month|year|"
                     r"morning|evening|night)|the day (?:before|after)|(?:a|one|two|three) "
                     r"(?:days?|weeks?|months?|years?) (?:later|earlier|before|after)|"
                     r"later that (?:day|week|month|year)|earlier that (?:day|week|month|year))\b",
                     re.I)


def e_anaphor(out: list[Row]) -> None:
    """Events in a sentence with an anaphoric date: the gold's date filled or null."""
    for _, sent, line in event_units():
        m = ANAPHOR.search(sent)
        if not m:
            continue
        for ev in line["events"]:
            bucket = "dated" if ev.get("date") else "null"
            out.append((bucket, f"{m.group(0)!r} {ev['type']} {ev['trigger']['text']!r} "
                                f"date={ev.get('date')} pub={line['published']} "
                                f"| {' '.join(sent.split())}"))


WEEKDAY = re.compile(r"\b(?:on |this |next |last )?(Monday|Tuesday|Wednesday|Thursday|Friday|"
                     r"Saturday|Sunday)\b")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def e_weekday(out: list[Row]) -> None:
    """Events dated in a sentence that names one weekday: the gold's day before, on or after
    publication (a future weekday dated forward or back), or no day."""
    for _, sent, line in event_units(READ_SINCE_38):
        days = {m.group(1) for m in WEEKDAY.finditer(sent)}
        if len(days) != 1:
            continue
        pub = line["published"]
        for ev in line["events"]:
            date = ev.get("date") or ""
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                bucket = f"not a day ({'null' if not date else 'coarser'})"
            else:
                bucket = "before" if date < pub else ("same day" if date == pub else "after")
            out.append((f"{bucket}, {ev['status']}", f"{ev['type']} {ev['trigger']['text']!r} "
                        f"date={date or None} pub={pub} | {' '.join(sent.split())}"))


TWO_DAYS = re.compile(r"\b(?:on |between )?(?:" + "|".join(DAYS) + r")\s+(?:and|to|through)\s+"
                      r"(?:" + "|".join(DAYS) + r")\b")


def e_twodays(out: list[Row]) -> None:
    """Events in a sentence naming two weekdays joined ("on Friday and Saturday"): the value."""
    for _, sent, line in event_units(READ_SINCE_38):
        m = TWO_DAYS.search(sent)
        if not m:
            continue
        for ev in line["events"]:
            date = ev.get("date")
            grain = ("null" if not date else "week" if "W" in date
                     else "day" if len(date) == 10 else "coarser")
            out.append((grain, f"{m.group(0)!r} {ev['type']} {ev['trigger']['text']!r} "
                               f"date={date} pub={line['published']} | {' '.join(sent.split())}"))


e_survey = _trigger_rows(r"\b(?:survey|index|ranking|ranked|ranks|league table|report card)\b",
                         True, READ_SINCE_38)
e_ratify = _trigger_rows(r"\bratif(?:y|ied|ies|ication|ying)\b", True, READ_SINCE_38)


POINTS: dict[str, Callable[[list[Row]], None]] = {
    "q-via": q_via, "q-as": q_as, "q-legal": q_legal, "q-stance": q_stance,
    "q-uncued": q_uncued, "e-self": e_self, "e-agency": e_agency, "e-common": e_common,
    "e-court": e_court, "e-fund": e_fund, "e-anaphor": e_anaphor,
    "e-weekday": e_weekday, "e-twodays": e_twodays, "e-survey": e_survey,
    "e-ratify": e_ratify,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", choices=sorted(POINTS), help="also list the cases of one point")
    parser.add_argument("--only", choices=sorted(POINTS), help="count one point only")
    args = parser.parse_args()
    for key, point in POINTS.items():
        if args.only and key != args.only and key != args.show:
            continue
        rows: list[Row] = []
        point(rows)
        counts = Counter(bucket for bucket, _ in rows)
        print(f"{key}: " + "; ".join(f"{b} {n}" for b, n in sorted(counts.items())))
        if args.show == key:
            for bucket, shown in sorted(rows):
                print(f"  [{bucket}] {shown[:400]}")


if __name__ == "__main__":
    main()
