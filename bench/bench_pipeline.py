"""Whole-pipeline benchmark: documents/second and peak memory on the 115 development pages.

    python bench/bench_pipeline.py [--limit N] [--workers N]
    python bench/bench_pipeline.py --compare REF [--rounds N]   # this tree vs git REF's src/
    python bench/bench_pipeline.py --compare REF --workers 2 [--baseline-workers 1]   # processes
    python bench/bench_pipeline.py --coders learned,rules [--rounds N]   # event coders, same run
    python bench/bench_pipeline.py --gates off,actors [--rounds N]   # relevance gates, same run


Runs the page stage and every component on each page of ``shared/gold/article-body/html`` (the
gzipped HTML as a user would feed it), prints throughput, per-stage seconds and the process's peak
resident memory (``ru_maxrss``), including the spaCy model. The first page's model load is timed
separately so that throughput reflects steady state.

``--compare REF`` times the same job (``Pipeline.pipe`` over every page, as ``diurna process``
runs it) with this tree's ``src/`` and with ``src/`` as it was at git ``REF`` (extracted to a
temporary folder and put first on ``PYTHONPATH``), alternating the two ``--rounds`` times in
fresh processes, so that both see the same machine load; it prints each run and the ratio of
the medians. Both use this tree's built gazetteer file. With ``--workers N`` both sides run
``N`` processes (``Pipeline.pipe(workers=N)``); ``--baseline-workers M`` gives the baseline
another number. Each run also reports the CPU seconds it used (its own and its workers'): on a
machine shared with other jobs, documents per CPU-second compares one-process runs more steadily
than documents per second, which depends on how much of a core each run was given.

``--coders A,B`` times the same job with each event coder (``--coder``), alternating fresh
processes likewise, and prints documents/second and peak memory of each and the ratio of the
medians (the learned coder's speed target is >= 0.8x the rule coder's). ``--gates A,B`` does the
same with two relevance gates of the learned coder (``--gate``, ``diurna.events.gate``).

The first line says which spaCy build runs: PyPI's wheel (profiling hooks: yes, for Python < 3.12)
or the one ``scripts/setup.sh`` builds without them by default (no), which spends less CPU.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import shared_dir
from diurna.language import load_nlp
from diurna.model import Rejected
from diurna.page import RawInput, read_page
from diurna.pipeline import Pipeline
from diurna.places.gazetteer import DB_NAME

REPO = Path(__file__).resolve().parents[1]

try:  # older code (``--compare REF``) runs BLAS with its default threads
    from diurna.pipeline import one_blas_thread
except ImportError:
    from contextlib import nullcontext as one_blas_thread  # type: ignore[assignment]
try:  # older code (``--compare REF``) has one coder and no choice of it
    from diurna.pipeline import CODERS, DEFAULT_CODER
except ImportError:
    CODERS, DEFAULT_CODER = ("rules",), "rules"
try:  # older code (``--compare REF``) has no relevance gate
    from diurna.pipeline import DEFAULT_GATE, GATES
except ImportError:
    GATES, DEFAULT_GATE = ("off",), "off"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--workers", type=int, default=1, help="processes (Pipeline.pipe(workers=))")
    ap.add_argument("--baseline-workers", type=int, default=None,
                    help="with --compare: processes for the baseline (default: --workers)")
    ap.add_argument("--compare", metavar="REF", help="also time git REF's src/ and compare")
    ap.add_argument("--rounds", type=int, default=2, help="alternating runs per side (--compare)")
    ap.add_argument("--coder", choices=CODERS, default=DEFAULT_CODER, help="event coder")
    ap.add_argument("--coders", metavar="A,B", help="time these event coders against each other")
    ap.add_argument("--gate", choices=GATES, default=DEFAULT_GATE, help="learned coder's gate")
    ap.add_argument("--gates", metavar="A,B", help="time these gates against each other")
    ap.add_argument("--pipe-only", action="store_true",
                    help="time Pipeline.pipe over the pages as one run (documents/second, CPU, "
                         "peak memory), without the per-stage split; what --compare, --coders and "
                         "--gates run in a fresh process each round")
    args = ap.parse_args()
    if not args.pipe_only:
        # Imported here: a --pipe-only run may have an older src/ (--compare REF) first on the path.
        from diurna.language.spacy_build import spacy_build_line

        print(spacy_build_line(), flush=True)  # both sides of --compare use this venv's spaCy
    if args.compare:
        base_workers = args.baseline_workers or args.workers
        compare(args.compare, args.rounds, args.limit, (base_workers, args.workers))
        return
    if args.coders or args.gates:
        option, known = ("coder", CODERS) if args.coders else ("gate", GATES)
        compare_options(option, (args.coders or args.gates).split(","), known, args.rounds,
                        args.limit)
        return

    pages = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))[
        : args.limit
    ]
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages]

    t0 = time.perf_counter()
    load_nlp()
    options: dict[str, Any] = {"coder": args.coder} if len(CODERS) > 1 else {}
    if len(GATES) > 1:
        options["gate"] = args.gate
    pipeline = Pipeline.default(**options)
    pipeline(read_page(raws[0]))  # warm every component (model, dictionaries, gazetteer)
    setup = time.perf_counter() - t0

    if args.workers > 1 or args.pipe_only:
        run_parallel(pipeline, raws, args.workers)
        return

    per_stage: dict[str, float] = defaultdict(float)
    stage_cpu: dict[str, float] = defaultdict(float)
    events = rejected = chars = 0
    start = time.perf_counter()
    for raw in raws:
        t, c = time.perf_counter(), time.process_time()
        try:
            doc = read_page(raw)
        except Rejected:
            rejected += 1
            continue
        per_stage["page"] += time.perf_counter() - t
        stage_cpu["page"] += time.process_time() - c
        with one_blas_thread():  # as Pipeline.__call__ runs them
            for comp in pipeline.components:
                t, c = time.perf_counter(), time.process_time()
                doc = comp(doc)
                per_stage[comp.name] += time.perf_counter() - t
                stage_cpu[comp.name] += time.process_time() - c
        chars += len(doc.text)
        events += len(doc.events)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"pages            {len(raws)} ({rejected} rejected)")
    print(f"setup            {setup:.2f} s (model load + warm-up)")
    print(f"elapsed          {elapsed:.2f} s")
    print(f"documents/second {len(raws) / elapsed:.2f}")
    print(f"chars/second     {chars / elapsed:,.0f}")
    print(f"events           {events}")
    print(f"peak memory      {peak_mb:.0f} MB (ru_maxrss)")
    print("  stage          wall s   share    CPU s   share")
    cpu_total = sum(stage_cpu.values())
    for name, secs in per_stage.items():
        print(f"  {name:<12} {secs:8.2f} {100 * secs / elapsed:6.1f}%  {stage_cpu[name]:7.2f} "
              f"{100 * stage_cpu[name] / cpu_total:6.1f}%")


def run_parallel(pipeline: Pipeline, raws: list[RawInput], workers: int) -> None:
    start, cpu_start = time.perf_counter(), cpu_seconds()
    docs = list(pipeline.pipe(raws, workers=workers))
    elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"pages            {len(raws)} ({sum(bool(d.rejected) for d in docs)} rejected)")
    print(f"workers          {workers}")
    print(f"elapsed          {elapsed:.2f} s")
    print(f"documents/second {len(raws) / elapsed:.2f}")
    print(f"cpu seconds      {cpu:.2f} (this process and its workers)")
    print(f"events           {sum(len(d.events) for d in docs)}")
    print(f"peak memory      parent {parent:.0f} MB, largest worker {child:.0f} MB (ru_maxrss)")


def cpu_seconds() -> float:
    """CPU time (user + system) used so far by this process and its ended child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def extract_src(ref: str, folder: Path) -> Path:
    """``src/`` as it was at git ``ref``, written under ``folder``, with this tree's built
    gazetteer file (not in git) beside it; returns the ``src`` path to put on ``PYTHONPATH``.
    Exits with one line when ``ref`` cannot be read."""
    from diurna.places.gazetteer import default_path

    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref, "src"], capture_output=True, check=False
    )
    if archive.returncode:
        sys.exit(f"cannot read git ref {ref!r}: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    data = folder / "src" / "diurna" / "places" / "data"
    data.mkdir(parents=True, exist_ok=True)
    # under the package's default name, whatever $DIURNA_GAZETTEER calls this tree's file:
    # that is where _timed_run points the older code
    shutil.copy(default_path(), data / DB_NAME)
    return folder / "src"


def compare(ref: str, rounds: int, limit: int | None, workers: tuple[int, int] = (1, 1)) -> None:
    """Time ``Pipeline.pipe`` with this tree's code and with git ``ref``'s, alternating
    (``workers``: processes for the baseline and for this tree)."""
    with tempfile.TemporaryDirectory(prefix="diurna-bench-") as tmp:
        sides = {f"baseline {ref}": (extract_src(ref, Path(tmp)), workers[0]),
                 "this tree": (REPO / "src", workers[1])}
        rates: dict[str, list[float]] = defaultdict(list)
        per_cpu: dict[str, list[float]] = defaultdict(list)
        for r in range(rounds):
            for label, (src, n) in sides.items():
                rate, cpu = _timed_run(src, limit, workers=n, cpu=True)
                rates[label].append(rate)
                per_cpu[label].append(cpu)
                print(f"round {r + 1}  {label:<24} {n} process(es) {rate:6.2f} documents/second,"
                      f" {cpu:6.2f} per CPU-second", flush=True)
        base, mine = (statistics.median(v) for v in rates.values())
        base_cpu, mine_cpu = (statistics.median(v) for v in per_cpu.values())
        print(f"median: baseline {base:.2f}, this tree {mine:.2f} documents/second; "
              f"speed-up {mine / base:.2f}x")
        print(f"median: baseline {base_cpu:.2f}, this tree {mine_cpu:.2f} documents per "
              f"CPU-second; {mine_cpu / base_cpu:.2f}x")


def compare_options(option: str, values: list[str], known: tuple[str, ...], rounds: int,
                    limit: int | None) -> None:
    """Time ``Pipeline.pipe`` with each of two values of ``--coder`` or ``--gate`` (``option``),
    alternating fresh processes."""
    if len(values) != 2 or any(v not in known for v in values):
        sys.exit(f"--{option}s takes two of {', '.join(known)}, e.g. {known[0]},{known[-1]}")
    src = REPO / "src"
    rates: dict[str, list[float]] = defaultdict(list)
    per_cpu: dict[str, list[float]] = defaultdict(list)
    for r in range(rounds):
        for value in values:
            rate, peak, cpu = _timed_run(src, limit, options=[f"--{option}", value],
                                         memory=True, cpu=True)
            rates[value].append(rate)
            per_cpu[value].append(cpu)
            print(f"round {r + 1}  {value:<8} {rate:6.2f} documents/second, {cpu:6.2f} per "
                  f"CPU-second, peak {peak:.0f} MB", flush=True)
    first, second = (statistics.median(rates[v]) for v in values)
    print(f"median: {values[0]} {first:.2f}, {values[1]} {second:.2f} documents/second; "
          f"{values[0]} / {values[1]} = {first / second:.2f}x")
    first, second = (statistics.median(per_cpu[v]) for v in values)
    print(f"median: {values[0]} {first:.2f}, {values[1]} {second:.2f} documents per CPU-second;"
          f" {values[0]} / {values[1]} = {first / second:.2f}x")


def _timed_run(src: Path, limit: int | None, *, options: list[str] | None = None,
               memory: bool = False, workers: int = 1, cpu: bool = False) -> Any:
    """documents/second of one fresh ``--pipe-only`` run with ``src`` first on the path (and,
    with ``memory``, its peak resident MB too; with ``cpu``, its documents per CPU-second)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    copy = src / "diurna" / "places" / "data" / DB_NAME
    if src.resolve() != REPO / "src" and copy.exists():
        # older code on its own copy (extract_src): with $DIURNA_GAZETTEER it would find the
        # shared file's schema stale and rebuild that file in its own, older schema
        env["DIURNA_GAZETTEER"] = str(copy)
    cmd = [sys.executable, __file__, "--pipe-only", "--workers", str(workers)]
    if limit:
        cmd += ["--limit", str(limit)]
    cmd += options or []
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    found = re.search(r"documents/second\s+([\d.]+)", out)
    if not found:
        sys.exit(f"benchmark run printed no documents/second:\n{out}")
    figures: list[float] = [float(found.group(1))]
    if memory:
        peak = re.search(r"peak memory\s+parent (\d+) MB", out)
        figures.append(float(peak.group(1)) if peak else float("nan"))
    if cpu:
        pages = re.search(r"pages\s+(\d+)", out)
        secs = re.search(r"cpu seconds\s+([\d.]+)", out)
        figures.append(int(pages.group(1)) / float(secs.group(1)) if pages and secs
                       else float("nan"))
    return figures[0] if len(figures) == 1 else tuple(figures)


if __name__ == "__main__":
    main()
