"""Cut a seeded draw of LGL's news articles into sentence units for a blind event set.

LGL (``shared/gold/geo/lgl.xml``: 588 articles of local US and world news sites, 2009) is news
text from other outlets and another genre than the Wikinews politics articles every event set so
far was cut from: crime, courts, councils, local protests. Its folder's README makes it evaluation
data only, so the units cut here serve a blind (never a training) set. Gold lines point into it by
``geo/lgl.xml#<docid>`` (:func:`diurna.evaluate.gold.base_text`); annotators write ``"id":
"<docid>"`` and ``scripts/gold/wikinews_gold.py`` turns their lines into gold as for Wikinews.

The draw is ``--articles`` docids sampled with ``--seed`` from the file's sorted docids, in parts
of ``--per-part`` articles; ``--exclude`` names gold or units files whose LGL articles are left
out of the draw, so a new set never repeats an article of an earlier one. Writes, outside the
repository (the text must not be copied into it), ``OUT/units.jsonl`` (the format of
``make_dev13_units.py``) and ``OUT/tasks/NAME-k.md``.

    python scripts/gold/make_lgl_units.py --out /work/annot/lgl --articles 40
    python scripts/gold/make_lgl_units.py --out /work/annot/lgl2 --seed 53 --name lgl2 \
        --exclude gold/events-lgl-dev1.jsonl
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "scripts" / "gold"), str(REPO / "src")]

from wikinews_units import write_parts  # noqa: E402

from diurna.evaluate.gold import read_jsonl, shared_dir  # noqa: E402
from diurna.evaluate.places import read_geo_xml  # noqa: E402
from diurna.language.spacy_stage import load_nlp  # noqa: E402

LGL = "lgl.xml"


def draw(docids: list[str], articles: int, seed: int) -> list[str]:
    """``articles`` of ``docids`` chosen by ``seed``, in the order drawn (the same draw whatever
    order the file lists them in)."""
    return random.Random(seed).sample(sorted(docids), min(articles, len(docids)))


def used_articles(paths: list[Path]) -> set[str]:
    """The LGL docids that the gold or units files ``paths`` already point into (their ``source``
    is ``geo/lgl.xml#<docid>``). A line that is not a JSON object raises ValueError naming it."""
    used: set[str] = set()
    for path in paths:
        for n, record in enumerate(read_jsonl(path), 1):
            if not isinstance(record, dict):
                raise ValueError(f"{path}: record {n} is not a JSON object")
            source = str(record.get("source", ""))
            if source.startswith(f"geo/{LGL}#"):
                used.add(source.rpartition("#")[2])
    return used


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--name", default="lgl", help="the parts are NAME-1, NAME-2, ...")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--seed", type=int, default=52)
    parser.add_argument("--per-part", type=int, default=5, help="articles per part (default 5)")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], metavar="JSONL",
                        help="gold or units files whose LGL articles are not drawn again")
    args = parser.parse_args(argv)
    if args.articles <= 0 or args.per_part <= 0:
        parser.error("--articles and --per-part take a positive number")
    missing = [str(p) for p in args.exclude if not p.is_file()]
    if missing:
        parser.error(f"--exclude: no such file: {', '.join(missing)}")
    try:
        used = used_articles(args.exclude)
    except ValueError as err:
        parser.error(f"--exclude takes gold or units JSONL files: {err}")
    by_id = {a.id: a for a in read_geo_xml(shared_dir() / "gold" / "geo" / LGL) if a.id not in used}
    chosen = [by_id[d] for d in draw(list(by_id), args.articles, args.seed)]
    parts = [chosen[k:k + args.per_part] for k in range(0, len(chosen), args.per_part)]
    write_parts(args.out, args.name, [[
        {"source": f"geo/{LGL}#{art.id}", "published": art.published,
         "heading": f"{art.id} | published {art.published} | {art.url or ''}", "text": art.text}
        for art in part] for part in parts], load_nlp())
    for k, part in enumerate(parts, 1):
        print(f"{args.name}-{k}", len(part), "articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
