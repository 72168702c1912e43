"""The distributed runner: the same pipeline over shards of inputs on Ray or Spark.

The driver reads the inputs (files, folders, globs, WARC, JSONL: :func:`diurna.page.iter_inputs`),
drops pages whose content id is already written under ``--out`` (a rerun does only what is left)
or already seen in this run, and cuts the rest into shards of ``shard_size`` pages. Each engine
worker loads the models once (a Ray actor; a Spark Python worker's module-level pipeline) and runs
:meth:`diurna.pipeline.Pipeline.process_batch` on each shard it is given, then writes the shard's
rows as Parquet (:mod:`diurna.scale.parquet`). A failed or killed task is run again by the engine
(Ray actor restarts and task retries; Spark task retries); its files are named by the shard's
document ids, so the retry replaces them and nothing is doubled.

``address``: Ray's cluster address (``auto``, ``ray://host:10001``) or Spark's master URL
(``spark://host:7077``); without it a local cluster of ``workers`` processes is started and
stopped with the run.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diurna.page import RawInput, iter_inputs
from diurna.pipeline import batched
from diurna.scale.parquet import rejection_key, write_shard, written_ids

ENGINES = ("ray", "spark")
SHARD_SIZE = 16  # pages per task: one nlp.pipe batch, small enough to retry cheaply
RETRIES = 3  # attempts per task (Spark local mode's maxFailures; Ray restarts and retries)


@dataclass
class Job:
    """What every worker needs to process a shard."""

    out: str
    published: str | None = None
    actor_files: tuple[str, ...] = ()


@dataclass
class RunSummary:
    """Counts of one run, printed by the CLI."""

    engine: str
    stored: int = 0
    rejected: int = 0
    skipped: int = 0  # already written by an earlier run, or a repeat within this run
    shards: int = 0
    seconds: float = 0.0
    workers: int = 0
    notes: list[str] = field(default_factory=list)


def shards(
    raws: Iterable[RawInput], done: set[str], size: int, summary: RunSummary,
    on_repeat: Callable[[RawInput], bool] | None = None,
) -> Iterator[list[RawInput]]:
    """Shards of ``size`` inputs that are not in ``done`` (ids written earlier, and the
    :func:`rejection_key` of each rejection written earlier) nor repeats of an input seen
    earlier in this run. A repeat under another name goes to ``on_repeat``, which returns True
    when it recorded the repeat as a rejection of its own (:func:`record_rejected_repeat`); a
    repeat of the same input (id and source: a path given twice) is only counted as skipped,
    its first copy being written and counted once."""

    def fresh() -> Iterator[RawInput]:
        seen: set[str] = set()  # input keys, and the rejection key of each input met
        for raw in raws:
            doc_id = raw.doc_id()  # the SHA-256 of its bytes: computed once per input
            key, named = input_key(raw, doc_id), rejection_key(doc_id, raw.source)
            if key in done or named in done:
                summary.skipped += 1
                continue
            if key in seen:
                if named not in seen and on_repeat is not None and on_repeat(raw):
                    summary.rejected += 1
                else:
                    summary.skipped += 1
                seen.add(named)
                continue
            seen.update((key, named))
            yield raw

    return batched(fresh(), size)


def record_rejected_repeat(raw: RawInput, job: Job) -> bool:
    """Write the rejection of ``raw``, a repeat within this run of an earlier input's bytes
    under another name, when the page stage rejects those bytes (two empty files, one binary
    file copied): the first copy is rejected too, and this name needs its own record, as a
    single-machine batch gives it. Before session 33 such a repeat was dropped with no record
    (and each rerun then recorded one more of them). Only the page stage runs, where the
    repeat was met; a repeat it reads as a page is a duplicate document, skipped as before.
    Returns whether a rejection was written."""
    from diurna.pipeline import Pipeline

    doc = Pipeline([]).read(raw, published=job.published)  # the page stage, as a batch reads
    if not doc.rejected:
        return False
    write_shard([doc], job.out)  # its files are named by its id and source: nothing replaced
    return True


def input_key(raw: RawInput, doc_id: str) -> str:
    """What makes ``raw`` a repeat: its id ``doc_id`` (:meth:`RawInput.doc_id`, which the
    caller has already computed), or for an input that could not be loaded that id with its
    source, as the store keys rejections. (Until session 31 such inputs all had the empty
    input's id and were keyed by it alone: a too-large file was dropped as a repeat of an empty
    file and left no rejection record.)"""
    return doc_id if raw.error is None else rejection_key(doc_id, raw.source)


_pipeline_cache: dict[tuple[str, ...], Any] = {}


def process_shard(shard: list[RawInput], job: Job) -> dict[str, int]:
    """Run the pipeline on one shard and write it; the pipeline is built once per process."""
    from diurna.pipeline import Pipeline

    pipeline = _pipeline_cache.get(job.actor_files)
    if pipeline is None:
        pipeline = _pipeline_cache[job.actor_files] = Pipeline.default(
            actor_files=job.actor_files
        )
    from diurna.batch import coder_version

    docs = pipeline.process_batch(shard, published=job.published)
    return write_shard(docs, job.out, coder_version(pipeline))


def run(
    paths: Iterable[str],
    out: str | Path,
    *,
    engine: str,
    address: str | None = None,
    workers: int = 2,
    published: str | None = None,
    actor_files: Iterable[str] = (),
    shard_size: int = SHARD_SIZE,
    worker_reads: bool = False,
    retry_rejected: bool = False,
    engine_logs: bool = False,
) -> RunSummary:
    """Process ``paths`` on ``engine`` and write Parquet under ``out`` (see module docstring).
    ``worker_reads`` (Ray only): the driver lists the input files and the workers open them
    (:func:`run_worker_reads`). ``retry_rejected``: read again the inputs whose rejection is
    written under ``out`` (by default a rerun skips them, as it skips written documents).
    ``engine_logs``: let Ray's own log lines through (:func:`ray_init_options`)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if worker_reads and engine != "ray":
        raise ValueError("workers read their own inputs on --engine ray only")
    Path(out).mkdir(parents=True, exist_ok=True)
    job = Job(str(Path(out).resolve()), published, tuple(str(a) for a in actor_files))
    summary = RunSummary(engine=engine, workers=workers)
    start = time.perf_counter()
    done = written_ids(out, rejections=not retry_rejected)
    if worker_reads:
        return run_worker_reads(paths, job, address, workers, shard_size, summary, start, done,
                                engine_logs)
    todo = shards(iter_inputs(paths), done, shard_size, summary,
                  on_repeat=lambda raw: record_rejected_repeat(raw, job))
    first = next(todo, None)
    if first is None:  # everything already written: no cluster to start
        results: list[dict[str, int]] = []
    elif engine == "ray":
        results = _run_ray(itertools.chain([first], todo), job, address, workers,
                           engine_logs=engine_logs)
    else:
        results = _run_spark(itertools.chain([first], todo), job, address, workers)
    for counts in results:
        summary.shards += 1
        summary.stored += counts["stored"]
        summary.rejected += counts["rejected"]
    summary.seconds = time.perf_counter() - start
    return summary


def run_worker_reads(
    paths: Iterable[str], job: Job, address: str | None, workers: int, shard_size: int,
    summary: RunSummary, start: float, done: set[str], engine_logs: bool = False,
) -> RunSummary:
    """The driver lists the input files (folders walked, globs expanded, nothing read) and hands
    them out one file per task; each worker opens its file, skips pages already written
    (``done``: the ids under ``out`` when the run started), and processes the rest in shards.
    A page that appears in two files is processed twice; both write the same rows and
    ``diurna load`` keeps one. For archives too big for one driver to read."""
    from diurna.page import input_names

    names = input_names(paths)
    results = _run_ray([[n] for n in names], job, address, workers, done=done,
                       shard_size=shard_size, engine_logs=engine_logs) if names else []
    for counts in results:
        summary.shards += counts["shards"]
        summary.stored += counts["stored"]
        summary.rejected += counts["rejected"]
        summary.skipped += counts["skipped"]
    summary.seconds = time.perf_counter() - start
    return summary


def process_files(names: list[str], job: Job, done: set[str], shard_size: int) -> dict[str, int]:
    """Read the files ``names`` (in a worker), skip ids in ``done`` and process the rest in
    shards of ``shard_size``; the counts of all its shards."""
    total = {"stored": 0, "rejected": 0, "skipped": 0, "shards": 0}
    counter = RunSummary(engine="ray")
    for shard in shards(iter_inputs(names), done, shard_size, counter,
                        on_repeat=lambda raw: record_rejected_repeat(raw, job)):
        counts = process_shard(shard, job)
        total["stored"] += counts["stored"]
        total["rejected"] += counts["rejected"]
        total["shards"] += 1
    total["skipped"] = counter.skipped
    total["rejected"] += counter.rejected
    return total


def ray_init_options(address: str | None, workers: int, engine_logs: bool = False
                     ) -> dict[str, Any]:
    """``ray.init``'s arguments: a local cluster of ``workers`` CPUs, or the one at
    ``address``; no dashboard. Ray's own driver log lines ("Started a local Ray instance", the
    token-authentication notice) are start-up chatter a user of ``diurna process --engine ray``
    does not need: the driver's ``ray`` logger is set to ERROR (``logging_level``), and the
    workers' output is not copied to the driver (``log_to_driver``). Errors still show: Ray's
    ERROR lines, the error messages its raylet sends the driver (a worker that died), and a
    failed task's exception, which ends the run. ``engine_logs`` (``-v``) keeps Ray's own
    level (INFO) and the workers' output."""
    kwargs: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": engine_logs,
        "logging_level": logging.INFO if engine_logs else logging.ERROR,
    }
    if address:
        kwargs["address"] = address
    else:
        kwargs["num_cpus"] = workers
    return kwargs


def _run_ray(
    todo: Iterable[list[Any]], job: Job, address: str | None, workers: int,
    done: set[str] | None = None, shard_size: int = SHARD_SIZE, engine_logs: bool = False,
) -> list[dict[str, int]]:
    """One Ray actor per worker holds a pipeline; shards go to whichever actor is free. With
    ``done`` the shards are lists of file names the actors read themselves."""
    import ray
    from ray.util import ActorPool

    started = not ray.is_initialized()
    if started:
        ray.init(**ray_init_options(address, workers, engine_logs))
    try:
        worker_cls = ray.remote(num_cpus=1, max_restarts=RETRIES, max_task_retries=RETRIES)(
            _RayWorker
        )
        pool = ActorPool([worker_cls.remote(job) for _ in range(workers)])  # type: ignore[attr-defined]
        work: Any = todo  # ActorPool takes any iterable, and submits shards as actors free up
        if done is not None:
            ids = ray.put(done)  # once into the object store, not once per task
            return list(pool.map_unordered(
                lambda actor, names: actor.read_and_run.remote(names, ids, shard_size), work))
        return list(pool.map_unordered(lambda actor, shard: actor.run.remote(shard), work))
    finally:
        if started:
            ray.shutdown()


class _RayWorker:
    """A Ray actor: the pipeline is built when the actor starts and serves every shard."""

    def __init__(self, job: Job) -> None:
        self.job = job
        from diurna.pipeline import Pipeline

        _pipeline_cache[job.actor_files] = Pipeline.default(actor_files=job.actor_files)

    def run(self, shard: list[RawInput]) -> dict[str, int]:
        return process_shard(shard, self.job)

    def read_and_run(self, names: list[str], done: set[str], shard_size: int) -> dict[str, int]:
        return process_files(names, self.job, done, shard_size)


def _run_spark(
    todo: Iterator[list[RawInput]], job: Job, address: str | None, workers: int
) -> list[dict[str, int]]:
    """Shards become one Spark partition each; Python workers are reused, so each builds its
    pipeline once (``_pipeline_cache``) and keeps it for later shards."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    master = address or f"local[{workers},{RETRIES}]"
    spark = (
        SparkSession.builder.master(master)
        .appName("diurna")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")
        .config("spark.task.maxFailures", str(RETRIES))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        batch = list(todo)
        if not batch:
            return []
        rdd = spark.sparkContext.parallelize(batch, len(batch))
        return rdd.map(lambda shard: process_shard(shard, job)).collect()
    finally:
        spark.stop()
