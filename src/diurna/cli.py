"""The ``diurna`` command. Each subcommand is a thin wrapper over the library API."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from diurna.model import Document, iso_day, plural
from diurna.options import ARGS, CODERS, DEFAULT_ARGS, DEFAULT_CODER, DEFAULT_GATE, GATES

DEFAULT_DB = "diurna.db"
# `--limit N` is at least 1 on every command (and `evaluate places`): 0 would ask for nothing,
# which is a slip rather than a wish (it printed "no place called ..." from `places resolve`).
LIMIT = click.IntRange(min=1)
LIMIT_HELP = "N >= 1; leave it out for all."

# `--actors FILE`, the same for every command that codes documents (process, fetch, recode)
actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary (YAML or CSV); repeatable. See docs/actors.md.",
)

# `--retry-rejected`, for the commands whose batch skips inputs already recorded (process, fetch)
def _retry_rejected(inputs: str, where: str, when: str) -> Any:
    """The --retry-rejected option of `process` and `fetch`, in each one's words: `fetch`
    has no --out and requests pages, so "--db (or --out)" and "read" misled there."""
    return click.option(
        "--retry-rejected",
        is_flag=True,
        help=f"{inputs} whose rejection {where} already records (default: skip them before "
        "any processing, as stored inputs are; the summary counts them as 'rejected "
        f"before'). {when}, or after a Diurna update.",
    )


retry_rejected_option = _retry_rejected("Read again inputs", "--db (or --out)",
                                        "For inputs you fixed in place")


CODER_OPTIONS: tuple[tuple[tuple[str, ...], tuple[str, ...], str, str], ...] = (
    (("--coder",), CODERS, DEFAULT_CODER,
     "Event coder: learned (trained classifier + rule arguments), rules, keyword (the "
     "lexicon-lookup baseline) or tagger (fine-tuned MiniLM + rule arguments). "
     "See docs/events.md."),
    (("--args", "args_by"), ARGS, DEFAULT_ARGS,
     "Who attaches events' actors and recipients: the coder's rules, or the learned ranker "
     "(docs/events-arguments.md)."),
    (("--gate",), GATES, DEFAULT_GATE,
     "Relevance gate of the learned coder: on pages that are not political news, code only "
     "sentences with a party the actor dictionary codes outside business (actors), only those "
     "with a public party (parties), or all (off). See docs/scale.md."),
)


def coder_options(fn: Any) -> Any:
    """--coder, --args and --gate, spelt and defaulted alike wherever pages are coded (process,
    fetch, recode); they arrive as ``coder``, ``args_by`` and ``gate``."""
    for decls, choices, default, text in reversed(CODER_OPTIONS):
        fn = click.option(*decls, type=click.Choice(choices), default=default,
                          show_default=True, help=text)(fn)
    return fn


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date option as ``YYYY-MM-DD`` (:func:`diurna.model.iso_day`), else a usage error."""
    if value is None:
        return None
    try:
        return iso_day(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


class BadValue(click.ClickException):
    """A bad option value found once the command runs (a filter value the store refuses, an
    export file's suffix): one line, like any error here, but exit status 2 as for the values
    click checks itself (a malformed --since), so a script tells a typo from a file error."""

    exit_code = 2


# The library's and the API's names of the day filters, as the CLI spells them.
_CLI_FILTER_NAMES = {"date_from": "--since", "date_to": "--until"}


def _filter_error(err: ValueError) -> BadValue:
    """A filter the store refused, said with the CLI's option names ("--since ... is after
    --until ..." where the library says date_from and date_to)."""
    text = re.sub(r"\b(date_from|date_to)\b", lambda m: _CLI_FILTER_NAMES[m[1]], str(err))
    return BadValue(text)


def _check_doc(store: Any, doc_id: str | None) -> None:
    """``--doc`` naming no stored document is an error, as for ``diurna recode --doc``: an id
    prefix or a typo listed nothing without a word (a stored document with no events still
    lists none)."""
    if doc_id is not None and not store.has(doc_id):
        raise _unknown_doc(doc_id)


def _unknown_doc(doc_id: str) -> click.ClickException:
    """The one line for a ``--doc`` naming no stored document, in the CLI's terms (the
    library's :class:`diurna.store.UnknownDocument` points to ``Store.documents()``)."""
    return click.ClickException(
        f"no stored document with id {doc_id!r}: give the whole id (16 hex digits), as "
        "`diurna documents` lists it"
    )


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
    help="Output: pretty JSON (one object, or an array over several inputs), one JSON line "
    "per input, or a table of events.",
)
@click.option(
    "--db",
    default=None,
    metavar="FILE",
    help="SQLite database to store results in (created if missing). Default: none - "
    "nothing is stored unless --db is given.",
)
@click.option("--no-store", is_flag=True,
              help="Print only; write nothing, even to the --db given (a try-out of a script).")
@click.option(
    "--recode",
    is_flag=True,
    help="Re-code inputs already in --db and replace their coding (default: skip them "
    "before any processing, so a rerun only does what was not stored yet).",
)
@retry_rejected_option
@click.option("-v", "--verbose", is_flag=True,
              help="A line per input on stderr (with --engine: the engine's own log lines).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@actors_option
@click.option(
    "--workers",
    type=click.IntRange(min=1), metavar="N",
    default=1,
    show_default=True,
    help="Processes to spread pages over (each holds its own copy of the models' state).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
@coder_options
@click.option(
    "--engine",
    type=click.Choice(["ray", "spark"]),
    help="Run on a distributed engine and write Parquet to --out (see docs/scale.md).",
)
@click.option("--address", metavar="ADDRESS",
              help="Engine cluster address (default: a local cluster of --workers).")
@click.option("--out", "out_dir", metavar="DIR", help="Output folder of an --engine run.")
@click.option("--worker-reads", is_flag=True,
              help="With --engine ray: the driver lists the input files and each worker opens "
                   "its own (for archives too big for one machine to read).")
def process(
    paths: tuple[str, ...],
    published: str | None,
    fmt: str,
    db: str | None,
    no_store: bool,
    recode: bool,
    retry_rejected: bool,
    verbose: bool,
    quiet: bool,
    actor_files: tuple[str, ...],
    workers: int,
    progress: bool | None,
    coder: str,
    args_by: str,
    gate: str,
    engine: str | None,
    address: str | None,
    out_dir: str | None,
    worker_reads: bool,
) -> None:
    """Process pages and print what was extracted.

    PATHS are files, folders (read recursively), globs, WARC/ARC files, JSONL files with an
    `html` or `text` field, gzipped versions of any, or `-` for standard input. An input that cannot
    be read is reported with `rejected` and a reason; the rest of the batch goes on.

    With --engine ray|spark the pages are spread over a cluster and written as Parquet under
    --out (partitioned by publication month; `diurna load DIR --db FILE` stores them); a rerun
    skips pages already written there, and inputs whose rejection is written there.

    Results are stored only with `--db FILE`; an input already stored there is skipped before any
    processing (rerun a crashed batch freely), unless `--recode`; so is an input whose rejection
    is recorded there (the same id and source), unless `--retry-rejected`.

    \b
    Exit status: 0 every input read; 3 some inputs rejected; 4 none could be
    processed; 130 interrupted (after the summary); 1 a file error (actor file,
    --db folder); 2 a usage error (a bad option or value).
    """
    if engine or out_dir:
        _refuse_outside_engine_run()
        _process_distributed(paths, engine, address, out_dir, workers, published, actor_files,
                             worker_reads, retry_rejected, verbose)
        return
    _run_batch(
        paths=paths, raws=None, published=published, fmt=fmt, db=None if no_store else db,
        recode=recode, verbose=verbose, quiet=quiet, actor_files=actor_files, workers=workers,
        progress=progress, coder=coder, args_by=args_by, gate=gate,
        retry_rejected=retry_rejected,
    )


def _run_batch(
    *,
    paths: Iterable[str],
    raws: Iterable[Any] | None,
    published: str | None,
    fmt: str,
    db: str | None,
    recode: bool,
    verbose: bool,
    quiet: bool,
    actor_files: Iterable[str],
    workers: int,
    progress: bool | None,
    coder: str = DEFAULT_CODER,
    args_by: str = DEFAULT_ARGS,
    gate: str = DEFAULT_GATE,
    retry_rejected: bool = False,
    not_again: str = "checked",
) -> None:
    """The batch behind `process` and `fetch`: run, print, summarise, exit with its status.
    The pipeline (the models) is built when the first input to process is reached: a rerun
    with nothing left to do never loads it. ``not_again``: what the summary says a recorded
    rejection was not ("checked", "fetched") again."""
    from diurna import batch

    store = None if db is None else _open_store(db, create=True)
    summary = batch.Summary(not_again=not_again)
    show_progress = not quiet and (sys.stderr.isatty() if progress is None else progress)
    printer = _Printer(fmt, _console())
    try:
        outcomes = batch.run(
            paths, raws=raws, pipeline=lambda: _pipeline(actor_files, coder, args_by, gate),
            store=store, published=published, workers=workers, recode=recode,
            retry_rejected=retry_rejected,
        )
        log = None if quiet or show_progress or sys.stderr.isatty() else _ProgressLog()
        total = None if raws is not None or not show_progress else input_total(paths, db)
        later = _count_beside(paths, db) if show_progress and total is None and raws is None \
            else None
        for outcome in _with_progress(outcomes, show_progress, total, later):
            summary.add(outcome)
            if log is not None and log.due(summary.inputs):
                click.echo(f"diurna: so far {summary.line()}", err=True)
            if verbose:
                click.echo(_outcome_line(outcome, not_again), err=True)
            if outcome.doc is not None:
                printer.print(outcome.doc)
    except KeyboardInterrupt:
        summary.interrupted = True
    except OSError as err:
        raise click.ClickException(f"cannot read input: {err}") from None
    finally:
        printer.close()
        if store is not None:
            store.close()
    if not quiet or summary.interrupted:
        where = db if store is not None else None
        note = "" if store is not None else " (not stored: pass --db FILE to store)"
        click.echo(f"diurna: {summary.line(where)}{note}", err=True)
        _name_rejected(summary, where, verbose)
    sys.exit(summary.exit_status())


def _name_rejected(summary: Any, where: str | None, verbose: bool) -> None:
    """After the summary, a line naming the rejected inputs (the first few; -v has named each
    already): with a thousand inputs, "1 rejected (not_found 1)" did not say which."""
    names = None if verbose else summary.rejected_line(where)
    if names:
        click.echo(f"diurna: {names}", err=True)


# Options of a single-machine run that an --engine run does not take: it codes with the default
# pipeline and writes Parquet (stored with `diurna load`), so each would be silently ignored.
NOT_FOR_ENGINE_RUNS = (("db", "--db"), ("no_store", "--no-store"), ("recode", "--recode"),
                       ("fmt", "--format"), ("coder", "--coder"), ("args_by", "--args"),
                       ("gate", "--gate"))


def _refuse_outside_engine_run() -> None:
    """A usage error naming the single-machine options given with --engine/--out."""
    ctx = click.get_current_context()
    given = [flag for name, flag in NOT_FOR_ENGINE_RUNS
             if ctx.get_parameter_source(name) not in (None, click.core.ParameterSource.DEFAULT)]
    if given:
        raise click.UsageError(
            f"{', '.join(given)} cannot be used with --engine/--out: an engine run codes with the "
            "default coder and writes Parquet; store it with `diurna load DIR --db FILE`")


def _process_distributed(
    paths: tuple[str, ...],
    engine: str | None,
    address: str | None,
    out_dir: str | None,
    workers: int,
    published: str | None,
    actor_files: tuple[str, ...],
    worker_reads: bool = False,
    retry_rejected: bool = False,
    verbose: bool = False,
) -> None:
    """An --engine run; ``verbose`` (-v) lets the engine's own start-up lines through."""
    if not engine or not out_dir:
        raise click.UsageError("--engine and --out go together: --engine ray|spark --out DIR")
    from diurna.scale.runner import run

    _check_actor_files(actor_files)
    try:
        s = run(paths, out_dir, engine=engine, address=address, workers=max(workers, 1),
                published=published, actor_files=actor_files, worker_reads=worker_reads,
                retry_rejected=retry_rejected, engine_logs=verbose)
    except ImportError as err:
        how = 'pip install -e ".[spark]"' if engine == "spark" else "bash scripts/setup.sh"
        raise click.ClickException(
            f"the {engine} engine is not installed ({err}); install it with {how}"
        ) from None
    except OSError as err:
        raise click.ClickException(f"cannot read input or write {out_dir}: {err}") from None
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    click.echo(
        f"diurna: {s.stored} stored, {s.rejected} rejected, {s.skipped} already written or "
        f"repeated, in {plural(s.shards, 'shard')} on {engine} "
        f"({plural(s.workers, 'worker')}, {s.seconds:.1f} s) under {out_dir}",
        err=True,
    )


#: when stderr is a log (not a terminal), a progress line every this many inputs or seconds
LOG_EVERY_INPUTS, LOG_EVERY_SECONDS = 500, 60.0


class _ProgressLog:
    """Progress lines for a log file: every 500 inputs or 60 seconds, whichever comes first."""

    def __init__(self) -> None:
        import time

        self.clock = time.monotonic
        self.last = self.clock()

    def due(self, inputs: int) -> bool:
        now = self.clock()
        if inputs % LOG_EVERY_INPUTS == 0 or now - self.last >= LOG_EVERY_SECONDS:
            self.last = now
            return True
        return False


def _pipeline(actor_files: Iterable[str], coder: str = DEFAULT_CODER,
              args_by: str = DEFAULT_ARGS, gate: str = DEFAULT_GATE) -> Any:
    """The default pipeline; a bad actor file is a one-line error naming it."""
    from diurna.pipeline import Pipeline

    try:
        return Pipeline.default(actor_files=actor_files, coder=coder, args=args_by, gate=gate)
    except ValueError as err:
        raise _actor_file_error(err) from None


def _actor_file_error(err: ValueError) -> click.ClickException:
    """A bad actor file's one-line error (exit 1, a file error), naming the file and what is
    wrong in it; a file of ``$DIURNA_ACTORS`` says so and what to do already."""
    text = _one_line(str(err))
    return click.ClickException(text if "$DIURNA_ACTORS" in text
                                else text + " (fix the file or drop it)")


def _value_error(err: ValueError) -> click.ClickException:
    """A reading command's one-line error for a ValueError: a bad actor file (read for an
    actor id or sector filter) as :func:`_actor_file_error`, else its message."""
    from diurna.actors.dictionary import DictionaryError

    if isinstance(err, DictionaryError):
        return _actor_file_error(err)
    return click.ClickException(str(err))


def _check_actor_files(actor_files: Iterable[str]) -> None:
    """Read the actor files (and ``$DIURNA_ACTORS``'s) as every worker will, on the driver and
    before an engine starts, so a bad one is :func:`_actor_file_error`'s line, as on one
    machine, not a worker's traceback (no models are loaded)."""
    import os

    from diurna.actors.dictionary import ENV_VAR, ActorDictionary

    if not actor_files and not os.environ.get(ENV_VAR, "").strip():
        return  # the built-ins only: nothing of the user's to check
    try:
        ActorDictionary.load(actor_files)
    except ValueError as err:
        raise _actor_file_error(err) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _outcome_line(outcome: Any, not_again: str = "checked") -> str:
    """An outcome's `-v` line; ``not_again`` is the word the summary uses for a recorded
    rejection ("checked", or "fetched" under `fetch`), so the two say the same."""
    doc = outcome.doc
    if outcome.status == "rejected_before":
        return (f"rejected_before\t{outcome.source}\t{outcome.reason}\trecorded by an earlier "
                f"run, not {not_again} again (--retry-rejected reads it)")
    if outcome.status == "repeated":
        return (f"repeated\t{outcome.source}\t{outcome.reason}\tgiven again in this run: its "
                "rejection is recorded and counted once")
    if doc is None:
        return f"{outcome.status}\t{outcome.source}"
    if doc.rejected:
        from diurna.store.sqlite import rejection_detail

        detail = rejection_detail(doc) or ""
        return f"rejected\t{outcome.source}\t{doc.rejected}\t{_one_line(str(detail))}"
    skipped = f"\tskipped: {'; '.join(doc.skipped)}" if doc.skipped else ""
    return f"{outcome.status}\t{outcome.source}\t{plural(len(doc.events), 'event')}{skipped}"


class _Printer:
    """Prints documents as they come: `json` is one object for one input and one array for
    several (valid JSON either way), `jsonl` one object a line, `table` an events table."""

    def __init__(self, fmt: str, out: Any) -> None:
        self.fmt, self.out = fmt, out
        self.held: Document | None = None  # json: the first document, until a second comes
        self.count = 0

    def print(self, doc: Document) -> None:
        self.count += 1
        if self.fmt != "json":
            _print_document(doc, self.fmt, self.out)
            return
        if self.count == 1:
            self.held = doc
            return
        if self.held is not None:
            click.echo("[")
            click.echo(_indented(self.held))
            self.held = None
        click.echo("," + _indented(doc))

    def close(self) -> None:
        if self.fmt != "json":
            return
        if self.held is not None:
            click.echo(_indented(self.held))
        elif self.count > 1:
            click.echo("]")


def _indented(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)


def input_total(paths: Iterable[str], db: str | None = None) -> int | None:
    """How many inputs a batch has, when that is known without reading pages
    (:func:`diurna.page.inputs.count_inputs`: files, folders, globs and JSONL files; not
    archives, gzip or standard input); the store's own files (``db``) are no inputs."""
    from diurna.page.inputs import count_inputs

    own = [f"{db}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")] if db else []
    return count_inputs(paths, exclude=own)


def _count_beside(paths: Iterable[str], db: str | None) -> Callable[[], int | None]:
    """The number of inputs counted in a thread beside the batch, for inputs whose count needs
    a read through (a WARC/ARC archive: :func:`diurna.page.inputs.count_inputs` with
    ``archives``): a function giving it once known, else None (also when it cannot be
    counted). The thread is a daemon: a batch that ends first does not wait for it."""
    import threading

    from diurna.page.inputs import count_inputs

    own = [f"{db}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")] if db else []
    named = list(paths)  # taken here: the thread must not share an iterator with the batch
    found: list[int | None] = []

    def count() -> None:
        try:
            found.append(count_inputs(named, exclude=own, archives=True))
        except Exception:  # a courtesy for the bar: the batch reports what is wrong
            found.append(None)

    threading.Thread(target=count, name="diurna-count", daemon=True).start()
    return lambda: found[0] if found else None


def _with_progress(outcomes: Iterable[Any], enabled: bool, total: int | None = None,
                   later: Callable[[], int | None] | None = None) -> Iterator[Any]:
    """Outcomes as they come, with a progress line on stderr when ``enabled``: a bar, the
    count of the total and the time left when the number of inputs is known (``total``, or
    from ``later`` once it answers: :func:`_count_beside`), a count and the time spent until
    then."""
    if not enabled:
        yield from outcomes
        return
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    def counted(done: int, of: int | None) -> str:
        return f"{done}/{of}" if of else f"{done} inputs"

    with Progress(
        SpinnerColumn(),
        BarColumn(),  # pulses while the total is not known
        TextColumn("{task.fields[counted]}"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[source]}"),
        TimeElapsedColumn(),
        console=_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("process", total=total, source="", counted=counted(0, total))
        for done, outcome in enumerate(outcomes, 1):
            if total is None and later is not None:
                total = later()
                if total is not None:
                    bar.update(task, total=total)
            bar.update(task, advance=1, source=Path(outcome.source).name[-40:],
                       counted=counted(done, total))
            yield outcome


def _print_document(doc: Document, fmt: str, out: Any) -> None:
    """One document as `jsonl` (a line) or `table`; `json` is :class:`_Printer`'s own."""
    if fmt == "jsonl":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
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
        from diurna.store.sqlite import rejection_detail

        detail = rejection_detail(doc) or ""
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


# Filters shared by `diurna events` and `diurna export`: (option, EventQuery field, help).
EVENT_FILTERS: tuple[tuple[str, str, str], ...] = (
    ("--type", "type", "PLOVER event type, e.g. ASSAULT (an unknown type is an error)."),
    ("--mode", "mode", "PLOVER mode, e.g. withdraw."),
    ("--status", "status", "asserted, claimed, denied or speculative."),
    ("--actor-country", "actor_country",
     "Any actor's country (ISO alpha-3 or alpha-2, e.g. SYR or SY)."),
    ("--recipient-country", "recipient_country",
     "Any recipient's country (ISO alpha-3 or alpha-2)."),
    ("--actor-sector", "actor_sector", "Any actor's sector, e.g. GOV, MIL, REB."),
    ("--recipient-sector", "recipient_sector", "Any recipient's sector."),
    ("--actor-id", "actor_id", "Any actor's dictionary id, e.g. IRN-GOV."),
    ("--recipient-id", "recipient_id", "Any recipient's dictionary id."),
    ("--since", "date_from", "Events on or after this day (YYYY-MM-DD; event_date)."),
    ("--until", "date_to", "Events on or before this day (YYYY-MM-DD; event_date)."),
    ("--doc", "doc_id", "Only events of this document id (the whole id, as the doc column "
     "shows it)."),
    ("--place", "place",
     "Place name, GeoNames id, or country code or name (every place inside it)."),
)
# The filters that take a day, checked as --published is.
DATE_FILTERS = frozenset({"date_from", "date_to"})
# What a filter's value is, where "VALUE" says too little (--doc is ID, as in quotes, recode).
FILTER_METAVARS = {"date_from": "YYYY-MM-DD", "date_to": "YYYY-MM-DD", "doc_id": "ID"}


def _event_filter_options(fn: Any) -> Any:
    """Add the shared event filters (and --limit) to a command; they arrive as `filters`."""

    def collect(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is not None and param.name:
            if param.name in DATE_FILTERS:  # a bad day is a usage error naming --since/--until
                value = _iso_date(ctx, param, value)
            ctx.meta.setdefault("event_filters", {})[param.name] = value
        return value

    fn = click.option(
        "--limit", type=LIMIT, metavar="N", expose_value=False, callback=collect,
        help=f"At most this many events. {LIMIT_HELP}",
    )(fn)
    for flag, name, text in reversed(EVENT_FILTERS):
        fn = click.option(
            flag, name, metavar=FILTER_METAVARS.get(name, "VALUE"),
            expose_value=False, callback=collect, help=text,
        )(fn)
    return fn


def _filters() -> dict[str, Any]:
    return dict(click.get_current_context().meta.get("event_filters", {}))


# `diurna events` and `diurna export` read a clustered story once (docs/scale.md, section 3).
_all_copies_option = click.option(
    "--all-copies",
    is_flag=True,
    help="Keep the events of near-duplicate copies too (after `diurna duplicates`, a clustered "
    "story's events are read once, from the cluster's first member).",
)


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to read."
)
@_event_filter_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
    help="A table, or one JSON event row a line (the columns of docs/data.md).",
)
@_all_copies_option
def events(db: str, fmt: str, all_copies: bool) -> None:
    """List stored events (date, type, actor → recipient, place, status).

    The table's date is the one the text gives for the event (a day, a month, a year); in
    parentheses, the publication day, used when the text gives none (the row's event_date,
    date_basis "publication"). Codes in brackets are the actor dictionary's, [?] a party it
    does not know. `--format jsonl` prints one event row a line in the columns of
    docs/data.md. After `diurna duplicates`, a clustered story's events are listed once
    (`--all-copies`: all).
    """
    from diurna.store.export import json_ready
    from diurna.store.query import FilterError

    try:
        with _open_store(db, readonly=True) as store:
            _check_doc(store, _filters().get("doc_id"))
            rows = store.events(all_copies=all_copies, **_filters())
    except FilterError as err:
        raise _filter_error(err) from None
    except ValueError as err:
        raise _value_error(err) from None
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(json_ready(row), ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"{plural(len(rows), 'event')} in {db}", title_justify="left")
    for col in ("date", "type", "mode", "cameo", "actor", "recipient", "place", "status", "doc"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["date_value"] or (f"({r['event_date']})" if r["event_date"] else ""),
            r["type"],
            r["mode"] or "",
            r["cameo"] or "",
            ", ".join(f"{p['text']} [{p['code'] or '?'}]" for p in r["actors"]),
            ", ".join(f"{p['text']} [{p['code'] or '?'}]" for p in r["recipients"]),
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
    help="Diurna's columns (with offsets; docs/data.md) or POLECAT-like names.",
)
@click.option(
    "--dyads", is_flag=True, help="One flat row per actor-recipient pair instead of per event."
)
@_all_copies_option
@_event_filter_options
def export(db: str, out: str, columns: str, dyads: bool, all_copies: bool) -> None:
    """Export stored events to CSV, Parquet or JSONL (same filters as `diurna events`)."""
    from diurna.duplicates.clusters import copy_count
    from diurna.store import export_events
    from diurna.store.export import ExportOptionError
    from diurna.store.query import FilterError

    try:
        with _open_store(db, readonly=True) as store:
            _check_doc(store, _filters().get("doc_id"))
            n = export_events(store, out, columns=columns, dyads=dyads, all_copies=all_copies,
                              **_filters())
            copies = 0 if all_copies else copy_count(store)  # counted in SQL, for the message
    except (FilterError, ExportOptionError) as err:
        raise _filter_error(err) from None
    except ValueError as err:
        raise _value_error(err) from None
    except OSError as err:
        raise click.ClickException(str(err)) from None
    what = "actor-recipient rows" if dyads else "events"
    left_out = f" ({plural(copies, 'near-duplicate copy', 'near-duplicate copies')} left out)" \
        if copies else ""
    click.echo(f"diurna: {n} {what} written to {out}{left_out}", err=True)


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="RSS/Atom feed; repeatable.")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL", help="Sitemap; repeatable.")
@click.option("--db", default=None, metavar="FILE",
              help="SQLite database to store results in (created if missing). Default: none - "
                   "nothing is stored unless --db is given.")
@click.option("--warc", metavar="FILE", help="Also keep every raw response in this WARC file.")
@click.option(
    "--delay", type=click.FloatRange(min=0), metavar="SECONDS", default=1.0, show_default=True,
    help="Seconds between two requests to one host.",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), metavar="SECONDS", default=20.0, show_default=True,
    help="Seconds to wait for a response.",
)
@click.option(
    "--retries", type=click.IntRange(min=0), metavar="N", default=2, show_default=True,
    help="Times to try a page again after a timeout, a connection error, a 5xx or a 429.",
)
@click.option("--ignore-robots", is_flag=True, help="Do not read robots.txt (sites you may crawl).")
@click.option(
    "--published", callback=_iso_date, metavar="YYYY-MM-DD",
    help="Publication date for every page (default: the feed's date, else the page's).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="jsonl",
    show_default=True, help="Output, as for `diurna process`.",
)
@actors_option
@coder_options
@_retry_rejected("Request again pages", "--db", "For pages that could not be fetched then")
@click.option("-v", "--verbose", is_flag=True, help="A line per page on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def fetch(
    urls: tuple[str, ...],
    feeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    db: str | None,
    warc: str | None,
    delay: float,
    timeout: float,
    retries: int,
    ignore_robots: bool,
    published: str | None,
    fmt: str,
    actor_files: tuple[str, ...],
    coder: str,
    args_by: str,
    gate: str,
    retry_rejected: bool,
    verbose: bool,
    quiet: bool,
) -> None:
    """Fetch pages (URLs, a feed's entries, a sitemap's pages) and process them.

    Honours robots.txt, waits --delay seconds between requests to one host, retries server
    errors and timeouts with backoff, and uses a feed's publication dates. A page that cannot be
    fetched is a rejected input with the reason (see `diurna rejections`); with --db, a page
    URL whose rejection is recorded there is not requested again unless --retry-rejected. Exit
    status as for `diurna process`.
    """
    from diurna.fetch import FetchConfig, Fetcher, fetch_inputs, open_warc

    if not (urls or feeds or sitemaps):
        raise click.UsageError("give page URLs, --feed URL or --sitemap URL")
    for url in (*urls, *feeds, *sitemaps):
        if not url.startswith(("http://", "https://")):
            raise click.BadParameter(f"{url!r} is not an http(s) URL", param_hint="URL")
    writer, warc_file = open_warc(warc) if warc else (None, None)
    config = FetchConfig(delay=delay, timeout=timeout, retries=retries, robots=not ignore_robots)
    fetcher = Fetcher(config, warc=writer)
    recorded = _RecordedRejections(db) if db is not None and not retry_rejected else None
    try:
        _run_batch(
            paths=(), raws=fetch_inputs(fetcher, urls, feeds=feeds, sitemaps=sitemaps,
                                        recorded=recorded),
            published=published, fmt=fmt, db=db, recode=False, verbose=verbose, quiet=quiet,
            actor_files=actor_files, workers=1, progress=False, coder=coder, args_by=args_by,
            gate=gate, retry_rejected=retry_rejected, not_again="fetched",
        )
    finally:
        fetcher.close()
        if recorded is not None:
            recorded.close()
        if warc_file is not None:
            warc_file.close()


class _RecordedRejections:
    """The reason ``--db`` records for the rejection of a URL (``source_rejection``), asked
    before the URL is requested. Its connection opens at the first question, when the batch
    has opened (and made or migrated) the store."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.conn: Any = None

    def __call__(self, url: str) -> str | None:
        import sqlite3

        from diurna.store.sqlite import source_rejection

        if self.conn is None:
            self.conn = sqlite3.connect(self.db, timeout=60)
        reason: str | None = source_rejection(self.conn, url)
        return reason

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to re-code."
)
@click.option(
    "--all", "everything", is_flag=True,
    help="Re-code every stored document (default: those another version coded).",
)
@click.option("--doc", "doc_ids", multiple=True, metavar="ID",
              help="Re-code this document; repeatable.")
@actors_option
@coder_options
@click.option("-v", "--verbose", is_flag=True, help="A line per document on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def recode(
    db: str,
    everything: bool,
    doc_ids: tuple[str, ...],
    actor_files: tuple[str, ...],
    coder: str,
    args_by: str,
    gate: str,
    verbose: bool,
    quiet: bool,
) -> None:
    """Re-code stored documents after a dictionary or coder change.

    Documents are re-coded from their stored text (the page is not read again) and their events,
    actors, quotes, dates and places replaced; each document records the coder version that coded
    it, and the `codings` table keeps the history. Give the --coder (--args, --gate) the documents
    were processed with: the default re-codes them with the learned coder.
    """
    from diurna import batch
    from diurna.store import UnknownDocument

    # the models load only if some document is to be re-coded: the version the pipeline will
    # record is known before it is built (a recode with nothing to do loads none)
    version = batch.default_coder_version(actor_files, coder, args_by, gate)
    store = _open_store(db)
    summary = batch.Summary()
    stored = store.count("documents")
    try:
        for outcome in batch.recode(
            store, pipeline=lambda: _pipeline(actor_files, coder, args_by, gate), coder=version,
            everything=everything, doc_ids=doc_ids or None,
        ):
            summary.add(outcome)
            if verbose:
                click.echo(_outcome_line(outcome), err=True)
    except KeyboardInterrupt:
        summary.interrupted = True
    except UnknownDocument as err:  # checked before any model loads
        raise _unknown_doc(err.doc_id) from None
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    finally:
        store.close()
    if not summary.inputs and not summary.interrupted:
        # (the batch's own line said "no input found", which reads as if the store were empty)
        if not quiet:
            click.echo(f"diurna: nothing to re-code: {plural(stored, 'document')} up to date "
                       f"in {db}", err=True)
        sys.exit(0)
    if not quiet or summary.interrupted:
        click.echo(f"diurna: {summary.line(db)}", err=True)
        _name_rejected(summary, db, verbose)
    sys.exit(summary.exit_status())


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to read."
)
@click.option("--doc", "doc_id", metavar="ID", help="Only the quotes of this document id.")
@click.option("--speaker", metavar="TEXT",
              help="Only quotes whose speaker's text contains TEXT (case-insensitive).")
@click.option("--limit", type=LIMIT, metavar="N", help=f"At most this many quotes. {LIMIT_HELP}")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
    help="A table, or one JSON quote row a line (offsets into the document's text).",
)
def quotes(db: str, doc_id: str | None, speaker: str | None, limit: int | None,
           fmt: str) -> None:
    """List stored quotes: who said what (speaker, cue, direct or indirect), with the
    document they are in (`diurna process --format json` prints a page's; this lists a
    store's). `Store.quotes()` in the library, the same rows."""
    with _open_store(db, readonly=True) as store:
        _check_doc(store, doc_id)
        rows = store.quotes(doc_id=doc_id, speaker=speaker, limit=limit)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"{plural(len(rows), 'quote')} in {db}", title_justify="left")
    for col in ("published", "speaker", "cue", "kind", "quote", "doc"):
        table.add_column(col)
    for r in rows:
        code = f" [{r['speaker_cameo']}]" if r["speaker_cameo"] else ""
        table.add_row((r["published"] or "")[:10], f"{r['speaker_text'] or ''}{code}",
                      r["cue_text"] or "", r["kind"] or "", r["text"], r["doc_id"])
    _console().print(table)


# The columns of `diurna documents` (Store.document_listing): GET /api/documents' plus source,
# site and the quote count.
DOCUMENT_COLUMNS = ("id", "title", "published", "source", "url", "site", "language", "events",
                    "quotes")


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to read."
)
@click.option("--limit", type=LIMIT, metavar="N",
              help=f"At most this many documents. {LIMIT_HELP}")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
    show_default=True,
    help="A table, one JSON document row a line, or CSV with a header.",
)
def documents(db: str, limit: int | None, fmt: str) -> None:
    """List stored documents, newest first: id, title, publication day, source (the file or
    the URL), site, language, and how many events and quotes each holds. The id is what
    `--doc` takes (`diurna events`, `quotes`, `recode`). `Store.document_listing()` in the
    library (the same rows), `GET /api/documents` in the API."""
    with _open_store(db, readonly=True) as store:
        rows = store.document_listing(limit)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if fmt == "csv":
        from diurna.store.export import csv_cell

        writer = csv.DictWriter(sys.stdout, fieldnames=DOCUMENT_COLUMNS)
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
        return
    from rich.table import Table

    table = Table(title=f"{plural(len(rows), 'document')} in {db}", title_justify="left")
    for col in ("id", "published", "title", "source", "site", "lang", "events", "quotes"):
        table.add_column(col, justify="right" if col in ("events", "quotes") else "left")
    for r in rows:
        table.add_row(r["id"], (r["published"] or "")[:10], r["title"] or "",
                      r["url"] or r["source"] or "", r["site"] or "", r["language"] or "",
                      str(r["events"]), str(r["quotes"]))
    _console().print(table)


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to read."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "tsv", "jsonl"]), default="table",
    show_default=True,
    help="A table; tab-separated lines for scripts (source, reason, detail, stage; each "
    "row one line); or one JSON row a line.",
)
def rejections(db: str, fmt: str) -> None:
    """List inputs that were rejected, with the reason, the detail and, when Diurna's own code
    failed on the input, the stage that raised (page, language, ..., events, time, places,
    store); the stage is empty for a page the reader turned away, and for rejections stored
    before Diurna recorded it."""
    with _open_store(db, readonly=True) as store:
        rows = store.rejections()
    if not rows:  # an empty listing said nothing at all; on stderr, so stdout stays rows only
        click.echo("diurna: 0 rejections", err=True)
        return
    if fmt == "table":
        _rejections_table(rows, db)
        return
    for r in rows:
        if fmt == "jsonl":
            click.echo(json.dumps(r, ensure_ascii=False))
        elif fmt == "tsv":  # stage last, so the first three columns read as they always have; a
            # detail (an exception's message) on one line, so that each row stays one line of four
            click.echo(f"{r['source']}\t{r['reason']}\t{_one_line(r['detail'] or '')}\t"
                       f"{r['stage'] or ''}")


def _rejections_table(rows: list[dict[str, Any]], db: str) -> None:
    """The rejections as the other listings' tables are (`diurna events`, `quotes`): a title
    counting them and a column each; a detail's line breaks folded, as in the TSV lines."""
    from rich.table import Table

    table = Table(title=f"{plural(len(rows), 'rejection')} in {db}", title_justify="left")
    for col in ("source", "reason", "detail", "stage"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["source"], r["reason"], _one_line(r["detail"] or ""), r["stage"] or "")
    _console().print(table)


@cli.command()
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="Database to serve."
)
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Address to bind.")
@click.option(
    "--port", type=click.IntRange(1, 65535), metavar="PORT", default=8000, show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--token-env",
    default="DIURNA_TOKEN",
    show_default=True,
    metavar="VAR",
    help="Environment variable holding the bearer token that POST /api/documents needs; "
    "when it is unset the API is read-only.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1), metavar="N",
    default=1,
    show_default=True,
    help="Server processes (one per core serves more clients at once).",
)
def serve(db: str, host: str, port: int, token_env: str, workers: int) -> None:
    """Serve the database: the HTTP API (/api/..., /docs) and the web page (/).

    The page shows a map, a timeline with a brush, an event table and each document with its
    extracted spans highlighted. Binds loopback by default; nothing is fetched from the internet.
    """
    import os

    import uvicorn

    from diurna.api import create_app
    from diurna.api.app import SERVE_DB_ENV, SERVE_TOKEN_ENV

    if not Path(db).is_file():
        raise click.ClickException(
            f"no database at {db}: run `diurna demo --db {db}` or `diurna process ... --db {db}`"
        )
    try:
        app = create_app(db, token=os.environ.get(token_env) or None)
    except (ValueError, OSError) as err:  # not a Diurna database; read-only (Store says so)
        raise click.ClickException(_one_line(str(err))) from None
    _check_listen(host, port)
    mode = "read-write (token set)" if app.state.writable else f"read-only ({token_env} unset)"
    click.echo(f"diurna: serving {db} at http://{host}:{port}/ {mode}", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[SERVE_DB_ENV] = str(Path(db).resolve())
    os.environ[SERVE_TOKEN_ENV] = token_env
    uvicorn.run(
        "diurna.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def _check_listen(host: str, port: int) -> None:
    """A one-line error when ``host:port`` cannot be listened on (a port in use, an address
    not of this machine). Without it the server printed its "serving … at http://…" line and
    then uvicorn's own ERROR line, and exited 3."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            sock.bind(address)
    except OSError as err:
        raise click.ClickException(
            f"cannot listen on {host}:{port}: {err.strerror or err}; "
            "pick another --port (or --host)") from None


@cli.command()
@click.option(
    "--db", default="demo.db", show_default=True, metavar="FILE", help="Database to write."
)
@click.option("--limit", type=LIMIT, metavar="N", help=f"Only the first N articles. {LIMIT_HELP}")
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False),
    help="JSONL corpus (default: corpus/wikinews-politics-2004-2009/articles.jsonl in the "
    "shared folder, $DIURNA_SHARED or ../shared).",
)
@click.option(
    "--workers", type=click.IntRange(min=1), metavar="N", default=1, show_default=True,
    help="Processes to spread the articles over.",
)
def demo(db: str, limit: int | None, corpus: str | None, workers: int) -> None:
    """Build a demo database from the Wikinews politics corpus (2004-2009), then `diurna serve`."""
    from diurna.api.demo import build_demo

    done = 0

    def progress(title: str) -> None:  # a line every 100 articles: the whole corpus takes an hour
        nonlocal done
        done += 1
        if done % 100 == 0:
            click.echo(f"diurna: {done} articles read ({title[:60]})", err=True)

    try:
        counts = build_demo(db, corpus=corpus, limit=limit, workers=workers, on_document=progress)
    except (FileNotFoundError, ValueError) as err:
        raise click.ClickException(str(err)) from None
    click.echo(
        f"diurna: {_counts(counts) or 'nothing read'} in {db}; now run `diurna serve --db {db}`",
        err=True,
    )


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
    "pairs-agreement": (
        "diurna.evaluate.pairs_agreement",
        "Agreement (raw, Cohen's kappa) between two judges of the event-pair gold.",
    ),
    "places": (
        "diurna.evaluate.places",
        "Toponym detection, exact GeoNames id accuracy, "
        "accuracy@161 km and mean error on gold/toponyms.jsonl.",
    ),
    "quotes": (
        "diurna.evaluate.quotes",
        "Quote detection P/R/F1 (direct, indirect), speaker and cue accuracy, with a baseline, "
        "on gold/quotes-wikinews-train.jsonl.",
    ),
    "quotes-agreement": (
        "diurna.evaluate.quotes_agreement",
        "Inter-annotator agreement between two quote gold files on their shared articles.",
    ),
    "times": (
        "diurna.evaluate.times",
        "Temporal expression detection and value accuracy on gold/times.jsonl "
        "or TimeML (.tml) files.",
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


@cli.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE",
              help="SQLite database to merge into.")
def load(out_dir: str, db: str) -> None:
    """Merge the Parquet output of `diurna process --engine ... --out DIR` into a database;
    documents already in it are skipped."""
    from diurna.scale.parquet import load as load_parquet

    try:
        with _open_store(db, create=True) as store:
            counts = load_parquet(out_dir, store)
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"diurna: {_counts(counts) or 'nothing to load'} in {db}", err=True)


def _counts(counts: dict[str, int]) -> str:
    """``{"stored": 3, "duplicate": 2, "rejected": 1}`` as ``3 stored, 2 duplicates, 1
    rejected`` (the noun takes its plural, as the batch summary's does)."""
    return ", ".join(plural(n, k) if k == "duplicate" else f"{n} {k}"
                     for k, n in counts.items() if n)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE",
              help="SQLite database whose documents to cluster.")
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True), default=None,
              metavar="SIMILARITY",
              help="Shingle Jaccard similarity from which two bodies are the same article "
                   "(default: the one chosen in docs/scale.md).")
def duplicates(db: str, threshold: float | None) -> None:
    """Group near-duplicate articles (copies, close rewrites) into clusters, every member kept,
    stored in the database's `duplicates` table; prints each cluster."""
    from diurna.duplicates import DEFAULT_THRESHOLD
    from diurna.duplicates.clusters import cluster_store, story_count

    with _open_store(db) as store:
        clusters = cluster_store(store, threshold or DEFAULT_THRESHOLD)
        titles = {r["id"]: r["title"] for r in store.documents()}
        for c in clusters:
            click.echo(f"cluster {c[0]} ({plural(len(c), 'article')})")
            for member in c:
                click.echo(f"  {member}  {titles.get(member) or ''}")
        docs, stories = store.count("documents"), story_count(store)
    click.echo(f"diurna: {plural(len(clusters), 'cluster')}; {plural(docs, 'document')}, "
               f"{plural(stories, 'story', 'stories')}", err=True)


@cli.command("clusters")
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE",
              help="SQLite database whose events to cluster.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True,
              help="A line per cluster and per report; one JSON line per cluster; or CSV, a row "
                   "per report with its cluster's articles and sources.")
@click.option("--min-articles", type=click.IntRange(1), metavar="N", default=2, show_default=True,
              help="Print only clusters reported by at least this many articles (after `diurna "
                   "duplicates`, an article and its near-duplicate copies count once).")
@click.option("--no-build", is_flag=True,
              help="Print the clusters stored by the last build instead of building them again.")
# The default is spelt here so --help shows it; a test holds it to clusters.DEFAULT_LINKER.
@click.option("--linker", type=click.Choice(["learned", "rules"]), default="learned",
              show_default=True,
              help="Link decision: the logistic model trained on hand-judged pairs, or the hand "
                   "rules (the baseline; docs/clusters.md).")
def clusters_command(db: str, fmt: str, min_articles: int, no_build: bool,
                     linker: str) -> None:
    """Link events of different articles that report the same real-world event into clusters
    (table `event_clusters`, every report kept with its source, date and status) and print them
    with their number of articles and sources (docs/clusters.md)."""
    from diurna.clusters import cluster_store, event_clusters
    from diurna.clusters.table import cluster_line, copied_titles, report_line
    from diurna.store.export import csv_cell
    from diurna.store.sqlite import has_table

    with _open_store(db, readonly=no_build) as store:
        if not no_build:
            built = cluster_store(store, linker=linker)
            click.echo(f"diurna: {plural(len(built), 'event cluster')} of "
                       f"{plural(sum(map(len, built)), 'event')} "
                       f"({plural(store.count('events'), 'event')} stored)", err=True)
        writer = None
        # the library's filter (min_articles counts a near-duplicate story once), not our own
        found = event_clusters(store, min_articles=min_articles, no_build=True)
        if not found and not has_table(store.conn, "event_clusters"):
            # an empty listing said nothing: the step that makes clusters never ran here
            click.echo(f"diurna: no event clusters built in {db} yet: run `diurna clusters "
                       f"--db {db}` without --no-build", err=True)
            return
        titles = copied_titles(store, found) if fmt == "table" else {}
        for c in found:
            if fmt == "csv":
                # the cluster's counts (``stories`` only after `diurna duplicates`)
                head = {k: v for k, v in c.items() if k not in ("statuses", "reports")}
                for r in c["reports"]:
                    row = {**head, **r}
                    if writer is None:
                        writer = csv.DictWriter(sys.stdout, fieldnames=list(row))
                        writer.writeheader()
                    writer.writerow({k: csv_cell(v) for k, v in row.items()})
                continue
            if fmt == "jsonl":
                click.echo(json.dumps(c, ensure_ascii=False))
                continue
            click.echo(cluster_line(c))
            for r in c["reports"]:
                click.echo(report_line(r, titles))


@cli.group()
def places() -> None:
    """Look place names up in the offline GeoNames gazetteer."""


@places.command("resolve")
@click.argument("name")
@click.option("--context", default="", metavar="TEXT",
              help="Text the name appears in: the countries and states it names steer the pick.")
@click.option("--url", default=None, metavar="URL",
              help="The page's address: a US local outlet's home state and town steer the pick.")
@click.option("--limit", type=LIMIT, metavar="N", default=10, show_default=True,
              help="At most this many candidates (N >= 1).")
# `jsonl` as the other commands spell one JSON object a line; `json` kept for those who use it.
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table",
              show_default=True, help="A line per candidate (`*` the pick, `-` not plausible "
                                      "here), or one JSON object a line (jsonl; json is the "
                                      "same).")
def places_resolve(name: str, context: str, url: str | None, limit: int, fmt: str) -> None:
    """Ranked GeoNames candidates for NAME, best first (library: diurna.places.resolve)."""
    from diurna.places import resolve

    cands = resolve(name, context=context, url=url, limit=limit)
    if not cands:
        raise click.ClickException(f"no place called {name!r} in the gazetteer")
    for c in cands:
        if fmt in ("jsonl", "json"):
            click.echo(json.dumps(c.to_dict(), ensure_ascii=False))
        else:
            mark = "*" if c.chosen else (" " if c.plausible else "-")
            click.echo(f"{mark} {c.score:6.2f}  {str(c.geonameid or '-'):<9} {c.name}, "
                       f"{c.admin1 or '-'}, {c.country or '-'}  {c.feature}  pop {c.population}"
                       f"  ({c.lat}, {c.lon})")


def _open_store(db: str, *, create: bool = False, readonly: bool = False) -> Any:
    """The store at ``db``; with ``create`` it is made when missing. ``readonly`` is for the
    commands that only read: a current file is then opened read-only, so a shared or
    read-only file can be listed (``Store``). A missing file or folder, or a file that is not a
    Diurna database, is a one-line error naming it (no traceback)."""
    from diurna.store import Store

    try:
        return Store(db, create=create, readonly=readonly)
    except (ValueError, OSError) as err:
        raise click.ClickException(_one_line(str(err))) from None


def main() -> None:
    """The ``diurna`` command. A bad actor dictionary file met where no command expects one
    (read on first use) is still the one line every command gives for it, not a traceback."""
    try:
        cli(prog_name="diurna")
    except ValueError as err:
        actors = sys.modules.get("diurna.actors.dictionary")  # loaded if it raised this
        if actors is None or not isinstance(err, actors.DictionaryError):
            raise
        _actor_file_error(err).show()
        sys.exit(1)


if __name__ == "__main__":
    main()
