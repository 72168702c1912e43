"""Benchmark: time of the language stage vs actors + statements + events.

Input: the ground-truth ``articleBody`` of the 115 dev pages (shared/gold/article-body). Models and
dictionaries are loaded (warmed up on one page) before timing. Target: event coding (actors +
statements + events) adds at most 30 % to the language stage.

    .venv/bin/python bench/bench_events.py
"""

from __future__ import annotations

import argparse
import json
import time

from diurna.actors import ActorResolver
from diurna.evaluate.gold import shared_dir
from diurna.events import EventCoder
from diurna.language import Language
from diurna.model import Document
from diurna.statements import Statements


def main() -> None:
    truth = json.loads(
        (shared_dir() / "gold" / "article-body" / "ground-truth.json").read_text(encoding="utf-8")
    )
    bodies = [(k, v["articleBody"]) for k, v in sorted(truth.items()) if v.get("articleBody")]
    language, actors, statements, events = Language(), ActorResolver(), Statements(), EventCoder()
    warm = Document(id="warm", source="warm", text=bodies[0][1])
    for stage in (language, actors, statements, events):
        warm = stage(warm)

    t_lang = t_act = t_stat = t_ev = 0.0
    n_events = n_quotes = chars = 0
    for key, body in bodies:
        doc = Document(id=key[:16], source=key, text=body)
        chars += len(body)
        t0 = time.perf_counter()
        doc = language(doc)
        t1 = time.perf_counter()
        doc = actors(doc)
        t2 = time.perf_counter()
        doc = statements(doc)
        t3 = time.perf_counter()
        doc = events(doc)
        t4 = time.perf_counter()
        t_lang += t1 - t0
        t_act += t2 - t1
        t_stat += t3 - t2
        t_ev += t4 - t3
        n_events += len(doc.events)
        n_quotes += len(doc.quotes)
    coding = t_act + t_stat + t_ev
    print(f"pages {len(bodies)}  characters {chars}  quotes {n_quotes}  events {n_events}")
    print(f"language stage           {t_lang:8.2f} s")
    print(f"actors                   {t_act:8.2f} s")
    print(f"statements               {t_stat:8.2f} s")
    print(f"events                   {t_ev:8.2f} s")
    print(f"actors+statements+events {coding:8.2f} s")
    ratio = coding / t_lang if t_lang else float("nan")
    print(
        f"ratio (coding / language) {ratio:.3f}  (target <= 0.30: "
        f"{'met' if ratio <= 0.30 else 'NOT met'})"
    )


if __name__ == "__main__":
    # (no options: parsed so that --help prints the docstring instead of running the benchmark)
    argparse.ArgumentParser(description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    main()
