"""What each spaCy component costs: the language stage with components switched off.

    python bench/bench_spacy_parts.py [--pages 24] [--rounds 3]

Parses the bodies of the first ``--pages`` development pages (``shared/gold/article-body/html``)
with ``nlp.pipe`` as the pipeline does, with the full model and with the parser, the lemmatizer,
the tagger switched off, alternating the configurations ``--rounds`` times in one process (so all
see the same machine load), and prints the median seconds and the speed-up over the full model.
It bounds what a gate that skips the parse of non-political pages or sentences could give: the
later stages read the parse, so switching it off is only an upper bound (docs/scale.md).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time

from diurna.evaluate.gold import shared_dir
from diurna.language import load_nlp
from diurna.model import Rejected
from diurna.page import RawInput, read_page

CONFIGS = {
    "full model": [],
    "no parser": ["parser"],
    "no parser, no lemmatizer": ["parser", "lemmatizer"],
    "entities only": ["parser", "lemmatizer", "tagger", "attribute_ruler"],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = []
    for path in sorted((shared_dir() / "gold" / "article-body" / "html").glob("*"))[: args.pages]:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            texts.append(read_page(RawInput(source=str(path), data=data)).text)
        except Rejected:
            continue
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up
    times: dict[str, list[float]] = {name: [] for name in CONFIGS}
    for _ in range(args.rounds):
        for name, off in CONFIGS.items():
            start = time.perf_counter()
            with nlp.select_pipes(disable=off):
                list(nlp.pipe(texts, batch_size=32))
            times[name].append(time.perf_counter() - start)
    full = statistics.median(times["full model"])
    print(f"{len(texts)} pages, {sum(map(len, texts)):,} characters, {args.rounds} rounds")
    for name, xs in times.items():
        med = statistics.median(xs)
        runs = ", ".join(f"{x:.1f}" for x in xs)
        print(f"{name:<26} median {med:6.2f} s ({runs})  {full / med:.2f}x")


if __name__ == "__main__":
    main()
