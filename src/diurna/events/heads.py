"""The head word of a trigger span: the one rule every part of event coding uses for it.

A trigger can be several words ("called on", "set fire to", "were killed"); the learned coder
labels and decides one token per event, the argument ranker measures paths and distances from
one token, and the casualty check asks whether one word is a casualty word. All three take the
token :func:`trigger_head` gives, so that one event has one head wherever it is looked at.

Why this rule rather than spaCy's ``Span.root`` (the token nearest the sentence root, which the
casualty check and the argument ranker used): the head must be the word that names the event, a
content word (``CANDIDATE_POS``), which is also the only kind of token the learned coder judges;
``Span.root`` takes the first of equally high tokens, a particle in "not feasible". On the
development inputs (the 115 pages and Wikinews dev) the two rules gave the same head for all 149
triggers the casualty check read and for 1,197 of the 1,198 the argument ranker read ("not
feasible"); no output changed. A mention's head stays ``Span.root`` (arguments._head): there
it is the name, "Ahmado" of "reporter Nisan Ahmado", where this rule takes "reporter".
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import IDX, LENGTH

# The parts of speech a trigger's head may have: the tokens the learned coder judges.
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


def candidate(tok: Any) -> bool:
    """Tokens the classifier judges: content words (and any token the rules fired on)."""
    return tok.pos_ in CANDIDATE_POS and not tok.is_punct and not tok.is_space


def _token_offsets(doc_nlp: Any) -> tuple[Any, Any]:
    """The parse's token starts and ends (character offsets), read once per parse and kept in
    its ``user_data``: read again for every event, a page of 2,000 events spent seconds on
    them (docs/batch.md, round 12). Keyed by the token count, so a retokenised parse is read
    again."""
    kept = doc_nlp.user_data.get("diurna_token_offsets")
    if kept is None or kept[0] != len(doc_nlp):
        offsets = doc_nlp.to_array([IDX, LENGTH]).reshape(-1, 2).astype(np.int64)
        kept = (len(doc_nlp), offsets[:, 0], offsets[:, 0] + offsets[:, 1])
        doc_nlp.user_data["diurna_token_offsets"] = kept
    return kept[1], kept[2]


def trigger_head(doc_nlp: Any, start: int, end: int) -> Any | None:
    """The head token of the characters ``start:end`` (a trigger span): the candidate token in it
    whose syntactic head lies outside it, else its first candidate, else its first token."""
    # Token offsets come from one array read and two binary searches: iterating the Doc made a
    # Token object per word for every event (a tenth of the learned coder's time on long pages).
    # Tokens are contiguous and ordered, so both their starts and their ends ascend.
    starts, ends = _token_offsets(doc_nlp)
    first = int(np.searchsorted(ends, start, side="right"))
    last = int(np.searchsorted(starts, end, side="left"))
    toks = list(doc_nlp[first:last]) if first < last else []
    if not toks:
        return None
    cands = [t for t in toks if candidate(t)] or toks
    for t in cands:
        # a sentence's root is its own head (compared by index: spaCy makes a new Token object
        # on every access, so `t.head is t` never held and "were killed" was headed by "were")
        if not (start <= t.head.idx < end) or t.head.i == t.i:
            return t
    return cands[0]
