"""The ``diurna`` command. Each subcommand is a thin wrapper over the library API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from diurna.model import Document

DEFAULT_DB = "diurna.db"


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    # Not a terminal (a pipe, a file): tables get room instead of an 80-column wrap.
    stream = sys.stderr if stderr else sys.stdout
    return Console(stderr=stderr, soft_wrap=False, width=None if stream.isatty() else 200)


@click.group(
    name="diurna",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="diurna")
def cli() -> None:
    """Diurna: raw news pages in, source-linked event data out.

    Reads HTML, text dumps, WARC and JSONL; extracts the article and its comment thread; codes
    PLOVER events (with CAMEO codes) with actor, recipient, date, place and status; stores them in
    an embedded SQLite database with the character offsets they came from.

    \b
    Examples:
      diurna process page.html --published 2018-02-15
      diurna process pages/ --format table --db news.db
      diurna events --db news.db
      diurna export --db news.db --to events.parquet
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="Publication date to resolve relative dates against (overrides the page's).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "table"]),
    default="json",
    show_default=True,
    help="Output: pretty JSON per input, one JSON line per input, or a table of events.",
)
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    metavar="FILE",
    help="SQLite database to store results in.",
)
@click.option("--no-store", is_flag=True, help="Print only; do not write a database.")
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary (YAML or CSV); repeatable. See docs/actors.md.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes to spread pages over (each holds its own copy of the models' state).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
def process(
    paths: tuple[str, ...],
    published: str | None,
    fmt: str,
    db: str,
    no_store: bool,
    actor_files: tuple[str, ...],
    workers: int,
    progress: bool | None,
) -> None:
    """Process pages and print what was extracted.

    PATHS are files, folders (read recursively), globs, WARC/ARC files, JSONL files with an
    `html` or `text` field, gzipped versions of any, or `-` for standard input. An input that cannot
    be read is reported with `rejected` and a reason; the rest of the batch goes on.
    """
    from diurna.page import iter_inputs
    from diurna.pipeline import Pipeline

    pipeline = Pipeline.default(actor_files=actor_files)
    store = None
    if not no_store:
        from diurna.store import Store

        try:
            store = Store(db)
        except ValueError as err:
            raise click.ClickException(str(err)) from None
    counts = {"stored": 0, "duplicate": 0, "processed": 0, "rejected": 0}
    show_progress = sys.stderr.isatty() if progress is None else progress
    out = _console()
    try:
        docs = _with_progress(
            pipeline.pipe(iter_inputs(paths), published=published, workers=workers), show_progress
        )
        for doc in docs:
            if store is not None:
                counts[store.save(doc)] += 1
            else:
                counts["rejected" if doc.rejected else "processed"] += 1
            _print_document(doc, fmt, out)
    except OSError as err:
        raise click.ClickException(f"cannot read input: {err}") from None
    finally:
        if store is not None:
            store.close()
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    where = f" in {db}" if store is not None else ""
    click.echo(f"diurna: {summary or 'nothing read'}{where}", err=True)


def _with_progress(docs: Iterable[Document], enabled: bool) -> Iterator[Document]:
    if not enabled:
        yield from docs
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} pages"),
        TextColumn("{task.fields[source]}"),
        TimeElapsedColumn(),
        console=_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("process", total=None, source="")
        for doc in docs:
            bar.update(task, advance=1, source=Path(doc.source).name[-40:])
            yield doc


def _print_document(doc: Document, fmt: str, out: Any) -> None:
    if fmt == "jsonl":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_table(doc, out)


def _fmt_mention(m: dict[str, Any] | None) -> str:
    if not m:
        return ""
    actor = m.get("actor")
    return f"{m['text']} [{actor['cameo']}]" if actor else m["text"]


def _print_table(doc: Document, out: Any) -> None:
    from rich.table import Table

    if doc.rejected:
        detail = doc.meta.get("detail") or doc.meta.get("error") or ""
        out.print(f"[red]rejected[/red] {doc.source}: {doc.rejected} {detail}")
        return
    table = Table(
        title=f"{doc.title or doc.source} ({doc.id}, published {doc.published or '?'})",
        title_justify="left",
    )
    for col in (
        "type",
        "mode",
        "cameo",
        "status",
        "actor",
        "recipient",
        "date",
        "place",
        "trigger",
    ):
        table.add_column(col)
    for e in doc.to_dict()["events"]:
        place = e["place"]
        table.add_row(
            e["type"],
            e["mode"] or "",
            e["cameo"] or "",
            e["status"] + (" (neg)" if e["negated"] else ""),
            ", ".join(_fmt_mention(m) for m in e["actors"]),
            ", ".join(_fmt_mention(m) for m in e["recipients"]),
            (e["date"] or {}).get("value") or "",
            f"{place['name']}, {place['country']}"
            if place and place["name"]
            else (place["text"] if place else ""),
            e["trigger"]["text"],
        )
    out.print(table)


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to read."
)
@click.option("--type", "event_type", metavar="TYPE", help="Only events of this PLOVER type.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
def events(db: str, event_type: str | None, limit: int | None, fmt: str) -> None:
    """List stored events (date, type, actor → recipient, place, status)."""
    rows = _open_store(db).events(type=event_type, limit=limit)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} events in {db}", title_justify="left")
    for col in ("date", "type", "mode", "cameo", "actor", "recipient", "place", "status", "doc"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["date_value"] or "",
            r["type"],
            r["mode"] or "",
            r["cameo"] or "",
            f"{r['actor_text'] or ''} [{r['actor_code'] or '?'}]" if r["actor_text"] else "",
            f"{r['recipient_text'] or ''} [{r['recipient_code'] or '?'}]"
            if r["recipient_text"]
            else "",
            r["place_name"] or r["place_text"] or "",
            r["status"],
            r["doc_id"],
        )
    _console().print(table)


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to read."
)
@click.option(
    "--to",
    "out",
    required=True,
    metavar="FILE",
    help="Output file: .csv, .parquet or .jsonl (format follows the suffix).",
)
@click.option(
    "--columns",
    type=click.Choice(["diurna", "polecat"]),
    default="diurna",
    show_default=True,
    help="Diurna's columns (with offsets) or POLECAT-like names.",
)
def export(db: str, out: str, columns: str) -> None:
    """Export stored events to CSV, Parquet or JSONL."""
    from diurna.store import export_events

    try:
        n = export_events(_open_store(db), out, columns=columns)
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"diurna: {n} events written to {out}", err=True)


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to read."
)
def rejections(db: str) -> None:
    """List inputs that were rejected, with the reason."""
    for r in _open_store(db).rejections():
        click.echo(f"{r['source']}\t{r['reason']}\t{r['detail'] or ''}")


SCORERS = {
    "body": (
        "diurna.evaluate.body",
        "Article-body P/R/F1 (4-gram shingles) of Diurna and "
        "trafilatura on the article-body gold pages.",
    ),
    "events": (
        "diurna.evaluate.events",
        "Event type P/R/F1, actor, recipient, status, date and "
        "location accuracy on gold/events.jsonl.",
    ),
    "agreement": (
        "diurna.evaluate.agreement",
        "Inter-annotator agreement between two event gold files on their shared sentences.",
    ),
    "places": (
        "diurna.evaluate.places",
        "Toponym detection, exact GeoNames id accuracy, "
        "accuracy@161 km and mean error on gold/toponyms.jsonl.",
    ),
    "times": (
        "diurna.evaluate.times",
        "Temporal expression detection and value accuracy on gold/times.jsonl.",
    ),
}


@cli.group()
def evaluate() -> None:
    """Score Diurna against gold data (see docs/gold-format.md).

    Each scorer takes its own options: `diurna evaluate events --help`.
    """


def _scorer_command(name: str, module: str, summary: str) -> click.Command:
    @click.command(
        name=name,
        help=summary,
        short_help=summary,
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
        add_help_option=False,
    )
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def run(args: tuple[str, ...]) -> None:
        import importlib

        code = importlib.import_module(module).main(list(args))
        sys.exit(code or 0)

    return run


for _name, (_module, _summary) in SCORERS.items():
    evaluate.add_command(_scorer_command(_name, _module, _summary))


@cli.group()
def places() -> None:
    """Look place names up in the offline GeoNames gazetteer."""


@places.command("resolve")
@click.argument("name")
@click.option("--context", default="", metavar="TEXT",
              help="Text the name appears in: the countries and states it names steer the pick.")
@click.option("--limit", type=int, default=10, show_default=True, help="At most this many.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def places_resolve(name: str, context: str, limit: int, fmt: str) -> None:
    """Ranked GeoNames candidates for NAME, best first (library: diurna.places.resolve)."""
    from diurna.places import resolve

    cands = resolve(name, context=context, limit=limit)
    if not cands:
        raise click.ClickException(f"no place called {name!r} in the gazetteer")
    for c in cands:
        if fmt == "json":
            click.echo(json.dumps(c.to_dict(), ensure_ascii=False))
        else:
            mark = "*" if c.chosen else (" " if c.plausible else "-")
            click.echo(f"{mark} {c.score:6.2f}  {c.geonameid:<9} {c.name}, "
                       f"{c.admin1 or '-'}, {c.country or '-'}  {c.feature}  pop {c.population}"
                       f"  ({c.lat}, {c.lon})")


def _open_store(db: str) -> Any:
    from diurna.store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no database at {db}: run `diurna process ... --db {db}` first")
    try:
        return Store(db)
    except ValueError as err:
        raise click.ClickException(str(err)) from None


def main() -> None:
    cli(prog_name="diurna")


if __name__ == "__main__":
    main()
