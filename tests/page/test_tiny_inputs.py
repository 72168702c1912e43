"""Inputs too small to be an article, and inputs that could not be loaded: what they are
stored as (docs/page.md, "Rejections"; docs/data.md, the document's `id`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from diurna.model import Rejected, content_id
from diurna.page import RawInput, read_page


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"garbage", "1 word"),  # the 7-byte text file of session 31's walk
        (b"Attack\n", "1 word"),  # one word the coder would have made an actor-less ASSAULT of
        (b"--- *** ---", "0 words"),
        (b"<html><head><title>Iran attacks Iraq</title></head><body><article><p>Loading</p>"
         b"</article></body></html>", "1 word"),  # an HTML body of one word, too
    ],
)
def test_a_body_without_a_sentence_is_a_rejection_saying_so(data: bytes, words: str) -> None:
    with pytest.raises(Rejected) as err:
        read_page(RawInput("tiny.txt", data))
    assert err.value.reason == "too_short"
    assert words in err.value.detail and err.value.detail.startswith("tiny.txt: ")


@pytest.mark.parametrize(
    "text",
    [
        "Iran attacked Iraq on Monday.",  # what the API's users and the tests send
        "Iran attacked.",  # two words: a subject and its verb
        "伊朗周一袭击了伊拉克。",  # a script written without spaces: not one "word"
    ],
)
def test_one_short_sentence_is_still_read(text: str) -> None:
    doc = read_page(RawInput("short.txt", text.encode("utf-8")))
    assert doc.rejected is None and doc.text == text


EMPTY_ID = "e3b0c44298fc1c14"  # SHA-256 of no bytes, first 16 hex digits


def _named(source: str, reason: str) -> str:
    """docs/data.md's rule, written out here: SHA-256 of `unloaded`, the reason and the
    source joined by NUL bytes, first 16 hex digits."""
    return hashlib.sha256(f"unloaded\0{reason}\0{source}".encode()).hexdigest()[:16]


def test_an_input_that_could_not_be_loaded_is_named_by_its_source_and_reason() -> None:
    big = RawInput("in/big.html", b"", error=("too_large", "over the limit"))
    gone = RawInput("in/gone.html", b"", error=("not_found", "no such file"))
    gone_big = RawInput("in/gone.html", b"", error=("too_large", "over the limit"))
    ids = [raw.doc_id() for raw in (big, gone, gone_big)]
    assert ids == [_named("in/big.html", "too_large"), _named("in/gone.html", "not_found"),
                   _named("in/gone.html", "too_large")]
    assert EMPTY_ID not in ids and len(set(ids)) == 3
    # an empty file has bytes to name it (none): the empty input's content id, as before
    assert RawInput("in/empty.txt", b"").doc_id() == EMPTY_ID
    # a bad JSONL line could not be loaded either, but its bytes name it
    line = RawInput("in/x.jsonl:3", b"{oops", error=("jsonl", "not a JSON object"))
    assert line.doc_id() == content_id(b"{oops")


def test_a_batch_stores_each_unloaded_input_under_its_own_id_and_a_rerun_replaces_it(
    tmp_path: Path,
) -> None:
    from diurna import batch
    from diurna.pipeline import Pipeline
    from diurna.store import Store

    raws = [RawInput("in/big.html", b"", error=("too_large", "over the limit")),
            RawInput("in/gone.html", b"", error=("not_found", "no such file")),
            RawInput("in/empty.txt", b"")]
    with Store(tmp_path / "d.db") as store:
        for retry in (False, True):  # the retrying run meets the same failures
            outcomes = list(batch.run(raws=raws, pipeline=Pipeline([]), store=store,
                                      retry_rejected=retry))
            assert [o.status for o in outcomes] == ["rejected"] * 3
        # a plain rerun skips them (session 33), each found under its own id
        outcomes = list(batch.run(raws=raws, pipeline=Pipeline([]), store=store))
        assert [o.status for o in outcomes] == ["rejected_before"] * 3
        rows = sorted((r["source"], r["doc_id"], r["reason"]) for r in store.rejections())
    assert rows == [
        ("in/big.html", _named("in/big.html", "too_large"), "too_large"),
        ("in/empty.txt", EMPTY_ID, "empty"),
        ("in/gone.html", _named("in/gone.html", "not_found"), "not_found"),
    ]
