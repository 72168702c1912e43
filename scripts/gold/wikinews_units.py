"""Choose the Wikinews articles to annotate for events and cut them into sentence units.

Writes, outside the repository (the article text must not be copied into it):

- ``OUT/units.jsonl``: one line per sentence unit: ``source``
  (``corpus/…/articles.jsonl#<id>``), ``published``, ``split`` (``test`` or ``train``), ``n`` (its
  number within the article), ``start``/``end`` into the article text, and ``text``;
- ``OUT/tasks/<split>-NNN.md``: batches of whole articles, each sentence numbered, for annotators.

The choice is fixed by a seed, so the same command gives the same split on any machine: articles
with a publication date and 3-25 sentences are shuffled; the first ones up to >= 40 articles and
>= 600 sentences are the frozen test split, the rest (in shuffled order) the training split. The
sentence splitter is the language stage's (spaCy ``en_core_web_sm`` with its paragraph breaks); a
unit is what it calls a sentence, stripped of surrounding white space.

    python scripts/gold/wikinews_units.py --out /work/annot
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from diurna.evaluate.gold import shared_dir
from diurna.language.spacy_stage import load_nlp

CORPUS = "wikinews-politics-2004-2009/articles.jsonl"
SEED = 20261203
TEST_ARTICLES, TEST_SENTENCES = 40, 600
TRAIN_ARTICLES = 420
BATCH = 10  # articles per task file


def sentence_spans(nlp: Any, text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, stripped of surrounding white space."""
    spans = []
    for sent in nlp(text).sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def write_parts(out: Path, name: str, parts: list[list[dict[str, Any]]], nlp: Any) -> None:
    """Cut each article of ``parts`` (dicts with ``source``, ``published`` — None when unknown —,
    ``heading`` and ``text``) into sentence units: ``out/units.jsonl`` and one task file
    ``out/tasks/NAME-k.md`` per part, the articles' sentences numbered under their headings (the
    task scripts' shared writer: ``make_cep_units.py``, ``make_lgl_units.py``)."""
    (out / "tasks").mkdir(parents=True, exist_ok=True)
    with (out / "units.jsonl").open("w", encoding="utf-8") as fh:
        for k, part in enumerate(parts, 1):
            lines = []
            for art in part:
                text = art["text"]
                lines.append(f"## {art['heading']}\n")
                for n, (s, e) in enumerate(sentence_spans(nlp, text), 1):
                    unit = {"source": art["source"], "published": art["published"],
                            "split": f"{name}-{k}", "n": n, "start": s, "end": e,
                            "text": text[s:e]}
                    fh.write(json.dumps(unit, ensure_ascii=False) + "\n")
                    lines.append(f"{n}. {text[s:e]}")
                lines.append("")
            (out / "tasks" / f"{name}-{k}.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    nlp = load_nlp()
    path = shared_dir() / "corpus" / CORPUS
    articles = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    articles = [a for a in articles if a.get("published")]
    random.Random(SEED).shuffle(articles)
    chosen: list[tuple[str, dict, list[tuple[int, int]]]] = []
    n_test_sents = 0
    for art in articles:
        spans = sentence_spans(nlp, art["text"])
        if not 3 <= len(spans) <= 25:
            continue
        test_open = sum(1 for c in chosen if c[0] == "test") < TEST_ARTICLES or \
            n_test_sents < TEST_SENTENCES
        split = "test" if test_open else "train"
        if split == "test":
            n_test_sents += len(spans)
        chosen.append((split, art, spans))
        if sum(1 for c in chosen if c[0] == "train") >= TRAIN_ARTICLES:
            break
    (args.out / "tasks").mkdir(parents=True, exist_ok=True)
    with (args.out / "units.jsonl").open("w", encoding="utf-8") as fh:
        for split, art, spans in chosen:
            source = f"corpus/{CORPUS}#{art['id']}"
            for n, (s, e) in enumerate(spans, 1):
                fh.write(json.dumps({"source": source, "published": art["published"],
                                     "split": split,
                                     "n": n, "start": s, "end": e, "text": art["text"][s:e]},
                                    ensure_ascii=False) + "\n")
    for split in ("test", "train"):
        arts = [(a, sp) for s, a, sp in chosen if s == split]
        for b in range(0, len(arts), BATCH):
            lines = []
            for art, spans in arts[b:b + BATCH]:
                lines.append(f"## {art['id']} | published {art['published']} | {art['title']}\n")
                lines += [f"{n}. {art['text'][s:e]}" for n, (s, e) in enumerate(spans, 1)]
                lines.append("")
            name = args.out / "tasks" / f"{split}-{b // BATCH + 1:03d}.md"
            name.write_text("\n".join(lines), encoding="utf-8")
    for split in ("test", "train"):
        arts = [sp for s, _, sp in chosen if s == split]
        print(f"{split}: {len(arts)} articles, {sum(map(len, arts))} sentences")


if __name__ == "__main__":
    main()
