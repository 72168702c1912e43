"""Toponym recognition beyond the small model's NER: gazetteer names with the evidence that
makes them places.

spaCy's small English model misses many local place names or reads them as people or
organisations ("in Newberry", "DFL-Cook", "Becker, Clay and Douglas counties", a dateline
"TORRINGTON —"). This module proposes such names when the gazetteer knows them **and** the text
gives evidence that they are used as places:

- ``dateline``: a name opening a paragraph and followed by a dash or "(AP)";
- ``party``: a legislator's party and home town, "D-Winthrop", "R-Elbow Lake", "D-W. Va.";
- ``county_list``: the items of "Alachua and Gilchrist counties", "Becker, Clay, Douglas ...
  and Wilkin counties" (each read as a county);
- ``locative``: a locative preposition or a distance before the name ("in", "at", "near",
  "outside", "from", "north of", "miles from"), or a person's home town (", of Wooster");
- ``repeat``: another mention of a name already taken as a place in the same document (one
  sense per discourse), unless it is part of a longer name.

Counter-evidence that stops a candidate: the name continues with another capitalised word
(part of a longer, unknown name: "Clinton Street"), it is a person's name (a PERSON entity of
several words, or a known first name before a capitalised word), it sits after "of" inside an
organisation's name ("University of Kentucky", Diurna's guidelines), or it is a common English
word that is also a town ("Mobile", "Reading", "Bath") without a dateline or a county word.

The resolver (:mod:`diurna.places.resolver`) turns each candidate into a mention and chooses the
place; recognition here never picks among same-named places, except that an abbreviation
("W. Va.") is settled to its state as everywhere else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from diurna.intervals import SpanSet
from diurna.language.wordnet import PERSON, noun_senses
from diurna.model import Document
from diurna.places.demonyms import demonym_country
from diurna.places.gazetteer import GazEntry, Gazetteer

# a capitalised name of one to three words ("Elbow Lake", "St. Cloud", "Glen Carbon")
_NAME = r"(?:St\.|Mt\.|Ft\.|[A-Z][\w'’-]*)(?:[ ](?:[A-Z][\w'’-]*)){0,3}"
_NAME_UPPER = r"[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}"
# "TORRINGTON —", "ROCKY HILL -", "PATASKALA --", "MOUNT GILEAD (AP) --", "BEIRUT:", also
# after the headline sentence ("... property damage. CROMWELL — Police ..."); a name in
# capitals and lower case only at the start of a line ("Indianapolis – ...")
_DATELINE = re.compile(
    rf"(?:(?:^|\n)[ \t]*({_NAME_UPPER}|{_NAME})|(?:^|[.!?\n][ \t]*)({_NAME_UPPER}))"
    r"(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
    r"[ \t]*(?:\([A-Z][\w ]{0,12}\))?[ \t]*(?:--|—|–|-|:)")
# "D-Winthrop", "R-Elbow Lake", "DFL-Cook", "D-W. Va."
_PARTY = re.compile(r"\b(?:D|R|I|DFL)-((?:[A-Z][a-z]{0,4}\.\s?){1,3}(?![\w])|"
                    r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+){0,2})")
# "Alachua and Gilchrist counties", "Becker, Clay, Douglas, Grant and Wilkin counties"
_COUNTY_LIST = re.compile(
    rf"((?:{_NAME},\s+)*{_NAME},?\s+(?:and|or|&)\s+{_NAME})\s+(?:counties|parishes)\b")
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|from|between|toward|towards|into|around|through|across)"
    r"(?:\s+the)?|\bnear\s+to|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|"
    r"\bmiles?\s+(?:from|of)|\b(?:city|town|village|community|island|province|district)\s+of|,\s+of)"
    r"\s+$")
# the same, opening a sentence too ("In Virginia, they voted")
_LOCATIVE_ANY = re.compile(_LOCATIVE.pattern, re.I)
# the rest of a person's name after one of its words: up to two capitalised words
_NAME_REST = re.compile(r"(?:[ ][A-Z][\w'’.-]*){0,2}")
# a division or a fire service after a name ("Rapides Parish", "Rochester Fire Department")
_DIVISION_AFTER = re.compile(r"[ ](?:Parish|Borough|Province|Fire[ ](?:Department|District))\b")
# ", Missouri", ", N.C.", ", Texas" after a name
_COMMA_NAME = re.compile(r",[ ]((?:[A-Z][\w.]*)(?:[ ][A-Z][\w.]*)?)")
# a dateline's dash or "(AP)" after a name opening a line
_DASH_AFTER = re.compile(r"[ \t]*(?:\([A-Z][\w ]{0,12}\))?[ \t]*(?:--|—|–|-|:)")
# words after a name that make it part of a longer one ("Clinton Street", "Anderson Cooper")
# words after a name that make it a place rather than a person or a firm ("Edmonton
# resident", "Gainesville officials", "Chiefland Police Chief", "DuPage Sheriff")
PLACE_CUE = re.compile(
    r"(?:-based\b|\s+(?:residents?|natives?|man|woman|men|women|teens?|boy|girl|"
    r"police|officials?|officers?|area|mayor|council|schools?|homes?|hospital|voters|"
    r"neighborhoods?|city|town|county|streets?|restaurant|businesses|sheriff|deputies|"
    r"commissioners?|township|selectmen|aldermen|councilors?|councilmen|trustees|"
    r"superintendent|communit(?:y|ies))\b)", re.I)
_CAP_AFTER = re.compile(r"^(?:(?:\s|-)(?:[A-Z]|\d)|\s+&)")
# the name ends a longer one: "Harwinton Democratic ... Gillis Street", "University of Kabul",
# "Diplomatic Academy of Vietnam", "Hollywood Casino Amphitheatre – St. Louis"
_IN_NAME = re.compile(
    r"(?:(?:University|Academy|College|Institute|Bank|Department|Ministry|School|Council|"
    r"Association|Society|Church|Museum|Board|Chamber|Commission|Office|Court|League|Club|"
    r"Foundation|Center|Centre|Hospital|Library|Diocese|Archdiocese|Friends)\s+of\s+(?:the\s+)?|"
    r"[A-Z][\w'’]*\s+(?:[–—-]\s+)?)$")
# a name joined to a place: "Gainesville and [Lindsay]", "[Oakport] and Moorhead",
# "Fargo-[Moorhead]"
_JOIN_RIGHT = re.compile(rf"(?:,[ ]|[ ](?:and|or|&)[ ]|-|/)({_NAME})")
_JOIN_LEFT = re.compile(rf"(?<![\w.'’-])({_NAME})(?:,[ ]|[ ](?:and|or|&)[ ]|-|/)$")
_POSSESSIVE_END = re.compile(r"(?:['’]s?)$")
# the head of a name that goes on with a particle before the one matched: "Ceamurlia de
# [Jos]", "Stratford upon [Avon]"
_PARTICLE_HEAD = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]*[ ](?:de|del|della|di|da|do|dos|du|des|la|le|el|al|sur|upon|"
    r"on|am|an|der|van|von)[ ]$")
_POSSESSIVE = re.compile(r"^(?:['’]s?)(?!\w)")
# an office, a staff or a period after a name, which makes a known person's name a person's
# unless the text uses it as a place: "the Bush administration", "the Blair government", "a
# Clinton aide", "Putin's Kremlin" (round 9b)
_OFFICE_AFTER = re.compile(
    r"(?:['’]s?)?[ ](?:administrations?|government|aides?|camp|campaign|era|presidency|"
    r"Kremlin|White[ ]House)\b")
# buildings that stand for an institution ("the White House said", "at the Kremlin"): facilities,
# not places, by Diurna's guidelines (docs/annotation-places-times.md, round 9b); "the" must
# stand before the first kind, whose names are also towns ("White House, Tenn.", "Pentagon")
_INSTITUTION_THE = re.compile(
    r"White[ ]House|Kremlin|Pentagon|[ÉE]lys[ée]e(?:[ ]Palace)?|Blue[ ]House")
_INSTITUTION = re.compile(r"Downing[ ]Street|Zhongnanhai")
# a person's title right before a name: "President Bush", "Mr. Howard", "Sen. Kennedy" (a
# full word with a full stop ends a sentence: "... Municipal Court Judge. Columbus attorney")
TITLE_BEFORE = re.compile(
    r"\b(?:(?:President|Vice[- ]President|Prime Minister|Premier|Chancellor|Senator|"
    r"Congressman|Congresswoman|Governor|Mayor|Secretary|Minister|King|Queen|Prince|Judge|"
    r"Justice|General|Ambassador)|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?) $")


@dataclass(slots=True)
class Candidate:
    """A name the text uses as a place, with the evidence for it."""

    start: int
    end: int
    evidence: str  # "dateline", "party", "county_list", "cue", "home", "locative", "repeat",
    # "coordinated"
    hint: str | None = None  # "admin2" for an item of a county list
    forced: GazEntry | None = None  # a state abbreviation ("W. Va.")


def overlaps(s: int, e: int, spans: Iterable[tuple[int, int]] | SpanSet) -> bool:
    """Whether the character span [s, e) shares a character with any of ``spans`` (a name
    inside a name already taken is not a second place). A :class:`SpanSet` answers by
    bisection: a scan of every name taken, for every capitalised word, took seconds on a
    page of thousands of names (docs/scale.md)."""
    if isinstance(spans, SpanSet):
        return spans.overlaps(s, e)
    return any(s < b and a < e for a, b in spans)


def name_uses(text: str, name: str) -> Iterator[re.Match[str]]:
    """Every use of ``name`` in ``text`` as a word of its own: not inside a longer word or a
    hyphenated one, nor after a dot ("Ind." is not "nd")."""
    return re.finditer(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text)


def _populated(entries: Iterable[GazEntry]) -> bool:
    """The gazetteer knows the name as a town, county, state or country (main name)."""
    return any(e.primary and e.precision != "point" for e in entries)


# months, weekdays and the like that WordNet also knows as places ("March", a border region)
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday", "easter",
                       "christmas", "union", "republic", "federal", "state", "capitol", "god",
                       "lord", "heaven", "jesus", "christ"})


def _proper(doc: Document, start: int, end: int, adjective_ok: bool = True) -> bool:
    """The parser reads the name's first word as a name: a proper noun when it opens the
    sentence ("Early voters", "Many area cities" are not names) and, unless
    ``adjective_ok``, not an adjective ("the Olympic facilities"); True when there is no
    parse. (The small model often tags a town before a noun as an adjective: "Hounslow
    council".)"""
    if doc.nlp is None:
        return True
    span = doc.nlp.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    first = span[0]
    if first.is_sent_start or (first.i > 0 and first.nbor(-1).is_sent_start
                               and first.nbor(-1).is_punct):
        return first.pos_ == "PROPN"
    return adjective_ok or first.pos_ != "ADJ"


def _trim_lead(doc: Document, start: int, end: int) -> int:
    """Start of a capitalised run without its leading function words: "The Mansfield",
    "A Gainesville", "When Alexandria" → the name."""
    if doc.nlp is None:
        return start
    span = doc.nlp.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start
    for tok in span[:-1]:
        if not (tok.is_stop or tok.pos_ in ("DET", "PRON", "CCONJ", "SCONJ", "ADP")):
            break
        start = tok.nbor(1).idx
    return start


def _common_word(name: str, people_ok: bool = False) -> bool:
    """A one-word name that WordNet knows as a noun with no place sense ("May", "Christmas",
    "Bell", "Grant"): a month, a thing or a person more often than a town in prose. With
    ``people_ok`` (the name comes with a preposition or a cue word: "in Lombard", "Anderson
    police"), a name whose only senses are people is not judged common."""
    if " " in name:
        return False
    if name.lower() in _CALENDAR:
        return True
    senses = noun_senses(name)
    if people_ok and senses and all(x == PERSON for x in senses):
        return False
    return bool(senses) and "noun.location" not in senses


@lru_cache(maxsize=1)
def person_surnames() -> frozenset[str]:
    """The surnames of the built-in actor dictionary's people ("Bush" of "George W. Bush",
    "Blair" of "Tony Blair") and their one-word aliases: names known to be people's, which a
    text may give without the full name ("the Bush administration")."""
    from diurna.actors.dictionary import ActorDictionary  # the actors stage loads it anyway

    actors = ActorDictionary.load(env=False)
    people = {k for k, a in actors.actors.items() if a.kind == "person"}
    out: set[str] = set()
    for key in people:
        words = [w for w in actors.actors[key].name.split()
                 if w.rstrip(".") not in ("Jr", "Sr", "II", "III")]
        if len(words) > 1:
            out.add(words[-1])
    out.update(a.text for readings in actors.aliases.values() for a in readings
               if a.kind == "actor" and a.target in people and " " not in a.text)
    return frozenset(w for w in out if len(w) > 2 and w[:1].isupper())


def institution_building(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is a building standing for an institution ("the White
    House", "the Kremlin", "Downing Street"): not a place (round 9b)."""
    name = text[start:end]
    return bool(_INSTITUTION.fullmatch(name) or _INSTITUTION_THE.fullmatch(name)
                and text[max(0, start - 4):start].lower() == "the ")


class Recognizer:
    """Evidence-driven toponym candidates for one document, over spans not yet taken."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._people: tuple[Document, list[tuple[int, int, str]], set[str]] | None = None

    def _lookup(self, name: str) -> tuple[GazEntry, ...]:
        if len(name) < 3 or demonym_country(name):
            return ()
        entries = self.gaz.lookup(name)
        if not entries and name.isupper():
            entries = self.gaz.lookup(name.title())
        return entries

    def _people_of(self, doc: Document) -> tuple[list[tuple[int, int, str]], set[str]]:
        """The document's multi-word PERSON entities that are not place names themselves
        ("Tyrise M. Bell", not "Glen Carbon": a town name inside one is a person's name), and
        the capitalised words of its person names ("Bell"; a one-word PERSON read twice,
        "Welch ... Welch went"): a town of that name in the same text is more likely the
        person. Computed once per document."""
        if self._people is None or self._people[0] is not doc:
            persons = [(x.start, x.end, x.text) for x in doc.entities
                       if x.label == "PERSON" and " " in x.text.strip()
                       and not _populated(self._lookup(x.text.strip()))]
            words = {w.rstrip("'’s") for _, _, t in persons for w in t.split()
                     if w[:1].isupper()}
            single = Counter(x.text for x in doc.entities
                             if x.label == "PERSON" and " " not in x.text)
            words |= {w for w, n in single.items() if n >= 2}
            self._people = (doc, persons, words)
        return self._people[1], self._people[2]

    def _whole_name(self, text: str, s: int, e: int) -> int:
        """Where the name ending at ``e`` starts: earlier than ``s`` when the words before it
        with a particle make a name the gazetteer knows ("Ceamurlia de Jos", a Romanian
        village, not the Nigerian city of Jos)."""
        head = _PARTICLE_HEAD.search(text, max(0, s - 40), s)
        if head is not None and self.gaz.lookup(text[head.start():e]):
            return head.start()
        return s

    def _persons(self, doc: Document) -> list[tuple[int, int, str]]:
        return self._people_of(doc)[0]

    def _person_spans(self, doc: Document) -> SpanSet:
        return SpanSet((a, b) for a, b, _ in self._persons(doc))

    def _person_words(self, doc: Document) -> set[str]:
        return self._people_of(doc)[1]

    def _place_use(self, text: str, name: str) -> bool:
        """Whether ``text`` uses ``name`` as a place somewhere: a locative preposition before
        it ("in Washington"), a word after it that makes it a place ("Vaughan residents"), a
        state or country after a comma ("Columbia, Missouri", "Paris, Texas", "Durham, N.C.")
        or a dateline ("WASHINGTON —")."""
        for m in name_uses(text, name):
            s, e = m.span()
            if (_LOCATIVE_ANY.search(text[max(0, s - 14):s])
                    and not _CAP_AFTER.match(text[e:e + 3])) or PLACE_CUE.match(text[e:e + 24]) \
                    or _DIVISION_AFTER.match(text, e):
                return True
            after = _COMMA_NAME.match(text, e)
            if after and (self.gaz.abbreviation(after.group(1)) is not None or any(
                    x.primary and (x.is_admin1 or x.is_country)
                    for x in self.gaz.lookup(after.group(1)))):
                return True
            if _DASH_AFTER.match(text, e) and (s == 0 or text[s - 1] == "\n" or name.isupper()):
                return True
        return False

    def person_name(self, doc: Document, start: int, end: int) -> bool:
        """Whether the document uses the name at [start, end) for a person rather than a place
        (issue 13, round 9; the gazetteer's Egyptian town Būsh read "President Bush"):

        - a title stands right before it ("President Bush", "Mr. Vaughan"), or
        - an office word follows it ("the Bush administration", "Putin's Kremlin") and it is a
          person's name the actor dictionary or the NER knows (:meth:`_known_person`; round 9b),
          unless the text uses it as a place ("the Kabul government ... in Kabul"), or
        - it lies inside a person's name of two words or more ("Benon Sevan") or is the
          surname of such a name given elsewhere in the text ("George W. Bush ... Bush said",
          "Patrick Maroon ... Maroon"), is no country's name, and the text nowhere uses it as
          a place (:meth:`_place_use`: "George Washington ... in Washington" keeps Washington
          a place).

        The NER's PERSON label on the word alone is not enough: the small model reads many
        towns as people ("Trincomalee", "Woking"), and its PERSON spans often take in a
        county before a name ("Anderson County Sheriff Greg Taylor"): the place use there
        ("Anderson County") keeps the county."""
        text = doc.text
        name = text[start:end]
        if TITLE_BEFORE.search(text[max(0, start - 20):start]):
            return True
        if _OFFICE_AFTER.match(text, end) and self._known_person(doc, name):
            return not self._place_use(text, name)
        persons = self._persons(doc)
        # inside a person's name: at most two more capitalised words follow it there ("Benon
        # Sevan"), not a title, a lower-case word or an office ("Columbus attorney Stephen
        # Hyles", "Rochester Fire Department Capt. Mark Keller")
        inside = any(a <= start and end <= b and (a, b) != (start, end)
                     and _NAME_REST.fullmatch(text, end, b) for a, b, _ in persons)
        # a surname: the last word of a person's name (its other words are as often an
        # office or a school the NER took in: "Litchfield Fire", "Logan Elementary")
        if not inside and (" " in name or len(name) < 3 or name not in {
                _POSSESSIVE_END.sub("", t.split()[-1]) for _, _, t in persons}):
            return False
        if any(x.is_country for x in self._lookup(name)):
            return False
        return not self._place_use(text, name)

    def _known_person(self, doc: Document, name: str) -> bool:
        """A person's name the dictionary knows ("Bush", "Blair") or the NER tags as a PERSON
        somewhere in the text, and no country's name ("the Georgia government")."""
        if name not in person_surnames() and not any(
                x.label == "PERSON" and _POSSESSIVE_END.sub("", x.text.strip()) == name
                for x in doc.entities):
            return False
        return not any(x.is_country for x in self._lookup(name))

    def evidence(self, doc: Document, taken: SpanSet) -> list[Candidate]:
        """Candidates with direct evidence (dateline, party, county list, locative)."""
        text = doc.text
        persons = self._person_spans(doc)
        people = self._person_words(doc)
        out: list[Candidate] = []

        def add(s: int, e: int, kind: str, hint: str | None = None,
                forced: GazEntry | None = None) -> None:
            if e - s < 2 or overlaps(s, e, taken):
                return
            out.append(Candidate(s, e, kind, hint, forced))
            taken.append((s, e))

        for m in _DATELINE.finditer(text):
            g = 1 if m.group(1) else 2
            name, s = m.group(g).strip(), m.start(g)
            if _populated(self._lookup(name)):
                add(s, s + len(name), "dateline")
        for m in _PARTY.finditer(text):
            name = m.group(1).strip()
            abbr = self.gaz.abbreviation(name) or self.gaz.abbreviation(name + ".")
            if abbr is not None:
                add(m.start(1), m.start(1) + len(name), "party", forced=abbr)
            elif _populated(self._lookup(name)):
                add(m.start(1), m.start(1) + len(name), "party")
        for m in _COUNTY_LIST.finditer(text):
            for item in re.finditer(rf"{_NAME}", m.group(1)):
                name = item.group(0)
                if name in ("and", "or"):
                    continue
                if any(e.is_admin2 for e in self._lookup(name)):
                    add(m.start(1) + item.start(), m.start(1) + item.end(), "county_list",
                        hint="admin2")
        person_ends = {b for a, b, _ in self._persons(doc)}
        for m in re.finditer(_NAME, text):
            s, e = m.start(), m.end()
            # the cheap tests first: most capitalised runs have no evidence at all
            cue = PLACE_CUE.match(text[e:e + 24])
            of = re.search(r",?\s+of\s+$", text[max(0, s - 6):s])
            if cue:
                kind = "cue"  # "Edmonton resident", "Chiefland Police", "Texas-based"
                s = _trim_lead(doc, s, e)  # "The Mansfield police" → "Mansfield"
            elif of and (s - len(of.group(0))) in person_ends:
                kind = "home"  # "Norb Mages of Lindsay"
            elif _LOCATIVE.search(text[max(0, s - 14):s]) and not (
                    _CAP_AFTER.match(text[e:e + 3]) or _POSSESSIVE.match(text[e:e + 3])):
                kind = "locative"
            else:
                continue
            name = text[s:e]
            if (overlaps(s, e, taken) or overlaps(s, e, persons) or _POSSESSIVE_END.search(name)
                    or name in people or _common_word(name, people_ok=True)):
                continue
            if _proper(doc, s, e) and _populated(self._lookup(name)):
                add(s, e, kind)
        return out

    def repeats(self, doc: Document, names: Iterable[str],
                taken: SpanSet) -> list[Candidate]:
        """Other mentions of names already taken as places ("Greer" again, three paragraphs
        on), when they are not part of a person's name or of a longer capitalised name."""
        text = doc.text
        persons = self._person_spans(doc)
        out: list[Candidate] = []
        people = self._person_words(doc)
        for name in sorted(set(names)):
            if len(name) < 3 or name in people or _common_word(name) or not _populated(
                    self._lookup(name)):
                continue
            for m in name_uses(text, name):
                s, e = m.span()
                if overlaps(s, e, taken) or overlaps(s, e, persons):
                    continue
                if _CAP_AFTER.match(text[e:e + 3]) or _IN_NAME.search(text[max(0, s - 30):s]):
                    continue
                if not _proper(doc, s, e, adjective_ok=False):
                    continue
                out.append(Candidate(s, e, "repeat"))
                taken.append((s, e))
        return out

    def coordinated(self, doc: Document, places: Iterable[tuple[int, int]],
                    taken: SpanSet) -> list[Candidate]:
        """Names joined to a place by "and", "or", a comma or a hyphen ("Gainesville and
        Lindsay", "Leavenworth and Shawnee", "Fargo-Moorhead"), when the gazetteer knows them
        as a populated place and they are not a person's name or a common word."""
        text = doc.text
        persons = self._person_spans(doc)
        people = self._person_words(doc)
        out: list[Candidate] = []
        todo = list(places)
        while todo:
            s0, e0 = todo.pop()
            spans: list[tuple[int, int]] = []
            right = _JOIN_RIGHT.match(text, e0)
            if right:
                spans.append(right.span(1))
            left = _JOIN_LEFT.search(text[max(0, s0 - 60):s0])
            if left:
                base = max(0, s0 - 60)
                spans.append((base + left.start(1), base + left.end(1)))
            for s, e in spans:
                s = self._whole_name(text, _trim_lead(doc, s, e), e)
                name = text[s:e]
                if (overlaps(s, e, taken) or overlaps(s, e, persons) or name in people
                        or _POSSESSIVE_END.search(name) or _POSSESSIVE.match(text[e:e + 3])
                        or _common_word(name) or _CAP_AFTER.match(text[e:e + 3])
                        or not _proper(doc, s, e, adjective_ok=False)
                        or not _populated(self._lookup(name))):
                    continue
                out.append(Candidate(s, e, "coordinated"))
                taken.append((s, e))
                todo.append((s, e))
        return out
