"""Store stage: the embedded database and exports."""

from diurna.store.export import export_events
from diurna.store.sqlite import Store, UnknownDocument

__all__ = ["Store", "UnknownDocument", "export_events"]
