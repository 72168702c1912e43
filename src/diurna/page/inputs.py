"""Turn what a user names on the command line into :class:`RawInput` records."""

from __future__ import annotations

import glob
import gzip
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class RawInput:
    """One page's bytes. ``kind`` is a hint ("html", "text") when the container knows it."""

    source: str
    data: bytes
    kind: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _read_file(path: Path) -> bytes:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def iter_inputs(paths: Iterable[str]) -> Iterator[RawInput]:
    """Yield one RawInput per page named by ``paths`` (files, folders, globs, ``-`` for stdin)."""
    for name in paths:
        if name == "-":
            yield RawInput("<stdin>", sys.stdin.buffer.read())
            continue
        matches = sorted(glob.glob(name)) if any(c in name for c in "*?[") else [name]
        for match in matches:
            path = Path(match)
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for f in files:
                yield RawInput(str(f), _read_file(f))
