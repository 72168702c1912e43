"""The library mirrors the CLI: the same options, the same checks, a clean public namespace."""

from __future__ import annotations

from pathlib import Path

import pytest

import diurna


def test_public_namespace_has_no_imported_helpers() -> None:
    names = dir(diurna)
    assert "Store" in names and "process_paths" in names
    assert not [n for n in names if n.startswith("_") and n != "__version__"]
    assert not {"Iterable", "Iterator", "lru_cache", "annotations", "iter_inputs"} & set(names)


def test_package_ships_py_typed() -> None:
    assert (Path(diurna.__file__).parent / "py.typed").is_file()


@pytest.mark.parametrize("call", ["process", "process_file", "process_paths"])
def test_published_is_checked_as_the_cli_checks_it(call: str, seed_path: Path) -> None:
    fn = getattr(diurna, call)
    arg = "Some text." if call == "process" else str(seed_path)
    with pytest.raises(ValueError, match=r"published '15/02/2018' is not a date: use YYYY-MM-DD"):
        fn([arg] if call == "process_paths" else arg, published="15/02/2018")


def test_actors_option_reaches_the_coder(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n  - id: XYZ-RHB\n    name: Red Hand Brigade\n    country: SYR\n"
        "    sector: REB\n    kind: armed_group\n    aliases: [Red Hand Brigade]\n",
        encoding="utf-8",
    )
    text = (
        "Militia attacks army post\n\nThe Red Hand Brigade attacked a Syrian army checkpoint "
        "near Homs on Monday, killing three soldiers, officials said."
    )
    doc = diurna.process(text, actors=[str(actors)])
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert assaults and assaults[0].actor and assaults[0].actor.actor
    assert assaults[0].actor.actor.id == "XYZ-RHB"


def test_process_reads_the_kind_it_is_given() -> None:
    """`kind="text"` keeps a fragment's tags as words (unsniffed, as a JSONL `text` field); an
    unknown kind is refused before the models load."""
    page = "<p>Syrian troops attacked rebels in Aleppo on Monday, officials said.</p>"
    doc = diurna.process(page, kind="text")
    assert (doc.rejected, doc.input_format, doc.paragraphs) == (None, "text", [page])
    with pytest.raises(ValueError, match="kind 'pdf': use 'html', 'text' or None"):
        diurna.process(page, kind="pdf")
