"""Soak test: a long batch with hostile inputs, killed with SIGKILL half-way and resumed.

    python bench/soak.py [--n 10000] [--hostile 0.05] [--workers 1] [--kill-at 0.5] [--keep DIR]

Not part of the unit suite (it runs for a long time). It writes ``--n`` inputs to a temporary
folder: short news pages (text dumps made from the Wikinews articles in
``shared/corpus/wikinews-politics-2004-2009``, each made distinct) and, mixed in at the
``--hostile`` rate, inputs built to hurt: gzip bombs, HTML nested 100,000 deep, random high bytes,
invalid UTF-8, a PNG named .html, a WARC archive cut short, an empty file, a 25 MB file, source
code and JSON data. Then it runs ``diurna process FOLDER --db soak.db`` as a child process,
kills it with SIGKILL once about ``--kill-at`` of the news pages are stored, and runs the same
command again to finish.

It prints, against what was written:

- stored: news pages in the store; lost: news pages neither stored nor recorded as rejected;
- duplicated: documents stored more than once (by source or by content);
- garbage: hostile inputs stored as documents (they must all be rejected), and hostile inputs
  with no rejection recorded;
- the seconds of each run, inputs/second, and the peak resident memory of the largest child.

Expected: 0 lost, 0 duplicated, 0 garbage.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diurna.evaluate.gold import shared_dir

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def content_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def news_pages(n: int, rng: random.Random) -> list[bytes]:
    """``n`` distinct short news text dumps: a Wikinews title and its first paragraphs."""
    path = shared_dir() / "corpus" / "wikinews-politics-2004-2009" / "articles.jsonl"
    articles = [json.loads(line) for line in path.open(encoding="utf-8")]
    pages = []
    for i in range(n):
        art = articles[i % len(articles)]
        paras = [p for p in art["text"].split("\n\n") if len(p) > 80][:3] or [art["text"][:600]]
        edition = f"\n\n(Soak edition {i}.)" if i >= len(articles) else ""
        pages.append((art["title"] + "\n\n" + "\n\n".join(paras) + edition).encode("utf-8"))
    return pages


def _warc_cut() -> bytes:
    """A one-record WARC cut inside the record's body: nothing in it is readable."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    body = b"<html><body><p>" + b"cut short " * 200 + b"</p></body></html>"
    writer.write_record(writer.create_warc_record(
        "http://soak.example/cut", "response", http_headers=headers, payload=io.BytesIO(body)))
    data = buf.getvalue()
    return data[: len(data) - len(body) // 2]


def hostile(kind: int, i: int, rng: random.Random) -> tuple[str, bytes]:
    """One hostile input (file name, bytes); ``kind`` picks the sort."""
    tag = f"{i}".encode()
    if kind == 0:  # gzip bomb: 30 MB of zeros in ~30 KB
        return f"bomb{i}.html.gz", gzip.compress(b"\0" * (30 * 1024 * 1024) + tag, 9)
    if kind == 1:
        return f"deep{i}.html", b"<html><body>" + b"<div>" * 100_000 + tag + b"</body></html>"
    if kind == 2:
        return f"noise{i}.txt", bytes(rng.randint(0x80, 0xFF) for _ in range(20_000)) + tag
    if kind == 3:
        return f"badutf8-{i}.html", (b"<p>\xc3\x28\xa0\xa1 " * 2000) + tag
    if kind == 4:
        return f"image{i}.html", PNG + tag
    if kind == 5:
        return f"cut{i}.warc", _warc_cut()
    if kind == 6:
        return f"empty{i}.html", b""
    if kind == 7:
        return f"huge{i}.html", b"<p>" + b"word " * (5 * 1024 * 1024) + tag
    if kind == 8:
        return f"code{i}.txt", (
            "import os\n\n\ndef main(argv):\n    for name in argv:\n        if not name:\n"
            "            return 1\n    return 0\n# " + str(i) + "\n"
        ).encode()
    return f"data{i}.txt", json.dumps({"rows": [{"id": i, "value": rng.random()}]}).encode()


HOSTILE_KINDS = 10


def write_inputs(folder: Path, n: int, rate: float, seed: int) -> tuple[dict[str, str], set[str]]:
    """Write the batch; returns {news file name: content id} and the hostile file names."""
    rng = random.Random(seed)
    n_hostile = round(n * rate)
    news = news_pages(n - n_hostile, rng)
    slots = set(rng.sample(range(n), n_hostile))
    good: dict[str, str] = {}
    bad: set[str] = set()
    k = 0
    for i in range(n):
        if i in slots:
            name, data = hostile(len(bad) % HOSTILE_KINDS, i, rng)
            bad.add(name)
        else:
            data = news[k]
            k += 1
            name = f"news{i:06d}.txt"
            good[name] = content_id(data)
        (folder / name).write_bytes(data)
    return good, bad


def stored_count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def run_batch(folder: Path, db: Path, workers: int, kill_after: int | None) -> tuple[float, bool]:
    """Run `diurna process`; with ``kill_after``, SIGKILL it once that many documents are stored.
    Returns (seconds, killed)."""
    cmd = [sys.executable, "-m", "diurna.cli", "process", str(folder), "--db", str(db),
           "--format", "jsonl", "-q", "--workers", str(workers)]
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=sink)
        killed = False
        while proc.poll() is None:
            time.sleep(0.5)
            if kill_after is not None and stored_count(db) >= kill_after:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                killed = True
    return time.perf_counter() - start, killed


def check(db: Path, good: dict[str, str], bad: set[str]) -> dict[str, object]:
    con = sqlite3.connect(db)
    docs = con.execute("SELECT id, source FROM documents").fetchall()
    rejected = {Path(s).name.split("#")[0] for (s,) in con.execute("SELECT source FROM rejections")}
    stored_ids = [i for i, _ in docs]
    stored_names = [Path(s).name.split("#")[0] for _, s in docs]
    good_ids = set(good.values())
    stored_good = {i for i in stored_ids if i in good_ids}
    lost = [n for n, cid in good.items() if cid not in stored_good and n not in rejected]
    news_rejected = [n for n, cid in good.items() if cid not in stored_good and n in rejected]
    reasons = dict(con.execute(
        "SELECT reason, count(*) FROM rejections GROUP BY reason ORDER BY 2 DESC").fetchall())
    garbage = [i for i in stored_ids if i not in good_ids]  # hostile (or unknown) content
    unrecorded = [n for n in bad if n not in rejected]
    con.close()
    return {
        "news written": len(good),
        "stored": len(stored_good),
        "lost": len(lost),
        "news rejected": len(news_rejected),
        "duplicated": (len(stored_ids) - len(set(stored_ids)))
        + (len(stored_names) - len(set(stored_names))),
        "garbage stored": len(garbage),
        "hostile written": len(bad),
        "hostile without a rejection record": len(unrecorded),
        "rejection reasons": reasons,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="inputs (default 10,000)")
    ap.add_argument("--hostile", type=float, default=0.05, help="share of hostile inputs")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--kill-at", type=float, default=0.5, help="SIGKILL at this share stored")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temp dir)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="diurna-soak-") as tmp:
        root = Path(args.keep) if args.keep else Path(tmp)
        folder = root / "inputs"
        folder.mkdir(parents=True, exist_ok=True)
        good, bad = write_inputs(folder, args.n, args.hostile, args.seed)
        db = root / "soak.db"
        print(f"{args.n} inputs ({len(bad)} hostile) in {folder}")
        first, killed = run_batch(folder, db, args.workers, int(len(good) * args.kill_at))
        print(f"run 1: {first:.1f} s, {'killed with SIGKILL' if killed else 'finished'} "
              f"with {stored_count(db)} documents stored")
        second, _ = run_batch(folder, db, args.workers, None)
        print(f"run 2 (resume): {second:.1f} s; both: {args.n / (first + second):.2f} inputs/s")
        for key, value in check(db, good, bad).items():
            print(f"{key}: {value}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of the largest run: {peak:.0f} MB")


if __name__ == "__main__":
    main()
