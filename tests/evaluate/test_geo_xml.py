"""``diurna evaluate places FILE.xml``: LGL and GeoVirus gold read as distributed."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.evaluate.places import haversine_km, main, read_geo_xml, score_geo_xml

TEXT = "Flooding closed roads in Paris, Tenn., and in Henry County and downtown on Monday."


def _lgl_toponym(phrase: str, gid: int | None, lat: float, lon: float) -> str:
    start = TEXT.index(phrase)
    tag = (f'<gaztag geonameid="{gid}"><name>{phrase}</name><lat>{lat}</lat><lon>{lon}</lon>'
           "</gaztag>" if gid else "")
    return (f"<toponym><start>{start}</start><end>{start + len(phrase)}</end>"
            f"<phrase>{phrase}</phrase>{tag}</toponym>")


@pytest.fixture()
def lgl(tmp_path: Path) -> Path:
    tops = "".join([
        _lgl_toponym("Paris", 4647963, 36.302, -88.32671),  # Paris, Tennessee
        _lgl_toponym("Tenn.", 4662168, 35.75035, -86.25027),  # Tennessee
        _lgl_toponym("Henry County", 4628015, 36.32, -88.30),  # another id, 6 km off
        _lgl_toponym("downtown", None, 0, 0),  # not located by the gold
    ])
    path = tmp_path / "lgl.xml"
    path.write_text(f'<articles><article docid="1"><dltime>2009-03-20 12:00</dltime>'
                    f"<text><![CDATA[{TEXT}]]></text><toponyms>{tops}</toponyms>"
                    "</article></articles>", encoding="utf-8")
    return path


def test_lgl_reader_keeps_offsets_ids_and_points(lgl: Path) -> None:
    (art,) = read_geo_xml(lgl)
    assert art.published == "2009-03-20"
    assert [t.phrase for t in art.toponyms] == [
        "Paris", "Tenn.", "Henry County", "downtown"]
    assert all(art.text[t.start:t.end] == t.phrase for t in art.toponyms)
    assert art.toponyms[0].geonameid == 4647963 and art.toponyms[3].geonameid is None


def test_geovirus_offsets_are_realigned_to_the_names(tmp_path: Path) -> None:
    start = TEXT.index("Henry County")
    path = tmp_path / "gv.xml"
    path.write_text(f"<articles><article><source>s</source><text>{TEXT}</text><locations>"
                    f"<location><name>Henry County</name><start>{start + 1}</start>"
                    f"<end>{start + 13}</end><lat>36.3</lat><lon>-88.3</lon></location>"
                    "</locations></article></articles>", encoding="utf-8")
    (art,) = read_geo_xml(path)
    (top,) = art.toponyms
    assert (top.start, top.end, top.phrase) == (start, start + 12, "Henry County")
    assert top.geonameid is None and top.lat == 36.3


def test_scores_count_what_was_found_and_resolved(lgl: Path) -> None:
    res = score_geo_xml(lgl)
    # Diurna finds Paris, Tenn. and Henry County, not "downtown" (no name)
    assert res["gold"] == 4 and res["detection_recall"] == 0.75
    # three found toponyms carry gold points; Paris and Tennessee by id, Henry County by distance
    assert res["found_resolvable"] == 3 and res["found_acc_161km"] == 1.0
    assert res["found_exact_id"] == round(2 / 3, 4)
    assert res["given_resolvable"] == 3 and res["given_acc_161km"] == 1.0


def test_cli_reads_xml(lgl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(lgl), "--no-given"]) == 0
    out = capsys.readouterr().out
    assert "detection_recall" in out and "given_" not in out


def test_haversine_is_in_kilometres() -> None:
    assert 340 < haversine_km(48.8566, 2.3522, 51.5074, -0.1278) < 350  # Paris-London ~344 km
