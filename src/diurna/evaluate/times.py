"""Time scorer: ``python -m diurna.evaluate.times [GOLD]``.

Two gold formats:

**The project's JSONL** (``gold/times.jsonl``, default): runs the default pipeline once per gold
``source`` (see :mod:`diurna.evaluate.places`) and compares, inside each unit, the predicted time
expressions with the gold ones:

- detection precision/recall (a gold expression is found when a prediction overlaps it,
  one-to-one);
- value accuracy over found expressions: the normalised ``value`` equals the gold value
  (``None`` = ``None`` counts as right); ``value_accuracy_all`` counts missed ones as wrong.
  The project's gold follows ``docs/annotation-places-times.md``: only calendar values, ``null``
  for what the calendar cannot hold. Predictions are projected onto that convention with
  :func:`diurna.time.values.calendar_value` before they are compared (a season becomes its
  year, ``PRESENT_REF`` and durations become ``null``; see ``docs/time.md``).

**TimeML** (a ``.tml`` file or a folder of them, e.g. TempEval-3 AQUAINT): the text of each
document's ``<TEXT>`` element is run through language → time with the document creation time
(``functionInDocument="CREATION_TIME"``) as the publication date, and every gold ``TIMEX3`` is
compared with the prediction that overlaps it most (one-to-one):

- span recall/precision (overlap) and strict (exact-extent) recall;
- values are compared after writing both alike (:func:`same_value`: ``1998-W7`` = ``1998-W07``,
  ``199X`` = ``199``, ``1994-XX-XX`` = ``1994``);
- DATE value accuracy over all gold DATEs, DURATION value accuracy over all gold DURATIONs
  (a missed expression counts as wrong), and DATE accuracy over the found ones;
- value accuracy over every gold expression whatever its type (``all_value_accuracy``), and
  how often the found expressions have the gold's TIMEX3 type (``type_accuracy``: "three days
  later" is a DURATION over "three days", not a DATE);
- two baselines given the gold spans: ``DCT for every expression`` and ``dateparser alone``
  (relative to the DCT, its own resolution of the period);
- the same for TimeML-style gold kept as offsets into the shared corpus
  (``gold/times-timeml-wikinews-dev.jsonl``, see :func:`read_timeml_jsonl`);
- with ``--holdout K`` (default 4), every K-th document in file-name order (the 4th, 8th, ...) is
  reported apart as a blind check; the split was fixed before the data was looked at.

In both formats a document the pipeline raises on does not stop the scorer: its gold counts as
missed, the result's ``failures`` name it, the command prints it under ``FAILED`` after the
figures and exits 1 (:func:`diurna.evaluate.gold.run_scored`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import base_text, failure_lines, run_scored, scorer_main
from diurna.evaluate.places import _ratio, match, score_units
from diurna.model import Document

DEFAULT_GOLD = Path("gold") / "times.jsonl"


def _time_pair(g: dict[str, Any], p: Any) -> dict[str, float | None]:
    from diurna.time.values import calendar_value

    return {"exact": 1.0 if calendar_value(p.value) == g.get("value") else 0.0}


def score(gold_path: str | Path = DEFAULT_GOLD) -> dict[str, Any]:
    """Scorer figures for ``gold/times.jsonl``."""
    raw = score_units(gold_path, "times", _time_pair, lambda d: d.times)
    m = raw["matched"]
    ok = raw["sums"].get("exact", 0.0)
    return {
        "lines": raw["lines"], "gold": raw["gold"], "predicted": raw["pred"], "matched": m,
        "detection_precision": raw["precision"], "detection_recall": raw["recall"],
        "value_accuracy": _ratio(ok, m), "value_accuracy_all": _ratio(ok, raw["gold"]),
        "errors": raw["errors"], "failures": raw["failures"], "documents": raw["documents"],
    }


# ---------------------------------------------------------------------------------------------
# TimeML


@dataclass(slots=True)
class TimemlDoc:
    """One TimeML document: the text of its ``<TEXT>`` element, its creation date and its
    ``TIMEX3`` annotations as dicts (``start``, ``end``, ``text``, ``type``, ``value``)."""

    name: str
    text: str
    published: str | None
    timexes: list[dict[str, Any]] = field(default_factory=list)


def read_timeml(path: str | Path) -> TimemlDoc:
    """Parse one ``.tml`` file; offsets are into the tag-free text of its ``<TEXT>`` element."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise ValueError(f"{path}: not well-formed TimeML XML ({err}); check the file") from err
    published = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            published = (tx.get("value") or "")[:10] or None
            break
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element; is this a TimeML document?")
    parts: list[str] = []
    timexes: list[dict[str, Any]] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append({"start": start, "end": pos, "text": "".join(parts)[start:pos],
                            "type": el.get("type"), "value": el.get("value")})

    walk(body)
    # the body text: the element's inner text (its own text, children and their tails)
    return TimemlDoc(path.stem, "".join(parts), published, timexes)


def read_timeml_jsonl(path: str | Path) -> list[TimemlDoc]:
    """TimeML-style gold kept as offsets (``gold/times-timeml-wikinews-dev.jsonl``): each line
    names a ``source`` in the shared folder, the annotated region (``start``/``end``), the
    publication date and ``timexes`` (``start``, ``end``, ``type``, ``value``, offsets into the
    source's base text); the text itself is read from the shared folder, never stored."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if "timexes" not in row:
                raise ValueError(f"{path}:{n}: no 'timexes' key; is this TimeML-style gold?")
            base = base_text(row["source"])
            lo, hi = row["start"], row["end"]
            timexes = [{**t, "start": t["start"] - lo, "end": t["end"] - lo,
                        "text": base[t["start"]:t["end"]]} for t in row["timexes"]]
            docs.append(TimemlDoc(row["source"].rsplit("#", 1)[-1], base[lo:hi],
                                  row.get("published"), timexes))
    return docs


def is_timeml_jsonl(path: str | Path) -> bool:
    """Is ``path`` TimeML-style offset gold (its first line has ``timexes``)?"""
    path = Path(path)
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    return '"timexes"' in first


def timeml_files(path: str | Path) -> list[Path]:
    """The ``.tml`` files of ``path`` (a file or a folder), in name order.

    Names starting with ``._`` are left out: they are macOS resource forks (AppleDouble files,
    binary), which archives made on a Mac carry beside every file, e.g. the TempEval-3
    TBAQ-cleaned release (``TimeBank/._wsj_0006.tml`` beside ``TimeBank/wsj_0006.tml``)."""
    p = Path(path)
    if not p.exists():
        raise ValueError(f"no TimeML file or folder at {p}; give a .tml file or a folder of them")
    files = (sorted(f for f in p.glob("*.tml") if not f.name.startswith("._")) if p.is_dir()
             else [p])
    if not files:
        raise ValueError(f"no .tml files in {p}; give a TimeML file or a folder of them")
    return files


def run_timeml(docs: Iterable[TimemlDoc], failures: list[dict[str, str]] | None = None
               ) -> dict[str, Document]:
    """Language and time stages over each TimeML document's text (the other stages do not
    change ``doc.times``).

    With ``failures``, a document the stages raise on is noted there (source: its name) and
    kept unprocessed (:func:`~diurna.evaluate.gold.run_scored`: its gold counts as missed);
    without, the error propagates."""
    from diurna.language import Language
    from diurna.time import TimeResolver

    language, resolver = Language(), TimeResolver()

    def run(doc: Document) -> Document:
        return resolver(language(doc))

    out = {}
    for d in docs:
        make = partial(Document, id=d.name, source=d.name, text=d.text, published=d.published)
        out[d.name] = run(make()) if failures is None else run_scored(run, make, failures)
    return out


def dct_baseline(text: str, published: str | None) -> str | None:
    """Baseline: the document creation day for every expression."""
    return published


def dateparser_baseline(text: str, published: str | None) -> str | None:
    """Baseline: ``dateparser`` alone, relative to the creation date, formatted at the period
    it reports (day, month or year); ``None`` when it cannot read the expression."""
    from dateparser.date import DateDataParser

    base = dt.datetime.fromisoformat(published) if published else None
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base} if base else {})
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(
        str(data.period), d.strftime("%Y-%m-%d"))


def same_value(gold: str | None, pred: str | None) -> bool:
    """Are two TimeML values the same once written alike? AQUAINT writes some values in
    longer forms that mean the same: ``1998-W7`` for ``1998-W07``, ``199X`` for the decade
    ``199`` (TimeML 1.2.1's form), ``1994-XX-XX`` for the year ``1994``; and one length in
    several spellings (``P1E`` for ``P10Y``, ``P2Y6M`` for ``P30M``; see
    :func:`_canonical_duration`)."""
    return _canonical(gold) == _canonical(pred)


# a length's units in months (the calendar units, which convert exactly) and in days (weeks);
# TimeML writes decades, centuries and millennia E, C, L (TimeBank: "about a decade" P1E), TIMEX2
# and our values DE, CE, ML
_MONTHS = {"L": 12000, "ML": 12000, "C": 1200, "CE": 1200, "E": 120, "DE": 120, "Y": 12, "Q": 3,
           "M": 1}
_DATE_LENGTH = re.compile(r"^P((?:\d+(?:\.\d+)?(?:ML|CE|DE|[LCEYQMWD]))+)$")
_X_UNIT = {"DE": "E", "CE": "C", "ML": "L"}


def _canonical_duration(value: str) -> str:
    """One spelling for a length that TimeML annotators write several ways: ``P1E`` =
    ``P10Y``, ``P2Y6M`` = ``P30M``, ``P1Q`` = ``P3M``, ``P1W`` = ``P7D``, ``PT1M30S`` =
    ``PT90S``, ``PXDE`` = ``PXE`` (the same length; a day is not made 24 hours nor a month
    days, which are not always the same length)."""
    if value.startswith("PX"):
        return "PX" + _X_UNIT.get(value[2:], value[2:])
    clock = re.fullmatch(r"PT((?:\d+(?:\.\d+)?[HMS])+)", value)
    if clock:  # "a minute and a half": PT1M30S = PT90S
        seconds = sum(float(n) * {"H": 3600, "M": 60, "S": 1}[u]
                      for n, u in re.findall(r"(\d+(?:\.\d+)?)([HMS])", clock[1]))
        return f"PT{seconds:g}S"
    m = _DATE_LENGTH.match(value)
    if m is None:
        return value
    months = days = 0.0
    for num, unit in re.findall(r"(\d+(?:\.\d+)?)(ML|CE|DE|[LCEYQMWD])", m[1]):
        if unit in _MONTHS:
            months += float(num) * _MONTHS[unit]
        else:
            days += float(num) * (7 if unit == "W" else 1)
    if months and days:
        return value
    return f"P{months:g}M" if months else f"P{days:g}D"


def _canonical(value: str | None) -> str | None:
    if value is None:
        return None
    if value.startswith("P"):
        return _canonical_duration(value)
    v = re.sub(r"(?:-XX)+$", "", value)
    v = re.sub(r"-W(\d)$", r"-W0\1", v)
    return re.sub(r"^(\d{3})X$", r"\1", v)


def score_timeml(docs: Sequence[TimemlDoc], predicted: dict[str, Document],
                 baselines: dict[str, Callable[[str, str | None], str | None]] | None = None,
                 failures: Sequence[dict[str, str]] = ()) -> dict[str, Any]:
    """Figures for ``docs`` against their predictions (see the module docstring); the result's
    ``failures`` are those of :func:`run_timeml`'s ``failures`` that name one of ``docs``."""
    n_gold = n_pred = n_match = n_strict = n_type = 0
    by_type: dict[str, list[int]] = {}  # type -> [gold, found, value right]
    base_ok: dict[str, dict[str, int]] = {name: {} for name in baselines or {}}
    errors: list[dict[str, Any]] = []
    for d in docs:
        pred = predicted[d.name].times
        gold = d.timexes
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = dict(match(gold, pred))
        n_match += len(pairs)
        for gi, g in enumerate(gold):
            row = by_type.setdefault(g["type"], [0, 0, 0])
            row[0] += 1
            p = pred[pairs[gi]] if gi in pairs else None
            if p is not None:
                row[1] += 1
                n_strict += (p.start, p.end) == (g["start"], g["end"])
                n_type += p.kind.upper() == g["type"]  # TIMEX3 type: DATE, TIME, ...
                row[2] += same_value(g["value"], p.value)
            if p is None or not same_value(g["value"], p.value):
                errors.append({"doc": d.name, "published": d.published, "gold": g,
                               "pred": p.to_dict() if p is not None else None})
            for name, fn in (baselines or {}).items():
                ok = base_ok[name]
                right = same_value(g["value"], fn(g["text"], d.published))
                ok[g["type"]] = ok.get(g["type"], 0) + right
    out: dict[str, Any] = {
        "documents": len(docs), "gold": n_gold, "predicted": n_pred, "matched": n_match,
        "span_recall": _ratio(n_match, n_gold), "span_precision": _ratio(n_match, n_pred),
        "strict_span_recall": _ratio(n_strict, n_gold),
        # every type (DATE, TIME, DURATION, SET): value right over all gold, type right over
        # the expressions found
        "all_value_accuracy": _ratio(sum(row[2] for row in by_type.values()), n_gold),
        "type_accuracy": _ratio(n_type, n_match),
    }
    for kind in ("DATE", "DURATION"):
        g_n, n_found, n_right = by_type.get(kind, [0, 0, 0])
        out[f"{kind.lower()}_gold"] = g_n
        out[f"{kind.lower()}_value_accuracy"] = _ratio(n_right, g_n)
        out[f"{kind.lower()}_value_accuracy_found"] = _ratio(n_right, n_found)
        for name, ok in base_ok.items():
            out[f"{kind.lower()}_value_accuracy_{name}"] = _ratio(ok.get(kind, 0), g_n)
    out["errors"] = errors
    names = {d.name for d in docs}
    out["failures"] = [f for f in failures if f["source"] in names]
    return out


BASELINES: dict[str, Callable[[str, str | None], str | None]] = {
    "baseline_dct": dct_baseline, "baseline_dateparser": dateparser_baseline}


def timeml_parser() -> argparse.ArgumentParser:
    """The options of ``diurna evaluate times`` on TimeML gold (also shown by its plain
    ``--help``, which has no gold path to tell the format by)."""
    parser = argparse.ArgumentParser(
        prog="diurna evaluate times",
        description="Score temporal expressions against TimeML (.tml) gold: span recall and "
                    "precision, DATE and DURATION value accuracy, with two baselines.")
    parser.add_argument("gold", type=Path,
                        help="a .tml file, a folder of them, or TimeML-style offset JSONL "
                             "(lines with `timexes`, e.g. gold/times-timeml-wikinews-dev.jsonl)")
    parser.add_argument("--holdout", type=int, default=4, metavar="K",
                        help="report every K-th document (K-th, 2K-th, ... in name order) "
                             "apart as a held-out set; 0 for none (default: 4)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list every wrong or missed expression of the development "
                             "documents (JSON lines; held-out errors are never listed)")
    parser.add_argument("--dev-only", action="store_true",
                        help="print the development figures only (keeps the held-out set "
                             "unscored while rules are being written)")
    return parser


def timeml_main(argv: list[str]) -> int:
    """``diurna evaluate times PATH.tml|FOLDER [--holdout K] [--dev-only] [-v]``."""
    parser = timeml_parser()
    args = parser.parse_args(argv)
    if not args.gold.exists():
        parser.error(f"no TimeML file or folder at {args.gold}")
    try:
        docs = (read_timeml_jsonl(args.gold) if is_timeml_jsonl(args.gold)
                else [read_timeml(f) for f in timeml_files(args.gold)])
    except ValueError as err:
        parser.error(str(err))
    k = args.holdout
    held = [d for i, d in enumerate(docs) if k > 0 and i % k == k - 1]
    dev = [d for d in docs if d not in held]
    scored = dev if args.dev_only else docs
    failures: list[dict[str, str]] = []
    predicted = run_timeml(scored, failures)
    splits = [("all", docs)] + ([("development", dev), ("held-out", held)] if held else [])
    if args.dev_only:
        splits = [s for s in splits if s[0] == ("development" if held else "all")]
    errors: list[dict[str, Any]] = []
    for name, part in splits:
        result = score_timeml(part, predicted, BASELINES, failures)
        errs = result.pop("errors")
        result.pop("failures")  # named once, below
        if name == ("development" if held else "all"):
            errors = errs
        print(f"[{name}]")
        for key, value in result.items():
            print(f"{key:40} {value}")
    if args.verbose:
        for wrong in errors:
            print(json.dumps(wrong, ensure_ascii=False))
    for line in failure_lines(failures, len(scored)):
        print(line)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    target = next((a for a in args if not a.startswith("-")), None)
    if target is not None and (Path(target).is_dir() or target.endswith(".tml")
                               or is_timeml_jsonl(target)):
        return timeml_main(args)
    return scorer_main(args, score, DEFAULT_GOLD, "diurna evaluate times",
                       "Score temporal expression detection and values against a gold JSONL "
                       "file, or TimeML gold: a .tml file or folder, or TimeML-style offset "
                       "JSONL.", other=timeml_parser())


if __name__ == "__main__":
    raise SystemExit(main())
