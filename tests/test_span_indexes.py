"""The look-ups that replaced scans over every span of a page (docs/scale.md, session 38 S1):
each answers exactly as the scan it replaced, checked against that scan on random spans
(empty and reversed ones included), and the statements' double-reading check no longer
compares every pair of statements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diurna.model import Actor, Mention, Quote, Span

# spans as the stages meet them, and the odd ones a scan also answered for
spans = st.lists(st.tuples(st.integers(0, 40), st.integers(-3, 15)).map(
    lambda r: (r[0], r[0] + r[1])), max_size=14)
probes = st.tuples(st.integers(-2, 60), st.integers(-2, 15)).map(lambda r: (r[0], r[0] + r[1]))


@settings(max_examples=300, deadline=None)
@given(steps=st.lists(st.tuples(st.booleans(), probes), max_size=30))
def test_taken_names_answer_overlaps_as_a_scan(steps: list[tuple[bool, tuple[int, int]]]
                                               ) -> None:
    """The places stage's "is this name inside one already taken?", with names taken between
    the questions as the stage takes them."""
    from diurna.intervals import SpanSet
    from diurna.places.recognize import overlaps

    taken = SpanSet()
    plain: list[tuple[int, int]] = []
    for add, (s, e) in steps:
        if add:
            taken.append((s, e))
            plain.append((s, e))
        else:
            assert overlaps(s, e, taken) == any(s < b and a < e for a, b in plain)
    assert list(taken) == plain and len(taken) == len(plain)


@settings(max_examples=300, deadline=None)
@given(given_spans=spans, pos=st.integers(-2, 60))
def test_first_span_holding_a_position_is_the_scans(given_spans: list[tuple[int, int]],
                                                    pos: int) -> None:
    from diurna.intervals import FirstCovering

    expected = next((i for i, (s, e) in enumerate(given_spans) if s <= pos < e), None)
    assert FirstCovering(given_spans).first(pos) == expected


@settings(max_examples=300, deadline=None)
@given(given_spans=spans)
def test_a_candidate_inside_another_is_found_as_by_every_pair(
        given_spans: list[tuple[int, int]]) -> None:
    """The statements check's "nested" feature (candidate_rows)."""
    from diurna.statements.learned import strictly_inside

    expected = [any(a <= s and e <= b and (a, b) != (s, e) for a, b in given_spans)
                for s, e in given_spans]
    assert strictly_inside(given_spans) == expected


def _kept_by_scan(rules: Sequence[bool], probs: Sequence[float], drop_below: float,
                  add_from: float, spans: Sequence[tuple[int, int, int]],
                  nested_below: float) -> list[bool]:
    """statements.learned.kept as it was (3763580): every host scanned per candidate."""
    out = [bool(p >= drop_below) if r else bool(p >= add_from)
           for r, p in zip(rules, probs, strict=True)]
    hosts = [(s, e) for (_, s, e), r, k in zip(spans, rules, out, strict=True) if r and k]
    for i, ((cue, s, e), r, p) in enumerate(zip(spans, rules, probs, strict=True)):
        if out[i] and r and p < nested_below and any(
                hs <= cue < he and (hs, he) != (s, e) for hs, he in hosts):
            out[i] = False
    return out


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(st.booleans(), st.sampled_from([0.05, 0.2, 0.5, 0.9]),
                               st.integers(0, 40), st.sampled_from([(0, 5), (3, 12), (10, 30),
                                                                    (3, 3), (20, 25)])),
                     max_size=12))
def test_statements_kept_at_the_thresholds_as_by_a_scan(
        rows: list[tuple[bool, float, int, tuple[int, int]]]) -> None:
    from diurna.statements.learned import kept

    rules = [r for r, _, _, _ in rows]
    probs = np.array([p for _, p, _, _ in rows])
    cand = [(cue, s, e) for _, _, cue, (s, e) in rows]
    assert kept(rules, probs, 0.1, 0.6, cand, 0.3) == _kept_by_scan(rules, probs, 0.1, 0.6,
                                                                     cand, 0.3)


@settings(max_examples=300, deadline=None)
@given(given_spans=spans, actors=st.lists(st.booleans(), min_size=14, max_size=14),
       probe=probes)
def test_the_mention_best_covering_a_phrase_is_the_scans(
        given_spans: list[tuple[int, int]], actors: list[bool], probe: tuple[int, int]) -> None:
    """The actors resolver's mention_at: covering, else inside with an actor, else inside,
    else overlapping, ties in the list's order."""
    from diurna.actors.resolver import MentionIndex, scan_mention_at

    actor = Actor("X", "X", None, None, "X")
    mentions = [Mention(s, e, "x", actor=actor if a else None)
                for (s, e), a in zip(given_spans, actors, strict=False)]
    assert MentionIndex(mentions).best(*probe) is scan_mention_at(mentions, *probe)


def _one_line_each_by_scan(text: str, quotes: list[Quote]) -> list[Quote]:
    """statements.quotes._one_line_each as it was (3763580): every kept statement compared."""
    from diurna.statements.quotes import _read_twice, _same_cue

    kept: list[Quote] = []
    for q in quotes:
        same = next((i for i, k in enumerate(kept) if _read_twice(text, k, q)), None)
        if same is None:
            kept.append(q)
        elif not _same_cue(kept[same], q) and q.speaker is not None:
            kept[same] = q
    return kept


TEXT = " ".join(f"w{i}" for i in range(60))  # every statement inside it


@st.composite
def statements(draw: Any) -> Quote:
    # few places, so that statements often share a cue or their words
    s = draw(st.sampled_from([0, 3, 6, 30, 80]))
    e = s + draw(st.sampled_from([0, 3, 6, 9, 30]))
    c = draw(st.sampled_from([0, 1, 3, 20, 21, 24, 85]))
    cue = None if draw(st.booleans()) else Span(c, c + draw(st.sampled_from([0, 2, 5])), "")
    return Quote(s, e, TEXT[s:e], kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                 cue=cue,
                 speaker=draw(st.sampled_from([None, Mention(0, 2, "w0")])))


@settings(max_examples=400, deadline=None)
@given(made=st.lists(statements(), max_size=12))
def test_one_line_each_keeps_what_comparing_every_pair_kept(made: list[Quote]) -> None:
    from diurna.statements.quotes import _one_line_each

    assert [id(q) for q in _one_line_each(TEXT, list(made))] == \
        [id(q) for q in _one_line_each_by_scan(TEXT, list(made))]


def test_one_line_each_compares_only_statements_that_share_a_cue_or_content(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 statements of one page, each with its own cue and words: none is compared with
    another (every pair was, 2 million comparisons: seconds on the hostile run-on page)."""
    from diurna.statements import quotes as q

    calls = []
    real = q._read_twice

    def counted(*args: Any) -> bool:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(q, "_read_twice", counted)
    text = " ".join(f"w{i} said x{i} y{i}." for i in range(2000))
    made = [Quote(m, m + 2, text[m:m + 2], kind="indirect", cue=Span(m - 5, m - 1, "said"),
                  speaker=Mention(m - 8, m - 6, "w"))
            for m in (text.index(f" x{i} ") + 1 for i in range(2000))]
    assert len(q._one_line_each(text, made)) == 2000
    assert len(calls) == 0


@settings(max_examples=200, deadline=None)
@given(made=st.lists(statements(), max_size=12), pos=st.integers(-2, 90))
def test_the_event_coders_quote_at_a_word_is_the_scans(made: list[Quote], pos: int) -> None:
    """The event coder's statement around a word (shortest first), and the direct one."""
    from diurna.events.coder import _DocCoder

    coder = object.__new__(_DocCoder)
    coder.quotes = sorted(made, key=lambda q: q.end - q.start)
    coder._quote_index = None
    for direct_only in (False, True):
        expected = next((q for q in coder.quotes if q.start <= pos < q.end
                         and (not direct_only or q.kind == "direct")), None)
        assert coder.quote_at(pos, direct_only=direct_only) is expected


@settings(max_examples=300, deadline=None)
@given(places=spans, sentences=spans, probe=probes)
def test_an_events_places_and_sentence_are_the_scans(
        places: list[tuple[int, int]], sentences: list[tuple[int, int]],
        probe: tuple[int, int]) -> None:
    """The places stage's per-event look-ups: the places within a clause or sentence (in the
    document's order) and the sentence holding a word."""
    from diurna.model import Document, Place
    from diurna.places.resolver import PlaceIndex

    doc = Document(id="0" * 16, source="<t>", text="x" * 100)
    doc.places = [Place(s, e, "x") for s, e in places]
    doc.sentences = [Span(s, e, "x") for s, e in sentences]
    lo, hi = probe
    index = PlaceIndex(doc)
    assert [id(p) for p in index.within(lo, hi)] == [
        id(p) for p in doc.places if p.start >= lo and p.end <= hi]
    assert index.sentence_at(lo) == next(
        (i for i, s in enumerate(doc.sentences) if s.start <= lo < s.end), None)
    doc.places.append(Place(lo, lo + 1, "x"))  # a place added later is found by a new index
    assert PlaceIndex(doc).within(lo, lo + 1)[-1] is doc.places[-1]
