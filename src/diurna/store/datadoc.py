"""Print the data dictionary or a JSON Schema (event row, document), all from one schema.

    python -m diurna.store.datadoc markdown > docs/data.md
    python -m diurna.store.datadoc json > docs/events.schema.json
    python -m diurna.store.datadoc document-json > docs/document.schema.json
"""

from __future__ import annotations

import json
import sys

from diurna.store.schema import document_json_schema, json_schema, markdown


def render(what: str) -> str:
    """``markdown`` (docs/data.md), ``json`` (docs/events.schema.json) or ``document-json``
    (docs/document.schema.json), as text."""
    if what == "json":
        return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if what == "document-json":
        return json.dumps(document_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if what == "markdown":
        return markdown()
    raise ValueError(f"unknown output {what!r}: use `markdown`, `json` or `document-json`")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["-h"], ["--help"]):  # `--help` was read as an unknown output
        print((__doc__ or "").strip())
        return 0
    try:
        sys.stdout.write(render(args[0] if args else "markdown"))
    except ValueError as err:
        print(f"diurna.store.datadoc: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
