"""How far a published valence lexicon reaches the evaluations in what speakers say (issue #12,
round 31).

    python bench/valence_study.py GOLD [GOLD ...] --lexicon vader_lexicon.txt [--min 2.0]

Round 28 found a third of the learned coder's bare misses on unseen news to be ACCUSEs on the
evaluation words inside a statement ("his hypocrisy knows no bounds", "'inflammatory'"), in words
that repeat neither within the gold nor in the trigger lexicon, so no word list built from our own
gold can generalise. A lexicon rated by other people on other text might: this script measures,
before any coder change, (1) how many of the coder's ACCUSE / SUPPORT / REJECT misses carry a word
of strong valence (|v| >= ``--min``, the sign the type calls for) in their trigger or in the content
of the statement that holds them, and (2) how many statements holding such a word have no gold
event of the type in their unit (the false events a rule would make); then (3) scores the simplest
rule the idea allows: one ACCUSE (SUPPORT for a positive word) on the strongest such word of every
statement in which the coder coded nothing. The lexicon is read from a file in VADER's format
(word, mean valence, ...; tab separated: ``vader_lexicon.txt`` inside the ``vadersentiment``
wheel), so the project needs no new dependency to run it. Development files only: frozen test
files are refused; the blind sets the session notes name must not be passed.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from diurna.evaluate.events import gold_trigger_span, unit_pairs
from diurna.evaluate.gold import frozen, gold_document
from diurna.model import Document, Event, Quote, Span
from diurna.pipeline import Pipeline
from event_causes import MISS_CAUSES, _add, figure, miss_cause, read_sources, sort_errors

# The types an evaluation can carry and the sign of the valence that points to each.
SIGNS = {"ACCUSE": -1, "REJECT": -1, "SUPPORT": +1}
MISS_ROWS = ("bare misses", "in a statement's content", "trigger: any lexicon word",
             "trigger: a strong word of the type's sign",
             "the statement holds a strong word of the type's sign")
STATEMENT_ROWS = ("statements holding a strong word", "unit: an uncoded gold event of the type",
                  "unit: gold of the type, all coded", "unit: no gold event of the type",
                  "nothing coded in the statement", "— and an uncoded gold event of the type",
                  "— and no gold event of the type")


def read_lexicon(path: Path) -> dict[str, float]:
    """Word (lower case) -> mean valence, from a file in VADER's format (tab separated: word,
    mean, standard deviation, ratings); lines without a number in the second field are skipped."""
    lexicon: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        try:
            lexicon[fields[0].strip().lower()] = float(fields[1])
        except (IndexError, ValueError):
            continue
    return lexicon


def valence(tok: Any, lexicon: dict[str, float]) -> float:
    """The valence of a word by its own form, else its lemma (the lexicon lists inflected forms
    separately, and not all of them); 0 when it lists neither."""
    v = lexicon.get(tok.lower_)
    return v if v is not None else lexicon.get(tok.lemma_.lower(), 0.0)


def pieces(quote: Quote) -> list[tuple[int, int]]:
    """The offsets of a statement's content pieces (its whole span for a one-piece one)."""
    return [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]


def content_tokens(doc: Document, quote: Quote) -> list[Any]:
    """The words of a statement's content (:func:`pieces`), without the cue or the speaker's
    words that a split quote's span runs over."""
    spans = pieces(quote)
    skip = [s for s in (quote.cue, quote.speaker) if s is not None]
    return [t for start, end in spans
            for t in doc.nlp.char_span(start, end, alignment_mode="expand") or ()
            if not any(s.start <= t.idx < s.end for s in skip)]


def strongest(words: Sequence[Any], lexicon: dict[str, float], sign: int,
              minimum: float) -> Any | None:
    """The word of ``words`` whose valence has ``sign`` and the largest size, if that size is
    at least ``minimum``."""
    best = max(words, key=lambda t: sign * valence(t, lexicon), default=None)
    return best if best is not None and sign * valence(best, lexicon) >= minimum else None


def valence_events(doc: Document, lexicon: dict[str, float], minimum: float) -> list[Event]:
    """The simplest rule the idea allows: in every statement whose content holds no coded
    event, an ACCUSE on its strongest negative word and a SUPPORT on its strongest positive
    one (``minimum`` the least size), as the statement's evaluation (docs/annotation-events.md
    §4 makes the evaluation word the trigger when a neutral verb introduces the act)."""
    out: list[Event] = []
    for quote in doc.quotes:
        if any(quote.start <= e.trigger.start < quote.end for e in doc.events):
            continue
        words = content_tokens(doc, quote)
        for etype, sign in (("ACCUSE", -1), ("SUPPORT", +1)):
            tok = strongest(words, lexicon, sign, minimum)
            if tok is None:
                continue
            sent = tok.sent
            out.append(Event(id=f"{doc.id}:v{len(out)}", type=etype,
                             trigger=Span(tok.idx, tok.idx + len(tok), tok.text),
                             sentence=Span(sent.start_char, sent.end_char, sent.text),
                             status="asserted"))
    return out


def tally(doc: Document, units: Sequence[dict[str, Any]], lexicon: dict[str, float],
          minimum: float, misses: Counter[tuple[str, str]],
          statements: Counter[tuple[str, str]]) -> None:
    """Add one coded article's rows of :data:`MISS_ROWS` (per type of :data:`SIGNS`) and of
    :data:`STATEMENT_ROWS` (ACCUSE for negative words, SUPPORT for positive ones)."""
    for unit in units:
        start, end = int(unit["start"]), int(unit["end"])
        gold, pred, pairs = unit_pairs(unit, doc.events)
        found = {id(g) for g, _ in pairs}
        quotes = [q for q in doc.quotes if q.start < end and start < q.end]
        for g in gold:
            etype = str(g.get("type"))
            if etype not in SIGNS or id(g) in found or miss_cause(g, pred) != MISS_CAUSES[1]:
                continue
            sign = SIGNS[etype]
            s, e = gold_trigger_span(g)
            trigger = list(doc.nlp.char_span(s, e, alignment_mode="expand") or ())
            holder = next((q for q in quotes if any(a <= s < b for a, b in pieces(q))), None)
            for row, hit in zip(MISS_ROWS, (
                    True, holder is not None,
                    any(valence(t, lexicon) for t in trigger),
                    strongest(trigger, lexicon, sign, minimum) is not None,
                    holder is not None and strongest(content_tokens(doc, holder), lexicon, sign,
                                                     minimum) is not None), strict=True):
                misses[(etype, row)] += hit
        for quote in quotes:
            if not start <= quote.start < end:
                continue
            coded = [p for p in pred if quote.start <= p.trigger.start < quote.end]
            for etype, sign in (("ACCUSE", -1), ("SUPPORT", +1)):
                if strongest(content_tokens(doc, quote), lexicon, sign, minimum) is None:
                    continue
                of_type = [g for g in gold if g.get("type") == etype]
                uncoded = any(id(g) not in found for g in of_type)
                for row, hit in zip(STATEMENT_ROWS, (
                        True, uncoded, bool(of_type) and not uncoded, not of_type, not coded,
                        not coded and uncoded, not coded and not of_type), strict=True):
                    statements[(etype, row)] += hit


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path, help="development gold files")
    ap.add_argument("--lexicon", type=Path, required=True,
                    help="a valence lexicon in VADER's format (vader_lexicon.txt)")
    ap.add_argument("--min", type=float, default=2.0, help="least |valence| counted as strong")
    args = ap.parse_args(argv)
    refused = [g for g in args.gold if frozen(g)]
    if refused:
        print(f"{refused[0]}: a frozen test file; it is never read", file=sys.stderr)
        return 2
    try:  # every file read before any model is loaded: a bad one stops the run at once
        lexicon = read_lexicon(args.lexicon)
        golds = {path: read_sources(path) for path in args.gold}
    except (OSError, ValueError) as err:
        print(f"valence_study: {err}", file=sys.stderr)
        return 2
    pipe = Pipeline.default(coder="learned")
    before = pipe.components[:pipe.names.index("events")]
    coder, keyword = pipe.get("events"), Pipeline.default(coder="keyword").get("events")
    misses: Counter[tuple[str, str]] = Counter()
    statements: Counter[tuple[str, str]] = Counter()
    pooled = {"learned": (0, 0, 0), "learned + rule": (0, 0, 0), "keyword": (0, 0, 0)}
    for path, by_source in golds.items():
        counts = dict.fromkeys(pooled, (0, 0, 0))
        for source, units in by_source.items():
            doc = gold_document(source, units[0].get("published"))
            for stage in before:
                doc = stage(doc)
            kw_doc = keyword(copy.copy(doc))  # its own events list; the parse is shared
            doc = coder(doc)
            tally(doc, units, lexicon, args.min, misses, statements)
            added = doc.events + valence_events(doc, lexicon, args.min)
            for name, events in (("learned", doc.events), ("learned + rule", added),
                                 ("keyword", kw_doc.events)):
                counts[name] = _add(counts[name], sort_errors(doc, units, events)[0])
        print(f"{path.stem}: " + " | ".join(f"{n} {figure(c)}" for n, c in counts.items()),
              flush=True)
        pooled = {n: _add(pooled[n], counts[n]) for n in pooled}
    if len(args.gold) > 1:
        print("pooled: " + " | ".join(f"{n} {figure(c)}" for n, c in pooled.items()))
    print(f"|valence| >= {args.min}")
    for etype in SIGNS:
        print(f"{etype}: " + " | ".join(f"{row} {misses[(etype, row)]}" for row in MISS_ROWS))
    for row in STATEMENT_ROWS:
        print(f"{row}: negative -> ACCUSE {statements[('ACCUSE', row)]} | "
              f"positive -> SUPPORT {statements[('SUPPORT', row)]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
