"""Near-duplicate articles: copies and close rewrites are grouped, other stories are not."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from diurna.cli import cli
from diurna.duplicates import jaccard, near_duplicate_clusters, shingles
from diurna.model import Document
from diurna.store import Store

REPORT = (
    "Around 400 armed men launched an attack on the town of Ramadi on Thursday, seizing control "
    "of several streets in the inner city. They set up checkpoints and handed out leaflets saying "
    "that al-Qaeda in Iraq was taking over the town. Residents said the fighters left before "
    "American and Iraqi troops arrived in the afternoon, and no casualties were reported. The "
    "provincial governor called for calm and said the security forces were in control again."
)
# the same report as another outlet ran it: new title words and lead, one sentence cut
REWRITE = REPORT.replace("Around 400", "About 400").replace(
    " and no casualties were reported", ""
)
OTHER = (
    "The parliament of Estonia voted on Tuesday to move a Soviet war memorial from the centre of "
    "Tallinn to a military cemetery, a decision that Russia's foreign ministry called blasphemous. "
    "Thousands of people gathered near the monument in the evening, and police detained dozens "
    "after clashes that lasted into the night, officials said."
)


def test_shingles_are_lower_cased_word_trigrams() -> None:
    assert shingles("The army, the ARMY attacked.") == {"the army the", "army the army",
                                                        "the army attacked"}
    assert shingles("Two words") == {"two words"} and shingles("") == set()
    assert jaccard(shingles(REPORT), shingles(REPORT)) == 1.0


def test_a_close_rewrite_clusters_with_its_original_and_another_story_does_not() -> None:
    assert jaccard(shingles(REPORT), shingles(REWRITE)) > 0.7  # checked: the texts differ a little
    clusters = near_duplicate_clusters([("b", REWRITE), ("c", OTHER), ("a", REPORT)])
    assert clusters == [["a", "b"]]


def test_clusters_are_the_same_on_every_run_and_empty_bodies_never_match() -> None:
    docs = [("a", REPORT), ("b", REWRITE), ("e1", ""), ("e2", " ")]
    assert near_duplicate_clusters(docs) == near_duplicate_clusters(list(reversed(docs)))
    assert ["e1", "e2"] not in near_duplicate_clusters(docs)


def test_duplicates_command_stores_clusters_and_counts_a_story_once(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    with Store(db) as store:
        for doc_id, text in (("a", REPORT), ("b", REWRITE), ("c", OTHER)):
            store.save(Document(id=doc_id, source=f"{doc_id}.txt", text=text, title=doc_id))
    result = CliRunner().invoke(cli, ["duplicates", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "cluster a (2 articles)" in result.output
    assert "3 documents, 2 stories" in result.output
    with Store(db) as store:
        rows = store.conn.execute("SELECT doc_id, cluster FROM duplicates ORDER BY doc_id")
        assert rows.fetchall() == [("a", "a"), ("b", "a")]
        assert store.count("documents") == 3  # every member is kept


def test_export_counts_a_clustered_story_once_unless_all_copies(tmp_path: Path) -> None:
    import csv

    from diurna.page import RawInput
    from diurna.pipeline import Pipeline

    db = tmp_path / "e.db"
    pages = [RawInput(f"{name}.txt", f"Rebels seize Ramadi streets\n\n{text}".encode())
             for name, text in (("report", REPORT), ("rewrite", REWRITE), ("other", OTHER))]
    with Store(db) as store:
        for doc in Pipeline.default().pipe(pages, published="2005-12-01"):
            assert store.save(doc) == "stored"
    runner = CliRunner()
    assert runner.invoke(cli, ["duplicates", "--db", str(db)]).exit_code == 0

    def exported(*flags: str) -> list[str]:
        out = tmp_path / "events.csv"
        result = runner.invoke(cli, ["export", "--db", str(db), "--to", str(out), *flags])
        assert result.exit_code == 0, result.output
        with out.open(encoding="utf-8") as fh:
            return [row["doc_id"] for row in csv.DictReader(fh)]

    every = exported("--all-copies")
    once = exported()
    assert len(set(every)) >= 2 and len(set(once)) == len(set(every)) - 1
    assert len(once) < len(every)


def test_the_librarys_export_leaves_copies_out_as_the_command_does(tmp_path: Path) -> None:
    """``diurna.export_events`` has ``diurna export``'s default (session 36, brief W9; it kept
    the copies before): after ``duplicates``, the rewrite ``b`` of story ``a`` is left out, and
    ``all_copies=True`` (``--all-copies``) keeps it. One hand-made event per document."""
    import csv

    import diurna
    from diurna.duplicates.clusters import cluster_store
    from diurna.model import Event, Span

    db = tmp_path / "c.db"
    with Store(db) as store:
        for doc_id, text in (("a", REPORT), ("b", REWRITE), ("c", OTHER)):
            doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text)
            start = text.index("attack") if "attack" in text else text.index("clashes")
            trigger = Span(start, start + 6, text[start:start + 6])
            doc.events = [Event(id=f"{doc_id}:0", type="ASSAULT", trigger=trigger,
                                sentence=Span(0, len(text), text))]
            store.save(doc)
        cluster_store(store)

    def rows(out: Path) -> list[str]:
        with out.open(encoding="utf-8") as fh:
            return [row["doc_id"] for row in csv.DictReader(fh)]

    with Store(db, readonly=True) as store:
        assert diurna.export_events(store, tmp_path / "lib.csv") == 2
        assert diurna.export_events(store, tmp_path / "all.csv", all_copies=True) == 3
        assert diurna.export_events(store, tmp_path / "skip.csv", skip_docs={"c"}) == 1
    assert rows(tmp_path / "lib.csv") == ["a", "c"]
    assert sorted(rows(tmp_path / "all.csv")) == ["a", "b", "c"]
    assert rows(tmp_path / "skip.csv") == ["a"]
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--to", str(tmp_path / "cli.csv")])
    assert result.exit_code == 0, result.output
    # one copy is one copy (0602bab said "1 near-duplicate copies")
    assert "2 events written to" in result.output
    assert "(1 near-duplicate copy left out)" in result.output
    assert rows(tmp_path / "cli.csv") == rows(tmp_path / "lib.csv")
