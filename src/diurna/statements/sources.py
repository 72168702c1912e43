"""What kind of source a statement comes from: a person, an organisation, a document (report,
poll, statement, letter) or an unnamed source ("officials said", "a source familiar with ...").

Read from the speaker's phrase as printed, its entity label and its dictionary actor (the
categories and examples are those of docs/annotation-quotes.md §6). The phrase's head word decides
first, because a dictionary actor found in a modifier ("Agency officials", "a report by the
IAEA") names who stands behind the source, not what the source is.
"""

from __future__ import annotations

import re

from diurna.model import Mention, SourceKind

# Head words of written or recorded sources.
DOCUMENT_HEADS = frozenset({
    "report", "reports", "statement", "statements", "poll", "polls", "survey", "surveys",
    "study", "studies", "letter", "decree", "document", "documents", "figures", "numbers",
    "data", "results", "result", "article", "website", "site", "declaration", "motion",
    "request", "audit", "investigation", "inquiry", "ruling", "law", "treaty", "memo",
    "email", "e-mail", "note", "resolution", "findings", "analysis", "census", "estimate",
    "estimates", "video", "broadcast", "transcript", "book", "leaflet", "record", "records",
    "communique", "communiqué", "message", "release", "bill", "constitution", "verdict",
    "judgment", "judgement", "decision", "indictment", "complaint", "petition", "tweet",
    "post", "blog", "editorial", "column", "text", "draft", "agreement", "plan", "proposal",
    "map", "roadmap", "statistics", "research", "review", "dossier",
})
# Head words of sources left unnamed (anonymous, vague or an unnumbered group).
UNNAMED_HEADS = frozenset({
    "official", "officials", "source", "sources", "critic", "critics", "analyst", "analysts",
    "expert", "experts", "observer", "observers", "witness", "witnesses", "resident",
    "residents", "some", "many", "others", "people", "diplomat", "diplomats", "insider",
    "insiders", "aides", "members", "percent", "half", "majority", "minority", "personnel",
    "eyewitnesses", "agencies", "lawyers", "senators", "politicians", "legislators", "mps",
    "supporters", "opponents", "activists", "physicians", "doctors", "scientists", "economists",
    "commentators", "correspondents", "reporters", "journalists", "voters", "citizens",
    "locals", "villagers", "survivors", "relatives", "neighbours", "neighbors",
    "rumours", "rumors", "media", "someone", "anyone", "everyone", "most", "few", "several",
    "officers", "investigators", "authorities", "leaders", "participants", "scholars",
    "owners", "students", "workers", "employees", "soldiers", "troops",
})
# Head words of bodies (governments, agencies, outlets, parties, companies).
ORGANISATION_HEADS = frozenset({
    "government", "ministry", "police", "military", "army", "navy", "court", "council",
    "committee", "commission", "party", "parties", "agency", "department", "company",
    "group", "union", "administration", "office", "parliament", "senate", "congress",
    "cabinet", "newspaper", "paper", "network", "station", "tribunal", "board", "embassy",
    "organisation", "organization", "coalition", "alliance", "movement", "campaign",
    "institute", "foundation", "association", "federation", "bank", "corporation", "firm",
    "team", "club", "church", "university", "school", "hospital", "force", "forces",
    "regime", "opposition", "authority", "service", "channel", "magazine", "protesters",
    "demonstrators", "rebels", "militants", "insurgents", "chamber",
    "secretariat", "presidency", "prosecution", "mission", "delegation", "consulate",
})
# Singular role words: a person ("the president said"), unnamed with "a"/"an" ("a senior
# official", "an Israeli military spokesman").
ROLE_HEADS = frozenset({
    "president", "king", "queen", "pope", "minister", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "commander", "leader", "senator", "head", "chairman", "chairwoman", "chair",
    "chief", "governor", "mayor", "ambassador", "envoy", "director", "prime", "premier",
    "general", "adviser", "advisor", "aide", "official", "representative", "congressman",
    "congresswoman", "judge", "justice", "prosecutor", "attorney", "lawyer", "treasurer",
    "chancellor", "prince", "sheikh", "cleric", "ayatollah", "bishop", "archbishop",
    "candidate", "mp", "mk", "deputy", "speaker", "founder", "ceo", "executive", "editor",
    "correspondent", "reporter", "analyst", "expert", "professor", "doctor", "witness",
    "officer", "colonel", "captain", "lieutenant", "sergeant", "inspector", "monarch",
    "emir", "sultan", "dictator", "vice-president", "vice", "nominee", "member", "activist",
    "source", "resident", "father", "mother", "son", "daughter", "wife", "husband", "man",
    "woman", "boy", "girl", "victim", "student", "worker", "owner", "manager", "coach",
})
_PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her", "me", "his", "hers", "my"})
_GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "us", "our"})
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_CUT = re.compile(r",|\(|\s(?:of|for|from|at|in|on|with|by|who|which|that|to|calling|familiar"
                  r"|close)\s")
_WORD = re.compile(r"[\w'’.-]+")


def head_word(text: str) -> str:
    """The last word of the phrase's core, before an "of"/"for"/comma tail: "a spokesperson
    for the regime" -> "spokesperson", "Critics of the Kyoto Protocol" -> "critics"."""
    core = _CUT.split(text, maxsplit=1)[0]
    words = _WORD.findall(core)
    return words[-1].lower().strip(".") if words else ""


def source_kind(speaker: Mention | None, entity: str = "") -> SourceKind:
    """The kind of source ``speaker`` is (``unnamed`` when there is no speaker at all);
    ``entity`` is the named-entity label the parse gives the phrase's last word, if any."""
    if speaker is None or not speaker.text.strip():
        return "unnamed"
    text = speaker.text.strip()
    low = text.lower()
    if low in _PERSON_PRONOUNS:
        return "person"
    if low in _GROUP_PRONOUNS:
        return "organisation"
    head = head_word(text)
    if head in DOCUMENT_HEADS:
        return "document"
    if head in UNNAMED_HEADS or low.split()[0] in {"some", "many", "several", "most", "other"}:
        return "unnamed"
    if head in ROLE_HEADS:
        first = low.split()[0]
        return "unnamed" if first in {"a", "an", "one", "another"} or head in {
            "source", "official"} and first not in {"the"} else "person"
    actor = speaker.actor
    if "PERSON" in {speaker.label, entity} or (actor is not None and actor.kind == "person"):
        return "person"
    if head in ORGANISATION_HEADS or {speaker.label, entity} & _ORG_LABELS or actor is not None:
        return "organisation"
    return "person"
