"""Faster attribute ruler and lemmatizer for the model, giving the very same annotations.

The attribute ruler of en_core_web_sm (POS and morphology from the fine tag, and ~120 word
exceptions) runs spaCy's general ``Matcher`` over every token and writes each match through a
``Span``; in this pipeline that was ~12 % of the language stage's time. Its 179 rules are all
fixed-length sequences of single-token tests on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``
(exact value, ``IN`` or ``NOT_IN`` list, or ``REGEX``), so they can be looked up by the first
token's word, tag or label instead of run through the matcher's state machine, and POS,
morphology and lemma can be written for the whole document at once.
:func:`speed_up_attribute_ruler` swaps both in only when every rule has that shape; the matches
are applied in the same order (later rules win), so the annotations are identical
(``tests/language/test_fast_rules.py`` compares them with spaCy's own on news text).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.tokens._retokenize import set_token_attrs

# The token attributes the fast matcher reads, in the order of ``Doc.to_array``'s columns.
_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]

# A test on one token: its column, and a predicate on that column's value (a string hash, or
# 0/1 for IS_SPACE).
Check = tuple[int, Callable[[int], bool]]


class Unsupported(ValueError):
    """A pattern the fast matcher does not handle (the spaCy matcher is kept)."""


def _check(field: str, spec: Any, strings: Any) -> Check:
    """The predicate for ``{field: spec}`` (``spec`` a value, ``{"IN": [...]}`` or
    ``{"REGEX": ...}``), on the column's hash value."""
    col = _FIELDS.index(field)
    if field == "IS_SPACE":
        if not isinstance(spec, bool):
            raise Unsupported(f"IS_SPACE test {spec!r}")
        want = int(spec)
        return col, lambda v: v == want
    if isinstance(spec, str):
        h = strings.add(spec)
        return col, lambda v: v == h
    if isinstance(spec, dict) and len(spec) == 1 and "IN" in spec:
        hs = frozenset(strings.add(s) for s in spec["IN"])
        return col, lambda v: v in hs
    if isinstance(spec, dict) and len(spec) == 1 and "NOT_IN" in spec:
        out = frozenset(strings.add(s) for s in spec["NOT_IN"])
        return col, lambda v: v not in out
    if isinstance(spec, dict) and len(spec) == 1 and "REGEX" in spec:
        rx = re.compile(spec["REGEX"])
        memo: dict[int, bool] = {}

        def regex(v: int) -> bool:
            if v not in memo:
                memo[v] = rx.search(strings[v]) is not None
            return memo[v]

        return col, regex
    raise Unsupported(f"{field} test {spec!r}")


def _keys(spec: Any, strings: Any) -> list[int] | None:
    """Hashes an exact or ``IN`` test accepts (to index a pattern by), else None."""
    if isinstance(spec, str):
        return [strings.add(spec)]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return [strings.add(s) for s in spec["IN"]]
    return None


class FastMatch:
    """``AttributeRuler.match`` for patterns of single-token tests: the same list of
    ``(rule number, match id, start, end)``, sorted, as the spaCy matcher gives."""

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        # Patterns indexed by a value their first token must have, one table per column (in
        # _FIELDS order); the few with no exact value to index by are tried everywhere.
        self.index: list[dict[int, list[int]]] = [defaultdict(list) for _ in _FIELDS]
        self.anywhere: list[int] = []
        # One entry per pattern: (rule number, match id, per-token checks); a rule may have
        # several patterns (a match of any gives the rule's attributes; a repeat is harmless).
        self.rules: list[tuple[int, int, list[list[Check]]]] = []
        # The same, the checks in one flat tuple of (token offset, column, test), in order:
        # what __call__ runs (a loop, not a generator per candidate pattern and word).
        self.flat: list[tuple[int, int, int, tuple[tuple[int, int, Any], ...]]] = []
        for number, rule in enumerate(ruler.patterns):
            match_id = strings.add(str(number))
            for tokens in rule["patterns"]:
                checks: list[list[Check]] = []
                for tok in tokens:
                    if not isinstance(tok, dict) or not tok or set(tok) - set(_FIELDS):
                        raise Unsupported(f"token test {tok!r}")
                    checks.append([_check(f, s, strings) for f, s in tok.items()])
                entry = len(self.rules)
                self.rules.append((number, match_id, checks))
                self.flat.append((number, match_id, len(checks), tuple(
                    (offset, col, test) for offset, tests in enumerate(checks)
                    for col, test in tests)))
                self._index(entry, tokens[0], strings)

    def _index(self, entry: int, first: dict[str, Any], strings: Any) -> None:
        """File pattern ``entry`` under the values its first token's test accepts (the word
        first, then the tag, the dependency label, being a space)."""
        for col, field in ((1, "LOWER"), (0, "TAG"), (2, "DEP")):
            keys = _keys(first.get(field), strings) if field in first else None
            if keys:
                for h in keys:
                    self.index[col][h].append(entry)
                return
        if first.get("IS_SPACE") is True:
            self.index[3][1].append(entry)
            return
        self.anywhere.append(entry)

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(_COLUMNS).tolist() if len(doc) else []
        n = len(rows)
        found: list[tuple[int, int, int, int]] = []
        tag, lower, dep, space = self.index
        flat = self.flat
        none: list[int] = []
        for i, row in enumerate(rows):
            for entries in (lower.get(row[1], none), tag.get(row[0], none),
                            dep.get(row[2], none), space.get(row[3], none), self.anywhere):
                for entry in entries:
                    number, match_id, size, checks = flat[entry]
                    end = i + size
                    if end > n:
                        continue
                    for offset, col, test in checks:  # all must hold; stop at the first not
                        if not test(rows[i + offset][col]):
                            break
                    else:
                        found.append((number, match_id, i, end))
        found.sort()
        return found


# Attributes :class:`FastAnnotate` writes for all tokens at once (``Doc.from_array``); any other
# attribute a rule sets (the model's rules also set TAG and DEP on a few words) is written token
# by token with spaCy's own ``set_token_attrs``.
_ARRAY_ATTRS = [POS, MORPH, LEMMA]
# The columns the lemmatizer reads (:func:`_lemmatize_columns`), in this order.
_LEMMA_COLUMNS = [ORTH, POS, MORPH, LEMMA]


class FastAnnotate:
    """``AttributeRuler.set_annotations`` writing POS, morphology and lemma in one
    ``Doc.from_array`` call instead of one ``Span`` and ``set_token_attrs`` per match. Later
    rules win, as in spaCy (the matches come sorted by rule number)."""

    def __init__(self, ruler: Any) -> None:
        self.indices: list[int] = list(ruler.indices)
        vocab = ruler.vocab
        self.attrs: list[dict[int, int]] = []
        for attrs in ruler.attrs:
            attrs = dict(attrs)
            if MORPH in attrs:  # the key the morphology table gives (its normalised form)
                attrs[MORPH] = vocab.morphology.add(vocab.strings[attrs[MORPH]])
            self.attrs.append(attrs)

    def __call__(self, doc: Any, matches: list[tuple[int, int, int, int]]) -> None:
        if not matches:
            return
        table = doc.to_array(_ARRAY_ATTRS)
        other: dict[int, dict[int, int]] = {}
        for number, _, start, end in matches:
            index = self.indices[number]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                raise ValueError(f"attribute rule {number} points outside its match")
            for attr, value in self.attrs[number].items():
                if attr in _ARRAY_ATTRS:
                    table[i, _ARRAY_ATTRS.index(attr)] = value
                else:
                    other.setdefault(i, {})[attr] = value
        doc.from_array(_ARRAY_ATTRS, numpy.asarray(table, dtype=numpy.uint64))
        for i, attrs in other.items():
            set_token_attrs(doc[i], attrs)


def speed_up_attribute_ruler(nlp: Any) -> bool:
    """Give ``nlp``'s attribute ruler the fast ``match`` and ``set_annotations`` when all its
    rules allow it. Returns whether it did (a model with other patterns keeps spaCy's code)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        match = FastMatch(ruler)
    except Unsupported:
        return False
    ruler.match = match
    ruler.set_annotations = FastAnnotate(ruler)
    return True


# Most (word, POS, morphology) lemma answers kept by :func:`memoize_lemmatizer` before it starts
# afresh (a news corpus has a few tens of thousands; this bounds a long run's memory).
LEMMA_MEMO = 200_000


def memoize_lemmatizer(nlp: Any) -> bool:
    """Keep the rule lemmatizer's answer per (word, POS, morphology).

    spaCy's rule lemmatizer caches only the words it had to look up, not those it finds already
    in base form (most nouns and adjectives), which it works out again on every token. Its answer
    depends on nothing but the word's text, POS and morphology, so keeping every answer changes
    no lemma. Returns whether it did (only the ``rule`` mode is memoised)."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return False
    index_lemma_forms(lemmatizer)
    rule = lemmatizer.rule_lemmatize
    memo: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = memo.get(key)
        if forms is None:
            if len(memo) >= LEMMA_MEMO:
                memo.clear()
            forms = memo[key] = rule(token)
        return forms

    lemmatizer.lemmatize = lemmatize
    base: Any = type(lemmatizer)  # (a class is hashable; typed Any for the cache)
    lemmatizer.__class__ = _by_columns(base)
    # (the memo, the rule lemmatizer, and the lemma string's id per memo key, for the columns)
    lemmatizer._diurna_memo = (memo, rule, {})
    return True


@cache
def _by_columns(base: Any) -> type:
    """``base`` (spaCy's ``Lemmatizer``) whose ``__call__`` reads the words' (word, POS,
    morphology) columns at once and writes the lemmas in one ``Doc.from_array``, the memo of
    :func:`memoize_lemmatizer` answering each word it has seen.

    spaCy's own ``__call__`` makes a ``Token`` per word, asks the memo and sets ``lemma_`` one
    word at a time: 0.16-0.27 CPU s over the bodies of ``bench/check_outputs.py``'s documents
    with the memo full, 0.06-0.14 this way (docs/scale.md, session 49). The words are the same
    (those without a lemma yet, or all with ``overwrite``), each gets the lemma
    ``rule_lemmatize`` gives, asked with its own token on the memo's first sight of it, and the
    lemma strings are added to the vocabulary as ``lemma_ =`` adds them
    (``tests/language/test_fast_rules.py``). The class is swapped in (not a method) because
    spaCy calls a component through its type, in ``nlp(text)`` and ``nlp.pipe`` alike."""

    class ColumnLemmatizer(base):  # type: ignore[misc,valid-type]
        def __call__(self, doc: Any) -> Any:
            if not self._validated:
                self._validate_tables(Errors.E1004)
            try:
                _lemmatize_columns(self, doc)
                return doc
            except Exception as e:
                self.get_error_handler()(self.name, self, [doc], e)

    ColumnLemmatizer.__name__ = ColumnLemmatizer.__qualname__ = f"Column{base.__name__}"
    return ColumnLemmatizer


def _lemmatize_columns(lemmatizer: Any, doc: Any) -> None:
    """Set the lemma of every word of ``doc`` that has none (every word with ``overwrite``):
    the memoised rule lemmatizer's first form, as ``Lemmatizer.__call__`` sets it. The lemma
    string's id is kept with the memo's answer (``lemma_ =`` hashed the string per word)."""
    if not len(doc):
        return
    memo, rule, ids = lemmatizer._diurna_memo
    strings = doc.vocab.strings
    table = doc.to_array(_LEMMA_COLUMNS)
    lemmas = table[:, 3]
    todo = numpy.arange(len(doc)) if lemmatizer.overwrite else numpy.flatnonzero(lemmas == 0)
    if not len(todo):
        return
    rows = table[todo, :3].tolist()
    for i, key in zip(todo.tolist(), map(tuple, rows), strict=True):
        lemma = ids.get(key)
        if lemma is None:
            forms = memo.get(key)
            if forms is None:
                if len(memo) >= LEMMA_MEMO:
                    memo.clear()
                    ids.clear()
                forms = memo[key] = rule(doc[i])
            lemma = ids[key] = strings.add(forms[0])
        lemmas[i] = lemma
    doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas))


def index_lemma_forms(lemmatizer: Any) -> None:
    """Make the rule lemmatizer's known-lemma lists sets.

    spaCy's ``rule_lemmatize`` asks ``form in index`` for every suffix rule that applies, and the
    model's index of known lemmas is a list per POS (57,528 nouns): each question scanned it
    (0.2 ms per new word, ~10 % of the language stage on the development pages). It only ever
    asks for membership, so a set answers the same."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(table):
        if isinstance(table[pos], list):
            table[pos] = frozenset(table[pos])
