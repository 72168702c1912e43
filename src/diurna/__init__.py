"""Diurna: raw news pages in, source-linked event data out.

Library API (mirrors the CLI)::

    import diurna
    doc = diurna.process_file("page.html", published="2018-02-15")
    for event in doc.events:
        print(event.type, event.actor, event.recipient, event.date, event.place)

Every task with its CLI command beside it (store, export, recode, clusters, rejections):
docs/python-api.md. Each call takes its command's options, named alike, with the same defaults.
"""

from __future__ import annotations

import os as _os
from collections.abc import Collection as _Collection
from collections.abc import Iterable as _Iterable
from collections.abc import Iterator as _Iterator
from functools import lru_cache as _lru_cache
from typing import TYPE_CHECKING as _TYPE_CHECKING

from diurna.lazy import attribute_importer as _attribute_importer
from diurna.options import DEFAULT_ARGS as _DEFAULT_ARGS
from diurna.options import DEFAULT_CODER as _DEFAULT_CODER
from diurna.options import DEFAULT_GATE as _DEFAULT_GATE
from diurna.options import check_coding as _check_coding

if _TYPE_CHECKING:
    from datetime import date as _date

    from diurna.batch import Outcome
    from diurna.clusters import event_clusters
    from diurna.model import (
        Document,
        Event,
        Mention,
        Place,
        Quote,
        Rejected,
        Span,
        TimeExpr,
    )
    from diurna.page import RawInput
    from diurna.pipeline import Pipeline
    from diurna.store import Store, UnknownDocument, export_events

# The public classes, imported on first use (:mod:`diurna.lazy`): `import diurna`, which every
# `diurna` command pays, does not import the page stack, the store's query modules or the places
# lookup until one is asked for. ``from diurna import Store`` works as before. The model's span
# classes are here so that a user can annotate with them (``def keep(e: diurna.Event)``).
__getattr__ = _attribute_importer(__name__, {
    "Document": "diurna.model",
    "Event": "diurna.model",
    "Mention": "diurna.model",
    "Place": "diurna.model",
    "Quote": "diurna.model",
    "Rejected": "diurna.model",
    "Span": "diurna.model",
    "TimeExpr": "diurna.model",
    "RawInput": "diurna.page",
    "Pipeline": "diurna.pipeline",
    "Store": "diurna.store",
    "UnknownDocument": "diurna.store",
    "export_events": "diurna.store",
    # ``diurna clusters`` as a call; not named ``clusters``: that name is the subpackage's,
    # which the import system binds over any attribute of the same name.
    "event_clusters": "diurna.clusters",
}, globals())

__version__ = "0.1.0"
__all__ = [
    "Document",
    "Event",
    "Mention",
    "Pipeline",
    "Place",
    "Quote",
    "RawInput",
    "Rejected",
    "Span",
    "Store",
    "TimeExpr",
    "UnknownDocument",
    "event_clusters",
    "export_events",
    "process",
    "process_file",
    "process_paths",
    "recode",
    "default_pipeline",
]


def __dir__() -> list[str]:
    """The public API only (no imported helpers), plus the version."""
    return sorted([*__all__, "__version__"])


def default_pipeline(
    actors: _Iterable[str | _os.PathLike[str]] = (),
    coder: str = _DEFAULT_CODER,
    args: str = _DEFAULT_ARGS,
    gate: str = _DEFAULT_GATE,
) -> Pipeline:
    """The standard pipeline (with extra actor dictionary files and the coding options of
    ``diurna process --actors --coder --args --gate``), built once per process and options:
    ``default_pipeline()`` and ``process(text)`` share one. A coding option that is not one of
    its choices is a ValueError before any model loads."""
    _check_coding(coder, args, gate)
    return _built_pipeline(tuple(_named(actors, "actors")), coder, args, gate)


@_lru_cache(maxsize=4)
def _built_pipeline(actors: tuple[str, ...], coder: str, args: str, gate: str) -> Pipeline:
    """:func:`default_pipeline`'s cache, keyed by the options spelt out in full (a call that
    leaves one out shares the pipeline of one that spells its default)."""
    from diurna.pipeline import Pipeline

    return Pipeline.default(actor_files=actors, coder=coder, args=args, gate=gate)


def _published(value: str | _date | None) -> str | None:
    """The CLI's check of ``published`` (:func:`diurna.model.published_day`), imported when
    called so that ``import diurna`` stays cheap."""
    from diurna.model import published_day

    return published_day(value)


def _named(value: object, what: str) -> _Iterable[str]:
    """``value`` (paths or actor files) as names: one ``str`` or ``os.PathLike`` is one name
    (not its characters), a collection of them each, checked now; any other iterable (a
    generator of many paths) is checked item by item as it is read, so it still streams.
    Anything else is a TypeError naming ``what`` was given."""
    if isinstance(value, str | _os.PathLike):
        return [_name(value, what)]
    if isinstance(value, bytes) or not isinstance(value, _Iterable):
        raise TypeError(f"{what} must be a path or a list of paths, not {type(value).__name__}")
    if isinstance(value, _Collection):
        return [_name(item, what) for item in value]
    return (_name(item, what) for item in value)


def _name(item: object, what: str) -> str:
    """One path of ``what`` as text; a TypeError naming anything that is not a path."""
    if not isinstance(item, str | _os.PathLike):
        raise TypeError(f"{what} must be paths (str or pathlib.Path), not "
                        f"{type(item).__name__} {item!r:.60}")
    return str(_os.fspath(item))


def process(
    data: bytes | str,
    *,
    source: str = "<memory>",
    published: str | _date | None = None,
    actors: _Iterable[str | _os.PathLike[str]] = (),
    kind: str | None = None,
    coder: str = _DEFAULT_CODER,
    args: str = _DEFAULT_ARGS,
    gate: str = _DEFAULT_GATE,
) -> Document:
    """Process one page given as bytes or text (HTML or a text dump); returns its
    :class:`Document`, rejected (``doc.rejected`` the reason) when the page cannot be read.

    ``kind`` is ``"html"`` or ``"text"`` when the caller knows it (a JSON record's field, as
    JSONL and the API read it); None looks at the page to choose. ``published`` is the
    publication day (``YYYY-MM-DD`` or a ``date``/``datetime``) that relative dates resolve
    against, as ``diurna process --published``; ``actors``, ``coder``, ``args`` and ``gate``
    are ``--actors``, ``--coder``, ``--args`` and ``--gate``. For a file use
    :func:`process_file`.
    """
    if kind not in (None, "html", "text"):
        raise ValueError(f"kind {kind!r}: use 'html', 'text' or None")
    if isinstance(data, str):
        raw = data.encode("utf-8")
    elif isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    else:  # a path or a file object would otherwise fail deep in the page reader
        what = type(data).__name__
        hint = ("; for a file use diurna.process_file(path)"
                if isinstance(data, _os.PathLike) or hasattr(data, "read") else "")
        raise TypeError(f"data must be the page as str or bytes, not {what}{hint}")
    from diurna.page import RawInput

    day = _published(published)  # a bad date is refused before the models load
    pipeline = default_pipeline(actors, coder, args, gate)
    return pipeline.process(RawInput(source, raw, kind=kind), published=day)


def process_file(
    path: str | _os.PathLike[str],
    *,
    published: str | _date | None = None,
    actors: _Iterable[str | _os.PathLike[str]] = (),
    workers: int = 1,
    coder: str = _DEFAULT_CODER,
    args: str = _DEFAULT_ARGS,
    gate: str = _DEFAULT_GATE,
) -> Document:
    """Process the first page found at ``path`` (a file, or the first page of a folder, glob,
    WARC or JSONL file). A file that cannot be read gives a rejected :class:`Document`
    (``doc.rejected``: ``not_found``, ``binary``, ...), as ``diurna process`` records it; a
    folder or archive holding no page at all is a ``FileNotFoundError`` naming ``path``."""
    name = list(_named(path, "path"))
    doc = next(process_paths(name, published=published, actors=actors, workers=workers,
                             coder=coder, args=args, gate=gate), None)
    if doc is None:
        raise FileNotFoundError(f"no page found at {name[0]}: give a file, or a folder, glob "
                                "or archive that holds at least one page")
    return doc


def process_paths(
    paths: _Iterable[str | _os.PathLike[str]] | str | _os.PathLike[str],
    *,
    published: str | _date | None = None,
    actors: _Iterable[str | _os.PathLike[str]] = (),
    workers: int = 1,
    coder: str = _DEFAULT_CODER,
    args: str = _DEFAULT_ARGS,
    gate: str = _DEFAULT_GATE,
) -> _Iterator[Document]:
    """Process every page named by ``paths`` (files, folders, globs, gzip, WARC, JSONL, ``-``;
    one path may be given alone), yielding one :class:`Document` per page, in order.

    ``actors`` are extra actor dictionary files (YAML/CSV), ``workers`` the processes to spread
    pages over and ``coder``/``args``/``gate`` the coding options, as ``diurna process --actors
    --workers --coder --args --gate``. An input that cannot be read is yielded rejected
    (``doc.rejected``), and the rest go on. Nothing is stored: see :func:`diurna.batch.run` to
    store with resume, or :class:`Store`.
    """
    names = _named(paths, "paths")
    day = _published(published)  # a bad date is refused before the models load
    pipeline = default_pipeline(actors, coder, args, gate)
    from diurna.page import iter_inputs

    return pipeline.pipe(iter_inputs(names), published=day, workers=workers)


def recode(
    store: Store,
    *,
    everything: bool = False,
    doc_ids: _Iterable[str] | None = None,
    actors: _Iterable[str | _os.PathLike[str]] = (),
    coder: str = _DEFAULT_CODER,
    args: str = _DEFAULT_ARGS,
    gate: str = _DEFAULT_GATE,
) -> list[Outcome]:
    """Re-code stored documents from their stored text, as ``diurna recode --db FILE``: those a
    coder other than this one coded (another version, dictionary or option), or all of them
    (``everything``, ``--all``), or those named (``doc_ids``, ``--doc``); ``actors``,
    ``coder``, ``args`` and ``gate`` are ``--actors``, ``--coder``, ``--args`` and ``--gate``.
    Returns one ``recoded`` :class:`diurna.batch.Outcome` per document, after the last (an
    empty list when every document is up to date: the models are then never loaded). See
    :func:`diurna.batch.recode` for a pipeline of one's own."""
    from diurna import batch

    _check_coding(coder, args, gate)
    files = tuple(_named(actors, "actors"))
    version = batch.default_coder_version(files, coder, args, gate)
    return list(batch.recode(store, pipeline=lambda: default_pipeline(files, coder, args, gate),
                             coder=version, everything=everything, doc_ids=doc_ids))
