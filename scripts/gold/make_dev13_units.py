"""Choose the 40 Wikinews articles of the blind sets of session 37 and cut them into sentence units.

The events set dev13 and the quotes set dev6 annotate the same articles (``build_dev13.sh``). Left
out: every article a file under ``gold/``, ``docs/``, ``tests/``, ``bench/``, ``src/``,
``scripts/`` or the README names (by id or page name), which includes the samples the audits read
as drawn (``bench/audit-samples.txt``), so nobody here has read them.
Kept: dated, 1,200-3,500 characters, 3-25 sentences (the language stage's splitter, as
``wikinews_units.py`` cuts every Wikinews set). Seed 3737; the first 20 are task ``dev13-1``, the
last 20 ``dev13-2``. The choice depends on what the repository names, so it is reproduced at the
commit it was made from (0602bab), not later. Writes outside the repository (article text must not
be copied into it): ``OUT/units.jsonl`` and ``OUT/tasks/NAME-{1,2}.md``.

    python scripts/gold/make_dev13_units.py --out /work/annot/dev13

Later blind sets are chosen the same way with their own seed and name (each excludes the sets
made before it, since the repository names their articles): session 38's quotes set dev7 is
``--seed 3838 --name dev14 --out /work/annot/dev14``, made at ``e44508b``; session 41's events
set dev15 and quotes set dev8 are ``--seed 4141 --name dev15``, made at ``0ad9bfb``; session 42's
events set dev16 and quotes set dev9 are ``--seed 4242 --name dev16``, made at ``fa13b9b``;
session 44's events set dev17 and quotes set dev10 are ``--seed 4444 --name dev17``, made at
``063596d``. Training articles are chosen the same way in larger numbers: session 45's ``train5``
is ``--seed 4545 --name train5 --articles 600``, made at ``32adc35`` (thirty parts of 20; the
first 200 or 400 of that order are the same with ``--articles 200`` or ``400``); its blind events
set ``dev18`` is ``--seed 4646 --name dev18``, chosen with train5 in ``gold/``; its training sets
of longer and shorter articles are ``--seed 4747 --name train6 --articles 200 --chars 3501 7000
--sentences 3 60`` (139 articles qualified; chosen with train5 in ``gold/``) and ``--seed 4848
--name train7 --articles 300 --chars 400 1199`` (chosen with train5 and dev18 in ``gold/``); the
length ranges keep dev18, train6 and train7 apart. Session 46's training sets, made at ``178fa4a``,
are ``--seed 4949 --name train8 --articles 120``, ``--seed 5050 --name train9 --articles 260
--chars 400 1199``, ``--seed 5151 --name train10 --articles 40 --chars 3501 7000 --sentences 3
60`` and ``--seed 5252 --name train11 --articles 40 --chars 7001 200000 --sentences 3 400``; its
blind set dev19 is ``--seed 5353 --name dev19`` on ``178fa4a`` with only
``gold/events-wikinews-train8.jsonl`` and ``bench/audit-samples.txt`` added (the audits' samples as
drawn; the re-drawn ones below had let audit articles into dev14-dev18, and since they follow
every gold file, no commit reproduces dev19's draw). Since session 47 the chooser no longer re-draws
them: ``bench/audit-samples.txt`` alone keeps them out, so a draw depends only on what the
repository names (459 articles were left unnamed, not the 79 the re-draw had left). Session
47's dev20 (blind) and train12 are three draws at ``993d48a``: ``--seed 5454 --name dev20m
--articles 40`` (1,200-3,500 characters: dev20), ``--seed 5455 --name dev20s --articles 60
--chars 400 1199`` and ``--seed 5456 --name dev20l --articles 20 --chars 3501 7000 --sentences 3
60`` (train12); its dev21 (blind, the first 40) and train13 are four draws at ``8cf2e49``:
``--seed 5757 --name dev21m --articles 200`` (79 qualify), ``--seed 5758 --name train13s
--articles 200 --chars 400 1199`` (137), ``--seed 5759 --name train13l --articles 20 --chars
3501 7000 --sentences 3 60`` (8) and ``--seed 5760 --name train13t --articles 40 --chars 150 399
--sentences 2 25`` (30).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "bench"), str(REPO / "scripts" / "gold"), str(REPO / "src")]

from wikinews_units import CORPUS, sentence_spans  # noqa: E402

from diurna.evaluate.gold import shared_dir  # noqa: E402
from diurna.language.spacy_stage import load_nlp  # noqa: E402

SEED = 3737
NAMED_IN = ("gold", "docs", "tests", "bench", "src", "scripts", "README.md")
BINARY = (".sqlite", ".onnx", ".npz", ".gz", ".bin", ".pkl")


def named_here() -> tuple[set[str], set[str]]:
    """Article ids and (lower-cased) Wikinews page names a repository file names (the audits'
    samples through ``bench/audit-samples.txt``; re-drawing them here let other articles out as
    gold files were added, session 46)."""
    ids: set[str] = set()
    pages: set[str] = set()
    for top in NAMED_IN:
        root = REPO / top
        for path in [root] if root.is_file() else root.rglob("*"):
            if path.is_file() and path.suffix not in BINARY:
                text = path.read_text(encoding="utf-8", errors="replace")
                ids.update(re.findall(r"wikinews-en:\d+", text))
                found = re.findall(r"wikinews\.org/wiki/([^\s\"'#?]+)", text)
                pages.update(x.lower() for x in found)
    return ids, pages


Chosen = list[tuple[dict[str, Any], list[tuple[int, int]]]]


def choose(nlp: Any, seed: int = SEED, count: int = 40, chars: tuple[int, int] = (1200, 3500),
           sentences: tuple[int, int] = (3, 25)) -> Chosen:
    """The ``count`` articles, each with its sentence spans, in the seeded order."""
    ids, pages = named_here()
    lines = (shared_dir() / "corpus" / CORPUS).read_text(encoding="utf-8").splitlines()
    rows = [json.loads(x) for x in lines if x.strip()]
    pool = [r for r in rows if r.get("published") and r["id"] not in ids
            and r["url"].rsplit("/wiki/", 1)[-1].lower() not in pages
            and chars[0] <= len(r["text"]) <= chars[1]]
    print(f"corpus {len(rows)}, named here {len(ids)}, pool {len(pool)}", file=sys.stderr)
    random.Random(seed).shuffle(pool)
    chosen = []
    for row in pool:
        spans = sentence_spans(nlp, row["text"])
        if sentences[0] <= len(spans) <= sentences[1]:
            chosen.append((row, spans))
        if len(chosen) == count:
            break
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED, help="shuffle seed (default: dev13's)")
    parser.add_argument("--name", default="dev13", help="the parts are NAME-1, NAME-2, ...")
    parser.add_argument("--articles", type=int, default=40,
                        help="articles, in parts of 20 (default 40: a blind set's two halves)")
    parser.add_argument("--chars", type=int, nargs=2, default=(1200, 3500), metavar=("MIN", "MAX"),
                        help="article length in characters (default 1200 3500)")
    parser.add_argument("--sentences", type=int, nargs=2, default=(3, 25), metavar=("MIN", "MAX"),
                        help="sentences per article (default 3 25)")
    args = parser.parse_args()
    if args.articles <= 0 or args.articles % 20:
        parser.error(f"--articles {args.articles}: give a positive multiple of 20")
    out = args.out
    (out / "tasks").mkdir(parents=True, exist_ok=True)
    chosen = choose(load_nlp(), args.seed, args.articles, (args.chars[0], args.chars[1]),
                    (args.sentences[0], args.sentences[1]))
    if len(chosen) < args.articles:  # session 45's train6: 139 of 200 qualified
        print(f"only {len(chosen)} of {args.articles} articles qualify; parts left empty are not "
              "written", file=sys.stderr)
    halves = tuple((f"{args.name}-{k // 20 + 1}", chosen[k:k + 20])
                   for k in range(0, len(chosen), 20))
    with (out / "units.jsonl").open("w", encoding="utf-8") as fh:
        for split, part in halves:
            for row, spans in part:
                for n, (s, e) in enumerate(spans, 1):
                    unit = {"source": f"corpus/{CORPUS}#{row['id']}", "published": row["published"],
                            "split": split, "n": n, "start": s, "end": e, "text": row["text"][s:e]}
                    fh.write(json.dumps(unit, ensure_ascii=False) + "\n")
    for split, part in halves:
        lines = []
        for row, spans in part:
            lines.append(f"## {row['id']} | published {row['published']} | {row['title']}\n")
            lines += [f"{n}. {row['text'][s:e]}" for n, (s, e) in enumerate(spans, 1)]
            lines.append("")
        (out / "tasks" / f"{split}.md").write_text("\n".join(lines), encoding="utf-8")
        print(split, len(part), "articles", sum(len(s) for _, s in part), "units", file=sys.stderr)


if __name__ == "__main__":
    main()
