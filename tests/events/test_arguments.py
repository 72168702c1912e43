"""The learned argument attachment: the ranker's decision rule, context parties, the training
script's error causes and scoring, and the pipeline with ``args="learned"`` (our own sentences)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import actor

from diurna.events.arguments import (
    Candidate,
    context_country,
    context_parties,
    decide,
    load_model,
)
from diurna.events.train_args import _scored, _tally, cause, main, simulate
from diurna.model import Document, Event, Mention, Span


def _m(text: str, start: int, code: str | None) -> Mention:
    return Mention(start, start + len(text), text, actor=actor(code) if code else None,
                   label="PERSON")


def _model(actor_w: dict[str, float], recip_w: dict[str, float],
           fill: float = 0.5, drop: float = 0.2) -> dict:
    limits = {"fill": fill, "drop": drop}
    return {"weights": {"actor": actor_w, "recipient": recip_w},
            "threshold": {"actor": limits, "recipient": limits}}


def test_rules_pick_kept_unless_the_ranker_finds_it_unlikely() -> None:
    cands = [Candidate(_m("Iran", 0, "IRN"), {"rule_actor": 1.0, "x": 1.0}),
             Candidate(_m("Iraq", 10, "IRQ"), {"y": 1.0})]
    # the rules' pick scores 0.5 (z = 0): above drop 0.2, so kept although Iraq scores higher
    keep = _model({"y": 3.0}, {})
    assert decide(keep, cands)["actor"] == [0]
    # the rules' pick is very unlikely (z = -5, p 0.007 < drop): the best other one fills in
    drop = _model({"x": -5.0, "y": 3.0}, {})
    assert decide(drop, cands)["actor"] == [1]
    # ... unless it is not likely enough either: the slot stays empty
    empty = _model({"x": -5.0, "y": -3.0}, {})
    assert decide(empty, cands)["actor"] == []


def test_empty_slot_filled_but_not_with_the_other_slots_party() -> None:
    cands = [Candidate(_m("Russia", 0, "RUS"), {"rule_actor": 1.0, "a": 1.0}),
             Candidate(_m("Moscow", 20, "RUSGOV"), {"b": 1.0}),
             Candidate(_m("Georgia", 40, "GEO"), {"c": 1.0})]
    # the recipient's best is Moscow (RUS, the actor's country): it takes Georgia instead
    model = _model({"a": 2.0}, {"b": 4.0, "c": 1.0})
    picks = decide(model, cands)
    assert picks == {"actor": [0], "recipient": [2]}
    # nothing above the fill threshold: no recipient
    assert decide(_model({"a": 2.0}, {"b": 4.0, "c": -1.0}), cands)["recipient"] == []


def test_context_country_prefers_the_window_then_the_document() -> None:
    text = "Canberra said. Australia and Australia spoke. France replied. Mr Goudkamp criticised."
    doc = Document(id="d", source="s", text=text)
    at = text.index
    doc.mentions = [_m("Canberra", at("Canberra"), "AUS"),
                    _m("Australia", at("Australia"), "AUS"),
                    _m("Australia", at("Australia", at("Australia") + 1), "AUS"),
                    _m("France", at("France"), "FRA")]
    goud = at("Mr Goudkamp")
    # window = the previous sentence and its own: France only
    assert context_country(doc, goud, at("France"), len(text)) == "FRA"
    # no coded party in the window: the document's most mentioned country
    assert context_country(doc, goud, goud, len(text)) == "AUS"
    assert context_country(Document(id="e", source="s", text=text), goud, 0, len(text)) is None


def test_context_parties_code_uncoded_people_and_groups_only() -> None:
    text = ("Canberra said. Mr Goudkamp criticised the minister. Sunnis opposed the plan. "
            "The report accused the army.")
    at = text.index
    doc = Document(id="d", source="s", text=text)
    canberra = _m("Canberra", 0, "AUS")
    goud = _m("Goudkamp", at("Goudkamp"), None)
    minister = _m("minister", at("minister"), "AUSGOV")
    sunnis = Mention(at("Sunnis"), at("Sunnis") + 6, "Sunnis", label="NORP")
    report = Mention(at("The report"), at("The report") + 10, "The report", label="NOUN")
    army = _m("army", at("army"), "AUSMIL")
    doc.mentions = [canberra, goud, minister, sunnis, report, army]
    doc.sentences = [Span(s, e, text[s:e]) for s, e in ((0, 14), (15, 51), (52, 76), (77, 105))]

    def event(trigger: str, sent: int, actors: list[Mention], recips: list[Mention]) -> Event:
        t = at(trigger)
        return Event(id=f"d:{sent}", type="ACCUSE", trigger=Span(t, t + len(trigger), trigger),
                     sentence=doc.sentences[sent], actors=actors, recipients=recips)

    events = [event("criticised", 1, [goud], [minister]), event("opposed", 2, [sunnis], []),
              event("accused", 3, [report], [army])]
    crit, opposed, accused = context_parties(doc, events)
    # a person the dictionary does not know: a party of the story's country, marked as such
    assert [(m.text, m.actor.cameo, m.actor.kind) for m in crit.actors if m.actor] == [
        ("Goudkamp", "AUS", "context")]
    assert (crit.actors[0].start, crit.actors[0].end) == (goud.start, goud.end)
    assert crit.recipients == [minister]  # a coded pick is left as it is
    assert [m.actor.cameo for m in opposed.actors if m.actor] == ["AUS"]
    assert opposed.recipients == []  # an empty slot stays empty
    # a common noun may be a thing ("the report"): left uncoded
    assert accused.actors == [report] and report.actor is None
    # nothing to read the country from: the pick stays uncoded
    bare = Document(id="e", source="s", text=text, sentences=doc.sentences)
    assert context_parties(bare, events[:1])[0].actors == [goud]


def test_error_causes() -> None:
    g = [(10, 20)]
    assert cause([], [], g, [], {}, []) == "right (both none)"
    assert cause([], ["IRN"], g, [(0, 4)], {}, []) == "set where gold has none"
    assert cause(["IRN"], ["IRN"], g, [(10, 20)], {}, []) == "right"
    assert cause(["IRN"], [], g, [(12, 18)], {}, []).startswith("right phrase chosen")
    assert cause(["IRN"], ["IRQ"], g, [(0, 4)], {(10, 20): "IRN"}, []) == \
        "wrong candidate chosen, the right one there and coded"
    assert cause(["IRN"], [], g, [], {}, [(10, 20)]) == \
        "none chosen, the gold phrase there but uncoded or coded otherwise"
    assert cause(["IRN"], [], g, [], {}, [(30, 40)]) == "no mention of the gold phrase"


def test_simulated_scores_count_as_the_event_scorer() -> None:
    # event 1 matched (gold actor IRN): the rules say IRQ -> one false alarm and one miss;
    # event 2 unmatched with a rule actor -> a false alarm; one gold event missed -> a miss
    records = [
        {"source": "a", "rule": {"actor": ["IRQ"], "recipient": []},
         "gold": {"actor": ["IRN"], "recipient": []},
         "cands": [{"code": "IRQ", "span": [0, 4], "f": {"rule_actor": 1.0}},
                   {"code": "IRNGOV", "span": [10, 14], "f": {"good": 1.0}}]},
        {"source": "a", "rule": {"actor": ["USA"], "recipient": []}, "gold": None,
         "cands": [{"code": "USA", "span": [20, 22], "f": {"rule_actor": 1.0}}]},
        {"source": "a", "missed": True, "gold": {"actor": ["SYR"], "recipient": []}},
    ]
    f1, tp, fp, fn = simulate(records, None)["actor"]
    assert (tp, fp, fn) == (0, 2, 2) and f1 == 0.0
    # a ranker that drops IRQ and the unmatched USA and fills IRN: 1 hit, 0 fp, 1 miss
    model = _model({"rule_actor": -5.0, "good": 5.0}, {})
    f1, tp, fp, fn = simulate(records, model)["actor"]
    assert (tp, fp, fn) == (1, 0, 1) and f1 == pytest.approx(2 / 3)


def test_thresholds_tried_on_scored_candidates_count_as_simulate() -> None:
    # choose scores each candidate once and tries every threshold on the probabilities
    # (_scored, _tally): the counts must be simulate's, uncoded picks and the other slot's
    # party included
    import random

    rng = random.Random(3)
    codes = ["IRN", "IRQGOV", "USA", None, "", "IRNMIL"]
    feats = ["a", "b", "c", "rule_actor", "rule_recipient"]
    records: list[dict] = []
    for n in range(300):
        if n % 7 == 0:
            records.append({"source": "s", "missed": True,
                            "gold": {"actor": ["IRN"], "recipient": []}})
            continue
        cands = [{"code": rng.choice(codes), "span": [k, k + 1],
                  "f": {f: 1.0 for f in feats if rng.random() < 0.4}}
                 for k in range(rng.randrange(0, 5))]
        gold = None if n % 3 == 0 else {s: sorted(set(rng.sample(["IRN", "IRQ", "USA"], 1)))
                                        if rng.random() < 0.6 else [] for s in ("actor",
                                                                               "recipient")}
        records.append({"source": "s", "rule": {"actor": [], "recipient": []}, "gold": gold,
                        "cands": cands})
    model = _model({"a": 1.5, "b": -0.5, "rule_actor": 0.7}, {"c": 2.0, "a": -1.0})
    scored = _scored(records, model)
    for fill in (0.3, 0.5, 0.7):
        for drop in (0.0, 0.3, 0.6):
            limits = {"fill": fill, "drop": drop}
            model["threshold"] = {"actor": limits, "recipient": limits}
            want = {s: v[1:] for s, v in simulate(records, model).items()}
            assert _tally(scored, model["threshold"]) == want, (fill, drop)


def test_shipped_weights_cover_both_slots() -> None:
    model = load_model()
    for slot in ("actor", "recipient"):
        assert model["weights"][slot], slot
        assert 0.0 <= model["threshold"][slot]["drop"] <= model["threshold"][slot]["fill"] <= 1.0


def test_training_script_names_a_missing_gold_file(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.jsonl"
    assert main(["--diagnose", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(missing) in err and "\n" not in err


def test_training_script_names_a_bad_gold_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"source": "corpus/seed-page.txt", "start": 0}) + "\n",
                   encoding="utf-8")
    assert main(["--diagnose", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert f"{bad}:1" in err and "'end'" in err and "\n" not in err


def _cached_records(source: str, extra: str) -> list[dict]:
    """Two predicted events of one article as ``train_args --cache`` keeps them: the gold's
    party carries ``good`` (and ``extra``), another party ``bad``."""
    recs = []
    for n in range(2):
        recs.append({"source": source, "type": "ACCUSE",
                     "rule": {"actor": ["USA"], "recipient": []},
                     "gold": {"actor": ["IRN"], "recipient": ["USA"]},
                     "cands": [{"code": "IRNGOV", "span": [10 * n, 10 * n + 4],
                                "f": {"good": 1.0, extra: 1.0}},
                               {"code": "USA", "span": [10 * n + 5, 10 * n + 8],
                                "f": {"bad": 1.0, "rule_actor": 1.0}}]})
    return recs


def test_training_script_pools_several_training_files_and_verifies(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    files = {}
    for stem, extra in (("first", "seen_first"), ("second", "seen_second"), ("devset", "x")):
        gold = tmp_path / f"{stem}.jsonl"
        gold.write_text("", encoding="utf-8")  # the cache stands in for the pipeline's run
        files[stem] = str(gold)
        with open(cache / f"{stem}.rules.jsonl", "w", encoding="utf-8") as fh:
            for k in range(4):
                for rec in _cached_records(f"{stem}-{k}", extra):
                    fh.write(json.dumps(rec) + "\n")
    out = tmp_path / "arguments.json"
    argv = ["--train", files["first"], files["second"], "--dev", files["devset"],
            "--coder", "rules", "--cache", str(cache), "--out", str(out)]
    assert main(argv) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    # both files' articles were learned from, and both are named
    assert {"seen_first", "seen_second"} <= set(model["weights"]["actor"])
    assert model["trained_on"]["train"] == [files["first"], files["second"]]
    assert "devset (rules coder) actor argument F1" in capsys.readouterr().out
    # the same command makes the same bytes: --verify accepts the file it wrote
    assert main([*argv, "--verify"]) == 0


def test_learned_attachment_keeps_the_events_and_codes_an_unknown_critic() -> None:
    from diurna.pipeline import Pipeline

    text = ("Australia's immigration minister defended the refugee programme on Monday. "
            "Australian opposition politicians said the policy had failed. "
            "Mr Goudkamp criticised the minister over the detention scandals.")
    rules = Pipeline.default(coder="rules")(Document(id="r", source="t", text=text))
    learned = Pipeline.default(coder="rules", args="learned")(
        Document(id="r", source="t", text=text))
    # the same events, only who did what to whom may differ
    assert [(e.type, e.trigger.start) for e in learned.events] == \
        [(e.type, e.trigger.start) for e in rules.events]
    crit = next(e for e in learned.events if e.trigger.text == "criticised")
    assert crit.type == "ACCUSE"
    # the dictionary does not know the critic; the rules' pick and the ranker's both read him
    # as an Australian party from the context (round 16: context_parties)
    by_rules = next(e for e in rules.events if e.trigger.text == "criticised")
    assert [m.text for m in by_rules.actors] == ["Goudkamp"]
    assert by_rules.actors[0].actor is not None
    assert (by_rules.actors[0].actor.cameo, by_rules.actors[0].actor.kind) == ("AUS", "context")
    assert [m.actor.cameo[:3] for m in crit.actors if m.actor] == ["AUS"]
    assert crit.actors[0].text == "Goudkamp"
    assert [m.actor.cameo[:3] for m in crit.recipients if m.actor] == ["AUS"]


def test_pipeline_refuses_an_unknown_attachment() -> None:
    from diurna.pipeline import Pipeline

    with pytest.raises(ValueError, match="argument attachment 'magic'"):
        Pipeline.default(args="magic")



def test_evaluate_scores_the_rule_attachment_beside_the_learned_one(tmp_path: Path) -> None:
    from diurna.evaluate.events import default_runner, format_report, score

    seed = [line for line in Path("gold/events.jsonl").read_text(encoding="utf-8").splitlines()
            if '"corpus/seed-page.txt"' in line]
    gold = tmp_path / "seed.jsonl"
    gold.write_text("\n".join(seed) + "\n", encoding="utf-8")
    rules = score(gold, runner=default_runner("rules", "rules"))
    both = score(gold, runner=default_runner("rules", "learned"))
    assert "arguments_rules" not in rules
    # the figures printed beside are exactly the rules-only run's
    for slot in ("actor", "recipient"):
        assert both["arguments_rules"][slot] == rules["arguments"][slot]
    assert both["type"] == rules["type"]  # the ranker never adds or drops events
    assert "actor, rules" in format_report(both)


def test_cli_process_with_learned_arguments(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from diurna.cli import cli

    page = tmp_path / "story.txt"
    page.write_text("Australia's immigration minister defended the refugee programme on Monday. "
                    "Australian opposition politicians said the policy had failed. "
                    "Mr Goudkamp criticised the minister over the detention scandals.\n",
                    encoding="utf-8")
    out = CliRunner().invoke(cli, ["process", str(page), "--args", "learned", "-q"])
    assert out.exit_code == 0, out.output
    events = json.loads(out.stdout)["events"]
    crit = next(e for e in events if e["trigger"]["text"] == "criticised")
    assert crit["actors"][0]["text"] == "Goudkamp"
    assert crit["actors"][0]["actor"]["cameo"] == "AUS"
    bad = CliRunner().invoke(cli, ["process", str(page), "--args", "magic"])
    assert bad.exit_code == 2 and "magic" in bad.output
