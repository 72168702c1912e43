"""What a page reader (HTML or text dump) hands back before it becomes a Document."""

from __future__ import annotations

from dataclasses import dataclass, field

from diurna.model import Comment


@dataclass(slots=True)
class PageParts:
    """Body paragraphs, comment thread and metadata found in one page."""

    paragraphs: list[str]
    comments: list[Comment] = field(default_factory=list)
    title: str | None = None
    dek: str | None = None
    #: the CMS says it cut the description short: a copy of it ends in "..." or "…"
    dek_cut: bool = False
    byline: str | None = None
    #: every author value the page head gives (JSON-LD, ``<meta name="author">``, …), as
    #: written: a body line that prints one of them alone is its byline
    head_authors: tuple[str, ...] = ()
    published: str | None = None
    published_source: str | None = None  # "metadata", "text", ...
    updated: str | None = None
    site: str | None = None
    url: str | None = None
    lang_hint: str | None = None  # the language the page declares
    headings: set[str] = field(default_factory=set)  # texts of paragraphs that are headings
    captions: list[str] = field(default_factory=list)  # image captions and credits
    body_quality: float | None = None  # 0 (page chrome) .. 1 (article prose); HTML only
    body_source: str | None = None  # "trafilatura", "dense", "jsonld"
    layout: str | None = None  # "article", "liveblog", "gallery", "several" (diurna.page.layouts)
    partial: bool = False  # a paywall teaser: the page shows only the article's start
    key_points: list[str] = field(default_factory=list)
    #: live-blog entries, oldest first: (time, headline, paragraphs); their paragraphs end
    #: ``paragraphs``, in this order
    entries: list[tuple[str | None, str | None, list[str]]] = field(default_factory=list)
    amp: bool = False
