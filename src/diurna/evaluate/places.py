"""Toponym scorer: ``python -m diurna.evaluate.places [gold/toponyms.jsonl]``.

Runs the default pipeline (not the page stage) once per gold ``source`` on its base text with the
line's ``published`` date, then compares, inside each annotated unit, the predicted places with
the gold toponyms (format: ``docs/gold-format.md``).

- detection: a gold toponym is found when a predicted place overlaps it (one-to-one, greedy by
  overlap); precision/recall over the units;
- resolution, over found toponyms: exact GeoNames id (``None`` = ``None`` counts as right: the
  name was correctly left unresolved), accuracy within 161 km (100 miles, the usual geoparsing
  threshold) and mean error in km. When the ids agree the error is 0 km (same feature); otherwise
  it is the great-circle distance between the predicted and the gold coordinates. A prediction
  with no coordinates (or a resolved/unresolved mismatch) counts as wrong and is left out of the
  mean error;
- ``*_all`` figures count missed gold toponyms as wrong (end to end).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import base_text, read_jsonl, scorer_main
from diurna.model import Document, Span

DEFAULT_GOLD = Path("gold") / "toponyms.jsonl"


def run_sources(lines: Iterable[dict[str, Any]]) -> dict[tuple[str, str | None], Document]:
    """Run the default pipeline once per (source, published) pair of the gold lines."""
    from diurna.pipeline import Pipeline

    pipeline = Pipeline.default()
    docs: dict[tuple[str, str | None], Document] = {}
    for line in lines:
        key = (line["source"], line.get("published"))
        if key in docs:
            continue
        text = base_text(line["source"])
        doc = Document(id=line["source"].replace("/", ":")[:64], source=line["source"],
                       text=text, published=line.get("published"))
        docs[key] = pipeline(doc)
    return docs


def match(gold: Sequence[dict[str, Any]], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p.end) - max(g["start"], p.start)
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def score_units(gold_path: str | Path, field: str,
                per_pair: Callable[[dict[str, Any], Any], dict[str, float | None]],
                pred_of: Callable[[Document], Sequence[Span]]) -> dict[str, Any]:
    """Shared loop: detection counts plus per-matched-pair measures summed by name."""
    lines = list(read_jsonl(gold_path))
    docs = run_sources(lines)
    n_gold = n_pred = n_match = 0
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    errors: list[dict[str, Any]] = []
    for line in lines:
        doc = docs[(line["source"], line.get("published"))]
        gold = line.get(field) or []
        pred = [p for p in pred_of(doc) if p.start >= line["start"] and p.end <= line["end"]]
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = match(gold, pred)
        n_match += len(pairs)
        for gi, pi in pairs:
            res = per_pair(gold[gi], pred[pi])
            for k, v in res.items():
                if v is None:
                    continue
                sums[k] = sums.get(k, 0.0) + v
                counts[k] = counts.get(k, 0) + 1
            if res.get("exact") == 0.0:
                errors.append({"source": line["source"], "gold": gold[gi],
                               "pred": pred[pi].to_dict()})  # type: ignore[attr-defined]
    return {"lines": len(lines), "gold": n_gold, "pred": n_pred, "matched": n_match,
            "precision": _ratio(n_match, n_pred), "recall": _ratio(n_match, n_gold),
            "sums": sums, "counts": counts, "errors": errors}


def _place_pair(g: dict[str, Any], p: Any) -> dict[str, float | None]:
    exact = 1.0 if p.geonameid == g.get("geonameid") else 0.0
    dist: float | None = None
    if g.get("geonameid") is None or p.geonameid is None:
        within = exact
    elif exact:
        dist, within = 0.0, 1.0
    elif p.lat is not None and g.get("lat") is not None:
        dist = haversine_km(p.lat, p.lon, g["lat"], g["lon"])
        within = 1.0 if dist <= 161 else 0.0
    else:
        within = 0.0
    return {"exact": exact, "within161": within, "error_km": dist}


def score(gold_path: str | Path = DEFAULT_GOLD) -> dict[str, Any]:
    """Scorer figures for ``gold/toponyms.jsonl``."""
    raw = score_units(gold_path, "toponyms", _place_pair, lambda d: d.places)
    s, c, m = raw["sums"], raw["counts"], raw["matched"]
    return {
        "lines": raw["lines"], "gold": raw["gold"], "predicted": raw["pred"], "matched": m,
        "detection_precision": raw["precision"], "detection_recall": raw["recall"],
        "exact_id_accuracy": _ratio(s.get("exact", 0.0), m),
        "accuracy_161km": _ratio(s.get("within161", 0.0), m),
        "mean_error_km": round(s["error_km"] / c["error_km"], 1) if c.get("error_km") else None,
        "exact_id_accuracy_all": _ratio(s.get("exact", 0.0), raw["gold"]),
        "accuracy_161km_all": _ratio(s.get("within161", 0.0), raw["gold"]),
        "errors": raw["errors"],
    }


def main(argv: list[str] | None = None) -> int:
    return scorer_main(argv, score, DEFAULT_GOLD, "diurna evaluate places",
                       "Score toponym detection and resolution against a gold JSONL file.")


if __name__ == "__main__":
    raise SystemExit(main())
