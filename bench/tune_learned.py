"""The learned coder's decoding settings on a development gold file, without re-parsing.

    python bench/tune_learned.py [GOLD] [--model-dir DIR ...] [--grid]

Runs the stages before events (language, actors, statements) once per source of ``GOLD``
(default ``gold/events-wikinews-dev.jsonl``); for each ``--model-dir`` (old and new weights in
one run, on the same parses) computes once the round-11 MLP's distribution over every candidate
word and the fine-tuned tagger's over every sentence, and then re-decodes the blend
(``diurna.events.learned``) with each setting: blend weight,
threshold on the averaged P(NONE), the MLP gate that picks the sentences the tagger reads, and
two sentence-level decoders. For each it prints event type micro-F1 with its 95 % bootstrap
interval over articles, as ``diurna evaluate events`` computes them (the same ``score``).
The first line is the shipped setting; a setting is only worth taking if it beats it by more
than noise on a set it was not chosen on (few knobs, and the interval beside each figure).

Never run it on a frozen test file (it refuses names with "test").
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate.events import score
from diurna.evaluate.gold import repo_dir
from diurna.events import learned
from diurna.events.learned import NONE, LearnedEventCoder, candidates, load_model
from diurna.events.tagger import TaggerEventCoder, decided_modes, load_tagger, rule_heads
from diurna.model import Document
from diurna.pipeline import Pipeline


@dataclass
class Cached:
    """One source after the stages before events, with both models' word distributions."""

    doc: Document
    tokens: list[Any]
    mlp: np.ndarray  # (candidates, labels) in the MLP's label order
    tagger: np.ndarray  # (candidates, labels) in the MLP's label order; NONE where unread
    read_by: dict[int, np.ndarray]  # token index -> the tagger's full output (for modes)
    sentence: list[int]  # each candidate's sentence start


@dataclass(frozen=True)
class Setting:
    """One decoding setting of the blend."""

    weight: float = learned.BLEND
    threshold: float = learned.BLEND_THRESHOLD
    gate: float = learned.BLEND_GATE
    decoder: str = "word"  # word | clause | anchor


# Prepositions that make a noun a time anchor ("since the war", "after the attack"): under the
# guideline (docs/annotation-events.md §15) such background events are not coded.
ANCHOR_PREPS = frozenset({"since", "after", "before", "following", "until"})


class Tuner:
    """Builds the cache on first sight of a source, then decodes it with ``setting``."""

    def __init__(self) -> None:
        pipe = Pipeline.default(coder="learned")
        self.before = pipe.components[:3]
        self.coder: LearnedEventCoder = pipe.components[3]  # type: ignore[assignment]
        self.parsed: dict[str, Document] = {}
        self.cache: dict[str, Cached] = {}
        self.setting = Setting()

    def use(self, model_dir: Path) -> None:
        """Decode with the weights in ``model_dir`` from now on (the parses are kept)."""
        self.coder.model_dir = str(model_dir)
        self.model = load_model(str(model_dir))
        self.tagger = load_tagger(str(model_dir))
        self.cache = {}

    def build(self, doc: Document) -> Cached:
        key = doc.source or ""
        if key not in self.parsed:
            for stage in self.before:
                doc = stage(doc)
            self.parsed[key] = doc
        doc = self.parsed[key]
        coder = self.coder.doc_coder(doc)
        cands = candidates(doc, coder, self.coder.ontology, self.model.vectors)
        labels = self.model.labels
        mlp = (self.model.probabilities(cands.sparse, cands.dense) if cands.tokens
               else np.zeros((0, len(labels)), np.float32))
        reader = TaggerEventCoder(self.coder.ontology_path, model_dir=self.coder.model_dir)
        # every sentence (the gate is applied when decoding)
        by_word = reader.word_probabilities(self.tagger, doc.nlp, cands.rule_at,
                                            keep=lambda sent: True)
        order = [self.tagger.labels.index(lb) for lb in labels]
        skipped = np.zeros(len(labels), np.float32)
        skipped[labels.index(NONE)] = 1.0
        theirs = (np.stack([by_word[t.i][order] if t.i in by_word else skipped
                            for t in cands.tokens]) if cands.tokens else mlp)
        return Cached(doc, cands.tokens, mlp, theirs, by_word,
                      [t.sent.start for t in cands.tokens])

    def __call__(self, doc: Document) -> Document:
        c = self.cache.get(doc.source or "")
        if c is None:
            c = self.cache[doc.source or ""] = self.build(doc)
        c.doc.events = self.decode(c, self.setting)
        return c.doc

    def decode(self, c: Cached, s: Setting) -> list[Any]:
        coder = self.coder.doc_coder(c.doc)
        rule_at = rule_heads(c.doc.nlp, coder.code())
        if not c.tokens:
            return []
        labels = self.model.labels
        none = labels.index(NONE)
        read = {c.sentence[k] for k in range(len(c.tokens)) if c.mlp[k, none] < s.gate}
        mask = np.array([c.sentence[k] in read for k in range(len(c.tokens))])
        skipped = np.zeros(len(labels), np.float32)
        skipped[none] = 1.0
        theirs = np.where(mask[:, None], c.tagger, skipped)
        probs = s.weight * theirs + (1.0 - s.weight) * c.mlp
        decided: dict[int, str] = {}
        strength: dict[int, float] = {}
        for tok, p in zip(c.tokens, probs, strict=True):
            if p[none] < s.threshold:
                q = p.copy()
                q[none] = -1.0
                decided[tok.i] = labels[int(q.argmax())]
                strength[tok.i] = 1.0 - float(p[none])
        if s.decoder == "clause":
            decided = one_per_clause(c.doc.nlp, decided, strength)
        elif s.decoder == "anchor":
            decided = {i: t for i, t in decided.items() if not time_anchor(c.doc.nlp[i])}
        by_word = {i: q for i, q in c.read_by.items() if c.doc.nlp[i].sent.start in read}
        modes = decided_modes(self.tagger, decided, by_word)
        return coder.recode(rule_at, decided, modes)


def one_per_clause(parsed: Any, decided: dict[int, str],
                   strength: dict[int, float]) -> dict[int, str]:
    """Of two decided words of one type where one governs the other within two arcs ("launched
    an attack", "carried out a bombing"), keep the likelier."""
    drop: set[int] = set()
    for i, etype in decided.items():
        tok = parsed[i]
        up = [tok.head, tok.head.head]
        for anc in up:
            if anc.i != i and decided.get(anc.i) == etype:
                drop.add(i if strength[i] <= strength[anc.i] else anc.i)
    return {i: t for i, t in decided.items() if i not in drop}


def time_anchor(tok: Any) -> bool:
    """A noun that only dates something else: the object of "since", "after", "before"..."""
    return (tok.pos_ == "NOUN" and tok.dep_ == "pobj"
            and tok.head.lower_ in ANCHOR_PREPS)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path,
                    default=repo_dir() / "gold/events-wikinews-dev.jsonl")
    ap.add_argument("--model-dir", type=Path, nargs="+", default=[learned.MODEL_DIR],
                    help="folders of weights (model.json, weights.npz, tagger.*) to compare")
    ap.add_argument("--grid", action="store_true",
                    help="weights 0 (MLP alone), 0.3-0.7, 1 (tagger alone) x thresholds "
                         "0.7-0.9 x gates 0.9/0.95/1.0 besides the decoders")
    args = ap.parse_args()
    if "test" in args.gold.name:
        print(f"{args.gold}: a frozen test file is never tuned on", file=sys.stderr)
        return 2
    tuner = Tuner()
    settings = [Setting(), Setting(decoder="clause"), Setting(decoder="anchor")]
    if args.grid:
        settings += [Setting(w, t, g) for w in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0)
                     for t in (0.7, 0.75, 0.8, 0.85, 0.9) for g in (0.9, 0.95, 1.0)]
    for folder in args.model_dir:
        tuner.use(folder)
        print(f"{folder}:", flush=True)
        for s in dict.fromkeys(settings):
            tuner.setting = s
            report(score(args.gold, runner=tuner), s)
    return 0


def report(r: dict[str, Any], s: Setting) -> None:
    """One line: the setting and its type F1 with interval, precision and recall."""
    t = r["type"]
    lo, hi = r["type_ci95"]
    arg = r["arguments"]
    print(f"  weight {s.weight:.2f} threshold {s.threshold:.2f} gate {s.gate:.2f} "
          f"{s.decoder:6s}: F1 {t['f1']:.3f} [{lo:.3f}-{hi:.3f}] P {t['precision']:.3f} "
          f"R {t['recall']:.3f} (pred {r['predicted_events']}, gold {r['gold_events']}); "
          f"actor/recipient arg F1 {arg['actor']['f1']:.3f}/{arg['recipient']['f1']:.3f}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
