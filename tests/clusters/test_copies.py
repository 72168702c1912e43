"""Event clusters count a near-duplicate story once (issue #15): after `diurna duplicates`, a
wire story run by two outlets is one story, not two independent reports. Each cluster gains
`stories` beside `articles`, and `min_articles` (CLI, library, API: one filter) compares with
it; every report is still listed. A store never grouped reads as before.

The store, checked by hand: article A (newsa.example) and B (newsb.example) report one car bomb
in Karachi in their own words; W is A's text word for word on another site (wire.example), so
`diurna duplicates` makes W a copy of A. The three bombing reports form one event cluster: 3
articles, 3 sources, 2 stories. A rocket attack on Kabul is reported by K and, word for word,
by KC: 2 articles, 1 story (KC's id sorts first, so KC is the member counted and K its copy).
Each report of a grouped store says in `copy_of` whose copy it is.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import diurna
from diurna.api import create_app
from diurna.cli import cli
from diurna.clusters import cluster_store, clusters, event_clusters
from diurna.model import Document
from diurna.store import Store

BOMB_A = ("Bomb kills 14 in Karachi market", "A car bomb exploded in a crowded market in Karachi "
          "on Monday, killing 14 people, police said. Witnesses said the market had been full of "
          "shoppers buying fruit and vegetables for the evening meal.")
BOMB_B = ("Karachi market bombing", "Police in Karachi said a car bomb that exploded in a busy "
          "market killed 14 people on Monday. Officials said the bomb had been hidden in a "
          "parked van near the entrance to the fruit and vegetable section.")
KABUL = ("Rockets hit Kabul", "Taliban fighters fired rockets at an army base near Kabul on "
         "Monday, killing three soldiers. A spokesman for the defence ministry said two more "
         "soldiers were wounded and taken to a military hospital in the capital.")
# (id, site, title and body): W and KC are word-for-word copies on other sites
ARTICLES = [("a" * 16, "newsa", BOMB_A), ("w" * 16, "wire", BOMB_A), ("b" * 16, "newsb", BOMB_B),
            ("k" * 16, "newsk", KABUL), ("kc" * 8, "mirror", KABUL)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five articles processed by the default pipeline, event clusters built; not grouped."""
    path = tmp_path_factory.mktemp("copies") / "c.db"
    pipeline = diurna.default_pipeline()
    with Store(path) as store:
        for doc_id, site, (title, body) in ARTICLES:
            doc = Document.from_paragraphs(doc_id, f"<{doc_id}>", [body], title=title,
                                           url=f"https://{site}.example/{doc_id}",
                                           published="2024-03-05")
            assert store.save(pipeline(doc)) == "stored"
        cluster_store(store)
    return path


@pytest.fixture()
def grouped(built: Path, tmp_path: Path) -> Path:
    """A copy of the store after `diurna duplicates`."""
    path = tmp_path / "g.db"
    with Store(built, readonly=True) as src, Store(path) as dst:
        src.conn.backup(dst.conn)
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "5 documents, 3 stories" in result.output  # W is A's copy, K is KC's
    return path


def named(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The bombing's cluster and Kabul's, told apart by their articles' ids."""
    return {"kabul" if c["reports"][0]["doc_id"][0] == "k" else "bombing": c for c in found}


def counts(c: dict[str, Any]) -> tuple[Any, ...]:
    return c["articles"], c.get("stories"), c["sources"], len(c["reports"])


def test_a_store_never_grouped_counts_every_article_and_has_no_stories(built: Path) -> None:
    with Store(built, readonly=True) as store:
        every = named(list(clusters(store)))
        # A, W, B: a report each, as each tells the bombing once (read by hand; B's one bombing
        # was coded twice, on "exploded" in the relative clause and on "killed", by the models of
        # rounds 57 and 59; session 48's, round 61, code it once)
        assert len(every) == 2 and counts(every["bombing"]) == (3, None, 3, 3)
        assert counts(every["kabul"])[:3] == (2, None, 2)  # K and KC
        assert "stories" not in every["bombing"]  # the same keys as before the change


def test_a_wire_copy_is_not_another_report_once_grouped(grouped: Path) -> None:
    with Store(grouped, readonly=True) as store:
        every = named(list(clusters(store)))
        bombing, kabul = every["bombing"], every["kabul"]
        # every report kept, with its own source; the copy is counted once as a story
        assert counts(bombing) == (3, 2, 3, 3)
        assert sorted(r["doc_id"][0] for r in bombing["reports"]) == ["a", "b", "w"]
        assert list(bombing)[4:7] == ["articles", "stories", "sources"]
        assert counts(kabul)[:3] == (2, 1, 2)
        # min_articles counts stories: Kabul is one story told twice, the bombing two stories
        kept = event_clusters(store, no_build=True)
        assert [c["cluster"] for c in kept] == [bombing["cluster"]]
        assert event_clusters(store, no_build=True, min_articles=3) == []
        assert len(list(clusters(store))) == 2  # no min_articles: every stored cluster


def run(db: Path, *args: str) -> str:
    """``diurna clusters --db DB --no-build ARGS``'s output (it must succeed)."""
    out = CliRunner().invoke(cli, ["clusters", "--db", str(db), "--no-build", *args])
    assert out.exit_code == 0, out.output
    return out.stdout


def test_cli_prints_stories_and_filters_by_them(built: Path, grouped: Path) -> None:
    lines = [json.loads(x) for x in run(grouped, "--format", "jsonl").splitlines()]
    assert [(c["articles"], c["stories"]) for c in lines] == [(3, 2)]  # Kabul's copy: 1 story
    assert run(grouped, "--min-articles", "3") == ""
    # as /api/clusters?min_articles=1: a story told only by copies is listed when asked for
    assert "2 articles (1 story, near-duplicate copies counted once)" in run(
        grouped, "--min-articles", "1")
    with Store(grouped, readonly=True) as store:  # the command prints the library's rows
        assert lines == event_clusters(store, no_build=True)
    table = run(grouped)
    assert "3 articles (2 stories, near-duplicate copies counted once), 3 sources" in table
    rows = list(csv.DictReader(io.StringIO(run(grouped, "--format", "csv"))))
    assert len(rows) == 3 and {(r["articles"], r["stories"], r["sources"]) for r in rows} == {
        ("3", "2", "3")}
    # never grouped: both clusters, and the lines as they were
    assert len(run(built, "--format", "jsonl").splitlines()) == 2
    assert "3 articles, 3 sources" in run(built)
    assert run(built, "--format", "csv").startswith(
        "cluster,type,first_day,last_day,articles,sources,event_id")


def test_api_counts_stories_and_filters_as_the_cli(built: Path, grouped: Path) -> None:
    once = TestClient(create_app(grouped), raise_server_exceptions=False)
    body = once.get("/api/clusters").json()
    assert body["total"] == 1 and body["clusters"][0]["stories"] == 2
    assert len(body["clusters"][0]["reports"]) == 3  # A's, W's, B's (one each, round 61)
    assert once.get("/api/clusters?min_articles=3").json()["total"] == 0
    assert once.get("/api/clusters?min_articles=1").json()["total"] == 2
    never = TestClient(create_app(built), raise_server_exceptions=False)
    assert never.get("/api/clusters").json()["total"] == 2
    assert "stories" not in never.get("/api/clusters").json()["clusters"][0]


def test_the_table_line_says_one_article_and_one_source_in_the_singular() -> None:
    """``diurna clusters --min-articles 1`` lists a lone report: "1 article, 1 source", not the
    "1 articles, 1 sources" the line printed before."""
    from diurna.clusters.table import cluster_line

    lone = {"cluster": 7, "type": "ASSAULT", "first_day": "2024-03-04", "last_day": "2024-03-04",
            "articles": 1, "sources": 1, "statuses": {"asserted": 1}}
    assert cluster_line(lone).endswith("1 article, 1 source (1 asserted)")
    told_twice = {**lone, "articles": 2, "stories": 1, "sources": 2}
    assert cluster_line(told_twice).endswith(
        "2 articles (1 story, near-duplicate copies counted once), 2 sources (1 asserted)")


COPY = {"w" * 16: "a" * 16, "k" * 16: "kc" * 8}  # the copies, and the first member each copies


def copies_of(c: dict[str, Any]) -> dict[str, str | None]:
    return {r["doc_id"]: r["copy_of"] for r in c["reports"]}


def test_each_report_says_whose_copy_it_is_once_grouped(built: Path, grouped: Path) -> None:
    """W is A's copy; A (the story's first member, the one counted) and B (a story of its
    own) are copies of nothing. KC's id sorts before K's, so KC is Kabul's first member and K
    its copy. A store never grouped has no ``copy_of``: its reports' keys are as before."""
    with Store(grouped, readonly=True) as store:
        every = named(list(clusters(store)))
    assert copies_of(every["bombing"]) == {"a" * 16: None, "w" * 16: COPY["w" * 16],
                                           "b" * 16: None}
    assert copies_of(every["kabul"]) == {"kc" * 8: None, "k" * 16: COPY["k" * 16]}
    keys = list(every["bombing"]["reports"][0])
    assert keys[keys.index("doc_id") + 1] == "copy_of"
    with Store(built, readonly=True) as store:
        assert all("copy_of" not in r for c in clusters(store) for r in c["reports"])


def test_the_cli_marks_a_copy_in_every_format(built: Path, grouped: Path) -> None:
    table = run(grouped).splitlines()
    marked = [line for line in table if "(copy of" in line]
    assert marked == [line for line in table if line.endswith(
        f"{BOMB_A[0]}  [wire.example]  (copy of {'a' * 16}: {BOMB_A[0]})")]
    assert len(marked) == 1  # W's line only: A's has the same title and no mark
    assert sum(line.endswith(f"  {BOMB_A[0]}  [newsa.example]") for line in table) == 1
    line = json.loads(run(grouped, "--format", "jsonl"))
    assert copies_of(line) == {"a" * 16: None, "w" * 16: "a" * 16, "b" * 16: None}
    rows = list(csv.DictReader(io.StringIO(run(grouped, "--format", "csv"))))
    assert {r["doc_id"]: r["copy_of"] for r in rows} == {"a" * 16: "", "w" * 16: "a" * 16,
                                                         "b" * 16: ""}
    assert "copy_of" not in run(built, "--format", "csv").splitlines()[0]
    assert "copy of" not in run(built)


def test_the_api_marks_a_copy(built: Path, grouped: Path) -> None:
    once = TestClient(create_app(grouped), raise_server_exceptions=False)
    every = named(once.get("/api/clusters?min_articles=1").json()["clusters"])
    assert copies_of(every["kabul"]) == {"kc" * 8: None, "k" * 16: "kc" * 8}
    assert copies_of(every["bombing"])["w" * 16] == "a" * 16
    never = TestClient(create_app(built), raise_server_exceptions=False)
    reports = [r for c in never.get("/api/clusters").json()["clusters"] for r in c["reports"]]
    assert reports and all("copy_of" not in r for r in reports)


def test_a_copy_whose_first_member_has_no_title_is_named_by_its_id() -> None:
    from diurna.clusters.table import report_line

    report = {"day": "2024-03-04", "status": "asserted", "trigger_text": "exploded",
              "according_to": "police", "title": None, "doc_id": "w" * 16, "copy_of": "a" * 16}
    assert report_line(report, {"a" * 16: None}) == (
        f"  2024-03-04  asserted    'exploded' according to police  {'w' * 16}  "
        f"(copy of {'a' * 16})")
    assert report_line({**report, "copy_of": None}).endswith(f"police  {'w' * 16}")
