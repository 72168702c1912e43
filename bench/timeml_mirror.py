"""Score a TimeML folder kept in a bare git mirror (no work tree), e.g. TempEval-3's TimeBank.

    python bench/timeml_mirror.py [--mirror DIR] [--folder PATH] [scorer options ...]

The second TimeML development set of issue 13 (TempEval-3 TBAQ-cleaned, TimeBank half; see
docs/time.md, "Durations round 3") is read from a public GitHub snapshot brought by the project's
``fetch`` tool to ``/work/.mirror/jspotter+TempEval-3/repo``: a bare git directory. This script
writes the folder's files out of that mirror into a temporary directory (``git archive``; the
data never enters the repository) and runs ``diurna evaluate times`` on it with the remaining
options (``--dev-only``, ``-v``, ``--holdout K``). Nothing is downloaded.

The mirror can also be given with ``DIURNA_TIMEBANK_MIRROR``. Tests do not need it.
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

from diurna.evaluate.times import timeml_main, timeml_parser

DEFAULT_MIRROR = "/work/.mirror/jspotter+TempEval-3/repo"
DEFAULT_FOLDER = "data/TBAQ-cleaned/TimeBank"


def extract(mirror: str | Path, folder: str, into: Path) -> Path:
    """Write ``folder`` of the mirror's ``HEAD`` under ``into``; return the written folder."""
    archive = subprocess.run(
        ["git", f"--git-dir={mirror}", "archive", "--format=tar", "HEAD", folder],
        check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / folder


def main(argv: list[str] | None = None) -> int:
    # The scorer's own options pass through; the epilog shows them, so --help lists every
    # option the docs use with this script (--dev-only, -v, --holdout).
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Other options go to `diurna evaluate times` on the extracted folder:\n\n"
               + timeml_parser().format_help())
    parser.add_argument("--mirror", default=os.environ.get("DIURNA_TIMEBANK_MIRROR",
                                                           DEFAULT_MIRROR),
                        help="bare git directory of the snapshot (default: %(default)s)")
    parser.add_argument("--folder", default=DEFAULT_FOLDER,
                        help="folder of .tml files inside it (default: %(default)s)")
    args, scorer_args = parser.parse_known_args(argv)
    if not Path(args.mirror).is_dir():
        parser.error(f"no git mirror at {args.mirror}; bring it with the fetch tool "
                     "(github:jspotter/TempEval-3) or give --mirror")
    with tempfile.TemporaryDirectory(prefix="diurna-timeml-") as tmp:
        folder = extract(args.mirror, args.folder, Path(tmp))
        return timeml_main([str(folder), *scorer_args])


if __name__ == "__main__":
    sys.exit(main())
