"""A seeded sample of synthetic gold units printed for reading by hand (the lead's check of 20).

    python bench/synthetic_sample.py [--n 20] [--seed 43] [--gold gold/events-synthetic.jsonl]

Prints each sampled sentence with its trap and its events (type/mode, trigger, actor and
recipient with codes, status, date, place), one block per sentence, so that a reader can judge
them against docs/annotation-events.md without opening the JSON. Reads synthetic gold only:
any other file is refused, so it cannot become a way to read a blind or frozen set.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import base_text, read_jsonl, synthetic

DEFAULT = Path("gold/events-synthetic.jsonl")


def _arg(arg: dict[str, Any] | None) -> str:
    return "-" if arg is None else f"{arg['text']!r} {arg['code'] or 'null'}"


def block(unit: dict[str, Any]) -> str:
    """One unit as text: the sentence, its trap, then an indented line per event."""
    text = base_text(unit["source"])
    lines = [f"{unit['source']}:{unit['start']}  [{unit.get('trap') or 'no trap'}]",
             f"  {text[unit['start']:unit['end']]}"]
    for e in unit["events"] or []:
        place = (e.get("location") or {}).get("name") or "-"
        lines.append(f"    {e['type']}/{e['mode'] or '-'} {e['trigger']['text']!r}: "
                     f"{_arg(e['actor'])} -> {_arg(e['recipient'])}; {e['status']}"
                     f"{' negated' if e['negated'] else ''}; date {e['date'] or '-'}; "
                     f"place {place}")
    if not unit["events"]:
        lines.append("    (no event)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=43)
    args = parser.parse_args(argv)
    if not synthetic(args.gold):
        print(f"{args.gold} is not synthetic gold: this reader is for synthetic gold only",
              file=sys.stderr)
        return 2
    units = list(read_jsonl(args.gold))
    picked = random.Random(args.seed).sample(units, min(args.n, len(units)))
    print("\n\n".join(block(u) for u in sorted(picked, key=lambda u: (u["source"], u["start"]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
