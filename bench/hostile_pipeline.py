"""Drive hostile documents (tests/hostile_text.py) through the whole pipeline into one store,
then read them back through every surface, and list what broke (docs/batch.md, round 12).

    PYTHONPATH=src python bench/hostile_pipeline.py [--scale 1.0] [--out DIR]

Writes the inputs to DIR (a good page first), runs ``diurna process DIR --db DIR/h.db`` in a
subprocess (no traceback may reach stderr), then checks: every input stored or rejected with a
reason, the good page unchanged after the hostile ones, every stored span inside its text and
equal to it, ``events``/``quotes``/``export`` (csv, jsonl, parquet) parse back, and the API's
``/api/documents/{id}`` and ``/api/events`` answer 200 for every stored document. Prints the
problems found (none: "ok") and the slowest documents (run on a busy machine: noisy).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile_text import NEWS, QUOTE, hostile_pages, jsonl_records, warc_bad_length  # noqa: E402

from diurna.model import content_id  # noqa: E402

GOOD = f"Talks in Amman\n\n{QUOTE}\n\n{NEWS}\n"
# column prefixes whose start/end/text are offsets into the document's body
SPAN_PREFIXES = ("", "trigger_", "actor_", "recipient_", "source_", "date_", "place_",
                 "speaker_", "cue_", "end_point_")


def write_inputs(folder: Path, scale: float = 1.0) -> list[str]:
    """The good page (``00_good.txt``), each hostile page, a JSONL file and a WARC file, named
    so that a folder walk reads them in this order; returns the file names."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "00_good.txt").write_text(GOOD, encoding="utf-8")
    names = ["00_good.txt"]
    for i, (name, text) in enumerate(hostile_pages(scale=scale), 1):
        path = folder / f"{i:02d}_{name}.txt"
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        names.append(path.name)
    (folder / "90_records.jsonl").write_text(jsonl_records(), encoding="utf-8")
    (folder / "91_bad_length.warc").write_bytes(warc_bad_length())
    return [*names, "90_records.jsonl", "91_bad_length.warc"]


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``python -m diurna ARGS`` with this checkout's sources; fails on a traceback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "diurna", *args], capture_output=True,
                          text=True, env=env, check=False)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    if check:
        assert done.returncode == 0, (args, done.stderr[-3000:])
    return done


def read_cli(*args: str) -> str:
    """A reading command (``events``, ``quotes``, ``export``) run in this process, as click
    runs it (no model loads, so no subprocess is needed); fails on any exception."""
    from click.testing import CliRunner

    from diurna.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        "".join(traceback.format_exception(result.exception))
    assert result.exit_code == 0, (args, result.output[-2000:])
    return result.stdout


def span_faults(db: Path) -> list[str]:
    """Every stored span whose offsets fall outside its document's text or whose text is not
    the text at its offsets (headline places: their title or dek)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    fields = {r["id"]: {"body": r["text"], "title": r["title"] or "", "dek": r["dek"] or ""}
              for r in conn.execute("SELECT id, text, title, dek FROM documents")}
    faults = []
    for table in ("entities", "mentions", "quotes", "times", "places", "events"):
        for row in conn.execute(f"SELECT * FROM {table}"):  # noqa: S608 (fixed names)
            texts = fields[row["doc_id"]]
            keys = row.keys()
            for p in SPAN_PREFIXES:
                if f"{p}start" not in keys or row[f"{p}start"] is None:
                    continue
                s, e, t = row[f"{p}start"], row[f"{p}end"], row[f"{p}text"]
                field = row["field"] if "field" in keys and p == "" else "body"
                options = [texts[field]] if p != "place_" else list(texts.values())
                if not any(0 <= s <= e <= len(x) and x[s:e] == t for x in options):
                    faults.append(f"{table}.{p or 'span'} {row['doc_id']} [{s}:{e}] {t!r:.60}")
    conn.close()
    return faults


def exports_parse(db: Path, folder: Path) -> dict[str, int]:
    """Rows read back from ``diurna events/quotes --format jsonl`` and each ``export`` file."""
    counts = {}
    for what in ("events", "quotes"):
        out = read_cli(what, "--db", str(db), "--format", "jsonl")
        counts[what] = len([json.loads(line) for line in out.splitlines() if line.strip()])
    for ext in ("csv", "jsonl", "parquet"):
        path = folder / f"export.{ext}"
        read_cli("export", "--db", str(db), "--to", str(path))
        if ext == "csv":
            with path.open(newline="", encoding="utf-8") as fh:
                counts[ext] = len(list(csv.DictReader(fh)))
        elif ext == "jsonl":
            counts[ext] = len([json.loads(x) for x in path.read_text("utf-8").splitlines() if x])
        else:
            import pyarrow.parquet as pq

            counts[ext] = pq.read_table(path).num_rows
    return counts


def api_faults(db: Path) -> list[str]:
    """Documents and events the API does not answer with 200 and JSON."""
    from fastapi.testclient import TestClient

    from diurna.api.app import create_app

    client = TestClient(create_app(db), raise_server_exceptions=False)
    ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents")]
    faults = []
    for doc_id in ids:
        for url in (f"/api/documents/{doc_id}", f"/api/events?doc_id={doc_id}"):
            got = client.get(url)
            if got.status_code != 200:
                faults.append(f"{url} {got.status_code} {got.text[:200]}")
            else:
                got.json()
    return faults


def good_rows(db: Path, doc_id: str) -> Any:
    """The good page's stored rows (its document and everything coded from it)."""
    conn = sqlite3.connect(db)
    rows = {t: sorted(map(tuple, conn.execute(
        f"SELECT * FROM {t} WHERE {'id' if t == 'documents' else 'doc_id'}=?",  # noqa: S608
        (doc_id,)))) for t in ("documents", "events", "quotes", "mentions", "times", "places")}
    conn.close()
    rows["documents"] = [r[:-3] for r in rows["documents"]]  # without stored_at and after
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/diurna-hostile"))
    ns = parser.parse_args()
    folder, db = ns.out / "in", ns.out / "h.db"
    if db.exists():
        db.unlink()
    write_inputs(folder, ns.scale)
    start = time.perf_counter()
    run_cli("process", str(folder / "00_good.txt"), "--db", str(db), "--published", "2018-02-15",
            "-q")
    good_id = content_id(GOOD.encode())
    before = good_rows(db, good_id)
    done = run_cli("process", str(folder), "--db", str(db), "--published", "2018-02-15", "-v",
                   check=False)
    print(f"process: exit {done.returncode}, {time.perf_counter() - start:.0f} s")
    print("\n".join(done.stderr.splitlines()[-40:]))
    problems = []
    if good_rows(db, good_id) != before:
        problems.append("the good page's rows changed")
    problems += span_faults(db)
    print("read back:", exports_parse(db, ns.out))
    problems += api_faults(db)
    print(read_cli("rejections", "--db", str(db)))
    print("\n".join(problems) or "ok")


if __name__ == "__main__":
    main()
