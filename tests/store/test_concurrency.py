"""Two processes writing to one store at once lose nothing and fail no insert."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path

from diurna.model import Document
from diurna.store import Store


def _write(db: str, ids: list[int], out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    statuses: Counter[str] = Counter()
    try:
        with Store(db) as store:
            for i in ids:
                doc = Document.from_paragraphs(
                    f"doc{i:04d}", f"p{i}.txt", [f"Paragraph {i} of the test. " * 50]
                )
                statuses[store.save(doc)] += 1
        out.put(("ok", dict(statuses)))
    except Exception as err:  # reported to the test, which fails on it
        out.put(("error", f"{type(err).__name__}: {err}"))


def test_two_writers_lose_nothing_and_store_shared_inputs_once(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    Store(db).close()  # created before both start, as a batch user would
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    first, second = list(range(0, 300)), list(range(150, 450))  # 150 inputs in both
    procs = [ctx.Process(target=_write, args=(db, ids, out)) for ids in (first, second)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(kind == "ok" for kind, _ in results), results
    total: Counter[str] = Counter()
    for _, statuses in results:
        total.update(statuses)
    assert total == {"stored": 450, "duplicate": 150}
    with Store(db) as store:
        assert store.count("documents") == 450
