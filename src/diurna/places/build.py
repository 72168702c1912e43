"""``python -m diurna.places.build [PATH]``: build the offline gazetteer (run by the setup step)."""

from __future__ import annotations

import argparse
import sys
import time

from diurna.places.gazetteer import build, default_path


def main(argv: list[str] | None = None) -> int:
    """Build the gazetteer at PATH (default: where the places stage looks for it)."""
    parser = argparse.ArgumentParser(
        prog="python -m diurna.places.build",
        description="Build the offline gazetteer (SQLite) from the installed data packages.")
    # parsed, not read raw, so that --help prints this instead of building a file named "--help"
    parser.add_argument("path", nargs="?", default=None,
                        help="database file to write (default: the one the places stage reads: "
                             "$DIURNA_GAZETTEER, else places/data/ in the package when "
                             "writable, else ~/.cache/diurna/)")
    args = parser.parse_args(argv)
    target = args.path if args.path is not None else default_path()
    t0 = time.perf_counter()
    path = build(target)
    size = path.stat().st_size / 1e6
    # on stderr: the README's first command is setup and then `diurna process`, whose stdout is
    # the page's JSON; a status line there made `... > reading.json` not JSON
    print(f"gazetteer built: {path} ({size:.1f} MB, {time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
