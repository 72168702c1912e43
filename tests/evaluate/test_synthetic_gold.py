"""Synthetic training gold (``gold/events-synthetic.jsonl``, texts in ``gold/synthetic/``).

Written by us to teach the coder hard cases (docs/annotation-events.md, "Synthetic training data
(session 43, brief SYN)"). These tests hold what a user of it relies on: every line is well formed
and points into its own text, the evaluator refuses to turn it into a figure, the training commands
take it as training data only, and none of its text comes from the corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from diurna.evaluate import events as ev_scorer
from diurna.evaluate.gold import base_text, read_jsonl, synthetic
from diurna.events.ontology import load_ontology
from diurna.events.train import load_units, training_gold

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "gold" / "events-synthetic.jsonl"
TEXTS = REPO / "gold" / "synthetic"
CODE = re.compile(r"^([A-Z]{3}|IGO|NSA)([A-Z]{3})*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
STATUSES = {"asserted", "claimed", "denied", "speculative"}


def _lines() -> list[dict]:
    return list(read_jsonl(GOLD))


def test_every_line_points_into_its_own_text_and_uses_known_types_and_modes() -> None:
    # the training loader's own checks first: each line's source loads, each event's type is
    # known and its trigger text matches its offsets (else GoldError names FILE:LINE); the
    # checks below are the stricter ones a training line must also pass
    load_units([GOLD])
    onto = load_ontology()
    lines = _lines()
    assert len(lines) >= 300
    ends: dict[str, int] = {}
    for n, line in enumerate(lines, 1):
        where = f"{GOLD.name}:{n}"
        assert line["synthetic"] is True, where
        assert line["source"].startswith("synthetic/"), where
        text = base_text(line["source"])
        unit = text[line["start"]:line["end"]]
        # a unit is one sentence: no paragraph break inside, ends on its final punctuation
        assert unit and "\n" not in unit and unit.rstrip('"')[-1] in ".?!", where
        # units follow each other in the file without overlap
        assert line["start"] >= ends.get(line["source"], 0), where
        ends[line["source"]] = line["end"]
        for e in line["events"]:
            assert e["mode"] is None or e["mode"] in onto.types[e["type"]].modes, where
            trig = e["trigger"]  # inside its own unit, not only somewhere in the text
            assert line["start"] <= trig["start"] < trig["end"] <= line["end"], where
            for role in ("actor", "recipient"):
                arg = e[role]
                if arg is not None:
                    assert arg["text"] in unit, where  # the sentence gives its own arguments
                    assert arg["code"] is None or CODE.match(arg["code"]), where
            assert e["status"] in STATUSES, where
            assert isinstance(e["negated"], bool), where
            if e["status"] == "denied":  # a denial says the event did not happen (§5)
                assert e["negated"], where
            assert e["date"] is None or DATE.match(e["date"]), where
    # every file of gold/synthetic/ is annotated, and the gold names no other file
    assert {f"synthetic/{p.name}" for p in TEXTS.glob("*.txt")} == set(ends)


def test_the_set_has_its_documented_shape() -> None:
    """The counts the docs give: at least 40 % hard negatives (no event, or a named trap) and
    every PLOVER type at least 7 times."""
    lines = _lines()
    negatives = sum(1 for ln in lines if not ln["events"] or ln["trap"])
    assert negatives / len(lines) >= 0.40
    types = Counter(e["type"] for ln in lines for e in ln["events"])
    assert set(types) == set(load_ontology().types)
    assert min(types.values()) >= 7


def test_the_loader_knows_synthetic_gold_by_name_or_by_its_lines(tmp_path: Path) -> None:
    assert synthetic(GOLD)
    assert not synthetic(REPO / "gold" / "events-probes.jsonl")
    renamed = tmp_path / "events-extra.jsonl"  # a copy under another name is still known
    shutil.copy(GOLD, renamed)
    assert synthetic(renamed)
    assert synthetic("gold/events-synthetic.jsonl")  # by name, even before the file exists


def test_the_check_reads_a_file_once_and_again_when_it_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``diurna evaluate events`` checks its gold file on the command line and in each
    ``score`` call: one read serves them all, and a file written since is read afresh."""
    from diurna.evaluate import gold as gold_module

    reads: list[str] = []

    def counting(path: str | Path):  # type: ignore[no-untyped-def]
        reads.append(str(path))
        return read_jsonl(path)

    monkeypatch.setattr(gold_module, "read_jsonl", counting)
    news = tmp_path / "events-news.jsonl"
    news.write_text(json.dumps({"source": "probes/a.txt", "events": []}) + "\n", encoding="utf-8")
    assert [synthetic(news) for _ in range(3)] == [False, False, False]
    assert len(reads) == 1
    with news.open("a", encoding="utf-8") as fh:  # a synthetic line merged in later
        fh.write(json.dumps({"source": "synthetic/a.txt", "events": []}) + "\n")
    assert synthetic(news)
    assert len(reads) == 2


def test_the_evaluator_refuses_a_synthetic_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert ev_scorer.main([str(GOLD)]) == 2
    err = capsys.readouterr().err
    assert "synthetic training data" in err and "never gives a test or development figure" in err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(ValueError, match="synthetic training data"):
        ev_scorer.score(GOLD, runner=lambda doc: doc)


def test_a_sanity_run_is_labelled_as_not_a_figure(tmp_path: Path) -> None:
    # two units of one text, scored with a coder that finds nothing: every gold event is missed
    small = tmp_path / "two.jsonl"
    small.write_text("".join(json.dumps(ln) + "\n" for ln in _lines()[:2]), encoding="utf-8")
    result = ev_scorer.score(small, runner=lambda doc: doc, sanity=True)
    assert result["sanity"] is True
    assert result["type"]["fn"] == sum(len(ln["events"]) for ln in _lines()[:2]) > 0
    assert ev_scorer.format_report(result).startswith("SANITY RUN on synthetic training data")


def test_training_takes_it_as_training_data_never_as_dev() -> None:
    parser = argparse.ArgumentParser()
    assert training_gold(parser, [GOLD]) == [GOLD]
    units = load_units([GOLD])  # offsets, types and sources all load
    assert sum(map(len, units.values())) == len(_lines())
    with pytest.raises(SystemExit):
        training_gold(parser, [REPO / "gold" / "events-probes.jsonl"], dev=GOLD)


def _windows(text: str, n: int = 12) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _shared_texts(shared: Path):  # type: ignore[no-untyped-def]
    """Every text a gold line can point into: the corpus files (JSONL records' ``text``) and the
    human-checked article bodies."""
    for path in sorted((shared / "corpus").rglob("*")):
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line).get("text") or ""
        elif path.suffix == ".txt":
            yield path.read_text(encoding="utf-8")
    for truth in sorted((shared / "gold").glob("article-body*/ground-truth.json")):
        for record in json.loads(truth.read_text(encoding="utf-8")).values():
            yield record.get("articleBody") or ""
    for page in sorted((shared / "gold").glob("article-body*/html/*.html.gz")):
        with gzip.open(page, "rt", encoding="utf-8", errors="replace") as fh:
            yield fh.read()


def test_no_synthetic_sentence_comes_from_the_corpus(shared: Path) -> None:
    """The proof of "written by us": no 12-word window of a synthetic text occurs in any corpus
    article, gold source or our own probe texts."""
    ours: set[tuple[str, ...]] = set()
    for path in TEXTS.glob("*.txt"):
        ours |= _windows(path.read_text(encoding="utf-8"))
    assert len(ours) > 4000  # the check is not vacuous: every window of some 5,000 words
    probes = (p.read_text(encoding="utf-8") for p in (REPO / "gold" / "probes").glob("*.txt"))
    shared_hits = [w for text in [*_shared_texts(shared), *probes] for w in _windows(text) & ours]
    assert shared_hits == []


def test_the_sample_reader_prints_synthetic_units_and_refuses_any_other_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    """bench/synthetic_sample.py is the lead's way to read the set by hand: it must never become
    a way to print a blind or frozen set's gold."""
    from tests.scripts import load_file

    bench = load_file("bench/synthetic_sample.py")
    for refused in ("events-wikinews-dev20.jsonl", "events-wikinews-test.jsonl"):
        assert bench.main(["--gold", str(REPO / "gold" / refused), "--n", "3"]) == 2
        err = capsys.readouterr().err.strip()
        assert err.endswith("is not synthetic gold: this reader is for synthetic gold only")
        assert "\n" not in err
    assert bench.main(["--gold", str(GOLD), "--n", "3", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    blocks = out.strip().split("\n\n")
    assert len(blocks) == 3
    texts = {base_text(u["source"])[u["start"]:u["end"]] for u in _lines()}
    assert all(b.splitlines()[1].strip() in texts for b in blocks)  # each shows its sentence
