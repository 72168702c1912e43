"""The HTTP API and web page over one Diurna database (``diurna serve``).

FastAPI on uvicorn, one process, no other server: the endpoints read the embedded SQLite store
through one read connection per worker thread, and ``POST /api/documents`` runs the pipeline and
writes through :class:`diurna.store.Store`. Choices that keep a laptop user safe by default:

- it binds loopback (``127.0.0.1``) unless told otherwise, and sends no CORS headers, so another
  site open in the same browser cannot read the API;
- writing needs a bearer token configured (``--token-env``) *and* given; without one the API is
  read-only;
- request bodies over ``max_upload`` bytes are refused (413) before they are read whole;
- every error is JSON ``{"error": {"status", "message"}}`` with the right status, never a
  traceback;
- the page renders stored text only as text (``textContent``), and a Content-Security-Policy
  allows only the app's own scripts, so markup in a processed page can never run.
"""

from __future__ import annotations

import functools
import hmac
import html
import io
import json
import os
import re
import sqlite3
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from diurna.api import events as ev
from diurna.api.events import FilterError, event_query
from diurna.duplicates.clusters import (
    copies_condition,
    duplicate_copies,
    once_per_story,
)
from diurna.model import iso_day
from diurna.page.inputs import RawInput, page_field
from diurna.pipeline import FAILURES
from diurna.places.codes import alpha2, alpha3
from diurna.store.export import write_csv
from diurna.store.query import (
    EventQuery,
    actor_vocabulary,
    country_code,
    event_row,
    event_types,
    select_sql,
    with_stored_actors,
)
from diurna.store.schema import COLUMN_NAMES
from diurna.store.sqlite import (
    connect_read,
    dict_rows,
    file_stamp,
    is_snapshot,
    rejection_detail,
    tidy_reader_files,
)
from diurna.store.stats import NONE, key_value, stats_where
from diurna.store.stats import TABLE as STATS_TABLE

STATIC = Path(__file__).parent / "static"
MAX_UPLOAD = 5 * 1024 * 1024
MMAP_BYTES = 1 << 30
READ_THREADS = 8  # worker threads for requests; more only make the threads fight for the GIL
EVENT_ID = re.compile(r"^[0-9a-f]{16}:[0-9]{1,6}$")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
FORMATS = {
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
}
ACCEPT = {
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/csv": "csv",
    "application/geo+json": "geojson",
    "application/json": "json",
}
PAGE_PARAMS = {"sort", "limit", "cursor", "format"}


class ApiError(Exception):
    """An error answered as JSON: its HTTP status, a one-line message saying what happened (for
    a 4xx, what to do), and any ``fields`` added beside them (a 500's stage and document)."""

    def __init__(
        self,
        status: int,
        message: str,
        headers: dict[str, str] | None = None,
        fields: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.fields = fields or {}


def _error(
    status: int,
    message: str,
    headers: dict[str, str] | None = None,
    fields: dict[str, Any] | None = None,
) -> JSONResponse:
    body = {"status": status, "message": message, **(fields or {})}
    return JSONResponse({"error": body}, status_code=status, headers=headers)


class Database:
    """One read connection per thread to the store at ``path`` (SQLite connections are not
    shared between threads); writes go through :class:`diurna.store.Store`."""

    def __init__(self, path: Path, *, read_uri: str | None = None) -> None:
        """``read_uri``: given (``Store.read_uri``: a server with no token, whose store may be
        a read-only file), the read connections are read-only as ``Store`` opens them
        (:func:`diurna.store.sqlite.connect_read`: SQLite's ``mode=ro``, else an immutable
        snapshot, each thread's decided when it opens); they are ``query_only`` either way."""
        self.path = path
        self.read_uri = read_uri
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []  # every thread's, for close()
        self._opened_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.stats_cache: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._copies: frozenset[str] = frozenset()  # the last copies read, by any thread
        self._copies_lock = threading.Lock()

    def version(self) -> tuple[int, int]:
        """Changes whenever a document or event is added (rows are never deleted)."""
        row = (
            self.read()
            .execute("SELECT (SELECT max(rowid) FROM events), (SELECT max(rowid) FROM documents)")
            .fetchone()
        )
        return (row[0] or 0, row[1] or 0)

    def copies(self) -> frozenset[str]:
        """The near-duplicate copies (:func:`diurna.duplicates.clusters.duplicate_copies`),
        read again only when the store has changed since this thread's connection last read
        them: SQLite's ``data_version`` changes whenever another connection commits (a
        ``diurna duplicates`` run, a ``diurna process``, this server's own uploads), so a
        request costs one pragma, not a read of the whole ``duplicates`` table. Equal sets read
        by different threads are one object, so the stats cache key that holds them is
        hashed and compared once, not at every request."""
        conn = self.read()
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        seen = getattr(self._local, "copies", None)
        if seen is not None and seen[0] is conn and seen[1] == version:
            return seen[2]  # type: ignore[no-any-return]
        found = frozenset(duplicate_copies(conn))
        with self._copies_lock:
            if found == self._copies:
                found = self._copies
            else:
                self._copies = found
        self._local.copies = (conn, version, found)
        return found

    def close(self) -> None:
        """Close every thread's read connection (the server is stopping) and remove the
        ``-wal`` and ``-shm`` files read-only ones made when nothing else needs them
        (:func:`diurna.store.sqlite.tidy_reader_files`)."""
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()  # check_same_thread=False: any thread may close it
        if self.read_uri is not None:
            tidy_reader_files(self.path)

    def read(self) -> sqlite3.Connection:
        """This thread's read-only connection, opened on its first use.

        An immutable snapshot (a folder this server may not write, opened while no writer ran:
        :func:`diurna.store.sqlite.connect_read`) is opened again once a writer has touched the
        file, so the rows another user's ``diurna process`` adds are served too."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.stamp is not None and \
                self._local.stamp != file_stamp(self.path):
            with self._opened_lock:
                if conn in self._opened:  # (else close() has it)
                    self._opened.remove(conn)
            conn.close()
            conn = None
        if conn is None:
            stamp = None
            if self.read_uri is None:
                conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            else:
                # taken before opening: a write in between makes the next call open again
                stamp = file_stamp(self.path)
                conn, uri = connect_read(self.path, timeout=30, check_same_thread=False)
                stamp = stamp if is_snapshot(uri) else None
            self._local.stamp = stamp
            with self._opened_lock:
                self._opened.append(conn)
            conn.execute("PRAGMA query_only = 1")
            # Read through one shared memory map (the OS page cache) rather than copying pages
            # into each thread's own cache.
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self._local.conn = conn
        return conn

    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """The rows of a read query as {column: value} dicts."""
        return list(dict_rows(self.read().execute(sql, params)))


def create_app(
    db: str | Path, *, token: str | None = None, max_upload: int = MAX_UPLOAD
) -> FastAPI:
    """The app serving the database at ``db`` (created, with its indexes, if missing).

    ``token``: the bearer token that ``POST /api/documents`` requires; None makes the API
    read-only, and a store of this version is then opened read-only (nothing written, so a
    read-only file can be served). ``max_upload``: the largest request body accepted, in bytes.
    """
    from diurna import __version__
    from diurna.events.ontology import load_ontology
    from diurna.store import Store

    path = Path(db)
    # Schema and indexes of this version, also for an older file; with no token nothing is
    # written, so a current file is only read (a read-only file or mount can be served).
    with Store(path, readonly=not token) as store:
        read_uri = store.read_uri
    # Read the event types now: the first filtered requests would otherwise each parse the
    # YAML in parallel threads (the cache fills only when one finishes), seconds of CPU for a
    # freshly started server or worker process (measured in docs/api.md).
    load_ontology()
    _check_actor_files()
    database = Database(path, read_uri=read_uri)
    app = FastAPI(
        lifespan=_fewer_threads,
        title="Diurna",
        version=__version__,
        description="Source-linked event data: every value carries offsets into its document.",
        docs_url=None,
        redoc_url=None,
    )
    app.router.route_class = _GetAndHeadRoute  # before any route is added
    app.state.db = database

    app.state.writable = bool(token)
    _install_errors(app, max_upload)
    _install_routes(app, database, token, max_upload)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _check_actor_files() -> None:
    """Read the actor files ``$DIURNA_ACTORS`` names now, when the variable is set (about a
    second; nothing without it): a bad one is then the server's start-up error, one line
    naming the file (``diurna serve`` exits 1), shown to whoever started it and can fix it,
    where it was a 500 "internal error (DictionaryError)" for every later request with an
    actor id or sector filter, or an upload. The dictionary's vocabulary stays cached for
    those requests."""
    from diurna.actors.dictionary import ENV_VAR

    if os.environ.get(ENV_VAR, "").strip():
        actor_vocabulary()


class _GetAndHeadRoute(APIRoute):
    """A route that answers ``HEAD`` wherever it answers ``GET``, as HTTP asks (RFC 9110
    9.3.2) and Starlette's own routes do; FastAPI's ``APIRoute`` does not (fastapi#1773), so
    ``HEAD /`` and ``HEAD /api/events`` were 405s. A ``HEAD`` request runs the ``GET``
    endpoint and its answer goes out without the body (headers, ``content-length`` among
    them, as ``GET`` gives them). ``HEAD`` is not added to ``methods``, so the OpenAPI schema
    lists each operation once."""

    def matches(self, scope: Any) -> tuple[Match, Any]:
        return super().matches(_as_get(scope, self.methods))

    async def handle(self, scope: Any, receive: Any, send: Any) -> None:
        as_get = _as_get(scope, self.methods)
        if as_get is scope:
            await super().handle(scope, receive, send)
            return

        async def headers_only(message: Any) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await super().handle(as_get, receive, headers_only)


def _as_get(scope: Any, methods: set[str] | None) -> Any:
    """``scope`` as a ``GET`` when it is a ``HEAD`` on a route that answers ``GET``; else
    ``scope`` itself."""
    if scope.get("type") == "http" and scope.get("method") == "HEAD" and methods and (
        "GET" in methods
    ):
        return {**scope, "method": "GET"}
    return scope


SERVE_DB_ENV = "DIURNA_SERVE_DB"
SERVE_TOKEN_ENV = "DIURNA_SERVE_TOKEN_ENV"


def app_from_env() -> FastAPI:
    """The app for uvicorn's worker processes (``diurna serve --workers N``): the database path
    and the name of the token's variable come through the environment they inherit."""
    import os

    token = os.environ.get(os.environ.get(SERVE_TOKEN_ENV, "DIURNA_TOKEN"), "") or None
    return create_app(os.environ[SERVE_DB_ENV], token=token)


@asynccontextmanager
async def _fewer_threads(app: FastAPI) -> AsyncIterator[None]:
    """Serve requests from READ_THREADS threads instead of anyio's default 40; on stopping,
    close the read connections (a read-only server's ``-wal`` and ``-shm`` files go too)."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = int(
        os.environ.get("DIURNA_READ_THREADS", READ_THREADS)
    )
    yield
    app.state.db.close()


def _install_errors(app: FastAPI, max_upload: int) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.headers, exc.fields)

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:3]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return _error(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path {request.url.path[:100]}: see /docs for the API"
        return _error(exc.status_code, message)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        # A bad actor dictionary file is the server's own (checked at start-up, since
        # changed): a client cannot fix it, so a 500 naming it. The class is looked up, not
        # imported here: importing the dictionary's package loads spaCy (0.3 s at start-up).
        actors = sys.modules.get("diurna.actors.dictionary")  # loaded if it raised this
        if actors is not None and isinstance(exc, actors.DictionaryError):
            return _error(500, f"the server's actor dictionary cannot be read: {exc}",
                          fields={"file": exc.path})
        return await crashed(request, exc)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__}); see the server's log")

    app.add_middleware(_Guard, max_upload=max_upload)


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class _Guard:
    """Plain ASGI middleware (not Starlette's ``BaseHTTPMiddleware``, which costs a task and a
    stream per request): refuses a declared body over ``max_upload`` bytes with a 413 before
    it is read, and adds the security headers to every response."""

    def __init__(self, app: Any, max_upload: int) -> None:
        self.app = app
        self.max_upload = max_upload

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (
                not value.isdigit() or int(value) > self.max_upload
            ):
                message = _too_large(self.max_upload)
                await _error(413, message)(scope, receive, self._secured(send))
                return
        await self.app(scope, receive, self._secured(send))

    @staticmethod
    def _secured(send: Any) -> Any:
        async def secured(message: Any) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), *SECURITY_HEADERS]}
            await send(message)

        return secured


def _params(request: Request, allowed: set[str]) -> dict[str, str]:
    """The query parameters, refusing names the endpoint does not know (a typo is an error)."""
    params = dict(request.query_params)
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise ApiError(
            400, f"unknown parameter {', '.join(unknown)}: use {', '.join(sorted(allowed))}"
        )
    return params


#: The largest whole number a parameter may give: SQLite's largest integer (a larger OFFSET
#: cannot be bound, and no store holds that many rows).
MAX_WHOLE = 2**63 - 1


def _whole(params: dict[str, str], name: str, default: int, least: int = 0,
           most: int = MAX_WHOLE) -> int:
    """Parameter ``name`` as a whole number from ``least`` to ``most`` (``default`` when it is
    not given), else a 400 saying what to give. Only ASCII digits count: ``str.isdigit`` also
    takes ``²``, which ``int`` refuses, and a number past SQLite's integers cannot be bound;
    both were 500s."""
    raw = params.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or not least <= int(raw) <= most:
        raise ApiError(400, f"{name} {raw[:40]!r} is not a whole number from {least} to {most}")
    return int(raw)


def _limit(params: dict[str, str], default: int, most: int) -> int:
    """The ``limit`` parameter: 1 to ``most`` rows, ``default`` when not given."""
    return _whole(params, "limit", default, 1, most)


#: The values ``all_copies`` takes (anything else is a 400, not a silent default).
FLAGS = {"true": True, "1": True, "false": False, "0": False}


def _all_copies(params: dict[str, str]) -> bool:
    """The ``all_copies`` parameter: true keeps the events (mentions) of near-duplicate copies
    that ``diurna duplicates`` grouped; false, the default, counts a clustered story once."""
    raw = params.get("all_copies", "false")
    if raw.lower() not in FLAGS:
        raise ApiError(400, f"all_copies {raw[:40]!r} is not a flag: use true or false")
    return FLAGS[raw.lower()]


def _story_query(db: Database, params: dict[str, str]) -> EventQuery:
    """The request's event filters, a clustered story counted once unless ``all_copies``
    (:func:`diurna.duplicates.clusters.once_per_story`, as ``diurna events`` and ``export``).
    Whether there are copies is read from :meth:`Database.copies`, which asks the store again
    only after it has changed (a ``diurna duplicates`` run is seen at the next request)."""
    query, every = with_stored_actors(event_query(params), db.read()), _all_copies(params)
    if query.doc_id is not None:
        _require_document(db, query.doc_id)
    return once_per_story(query, db.read(), all_copies=every,
                          copies=None if every else db.copies())


def _no_document(doc_id: str) -> ApiError:
    """The 404 for a document id no stored document has, naming it and where the ids are."""
    return ApiError(
        404, f"no stored document with id {doc_id[:40]!r}: GET /api/documents lists the stored "
        "ones (each one's id)", fields={"doc_id": doc_id[:40]},
    )


def _require_document(db: Database, doc_id: str) -> None:
    """A 404 (:func:`_no_document`) unless the ``doc_id`` filter names a stored document: it
    answered an empty list, as for a stored document with no events (which still does), so a
    typo or an id prefix could not be told from one (``diurna events --doc`` and the library's
    :class:`diurna.store.UnknownDocument` refuse it too)."""
    if not db.rows("SELECT 1 FROM documents WHERE id = ?", (doc_id,)):
        raise _no_document(doc_id)


def _format(request: Request, params: dict[str, str]) -> str:
    fmt = params.get("format")
    if fmt:
        if fmt not in FORMATS:
            raise ApiError(400, f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return fmt
    for part in request.headers.get("accept", "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in ACCEPT:
            return ACCEPT[media]
    return "json"


def _query_schema(names: set[str]) -> dict[str, Any]:
    """OpenAPI ``parameters`` for the query names an endpoint reads from the request itself
    (and refuses others: :func:`_params`): without them /openapi.json listed no parameter at
    all, so a client made from it could not filter."""
    return {"parameters": [{"name": name, "in": "query", "required": False,
                            "schema": {"type": "string"}} for name in sorted(names)]}


def _install_routes(app: FastAPI, db: Database, token: str | None, max_upload: int) -> None:
    event_params = set(ev.FILTER_NAMES) | PAGE_PARAMS | {"all_copies"}
    cluster_params = {"type", "min_articles", "limit", "offset"}
    document_params = {"q", "limit", "offset"}
    upload_params = {"published", "source"}
    stats_params = set(ev.FILTER_NAMES) | {"interval", "all_copies"}
    actor_params = {"country", "sector", "q", "limit", "all_copies"}
    place_params = set(ev.FILTER_NAMES) | {"limit", "all_copies"}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        """No content: the page and /docs name their icon (/static/favicon.svg), and a browser
        that asks for /favicon.ico anyway (a JSON answer opened in a tab) is told there is
        none here, not "no such path"."""
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_docs_page(app.openapi()))

    @app.get("/api/events", summary="Events, filtered, sorted and paged",
             openapi_extra=_query_schema(event_params))
    def list_events(request: Request) -> Response:
        """Filters: type (comma list), mode, status, actor_country, recipient_country (ISO
        alpha-3 or alpha-2), actor_sector, recipient_sector, actor_id, recipient_id
        (dictionary id or CAMEO code), date_from, date_to (YYYY-MM-DD, on the event's day),
        doc_id (a stored document's id: another is a 404), place (GeoNames name or id, or
        country code), bbox (min_lon,min_lat,max_lon,max_lat), q (text in the sentence).
        sort: date (default) or
        type (prefix - for descending). limit (1-1000, default 100), cursor (the `next` of the
        previous page).
        format (or Accept): json, jsonl, csv, geojson. all_copies (true/false, default false):
        after `diurna duplicates`, a clustered story's events are its first member's unless
        true."""
        params = _params(request, event_params)
        fmt = _format(request, params)
        query = _story_query(db, params)
        sort, cursor = params.get("sort"), params.get("cursor")
        limit = _limit(params, 100, ev.MAX_LIMIT)
        if fmt in ("json", "jsonl"):
            # The stored blobs joined by SQLite in one row: no per-event Python objects.
            body, nxt = ev.page_blobs(
                db.read(), query, sort=sort, limit=limit, cursor=cursor,
                separator=BLOB_SEPARATORS[fmt],
            )  # fmt: skip
            headers = {"X-Next-Cursor": nxt} if nxt else {}
            return Response(_blobs_body(body, nxt, fmt), media_type=FORMATS[fmt], headers=headers)
        rows, nxt = ev.page(db.read(), query, sort=sort, limit=limit, cursor=cursor)
        headers = {"X-Next-Cursor": nxt} if nxt else {}
        return _events_response(rows, nxt, fmt, headers)

    @app.get("/api/events/{event_id}", summary="One event")
    def get_event(event_id: str) -> Response:
        if not EVENT_ID.match(event_id):
            raise ApiError(400, f"{event_id[:40]!r} is not an event id: use DOCID:N")
        rows = db.rows(f"{select_sql(db.read())} WHERE e.id = ?", (event_id,))
        if not rows:
            raise ApiError(404, f"no event {event_id}")
        return _json(ev.event_json(rows[0]))

    @app.get("/api/clusters", summary="Event clusters: one event from many reports",
             openapi_extra=_query_schema(cluster_params))
    def list_clusters(request: Request) -> Response:
        """Clusters built by `diurna clusters` (none before): each with its type, first and last
        day, number of articles (after `diurna duplicates` also of stories: near-duplicate
        copies counted once) and of sources, statuses and every report (article, source, day,
        status, who said it). Filters: type (one or a comma list; an unknown type is a 400, as
        in /api/events), min_articles (default 2; a story's copies count once, as in `diurna
        clusters`); limit (1-1000, default 100), offset."""
        from diurna.clusters import clusters

        params = _params(request, cluster_params)
        least, offset = _whole(params, "min_articles", 2), _whole(params, "offset", 0)
        limit = _limit(params, 100, 1000)
        types = set(event_types(params.get("type")))
        wanted = [c for c in clusters(db.read(), min_articles=least)
                  if not types or c["type"] in types]
        return _json({"total": len(wanted), "clusters": wanted[offset : offset + limit]})

    @app.get("/api/documents", summary="Stored documents, newest first",
             openapi_extra=_query_schema(document_params))
    def list_documents(request: Request) -> Response:
        params = _params(request, document_params)
        offset = _whole(params, "offset", 0)
        sql = (
            "SELECT d.id, d.title, d.published, d.url, d.language, "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events FROM documents d"
        )
        args: list[Any] = []
        if params.get("q"):
            sql += " WHERE instr(lower(d.title), lower(?)) > 0"
            args.append(params["q"])
        sql += " ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?"
        args += [_limit(params, 100, 1000), offset]
        return _json({"documents": db.rows(sql, args)})

    @app.get("/api/documents/{doc_id}", summary="A document with every extracted span")
    def get_document(doc_id: str) -> Response:
        try:
            ev.valid_doc_id(doc_id)
        except FilterError as err:
            raise ApiError(400, str(err)) from None
        doc = _document(db, doc_id)
        if doc is None:
            raise _no_document(doc_id)
        return _json(doc)

    @app.post("/api/documents", summary="Process and store a page (needs the bearer token)",
              openapi_extra=_query_schema(upload_params))
    async def post_document(request: Request) -> Response:
        """Body: a page (text/html, text/plain or application/octet-stream; `?published=`
        optional) or JSON `{"html" | "text": ..., "published": "YYYY-MM-DD", "source": ...}`.
        Needs `Authorization: Bearer TOKEN` with the token the server was started with."""
        _check_token(request, token)
        params = _params(request, upload_params)
        body = await _read_body(request, max_upload)
        data, kind, published, source = _upload(request, body, params)
        from starlette.concurrency import run_in_threadpool

        doc = await run_in_threadpool(_process_and_store, db, data, kind, published, source)
        if doc["rejected"] in FAILURES:
            # our stage failed on a page it accepted: a server error, not the client's
            stage = doc["stage"] or "pipeline"
            raise ApiError(
                500,
                f"stage {stage} failed on document {doc['id']} ({doc['source']}): "
                f"{doc['detail'] or doc['rejected']}; stored as a rejection "
                "(`diurna rejections`)",
                fields={"stage": stage, "doc_id": doc["id"], "reason": doc["rejected"]},
            )
        if doc["rejected"]:
            raise ApiError(
                422, f"page rejected ({doc['rejected']}): {doc['detail'] or 'send a page'}"
            )
        return _json(doc, status=201)

    @app.get("/api/stats", summary="Counts by day and type, by type, by country",
             openapi_extra=_query_schema(stats_params))
    def stats(request: Request) -> Response:
        """Same filters (and all_copies) as /api/events; interval: day, month or auto (day up
        to 400 days)."""
        params = _params(request, stats_params)
        interval = params.get("interval", "auto")
        if interval not in ("auto", "day", "month"):
            raise ApiError(400, f"unknown interval {interval!r}: use auto, day or month")
        return _json(_stats(db, _story_query(db, params), interval))

    @app.get("/api/actors", summary="Actors of the dictionary found in the text, with counts",
             openapi_extra=_query_schema(actor_params))
    def actors(request: Request) -> Response:
        """Filters: country (ISO alpha-3 or alpha-2, as the events' filters; an unknown code is
        a 400), sector, q (name or id); limit (1-5000, default 100). all_copies
        (default false): after `diurna duplicates`, the mentions of a clustered story's copies
        are left out, as their events are."""
        params = _params(request, actor_params)
        sql = (
            "SELECT actor_id AS id, max(actor_name) AS name, max(country) AS country, "
            "max(sector) AS sector, max(cameo) AS cameo, count(*) AS mentions, "
            "count(DISTINCT doc_id) AS documents FROM mentions WHERE actor_id IS NOT NULL"
        )
        if not _all_copies(params) and db.copies():
            sql += " AND " + copies_condition("doc_id")
        args: list[Any] = []
        if params.get("country"):  # alpha-2 or alpha-3, as the events' country filters
            sql += " AND country = ?"
            args.append(country_code(params["country"]))
        if params.get("sector"):
            sql += " AND sector = ?"
            args.append(params["sector"].upper())
        if params.get("q"):
            sql += " AND (instr(lower(actor_name), lower(?)) > 0 OR actor_id = upper(?))"
            args += [params["q"], params["q"]]
        sql += " GROUP BY actor_id ORDER BY mentions DESC, actor_id LIMIT ?"
        args.append(_limit(params, 100, 5000))
        return _json({"actors": db.rows(sql, args)})

    @app.get("/api/places", summary="Event places as GeoJSON points with event counts",
             openapi_extra=_query_schema(place_params))
    def places(request: Request) -> Response:
        """Same filters (and all_copies) as /api/events; limit (1-20000, default 2000)."""
        params = _params(request, place_params)
        filters = _story_query(db, params)
        clauses, args = filters.conditions()
        where = " AND ".join(["e.place_lat IS NOT NULL", *clauses])
        sql = (
            "SELECT e.place_geonameid AS geonameid, max(e.place_name) AS name, "
            "max(e.place_country) AS country, max(e.place_lat) AS lat, max(e.place_lon) AS lon, "
            "max(e.place_precision) AS precision, count(*) AS events"
            f"{ev.source(filters)} WHERE {where} GROUP BY e.place_geonameid "
            "ORDER BY events DESC LIMIT ?"
        )
        rows = db.rows(sql, [*args, _limit(params, 2000, 20000)])
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [r.pop("lon"), r.pop("lat")]},
                "properties": {**r, **_countries(r["country"])},
            }
            for r in rows
        ]
        return _json({"type": "FeatureCollection", "features": features}, FORMATS["geojson"])


def _countries(code: str | None) -> dict[str, str | None]:
    """A place's ``country`` in ISO alpha-3, as every other country Diurna gives (the event
    rows, the actors), and ``country_alpha2`` beside it; the store keeps the gazetteer's
    alpha-2. A code neither table knows is given as it is."""
    return {"country": alpha3(code) or code, "country_alpha2": alpha2(code) or code}


def _alpha3_keys(counts: dict[str, int]) -> dict[str, int]:
    """Counts by place country (the store's alpha-2) keyed by ISO alpha-3."""
    out: dict[str, int] = {}
    for code, n in counts.items():
        key = alpha3(code) or code
        out[key] = out.get(key, 0) + n
    return out


def _dumps(data: Any) -> bytes:
    return orjson.dumps(data)


def _json(data: Any, media: str = "application/json", status: int = 200) -> Response:
    return Response(_dumps(data), status_code=status, media_type=media)


BLOB_SEPARATORS = {"json": ",", "jsonl": "\n"}


def _blobs_body(joined: bytes, nxt: str | None, fmt: str) -> bytes:
    """A JSON or JSONL page from its events' stored blobs, already joined (see ev.page_blobs)."""
    if fmt == "jsonl":
        return joined + b"\n" if joined else b""
    return b'{"events":[' + joined + b'],"next":' + _dumps(nxt) + b"}"


def _events_response(
    rows: list[dict[str, Any]], nxt: str | None, fmt: str, headers: dict[str, str]
) -> Response:
    """A CSV or GeoJSON page from full event rows (JSON pages: :func:`_blobs_body`)."""
    if fmt == "csv":  # the columns and cells of `diurna export --to FILE.csv`: one writer
        out = io.StringIO()
        write_csv(out, COLUMN_NAMES, map(event_row, rows))
        return Response(out.getvalue(), media_type=FORMATS[fmt], headers=headers)
    features = [f for f in map(ev.event_feature, rows) if f]
    data = {"type": "FeatureCollection", "features": features, "next": nxt}
    return Response(_dumps(data), media_type=FORMATS[fmt], headers=headers)


STATS_CACHE_SIZE = 256
MONTHLY_AFTER_DAYS = 400  # a timeline over more days than this is counted by month


def _stats(db: Database, filters: EventQuery, interval: str = "auto") -> dict[str, Any]:
    """Counts of the filtered events by period (day or month) and type, by type and by country.

    ``interval=auto`` counts by day over at most MONTHLY_AFTER_DAYS days, else by month, so the
    timeline gets at most a few thousand rows however many years the store covers. Answers are
    cached per filter set until the store gains a row (counts are asked again at every brush)
    or until ``diurna duplicates`` finds other copies (:meth:`Database.copies`, itself read
    once per store state).

    When the store has near-duplicate copies the answer says how many documents they are
    (``copies``), whether they were left out (the default) or kept (``all_copies``), so the
    page can tell its user; a store with none answers as before, without the key.
    """
    copies = db.copies()
    key = (filters, interval, db.version(), copies)
    cached = db.stats_cache.get(key)
    if cached is not None:
        return cached
    counted = _stats_counts(db, filters)
    by_day = counted["by_day"]
    days: list[str] = [d for d, _, _ in by_day if d]
    first = min(days) if days else None
    last = max(days) if days else None
    if interval == "auto":
        span = (date.fromisoformat(max(days)) - date.fromisoformat(min(days))).days if days else 0
        interval = "day" if span <= MONTHLY_AFTER_DAYS else "month"
    width = 10 if interval == "day" else 7
    periods: dict[tuple[str, str], int] = {}
    by_type: dict[str, int] = {}
    undated = 0
    for day, type_, n in by_day:
        by_type[type_] = by_type.get(type_, 0) + n
        if day:
            periods[(day[:width], type_)] = periods.get((day[:width], type_), 0) + n
        else:
            undated += n

    def most_first(counts: dict[str, int]) -> dict[str, int]:
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    result = {
        "events": sum(by_type.values()),
        "first_day": first,
        "last_day": last,
        "interval": interval,
        "by_period": [
            {"period": period, "type": type_, "n": n}
            for (period, type_), n in sorted(periods.items())
        ],
        "undated": undated,
        "by_type": most_first(by_type),
        "by_place_country": most_first(_alpha3_keys(counted["place_country"])),
        "by_actor_country": most_first(counted["actor_country"]),
    }
    if copies:
        result["copies"] = len(copies)
    if len(db.stats_cache) >= STATS_CACHE_SIZE:
        db.stats_cache.pop(next(iter(db.stats_cache)))
    db.stats_cache[key] = result
    return result


def _stats_counts(db: Database, filters: EventQuery) -> dict[str, Any]:
    """The counts /api/stats is made of: ``by_day`` (day, type, n) rows and the counts by
    ``place_country`` and by (primary) ``actor_country``, NULLs left out.

    Read from the pre-aggregated ``event_stats`` table (diurna.store.stats) when it keeps every
    given filter, else from the events themselves; both give the same counts (tested).

    With near-duplicate copies left out (``filters.copies == "skip"``), the counts of every
    event less those of the copies' events: the copies are few and found by the events'
    ``doc_id`` index, so the table's fast path (or the events' covering indexes) still counts
    the rest (measured against counting the events without the copies: docs/scale.md, 3).
    """
    if filters.copies == "skip":
        every = _stats_counts(db, replace(filters, copies=None))
        return _minus(every, _event_counts(db, replace(filters, copies="only")))
    found = stats_where(filters)
    if found is None:
        return _event_counts(db, filters)
    where, args = found
    conn = db.read()
    by_day = [
        (day, key_value(type_), n)
        for day, type_, n in conn.execute(
            f"SELECT s.day, s.type, sum(s.n) FROM {STATS_TABLE} s{where} GROUP BY s.type, s.day",
            args,
        )
    ]

    def by(column: str) -> dict[str, int]:
        rows = conn.execute(
            f"SELECT s.{column}, sum(s.n) FROM {STATS_TABLE} s{where} AND s.{column} != ? "
            f"GROUP BY s.{column}",
            [*args, NONE],
        )
        return dict(rows.fetchall())

    return {
        "by_day": by_day,
        "place_country": by("place_country"),
        "actor_country": by("actor_country"),
    }


def _minus(every: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The counts of :func:`_stats_counts` ``every`` less those of ``part`` (a subset of its
    events); a key counted zero times is left out, as a count would leave it."""
    taken: dict[tuple[str, Any], int] = {}
    for day, type_, n in part["by_day"]:
        taken[(day or "", type_)] = taken.get((day or "", type_), 0) + n
    by_day = [(day, type_, n - taken.get((day or "", type_), 0))
              for day, type_, n in every["by_day"]]  # fmt: skip
    out: dict[str, Any] = {"by_day": [row for row in by_day if row[2] > 0]}
    for column in ("place_country", "actor_country"):
        less = {k: n - part[column].get(k, 0) for k, n in every[column].items()}
        out[column] = {k: n for k, n in less.items() if n > 0}
    return out


def _event_counts(db: Database, filters: EventQuery) -> dict[str, Any]:
    """:func:`_stats_counts` from the events (any filter)."""
    source = ev.source(filters)
    clauses, args = filters.conditions()
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    # One pass by (type, day), in the order of the (type, day) index; then one count per
    # country column.
    by_day = db.read().execute(
        f"SELECT e.day, e.type, count(*){source}{where} GROUP BY e.type, e.day", args
    ).fetchall()

    def by(column: str) -> dict[str, int]:  # each from its own index when unfiltered
        rows = db.read().execute(
            f"SELECT e.{column}, count(*){source} WHERE "
            + " AND ".join([*clauses, f"e.{column} IS NOT NULL"])
            + f" GROUP BY e.{column}",
            args,
        )
        return dict(rows.fetchall())

    return {
        "by_day": by_day,
        "place_country": by("place_country"),
        "actor_country": by("actor_country"),
    }


# --- documents ---------------------------------------------------------------------------------


def _document(db: Database, doc_id: str) -> dict[str, Any] | None:
    """A stored document: its body text, every span with kind and fields, comments apart."""
    rows = db.rows(
        "SELECT id, source, title, dek, byline, published, url, site, language, text, skipped "
        "FROM documents WHERE id = ?",
        (doc_id,),
    )
    if not rows:
        return None
    doc = rows[0]
    doc["skipped"] = json.loads(doc["skipped"] or "[]")
    q = (doc_id,)
    spans: list[dict[str, Any]] = []
    for r in db.rows("SELECT * FROM mentions WHERE doc_id = ? ORDER BY idx", q):
        spans.append(
            _span_of(r, "actor", label=r["label"], actor_id=r["actor_id"], name=r["actor_name"],
                     country=r["country"], sector=r["sector"], cameo=r["cameo"])
        )  # fmt: skip
    for r in db.rows("SELECT * FROM quotes WHERE doc_id = ? ORDER BY idx", q):
        speaker = r["speaker_text"]
        spans.append(_span_of(r, "quote", quote_kind=r["kind"], speaker=speaker,
                              speaker_cameo=r["speaker_cameo"], cue=r["cue_text"],
                              source_kind=r["source_kind"]))  # fmt: skip
        if r["speaker_start"] is not None:
            spans.append(
                {"kind": "speaker", "start": r["speaker_start"], "end": r["speaker_end"],
                 "text": speaker, "quote": r["idx"], "cameo": r["speaker_cameo"]}
            )  # fmt: skip
        if r["cue_start"] is not None:
            spans.append(
                {"kind": "cue", "start": r["cue_start"], "end": r["cue_end"],
                 "text": r["cue_text"], "quote": r["idx"]}
            )  # fmt: skip
    for r in db.rows("SELECT * FROM times WHERE doc_id = ? ORDER BY idx", q):
        spans.append(_span_of(r, "time", value=r["value"], precision=r["precision"],
                              time_kind=r["kind"], end_point=_end_point(r)))
    headline_places = []
    for r in db.rows("SELECT * FROM places WHERE doc_id = ? ORDER BY idx", q):
        span = _span_of(r, "place", geonameid=r["geonameid"], name=r["name"],
                        **_countries(r["country"]), admin1=r["admin1"], lat=r["lat"],
                        lon=r["lon"], precision=r["precision"])  # fmt: skip
        if (r["field"] or "body") == "body":
            spans.append(span)
        else:
            headline_places.append({**span, "field": r["field"]})
    events = [ev.event_json(r) for r in db.rows(
        f"{select_sql(db.read())} WHERE e.doc_id = ? ORDER BY e.idx", q)]  # fmt: skip
    spans += [_event_span(e) for e in events]
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    doc["spans"] = spans
    doc["headline_places"] = headline_places
    doc["events"] = events
    doc["comments"] = db.rows(
        'SELECT idx AS "index", author, text, parent, depth, published FROM comments '
        "WHERE doc_id = ? ORDER BY idx",
        q,
    )
    return doc


def _event_span(e: dict[str, Any]) -> dict[str, Any]:
    """An event's trigger as a highlighted span, with what the page shows on hover."""

    def text_of(value: dict[str, Any] | None, key: str = "text") -> Any:
        return (value or {}).get(key)

    return {
        "kind": "event",
        **e["trigger"],
        "event": e["id"],
        "type": e["type"],
        "mode": e["mode"],
        "cameo": e["cameo"],
        "status": e["status"],
        "actor": text_of(e["actor"]),
        "recipient": text_of(e["recipient"]),
        "date": text_of(e["date"], "value"),
        "place": text_of(e["place"], "name"),
        "sentence": [e["sentence"]["start"], e["sentence"]["end"]],
    }


def _end_point(row: dict[str, Any]) -> dict[str, Any] | None:
    """The day a counted length reaches ("three days later": ``P3D`` reaching 2005-05-05), from
    the ``times`` row's flat ``end_point_*`` columns, with its own offsets; None for other times."""
    if row.get("end_point_value") is None and row.get("end_point_start") is None:
        return None
    return {"value": row["end_point_value"], "precision": row["end_point_precision"],
            "text": row["end_point_text"], "start": row["end_point_start"],
            "end": row["end_point_end"]}


def _span_of(row: dict[str, Any], kind: str, **fields: Any) -> dict[str, Any]:
    return {"kind": kind, "start": row["start"], "end": row["end"], "text": row["text"], **fields}


# --- writing ---------------------------------------------------------------------------------


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise ApiError(
            403,
            "the API is read-only: start `diurna serve` with a token "
            "(--token-env VAR, VAR set) to store pages",
        )
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    challenge = {"WWW-Authenticate": "Bearer"}
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "no bearer token: send `Authorization: Bearer TOKEN`", challenge)
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "wrong bearer token", challenge)


def _too_large(limit: int) -> str:
    """The 413 message, the same whether the declared length or the streamed body is over."""
    return f"request body over {limit} bytes: send a smaller page"


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, _too_large(limit))
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body.strip():
        raise ApiError(400, "empty request body: send a page, or JSON with `html` or `text`")
    return body


def _valid_published(value: Any) -> str | None:
    """An upload's ``published`` as ``YYYY-MM-DD`` (:func:`diurna.model.iso_day`), else a 422."""
    if value in (None, ""):
        return None
    try:
        return iso_day(value)
    except ValueError as err:
        raise ApiError(422, f"published {err}") from None


def _upload(
    request: Request, body: bytes, params: dict[str, str]
) -> tuple[bytes, str | None, str | None, str]:
    """(page bytes, kind, publication date, source name) from a raw page or a JSON body.

    A raw body's kind is None (sniffed, as a file's is); a JSON body's ``html`` is HTML and its
    ``text`` plain text, as a JSONL line's (:func:`diurna.page.inputs.page_field`)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    source = params.get("source") or "<upload>"
    if media == "application/json":
        try:
            data = json.loads(body)
        except (UnicodeDecodeError, ValueError):
            raise ApiError(400, "body is not JSON: send {\"html\" | \"text\": ..., "
                                "\"published\": \"YYYY-MM-DD\"}") from None  # fmt: skip
        if not isinstance(data, dict):
            raise ApiError(422, "JSON body must be an object with `html` or `text`")
        field = page_field(data)
        if field is None or not field[1].strip():
            raise ApiError(422, "JSON body needs a non-empty `html` or `text` string")
        kind, page = field
        published = _valid_published(data.get("published", params.get("published")))
        src = data.get("source")
        return page.encode("utf-8"), kind, published, str(src)[:300] if src else source
    return body, None, _valid_published(params.get("published")), source[:300]


@functools.cache
def _default_coder() -> str:
    """What codes a page posted to the API (the default pipeline, as :func:`diurna.process`),
    recorded with it so ``diurna recode`` treats it like a page stored by ``diurna process``;
    computed once per process (it digests the package's code)."""
    import diurna
    from diurna.batch import coder_version

    return coder_version(diurna.default_pipeline())


def _process_and_store(
    db: Database, data: bytes, kind: str | None, published: str | None, source: str
) -> dict[str, Any]:
    import diurna
    from diurna.store import Store

    # the date comes with the upload: labelled `api` (the CLI's --published is `cli`)
    meta = {"published": published, "published_source": "api"} if published else {}
    doc = diurna.default_pipeline().process(RawInput(source, data, kind=kind, meta=meta))
    with db.write_lock, Store(db.path) as store:
        status = store.save(doc, coder=_default_coder())
    out = doc.to_dict()
    out["stored"] = status
    # the reader's advice or a stage's error, as `diurna rejections` shows it
    out["detail"] = rejection_detail(doc)
    out["stage"] = doc.meta.get("stage")  # the stage that failed, if one did
    return out


# --- docs page ---------------------------------------------------------------------------------


def _docs_page(schema: dict[str, Any]) -> str:
    """A plain HTML list of the endpoints from the OpenAPI schema (no CDN, no script)."""
    items: list[str] = []
    for route, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            text = html.escape(op.get("description") or "")
            names = [p["name"] for p in op.get("parameters", ()) if p.get("in") == "query"]
            takes = (f"<p>Query parameters: <code>{html.escape(', '.join(names))}</code></p>"
                     if names else "")
            items.append(
                f"<section><h2><code>{method.upper()} {html.escape(route)}</code></h2>"
                f"<p>{html.escape(op.get('summary') or '')}</p><p>{text}</p>{takes}</section>"
            )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Diurna API</title>"
        "<link rel=icon href=/static/favicon.svg type=image/svg+xml>"
        "<link rel=stylesheet href=/static/app.css></head><body class=docs>"
        "<h1>Diurna API</h1><p>Schema: <a href=/openapi.json>/openapi.json</a>. "
        'Errors are JSON <code>{"error": {"status", "message"}}</code>.</p>'
        + "".join(items)
        + "</body></html>"
    )
