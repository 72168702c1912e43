"""The nested document JSON (`diurna process --format json`, `Document.to_dict()`) follows the
JSON Schema published in docs/document.schema.json, generated from the one schema module."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from diurna.cli import cli
from diurna.store.datadoc import render
from diurna.store.schema import DOCUMENT_OBJECTS, document_json_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"


def errors(doc: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(document_json_schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_the_published_schema_is_generated_and_valid() -> None:
    assert (DOCS / "document.schema.json").read_text(encoding="utf-8") == render(
        "document-json"
    ), "regenerate: python -m diurna.store.datadoc document-json > docs/document.schema.json"
    Draft202012Validator.check_schema(document_json_schema())
    for name in DOCUMENT_OBJECTS:
        assert f"## {name}\n" in render("markdown")  # docs/data.md describes every object


@pytest.fixture(scope="module")
def printed(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """What `diurna process --format json` prints for the seed page, three pages of the
    article-body development split and an empty file (a rejection)."""
    dev = sorted((shared / "gold" / "article-body" / "html").glob("*.html.gz"))[:3]
    empty = tmp_path_factory.mktemp("docschema") / "empty.html"
    empty.write_text("")
    paths = [str(shared / "corpus" / "seed-page.txt"), *map(str, dev), str(empty)]
    result = CliRunner().invoke(cli, ["process", *paths, "--format", "json", "-q"])
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == len(paths)
    return docs


def test_process_json_follows_the_schema(printed: list[dict[str, Any]]) -> None:
    seed = printed[0]
    assert seed["events"] and seed["quotes"] and seed["places"]  # the schema sees every object
    assert printed[-1]["rejected"]  # and a rejected input's JSON
    for doc in printed:
        assert errors(doc) == [], doc["source"]


def test_the_schema_catches_what_a_consumer_would_trip_on(printed: list[dict[str, Any]]) -> None:
    seed = printed[0]
    wrong_status = copy.deepcopy(seed)
    wrong_status["events"][0]["status"] = "rumoured"
    assert any("rumoured" in e for e in errors(wrong_status))
    missing = copy.deepcopy(seed)
    del missing["events"][0]["actors"]
    assert any("actors" in e for e in errors(missing))
    extra = copy.deepcopy(seed)
    extra["places"][0]["population"] = 1
    assert any("population" in e for e in errors(extra))
    offset_as_text = copy.deepcopy(seed)
    offset_as_text["mentions"][0]["start"] = "12"
    assert errors(offset_as_text)


def test_a_live_blog_page_follows_the_schema() -> None:
    """The page-layout fields (entries with their times, key points, partial) are in the schema
    too: a hand-written live blog page's JSON validates."""
    from tests.page.test_layouts import _live_dom

    from diurna.page import RawInput, read_page

    doc = read_page(RawInput("live.html", _live_dom().encode(), kind="html")).to_dict()
    assert doc["layout"] == "liveblog" and doc["entries"]
    assert errors(doc) == []
    wrong = copy.deepcopy(doc)
    wrong["entries"][0]["start"] = None
    assert errors(wrong)
