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
    assert time_scorer.main([str(tml), "--holdout", "0"]) == 0
    assert "date_value_accuracy" in capsys.readouterr().out


def test_a_folder_without_timeml_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        time_scorer.main([str(tmp_path)])
