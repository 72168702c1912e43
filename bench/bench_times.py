"""Time stage speed and TimeML accuracy on TempEval-3 AQUAINT: ``python bench/bench_times.py``.

Parses the 73 ``.tml`` texts once with the language stage, then times the time stage alone
over them (three rounds, the best one) and prints documents/second, the peak memory of the
process and the DATE/DURATION value accuracy beside the "dateparser alone" baseline (the full
figures, with the held-out split, come from ``diurna evaluate times FOLDER``).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from diurna.evaluate.gold import shared_dir
from diurna.evaluate.times import BASELINES, read_timeml, score_timeml, timeml_files
from diurna.language import Language
from diurna.model import Document
from diurna.time import TimeResolver


def main(folder: Path) -> None:
    docs = [read_timeml(f) for f in timeml_files(folder)]
    language, resolver = Language(), TimeResolver()
    parsed = {d.name: language(Document(id=d.name, source=d.name, text=d.text,
                                        published=d.published)) for d in docs}
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for doc in parsed.values():
            resolver(doc)
        best = min(best, time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = score_timeml(docs, parsed, {"dateparser": BASELINES["baseline_dateparser"]})
    print(f"time stage: {len(docs)} documents in {best:.2f} s = {len(docs) / best:.1f} docs/s "
          f"(after spaCy; peak {peak_mb:.0f} MB for the process)")
    for kind in ("date", "duration"):
        print(f"{kind.upper():8} value accuracy {result[f'{kind}_value_accuracy']}  "
              f"(dateparser alone on the gold spans: "
              f"{result[f'{kind}_value_accuracy_dateparser']}; n={result[f'{kind}_gold']})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else shared_dir() / "gold" / "temporal" / "AQUAINT")
