"""Who speaks: "he"/"she" through the salience ranker, a named person with a role in apposition,
and the speech verb of a direct quote found past a long name and role (sentences written by
us)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diurna.model import Quote
from diurna.statements import salience
from diurna.statements.mentions import MentionFinder
from diurna.statements.quotes import salience_candidates

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
from helpers import make_doc  # noqa: E402

ELLISON = ('Senator Mark Ellison said the war had failed. "George W. Bush has misled the country '
           'for three years," he said.')


def _quote(text: str, start: str) -> Quote:
    return next(q for q in make_doc(text).quotes if q.text.startswith(start))


def test_he_is_the_speaker_not_the_person_named_in_his_quotation() -> None:
    # the rules take the nearest person (Bush, inside the quotation marks); the one who spoke
    # before and is the subject of the passage is Ellison
    q = _quote(ELLISON, "George W. Bush")
    assert q.speaker is not None and q.speaker.text.endswith("Ellison")


def test_the_rules_alone_take_the_nearest_name() -> None:
    salience.ENABLED = False
    try:
        q = _quote(ELLISON, "George W. Bush")
    finally:
        salience.ENABLED = True
    assert q.speaker is not None and q.speaker.text == "George W. Bush"


def test_the_ranker_sees_who_spoke_and_who_is_quoted() -> None:
    doc = make_doc(ELLISON)
    he = next(t for t in doc.nlp if t.lower_ == "he")
    feats = {c.key: f for c, f in salience_candidates(MentionFinder(doc), he)}
    assert feats["ellison"]["last_speaker"] == 1.0 and feats["ellison"]["in_quote"] == 0.0
    assert feats["bush"]["in_quote"] == 1.0 and feats["bush"]["last_speaker"] == 0.0


def test_the_shipped_weights_name_only_features_the_ranker_makes() -> None:
    model = salience.load_weights()
    doc = make_doc(ELLISON)
    he = next(t for t in doc.nlp if t.lower_ == "he")
    made = {name for _, f in salience_candidates(MentionFinder(doc), he) for name in f}
    buckets = {f"{k}={v}" for k in ("rank", "sents") for v in ("0", "1", "2", "3+")} | {
        f"gender={g}" for g in ("fits", "no", "conflict")}
    assert set(model["weights"]) <= made | buckets
    assert 0.0 < model["threshold"] < 1.0


def test_no_candidate_leaves_the_pronoun_as_it_is() -> None:
    q = _quote('"The harbour will stay closed until the storm has passed," he said.', "The harbour")
    assert q.speaker is not None and q.speaker.text == "he"


def test_a_named_speaker_keeps_the_name_when_the_actor_comes_from_the_role() -> None:
    q = _quote("Mara Lindqvist, executive director of Anglicare Australia, said the levy was "
               "unfair to families.", "the levy")
    assert q.speaker is not None and q.speaker.text == "Mara Lindqvist"


@pytest.mark.parametrize(("text", "speaker"), [
    # eleven tokens between the closing mark and "said"
    ('"There should be one law and one authority in the country," Gareth Pollard, the deputy '
     "foreign minister of the republic, said.", "Gareth Pollard"),
])
def test_the_speech_verb_after_a_quotation_is_found(text: str, speaker: str) -> None:
    q = make_doc(text).quotes[0]
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and speaker in q.speaker.text


def test_the_name_after_the_speech_verb_may_hold_of_and_end_at_the_next_act() -> None:
    # "…," said Secretary of State X also adding …: the name runs over "of" and stops at the
    # speaker's next act ("also adding")
    q = _quote('"We should not put too much weight on a threat of this kind. After all, the '
               'country needs the oil money," said Secretary of State Anne Holloway also adding '
               "that talks would go on.", "We should not")
    assert q.speaker is not None and q.speaker.text.endswith("Holloway")
