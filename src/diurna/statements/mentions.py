"""Find the actor mention for a noun phrase of the parse (shared by statements and events).

The actors stage fills ``doc.mentions`` and offers ``ActorResolver.resolve_span(doc, start, end)``
for spans it did not list; when neither knows the phrase, an unresolved :class:`Mention`
(``actor=None``) of the phrase itself is returned - nothing is invented.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

from diurna.model import Document, Mention
from diurna.page.words import WORD

log = logging.getLogger(__name__)

Resolve = Callable[[Document, int, int], "Mention | None"]


def same_name(a: str, b: str) -> bool:
    """Two speaker strings name the same source: equal without a leading "the" (any case), or
    their last words are the same capitalised word ("George W. Bush" / "Bush", "Foreign Minister
    Ali Larijani" / "Larijani"; not "the minister" / "Foreign Minister X")."""
    def norm(s: str) -> str:
        return re.sub(r"^the\s+", "", s.strip().lower())

    if norm(a) == norm(b):
        return True
    wa, wb = WORD.findall(a), WORD.findall(b)
    return bool(wa and wb and wa[-1] == wb[-1] and wa[-1][:1].isupper())


def default_resolve() -> Resolve:
    """The actors stage's ``resolve_span`` with the built-in dictionary (it caches its work per
    document); the default pipeline passes its own resolver, with the user's dictionaries."""
    from diurna.actors import ActorResolver

    return ActorResolver().resolve_span

# Children that end a noun phrase's core (relative clauses, coordinated phrases, parentheticals).
_CUT_DEPS = {"relcl", "acl", "conj", "cc", "appos", "advcl", "punct", "prep", "parataxis", "dep"}
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_PERSON_PRONOUNS = _MALE_PRONOUNS | _FEMALE_PRONOUNS
_THING_PRONOUNS = {"it", "its", "they", "them", "their", "itself", "themselves"}
_FIRST_PRONOUNS = {"i", "we", "me", "us", "my", "our"}
PRONOUNS = _PERSON_PRONOUNS | _THING_PRONOUNS | _FIRST_PRONOUNS


def core_bounds(tok: Any) -> tuple[int, int]:
    """Token index range [start, end) of ``tok``'s noun phrase without clauses/conjuncts/preps
    (keeps "of" phrases: "the Secretary of State")."""
    start, end = tok.i, tok.i + 1
    stack = [tok]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in _CUT_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"
                                                and child.i > tok.i and t.i == tok.i
                                                and tok.ent_type_ != "PERSON"):
                continue
            if child.dep_ == "prep" and child.i < tok.i:
                continue
            start, end = min(start, child.i), max(end, child.i + 1)
            stack.append(child)
    # trim leading/trailing punctuation
    sent = tok.doc
    while start < end - 1 and sent[start].is_punct:
        start += 1
    while end - 1 > start and sent[end - 1].is_punct:
        end -= 1
    return start, end


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})


def without_clauses(tok: Any) -> list[Any]:
    """``tok.subtree`` in its order, less every clause below ``tok`` (a relcl, acl or advcl
    dependent and all under it). One walk down the tree: testing each subtree word's path up to
    ``tok`` instead cost time quadratic in the phrase's depth."""
    out: list[Any] = []

    def walk(t: Any) -> None:
        for w in t.lefts:
            if w.dep_ not in _CLAUSE_DEPS:
                walk(w)
        out.append(t)
        for w in t.rights:
            if w.dep_ not in _CLAUSE_DEPS:
                walk(w)

    walk(tok)
    return out


class MentionFinder:
    """Map parse tokens to the document's actor mentions."""

    def __init__(self, doc: Document, resolve: Resolve | None = None) -> None:
        self.doc = doc
        self.resolve = resolve
        self.mentions = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        # the longest mention bounds how far before a span one that contains it may start
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.cache: dict[str, Any] = {}  # per-document work of the statements stage

    # Both look-ups bisect to the mentions that can qualify, in the same order as a scan of
    # them all: scans of every mention for every word took seconds on a page of 5,000
    # mentions (docs/batch.md, round 12).
    def _within(self, start: int, end: int) -> list[Mention]:
        lo, hi = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def _containing(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_right(self.starts, start)
        return [m for m in self.mentions[lo:hi] if m.end >= end]

    def _resolve(self, start: int, end: int) -> Mention | None:
        if self.resolve is None:
            return None
        try:
            return self.resolve(self.doc, start, end)
        except Exception:  # a resolver bug costs this span its actor, not the page its events
            log.exception("actor resolution failed on %r in %s",
                          self.doc.text[start:end], self.doc.source)
            return None

    def for_token(self, tok: Any) -> Mention:
        """The mention for the noun phrase headed by ``tok`` (resolved when possible)."""
        parsed = tok.doc
        s, e = core_bounds(tok)
        cs, ce = parsed[s].idx, parsed[e - 1].idx + len(parsed[e - 1])
        head_s, head_e = tok.idx, tok.idx + len(tok)
        # 1. a listed mention covering the head word, the longest first
        cover = [m for m in self._containing(head_s, head_e) if m.end <= ce + 80]
        cover.sort(key=lambda m: (m.actor is None, -(m.end - m.start)))
        if cover and cover[0].actor is not None:
            return cover[0]
        # 2. the resolver on the phrase
        got = self._resolve(cs, ce)
        if got is not None and got.actor is not None:
            return got
        # 3. a listed mention inside the phrase (its modifier: "the Iranian deployment")
        inside = [m for m in self._within(cs, ce) if m.actor is not None]
        if inside:
            inside.sort(key=lambda m: abs(m.end - head_e))
            return _first_conjunct(parsed, inside)
        # 4. the phrase with its apposition ("Velayati, a top adviser to ...")
        for child in tok.children:
            if child.dep_ == "appos":
                a_s, a_e = core_bounds(child)
                ws = parsed[a_s].idx
                found = self._resolved_in(ws, parsed[a_e - 1].idx + len(parsed[a_e - 1]), ws)
                if found is not None:
                    return found
        # 5. the whole phrase without its clauses ("a spokesman for the Chinese foreign ministry")
        toks = [t for t in without_clauses(tok) if not t.is_space]  # (nor a paragraph break)
        if toks:
            fs, fe = toks[0].idx, toks[-1].idx + len(toks[-1])
            if (fs, fe) != (cs, ce):
                found = self._resolved_in(fs, fe, head_e)
                if found is not None:
                    return found
        if cover:
            return cover[0]
        if got is not None:
            return got
        span = self.doc.span(cs, ce)
        label = tok.ent_type_ or ("PRON" if tok.pos_ == "PRON" else "NOUN")
        return Mention(span.start, span.end, span.text, actor=None, label=label)

    def _resolved_in(self, start: int, end: int, near: int) -> Mention | None:
        """The resolver on ``[start, end)``, else the listed dictionary mention inside it whose
        start is nearest ``near``; None when neither names an actor."""
        got = self._resolve(start, end)
        if got is not None and got.actor is not None:
            return got
        inside = [m for m in self._within(start, end) if m.actor is not None]
        if not inside:
            return None
        return min(inside, key=lambda m: abs(m.start - near))

    def listed(self, tok: Any) -> Mention | None:
        """The listed mention covering exactly the token, if any."""
        s, e = tok.idx, tok.idx + len(tok)
        for m in self._containing(s, e):
            if m.start == s and m.end == e:
                return m
        return None

    def before(self, pos: int, *, person: bool | None = None, limit: int = 600) -> Mention | None:
        """The nearest resolved mention ending before ``pos`` (for pronouns)."""
        hi = bisect_right(self.starts, pos)
        for i in range(hi - 1, -1, -1):  # not a copy of every mention before pos, per call
            m = self.mentions[i]
            if m.end > pos or m.actor is None:
                continue
            if pos - m.end > limit:
                break
            is_person = m.label == "PERSON" or (m.actor.kind == "person")
            if person is None or person == is_person:
                return m
        return None


_RESOLVE_CHARS = 600  # how far back a pronoun or short reference looks for its antecedent
_BODY_LABELS = frozenset({"ORG", "NORP", "GPE"})


def _entity_head(tok: Any) -> Any:
    """The last token of the named entity ``tok`` belongs to (the head of "Ali Larijani")."""
    if not tok.ent_type_:
        return tok
    j = tok.i
    while j + 1 < len(tok.doc) and tok.doc[j + 1].ent_iob_ == "I":
        j += 1
    return tok.doc[j]


def _is_subject(head: Any) -> bool:
    """The entity (by its head token) is a clause's subject, itself or as the name in apposition
    to one ("Foreign Minister, Ali Larijani, said")."""
    return bool(head.dep_ in {"nsubj", "nsubjpass"} or (
        head.dep_ == "appos" and head.head.dep_ in {"nsubj", "nsubjpass"}))


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (long word lists stay readable)."""
    return frozenset(text.split())


# Gender evidence the text itself gives for a person ("he"/"she" agreement): titles before the
# name, role nouns used of them, and a short list of common first names written by us.
_MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen",
                            "princess", "sister"})
_MALE_ROLES = frozenset({"spokesman", "chairman", "congressman", "businessman", "husband",
                         "father", "son", "brother", "king", "prince", "boyfriend", "man",
                         "actor", "widower", "grandfather", "uncle", "nephew", "councilman"})
_FEMALE_ROLES = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman",
                           "wife", "mother", "daughter", "sister", "queen", "princess",
                           "girlfriend", "woman", "actress", "widow", "grandmother", "aunt",
                           "niece", "councilwoman"})
_MALE_NAMES = _words("""john james robert michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry
tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith
christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan
billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell
elijah louis bobby philip johnny barack bill tony boris vladimir francois nicolas angelo luis
carlos mohammed muhammad ahmed ali hassan hussein omar mahmoud ibrahim abdullah khalid vladimir
dmitry sergei igor viktor yuri hu xi wen gordon tony hamid nawaz pervez shimon ehud
benjamin ariel yasser kofi silvio romano jacques gerhard helmut recep mahmoud hosni bashar
fidel raul hugo evo mikhail nikolai ivan pierre giuseppe mario hans klaus kurt""")
_FEMALE_NAMES = _words("""mary patricia jennifer linda elizabeth barbara susan jessica sarah
karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy
melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice
abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa
diana natalie brittany charlotte marie kayla alexis lori hillary condoleezza angela theresa
yulia julia benazir sonia indira golda tzipi ellen cristina michelle nancy hilary aung suu
ségolène segolene hasina khaleda gro helle erna jacinda""")


def _person_tokens(tok: Any) -> tuple[Any, Any]:
    """The first and last token of the PERSON entity ``tok`` belongs to."""
    first, last = tok, _entity_head(tok)
    while first.i > 0 and first.ent_iob_ == "I":
        first = first.doc[first.i - 1]
    return first, last


def _gender_votes(head: Any) -> set[str]:
    """"m"/"f" evidence for one occurrence of a PERSON entity (by its head token)."""
    doc = head.doc
    first, last = _person_tokens(head)
    votes: set[str] = set()
    prev = doc[first.i - 1].lower_ if first.i > 0 else ""
    if prev in _MALE_TITLES or first.lower_ in _MALE_TITLES or first.lower_ in _MALE_NAMES:
        votes.add("m")
    if prev in _FEMALE_TITLES or first.lower_ in _FEMALE_TITLES or first.lower_ in _FEMALE_NAMES:
        votes.add("f")
    # role nouns in apposition or as the head the name is a compound/appos of ("spokeswoman X")
    roles = [c for c in last.children if c.dep_ == "appos"]
    if last.dep_ in {"appos", "compound"}:
        roles.append(last.head)
    roles += [t for t in doc[max(0, first.i - 4):first.i] if t.head.i == last.i]
    for r in roles:
        low = r.lower_
        if low in _MALE_ROLES:
            votes.add("m")
        if low in _FEMALE_ROLES:
            votes.add("f")
    # "X said he/his ...": a personal pronoun after the subject name in its own clause, with no
    # other person named between them
    if last.dep_ in {"nsubj", "nsubjpass"}:
        for t in last.head.subtree:
            if t.i <= last.i:
                continue
            if t.ent_type_ == "PERSON":
                break
            if t.lower_ in _MALE_PRONOUNS:
                votes.add("m")
                break
            if t.lower_ in _FEMALE_PRONOUNS:
                votes.add("f")
                break
    return votes


# The parse :func:`person_gender` answered for last, and its answers by surname (the quotes
# stage asks about the same few people for every "he" and "she" of a page). The pair is read
# and replaced whole, so two threads (the HTTP API's) never share one page's answers.
_last_genders: tuple[Any, dict[str, str | None]] = (None, {})


def person_gender(head: Any) -> str | None:
    """"m" or "f" when the text's evidence on the person named at ``head`` agrees (over every
    PERSON entity in the document ending with the same word, "Merkel"/"Angela Merkel"),
    "conflict" when it disagrees, None when there is none. The answer depends on the parse
    and the word alone, so it is kept for the last parse asked about."""
    global _last_genders
    last = _last_genders
    if last[0] is not head.doc:
        last = (head.doc, {})
        _last_genders = last
    key = head.lower_
    if key not in last[1]:
        last[1][key] = _person_gender(head.doc, key)
    return last[1][key]


def _person_gender(parsed: Any, key: str) -> str | None:
    """:func:`person_gender` of the surname ``key`` in ``parsed``, worked out."""
    votes: set[str] = set()
    for ent in parsed.ents:
        if ent.label_ == "PERSON" and ent[-1].lower_ == key:
            votes |= _gender_votes(ent[-1])
    if len(votes) > 1:
        return "conflict"
    return next(iter(votes), None)


def _pronoun_gender(low: str) -> str | None:
    if low in _MALE_PRONOUNS:
        return "m"
    if low in _FEMALE_PRONOUNS:
        return "f"
    return None


def gender_fits(pronoun: Any, head: Any) -> bool | None:
    """Whether ``head`` may be what ``pronoun`` stands for: for "he" a person whose gender
    evidence agrees or is absent, for "she" one whose evidence agrees, any for other pronouns
    (True/False); None when the evidence on the person conflicts (do not resolve)."""
    want = _pronoun_gender(pronoun.lower_)
    if want is None:
        return True
    got = person_gender(head) if head.ent_type_ == "PERSON" else None
    if got == "conflict":
        return None
    # "she" needs evidence: in news text a person the text says nothing about is seldom "she"
    return got == want or (got is None and want == "m")


_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})


def _plural_group(tok: Any) -> bool:
    """A subject "they" may stand for: coordinated people ("Smith and Jones"), a plural noun
    ("officials", "the rebels"), a nationality or a named organisation."""
    if tok.pos_ == "PRON":
        return False
    if any(c.dep_ == "conj" for c in tok.children) and tok.ent_type_ == "PERSON":
        return True
    return bool(tok.tag_ in {"NNS", "NNPS"} or tok.ent_type_ in {"ORG", "NORP"})


def _they_antecedent(tok: Any, limit: int) -> Any | None:
    """The last clause subject before ``tok`` ("they") that is a plural body or group, within
    the window; None when there is none."""
    for t in reversed(tok.doc[:tok.i]):
        if t.idx < limit:
            return None
        if t.dep_ not in {"nsubj", "nsubjpass"} or t.head.i == tok.head.i:
            continue
        if _plural_group(t):
            return t
    return None


def rule_antecedent(tok: Any) -> Any | None:
    """The token naming who a pronoun or short reference stands for, by rules (no model):
    "he"/"she" → the last PERSON entity before it; "it" → the last organisation or country
    (ORG, NORP, GPE entity); "the minister", "the spokesman", "the group" → the last named
    person or body that carried that role noun as its title ("Foreign Minister Ali Larijani")
    or apposition ("Larijani, the foreign minister"). Only within :data:`_RESOLVE_CHARS`
    before it; None when nothing fits (the reference then stands for itself)."""
    doc = tok.doc
    low = tok.lower_
    limit = tok.idx - _RESOLVE_CHARS
    if tok.pos_ == "PRON":
        if low in _PLURAL_PRONOUNS:
            return _they_antecedent(tok, limit)
        labels = {"PERSON"} if low in _PERSON_PRONOUNS else (
            _BODY_LABELS if low in {"it", "its"} else set())
        if not labels:
            return None
        found = [_entity_head(t) for t in reversed(doc[:tok.i]) if t.idx >= limit
                 and t.ent_type_ in labels and t.ent_iob_ == "B"]
        # the last one that was a subject (who the text was about), else the last one; of
        # people only one whose gender fits, and none when the evidence on it conflicts
        subjects = [h for h in found if _is_subject(h)]
        for h in [*subjects, *[h for h in found if h not in subjects]]:
            fits = gender_fits(tok, h)
            if fits is None:
                return None
            if fits:
                return h
        return None
    det = [c for c in tok.children if c.dep_ == "det"]
    if tok.pos_ != "NOUN" or not det or det[0].lower_ != "the" or any(
            c.dep_ in {"compound", "amod", "poss", "appos"} for c in tok.children):
        return None
    for t in reversed(doc[:tok.i]):
        if t.idx < limit:
            return None
        if t.lemma_.lower() != tok.lemma_.lower() or t.i == tok.i:
            continue
        # the title of a name ("Foreign Minister Ali Larijani") or an apposition either way
        near = [t.head, *[c for c in t.children if c.dep_ == "appos"]]
        if t.dep_ == "appos":
            near.append(t.head)
        for other in near:
            if other.ent_type_ in {"PERSON", "ORG"} and other.i != t.i:
                return _entity_head(other)
    return None


def is_pronoun(tok: Any) -> bool:
    """A pronoun that can stand for a speaker or a source (not "you", not "this")."""
    return bool(tok.pos_ == "PRON" and tok.lower_ in PRONOUNS)


def pronoun_person(tok: Any) -> bool | None:
    """True for a pronoun of a person ("he", "her"), False for "it", None for the
    others ("they", "we", "I")."""
    low = tok.lower_
    if low in _PERSON_PRONOUNS:
        return True
    if low in {"it", "its", "itself"}:
        return False
    return None


def _first_conjunct(parsed: Any, found: list[Mention]) -> Mention:
    """Of modifiers coordinated before one head ("the Russian and Syrian defense ministries")
    the first named is the party (docs/annotation-events.md: coordinated actors give the first);
    otherwise the modifier nearest the head."""
    best = found[0]
    span = parsed.char_span(best.start, best.end, alignment_mode="expand")
    if span is None:
        return best
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    for m in found[1:]:
        if m.start <= root.idx < m.end:
            return m
    return best
