"""Print the entries (name==version and its --hash lines) of some packages of a pip-compile lock.

Used by ``scripts/setup.sh --analysis`` to install optional packages hash-checked from the dev lock
without the test tools: ``python scripts/lock_entries.py requirements-dev.lock pandas duckdb``.
"""

from __future__ import annotations

import re
import sys


def entries(lock_text: str, names: set[str]) -> list[str]:
    """The lines of the named packages' entries (requirement line plus hash continuations)."""
    out: list[str] = []
    keep = False
    for line in lock_text.splitlines():
        start = re.match(r"^([A-Za-z0-9._-]+)==", line)
        if start:
            keep = start.group(1).lower().replace("_", "-") in names
        elif not line.startswith(" "):
            keep = False
        if keep and not line.lstrip().startswith("#"):
            out.append(line)
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: lock_entries.py LOCK NAME...", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as fh:
        wanted = {n.lower() for n in argv[1:]}
        lines = entries(fh.read(), wanted)
    found = {re.split("==", ln)[0].lower() for ln in lines if "==" in ln}
    if found != wanted:
        print(f"not in {argv[0]}: {', '.join(sorted(wanted - found))}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
