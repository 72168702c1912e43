"""Training the learned check (``python -m diurna.statements.train``) is reproducible: the same
candidates give the same weight files, byte for byte, in another process with another hash seed.
The shipped weights must be what the script makes, so a re-run that differs is a bug. Small
made-up candidates keep this fast; the real ones are checked by ``train --verify``."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from diurna.evaluate.quotes import Attribution, Spn
from diurna.statements.learned import CHECK_FILES, Check
from diurna.statements.train import (
    DEV,
    TIE,
    TRAIN,
    Article,
    cache_for,
    fingerprint,
    fit,
    train_check,
    verify,
)

# The training stops at 60 epochs at most (or earlier, on held-back rows: early stopping);
# on these few made-up candidates it stops before sklearn calls it converged, which is expected.
pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

CUES = ("say", "claim", "warn", "defend", "have", "question", "hail", "deny", "build", "visit")


def _article(rng: random.Random, n: int) -> Article:
    """``n`` candidates; a speech cue with a clause is mostly a real attribution, other verbs
    mostly not, so the network has something to learn."""
    cands, sparse, labels, rules = [], [], [], []
    for i in range(n):
        cue = rng.choice(CUES)
        rule = cue in CUES[:4]
        clause = rng.random() < 0.6
        real = (cue in CUES[:3] and clause) != (rng.random() < 0.1)
        words = frozenset(range(100 * i, 100 * i + rng.randint(3, 12)))
        cands.append(Attribution(kind="indirect", content=[Spn(min(words), max(words) + 1)],
                                 cue=Spn(100 * i + 50, 100 * i + 55), tokens=words))
        sparse.append(["bias", f"lemma={cue}", f"origin={'rule' if rule else 'open'}",
                       f"cthat={clause}", f"len={len(words) // 4}"])
        labels.append(int(real))
        rules.append(rule)
    gold = [c for c, y in zip(cands, labels, strict=True) if y]
    dense = np.array([[rng.gauss(y, 1.0) for _ in range(4)] for y in labels], np.float32)
    return Article(gold=gold, direct=[], cands=cands, sparse=sparse, dense=dense, rule=rules,
                   labels=labels)


def _articles() -> list[Article]:
    rng = random.Random(3)
    return [_article(rng, 40) for _ in range(20)]


def _train_to(folder: Path) -> str:
    """Train on the made-up articles, save to ``folder``; the files' joint SHA-256."""
    check, _, _ = train_check(_articles())
    check.save(folder)
    return hashlib.sha256(b"".join((folder / f).read_bytes() for f in CHECK_FILES)).hexdigest()


def _in_another_process(folder: Path, hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed,
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2] / "src"),
                                          os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, __file__, str(folder)], capture_output=True,
                         text=True, env=env, timeout=300, check=True)
    return run.stdout.strip()


def test_two_trainings_in_processes_with_other_hash_seeds_write_the_same_bytes(
        tmp_path: Path) -> None:
    here = _train_to(tmp_path / "here")
    assert _in_another_process(tmp_path / "there", "1") == here
    assert _in_another_process(tmp_path / "again", "2") == here


def test_the_training_learns_and_records_where_it_came_from(tmp_path: Path) -> None:
    articles = _articles()
    check, figures, _ = train_check(articles)
    assert check.meta["rows_sha256"] == fingerprint(articles)
    assert check.meta["candidates"] == 20 * 40
    assert figures[(check.drop_below, check.add_from)] >= max(figures.values()) - TIE
    # a speech cue with a clause scores above a building verb with none
    dense = np.array([[1.0] * 4, [0.0] * 4], np.float32)  # as a real / a false one's
    p = check.probabilities([["bias", "lemma=say", "origin=rule", "cthat=True", "len=2"],
                             ["bias", "lemma=build", "origin=open", "cthat=False", "len=2"]],
                            dense)
    assert p[0] > 0.5 > p[1]


def test_verify_accepts_its_own_weights_and_says_why_others_differ(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = _articles()
    check, _, _ = train_check(articles)
    check.save(tmp_path)
    assert verify(check, tmp_path) == 0
    other, _, _ = train_check(articles[1:])  # the rules now propose other candidates
    assert verify(other, tmp_path) == 1
    assert "retrain" in capsys.readouterr().out.splitlines()[-1]
    assert Check.load(tmp_path).meta["rows_sha256"] != other.meta["rows_sha256"]


def test_also_adds_training_articles_and_reports_the_first_file_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """``--also GOLD`` (part 13): the other file's articles join the training, the weights say
    so, and the first file's out-of-fold figure is printed for a like-for-like comparison."""
    from diurna.statements import train as trainer

    articles = _articles()
    monkeypatch.setattr(trainer, "cached", lambda path, limit, cache: list(
        articles[:14] if path == trainer.TRAIN else articles[14:]))
    monkeypatch.setattr(trainer, "DEV", trainer.TRAIN)  # the dev figure: any split will do
    monkeypatch.chdir(tmp_path)  # the --also file must exist; its articles come from `cached`
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "more.jsonl").write_text("", encoding="utf-8")
    assert trainer.main(["--also", "gold/more.jsonl", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "train, out-of-fold: 20 articles" in out
    assert f"{trainer.TRAIN} alone, out-of-fold" in out
    meta = Check.load(tmp_path / "out").meta
    assert meta["candidates"] == 20 * 40 and meta["train"].endswith("+ gold/more.jsonl")


def _logits(p: np.ndarray) -> np.ndarray:
    return np.log(p) - np.log1p(-p)


def test_the_check_is_the_average_of_its_members_logits() -> None:
    """Part 16: the shipped check averages several seeded networks in one. Its logit of a
    candidate must be the mean of the logits the members give alone (each member is the
    network a single-member fit with that seed makes), and a seed's member must not depend on
    how many others are fitted with it."""
    articles = _articles()
    rows = [["bias", "lemma=say", "origin=rule", "cthat=True", "len=2"],
            ["bias", "lemma=hail", "origin=open", "cthat=False", "len=1"],
            ["bias", "lemma=build", "origin=open", "cthat=True", "len=3"]]
    dense = np.array([[0.8] * 4, [0.3] * 4, [-0.5] * 4], np.float32)
    both = fit(articles, seed=5, members=2)
    alone = [fit(articles, seed=s, members=1) for s in (5, 1005)]
    assert both.w2.shape == (2 * alone[0].w2.shape[0],)
    mean = (_logits(alone[0].probabilities(rows, dense)) +
            _logits(alone[1].probabilities(rows, dense))) / 2
    assert np.allclose(_logits(both.probabilities(rows, dense)), mean, atol=1e-4)
    assert not np.allclose(_logits(alone[0].probabilities(rows, dense)), mean, atol=1e-3)


def test_verify_from_kept_rows_says_they_were_not_parsed_now(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A ``--verify`` that reads rows an earlier run kept in ``--cache`` says so before its
    verdict (session 29's passed on rows older than the last rule change); one whose cache file
    does not exist yet parses now and says nothing of it."""
    from diurna.statements import train as trainer

    articles = _articles()
    check, _, _ = train_check(articles)
    check.save(tmp_path / "shipped")
    monkeypatch.setattr(trainer, "cached", lambda path, limit, cache: list(articles))
    argv = ["--verify", "--cache", str(tmp_path / "rows"), "--out", str(tmp_path / "shipped")]
    assert trainer.main(argv) == 0  # no cache file yet: no note
    out = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("note:") for line in out)
    assert out[-1].endswith("identical to what the script makes")
    (tmp_path / "rows.train").write_bytes(b"")  # an earlier run's kept rows
    assert trainer.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith("note: rows read from") and str(tmp_path / "rows.train") in out[-2]
    assert "without --cache" in out[-2]
    assert out[-1].endswith("identical to what the script makes")


if __name__ == "__main__":  # the other process of the first test
    print(_train_to(Path(sys.argv[1])))


def test_one_cache_name_per_gold_file() -> None:
    # the trainer and bench/quote_bound_trials.py read each other's caches: FILE.train,
    # FILE.dev, FILE.<stem> for a file added with --also
    cache = Path("/tmp/check.pkl")
    assert cache_for(cache, TRAIN) == Path("/tmp/check.train")
    assert cache_for(cache, DEV) == Path("/tmp/check.dev")
    assert cache_for(cache, "gold/quotes-wikinews-train2.jsonl") == Path(
        "/tmp/check.quotes-wikinews-train2")
    assert cache_for(None, TRAIN) is None


def test_also_with_a_missing_file_is_a_one_line_error_before_any_parsing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from diurna.statements.train import main

    assert main(["--also", str(tmp_path / "nosuch.jsonl"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nosuch.jsonl" in err and "--also" in err
    assert not any(tmp_path.iterdir())  # nothing written


def test_a_gold_file_that_is_no_quote_gold_is_a_one_line_error_before_any_parsing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from diurna.statements.train import main

    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"source": "a", "attributions": []}\n{"source": \n', encoding="utf-8")
    events = tmp_path / "events.jsonl"  # valid JSONL, but an events gold's lines
    events.write_text('{"source": "a", "events": []}\n', encoding="utf-8")
    for path, why in ((broken, "line 2: not valid JSON"), (events, "not a quote gold file")):
        assert main(["--also", str(path), "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and str(path) in err and why in err
    assert not (tmp_path / "out").exists()  # nothing written


@pytest.mark.parametrize("weight", ["0", "-1", "two", "nan"])
def test_a_weight_not_above_zero_is_refused(weight: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from diurna.statements.train import main

    with pytest.raises(SystemExit) as stop:
        main(["--also-weight", weight])
    assert stop.value.code == 2
    assert "--also-weight" in capsys.readouterr().err


def test_weight_one_fits_as_before_and_a_heavier_article_moves_the_check() -> None:
    """``--also-weight 1`` is the unweighted fit, byte for byte (the shipped file's --verify
    holds); a weight above 1 on articles whose labels run against the rest pulls the check
    towards them."""
    articles = _articles()
    plain = fit(articles)
    same = fit(articles, weights=[1.0] * len(articles))
    assert np.array_equal(plain.w_sparse, same.w_sparse) and plain.b2 == same.b2
    # the last five articles say every "build" candidate is an attribution
    flipped = [Article(gold=a.gold, direct=a.direct, cands=a.cands, sparse=a.sparse,
                       dense=a.dense, rule=a.rule,
                       labels=[1 if "lemma=build" in fs else y
                               for fs, y in zip(a.sparse, a.labels, strict=True)])
               for a in articles[15:]]
    mixed = articles[:15] + flipped
    build = [["bias", "lemma=build", "origin=open", "cthat=False", "len=2"]]
    dense = np.zeros((1, 4), np.float32)
    light = fit(mixed).probabilities(build, dense)[0]
    heavy = fit(mixed, weights=[1.0] * 15 + [5.0] * 5).probabilities(build, dense)[0]
    assert heavy > light + 0.1


def _gold(path: Path, *sources: str) -> str:
    """A quote gold file of these articles (no attributions); its path as given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f'{{"source": "{s}", "attributions": []}}\n' for s in sources),
                    encoding="utf-8")
    return str(path)


def test_several_also_files_all_join_the_training_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """``--also A --also B`` (part 43): both files' articles join the first file's, the weights'
    meta names the three files in the order given, and with the dev file among them no dev
    figure is printed (it would be read on articles the check was fitted on)."""
    from diurna.statements import train as trainer

    articles = _articles()
    parts = {trainer.TRAIN: articles[:10], "gold/more.jsonl": articles[10:15],
             trainer.DEV: articles[15:]}
    asked: list[str] = []

    def cached(path: str, limit: int | None, cache: Path | None) -> list[Article]:
        asked.append(path)
        return list(parts[path])

    monkeypatch.setattr(trainer, "cached", cached)
    monkeypatch.chdir(tmp_path)
    _gold(tmp_path / trainer.TRAIN, "t1", "t2")
    _gold(tmp_path / "gold" / "more.jsonl", "m1")
    _gold(tmp_path / trainer.DEV, "d1")
    assert trainer.main(["--also", "gold/more.jsonl", "--also", trainer.DEV,
                         "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "train, out-of-fold: 20 articles" in out  # 10 + 5 + 5
    assert "no held-out dev figure" in out and "dev, fitted on train" not in out
    assert asked == [trainer.TRAIN, "gold/more.jsonl", trainer.DEV]  # each read once
    meta = Check.load(tmp_path / "out").meta
    assert meta["train"] == f"{trainer.TRAIN} + gold/more.jsonl + {trainer.DEV}"
    assert meta["candidates"] == 20 * 40


@pytest.mark.parametrize(("files", "names"), [
    # the same article in two --also files
    (["gold/a.jsonl", "gold/b.jsonl"], ["article s2", "gold/a.jsonl", "gold/b.jsonl"]),
    # an --also article that is also in the training file itself
    (["gold/c.jsonl"], ["article t1", "gold/quotes-wikinews-train.jsonl", "gold/c.jsonl"]),
    # one file given twice
    (["gold/a.jsonl", "gold/a.jsonl"], ["gold/a.jsonl is given twice"]),
])
def test_an_article_in_two_files_is_a_one_line_error_before_any_parsing(
        files: list[str], names: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from diurna.statements import train as trainer

    def cached(path: str, limit: int | None, cache: Path | None) -> list[Article]:
        raise AssertionError("parsed before the files were checked")

    monkeypatch.setattr(trainer, "cached", cached)
    monkeypatch.chdir(tmp_path)
    _gold(tmp_path / trainer.TRAIN, "t1", "t2")
    _gold(tmp_path / "gold" / "a.jsonl", "s1", "s2")
    _gold(tmp_path / "gold" / "b.jsonl", "s3", "s2")
    _gold(tmp_path / "gold" / "c.jsonl", "s4", "t1")
    argv = [arg for f in files for arg in ("--also", f)]
    assert trainer.main([*argv, "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error: --also")
    assert all(name in err for name in names)
    assert not (tmp_path / "out").exists()  # nothing written


def test_the_rows_are_parsed_on_one_blas_thread_whatever_the_callers(
        shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The model's contextual rows differ in their last bits with OpenBLAS's thread count: the
    # train rows, their fingerprint and so the shipped check's --verify depended on the
    # machine's cores (docs/quotes.md, part 45). Parsed as the pipeline parses (one thread),
    # they do not.
    from threadpoolctl import threadpool_limits

    from diurna.statements.train import collect

    monkeypatch.chdir(Path(__file__).resolve().parents[2])  # the gold path is the repo's
    with threadpool_limits(limits=2, user_api="blas"):
        two = collect(TRAIN, 1)
    with threadpool_limits(limits=1, user_api="blas"):
        one = collect(TRAIN, 1)
    assert len(one[0].rule) > 10  # a real article's candidates, dense rows and all
    assert fingerprint(two) == fingerprint(one)
