"""Draw candidate pairs of events (same real-world event or not?) from Wikinews for hand judging.

The procedure does not depend on the event clusterer (``diurna.clusters``): only on the events the
pipeline stores, the publication windows, a fixed seed and a simple word-overlap similarity used to
stratify the draw.

1. ``select``: the Wikinews politics articles published in a window (``dev``:
   2006-07-12..2006-08-31, the Lebanon war and much else; ``heldout``: 2005-03-20..2005-04-30)
   are written as JSONL, then processed by the pipeline with the rules coder (the default when
   these pairs were drawn) into a store (``diurna process FILE.jsonl --db DB --coder rules``).
2. ``candidates``: every pair of events of two *different* articles with the same PLOVER type and
   event days at most 7 days apart is a candidate. Its similarity is the Jaccard overlap of the
   two sentences' lower-cased content words (stop words and numbers dropped). Candidates are split
   into strata by similarity (>= 0.2, 0.1-0.2, < 0.1) and ``--draw H,M,L`` pairs are drawn from
   them with ``random.Random(seed)``; at most two pairs per pair of articles, so that one pair of
   long articles cannot fill the set. The pairs are printed with both sentences and titles for
   reading; the judge writes ``same``/``why`` (``gold/event-pairs-*.jsonl``: offsets, no text).

    python scripts/gold/event_pairs.py select dev > /tmp/dev.jsonl
    diurna process /tmp/dev.jsonl --db /tmp/dev.db -q --coder rules
    python scripts/gold/event_pairs.py candidates /tmp/dev.db --draw 80,80,50 > /tmp/c.jsonl
    python scripts/gold/event_pairs.py merge /tmp/c.jsonl JUDGED.txt > gold/event-pairs-dev.jsonl
    (test: select heldout ... candidates --draw 45,45,25 ... > gold/event-pairs-test.jsonl)

   Training pairs (round 13, ``gold/event-pairs-train.jsonl``, docs/clusters.md): windows
   ``train-a`` .. ``train-e``, processed with ``--coder rules``, drawn with ``--tilted`` (strata
   top, high, names, story, mid, low: more likely "same"), seed 13, ``--per-article-pair 4`` and
   ``--exclude`` of earlier rounds' files, e.g.
   ``candidates /tmp/d.db --tilted --draw 30,30,40,15,8,6 --seed 13 --per-article-pair 4``.
   Session 20 (``gold/event-pairs-train2.jsonl``): windows ``train-f`` .. ``train-h``, the same
   way with seed 20 (commands in docs/clusters.md); ``merge``'s lines get ``"draw": WINDOW``.

3. ``merge``: the judge's file has one line per candidate, ``INDEX y|n WHY`` (0-based, in the
   order printed); the gold line keeps both events' keys, the stratum and the similarity, adds
   ``same`` and ``why``, and drops the printed text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import sys
from collections import Counter
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

WINDOWS = {"dev": ("2006-07-12", "2006-08-31"), "heldout": ("2005-03-20", "2005-04-30"),
           # round 13 training pairs: new windows, apart from both above
           "train-a": ("2005-07-01", "2005-08-10"), "train-b": ("2007-10-01", "2007-11-10"),
           "train-c": ("2005-10-01", "2005-11-30"), "train-d": ("2006-01-15", "2006-03-15"),
           "train-e": ("2008-01-01", "2008-02-29"),
           # session 20 (brief 15c) training pairs, gold/event-pairs-train2.jsonl: three more
           # windows apart from all above, chosen for stories many articles report (the Thai
           # coup and North Korea's nuclear test; Saddam Hussein's verdict, the US midterms and
           # Rumsfeld's resignation; the French EU referendum and Andijan)
           "train-f": ("2006-09-01", "2006-10-31"), "train-g": ("2006-11-01", "2006-12-31"),
           "train-h": ("2005-05-01", "2005-06-30"),
           # session 23 (brief 15L), gold/event-pairs-dev2.jsonl: a fresh development window
           # apart from all above (Nepal's April protests, Iran's enrichment, East Timor)
           "dev2": ("2006-03-16", "2006-07-11")}
CORPUS = Path("corpus") / "wikinews-politics-2004-2009" / "articles.jsonl"
STRATA = (("high", 0.2, 1.01), ("mid", 0.1, 0.2), ("low", 0.0, 0.1))
# The tilted draw of the training pairs (more likely "same"): a top stratum of very similar
# sentences; a "names" stratum of less similar sentences sharing a rare capitalised word (a
# place, person or group named in at most RARE_NAME of the window's event sentences) and
# one more; a "story" stratum of sentences whose articles'
# titles overlap; then mid and low as before.
TILTED = (("top", 0.35, 1.01), ("high", 0.2, 0.35), ("names", 0.0, 0.2), ("story", 0.0, 0.2),
          ("mid", 0.1, 0.2), ("low", 0.0, 0.1))
STORY_TITLES = 0.2
SHARED_NAMES = 2
RARE_NAME = 10
# word lists written as one string each: easier to read than a literal of quoted words
CALENDAR = set(
    "january february march april may june july august september october november december "  # noqa: SIM905
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_NAME = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][\w'-]+")
PER_ARTICLE_PAIR = 2
MAX_DAYS = 7
STOP = set(
    "a an the of to in on at by for with from and or but as is are was were be been being has "  # noqa: SIM905
    "have had it its this that these those he she they them his her their we our you i not no "
    "said says say told also after before over into about than more most which who whom whose "
    "what when where while will would could should may might can did do does up out one two "
    "new s".split(" ")
)
_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> set[str]:
    """Lower-cased content words of ``text`` (stop words and numbers dropped)."""
    return {w for w in _WORD.findall(text.lower()) if w not in STOP and len(w) > 1}


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def select(window: str, shared: Path) -> None:
    """Print the articles of ``window`` (JSONL lines as in the corpus)."""
    start, end = WINDOWS[window]
    for line in (shared / CORPUS).open(encoding="utf-8"):
        published = json.loads(line).get("published")
        if published and start <= published <= end:
            sys.stdout.write(line)


def load_events(db: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        "SELECT e.*, d.url, d.title, d.published, d.text AS body FROM events e "
        "JOIN documents d ON d.id = e.doc_id WHERE e.day IS NOT NULL ORDER BY e.doc_id, e.idx"
    ).fetchall()
    return [dict(r) for r in rows]


def article_id(url: str) -> str:
    """The article's page name (the corpus builds ``url`` from the title), a stable key."""
    return url.rsplit("/", 1)[-1]


def key(e: dict[str, Any]) -> dict[str, Any]:
    """How a gold line names an event: article, trigger and sentence offsets, type."""
    return {"url": e["url"], "trigger": [e["trigger_start"], e["trigger_end"]],
            "sentence": [e["sentence_start"], e["sentence_end"]], "type": e["type"]}


def names(text: str) -> set[str]:
    """Capitalised words not opening a sentence, lower-cased (stop words dropped)."""
    return {w.lower() for w in _NAME.findall(text.strip())} - STOP - CALENDAR


def stratum(strata: tuple[tuple[str, float, float], ...], sim: float, titles: float,
            shared_names: int = 0) -> str:
    """The stratum of a pair by its sentences' and (tilted strata) titles' word overlap and
    the names both sentences give."""
    for name, lo, hi in strata:
        if name == "story" and not titles >= STORY_TITLES:
            continue
        if name == "names" and shared_names < SHARED_NAMES:
            continue
        if lo <= sim < hi:
            return name
    raise ValueError(f"similarity {sim} in no stratum")


def candidates(db: str, draw: list[int], seed: int, tilted: bool = False,
               exclude: frozenset[str] = frozenset(),
               per_pair: int = PER_ARTICLE_PAIR) -> list[dict[str, Any]]:
    strata = TILTED if tilted else STRATA
    events = [e for e in load_events(db) if len(e["day"]) == 10]
    for e in events:
        e["words"] = words(e["body"][e["sentence_start"] : e["sentence_end"]])
        e["title_words"] = words(e["title"] or "")
        e["names"] = names(e["body"][e["sentence_start"] : e["sentence_end"]])
    name_df = Counter(n for e in events for n in e["names"])
    Pair = tuple[dict[str, Any], dict[str, Any], float]
    pools: dict[str, list[Pair]] = {s[0]: [] for s in strata}
    for a, b in combinations(events, 2):
        if a["doc_id"] == b["doc_id"] or a["type"] != b["type"]:
            continue
        if abs((date.fromisoformat(a["day"]) - date.fromisoformat(b["day"])).days) > MAX_DAYS:
            continue
        sim = overlap(a["words"], b["words"])
        shared = a["names"] & b["names"]
        rare = any(name_df[n] <= RARE_NAME for n in shared)
        name = stratum(strata, sim, overlap(a["title_words"], b["title_words"]),
                       len(shared) if rare else 0)
        pools[name].append((a, b, sim))
    rng = random.Random(seed)
    out = []
    for (name, *_), per_stratum in zip(strata, draw, strict=True):
        pool = pools[name]
        rng.shuffle(pool)
        seen: dict[tuple[str, str], int] = {}
        taken = 0
        for a, b, sim in pool:
            if taken >= per_stratum:
                break
            docs = (min(a["doc_id"], b["doc_id"]), max(a["doc_id"], b["doc_id"]))
            if seen.get(docs, 0) >= per_pair:
                continue
            seen[docs] = seen.get(docs, 0) + 1
            if a["url"] > b["url"]:
                a, b = b, a
            if pair_id(key(a), key(b)) in exclude:
                continue
            out.append({"a": key(a), "b": key(b), "stratum": name, "similarity": round(sim, 3),
                        "_show": [show(a), show(b)]})
            taken += 1
        print(f"# stratum {name}: {len(pool)} candidates, {taken} drawn", file=sys.stderr)
    return out


def pair_id(a: dict[str, Any], b: dict[str, Any]) -> str:
    """A pair's events as one string (to leave out pairs drawn before)."""
    return json.dumps([a["url"], a["trigger"], b["url"], b["trigger"]])


def drawn(files: list[str]) -> frozenset[str]:
    """The pairs of earlier candidate or gold files."""
    out = set()
    for name in files:
        with open(name, encoding="utf-8") as f:
            out.update(pair_id(c["a"], c["b"]) for c in map(json.loads, f))
    return frozenset(out)


def show(e: dict[str, Any]) -> str:
    """The event as printed for the judge, its trigger in ``[[...]]`` (a sentence can hold
    several events of one type; docs/clusters.md, "A second judge")."""
    s, ts, te, t = e["sentence_start"], e["trigger_start"], e["trigger_end"], e["sentence_end"]
    body = e["body"]
    sent = f"{body[s:ts]}[[{body[ts:te]}]]{body[te:t]}".replace("\n", " ")
    return (f"[{e['published']} day {e['day']}] {e['title']} | {e['type']} {e['status']} "
            f"trig={e['trigger_text']!r} act={e['actor_country']} rec={e['recipient_country']} "
            f"place={e['place_name']} || {sent}")


def merge(candidates_file: str, judgments_file: str) -> None:
    """Print gold lines: every candidate with its judgment (all must be judged, once)."""
    with open(candidates_file, encoding="utf-8") as f:
        cands = [json.loads(line) for line in f]
    with open(judgments_file, encoding="utf-8") as f:
        lines = f.read().splitlines()
    judged: dict[int, tuple[bool, str]] = {}
    for line in lines:
        if not line.strip():
            continue
        idx, verdict, why = line.split(" ", 2)
        if verdict not in ("y", "n") or int(idx) in judged:
            raise SystemExit(f"{judgments_file}: bad or repeated line: {line.strip()}")
        judged[int(idx)] = (verdict == "y", why)
    if sorted(judged) != list(range(len(cands))):
        raise SystemExit(f"{judgments_file}: judge every candidate 0..{len(cands) - 1} once")
    for i, c in enumerate(cands):
        c.pop("_show", None)
        c["same"], c["why"] = judged[i]
        print(json.dumps(c, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("select")
    s.add_argument("window", choices=sorted(WINDOWS))
    s.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    c = sub.add_parser("candidates")
    c.add_argument("db")
    c.add_argument("--draw", default="80,80,50", help="pairs drawn from the high,mid,low strata")
    c.add_argument("--seed", type=int, default=15)
    c.add_argument("--tilted", action="store_true",
                   help="strata top,high,names,story,mid,low (more likely 'same'; training pairs)")
    c.add_argument("--per-article-pair", type=int, default=PER_ARTICLE_PAIR,
                   help="at most this many pairs per pair of articles")
    c.add_argument("--exclude", nargs="*", default=[], help="leave out the pairs of these files")
    m = sub.add_parser("merge")
    m.add_argument("candidates")
    m.add_argument("judgments")
    args = ap.parse_args()
    if args.cmd == "merge":
        merge(args.candidates, args.judgments)
    elif args.cmd == "select":
        select(args.window, args.shared)
    else:
        for line in candidates(args.db, [int(n) for n in args.draw.split(",")], args.seed,
                               args.tilted, drawn(args.exclude), args.per_article_pair):
            print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
