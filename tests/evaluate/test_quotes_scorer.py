"""The quote scorer on hand-made gold lines: what counts as a match, a right speaker and cue, and
the figures a user reads (expected values worked out by hand in the comments)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from diurna.evaluate import quotes as q
from diurna.model import Document, Entity, Mention, Quote, Span

TEXT = ('Smith spoke. "We will not resign this year," he said. Critics called it a '
        '"disaster for everyone". The ministry declined to comment.')
SOURCE = "corpus/quotes-test.txt"


def span(s: str, nth: int = 1) -> dict[str, Any]:
    at = -1
    for _ in range(nth):
        at = TEXT.index(s, at + 1)
    return {"start": at, "end": at + len(s), "text": s}


def att(kind: str, content: list[str], speaker: str | None, cue: str,
        name: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"n": [1], "kind": kind, "content": [span(c) for c in content],
            "speaker": span(speaker) if speaker else None, "speaker_name": name,
            "source_kind": "person", "speaker_code": code, "cue": span(cue), "via": None,
            "parent": None}


GOLD: dict[str, Any] = {"source": SOURCE, "published": "2024-03-01", "start": 0, "end": len(TEXT),
        "attributions": [
            att("direct", ["We will not resign this year"], "he", "said", "John Smith"),
            att("direct", ["disaster for everyone"], "Critics", "called"),
            att("indirect", [], "The ministry", "declined to comment")]}


def _span(s: str) -> Span:
    d = span(s)
    return Span(d["start"], d["end"], d["text"])


def _mention(s: str) -> Mention:
    d = span(s)
    return Mention(d["start"], d["end"], d["text"])


def _quote(content: str, kind: str, speaker: str | None, cue: str | None) -> Quote:
    c = _span(content)
    return Quote(c.start, c.end, c.text, kind=kind,  # type: ignore[arg-type]
                 speaker=_mention(speaker) if speaker else None,
                 cue=_span(cue) if cue else None)


def stub(doc: Document) -> Document:
    """Stands in for the pipeline: three right quotes (one with no speaker), one spurious."""
    doc.quotes = [
        _quote("We will not resign this year", "direct", "Smith", "said"),  # he -> Smith
        _quote("disaster for everyone", "direct", None, "called"),
        _quote("comment", "indirect", "The ministry", "declined"),
        _quote("Smith spoke", "direct", None, None),
    ]
    d = span("Smith")
    doc.entities = [Entity(d["start"], d["end"], "Smith", label="PERSON")]
    return doc


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "quotes-test.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "quotes.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    return path


def test_figures_of_a_hand_made_article(gold_file: Path) -> None:
    r = q.score(gold_file, runner=stub, shared=gold_file.parent, heldout=set())
    f = r["figures"]
    # 3 gold, 4 predicted, 3 matched (the content-less one through its cue)
    assert f["detection"]["precision"] == pytest.approx(0.75)
    assert f["detection"]["recall"] == pytest.approx(1.0)
    assert f["detection"]["f1"] == pytest.approx(6 / 7)
    # speaker: "Smith" names "John Smith" (right), none for Critics (wrong), ministry span (right)
    assert f["speaker"] == pytest.approx(2 / 3)
    assert f["cue"] == pytest.approx(1.0)
    # 3 predicted direct quotes, 2 of them real direct quotes
    assert f["direct_precision"] == pytest.approx(2 / 3)
    assert f["direct"]["recall"] == pytest.approx(1.0)
    assert f["indirect"]["f1"] == pytest.approx(1.0)
    assert f["recall_parts_none"] == pytest.approx(1.0)  # "declined to comment", by its cue


def test_baseline_quoted_spans_with_nearest_person_and_speech_verb(gold_file: Path) -> None:
    r = q.score(gold_file, runner=stub, shared=gold_file.parent, heldout=set())
    b = r["baseline"]["figures"]
    # two quoted spans, both attributions; the declined-to-comment one is missed
    assert b["detection"]["precision"] == pytest.approx(1.0)
    assert b["detection"]["recall"] == pytest.approx(2 / 3)
    # nearest PERSON is Smith for both (right for the first only); nearest speech verb "said"
    # for both ("called" is not in the baseline's list): right for the first only
    assert b["speaker"] == pytest.approx(0.5)
    assert b["cue"] == pytest.approx(0.5)
    assert b["recall_parts_none"] == pytest.approx(0.0)
    assert "detection F1" in q.format_report(r)


def _pred(text: str, start: int, end: int, speaker: str | None = None) -> q.Attribution:
    c = [q.Spn(start, end, text[start:end])]
    return q.Attribution(kind="direct", content=c, tokens=q.tokens_of(text, c),
                         speaker=q.Spn(0, 0, speaker) if speaker else None)


def test_content_match_needs_half_of_each_sides_tokens() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve thirteen"
    gold = [_pred(text, 0, text.index(" seven"))]  # six tokens
    half = _pred(text, text.index("four"), text.index(" seven"))  # 3 of 6 shared: matched
    third = _pred(text, text.index("five"), text.index(" seven"))  # 2 of 6: not matched
    too_long = _pred(text, 0, len(text))  # all 6 shared, but 6 of its 13: not matched
    assert q.match(gold, [half]) == [(0, 0)]
    assert q.match(gold, [third]) == []
    assert q.match(gold, [too_long]) == []
    assert q.match(gold, [third, half]) == [(0, 1)]


def test_speaker_names_match_on_the_last_capitalised_word_only() -> None:
    assert q.same_name("George W. Bush", "Bush")
    assert q.same_name("the White House", "White House")
    assert not q.same_name("the minister", "Foreign Minister Ali Larijani")
    assert not q.same_name("the President", "President Bush")


def test_agentless_gold_wants_no_speaker() -> None:
    gold = q.Attribution(kind="indirect", content=[])
    assert q.speaker_right(gold, q.Attribution(kind="indirect", content=[]))
    text = "x"
    assert not q.speaker_right(gold, _pred(text, 0, 1, speaker="officials"))


def test_a_pronoun_speaker_counts_as_named_only_when_resolved_to_the_person() -> None:
    text = "Kofi Annan arrived. He said the truce holds."
    he = text.index("He")
    content = [q.Spn(text.index("the truce"), len(text) - 1, "the truce holds")]
    gold = q.Attribution(kind="indirect", content=content, speaker=q.Spn(he, he + 2, "He"),
                         speaker_name="Kofi Annan", tokens=q.tokens_of(text, content))
    unresolved = q.Attribution(kind="indirect", content=content, tokens=gold.tokens,
                               speaker=q.Spn(he, he + 2, "He"))
    resolved = q.Attribution(kind="indirect", content=content, tokens=gold.tokens,
                             speaker=q.Spn(0, 10, "Kofi Annan"))
    for pred, named in ((unresolved, 0.0), (resolved, 1.0)):
        figs = q.figures(q.tally([gold], [pred], [(0, 0)]))
        assert figs["speaker"] == 1.0 and figs["speaker_resolved"] == named
    named_gold = q.Attribution(kind="indirect", content=content, speaker=q.Spn(0, 10, "Kofi "
                               "Annan"), speaker_name="Kofi Annan", tokens=gold.tokens)
    assert not q.needs_resolving(named_gold) and q.needs_resolving(gold)


def test_verbose_is_refused_on_held_out_sources(gold_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    gold_file.with_name("quotes-heldout.txt").write_text(f"# frozen\n{SOURCE}\n")
    assert q.main([str(gold_file), "-v"]) == 2
    assert "-v refused" in capsys.readouterr().err
    with pytest.raises(ValueError, match="held-out"):
        q.score(gold_file, runner=stub, shared=gold_file.parent, errors=[])


def test_agreement_of_two_annotations(gold_file: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    other = dict(GOLD, attributions=GOLD["attributions"][:2])  # the second missed one
    second = gold_file.with_name("second.jsonl")
    second.write_text(json.dumps(other) + "\n", encoding="utf-8")
    monkeypatch.setenv("DIURNA_SHARED", str(gold_file.parent))
    r = q.agreement(gold_file, second)
    assert r["figures"]["detection"]["recall"] == pytest.approx(2 / 3)
    assert r["figures"]["detection"]["precision"] == pytest.approx(1.0)
    assert r["figures"]["speaker"] == pytest.approx(1.0)
    from click.testing import CliRunner

    from diurna.cli import cli

    res = CliRunner().invoke(cli, ["evaluate", "quotes-agreement", str(gold_file), str(second)])
    assert res.exit_code == 0
    assert "detection F1" in res.output


def test_a_drifted_gold_span_is_a_one_line_error(gold_file: Path) -> None:
    bad = json.loads(json.dumps(GOLD))
    bad["attributions"][0]["cue"]["start"] += 1
    gold_file.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="does not match the article text"):
        q.score(gold_file, runner=stub, shared=gold_file.parent, heldout=set())


def test_split_quote_parts_and_source_kind_are_scored() -> None:
    text = '"We will stay," she said. "The work is not done."'
    a, b = text.index("We will stay"), text.index("The work")
    gold = [q.Attribution(kind="direct", content=[q.Spn(a, a + 12), q.Spn(b, b + 22)],
                          speaker=q.Spn(15, 18), cue=q.Spn(19, 23), source_kind="person",
                          tokens=q.tokens_of(text, [q.Spn(a, a + 12), q.Spn(b, b + 22)]))]
    parts = [Span(a, a + 12, text[a:a + 12]), Span(b, b + 22, text[b:b + 22])]
    joined = Quote(a, b + 22, text[a:b + 22], kind="direct", parts=parts,
                   speaker=Mention(15, 18, "she"), cue=Span(19, 23, "said"),
                   source_kind="organisation")
    pred = [q.from_quote(text, joined)]
    # the parts, not the attribution between them, are the content: one exact match
    assert pred[0].tokens == gold[0].tokens
    c = q.tally(gold, pred, q.match(gold, pred))
    assert c["tp"] == 1 and c["sk_n"] == 1 and c["sk_right"] == 0  # organisation != person
    assert q.figures(c)["source_kind"] == 0.0


def test_report_rows_keep_one_column(gold_file: Path) -> None:
    """Every figure's value and interval start at the same column: "speaker named (he/the
    minister)" is longer than the 28 characters the labels had, and pushed its row right."""
    r = q.score(gold_file, runner=stub, shared=gold_file.parent, heldout=set())
    rows = q.format_report(r).splitlines()[2:-1]
    assert len(rows) == len(q._LABELS)
    intervals = [re.search(r"\d\.\d{3}-\d\.\d{3}", row) for row in rows]
    assert all(intervals), rows
    assert len({found.start() for found in intervals if found}) == 1, rows


def test_a_pipeline_crash_counts_the_articles_attributions_as_missed(gold_file: Path) -> None:
    def crash(doc: Document) -> Document:
        stub(doc)  # part of the work done before the error must not be scored
        raise RuntimeError("statements stage fell over")

    r = q.score(gold_file, runner=crash, shared=gold_file.parent, heldout=set())
    assert r["counts"].get("tp", 0) == 0 and r["counts"].get("pred", 0) == 0
    assert r["counts"]["gold"] == 3
    assert r["failures"] == [{"source": SOURCE,
                              "error": "RuntimeError: statements stage fell over"}]
    assert "FAILED: the pipeline raised on 1 of 1 documents" in q.format_report(r)
