"""Cut the 428 Wikipedia Current Events summaries into sentence units for event annotation.

The summaries (``shared/corpus/wikipedia-cep-2015-09/events.jsonl``, September 2015) are one or
two sentences each, in the present tense of a news digest ("The United Nations confirms …"): a
style the Wikinews articles lack and the short probe sentences resemble, so they are annotated as
training text (session 46, ``gold/events-cep-train.jsonl``). Every record is kept (sports,
business and disasters too: the coder must learn to leave them alone), in the file's order, in
parts of ``--per-part`` records. Writes, outside the repository (the text must not be copied into
it), ``OUT/units.jsonl`` (the format of ``make_dev13_units.py``) and ``OUT/tasks/NAME-k.md``.

    python scripts/gold/make_cep_units.py --out /work/annot/cep
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "scripts" / "gold"), str(REPO / "src")]

from wikinews_units import write_parts  # noqa: E402

from diurna.evaluate.gold import shared_dir  # noqa: E402
from diurna.language.spacy_stage import load_nlp  # noqa: E402

CEP = "wikipedia-cep-2015-09/events.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--name", default="cep", help="the parts are NAME-1, NAME-2, ...")
    parser.add_argument("--per-part", type=int, default=107, help="records per part (default 107)")
    args = parser.parse_args()
    if args.per_part <= 0:
        parser.error(f"--per-part {args.per_part}: give a positive number")
    path = shared_dir() / "corpus" / CEP
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    nlp = load_nlp()
    parts = [rows[k:k + args.per_part] for k in range(0, len(rows), args.per_part)]
    write_parts(args.out, args.name, [[
        {"source": f"corpus/{CEP}#{row['id']}", "published": row["published"],
         "heading": f"{row['id']} | published {row['published']} | {row['title']}",
         "text": row["text"]} for row in part] for part in parts], nlp)
    for k, part in enumerate(parts, 1):
        print(f"{args.name}-{k}", len(part), "records", file=sys.stderr)


if __name__ == "__main__":
    main()
