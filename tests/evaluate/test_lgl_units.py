"""``scripts/gold/make_lgl_units.py`` (session 52): LGL's articles cut into units for a blind event
set; the units, and gold made from annotators' lines on them, point into LGL's text by offsets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.scripts import REPO, load_file

from diurna.evaluate.gold import base_text


def test_the_draw_depends_on_the_seed_not_on_the_files_order() -> None:
    script = load_file("scripts/gold/make_lgl_units.py")
    ids = [str(n) for n in range(100)]
    assert script.draw(ids, 5, 52) == script.draw(list(reversed(ids)), 5, 52)
    assert script.draw(ids, 5, 52) != script.draw(ids, 5, 53)
    assert len(set(script.draw(ids, 5, 52))) == 5
    assert sorted(script.draw(ids[:3], 5, 52)) == ids[:3]  # never more than there are


def test_units_and_their_gold_point_into_the_lgl_text(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "lgl"
    script = load_file("scripts/gold/make_lgl_units.py")
    assert script.main(["--out", str(out), "--articles", "2", "--per-part", "1"]) == 0
    units = [json.loads(x) for x in (out / "units.jsonl").read_text().splitlines()]
    assert {u["split"] for u in units} == {"lgl-1", "lgl-2"}
    for u in units:
        assert u["source"].startswith("geo/lgl.xml#")
        assert base_text(u["source"])[u["start"]:u["end"]] == u["text"]
    assert (out / "tasks" / "lgl-1.md").read_text().startswith("## ")
    # an annotator's line on the first unit becomes gold whose trigger is that word of the text
    first = units[0]
    word = first["text"].split()[0]
    ann = tmp_path / "ann.jsonl"
    ann.write_text(json.dumps({"id": first["source"].rpartition("#")[2], "n": first["n"],
                               "events": [{"type": "ASSAULT", "trigger": word}]}) + "\n")
    res = subprocess.run([sys.executable, str(REPO / "scripts/gold/wikinews_gold.py"),
                          "--units", str(out / "units.jsonl"), str(ann)],
                         capture_output=True, text=True, check=False)
    gold = json.loads(res.stdout)
    trigger = gold["events"][0]["trigger"]
    assert base_text(gold["source"])[trigger["start"]:trigger["end"]] == word


@pytest.mark.parametrize("flag", ["--articles", "--per-part"])
def test_a_count_that_is_not_positive_is_a_one_line_error(
        flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_file("scripts/gold/make_lgl_units.py")
    with pytest.raises(SystemExit) as stop:
        script.main(["--out", str(tmp_path / "lgl"), flag, "0"])
    assert stop.value.code == 2
    assert "error: --articles and --per-part take a positive number" in capsys.readouterr().err
    assert not (tmp_path / "lgl").exists()  # nothing written


def test_excluded_sets_articles_are_never_drawn_again(shared: Path, tmp_path: Path) -> None:
    script = load_file("scripts/gold/make_lgl_units.py")
    first, second = tmp_path / "a", tmp_path / "b"
    assert script.main(["--out", str(first), "--articles", "3", "--per-part", "3"]) == 0
    # the same seed again, with the first draw excluded, gives three other articles
    assert script.main(["--out", str(second), "--articles", "3", "--per-part", "3",
                        "--exclude", str(first / "units.jsonl")]) == 0

    def docids(out: Path) -> set[str]:
        return {json.loads(x)["source"] for x in (out / "units.jsonl").read_text().splitlines()}

    assert len(docids(first)) == len(docids(second)) == 3
    assert not docids(first) & docids(second)


def test_a_missing_exclude_file_is_a_one_line_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_file("scripts/gold/make_lgl_units.py")
    with pytest.raises(SystemExit) as stop:
        script.main(["--out", str(tmp_path / "lgl"), "--exclude", str(tmp_path / "nope.jsonl")])
    assert stop.value.code == 2
    assert "--exclude: no such file" in capsys.readouterr().err


def test_an_exclude_file_that_is_not_jsonl_is_a_one_line_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_file("scripts/gold/make_lgl_units.py")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source": "geo/lgl.xml#1"}\nnot json\n', encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        script.main(["--out", str(tmp_path / "lgl"), "--exclude", str(bad)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--exclude takes gold or units JSONL files" in err and f"{bad}:2: not valid JSON" in err
    assert not (tmp_path / "lgl").exists()  # nothing written
