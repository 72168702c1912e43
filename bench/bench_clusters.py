"""Event clusters: pairwise precision and recall on hand-judged pairs of Wikinews events.

    python bench/bench_clusters.py [--split dev|dev2|test] [--db DB] [--coder rules] [--grid]

Processes the split's Wikinews window with the pipeline and ``--coder`` (default ``rules``, the
coder the gold pairs were drawn with) into a temporary store (or reads ``--db``, made the same
way: ``scripts/gold/event_pairs.py select``), prints which coder produced its events, clusters
them with :func:`diurna.clusters.cluster_store` (the rules linker, then the learned one) and
scores ``gold/event-pairs-<split>.jsonl``: a pair
is predicted "same" when both events are in one cluster. Beside it, a simple baseline: same type,
same day and the same known actor country. Events are found by article URL and trigger offsets;
where the stored text no longer starts at the record's offsets (the page stage now drops a
record's hidden ``<!-- … -->`` comments, session 38), the gold sentence is found again in the
stored text and the trigger moved with it (:func:`relocate`). A gold event the pipeline no
longer finds counts as "not same" (its number is printed). ``--grid``
prints the development figures for a range of settings (never use it on the test split).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from itertools import product
from pathlib import Path
from typing import Any

from diurna.clusters import Linker, Settings, cluster_store
from diurna.clusters.learn import LINKERS
from diurna.clusters.table import reports
from diurna.evaluate.gold import shared_dir
from diurna.page.text import without_html_comments
from diurna.store import Store

ROOT = Path(__file__).resolve().parents[1]


def counts(same: list[bool], predicted: list[bool]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives."""
    tp = sum(s and p for s, p in zip(same, predicted, strict=True))
    fp = sum(p and not s for s, p in zip(same, predicted, strict=True))
    fn = sum(s and not p for s, p in zip(same, predicted, strict=True))
    return tp, fp, fn


def prf(same: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``predicted`` against ``same``."""
    tp, fp, fn = counts(same, predicted)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def score(same: list[bool], predicted: list[bool]) -> str:
    (prec, rec, f1), (tp, fp, fn) = prf(same, predicted), counts(same, predicted)
    return f"P {prec:.3f}  R {rec:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})"


def event_keys(store: Store) -> dict[tuple[str, int, int], dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT d.url, e.trigger_start, e.trigger_end, e.id, e.type, e.day, e.actor_country "
        "FROM events e JOIN documents d ON d.id = e.doc_id"
    )
    return {(u, s, e): {"id": i, "type": t, "day": d, "actor": a} for u, s, e, i, t, d, a in rows}


def record_texts(urls: set[str]) -> dict[str, str]:
    """The corpus record's text of each of ``urls`` (the text the gold pairs' offsets index)."""
    corpus = shared_dir() / "corpus" / "wikinews-politics-2004-2009" / "articles.jsonl"
    out: dict[str, str] = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("url") in urls:
                out[rec["url"]] = rec["text"]
    return out


def relocate(event: dict[str, Any], raw: str | None, stored: str | None) -> tuple[int, int]:
    """The gold event's trigger offsets in the stored text, found again by its sentence: the
    sentence's words before and after the trigger (hidden comments left out, any run of spaces
    or line breaks between words) matched once in the stored text; the record's own offsets when
    there is no such single match."""
    ts, te = event["trigger"]
    if raw is None or stored is None:
        return ts, te
    s, e = event["sentence"]
    seen = without_html_comments(raw, keep_length=True)  # offsets kept

    def words(a: int, b: int) -> str:
        return r"\s+".join(map(re.escape, seen[a:b].split()))

    before, trigger, after = words(s, ts), words(ts, te), words(te, e)
    if not trigger:
        return ts, te
    gap_before = r"\s*" if before and seen[ts - 1:ts].isspace() else ""
    gap_after = r"\s*" if after and seen[te:te + 1].isspace() else ""
    pattern = re.compile(f"{before}{gap_before}({trigger}){gap_after}{after}")
    found = list(pattern.finditer(stored))
    if len(found) != 1:
        return ts, te
    return found[0].start(1), found[0].end(1)


Found = dict[str, Any] | None


def gold_keys(store: Store, gold: list[dict[str, Any]]) -> list[tuple[Found, Found]]:
    """Each gold pair's two stored events (None where the pipeline no longer finds one)."""
    keys = event_keys(store)
    urls = {g[side]["url"] for g in gold for side in ("a", "b")}
    raw = record_texts(urls)
    stored = dict(store.conn.execute(
        f"SELECT url, text FROM documents WHERE url IN ({','.join('?' * len(urls))})",
        sorted(urls)).fetchall())

    def find(event: dict[str, Any]) -> Found:
        url = event["url"]
        found = keys.get((url, *event["trigger"]))
        if found is None:  # the record's offsets no longer index the stored text
            found = keys.get((url, *relocate(event, raw.get(url), stored.get(url))))
        return found

    return [(find(g["a"]), find(g["b"])) for g in gold]


def build_db(split: str, db: Path, coder: str = "rules") -> None:
    """Select the split's window and run the pipeline with ``coder`` over it into ``db``."""
    window = "heldout" if split == "test" else split
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        # the shared folder this bench reads ($DIURNA_SHARED), not the script's own default
        # beside the checkout, which a copy of the tree elsewhere does not have
        subprocess.run([sys.executable, str(ROOT / "scripts/gold/event_pairs.py"), "select",
                        window, "--shared", str(shared_dir())], stdout=f, check=True)
    subprocess.run([sys.executable, "-m", "diurna.cli", "process", f.name, "--db", str(db),
                    "--coder", coder, "--format", "jsonl", "-q"], stdout=subprocess.DEVNULL,
                   check=False)


def coders(store: Store) -> str:
    """Which coder(s) produced the stored events, with their numbers of documents."""
    rows = store.conn.execute(
        "SELECT coalesce(coder, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC")
    return ", ".join(f"{c} ({n} documents)" for c, n in rows) or "none"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "dev2", "test"), default="dev",
                    help="the hand-judged pairs to score (gold/event-pairs-SPLIT.jsonl)")
    ap.add_argument("--db", type=Path,
                    help="a store of the split's window to read instead of processing it")
    ap.add_argument("--grid", action="store_true",
                    help="also print the figures for a range of settings (dev splits only)")
    ap.add_argument("--coder", default="rules",
                    help="coder for the window when no --db is given (gold pairs: rules)")
    args = ap.parse_args()
    if args.grid and args.split == "test":  # before minutes of processing, not after
        ap.error("--grid is for the dev splits only: drop --grid or use --split dev")
    gold = [json.loads(line) for line in (ROOT / f"gold/event-pairs-{args.split}.jsonl").open()]
    db = args.db or Path(tempfile.mkdtemp()) / f"{args.split}.db"
    if not db.exists():
        start = time.perf_counter()
        build_db(args.split, db, args.coder)
        print(f"processed the {args.split} window into {db} in {time.perf_counter() - start:.0f} s")
    with Store(db) as store:
        pairs = gold_keys(store, gold)
        missing = sum(a is None or b is None for a, b in pairs)
        same = [bool(g["same"]) for g in gold]
        print(f"events coded by: {coders(store)}")
        print(f"{len(gold)} hand-judged pairs ({sum(same)} the same event); "
              f"{len(gold) - missing} resolve, {missing} name an event the pipeline no longer "
              "finds (counted as not linked)")
        base = [bool(a and b and a["type"] == b["type"] and a["day"] == b["day"] and a["actor"]
                     and a["actor"] == b["actor"]) for a, b in pairs]
        print(f"baseline (same type, day, actor country)  {score(same, base)}")
        day = [bool(a and b and a["type"] == b["type"] and a["day"] == b["day"]) for a, b in pairs]
        print(f"baseline (same type and day)              {score(same, day)}")
        for linker in LINKERS[::-1]:
            start = time.perf_counter()
            found = cluster_store(store, linker=linker)
            secs = time.perf_counter() - start
            member = {m: c[0] for c in found for m in c}
            pred = [bool(a and b and member.get(a["id"]) is not None
                         and member.get(a["id"]) == member.get(b["id"])) for a, b in pairs]
            n_events = store.count("events")
            print(f"clusters, {linker} linker{' ' * (17 - len(linker))}{score(same, pred)}")
            print(f"  {n_events} events, {len(found)} clusters of {sum(map(len, found))} events "
                  f"(largest {max(map(len, found), default=0)}), {secs:.1f} s")
        if args.grid:
            for window, bonus, sim, agree in product((1, 3, 5), (0.0, 0.1, 0.2),
                                                     (0.2, 0.25, 0.3), (0.0, 0.2, 0.5)):
                s = Settings(window=window, number_bonus=bonus, min_similarity=sim,
                             min_agreement=agree)
                reps = reports(store, s)
                cl = Linker(reps, s).clusters()  # the rules
                m = {x: c[0] for c in cl for x in c}
                p = [bool(a and b and m.get(a["id"]) and m.get(a["id"]) == m.get(b["id"]))
                     for a, b in pairs]
                print(f"window {window} bonus {bonus:.2f} similarity {sim:.2f} "
                      f"agreement {agree:.1f}  {score(same, p)}")


if __name__ == "__main__":
    main()
