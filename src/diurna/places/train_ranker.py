"""Train the places ranker on LGL and/or GeoVirus; report it against the rules, held out.

``python -m diurna.places.train_ranker ../shared/gold/geo/lgl.xml [../shared/gold/geo/GeoVirus.xml]
[--out FILE] [--seed N] [--folds 2] [--no-cross] [--cache DIR] [--no-write] [--verify]``

1. Each article is parsed once (spaCy, the language stage); ``--cache`` keeps the parses on
   disk for the next run.
2. Each gold toponym whose name has two or more readings becomes one ranking group: the
   features of every candidate (:func:`diurna.places.ranker.features`) and which one is the
   gold place: the same GeoNames id (LGL); else (GeoVirus has Wikipedia points, no ids) the
   candidate nearest the gold point if it lies within 161 km; else the group teaches nothing
   and is left out of training.
3. A conditional logit (softmax over each group's candidates, L2-penalised, NumPy, full-batch
   Adam from zero weights: deterministic) is fitted, twice (:func:`fit_ranker`): for pages of no
   listed outlet with the outlet features dropped, and for pages from a listed local outlet.
4. Grouped k-fold: each corpus's articles are shuffled with ``--seed`` and cut into ``--folds``
   parts; fold i of every corpus is held out together and resolved by a ranker fitted on the
   other folds of all corpora, given the gold toponyms (:meth:`PlaceResolver.resolve_spans`)
   and end to end (:meth:`PlaceResolver.resolve`), beside the rule resolver on the same
   articles. With two corpora, cross-corpus figures follow (fitted on all of one, scored on
   all of the other). Then a ranker fitted on every article is written to ``--out`` (default:
   the shipped ``places/sources/ranker.json``) unless ``--no-write``.
5. ``--verify`` writes nothing: it exits 1 unless ``--out`` is byte for byte the ranker fitted
   on every article now (:func:`diurna.reproduce.verify`; the file's ``meta`` keeps a
   fingerprint of its training rows, which tells a moved-on corpus or code from a bug).
   ``--folds 1 --no-cross`` skips the figures (about 1.5 minutes with ``--cache``).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from diurna.evaluate.gold import limit_arg
from diurna.evaluate.places import GeoArticle, _Tally, match, read_geo_xml
from diurna.model import Document
from diurna.places.ranker import FEATURES, Ranker, haversine_km
from diurna.places.resolver import PlaceResolver, ranking
from diurna.reproduce import ROWS_KEY, fingerprint, shipped_rows, verify

DEFAULT_OUT = Path(__file__).parent / "sources" / "ranker.json"
# L2 penalty per weight (on standardised features) and Adam steps
L2 = 1e-3
STEPS = 1500
RATE = 0.05
# the columns of the outlet features (see :func:`collect`)
OUTLET_COLUMNS = frozenset(FEATURES.index(f) for f in ("in_outlet_state", "outlet_near",
                                                       "outlet_161"))


@dataclass
class Groups:
    """Ranking groups: candidate rows (features), their group, and which rows are gold."""

    x: list[list[float]] = field(default_factory=list)
    group: list[int] = field(default_factory=list)
    gold: list[bool] = field(default_factory=list)
    n: int = 0

    def add(self, rows: list[list[float]], gold: list[bool]) -> None:
        self.x.extend(rows)
        self.group.extend([self.n] * len(rows))
        self.gold.extend(gold)
        self.n += 1


def parse(articles: list[GeoArticle], cache: Path | None) -> list[Document]:
    """The articles through the language stage (spaCy), reading/writing parses in ``cache``."""
    from spacy.tokens import DocBin

    from diurna.language.spacy_stage import MODEL, Language, _parsed_ahead, load_nlp

    nlp = load_nlp(MODEL)
    texts = [a.text for a in articles]
    digest = hashlib.sha1("\0".join(texts).encode()).hexdigest()[:12]
    path = cache / f"parses-{digest}.spacy" if cache else None
    if path is not None and path.exists():
        parsed = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        parsed = list(nlp.pipe(texts, batch_size=32))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=parsed).to_disk(path)
    lang = Language()
    docs = []
    for art, p in zip(articles, parsed, strict=True):
        _parsed_ahead[(MODEL, art.text)] = p
        docs.append(lang(Document(id=art.id[:64], source=art.id, text=art.text,
                                  published=art.published, url=art.url, language="en")))
    return docs


def article_groups(resolver: PlaceResolver, art: GeoArticle, doc: Document,
                   known: bool = True) -> list[tuple[list[list[float]], list[bool]]]:
    """The ranking groups of one article's gold toponyms (``known``: ranked as given spans,
    every reading; else as found ones, the plausible readings). The gold candidate is the one
    with the gold GeoNames id; else (GeoVirus gives Wikipedia points, no ids) the candidate
    nearest the gold point if within 161 km; else the toponym teaches nothing and is left out."""
    out: list[tuple[list[list[float]], list[bool]]] = []
    gaz = resolver.gazetteer
    ctx, given = resolver.given_mentions(doc, [(g.start, g.end) for g in art.toponyms])
    for g, m in zip(art.toponyms, given, strict=True):
        if m.forced is not None or g.lat is None or g.lon is None:
            continue
        name = doc.text[m.start:m.end]
        r = ranking(gaz.lookup(name), ctx, m.label, m.hint, name, known=known)
        if len(r.cands) < 2:
            continue
        gold = [g.geonameid is not None and e.geonameid == g.geonameid for e in r.cands]
        if not any(gold):
            dist = [haversine_km(e.lat, e.lon, g.lat, g.lon)
                    if e.lat is not None and e.lon is not None else 1e9 for e in r.cands]
            i = int(np.argmin(dist))
            if dist[i] > 161:
                continue
            gold[i] = True
        out.append((r.x, gold))
    return out


def _without_outlet(rows: list[list[float]]) -> list[list[float]] | None:
    """``rows`` with the outlet features zeroed, as for a page from no listed outlet; None when
    they are zero already."""
    if not any(r[i] for r in rows for i in OUTLET_COLUMNS):
        return None
    return [[0.0 if i in OUTLET_COLUMNS else v for i, v in enumerate(r)] for r in rows]


def collect(per_article: Iterable[list[tuple[list[list[float]], list[bool]]]],
            outlet: str = "keep") -> Groups:
    """One :class:`Groups` from the groups of several articles. ``outlet`` says what becomes
    of a group whose page comes from a listed outlet: "keep" it as it is, "drop" its outlet
    features (as for a page of no known outlet), or "both": the group as it is and again
    without them (the outlet model learns to weigh the outlet against the text's evidence, and
    still to read the text alone where the outlet says nothing)."""
    out = Groups()
    for groups in per_article:
        for rows, gold in groups:
            bare = _without_outlet(rows)
            if bare is None or outlet in ("keep", "both"):
                out.add(rows, gold)
            if bare is not None and outlet in ("drop", "both"):
                out.add(bare, gold)
    return out


def fit_ranker(per_article: Iterable[list[tuple[list[list[float]], list[bool]]]]) -> Ranker:
    """The shipped pair: a ranker for pages of no listed outlet, fitted with every outlet
    feature dropped, holding one for pages from a listed outlet (:attr:`Ranker.outlet`)."""
    articles = list(per_article)
    text = fit(collect(articles, outlet="drop"))
    text.outlet = fit(collect(articles, outlet="both"))
    return text


def fit(groups: Groups, l2: float = L2, steps: int = STEPS) -> Ranker:
    """A conditional logit over ``groups`` (deterministic: Adam from zero weights)."""
    x = np.asarray(groups.x, dtype=float)
    gid = np.asarray(groups.group)
    gold = np.asarray(groups.gold, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    starts = np.flatnonzero(np.r_[True, gid[1:] != gid[:-1]])
    n_groups = len(starts)
    w = np.zeros(z.shape[1])
    m1 = np.zeros_like(w)
    m2 = np.zeros_like(w)
    for t in range(1, steps + 1):
        s = z @ w
        s = s - np.maximum.reduceat(s, starts)[gid]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[gid]
        q = gold * e
        q = q / np.add.reduceat(q, starts)[gid]
        grad = z.T @ (p - q) / n_groups + 2 * l2 * w
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        w -= RATE * (m1 / (1 - 0.9 ** t)) / (np.sqrt(m2 / (1 - 0.999 ** t)) + 1e-8)
    return Ranker([round(float(v), 6) for v in w], [round(float(v), 6) for v in mean],
                  [round(float(v), 6) for v in scale], FEATURES,
                  {"groups": n_groups, "rows": int(len(gid)), "l2": l2, "steps": steps})


def evaluate(resolver: PlaceResolver, articles: list[GeoArticle],
             docs: list[Document]) -> dict[str, Any]:
    """Given-gold and end-to-end resolution figures of ``resolver`` on ``articles``."""
    given, found = _Tally(), _Tally()
    for art, doc in zip(articles, docs, strict=True):
        spans = [(g.start, g.end) for g in art.toponyms]
        for g, p in zip(art.toponyms, resolver.resolve_spans(doc, spans), strict=True):
            given.add(g, p)
        places = resolver.resolve(doc)
        for gi, pi in match([{"start": g.start, "end": g.end} for g in art.toponyms], places):
            found.add(art.toponyms[gi], places[pi])
    return {**given.figures("given_"), **found.figures("found_")}


def _row(label: str, figs: dict[str, Any]) -> str:
    def f(k: str) -> str:
        v = figs.get(k)
        return "-" if v is None else f"{v:.3f}"
    return (f"{label:<22} given exact {f('given_exact_id')}  acc@161 {f('given_acc_161km')}  "
            f"| found exact {f('found_exact_id')}  acc@161 {f('found_acc_161km')}")


@dataclass
class Corpus:
    """One gold corpus: its articles, their parses and each article's ranking groups."""

    name: str
    articles: list[GeoArticle]
    docs: list[Document]
    groups: list[list[tuple[list[list[float]], list[bool]]]]

    def folds(self, k: int, seed: int) -> list[list[int]]:
        """The article indices cut into ``k`` parts after a shuffle with ``seed``."""
        order = list(range(len(self.articles)))
        random.Random(seed).shuffle(order)
        return [sorted(order[i::k]) for i in range(k)]

    def score(self, resolver: PlaceResolver, idx: list[int]) -> dict[str, Any]:
        """:func:`evaluate` on the articles ``idx``."""
        return evaluate(resolver, [self.articles[i] for i in idx], [self.docs[i] for i in idx])


def load_corpus(path: Path, rules: PlaceResolver, cache: Path | None,
                limit: int | None) -> Corpus:
    """Read, parse and build the ranking groups of one gold XML file."""
    articles = read_geo_xml(path)[:limit]
    docs = parse(articles, cache)
    groups = [article_groups(rules, a, d) for a, d in zip(articles, docs, strict=True)]
    return Corpus(path.stem, articles, docs, groups)


def _mean(rows: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [k for k, v in rows[0].items() if isinstance(v, float)
            and k.endswith(("exact_id", "acc_161km"))]
    return {k: sum(r[k] for r in rows) / len(rows) for k in keys}


def cross_validate(corpora: list[Corpus], rules: PlaceResolver, k: int, seed: int) -> None:
    """Grouped k-fold over articles: fold i of every corpus is held out together, the ranker
    is fitted on the other folds of all corpora; held-out figures per corpus, rules beside."""
    folds = {c.name: c.folds(k, seed) for c in corpora}
    got: dict[str, list[dict[str, Any]]] = {c.name: [] for c in corpora}
    base: dict[str, list[dict[str, Any]]] = {c.name: [] for c in corpora}
    for i in range(k):
        ranker = fit_ranker(c.groups[j] for c in corpora for f, part in enumerate(folds[c.name])
                            if f != i for j in part)
        learned = PlaceResolver(rules.gazetteer, ranker)
        print(f"fold {i + 1}/{k}: trained on {ranker.meta['groups']} groups of the other folds")
        for c in corpora:
            test = folds[c.name][i]
            base[c.name].append(c.score(rules, test))
            got[c.name].append(c.score(learned, test))
            print(f"  {c.name}: {len(test)} held-out articles")
            print(_row("    rules (baseline)", base[c.name][-1]))
            print(_row("    learned ranker", got[c.name][-1]))
    print(f"mean of {k} folds (held out):")
    for c in corpora:
        print(f"  {c.name}")
        print(_row("    rules (baseline)", _mean(base[c.name])))
        print(_row("    learned ranker", _mean(got[c.name])))


def cross_corpus(corpora: list[Corpus], rules: PlaceResolver) -> None:
    """Trained on all of one corpus, scored on all of each other one (rules beside)."""
    if len(corpora) < 2:
        return
    print("cross-corpus (trained on one corpus, scored on another):")
    fitted = {c.name: PlaceResolver(rules.gazetteer, fit_ranker(c.groups)) for c in corpora}
    for c in corpora:
        everything = list(range(len(c.articles)))
        print(_row(f"  {c.name}: rules", c.score(rules, everything)))
        for other in corpora:
            if other is not c:
                print(_row(f"  {c.name}: from {other.name}",
                           c.score(fitted[other.name], everything)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m diurna.places.train_ranker",
        description="Train the places ranker on LGL and/or GeoVirus (grouped k-fold and "
                    "cross-corpus figures beside the rules), write it.")
    parser.add_argument("gold", type=Path, nargs="+",
                        help="lgl.xml and/or GeoVirus.xml (../shared/gold/geo/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="ranker JSON to write")
    parser.add_argument("--no-write", action="store_true", help="report the folds only")
    parser.add_argument("--seed", type=int, default=13, help="article shuffle seed")
    parser.add_argument("--folds", type=int, default=2,
                        help="article folds of the grouped cross-validation (1: skip it)")
    parser.add_argument("--no-cross", action="store_true", help="skip the cross-corpus figures")
    parser.add_argument("--cache", type=Path, default=None,
                        help="folder for spaCy parses (reused by the next run)")
    parser.add_argument("--limit", type=limit_arg, default=None, help="only the first N articles")
    parser.add_argument("--verify", action="store_true",
                        help="write nothing; exit 1 unless --out is what this script makes now")
    args = parser.parse_args(argv)
    for path in args.gold:
        if not path.exists():
            print(f"no gold file at {path}: give the path to lgl.xml or GeoVirus.xml "
                  "(../shared/gold/geo/)", file=sys.stderr)
            return 2
    rules = PlaceResolver(rules_only=True)
    corpora = [load_corpus(p, rules, args.cache, args.limit) for p in args.gold]
    if args.folds > 1:
        cross_validate(corpora, rules, args.folds, args.seed)
    if not args.no_cross:
        cross_corpus(corpora, rules)
    if args.verify or not args.no_write:
        groups = [g for c in corpora for g in c.groups]
        ranker = fit_ranker(groups)
        ranker.meta["trained_on"] = ", ".join(f"{p.name} ({len(c.articles)} articles)"
                                              for p, c in zip(args.gold, corpora, strict=True))
        ranker.meta[ROWS_KEY] = fingerprint(groups)
        if args.verify:
            return verify(ranker.dumps(), args.out, ranker.meta[ROWS_KEY],
                          shipped_rows(args.out, "meta"))
        ranker.save(args.out)
        print(f"wrote {args.out} ({ranker.meta['groups']} groups)")
        outlet = ranker.outlet or ranker
        print(f"  {'feature':<24} {'text':>7} {'outlet':>7}")
        for name, w, wo in sorted(zip(FEATURES, ranker.weights, outlet.weights, strict=True),
                                  key=lambda nw: -abs(nw[2])):
            print(f"  {name:<24} {w:+.3f}  {wo:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
