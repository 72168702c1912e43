"""A folder of inputs a user will send by mistake, beside good pages: each bad one ends as a
recorded rejection naming it, nothing stored is lost, and a rerun redoes none of them."""

from __future__ import annotations

import io
from pathlib import Path

from tests.cli.test_batch import Counting, pages
from tests.cli.test_cli import PNG

from diurna import batch
from diurna.page import iter_inputs
from diurna.pipeline import Pipeline
from diurna.store import Store


def warcinfo_only() -> bytes:
    """A WARC file whose one record is its warcinfo: valid, but no page in it."""
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "test"}))
    return out.getvalue()


BAD = {
    "binary.bin": (PNG, "binary"),
    "empty.txt": (b"", "empty"),
    "empty.warc": (b"", "empty"),
    "empty.warc.gz": (b"", "empty"),
    "empty.jsonl": (b"", "empty"),
    "blank.jsonl": (b"\n \n", "empty"),
    "info.warc": (warcinfo_only(), "not_a_page"),
}


def test_every_bad_input_is_recorded_by_name_and_nothing_stored_is_lost(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = pages(folder, 2)
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    # cp1252 text labelled nowhere: read, not rejected
    (folder / "cp1252.txt").write_bytes(
        "Le pr\u00e9sident fran\u00e7ais a rencontr\u00e9 le ministre allemand \u00e0 Paris "
        "lundi, selon l'\u00e9lys\u00e9e.".encode("cp1252"))
    with Store(tmp_path / "b.db") as store:
        first = list(batch.run([str(folder)], pipeline=Pipeline([Counting()]), store=store))
        by_name = {Path(o.source).name: o for o in first}
        assert sorted(by_name) == sorted([*BAD, "cp1252.txt", "p0.txt", "p1.txt"])
        for name, (_, reason) in BAD.items():
            assert by_name[name].status == "rejected", name
            assert by_name[name].doc is not None and by_name[name].doc.rejected == reason, name
        assert by_name["cp1252.txt"].status == "stored"
        assert "pr\u00e9sident" in (by_name["cp1252.txt"].doc.text or "")  # type: ignore[union-attr]
        rows = {Path(r["source"]).name: r for r in store.rejections()}
        assert sorted(rows) == sorted(BAD)
        for name, row in rows.items():
            assert name in row["detail"], row  # the reason names the input
        stored = store.count("documents")
        assert stored == 3
        again = list(batch.run([str(folder)], pipeline=Pipeline([Counting()]), store=store))
        assert store.count("documents") == stored and len(store.rejections()) == len(BAD)
    assert {o.status for o in again} == {"duplicate", "rejected_before"}
    assert len(again) == len(first)
    assert str(good[0]) in {o.source for o in again}


def test_an_empty_archive_or_jsonl_file_is_one_input_not_none(tmp_path: Path) -> None:
    """They used to give no input at all: a batch of just one of them said "no input found"
    and recorded nothing."""
    for name, (data, _) in BAD.items():
        if name.endswith((".warc", ".warc.gz", ".jsonl")):
            path = tmp_path / name
            path.write_bytes(data)
            assert [raw.source for raw in iter_inputs([str(path)])] == [str(path)], name
