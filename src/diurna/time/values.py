"""TimeML values: what kind of value a string is, and its projection onto the project's
calendar-only convention (``docs/annotation-places-times.md``)."""

from __future__ import annotations

import re

# a calendar value the project's gold can hold: a day, month, year, ISO week or partial date
_CALENDAR = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?|--\d{2}(?:-\d{2})?)$")
# a TimeML part of a year: season, half, quarter (1998-SU, 1998-H1, 1998-Q3)
_PART_OF_YEAR = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI|H[12]|Q[1-4])$")
# a day with a time or part of the day (1998-08-07T10:00, 1998-08-07TNI)
_DAY_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T")


def calendar_value(value: str | None) -> str | None:
    """The value the project's gold convention gives the same expression: calendar values as
    they are, a season/half/quarter as its year, a time as its day, and ``None`` for what the
    calendar cannot hold (``PRESENT_REF``, durations, sets, decades, ``XXXX`` gaps)."""
    if value is None or _CALENDAR.match(value):
        return value
    m = _PART_OF_YEAR.match(value) or _DAY_TIME.match(value)
    return m[1] if m else None
