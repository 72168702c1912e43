"""Load a file of ``scripts/`` as a module, for tests of the data builders (scripts/ is not a
package)."""

from __future__ import annotations

from types import ModuleType

from tests.scripts import load_file


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module."""
    return load_file(f"scripts/{name}.py")
