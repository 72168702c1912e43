"""Training refuses bad gold with one line naming the file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.events.train import GoldError, load_units, main

SEED = "corpus/seed-page.txt"


def _write(tmp_path: Path, event: dict, source: str = SEED) -> Path:
    path = tmp_path / "gold.jsonl"
    line = {"source": source, "published": "2018-02-15", "start": 194, "end": 391,
            "events": [event]}
    path.write_text("\n" + json.dumps(line) + "\n", encoding="utf-8")
    return path


def _event(**kw: object) -> dict:
    return {"type": "DEMAND", "trigger": {"start": 298, "end": 307, "text": "called on"}, **kw}


def test_a_good_line_loads(tmp_path: Path, shared: Path) -> None:
    units = load_units([_write(tmp_path, _event())])
    assert list(units) == [(SEED, "2018-02-15")]


def test_offsets_that_do_not_match_the_text_name_file_and_line(tmp_path: Path,
                                                                shared: Path) -> None:
    bad = _event(trigger={"start": 299, "end": 308, "text": "called on"})
    with pytest.raises(GoldError, match=r"gold\.jsonl:2: trigger 'called on' does not match"):
        load_units([_write(tmp_path, bad)])


def test_an_unknown_type_names_file_and_line(tmp_path: Path, shared: Path) -> None:
    with pytest.raises(GoldError, match=r"gold\.jsonl:2: unknown event type 'INVADE'"):
        load_units([_write(tmp_path, _event(type="INVADE"))])


def test_a_missing_source_names_file_and_line(tmp_path: Path, shared: Path) -> None:
    with pytest.raises(GoldError, match=r"gold\.jsonl:2: .*no-such-file"):
        load_units([_write(tmp_path, _event(), source="corpus/no-such-file.txt")])


def test_the_command_prints_one_line_and_exits_2(tmp_path: Path, shared: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main([str(_write(tmp_path, _event(type="INVADE"))), "--out", str(tmp_path / "m")])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "gold.jsonl:2" in err[0]


def test_frozen_test_files_are_never_training_data(tmp_path: Path) -> None:
    test_file = tmp_path / "events-test.jsonl"
    test_file.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit):
        main([str(test_file), "--out", str(tmp_path / "m")])


def test_a_frozen_file_is_never_the_development_set_nor_a_heldout_split(tmp_path: Path,
                                                                         capsys) -> None:  # type: ignore[no-untyped-def]
    """``--dev`` chooses the threshold, so a frozen file there would be tuned on; files named
    "heldout" are frozen too (evaluate.gold.frozen). Refused before any gold is parsed."""
    train = tmp_path / "events-wikinews-train.jsonl"
    train.write_text("", encoding="utf-8")
    for name in ("events-wikinews-test.jsonl", "times-heldout.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as dev_refused:
        main([str(train), "--dev", str(tmp_path / "events-wikinews-test.jsonl"),
              "--out", str(tmp_path / "m")])
    assert dev_refused.value.code == 2
    assert "events-wikinews-test.jsonl" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([str(tmp_path / "times-heldout.jsonl"), "--out", str(tmp_path / "m")])
    assert "times-heldout.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()
