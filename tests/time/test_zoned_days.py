"""A day written with a time zone and no year ("March 5 EST") is resolved like the same day
without the zone. dateparser gives such a day as a zone-aware datetime, which the resolver
compared with the naive publication day and crashed on (found on session 49's blind set)."""

from __future__ import annotations

from tests.time.conftest import found_times


def test_a_day_with_a_zone_gets_the_year_of_publication() -> None:
    times = found_times("The vote was held on March 5 EST, officials said.", published="2008-03-07")
    assert times["March 5 EST"].value == "2008-03-05"


def test_a_zoned_day_reads_as_the_same_day_without_the_zone() -> None:
    with_zone = found_times("The vote was held on March 5 EST.", published="2008-03-07")
    without = found_times("The vote was held on March 5.", published="2008-03-07")
    assert with_zone["March 5 EST"].value == without["March 5"].value
