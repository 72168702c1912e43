"""Write ``<gold>-heldout.txt`` beside each frozen gold file: every source it names, one a line.

The scorers refuse error listings on the sources such a file lists (aggregate figures only).

    python scripts/gold/write_heldout.py gold/events-wikinews-test.jsonl ...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HEADER = "# Frozen: every source below is held out (aggregate figures only, never error analysis)."


def main(paths: list[str]) -> None:
    for name in paths:
        gold = Path(name)
        lines = gold.read_text(encoding="utf-8").splitlines()
        sources = dict.fromkeys(json.loads(line)["source"] for line in lines if line.strip())
        out = gold.with_name(gold.stem + "-heldout.txt")
        out.write_text("\n".join([HEADER, *sources]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
