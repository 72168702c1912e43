"""The argument ranker's features for a noun trigger's own parties, parties read from context and
the competition between candidates (session 50, brief A63), on sentences we wrote."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diurna.events.arguments import Candidate, candidates
from diurna.model import Document


@pytest.fixture(scope="module")
def cands() -> Callable[[str, str], dict[str, dict[str, float]]]:
    from diurna.pipeline import Pipeline

    pipe = Pipeline.default(coder="rules", args="rules")
    comps = [pipe.get(n) for n in pipe.names[: pipe.names.index("events") + 1]]

    def run(text: str, trigger: str) -> dict[str, dict[str, float]]:
        doc = Document.from_paragraphs("t", "<test>", [text], published="2020-01-01")
        for comp in comps:
            doc = comp(doc)
        event = next(e for e in doc.events if e.trigger.text == trigger)
        found: list[Candidate] = candidates(doc, event)
        return {c.mention.text: c.features for c in found}

    return run


def test_the_party_of_a_noun_trigger_by_its_preposition(cands: Callable) -> None:
    got = cands("The move came amid requests by Iraqi villagers for NATO to stay in the "
                "province.", "requests")
    assert got["Iraqi villagers"]["nt=pobj_by"] == 1.0
    assert got["Iraqi villagers"]["nt=pobj_by|REQUEST"] == 1.0
    assert got["NATO"]["nt=pobj_for"] == 1.0
    # each sees that the other is the noun's own party too
    assert got["NATO"]["cp_other_nt"] == 1.0


def test_the_demonym_of_a_verb_s_weapon_subject(cands: Callable) -> None:
    # parsed as "airstrikes [that] killed ...": the demonym qualifies the noun the verb qualifies
    got = cands("Israeli airstrikes killed at least 20 people in Gaza on Tuesday.", "killed")
    assert got["Israeli"]["nt=acl_amod"] == 1.0
    assert "nt=acl_amod" not in got["at least 20 people"]


def test_a_common_noun_read_from_context_beside_the_sentence_s_own_party(
        cands: Callable) -> None:
    got = cands("The Iraqi cleric threatened a new campaign against corruption.", "threatened")
    campaign = got["a new campaign"]
    assert campaign["context"] == 1.0
    assert campaign["cx_ctx|own"] == 1.0  # the sentence names a coded party of its own
    assert campaign["cx_det=a"] == 1.0
    assert campaign["cx_lemma=campaign"] == 1.0
    assert campaign["cp_other_subj"] == 1.0  # the cleric is the verb's subject
    assert "cx_ctx|own" not in got["Iraqi cleric"]
    assert got["Iraqi cleric"]["cp_ncoded=1"] == 1.0


def test_the_subject_and_the_object_compete(cands: Callable) -> None:
    got = cands("Iran attacked Iraq on Monday.", "attacked")
    assert got["Iran"]["cp_other_obj"] == 1.0 and "cp_other_subj" not in got["Iran"]
    assert got["Iraq"]["cp_other_subj"] == 1.0 and "cp_other_obj" not in got["Iraq"]
    assert got["Iran"]["cp_shortest"] == got["Iraq"]["cp_shortest"] == 1.0  # one step each
    assert got["Iran"]["cp_ncoded=2"] == 1.0
