"""The learned coder's relevance gate (``--gate``): on pages that are not political news only
sentences where a coded party (of public life, with ``parties``) can be found are coded;
political pages are untouched."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from diurna.events.gate import actor_sentences, read_all, sentence_gate
from diurna.model import Document
from diurna.pipeline import GATES, Pipeline

# A recipe page (long enough for the coder to judge it: no public body in it) with one sentence
# about the police: "Stir ..." and "Remove the jars ..." are instructions, the arrest is an act.
RECIPE = [
    "Making jam at home is easier than it looks, and a summer afternoon is all you need.",
    "In addition to the canner pot, you will need some mason jars, a ladle, and a funnel.",
    "Add your jars to the hot water and let them get warm while you cook the fruit.",
    "Stir the berries and the sugar over a medium heat until the mixture starts to bubble.",
    "Remove the jars from the boiling water and let them cool for several hours.",
    "Fill each jar, leaving a little space at the top, and wipe the rims with a clean cloth.",
    "Store the sealed jars in a cool, dark cupboard and they will keep for a year.",
    "Police arrested two men who stole a van of strawberries from a farm near Leeds on Tuesday.",
]
WAR = ["Russian troops attacked the Ukrainian city of Kharkiv on Monday, the Ukrainian army said.",
       "The government in Kyiv condemned the attack and called for new sanctions against Moscow."]


def _events(gate: str, paragraphs: list[str]) -> list[tuple[str, str, list[str]]]:
    doc = Pipeline.default(gate=gate)(
        Document.from_paragraphs("t", "<test>", paragraphs, published="2024-03-01"))
    return [(e.type, e.trigger.text, [m.text for m in e.actors]) for e in doc.events]


@pytest.mark.parametrize("gate", ["actors", "parties"])
def test_gate_codes_only_sentences_with_a_party_on_a_recipe_page(gate: str) -> None:
    events = _events(gate, RECIPE)
    triggers = {trigger for _, trigger, _ in events}
    assert not triggers & {"Stir", "Remove", "Add", "Fill", "Store"}
    assert ("COERCE", "arrested", ["Police"]) in events  # the police's act is still coded


def test_gate_leaves_political_pages_as_they_were() -> None:
    gated = _events("actors", WAR)
    assert gated == _events("off", WAR)
    assert {t for t, _, _ in gated} >= {"ASSAULT", "ACCUSE"}


def test_gate_is_on_by_default_and_can_be_switched_off() -> None:
    assert GATES[0] == "actors"
    assert Pipeline.default().get("events").sentences is actor_sentences  # type: ignore[attr-defined]
    assert Pipeline.default(gate="off").get("events").sentences is read_all  # type: ignore[attr-defined]


def test_unknown_gate_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="actors, parties, off"):
        sentence_gate("everything")
    with pytest.raises(ValueError, match="unknown gate"):
        Pipeline.default(gate="everything")


# A page about a choir (not political: no public body) where a professor is attacked. The
# actors stage leaves "Professor Whitley" and "the University of Leeds" uncoded (no country, not
# in the dictionary), but their names say they are parties of civil life; a company or a club
# is not one.
CHOIR = [
    "The Harrogate Singers gave their spring concert in the old chapel on Saturday evening.",
    "The choir sang pieces by Byrd and Tallis, and the audience asked for two encores.",
    "Tickets for the summer concert go on sale next week at the box office in the square.",
    "The singers will also record an album with Northern Sound Studios in the autumn.",
    "Rehearsals are held every Thursday, and new voices are always welcome to join them.",
    "Professor Ann Whitley was attacked outside the hall after the concert.",
    "Last year the choir sang at three weddings and a christening in the same chapel.",
    "A concert for the University of Leeds was cancelled after the flooding in March.",
]


def _kept(paragraphs: list[str], actor_files: Sequence[Path] = ()) -> list[str]:
    """The sentences the ``actors`` gate lets the learned coder read (with the user's actor
    dictionary files ``actor_files``)."""
    pipe = Pipeline.default(actor_files=actor_files)
    doc = Document.from_paragraphs("t", "<test>", paragraphs, published="2024-03-01")
    for comp in pipe.components[: pipe.names.index("events")]:
        doc = comp(doc)
    coder = pipe.get("events").doc_coder(doc)  # type: ignore[attr-defined]
    assert not coder.political_news
    kept = actor_sentences(coder, {}) or set()
    return [s.text.strip() for s in doc.nlp.sents if s.start in kept]


def test_gate_reads_a_sentence_whose_uncoded_party_has_a_civil_title_or_name() -> None:
    kept = _kept(CHOIR)
    assert "Professor Ann Whitley was attacked outside the hall after the concert." \
        in kept
    assert any(s.startswith("A concert for the University of Leeds") for s in kept)
    # a studio (a business) and the choir's own plans are still skipped
    assert not any("Northern Sound Studios" in s or "Rehearsals" in s for s in kept)


def test_gate_reads_the_role_words_of_a_users_own_dictionary(tmp_path: Path) -> None:
    """A title the user's dictionary adds ("Choirmaster") opens its sentence as the built-in
    "Professor" does; without the file the sentence stays skipped, and a business role word of
    the file ("Producer") opens nothing."""
    page = [s.replace("Professor Ann Whitley", "Choirmaster Ann Whitley") for s in CHOIR]
    page[3] = "Producer Tom Reyes will also record an album with the choir in the autumn."
    users = tmp_path / "roles.yaml"
    users.write_text("roles:\n"
                     "  - {sector: CVL, person: true, words: [choirmaster]}\n"
                     "  - {sector: BUS, person: true, words: [producer]}\n", encoding="utf-8")
    attacked = "Choirmaster Ann Whitley was attacked outside the hall after the concert."
    assert attacked not in _kept(page)
    kept = _kept(page, [users])
    assert attacked in kept
    assert not any(s.startswith("Producer Tom Reyes") for s in kept)
    # the whole pipeline, as `diurna process --actors FILE` runs it, codes the attack
    doc = Pipeline.default(actor_files=[users])(
        Document.from_paragraphs("t", "<test>", page, published="2024-03-01"))
    assert "attacked" in {e.trigger.text for e in doc.events}
