"""Issue 13 (places, resolution): the learned candidate ranker and its training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.evaluate.places import GeoArticle, GeoToponym
from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver, resolve
from diurna.places.ranker import FEATURES, Ranker, shipped_ranker
from diurna.places.resolver import _Context, candidates, ranking
from diurna.places.train_ranker import Groups, article_groups, fit

# Huntsville, Texas is the seat of Walker County, Texas (Huntsville, Alabama lies in Madison
# County); Decatur, Georgia is the seat of DeKalb County, Georgia (Decatur, Illinois lies in
# Macon County). Checked on geonames.org / Wikipedia.
PRISON = "Inmates at the prison in Huntsville were moved on Friday, the Walker County sheriff said."
SCHOOLS = "Officials in Decatur said DeKalb County schools will reopen Monday."
SUMMIT = ("The president spoke with leaders in Kyiv and Warsaw before flying from Washington to "
          "Brussels for the summit.")


def _given(text: str, names: list[str], resolver: PlaceResolver) -> list[Place]:
    doc = Language()(Document(id="t", source="t", text=text, language="en"))
    return resolver.resolve_spans(doc, [(text.index(n), text.index(n) + len(n)) for n in names])


def test_the_shipped_ranker_loads_and_matches_the_features_the_code_computes() -> None:
    ranker = shipped_ranker()
    assert ranker is not None
    assert ranker.names == FEATURES
    assert len(ranker.weights) == len(FEATURES) == len(ranker.mean) == len(ranker.scale)
    assert PlaceResolver().ranker is ranker
    assert PlaceResolver(rules_only=True).ranker is None


def test_a_county_and_its_seat_town_agree_where_the_rules_took_alabama() -> None:
    rules = [(p.admin1, p.precision) for p in _given(PRISON, ["Huntsville", "Walker County"],
                                                     PlaceResolver(rules_only=True))]
    learned = [(p.admin1, p.precision) for p in _given(PRISON, ["Huntsville", "Walker County"],
                                                       PlaceResolver())]
    assert learned == [("Texas", "city"), ("Texas", "admin2")]
    assert rules != learned  # the baseline this ranker replaces


def test_decatur_and_dekalb_county_are_georgia() -> None:
    places = _given(SCHOOLS, ["Decatur", "DeKalb County"], PlaceResolver())
    assert [(p.admin1, p.country) for p in places] == [("Georgia", "US"), ("Georgia", "US")]


def test_a_world_capital_is_not_taken_for_a_same_named_us_village() -> None:
    (brussels,) = _given(SUMMIT, ["Brussels"], PlaceResolver())
    assert brussels.country == "BE"
    assert resolve("Paris")[0].country == "FR"


def test_resolve_scores_with_the_ranker_and_lists_the_pick_first() -> None:
    cands = resolve("Dublin", context="Police in Columbus and Worthington said the man was held.")
    assert cands[0].chosen and cands[0].admin1 == "Ohio"
    assert cands[0].score == max(c.score for c in cands)


def test_fit_learns_the_feature_that_marks_the_gold_candidate_and_is_deterministic() -> None:
    groups = Groups()
    n = len(FEATURES)
    for k in range(45):  # the gold candidate has feature 3 set; feature 5 falls on any row
        rows = [[0.0] * n for _ in range(3)]
        rows[k % 3][3] = 1.0
        rows[(k // 3) % 3][5] = 1.0
        groups.add(rows, [i == k % 3 for i in range(3)])
    a, b = fit(groups, steps=300), fit(groups, steps=300)
    assert a.weights == b.weights
    assert a.weights[3] > 1.0 > abs(a.weights[5])


def test_a_ranker_file_for_other_features_is_refused_with_what_to_do(tmp_path: Path) -> None:
    ranker = Ranker([0.0] * len(FEATURES), [0.0] * len(FEATURES), [1.0] * len(FEATURES))
    path = tmp_path / "ranker.json"
    ranker.save(path)
    data = json.loads(path.read_text())
    assert Ranker.from_json(data).weights == ranker.weights
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="train_ranker"):
        Ranker.from_json(data)


# Norway, Maine (about 5,000 people) and Mexico City (whose GeoNames alternate names include
# "Mexico") share a name with a country; Palestine, Texas lies in Anderson County, East Texas,
# near Tyler (checked on geonames.org / Wikipedia).
OUTBREAK = "Health officials in Norway and Sweden reported new cases, the ministry in Oslo said."
BORDER = "Flights between Mexico and Texas were cut after cases rose in Houston."
EAST_TEXAS = ("Anderson County deputies said the man from Tyler was arrested in Palestine, Texas, "
              "after a chase through Palestine.")


def test_a_country_named_by_its_main_name_is_not_a_same_named_town() -> None:
    gaz = PlaceResolver().gazetteer
    ctx = _Context()
    ctx.countries["US"] = 2  # a US story that does not name Maine
    norway = candidates(gaz.lookup("Norway"), ctx)
    assert [e.country for e in norway] == ["NO"]
    mexico = candidates(gaz.lookup("Mexico"), ctx)
    assert "Mexico City" not in {e.name for e in mexico}
    assert any(e.is_country and e.country == "MX" for e in mexico)
    ctx.admin1.add("US.ME")  # the text names Maine: Norway, Maine is a reading again
    assert {(e.country, e.admin1) for e in candidates(gaz.lookup("Norway"), ctx)} == {
        ("NO", None), ("US", "Maine")}
    for text, name, cc in ((OUTBREAK, "Norway", "NO"), (BORDER, "Mexico", "MX")):
        (place,) = _given(text, [name], PlaceResolver())
        assert (place.country, place.precision) == (cc, "country"), text


def test_a_town_of_a_division_the_text_names_still_beats_a_same_named_country() -> None:
    places = _given(EAST_TEXAS, ["Palestine"], PlaceResolver())
    assert [(p.admin1, p.country) for p in places] == [("Texas", "US")]


def test_a_gold_point_without_an_id_marks_the_reading_nearest_it_within_161_km() -> None:
    # GeoVirus gives Wikipedia points, no GeoNames ids: Paris, Texas lies at 33.66 N, 95.56 W
    text = "Flu cases rose in Paris and Lyon, officials said."
    doc = Language()(Document(id="t", source="t", text=text, language="en"))
    s = text.index("Paris")
    rules = PlaceResolver(rules_only=True)

    def gold_rows(lat: float, lon: float) -> list[list[bool]]:
        art = GeoArticle("t", text, None, [GeoToponym(s, s + 5, "Paris", None, lat, lon)])
        return [gold for _, gold in article_groups(rules, art, doc)]

    (texas,) = gold_rows(33.66, -95.56)
    cands = ranking(rules.gazetteer.lookup("Paris"), rules.given_mentions(doc, [(s, s + 5)])[0],
                    known=True).cands
    assert sum(texas) == 1
    chosen = cands[texas.index(True)]
    assert (chosen.country, chosen.admin1) == ("US", "Texas")
    assert gold_rows(0.0, 0.0) == []  # no reading within 161 km: the toponym teaches nothing


# Athens, Texas is the seat of Henderson County, Texas (Henderson County, Tennessee lies around
# Lexington); Hopkinton and Hillsboro(ugh), New Hampshire lie west of Concord, the state's
# capital (checked on geonames.org / Wikipedia).
def test_the_second_pass_reads_the_other_names_as_the_ranker_does() -> None:
    cases = (("Deputies in Athens said the Henderson County man was arrested on Friday.",
              ["Athens", "Henderson County"], ["Texas", "Texas"]),
             ("Hopkinton and Hillsboro residents drove to Concord for the hearing.",
              ["Hopkinton", "Hillsboro", "Concord"], ["New Hampshire"] * 3))
    for text, names, states in cases:
        assert [p.admin1 for p in _given(text, names, PlaceResolver())] == states, text
        one_pass = [p.admin1 for p in _given(text, names, PlaceResolver(second_pass=False))]
        assert one_pass != states, text  # the rules' readings of the others misled the ranker


def test_state_named_like_a_country_binds_the_ranker_too() -> None:
    """"Georgia" among US states in a US story is the state for the learned ranker as for the
    rules (the ranker alone read it as the country: 10,000 km off)."""
    text = ("Beekeepers in North America report heavy losses. Colony collapse has hit states "
            "including Georgia, Oklahoma, Pennsylvania, Wisconsin and California, U.S. "
            "officials said, and Canada is watching. The U.S. Department of Agriculture will "
            "study it.")
    chosen = [c for c in resolve("Georgia", context=text) if c.chosen]
    assert [(c.country, c.feature) for c in chosen] == [("US", "A.ADM1")]


def test_train_ranker_names_a_missing_gold_file_and_stops(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """Given several gold files, one missing: a one-line error naming it, exit 2, no training."""
    from diurna.places.train_ranker import main

    present = tmp_path / "lgl.xml"
    present.write_text("<articles/>", encoding="utf-8")
    missing = tmp_path / "GeoVirus.xml"
    assert main([str(present), str(missing), "--no-write"]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and err.count("\n") == 1


_TINY_GOLD = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>Fire in Springfield</title>
    <text><![CDATA[Springfield police said a barn fire near Peoria, Illinois, was set on
purpose.]]></text>
    <toponyms>
      <toponym><start>0</start><end>11</end><phrase>Springfield</phrase>
        <gaztag geonameid="4250542"><name>Springfield</name>
          <lat>39.80172</lat><lon>-89.64371</lon></gaztag>
      </toponym>
      <toponym><start>41</start><end>47</end><phrase>Peoria</phrase>
        <gaztag geonameid="4905687"><name>Peoria</name>
          <lat>40.69365</lat><lon>-89.58899</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""


def test_train_ranker_verify_passes_on_its_own_output_and_fails_on_other_bytes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two runs on the same gold make the same file (--verify: 0); a file differing in one
    weight is refused (1) and, its rows being the same, called nondeterministic."""
    from diurna.places.train_ranker import main

    gold, out = tmp_path / "tiny.xml", tmp_path / "ranker.json"
    gold.write_text(_TINY_GOLD, encoding="utf-8")
    common = [str(gold), "--folds", "1", "--no-cross", "--out", str(out)]
    assert main(common) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meta"]["groups"] >= 1  # Springfield and Peoria have several readings each
    assert main([*common, "--verify"]) == 0
    assert "identical" in capsys.readouterr().out
    data["weights"][0] += 0.5
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    assert main([*common, "--verify"]) == 1
    assert "not deterministic" in capsys.readouterr().out
