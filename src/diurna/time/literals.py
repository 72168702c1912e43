"""Words a regular expression cannot match without: skip a pattern on a text that has none.

The time stage runs some 75 patterns over every body (``find_expressions``), and scanning is most
of the stage's CPU: Python's ``re`` tries every position of the text, even for a pattern that can
only match where "GMT", "moment" or a holiday's name is written. :func:`required_literals` reads a
compiled pattern's parse and returns a set of strings at least one of which every match contains;
when a text holds none of them the pattern cannot match there and need not be run
(:func:`may_match`). The matches found are the same by construction (docs/scale.md, session 35).

The strings are lower-case ASCII, looked for in the text folded by :func:`fold`, so that a part
under ``IGNORECASE`` gives strings too: there ``re`` matches an ASCII letter to its other case and
to four characters outside ASCII ("ſ" for "s", the Kelvin sign for "k", "ı" and "İ" for "i"),
which :func:`fold` maps to the letter (``tests/time/test_literals.py`` checks the list against
``re`` itself on every code point). A literal outside ASCII ends a string. A pattern with no
provable string gives None and is always run. The parse is ``re``'s own (``re._parser``, Python
≥ 3.11); should its form ever change, the derivation gives None and every pattern runs as before.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

# A set of lower-case ASCII strings one of which every match contains (in the folded text);
# None: nothing is known, the pattern is always run.
Needs = frozenset[str] | None

# The characters outside ASCII that ``re.IGNORECASE`` matches to an ASCII letter.
_TO_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def fold(text: str) -> str:
    """``text`` as :func:`may_match` searches it: lower-cased, with the characters ``re`` matches
    to an ASCII letter under ``IGNORECASE`` made that letter (one character for one, so a run of
    matched characters stays a run)."""
    return text.translate(_TO_ASCII).lower()


def _re_module(name: str) -> Any:
    """``re``'s own parser or its constants (``re._parser``, ``re._constants``: private, so
    untyped here, and looked up where used, inside :func:`required_literals`' guard)."""
    return importlib.import_module(f"re.{name}")


def _better(a: Needs, b: Needs) -> Needs:
    """Either requirement is true of every match; keep the one whose shortest string is longer
    (the rarer in text, so the one that skips more often)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _sequence(items: Any, flags: int) -> Needs:
    """What a sequence of parse items requires: any one item's requirement holds for the whole,
    and adjacent ASCII literal characters make one string."""
    c = _re_module("_constants")
    needs: Needs = None
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            needs = _better(needs, frozenset(["".join(run)]))
            run = []
        needs = _better(needs, _item(op, av, flags))
    if run:
        needs = _better(needs, frozenset(["".join(run)]))
    return needs


def _item(op: Any, av: Any, flags: int) -> Needs:
    """What one parse item requires: a group what its content does, a repeat of at least once
    what its body does, an alternation the union of its branches (None if any branch needs
    nothing); anything else (a class, a look-around, a back-reference) nothing."""
    c = _re_module("_constants")
    if op is c.SUBPATTERN:
        _, add, remove, body = av
        return _sequence(body.data, (flags | add) & ~remove)
    if op is c.ATOMIC_GROUP:
        return _sequence(av.data, flags)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _, body = av
        return _sequence(body.data, flags) if least >= 1 else None
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            needs = _sequence(branch.data, flags)
            if needs is None:
                return None
            union |= needs
        return frozenset(union)
    return None


@lru_cache(maxsize=512)
def required_literals(rx: re.Pattern[str]) -> Needs:
    """Lower-case strings at least one of which every match of ``rx`` contains, once folded
    (:func:`fold`), or None when none can be proved
    (``required_literals(re.compile(r"\\b(?:noon|midday)\\b")) == {"noon", "midday"}``).
    Kept per pattern (a compiled pattern is its text and flags, all the answer depends on)."""
    if rx.flags & re.LOCALE:  # (str patterns never have it; the folding assumes Unicode rules)
        return None
    try:
        needs = _sequence(_re_module("_parser").parse(rx.pattern, rx.flags).data, rx.flags)
    except Exception:  # noqa: BLE001 - another Python's parse: no filter, same matches
        return None
    return needs if needs and all(needs) else None


def may_match(needs: Needs, folded: str) -> bool:
    """Whether a pattern whose :func:`required_literals` are ``needs`` can match in a text
    whose :func:`fold` is ``folded``."""
    return needs is None or any(word in folded for word in needs)
