"""A batch: inputs → pipeline → store, that never loses or redoes work, and says what happened.

``diurna process`` is a thin wrapper over :func:`run`. An input whose bytes are already stored is
skipped *before* any language processing (its id is the SHA-256 of its bytes), so rerunning a
crashed batch only pays for what was not stored yet; ``recode=True`` re-codes such inputs instead
and replaces their stored coding. Likewise an input whose rejection is already recorded (the same
id and source) is not checked again (``rejected_before``) unless ``retry_rejected=True``. The
pipeline may be given as a function that builds it: it is then built when the first input that
needs it is reached, so a rerun with nothing left to do never loads the models. Every input ends
as exactly one :class:`Outcome`, counted in a :class:`Summary` that also gives the command's exit
status.
"""

from __future__ import annotations

import hashlib
import itertools
import shlex
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diurna.model import Document, plural, published_day
from diurna.options import DEFAULT_ARGS, DEFAULT_CODER, DEFAULT_GATE
from diurna.page import RawInput, iter_inputs
from diurna.page.inputs import RECORDED
from diurna.pipeline import Pipeline, default_coding
from diurna.store.sqlite import UnknownDocument, is_stored, stored_rejection

if TYPE_CHECKING:
    from datetime import date

    from diurna.store import Store

#: Exit statuses of a batch (``diurna process``): every input read; some rejected; none
#: processed; interrupted (Ctrl-C, after the summary of what was stored).
EXIT_OK, EXIT_SOME_REJECTED, EXIT_NONE_PROCESSED, EXIT_INTERRUPTED = 0, 3, 4, 130


@dataclass(slots=True)
class Outcome:
    """What became of one input. ``status`` is ``stored``, ``recoded``, ``duplicate`` (already
    stored: skipped before processing), ``processed`` (no store), ``rejected``,
    ``rejected_before`` (its rejection already recorded: skipped before processing, ``reason``
    is the recorded one) or ``repeated`` (the same input, id and source, given again in this
    run and rejected again: its rejection is recorded and counted once, ``reason`` says why);
    ``doc`` is None for a skipped input, which was never processed."""

    status: str
    source: str
    doc: Document | None = None
    reason: str | None = None


#: How many rejected inputs the end of a run names (the rest: `diurna rejections`, or -v).
NAMED_REJECTIONS = 5


@dataclass(slots=True)
class Summary:
    """Counts of a batch: outcomes, skip and rejection reasons, events, elapsed time, and the
    first :data:`NAMED_REJECTIONS` rejected inputs by name."""

    counts: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # documents read, English stages skipped
    rejected: Counter[str] = field(default_factory=Counter)
    rejected_before: Counter[str] = field(default_factory=Counter)  # recorded by an earlier run
    events: int = 0
    started: float = field(default_factory=time.monotonic)
    interrupted: bool = False
    # what a rerun did not do again for a recorded rejection ("fetched" for `diurna fetch`)
    not_again: str = "checked"
    # the first rejected inputs, "SOURCE (REASON)", for :meth:`rejected_line`
    named: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        """Count one input's outcome (and its document's rejection, skips and events). A
        ``repeated`` input is counted as that alone: its first copy counted the rejection."""
        self.counts[outcome.status] += 1
        if outcome.status == "rejected_before":
            self.rejected_before[outcome.reason or "unknown"] += 1
            self._name(outcome.source, outcome.reason or "unknown")
        doc = outcome.doc
        if doc is None or outcome.status == "repeated":
            return
        if doc.rejected:
            self.rejected[doc.rejected] += 1
            self._name(outcome.source, doc.rejected)
            return
        self.events += len(doc.events)
        if doc.skipped:
            # One count per document, by its first note: the later stages' notes ("actors: no
            # parse from the language stage", "places: not English") follow from it, so counting
            # every note made one German page "4 skipped (not_english 3, actors 1)".
            self.skipped[_skip_reason(doc.skipped[0])] += 1

    def _name(self, source: str, reason: str) -> None:
        if len(self.named) < NAMED_REJECTIONS:
            self.named.append(f"{' '.join(source.split())} ({reason})")

    def rejected_line(self, where: str | None = None) -> str | None:
        """The rejected inputs by name, for the end of a run (None when there were none):
        the counts of :meth:`line` said "2 rejected (not_found 2)" but not which inputs,
        unless ``-v``. The first few, then how many more and where all are listed:
        ``diurna rejections --db WHERE`` when stored in ``where``, else ``-v``."""
        total = sum(self.rejected.values()) + sum(self.rejected_before.values())
        if not total:
            return None
        text = "rejected: " + ", ".join(self.named)
        more = total - len(self.named)
        if more:
            how = (f"`diurna rejections --db {shlex.quote(where)}` lists them all" if where
                   else "-v names each")
            text += f" and {more} more ({how})"
        return text

    @property
    def inputs(self) -> int:
        """Inputs counted so far, whatever their outcome."""
        return sum(self.counts.values())

    @property
    def elapsed(self) -> float:
        """Seconds since the summary was made (wall clock)."""
        return time.monotonic() - self.started

    def exit_status(self) -> int:
        """0 when every input was read, 3 when some were rejected, 4 when none could be
        processed (all rejected, or no input at all), 130 when interrupted. An input whose
        rejection an earlier run recorded counts as rejected, so a rerun ends as the first run
        did. An input given twice counts once (a ``repeated`` one not at all)."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        rejected = self.counts["rejected"] + self.counts["rejected_before"]
        if self.inputs - self.counts["repeated"] == rejected:
            return EXIT_NONE_PROCESSED
        return EXIT_SOME_REJECTED if rejected else EXIT_OK

    def line(self, where: str | None = None) -> str:
        """One line for the end of a run, e.g. ``3 stored, 2 duplicates, 2 rejected (binary 1,
        empty 1), 1 skipped (not_english 1), 41 events in 12.3 s in news.db``."""
        parts = []
        for status in ("stored", "recoded", "duplicate", "processed", "rejected"):
            n = self.counts[status]
            if not n:
                continue
            text = f"{n} {status}"
            if status == "duplicate":  # a noun here ("2 duplicates"); the others are participles
                text = f"{plural(n, status)} (already stored, not reprocessed)"
            if status == "rejected":
                text += f" ({_reasons(self.rejected)})"
            parts.append(text)
        if self.rejected_before:
            parts.append(f"{self.counts['rejected_before']} rejected before "
                         f"({_reasons(self.rejected_before)}; recorded, not "
                         f"{self.not_again} again)")
        if self.counts["repeated"]:
            parts.append(f"{self.counts['repeated']} repeated (given again in this run; "
                         "its rejection counted once)")
        if self.skipped:
            parts.append(f"{sum(self.skipped.values())} skipped ({_reasons(self.skipped)})")
        parts.append(plural(self.events, "event"))
        text = ", ".join(parts) if self.inputs else "no input found"
        text += f" in {self.elapsed:.1f} s"
        if where:
            text += f"; stored in {where}"
        if self.interrupted:
            text = "interrupted: " + text
        return text


def _reasons(counter: Counter[str]) -> str:
    return ", ".join(f"{reason} {n}" for reason, n in counter.most_common())


def _skip_reason(text: str) -> str:
    """A short reason code from a stage's skip note ("language: page is in 'de', ...")."""
    if "page is in" in text or "not English" in text:
        return "not_english"
    if "characters, not parsed" in text:
        return "too_long"
    if "empty body" in text:
        return "empty_body"
    return text.split(":", 1)[0].strip() or "skipped"


def run(
    paths: Iterable[str] = (),
    *,
    raws: Iterable[RawInput] | None = None,
    pipeline: Pipeline | Callable[[], Pipeline],
    store: Store | None = None,
    published: str | date | None = None,
    workers: int = 1,
    recode: bool = False,
    retry_rejected: bool = False,
) -> Iterator[Outcome]:
    """Process every input named by ``paths`` (or given as ``raws``) and store it; yields one
    :class:`Outcome` per input, in order.

    With a ``store``, an input already stored is not processed again (``duplicate``) unless
    ``recode`` is set, in which case it is processed and its stored coding replaced. An input
    whose rejection is already recorded under its id and source is not checked again
    (``rejected_before``: its bytes are read for the id, nothing more) unless ``retry_rejected``
    is set; a retried input that is now read replaces its rejection with the document. The same
    input (id and source) given again in one run and rejected again is ``repeated``: its
    rejection is written and counted once.

    ``pipeline`` may be a function that builds one (``lambda: Pipeline.default()``): it is
    called once, when the first input to process is reached, so a rerun whose inputs are all
    stored or recorded never loads the models (the outcomes skipped before it are reported
    first). ``published`` is ``--published``: a ``YYYY-MM-DD`` text or a ``date``/``datetime``
    (its calendar day); another value is a ValueError when the first outcome is asked for.
    """
    day = published_day(published)
    own = (
        [f"{store.path}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")]
        if store is not None
        else []
    )  # the store's own files inside an input folder are not inputs
    inputs: Iterable[RawInput] = iter_inputs(paths, exclude=own) if raws is None else raws
    already: deque[tuple[int, Outcome]] = deque()  # skipped inputs, reported in input order
    rejected: set[tuple[str, str]] = set()  # (id, source) of each input rejected in this run
    # With workers the pool reads inputs from its own thread: the check gets its own connection.
    checker = (
        sqlite3.connect(store.path, timeout=60, check_same_thread=False)
        if store is not None and not (recode and retry_rejected)
        else None
    )

    def fresh(items: Iterable[RawInput]) -> Iterator[RawInput]:
        sent = 0  # inputs passed on so far: a skipped one is reported after that many
        for raw in items:
            if checker is not None:
                doc_id = raw.doc_id()  # the content id of a loaded input's bytes: hashed once
                known = _known(checker, raw, doc_id, recode, retry_rejected)
                if known is not None:
                    if known.status == "rejected_before":
                        known = _once(known, rejected, doc_id)
                    already.append((sent, known))
                    continue
            sent += 1
            yield raw

    try:
        todo = fresh(inputs)
        first = next(todo, None)  # the inputs skipped before it are in `already`: report them
        while already:
            yield already.popleft()[1]
        if first is None:
            return  # nothing to process: the pipeline is never built
        built = _built(pipeline)
        coder = coder_version(built) if store is not None else None
        docs = built.pipe(itertools.chain([first], todo), published=day, workers=workers)
        for done, doc in enumerate(docs):
            # (with workers the pool reads ahead: report only the skips that came before this)
            while already and already[0][0] <= done:
                yield already.popleft()[1]
            if doc.rejected and (doc.id, doc.source) in rejected:
                yield Outcome("repeated", doc.source, doc, reason=doc.rejected)  # not written
                continue
            status = _save(store, doc, recode, coder)
            if status == "rejected":
                rejected.add((doc.id, doc.source))
            yield Outcome(status, doc.source, doc)
        while already:
            yield already.popleft()[1]
    finally:
        if checker is not None:
            checker.close()


def _built(pipeline: Pipeline | Callable[[], Pipeline]) -> Pipeline:
    """``pipeline``, or the one it builds when it is a function (:func:`run`, :func:`recode`)."""
    return pipeline if isinstance(pipeline, Pipeline) else pipeline()


def _once(outcome: Outcome, rejected: set[tuple[str, str]], doc_id: str) -> Outcome:
    """``outcome`` (``rejected_before``) the first time its input's id and source are met in a
    run, ``repeated`` after that: a path given twice is one recorded rejection, counted once."""
    key = (doc_id, outcome.source)
    if key in rejected:
        return Outcome("repeated", outcome.source, reason=outcome.reason)
    rejected.add(key)
    return outcome


def _known(
    conn: sqlite3.Connection, raw: RawInput, doc_id: str, recode: bool, retry_rejected: bool
) -> Outcome | None:
    """The outcome of an input the store already holds, found before any processing: stored
    (``duplicate``, unless re-coding) or rejected under the same id (``doc_id``, its
    :meth:`RawInput.doc_id`) and source (``rejected_before``, unless retrying); None when it is
    to be processed. An input that carries its recorded rejection (``meta[RECORDED]``:
    ``diurna fetch`` found it before the request) is ``rejected_before`` without a look."""
    recorded = raw.meta.get(RECORDED)
    if recorded is not None and not retry_rejected:
        return Outcome("rejected_before", raw.source, reason=str(recorded))
    if not recode and raw.error is None and is_stored(conn, doc_id):
        return Outcome("duplicate", raw.source)
    if not retry_rejected:
        reason = stored_rejection(conn, doc_id, raw.source)
        if reason is not None:
            return Outcome("rejected_before", raw.source, reason=reason)
    return None


def _save(store: Store | None, doc: Document, recode: bool, coder: str | None) -> str:
    if store is None:
        return "rejected" if doc.rejected else "processed"
    if recode and not doc.rejected:
        return store.replace(doc, coder=coder)
    return store.save(doc, coder=coder)


def coder_version(pipeline: Pipeline | None = None) -> str:
    """What codes a document: Diurna's version, a digest of its code and dictionaries (and of
    the user's actor files), the events coder's class and the options in effect, e.g.
    ``diurna 0.1.0 3f2a9c1e0b7d LearnedEventCoder args=learned gate=actors``. Stored with each
    document so ``diurna recode`` knows which ones an update, a dictionary change or other
    ``--coder/--args/--gate`` left stale."""
    return _code_version(_actor_files(pipeline)) + _coder_options(pipeline)


def default_coder_version(actor_files: Iterable[str] = (), coder: str = DEFAULT_CODER,
                          args: str = DEFAULT_ARGS, gate: str = DEFAULT_GATE) -> str:
    """:func:`coder_version` of ``Pipeline.default(actor_files=, coder=, args=, gate=)`` without
    building it (no model is loaded; :func:`diurna.pipeline.default_coding`): ``diurna recode``
    knows from it whether anything is stale before the models load."""
    return _code_version(_existing(actor_files)) + default_coding(coder, args, gate)


def _code_version(actor_files: list[Path]) -> str:
    """``diurna 0.1.0 3f2a9c1e0b7d``: Diurna's version and a digest of its code and
    dictionaries and of the user's actor files (the part of the coder version that names no
    option)."""
    from diurna import __version__

    digest = _package_digest().copy()
    for extra in actor_files:
        digest.update(extra.read_bytes())
    return f"diurna {__version__} {digest.hexdigest()[:12]}"


@lru_cache(maxsize=1)
def _package_digest() -> Any:
    """The SHA-256 (a hashlib object, to be copied) of Diurna's own code and dictionaries,
    read once per process: the code that runs does not change while it runs, and the
    pipeline records the version with every document it codes (~30 ms to read it all)."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in CODER_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest


def _coder_options(pipeline: Pipeline | None) -> str:
    """`` LearnedEventCoder args=learned gate=actors``: the events component's class, who attaches
    the arguments (``learned`` when an ``arguments`` component runs) and the relevance gate of a
    coder that has one; read from the pipeline, so options that change nothing (``--gate`` of
    the rule coder) record nothing. Empty for a pipeline without an events component."""
    if pipeline is None:
        return ""
    events = next((c for c in pipeline.components if c.name == "events"), None)
    if events is None:
        return ""
    args = "learned" if "arguments" in pipeline.names else "rules"
    text = f" {type(events).__name__} args={args}"
    if hasattr(events, "sentences"):  # the learned coder's gate (None reads every sentence)
        from diurna.events.gate import gate_name

        text += f" gate={gate_name(events.sentences)}"
    return text


# Files whose change can change the coding (the gazetteer is built from pinned data packages).
CODER_SUFFIXES = (".py", ".yaml", ".csv", ".tsv", ".json", ".npz")


def _actor_files(pipeline: Pipeline | None) -> list[Path]:
    if pipeline is None:
        return []
    for component in pipeline.components:
        files = getattr(component, "extra_files", None)
        if files:
            return _existing(files)
    return []


def _existing(files: Iterable[str | Path]) -> list[Path]:
    """The actor files the coder version digests: those that are files."""
    return [Path(f) for f in files if Path(f).is_file()]


def recode(
    store: Store,
    *,
    pipeline: Pipeline | Callable[[], Pipeline],
    everything: bool = False,
    doc_ids: Iterable[str] | None = None,
    coder: str | None = None,
) -> Iterator[Outcome]:
    """Re-code stored documents with ``pipeline`` from their stored text, replacing their events,
    actors, quotes, dates and places; yields one ``recoded`` :class:`Outcome` per document.

    By default only documents coded by another coder version (or none recorded) are re-coded;
    ``everything`` re-codes all; ``doc_ids`` names which (an id naming no stored document raises
    :class:`diurna.store.UnknownDocument` when the iteration starts, before anything is
    re-coded). The previous coders stay listed in the store's ``codings`` table.

    ``pipeline`` may be a function that builds one, given with ``coder``, the version it will
    record (:func:`default_coder_version`): it is built only when some document is to be
    re-coded, so a recode with nothing to do loads no model. Once built, its own version
    decides which documents are stale, whatever ``coder`` said.
    """
    if doc_ids is not None:
        doc_ids = list(doc_ids)  # read twice below when the given version proves stale
        for doc_id in doc_ids:  # every id checked before a model loads or a document changes
            store.require(doc_id)
    if isinstance(pipeline, Pipeline) or coder is None:
        pipeline = _built(pipeline)  # no version to look with but the pipeline's own
        coder = coder_version(pipeline)
    ids = _to_recode(store, coder, everything, doc_ids)
    if not ids:
        return  # nothing to re-code: a pipeline given as a function is never built
    pipeline = _built(pipeline)
    if coder_version(pipeline) != coder:  # the version given was not this pipeline's
        coder = coder_version(pipeline)
        ids = _to_recode(store, coder, everything, doc_ids)
    for doc_id in ids:
        doc = store.stored_document(doc_id)
        if doc is None:  # deleted since the check above (another process)
            raise UnknownDocument(doc_id)
        try:
            doc = pipeline(doc)
        except Exception as err:  # keep the old coding rather than end the run
            doc.rejected = "pipeline_error"
            doc.meta["error"] = f"{type(err).__name__}: {err}"
            doc.meta.setdefault("stage", "pipeline")  # a component's failure names its own
            yield Outcome(store.save(doc, coder=coder), doc.source, doc)
            continue
        yield Outcome(store.replace(doc, coder=coder), doc.source, doc)


def _to_recode(store: Store, coder: str | None, everything: bool,
               doc_ids: Iterable[str] | None) -> list[str]:
    """The ids :func:`recode` re-codes: ``doc_ids``, else all, else those coded by a version
    other than ``coder``."""
    if doc_ids is not None:
        return list(doc_ids)
    return store.document_ids() if everything else store.document_ids(not_coder=coder)
