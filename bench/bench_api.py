"""Load benchmark of `diurna serve`: p50/p95 latency at 50 concurrent clients on loopback.

1. Fills a store with synthetic documents through the store's own API (``Store.save`` of
   ``Document`` objects with events, actors, dates and places; every span a real offset), at
   least 100,000 events, or reuses the file given with ``--db`` if it already has enough.
2. Starts ``diurna serve`` on that store as a separate process (uvicorn, one worker).
3. Sends a fixed mix of requests from 50 concurrent clients (asyncio + httpx), bounded both in
   count (``--requests`` per kind) and in time (``--seconds``): a filtered page of 100 events
   (type + a 90-day range, an actor country, a bounding box, a deep cursor page) and
   ``/api/stats`` (whole store and filtered).
4. Prints p50/p95 latency, requests/s and the server's CPU time per request for each kind.
   ``--baseline`` adds, for one client without HTTP (the API's query and shaping code, stats
   uncached), the same kinds on this store and on a copy without the indexes the API adds.

    python bench/bench_api.py                      # ~2-4 minutes on 2 cores
    python bench/bench_api.py --baseline           # also the run without the API's indexes
    python bench/bench_api.py --only stats --direct  # stats only; uncached, from the
                                                     # event_stats table and from the events

Targets (issue #14): p95 <= 100 ms for a filtered page of 100 events, <= 300 ms for stats.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from diurna.model import Actor, Document, Event, Mention, Place, Span, TimeExpr
from diurna.store import Store

TYPES = [
    "ASSAULT",
    "ACCUSE",
    "DEMAND",
    "CONSULT",
    "AGREE",
    "SUPPORT",
    "PROTEST",
    "COERCE",
    "MOBILIZE",
    "THREATEN",
    "REJECT",
    "REQUEST",
    "AID",
    "SANCTION",
    "COOPERATE",
]
STATUSES = ["asserted", "asserted", "asserted", "claimed", "denied", "speculative"]
COUNTRIES = [
    ("SYR", "Syrian", "SY", "Damascus", 170654, 33.51, 36.29),
    ("IRQ", "Iraqi", "IQ", "Baghdad", 98182, 33.34, 44.40),
    ("IRN", "Iranian", "IR", "Tehran", 112931, 35.69, 51.42),
    ("USA", "American", "US", "Washington", 4140963, 38.90, -77.04),
    ("RUS", "Russian", "RU", "Moscow", 524901, 55.75, 37.62),
    ("FRA", "French", "FR", "Paris", 2988507, 48.85, 2.35),
    ("ISR", "Israeli", "IL", "Jerusalem", 281184, 31.77, 35.22),
    ("AFG", "Afghan", "AF", "Kabul", 1138958, 34.53, 69.17),
    ("PAK", "Pakistani", "PK", "Islamabad", 1176615, 33.72, 73.04),
    ("CHN", "Chinese", "CN", "Beijing", 1816670, 39.91, 116.40),
    ("BRA", "Brazilian", "BR", "Brasilia", 3469058, -15.78, -47.93),
    ("NGA", "Nigerian", "NG", "Abuja", 2352778, 9.06, 7.49),
]
SECTORS = ["GOV", "MIL", "REB", "OPP", "CVL"]
FIRST_DAY = date(2004, 1, 1)
DAYS = 6 * 365


def synthetic_document(n: int, events: int, rng: random.Random) -> Document:
    """Document ``n`` with ``events`` one-sentence events, every span an offset into its text."""
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    doc = Document(
        id=f"{n:016x}",
        source=f"<synthetic {n}>",
        title=f"Synthetic report {n}",
        published=published.isoformat(),
        language="en",
        input_format="text",
    )
    parts: list[str] = []
    pos = 0
    for i in range(events):
        a, r, where = rng.choice(COUNTRIES), rng.choice(COUNTRIES), rng.choice(COUNTRIES)
        sa, sr = rng.choice(SECTORS), rng.choice(SECTORS)
        day = published - timedelta(days=rng.randrange(3))
        kind = rng.choice(TYPES)
        actor_text, verb, rec_text = f"{a[1]} {sa.lower()}", kind.lower(), f"{r[1]} {sr.lower()}"
        date_text = day.strftime("%B %d")
        sentence = f"The {actor_text} {verb} the {rec_text} in {where[3]} on {date_text}."
        s0 = pos
        a0 = s0 + 4
        v0 = a0 + len(actor_text) + 1
        r0 = v0 + len(verb) + 5
        p0 = r0 + len(rec_text) + 4
        d0 = p0 + len(where[3]) + 4
        parts.append(sentence)
        pos += len(sentence) + 1

        def mention(start: int, text: str, c: tuple, sector: str) -> Mention:  # type: ignore[type-arg]
            actor = Actor(
                id=f"{c[0]}-{sector}",
                name=f"{c[0]} ({sector})",
                country=c[0],
                sector=sector,
                cameo=f"{c[0]}{sector}",
            )
            return Mention(start, start + len(text), text, actor=actor, label="NORP")

        doc.events.append(
            Event(
                id=f"{doc.id}:{i}",
                type=kind,
                trigger=doc_span(v0, verb),
                sentence=doc_span(s0, sentence),
                actors=[mention(a0, actor_text, a, sa)],
                recipients=[mention(r0, rec_text, r, sr)],
                status=rng.choice(STATUSES),  # type: ignore[arg-type]
                date=TimeExpr(
                    d0,
                    d0 + len(date_text),
                    date_text,
                    value=day.isoformat(),
                    precision="day",
                    anchor="published",
                ),
                place=Place(
                    p0,
                    p0 + len(where[3]),
                    where[3],
                    geonameid=where[4],
                    name=where[3],
                    country=where[2],
                    lat=where[5],
                    lon=where[6],
                    precision="city",
                ),
            )
        )
    doc.text = " ".join(parts)
    for e in doc.events:  # the offsets above are right: check them as the store's users would
        assert doc.text[e.trigger.start : e.trigger.end] == e.trigger.text
    return doc


def doc_span(start: int, text: str) -> Span:
    """The span of ``text`` written at body offset ``start``."""
    return Span(start, start + len(text), text)


def fill(path: Path, events: int, per_doc: int = 25, seed: int = 14) -> None:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    with Store(path) as store:
        have = store.count("events")
        n = store.count("documents")
        store.conn.execute("PRAGMA synchronous = OFF")  # bulk fill only; the server opens anew
        while have < events:
            store.save(synthetic_document(n, per_doc, rng))
            have += per_doc
            n += 1
    print(
        f"store: {path} ({have} events, {n} documents; filled in {time.perf_counter() - t0:.0f} s)"
    )


def drop_api_indexes(path: Path) -> list[str]:
    """The baseline store: the same rows without the indexes this version adds for the API."""
    con = sqlite3.connect(path)
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND name LIKE 'events_api_%'"
        )
    ]
    for name in names:
        con.execute(f"DROP INDEX {name}")
    con.commit()
    con.close()
    return names


# --- load ---------------------------------------------------------------------------------------


def request_mix(rng: random.Random, first_cursor: str) -> dict[str, list[str]]:
    """URLs per kind; each kind's list is sent in order by the pool of clients."""

    def window() -> tuple[str, str]:
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 90))
        return start.isoformat(), (start + timedelta(days=90)).isoformat()

    kinds: dict[str, list[str]] = {
        "events: type + 90 days": [],
        "events: actor country + status": [],
        "events: bbox + sort -date": [],
        "events: next page (cursor)": [],
        "stats: whole store": [],
        "stats: type + actor country": [],
    }
    for _ in range(400):
        a, b = window()
        kinds["events: type + 90 days"].append(
            f"/api/events?type={rng.choice(TYPES)}&date_from={a}&date_to={b}&limit=100"
        )
        kinds["events: actor country + status"].append(
            f"/api/events?actor_country={rng.choice(COUNTRIES)[0]}&status=claimed&limit=100"
        )
        c = rng.choice(COUNTRIES)
        kinds["events: bbox + sort -date"].append(
            f"/api/events?bbox={c[6] - 2},{c[5] - 2},{c[6] + 2},{c[5] + 2}&sort=-date&limit=100"
        )
        kinds["events: next page (cursor)"].append(f"/api/events?limit=100&cursor={first_cursor}")
        kinds["stats: whole store"].append("/api/stats")
        kinds["stats: type + actor country"].append(
            f"/api/stats?type={rng.choice(TYPES)}&actor_country={rng.choice(COUNTRIES)[0]}"
        )
    return kinds


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, url: str) -> int:
    """One HTTP/1.1 keep-alive GET on an open connection; returns the status.

    A few lines of asyncio instead of a client library: the load generator shares the two cores
    with the server, so its own cost per request must stay small.
    """
    writer.write(f"GET {url} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def run_kind(port: int, urls: list[str], clients: int, count: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    queue = list(reversed(urls[:count]))
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=2**24)
        try:
            while queue and time.perf_counter() < deadline:
                url = queue.pop()
                t0 = time.perf_counter()
                status = await _get(reader, writer, url)
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += status != 200
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    wall = time.perf_counter() - t0
    latencies.sort()
    return {
        "n": len(latencies),
        "errors": errors,
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "max": latencies[-1],
        "rps": len(latencies) / wall,
    }


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of process ``pid`` and its children (Linux /proc): the
    server and, with --server-workers, its worker processes."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        fields = rest.split()
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def serve(db: Path, port: int, workers: int = 1) -> subprocess.Popen:  # type: ignore[type-arg]
    exe = Path(sys.executable).parent / "diurna"
    env = {k: v for k, v in os.environ.items() if k != "DIURNA_TOKEN"}
    cmd = [str(exe), "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env)
    import httpx

    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=2)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"diurna serve did not answer on port {port}")


def measure(db: Path, label: str, args: argparse.Namespace) -> dict[str, dict]:
    import httpx

    proc = serve(db, args.port, args.server_workers)
    try:
        base = f"http://127.0.0.1:{args.port}"
        first = httpx.get(f"{base}/api/events?limit=100", timeout=60).json()["next"]
        kinds = request_mix(random.Random(1), first)
        results = {}
        for kind, urls in kinds.items():
            if args.only and not kind.startswith(args.only):
                continue
            httpx.get(base + urls[0], timeout=60)  # warm the page cache for this kind
            cpu0, own0 = cpu_seconds(proc.pid), time.process_time()
            r = asyncio.run(run_kind(args.port, urls, args.clients, args.requests, args.seconds))
            r["cpu_ms"] = (cpu_seconds(proc.pid) - cpu0) * 1000 / max(1, r["n"])
            # The load generator's own CPU: it shares the cores with the server, so it must
            # stay a small fraction of the server's (an httpx AsyncClient took 5 ms/request).
            r["client_ms"] = (time.process_time() - own0) * 1000 / max(1, r["n"])
            results[kind] = r
            print(
                f"{label:8} {kind:32} n={r['n']:4} err={r['errors']} p50={r['p50']:7.1f} ms "
                f"p95={r['p95']:7.1f} ms {r['rps']:6.1f} req/s; "
                f"server CPU {r['cpu_ms']:5.1f}, client {r['client_ms']:4.2f} ms/request",
                flush=True,
            )
        return results
    finally:
        proc.terminate()
        proc.wait(10)


def direct(db: Path, label: str, count: int = 40, only: str | None = None) -> None:
    """One client, no HTTP: the API's own query and shaping code per kind (stats uncached), so
    the indexes' effect shows apart from the server and the machine's load."""
    from diurna.api import events as ev
    from diurna.api.app import Database, _stats
    from diurna.api.events import event_query
    from diurna.store.query import EventQuery

    database = Database(db)
    first = ev.page(database.read(), EventQuery(), limit=100)[1]
    for kind, urls in request_mix(random.Random(1), first or "").items():
        if only and not kind.startswith(only):
            continue
        times = []
        for url in urls[:count]:
            path, _, query = url.partition("?")
            params = dict(p.split("=", 1) for p in query.split("&") if p)
            t0 = time.perf_counter()
            if path == "/api/stats":
                database.stats_cache.clear()
                _stats(database, event_query(params))
            else:
                filters = event_query(params)
                ev.page_blobs(  # what a JSON page runs: the stored blobs joined in SQLite
                    database.read(),
                    filters,
                    sort=params.get("sort"),
                    limit=int(params.get("limit", 100)),
                    cursor=params.get("cursor"),
                )
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(
            f"{label:8} {kind:32} one client, no HTTP: p50={statistics.median(times):7.1f} ms "
            f"p95={times[int(0.95 * (len(times) - 1))]:7.1f} ms",
            flush=True,
        )
        if kind.startswith("stats"):
            stats_from_events(database, urls[:count], kind)


def stats_from_events(database: Any, urls: list[str], kind: str) -> None:
    """The same stats requests counted from the events, not the ``event_stats`` table (the
    API's fallback path, and what it did before the table), for comparison in the same run."""
    import diurna.api.app as api_app
    from diurna.api.events import event_query

    table_path = api_app.stats_where
    api_app.stats_where = lambda _query: None  # type: ignore[assignment]
    try:
        times = []
        for url in urls:
            params = dict(p.split("=", 1) for p in url.partition("?")[2].split("&") if p)
            t0 = time.perf_counter()
            database.stats_cache.clear()
            api_app._stats(database, event_query(params))
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        api_app.stats_where = table_path
    times.sort()
    print(
        f"{'events':8} {kind:32} one client, no HTTP: p50={statistics.median(times):7.1f} ms "
        f"p95={times[int(0.95 * (len(times) - 1))]:7.1f} ms (counted from the events)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "diurna-bench-api.db"
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=300, help="requests per kind")
    parser.add_argument("--seconds", type=float, default=20, help="time limit per kind")
    parser.add_argument("--port", type=int, default=8714)
    parser.add_argument("--server-workers", type=int, default=1, help="diurna serve --workers")
    parser.add_argument("--baseline", action="store_true", help="also run without API indexes")
    parser.add_argument("--direct", action="store_true", help="also one client, no HTTP")
    parser.add_argument("--only", help="run only the kinds starting with this, e.g. 'stats'")
    args = parser.parse_args()
    fill(args.db, args.events)
    Store(args.db).close()  # this version's indexes
    print(
        f"{args.clients} concurrent clients, at most {args.requests} requests or "
        f"{args.seconds:.0f} s per kind; targets p95 <= 100 ms (events), <= 300 ms (stats)"
    )
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    measure(args.db, "indexed", args)
    if args.direct or args.baseline:
        direct(args.db, "indexed", only=args.only)
    if args.baseline:
        copy = args.db.with_suffix(".baseline.db")
        shutil.copy(args.db, copy)
        print(f"baseline: dropped {', '.join(drop_api_indexes(copy)) or 'nothing'}")
        try:
            direct(copy, "no index")
        finally:
            copy.unlink()


if __name__ == "__main__":
    main()
