"""Score the statements stage (quotes: content, speaker, cue) against attribution gold.

Gold: ``gold/quotes-wikinews-*.jsonl`` (``docs/gold-format.md``; guidelines
``docs/annotation-quotes.md``), one line per article with every attribution of it. For every
article the pipeline's language, actors and statements stages run once on the article text, and
the predicted quotes are aligned to the gold attributions one to one.

**Content match** (how a prediction and a gold attribution are paired): both sides are turned into
sets of word tokens - maximal runs of letters/digits/underscore (``\\w+``), identified by their
character offset in the article; a gold attribution's tokens are those of all its content parts.
A pair is a candidate when the shared tokens are at least 50 % of the gold's tokens *and* at least
50 % of the prediction's tokens; candidates are taken greedily by Dice coefficient (best first;
on a tie the pair whose cue and speaker agree), each side used once. A gold attribution with no
content ("declined to comment") is then paired with a leftover prediction whose cue overlaps its
cue.

Figures: detection P/R/F1 (every gold attribution; also by kind: ``direct`` against predicted
direct quotes, ``indirect`` = gold indirect and mixed against predicted indirect ones), recall by
gold kind, and on matched pairs the speaker accuracy (see :func:`speaker_right`), cue accuracy
(cue spans overlap) and speaker code accuracy (3-letter prefix, where the gold gives a code);
direct-quote precision (predicted direct quotes matched to a gold direct or mixed attribution).
A 95 % bootstrap interval over articles is given for each, and a simple baseline
(:func:`baseline_quotes`) is scored beside every figure.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from diurna.evaluate.events import heldout_sources
from diurna.evaluate.gold import (
    base_text,
    failure_lines,
    gold_document,
    no_gold,
    read_jsonl,
    run_scored,
)
from diurna.model import Document, Quote
from diurna.statements.mentions import same_name

DEFAULT_GOLD = "gold/quotes-wikinews-train.jsonl"
THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"“([^“”\n]+?)”|\"([^\"\n]+?)\"")
# Word forms the baseline takes as cues: the common reporting verbs as printed.
_SPEECH_FORMS = frozenset((
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated",
    "states", "announced", "announces", "warned", "warns", "claimed", "claims", "insisted",
    "insists", "denied", "denies", "according", "asked", "asks", "wrote", "writes", "reported",
    "reports", "explained", "explains", "noted", "notes", "urged", "urges", "argued", "argues",
    "continued", "continues", "declared", "declares", "believes", "believe"))


@dataclass(frozen=True)
class Spn:
    """A character span ``[start, end)`` of the article with its text."""

    start: int
    end: int
    text: str = ""


@dataclass
class Attribution:
    """One side's attribution in the shape the matcher aligns (gold line or predicted quote)."""

    kind: str  # direct, indirect or mixed
    content: list[Spn]
    speaker: Spn | None = None
    speaker_name: str | None = None
    cue: Spn | None = None
    code: str | None = None
    tokens: frozenset[int] = field(default_factory=frozenset)
    source_kind: str | None = None  # person, organisation, document, unnamed
    via: Spn | None = None  # the channel of a reporting chain ("Reuters quoted X as saying")


def tokens_of(text: str, spans: Iterable[Spn]) -> frozenset[int]:
    """Offsets of the ``\\w+`` tokens of ``text`` that start inside one of ``spans``."""
    out: set[int] = set()
    for s in spans:
        out.update(s.start + m.start() for m in _WORD.finditer(text[s.start:s.end]))
    return frozenset(out)


def _spn(value: dict[str, Any] | None) -> Spn | None:
    if not value:
        return None
    return Spn(int(value["start"]), int(value["end"]), str(value.get("text", "")))


def from_gold(text: str, line: dict[str, Any], source: str) -> list[Attribution]:
    """The attributions of one gold line; a span that does not match the text is a one-line
    error naming the source."""
    out = []
    for i, att in enumerate(line.get("attributions") or []):
        spans = [_spn(c) for c in att.get("content") or []]
        for s in [*spans, _spn(att.get("speaker")), _spn(att.get("cue"))]:
            if s is not None and text[s.start:s.end] != s.text:
                raise ValueError(f"{source}: attribution {i}: {s.text!r} does not match the "
                                 f"article text at {s.start}-{s.end}; rebuild the gold file")
        content = [s for s in spans if s is not None]
        out.append(Attribution(
            kind=str(att.get("kind")), content=content, speaker=_spn(att.get("speaker")),
            speaker_name=att.get("speaker_name"), cue=_spn(att.get("cue")),
            code=att.get("speaker_code"), tokens=tokens_of(text, content),
            source_kind=att.get("source_kind"), via=_spn(att.get("via"))))
    return out


def from_quote(text: str, q: Quote) -> Attribution:
    """A predicted :class:`~diurna.model.Quote` as an :class:`Attribution`."""
    content = [Spn(p.start, p.end, p.text) for p in q.parts] or [Spn(q.start, q.end, q.text)]
    speaker = Spn(q.speaker.start, q.speaker.end, q.speaker.text) if q.speaker else None
    code = q.speaker.actor.cameo if q.speaker is not None and q.speaker.actor else None
    return Attribution(kind=q.kind, content=content, speaker=speaker,
                       cue=Spn(q.cue.start, q.cue.end, q.cue.text) if q.cue else None,
                       code=code, tokens=tokens_of(text, content),
                       source_kind=q.source_kind,
                       via=Spn(q.sources[0].start, q.sources[0].end, q.sources[0].text)
                       if q.sources else None)


def _overlap(a: Spn | None, b: Spn | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def match(gold: Sequence[Attribution], pred: Sequence[Attribution],
          threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` by content overlap (module docstring),
    then content-less gold attributions to leftover predictions by cue overlap."""
    cands = []
    for gi, g in enumerate(gold):
        if not g.tokens:
            continue
        for pi, p in enumerate(pred):
            shared = len(g.tokens & p.tokens)
            if p.tokens and shared >= threshold * len(g.tokens) and \
                    shared >= threshold * len(p.tokens):
                dice = 2 * shared / (len(g.tokens) + len(p.tokens))
                cands.append((-dice, -_overlap(g.cue, p.cue), -speaker_right(g, p), gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    for gi, g in enumerate(gold):
        if g.tokens or gi in used_g:
            continue
        for pi, p in enumerate(pred):
            if pi not in used_p and _overlap(g.cue, p.cue):
                used_g.add(gi)
                used_p.add(pi)
                pairs.append((gi, pi))
                break
    return sorted(pairs)


def _names(a: Attribution) -> list[str]:
    return [n for n in (a.speaker_name, a.speaker.text if a.speaker else None) if n]


def speaker_right(gold: Attribution, pred: Attribution) -> bool:
    """The predicted speaker is right when its span overlaps the gold speaker span, or when its
    text names the same source (:func:`same_name`) as the gold's ``speaker_name`` or speaker
    text (a pronoun resolved to the person, a name given in full elsewhere). A gold attribution
    with no speaker at all ("it was reported") is right only with no predicted speaker."""
    if gold.speaker is None and not gold.speaker_name:
        return pred.speaker is None and not pred.speaker_name
    if _overlap(gold.speaker, pred.speaker):
        return True
    return any(same_name(g, p) for g in _names(gold) for p in _names(pred))


def needs_resolving(gold: Attribution) -> bool:
    """The gold speaker is a pronoun or a short reference ("he", "the minister", "the group")
    whose ``speaker_name`` names someone else in the article: only the resolved name counts as
    right for the "speaker named" figure (an overlap with "he" does not)."""
    return bool(gold.speaker is not None and gold.speaker_name
                and not same_name(gold.speaker_name, gold.speaker.text))


def tally(gold: Sequence[Attribution], pred: Sequence[Attribution],
          pairs: Sequence[tuple[int, int]]) -> Counter[str]:
    """The counts of one article from which every figure is computed (see :func:`figures`)."""
    c: Counter[str] = Counter()
    c["gold"] += len(gold)
    c["pred"] += len(pred)
    c["tp"] += len(pairs)
    for g in gold:
        c[f"gold_{g.kind}"] += 1
        c[f"gold_sk_{g.source_kind}"] += 1
        c["gold_parts_" + ("many" if len(g.content) > 1 else "none" if not g.content
                           else "one")] += 1
        c["gold_bucket_" + ("direct" if g.kind == "direct" else "indirect")] += 1
    for p in pred:
        c["pred_bucket_" + ("direct" if p.kind == "direct" else "indirect")] += 1
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        c[f"found_{g.kind}"] += 1
        c[f"found_sk_{g.source_kind}"] += 1
        c["found_parts_" + ("many" if len(g.content) > 1 else "none" if not g.content
                            else "one")] += 1
        gb = "direct" if g.kind == "direct" else "indirect"
        pb = "direct" if p.kind == "direct" else "indirect"
        if gb == pb:
            c[f"tp_bucket_{gb}"] += 1
        if pb == "direct" and g.kind in ("direct", "mixed"):
            c["direct_really_quoted"] += 1
        c["speaker_right"] += speaker_right(g, p)
        if needs_resolving(g):
            c["resolve_n"] += 1
            c["resolve_right"] += bool(p.speaker and g.speaker_name
                                       and same_name(g.speaker_name, p.speaker.text))
        c["cue_right"] += _overlap(g.cue, p.cue)
        if g.via is not None:
            c["via_n"] += 1
            c["via_right"] += _overlap(g.via, p.via) or bool(
                p.via and same_name(g.via.text, p.via.text))
        if g.source_kind:
            c["sk_n"] += 1
            c["sk_right"] += p.source_kind == g.source_kind
        if g.code:
            c["code_n"] += 1
            c["code_right"] += bool(p.code and p.code[:3] == g.code[:3])
    return c


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def figures(c: Counter[str]) -> dict[str, Any]:
    """Every reported figure from summed counts."""
    out: dict[str, Any] = {
        "detection": _prf(c["tp"], c["pred"], c["gold"]),
        "direct": _prf(c["tp_bucket_direct"], c["pred_bucket_direct"], c["gold_bucket_direct"]),
        "indirect": _prf(c["tp_bucket_indirect"], c["pred_bucket_indirect"],
                         c["gold_bucket_indirect"]),
        "speaker": _ratio(c["speaker_right"], c["tp"]),
        "speaker_resolved": _ratio(c["resolve_right"], c["resolve_n"]),
        "cue": _ratio(c["cue_right"], c["tp"]),
        "speaker_code": _ratio(c["code_right"], c["code_n"]),
        "source_kind": _ratio(c["sk_right"], c["sk_n"]),
        "via": _ratio(c["via_right"], c["via_n"]),
        "direct_precision": _ratio(c["direct_really_quoted"], c["pred_bucket_direct"]),
    }
    for kind in ("direct", "indirect", "mixed"):
        out[f"recall_{kind}"] = _ratio(c[f"found_{kind}"], c[f"gold_{kind}"])
    for sk in SOURCE_KINDS:
        out[f"recall_{sk}"] = _ratio(c[f"found_sk_{sk}"], c[f"gold_sk_{sk}"])
    for parts in ("one", "many", "none"):
        out[f"recall_parts_{parts}"] = _ratio(c[f"found_parts_{parts}"], c[f"gold_parts_{parts}"])
    return out


SOURCE_KINDS = ("person", "organisation", "document", "unnamed")
FLAT = ("detection.f1", "detection.precision", "detection.recall", "direct.f1", "indirect.f1",
        "recall_direct", "recall_indirect", "recall_mixed", "speaker", "speaker_resolved", "cue",
        "speaker_code",
        "source_kind", "via",
        "direct_precision", *(f"recall_{sk}" for sk in SOURCE_KINDS), "recall_parts_one",
        "recall_parts_many", "recall_parts_none")


def _get(figs: dict[str, Any], key: str) -> float | None:
    head, _, tail = key.partition(".")
    value = figs[head]
    return value[tail] if tail else value  # type: ignore[no-any-return]


def bootstrap(per_article: Sequence[Counter[str]], rounds: int = 1000, seed: int = 0
              ) -> dict[str, tuple[float, float]]:
    """95 % intervals of every figure in :data:`FLAT`, resampling whole articles with
    replacement (attributions of one article are not independent)."""
    rng = random.Random(seed)
    values: dict[str, list[float]] = {k: [] for k in FLAT}
    if not per_article:
        return {k: (0.0, 0.0) for k in FLAT}
    for _ in range(rounds):
        total: Counter[str] = Counter()
        for _ in per_article:
            total.update(per_article[rng.randrange(len(per_article))])
        figs = figures(total)
        for k in FLAT:
            v = _get(figs, k)
            if v is not None:
                values[k].append(v)
    out = {}
    for k, vs in values.items():
        vs.sort()
        out[k] = (vs[int(0.025 * len(vs))], vs[max(0, int(0.975 * len(vs)) - 1)]) if vs \
            else (0.0, 0.0)
    return out


def baseline_quotes(doc: Document) -> list[Attribution]:
    """The simple baseline: every span in quotation marks (straight or curly, on one line) is a
    direct quote; its speaker is the nearest PERSON entity of the same paragraph and its cue the
    nearest reporting-verb form (:data:`_SPEECH_FORMS`) of the same paragraph."""
    text = doc.text
    persons = [e for e in doc.entities if e.label == "PERSON"]
    verbs = [Spn(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)
             if m.group().lower() in _SPEECH_FORMS]
    out = []
    for m in _QUOTED.finditer(text):
        g = 1 if m.group(1) is not None else 2
        start, end = m.start(g), m.end(g)
        para_start = text.rfind("\n", 0, start) + 1
        para_end = text.find("\n", end)
        para_end = len(text) if para_end < 0 else para_end

        def near(spans: Iterable[Any], s: int = start, e: int = end, ps: int = para_start,
                 pe: int = para_end) -> Spn | None:
            inside = [x for x in spans if ps <= x.start and x.end <= pe
                      and (x.end <= s or x.start >= e)]
            if not inside:
                return None
            best = min(inside, key=lambda x: min(abs(x.start - e), abs(s - x.end)))
            return Spn(best.start, best.end, best.text)

        content = [Spn(start, end, text[start:end])]
        out.append(Attribution(kind="direct", content=content, speaker=near(persons),
                               cue=near(verbs), tokens=tokens_of(text, content),
                               source_kind="person"))
    return out


def default_runner() -> Callable[[Document], Document]:
    """The default pipeline up to the statements stage (language, actors, statements)."""
    from diurna.pipeline import Pipeline

    full = Pipeline.default()
    return Pipeline(full.components[: full.names.index("statements") + 1])


def _doc(source: str, line: dict[str, Any], shared: Path | None) -> Document:
    return gold_document(source, line.get("published"), shared)


def score(gold_path: str | Path = DEFAULT_GOLD, *,
          runner: Callable[[Document], Document] | None = None, baseline: bool = True,
          shared: Path | None = None, heldout: set[str] | None = None,
          errors: list[str] | None = None) -> dict[str, Any]:
    """Score the statements stage (and the baseline) against a quote gold file.

    ``errors``, when given, receives one line per missed, spurious and mismatched attribution;
    it is refused when the file holds held-out sources (``<gold>-heldout.txt``)."""
    held = heldout if heldout is not None else heldout_sources(gold_path)
    lines = list(read_jsonl(gold_path))
    if errors is not None and any(ln["source"] in held for ln in lines):
        raise ValueError(f"{gold_path} holds held-out sources: aggregate figures only, no "
                         "error listing (-v)")
    run = runner or default_runner()
    per_article: list[Counter[str]] = []
    per_article_base: list[Counter[str]] = []
    failures: list[dict[str, str]] = []
    for line in lines:
        source = line["source"]
        doc = run_scored(run, partial(_doc, source, line, shared), failures)
        gold = from_gold(doc.text, line, source)
        pred = [from_quote(doc.text, q) for q in doc.quotes]
        pairs = match(gold, pred)
        per_article.append(tally(gold, pred, pairs))
        if baseline:
            base = baseline_quotes(doc)
            per_article_base.append(tally(gold, base, match(gold, base)))
        if errors is not None:
            _list_errors(errors, source, gold, pred, pairs)
    result: dict[str, Any] = {
        "gold": str(gold_path), "articles": len(lines),
        "counts": dict(sum(per_article, Counter())),
        "figures": figures(sum(per_article, Counter())),
        "ci95": bootstrap(per_article),
        "failures": failures,
    }
    if baseline:
        result["baseline"] = {"figures": figures(sum(per_article_base, Counter())),
                              "ci95": bootstrap(per_article_base)}
    return result


def _show(a: Attribution) -> str:
    content = " | ".join(s.text for s in a.content)
    speaker = a.speaker.text if a.speaker else a.speaker_name
    return (f"{a.kind} {content[:90]!r} speaker={speaker!r} "
            f"cue={a.cue.text if a.cue else None!r}")


def _list_errors(out: list[str], source: str, gold: list[Attribution],
                 pred: list[Attribution], pairs: list[tuple[int, int]]) -> None:
    lines = []
    gm = {g for g, _ in pairs}
    pm = {p for _, p in pairs}
    lines += [f"  FN {_show(g)}" for i, g in enumerate(gold) if i not in gm]
    lines += [f"  FP {_show(p)}" for i, p in enumerate(pred) if i not in pm]
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        diffs = []
        if not speaker_right(g, p):
            diffs.append(f"speaker {g.speaker.text if g.speaker else None!r}"
                         f"/{g.speaker_name!r} vs {p.speaker.text if p.speaker else None!r}")
        if not _overlap(g.cue, p.cue):
            diffs.append(f"cue {g.cue.text if g.cue else None!r} vs "
                         f"{p.cue.text if p.cue else None!r}")
        if diffs:
            lines.append(f"  OK {g.kind}->{p.kind} {g.content[0].text[:60] if g.content else ''!r}"
                         f": " + "; ".join(diffs))
    if lines:
        out.append(source.rpartition("#")[2])
        out.extend(lines)


_LABELS = (
    ("detection.precision", "detection P"), ("detection.recall", "detection R"),
    ("detection.f1", "detection F1"), ("direct.f1", "direct F1 (kind right)"),
    ("indirect.f1", "indirect F1 (kind right)"), ("recall_direct", "recall of gold direct"),
    ("recall_indirect", "recall of gold indirect"), ("recall_mixed", "recall of gold mixed"),
    ("speaker", "speaker accuracy"),
    ("speaker_resolved", "speaker named (he/the minister)"), ("cue", "cue accuracy"),
    ("speaker_code", "speaker code (prefix)"), ("source_kind", "source kind"),
    ("via", "reporting chain (via)"),
    ("direct_precision", "direct-quote precision"),
    *((f"recall_{sk}", f"recall, {sk} sources") for sk in SOURCE_KINDS),
    ("recall_parts_one", "recall, one content part"),
    ("recall_parts_many", "recall, split quotes"), ("recall_parts_none", "recall, no content"),
)


def format_report(result: dict[str, Any], names: tuple[str, str] = ("statements", "baseline")
                  ) -> str:
    """The figures as a table: ours with its interval, the baseline beside each."""
    c = result["counts"]
    width = max(len(label) for _, label in _LABELS)  # one column, however long a label
    out = [f"gold: {result['gold']}  articles: {result['articles']}  gold attributions: "
           f"{c.get('gold', 0)}  predicted: {c.get('pred', 0)}  matched: {c.get('tp', 0)}",
           f"{'figure':{width}} {names[0]:>10} {'95% CI':>13}   {names[1]:>10}"]
    base = result.get("baseline")
    for key, label in _LABELS:
        v = _get(result["figures"], key)
        lo, hi = result["ci95"][key]
        b = _get(base["figures"], key) if base else None
        vs = "n/a" if v is None else f"{v:.3f}"
        bs = "" if base is None else ("n/a" if b is None else f"{b:.3f}")
        out.append(f"{label:{width}} {vs:>10} {lo:>6.3f}-{hi:<6.3f}   {bs:>10}")
    out.append(f"(match: >= {THRESHOLD:.0%} of each side's word tokens shared; speaker and cue "
               "on matched pairs)")
    out += failure_lines(result.get("failures", []), result["articles"])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="diurna evaluate quotes",
        description="Score quotes (content, speaker, cue) against attribution gold.")
    parser.add_argument("gold", nargs="?", default=DEFAULT_GOLD,
                        help=f"quote gold JSONL (default: {DEFAULT_GOLD})")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every error (refused on held-out sources)")
    # spelt as `evaluate events --baseline`; --no-baseline kept as the old spelling of `none`
    parser.add_argument("--baseline", choices=("keyword", "none"), default="keyword",
                        help="a baseline scored on the same articles and printed beside the "
                             "figures (default: keyword, spans in quotation marks with the "
                             "nearest person and reporting-verb word of their paragraph)")
    parser.add_argument("--no-baseline", dest="baseline", action="store_const", const="none",
                        help="the same as --baseline none")
    args = parser.parse_args(argv)
    if not Path(args.gold).exists():
        print(no_gold(args.gold), file=sys.stderr)
        return 2
    errors: list[str] | None = [] if args.verbose else None
    if errors is not None and heldout_sources(args.gold) & {
            ln["source"] for ln in read_jsonl(args.gold)}:
        print(f"-v refused: {args.gold} holds held-out sources (aggregate figures only)",
              file=sys.stderr)
        return 2
    try:
        result = score(args.gold, baseline=args.baseline != "none", errors=errors)
    except ValueError as err:
        print(f"diurna evaluate quotes: {err}", file=sys.stderr)
        return 2
    if errors:
        print("\n".join(errors))
    print(format_report(result))
    return 1 if result.get("failures") else 0


def agreement(first: str | Path, second: str | Path, shared: Path | None = None
              ) -> dict[str, Any]:
    """Agreement between two annotations of the same articles, with the scorer's alignment and
    figures (``first`` as gold, ``second`` in the predicted role; F1 is symmetric). Only articles
    present in both files are compared."""
    one = {ln["source"]: ln for ln in read_jsonl(first)}
    two = {ln["source"]: ln for ln in read_jsonl(second)}
    per_article = []
    for source in [s for s in one if s in two]:
        text = base_text(source, shared)
        a = from_gold(text, one[source], source)
        b = from_gold(text, two[source], source)
        per_article.append(tally(a, b, match(a, b)))
    total = sum(per_article, Counter())
    return {"gold": f"{first} vs {second}", "articles": len(per_article),
            "counts": dict(total), "figures": figures(total), "ci95": bootstrap(per_article)}


def agreement_main(argv: list[str] | None = None) -> int:
    """``diurna evaluate quotes-agreement FIRST SECOND``."""
    parser = argparse.ArgumentParser(
        prog="diurna evaluate quotes-agreement",
        description="Inter-annotator agreement between two quote gold files (shared articles).")
    parser.add_argument("first", help="the first annotation (gold role)")
    parser.add_argument("second", help="the second annotation of (some of) the same articles")
    args = parser.parse_args(argv)
    for path in (args.first, args.second):
        if not Path(path).exists():
            print(no_gold(path), file=sys.stderr)
            return 2
    try:
        result = agreement(args.first, args.second)
    except ValueError as err:
        print(f"diurna evaluate quotes-agreement: {err}", file=sys.stderr)
        return 2
    print(format_report(result, names=("agreement", "")))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
