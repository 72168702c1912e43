"""Inter-annotator agreement between two event gold files."""

from __future__ import annotations

import json
from pathlib import Path

from diurna.evaluate.agreement import agreement, format_report, main


def _line(start: int, events: list[dict]) -> dict:
    return {"source": "corpus/x.txt", "published": None, "start": start, "end": start + 50,
            "events": events}


def _ev(type_: str, start: int, actor: str | None, status: str = "asserted") -> dict:
    return {"type": type_, "trigger": {"start": start, "end": start + 5},
            "actor": {"text": "x", "code": actor} if actor else None, "recipient": None,
            "status": status, "mode": None}


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_agreement_compares_only_shared_units(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.jsonl", [
        _line(0, [_ev("DEMAND", 10, "IRNGOV"), _ev("ASSAULT", 30, "IRNMIL")]),
        _line(100, [_ev("PROTEST", 110, None)]),  # only in the first file: ignored
    ])
    second = _write(tmp_path / "b.jsonl", [
        # same DEMAND (actor IRNMIL: same country prefix), no ASSAULT, an extra REJECT
        _line(0, [_ev("DEMAND", 12, "IRNMIL", status="claimed"), _ev("REJECT", 40, None)]),
    ])
    result = agreement(first, second)
    assert result["units"] == 1
    t = result["type"]
    assert (t["tp"], t["fp"], t["fn"]) == (1, 1, 1)
    assert result["agreement"]["actor"]["rate"] == 1.0
    assert result["agreement"]["status"]["rate"] == 0.0
    assert "event type agreement (F1)  0.500" in format_report(result)
    # arguments: the DEMAND's actor is found by both (same prefix); the ASSAULT's actor only
    # by the first (its event is missing in the second); the REJECT gives none
    actor = result["arguments"]["actor"]
    assert (actor["tp"], actor["fp"], actor["fn"]) == (1, 0, 1)


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(tmp_path / "none.jsonl"), str(tmp_path / "none2.jsonl")]) == 2
    assert "no gold file" in capsys.readouterr().err
