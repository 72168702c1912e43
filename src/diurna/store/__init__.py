"""Store stage: the embedded database and exports."""

from diurna.store.export import export_events
from diurna.store.sqlite import Store

__all__ = ["Store", "export_events"]
