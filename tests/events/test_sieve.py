"""The sieve (round 25b): the grammar it reads around a trigger, and the step that drops events
a fitted filter gives a low chance of being right. The filters here are made by hand so that the
checks do not depend on fitted numbers; each sentence's reading was checked by hand against
docs/annotation-events.md (the decided rule of the harmonised Wikinews files: a later retelling of
an event the article has already coded is not coded again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from helpers import before_events

from diurna.events.sieve import Sieve, clause_kind, event_features, load_sieve, main, sieved
from diurna.model import Document, Event, Span

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def parse() -> Any:
    """One paragraph through the stages before the events stage (parse, actors, statements)."""
    return before_events


class _Cands:
    def __init__(self) -> None:
        self.tokens: list[Any] = []
        self.rule_at: dict[int, Event] = {}


class _Read:
    """A read with no candidate words: the event's grammar alone is judged."""

    def __init__(self) -> None:
        self.cands = _Cands()
        self.labels = ["NONE", "PROTEST"]
        self.mlp = None
        self.tagger = np.zeros((0, 2), np.float32)


def _event(doc: Document, word: str, etype: str = "PROTEST") -> Event:
    start = doc.text.index(word)
    end = start + len(word)
    return Event(id="t:0", type=etype, trigger=Span(start, end, word),
                 sentence=Span(0, len(doc.text), doc.text))


def _by_retelling() -> Sieve:
    """A filter that knows one thing: an act of the type told on the same word in an earlier
    sentence is a retelling."""
    names = ("told_lemma_type",)
    return Sieve(names, np.zeros(1), np.ones(1), np.array([-4.0]), 2.0, 0.5)


def test_clause_kinds_read_by_hand(parse: Any) -> None:
    doc = parse("If the unions decided on a strike, the port would close. They visited the "
                "embassy, which was attacked by extremists. Officials said the army had shelled "
                "the town. Police arrested three men on Monday.")
    at = {t.text: t for t in doc.nlp}
    assert clause_kind(at["strike"]) == "advcl_if"
    assert clause_kind(at["attacked"]) == "relcl"
    assert clause_kind(at["shelled"]) == "reported"
    assert clause_kind(at["arrested"]) == "main"


def _protests(doc: Document) -> list[Event]:
    first = _event(doc, "protest")
    second_at = doc.text.index("protest", first.trigger.end)
    second = Event(id="t:1", type="PROTEST", trigger=Span(second_at, second_at + 7, "protest"),
                   sentence=first.sentence)
    return [first, second]


def test_the_sieve_drops_a_retold_protest_and_keeps_the_reported_one(parse: Any) -> None:
    doc = parse("Workers held a protest in the capital on Monday. The protest ended at noon.")
    kept = sieved(doc, _protests(doc), _Read(), None, _by_retelling())
    assert [(e.id, e.trigger.start) for e in kept] == [("t:0", doc.text.index("protest"))]


def test_features_say_what_was_told_before(parse: Any) -> None:
    doc = parse("Workers held a protest in the capital on Monday. The protest ended at noon.")
    rows = event_features(doc, _protests(doc), _Read(), None)
    assert rows[0]["told_lemma"] == 0.0 and rows[1]["told_lemma"] == 1.0
    assert rows[1]["told_type"] == 1.0 and rows[1]["det_the"] == 1.0
    assert rows[0]["clause=main"] == 1.0 and rows[0]["first_sentence"] == 1.0


def test_a_written_filter_reads_back(tmp_path: Any) -> None:
    sieve = _by_retelling()
    (tmp_path / "filter.json").write_text(sieve.to_json({"test": True}), encoding="utf-8")
    back = load_sieve(str(tmp_path))
    assert back is not None and back.names == sieve.names and back.cut == sieve.cut
    rows: list[dict[str, float]] = [{"told_lemma_type": 1.0}, {}]
    assert np.allclose(back.probabilities(rows), sieve.probabilities(rows))
    assert back.probabilities(rows)[0] < back.cut <= back.probabilities(rows)[1]


def test_no_filter_file_leaves_the_coder_as_it_was(tmp_path: Any) -> None:
    assert load_sieve(str(tmp_path)) is None


def test_the_fitting_tool_stops_on_bad_input_with_one_line_before_coding(
        tmp_path: Any, capsys: Any) -> None:
    """A missing file, a frozen test file or a bad gold line stops ``python -m
    diurna.events.sieve`` with a one-line error naming it, before any document is coded (the
    cache stays empty)."""
    cache = tmp_path / "cache"
    with pytest.raises(SystemExit) as missing:
        main([str(tmp_path / "nope.jsonl"), "--cache", str(cache)])
    assert missing.value.code == 2 and "no gold file at" in capsys.readouterr().err
    with pytest.raises(SystemExit) as frozen_file:
        main([str(REPO / "gold/events-wikinews-test.jsonl"), "--cache", str(cache)])
    assert frozen_file.value.code == 2 and "frozen test file" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert main([str(bad), "--cache", str(cache)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}:1:") and "\n" not in err
    assert not cache.exists()
