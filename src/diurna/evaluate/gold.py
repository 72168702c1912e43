"""Gold-file plumbing shared by every scorer.

Gold lines never copy page text into the project: each names a ``source`` in the shared folder and
character offsets into that source's *base text*:

- ``article-body/<sha256>``: the human-checked ``articleBody`` of
  ``shared/gold/article-body/ground-truth.json``;
- ``corpus/<file>``: the UTF-8 text of ``shared/corpus/<file>``;
- ``corpus/<file>.jsonl#<id>``: the ``text`` of the record whose ``id`` is ``<id>`` in a JSONL
  file of ``shared/corpus/`` (the Wikinews articles are one file of 3,973 records);
- ``geo/<file>.xml#<docid>``: the ``<text>`` of an article of the geoparsing gold's XML in
  ``shared/gold/geo/`` (LGL's local and world news: a source of news text other than Wikinews,
  for evaluation only, as that folder's README says).

Two kinds of text live in the repository itself, written by us: ``probes/<file>`` (news-style
articles kept as a development set) and ``synthetic/<file>`` (synthetic training paragraphs, see
:func:`synthetic`: training only, never a test or development figure).

See ``docs/gold-format.md`` for the line formats.
"""

from __future__ import annotations

import argparse
import json
import os
import textwrap
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from diurna.model import Document, content_id


def limit_arg(text: str) -> int:
    """An argparse ``--limit N`` of at least 1, as every ``diurna`` command's: 0 would ask for
    nothing and a negative N would silently drop the last items, so both are refused."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} is not at least 1 (leave --limit out for all)")
    return n


def run_scored(run: Callable[[Document], Document], make: Callable[[], Document],
               failures: list[dict[str, str]]) -> Document:
    """``run`` on a fresh document from ``make``; when the pipeline raises, the failure is noted
    in ``failures`` (source and error) and a fresh, unprocessed document is returned instead.

    A scorer must not stop on one article (a whole blind set's figure lost to one crash) nor
    leave it out (the figure would look better than what a user gets): its gold then counts as
    missed, and the report names the failures."""
    doc = make()  # a gold text that cannot be read is the user's to fix: it raises
    try:
        return run(doc)
    except Exception as err:  # noqa: BLE001 - any pipeline error is recorded, none hidden
        failures.append({"source": doc.source, "error": f"{type(err).__name__}: {err}"})
        return make()  # the run may have left part of its work on ``doc``


def failure_lines(failures: list[dict[str, str]], documents: int) -> list[str]:
    """The report's lines for documents the pipeline failed on (none when it failed on none)."""
    if not failures:
        return []
    return [f"FAILED: the pipeline raised on {len(failures)} of {documents} documents; their "
            "gold counts as missed (a bug: please report it with the source)"] + [
        f"  {f['source']}: {f['error']}" for f in failures]


def shared_dir() -> Path:
    """``$DIURNA_SHARED`` or the ``shared`` folder beside the repository checkout."""
    env = os.environ.get("DIURNA_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared"


@lru_cache(maxsize=1)
def _ground_truth(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def gold_document(source: str, published: str | None = None,
                  shared: Path | None = None) -> Document:
    """A document of the text a gold line's offsets point into (:func:`base_text`), dated by the
    gold's publication date when it gives one: what the scorers and trainers run the pipeline on.
    HTML comments in it are blanked, as the page stage drops them (a page never shows them and
    the gold never annotates them), with the same length so the gold's offsets hold; the id is
    the raw text's."""
    from diurna.page.text import without_html_comments

    raw = base_text(source, shared)
    doc = Document(id=content_id(raw.encode("utf-8")), source=source,
                   text=without_html_comments(raw, keep_length=True), published=published)
    if published:
        doc.published_source = "gold"
    return doc


def base_text(source: str, shared: Path | None = None) -> str:
    """The text a gold line's offsets point into."""
    root = shared or shared_dir()
    kind, _, name = source.partition("/")
    if kind == "article-body":
        truth = _ground_truth(str(root / "gold" / "article-body" / "ground-truth.json"))
        body: str = truth[name]["articleBody"]
        return body
    if kind == "corpus":
        file, _, record = name.partition("#")
        if record:
            texts = _jsonl_texts(str(root / "corpus" / file))
            if record not in texts:
                raise ValueError(f"gold source {source!r}: no record with id {record!r} in {file}")
            return texts[record]
        return (root / "corpus" / name).read_text(encoding="utf-8")
    if kind == "geo":
        file, _, record = name.partition("#")
        articles = _geo_texts(str(root / "gold" / "geo" / file))
        if record not in articles:
            raise ValueError(f"gold source {source!r}: no article with docid {record!r} in {file}")
        return articles[record]
    if kind in ("probes", "synthetic"):
        return (repo_dir() / "gold" / kind / name).read_text(encoding="utf-8")
    raise ValueError(
        f"unknown gold source {source!r}: expected article-body/<sha>, corpus/<file>, "
        "geo/<file>.xml#<docid>, probes/<file> or synthetic/<file>"
    )


@lru_cache(maxsize=2)
def _geo_texts(path: str) -> dict[str, str]:
    """``{docid: text}`` of an LGL or GeoVirus XML file, read once (a gold file names many of its
    articles)."""
    from diurna.evaluate.places import read_geo_xml  # that module imports this one

    return {a.id: a.text for a in read_geo_xml(path)}


@lru_cache(maxsize=4)
def _jsonl_texts(path: str) -> dict[str, str]:
    """``{id: text}`` of a JSONL corpus file, read once: a gold file names hundreds of its
    records."""
    texts: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                texts[str(record["id"])] = record["text"]
    return texts


def no_gold(path: str | Path) -> str:
    """The one line for a gold file that is not there, saying what to do: a scorer's default
    (``gold/events.jsonl``) is read from the current folder, so outside the repository's root
    the bare "no gold file at gold/events.jsonl" left a user guessing."""
    return (f"no gold file at {path}: give the gold file's path, or run from the repository's "
            "root (a default gold file is read from gold/ there)")


def repo_dir() -> Path:
    """The repository checkout this package runs from (where ``gold/`` lives)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "gold").is_dir():
            return parent
    return Path.cwd()


def scorer_main(
    argv: list[str] | None,
    score: Callable[[Path], dict[str, Any]],
    default_gold: Path,
    prog: str,
    description: str,
    other: argparse.ArgumentParser | None = None,
) -> int:
    """Command-line front of a scorer whose ``score`` returns figures plus an ``errors`` list, a
    ``failures`` list (:func:`run_scored`) and ``documents``, the number of documents the
    pipeline ran on (which the ``FAILED`` lines count against; not a figure line). Exits 1,
    after the figures, when the pipeline raised on a document.

    ``other`` is the parser of the same command's other gold format (TimeML, LGL/GeoVirus XML),
    which the caller picks from the gold path: its help is shown after this one's, so that
    ``--help`` without a path lists every option the command takes."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    if other is not None:
        # Raw, so the other parser's usage and option columns keep their layout; the
        # description is filled here since the raw formatter would not wrap it.
        parser = argparse.ArgumentParser(
            prog=prog, description=textwrap.fill(description, 78),
            formatter_class=argparse.RawDescriptionHelpFormatter,
            epilog="With the other gold format (told apart by the path given):\n\n"
                   + other.format_help())
    parser.add_argument("gold", nargs="?", type=Path, default=default_gold,
                        help=f"gold JSONL file (default: {default_gold})")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list every error")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        parser.error(no_gold(args.gold))
    result = score(args.gold)
    documents = result.pop("documents")
    return 1 if print_figures(result, width=24, verbose=args.verbose, documents=documents) else 0


def print_figures(result: dict[str, Any], *, width: int, verbose: bool, documents: int) -> bool:
    """Print a scorer's figures a line each, then (``verbose``) its ``errors`` as JSON lines,
    then the :func:`failure_lines` of its ``failures`` out of ``documents``; returns whether
    there were any (the command then exits 1)."""
    errors = result.pop("errors", [])
    failures = result.pop("failures", [])
    for key, value in result.items():
        print(f"{key:{width}} {value}")
    if verbose:
        for err in errors:
            print(json.dumps(err, ensure_ascii=False))
    for line in failure_lines(failures, documents):
        print(line)
    return bool(failures)


def frozen(path: str | Path) -> bool:
    """Whether the gold file ``path`` is a frozen test split (its name holds "test" or
    "heldout"), scored once and never read for error analysis. The file's name only: a folder
    such as pytest's ``/tmp/pytest-of-.../`` says nothing about the split."""
    name = Path(path).name
    return "test" in name or "heldout" in name


SYNTHETIC_REFUSED = ("is synthetic training data (paragraphs written for training, not news) and "
                     "never gives a test or development figure")


def synthetic(path: str | Path) -> bool:
    """Whether the gold file ``path`` is synthetic training data (``gold/events-synthetic.jsonl``,
    docs/annotation-events.md, "Synthetic training data"): its name holds "synthetic", or one of
    its lines says ``"synthetic": true`` or points into ``gold/synthetic/``. Such text was written
    to teach the coder hard cases; scoring on it would measure how well the coder fits our own
    writing, so it may train a model but never gives a figure. The lines are read as well as the
    name, so that a renamed or merged copy is still known."""
    if "synthetic" in Path(path).name:
        return True
    try:
        stat = os.stat(path)
    except OSError:
        return False  # a missing file is reported by its reader, not here
    return _synthetic_lines(os.path.realpath(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _synthetic_lines(path: str, mtime_ns: int, size: int) -> bool:
    """Whether a line of the file at ``path`` marks it synthetic (:func:`synthetic`). Kept per
    path, modification time and size: a command checks its gold file at each entry point (the
    command line, then each :func:`diurna.evaluate.events.score` call) and reads it once; a file
    written since is read again."""
    try:
        for line in read_jsonl(path):
            source = str(line.get("source", ""))
            if line.get("synthetic") is True or source.startswith("synthetic/"):
                return True
    except (OSError, ValueError):
        return False  # a broken file is reported by its reader, not here
    return False


# The blind development sets (docs/annotation-events.md, docs/quotes.md): scored once per change,
# aggregate lines only; no error-analysis tool under bench/ reads them. Sets spent as blind ones
# (events dev3-dev17 and dev22, quotes dev-dev9) are read sets and are not listed; session 52
# spent events dev13-dev17 and dev22 and quotes dev6-dev9, which had judged many decisions;
# session 53 read events-lgl-dev1 (it had judged nothing) for the coder's errors on other news, and
# then lgl-dev2 and lgl-dev3, once they had judged two candidates.
BLIND_SETS = ("events-wikinews-dev18", "events-wikinews-dev19", "events-wikinews-dev20",
              "events-wikinews-dev21", "events-wikinews-dev23", "events-wikinews-dev24",
              # LGL's local and world news (session 53)
              "events-lgl-dev4", "events-lgl-dev5", "events-lgl-dev6", "events-lgl-dev7",
              "quotes-wikinews-dev10", "quotes-wikinews-dev11", "quotes-wikinews-dev12")


def blind(path: str | Path) -> bool:
    """Whether the gold file ``path`` is one of the :data:`BLIND_SETS` or its second
    annotation (by the file's name, as :func:`frozen`)."""
    name = Path(path).name
    return any(name.startswith((f"{s}.", f"{s}-")) for s in BLIND_SETS)


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSONL file, skipping blank lines and ``//`` comments."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({err.msg})") from err
