"""``diurna serve``: the HTTP API and the web page (map, timeline, table, highlighted source)."""

from diurna.api.app import create_app

__all__ = ["create_app"]
