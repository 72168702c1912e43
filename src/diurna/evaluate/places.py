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

A document the pipeline raises on does not stop the scorer (here and on LGL/GeoVirus XML): its
gold counts as missed, the result's ``failures`` name it, the command prints it under
``FAILED`` after the figures and exits 1 (:func:`diurna.evaluate.gold.run_scored`).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import (
    base_text,
    limit_arg,
    no_gold,
    print_figures,
    read_jsonl,
    run_scored,
    scorer_main,
)
from diurna.model import Document, Span
from diurna.places.ranker import haversine_km

DEFAULT_GOLD = Path("gold") / "toponyms.jsonl"


def run_sources(lines: Iterable[dict[str, Any]], failures: list[dict[str, str]]
                ) -> dict[tuple[str, str | None], Document]:
    """Run the default pipeline once per (source, published) pair of the gold lines; a
    document the pipeline raises on is noted in ``failures`` and kept unprocessed
    (:func:`~diurna.evaluate.gold.run_scored`: its gold counts as missed)."""
    from diurna.pipeline import Pipeline

    pipeline = Pipeline.default()
    docs: dict[tuple[str, str | None], Document] = {}
    for line in lines:
        key = (line["source"], line.get("published"))
        if key in docs:
            continue
        text = base_text(line["source"])
        make = partial(Document, id=line["source"].replace("/", ":")[:64],
                       source=line["source"], text=text, published=line.get("published"))
        docs[key] = run_scored(pipeline, make, failures)
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


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def score_units(gold_path: str | Path, field: str,
                per_pair: Callable[[dict[str, Any], Any], dict[str, float | None]],
                pred_of: Callable[[Document], Sequence[Span]]) -> dict[str, Any]:
    """Shared loop: detection counts plus per-matched-pair measures summed by name; a document
    the pipeline raises on is listed in ``failures`` and its gold counted as missed."""
    lines = list(read_jsonl(gold_path))
    failures: list[dict[str, str]] = []
    docs = run_sources(lines, failures)
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
            "sums": sums, "counts": counts, "errors": errors, "failures": failures,
            "documents": len(docs)}


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
        "errors": raw["errors"], "failures": raw["failures"], "documents": raw["documents"],
    }


# ---------------------------------------------------------------------------------------------
# LGL and GeoVirus (public geoparsing gold, read as distributed: one XML file each)


@dataclass(slots=True)
class GeoToponym:
    """One gold toponym of an XML corpus: offsets into the article text and, when the corpus
    resolves it, the GeoNames id (LGL only) and the point."""

    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class GeoArticle:
    """One article of an XML corpus."""

    id: str
    text: str
    published: str | None
    toponyms: list[GeoToponym]
    url: str | None = None  # the page's address (LGL's <url>): where the outlet is


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None  # type: ignore[arg-type]
    except ValueError:
        return None


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """GeoVirus offsets are one character off: the occurrence of ``name`` nearest ``start``."""
    if text[start:end] == name:
        return start, end
    best: tuple[int, int] | None = None
    for m in re.finditer(re.escape(name), text):
        if best is None or abs(m.start() - start) < abs(best[0] - start):
            best = (m.start(), m.end())
    return best or (start, end)


def read_geo_xml(path: str | Path) -> list[GeoArticle]:
    """Articles of LGL (``<article docid>``, ``<toponyms>``, ``<gaztag geonameid>``) or GeoVirus
    (``<article>``, ``<locations>``, Wikipedia points, offsets re-aligned to the names)."""
    root = ET.parse(path).getroot()
    out: list[GeoArticle] = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops: list[GeoToponym] = []
        if art.find("toponyms") is not None:  # LGL
            for tp in art.find("toponyms") or []:
                s, e = int(tp.findtext("start") or 0), int(tp.findtext("end") or 0)
                g = tp.find("gaztag")
                gid = g.get("geonameid") if g is not None else None
                tops.append(GeoToponym(
                    s, e, tp.findtext("phrase") or text[s:e],
                    int(gid) if gid and gid.isdigit() else None,
                    _float(g.findtext("lat")) if g is not None else None,
                    _float(g.findtext("lon")) if g is not None else None))
            dl = (art.findtext("dltime") or "")[:10]
            out.append(GeoArticle(art.get("docid") or str(i), text, dl or None, tops,
                                  art.findtext("url") or art.findtext("domain") or None))
        else:  # GeoVirus
            for loc in art.find("locations") or []:
                name = loc.findtext("name") or ""
                s, e = _align(text, int(loc.findtext("start") or 0),
                              int(loc.findtext("end") or 0), name)
                tops.append(GeoToponym(s, e, text[s:e], None, _float(loc.findtext("lat")),
                                       _float(loc.findtext("lon"))))
            out.append(GeoArticle(art.findtext("source") or str(i), text, None, tops))
    return out


# error given to a toponym left unresolved, for the median (half the Earth's circumference)
MAX_ERROR_KM = 20_038.0


class _Tally:
    """Resolution figures over a set of (gold, predicted place) pairs."""

    def __init__(self) -> None:
        self.n = 0
        self.n_id = 0
        self.exact = 0
        self.within = 0
        self.errors: list[float] = []

    def add(self, g: GeoToponym, p: Any) -> float:
        if g.lat is None or g.lon is None:
            return -1.0
        self.n += 1
        if g.geonameid is not None:
            self.n_id += 1
            if p is not None and p.geonameid == g.geonameid:
                self.exact += 1
        if p is None or p.lat is None or p.lon is None:
            err = MAX_ERROR_KM
        elif g.geonameid is not None and p.geonameid == g.geonameid:
            err = 0.0
        else:
            err = haversine_km(p.lat, p.lon, g.lat, g.lon)
        self.errors.append(err)
        if err <= 161:
            self.within += 1
        return err

    def figures(self, prefix: str) -> dict[str, Any]:
        return {
            f"{prefix}resolvable": self.n,
            f"{prefix}exact_id": _ratio(self.exact, self.n_id),
            f"{prefix}acc_161km": _ratio(self.within, self.n),
            f"{prefix}median_error_km": round(statistics.median(self.errors), 1)
            if self.errors else None,
        }


def score_geo_xml(path: str | Path, limit: int | None = None,
                  given: bool = True, rules: bool = False) -> dict[str, Any]:
    """End-to-end and given-gold-toponym figures on an LGL or GeoVirus XML file.

    End to end: Diurna's own recognition; a gold toponym is found when a predicted place
    overlaps it (one-to-one). Resolution figures over the found toponyms that the gold locates:
    exact GeoNames id (LGL), within 161 km of the gold point, median error (an unresolved name
    counts as :data:`MAX_ERROR_KM`). Given gold toponyms: each gold span resolved with
    :meth:`PlaceResolver.resolve_spans` in its document (resolution alone). ``rules``: the
    hand-written resolver instead of the learned ranker (the baseline).

    An article the pipeline raises on is listed in ``failures`` (source and error, see
    :func:`~diurna.evaluate.gold.run_scored`); its gold toponyms count as missed, and as
    unresolved in the given figures. When only the resolution of its gold spans raises, it is
    listed too and its toponyms count as unresolved in the given figures alone.
    """
    from diurna.pipeline import Pipeline
    from diurna.places.resolver import PlaceResolver

    articles = read_geo_xml(path)[:limit]
    pipeline = Pipeline.default()
    resolver = PlaceResolver(rules_only=rules)
    pipeline.components[pipeline.names.index("places")] = resolver
    n_gold = n_pred = n_match = 0
    found, given_t = _Tally(), _Tally()
    errors: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []
    for art in articles:
        noted = len(failures)
        doc = run_scored(pipeline, partial(Document, id=art.id[:64], source=art.id,
                                           text=art.text, published=art.published, url=art.url),
                         failures)
        gold = [{"start": g.start, "end": g.end} for g in art.toponyms]
        pairs = match(gold, doc.places)
        n_gold += len(gold)
        n_pred += len(doc.places)
        n_match += len(pairs)
        for gi, pi in pairs:
            found.add(art.toponyms[gi], doc.places[pi])
        if given:
            spans = [(g.start, g.end) for g in art.toponyms]
            resolved: Sequence[Any] = [None] * len(spans)  # a failed article: unresolved
            if len(failures) == noted:
                try:
                    resolved = resolver.resolve_spans(doc, spans)
                except Exception as raised:  # noqa: BLE001 - noted as run_scored notes the pipeline's
                    failures.append({"source": art.id, "error": "resolving the gold spans: "
                                     f"{type(raised).__name__}: {raised}"})
            for g, p in zip(art.toponyms, resolved, strict=True):
                err = given_t.add(g, p)
                if err > 161 and p is not None:
                    errors.append({"doc": art.id, "phrase": g.phrase, "gold": g.geonameid,
                                   "gold_point": [g.lat, g.lon], "pred": p.geonameid,
                                   "pred_name": p.name, "pred_country": p.country,
                                   "error_km": round(err)})
    out: dict[str, Any] = {
        "articles": len(articles), "gold": n_gold, "predicted": n_pred, "matched": n_match,
        "detection_precision": _ratio(n_match, n_pred), "detection_recall": _ratio(n_match, n_gold),
    }
    out.update(found.figures("found_"))
    if given:
        out.update(given_t.figures("given_"))
    out["errors"] = errors
    out["failures"] = failures
    return out


def xml_parser() -> argparse.ArgumentParser:
    """The options of ``diurna evaluate places`` on LGL/GeoVirus XML (also shown by its plain
    ``--help``, which has no gold path to tell the format by)."""
    parser = argparse.ArgumentParser(
        prog="diurna evaluate places",
        description="Score toponym recognition and resolution on LGL or GeoVirus XML.")
    parser.add_argument("gold", type=Path, help="lgl.xml or GeoVirus.xml")
    parser.add_argument("--limit", type=limit_arg, default=None, metavar="N",
                        help="only the first N articles (N >= 1)")
    parser.add_argument("--no-given", action="store_true",
                        help="skip the given-gold-toponym resolution figures")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list given-gold toponyms resolved more than 161 km off")
    parser.add_argument("--rules", action="store_true",
                        help="resolve with the hand rules, not the learned ranker (baseline)")
    return parser


def xml_main(argv: list[str]) -> int:
    """``diurna evaluate places corpus.xml [--limit N] [--no-given] [-v] [--rules]``."""
    parser = xml_parser()
    args = parser.parse_args(argv)
    if not args.gold.exists():
        parser.error(no_gold(args.gold))
    result = score_geo_xml(args.gold, args.limit, given=not args.no_given, rules=args.rules)
    failed = print_figures(result, width=26, verbose=args.verbose, documents=result["articles"])
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """``diurna evaluate places [GOLD]``: the project's JSONL gold, or LGL/GeoVirus XML."""
    args = sys.argv[1:] if argv is None else argv
    if any(a.lower().endswith(".xml") for a in args):
        return xml_main(args)
    return scorer_main(argv, score, DEFAULT_GOLD, "diurna evaluate places",
                       "Score toponym detection and resolution against a gold JSONL file "
                       "(or LGL/GeoVirus XML: give the .xml file).", other=xml_parser())


if __name__ == "__main__":
    raise SystemExit(main())
