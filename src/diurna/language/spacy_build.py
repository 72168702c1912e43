"""Which spaCy build runs: whether its Cython code was compiled with Cython's profiling hooks.

spaCy's PyPI wheels for Python < 3.12 are compiled with ``profile=True`` (its ``setup.py``), so
every compiled spaCy function reports itself to the profiler, and pays for it even when no
profiler runs (about a fifth of the pipeline's CPU, docs/scale.md §1, session 36).
``bash scripts/setup.sh`` rebuilds the same pinned spaCy from its sdist with the hooks
compiled out (its default since session 36; ``--wheel-spacy`` keeps the wheel); the outputs are
the same. Benchmarks print this so that their figures say
which build they timed.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Iterable

# cProfile's key of a function: (file, first line, name).
StatsKey = tuple[str, int, str]


def spacy_cython_functions(keys: Iterable[StatsKey]) -> list[StatsKey]:
    """The keys of ``keys`` that are spaCy's own compiled (Cython) functions.

    Only a function compiled with the profiling hooks reaches cProfile with its ``.pyx`` file;
    without them cProfile sees none of spaCy's compiled code. thinc's files (``thinc/...pyx``)
    are left out: the question is how spaCy was built.
    """
    return [key for key in keys
            if key[0].startswith("spacy/") and key[0].endswith((".pyx", ".pxd"))]


def spacy_profiling_hooks() -> bool:
    """True when the installed spaCy was compiled with Cython's profiling hooks.

    Profiles one two-word ``Doc`` made on an empty ``Vocab`` (a few milliseconds, no model):
    with the hooks, ``Vocab.__init__`` and ``Doc.__init__`` show in the profile.
    """
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    profile = cProfile.Profile()
    profile.enable()
    try:
        Doc(Vocab(), words=["Police", "fired"])
    finally:
        profile.disable()
    stats: dict[StatsKey, object] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return bool(spacy_cython_functions(stats))


def spacy_build_line() -> str:
    """One line for a benchmark's output: the spaCy version and whether its hooks are in."""
    import spacy

    hooks = "yes" if spacy_profiling_hooks() else "no"
    return f"spaCy {spacy.__version__}, profiling hooks: {hooks}"
