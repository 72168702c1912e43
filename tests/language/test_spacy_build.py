"""The spaCy build detector: whether spaCy's Cython code has the profiling hooks compiled in."""

from __future__ import annotations

import sys
from importlib.metadata import distribution

from diurna.language.spacy_build import (
    spacy_build_line,
    spacy_cython_functions,
    spacy_profiling_hooks,
)


def test_only_spacys_own_compiled_functions_count() -> None:
    keys = [
        ("spacy/tokens/doc.pyx", 202, "__init__"),  # spaCy, compiled: counts
        ("spacy/vocab.pxd", 30, "get"),  # spaCy, compiled: counts
        ("thinc/backends/numpy_ops.pyx", 52, "__init__"),  # thinc's, not spaCy's build
        ("/venv/lib/python3.11/site-packages/spacy/util.py", 10, "load"),  # pure Python
        ("~", 0, "<built-in method builtins.len>"),  # a C call cProfile always sees
    ]
    assert spacy_cython_functions(keys) == [keys[0], keys[1]]
    assert spacy_cython_functions(keys[2:]) == []


def _built_here() -> bool:
    """Whether the installed spaCy wheel was built on this machine (``setup.sh --fast-spacy``):
    its tag is the plain ``linux_x86_64``, where PyPI's wheels are ``manylinux``."""
    wheel = distribution("spacy").read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip() for line in wheel.splitlines()
            if line.startswith("Tag:")]
    return bool(tags) and not any("manylinux" in tag for tag in tags)


def test_the_detector_answers_right_for_the_installed_build() -> None:
    # The project installs spaCy two ways: PyPI's wheel, which for Python < 3.12 has the hooks,
    # or the setup's own build from the sdist, which compiles them out.
    expected = sys.version_info < (3, 12) and not _built_here()
    assert spacy_profiling_hooks() is expected
    assert spacy_build_line().endswith("profiling hooks: " + ("yes" if expected else "no"))
