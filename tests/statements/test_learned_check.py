"""The learned check of indirect statement candidates (statements/learned.py): what the hook in
the statements stage does with its answers, that the shipped weights load and keep clear
statements, and how training labels candidates (sentences written by us)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from diurna.evaluate.quotes import Attribution, Spn
from diurna.language import Language
from diurna.model import Document, Quote
from diurna.statements import learned
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import CandidateCheck, Statements, extract_quotes
from diurna.statements.train import label

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

TEXT = ("“We will not leave the valley,” the minister said on Monday. The mayor said that the "
        "bridge would reopen in May. The senator slammed the decision as a grave mistake.")


def _quotes(text: str, check: CandidateCheck | None) -> list[Quote]:
    doc = Document(id="t", source="test", text=text, published="2018-02-15")
    Language()(doc)
    return extract_quotes(doc, MentionFinder(doc, Statements()._resolver()), check=check)


def _cues(quotes: list[Quote]) -> list[str | None]:
    return [q.cue.text if q.cue is not None else None for q in quotes]


def test_a_check_that_refuses_every_candidate_leaves_the_direct_quotes() -> None:
    quotes = _quotes(TEXT, lambda doc, cands: [False] * len(cands))
    assert [(q.kind, q.text) for q in quotes] == [("direct", "We will not leave the valley")]


def test_another_verbs_statement_admitted_by_the_check_gets_its_speaker() -> None:
    admitted = _quotes(TEXT, lambda doc, cands: [True] * len(cands))
    slammed = [q for q in admitted if q.cue is not None and q.cue.text == "slammed"]
    assert [q.text for q in slammed] == ["the decision as a grave mistake"]
    assert slammed[0].speaker is not None and slammed[0].speaker.text == "The senator"
    assert "slammed" not in _cues(_quotes(TEXT, None))  # the rules alone do not take it


def test_without_shipped_weights_the_rules_stand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "load_check", lambda: None)
    assert _quotes(TEXT, learned.decide) == _quotes(TEXT, None)


def test_the_shipped_check_keeps_clear_statements_and_adds_no_unclear_ones() -> None:
    assert learned.load_check() is not None, "weights are shipped in statements/data/check/"
    quotes = make_doc(TEXT).quotes
    said = [q.text for q in quotes if q.cue is not None and q.cue.text == "said"]
    assert "the bridge would reopen in May" in said
    assert "slammed" not in _cues(quotes)  # unsure (an unseen cue): not added


def test_the_weights_read_back_as_written(tmp_path: Path) -> None:
    check = learned.load_check()
    assert check is not None
    check.save(tmp_path)
    again = learned.Check.load(tmp_path)
    rows = [["bias", "origin=rule", "lemma=say"], ["bias", "origin=open", "lemma=have"]]
    dense = np.zeros((2, len(check.dense_mean)), np.float32)
    assert np.allclose(check.probabilities(rows, dense), again.probabilities(rows, dense),
                       atol=1e-3)
    assert (again.drop_below, again.add_from) == (check.drop_below, check.add_from)


def _att(content: tuple[int, int], cue: tuple[int, int]) -> Attribution:
    return Attribution(kind="indirect", content=[Spn(*content)], cue=Spn(*cue),
                       tokens=frozenset(range(content[0], content[1])))


def test_another_verbs_candidate_counts_only_at_the_gold_cue() -> None:
    gold = [_att((10, 20), (0, 4))]
    elsewhere = _att((10, 20), (6, 9))  # same words, cued by another verb inside the content
    assert label(gold, elsewhere) == 1
    assert label(gold, elsewhere, same_cue=True) == 0
    assert label(gold, _att((10, 20), (0, 4)), same_cue=True) == 1
