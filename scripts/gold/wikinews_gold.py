"""Turn annotators' sentence-level event annotations of Wikinews units into gold JSONL with offsets.

Annotators write one JSON line per sentence unit of ``units.jsonl`` (see ``wikinews_units.py``)::

    {"id": "wikinews-en:736", "n": 3, "events": [{"type": "ACCUSE", "mode": null,
      "trigger": "accused", "actor": {"text": "Iran", "code": "IRN"},
      "recipient": {"text": "the US", "code": "USA"}, "status": "asserted", "negated": false,
      "date": null, "location": {"text": "Tehran"}}]}

Quoted strings (trigger, actor and recipient text, location text) are copied from the sentence;
when one occurs more than once in the sentence, ``"<field>_nth": k`` (1-based) says which
(``--check`` warns when the occurrence taken starts or ends inside a word, "he" in "the"). A unit
that is not a sentence of the article (a heading, markup residue) is
``{"id": …, "n": …, "nonunit": true}``.

This script checks every line (``--check``: report problems as ``FILE:LINE: what``, exit 1) and
writes gold lines in the format of ``docs/gold-format.md``: offsets into the article text, the
unit's span, and the annotator's values. It imports nothing from Diurna's coder: annotators may run
it on their own files.

    python scripts/gold/wikinews_gold.py --units /work/annot/units.jsonl --check FILE...
    python scripts/gold/wikinews_gold.py --units /work/annot/units.jsonl FILE... > gold/x.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "DEMAND", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
         "ASSAULT"}
STATUSES = {"asserted", "claimed", "denied", "speculative"}


class Problem(ValueError):
    pass


def locate(sentence: str, offset: int, text: str, nth: int | None, what: str,
           warnings: list[str]) -> dict[str, Any]:
    """``{"start", "end", "text"}`` of the ``nth`` occurrence of ``text`` in ``sentence``; a
    doubt about it (not a problem) is appended to ``warnings``."""
    if not isinstance(text, str) or not text:
        raise Problem(f"{what}: empty or not a string")
    pos = -1
    for _ in range(nth or 1):
        pos = sentence.find(text, pos + 1)
        if pos < 0:
            raise Problem(f"{what} {text!r} (occurrence {nth or 1}) is not in the sentence")
    end = pos + len(text)
    # Occurrences are plain substrings, so "he" is found inside "the": session 45's annotators
    # each wrote their own check for this. Said as a warning (older gold files hold such spans
    # on purpose, e.g. "Syria" in "Syrian-backed"), never as a problem.
    if (pos > 0 and sentence[pos - 1].isalnum() and text[0].isalnum()) or (
            end < len(sentence) and sentence[end].isalnum() and text[-1].isalnum()):
        warnings.append(f"{what} {text!r} (occurrence {nth or 1}) starts or ends inside a word; "
                        f"if another occurrence is meant, give {what}_nth")
    return {"start": offset + pos, "end": end + offset, "text": text}


def party(sentence: str, offset: int, value: Any, ev: dict[str, Any], name: str,
          warnings: list[str]) -> Any:
    if value is None:
        return None
    if not isinstance(value, dict) or "text" not in value:
        raise Problem(f"{name}: expected null or {{\"text\": …, \"code\": …}}")
    code = value.get("code")
    if code is not None and (not isinstance(code, str) or not code.isalpha()
                             or len(code) not in (3, 6, 9)):
        raise Problem(f"{name} code {code!r}: expected 3 letters plus optional sectors, or null")
    span = locate(sentence, offset, value["text"], ev.get(f"{name}_nth"), name, warnings)
    return {**span, "code": code}


def convert(unit: dict[str, Any], ann: dict[str, Any],
            warnings: list[str]) -> dict[str, Any] | None:
    if ann.get("nonunit"):
        return None
    sentence, offset = unit["text"], unit["start"]
    events = []
    for ev in ann.get("events", []):
        if ev.get("type") not in TYPES:
            raise Problem(f"unknown type {ev.get('type')!r}")
        if ev.get("status", "asserted") not in STATUSES:
            raise Problem(f"unknown status {ev.get('status')!r}")
        loc = ev.get("location")
        if loc is not None:
            loc_text = loc.get("text") if isinstance(loc, dict) else loc
            loc = {"name": loc_text,
                   **locate(sentence, offset, loc_text, ev.get("location_nth"), "location",
                            warnings)}
        events.append({
            "type": ev["type"], "mode": ev.get("mode"),
            "trigger": locate(sentence, offset, ev.get("trigger"), ev.get("trigger_nth"),
                              "trigger", warnings),
            "actor": party(sentence, offset, ev.get("actor"), ev, "actor", warnings),
            "recipient": party(sentence, offset, ev.get("recipient"), ev, "recipient", warnings),
            "status": ev.get("status", "asserted"), "negated": bool(ev.get("negated", False)),
            "date": ev.get("date"), "place": loc,
        })
    return {"source": unit["source"], "published": unit["published"], "start": unit["start"],
            "end": unit["end"], "events": events}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="only report problems")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    units = {}
    for line in args.units.open(encoding="utf-8"):
        u = json.loads(line)
        units[(u["source"].rpartition("#")[2], u["n"])] = u
    problems, seen = 0, set()
    for path in args.files:
        for lineno, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            warnings: list[str] = []
            try:
                ann = json.loads(line)
                key = (ann.get("id"), ann.get("n"))
                if key not in units:
                    raise Problem(f"no unit {key}")
                if key in seen:
                    raise Problem(f"unit {key} annotated twice")
                seen.add(key)
                out = convert(units[key], ann, warnings)
            except (Problem, json.JSONDecodeError, AttributeError, TypeError) as err:
                print(f"{path}:{lineno}: {err}", file=sys.stderr)
                problems += 1
                continue
            finally:
                for warning in warnings:
                    print(f"{path}:{lineno}: warning: {warning}", file=sys.stderr)
            if out is not None and not args.check:
                print(json.dumps(out, ensure_ascii=False))
    articles = {k[0] for k in seen}
    missing = [k for k in units if k[0] in articles and k not in seen]
    for k in missing:
        print(f"missing: unit {k} of an annotated article has no line", file=sys.stderr)
    print(f"{len(seen)} units of {len(articles)} articles, {problems} problems, "
          f"{len(missing)} missing", file=sys.stderr)
    return 1 if problems or missing else 0


if __name__ == "__main__":
    sys.exit(main())
