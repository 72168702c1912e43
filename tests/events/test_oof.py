"""Out-of-fold folds of a training gold (round 17): whole articles per fold, every line in
exactly one held-out fold, the same deal for the same seed, and the combine command refusing an
out-of-fold folder without folds or without their models; and (round 17b) moving the stacked
cut to code the share of words the fold models code, measured on unlabelled articles."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from diurna.evaluate.gold import read_jsonl, repo_dir
from diurna.events.combine import coded_share, match_rate, reference_sources
from diurna.events.combine import main as combine_main
from diurna.events.learned import MODEL_DIR, Combiner
from diurna.events.oof import deal_folds, main, split_lines, write_folds


def _line(source: str, start: int) -> str:
    return json.dumps({"source": source, "start": start, "end": start + 5, "events": []})


# three articles of two, three and one units, interleaved as a gold file may be
LINES = [_line("corpus/a#1", 0), _line("corpus/b#2", 0), _line("corpus/a#1", 6),
         _line("corpus/c#3", 0), _line("corpus/b#2", 6), _line("corpus/b#2", 12)]


def _sources(lines: list[str]) -> set[str]:
    return {json.loads(ln)["source"] for ln in lines}


def test_an_article_is_never_split_between_folds() -> None:
    folds = split_lines(LINES, 2, seed=0)
    assert sorted(len(_sources(f)) for f in folds) == [1, 2]  # three articles dealt to two
    assert not _sources(folds[0]) & _sources(folds[1])
    assert sorted(ln for f in folds for ln in f) == sorted(LINES)
    for fold in folds:  # an article's units stay together and in file order
        for src in _sources(fold):
            starts = [json.loads(ln)["start"] for ln in fold if json.loads(ln)["source"] == src]
            assert starts == sorted(starts)
            assert len(starts) == sum(json.loads(ln)["source"] == src for ln in LINES)


def test_the_deal_depends_on_the_seed_only_not_on_the_file_order() -> None:
    sources = [f"corpus/x#{i}" for i in range(20)]
    assert deal_folds(sources, 2, 0) == deal_folds(list(reversed(sources)), 2, 0)
    assert deal_folds(sources, 2, 0) != deal_folds(sources, 2, 1)
    assert sorted(deal_folds(sources, 2, 0).values()).count(0) == 10  # round-robin: balanced


def test_each_fold_trains_on_the_others_and_holds_out_its_own(tmp_path: Path) -> None:
    gold = tmp_path / "train.jsonl"
    gold.write_text("// a comment line\n" + "\n".join(LINES) + "\n\n", encoding="utf-8")
    dirs = write_folds(gold, tmp_path / "oof", 3, seed=0)
    assert [d.name for d in dirs] == ["fold-0", "fold-1", "fold-2"]
    held = [(d / "held.jsonl").read_text(encoding="utf-8").splitlines() for d in dirs]
    assert sorted(len(_sources(h)) for h in held) == [1, 1, 1]
    for i, d in enumerate(dirs):
        rest = (d / "rest.jsonl").read_text(encoding="utf-8").splitlines()
        assert sorted(rest) == sorted(ln for j, h in enumerate(held) if j != i for ln in h)


def test_the_fold_command_refuses_a_frozen_test_file(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path / "events-wikinews-test.jsonl")])


def test_combine_refuses_an_oof_folder_without_folds_or_models(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "dev.jsonl"
    gold.write_text(LINES[0] + "\n", encoding="utf-8")
    args = [str(gold), "--model-dir", str(MODEL_DIR), "--oof-dir", str(tmp_path / "oof")]
    assert combine_main(args) == 2
    assert "no folds" in capsys.readouterr().err
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    write_folds(train, tmp_path / "oof", 2, seed=0)
    assert combine_main(args) == 2  # the folds have no models yet
    assert "fold-0/model/tagger.onnx: no such file" in capsys.readouterr().err


def test_combine_refuses_a_negative_match_rate(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        combine_main(["--match-rate", "-3"])
    assert stop.value.code == 2
    assert "--match-rate -3: give a number of articles" in capsys.readouterr().err


def test_matching_the_share_moves_the_cut_to_code_that_share_of_words() -> None:
    # a hundred words with log-odds 0, 1, ..., 99 under a bias of 0: the cut that codes a tenth
    # of them lies between 89 and 90, so words 90..99 are coded and no others
    comb = Combiner(kind="stacked", coef=(0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0))
    logits = np.arange(100, dtype=np.float64)
    matched = match_rate(comb, 0.1, logits)
    coded = logits + matched.coef[0] - comb.coef[0] > 0.0
    assert coded.sum() == 10 and coded[90:].all()
    assert matched.coef[1:] == comb.coef[1:]  # only the bias moves
    # nothing to match against, or a share that codes all or nothing: the cut is kept
    assert match_rate(comb, 0.1, np.zeros(0)) == comb
    assert match_rate(comb, 0.0, logits) == comb


def test_the_share_coded_counts_words_above_the_cut_over_all_articles() -> None:
    # the bias -1 and the first input's weight 1: words whose first input exceeds 1 are coded,
    # here one word of article a and both of b, so three of five
    comb = Combiner(kind="stacked", coef=(-1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0))
    row = [0.0] * 6
    x_a = np.array([[3.0, *row[1:]], [0.5, *row[1:]], [1.0, *row[1:]]])
    x_b = np.array([[2.0, *row[1:]], [9.0, *row[1:]]])
    train = {"a": (x_a, np.zeros(3)), "b": (x_b, np.zeros(2))}
    assert coded_share(comb, train) == pytest.approx(3 / 5)


def test_reference_articles_are_unlabelled_seeded_and_never_named_by_a_gold_file() -> None:
    named = {line["source"] for gold in (repo_dir() / "gold").glob("*.jsonl")
             for line in read_jsonl(gold) if isinstance(line.get("source"), str)}
    picked = reference_sources(40)
    assert len(picked) == len({s for s, _ in picked}) == 40
    assert not {s for s, _ in picked} & named  # never a training, dev or frozen test article
    assert all(s.startswith("corpus/wikinews-politics-2004-2009/") for s, _ in picked)
    assert reference_sources(40) == picked and reference_sources(40, seed=1) != picked
