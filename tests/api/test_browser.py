"""The web page in a real browser: headless Chromium (Debian's package) driven by Playwright.

A server is started on loopback over a database holding the seed page and a hostile page; the test
looks at the map, brushes the timeline, opens the document and checks the highlighted spans, as a
user would. Screenshots go to test-output/browser/. Skipped only when /usr/bin/chromium is absent
(CI installs it: see .ci/run).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import expect

from diurna.model import Document

from .conftest import HOSTILE_COMMENT, HOSTILE_ID, HOSTILE_MARKUP, HOSTILE_TITLE

CHROMIUM = os.environ.get("DIURNA_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUT = Path(__file__).resolve().parents[2] / "test-output" / "browser"
SEED = "64b6ec22941381ce"

expect.set_options(timeout=60_000)  # a loaded 2-core CI machine can be slow

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}: apt-get install chromium (CI does) to run the browser test",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """``diurna serve`` on ``db`` in a thread on a free loopback port; yields its address."""
    import uvicorn

    from diurna.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start in 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(api_db: Path) -> Iterator[str]:
    with _serving(api_db) as address:
        yield address


@pytest.fixture(scope="module")
def copies_server(tmp_path_factory: pytest.TempPathFactory, seed_doc: Document,
                  seed_path: Path) -> Iterator[str]:
    """A store of the seed page and a copy of it from another source (the same page with a
    line added: another document id), grouped by `diurna duplicates`: one copy."""
    import diurna
    from diurna.cli import cli
    from diurna.store import Store

    path = tmp_path_factory.mktemp("copies") / "copies.db"
    mirror = diurna.process(seed_path.read_bytes() + b"\n", source="mirror/seed-page.txt",
                            published="2018-02-15")
    with Store(path) as store:
        assert store.save(seed_doc) == "stored" and store.save(mirror) == "stored"
    grouped = CliRunner().invoke(cli, ["duplicates", "--db", str(path)])
    assert "2 documents, 1 story" in grouped.output, grouped.output
    with _serving(path) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(60_000)  # a loaded 2-core CI machine can be slow; never a fixed sleep
    pg.errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.outside = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda err: pg.errors.append(str(err)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))

    def watch(request):  # type: ignore[no-untyped-def]
        if not request.url.startswith((server, "data:", "about:")):
            pg.outside.append(request.url)

    pg.on("request", watch)
    yield pg
    context.close()


@contextmanager
def _ready_page(browser, address: str) -> Iterator[tuple[Any, list[str]]]:  # type: ignore[no-untyped-def]
    """A fresh page of the server at ``address``, loaded and ready, with the list its script
    errors go to (for servers other than the module's, which the ``page`` fixture serves)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.goto(address + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        yield page, errors
    finally:
        context.close()


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def _drag_timeline(page, day_from: str, day_to: str) -> None:  # type: ignore[no-untyped-def]
    """Drag across the timeline from the start of ``day_from`` to the end of ``day_to``."""
    from datetime import date

    svg = page.locator("#timeline")
    start = date.fromisoformat(svg.get_attribute("data-start"))
    end = date.fromisoformat(svg.get_attribute("data-end"))
    box = svg.bounding_box()
    width = float(svg.get_attribute("viewBox").split()[2])
    left = 30  # the timeline's left margin (TL.left in app.js)
    span = (end - start).days

    def x_of(day: date, extra: float) -> float:
        frac = ((day - start).days + extra) / span
        return box["x"] + (left + frac * (width - left)) / width * box["width"]

    y = box["y"] + box["height"] * 0.5
    page.mouse.move(x_of(date.fromisoformat(day_from), 0.1), y)
    page.mouse.down()
    page.mouse.move(x_of(date.fromisoformat(day_to), 0.5), y, steps=8)
    page.mouse.move(x_of(date.fromisoformat(day_to), 0.9), y, steps=2)
    page.mouse.up()


def test_map_timeline_table_and_highlighted_document(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    assert page.locator("#countries path").count() > 150  # offline outlines are drawn

    # A marker in Syria, lying inside Syria's outline.
    syria = page.locator("circle.marker[data-name='Syria']")
    assert syria.count() == 1 and syria.get_attribute("data-country") == "SYR"
    inside = page.evaluate(
        """() => {
          const m = document.querySelector("circle.marker[data-name='Syria']");
          const b = document.querySelector("#countries path[data-name='Syria']").getBBox();
          const x = +m.getAttribute('cx'), y = +m.getAttribute('cy');
          return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
        }"""
    )
    assert inside
    all_rows = page.locator("#events tbody tr").count()
    assert all_rows > 19  # the seed page's 19 events (session 45's models) and the hostile page's
    assert page.locator("#copies").is_hidden()  # a store never grouped: no note on copies
    _shot(page, "1-start")

    # Brush February 2018: the form follows, and the table keeps only February's events.
    _drag_timeline(page, "2018-02-01", "2018-02-28")
    # Waits are Playwright's own locator checks: a string predicate would be eval'd in the
    # page, which the page's Content-Security-Policy (rightly) forbids.
    expect(page.locator("#filters [name=date_to]")).to_have_value("2018-02-28")
    assert page.input_value("#filters [name=date_from]") == "2018-02-01"
    expect(page.locator("#events tbody tr")).to_have_count(19)
    dates = page.locator("#events tbody tr td:first-child").all_inner_texts()
    assert len(dates) == 19 and all(d.startswith("2018-02") for d in dates), dates
    assert page.locator(f"#events tbody tr[data-doc='{HOSTILE_ID}']").count() == 0
    _shot(page, "2-brushed-february-2018")

    # Open the document from the DEMAND row: "called on" is highlighted as Velayati's DEMAND.
    row = page.locator("#events tbody tr", has_text="Ali Akbar Velayati").filter(
        has_text="called on"
    )
    assert row.count() == 1
    assert "DEMAND" in row.inner_text() and "Velayati" in row.inner_text()
    row.click()
    page.wait_for_selector("#doc-body .seg.k-event")
    called_on = page.locator(
        "#doc-body .seg.k-event[data-event-types*='DEMAND']", has_text="called on"
    ).first
    assert called_on.inner_text() == "called on"
    title = called_on.get_attribute("title") or ""
    assert "event DEMAND" in title and "actor: Ali Akbar Velayati" in title
    assert "picked" in (called_on.get_attribute("class") or "")  # the row's event is selected
    # Its sentence is marked, and other kinds are highlighted too.
    sentence = page.locator("#doc-body .seg.in-sentence").all_inner_texts()
    assert "Ali Akbar Velayati" in sentence and "called on" in sentence
    for kind, text in (
        ("actor", "Ali Akbar Velayati"),
        ("place", "Syria"),
        ("time", "February 14"),
    ):
        assert page.locator(f"#doc-body .seg.k-{kind}", has_text=text).count() >= 1, kind
    called_on.hover()
    called_on.click()
    assert "recipient: US" in page.inner_text("#span-info")
    # Comments are shown apart, marked as comments.
    assert page.locator("#comments li").count() == 8
    assert page.locator("#doc-body", has_text="Ma_Laoshi").count() == 0
    _shot(page, "3-document-highlighted")
    assert page.errors == [] and page.outside == [], (page.errors, page.outside)


def test_hostile_page_shows_as_text_and_nothing_runs(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + f"/#doc={HOSTILE_ID}")
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    expect(page.locator("#doc-title")).to_have_text(HOSTILE_TITLE)
    assert (
        page.locator("#doc-body img, #doc-body script, #comments svg, #comments iframe").count()
        == 0
    )
    assert page.locator("#comments .text").inner_text() == HOSTILE_COMMENT
    assert HOSTILE_MARKUP in page.inner_text("#doc-body")
    page.locator(f"#events tbody tr[data-doc='{HOSTILE_ID}']").first.click()
    page.wait_for_timeout(300)
    _shot(page, "4-hostile-page")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == [] and page.errors == [], (page.dialogs, page.errors)


def test_the_page_says_near_duplicate_copies_are_left_out_and_shows_them_on_request(  # type: ignore[no-untyped-def]
    browser, copies_server: str
) -> None:
    """The seed page and its copy, grouped: the page lists the 19 events once and says that
    one near-duplicate copy is left out; its button shows the copy's 19 events too, and back."""
    with _ready_page(browser, copies_server) as (page, errors):
        note, button = page.locator("#copies"), page.locator("#all-copies")
        expect(note).to_be_visible()
        expect(note).to_contain_text("1 near-duplicate copy left out")
        expect(page.locator("#events tbody tr")).to_have_count(19)
        expect(button).to_have_text("Show all copies")
        _shot(page, "5-copies-left-out")
        button.click()
        expect(page.locator("#events tbody tr")).to_have_count(38)
        expect(note).to_contain_text("1 near-duplicate copy counted too")
        expect(button).to_have_text("Count each story once")
        button.click()
        expect(page.locator("#events tbody tr")).to_have_count(19)
        expect(note).to_contain_text("left out")
        assert errors == [], errors


@pytest.fixture(scope="module")
def recalled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of 200 DEMAND events of 15 February 2018 and one ASSAULT its text dates to
    16 October 1916 (a recalled date, as a 2006 Wikinews article's 1916 execution)."""
    from diurna.model import Event, TimeExpr
    from diurna.store import Store

    sentence = "In 1916 he was shot on October 16, 1916; Iran called on the US to leave."
    doc = Document.from_paragraphs("a" * 16, "recalled.txt", [sentence], published="2018-02-15",
                                   title="Recalled")
    whole = doc.span(0, len(sentence))
    called, shot = sentence.index("called on"), sentence.index("shot")
    doc.events = [Event(id=f"{doc.id}:{k}", type="DEMAND", trigger=doc.span(called, called + 9),
                        sentence=whole) for k in range(200)]
    day = sentence.index("October 16, 1916")
    doc.events.append(Event(
        id=f"{doc.id}:200", type="ASSAULT", trigger=doc.span(shot, shot + 4), sentence=whole,
        date=TimeExpr(day, day + 16, "October 16, 1916", value="1916-10-16", precision="day",
                      anchor="absolute")))
    path = tmp_path_factory.mktemp("recalled") / "recalled.db"
    with Store(path) as store:
        assert store.save(doc) == "stored"
    with _serving(path) as address:
        yield address


def test_one_recalled_date_leaves_the_timeline_by_day(  # type: ignore[no-untyped-def]
    browser, recalled_server: str
) -> None:
    """The stats API counts by month past 400 days, so the 1916 date made a batch of a few
    months' news one bar per month (W13, session 38: 4 bars for July to October 2006). The
    timeline leaves that date outside the range it draws, and now draws that range by day."""
    with _ready_page(browser, recalled_server) as (page, errors):
        bars = page.locator("#timeline rect[data-period]")
        expect(bars).to_have_count(1)
        assert bars.get_attribute("data-period") == "2018-02-15"  # a day, not "2018-02"
        assert page.locator("#timeline").get_attribute("data-start") == "2018-02-01"
        expect(page.locator("#timeline")).to_contain_text("1 event dated outside the range shown")
        _shot(page, "6-recalled-date-by-day")
        assert errors == [], errors


def test_the_status_says_how_many_events_match_beside_those_shown(  # type: ignore[no-untyped-def]
    page, server: str
) -> None:
    """The table is paged (100 rows); the status said "100 events shown (more below)", never
    of how many (W13: 2,361). Pages of 10 here (the page's requests are rewritten on their way
    out), so the seed store's events make more than one."""
    import re

    def ten_a_page(route) -> None:  # type: ignore[no-untyped-def]
        route.continue_(url=re.sub(r"limit=100\b", "limit=10", route.request.url))

    page.route(re.compile(r".*/api/events\?.*"), ten_a_page)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    total = page.evaluate("() => fetch('/api/stats').then((r) => r.json()).then((s) => s.events)")
    assert total >= 20  # the seed page's 19 events (round 58) and the hostile page's: two pages
    status = page.locator("#status")
    expect(status).to_have_text(f"10 of {total} events shown (more below)")
    shown = 10
    while shown + 10 < total:  # each click adds a page; the status follows it
        page.locator("#more").click()
        shown += 10
        expect(status).to_have_text(f"{shown} of {total} events shown (more below)")
    page.locator("#more").click()
    expect(status).to_have_text(f"{total} events shown")  # all of them: no "of"
    expect(page.locator("#more")).to_be_hidden()
    expect(page.locator("#events tbody tr")).to_have_count(total)
    assert page.errors == []  # type: ignore[attr-defined]
