"""`diurna evaluate times` on TimeML: a hand-made .tml file with known answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.evaluate import times as time_scorer

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" \
functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> outside two embassies \
<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, and the talks had lasted \
<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>. The ministers meet \
<TIMEX3 tid="t3" type="DATE" value="1998-W34">the week of Aug. 17</TIMEX3> &amp; \
<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3> wait.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml(tmp_path: Path) -> Path:
    path = tmp_path / "TEST1.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_timeml_keeps_offsets_into_the_tag_free_text(tml: Path) -> None:
    doc = time_scorer.read_timeml(tml)
    assert doc.published == "1998-08-07"
    assert [t["text"] for t in doc.timexes] == ["Friday", "three days", "the week of Aug. 17",
                                                "now"]
    for t in doc.timexes:
        assert doc.text[t["start"]:t["end"]] == t["text"]
    assert "&amp;" not in doc.text and "<EVENT" not in doc.text


def test_same_value_writes_timeml_values_alike() -> None:
    assert time_scorer.same_value("1998-W7", "1998-W07")
    assert time_scorer.same_value("199X", "199")
    assert time_scorer.same_value("1994-XX-XX", "1994")
    assert not time_scorer.same_value("1998-08", "1998")


def test_same_value_reads_one_length_written_in_other_units() -> None:
    # TimeBank writes "about a decade" P1E and "2 1/2 years" P2Y6M; AQUAINT "past decade" P10Y
    # and "3 1/2 years" P42M: one length each, so either spelling is the same value
    assert time_scorer.same_value("P1E", "P10Y")
    assert time_scorer.same_value("P2Y6M", "P30M")
    assert time_scorer.same_value("P1Q", "P3M")
    assert time_scorer.same_value("P2L", "P2000Y")
    assert time_scorer.same_value("PT1M30S", "PT90S")
    assert time_scorer.same_value("PT1H", "PT60M")
    assert not time_scorer.same_value("P1D", "PT24H")  # a calendar day is not always 24 hours
    assert time_scorer.same_value("PXC", "PXCE") and time_scorer.same_value("PXE", "PXDE")
    # another length, or a unit count not given, stays another value
    assert not time_scorer.same_value("P1Y", "P1M")
    assert not time_scorer.same_value("PXY", "PXM")
    assert not time_scorer.same_value("P2Y", "PXY")
    assert time_scorer.same_value("PAST_REF", "PAST_REF")


def test_scorer_on_a_hand_made_timeml_file(tml: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    docs = [time_scorer.read_timeml(tml)]
    result = time_scorer.score_timeml(docs, time_scorer.run_timeml(docs), time_scorer.BASELINES)
    # Friday (the DCT) and "now" right, "the week of Aug. 17" not read as a week: 2 of 3 DATEs
    assert result["date_gold"] == 3 and result["duration_gold"] == 1
    assert result["date_value_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["duration_value_accuracy"] == 1.0
    assert result["date_value_accuracy_baseline_dct"] == pytest.approx(1 / 3, abs=1e-3)
    assert result["span_recall"] == 1.0
    # every type: 3 of 4 values right; the four found have the gold's type (3 DATE, 1 DURATION)
    assert result["all_value_accuracy"] == pytest.approx(3 / 4)
    assert result["type_accuracy"] == 1.0
    assert time_scorer.main([str(tml), "--holdout", "0"]) == 0
    assert "date_value_accuracy" in capsys.readouterr().out


def test_a_folder_without_timeml_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        time_scorer.main([str(tmp_path)])


def test_mac_resource_forks_beside_the_files_are_skipped(tml: Path) -> None:
    # the TempEval-3 TBAQ-cleaned archive has a binary "._NAME.tml" beside every NAME.tml;
    # read as TimeML it is not XML, so a folder holding them could not be scored at all
    (tml.parent / "._TEST1.tml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    assert time_scorer.timeml_files(tml.parent) == [tml]
    docs = [time_scorer.read_timeml(f) for f in time_scorer.timeml_files(tml.parent)]
    assert [d.name for d in docs] == ["TEST1"]


def test_held_out_errors_are_never_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    # four documents, the 4th held out: -v lists the errors of the first three only, and
    # --dev-only prints no held-out figures at all
    for i in range(1, 5):
        (tmp_path / f"D{i}.tml").write_text(TML.replace("TEST1", f"D{i}"), encoding="utf-8")
    assert time_scorer.main([str(tmp_path), "-v", "--dev-only"]) == 0
    out = capsys.readouterr().out
    assert "[development]" in out and "[held-out]" not in out and "[all]" not in out
    listed = {line.split('"doc": "')[1].split('"')[0] for line in out.splitlines()
              if line.startswith("{")}
    assert listed and "D4" not in listed
    assert time_scorer.main([str(tmp_path), "-v"]) == 0
    out = capsys.readouterr().out
    assert "[held-out]" in out and '"doc": "D4"' not in out


def test_offset_gold_reads_its_text_from_the_shared_corpus(tmp_path: Path) -> None:
    from diurna.evaluate.gold import shared_dir

    if not (shared_dir() / "corpus" / "seed-page.txt").exists():
        pytest.skip("shared corpus not available")
    text = (shared_dir() / "corpus" / "seed-page.txt").read_text(encoding="utf-8")
    start = text.index("February 14")
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"source": "corpus/seed-page.txt", "published": "2018-02-15", '
                    f'"start": {start - 3}, "end": {start + 40}, "timexes": [{{"start": '
                    f'{start}, "end": {start + 11}, "type": "DATE", "value": "2018-02-14"}}]}}\n',
                    encoding="utf-8")
    assert time_scorer.is_timeml_jsonl(gold)
    (doc,) = time_scorer.read_timeml_jsonl(gold)
    assert doc.text[doc.timexes[0]["start"]:doc.timexes[0]["end"]] == "February 14"
    result = time_scorer.score_timeml([doc], time_scorer.run_timeml([doc]))
    assert result["date_value_accuracy"] == 1.0
