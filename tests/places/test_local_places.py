"""Issue 13 (places): counties, small towns, news abbreviations, context, resolve()."""

from __future__ import annotations

from click.testing import CliRunner

from diurna.cli import cli
from diurna.model import Document
from diurna.pipeline import Pipeline
from diurna.places import resolve
from diurna.places.gazetteer import load_gazetteer

KENTUCKY = 6254925  # GeoNames ids, checked on geonames.org
TENNESSEE = 4662168
WEST_VIRGINIA = 4826850
PARIS_FR, PARIS_TN = 2988507, 4647963
GEORGIA_COUNTRY, GEORGIA_STATE = 614540, 4197000
BOONE_COUNTY_KY = 4048522
EDMONTON_KY, EDMONTON_AB = 4290886, 5946768

LOCAL_STORY = (
    "An Edmonton resident was hurt Tuesday when a truck overturned on Interstate 65 in Hart "
    "County. The University of Kentucky said two of its students were in the truck, which was "
    "bound for Bowling Green, Ky. Troopers from Boone County and Metcalfe County helped."
)


def test_counties_are_in_the_gazetteer_with_their_state_and_a_point_inside_it() -> None:
    gaz = load_gazetteer()
    boone = {e.geonameid: e for e in gaz.lookup("Boone County")}
    assert len(boone) >= 5  # Kentucky, Missouri, Indiana, Illinois, Iowa, ...
    ky = boone[BOONE_COUNTY_KY]
    assert ky.feature == "A.ADM2" and ky.admin1_code == "US.KY" and ky.admin2_code == "US.KY.015"
    assert ky.lat is not None and 36.5 < ky.lat < 39.2 and -89.6 < (ky.lon or 0) < -81.9


def test_towns_under_a_thousand_people_are_known() -> None:
    small = [e for e in load_gazetteer().lookup("Amboy") if e.admin1_code == "US.MN"]
    assert small and 500 <= small[0].population < 1000


def test_news_abbreviations_name_states_not_countries() -> None:
    gaz = load_gazetteer()
    assert gaz.abbreviation("W.Va.").geonameid == WEST_VIRGINIA  # type: ignore[union-attr]
    assert gaz.abbreviation("Tenn.").geonameid == TENNESSEE  # type: ignore[union-attr]
    assert gaz.abbreviation("Ky.").geonameid == KENTUCKY  # type: ignore[union-attr]
    assert gaz.abbreviation("Ky") is None  # only with its dot


def test_resolve_ranks_candidates_by_context() -> None:
    alone = resolve("Paris")
    assert alone[0].geonameid == PARIS_FR and alone[0].chosen
    assert PARIS_TN in {c.geonameid for c in alone}
    scores = [c.score for c in alone if c.plausible]
    assert scores == sorted(scores, reverse=True)
    local = resolve("Paris", context="Fire crews from Puryear and Springville, Tenn., helped.")
    assert local[0].geonameid == PARIS_TN
    assert resolve("Paris, Tennessee")[0].geonameid == PARIS_TN
    assert resolve("Georgia")[0].geonameid == GEORGIA_COUNTRY
    assert resolve("Georgia", context="Flights from Atlanta and Savannah")[0].geonameid == \
        GEORGIA_STATE
    assert resolve("Nowhereville") == []


def test_local_story_places() -> None:
    doc = Pipeline.default()(Document(id="t", source="t", text=LOCAL_STORY))
    by_text = {p.text: p for p in doc.places}
    assert by_text["Edmonton"].geonameid == EDMONTON_KY  # not Alberta: the story is in Kentucky
    assert by_text["Boone County"].geonameid == BOONE_COUNTY_KY
    assert by_text["Boone County"].precision == "admin2"
    assert by_text["Ky"].geonameid == KENTUCKY
    assert by_text["Bowling Green"].admin1 == "Kentucky"
    # a place inside an organisation's name after "of" is not a place mention
    kentucky_at = LOCAL_STORY.index("Kentucky")
    assert not any(p.start <= kentucky_at < p.end for p in doc.places)
    assert all(doc.text[p.start:p.end] == p.text for p in doc.places)


def test_cli_places_resolve() -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["places", "resolve", "W.Va.", "--format", "json"])
    assert ok.exit_code == 0 and '"geonameid": 4826850' in ok.output
    missing = runner.invoke(cli, ["places", "resolve", "Nowhereville"])
    assert missing.exit_code != 0 and "Nowhereville" in missing.output
    assert "Traceback" not in missing.output
