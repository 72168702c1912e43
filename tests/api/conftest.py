"""Fixtures for the API and browser tests: a database holding the seed page and a hostile page."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.model import Document, content_id

# A page with script tags and event-handler attributes in its title, headline, body and a
# comment, as markup and as escaped text. The pipeline drops the real tags and keeps the escaped
# ones as text; the readings below were checked by hand.
HOSTILE_HTML = """<html><head><title>&lt;script&gt;window.__pwned='t'&lt;/script&gt;Troops attack
rebels</title><script>window.__pwned='head'</script></head><body>
<article><h1>&lt;img src=x onerror="window.__pwned='h1'"&gt;Troops attack rebels in Aleppo</h1>
<p>On March 3, Syrian troops attacked rebels in Aleppo &lt;img src=x
onerror="window.__pwned='body'"&gt;, officials said on Saturday in a statement to reporters.</p>
<p onclick="window.__pwned='attr'">The fighting displaced hundreds of families, the United Nations
said. <script>window.__pwned='inline'</script></p>
</article>
<section class="comments"><h2>Comments</h2>
<div class="comment"><span class="author">troll</span><p>&lt;svg
onload="window.__pwned='comment'"&gt;&lt;/svg&gt; Great article</p></div>
</section></body></html>"""
HOSTILE_ID = content_id(HOSTILE_HTML.encode())
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='h1'\">Troops attack rebels in Aleppo"
HOSTILE_MARKUP = "onerror=\"window.__pwned='body'\">"
HOSTILE_COMMENT = "<svg\nonload=\"window.__pwned='comment'\"></svg> Great article"


@pytest.fixture(scope="session")
def hostile_doc() -> Document:
    """The hostile page read by the whole pipeline, as `diurna process` would."""
    import diurna

    return diurna.process(HOSTILE_HTML, source="hostile.html", published="2018-03-04")


@pytest.fixture(scope="session")
def api_db(
    tmp_path_factory: pytest.TempPathFactory, seed_doc: Document, hostile_doc: Document
) -> Path:
    from diurna.store import Store

    path = tmp_path_factory.mktemp("api") / "api.db"
    with Store(path) as store:
        assert store.save(seed_doc) == "stored"
        assert store.save(hostile_doc) == "stored"
    return path
