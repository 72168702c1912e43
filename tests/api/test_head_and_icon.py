"""The server answers HEAD wherever it answers GET (link checkers and health probes send
HEAD: it was a 405), and a browser's /favicon.ico gets an answer, not "no such path"."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diurna.api.app import create_app


@pytest.fixture(scope="module")
def client(api_db: Path) -> TestClient:
    return TestClient(create_app(api_db), raise_server_exceptions=False)


@pytest.mark.parametrize("path", [
    "/", "/docs", "/openapi.json", "/static/app.js", "/static/favicon.svg", "/api/events",
    "/api/events?format=csv", "/api/stats", "/api/documents", "/api/actors", "/api/places",
    "/api/clusters",
])
def test_head_gives_the_get_answers_status_and_headers_without_a_body(
    client: TestClient, path: str
) -> None:
    got = client.get(path)
    head = client.head(path)
    assert got.status_code == 200 and head.status_code == 200, (path, head.text)
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))


def test_head_keeps_the_get_answers_errors_and_post_only_paths_refuse_it(
    client: TestClient,
) -> None:
    assert client.head("/api/events?limit=0").status_code == 400
    assert client.head("/api/documents/0123456789abcdef").status_code == 404
    assert client.head("/no/such/path").status_code == 404
    assert client.request("DELETE", "/api/events").status_code == 405
    methods = {m for ops in client.get("/openapi.json").json()["paths"].values() for m in ops}
    assert methods == {"get", "post"}  # HEAD is implied by GET, not listed twice


def test_the_page_names_its_icon_and_favicon_ico_is_no_content(client: TestClient) -> None:
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.content.startswith(b"<svg") and len(icon.content) < 400
    for page in ("/", "/docs"):
        assert "/static/favicon.svg" in client.get(page).text, page
    ico = client.get("/favicon.ico")
    assert ico.status_code == 204 and ico.content == b""
    assert client.head("/favicon.ico").status_code == 204
