"""Dispatch a RawInput to the HTML or text-dump reader."""

from __future__ import annotations

from diurna.model import Document, Rejected, content_id
from diurna.page.inputs import RawInput


def read_page(raw: RawInput, *, published: str | None = None) -> Document:
    """Read one page. ``published`` (ISO date) overrides any date found in the page."""
    if not raw.data.strip():
        raise Rejected("empty", f"{raw.source} is empty: nothing to read")
    text = raw.data.decode("utf-8", errors="replace")
    doc = Document.from_paragraphs(content_id(raw.data), raw.source, text.split("\n\n"))
    if published:
        doc.published, doc.published_source = published, "cli"
    return doc
