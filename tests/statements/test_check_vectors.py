"""The quotes check reads its own word vectors (session 44, docs/quotes.md part 62): retraining
the events MLP, which refits the MLP's vector table, must not move the quotes. Sentences written
by us."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from diurna.language import Language
from diurna.model import Document
from diurna.statements.learned import MODEL_DIR, VECTORS_FILE, check_vectors, decide
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import Statements, extract_quotes

TEXT = ("The minister said on Monday that the border would stay closed all winter, and the "
        "governor told reporters the clinic would open.")
SCRIPT = Path(__file__).parents[2] / "scripts" / "copy_check_vectors.py"


def _statements(text: str) -> list[tuple[str, str | None]]:
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    quotes = extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), check=decide)
    return [(q.text, q.cue.text if q.cue is not None else None) for q in quotes]


def test_the_check_never_reads_the_events_mlp(monkeypatch: pytest.MonkeyPatch) -> None:
    # before session 44 the check took the events MLP's table (events.learned.load_model); with
    # that loader broken the statements must come out the same
    expected = _statements(TEXT)
    assert expected  # two statements the check decides on

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the quotes check read the events MLP")

    import diurna.events.learned as events_learned

    monkeypatch.setattr(events_learned, "load_model", broken)
    assert _statements(TEXT) == expected


def test_the_shipped_vectors_have_one_row_per_word() -> None:
    vectors = check_vectors()
    assert vectors.table.shape == (len(vectors.index), 32)
    assert vectors.get("minister").any() and not vectors.get("no-such-word-xyz").any()


def test_a_folder_without_vectors_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="copy_check_vectors"):
        check_vectors(str(tmp_path))


def test_the_script_copies_the_table_as_stored(tmp_path: Path) -> None:
    source, target = tmp_path / "mlp", tmp_path / "check"
    source.mkdir()
    (source / "model.json").write_text(json.dumps({"words": ["attack", "said"]}))
    table = np.array([[0.5, -1.0], [0.25, 2.0]], dtype=np.float16)
    np.savez(source / "weights.npz", vectors=table, other=np.zeros(3))
    done = subprocess.run([sys.executable, str(SCRIPT), "--from", str(source), "--to",
                           str(target)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    copied = check_vectors(str(target))
    assert copied.index == {"attack": 0, "said": 1}
    assert np.array_equal(copied.table, table.astype(np.float32))
    with np.load(target / VECTORS_FILE) as saved:
        assert saved["vectors"].dtype == np.float16  # byte for byte, not re-encoded


def test_the_script_refuses_a_folder_that_is_no_mlp(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--from", str(tmp_path), "--to",
                           str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 2 and "events MLP folder" in done.stderr
    assert not (tmp_path / "out").exists()
    assert (MODEL_DIR / VECTORS_FILE).exists()  # the shipped file is untouched
