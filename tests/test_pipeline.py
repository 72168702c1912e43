"""The pipeline: named, swappable components; bad input never ends a batch; many cores."""

from __future__ import annotations

import pytest

from diurna.model import Document
from diurna.page import RawInput
from diurna.pipeline import Pipeline

PAGES = [
    RawInput(
        "a.txt",
        b"Troops clash near border\n\nThe army of Syria attacked rebels in Idlib on "
        b"Monday, officials said. Turkey condemned the attack.",
    ),
    RawInput("empty.txt", b""),
    RawInput(
        "b.txt",
        b"Talks resume\n\nIran and the United States held talks in Geneva on "
        b"Tuesday, according to state media.",
    ),
]


class Tagger:
    name = "tagger"

    def __call__(self, doc: Document) -> Document:
        doc.meta["tagged"] = True
        return doc


class Broken:
    name = "broken"

    def __call__(self, doc: Document) -> Document:
        raise RuntimeError("boom")


class Events:
    """A stand-in events component: the coder version names its class."""

    name = "events"

    def __call__(self, doc: Document) -> Document:
        return doc


class OtherEvents(Events):
    pass


class Actors:
    """A stand-in actors component with the user's actor files (``--actors``)."""

    name = "actors"

    def __init__(self, files: list[str]) -> None:
        self.extra_files = files

    def __call__(self, doc: Document) -> Document:
        return doc


def test_each_document_records_the_version_of_the_components_that_coded_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``doc.coder`` (what ``Store.save`` records and ``recode`` compares) names the events
    component that ran and digests the user's actor file; it is worked out once for the
    pipeline's components, not for every page, and again when a component is replaced."""
    actor_file = tmp_path / "actors.yaml"
    actor_file.write_text("a: 1\n")
    pipeline = Pipeline([Actors([str(actor_file)]), Events()])
    first = pipeline(Document.from_paragraphs("d1", "a.txt", ["Talks."])).coder
    assert first is not None and first.endswith(" Events args=rules")
    actor_file.write_text("a: 2\n")  # the file as the pipeline was first run, not read per page
    assert pipeline(Document.from_paragraphs("d2", "b.txt", ["Talks."])).coder == first
    pipeline.replace("events", OtherEvents())
    second = pipeline(Document.from_paragraphs("d3", "c.txt", ["Talks."])).coder
    assert second is not None and second.endswith(" OtherEvents args=rules")
    assert second.split()[2] != first.split()[2]  # the file's digest, read again


def test_components_can_be_added_replaced_and_removed() -> None:
    pipeline = Pipeline.default()
    assert pipeline.names == [
        "language", "actors", "statements", "events", "arguments", "time", "places"]
    pipeline.add(Tagger(), before="events")
    assert pipeline.names.index("tagger") == pipeline.names.index("events") - 1
    pipeline.remove("places")
    assert "places" not in pipeline.names
    doc = pipeline.process(PAGES[0])
    assert doc.meta["tagged"] and doc.places == []


def test_an_unknown_component_name_is_refused_with_the_names_there_are() -> None:
    pipeline = Pipeline.default()
    for call in (lambda: pipeline.remove("place"), lambda: pipeline.add(Tagger(), before="event"),
                 lambda: pipeline.replace("place", Tagger())):
        with pytest.raises(ValueError, match=r"no component '(place|event)' in pipeline \["):
            call()
    assert pipeline.names == [
        "language", "actors", "statements", "events", "arguments", "time", "places"]


def test_a_failing_component_rejects_that_page_and_the_batch_goes_on() -> None:
    pipeline = Pipeline([Broken()])
    docs = list(pipeline.pipe(PAGES))
    assert [d.rejected for d in docs] == ["pipeline_error", "empty", "pipeline_error"]
    assert "boom" in docs[0].meta["error"]
    assert docs[0].meta["stage"] == "broken"  # which component failed (the API's 500 names it)


def test_two_workers_give_the_same_documents_in_the_same_order() -> None:
    pipeline = Pipeline.default()
    serial = [d.to_dict() for d in pipeline.pipe(PAGES, published="2020-03-04")]
    parallel = [d.to_dict() for d in pipeline.pipe(PAGES, published="2020-03-04", workers=2)]
    assert parallel == serial
    assert serial[0]["events"] and serial[1]["rejected"] == "empty"


def test_batched_parsing_gives_the_same_documents_as_page_by_page(seed_path) -> None:  # type: ignore[no-untyped-def]
    """``pipe`` parses a batch of pages (bodies, titles, deks) in one ``nlp.pipe`` run; a user
    must get exactly what processing each page on its own gives, in input order."""
    pipeline = Pipeline.default()
    pages = [*PAGES, RawInput(str(seed_path), seed_path.read_bytes())]
    one_by_one = [pipeline.process(raw, published="2018-02-15").to_dict() for raw in pages]
    batched = [d.to_dict() for d in pipeline.pipe(pages, published="2018-02-15", batch_size=3)]
    assert batched == one_by_one
    assert [d["source"] for d in batched] == [p.source for p in pages]
    assert batched[-1]["events"] and batched[-1]["headline_places"]


class BlasThreads:
    """Records how many threads the BLAS libraries may use while the component runs."""

    name = "blas_threads"

    def __call__(self, doc: Document) -> Document:
        from threadpoolctl import threadpool_info

        doc.meta["blas"] = [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]
        return doc


def test_components_run_with_one_blas_thread_and_the_setting_is_restored() -> None:
    """OpenBLAS's extra threads only spin-waited on the pipeline's small products (a quarter
    more CPU, docs/scale.md): components run with one; the caller's setting comes back after."""
    import numpy  # noqa: F401  (loads the BLAS library)
    from threadpoolctl import threadpool_info, threadpool_limits

    with threadpool_limits(limits=2, user_api="blas"):
        pipeline = Pipeline([BlasThreads()])
        one = pipeline.process(PAGES[0])
        batch = list(pipeline.pipe(PAGES))
        after = [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]
    assert one.meta["blas"] and set(one.meta["blas"]) == {1}
    assert {n for d in batch if not d.rejected for n in d.meta["blas"]} == {1}
    assert set(after) == {2}
