"""One event from many reports: events of different articles that describe the same real-world
event, linked into clusters that keep every report (``diurna clusters``; docs/clusters.md)."""

from diurna.clusters.learn import DEFAULT_LINKER, LINKERS, LogisticLink, link_model
from diurna.clusters.link import Linker, Report, Settings
from diurna.clusters.table import cluster_store, clusters, components

__all__ = ["DEFAULT_LINKER", "LINKERS", "Linker", "LogisticLink", "Report", "Settings",
           "cluster_store", "clusters", "components", "link_model"]
