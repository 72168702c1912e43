"""Time scorer: ``python -m diurna.evaluate.times [gold/times.jsonl]``.

Runs the default pipeline once per gold ``source`` (see :mod:`diurna.evaluate.places`) and
compares, inside each unit, the predicted time expressions with the gold ones:

- detection precision/recall (a gold expression is found when a prediction overlaps it,
  one-to-one);
- value accuracy over found expressions: the normalised ``value`` equals the gold value
  (``None`` = ``None`` counts as right); ``value_accuracy_all`` counts missed ones as wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diurna.evaluate.gold import scorer_main
from diurna.evaluate.places import _ratio, score_units

DEFAULT_GOLD = Path("gold") / "times.jsonl"


def _time_pair(g: dict[str, Any], p: Any) -> dict[str, float | None]:
    return {"exact": 1.0 if p.value == g.get("value") else 0.0}


def score(gold_path: str | Path = DEFAULT_GOLD) -> dict[str, Any]:
    """Scorer figures for ``gold/times.jsonl``."""
    raw = score_units(gold_path, "times", _time_pair, lambda d: d.times)
    m = raw["matched"]
    ok = raw["sums"].get("exact", 0.0)
    return {
        "lines": raw["lines"], "gold": raw["gold"], "predicted": raw["pred"], "matched": m,
        "detection_precision": raw["precision"], "detection_recall": raw["recall"],
        "value_accuracy": _ratio(ok, m), "value_accuracy_all": _ratio(ok, raw["gold"]),
        "errors": raw["errors"],
    }


def main(argv: list[str] | None = None) -> int:
    return scorer_main(argv, score, DEFAULT_GOLD, "diurna evaluate times",
                       "Score temporal expression detection and values against a gold JSONL file.")


if __name__ == "__main__":
    raise SystemExit(main())
