"""Look-ups over a page's character spans that bisect instead of scanning every span.

Several stages asked, for each of a page's words or names, "which of the page's spans holds
this one?" by scanning them all: on a page of thousands of names or statements that is
seconds (docs/batch.md, round 12; docs/scale.md). Each class here answers exactly as that
scan did, including its order among ties, so a stage's output does not change.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence
from typing import Any


def _start(span: tuple[int, int]) -> int:
    return span[0]


def merged_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` sorted and merged where they overlap or touch, empty
    ones left out: what :func:`in_ranges` looks a position up in (the learned coders' "inside a
    quote" features: a scan of every quote for every word took seconds on a page of 1,500
    statements; docs/batch.md, round 12)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def in_ranges(ranges: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``ranges`` (:func:`merged_ranges`)."""
    i = bisect_right(ranges, pos, key=_start) - 1
    return i >= 0 and pos < ranges[i][1]


class StartOrder:
    """A list of spans (objects with ``start`` and ``end``) sorted by start, so that those
    whose start lies in a range are found by bisection and given back as positions in the
    list, in the list's own order (as a scan of the list would meet them). ``longest`` bounds
    how far before a position a span reaching it may start; ``reversed`` says the list holds
    a span ending before it starts, which breaks that bound (its users then scan)."""

    def __init__(self, spans: Sequence[Any]) -> None:
        self.spans = list(spans)
        self.reversed = any(x.end < x.start for x in self.spans)
        self.longest = max((x.end - x.start for x in self.spans), default=0)
        self._order = sorted(range(len(self.spans)), key=lambda i: self.spans[i].start)
        self._starts = [self.spans[i].start for i in self._order]

    def starting(self, lo: int, hi: int, *, after_lo: bool = False,
                 before_hi: bool = False) -> list[int]:
        """Positions, in list order, of the spans with ``lo <= start <= hi`` (``lo < start``
        with ``after_lo``, ``start < hi`` with ``before_hi``)."""
        a = (bisect_right if after_lo else bisect_left)(self._starts, lo)
        b = (bisect_left if before_hi else bisect_right)(self._starts, hi)
        return sorted(self._order[a:b])


class SpanSet:
    """A growing list of ``(start, end)`` character spans that answers "does ``[s, e)``
    share a character with one of them?" (``s < end and start < e``) by bisection.

    Spans are kept sorted by start; the longest one bounds how far before ``s`` a span that
    reaches into ``[s, e)`` may start, so only those starts are read. Iterating gives the
    spans in the order they were added, as the list it replaces did."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._added: list[tuple[int, int]] = []
        self._sorted: list[tuple[int, int]] = []
        self._longest = 0
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        """Add one span (``list.append``'s name: callers built a list of them)."""
        s, e = span
        self._added.append((s, e))
        insort(self._sorted, (s, e))
        # an empty or reversed span counts as length 0: it can still only start inside [s, e)
        self._longest = max(self._longest, e - s)

    def overlaps(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` shares a character with any span (the scan's test, exactly)."""
        # a span (a, b) with s < b and a < e has a > s - longest, since b - a <= longest
        lo = bisect_right(self._sorted, s - self._longest, key=_start)
        hi = bisect_left(self._sorted, e, key=_start)
        return any(s < b for _, b in self._sorted[lo:hi])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._added)

    def __len__(self) -> int:
        return len(self._added)


class FirstCovering:
    """For a position, the first of ``spans`` (in their given order) with ``start <= pos <
    end``, as ``next(i for i, (s, e) in enumerate(spans) if s <= pos < e)`` finds it.

    Built once by a sweep over the spans' starts and ends: between two consecutive ends or
    starts the answer cannot change, so each such piece keeps its answer and a look-up is one
    bisection (``O(n log n)`` to build, however long the spans are)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        opening: dict[int, list[tuple[int, int]]] = {}
        for rank, (s, e) in enumerate(spans):
            if s < e:  # an empty or reversed span holds no position
                opening.setdefault(s, []).append((rank, e))
        self._bounds = sorted({p for s, e in spans if s < e for p in (s, e)})
        self._answer: list[int | None] = []
        active: list[tuple[int, int]] = []  # (rank, end): a heap, the first rank on top
        for pos in self._bounds:
            for item in opening.get(pos, ()):
                heapq.heappush(active, item)
            while active and active[0][1] <= pos:  # ended: lazily dropped when on top
                heapq.heappop(active)
            self._answer.append(active[0][0] if active else None)

    def first(self, pos: int) -> int | None:
        """The index in ``spans`` of the first span holding ``pos``, or None."""
        i = bisect_right(self._bounds, pos) - 1
        return self._answer[i] if i >= 0 else None
