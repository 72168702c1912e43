"""Write ``bench/audit-samples.txt``: the Wikinews articles the corpus audits drew when they ran.

``place_date_audit.sample`` draws from the articles no gold file names, so every new gold file
moves what the same command draws. The article chooser of the blind sets
(``scripts/gold/make_dev13_units.py``) re-drew the audit samples on its own tree, and so from
session 38 on it let in articles the audits had shown a reader (session 46 found 1-5 of the
120 hand-read ones in each of the blind events sets dev14-dev18). This script draws both samples
again on the trees they were run from (``git archive`` of each commit into a temporary folder,
that tree's own ``sample``) and writes their ids into the repository, where every chooser that
excludes what the repository names keeps them out for good.

    python bench/audit_samples.py [--out bench/audit-samples.txt]
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# (audit, commit it ran from, n, seed): place_date_audit at Places round 11 (brief 13P), read by
# hand; provenance_audit at the corpus-scale provenance audit.
AUDITS = (("place_date_audit", "a01fa61a", 120, 1334), ("provenance_audit", "4ed521c8", 500, 35))
HEADER = """\
# The Wikinews articles the two corpus audits drew, as drawn when they ran (session 46 record):
# bench/place_date_audit.py --n 120 --seed 1334 at a01fa61a (its events, places and dates read
# by hand) and bench/provenance_audit.py (500, seed 35) at 4ed521c8. Both draw from the articles
# no gold file names, so the same command on a later tree draws other articles. Listed here so
# that every article chooser that excludes what the repository names
# (scripts/gold/make_dev13_units.py) keeps them out of blind sets for good.
# Regenerate: python bench/audit_samples.py (draws again on those two commits' trees, via git).
"""
DRAW = ("from place_date_audit import sample; "
        "print('\\n'.join(r['id'] for r in sample({n}, {seed})))")


def drawn(commit: str, n: int, seed: int) -> list[str]:
    """The ids ``sample(n, seed)`` draws on the tree of ``commit``."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, "bench", "gold", "src"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        env = {**os.environ, "PYTHONPATH": f"{tmp}/src{os.pathsep}{tmp}/bench"}
        out = subprocess.run([sys.executable, "-c", DRAW.format(n=n, seed=seed)], cwd=tmp, env=env,
                             check=True, capture_output=True, text=True).stdout
    return out.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "audit-samples.txt")
    args = parser.parse_args()
    lines = [HEADER]
    for audit, commit, n, seed in AUDITS:
        ids = sorted(drawn(commit, n, seed), key=lambda x: int(x.rsplit(":", 1)[1]))
        lines += [f"{audit} {i}\n" for i in ids]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.out}: {sum(len(x.splitlines()) for x in lines[1:])} ids", file=sys.stderr)


if __name__ == "__main__":
    main()
