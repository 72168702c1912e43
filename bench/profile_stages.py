"""Where each stage spends its CPU: per-stage CPU seconds and the top functions of Diurna's code.

    python bench/profile_stages.py [--coder learned|rules] [--limit N]            # CPU per stage
    python bench/profile_stages.py --cprofile [--top 20] [--coder ...]            # + functions

Runs the pipeline page by page over the 115 development pages, as ``bench/bench_pipeline.py``
does (page stage, then each component), and then saves each document into a fresh SQLite store
(the ``store`` stage, ``Store.save`` as ``diurna process`` calls it). CPU time
(``time.process_time``), not wall time: on a shared machine a stage's wall time depends on how
much of a core it was given.

With ``--cprofile`` every stage runs under its own ``cProfile.Profile`` and the ``--top``
functions of Diurna's own code (files under ``src/diurna``) are printed per stage, by
cumulative time (the function and what it calls) and by self time (its own lines). cProfile
slows Python calls several times over, and spaCy's Cython is built with profiling hooks, so code
that touches many tokens looks costlier than it is: rank with it, then time a change without it.
The first line says which spaCy build runs: PyPI's wheel (profiling hooks: yes, for Python < 3.12)
or the one ``scripts/setup.sh`` builds without them by default (no), which spends less CPU.

``--run`` runs each page through ``Pipeline.run`` instead (after the page stage), the path one
document takes when it is posted to the HTTP API or given to ``diurna.process``; each component
is timed inside it, a parse made ahead of the components (``parse_ahead``) counting to the
component that makes it (the language stage), and the rest of ``run`` to ``run (other)``.

``--repeat N`` runs N passes and prints each stage's least CPU. Answers a process keeps (the
gazetteer's look-ups, the time stage's calendar parses) carry over from one pass to the next, so
a stage with such a cache looks cheaper after the first pass than a one-pass run over new pages
would find it; compare such a stage on one pass.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import pstats
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from diurna.evaluate.gold import shared_dir
from diurna.language import load_nlp
from diurna.language.spacy_build import spacy_build_line
from diurna.model import Rejected
from diurna.page import RawInput, read_page
from diurna.pipeline import Pipeline, one_blas_thread
from diurna.store import Store

T = TypeVar("T")

OURS = f"{Path(__file__).resolve().parents[1] / 'src' / 'diurna'}/"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--coder", default="learned", help="event coder (Pipeline.default(coder=))")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--cprofile", action="store_true", help="also profile each stage")
    ap.add_argument("--top", type=int, default=20, help="functions listed per stage and order")
    ap.add_argument("--repeat", type=int, default=1,
                    help="passes over the pages (each into a fresh store); each stage's least "
                         "CPU over the passes is printed (a pass slowed by other jobs on the "
                         "machine counts least)")
    ap.add_argument("--run", action="store_true",
                    help="each page through Pipeline.run (one document at a time: the HTTP API, "
                         "diurna.process), its components timed inside it")
    args = ap.parse_args()
    print(spacy_build_line(), flush=True)

    pages = sorted((shared_dir() / "gold" / "article-body" / "html").glob("*.html.gz"))
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages[: args.limit]]
    load_nlp()
    pipeline = Pipeline.default(coder=args.coder)
    pipeline(read_page(raws[0]))  # warm every component (models, dictionaries, gazetteer)

    passes: list[dict[str, float]] = []
    profiles: dict[str, cProfile.Profile] = defaultdict(lambda: cProfile.Profile(time.process_time))

    cpu: dict[str, float] = defaultdict(float)

    def timed(stage: str, call: Callable[..., T], *call_args: Any) -> T:
        """``call(*call_args)``, its CPU time added to ``stage`` (and profiled, if asked)."""
        start = time.process_time()
        if args.cprofile:
            profiles[stage].enable()
        try:
            return call(*call_args)
        finally:
            if args.cprofile:
                profiles[stage].disable()
            cpu[stage] += time.process_time() - start

    timed_pipeline = Pipeline([Timed(comp, timed) for comp in pipeline.components])

    def run(doc: Any) -> Any:
        """``Pipeline.run`` on ``doc``; what its components do not spend goes to "run (other)"."""
        start, inside = time.process_time(), sum(cpu.values())
        doc = timed_pipeline.run(doc)
        cpu["run (other)"] += time.process_time() - start - (sum(cpu.values()) - inside)
        return doc

    for n in range(max(1, args.repeat)):
        cpu = defaultdict(float)
        with tempfile.TemporaryDirectory(prefix="diurna-profile-") as tmp, \
                Store(Path(tmp) / "profile.db") as store:
            for raw in raws:
                try:
                    doc = timed("page", read_page, raw)
                except Rejected:
                    continue
                if args.run:
                    doc = run(doc)
                else:
                    with one_blas_thread():  # as Pipeline.__call__ runs the components
                        for comp in pipeline.components:
                            doc = timed(comp.name, comp, doc)
                    doc.nlp = None  # as Pipeline.__call__ leaves it
                timed("store", partial(store.save, coder=args.coder), doc)
        passes.append(cpu)
        if args.repeat > 1:
            print(f"pass {n + 1}: {sum(cpu.values()):.2f} CPU s", flush=True)
    cpu = {stage: min(p.get(stage, 0.0) for p in passes) for stage in passes[0]}

    total = sum(cpu.values())
    least = " (each stage's least of the passes)" if len(passes) > 1 else ""
    print(f"coder {args.coder}, {len(raws)} pages, {total:.2f} CPU s{least}")
    print("  stage         CPU s   share")
    for stage, secs in cpu.items():
        print(f"  {stage:<12} {secs:6.2f}  {100 * secs / total:5.1f}%")
    if not args.cprofile:
        return
    for stage, profile in profiles.items():
        stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        ours = [(key, value) for key, value in stats.items() if key[0].startswith(OURS)]
        for label, index in (("cumulative", 3), ("self", 2)):
            print(f"\n{stage}: top {args.top} of our functions by {label} time (under cProfile)")
            print("   cum s   self s     calls  function")
            ours.sort(key=lambda kv: -kv[1][index])
            for (path, line, name), (_, calls, own, cum, _) in ours[: args.top]:
                where = f"{path[len(OURS):]}:{line}"
                print(f"  {cum:6.2f}  {own:6.2f}  {calls:8d}  {name} ({where})")


class Timed:
    """A pipeline component whose calls, and parse made ahead if it makes one, are timed under
    its name by ``timed`` (``--run``: the pipeline calls the component itself)."""

    def __init__(self, comp: Any, timed: Callable[..., Any]) -> None:
        self.comp, self.timed, self.name = comp, timed, comp.name
        if hasattr(comp, "parse_ahead"):
            self.parse_ahead = partial(timed, comp.name, comp.parse_ahead)

    def __call__(self, doc: Any) -> Any:
        return self.timed(self.name, self.comp, doc)


if __name__ == "__main__":
    main()
