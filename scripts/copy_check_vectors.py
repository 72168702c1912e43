"""Write the quotes check's own word vectors from an events MLP folder.

    python scripts/copy_check_vectors.py [--from DIR] [--to DIR]

The quotes check (``diurna.statements.learned``) reads static word vectors in its dense rows. Until
session 44 it read the events MLP's table (``events/data/learned``: the words of ``model.json``, the
``vectors`` array of ``weights.npz``), so retraining the events MLP moved the quotes. This copies
that table, byte for byte as stored (float16), into ``statements/data/check/vectors.npz``: the
check keeps the vectors it was trained with. Run it only when the check is retrained on new
vectors (``python -m diurna.statements.train`` reads the copied file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from diurna.events.learned import MODEL_DIR as EVENTS_DIR
from diurna.statements.learned import MODEL_DIR as CHECK_DIR
from diurna.statements.learned import VECTORS_FILE


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="source", type=Path, default=EVENTS_DIR,
                    help="an events MLP folder (model.json, weights.npz)")
    ap.add_argument("--to", type=Path, default=CHECK_DIR, help="the check's folder")
    args = ap.parse_args()
    spec_path, weights_path = args.source / "model.json", args.source / "weights.npz"
    if not spec_path.exists() or not weights_path.exists():
        print(f"{args.source}: no model.json and weights.npz (an events MLP folder)",
              file=sys.stderr)
        return 2
    words = json.loads(spec_path.read_text(encoding="utf-8"))["words"]
    with np.load(weights_path) as saved:
        table = saved["vectors"]
    if len(words) != table.shape[0]:
        print(f"{args.source}: {len(words)} words but {table.shape[0]} vector rows",
              file=sys.stderr)
        return 2
    args.to.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.to / VECTORS_FILE, words=np.array(words), vectors=table)
    print(f"wrote {args.to / VECTORS_FILE}: {len(words)} words x {table.shape[1]} dims "
          f"({table.dtype})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
