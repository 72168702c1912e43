"""The supplementary GeoNames extract: what a dump row keeps, the source file, and how the
gazetteer finds the new entries without letting them displace the old ones.

The dump rows below are written here in GeoNames' dump format; their ids and names are made up
(99 000 00x, "Quillfeather"), so no real entry can collide with them.
"""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from diurna.places import PlaceResolver
from diurna.places.extra import ExtraRow, insert_extra, parse_dump, read_source, write_source
from diurna.places.gazetteer import Gazetteer, _is_current, ensure_gazetteer, name_key
from diurna.places.lookup import resolve
from tests.places.scripts import load_script


def _row(gid: int, name: str, fclass: str, fcode: str, admin1: str = "NJ", admin2: str = "019",
         pop: int = 0, alts: str = "", lat: str = "40.5", lon: str = "-74.8") -> str:
    return "\t".join((str(gid), name, name, alts, lat, lon, fclass, fcode, "US", "", admin1,
                      admin2, "", "", str(pop), "", "50", "America/New_York", "2020-01-01"))


DUMP = [
    _row(99000001, "Quillfeather Township", "A", "ADMD", alts="Quillfeather Twp,キル,QFT"),
    _row(99000002, "Quillfeather River", "H", "STM"),
    _row(99000008, "Quillfeather Run", "H", "STM"),  # a creek or run: one of too many
    _row(99000003, "Quillfeather State Park", "L", "PRK"),
    _row(99000004, "Paris", "P", "PPL", admin1="KY", admin2="017", pop=40),
    _row(99000005, "Quillfeather Inn", "S", "HTL"),  # a hotel: not a kind news names
    _row(99000006, "Knob", "T", "PK"),  # a one-word peak: too noisy to keep
    _row(99000007, "Quillfeather Heights", "P", "PPLX"),  # already known (skipped below)
]


def test_dump_keeps_the_kinds_news_names_and_skips_known_ids() -> None:
    rows = {r.geonameid: r for r in parse_dump(DUMP, skip=[99000007])}
    assert set(rows) == {99000001, 99000002, 99000003, 99000004}
    town = rows[99000001]
    assert town.feature == "A.ADMD" and town.admin1 == "NJ" and town.admin2 == "019"
    # alternate names: Latin script only, no codes, not the main name again
    assert town.alternates == ("Quillfeather Twp",)
    assert rows[99000004].population == 40


def test_source_file_round_trips_and_is_byte_stable(tmp_path: Path) -> None:
    rows = list(parse_dump(DUMP))
    a, b = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    assert write_source(rows, a) == write_source(reversed(rows), b) == len(rows)
    assert a.read_bytes() == b.read_bytes()  # sorted, no timestamp: diffs stay small in git
    assert read_source(a) == sorted(rows, key=lambda r: r.geonameid)


def test_bad_source_file_names_itself(tmp_path: Path) -> None:
    import gzip

    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as fh:
        fh.write("1\tonly three\tfields\n")
    with pytest.raises(ValueError, match="bad.tsv.gz: line 1"):
        read_source(bad)


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A copy of the built gazetteer with the dump rows above added as supplementary."""
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    shutil.copy(ensure_gazetteer(), path)
    con = sqlite3.connect(path)
    rows: list[ExtraRow] = list(parse_dump(DUMP))
    assert insert_extra(con, rows, name_key) == len(rows)
    assert insert_extra(con, rows, name_key) == 0  # ids already present are left alone
    con.commit()
    con.close()
    return Gazetteer(path)


def test_new_kinds_are_found_with_their_division_and_kind(extended: Gazetteer) -> None:
    (twp,) = extended.lookup("Quillfeather Township")
    assert twp.geonameid == 99000001 and twp.supplementary and twp.feature == "A.ADMD"
    assert twp.admin1 == "New Jersey" and twp.admin1_code == "US.NJ" and twp.country == "US"
    assert twp.admin2_code == "US.NJ.019" and twp.precision == "city"
    assert [e.geonameid for e in extended.lookup("Quillfeather Twp")] == [99000001]
    (river,) = extended.lookup("Quillfeather River")
    assert river.precision == "point" and river.lat == 40.5 and river.feature == "H.STM"


def test_a_tiny_town_never_competes_with_a_known_name(extended: Gazetteer) -> None:
    found = extended.lookup("Paris")
    assert 2988507 in {e.geonameid for e in found}  # Paris, France, as before
    assert not any(e.supplementary for e in found)  # the hamlet of 40 is not even a reading
    # ...but a resolver with other evidence ("Paris, Ky.") can still ask for every reading
    assert 99000004 in {e.geonameid for e in extended.lookup_all("Paris")}


def test_resolver_reads_a_new_township_in_its_state(extended: Gazetteer) -> None:
    res = PlaceResolver(gazetteer=extended)
    best = resolve("Quillfeather Township", "Quillfeather Township, N.J., voted.", resolver=res)
    assert best and best[0].geonameid == 99000001 and best[0].chosen


def test_an_extract_added_after_the_build_makes_the_gazetteer_stale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = ensure_gazetteer()
    assert _is_current(built)
    source = tmp_path / "extra.tsv.gz"
    write_source(parse_dump(DUMP), source)
    monkeypatch.setenv("DIURNA_GAZETTEER_EXTRA", str(source))
    assert not _is_current(built)  # the next use rebuilds it with the new rows


def test_script_reads_a_geonames_zip_and_writes_the_source(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    dump = tmp_path / "US.zip"
    with zipfile.ZipFile(dump, "w") as z:  # as GeoNames serves it: the dump beside a readme
        z.writestr("readme.txt", "GeoNames extract\n")
        z.writestr("US.txt", "\n".join(DUMP) + "\n")
    out = tmp_path / "extra.tsv.gz"
    assert load_script("build_geonames_extra").main([str(dump), "--out", str(out)]) == 0
    assert {r.geonameid for r in read_source(out)} == {99000001, 99000002, 99000003, 99000004,
                                                     99000007}
    assert "5 rows" in capsys.readouterr().out


def test_script_names_a_missing_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_script("build_geonames_extra").main([str(tmp_path / "US.zip")]) == 2
    err = capsys.readouterr().err.strip()
    assert "US.zip not found" in err and len(err.splitlines()) == 1
