"""``python -m diurna.places.build [PATH]``: build the offline gazetteer (run by the setup step)."""

from __future__ import annotations

import sys
import time

from diurna.places.gazetteer import build, default_path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = args[0] if args else default_path()
    t0 = time.perf_counter()
    path = build(target)
    size = path.stat().st_size / 1e6
    print(f"gazetteer built: {path} ({size:.1f} MB, {time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
