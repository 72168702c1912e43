"""The event scorer: unit matching and the figures it reports, on hand-made gold lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.evaluate.events import format_report, match_unit, score
from diurna.evaluate.gold import base_text
from diurna.model import Actor, Document, Event, Mention, Span

SOURCE = "corpus/seed-page.txt"


def _mention(text: str, start: int, code: str | None) -> Mention:
    actor = Actor(id=code, name=code, country=code[:3], sector=code[3:] or None,
                  cameo=code) if code else None
    return Mention(start, start + len(text), text, actor=actor)


def _event(doc: Document, type_: str, trigger: str, actor: str | None = None,
           status: str = "asserted") -> Event:
    at = doc.text.index(trigger)
    ev = Event(id=f"{doc.id}:{len(doc.events)}", type=type_,
               trigger=doc.span(at, at + len(trigger)), sentence=doc.span(at, at + len(trigger)))
    ev.status = status  # type: ignore[assignment]
    if actor:
        ev.actors = [_mention(trigger, at, actor)]
    return ev


def _gold_line(text: str, sentence_start: str, sentence_end: str, events: list[dict]) -> dict:
    start = text.index(sentence_start)
    end = text.index(sentence_end, start) + len(sentence_end)
    return {"source": SOURCE, "published": "2018-02-15", "start": start, "end": end,
            "events": events}


def _trig(text: str, word: str, after: int) -> dict:
    at = text.index(word, after)
    return {"start": at, "end": at + len(word), "text": word}


def test_match_prefers_type_then_trigger_overlap() -> None:
    doc = Document(id="d", source="s", text="Iran attacked and Iraq attacked again.")
    first, second = doc.text.index("attacked"), doc.text.rindex("attacked")
    p1 = Event(id="d:0", type="ASSAULT", trigger=Span(first, first + 8, "attacked"),
               sentence=doc.span(0, len(doc.text)))
    p2 = Event(id="d:1", type="ASSAULT", trigger=Span(second, second + 8, "attacked"),
               sentence=doc.span(0, len(doc.text)))
    gold = [{"type": "ASSAULT", "trigger": {"start": second, "end": second + 8}},
            {"type": "DEMAND", "trigger": {"start": 0, "end": 4}}]
    pairs = match_unit(gold, [p1, p2])
    assert [(g["type"], p.id) for g, p in pairs] == [("ASSAULT", "d:1")]
    # no overlap: the strict variant refuses, the default takes the nearest of the same type
    gold2 = [{"type": "ASSAULT", "trigger": {"start": 0, "end": 4}}]
    assert match_unit(gold2, [p2], strict=True) == []
    assert [p.id for _, p in match_unit(gold2, [p2])] == ["d:1"]


def test_overlapping_pair_is_aligned_before_a_nearer_gold_event_takes_it() -> None:
    # gold: "foiled" (ASSAULT by the coalition, not predicted) comes before "attack" (the
    # predicted one); aligning in gold order would give "foiled" the prediction of "attack"
    text = "The coalition foiled an attack on the facility."
    doc = Document(id="d", source="s", text=text)
    at = text.index("attack")
    pred = Event(id="d:0", type="ASSAULT", trigger=Span(at, at + 6, "attack"),
                 sentence=doc.span(0, len(text)))
    foiled = {"type": "ASSAULT", "trigger": {"start": 14, "end": 20}}
    attack = {"type": "ASSAULT", "trigger": {"start": at, "end": at + 6}}
    pairs = match_unit([foiled, attack], [pred])
    assert [(g is attack, p.id) for g, p in pairs] == [(True, "d:0")]


def _seed_units_gold(tmp_path: Path, demand: dict, assault: dict) -> Path:
    """Three seed units: a DEMAND ("called on"), an ASSAULT ("attack") and none; the two events
    get their type and trigger here, their other fields from the caller."""
    text = base_text(SOURCE)
    s1 = text.index("On February 14")
    s2 = text.index("The US-led coalition already claimed")
    lines = [
        _gold_line(text, "On February 14", "is illegal.", [
            {"type": "DEMAND", "trigger": _trig(text, "called on", s1), **demand}]),
        _gold_line(text, "The US-led coalition already claimed", "on February 7.", [
            {"type": "ASSAULT", "trigger": _trig(text, "attack", s2), **assault}]),
        _gold_line(text, "However, this is hardly possible", "possible.", []),  # no event
    ]
    gold = tmp_path / "events.jsonl"
    gold.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return gold


def _seed_predictions(doc: Document, demand_actor: str, assault_actor: str,
                      reject_actor: str | None = None) -> Document:
    """A DEMAND and an ASSAULT where the gold has them, and a REJECT where it has none."""
    at = doc.text.index("attack", doc.text.index("The US-led coalition already claimed"))
    doc.events = [
        _event(doc, "DEMAND", "called on", demand_actor),
        _event(doc, "ASSAULT", "attack of the Iranian", assault_actor),
        _event(doc, "REJECT", "hardly possible", reject_actor),
    ]
    doc.events[1].trigger = doc.span(at, at + 6)
    return doc


def test_score_counts_and_attribute_accuracy(tmp_path: Path) -> None:
    # the DEMAND is predicted right; the ASSAULT with the wrong status and an actor of another
    # sector; the REJECT is a false positive
    gold = _seed_units_gold(
        tmp_path,
        {"actor": {"text": "Velayati", "code": "IRNGOV"}, "recipient": None,
         "status": "asserted", "negated": False},
        {"actor": {"text": "Iranian-backed forces", "code": "IRNPRX"}, "recipient": None,
         "status": "claimed", "negated": False})

    def runner(doc: Document) -> Document:
        assert doc.text == base_text(SOURCE) and doc.published == "2018-02-15"
        return _seed_predictions(doc, "IRNGOV", "IRNMIL")

    result = score(gold, runner=runner)
    assert result["type"]["tp"] == 2 and result["type"]["fp"] == 1 and result["type"]["fn"] == 0
    assert abs(result["type"]["precision"] - 2 / 3) < 1e-9
    assert result["type"]["recall"] == 1.0
    assert result["per_type"]["REJECT"]["fp"] == 1
    acc = result["accuracy"]
    assert acc["actor"]["accuracy"] == 1.0  # IRNMIL vs IRNPRX: same prefix
    assert acc["actor_full"]["accuracy"] == 0.5
    assert acc["status"]["accuracy"] == 0.5  # the ASSAULT is predicted asserted
    assert "event type (micro)" in format_report(result)


def test_arguments_are_scored_as_found_values(tmp_path: Path) -> None:
    # Counted by hand: an argument is found only on a matched event with the right value; the
    # false-alarm REJECT's actor is a false positive, a value nobody predicted a miss.
    gold = _seed_units_gold(
        tmp_path,
        {"actor": {"text": "Velayati", "code": "IRNGOV"},
         "recipient": {"text": "the US", "code": "USA"}, "date": "2018-02-14"},
        {"actor": {"text": "Iranian-backed forces", "code": "IRNPRX"}, "recipient": None,
         "date": "2018-02-07"})
    # DEMAND: actor right, recipient missed; ASSAULT: actor wrong; REJECT: no such event
    args = score(gold, runner=lambda doc: _seed_predictions(doc, "IRNGOV", "SYRMIL", "USAGOV")
                 )["arguments"]
    actor, recipient, date = args["actor"], args["recipient"], args["date"]
    assert (actor["tp"], actor["fp"], actor["fn"]) == (1, 2, 1)
    assert abs(actor["precision"] - 1 / 3) < 1e-9 and actor["recall"] == 0.5
    assert (recipient["tp"], recipient["fp"], recipient["fn"]) == (0, 0, 1)
    assert (date["tp"], date["fp"], date["fn"]) == (0, 0, 2)  # no date predicted at all
    assert args["location"]["tp"] + args["location"]["fp"] + args["location"]["fn"] == 0


def _two_source_gold(tmp_path: Path) -> tuple[Path, str, str]:
    """One seed-page unit under two source names (the same base text): "held" is listed as
    held out next to the gold file, "tune" is not."""
    text = base_text(SOURCE)
    s1 = text.index("On February 14")
    line = _gold_line(text, "On February 14", "is illegal.", [
        {"type": "DEMAND", "trigger": _trig(text, "called on", s1),
         "actor": {"text": "Velayati", "code": "IRNGOV"}, "recipient": None,
         "status": "asserted", "negated": False}])
    gold = tmp_path / "events.jsonl"
    held = dict(line, published="2018-02-16")  # same text, told apart by its date
    gold.write_text(json.dumps(line) + "\n" + json.dumps(held) + "\n", encoding="utf-8")
    return gold, "2018-02-15", "2018-02-16"


@pytest.fixture()
def two_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    """Two gold documents (the seed page under two source names, the second ":other"), one
    gold DEMAND each; returns the gold file and the two publication dates."""
    import diurna.evaluate.gold as gold_module  # the scorer reads texts through gold_document

    gold, first_date, other_date = _two_source_gold(tmp_path)
    lines = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    lines[1]["source"] = SOURCE + ":other"
    gold.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    original = gold_module.base_text
    monkeypatch.setattr(gold_module, "base_text",
                        lambda source, shared=None: original(source.split(":")[0], shared))
    return gold, first_date, other_date


def test_split_selects_tune_or_heldout_sources(two_documents: tuple[Path, str, str]) -> None:
    gold, tune_date, held_date = two_documents
    # the second document's source name is listed as held out
    (gold.parent / "events-heldout.txt").write_text(
        f"# held-out sources\n{SOURCE}:other\n", encoding="utf-8")
    seen: list[str | None] = []

    def runner(doc: Document) -> Document:
        seen.append(doc.published)
        doc.events = [_event(doc, "DEMAND", "called on", "IRNGOV")]
        return doc

    tune = score(gold, runner=runner, split="tune")
    held = score(gold, runner=runner, split="heldout")
    both = score(gold, runner=runner, split="all")
    assert (tune["units"], held["units"], both["units"]) == (1, 1, 2)
    assert seen == [tune_date, held_date, tune_date, held_date]
    assert tune["split"] == "tune" and "split: heldout" in format_report(held)


def test_error_listing_is_refused_on_heldout_sources(tmp_path: Path) -> None:
    gold, _, _ = _two_source_gold(tmp_path)
    (tmp_path / "events-heldout.txt").write_text(SOURCE + "\n", encoding="utf-8")

    def runner(doc: Document) -> Document:
        doc.events = [_event(doc, "REJECT", "called on")]
        return doc

    with pytest.raises(ValueError, match="tune split"):
        score(gold, runner=runner, split="all", errors=[])
    errors: list[str] = []
    result = score(gold, runner=runner, split="tune", errors=errors)
    assert result["units"] == 0 and errors == []  # every line is held out


def test_error_listing_names_misses_and_false_alarms(tmp_path: Path) -> None:
    gold, _, _ = _two_source_gold(tmp_path)

    def runner(doc: Document) -> Document:
        doc.events = [_event(doc, "REJECT", "called on")]
        return doc

    errors: list[str] = []
    score(gold, runner=runner, split="tune", heldout=set(), errors=errors)
    assert any(e.strip().startswith("FN DEMAND 'called on'") for e in errors)
    assert any(e.strip().startswith("FP REJECT 'called on'") for e in errors)


@pytest.mark.parametrize("name", ["events-probes.jsonl", "events-probes2.jsonl",
                                  "events-probes2-second-annotator.jsonl"])
def test_probe_gold_lines_point_into_our_own_texts(name: str) -> None:
    # gold/events-probes*.jsonl: sources "probes/<file>" are texts in the repository
    path = Path(__file__).resolve().parents[2] / "gold" / name
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= 100
    for line in lines:
        assert line["source"].startswith("probes/")
        text = base_text(line["source"])
        assert line["end"] <= len(text)
        for event in line["events"]:
            trigger = event["trigger"]
            assert text[trigger["start"]:trigger["end"]] == trigger["text"]
            assert line["start"] <= trigger["start"] < trigger["end"] <= line["end"]


def test_mode_is_scored_on_matched_events_only(tmp_path: Path) -> None:
    # the DEMAND's gold has no mode and none is predicted (right); the ASSAULT's gold says
    # "heavy-weapons", the prediction none (wrong); the unmatched REJECT does not count
    gold = _seed_units_gold(tmp_path, {"mode": None}, {"mode": "heavy-weapons"})
    result = score(gold, runner=lambda doc: _seed_predictions(doc, "IRNGOV", "IRNMIL"))
    assert result["accuracy"]["mode"] == {"accuracy": 0.5, "n": 2}
    assert "mode" in format_report(result)


def test_a_pipeline_crash_on_one_document_counts_its_gold_as_missed(
        two_documents: tuple[Path, str, str]) -> None:
    # the pipeline codes the first document right and raises on the second: the figure is the
    # one a user gets (1 found, 1 missed), not a traceback, and the failure is named
    gold, _, other_date = two_documents

    def runner(doc: Document) -> Document:
        doc.events = [_event(doc, "DEMAND", "called on", "IRNGOV")]
        if doc.published == other_date:
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return doc

    result = score(gold, runner=runner, heldout=set())
    assert (result["type"]["tp"], result["type"]["fp"], result["type"]["fn"]) == (1, 0, 1)
    assert result["failures"] == [{
        "source": SOURCE + ":other",
        "error": "TypeError: can't compare offset-naive and offset-aware datetimes"}]
    report = format_report(result)
    assert "FAILED: the pipeline raised on 1 of 2 documents" in report
    assert "TypeError: can't compare" in report


def test_the_command_exits_1_after_printing_the_figures_when_a_document_failed(
        two_documents: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import diurna.evaluate.events as events_module

    gold, _, other_date = two_documents

    def failing_runner(coder: str | None = None, args: str | None = None) -> object:
        def run(doc: Document) -> Document:
            if doc.published == other_date:
                raise ValueError("boom")
            return doc
        return run

    monkeypatch.setattr(events_module, "default_runner", failing_runner)
    assert events_module.main([str(gold)]) == 1
    out = capsys.readouterr().out
    assert "event type (micro)" in out and "ValueError: boom" in out
