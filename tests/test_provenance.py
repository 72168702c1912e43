"""Every extracted value points back into the body text it came from."""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from diurna.model import Comment, Document, Entity, Event, Mention, Place, Span, TimeExpr
from tests.scripts import load_file


def test_headline_places_point_into_their_field(seed_doc: Document) -> None:
    assert {p.field for p in seed_doc.headline_places} == {"title", "dek"}
    for place in seed_doc.headline_places:
        assert seed_doc.field_text(place.field)[place.start : place.end] == place.text
    assert all(p.field == "body" for p in seed_doc.places)


def test_every_span_matches_the_text_it_points_into(seed_doc: Document) -> None:
    # the corpus audit's own list of a document's spans (body, or title/dek for headline places)
    spans = list(audit_bench().document_spans(seed_doc))
    assert len(spans) > 50
    for what, field, span in spans:
        assert seed_doc.field_text(field)[span.start : span.end] == span.text, (what, span)


def test_document_id_is_the_content_hash(seed_doc: Document, seed_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    assert seed_doc.id == hashlib.sha256(seed_path.read_bytes()).hexdigest()[:16]


# --- bench/provenance_audit.py: the corpus audit's checks, on hand-made faults and real pages


@lru_cache(maxsize=1)
def audit_bench() -> ModuleType:
    return load_file("bench/provenance_audit.py", register=True)


def _doc_with(text: str, **kw: Any) -> Document:
    doc = Document(id="0123456789abcdef", source="<test>", text=text, **kw)
    doc.sentences = [Span(0, len(text), text)]
    return doc


def test_audit_counts_a_span_whose_words_are_not_its_offsets() -> None:
    doc = _doc_with("Iran condemned the strike.")
    doc.entities = [Entity(0, 4, "Iraq", label="GPE")]
    faults = audit_bench().audit_document(doc).faults
    assert len(faults["span"]) == 2  # the Document's entity and the same one in its JSON


def test_audit_counts_an_argument_outside_its_sentence() -> None:
    text = "It rained. Iran condemned the strike."
    doc = _doc_with(text)
    doc.sentences = [Span(0, 10, "It rained."), Span(11, len(text), text[11:])]
    doc.events = [Event(id=f"{doc.id}:0", type="ACCUSE", trigger=Span(16, 25, "condemned"),
                        sentence=Span(11, len(text), text[11:]),
                        actors=[Mention(3, 9, "rained")])]
    assert len(audit_bench().audit_document(doc).faults["in_sentence"]) == 1


def test_audit_counts_a_trailing_paragraph_break_in_a_span() -> None:
    doc = _doc_with("invited by media\n\nmogul Lagos.")
    doc.mentions = [Mention(11, 18, "media\n\n", label="NOUN")]
    assert len(audit_bench().audit_document(doc).faults["trim"]) == 1


def test_audit_counts_a_place_with_no_entry_but_a_point() -> None:
    doc = _doc_with("Talks in Xanadu.")
    doc.places = [Place(9, 15, "Xanadu", lat=1.0, lon=2.0)]
    assert len(audit_bench().audit_document(doc).faults["place"]) == 1


def test_audit_counts_an_event_in_a_comment_paragraph() -> None:
    doc = Document.from_paragraphs("0123456789abcdef", "<test>",
                                   ["Talks resumed.", "Russia attacked Ukraine again."])
    doc.sentences = doc.paragraph_spans()
    doc.comments = [Comment(index=0, text="Russia attacked  Ukraine again.")]
    second = doc.paragraph_spans()[1]
    doc.events = [Event(id=f"{doc.id}:0", type="ASSAULT", trigger=doc.span(22, 30),
                        sentence=second)]
    assert len(audit_bench().audit_document(doc).faults["not_comment"]) == 1


@pytest.mark.parametrize(("text", "value", "precision", "anchor", "published", "fault"), [
    ("February 14", "--02-14", "day", "none", None, False),  # stays partial: no year known
    ("February 14", "2018-02-14", "day", "published", "2018-02-15", False),
    ("February 14", "2018-02-14", "day", "published", None, True),  # an anchor it lacks
    ("February 14", "2018-02-14", "day", "none", None, True),  # a year from nowhere
    ("in 2005", "2005", "year", "absolute", None, False),
    ("in 2005", "2005-06-01", "day", "absolute", None, True),  # a year given a day
    ("14 February 2017", "2017-02-14", "day", "absolute", None, False),
])
def test_audit_date_is_never_more_precise_than_its_words(
        text: str, value: str, precision: str, anchor: str, published: str | None,
        fault: bool) -> None:
    t = TimeExpr(0, len(text), text, value=value, precision=precision,  # type: ignore[arg-type]
                 anchor=anchor)  # type: ignore[arg-type]
    assert (audit_bench().date_fault(t, published) is not None) is fault


@pytest.fixture(scope="module")
def real_documents(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    """A handful of real inputs as a user gives them: two benchmark pages, an English modern
    page, three Wikinews articles of the corpus (read as a JSONL file) and the seed page."""
    from diurna.page import RawInput
    from diurna.page.inputs import iter_inputs
    from diurna.pipeline import Pipeline

    pages = sorted((shared / "gold" / "article-body" / "html").glob("*.html.gz"))[:2]
    pages.append(shared / "gold" / "article-body-modern" / "html" / "za_Ilanga_2025_12_03.html.gz")
    raws = [RawInput(str(p), gzip.decompress(p.read_bytes())) for p in pages]
    corpus = shared / "corpus" / "wikinews-politics-2004-2009" / "articles.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        rows = [next(fh) for _ in range(3)]
    sample = tmp_path_factory.mktemp("wikinews") / "three.jsonl"
    sample.write_text("".join(rows), encoding="utf-8")
    raws += list(iter_inputs([str(sample)]))
    raws.append(RawInput(str(shared / "corpus" / "seed-page.txt"),
                         (shared / "corpus" / "seed-page.txt").read_bytes()))
    return list(Pipeline.default().pipe(raws))


def test_audit_finds_no_fault_on_real_pages(real_documents: list[Document],
                                            tmp_path: Path) -> None:
    bench = audit_bench()
    audit = bench.Audit()
    for doc in real_documents:
        assert doc.rejected is None, doc.source
        bench.audit_document(doc, audit)
    audit.merge(bench.audit_store(real_documents, tmp_path))
    assert sum(len(d.events) for d in real_documents) > 40
    assert audit.checked["span"] > 2000 and audit.checked["export"] > 1000
    assert audit.checked["date"] > 50 and audit.checked["in_sentence"] > 100
    # One known fault since the argument ranker became the default (A63, session 50), read by
    # hand: the seed page's "the Iranian deployment in Syria is approved by the Damascus
    # government" takes as its recipient Khamenei from the sentence before, though the sentence
    # names Iran itself ("--args rules" keeps "Iranian"). When a ranker mends it, this fails.
    known = [f for f in audit.faults.get("in_sentence", [])
             if "SUPPORT recipient 'Iranian supreme leader Ayatollah Ali Khamenei'" in f]
    assert len(known) == 1
    others = {k: [f for f in v if f not in known] for k, v in audit.faults.items()}
    assert {k: v for k, v in others.items() if v} == {}
