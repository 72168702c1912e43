"""bench/profile_events.py: the part timers it wraps the learned coder's functions with."""

from __future__ import annotations

from collections import defaultdict

import pytest
from tests.scripts import load_file


def test_a_timed_part_returns_its_value_and_adds_its_cpu_on_every_call() -> None:
    """A wrapped part must behave as the part (its answer, its exception) while its CPU
    seconds add up under its label, once per call, also when it raises."""
    bench = load_file("bench/profile_events.py")
    cpu: dict[str, float] = defaultdict(float)

    def busy(n: int) -> int:
        total = 0
        for i in range(n):
            total += i * i
        return total

    part = bench.timed(busy, "busy", cpu)
    assert part(200_000) == sum(i * i for i in range(200_000))
    first = cpu["busy"]
    assert first > 0.0
    part(200_000)
    assert cpu["busy"] > first

    def fails() -> None:
        busy(200_000)
        raise ValueError("no parse")

    broken = bench.timed(fails, "fails", cpu)
    with pytest.raises(ValueError, match="no parse"):
        broken()
    assert cpu["fails"] > 0.0


def test_every_listed_part_exists_where_the_coder_looks_it_up() -> None:
    """A renamed function would leave its part silently untimed (the wrapper replaces an
    attribute nobody calls), so each part of PARTS must name an existing attribute."""
    bench = load_file("bench/profile_events.py")
    for owner, name, label in bench.PARTS:
        assert callable(getattr(owner, name, None)), label


@pytest.mark.parametrize("argv", [["--rounds", "0"], ["--limit", "0"], ["--rounds", "x"]])
def test_a_bad_count_stops_with_one_line_before_anything_loads(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """No rounds or no pages would end in a traceback after minutes of parsing; argparse's
    error is one line and exit code 2 at once."""
    bench = load_file("bench/profile_events.py")
    with pytest.raises(SystemExit) as stop:
        bench.main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert "error:" in err[-1]
