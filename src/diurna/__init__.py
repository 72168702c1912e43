"""Diurna: raw news pages in, source-linked event data out.

Library API (mirrors the CLI)::

    import diurna
    doc = diurna.process_file("page.html", published="2018-02-15")
    for event in doc.events:
        print(event.type, event.actor, event.recipient, event.date, event.place)
"""

from __future__ import annotations

from collections.abc import Iterable as _Iterable
from collections.abc import Iterator as _Iterator
from functools import lru_cache as _lru_cache
from typing import TYPE_CHECKING as _TYPE_CHECKING

from diurna.lazy import attribute_importer as _attribute_importer

if _TYPE_CHECKING:
    from diurna.model import Document, Rejected
    from diurna.page import RawInput
    from diurna.pipeline import Pipeline
    from diurna.store import Store

# The public classes, imported on first use (:mod:`diurna.lazy`): `import diurna`, which every
# `diurna` command pays, does not import the page stack, the store's query modules or the places
# lookup until one is asked for. ``from diurna import Store`` works as before.
__getattr__ = _attribute_importer(__name__, {
    "Document": "diurna.model",
    "Rejected": "diurna.model",
    "RawInput": "diurna.page",
    "Pipeline": "diurna.pipeline",
    "Store": "diurna.store",
}, globals())

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


def __dir__() -> list[str]:
    """The public API only (no imported helpers), plus the version."""
    return sorted([*__all__, "__version__"])


@_lru_cache(maxsize=4)
def default_pipeline(actors: tuple[str, ...] = ()) -> Pipeline:
    """The standard pipeline (with extra actor dictionary files), built once per process."""
    from diurna.pipeline import Pipeline

    return Pipeline.default(actor_files=actors)


def _published(value: str | None) -> str | None:
    """The CLI's check of ``published``: an ISO day, or a ValueError saying what to give."""
    if value is None:
        return None
    from diurna.model import iso_day

    try:
        return iso_day(value)
    except ValueError as err:
        raise ValueError(f"published {err}") from None


def process(
    data: bytes | str,
    *,
    source: str = "<memory>",
    published: str | None = None,
    actors: _Iterable[str] = (),
    kind: str | None = None,
) -> Document:
    """Process one page given as bytes or text (HTML or a text dump).

    ``kind`` is ``"html"`` or ``"text"`` when the caller knows it (a JSON record's field, as
    JSONL and the API read it); None looks at the page to choose.
    """
    if kind not in (None, "html", "text"):
        raise ValueError(f"kind {kind!r}: use 'html', 'text' or None")
    from diurna.page import RawInput

    raw = data.encode("utf-8") if isinstance(data, str) else data
    day = _published(published)  # a bad date is refused before the models load
    pipeline = default_pipeline(tuple(str(a) for a in actors))
    return pipeline.process(RawInput(source, raw, kind=kind), published=day)


def process_file(
    path: str, *, published: str | None = None, actors: _Iterable[str] = (), workers: int = 1
) -> Document:
    """Process the first page found at ``path``."""
    return next(process_paths([path], published=published, actors=actors, workers=workers))


def process_paths(
    paths: _Iterable[str],
    *,
    published: str | None = None,
    actors: _Iterable[str] = (),
    workers: int = 1,
) -> _Iterator[Document]:
    """Process every page named by ``paths`` (files, folders, globs, gzip, WARC, JSONL, ``-``).

    ``actors`` are extra actor dictionary files (YAML/CSV) and ``workers`` the processes to spread
    pages over, as ``diurna process --actors --workers``. Nothing is stored: see
    :func:`diurna.batch.run` to store with resume, or :class:`Store`.
    """
    day = _published(published)  # a bad date is refused before the models load
    pipeline = default_pipeline(tuple(str(a) for a in actors))
    from diurna.page import iter_inputs

    return pipeline.pipe(iter_inputs(paths), published=day, workers=workers)
