"""Issue 13 (places, resolution): the learned candidate ranker and its training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.language import Language
from diurna.model import Document, Place
from diurna.places import PlaceResolver, resolve
from diurna.places.ranker import FEATURES, Ranker, shipped_ranker
from diurna.places.train_ranker import Groups, fit

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
