"""A learned check of indirect statement candidates: which to keep, which to add (issue 17).

The rules of :mod:`diurna.statements.quotes` find a statement's speaker, cue and content well, but
decide *whether* a verb reports speech from a closed list of cues: indirect attributions have a
long tail of cues ("voiced doubts that", "questioned whether", "hailed the deal") the lists miss,
and a listed cue is sometimes no speech at all ("defend the city"). This module weighs each
candidate with a small network trained on the Wikinews attribution gold: the rules' own
candidates (kept unless the model is sure they are wrong) and the clause or object of every other
verb, a verb's phrase ("warned of"), the object of a verb the rules take only with a clause and
the subject of a passive with an agent (added when the model is sure they are right; part 11).
The rules still give every candidate its speaker, cue and content bounds; the model only says
yes or no.

What it reads of a candidate: parse features of the cue and the content (cue lemma, dependency,
voice, negation, speaker kind, content shape) and dense vectors that carry meaning beyond the
lemma, so an unseen cue that means what a seen one means is judged alike: spaCy's contextual
tensor of the cue and static word vectors (distilled from all-MiniLM-L6-v2) of the cue, its head
and its object, as the learned event coder reads them (:func:`diurna.events.learned.dense_features`,
whose vector table is shared). Trained by ``python -m diurna.statements.train``; the weights are in
``data/check/`` (docs/quotes.md, part 8).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from diurna.model import Document, Quote

MODEL_DIR = Path(__file__).parent / "data" / "check"
SPEC_FILE, WEIGHTS_FILE = "check.json", "weights.npz"
CHECK_FILES = (SPEC_FILE, WEIGHTS_FILE)  # what Check.save writes
# The static word vectors the check's dense rows read. They were the events MLP's own table
# (events/data/learned/weights.npz) until session 44; the check keeps a copy of that table so that
# retraining the events MLP, which refits its vectors, leaves the quotes as they are
# (scripts/copy_check_vectors.py wrote it; docs/quotes.md part 62).
VECTORS_FILE = "vectors.npz"
_MARKS = frozenset({"that", "whether", "if"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})


def _length_bucket(words: int) -> str:
    """A coarse content length: scare-word objects ("the attack") differ from clauses."""
    if words <= 2:
        return "1-2"
    if words <= 5:
        return "3-5"
    if words <= 15:
        return "6-15"
    return "16+"


def _subject_kind(cue: Any) -> str:
    """What the cue verb's subject is: none, a pronoun, a named entity type or a plain noun. Read
    from the parse, not the resolved speaker, so that other verbs' candidates need no speaker
    until the check keeps them (resolving a speaker is most of the statements stage's time)."""
    from diurna.statements.quotes import subject_of

    subj = subject_of(cue) if cue.pos_ in {"VERB", "AUX"} else None
    if subj is None:
        return "none"
    if subj.pos_ == "PRON":
        return "pron"
    return str(subj.ent_type_ or subj.pos_)


def features(q: Quote, cue: Any, parsed: Any, rule: bool, nested: bool,
             question: bool | None = None, words: np.ndarray | None = None) -> list[str]:
    """The binary features of one candidate statement whose cue token is ``cue``; ``question``:
    whether the cue's sentence ends in "?" (read from ``cue.sent`` when not given); ``words``:
    per token index, how many non-punctuation tokens precede it (:func:`_word_counts`, read once
    per page instead of a walk of every candidate's content)."""
    lemma = cue.lemma_.lower()
    origin = "rule" if rule else "open"
    out = [
        "bias", f"origin={origin}", f"lemma={lemma}", f"pos={cue.pos_}", f"tag={cue.tag_}",
        f"dep={cue.dep_}", f"lemma_origin={lemma}|{origin}", f"kind={q.kind}",
        f"spk={_subject_kind(cue)}", f"nested={nested}",
        f"cue_before={q.cue is not None and q.cue.start < q.start}",
    ]
    span = parsed.char_span(q.start, q.end, alignment_mode="expand") if q.end > q.start \
        else None
    if span is not None and len(span):
        root = span.root
        count = (sum(not t.is_punct for t in span) if words is None
                 else int(words[span.end] - words[span.start]))
        rdep = root.dep_
        below = list(root.children)
        labels = {c.dep_ for c in below}
        marked = "mark" in labels and any(c.dep_ == "mark" and c.lower_ in _MARKS for c in below)
        out += [f"len={_length_bucket(count)}",
                f"cdep={rdep}", f"cpos={root.pos_}", f"lemma_cdep={lemma}|{rdep}",
                f"csubj={not labels.isdisjoint(_SUBJECT_DEPS)}",
                f"cthat={marked}"]
        if rdep == "prep":  # "warned of", "spoke about": the verb and its preposition
            out += [f"cprep={root.lower_}", f"lemma_prep={lemma}|{root.lower_}"]
    else:
        out.append("len=0")
    kids = list(cue.children)
    labels = {c.dep_ for c in kids}
    if "auxpass" in labels:
        out.append("passive")
    if "neg" in labels:
        out.append("negated")
    if "aux" in labels and any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
        out.append("modal")
    if cue.dep_ == "xcomp" and cue.head.pos_ == "VERB":
        out.append(f"under={cue.head.lemma_.lower()}")
    if question is None:
        question = cue.sent[-1].text == "?"
    out.append(f"in_question={question}")
    return out


def _word_counts(parsed: Any) -> np.ndarray:
    """Per token index ``i`` (and ``len(parsed)``), how many tokens before ``i`` are not
    punctuation: a span's word count is a difference of two entries."""
    from spacy.attrs import IS_PUNCT

    counts = np.zeros(len(parsed) + 1, np.int64)
    if len(parsed):
        np.cumsum(parsed.to_array([IS_PUNCT]).reshape(-1) == 0, out=counts[1:])
    return counts


def cue_token(q: Quote, parsed: Any) -> Any | None:
    """The first token of a candidate's cue (None when it has none)."""
    if q.cue is None:
        return None
    span = parsed.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def strictly_inside(spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each span, whether another of ``spans`` holds it and is not the same span (``a <= s
    and e <= b``, ``(a, b) != (s, e)``): the check's "nested" feature. Answered from the
    spans sorted by start with the running greatest end, as a scan of every pair would (that
    scan took seconds on a page of 2,000 candidates; docs/scale.md)."""
    if not spans:
        return []
    # the greatest end among spans starting at each start, then among all starting before it
    widest: dict[int, int] = {}
    for s, e in spans:
        widest[s] = max(widest.get(s, e), e)
    starts = sorted(widest)
    before: list[int | None] = [None]  # before[i]: greatest end of spans starting < starts[i]
    for s in starts:
        prev = before[-1]
        before.append(widest[s] if prev is None else max(prev, widest[s]))
    out = []
    for s, e in spans:
        i = bisect_left(starts, s)
        earlier = before[i]  # a span starting before s holds [s, e) when it ends at e or later
        out.append((earlier is not None and earlier >= e) or widest[s] > e)
    return out


def _questions(parsed: Any) -> tuple[list[int], list[bool]]:
    """The first token of each sentence of a parse and whether the sentence ends in "?": read
    once per page instead of once per candidate (``Token.sent`` walks the sentence each time,
    3 % of the statements stage; docs/quotes.md part 52). Read from the parse's columns: a
    sentence starts at token 0 and at each later token marked as a start, as ``Doc.sents``
    reads them, and ends in "?" when its last token's text is "?" (compared by string id)."""
    from spacy.attrs import ORTH, SENT_START
    from spacy.strings import get_string_id

    if not len(parsed):
        return [], []
    cols = parsed.to_array([SENT_START, ORTH]).reshape(len(parsed), 2)
    first = np.flatnonzero(cols[1:, 0] == 1) + 1
    starts = np.concatenate([[0], first])
    lasts = np.concatenate([first, [len(parsed)]]) - 1
    asks = cols[lasts, 1] == np.uint64(get_string_id("?"))
    return starts.tolist(), asks.tolist()


def candidate_rows(doc: Document, cands: Sequence[tuple[Quote, bool]], vectors: Any
                   ) -> tuple[list[list[str]], np.ndarray]:
    """Sparse feature names and the dense matrix of every candidate ``(quote, from the rules)``
    of a parsed document; ``vectors`` is the learned event coder's static vector table."""
    from diurna.events.learned import dense_rows
    from diurna.intervals import in_ranges, merged_ranges
    from diurna.statements.quotes import quoted_ranges

    parsed = doc.nlp
    quoted = merged_ranges(quoted_ranges(doc.text))
    inside_another = strictly_inside([(q.start, q.end) for q, _ in cands])
    sparse: list[list[str]] = []
    cues: list[Any] = []
    starts, asks = _questions(parsed)
    words = _word_counts(parsed)
    for (q, rule), nested in zip(cands, inside_another, strict=True):
        cue = cue_token(q, parsed)
        assert cue is not None, "every candidate has a cue"
        question = asks[bisect_right(starts, cue.i) - 1]
        sparse.append(features(q, cue, parsed, rule, nested, question, words))
        # a cue inside quotation marks reports a statement within a quote (part 12)
        sparse[-1].append(f"in_quote={in_ranges(quoted, cue.idx)}")
        cues.append(cue)
    return sparse, dense_rows(cues, vectors)


@dataclass
class Check:
    """A one-hidden-layer network over sparse and standardised dense features, and the two
    thresholds: a rules' candidate is dropped below ``drop_below``, another verb's candidate
    is added at ``add_from`` or above."""

    feature_index: dict[str, int]
    w_sparse: np.ndarray  # (features, hidden)
    w_dense: np.ndarray  # (dense, hidden)
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    b1: np.ndarray
    w2: np.ndarray  # (hidden,)
    b2: float
    drop_below: float
    add_from: float
    meta: dict[str, Any]
    _padded: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False,
                                                          compare=False)

    def probabilities(self, sparse: Sequence[Sequence[str]], dense: np.ndarray) -> np.ndarray:
        """P(a real attribution) of each candidate row."""
        if not len(sparse):
            return np.zeros(0, np.float32)
        x = ((dense - self.dense_mean) / self.dense_scale) @ self.w_dense + self.b1
        # every row's sparse weights in one gather, padded to the longest row with a row of
        # zeros (also for a name the check never saw), and summed along the rows in one call:
        # the additions of a ``w_sparse[idx].sum(0)`` per row, in the same order (a zero added
        # changes no sum), without a fancy index and a sum per row
        zero = len(self.w_sparse)
        index = self.feature_index.get
        rows = [[index(name, zero) for name in names] for names in sparse]
        weights = self._padded_sparse()
        for first in range(0, len(rows), _BLOCK):  # (a page of thousands: bounded memory)
            block = rows[first:first + _BLOCK]
            width = max(map(len, block))
            if width:
                padded = np.array([row + [zero] * (width - len(row)) for row in block], np.intp)
                x[first:first + len(block)] += np.add.reduce(weights[padded], axis=1)
        z = np.maximum(x, 0) @ self.w2 + self.b2
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return out

    def _padded_sparse(self) -> np.ndarray:
        """``w_sparse`` with a row of zeros after it (made once per ``w_sparse`` array)."""
        if self._padded is None or self._padded[0] is not self.w_sparse:
            zeros = np.zeros((1, self.w_sparse.shape[1]), self.w_sparse.dtype)
            self._padded = (self.w_sparse, np.vstack([self.w_sparse, zeros]))
        return self._padded[1]

    def keep(self, rules: Sequence[bool], probs: np.ndarray,
             spans: Sequence[Spans] | None = None) -> list[bool]:
        """Which candidates stay, by their origin and probability (and, with ``spans``, whether
        a rules' candidate lies inside another's statement: :func:`kept`)."""
        return kept(rules, probs, self.drop_below, self.add_from, spans)

    def save(self, folder: Path = MODEL_DIR) -> None:
        """Write the weights (float16, compressed) and the settings to ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        names = sorted(self.feature_index, key=self.feature_index.__getitem__)
        np.savez_compressed(folder / WEIGHTS_FILE, w_sparse=self.w_sparse.astype(np.float16),
                            w_dense=self.w_dense.astype(np.float16), dense_mean=self.dense_mean,
                            dense_scale=self.dense_scale, b1=self.b1, w2=self.w2)
        (folder / SPEC_FILE).write_text(json.dumps(
            {"b2": self.b2, "drop_below": self.drop_below, "add_from": self.add_from,
             "features": names, "meta": self.meta}, ensure_ascii=False, indent=0) + "\n",
            encoding="utf-8")

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> Check:
        """The check :meth:`save` wrote to ``folder``."""
        spec = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
        w = np.load(folder / WEIGHTS_FILE)
        return cls(feature_index={n: i for i, n in enumerate(spec["features"])},
                   w_sparse=w["w_sparse"].astype(np.float32),
                   w_dense=w["w_dense"].astype(np.float32), dense_mean=w["dense_mean"],
                   dense_scale=w["dense_scale"], b1=w["b1"], w2=w["w2"], b2=float(spec["b2"]),
                   drop_below=float(spec["drop_below"]), add_from=float(spec["add_from"]),
                   meta=spec.get("meta", {}))


#: candidate rows whose sparse weights :meth:`Check.probabilities` gathers at once
_BLOCK = 256

#: a rules' candidate whose cue lies inside another kept rules' statement needs this much
#: (docs/quotes.md part 18): such nested candidates are right about half the time, against 0.88
#: for the rules' others, and most of the wrong ones are the gold's one statement cut in two
NESTED_BELOW = 0.3

#: a candidate's cue start and its content's start and end, in characters
Spans = tuple[int, int, int]


def kept(rules: Sequence[bool], probs: Sequence[float] | np.ndarray, drop_below: float,
         add_from: float, spans: Sequence[Spans] | None = None,
         nested_below: float = NESTED_BELOW) -> list[bool]:
    """Which candidates stay at these thresholds: a rules' candidate (``rules[i]``) unless its
    probability is below ``drop_below``, another verb's when it is ``add_from`` or above. With
    ``spans`` a rules' candidate whose cue lies inside the content of another rules' candidate
    that stays (a verb inside what someone said: "he said Stevens was to *blame* for ...") also
    needs ``nested_below``: the inner verb is more often part of the outer statement than a
    second one (part 18)."""
    out = [bool(p >= drop_below) if r else bool(p >= add_from)
           for r, p in zip(rules, probs, strict=True)]
    if spans is None:
        return out
    hosts = [(s, e) for (_, s, e), r, k in zip(spans, rules, out, strict=True) if r and k]
    held = _Hosts(hosts)
    for i, ((cue, s, e), r, p) in enumerate(zip(spans, rules, probs, strict=True)):
        if out[i] and r and p < nested_below and held.other_holds(cue, (s, e)):
            out[i] = False
    return out


class _Hosts:
    """Statements' content spans that answer "does one of them other than ``own`` hold this
    position?" by counting with two bisections, as a scan of them all would answer."""

    def __init__(self, hosts: Sequence[tuple[int, int]]) -> None:
        real = [(s, e) for s, e in hosts if s < e]  # an empty span holds nothing
        self.starts = sorted(s for s, _ in real)
        self.ends = sorted(e for _, e in real)
        self.copies = Counter(real)

    def other_holds(self, pos: int, own: tuple[int, int]) -> bool:
        # spans starting at or before pos, less those that also end at or before it
        holding = bisect_right(self.starts, pos) - bisect_right(self.ends, pos)
        if own[0] <= pos < own[1]:
            holding -= self.copies[own]  # the statement's own span (any copies) is no host
        return holding > 0


def spans_of(cands: Sequence[tuple[Quote, bool]]) -> list[Spans]:
    """Each candidate's :data:`Spans` (every candidate has a cue)."""
    return [(q.cue.start if q.cue is not None else q.start, q.start, q.end) for q, _ in cands]


@lru_cache(maxsize=2)
def load_check(folder: str = str(MODEL_DIR)) -> Check | None:
    """The trained check, loaded once per process; None when no weights are shipped."""
    path = Path(folder)
    return Check.load(path) if (path / SPEC_FILE).exists() else None


@lru_cache(maxsize=2)
def check_vectors(folder: str = str(MODEL_DIR)) -> Any:
    """The check's word vectors (:class:`diurna.events.learned.Vectors`), loaded once per process
    from ``folder``'s :data:`VECTORS_FILE`; the training rows and the pipeline read the same."""
    from diurna.events.learned import Vectors

    path = Path(folder) / VECTORS_FILE
    if not path.exists():
        raise FileNotFoundError(f"no word vectors for the quotes check in {folder}; write them "
                                "with 'python scripts/copy_check_vectors.py'")
    with np.load(path) as saved:
        words = [str(w) for w in saved["words"]]
        table = saved["vectors"].astype(np.float32)
    return Vectors({word: i for i, word in enumerate(words)}, table)


def decide(doc: Document, cands: Sequence[tuple[Quote, bool]]) -> list[bool]:
    """Whether each candidate ``(quote, from the rules)`` of a parsed document stands: the
    statements stage's hook (``extract_quotes(..., check=decide)``). Without shipped weights
    every rules' candidate stands and no other is added."""
    check = load_check()
    if check is None or not cands:
        return [rule for _, rule in cands]
    sparse, dense = candidate_rows(doc, cands, check_vectors())
    return check.keep([rule for _, rule in cands], check.probabilities(sparse, dense),
                      spans_of(cands))
