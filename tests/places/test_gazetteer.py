from __future__ import annotations

from pathlib import Path

import pytest

from diurna.places import build as build_command
from diurna.places.demonyms import demonym_country
from diurna.places.gazetteer import load_gazetteer, name_key


def test_name_key_ignores_case_diacritics_and_punctuation() -> None:
    assert name_key("Deir ez-Zor") == name_key("Deir Ezzor") == "deirezzor"
    assert name_key("Ḩalab") == "halab"
    assert name_key("دير الزور") == ""  # non-Latin names are not indexed


def test_transliterations_find_city_and_governorate() -> None:
    gaz = load_gazetteer()
    for spelling in ("Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr"):
        ids = {e.geonameid for e in gaz.lookup(spelling)}
        assert {170794, 170792} <= ids, spelling  # the city and the governorate (GeoNames)


def test_records_carry_hierarchy_population_and_coordinates() -> None:
    gaz = load_gazetteer()
    city = gaz.get(170794)
    assert city is not None and city.country == "SY" and city.precision == "city"
    assert city.admin1_code == "SY.07" and city.population > 100_000
    assert city.lat is not None and 35 < city.lat < 36 and 40 < (city.lon or 0) < 41
    gov = gaz.admin1("SY.07")
    assert gov is not None and gov.geonameid == 170792 and gov.feature == "A.ADM1"
    syria = gaz.country("SY")
    assert syria is not None and syria.geonameid == 163843 and syria.feature == "A.PCLI"
    tehran = gaz.get(112931)
    assert tehran is not None and tehran.feature == "P.PPLC"


def test_country_aliases_and_state_codes() -> None:
    gaz = load_gazetteer()
    assert 6252001 in {e.geonameid for e in gaz.lookup("U.S.")}
    assert 2635167 in {e.geonameid for e in gaz.lookup("Britain")}
    florida = gaz.admin1_by_iso("US-FL")
    assert florida is not None and florida.geonameid == 4155751


def test_demonyms_are_not_places_but_name_a_country() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("Iranian") == ()
    assert demonym_country("Iranian") == "IR"
    assert demonym_country("Iranian-backed") == "IR"
    assert demonym_country("Syrians") == "SY"
    assert demonym_country("Tehran") is None


def test_build_command_keeps_stdout_free_for_the_readme_pipeline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bash scripts/setup.sh && diurna process … > reading.json` must leave a JSON file: the
    setup's gazetteer build reports on stderr, not on the stdout the reading goes to."""
    def fake_build(target: str | Path) -> Path:  # the real build takes ~1 minute
        path = Path(target)
        path.write_bytes(b"x" * 1000)
        return path

    monkeypatch.setattr(build_command, "build", fake_build)
    assert build_command.main([str(tmp_path / "g.sqlite")]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("gazetteer built: ") and "g.sqlite" in err
