"""The fine-tuned trigger tagger (``--coder tagger``): int8 ONNX MiniLM over a sentence's words.

For each word the tagger gives a distribution over ``NONE`` and the PLOVER types, reading the
words in context and the rule coder's own type for each word (an input it learned when to trust).
A tagger trained with ``--context N`` also reads the last N word pieces of the document before
each sentence (``context`` in its ``tagger.json``; :func:`unit_pieces`); without the key, the
sentence alone.
It is trained by :mod:`diurna.events.finetune`; the files are ``data/learned/tagger.onnx``
(about 23 MB), ``tagger.json`` and ``tokenizer.json``. Running it needs ``onnxruntime`` and
``tokenizers`` only; nothing is downloaded. A weight folder may also name further taggers
(:data:`ENSEMBLE_FILE`) whose distributions are averaged with its own: an option, not shipped
(round 22b: no gain beyond seed noise for a second, third and fourth model's CPU).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from diurna.events.coder import EventCoder
from diurna.events.heads import candidate
from diurna.events.learned import MODEL_DIR, likeliest_type, rule_heads
from diurna.model import Document, Event

MAX_PIECES = 128
NONE = "NONE"


def mode_label(etype: str, mode: str | None) -> str:
    """The mode head's joint label of an event: ``TYPE/mode``, or ``TYPE/`` without a mode (a
    mode only means something within its type)."""
    return f"{etype}/{mode or ''}"


def mode_labels(types: dict[str, Any]) -> list[str]:
    """Every joint mode label of an ontology's types (:func:`mode_label`), in a fixed order."""
    return sorted(mode_label(t, m) for t, et in types.items() for m in [None, *et.modes])


# The "told before" input (``seen``, one id per word): bit 1 when the word's lemma is that of a
# content word in an earlier sentence of the document, bit 2 when the rule coder coded the word's
# own rule type in an earlier sentence. Under the decided guideline (docs/annotation-events.md §2,
# §15) a retelling of an event already coded is not coded again: a sentence alone cannot tell a
# retelling from a first report, these two cheap document facts can hint at it.
SEEN_LEMMA = 1
SEEN_TYPE = 2
SEEN_IDS = 4


def seen_flags(parsed: Any, rule_types: dict[int, str]) -> dict[int, int]:
    """The "told before" id of every token that has one (token index -> 1-3; see
    ``SEEN_LEMMA``/``SEEN_TYPE``); ``rule_types`` is the rule coder's type by trigger head."""
    out: dict[int, int] = {}
    lemmas: set[str] = set()
    types: set[str] = set()
    for sent in parsed.sents:
        for t in sent:
            flag = SEEN_LEMMA if candidate(t) and t.lemma_.lower() in lemmas else 0
            if rule_types.get(t.i) in types:
                flag |= SEEN_TYPE
            if flag:
                out[t.i] = flag
        lemmas.update(t.lemma_.lower() for t in sent if candidate(t))
        types.update(rule_types[t.i] for t in sent if t.i in rule_types)
    return out


def on_first_pieces(first: list[int], n: int, values: list[int]) -> list[int]:
    """A piece-level row of ``n`` ids holding each word's value on its first piece (0 elsewhere
    and on words cut off)."""
    row = [0] * n
    for w, pos in enumerate(first):
        if pos >= 0 and w < len(values):
            row[pos] = values[w]
    return row


def pieces(tokenizer: Any, words: list[str], rules: list[str],
           label_id: dict[str, int]) -> tuple[list[int], list[int], list[int]]:
    """Piece ids of ``words`` (with [CLS] and [SEP]), the rule id on each word's first piece
    (0 for none, else the label's index + 1) and each word's first piece (-1 if cut off)."""
    enc = tokenizer.encode(words, is_pretokenized=True)
    ids = list(enc.ids)
    word_ids = list(enc.word_ids)
    if len(ids) > MAX_PIECES:
        ids = [*ids[:MAX_PIECES - 1], ids[-1]]
        word_ids = [*word_ids[:MAX_PIECES - 1], None]
    first = [-1] * len(words)
    rule_ids = [0] * len(ids)
    for pos, w in enumerate(word_ids):
        if w is not None and first[w] < 0:
            first[w] = pos
            r = rules[w] if w < len(rules) else NONE
            if r != NONE and r in label_id:
                rule_ids[pos] = label_id[r] + 1
    return ids, rule_ids, first


# The text before a sentence (round 26): a tagger trained with ``--context N`` reads, ahead of each
# sentence, the last N word pieces of the document text before it, as BERT's first segment:
# ``[CLS] context [SEP] sentence [SEP]``, the sentence with token type 1. Whether an act is told
# again, background or a mention is often plain only from the sentences before. The context is
# tokenised from at most ``CONTEXT_CHARS`` characters before the sentence (cut at a space, so no
# word is split), which always hold more than ``MAX_CONTEXT`` pieces of prose; training and run
# time share these functions, so both see the same pieces.
CONTEXT_CHARS = 1024
MAX_CONTEXT = 128
_SPACE = re.compile(r"\s")


def text_before(text: str, start: int) -> str:
    """The document text before offset ``start``: at most ``CONTEXT_CHARS`` characters, starting
    after a whitespace when cut (never in the middle of a word)."""
    cut = max(0, start - CONTEXT_CHARS)
    if cut > 0:
        space = _SPACE.search(text, cut, start)
        cut = space.end() if space else start
    return text[cut:start]


def context_ids(tokenizer: Any, before: str, n: int) -> list[int]:
    """The last ``n`` word pieces of ``before`` (none for ``n`` 0 or blank text)."""
    if n <= 0 or not before.strip():
        return []
    return list(tokenizer.encode(before, add_special_tokens=False).ids[-n:])


def unit_pieces(tokenizer: Any, words: list[str], rules: list[str], label_id: dict[str, int],
                before: str = "", context: int = 0,
                ) -> tuple[list[int], list[int], list[int], list[int] | None]:
    """:func:`pieces` of a sentence and its token type ids: with ``context`` 0 exactly
    :func:`pieces` (types ``None``: the encoder's first type throughout); else the last
    ``context`` pieces of ``before`` and a [SEP] go between [CLS] and the sentence, which gets
    token type 1. Rule ids and first pieces stay on the sentence's own words."""
    ids, rule_ids, first = pieces(tokenizer, words, rules, label_id)
    if context <= 0:
        return ids, rule_ids, first, None
    ctx = context_ids(tokenizer, before, context)
    shift = len(ctx) + 1
    return ([ids[0], *ctx, ids[-1], *ids[1:]], [rule_ids[0], *[0] * shift, *rule_ids[1:]],
            [p + shift if p >= 0 else -1 for p in first],
            [0] * (shift + 1) + [1] * (len(ids) - 1))


# A weight folder may name further taggers in this file (``{"members": [DIR, ...]}``, each
# relative to the folder or absolute): the coder then averages their per-word distributions with
# the folder's own tagger's (an ensemble of seeds, docs/events-learned.md round 22b). Without the
# file the folder's tagger is read alone, as before.
ENSEMBLE_FILE = "taggers.json"


def tagger_folders(folder: Path) -> list[Path]:
    """The tagger folders a weight folder's coder averages: ``folder`` itself, then the members
    its :data:`ENSEMBLE_FILE` names (just ``folder`` without one)."""
    path = folder / ENSEMBLE_FILE
    if not path.exists():
        return [folder]
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not JSON ({err}); write {{\"members\": [DIR, ...]}} or "
                         "remove the file to read the folder's own tagger alone") from err
    members = spec.get("members") if isinstance(spec, dict) else None
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        # a bare string would be read letter by letter as folders
        raise ValueError(f"{path}: 'members' must be a list of tagger folders, "
                         '{"members": [DIR, ...]} (relative to the folder or absolute)')
    return [folder, *(folder / m for m in members)]


class _Member:
    """One fine-tuned tagger's files: its tokenizer, its inputs and its ONNX session."""

    def __init__(self, folder: Path, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        spec = json.loads((folder / "tagger.json").read_text(encoding="utf-8"))
        self.spec = spec
        self.labels: list[str] = spec["labels"]
        # the mode head's joint labels (absent in a tagger trained without one)
        self.modes: list[str] = spec.get("modes") or []
        # a tagger trained without the rule coder's types as input is never shown them
        self.rule_input = bool(spec.get("rule_input", True))
        # whether it reads the "told before" input (seen_flags; taggers before round 14 do not)
        self.seen_input = bool(spec.get("seen_input", False))
        # word pieces of the text before each sentence it reads (0: the sentence alone)
        self.context = int(spec.get("context", 0))
        self.label_id = {lb: i for i, lb in enumerate(self.labels)}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        options = ort.SessionOptions()
        # one thread: on the shared 2-core machine two ran no faster (bench/bench_tagger.py)
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(folder / "tagger.onnx"), options,
                                            providers=["CPUExecutionProvider"])
        self.takes_seen = any(i.name == "seen" for i in self.session.get_inputs())

    def probabilities(self, sentences: list[tuple[list[str], list[str]]],
                      batch: int, seen: list[list[int]] | None,
                      before: list[str] | None = None) -> list[np.ndarray]:
        """This model's per-word distributions (see :meth:`Tagger.probabilities`)."""
        texts = before if before is not None else [""] * len(sentences)
        rows = [unit_pieces(self.tokenizer, w, r if self.rule_input else [], self.label_id,
                            b, self.context) for (w, r), b in zip(sentences, texts, strict=True)]
        outputs = ["logits", "mode_logits"] if self.modes else ["logits"]
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))  # pad like with like
        out: list[Any] = [None] * len(rows)
        none = self.label_id[NONE]
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            n = max(len(rows[i][0]) for i in idx)
            ids = np.zeros((len(idx), n), np.int64)
            mask = np.zeros((len(idx), n), np.int64)
            rule = np.zeros((len(idx), n), np.int64)
            told = np.zeros((len(idx), n), np.int64)
            types = np.zeros((len(idx), n), np.int64)
            for b, i in enumerate(idx):
                k = len(rows[i][0])
                ids[b, :k], mask[b, :k], rule[b, :k] = rows[i][0], 1, rows[i][1]
                if seen is not None:
                    told[b, :k] = on_first_pieces(rows[i][2], k, seen[i])
                type_ids = rows[i][3]
                if type_ids is not None:
                    types[b, :k] = type_ids
            feed = {"ids": ids, "mask": mask, "rule": rule}
            if self.takes_seen:  # zeros for a tagger trained without it
                feed["seen"] = told if self.seen_input else np.zeros_like(told)
            if self.context:
                feed["types"] = types
            probs = np.concatenate(
                [softmax(x) for x in self.session.run(outputs, feed)], -1)
            for b, i in enumerate(idx):
                first = rows[i][2]
                word_p = np.zeros((len(first), probs.shape[-1]), np.float32)
                word_p[:, none] = 1.0
                for w, pos in enumerate(first):
                    if pos >= 0:
                        word_p[w] = probs[b, pos]
                out[i] = word_p
        return out


class Tagger:
    """``probabilities(sentences)``: (words, labels) arrays for sentences given as
    (words, rule types) pairs, from one fine-tuned tagger or the average of several.

    ``folders`` is one tagger folder or a list of them (an ensemble, e.g. the same recipe trained
    with several seeds): their per-word distributions, types and modes alike, are averaged. All
    must share the labels and modes; the first gives the threshold (``--coder tagger``'s cut:
    the learned coder's blend has its own in ``combiner.json``). One folder gives exactly what
    that tagger gives alone."""

    def __init__(self, folders: str | Path | Sequence[str | Path], threads: int = 1) -> None:
        paths = [folders] if isinstance(folders, str | Path) else list(folders)
        if not paths:
            raise ValueError("a tagger needs at least one model folder")
        self.members = [_Member(Path(p), threads) for p in paths]
        first = self.members[0]
        for p, m in zip(paths[1:], self.members[1:], strict=True):
            if m.labels != first.labels or m.modes != first.modes:
                raise ValueError(f"{p}: its labels or modes differ from {paths[0]}'s; "
                                 "only taggers of one label set can be averaged")
        self.labels = first.labels
        self.modes = first.modes
        self.label_id = first.label_id
        self.tokenizer = first.tokenizer
        self.threshold = float(first.spec["threshold"])
        # the coder computes the "told before" ids if any member reads them
        self.seen_input = any(m.seen_input for m in self.members)
        # and the text before each sentence if any member reads it
        self.context = max(m.context for m in self.members)

    def probabilities(self, sentences: list[tuple[list[str], list[str]]],
                      batch: int = 1, seen: list[list[int]] | None = None,
                      before: list[str] | None = None) -> list[np.ndarray]:
        """Per sentence a (words, labels + modes) array: the type distribution in ``labels``
        order, then (with a mode head) the joint mode distribution in ``modes`` order; with
        several members, their mean. ``seen`` gives each sentence's "told before" ids
        (:func:`seen_flags`; none if omitted), ``before`` the document text before each
        (:func:`text_before`; read only by a tagger trained with context, empty if omitted).

        Each sentence is its own call by default (``batch`` 1): the int8 model is quantised
        *dynamically*, its activation scales computed over the whole input of a call, so in a
        batch a sentence's output depended on its batch-mates and their padding (the same
        weights gave Wikinews dev type F1 0.554 batched by 8, 0.570 alone). Alone, a sentence
        always gets the same output, whichever others the coder reads. Cost
        (``bench/bench_tagger.py``, load 7.6): 164 sentences/s alone vs 246 batched by 8; the
        whole pipeline stays at 0.83x the rule coder's speed (docs/events-learned.md, round 15).
        Each further member costs about as much again (round 22b)."""
        outs = [m.probabilities(sentences, batch, seen, before) for m in self.members]
        if len(outs) == 1:
            return outs[0]
        return [np.stack(per).mean(axis=0, dtype=np.float32) for per in zip(*outs, strict=True)]

    def mode_of(self, etype: str, word_p: np.ndarray) -> str | None:
        """The mode head's most likely mode of ``etype`` for a word (``None`` for no mode, or
        when the tagger has no mode head)."""
        if not self.modes:
            return None
        base = len(self.labels)
        best = max((float(word_p[base + k]), lb) for k, lb in enumerate(self.modes)
                   if lb.startswith(etype + "/"))
        return best[1].split("/", 1)[1] or None


def softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax over the last axis."""
    e = np.exp(logits - logits.max(-1, keepdims=True))
    out: np.ndarray = e / e.sum(-1, keepdims=True)
    return out


@lru_cache(maxsize=2)
def load_tagger(folder: str) -> Tagger:
    """The tagger of a weight folder, loaded once per process: the folder's own, averaged with
    the members its :data:`ENSEMBLE_FILE` names (:func:`tagger_folders`)."""
    folders = tagger_folders(Path(folder))
    for path in folders:
        if not (path / "tagger.onnx").exists():
            raise FileNotFoundError(
                f"no fine-tuned event tagger in {path}; train one with "
                "'python -m diurna.events.finetune' or use the rule coder (--coder rules)")
    return Tagger(folders[0] if len(folders) == 1 else folders)


class TaggerEventCoder(EventCoder):
    """Fill ``doc.events`` with the fine-tuned tagger's decisions and the rule steps' arguments,
    status and negation (``--coder tagger``). Only sentences where an event is possible at all
    are read (one with a trigger-lexicon word or a rule event): the rest cost nothing."""

    name = "events"

    def __init__(self, ontology: str | None = None, resolve: Any = None,
                 model_dir: str | Path | None = None, gate: bool = True) -> None:
        super().__init__(ontology, resolve)
        self.model_dir = str(model_dir or MODEL_DIR)
        self.gate = gate

    def _possible(self, sent: Any, rule_at: dict[int, Event]) -> bool:
        """Whether ``sent`` can report an event: a rule event or a trigger-lexicon word in it."""
        onto = self.ontology
        return any(t.i in rule_at or (candidate(t) and (
            t.lemma_.lower() in onto.verbs or t.lemma_.lower() in onto.nouns
            or t.lemma_.lower() in onto.adjectives)) for t in sent)

    def word_probabilities(self, tagger: Tagger, parsed: Any, rule_at: dict[int, Event],
                           keep: Callable[[Any], bool] | None = None) -> dict[int, np.ndarray]:
        """The tagger's distribution for every word of the sentences it reads (by token index):
        those ``keep`` accepts, else those where an event is possible (:meth:`_possible`)."""
        if keep is None:
            def keep(sent: Any) -> bool:
                return not self.gate or self._possible(sent, rule_at)
        sents = [s for s in parsed.sents if keep(s)]
        words = [ws for ws in ([t for t in s if not t.is_space] for s in sents) if ws]
        told = (seen_flags(parsed, {i: ev.type for i, ev in rule_at.items()})
                if tagger.seen_input else {})
        before = ([text_before(parsed.text, ws[0].idx) for ws in words] if tagger.context
                  else None)
        probs = tagger.probabilities(
            [([t.text for t in ws], [rule_at[t.i].type if t.i in rule_at else NONE for t in ws])
             for ws in words], seen=[[told.get(t.i, 0) for t in ws] for ws in words],
            before=before)
        return {t.i: q for ws, p in zip(words, probs, strict=True)
                for t, q in zip(ws, p, strict=False)}

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None or not doc.text:
            return doc
        tagger = load_tagger(self.model_dir)
        coder = self.doc_coder(doc)
        rule_at = rule_heads(doc.nlp, coder.code())
        none = tagger.labels.index(NONE)
        decided: dict[int, str] = {}
        by_word = self.word_probabilities(tagger, doc.nlp, rule_at)
        for i, q in by_word.items():
            tok = doc.nlp[i]
            if (candidate(tok) or i in rule_at) and q[none] < tagger.threshold:
                decided[i] = tagger.labels[likeliest_type(q[:len(tagger.labels)], none)]
        events = coder.recode(rule_at, decided, decided_modes(tagger, decided, by_word))
        doc.events = self.finished(doc, coder, events)
        return doc


def decided_modes(tagger: Tagger, decided: dict[int, str],
                  by_word: dict[int, np.ndarray]) -> dict[int, str | None] | None:
    """The mode head's mode for each decided word it read (``None`` without a mode head: the
    rule steps' modes are kept)."""
    if not tagger.modes:
        return None
    return {i: tagger.mode_of(etype, by_word[i]) for i, etype in decided.items() if i in by_word}
