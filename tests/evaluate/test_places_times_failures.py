"""`diurna evaluate places` and `diurna evaluate times` on a document the pipeline raises on.

Every path (the project's JSONL, LGL/GeoVirus XML, TimeML files and TimeML-style JSONL) goes on
past it: the other document's figures are as without it, the failing one's gold counts as
missed, the report names it under FAILED after the figures and the command exits 1. The gold is
written here, on hand-made texts (no shared file is read)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from diurna.evaluate import places as place_scorer
from diurna.evaluate import times as time_scorer
from diurna.model import Document

FIRST, OTHER = "probes/first.txt", "probes/other.txt"
TEXTS = {
    FIRST: "Ali Akbar Velayati spoke in Tehran on February 14, 2018, before he flew to Damascus.",
    OTHER: "Aid officials met in Baghdad on Monday and in Amman on Tuesday.",
}
PUBLISHED = "2018-02-15"
PLACES = {FIRST: [("Tehran", 112931, 35.69439, 51.42151), ("Damascus", 170654, 33.5102, 36.29128)],
          OTHER: [("Baghdad", 98182, 33.34058, 44.40088), ("Amman", 250441, 31.95522, 35.94503)]}
TIMES = {FIRST: [("February 14, 2018", "2018-02-14")],
         OTHER: [("Monday", "2018-02-12"), ("Tuesday", "2018-02-13")]}
ERROR = "RuntimeError: can't compare offset-naive and offset-aware datetimes"


def _span(text: str, word: str) -> dict[str, Any]:
    start = text.index(word)
    return {"start": start, "end": start + len(word), "text": word}


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _place_line(source: str) -> dict[str, Any]:
    text = TEXTS[source]
    return {"source": source, "published": PUBLISHED, "start": 0, "end": len(text),
            "toponyms": [{**_span(text, name), "geonameid": gid, "lat": lat, "lon": lon}
                         for name, gid, lat, lon in PLACES[source]]}


def _time_line(source: str) -> dict[str, Any]:
    text = TEXTS[source]
    return {"source": source, "published": PUBLISHED, "start": 0, "end": len(text),
            "times": [{**_span(text, phrase), "value": value, "precision": "day"}
                      for phrase, value in TIMES[source]]}


@pytest.fixture()
def texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gold sources read from :data:`TEXTS` (both scorers read them through places')."""
    monkeypatch.setattr(place_scorer, "base_text", lambda source, shared=None: TEXTS[source])
    monkeypatch.setattr(time_scorer, "base_text", lambda source, shared=None: TEXTS[source])


def _raises_after(monkeypatch: pytest.MonkeyPatch, component: type, source: str) -> None:
    """``component`` (the default pipeline, or one stage of it) raises on the document
    ``source``, after doing its work on it (what it left there must not count)."""
    original = component.__call__

    def call(self: object, doc: Document) -> Document:
        doc = original(self, doc)
        if doc.source == source:
            raise RuntimeError(ERROR.split(": ", 1)[1])
        return doc

    monkeypatch.setattr(component, "__call__", call)


def _pipeline_raises_on(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    from diurna.pipeline import Pipeline

    _raises_after(monkeypatch, Pipeline, source)


def _check_report(out: str, last_figure: str, documents: int, name: str) -> None:
    """The figures (and any listed errors), then the FAILED lines naming ``name``, last; no
    figure line for the failures."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("FAILED"))
    assert lines[at:] == [
        f"FAILED: the pipeline raised on 1 of {documents} documents; their gold counts as missed "
        "(a bug: please report it with the source)", f"  {name}: {ERROR}"]
    assert max(i for i, line in enumerate(lines) if line.startswith(last_figure)) < at
    assert not any(line.startswith("failures") for line in lines)


@pytest.mark.parametrize("scorer, line, last_figure", [
    (place_scorer, _place_line, "accuracy_161km_all"),
    (time_scorer, _time_line, "value_accuracy_all"),
])
def test_own_gold_a_failing_document_counts_as_missed_and_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        texts: None, scorer: Any, line: Any, last_figure: str) -> None:
    alone = scorer.score(_jsonl(tmp_path / "first.jsonl", [line(FIRST)]))
    both_gold = _jsonl(tmp_path / "both.jsonl", [line(FIRST), line(OTHER)])
    # with no failure: no FAILED line, exit 0
    assert scorer.main([str(both_gold)]) == 0
    assert "FAILED" not in capsys.readouterr().out
    _pipeline_raises_on(monkeypatch, OTHER)
    both = scorer.score(both_gold)
    assert alone["matched"] > 0 and alone["failures"] == []
    assert both["failures"] == [{"source": OTHER, "error": ERROR}]
    assert both["documents"] == 2
    # the first document's figures are as without the other; the other's gold is all missed
    missed = len(line(OTHER)[next(k for k in ("toponyms", "times") if k in line(OTHER))])
    assert both["gold"] == alone["gold"] + missed
    assert (both["predicted"], both["matched"]) == (alone["predicted"], alone["matched"])
    assert both["detection_precision"] == alone["detection_precision"]
    assert both["detection_recall"] == round(alone["matched"] / both["gold"], 4)
    right = "exact_id_accuracy" if scorer is place_scorer else "value_accuracy"
    assert both[right] == alone[right]
    assert both[f"{right}_all"] == pytest.approx(
        alone[f"{right}_all"] * alone["gold"] / both["gold"], abs=1e-4)
    # the command prints the figures, then names the document, and exits 1
    assert scorer.main([str(both_gold)]) == 1
    out = capsys.readouterr().out
    _check_report(out, last_figure, 2, OTHER)
    assert not any(line.startswith("documents") for line in out.splitlines())


# ---------------------------------------------------------------------------------------------
# LGL / GeoVirus XML


def _lgl_article(docid: str, source: str) -> str:
    text = TEXTS[source]
    tops = "".join(
        f"<toponym><start>{text.index(name)}</start><end>{text.index(name) + len(name)}</end>"
        f'<phrase>{name}</phrase><gaztag geonameid="{gid}"><name>{name}</name><lat>{lat}</lat>'
        f"<lon>{lon}</lon></gaztag></toponym>" for name, gid, lat, lon in PLACES[source])
    return (f'<article docid="{docid}"><dltime>{PUBLISHED} 12:00</dltime>'
            f"<text><![CDATA[{text}]]></text><toponyms>{tops}</toponyms></article>")


def _lgl(path: Path, *articles: str) -> Path:
    path.write_text(f"<articles>{''.join(articles)}</articles>", encoding="utf-8")
    return path


def test_xml_a_failing_article_counts_as_missed_and_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    alone = place_scorer.score_geo_xml(_lgl(tmp_path / "first.xml", _lgl_article("1", FIRST)))
    both_xml = _lgl(tmp_path / "both.xml", _lgl_article("1", FIRST), _lgl_article("2", OTHER))
    assert place_scorer.main([str(both_xml)]) == 0
    assert "FAILED" not in capsys.readouterr().out
    _pipeline_raises_on(monkeypatch, "2")
    both = place_scorer.score_geo_xml(both_xml)
    assert alone["matched"] > 0 and alone["failures"] == []
    assert both["failures"] == [{"source": "2", "error": ERROR}]
    assert both["gold"] == alone["gold"] + 2
    for key in ("predicted", "matched", "detection_precision", "found_resolvable",
                "found_exact_id", "found_acc_161km"):
        assert both[key] == alone[key], key
    assert both["detection_recall"] == round(alone["matched"] / both["gold"], 4)
    # given the gold spans, the failed article's toponyms count as unresolved
    assert both["given_resolvable"] == alone["given_resolvable"] + 2
    within = round(alone["given_acc_161km"] * alone["given_resolvable"])
    assert both["given_acc_161km"] == round(within / both["given_resolvable"], 4)
    assert place_scorer.main([str(both_xml), "-v"]) == 1
    _check_report(capsys.readouterr().out, "given_median_error_km", 2, "2")


def test_xml_a_failing_given_span_resolution_counts_as_unresolved_and_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from diurna.places.resolver import PlaceResolver

    both_xml = _lgl(tmp_path / "both.xml", _lgl_article("1", FIRST), _lgl_article("2", OTHER))
    before = place_scorer.score_geo_xml(both_xml)
    original = PlaceResolver.resolve_spans

    def resolve_spans(self: PlaceResolver, doc: Document, spans: Any) -> Any:
        if doc.source == "2":
            raise RuntimeError(ERROR.split(": ", 1)[1])
        return original(self, doc, spans)

    monkeypatch.setattr(PlaceResolver, "resolve_spans", resolve_spans)
    after = place_scorer.score_geo_xml(both_xml)
    assert before["failures"] == []
    assert after["failures"] == [{"source": "2", "error": "resolving the gold spans: " + ERROR}]
    # the pipeline ran on both articles: what it found is unchanged
    for key in ("gold", "predicted", "matched", "detection_recall", "found_acc_161km",
                "given_resolvable"):
        assert after[key] == before[key], key
    # the given spans of the article whose resolution raised count as unresolved
    assert after["given_acc_161km"] < before["given_acc_161km"]
    assert place_scorer.main([str(both_xml)]) == 1
    assert "resolving the gold spans" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# TimeML files and TimeML-style JSONL


TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" \
functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs exploded outside two embassies <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday\
</TIMEX3>, and the talks had lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days\
</TIMEX3>.
</TEXT>
</TimeML>
"""


def _time_resolver_raises_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from diurna.time import TimeResolver

    _raises_after(monkeypatch, TimeResolver, name)


def test_timeml_a_failing_document_counts_as_missed_and_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("D1", "D2"):
        (tmp_path / f"{name}.tml").write_text(TML.format(name=name), encoding="utf-8")
    first, other = (time_scorer.read_timeml(tmp_path / f"{n}.tml") for n in ("D1", "D2"))
    alone = time_scorer.score_timeml([first], time_scorer.run_timeml([first]))
    assert time_scorer.main([str(tmp_path), "--holdout", "0"]) == 0
    assert "FAILED" not in capsys.readouterr().out
    _time_resolver_raises_on(monkeypatch, "D2")
    failures: list[dict[str, str]] = []
    predicted = time_scorer.run_timeml([first, other], failures)
    both = time_scorer.score_timeml([first, other], predicted, failures=failures)
    assert alone["matched"] == 2 and alone["failures"] == []
    assert both["failures"] == failures == [{"source": "D2", "error": ERROR}]
    assert both["gold"] == 2 * alone["gold"]
    assert (both["predicted"], both["matched"]) == (alone["predicted"], alone["matched"])
    assert both["span_recall"] == round(alone["span_recall"] / 2, 4)
    assert both["date_value_accuracy"] == round(alone["date_value_accuracy"] / 2, 4)
    # a split holding only the other document names no failure
    assert time_scorer.score_timeml([first], predicted, failures=failures)["failures"] == []
    assert time_scorer.main([str(tmp_path), "--holdout", "0", "-v"]) == 1
    _check_report(capsys.readouterr().out, "duration_value_accuracy_found", 2, "D2")


def test_timeml_offset_jsonl_a_failing_document_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        texts: None) -> None:
    rows = [{"source": s, "published": PUBLISHED, "start": 0, "end": len(TEXTS[s]),
             "timexes": [{**_span(TEXTS[s], phrase), "type": "DATE", "value": value}
                         for phrase, value in TIMES[s]]} for s in (FIRST, OTHER)]
    gold = _jsonl(tmp_path / "timeml.jsonl", rows)
    assert time_scorer.main([str(gold), "--holdout", "0"]) == 0
    assert "FAILED" not in capsys.readouterr().out
    _time_resolver_raises_on(monkeypatch, OTHER)
    assert time_scorer.main([str(gold), "--holdout", "0"]) == 1
    _check_report(capsys.readouterr().out, "duration_value_accuracy_found", 2, OTHER)
