"""A person of the dictionary is not read into another person who shares the surname (session
41): "Lutfullah Mashal" is not Khaled Mashal (whose entry has the alias "Mashal") and "Hunter
Biden" is not Joe Biden, though a surname alone ("Mashal said", "Biden added") and a spelling
of the same given name ("Khalid Mashal") still are. Sentences written for these tests; the
codes are public facts (Khaled Mashal led Hamas's political bureau: PSEREB; Joe Biden was vice
president in 2009-2017: USAGOV)."""

from __future__ import annotations

from collections.abc import Callable

from diurna.model import Document


def _ids(doc: Document, text: str) -> list[str | None]:
    """The actor ids of the mentions inside or around the first ``text`` of the document (a
    dictionary alias may be a mention of its own inside the name: "Khalid [Mashal]")."""
    start = doc.text.index(text)
    end = start + len(text)
    found = [m for m in doc.mentions if m.start < end and m.end > start]
    assert found, f"no mention at {text!r} in {[m.text for m in doc.mentions]}"
    return [m.actor.id if m.actor is not None else None for m in found]


def test_another_given_name_is_another_person(resolve: Callable[[str], Document]) -> None:
    doc = resolve("Lutfullah Mashal criticised the plan on Monday. "
                  "Later, Khalid Mashal rejected the proposal in Damascus.")
    assert _ids(doc, "Lutfullah Mashal") == [None]
    assert _ids(doc, "Khalid Mashal") == ["P-MASHAL"]


def test_a_relative_named_after_the_person_is_not_that_person(
        resolve: Callable[[str], Document]) -> None:
    doc = resolve("Joe Biden spoke in Ohio on Monday. "
                  "Hunter Biden met investors in Kiev. Biden later denied any wrongdoing.")
    assert _ids(doc, "Joe Biden") == ["P-BIDEN"]
    assert _ids(doc, "Hunter Biden") == [None]
    assert _ids(doc, "Biden") == ["P-BIDEN"]
