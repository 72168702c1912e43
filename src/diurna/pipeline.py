"""The pipeline: named, swappable components run in order over one :class:`Document`.

Modelled on spaCy's ``Language.pipeline``: a component is any callable ``(Document) -> Document``
with a ``name``. The page stage is not a component: it turns raw bytes into the Document the
components then fill (see :func:`diurna.page.read_page`).

Third-party components register under the ``diurna.components`` entry-point group and can be
added by name (``Pipeline.default().add("my_component")``) without forking Diurna.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from diurna.model import Document, Rejected

# The coding options' choices and defaults (--coder, --args, --gate) are named here as they
# always were (GATES for diurna.events.gate, tests and bench); they live in diurna.options,
# which the command line reads without this module.
from diurna.options import (
    ARGS,
    CODERS,
    DEFAULT_ARGS,
    DEFAULT_CODER,
    DEFAULT_GATE,
    GATES,
    check_coding,
)
from diurna.page import RawInput, read_page

log = logging.getLogger(__name__)

# Rejection reasons that mean Diurna's own code failed on the page (a bug, a missing model), not
# that the page is bad: ``doc.meta["stage"]`` names the stage and ``doc.meta`` its error
# (``store_error``: the store could not write the document's rows, diurna.store.Store.save).
FAILURES = frozenset({"page_error", "pipeline_error", "store_error"})
# Pages per batch in :meth:`Pipeline.pipe`: large enough to share the parser's per-call cost,
# small enough that a batch's parses (a few MB per page) stay small and order is kept.
BATCH_SIZE = 16
# Pages per batch when ``workers > 1``: more, smaller tasks share the work out evenly at the end
# of a run (two workers on the 115 development pages: ~3 % more documents/second than with 16;
# the parse itself runs ``nlp.pipe`` batches of 4 texts either way).
WORKER_BATCH_SIZE = 4


# The events component of each coder (one of CODERS): its module and class. Named, not imported,
# so that the coder version can be known without importing spaCy (default_coding).
EVENT_CODERS = {
    "learned": ("diurna.events.learned", "LearnedEventCoder"),
    "rules": ("diurna.events.coder", "EventCoder"),
    "keyword": ("diurna.events.keyword", "KeywordCoder"),
    "tagger": ("diurna.events.tagger", "TaggerEventCoder"),
}


def event_coder_class(coder: str) -> type:
    """The class of the events component :meth:`Pipeline.default` builds for ``coder`` (one of
    :data:`CODERS`, :data:`EVENT_CODERS`), imported but not built: no model is loaded."""
    from importlib import import_module

    module, name = EVENT_CODERS[coder]
    kind: type = getattr(import_module(module), name)
    return kind


def ranks_arguments(coder: str, args: str) -> bool:
    """Whether :meth:`Pipeline.default` adds the argument ranker: ``args=learned``, with any
    coder but the keyword baseline (which attaches no arguments to re-decide)."""
    return args == "learned" and coder != "keyword"


def default_coding(coder: str = DEFAULT_CODER, args: str = DEFAULT_ARGS,
                   gate: str = DEFAULT_GATE) -> str:
    """The options part of the coder version (:func:`diurna.batch.coder_version`) that
    ``Pipeline.default(coder=, args=, gate=)`` records, e.g. `` LearnedEventCoder args=learned
    gate=actors``, known without building the pipeline, so ``diurna recode`` finds what is
    stale before loading any model (nor importing spaCy). Only the learned coder takes the
    gate."""
    if coder not in CODERS or args not in ARGS or gate not in GATES:
        raise ValueError(f"unknown coding options {coder!r}, {args!r}, {gate!r}")
    args_by = "learned" if ranks_arguments(coder, args) else "rules"
    text = f" {EVENT_CODERS[coder][1]} args={args_by}"
    # gate_name() of the built-in gate a kind names is the kind itself (nothing imported here)
    return text + f" gate={gate}" if coder == "learned" else text


@runtime_checkable
class Component(Protocol):
    """A pipeline step: a named callable that fills in part of a :class:`Document` and returns
    it (spaCy-like; register your own under the ``diurna.components`` entry points)."""

    name: str

    def __call__(self, doc: Document) -> Document: ...


def _registered(name: str) -> Callable[[], Component]:
    for ep in entry_points(group="diurna.components"):
        if ep.name == name:
            factory: Callable[[], Component] = ep.load()
            return factory
    raise KeyError(
        f"no Diurna component named {name!r}; installed: "
        f"{sorted(ep.name for ep in entry_points(group='diurna.components'))}"
    )


class Pipeline:
    """An ordered list of components; ``pipe`` never raises on a bad input."""

    def __init__(self, components: Iterable[Component]) -> None:
        self.components: list[Component] = list(components)
        # coder_version()'s answer and the components it was worked out for
        self._version: tuple[tuple[Component, ...], str] | None = None

    @classmethod
    def default(cls, *, actor_files: Iterable[str | Path] = (), coder: str = DEFAULT_CODER,
                args: str = DEFAULT_ARGS, gate: str = DEFAULT_GATE) -> Pipeline:
        """The English pipeline: language → actors → statements → events → time → places.

        ``coder`` picks the events component: ``learned`` (a trained classifier deciding the
        types, the rule steps giving arguments and status), ``rules`` (the hand rules alone),
        ``keyword`` (the lexicon-lookup baseline, for comparison only) or ``tagger`` (a fine-tuned
        MiniLM deciding the types, the rule steps giving arguments and status). ``args`` picks
        who attaches actors and recipients: ``rules`` or ``learned`` (an ``arguments`` component
        after the events one). ``gate`` picks the learned coder's relevance gate
        (:mod:`diurna.events.gate`): ``actors`` skips the sentences of non-political pages that
        hold no coded party outside business, ``parties`` those with no public party, ``off``
        reads them all."""
        check_coding(coder, args, gate)  # a bad option is refused before the stages import
        from diurna.actors import ActorResolver
        from diurna.events.gate import sentence_gate
        from diurna.language import Language
        from diurna.places import PlaceResolver
        from diurna.statements import Statements
        from diurna.time import TimeResolver

        actors = ActorResolver(extra_files=actor_files)
        kind: Any = event_coder_class(coder)  # the one place coder names map to classes
        events: Component = (
            kind(resolve=actors.resolve_span, dictionary=actors.dictionary,
                 sentences=sentence_gate(gate))
            if coder == "learned"
            else kind(resolve=actors.resolve_span) if coder == "tagger"
            else kind() if coder == "keyword"
            else kind(resolve=actors.resolve_span, dictionary=actors.dictionary))
        pipe = cls(
            [
                Language(),
                actors,
                Statements(resolve=actors.resolve_span),
                events,
                TimeResolver(dated=actors.at_event_dates),
                PlaceResolver(),
            ]
        )
        if ranks_arguments(coder, args):
            from diurna.events.arguments import ArgumentRanker

            pipe.add(ArgumentRanker(), before="time")
        return pipe

    @property
    def names(self) -> list[str]:
        """The components' names, in the order they run."""
        return [c.name for c in self.components]

    def get(self, name: str) -> Component:
        """The component called ``name``; ``KeyError`` naming the pipeline's if there is none."""
        for c in self.components:
            if c.name == name:
                return c
        raise KeyError(f"no component {name!r} in pipeline {self.names}")

    def _index(self, name: str) -> int:
        # ValueError, as list.index gave before, but saying which names there are
        if name not in self.names:
            raise ValueError(f"no component {name!r} in pipeline {self.names}")
        return self.names.index(name)

    def add(self, component: Component | str, *, before: str | None = None) -> Pipeline:
        """Add ``component`` (or the one installed under that name in the
        ``diurna.components`` entry points) at the end, or just before the one called
        ``before``; returns the pipeline, so calls chain."""
        comp = _registered(component)() if isinstance(component, str) else component
        idx = self._index(before) if before else len(self.components)
        self.components.insert(idx, comp)
        return self

    def replace(self, name: str, component: Component) -> Pipeline:
        """Put ``component`` in the place of the one called ``name``; returns the pipeline."""
        self.components[self._index(name)] = component
        return self

    def remove(self, name: str) -> Pipeline:
        """Take out the component called ``name``; returns the pipeline."""
        del self.components[self._index(name)]
        return self

    def coder_version(self) -> str:
        """:func:`diurna.batch.coder_version` of this pipeline, worked out once for its current
        components rather than for every page: it digests the user's actor files."""
        from diurna.batch import coder_version  # (batch imports this module)

        done, now = self._version, tuple(self.components)
        if done is None or len(done[0]) != len(now) or any(
                a is not b for a, b in zip(done[0], now, strict=True)):
            done = self._version = (now, coder_version(self))
        return done[1]

    def __call__(self, doc: Document) -> Document:
        """Run every component on ``doc``; the coded document records the version of the coder
        that coded it (``doc.coder``, :meth:`coder_version`), which
        :meth:`diurna.store.Store.save` stores, so a later ``recode`` knows what is stale."""
        with one_blas_thread():
            for component in self.components:
                try:
                    doc = component(doc)
                except Exception:
                    # which stage failed, for the rejection and the API's 500 (the error says
                    # what, not where)
                    doc.meta["stage"] = getattr(component, "name", type(component).__name__)
                    raise
        doc.nlp = None  # the parse is large and not serialisable: drop it once coding is done
        doc.coder = self.coder_version()
        return doc

    def process(self, raw: RawInput, *, published: str | None = None) -> Document:
        """Read one input and run every component. Bad input yields a rejected Document."""
        return self.run(self.read(raw, published=published))

    def read(self, raw: RawInput, *, published: str | None = None) -> Document:
        """The page stage alone; an input that cannot be read yields a rejected Document."""
        try:
            return read_page(raw, published=published)
        except Rejected as err:
            return rejected_document(raw, err.reason, err.detail)
        except Exception as err:  # a reader bug must not end the batch
            log.exception("page stage failed on %s", raw.source)
            doc = rejected_document(raw, "page_error", f"{type(err).__name__}: {err}")
            doc.meta["stage"] = "page"
            return doc

    def run(self, doc: Document) -> Document:
        """Every component on a read Document (a rejected one is returned as it is)."""
        if doc.rejected:
            return doc
        try:
            return self(doc)
        except Exception as err:  # a coding bug on one page must not end the batch
            log.exception("pipeline failed on %s", doc.source)
            doc.nlp = None
            doc.rejected = "pipeline_error"
            doc.meta["error"] = f"{type(err).__name__}: {err}"
            doc.meta.setdefault("stage", "pipeline")  # a failure outside any one component
            return doc

    def process_batch(
        self, raws: Iterable[RawInput], *, published: str | None = None
    ) -> list[Document]:
        """:meth:`process` for several inputs, with the language model run once over all of
        their texts (``nlp.pipe``) instead of text by text; the output is the same."""
        docs = [self.read(raw, published=published) for raw in raws]
        with one_blas_thread():
            for comp in self.components:
                parse_ahead = getattr(comp, "parse_ahead", None)
                if parse_ahead is not None:
                    try:
                        parse_ahead(docs)
                    except Exception:  # the one-by-one path below still parses every page
                        log.exception("batched parse failed; parsing page by page")
                    break
            return [self.run(doc) for doc in docs]

    def pipe(
        self,
        raws: Iterable[RawInput],
        *,
        published: str | None = None,
        workers: int = 1,
        batch_size: int | None = None,
    ) -> Iterator[Document]:
        """Process inputs in order, ``batch_size`` pages at a time (see :meth:`process_batch`;
        default ``BATCH_SIZE``, or ``WORKER_BATCH_SIZE`` with workers). ``workers > 1`` spreads
        batches over that many processes (forked after the models are loaded, so they share the
        parent's memory pages; the objects existing then are frozen out of the garbage
        collector so that its passes do not copy those pages into every worker)."""
        forked = workers > 1 and "fork" in multiprocessing.get_all_start_methods()
        size = batch_size or (WORKER_BATCH_SIZE if forked else BATCH_SIZE)
        batches = batched(raws, max(1, size))
        if not forked:
            for batch in batches:
                yield from self.process_batch(batch, published=published)
            return
        global _worker_pipeline
        self(Document.from_paragraphs("warm-up", "warm-up", ["Warm up the models."]))
        _worker_pipeline = self
        gc.freeze()
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for docs in pool.imap(_process_in_worker, ((b, published) for b in batches)):
                    yield from docs
        finally:
            gc.unfreeze()


def one_blas_thread() -> AbstractContextManager[Any]:
    """BLAS limited to one thread while the pipeline runs (restored after).

    The components' matrix products are small (one sentence's or page's rows), and OpenBLAS's
    extra threads spent their time spin-waiting: with two threads on the 2-core machine the
    pipeline used a quarter more CPU and ran 14 % slower in one process, and two worker
    processes each starting two threads slowed each other down (docs/scale.md, round 15).
    Numbers are unchanged (all development outputs compared). Use ``workers`` for more cores.
    The loaded libraries are looked up on each call (~0.4 ms), so one loaded later counts too."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def batched(items: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    """``items`` in lists of ``size`` (the last may be shorter), in order."""
    batch: list[RawInput] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


_worker_pipeline: Pipeline | None = None  # set in the parent just before forking workers


def _process_in_worker(job: tuple[list[RawInput], str | None]) -> list[Document]:
    assert _worker_pipeline is not None, "worker started without a pipeline"
    raws, published = job
    return _worker_pipeline.process_batch(raws, published=published)


def rejected_document(raw: RawInput, reason: str, detail: str = "") -> Document:
    """The document stored for an input no stage could read: its id (:meth:`RawInput.doc_id`:
    the content id, or for an input that could not be loaded one named by its source and
    reason) and source, the rejection ``reason`` and, if given, the ``detail`` that says what
    went wrong."""
    doc = Document(id=raw.doc_id(), source=raw.source, rejected=reason)
    if detail:
        doc.meta["detail"] = detail
    return doc
