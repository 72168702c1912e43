"""Actor resolution: mentions in the body text, normalised to the actor dictionary.

Runs after the language stage and reads its spaCy parse (``doc.nlp``). Dictionary names, demonyms,
capitals and role words are found in one pass of spaCy's ``PhraseMatcher`` (case-insensitive, with a
case check per alias, see :meth:`Alias.case_ok`); each noun phrase (spaCy noun chunks and
GPE/NORP/ORG/PERSON entities) is then resolved from its head:

- a dictionary name ("the SAA", "Iran") → that actor;
- a role word ("government", "top advisor", "forces") → the sector of the role, with the country
  taken from the phrase: a demonym/name/capital modifier ("the Syrian government", "the Damascus
  government"), a possessor ("Khamenei's top advisor", "its troops"), a complement ("an adviser
  to the Iranian supreme leader"); "X-backed"/"pro-X" makes a proxy (``<X>PRX``, affiliation X),
  "X-led" gives X's sector actor ("the US-led coalition" → USAMIL); with none of these, the
  context country (the state named nearest before, else the document's focus state);
- a person name → a title before it ("Secretary of State Rex Tillerson"), its appositive
  ("Velayati, a top adviser to ..."), or an earlier person in the document with the same surname;
- a pronoun or short definite reference ("its", "he", "the group", "the country") → the nearest
  compatible preceding mention (salience: subjects of the same sentence first; see docs/actors.md);
- a capital ("Tehran") is the state only as an agent (subject, possessor, "by Tehran", modifier of
  a role word as in "the Damascus government"); elsewhere it is a place and gets no mention.

Anything else stays ``actor=None``: an unknown name never gets a country. The coreference here is
hand-written because no well-kept coreference model for spaCy 3.8 ships as a PyPI package usable
offline; it is deliberately simple (salience + agreement) and documented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diurna.actors.dictionary import (
    ACTOR,
    CAPITAL,
    DEMONYM,
    ROLE,
    ActorDictionary,
    Alias,
    Role,
    region_country,
)
from diurna.actors.offices import recode_at_event_dates, text_period
from diurna.intervals import StartOrder
from diurna.language.spacy_stage import preposition_objects, tokens_where
from diurna.model import Actor, Document, Mention
from diurna.places.codes import alpha3

if TYPE_CHECKING:
    from diurna.places.resolver import PlaceResolver

ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON"}
PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
IT_PRONOUNS = {"it", "its", "itself"}
THEY_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
                    "madam": "f", "lady": "f", "dame": "f"}
PRONOUNS = PERSON_PRONOUNS | IT_PRONOUNS | THEY_PRONOUNS
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Titles taken off a phrase already read as a person's name before it is looked up or remembered
# ("Ayatollah Khamenei", "Sir John Major"); wider than events.arguments.SURNAME_TITLES, which
# decides from the title alone that a phrase names a person.
NAME_TITLES = {"ayatollah", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "sir",
               "lord", "lady", "hojatoleslam", "mullah", "madam", "dame"}
# "Iranian-backed forces", "Russian-sponsored militias": the modifier is a patron → PRX.
PATRON_LEMMAS = {"back", "sponsor", "support", "fund", "arm", "train", "finance", "ally", "align",
                 "control", "direct"}
LEAD_LEMMAS = {"lead"}
# Endings of company names, and nouns that say a named organisation is a business.
CORPORATE_SUFFIXES = frozenset({"inc", "corp", "corporation", "ltd", "llc", "plc", "co",
                                "group", "holdings", "ag", "sa", "nv", "gmbh", "company"})
BUSINESS_NOUNS = frozenset({"company", "firm", "giant", "provider", "maker", "manufacturer",
                            "retailer", "bank", "lender", "insurer", "carrier", "airline",
                            "startup", "start-up", "conglomerate", "corporation", "group",
                            "producer", "supplier", "operator", "developer", "automaker",
                            "shareholder", "investor", "chain", "brand", "platform", "exchange"})
# What only a company has: "WeWork's founder", "Alibaba's shares", "the Boeing CEO".
COMPANY_PARTS = frozenset({"ceo", "founder", "co-founder", "cofounder", "shareholder", "share",
                           "stock", "ipo", "listing", "valuation", "investor", "headquarters",
                           "revenue", "profit", "earnings", "subsidiary", "customer", "product"})
# Complements that give a role its country: "adviser to X", "minister of X", "envoy for X".
ROLE_PREPS = {"of", "to", "for"}
# Words that link the parts of a portfolio: "Trade and Industry", "Minister of State for Defence".
PORTFOLIO_LINKS = frozenset({"and", "&", "for"})
# Verbs whose place is a venue, not the home of those who do them ("negotiators are to meet
# in Jeddah", "the minister arrived in Riyadh").
VENUE_VERBS = {"meet", "talk", "visit", "travel", "arrive", "gather", "convene", "attend",
               "discuss", "negotiate", "sign", "hold", "host", "fly", "land", "speak", "say",
               "tell", "announce", "return", "go", "come", "head", "resume"}
# Peoples with no state of their own whose armed men news calls "forces" or "militias".
STATELESS_PEOPLES = {"kurdish", "baloch", "baluch", "tuareg", "druze", "pashtun", "tamil",
                     "uyghur", "uighur", "rohingya", "karen", "kachin", "hazara", "oromo",
                     "amhara", "tigrayan", "fulani", "berber", "yazidi", "shan", "naga"}
# Roles sent by the one they come *from*: "a delegation from ECOWAS", "officials from Qatar".
SENT_ROLES = {"delegation", "envoy", "envoys", "official", "officials", "diplomat", "diplomats",
              "negotiator", "negotiators", "minister", "ministers", "delegates", "ambassador"}
# ... except for these, whose "to X" names the host country: "the US envoy to Ukraine".
ENVOY_ROLES = {"envoy", "special envoy", "ambassador", "diplomat", "consul", "attaché"}
# Prepositions that make their object a place rather than a participant (salience only).
LOCATIVE_PREPS = {"in", "inside", "into", "from", "at", "near", "across", "within", "throughout",
                  "around", "over", "outside", "towards", "toward", "through", "along"}
# A capital is also its government as the object of these ("talks with Tehran", "urged Moscow").
ADDRESS_PREPS = {"with", "against"}
# Words that make a demonym after them a region's ("Latin American", "Central Asian").
REGION_WORDS = {"latin", "south", "central", "north", "east", "west", "southeast", "northeast"}
ADDRESS_VERBS = {"urge", "warn", "accuse", "call", "ask", "criticise", "criticize", "condemn",
                 "blame", "support", "pressure", "sanction", "threaten", "persuade", "tell",
                 "invite", "thank", "back", "fund", "arm", "punish", "reassure", "press", "lobby"}
# "a trip/visit to Beijing": the capital is the host government (CONSULT visits).
VISIT_NOUNS = {"trip", "visit", "journey", "mission", "pilgrimage"}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}
# The sectors of a society rather than of those who hold or fight for power: a named armed group's
# civilians, press or doctors are the people of its country ("the people of Abkhazia" GEOCVL, "a
# news agency of South Ossetia" GEOMED, "Al-Aqsa TV, which Hamas controls" PSEMED), not the group.
SOCIETY_SECTORS = frozenset({"CVL", "REF", "MED", "EDU", "HLH", "LAB", "BUS", "REL", "ACT", "ELI",
                             "NGO"})
# Sectors that bear arms: only their "pro-X" names a patron ("pro-Iranian militias" IRNPRX). The
# gold codes "pro-X" parties, opposition, officials and activists by their own state, never X
# ("pro-Syrian opposition parties" LBNOPP; docs/actors.md, "Round 33").
ARMED_SECTORS = frozenset({"MIL", "PRX", "REB"})
# Role words that, as part of a capitalised name, are usually an institution's own name
# ("American University"): not resolved from a demonym inside the name.
NAME_SECTORS = {"EDU", "HLH", "BUS", "REL", "NGO", "MED"}
# Head words that are no role of their own: "NATO chief X", "Hamas leader X" (see _body_head).
BODY_HEAD_TITLES = {"chief", "head", "boss", "leader", "secretary-general", "director-general"}
TITLE_MODIFIERS = {"chief", "vice", "deputy", "former", "top", "acting", "senior", "interim",
                   "outgoing", "incoming", "then", "first", "assistant", "principal", "lead", "ex"}
QUANTITY_NOUNS = {"group", "groups", "hundreds", "thousands", "dozens", "scores", "number",
                  "crowd", "crowds", "tens", "millions", "team", "delegation"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
# Short definite references: "the group" → the nearest organisation, "the country" → state.
GROUP_NOUNS = {"group", "organization", "organisation", "movement", "faction", "outfit",
               "agency"}
# Nouns of a populated place or area: an armed group's adjective on one names a place of its
# country ("the Ossetian town of Tskhinvali"), not the group.
PLACE_NOUNS = frozenset({"town", "city", "village", "capital", "region", "province", "district",
                         "settlement", "enclave"})
COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic", "state"}
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
# The US parties' entries ("Democrats", "Republican"): the same words name parties of other
# countries ("Thailand's Democrats", "the Democrat party" in a Bangkok story), so they are read
# as the US parties only where the text gives no other country (see _party_actor).
US_PARTY_IDS = frozenset({"USA-DEM", "USA-GOP"})
# Party names that many countries share: capitalised, they are a party of the article's country.
GENERIC_PARTIES = frozenset({"Labour", "Labor", "Liberals", "Conservatives", "Tories",
                             "Socialists", "Greens"})
# A capitalised word before "Democrats"/"Republicans" that makes another party's name.
PARTY_QUALIFIERS = frozenset({"Social", "Christian", "Liberal", "Free", "New", "National",
                              "Progressive", "Popular", "People's"})
# A state named this often or less is named in passing: a role phrase near it is read in the
# story's own country instead when that is named at least SET_IN_MENTIONS times (_set_in).
PASSING_MENTIONS = 1
SET_IN_MENTIONS = 3
# The story's setting read from its lead (_State.lead): of the states the first sentence names (a
# dateline left at the head of the text, "the Icelandic parliament voted ..."), the one the text
# names most, when that is at least LEAD_MENTIONS times, the count that makes a focus state a
# setting in _set_in (a state the lead names once or twice is as often a visitor or a target:
# "thousands across Europe marked the anniversary of the war on Iraq").
LEAD_MENTIONS = SET_IN_MENTIONS
SALIENCE_SENTENCES = 3  # how many sentences back a pronoun may find its antecedent
# "Nadia Cruz's office", "Omar's office": the possessor's own body.
MEMBER_NOUNS = {"member"}  # "a parliament member, X": X belongs to the body named (25b)
OFFICE_NOUNS = {"office", "offices", "staff", "aides", "team", "camp", "campaign"}
# First-person pronouns inside a quotation stand for the quoted speaker ("'They caught me', he
# said"): the subject of the verb of saying that governs the quotation.
FIRST_PRONOUNS = {"i", "me", "my", "myself", "we", "us", "our", "ourselves"}
# Non-role heads that name a post in a body: "Director ... at Amnesty International", "the
# acting director of the Department of Homeland Security" → that body.
POST_HEADS = {"director", "head", "chief", "chair", "chairman", "chairwoman", "chairperson",
              "member", "founder", "co-founder", "staffer", "employee", "manager", "coordinator",
              "administrator", "fellow", "representative", "secretary-general", "boss"}
POST_PREPS = {"at", "of", "for", "with"}
# Words after a demonym that make it a church's name ("Syrian-Catholic", "Greek Orthodox").
CHURCH_WORDS = frozenset({"catholic", "orthodox", "protestant", "apostolic", "evangelical",
                          "anglican", "maronite", "chaldean", "coptic", "lutheran"})
SAY_LEMMAS = {"say", "tell", "add", "state", "write", "recall", "explain", "insist", "claim",
              "declare", "announce", "testify", "warn", "argue", "note", "complain"}


_MATCHERS: dict[tuple[int, int], tuple[ActorDictionary, Any, Any]] = {}
_STATES: dict[tuple[int, int], _State] = {}
# Per dictionary (by id, checked against the object): actor id -> its names' lower-case words.
_ENTRY_WORDS: dict[int, tuple[ActorDictionary, dict[str, frozenset[str]]]] = {}


@dataclass(slots=True)
class _Hit:
    start: int  # token index
    end: int
    alias: Alias


@dataclass(slots=True)
class _Info:
    """A mention with what the salience model needs."""

    mention: Mention
    sent: int
    person: bool
    plural: bool
    subject: bool
    locative: bool
    head: int = -1  # token index of the mention's head
    gender: str | None = None  # "m"/"f" where the text says it (an honorific, a pronoun)


class _State:
    """Per-document resolution state (matches, memo, mentions so far, known persons)."""

    def __init__(self, resolver: ActorResolver, doc: Document) -> None:
        self.d = resolver.dictionary
        self.doc = doc
        # the days the text is about: persons are coded by the office they held then
        self.period = text_period(doc)
        self.sdoc: Any = doc.nlp
        self.ents: list[Any] = list(self.sdoc.ents)  # Doc.ents rebuilds spans on each access
        self.ent_of: dict[int, Any] = {i: e for e in self.ents for i in range(e.start, e.end)}
        self.hit_at: dict[int, _Hit] = {}
        for hit in resolver._match(self.sdoc, self.ents):
            for i in range(hit.start, hit.end):
                self.hit_at[i] = hit
        self.memo: dict[int, Actor | None] = {}
        self.busy: set[int] = set()
        self.infos: list[_Info] = []
        self.done = False  # True once the stage has resolved the whole document
        self.persons: dict[str, Actor] = {}  # lower-case surname / full name -> actor
        self.person_words: dict[str, set[str]] = {}  # surname -> words of names filed under it
        self.sent_of: dict[int, int] = {}
        for n, sent in enumerate(self.sdoc.sents):
            for i in range(sent.start, sent.end):  # (indices: no Token object per word)
                self.sent_of[i] = n
        # sub-national places with a known country ("Indiana", "Mosul"): (sentence, char, ISO3)
        self.regions: list[tuple[int, int, str]] = []
        self.region_at: dict[int, str] = {}  # last token of such a place -> ISO3
        for ent in self.ents:
            if ent.label_ in ("GPE", "LOC") and not any(i in self.hit_at for i in
                                                        range(ent.start, ent.end)):
                self._mark_region(ent.start, ent.end, region_country(
                    ent.text.removeprefix("the ").removeprefix("The ")))
            elif ent.label_ == "ORG":
                # a place opening an institution's name: "the Columbus Police Department"
                first = ent.start + (ent[0].lower_ == "the")
                for last in range(min(first + 3, ent.end - 1), first, -1):
                    if not self.sdoc[first].is_title or any(
                            i in self.hit_at for i in range(first, last)) or \
                            self.sdoc[last].lower_ == "of":
                        # a word the name's "of" hangs on is its head, not a place modifying
                        # it: "the Commonwealth of Puerto Rico" (a Philippine city's name)
                        continue
                    if self._mark_region(first, last, region_country(
                            self.sdoc[first:last].text, placed=False)):
                        break
                else:
                    self._name_place(ent)
        # The document's focus counts: every mention of a state in the whole text (names,
        # demonyms, capitals, bodies with a country, sub-national places). Counted once, so the
        # stage and a later resolve_span see the same focus state.
        self.focus_counts: dict[str, int] = {}
        self.focus_marks: list[tuple[int, str]] = []  # (char offset, ISO3)
        seen_hits: set[int] = set()
        for hit in self.hit_at.values():
            if hit.start in seen_hits or hit.alias.kind == ROLE:
                continue
            seen_hits.add(hit.start)
            code: str | None = hit.alias.target
            if hit.alias.kind == ACTOR:
                named = self.named(hit.alias.target)
                code = named.country if named is not None else None
            if code and code in self.d.countries:
                self.focus_marks.append((self.sdoc[hit.start].idx, code))
        for _, start, code in self.regions:
            self.focus_marks.append((start, code))
        for _, code in self.focus_marks:
            self.focus_counts[code] = self.focus_counts.get(code, 0) + 1
        # the same counts without the US parties' words, for reading those words (_party_actor)
        self.partyless_counts = dict(self.focus_counts)
        for hit in {h.start: h for h in self.hit_at.values()}.values():
            if hit.alias.kind == ACTOR and hit.alias.target in US_PARTY_IDS:
                self.partyless_counts["USA"] = self.partyless_counts.get("USA", 0) - 1
        # the lead state (the setting, see LEAD_MENTIONS): of the states sentence one names, the
        # one the whole text names most (the first on a tie); the US parties' words do not count
        # ("the Democratic Republic of Congo"),
        first_end = next(iter(self.sdoc.sents)).end_char if len(self.sdoc) else 0
        # nor a state in a compound modifier ("the US-led war"): it qualifies, it does not set
        not_lead = {self.sdoc[h.start].idx for h in self.hit_at.values()
                    if h.alias.kind == ACTOR and h.alias.target in US_PARTY_IDS
                    or h.end < len(self.sdoc) and self.sdoc[h.end].text == "-"}
        lead = [code for start, code in sorted(self.focus_marks)
                if start < first_end and start not in not_lead]
        best = max(lead, key=lambda c: self.partyless_counts.get(c, 0), default=None)
        self.lead: str | None = best if best is not None and self.partyless_counts.get(
            best, 0) >= LEAD_MENTIONS else None
        # Person introductions anywhere in the text ("Gordon Sondland, the U.S. ambassador to the
        # EU", "Secretary of State Rex Tillerson"): full name / surname -> name head tokens, so a
        # bare "Sondland" elsewhere takes the introduced role.
        self.intros: dict[str, list[int]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            head = ent[-1]
            while head.i > ent.start and head.tag_ == "POS":
                head = self.sdoc[head.i - 1]
            titled = ent.start > 0 and self._is_role(self.sdoc[ent.start - 1]) or any(
                self._is_role(t) for t in ent[:-1])
            appos = any(c.dep_ == "appos" for c in head.children) or head.dep_ == "appos"
            if titled or appos:
                toks = [t for t in ent if t.tag_ != "POS" and t.lower_ not in NAME_TITLES
                        and not self._is_role(t)]
                if toks:
                    for key in {" ".join(t.lower_ for t in toks), _surname(toks)}:
                        self.intros.setdefault(key, []).append(head.i)

        self.titled: dict[str, tuple[int, Actor]] = {}  # title -> the last person given it
        # "The New York State Attorney General (NYAG)": the abbreviation names the same body
        self.acronyms: dict[str, int] = {}
        # (only the words after an opening bracket, found in one array read, are looked at)
        for paren in tokens_where(self.sdoc, lower=("(",)):
            if not 2 <= paren.i + 1 <= len(self.sdoc) - 2:
                continue
            t = self.sdoc[paren.i + 1]
            nxt = self.sdoc[t.i + 1]
            if nxt.text == ")" and t.text.isupper() and 2 <= len(
                    t.text) <= 6 and t.is_alpha and self.sdoc[t.i - 2].pos_ in ("NOUN", "PROPN"):
                self.acronyms.setdefault(t.text, t.i - 2)
        # empty while the scan runs: the country of a company's phrase is resolved with the
        # rules that consult it
        self.companies: dict[str, str | None] = {}
        self.companies = self._companies()
        self.use_places = resolver.use_places

    def named(self, ident: str) -> Actor | None:
        """The dictionary's actor ``ident`` as coded in the period the text is about: a person
        by the office held then (:meth:`ActorDictionary.office`). Every actor the resolver takes
        from the dictionary by id comes through here, so a person's dated office is one look-up
        made in one place."""
        actor = self.d.actors.get(ident)
        return self.d.office(actor, self.period) if actor is not None else None

    def _name_place(self, ent: Any) -> None:
        """A sub-national place closing an institution's name after "of" ("the University of
        Kansas", "the Bank of Scotland"): a mention of its country, as a place opening the name
        is ("the Columbus Police Department"), so the text's state counts and a role the name
        heads (:meth:`role_actor`) can be placed. Round 26: a Kansas professor's story named
        no state but inside the university's name, and its people stayed uncoded."""
        of = next((t.i for t in ent if t.lower_ == "of" and t.i > ent.start), None)
        if of is None or of + 1 >= ent.end or any(
                i in self.hit_at for i in range(of + 1, ent.end)):
            return
        named = self.hit_at.get(of - 1)
        if named is None or named.alias.kind != ROLE or \
                self.d.roles[named.alias.target].sector not in NAME_SECTORS:
            return  # only an institution's own name: not "the PC Party of Ontario" (a province
            # whose name the US city table also holds)
        last = ent.end - (self.sdoc[ent.end - 1].tag_ == "POS")
        if last <= of + 1 or not all(t.is_title for t in self.sdoc[of + 1:last]):
            return
        self._mark_region(of + 1, last, region_country(self.sdoc[of + 1:last].text,
                                                       placed=False))

    def _mark_region(self, start: int, end: int, iso3: str | None) -> bool:
        """Record the tokens ``start:end`` as a sub-national place of ``iso3`` (in ``regions``
        and, by its last token, ``region_at``) when that is a state of the dictionary; True if
        recorded. The one place the three readings of a place (an entity, a place opening or
        closing an institution's name) are written down."""
        if iso3 is None or iso3 not in self.d.countries:
            return False
        self.regions.append((self.sent_of.get(start, 0), self.sdoc[start].idx, iso3))
        self.region_at[end - 1] = iso3
        return True

    def _companies(self) -> dict[str, str | None]:
        """Organisation names the text shows to be businesses: a corporate suffix ("SoftBank
        Group Corp") or a business noun beside the name ("technology investment company
        SoftBank", "WeWork, the workspace provider"). Name (full, and first word) -> the
        country named in that phrase, else None (the focus state is used then)."""
        out: dict[str, str | None] = {}
        for ent in self.ents:
            if ent.label_ not in ("ORG", "FAC", "PRODUCT", "PERSON", "GPE", "NORP") or (
                    any(self.hit_at.get(t.i) is not None for t in ent)):
                continue
            toks = [t for t in ent if t.tag_ != "POS" and t.lower_ not in DETERMINERS]
            if not toks:
                continue
            head = toks[-1]
            near = [c for c in head.children if c.dep_ in ("appos", "compound", "amod")
                    and c.i not in range(ent.start, ent.end)]
            if head.dep_ in ("appos", "compound") and head.head.i != head.i:
                near.append(head.head)
            owned = head.head if head.dep_ in ("poss", "compound") else None
            business = toks[-1].lower_.rstrip(".") in CORPORATE_SUFFIXES or any(
                t.lemma_.lower() in BUSINESS_NOUNS for n in near for t in (n, *n.children)
                if t.dep_ in ("ROOT", "appos", "compound", "nsubj", "dobj", "pobj", "attr")
                or t is n) or (owned is not None and owned.lemma_.lower() in COMPANY_PARTS)
            if not business:
                continue
            country = None
            for n in (*near, ent[0]):
                named = self._premodifier_actor(n)
                if named is not None and named.country:
                    country = named.country
                    break
            for key in (" ".join(t.lower_ for t in toks), toks[0].lower_):
                out.setdefault(key, country)
        return out

    def company_actor(self, tok: Any, name_toks: list[Any]) -> Actor | None:
        """A business the text introduces (see :meth:`_companies`), by full name or first word."""
        for key in (" ".join(t.lower_ for t in name_toks), name_toks[0].lower_):
            if key in self.companies:
                country = self.companies[key] or self.focus_state(tok)
                return self.d.sector_actor(country, "BUS") if country else None
        return None

    # ------------------------------------------------------------------ noun-phrase resolution
    def np_actor(self, tok: Any) -> Actor | None:
        """The actor a noun phrase headed by ``tok`` refers to (memoised, cycle-safe)."""
        if tok.i in self.memo:
            return self.memo[tok.i]
        if tok.i in self.busy:
            return None
        self.busy.add(tok.i)
        try:
            actor = self._np_actor(tok)
        finally:
            self.busy.discard(tok.i)
        self.memo[tok.i] = actor
        return actor

    def _np_actor(self, tok: Any) -> Actor | None:
        hit = self.hit_at.get(tok.i)
        if hit is not None and hit.alias.kind != ROLE:
            return self.hit_actor(hit, tok)
        named = self.acronyms.get(tok.text)
        if named is not None and hit is None and named != tok.i:
            return self.np_actor(self.sdoc[named])  # "the NYAG" after "... General (NYAG)"
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PRONOUNS:
            return self.pronoun_actor(tok)
        if hit is not None:
            role = self.d.roles[hit.alias.target]
            return self.role_actor(tok, role, hit)
        if low in QUANTITY_NOUNS:
            # "a group of physicians", "hundreds of protesters": the people counted
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and self._is_role(pobj):
                            return self.np_actor(pobj)
        if low in GROUP_NOUNS | COUNTRY_NOUNS and self._definite_bare(tok):
            return self.short_reference(tok)
        if low in OFFICE_NOUNS:
            # "Public Ombudsman Nadia Cruz's office" → the ombudsman's own body
            for child in tok.children:
                if child.dep_ == "poss":
                    return self.np_actor(child)
        if tok.text in GENERIC_PARTIES and tok.pos_ in ("PROPN", "NOUN"):
            return self._party_actor(tok, None)  # "Labour", "the Liberals": a party, not a person
        if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
            return self.person_actor(tok)
        return None

    def remember_person(self, name_toks: list[Any], actor: Actor) -> None:
        """File a person's name under its full form and its surname (the first filing of a
        surname stays), with the words of the names filed under each surname."""
        self.persons.setdefault(" ".join(t.lower_ for t in name_toks), actor)
        surname = _surname(name_toks)
        self.persons.setdefault(surname, actor)
        if self.persons[surname] is actor:
            self.person_words.setdefault(surname, set()).update(t.lower_ for t in name_toks)

    def by_surname(self, name_toks: list[Any]) -> Actor | None:
        """The person filed under this name's surname ("Schumer added" after "Chuck Schumer"),
        unless the name's given names are not that person's ("Hunter Biden" after "Joe Biden":
        :func:`_given_fit`)."""
        surname = _surname(name_toks)
        actor = self.persons.get(surname)
        if actor is None or not _is_named_person(actor):
            return actor
        known = self.person_words.get(surname, set()) | _entry_words(self.d, actor.id)
        others = [t for t in name_toks if t.lower_ != surname]
        return actor if _given_fit(others, self.d, known) else None

    def hit_actor(self, hit: _Hit, tok: Any) -> Actor | None:
        alias = hit.alias
        if alias.kind == ACTOR:
            actor = self.named(alias.target)
            if actor is not None and actor.kind == "person":
                # remembered like a titled introduction: "Chuck Schumer ... Schumer added"
                name_toks = [t for t in self.sdoc[hit.start:hit.end]
                             if t.lower_ not in NAME_TITLES]
                if name_toks:
                    self.remember_person(name_toks, actor)
            if actor is not None and actor.id in US_PARTY_IDS:
                before = self.sdoc[hit.start - 1] if hit.start > 0 else None
                if before is not None and before.text in PARTY_QUALIFIERS:
                    return self._party_actor(tok, None)  # "Social Democrats": never the US party
                return self._party_actor(tok, actor)
            return actor
        if alias.kind == DEMONYM:
            if tok.pos_ in ("NOUN", "PROPN") and tok.head.lower_ != "-" and \
                    self._demonym_is_head(tok):
                # "an American", "300 Indians": people of the country
                return self.d.sector_actor(alias.target, "CVL")
            return self.d.state(alias.target)
        if alias.kind == CAPITAL:
            agent = self.capital_is_agent(self.sdoc[hit.end - 1])
            return self.d.state(alias.target) if agent else None
        return None

    def _party_actor(self, tok: Any, us_party: Actor | None) -> Actor | None:
        """A party word shared by several countries ("Democrats", "Labour"): the party of the
        country its own phrase names ("Thailand's Democrats", "German Social Democrats"); else,
        when the text names the US nowhere but in such words, the party of the document's
        other focus state ("the Democrat party" in a Bangkok story); else ``us_party``. A
        generic name (``us_party`` None: "Labour") falls back to the document's focus state.
        Why: read as the US parties in a German, Thai or Northern Irish story, these words gave
        a US code to the right phrase."""
        phrase = [tok]
        if tok.dep_ in ("compound", "amod", "nmod"):
            phrase.append(tok.head)  # "the Democrat party": "Thailand's" hangs on "party"
        for t in phrase:
            for child in t.children:
                if child.i == tok.i or child.dep_ not in ("poss", "compound", "amod", "nmod"):
                    continue
                h = self.hit_at.get(child.i)
                if h is None or h.alias.kind not in (ACTOR, DEMONYM) or \
                        h.alias.target in US_PARTY_IDS:
                    continue
                named = self.named(h.alias.target) if h.alias.kind == ACTOR else None
                iso3 = h.alias.target if h.alias.kind == DEMONYM else (
                    named.country if named is not None and named.kind == "state" else None)
                if iso3:
                    return self.d.sector_actor(iso3, "PTY")
        if us_party is None:
            focus = self.focus_state(tok)
            return self.d.sector_actor(focus, "PTY") if focus else None
        if self.partyless_counts.get("USA", 0) <= 0:
            ranked = sorted(((c, n) for c, n in self.partyless_counts.items() if c != "USA"),
                            key=lambda kv: -kv[1])
            if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
                return self.d.sector_actor(ranked[0][0], "PTY")
        return us_party

    def _demonym_is_head(self, tok: Any) -> bool:
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr",
                            "dative", "ROOT")

    def capital_is_agent(self, tok: Any) -> bool:
        """A capital names its government only as an agent (documented rule, docs/actors.md)."""
        seen = 0
        while seen < 5:
            seen += 1
            dep = tok.dep_
            if dep in ("nsubj", "nsubjpass", "poss"):
                return True
            if dep == "pobj" and (tok.head.dep_ == "agent" or tok.head.lower_ in ADDRESS_PREPS):
                return True
            if dep == "pobj" and tok.head.lower_ == "to" and \
                    tok.head.head.lemma_.lower() in VISIT_NOUNS:
                return True  # "Lam's trip to Beijing": a visit to its government
            if dep == "pobj" and tok.head.lower_ in {"on", "upon"} and \
                    tok.head.head.lemma_.lower() == "call":
                return True  # "called on Caracas to release ...": its government is asked
            if dep in ("dobj", "dative") and tok.head.lemma_.lower() in ADDRESS_VERBS:
                return True
            if dep in ("compound", "amod", "nmod") and self._is_role(tok.head) and \
                    self.d.roles[self.hit_at[tok.head.i].alias.target].sector in STATE_SECTORS:
                return True  # "the Damascus government", not "a Beijing resident"
            if dep in ("conj", "appos") and tok.head.i != tok.i:
                tok = tok.head
                continue
            return False
        return False

    def _is_role(self, tok: Any) -> bool:
        hit = self.hit_at.get(tok.i)
        return hit is not None and hit.alias.kind == ROLE

    def _definite_bare(self, tok: Any) -> bool:
        """ "the group" / "the country": a definite article and no other modifier."""
        lefts = list(tok.lefts)
        return len(lefts) == 1 and lefts[0].lower_ in ("the", "this", "that")

    # ---------------------------------------------------------------------------------- roles
    def role_actor(self, tok: Any, role: Role, hit: _Hit, *, context: bool = True
                   ) -> Actor | None:
        if tok.pos_ == "PROPN" and role.sector in NAME_SECTORS and tok.ent_type_ == "ORG":
            # an institution's own name: placed only by a place inside it ("the University of
            # Kansas"; _name_place), never by a demonym ("American University")
            ent = self.ent_of.get(tok.i)
            place = next((self.region_at[i] for i in range(tok.i + 1, ent.end)
                          if i in self.region_at), None) if ent is not None else None
            return self.d.sector_actor(place, role.sector) if place else None
        if role.sector in {"MIL", "PRX"} and any(
                w.lower_ in STATELESS_PEOPLES for left in tok.lefts for w in left.subtree):
            # "Kurdish-led forces", "Baloch militias": a people with no state of its own in
            # arms is a non-state armed group of the country it fights in, not its army
            role = Role(role.phrase, "REB", role.person)
        source, patron, leader = self._role_source(tok, role, hit)
        if patron is not None:
            return self._patron_actor(patron, role)
        if leader is not None:
            prefix = leader.country or (leader.cameo[:3] if leader.cameo[:3] == "IGO" else None)
            if leader.kind != "state" and leader.sector:
                return leader
            return self.d.sector_actor(prefix, role.sector) if prefix else None
        if source is not None:
            return self._combine(source, role)
        if role.default_country:
            return self.d.sector_actor(role.default_country, role.sector)
        if role.phrase in SENT_ROLES and any(c.dep_ == "prep" and c.lower_ == "from"
                                             for c in tok.children):
            return None  # "diplomats from seven Latin American countries": from elsewhere
        if role.sector == "PRX":
            return None  # "the allies", "militias" alone: whose proxies is not in the phrase
        if role.person and self._definite_bare(tok):
            earlier = self.titled.get(role.phrase)
            if earlier is not None and earlier[0] < tok.i and self.sent_of.get(
                    tok.i, 0) - self.sent_of.get(earlier[0], 0) < SALIENCE_SENTENCES:
                return earlier[1]  # "Prince Andrew ... the prince": the one titled so just before
        if role.sector == "LAB" and any(
                c.dep_ == "compound" and c.text[:1].isupper() and c.i not in self.hit_at
                and c.i not in self.region_at for c in tok.lefts):
            # "Blackwater employees", "NASA employees": the staff of an unknown name, whose country
            # is not the story's; only a place of their own locates them ("in Texas")
            own = self.own_place_country(tok)
            return self.d.sector_actor(own, role.sector) if own else None
        return self.context_actor(tok, role) if context else None

    def context_actor(self, tok: Any, role: Role) -> Actor | None:
        """A role with no country in its phrase ("the government", "security forces fired",
        "protesters"): the context country (see :meth:`context_country`)."""
        if role.sector == "OPP":
            # "Maduro accused the opposition": a leader acts on his own country's opposition
            agent = self.agent_tokens(tok)
            own = next((i.mention.actor.country for i in self.infos if i.head in agent
                        and i.mention.actor is not None and i.mention.actor.country), None)
            if own is not None:
                return self.d.sector_actor(own, role.sector)
        # a bare "the prince" points back at the one just named: not read in the setting
        country = self.context_country(tok, people=role.sector not in STATE_SECTORS,
                                       setting=not (role.person and self._definite_bare(tok)))
        return self.d.sector_actor(country, role.sector) if country else None

    def context_country(self, tok: Any, *, people: bool, setting: bool = False) -> str | None:
        """The country of a role phrase that names none, from the text only (docs/actors.md):
        the state mentioned nearest before ``tok`` in the same or previous sentence (salience
        order; for people, not a state acting on them), else the nearest sub-national place
        there, else the document's focus state, else None. With ``setting``, a phrase near a
        state named only in passing is read in the state the story is set in
        (:meth:`_set_in`), and one with no state near it in the lead state (``LEAD_MENTIONS``)
        before the focus state; without it (a bare title, "the prince", which points back at
        the person just named) it stays with the state just named."""
        own = self.own_place_country(tok)
        if own is not None:
            return own  # "Kurdish fighters in northeast Syria", "protesters in Santiago"
        skip = self.agent_tokens(tok) if people else set()
        if people and (clause_place := self.clause_place_country(tok)) is not None:
            return clause_place  # "jets bombed a hospital in northern Syria, killing civilians"
        # the same sentence first (a state, else a place: "tried to enter California but was
        # caught by police"), then the previous one, then the focus state
        for window in (1, 2):
            ante = self.antecedent(tok, want="state", window=window, skip=skip)
            if ante is not None and ante.country:
                return self._set_in(tok, ante.country) if setting else ante.country
            region = self.nearest_region(tok, window=window)
            if region is not None:
                return region
            if window == 1 and people:
                later = self.later_place_country(tok)
                if later is not None:
                    return later
        if not people and _is_subject(tok) and (
                clause_place := self.clause_place_country(tok, venues=False)) is not None:
            # "Police fired tear gas ... in Tbilisi", "The junta arrested ... in Niamey": state
            # forces are read from their sentence only after the states of the text around it,
            # since forces abroad are as often another state's ("troops shelled villages in Syria")
            return clause_place
        if setting and self.lead is not None:
            return self.lead  # the state the story is set in, read from its lead
        return self.focus_state(tok)

    def _set_in(self, tok: Any, near: str) -> str:
        """The country a role phrase is read in when the state nearest before it is ``near``:
        ``near`` itself, unless the text names it only in passing (``PASSING_MENTIONS`` times or
        fewer) and the story is set in another state (the focus state, named at least
        ``SET_IN_MENTIONS`` times): in a story about Tunisia that names France once, "the
        government" in the next sentence is Tunisia's. The nearest state is right more often
        than not, so it loses only to a clear setting."""
        focus = self.focus_state(tok)
        if focus is None or focus == near or self.focus_counts.get(near, 0) > PASSING_MENTIONS \
                or self.focus_counts.get(focus, 0) < SET_IN_MENTIONS:
            return near
        return focus

    def clause_place_country(self, tok: Any, *, venues: bool = True) -> str | None:
        """The one country of the places in the clause ``tok`` takes part in, if there is one;
        without ``venues``, not the places of meetings and journeys (``VENUE_VERBS``)."""
        clause = _event_clause(tok)
        if clause is None or (not venues and clause.lemma_.lower() in VENUE_VERBS):
            return None
        places = {self._place_country(t) for t in clause.sent
                  if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS and _attached(t, clause)
                  and (venues or t.head.head.lemma_.lower() not in VENUE_VERBS)}
        places.discard(None)
        return places.pop() if len(places) == 1 else None

    def agent_tokens(self, tok: Any) -> set[int]:
        """Tokens of the subject of the verb that has ``tok`` as its object ("the U.S. is not
        preventing civilians ..."): a state acting on people as a whole is not taken as their
        country (its police or government may be: "Iranian police arrested protesters")."""
        cur = tok
        for _ in range(4):
            if cur.dep_ in ("dobj", "pobj", "prep", "dative", "compound", "amod", "conj") and \
                    cur.head.i != cur.i:
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    break
            else:
                return set()
        if cur.pos_ not in ("VERB", "AUX"):
            return set()
        out: set[int] = set()
        for _ in range(3):
            for child in cur.children:
                if child.dep_ in ("nsubj", "agent"):
                    out.update(t.i for t in child.subtree)
            if out or cur.dep_ not in ("advcl", "xcomp", "conj") or cur.head.i == cur.i:
                break
            cur = cur.head  # "jets bombed a hospital, killing 10 civilians": the jets kill
        return out

    def own_place_country(self, tok: Any) -> str | None:
        """The country of a place that locates the role noun itself: "fighters **in** northeast
        Syria", "police **in** Mosul" (a country, its capital or a sub-national place)."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "inside", "across", "near",
                                                          "from"}:
                continue
            for obj in prep.children:
                country = self._place_country(obj) if obj.dep_ == "pobj" else None
                if country is not None:
                    return country
        return None

    def _place_country(self, tok: Any) -> str | None:
        """The country of a place name ending at ``tok``: a sub-national place, a capital or
        a state's own name ("Leeds", "Algiers", "Syria"); None for anything else."""
        if tok.i in self.region_at:
            return self.region_at[tok.i]
        hit = self.hit_at.get(tok.i)
        if hit is None or hit.alias.kind not in (ACTOR, CAPITAL):
            return None
        if hit.alias.kind == CAPITAL:
            return hit.alias.target
        actor = self.named(hit.alias.target)
        return actor.country if actor is not None and actor.kind == "state" else None

    def later_place_country(self, tok: Any) -> str | None:
        """For people: the first place after ``tok`` in its sentence that locates something
        ("Police said they arrested a man **from Leeds** after a raid", "took to the streets
        **of Algiers**"): the text that follows a role phrase often says where it is. Names of
        states are not read here, since after the phrase they are as often its counterpart."""
        sent_no = self.sent_of.get(tok.i, 0)
        for later in self.sdoc[tok.i + 1:]:
            if self.sent_of.get(later.i, 0) != sent_no:
                break
            if later.dep_ != "pobj" or later.head.lower_ not in LOCATIVE_PREPS | {"of"}:
                continue
            hit = self.hit_at.get(later.i)
            if later.i in self.region_at or (hit is not None and hit.alias.kind == CAPITAL):
                return self._place_country(later)
        return None

    def nearest_region(self, tok: Any, window: int = 2) -> str | None:
        """The country of the nearest sub-national place before ``tok`` in the same sentence
        (``window`` 1) or also the previous one (2): "... in Columbus. Police said ..."."""
        here = self.sent_of.get(tok.i, 0)
        found = [((sent, start), iso3) for sent, start, iso3 in self.regions
                 if start < tok.idx and 0 <= here - sent < window]
        return max(found)[1] if found else None

    def focus_state(self, tok: Any) -> str | None:
        """The document's focus state: the state named most often in the whole text (at least
        twice, and strictly more often than any other); in a text that names no state at all,
        the country its place names point to (:meth:`place_country`); else None."""
        if not self.focus_counts:
            return self.place_country
        ranked = sorted(self.focus_counts.items(), key=lambda kv: -kv[1])
        if ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    @cached_property
    def place_country(self) -> str | None:
        """The country (ISO3) the gazetteer reads the text's own place names in, for a text that
        names no state, capital, demonym or large place the dictionary knows: local news names
        its towns only ("Tipperary District Court", "Raytown police"), and without a country its
        courts, police and councils stayed uncoded, so the page read as not political news and
        its acts were dropped (docs/actors.md, session 53). The places stage's own country vote
        (:meth:`diurna.places.resolver.PlaceResolver.country_vote`), computed once per document
        and only when asked; None when the names do not settle one country."""
        iso3 = alpha3(_place_votes().country_vote(self.doc)) if self.use_places else None
        return iso3 if iso3 in self.d.countries else None

    def _combine(self, source: Actor, role: Role) -> Actor | None:
        derived = source.kind in ("state", "party") or \
            source.id == f"{source.country}-{source.sector}"
        if role.sector == "PRX":
            # "its proxies" (its = the US) → forces backed by the US.
            return self.d.proxy_actor(source.country) if derived and source.country else source
        if derived and source.sector == "BUS":
            return source  # "a WeWork spokesperson" speaks for the company
        if derived:
            # a state, or a derived state-sector actor: the role picks the sector.
            return self.d.sector_actor(source.country, role.sector) if source.country else None
        if source.sector == "PRX" and source.affiliation:
            return source
        if source.kind == "armed_group" and source.country and role.sector in SOCIETY_SECTORS:
            # "the people of Abkhazia", "South Ossetian journalists": a society noun names its
            # own sector, in the country the group belongs to (round 32)
            return self.d.sector_actor(source.country, role.sector)
        # A named body or group: its members are the body ("Hezbollah fighters", "UN envoy").
        return source

    def _patron_actor(self, patron: Actor, role: Role) -> Actor | None:
        prefix = patron.country or patron.affiliation
        return self.d.proxy_actor(prefix) if prefix else None

    def _role_source(self, tok: Any, role: Role, hit: _Hit) -> tuple[Actor | None, Actor | None,
                                                                     Actor | None]:
        """(source, patron, leader) for a role head: where its country comes from."""
        source: Actor | None = None
        patron: Actor | None = None
        leader: Actor | None = None
        # 1. modifiers before the head inside the phrase: demonyms, names, capitals.
        for t in sorted(tok.subtree, key=lambda x: x.i):
            if t.i >= hit.start:
                break
            if t.i in self.region_at and source is None and role.sector not in ("PRX",):
                source = self.d.state(self.region_at[t.i])  # "Indiana protesters"
                continue
            h = self.hit_at.get(t.i)
            if h is None and source is None and t.dep_ == "compound" and t.pos_ == "PROPN":
                source = self.company_actor(t, [t])  # "a WeWork spokesperson"
                continue
            if h is None or h.alias.kind == ROLE or t.i != h.end - 1:
                continue
            if h.alias.kind == DEMONYM and self._denomination(h):
                continue  # "the Syrian-Catholic Archbishop of Mosul": a church, not a state
            actor = self.hit_actor(h, t) if h.alias.kind != CAPITAL else (
                self.d.state(h.alias.target) if self.capital_is_agent(t) else None)
            if actor is None:
                continue
            head = t.head
            backed = head.i != tok.i and head.lemma_.lower() in PATRON_LEMMAS
            pro = self._pro_prefix(h)
            if pro and role.sector not in ARMED_SECTORS:
                continue  # "pro-Syrian opposition parties": a stance, not their state (round 33)
            if pro or backed:
                patron = patron or actor
            elif head.i != tok.i and head.lemma_.lower() in LEAD_LEMMAS:
                leader = leader or actor
            elif source is None:
                source = actor
        if source or patron or leader:
            return source, patron, leader
        # 2. a possessor: "Khamenei's top advisor", "its troops" (not "his counterpart").
        if role.phrase != "counterpart":
            for child in tok.children:
                if child.dep_ == "poss":
                    actor = self.np_actor(child)
                    if actor is not None:
                        return actor, None, None
        # 3. a complement: "adviser to the Iranian supreme leader", "minister of Iran".
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "in" and role.sector == "GOV":
                # "the government in Tehran": a capital as the seat of a government
                for pobj in child.children:
                    h = self.hit_at.get(pobj.i)
                    if pobj.dep_ == "pobj" and h is not None and h.alias.kind == CAPITAL:
                        return self.d.state(h.alias.target), None, None
            if child.dep_ == "prep" and (child.lower_ in ROLE_PREPS or (
                    child.lower_ == "from" and role.phrase in SENT_ROLES)) and not (
                    child.lower_ == "to" and role.phrase in ENVOY_ROLES):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = self.np_actor(pobj) or self.appositive_source(pobj)
                        if actor is None and child.lower_ == "of":
                            actor = self._home_place(pobj)
                        if actor is not None:
                            return actor, None, None
        return None, None, None

    def _home_place(self, pobj: Any) -> Actor | None:
        """The state of a place a role is "of": "the Mayor of Flint, Michigan", "the governor
        of Texas", "the Archbishop of Warsaw" (a sub-national place or a capital, or a state
        renaming the place after a comma, which the parser hangs on it as a conjunct or an
        appositive). Round 26: these roles took the context country, or none."""
        for t in (pobj, *(c for c in pobj.children if c.dep_ in ("appos", "conj", "npadvmod"))):
            if t.i in self.region_at and t.ent_type_ not in ("GPE", "LOC"):
                continue  # a place word opening a name ("the Commonwealth of Puerto Rico")
            country = self._place_country(t)
            if country is not None:
                return self.d.state(country)
        return None

    def _denomination(self, h: _Hit) -> bool:
        """A demonym that names a church with the word after it ("Syrian-Catholic", "Greek
        Orthodox", "Armenian Apostolic"): it says nothing of the state a cleric serves in."""
        i = h.end + (h.end < len(self.sdoc) and self.sdoc[h.end].text == "-")
        return i < len(self.sdoc) and self.sdoc[i].lower_ in CHURCH_WORDS

    def appositive_source(self, tok: Any) -> Actor | None:
        """An unknown name explained by an appositive: "a spokesperson for Inherent Resolve,
        the U.S. military operation ..." → the appositive, or a name or demonym modifying it."""
        for child in tok.children:
            if child.dep_ != "appos":
                continue
            actor = self.np_actor(child) or self._premodifier_actor(child)
            if actor is not None:
                return actor
        return None

    def _premodifier_actor(self, head: Any) -> Actor | None:
        """The actor or demonym named before ``head`` in its phrase ("the Iranian supreme
        leader" → Iran)."""
        for t in head.subtree:
            if t.i >= head.i:
                break
            h = self.hit_at.get(t.i)
            if h is not None and h.alias.kind in (ACTOR, DEMONYM) and t.i == h.end - 1:
                named = self.hit_actor(h, t)
                if named is not None:
                    return named
        return None

    def _pro_prefix(self, h: _Hit) -> bool:
        """ "pro-Iranian militias": the name follows "pro" and a hyphen."""
        if h.start < 2:
            return False
        return self.sdoc[h.start - 1].text == "-" and self.sdoc[h.start - 2].lower_ == "pro"

    # -------------------------------------------------------------------------------- persons
    def name_span(self, tok: Any) -> tuple[int, int]:
        """Token range of the person name headed by ``tok`` (entity, else compound chain)."""
        ent = self.ent_of.get(tok.i)
        if ent is not None:
            start, end = ent.start, ent.end
            while end > start + 1 and self.sdoc[end - 1].tag_ == "POS":
                end -= 1
            # a title spaCy put inside the name: "Rep. Ilhan Omar", "Gov. Eric Holcomb"
            while start < end - 1:
                h = self.hit_at.get(start)
                if h is not None and h.alias.kind == ROLE and h.end < end:
                    start = h.end
                elif self.sdoc[start].lower_ in NAME_TITLES:
                    start += 1
                else:
                    break
            return start, end
        start = tok.i
        while start > 0 and self.sdoc[start - 1].dep_ == "compound" and \
                self.sdoc[start - 1].head.i == tok.i and self.sdoc[start - 1].pos_ == "PROPN":
            start -= 1
        return start, tok.i + 1

    def title_before(self, start: int) -> tuple[int, Actor | None, Role | None]:
        """A role title right before a name ("Secretary of State", "Iranian President",
        "Palestinian chief negotiator", "the country's President").

        Returns (title start token, actor, role); role is None when there is no title."""
        i = start
        while i > 0 and self.sdoc[i - 1].lower_ in NAME_TITLES:
            i -= 1
        hit = self.hit_at.get(i - 1) if i > 0 else None
        if hit is None or hit.alias.kind == ROLE:
            # "Minister of Information X", "Minister of Public Security X": the title ends at
            # "of", also when the portfolio holds a role word ("public", "industry")
            p = self._portfolio_start(i)
            if p < i:
                i, hit = p, self.hit_at.get(p - 1)
        if hit is not None and self.sdoc[hit.start].pos_ in {"VERB", "AUX"}:
            return start, None, None  # "to press Erdogan": a verb, not the title "press"
        if hit is None and i > 1 and self.sdoc[i - 1].lower_ in BODY_HEAD_TITLES:
            return self._body_head(start, i - 1)
        if hit is not None and hit.alias.kind != ROLE and hit.end == i:
            return self._title_with_complement(start, hit)
        if hit is None or hit.alias.kind != ROLE or hit.end != i:
            return start, None, None
        role = self.d.roles[hit.alias.target]
        first = hit.start
        # skip a few title modifiers: "chief", "vice-", "former", "top"
        j = first
        while j > 0 and first - j < 3 and self.hit_at.get(j - 1) is None and (
                self.sdoc[j - 1].text == "-" or self.sdoc[j - 1].lower_ in TITLE_MODIFIERS):
            j -= 1
        source: Actor | None = None
        prev = self.hit_at.get(j - 1) if j > 0 else None
        if prev is not None and prev.alias.kind in (ACTOR, DEMONYM, CAPITAL):
            source = self.named(prev.alias.target) if prev.alias.kind == ACTOR else \
                self.d.state(prev.alias.target)
            first = prev.start
        elif j > 1 and self.sdoc[j - 1].tag_ == "POS":
            source = self.np_actor(self.sdoc[j - 2])  # "the country's President X"
            first = j - 2
        if source is not None:
            return first, self._combine(source, role), role
        if role.default_country:
            return first, self.d.sector_actor(role.default_country, role.sector), role
        return first, None, role

    def _portfolio_start(self, i: int) -> int:
        """Where "of" begins a portfolio ending at token ``i`` ("Minister of Information",
        "Secretary of Trade and Industry"), if the word before the "of" ends a role: the
        portfolio names no state or body, so the title's country comes from before the role
        ("the Palestinian Minister of Information X"), as for a bare title. Returns ``i``
        itself when there is no such portfolio."""
        j = i
        while j > 0 and i - j < 4 and self._portfolio_word(j - 1, last=j == i):
            j -= 1
        if j == i or j < 2 or self.sdoc[j - 1].lower_ != "of" or \
                self.sdoc[j].lower_ in PORTFOLIO_LINKS:
            return i  # (no portfolio word: "President of the UK Renal Association" is a body)
        if any(self.hit_at[k].start < j for k in range(j, i) if k in self.hit_at):
            return i  # a role running into the title: "Secretary of State X"
        role = self.hit_at.get(j - 2)
        if role is None or role.alias.kind != ROLE or role.end != j - 1:
            return i
        return j - 1

    def _portfolio_word(self, k: int, *, last: bool) -> bool:
        """Token ``k`` can be part of a portfolio: a capitalised word that names no state or
        body (a role word is allowed: "Public Security", "Trade and Industry"), or a link
        inside it ("and", "State **for** Defence"), never its last word."""
        hit = self.hit_at.get(k)
        if hit is not None and hit.alias.kind != ROLE:
            return False
        return self.sdoc[k].is_title or (not last and self.sdoc[k].lower_ in PORTFOLIO_LINKS)

    def _body_head(self, start: int, word: int) -> tuple[int, Actor | None, Role | None]:
        """ "NATO chief Jaap de Hoop Scheffer", "Hamas leader X": a body's name, then a head
        word that is no role of the dictionary, right before the name -> that body (an
        organisation or IGO, not a state or a person: "Iraq chief" says too little)."""
        named = self.hit_at.get(word - 1)
        if named is None or named.alias.kind != ACTOR or named.end != word:
            return start, None, None
        actor = self.named(named.alias.target)
        if actor is None or actor.kind in ("state", "person"):
            return start, None, None
        return named.start, actor, None

    def _title_with_complement(self, start: int, named: _Hit) -> tuple[int, Actor | None,
                                                                          Role | None]:
        """ "Foreign Minister of Iran Javad Zarif", "special envoy to Ukraine Kurt Volker": a
        role title whose complement names a state or body, right before the name. An envoy
        "to X" is not X's: the focus state is used when it is another state, else nothing."""
        p = named.start - 1
        if p < 1 or self.sdoc[p].lower_ not in ROLE_PREPS or named.alias.kind == ROLE:
            return start, None, None
        hit = self.hit_at.get(p - 1)
        if hit is None or hit.alias.kind != ROLE or hit.end != p:
            return start, None, None
        role = self.d.roles[hit.alias.target]
        source = self.named(named.alias.target) if named.alias.kind == ACTOR else \
            self.d.state(named.alias.target)
        if source is None:
            return start, None, None
        if self.sdoc[p].lower_ == "to" and role.phrase in ENVOY_ROLES:
            focus = self.focus_state(self.sdoc[start])
            if focus is None or focus == source.country:
                return start, None, None
            return hit.start, self.d.sector_actor(focus, role.sector), role
        return hit.start, self._combine(source, role), role

    def person_actor(self, tok: Any) -> Actor | None:
        """A person name, from (in order): a known person of the dictionary; a title naming its
        country ("Iranian President X"); "of X" after a titled name; an appositive role ("X, a
        top adviser to ..."); the same person earlier in the text, else introduced anywhere in
        it ("Gordon Sondland, the U.S. ambassador ..." for a bare "Sondland"); the title with
        the context country; a private person introduced by age or home ("X, 32, of Franklin")
        → civilians of that place's country, else of the focus state."""
        start, end = self.name_span(tok)
        name_toks = [t for t in self.sdoc[start:end] if t.lower_ not in NAME_TITLES]
        actor = self.known_person(start, end)
        title: Role | None = None
        found = actor is not None
        if actor is None:
            _, actor, title = self.title_before(start)
            found = title is not None
        else:
            title = self.title_before(start)[2]  # a known person's title, for "the prince"
        if actor is None and title is not None:
            # "President Xi Jinping of China"
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        source = self.np_actor(pobj) if pobj.dep_ == "pobj" else None
                        if source is not None:
                            actor = self._combine(source, title)
        if actor is None:
            actor = self.appositive_actor(tok)
        if actor is None and title is None:
            actor = self.role_as(tok)
        if actor is None and tok.dep_ == "appos" and self._is_role(tok.head):
            # "the Iranian supreme leader Ayatollah Ali Khamenei"
            actor = self.np_actor(tok.head)
        if actor is None and tok.dep_ == "appos":
            actor = self.role_of_complement(tok.head)
        if actor is None and title is None:
            actor = self.role_of_place_before(start)
        if actor is None and title is None and not (
                name_toks and self.company_actor(tok, name_toks)):  # "Chinese retailer Alibaba"
            actor = self.demonym_before(start)
        if actor is None and name_toks:
            actor = self.persons.get(" ".join(t.lower_ for t in name_toks)) or \
                self.by_surname(name_toks) or self.introduced(tok, name_toks)
        if actor is None and title is not None:
            actor = self.context_actor(tok, title)
        if actor is None and name_toks and not found:
            actor = self.company_actor(tok, name_toks)
        if actor is None and tok.ent_type_ == "PERSON":
            actor = self.private_person(end)
        if actor is not None and name_toks and (tok.ent_type_ == "PERSON" or found):
            self.persons[" ".join(t.lower_ for t in name_toks)] = actor
            self.remember_person(name_toks, actor)
            if title is not None:
                self.titled[title.phrase] = (tok.i, actor)
        return actor

    def appositive_actor(self, tok: Any) -> Actor | None:
        """ "Velayati, a top adviser to the Iranian supreme leader": an appositive headed by a
        role word. A role whose own phrase names no country takes it from another appositive
        that does ("X, a spokesperson for Inherent Resolve, the U.S. military operation ...")
        before the context country."""
        appos = [c for c in tok.children if c.dep_ == "appos"]
        # "Kevin McAleenan, who was the acting director of the Department of Homeland Security"
        for rel in tok.children:
            if rel.dep_ == "relcl" and rel.lemma_ == "be":
                appos += [c for c in rel.children if c.dep_ == "attr"]
        roles = [c for c in appos if self._is_role(c)]
        for child in roles:
            hit = self.hit_at[child.i]
            actor = self.role_actor(child, self.d.roles[hit.alias.target], hit, context=False)
            if actor is not None:
                return actor
        for child in appos:
            if child not in roles and child.lower_ in POST_HEADS:
                # the parser may hang "at X" on the name: "X, Research Director ... at Amnesty"
                body = self.post_body(child) or self.post_body(tok, preps={"at", "with"})
                if body is not None:
                    return body
        if not roles:
            return None
        for child in appos:
            if child in roles:
                continue
            named = self._premodifier_actor(child)
            if named is not None:
                return self._combine(named, self.d.roles[self.hit_at[roles[0].i].alias.target])
        for child in roles:
            actor = self.np_actor(child)
            if actor is not None:
                return actor
        return None

    def role_as(self, tok: Any) -> Actor | None:
        """ "send Karan Singh as the Prime Minister's special Envoy", "X was named as the
        new defence minister": a role given to the name with "as" (on the name, or on the verb
        whose object or passive subject it is) says whose the person is, so that later
        mentions by surname carry that code too. Only a role word the dictionary knows."""
        holders = [tok, tok.head] if tok.dep_ in {"dobj", "nsubjpass"} else [tok]
        return next((self.np_actor(role) for role in preposition_objects(holders, {"as"})
                     if self._is_role(role)), None)

    def role_of_complement(self, head: Any) -> Actor | None:
        """ "a spokesman for the U.S. State Department, Tom Casey": the parser hangs the name on
        the nearest noun ("Department"), inside the complement of the role it renames; the
        name takes the role's code, read from the role phrase as a whole (round 25b). Only up
        a chain of prepositional objects, at most three deep, so a name renaming a place or a
        thing ("the capital, X") is not taken into an unrelated role."""
        if head.lower_ in MEMBER_NOUNS:
            # "the Iranian parliament member, Muhammad Karim Abedi": a member of a named body
            body = self._premodifier_actor(head) or self.post_body(head, preps={"of"})
            if body is not None and body.kind not in ("state", "person"):
                return body
        for _ in range(3):
            if head.dep_ != "pobj" or head.head.dep_ != "prep":
                return None
            head = head.head.head
            if self._is_role(head):
                return self.np_actor(head)
        return None

    def role_of_place_before(self, start: int) -> Actor | None:
        """ "the Mayor of Flint, Michigan, Don Williamson": a role "of" a place, then a comma,
        then the name. The parser often hangs the name and the role on different heads (both
        as appositives of an earlier noun), so neither the title nor the appositive rule sees
        them; read from the words: the name takes the role's code when only the place's
        capitalised words and commas lie between "of" and the name (round 26)."""
        i = start - 1
        if i < 3 or self.sdoc[i].text != ",":
            return None
        j = i - 1
        while j > 0 and i - j <= 6 and (self.sdoc[j].text == "," or (
                self.sdoc[j].pos_ == "PROPN" and self.hit_at.get(j) is None)):
            j -= 1
        if j < 1 or j == i - 1 or self.sdoc[j].lower_ != "of":
            return None
        if self._place_country(self.sdoc[j + 1]) is None and not any(
                k in self.region_at for k in range(j + 1, i)):
            return None  # "the manager of the Channel Capital, X": a body, not a place
        role = self.sdoc[j - 1]
        return self.np_actor(role) if self._is_role(role) else None

    def demonym_before(self, start: int) -> Actor | None:
        """ "Italian Daniele Mastrogiacomo", "fellow Italian photographer Gabriele Torsello": a
        demonym right before a name (or before one or two common nouns that are no role) states
        the person's nationality, which the guideline codes (§6: the text gives a country).
        With no role word the person is a private one, coded as a civilian of that state, as
        for a person introduced by an age (round 25b)."""
        i = start
        while i > 0 and start - i < 2 and self.sdoc[i - 1].tag_ == "NN" and \
                self.hit_at.get(i - 1) is None:
            i -= 1  # "photographer", "chess champion"
        hit = self.hit_at.get(i - 1) if i > 0 else None
        if hit is None or hit.alias.kind != DEMONYM or hit.end != i:
            return None
        state = self.d.state(hit.alias.target)
        if state is None or state.country not in self.d.countries:
            return None
        return self.d.sector_actor(state.country, "CVL")

    def post_body(self, head: Any, preps: set[str] = POST_PREPS) -> Actor | None:
        """The named body of a post: "Director for the Middle East at Amnesty International"
        → Amnesty; "director of the Department of Homeland Security" → DHS (a dictionary
        name, never a bare place)."""
        stack = [c for c in head.children if c.dep_ == "prep" and c.lower_ in preps]
        seen = 0
        while stack and seen < 8:
            prep = stack.pop(0)
            seen += 1
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                h = self.hit_at.get(pobj.i)
                if h is not None and h.alias.kind == ACTOR:
                    actor = self.named(h.alias.target)
                    if actor is not None and actor.kind not in ("state", "person"):
                        return actor
                stack += [c for c in pobj.children
                          if c.dep_ == "prep" and c.lower_ in POST_PREPS]
        return None

    def known_person(self, start: int, end: int) -> Actor | None:
        """A person of the dictionary (persons.yaml, user files) named in tokens [start, end)."""
        for i in range(start, end):
            hit = self.hit_at.get(i)
            if hit is not None and hit.alias.kind == ACTOR:
                actor = self.named(hit.alias.target)
                if actor is not None and actor.kind == "person":
                    return actor
        return None

    def introduced(self, tok: Any, name_toks: list[Any]) -> Actor | None:
        """The role of the same name introduced elsewhere in the text (title or appositive)."""
        full = " ".join(t.lower_ for t in name_toks)
        surname = _surname(name_toks)
        others = [t for t in name_toks if t.lower_ != surname]
        for key in (full, surname):
            for i in self.intros.get(key, []):
                if i != tok.i and not (self.sdoc[i].ent_type_ == "PERSON" and
                                       self.ent_of.get(i) is self.ent_of.get(tok.i)):
                    actor = self.np_actor(self.sdoc[i])
                    if actor is not None and (key == full or not _is_named_person(actor)
                                              or self._intro_fits(i, others, actor)):
                        return actor
        return None

    def _intro_fits(self, i: int, others: list[Any], actor: Actor) -> bool:
        """Whether a name's given names (``others``) fit the name introduced at token ``i``
        ("Hunter Biden" does not fit "Joe Biden"; :func:`_given_fit`)."""
        ent = self.ent_of.get(i)
        words = {t.lower_ for t in ent} if ent is not None else {self.sdoc[i].lower_}
        return _given_fit(others, self.d, words | _entry_words(self.d, actor.id))

    def private_person(self, end: int) -> Actor | None:
        """ "Elizabeth A. Burton, 32, of 1119 Eighth St.", "Singh Jabarjung, 24, from Punjab's
        Bhatinda": a name followed by an age introduces a private person (news style) → the
        civilians of the home place's country when one is named right after, else of the
        document's focus state. Without an age nothing is inferred."""
        toks = self.sdoc
        if end + 2 > len(toks) or toks[end].text != "," or not toks[end + 1].like_num:
            return None
        if end + 2 < len(toks) and toks[end + 2].text not in (",", ")", ".", ";"):
            return None  # "X, 32 years ..." is fine below; "X, 2019" is not an age
        country: str | None = None
        j = end + 3
        if j < len(toks) and toks[j].lower_ in ("of", "from"):
            sent_end = toks[end].sent.end
            for k in range(j + 1, min(j + 8, sent_end)):
                if k in self.region_at:
                    country = self.region_at[k]
                    break
                hit = self.hit_at.get(k)
                if hit is not None and hit.alias.kind in (ACTOR, DEMONYM, CAPITAL):
                    named = self.named(hit.alias.target) if hit.alias.kind == ACTOR \
                        else self.d.state(hit.alias.target)
                    if named is not None and named.country in self.d.countries:
                        country = named.country
                        break
                if toks[k].text in (",", ";", "."):
                    break
        country = country or self.focus_state(toks[end])
        return self.d.sector_actor(country, "CVL") if country else None

    # ---------------------------------------------------------------------------- coreference
    def pronoun_actor(self, tok: Any) -> Actor | None:
        low = tok.lower_
        if low in IT_PRONOUNS:
            if tok.dep_ == "expl" or (tok.dep_ == "nsubj" and (
                    tok.head.lemma_ == "be" or tok.head.lower_ in ("'s", "’s"))):
                return None  # "It's unclear if ..."
            if low != "its" and tok.dep_ not in ("nsubj", "nsubjpass"):
                return None  # an object "it" is mostly a thing ("... reject it")
            return self.antecedent(tok, want="it")
        if low in PERSON_PRONOUNS:
            return self.antecedent(tok, want="person")
        if low in THEY_PRONOUNS:
            return self.antecedent(tok, want="they")
        if low in FIRST_PRONOUNS:
            return self.speaker(tok)
        return None

    def speaker(self, tok: Any) -> Actor | None:
        """ "'They caught me ...,' he said": a first-person pronoun in a quotation is the
        subject of the verb of saying that governs it (not itself first person)."""
        for anc in tok.ancestors:
            if anc.lemma_.lower() not in SAY_LEMMAS:
                continue
            for child in anc.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != tok.i and \
                        child.lower_ not in FIRST_PRONOUNS and not child.is_ancestor(tok):
                    return self.np_actor(child)
        return None

    def short_reference(self, tok: Any) -> Actor | None:
        if tok.lower_ in COUNTRY_NOUNS:
            return self.antecedent(tok, want="state", skip=self.act_agents(tok))
        return self.antecedent(tok, want="group")

    def act_agents(self, tok: Any) -> set[int]:
        """Tokens of those who do the act "the country" undergoes: "the American-led invasion
        of the country", "the U.S. has had a trade embargo imposed on the country". A state
        acting on a country is not that country, so it is no antecedent of "the country"
        (round 26: both were read as the US). Climbs at most four heads from ``tok``; at a noun
        its modifiers before it, at a verb its subject."""
        out: set[int] = set()
        cur = tok
        for _ in range(4):
            if cur.dep_ not in ("pobj", "prep", "dobj", "acl", "nsubjpass", "ccomp") or \
                    cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("NOUN", "PROPN"):
                for left in cur.lefts:
                    if left.dep_ in ("amod", "compound", "poss", "nmod"):
                        out.update(t.i for t in left.subtree)
            elif cur.pos_ in ("VERB", "AUX"):
                verb = cur.head if cur.dep_ == "conj" and not any(
                    c.dep_ == "nsubj" for c in cur.children) else cur  # "... and has had"
                for child in verb.children:
                    if child.dep_ in ("nsubj", "agent"):
                        # the subject and its modifiers, not its complements: "the US
                        # Ambassador to the Czech Republic ... asked that country"
                        out.add(child.i)
                        out.update(t.i for left in child.lefts for t in left.subtree)
        return out

    def antecedent(self, tok: Any, *, want: str, window: int = SALIENCE_SENTENCES,
                   skip: set[int] | None = None) -> Actor | None:
        """Nearest compatible preceding mention; subjects of the current sentence first."""
        here = self.sent_of.get(tok.i, 0)
        gender = PRONOUN_GENDER.get(tok.lower_)
        best: tuple[int, int] | None = None
        chosen: Actor | None = None
        # subjects of the clauses the pronoun sits in bind it first: in "a group ..., alarmed
        # that the administration is denying vaccines, is urging DHS to accept its offer",
        # "its" is the group's, not the nearer administration's
        binders = [(b, min(t.idx for t in b.subtree), max(t.idx for t in b.subtree))
                   for anc in tok.ancestors for b in anc.children
                   if b.dep_ in ("nsubj", "nsubjpass") and b.i < tok.i
                   ] if tok.lower_ in PRONOUNS else []  # not "the Jewish state": names go free
        for info in reversed(self.infos):  # in document order: stop past the window
            if here - info.sent >= window:
                break
            m = info.mention
            # a person the dictionary does not code, named in the pronoun's own sentence, still
            # takes "he"/"she": the pronoun then has no code, rather than the code of a person
            # named before them (round 37); one named in an earlier sentence is passed over, as
            # the same person is often coded there by a role ("the Archbishop")
            if m.start >= tok.idx or m.actor is None and not (
                    want == "person" and info.person and info.sent == here):
                continue
            bound = next((b for b, lo, hi in binders if lo <= m.start <= hi), None)
            collective = bound is not None and want == "it" and bound.tag_ == "NN" and \
                not info.person  # "a group of physicians ... its offer"
            if not (self._compatible(info, want, gender) or collective) or (
                    skip and info.head in skip and m.actor is not None
                    and m.actor.kind == "state"):
                continue
            if info.locative and want not in ("person", "state"):
                continue
            same = info.sent == here
            tier = (0 if info.subject else 1) if same else (2 if info.subject else 3)
            if same and bound is not None and (want != "person" or _binds(self.sdoc, info.head,
                                                                          bound.i)):
                tier = -1
            key = (tier, -m.start)
            if best is None or key < best:
                best, chosen = key, m.actor
        if want == "state" and chosen is not None and chosen.country:
            return self.d.state(chosen.country)  # "the country" is the state as a whole
        return chosen

    def _compatible(self, info: _Info, want: str, gender: str | None = None) -> bool:
        if want == "person":
            return info.person and not (gender and info.gender and gender != info.gender)
        actor = info.mention.actor
        assert actor is not None
        if want == "state":  # a mention of a country or its bodies: "Iran", "the Kremlin";
            # not a news agency, whose home says nothing of the story ("told AFP that ...")
            return not info.person and bool(actor.country) and actor.country in self.d.countries \
                and actor.sector != "MED"
        if info.person:
            return False
        if want == "it":
            return not info.plural
        if want == "they":
            return info.plural or actor.kind not in ("state",)
        if want == "state":
            return actor.kind == "state" or actor.id == f"{actor.country}-{actor.sector}"
        if want == "group":
            return actor.kind not in ("state",) and actor.sector not in (None, "CVL")
        return True

    # ------------------------------------------------------------------------------- mentions
    def add(self, start_tok: int, end_tok: int, actor: Actor | None, label: str, head: Any,
            *, person: bool = False) -> Mention | None:
        toks = self.sdoc[start_tok:end_tok]
        while len(toks) > 1 and toks[0].lower_ in DETERMINERS:
            toks = toks[1:]
        # (nor the paragraph break a phrase at a paragraph's end runs into: "Apple Pay\n\n")
        while len(toks) > 1 and (toks[-1].tag_ == "POS" or toks[-1].is_punct
                                 or toks[-1].is_space):
            toks = toks[:-1]
        if not len(toks):
            return None
        span = self.doc.span(toks.start_char, toks.end_char)
        mention = Mention(span.start, span.end, span.text, actor=actor, label=label)
        person = person or label == "PERSON" or (actor is not None and actor.kind == "person")
        plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in THEY_PRONOUNS
        subject = _is_subject(head)
        locative = head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS
        self.infos.append(_Info(mention, self.sent_of.get(head.i, 0), person, plural, subject,
                                locative, head.i, self._gender(start_tok, head) if person
                                else None))
        return mention

    def _gender(self, start_tok: int, head: Any) -> str | None:
        """A person mention's gender where its own words say it: a gendered pronoun ("she"),
        or an honorific opening the phrase or just before it ("Mr. Byrd", "Ms Waters"). Used
        only to refuse a "he"/"she" its opposite (round 37: "her" was read as Mr. Byrd)."""
        if head.lower_ in PRONOUN_GENDER:
            return PRONOUN_GENDER[head.lower_]
        for i in (start_tok, start_tok - 1, start_tok + 1):
            if 0 <= i < len(self.sdoc) and i <= head.i:
                found = HONORIFIC_GENDER.get(self.sdoc[i].lower_.rstrip("."))
                if found:
                    return found
        return None


# the links from a name up to the subject it is part of that keep it the subject's referent
# ("Abbas's strategy ... haunt him"); an appositive, a clause or a preposition on the way names
# someone else ("Romney, Huckabee's chief rival, suspended his campaign")
BINDING_DEPS = {"poss", "compound", "nmod", "amod", "flat"}


def _binds(sdoc: Any, head: int, binder: int) -> bool:
    """Whether a person mention headed at token ``head`` inside the subject ``binder`` binds a
    "he"/"she" of the subject's clause: it is the subject, or reaches it only through
    possessors and name parts (round 37)."""
    tok = sdoc[head] if head >= 0 else None
    for _ in range(6):
        if tok is None:
            return False
        if tok.i == binder:
            return True
        if tok.dep_ not in BINDING_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _is_subject(tok: Any) -> bool:
    for _ in range(4):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ in ("compound", "amod", "poss", "npadvmod", "conj", "appos") and \
                tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False


@cache
def _place_votes() -> PlaceResolver:
    """One place resolver for the country votes of :meth:`_State.place_country`: the hand rules
    only (the vote needs no ranker), on the default gazetteer (``$DIURNA_GAZETTEER`` or the
    built one). Imported when first needed, not at the top: a text that names a state never
    loads the places stage."""
    from diurna.places.resolver import PlaceResolver

    return PlaceResolver(rules_only=True)


class ActorResolver:
    """Pipeline component ``actors``: fills ``doc.mentions`` from the actor dictionary.

    ``extra_files`` (and ``$DIURNA_ACTORS``) name user dictionary files, YAML or CSV, that extend
    or override the built-in dictionary (format: docs/actors.md).
    """

    name = "actors"

    def __init__(self, extra_files: Iterable[str | Path] = (), *, use_places: bool = True) -> None:
        self.extra_files = [Path(p) for p in extra_files]
        self.dictionary = ActorDictionary.load(self.extra_files)
        # a text that names no state takes the country of its place names (_State.place_country)
        self.use_places = use_places
        # mention_at's index: the list it was built from, that list's length, the index
        self._mention_index: tuple[list[Any], int, MentionIndex] | None = None

    # ------------------------------------------------------------------------------ matching
    def _build_matcher(self, vocab: Any) -> Any:
        """One PhraseMatcher (attr LOWER) over every alias; built once per vocabulary."""
        from spacy.matcher import PhraseMatcher

        from diurna.language import load_nlp

        region_country("")  # build the place index with the matcher (one-time set-up cost)
        tokenizer = load_nlp().tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        # Tokenise each spelling as written: tokenizer exceptions are case-sensitive ("U.S." is
        # one token, "u.s." is not), and the key is the lower-case form the readings are under.
        pairs = sorted({(key, a.text) for key, readings in self.dictionary.aliases.items()
                        for a in readings})
        patterns: dict[str, list[Any]] = {}
        for (key, _), doc in zip(pairs, tokenizer.pipe(t for _, t in pairs), strict=True):
            patterns.setdefault(key, []).append(doc)
        for key, docs in patterns.items():
            matcher.add(key, docs)
        return matcher

    def _match(self, sdoc: Any, ents: list[Any]) -> list[_Hit]:
        # One matcher per (dictionary, vocabulary), shared by resolver instances: later stages
        # that make their own ActorResolver() to call resolve_span do not rebuild it.
        mkey = (id(self.dictionary), id(sdoc.vocab))
        cached = _MATCHERS.get(mkey)
        if cached is None or cached[0] is not self.dictionary or cached[1] is not sdoc.vocab:
            cached = (self.dictionary, sdoc.vocab, self._build_matcher(sdoc.vocab))
            _MATCHERS[mkey] = cached
        matcher = cached[2]
        strings = sdoc.vocab.strings
        found: list[_Hit] = []
        for key, start, end in matcher(sdoc):
            surface = sdoc[start:end].text
            for alias in self.dictionary.readings(strings[key]):
                if alias.case_ok(surface):
                    found.append(_Hit(start, end, alias))
                    break
        # a name inside a longer person name is not that actor ("Robert Jordan", "Tom Chad");
        # a name that is the whole "person" is the small model's mislabel of a group ("Boko
        # Haram", "Ansar Allah" tagged PERSON)
        in_person: set[int] = set()
        whole_person: set[tuple[int, int]] = set()
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                in_person.update(range(ent.start, ent.end))
                whole_person.add((ent.start, ent.end))
        person_end = {e.end for e in ents if e.label_ == "PERSON" and len(e) > 1}
        found = [h for h in found if not all(i in in_person for i in range(h.start, h.end))
                 or (h.alias.kind == ACTOR and (h.start, h.end) in whole_person)
                 or (h.alias.kind == ROLE and h.end not in person_end)
                 or (self._is_person_entry(h.alias) and self._same_person(h, ents))]
        # "at 5 PM", "11:30 PM": a clock time, not the prime minister
        found = [h for h in found if not (h.alias.kind == ROLE and sdoc[h.start].text == "PM"
                                          and h.start > 0 and any(
                                              c.isdigit() for c in sdoc[h.start - 1].text))]
        # "Latin American countries", "South American leaders": a region, not the US
        found = [h for h in found if not (h.alias.kind == DEMONYM and h.start > 0 and
                                          sdoc[h.start - 1].lower_ in REGION_WORDS)]
        # longest match wins; on equal length the better reading (actor > demonym > capital >
        # role), then the one nearer the head, which ends an English noun phrase ("State
        # [Attorney General]", not "[State Attorney] General")
        found.sort(key=lambda h: (-(h.end - h.start), h.alias.priority, -h.end))
        taken: set[int] = set()
        hits: list[_Hit] = []
        for h in found:
            if any(i in taken for i in range(h.start, h.end)):
                continue
            taken.update(range(h.start, h.end))
            hits.append(h)
        hits.sort(key=lambda h: h.start)
        return hits

    def _is_person_entry(self, alias: Alias) -> bool:
        """Whether ``alias`` points at a dictionary person: its entry looked up, then the one
        rule of :func:`_is_named_person`."""
        actor = self.dictionary.actors.get(alias.target) if alias.kind == ACTOR else None
        return actor is not None and _is_named_person(actor)

    def _same_person(self, hit: _Hit, ents: list[Any]) -> bool:
        """Whether a person entry's alias found inside a longer person name still names that
        person: not when the name holds a given name the entry never spells ("Lutfullah
        Mashal" is not Khaled Mashal, whose entry has the alias "Mashal"; :func:`_given_fit`)."""
        ent = next((e for e in ents if e.label_ == "PERSON"
                    and e.start <= hit.start and hit.end <= e.end), None)
        if ent is None:
            return True
        others = [tok for tok in ent if tok.i < hit.start]  # ("Hugo Chavez Frias": a 2nd surname)
        return _given_fit(others, self.dictionary, _entry_words(self.dictionary,
                                                                hit.alias.target))

    # ------------------------------------------------------------------------------ component
    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            if doc.text:
                doc.skipped.append("actors: no parse from the language stage")
            return doc
        state = self._state(doc)
        doc.mentions = sorted((i.mention for i in state.infos), key=lambda m: (m.start, m.end))
        return doc

    def _state(self, doc: Document) -> _State:
        # The last few documents' states are shared by all resolvers on the same dictionary, so
        # resolve_span from a later stage reuses the matches, persons and mentions of this stage.
        key = (id(self.dictionary), id(doc.nlp))
        cached = _STATES.get(key)
        if cached is not None and cached.sdoc is doc.nlp and cached.doc is doc and \
                cached.d is self.dictionary:
            return cached
        if not self.extra_files:
            # a default ActorResolver() made by a later stage: use the state of the resolver
            # that processed this document (it may have had user dictionary files)
            for other in reversed(_STATES.values()):
                if other.sdoc is doc.nlp and other.doc is doc:
                    return other
        state = _State(self, doc)
        self._resolve_all(state)
        while len(_STATES) >= 8:
            _STATES.pop(next(iter(_STATES)))
        _STATES[key] = state
        return state

    def _resolve_all(self, st: _State) -> None:
        sdoc = st.sdoc
        used: set[int] = set()
        units: list[tuple[int, int, str]] = []
        # 1. titled persons: "Secretary of State Rex Tillerson", "Iranian President Hassan Rouhani"
        for ent in st.ents:
            if ent.label_ == "PERSON":
                first, _, title = st.title_before(st.name_span(ent[-1])[0])
                if title is not None:
                    first = min(first, ent.start)
                    units.append((first, ent.end, "TITLED"))
                    used.update(range(first, ent.end))
        # 2. noun chunks, 3. entities, 4. dictionary hits outside both
        for chunk in sdoc.noun_chunks:
            start, end = chunk.start, chunk.end
            # a dictionary phrase cut by the chunker ("the U.S. secretary | of | state")
            left, right = st.hit_at.get(start), st.hit_at.get(end - 1)
            start = min(start, left.start) if left else start
            end = max(end, right.end) if right else end
            if not any(i in used for i in range(start, end)):
                units.append((start, end, "CHUNK"))
                used.update(range(start, end))
        for ent in st.ents:
            free = not any(i in used for i in range(ent.start, ent.end))
            if ent.label_ in ENTITY_LABELS and free:
                units.append((ent.start, ent.end, "ENT"))
                used.update(range(ent.start, ent.end))
        for start, end in sorted({(h.start, h.end) for h in st.hit_at.values()}):
            if not any(i in used for i in range(start, end)):
                units.append((start, end, "HIT"))
                used.update(range(start, end))
        units.sort()
        for start, end, kind in units:
            self._unit(st, start, end, kind)
        st.done = True

    def _unit(self, st: _State, start: int, end: int, kind: str) -> None:
        sdoc = st.sdoc
        span = sdoc[start:end]
        root = span.root
        if kind == "TITLED":
            ent_root = st.ent_of[end - 1].root  # the name, not the title: "... leader Khamenei"
            actor = st.person_actor(ent_root)
            st.memo[ent_root.i] = actor
            st.add(start, end, actor, "PERSON", ent_root, person=True)
            return
        hit = st.hit_at.get(root.i)
        if hit is not None and hit.alias.kind != ROLE:
            actor = st.np_actor(root)
            if actor is None and hit.alias.kind == CAPITAL:
                return  # a capital used as a place: the places stage's business
            label = "NORP" if hit.alias.kind == DEMONYM else (root.ent_type_ or "ORG")
            # a plural demonym head ("Iranians") or name: the hit's own span
            st.add(hit.start, hit.end, actor, label, root)
            return
        if root.lower_ in PRONOUNS or root.pos_ == "PRON":
            if root.lower_ in PRONOUNS:
                actor = st.np_actor(root)
                if actor is not None:
                    st.add(root.i, root.i + 1, actor, "PRON", root,
                           person=root.lower_ in PERSON_PRONOUNS)
            return
        if hit is not None:  # a role head
            role = st.d.roles[hit.alias.target]
            if self._coordinated(st, start, end, root, role, hit):
                return
            actor = st.np_actor(root)
            if actor is not None or root.dep_ in SUBJECT_DEPS or root.dep_ == "appos":
                st.add(start, end, actor, "NOUN", root, person=role.person)
                return
        elif root.ent_type_ == "PERSON" or (root.pos_ == "PROPN" and root.ent_type_ in ("", "ORG")
                                            and _surname_like(st, root)):
            actor = st.np_actor(root)
            ns, ne = st.name_span(root)
            if root.ent_type_ == "PERSON" or actor is not None:
                st.add(max(ns, start), ne, actor, "PERSON", root, person=True)
                return
        elif root.lower_ in GROUP_NOUNS | COUNTRY_NOUNS and st._definite_bare(root):
            actor = st.np_actor(root)
            if actor is not None:
                st.add(start, end, actor, "NOUN", root)
                return
        # Not an actor phrase itself: mentions for the names, demonyms and pronouns inside it
        # ("the Iranian deployment" → Iranian; "Iran's presence" → Iran; "its presence" → its).
        emitted = False
        for t in span:
            if t.i == root.i and hit is not None:
                continue
            h = st.hit_at.get(t.i)
            if h is not None and h.alias.kind != ROLE and t.i == h.end - 1 and not \
                    st._pro_prefix(h):  # "the pro-Syrian organization": a stance, not Syria
                actor = st.hit_actor(h, t)
                if actor is not None and actor.kind == "armed_group" and actor.country and \
                        root.lemma_.lower() in PLACE_NOUNS:
                    # "the Ossetian town of Tskhinvali": a place of the group's country, as
                    # "the Palestinian village of X" is Palestine's, not the group (round 33)
                    actor = st.d.state(actor.country)
                if actor is None and h.alias.kind == CAPITAL:
                    continue
                st.add(h.start, h.end, actor, "NORP" if h.alias.kind == DEMONYM else
                       (t.ent_type_ or "GPE"), t)
                emitted = True
            elif h is None and t.lower_ in PRONOUNS and t.dep_ == "poss":
                actor = st.np_actor(t)
                if actor is not None:
                    st.add(t.i, t.i + 1, actor, "PRON", t, person=t.lower_ in PERSON_PRONOUNS)
                    emitted = True
        if not emitted and kind in ("CHUNK", "ENT"):
            ents = {e.start: e for i in range(start, end) if (e := st.ent_of.get(i)) is not None
                    and e.start >= start and e.end <= end and e.label_ in ENTITY_LABELS}.values()
            for e in ents:
                # a known person's surname inside a phrase ("the Velayati statement")
                actor = st.np_actor(e.root) if e.root.pos_ == "PROPN" else None
                st.add(e.start, e.end, actor, e.label_, e.root, person=e.label_ == "PERSON")

    def _coordinated(self, st: _State, start: int, end: int, root: Any, role: Role,
                     hit: _Hit) -> bool:
        """ "Turkish and Russian officials": one mention per coordinated country modifier."""
        mods = [h for h in {st.hit_at[i].start: st.hit_at[i] for i in range(start, hit.start)
                            if i in st.hit_at}.values() if h.alias.kind != ROLE]
        if len(mods) < 2 or not any(st.sdoc[h.end - 1].dep_ == "conj" for h in mods):
            return False
        if any(st.sdoc[h.end - 1].head.lemma_.lower() in PATRON_LEMMAS | LEAD_LEMMAS or
               st._pro_prefix(h) for h in mods):
            return False
        mods.sort(key=lambda h: h.start)
        for n, h in enumerate(mods):
            source = st.hit_actor(h, st.sdoc[h.end - 1]) if h.alias.kind != CAPITAL else \
                st.d.state(h.alias.target)
            actor = st._combine(source, role) if source is not None else None
            last = n == len(mods) - 1
            st.add(h.start, end if last else h.end, actor, "NOUN", root, person=role.person)
        first = st.d.state(mods[0].alias.target) if mods[0].alias.kind != ACTOR else None
        st.memo[root.i] = st._combine(first, role) if first is not None else None
        return True

    # ---------------------------------------------------------------------------- public API
    def resolve_span(self, doc: Document, start: int, end: int) -> Mention | None:
        """Resolve an arbitrary character span (a noun phrase such as "Khamenei's top advisor" or
        "its proxies") with the same dictionary, roles, demonyms and in-document coreference.

        Returns a Mention over exactly ``doc.text[start:end]`` (actor may be None when the phrase
        is not an actor), or None when the span holds no tokens or there is no parse."""
        if doc.nlp is None or not (0 <= start < end <= len(doc.text)):
            return None
        sdoc = doc.nlp
        # a span that runs over a line break ("Staff Reports\n\nPolice") is resolved from its
        # last line: a heading before it is no part of the phrase
        cut = doc.text.rfind("\n", start, end)
        head_start = cut + 1 if cut >= 0 and doc.text[cut + 1:end].strip() else start
        span = sdoc.char_span(head_start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        st = self._state(doc)
        root = span.root
        actor = st.np_actor(root)
        if actor is None:
            inside = self.mention_at(doc, start, end)
            actor = inside.actor if inside is not None else None
        text = doc.span(start, end)
        label = root.ent_type_ or ("PRON" if root.pos_ == "PRON" else "NOUN")
        return Mention(text.start, text.end, text.text, actor=actor, label=label)

    def mention_at(self, doc: Document, start: int, end: int) -> Mention | None:
        """The mention of ``doc.mentions`` that best covers ``[start, end)``: one containing the
        span, else one inside it with an actor (the first), else any overlapping one."""
        source: list[Any] = doc.mentions or (
            self._state(doc).infos if doc.nlp is not None else [])
        # indexed once per list of mentions (again when it grows): three scans of every
        # mention per phrase took seconds on a page of 5,000 mentions (docs/scale.md)
        kept = self._mention_index
        if kept is None or kept[0] is not source or kept[1] != len(source):
            mentions = doc.mentions or [i.mention for i in source]
            kept = (source, len(source), MentionIndex(mentions))
            self._mention_index = kept
        return kept[2].best(start, end)

    def at_event_dates(self, doc: Document) -> Document:
        """Code the persons among the dated events' arguments by their office on the event's
        date (:func:`diurna.actors.offices.recode_at_event_dates`): the time stage calls it once
        it has dated the events, which this stage runs too early to know."""
        recode_at_event_dates(doc, self.dictionary)
        return doc

    def lookup(self, text: str) -> Actor | None:
        """The actor a bare name, abbreviation or demonym denotes ("SDF", "Iranian"), if any."""
        for alias in self.dictionary.readings(text):
            if not alias.case_ok(" ".join(text.split())):
                continue
            if alias.kind == ACTOR:
                return self.dictionary.actors.get(alias.target)
            if alias.kind in (DEMONYM, CAPITAL):
                return self.dictionary.state(alias.target)
        return None


class MentionIndex:
    """A document's mentions sorted by start, for :meth:`ActorResolver.mention_at`: it reads
    only the mentions whose start can qualify (the longest mention bounds how far before a
    span one reaching into it starts) and picks among them as a scan of the list in its own
    order would: the shortest covering one (the first of equals), else the first inside with
    an actor, else the first inside, else the first overlapping."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.index = StartOrder(mentions)
        self.mentions: list[Mention] = self.index.spans

    def best(self, start: int, end: int) -> Mention | None:
        """The mention that best covers ``[start, end)`` (see the class), or None."""
        index, ms = self.index, self.mentions
        if index.reversed:  # a span ending before it starts breaks the bounds: scanned
            return scan_mention_at(ms, start, end)
        # covering: m.start <= start and m.end >= end, so m.start >= end - longest
        covering = [i for i in index.starting(end - index.longest, start) if ms[i].end >= end]
        if covering:
            return ms[min(covering, key=lambda i: ms[i].end - ms[i].start)]
        # inside: start <= m.start <= m.end <= end
        inside = [i for i in index.starting(start, end) if ms[i].end <= end]
        with_actor = [i for i in inside if ms[i].actor is not None]
        if with_actor or inside:
            return ms[(with_actor or inside)[0]]
        # overlapping: m.start < end and m.end > start, so m.start > start - longest
        overlap = [i for i in index.starting(start - index.longest, end, after_lo=True,
                                             before_hi=True) if ms[i].end > start]
        return ms[overlap[0]] if overlap else None


def scan_mention_at(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """:meth:`MentionIndex.best` by scanning every mention (what it answers as)."""
    covering = [m for m in mentions if m.start <= start and m.end >= end]
    if covering:
        return min(covering, key=lambda m: m.end - m.start)
    inside = [m for m in mentions if m.start >= start and m.end <= end]
    with_actor = [m for m in inside if m.actor is not None]
    if with_actor or inside:
        return (with_actor or inside)[0]
    overlap = [m for m in mentions if m.start < end and m.end > start]
    return overlap[0] if overlap else None


def _given_fit(toks: Sequence[Any], dictionary: ActorDictionary, known: Iterable[str]) -> bool:
    """Whether the given names among ``toks`` (words of a person's name other than the
    surname) fit a person whose names have the lower-case words ``known``. A given name is a
    capitalised proper noun longer than an initial that is no dictionary alias itself (a title
    or a group's name inside the entity is not one, nor "Will" in "Will Warren continue"); it
    fits when a known word begins with its first three letters, so spellings of one name
    ("Khalid", "Khaled") fit. Why: a surname alone made "Lutfullah Mashal" Khaled Mashal and
    "Hunter Biden" Joe Biden. Only a dictionary person is refused so (:func:`_is_named_person`):
    a role read from an introduction ("X Hayden, an editor at ...") names no one person."""
    given = [t.lower_ for t in toks if t.pos_ == "PROPN" and t.is_alpha and t.is_title
             and len(t) > 2 and not dictionary.readings(t.text)]
    words = set(known)
    return all(any(k.startswith(g[:3]) for k in words) for g in given)


def _is_named_person(actor: Actor) -> bool:
    """Whether ``actor`` is one person of the dictionary (P-BIDEN), not a role's code."""
    return actor.kind == "person"


def _entry_words(dictionary: ActorDictionary, actor_id: str) -> frozenset[str]:
    """The lower-case words of a dictionary entry's name and aliases (indexed once per
    dictionary)."""
    words = _ENTRY_WORDS.get(id(dictionary))
    if words is None or words[0] is not dictionary:
        index: dict[str, set[str]] = {}
        for readings in dictionary.aliases.values():
            for a in readings:
                if a.kind == ACTOR:
                    index.setdefault(a.target, set()).update(a.text.lower().split())
        for aid, actor in dictionary.actors.items():
            index.setdefault(aid, set()).update(actor.name.lower().split())
        words = (dictionary, {k: frozenset(v) for k, v in index.items()})
        _ENTRY_WORDS[id(dictionary)] = words
    return words[1].get(actor_id, frozenset())


def _surname(name_toks: list[Any]) -> str:
    """The lower-case surname of a name: its last word before a suffix ("Jr.", "III")."""
    words = [t.lower_ for t in name_toks if not t.is_punct]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _surname_like(st: _State, tok: Any) -> bool:
    return tok.lower_ in st.persons


def _event_clause(tok: Any) -> Any | None:
    """The verb of the clause that acts on ``tok``, or the main verb when that clause is a
    participle or infinitive hung on it ("bombed a hospital ..., killing civilians")."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            if cur.dep_ in ("advcl", "xcomp", "conj") and cur.head.pos_ in ("VERB", "AUX"):
                return cur.head
            return cur
    return None


def _attached(place: Any, verb: Any) -> bool:
    """``place`` is in a phrase on ``verb`` or on one of its arguments ("bombed [a hospital
    [in Syria]]", "[arrested] protesters [in Tehran]"), not deeper in the sentence."""
    prep = place.head
    while prep.dep_ in ("compound", "amod", "conj") and prep.head.i != prep.i:
        prep = prep.head  # "in northern Syria", "in Iraq and Syria"
    if prep.dep_ != "prep" and place.dep_ != "pobj":
        return False
    owner = prep.head if prep.dep_ == "prep" else prep
    if owner.dep_ == "pobj" and owner.head.dep_ == "prep" and owner.head.head.i == verb.i:
        return True  # "went [on [strike [in Bangladesh]]]"
    return owner.i == verb.i or (owner.head.i == verb.i and owner.dep_ in (
        "dobj", "nsubj", "nsubjpass", "advcl", "xcomp", "conj"))
