"""Names a package imports on first use (PEP 562 ``__getattr__``), so that importing it stays
cheap: ``import diurna``, which every ``diurna`` command pays, and a store's queries (which need
only :mod:`diurna.places.codes`) do not import the page stack and the stages behind it until
one of those names is asked for (session 34, brief W5; docs/batch.md)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def attribute_importer(
    package: str, names: dict[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name in ``names`` (name → the module that
    defines it) is imported the first time it is asked for and kept in ``namespace`` (the
    package's ``globals()``), so later lookups find it directly; any other name is an
    ``AttributeError``, as for an ordinary module."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
