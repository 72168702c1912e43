"""Gold lines may point into one record of a JSONL corpus file (the Wikinews articles) or one
article of the geoparsing gold's XML (LGL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.evaluate.gold import base_text

WIKINEWS = "wikinews-politics-2004-2009/articles.jsonl"
GOLD = Path(__file__).resolve().parents[2] / "gold"


def test_a_record_id_after_hash_gives_that_articles_text(shared: Path) -> None:
    with (shared / "corpus" / WIKINEWS).open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    assert base_text(f"corpus/{WIKINEWS}#{first['id']}") == first["text"]


def test_an_unknown_record_id_names_the_source(shared: Path) -> None:
    with pytest.raises(ValueError, match="no record with id 'wikinews-en:nope'"):
        base_text(f"corpus/{WIKINEWS}#wikinews-en:nope")


def test_a_geo_article_docid_gives_that_articles_text(shared: Path) -> None:
    """LGL's articles are a source of news text other than Wikinews (session 52): a gold line
    may point into one by its docid. The first article's text opens with its headline, and its
    first toponym (offsets 0-10 in the XML) is "Alexandria"."""
    text = base_text("geo/lgl.xml#40450848")
    assert text.startswith("Alexandria woman charged in connection with Kelleyland fire. ")
    assert text[0:10] == "Alexandria"


def test_an_unknown_geo_docid_names_the_source(shared: Path) -> None:
    with pytest.raises(ValueError, match="'geo/lgl.xml#nope': no article with docid 'nope'"):
        base_text("geo/lgl.xml#nope")


def test_every_wikinews_gold_line_matches_its_article(shared: Path) -> None:
    """The annotated Wikinews sets point into the shared corpus by offsets; a trigger whose text
    does not match would mean the corpus or the gold has drifted."""
    checked = 0
    for name in ("events-wikinews-train.jsonl", "events-wikinews-dev.jsonl",
                 "events-wikinews-dev3.jsonl", "events-wikinews-dev3-first-annotation.jsonl",
                 "events-wikinews-dev3-second-annotator.jsonl",
                 "events-wikinews-dev3-adjudicated-12a.jsonl", "events-wikinews-dev4.jsonl",
                 "events-wikinews-dev4-first-annotation.jsonl",
                 "events-wikinews-dev4-second-annotator.jsonl", "events-wikinews-test.jsonl",
                 "events-wikinews-train2.jsonl", "events-wikinews-train2-second-annotator.jsonl",
                 "events-wikinews-dev5.jsonl", "events-wikinews-dev5-second-annotator.jsonl",
                 "events-wikinews-dev6.jsonl", "events-wikinews-dev6-second-annotator.jsonl",
                 "events-wikinews-dev7.jsonl", "events-wikinews-dev7-second-annotator.jsonl",
                 "events-wikinews-dev8.jsonl", "events-wikinews-dev8-second-annotator.jsonl",
                 "events-wikinews-dev9.jsonl", "events-wikinews-dev9-second-annotator.jsonl",
                 "events-wikinews-dev10.jsonl", "events-wikinews-dev10-second-annotator.jsonl",
                 "events-wikinews-dev11.jsonl", "events-wikinews-dev11-second-annotator.jsonl",
                 "events-wikinews-dev12.jsonl", "events-wikinews-dev12-second-annotator.jsonl",
                 "events-wikinews-dev13.jsonl", "events-wikinews-dev13-second-annotator.jsonl",
                 "events-wikinews-dev14.jsonl", "events-wikinews-dev14-second-annotator.jsonl",
                 "events-wikinews-dev15.jsonl", "events-wikinews-dev15-second-annotator.jsonl",
                 "events-wikinews-dev16.jsonl", "events-wikinews-dev16-second-annotator.jsonl",
                 "events-wikinews-dev17.jsonl", "events-wikinews-dev17-second-annotator.jsonl",
                 "events-wikinews-dev18.jsonl", "events-wikinews-dev18-second-annotator.jsonl",
                 "events-wikinews-dev20.jsonl", "events-wikinews-dev20-second-annotator.jsonl",
                 "events-wikinews-dev21.jsonl", "events-wikinews-dev22.jsonl",
                 "events-wikinews-dev23.jsonl", "events-wikinews-dev24.jsonl",
                 "events-wikinews-dev24-second-annotator.jsonl", "events-lgl-dev1.jsonl",
                 "events-lgl-dev1-second-annotator.jsonl", "events-lgl-dev2.jsonl",
                 "events-lgl-dev3.jsonl", "events-lgl-dev4.jsonl", "events-lgl-dev5.jsonl",
                 "events-lgl-dev2-second-annotator.jsonl", "events-lgl-dev3-second-annotator.jsonl",
                 "events-lgl-dev6.jsonl", "events-lgl-dev7.jsonl",
                 "events-wikinews-train12.jsonl",
                 "events-wikinews-train13.jsonl", "events-wikinews-train14.jsonl",
                 "events-wikinews-train3.jsonl", "events-wikinews-train4.jsonl",
                 "events-wikinews-train5.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            unit = json.loads(line)
            text = base_text(unit["source"])
            assert 0 <= unit["start"] < unit["end"] <= len(text)
            for ev in unit["events"]:
                trig = ev["trigger"]
                assert text[trig["start"]:trig["end"]] == trig["text"]
                assert unit["start"] <= trig["start"] < unit["end"]
                checked += 1
    assert checked > 500


def test_dev4_adjudication_changes_only_units_it_gives_a_reason_for() -> None:
    """The adjudicated dev4 set, its two annotations and the reasons file must stay in step: same
    units in the same order, and a unit may differ from the first annotation only where the
    adjudication file records a decision for it (so every change can be traced to a reason)."""

    def units(name: str) -> list[dict]:
        return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines()]

    adjudicated = units("events-wikinews-dev4.jsonl")
    first = units("events-wikinews-dev4-first-annotation.jsonl")
    second = units("events-wikinews-dev4-second-annotator.jsonl")
    spans = [[(u["source"], u["start"], u["end"]) for u in f] for f in (adjudicated, first, second)]
    assert len(spans[0]) == 150 and spans[0] == spans[1] == spans[2]
    rows = (GOLD / "events-wikinews-dev4-adjudication.tsv").read_text(encoding="utf-8").splitlines()
    header, body = rows[0].split("\t"), [r.split("\t") for r in rows[1:]]
    assert header[:3] == ["unit_index", "article", "field"]
    assert header[-2:] == ["decision", "reason"]
    decided = {int(r[0]) for r in body}
    assert all(r[-1].strip() for r in body)
    for i, (a, f) in enumerate(zip(adjudicated, first, strict=True)):
        if a != f:
            assert i in decided, f"unit {i} differs from the first annotation with no reason"
    for r in body:
        assert r[1] == first[int(r[0])]["source"].split("#")[1]


def _sources(name: str) -> list[str]:
    """The distinct article sources of a gold file, in file order."""
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(json.loads(line)["source"] for line in lines if line.strip()))


def _assert_named_only_in(sources: list[str], allowed: tuple[str, ...]) -> None:
    """No gold file but those whose name holds one of ``allowed`` names one of these articles."""
    ids = {s.rpartition("#")[2] for s in sources}
    for path in GOLD.iterdir():
        if path.is_file() and not any(name in path.name for name in allowed):
            text = path.read_text(encoding="utf-8")
            assert not [i for i in ids if any(f"{i}{end}" in text for end in "\"\n\t")], path.name


def test_blind_dev12_shares_no_article_with_any_other_gold_file() -> None:
    """dev12 is blind only if no other gold set (training, development, test, quotes, pairs, times)
    names one of its articles — but the quotes split dev5, which annotates the same articles on
    purpose (tests/evaluate/test_quote_gold.py); its second annotation covers twenty of them."""
    dev12 = set(_sources("events-wikinews-dev12.jsonl"))
    second = set(_sources("events-wikinews-dev12-second-annotator.jsonl"))
    assert len(dev12) == 40 and len(second) == 20 and second <= dev12
    _assert_named_only_in(sorted(dev12), ("dev12", "quotes-wikinews-dev5"))


@pytest.mark.parametrize(("events", "quotes"), [("dev13", "dev6"), ("dev14", "dev7"),
                                                ("dev15", "dev8"), ("dev16", "dev9"),
                                                ("dev17", "dev10"), ("dev18", None),
                                                ("dev19", "dev11"), ("dev20", "dev12")])
def test_blind_events_set_shares_no_article_with_any_other_gold_file(events: str,
                                                                    quotes: str | None) -> None:
    """dev13 (session 37), dev14 (session 38), dev15 (session 41) and dev16 (session 42) are
    blind only if no other gold set names one of their articles — but the quotes split made on
    the same 40 articles on purpose (dev6 to dev9); each second annotation covers the last
    twenty, as the build scripts say (scripts/gold/build_dev13.sh to build_dev16.sh). dev18
    (session 45) was made alone, with no quotes split: no other file may name its articles;
    dev19 (session 46) and dev20 (session 47) share theirs with quotes dev11 and dev12."""
    blind = _sources(f"events-wikinews-{events}.jsonl")
    second = _sources(f"events-wikinews-{events}-second-annotator.jsonl")
    assert len(blind) == 40 and second == blind[20:]
    same_articles = (events,) if quotes is None else (events, f"quotes-wikinews-{quotes}")
    _assert_named_only_in(blind, same_articles)


@pytest.mark.parametrize(("events", "articles"), [("dev21", 40), ("dev22", 36), ("dev23", 18)])
def test_blind_set_annotated_once_shares_no_article_with_any_other_gold_file(
        events: str, articles: int) -> None:
    """dev21 (session 47; train13 took the same draw's others) and dev22 (session 49: every
    article of its draw, the last unnamed ones of 1,200-3,500 characters) and dev23 (session 50:
    every unnamed article left with 3-160 sentences, of any length) were annotated once,
    with no second annotation and no quotes split: their articles may appear in no other gold
    file."""
    blind = _sources(f"events-wikinews-{events}.jsonl")
    assert len(blind) == articles
    _assert_named_only_in(blind, (events,))


def test_blind_dev24_and_its_second_annotation_share_no_article_with_any_other_gold_file() -> None:
    """dev24 (session 51: the corpus's last five unnamed articles, of 210-764 sentences) was
    annotated twice, whole, with no quotes split: its articles may appear in no other gold file."""
    blind = _sources("events-wikinews-dev24.jsonl")
    assert len(blind) == 5
    assert sorted(_sources("events-wikinews-dev24-second-annotator.jsonl")) == sorted(blind)
    _assert_named_only_in(blind, ("dev24",))
