"""Diurna: raw news pages in, source-linked event data out.

Library API (mirrors the CLI)::

    import diurna
    doc = diurna.process_file("page.html", published="2018-02-15")
    for event in doc.events:
        print(event.type, event.actor, event.recipient, event.date, event.place)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from diurna.model import Document, Rejected
from diurna.page import RawInput, iter_inputs
from diurna.pipeline import Pipeline
from diurna.store import Store

__version__ = "0.1.0"
__all__ = [
    "Document",
    "Pipeline",
    "RawInput",
    "Rejected",
    "Store",
    "process",
    "process_file",
    "process_paths",
    "default_pipeline",
]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The standard pipeline, built once per process."""
    return Pipeline.default()


def process(
    data: bytes | str, *, source: str = "<memory>", published: str | None = None
) -> Document:
    """Process one page given as bytes or text (HTML or a text dump)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return default_pipeline().process(RawInput(source, raw), published=published)


def process_file(path: str, *, published: str | None = None) -> Document:
    """Process the first page found at ``path``."""
    return next(process_paths([path], published=published))


def process_paths(paths: Iterable[str], *, published: str | None = None) -> Iterator[Document]:
    """Process every page named by ``paths`` (files, folders, globs, gzip, WARC, JSONL, ``-``)."""
    return default_pipeline().pipe(iter_inputs(paths), published=published)
