"""One event from many reports: events of different articles that describe the same real-world
event, linked into clusters that keep every report (``diurna clusters``; docs/clusters.md).
:func:`event_clusters` (also ``diurna.event_clusters``) is the library's ``diurna clusters``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from diurna.clusters.learn import DEFAULT_LINKER, LINKERS, LogisticLink, link_model
from diurna.clusters.link import Linker, Report, Settings
from diurna.clusters.table import cluster_store, clusters, components

if TYPE_CHECKING:
    from diurna.store import Store

#: ``diurna clusters --min-articles``' default and least value: a cluster of one article's
#: reports is not "one event from many reports".
MIN_ARTICLES = 2

__all__ = ["DEFAULT_LINKER", "LINKERS", "MIN_ARTICLES", "Linker", "LogisticLink", "Report",
           "Settings", "cluster_store", "clusters", "components", "event_clusters", "link_model"]


def event_clusters(store: Store, *, min_articles: int = MIN_ARTICLES, no_build: bool = False,
                   linker: str = DEFAULT_LINKER) -> list[dict[str, Any]]:
    """The event clusters ``diurna clusters --db FILE`` prints, as its ``--format jsonl`` rows
    (``cluster``, ``type``, ``first_day``, ``last_day``, ``articles``, after ``diurna
    duplicates`` ``stories``, ``sources``, ``statuses``, ``reports``, each report then with
    ``copy_of``, the document it is a near-duplicate copy of, else None): built again from the
    stored events with ``linker`` (``--linker``: ``learned`` or ``rules``) and written to the
    store's ``event_clusters`` table, unless ``no_build`` (``--no-build``: the clusters the last
    build stored); only those reported by at least ``min_articles`` articles
    (``--min-articles``), an article and its near-duplicate copies counted once
    (:func:`clusters`, which ``diurna clusters`` and ``/api/clusters`` filter through too). A
    bad option is a ValueError naming it, before anything is built."""
    if linker not in LINKERS:
        raise ValueError(f"unknown linker {linker!r}; choose one of {', '.join(LINKERS)}")
    if min_articles < 1:
        # 1 is meaningful since stories are counted: a cluster of copies is one story
        raise ValueError(f"min_articles {min_articles}: give 1 or more (a cluster holds at "
                         f"least {MIN_ARTICLES} articles, which may be one story's copies)")
    if not no_build:
        cluster_store(store, linker=linker)
    return list(clusters(store, min_articles=min_articles))
