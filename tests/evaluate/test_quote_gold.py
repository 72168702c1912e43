"""The Wikinews quote gold points into the shared corpus by offsets; every span must still match."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from diurna.evaluate.gold import base_text

REPO = Path(__file__).resolve().parents[2]
FILES = ("quotes-wikinews-train.jsonl", "quotes-wikinews-test.jsonl",
         "quotes-wikinews-test-second-annotator.jsonl", "quotes-wikinews-dev.jsonl",
         "quotes-wikinews-train2.jsonl", "quotes-wikinews-train2-second-annotator.jsonl",
         "quotes-wikinews-dev2.jsonl", "quotes-wikinews-dev2-second-annotator.jsonl",
         "quotes-wikinews-dev3.jsonl", "quotes-wikinews-dev3-second-annotator.jsonl",
         "quotes-wikinews-dev4.jsonl", "quotes-wikinews-dev4-second-annotator.jsonl",
         "quotes-wikinews-dev5.jsonl", "quotes-wikinews-dev5-second-annotator.jsonl",
         "quotes-wikinews-dev6.jsonl", "quotes-wikinews-dev6-second-annotator.jsonl",
         "quotes-wikinews-train3.jsonl")


def _converter() -> ModuleType:
    path = REPO / "scripts/gold/quotes_gold.py"
    spec = importlib.util.spec_from_file_location("quotes_gold", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_quote_gold_span_matches_its_article(shared: Path) -> None:
    checked = 0
    for name in FILES:
        for line in (REPO / "gold" / name).read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            text = base_text(art["source"])
            assert (art["start"], art["end"]) == (0, len(text))
            for att in art["attributions"]:
                spans = [*att["content"], att["speaker"], att["cue"], att["via"]]
                for span in filter(None, spans):
                    assert text[span["start"]:span["end"]] == span["text"], (name, span)
                    checked += 1
                assert att["kind"] in {"direct", "indirect", "mixed"}
    assert checked > 5000


def test_test_split_is_listed_as_held_out() -> None:
    held = (REPO / "gold/quotes-wikinews-test-heldout.txt").read_text(encoding="utf-8")
    listed = {ln for ln in held.splitlines() if ln and not ln.startswith("#")}
    for line in (REPO / "gold/quotes-wikinews-test.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["source"] in listed


def _sources(name: str) -> set[str]:
    """The article sources a gold file under gold/ names."""
    lines = (REPO / "gold" / name).read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["source"] for line in lines}


def test_train3_annotates_train5_articles_and_no_blind_or_test_one() -> None:
    """gold/quotes-wikinews-train3.jsonl (part 64, session 45) annotates the 600 articles of
    the events training set train5 and none of the quotes test or blind splits' articles."""
    train3 = _sources("quotes-wikinews-train3.jsonl")
    assert len(train3) == 600
    events = (REPO / "gold/events-wikinews-train5.jsonl").read_text(encoding="utf-8")
    assert train3 == {json.loads(line)["source"] for line in events.splitlines()}
    held = [*(f"quotes-wikinews-dev{i}.jsonl" for i in range(2, 11)), "quotes-wikinews-test.jsonl"]
    assert not [name for name in held if train3 & _sources(name)]


def test_dev_split_shares_no_article_with_train_or_test() -> None:
    """The dev split (round 3) is unseen text: none of its articles is in the train or test gold."""
    dev = _sources("quotes-wikinews-dev.jsonl")
    assert len(dev) >= 15
    seen = _sources("quotes-wikinews-train.jsonl") | _sources("quotes-wikinews-test.jsonl")
    assert not dev & seen


def test_second_training_set_is_new_text_and_the_events_train2_articles() -> None:
    """gold/quotes-wikinews-train2.jsonl (part 13) annotates the 60 articles of the events
    train2 gold, none of them in another quote split (its first score was on unseen text)."""
    train2 = _sources("quotes-wikinews-train2.jsonl")
    assert train2 == _sources("events-wikinews-train2.jsonl") and len(train2) == 60
    for other in ("train", "dev", "test"):
        assert not train2 & _sources(f"quotes-wikinews-{other}.jsonl")


def test_blind_dev2_is_the_events_dev6_and_dev7_articles_and_new_text() -> None:
    """gold/quotes-wikinews-dev2.jsonl (session 23) annotates, blind, the 40 articles of the
    events dev6 and dev7 gold; it is scored once per change, so none of its articles may be in
    a quote split the extractor was developed or trained on."""
    dev2 = _sources("quotes-wikinews-dev2.jsonl")
    events = _sources("events-wikinews-dev6.jsonl") | _sources("events-wikinews-dev7.jsonl")
    assert dev2 == events and len(dev2) == 40
    for other in ("train", "train2", "dev", "test"):
        assert not dev2 & _sources(f"quotes-wikinews-{other}.jsonl")


def test_blind_dev3_is_twenty_events_dev11_articles_and_new_text() -> None:
    """gold/quotes-wikinews-dev3.jsonl (session 25) annotates, blind, 20 articles of the events
    dev11 gold; like dev2 it is scored once per change, so none of its articles may be in a quote
    split the extractor was developed, trained or already judged on."""
    dev3 = _sources("quotes-wikinews-dev3.jsonl")
    assert len(dev3) == 20 and dev3 <= _sources("events-wikinews-dev11.jsonl")
    for other in ("train", "train2", "dev", "dev2", "test"):
        assert not dev3 & _sources(f"quotes-wikinews-{other}.jsonl")


def test_blind_dev4_is_the_other_twenty_events_dev11_articles_and_new_text() -> None:
    """gold/quotes-wikinews-dev4.jsonl (session 29) annotates, blind, the 20 articles of the events
    dev11 gold that dev3 left out; it is scored once per change like dev2 and dev3, so none of its
    articles may be in a quote split the extractor was developed, trained or already judged on."""
    dev4 = _sources("quotes-wikinews-dev4.jsonl")
    dev11 = _sources("events-wikinews-dev11.jsonl")
    assert len(dev4) == 20 and dev4 <= dev11
    assert dev4 | _sources("quotes-wikinews-dev3.jsonl") == dev11
    for other in ("train", "train2", "dev", "dev2", "dev3", "test"):
        assert not dev4 & _sources(f"quotes-wikinews-{other}.jsonl")


def test_blind_dev5_is_the_events_dev12_articles_and_new_text() -> None:
    """gold/quotes-wikinews-dev5.jsonl (session 32) annotates, blind, the 40 articles of the events
    dev12 gold, and its second annotation 20 of them; it is scored once per change, so none of its
    articles may be in another quote split."""
    dev5 = _sources("quotes-wikinews-dev5.jsonl")
    second = _sources("quotes-wikinews-dev5-second-annotator.jsonl")
    assert len(dev5) == 40 and dev5 == _sources("events-wikinews-dev12.jsonl")
    assert len(second) == 20 and second <= dev5
    for other in ("train", "train2", "dev", "dev2", "dev3", "dev4", "test"):
        assert not dev5 & _sources(f"quotes-wikinews-{other}.jsonl")


@pytest.mark.parametrize(("quotes", "events", "others"), [
    ("dev6", "dev13", ("train", "train2", "dev", "dev2", "dev3", "dev4", "dev5", "test")),
    ("dev7", "dev14", ("train", "train2", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "test")),
    ("dev8", "dev15",
     ("train", "train2", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "test")),
    ("dev9", "dev16",
     ("train", "train2", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "test")),
    ("dev10", "dev17",
     ("train", "train2", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9",
      "test")),
])
def test_blind_quote_split_is_its_events_sets_articles_and_new_text(
        quotes: str, events: str, others: tuple[str, ...]) -> None:
    """gold/quotes-wikinews-dev6.jsonl (session 37), dev7 (session 38), dev8 (session 41) and
    dev9 (session 42) annotate, blind, the 40 articles of the events dev13 to dev16 gold, and
    their second annotations the last 20; scored once per change, so none of their articles may
    be in another quote split."""
    blind = _sources(f"quotes-wikinews-{quotes}.jsonl")
    second = _sources(f"quotes-wikinews-{quotes}-second-annotator.jsonl")
    assert len(blind) == 40 and blind == _sources(f"events-wikinews-{events}.jsonl")
    assert len(second) == 20 and second <= blind
    for other in others:
        assert not blind & _sources(f"quotes-wikinews-{other}.jsonl")


UNITS = {3: {"n": 3, "start": 10, "text": "\"A b,\" he said."},
         4: {"n": 4, "start": 28, "text": "\"C d.\""}}
ARTICLE = "Headline. " + "\"A b,\" he said." + "\n\n\n" + "\"C d.\""


def test_split_quote_parts_map_to_article_offsets_across_a_paragraph_break() -> None:
    conv = _converter()
    ann = {"n": [3, 4], "kind": "direct", "content": ["A b", "C d."], "speaker": "he",
           "speaker_name": "Bo", "source_kind": "person", "speaker_code": None, "cue": "said",
           "via": None, "parent": None}
    out = conv.convert(ann, UNITS, ARTICLE, 0)
    assert [ARTICLE[c["start"]:c["end"]] for c in out["content"]] == ["A b", "C d."]
    assert out["content"][1]["start"] == 29
    assert ARTICLE[out["speaker"]["start"]:out["speaker"]["end"]] == "he"


def test_nth_picks_the_occurrence_and_a_missing_string_is_a_one_line_problem() -> None:
    conv = _converter()
    with pytest.raises(conv.Problem, match="'he' \\(occurrence 2\\) is not in sentences"):
        conv.locate([UNITS[3]], ARTICLE, "he", 2, "speaker")
    span = conv.locate([UNITS[3], UNITS[4]], ARTICLE, "d", 2, "content")  # the 1st is in "said"
    assert (span["start"], span["text"]) == (31, "d")


def test_a_span_holding_an_html_comment_is_a_problem() -> None:
    """The scorers blank HTML comments, so a content span across one could never match (one
    train3 line did); the converter refuses it and says how to mend it."""
    conv = _converter()
    article = "He said two men<!-- which? --> were held."
    unit = {"n": 1, "start": 0, "end": len(article), "text": article}
    with pytest.raises(conv.Problem, match="holds an HTML comment"):
        conv.locate([unit], article, "two men<!-- which? --> were held", None, "content")
    assert conv.locate([unit], article, "were held", None, "content")["start"] == 31


def test_a_bad_annotation_line_is_reported_with_file_and_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    units = tmp_path / "units.jsonl"
    units.write_text(json.dumps({"source": "corpus/x.jsonl#a", "published": None, "n": 1,
                                 "start": 0, "end": 3, "text": "Hi."}) + "\n", encoding="utf-8")
    ann = tmp_path / "test-009.D.jsonl"
    ann.write_text('{"id": "a", "done": true, "attributions": 0}\n'
                   '{"id": "nope", "n": [1], "kind": "direct", "content": ["x"]}\n',
                   encoding="utf-8")
    res = subprocess.run([sys.executable, str(REPO / "scripts/gold/quotes_gold.py"),
                          "--units", str(units), "--check", str(ann)],
                         capture_output=True, text=True, check=False)
    assert res.returncode == 1
    assert f"{ann}:2: article 'nope' has no sentence units" in res.stderr


def test_train2_second_annotation_covers_twenty_train2_articles() -> None:
    """The blind second annotation of train2 (session 20) is of 20 of its 60 articles, each whole:
    agreement is measured on articles both annotators read, never on a part of one."""
    def sources(name: str) -> list[str]:
        lines = (REPO / "gold" / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["source"] for line in lines]
    second = sources("quotes-wikinews-train2-second-annotator.jsonl")
    assert len(second) == len(set(second)) == 20
    assert set(second) <= set(sources("quotes-wikinews-train2.jsonl"))
