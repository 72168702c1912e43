"""Study: the people the Wikinews corpus names most that the actor dictionary lacks (issue #12,
brief A2, session 39, docs/actors.md round 36).

    PYTHONPATH=<tree>/src python bench/corpus_persons.py [--top 200] [--cache FILE.json]

Runs the language model's named-entity recogniser (the model the language stage loads; parser
and tagger off, as only PERSON entities are read) over every article of the corpus
``$DIURNA_SHARED/corpus/wikinews-politics-2004-2009/articles.jsonl``. Within an article a PERSON
name is merged with the longest name of the article that ends in the same surname, as the actors
stage links a later "Clinton" to an earlier "Hillary Clinton". A merged name is *known* when its
full name or its surname is an alias of a dictionary person. The unknown names are printed most
frequent first (articles naming them, then mentions), with the years of those articles. No gold
is read: the list is chosen from the corpus text alone. The entities are cached (``--cache``),
so a second run only re-checks the dictionary.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

from diurna.actors.dictionary import ActorDictionary
from diurna.language.spacy_stage import MODEL

CORPUS = "corpus/wikinews-politics-2004-2009/articles.jsonl"
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def surname(name: str) -> str:
    """The lower-case last word of a name before a suffix ("Jr.")."""
    words = [w for w in re.split(r"\s+", name.strip().lower()) if w]
    while len(words) > 1 and words[-1].strip(",") in SUFFIXES:
        words.pop()
    return words[-1].strip(",") if words else ""


def clean(name: str) -> str:
    """A PERSON entity's text without a possessive and outer punctuation."""
    name = re.sub(r"['’]s?$", "", " ".join(name.split()))
    return name.strip(" .,;:\"'()[]")


def entities(cache: Path) -> list[dict[str, object]]:
    """Per article: its id, year and PERSON entity texts (from the cache when present)."""
    if cache.exists():
        data: list[dict[str, object]] = json.loads(cache.read_text(encoding="utf-8"))
        return data
    import spacy

    nlp = spacy.load(MODEL, disable=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    path = Path(os.environ.get("DIURNA_SHARED", "/work/shared")) / CORPUS
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    out: list[dict[str, object]] = []
    texts = ((r["text"], r) for r in rows)
    for doc, row in nlp.pipe(texts, as_tuples=True, batch_size=32):
        names = [clean(e.text) for e in doc.ents if e.label_ == "PERSON"]
        out.append({"id": row["id"], "year": (row.get("published") or "")[:4],
                    "persons": [n for n in names if n]})
    cache.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def merged(names: list[str]) -> Counter[str]:
    """Mentions per name of one article, each surname merged into its longest full name."""
    longest: dict[str, str] = {}
    for n in names:
        key = surname(n)
        if len(n.split()) > len(longest.get(key, "").split()):
            longest[key] = n
    return Counter(longest[surname(n)] for n in names)


def known(d: ActorDictionary, name: str) -> bool:
    """Whether the full name or its surname is an alias of a dictionary actor."""
    return any(a.kind == "actor" for text in (name, surname(name)) for a in d.readings(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=200)
    parser.add_argument("--cache", default="/tmp/corpus_persons.json")
    args = parser.parse_args(argv)
    d = ActorDictionary.load(env=False)
    arts: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    years: dict[str, Counter[str]] = defaultdict(Counter)
    rows = entities(Path(args.cache))
    for row in rows:
        persons = row["persons"]
        assert isinstance(persons, list)
        for name, n in merged(persons).items():
            if len(name.split()) < 2 or known(d, name):
                continue  # a lone word the article never names in full: no name to add
            arts[name] += 1
            mentions[name] += n
            years[name][str(row["year"])] += 1
    print(f"{len(rows)} articles; {len(arts)} unknown full names")
    for name, a in sorted(arts.items(), key=lambda kv: (-kv[1], -mentions[kv[0]]))[:args.top]:
        span = ",".join(f"{y}:{c}" for y, c in sorted(years[name].items()))
        print(f"{a:4d} {mentions[name]:5d}  {name}  [{span}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
