"""Hostile text after the page stage: every stage, the store, the exports and the API
(docs/batch.md, round 12). The inputs come from tests/hostile_text.py; the store checks from
bench/hostile_pipeline.py, which runs the same inputs at their full sizes."""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diurna.model import Mention, Quote, Span
from diurna.page import RawInput, read_page
from tests.hostile_text import ARABIC, CHINESE, EMOJI, NEWS, NEWS2, QUOTE, _words, fragment
from tests.scripts import load_file


@lru_cache(maxsize=1)
def bench() -> ModuleType:
    return load_file("bench/hostile_pipeline.py", register=True)


@lru_cache(maxsize=1)
def audit() -> ModuleType:
    return load_file("bench/provenance_audit.py", register=True)


def test_a_run_on_line_is_cut_into_sentences_the_stages_can_read() -> None:
    """3,000 words with no stop were one sentence, and every stage after the parser works per
    word over its sentence: the brief's 190,000-character line took 266 s. A sentence now runs
    at most MAX_RUN_TOKENS tokens without a mark that may end it; an ordinary one is whole."""
    from diurna.language.spacy_stage import load_nlp

    nlp = load_nlp()
    parsed = nlp(_words(random.Random(1), 3000))
    assert max(len(s) for s in parsed.sents) <= 250  # spacy_stage.MAX_RUN_TOKENS
    assert len(list(nlp(NEWS).sents)) == 1


def test_statements_read_twice_compare_each_statements_words_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The check for a statement read twice took every statement's words again for every
    pair: 1,500 statements of one long page took most of its minutes."""
    from diurna.statements import quotes as q

    calls = []
    real = q._words

    def counted(text: str, quote: Quote) -> set[int]:
        calls.append(quote)
        return real(text, quote)

    monkeypatch.setattr(q, "_words", counted)
    text = " ".join(f"w{i} said x{i} y{i}." for i in range(200))
    made = [Quote(m, m + 2, text[m:m + 2], kind="indirect", cue=Span(m, m + 1, text[m]),
                  speaker=Mention(m, m + 1, text[m]))
            for m in (text.index(f"x{i} ") for i in range(200))]
    assert len(q._one_line_each(text, made)) == 200
    assert len(calls) <= 200


ranges = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(
    lambda r: (r[0], r[0] + r[1])), max_size=12)


@settings(max_examples=200, deadline=None)
@given(spans=ranges, pos=st.integers(-2, 95))
def test_quote_ranges_looked_up_by_bisection_answer_as_a_scan(
        spans: list[tuple[int, int]], pos: int) -> None:
    """The learned coder's "in_quote" feature, now looked up in merged ranges (a scan of
    every quote for every word took seconds on a page of 1,500 statements)."""
    from diurna.intervals import in_ranges, merged_ranges

    merged = merged_ranges(spans)
    assert in_ranges(merged, pos) == any(s <= pos < e for s, e in spans)
    assert all(a[1] < b[0] for a, b in zip(merged, merged[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(spans=ranges, probe=st.tuples(st.integers(0, 90), st.integers(0, 20)))
def test_mention_lookups_by_bisection_answer_as_a_scan(
        spans: list[tuple[int, int]], probe: tuple[int, int]) -> None:
    """The mention finder's spans inside and around a span, in the same order as a scan of
    every mention (which took seconds per page of 5,000 mentions)."""
    from diurna.model import Document
    from diurna.statements.mentions import MentionFinder

    doc = Document(id="0" * 16, source="<t>", text="x" * 100)
    doc.mentions = [Mention(s, e, "x" * (e - s)) for s, e in spans]
    finder = MentionFinder(doc, None)
    start, end = probe[0], probe[0] + probe[1]
    ordered = finder.mentions
    assert finder._within(start, end) == [m for m in ordered if m.start >= start and m.end <= end]
    assert finder._containing(start, end) == [m for m in ordered
                                              if m.start <= start and m.end >= end]


@pytest.mark.parametrize(("given", "stored"), [
    ("garbage", None), ("2018-02-30", None), ("99999-01-01", None), ("0000-00-00T99:99", None),
    ("2018-02-15", "2018-02-15"), ("2018-02-15T10:00:00Z", "2018-02-15T10:00:00Z"),
    ("2018-02", "2018-02"),
])
def test_a_records_published_is_used_only_when_it_is_a_date(given: str, stored: str | None) -> None:
    """A JSONL record's "published": "garbage" was stored as the page's date."""
    raw = RawInput("r.jsonl:1", NEWS.encode(), kind="text", meta={"published": given})
    doc = read_page(raw)
    assert doc.published == stored
    assert doc.published_source == ("input" if stored else None)


def test_hostile_batch_through_every_surface(tmp_path: Path) -> None:
    """The brief's hostile shapes (small sizes) through ``diurna process`` into one store after
    a good page: no traceback; each input stored or rejected with a reason; the good page's
    rows unchanged; every stored span is its text's; the exports and the API read it back."""
    b = bench()
    names = b.write_inputs(tmp_path / "in", scale=0.01)
    db = tmp_path / "h.db"
    b.run_cli("process", str(tmp_path / "in" / "00_good.txt"), "--db", str(db), "-q")
    good_id = b.content_id(b.GOOD.encode())
    before = b.good_rows(db, good_id)
    b.run_cli("process", str(tmp_path / "in"), "--db", str(db), "--published", "2018-02-15",
              "-q", check=False)
    from diurna.store import Store

    with Store(db) as store:
        sources = {d["source"] for d in store.documents()}
        rejected = {r["source"]: r["reason"] for r in store.rejections()}
    files = {Path(s.split(":")[0].split("#")[0]).name for s in sources | set(rejected)}
    assert set(names) <= files  # each input stored, or rejected with its reason
    assert all(rejected.values())
    assert b.good_rows(db, good_id) == before
    assert b.span_faults(db) == []
    counts = b.exports_parse(db, tmp_path)
    assert counts["events"] == counts["csv"] == counts["jsonl"] == counts["parquet"] > 0
    assert b.api_faults(db) == []


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), pieces=st.integers(1, 12))
def test_news_mixed_with_hostile_fragments_is_read_with_provenance(
        seed: int, pieces: int, tmp_path: Path) -> None:
    """Ordinary sentences among hostile fragments, through the library and the store: no
    error, and every span (read and stored) is the text at its offsets."""
    import diurna
    from diurna.store import Store

    rng = random.Random(seed)
    body = "\n\n".join(" ".join(fragment(rng) for _ in range(rng.randrange(1, 4)))
                       + " " + rng.choice((NEWS, NEWS2, QUOTE)) for _ in range(pieces))
    doc = diurna.process(f"Mixed page {seed}\n\n{body}", published="2018-02-15", kind="text")
    if doc.rejected:
        assert doc.rejection_detail
        return
    for what, field, span in audit().document_spans(doc):
        assert doc.field_text(field)[span.start:span.end] == span.text, (what, span)
    db = tmp_path / f"{seed}.db"
    with Store(db) as store:
        store.save(doc)
    assert bench().span_faults(db) == []


@pytest.mark.parametrize("text", [
    " ".join(w + EMOJI[i % 5] for i, w in enumerate((NEWS + " " + NEWS2).split())),
    " ".join((NEWS, ARABIC, CHINESE, QUOTE, ARABIC + CHINESE, NEWS2)),
    "".join(ch + ("\u200b" if i % 3 else "\u0301") for i, ch in enumerate(NEWS + " " + QUOTE)),
])
def test_english_among_emoji_controls_and_other_scripts_is_english(text: str) -> None:
    """Emoji after every word, a zero-width space or diacritic after every letter, and an
    Arabic and a Chinese sentence among English ones were read as Nigerian Pidgin or Moroccan
    Arabic, and the page's English stages skipped."""
    from diurna.page.reader import detect_language

    assert detect_language(text) == "en"


@pytest.mark.parametrize(("lang", "text"), [
    ("ja", "日本政府は月曜日、東京で記者会見を開き、新たな経済対策を発表した。"
           "首相は「国民の生活を守る」と述べた。"),
    ("de", "Die Bundesregierung hat am Montag in Berlin neue Sanktionen gegen Russland "
           "beschlossen, wie ein Sprecher des Auswärtigen Amtes mitteilte."),
    ("ar", ARABIC + " " + ARABIC + " " + NEWS2),
])
def test_a_page_in_another_language_keeps_its_language(lang: str, text: str) -> None:
    from diurna.page.reader import detect_language

    assert detect_language(text) == lang
