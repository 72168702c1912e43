"""Print the data dictionary or the JSON Schema of an event row (both from one schema).

    python -m diurna.store.datadoc markdown > docs/data.md
    python -m diurna.store.datadoc json > docs/events.schema.json
"""

from __future__ import annotations

import json
import sys

from diurna.store.schema import json_schema, markdown


def render(what: str) -> str:
    """``markdown`` (docs/data.md) or ``json`` (docs/events.schema.json), as text."""
    if what == "json":
        return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if what == "markdown":
        return markdown()
    raise ValueError(f"unknown output {what!r}: use `markdown` or `json`")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        sys.stdout.write(render(args[0] if args else "markdown"))
    except ValueError as err:
        print(f"diurna.store.datadoc: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
