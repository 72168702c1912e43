"""Load a file of ``scripts/`` or ``bench/`` as a module, for tests of the data builders and
bench scripts (neither folder is a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def load_file(path: str, register: bool = False) -> ModuleType:
    """The repository file ``path`` (``"bench/argument_ranker.py"``) as a module named after
    it; ``register`` puts it in ``sys.modules`` first, which a script's dataclasses need to be
    pickled or to look their own module up."""
    name = Path(path).stem
    spec = importlib.util.spec_from_file_location(name, REPO / path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    if register:
        sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
