"""``diurna demo``: a database of real news for the web page to show.

It processes the Wikinews politics articles of 2004-2009 in the shared corpus (JSONL with
``text`` and ``published``; 3,973 articles) through the standard pipeline into a store, exactly
as ``diurna process`` would; ``limit`` takes the first N for a quick look.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from diurna.page import RawInput, iter_inputs

CORPUS = Path("corpus") / "wikinews-politics-2004-2009" / "articles.jsonl"


def default_corpus() -> Path:
    """The demo corpus in the shared folder (``$DIURNA_SHARED`` or ``../shared``)."""
    from diurna.evaluate.gold import shared_dir

    return shared_dir() / CORPUS


def build_demo(
    db: str | Path,
    *,
    corpus: str | Path | None = None,
    limit: int | None = None,
    workers: int = 1,
    on_document: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Process the first ``limit`` (all when None) articles of ``corpus`` into the store ``db``;
    returns counts by outcome (``stored``, ``duplicate``, ``rejected``)."""
    from diurna.batch import coder_version
    from diurna.pipeline import Pipeline
    from diurna.store import Store

    path = Path(corpus) if corpus else default_corpus()
    if not path.is_file():
        raise FileNotFoundError(
            f"no demo corpus at {path}: pass --corpus FILE.jsonl or set DIURNA_SHARED"
        )
    raws: Iterator[RawInput] = iter_inputs([str(path)])
    if limit is not None:
        raws = islice(raws, limit)
    counts = {"stored": 0, "duplicate": 0, "rejected": 0}
    pipeline = Pipeline.default()
    coder = coder_version(pipeline)  # recorded, so `diurna recode` sees these as up to date
    with Store(db) as store:
        for doc in pipeline.pipe(raws, workers=workers):
            counts[store.save(doc, coder=coder)] += 1
            if on_document:
                on_document(doc.title or doc.source)
    return counts
