"""The learned event coder (the classifier that decides types, with the rule steps' arguments),
the keyword baseline and the coder choice."""

from __future__ import annotations

import pytest

from diurna.events.heads import trigger_head
from diurna.events.learned import MODEL_DIR, Model
from diurna.model import Document
from diurna.pipeline import Pipeline


@pytest.fixture(scope="module", params=["learned", "tagger"])
def trained(request: pytest.FixtureRequest) -> Pipeline:
    """The learned coder, and the fine-tuned tagger alone (``--coder tagger``)."""
    return Pipeline.default(coder=request.param)


def _read(pipeline: Pipeline, text: str, published: str = "2008-03-01") -> Document:
    return pipeline(Document.from_paragraphs("t", "<test>", [text], published=published))


def test_shipped_weights_load_and_name_their_training_data() -> None:
    model = Model.load(MODEL_DIR)
    assert model.labels[0] == "NONE" or "NONE" in model.labels
    assert {"ASSAULT", "ACCUSE", "DEMAND"} <= set(model.labels)
    assert 0.0 < model.threshold < 1.0
    # the manifest says which gold files (with their hashes) the weights were trained on
    assert model.meta["gold"] and all(len(h) == 64 for h in model.meta["gold"].values())
    assert not any("test" in name for name in model.meta["gold"])


def test_trained_coders_code_a_plain_attack_with_offsets(trained: Pipeline) -> None:
    doc = _read(trained, "Gunmen attacked a police station in Baghdad on Tuesday, killing four "
                         "officers, Iraqi officials said.")
    types = [e.type for e in doc.events]
    assert "ASSAULT" in types
    for e in doc.events:
        assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert doc.text[e.sentence.start:e.sentence.end] == e.sentence.text
        assert e.cameo is not None


def test_trained_coders_code_no_event_in_a_neutral_sentence(trained: Pipeline) -> None:
    doc = _read(trained, "The museum opens at nine in the morning and closes at five.")
    assert doc.events == []


def test_a_missing_model_folder_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FileNotFoundError, match="--coder rules"):
        Model.load(tmp_path)


def test_keyword_baseline_codes_every_lexicon_word_without_context() -> None:
    doc = _read(Pipeline.default(coder="keyword"),
                "The striker scored twice before the attack on the goal was stopped.")
    # a word list cannot tell football from war: that is what the baseline is for
    assert "ASSAULT" in [e.type for e in doc.events]


def test_unknown_coder_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown event coder 'neural'"):
        Pipeline.default(coder="neural")


def test_trigger_head_is_the_syntactic_head_of_a_multiword_trigger() -> None:
    from diurna.language.spacy_stage import load_nlp

    parsed = load_nlp()("Velayati called on the US to leave Syria.")
    start = parsed.text.index("called on")
    head = trigger_head(parsed, start, start + len("called on"))
    assert head is not None and head.text == "called"


@pytest.mark.parametrize(("sentence", "trigger", "head"), [
    ("Three soldiers were killed.", "were killed", "killed"),
    ("The regime must take responsibility.", "must take", "take"),
    ("Officials said a vaccine program is not feasible.", "not feasible", "feasible"),
])
def test_a_trigger_holding_the_sentence_root_is_headed_by_its_content_word(
        sentence: str, trigger: str, head: str) -> None:
    """The sentence's root is its own head: "killed", not the auxiliary before it (spaCy makes
    a new Token on every access, so an identity test never saw the root and the first
    candidate, "were", won). "not feasible" is headed by "feasible", where spaCy's
    ``Span.root`` (the argument ranker's rule before) gave "not"."""
    from diurna.language.spacy_stage import load_nlp

    parsed = load_nlp()(sentence)
    start = parsed.text.index(trigger)
    found = trigger_head(parsed, start, start + len(trigger))
    assert found is not None and found.text == head


def test_learned_coder_runs_without_the_tagger_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The blend is optional: with only the MLP's weights the coder decides with the MLP alone."""
    import shutil

    from diurna.actors import ActorResolver
    from diurna.events import LearnedEventCoder

    for name in ("model.json", "weights.npz"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    pipeline = Pipeline.default(coder="rules")
    for i, comp in enumerate(pipeline.components):
        if comp.name == "events":
            pipeline.components[i] = LearnedEventCoder(
                resolve=ActorResolver().resolve_span, model_dir=tmp_path)
    doc = _read(pipeline, "Gunmen attacked a police station in Baghdad on Tuesday, killing "
                          "four officers, Iraqi officials said.")
    assert "ASSAULT" in [e.type for e in doc.events]


def test_a_persuading_stays_a_request_and_the_act_asked_for_is_no_event() -> None:
    # issue #17 (checked by hand against docs/annotation-events.md, section 3): the statements
    # stage reads the to-clause as what Peres said; the persuading is still his REQUEST to
    # Kidman, and the visit asked for is no event of its own (before the fix: no REQUEST, and a
    # CONSULT "visit" claimed by Peres)
    # (since quotes part 12 the statements stage no longer reads this persuading as a statement;
    # the event must be the same either way, and the "told ... to" case below keeps a statement cue)
    pipeline = Pipeline.default(coder="learned")
    doc = _read(pipeline, "Israeli Vice Premier Shimon Peres had earlier persuaded Nicole Kidman "
                "to visit Israel.", published="2006-08-17")
    got = [(e.type, e.trigger.text, e.status, [a.text for a in e.actors],
            [r.text for r in e.recipients]) for e in doc.events]
    assert got == [("REQUEST", "persuaded", "asserted", ["Israeli Vice Premier Shimon Peres"],
                    ["Nicole Kidman"])]
    # a directive cue the statements stage does read as a statement: the telling is the DEMAND
    # (plover.yaml: "tell" with a to-clause), the withdrawal asked for no event of its own
    doc = _read(pipeline, "Russian President Vladimir Putin told the Georgian leader to withdraw "
                "his troops from South Ossetia.", published="2008-08-10")
    assert any(q.cue is not None and q.cue.text == "told" for q in doc.quotes)
    got = [(e.type, e.trigger.text, [a.text for a in e.actors], [r.text for r in e.recipients])
           for e in doc.events]
    assert got == [("DEMAND", "told", ["Russian President Vladimir Putin"], ["Georgian leader"])]


def test_dense_rows_are_the_dense_features_of_each_word() -> None:
    """The learned coders read every candidate's dense features as one matrix (session 21):
    byte for byte the rows dense_features gives word by word, words without a vector zeros."""
    import numpy as np

    from diurna.events.heads import candidate
    from diurna.events.learned import dense_features, dense_rows, load_model
    from diurna.language import load_nlp

    vectors = load_model().vectors
    parsed = load_nlp()("Protesters attacked the embassy in Kabul and police arrested "
                        "zzqxv, a blorfing demonstrator, on charges of rioting.")
    toks = [t for t in parsed if candidate(t)] + [parsed[0]]
    rows = dense_rows(toks, vectors)
    assert rows.dtype == np.float32
    assert rows.tobytes() == np.stack([dense_features(t, vectors) for t in toks]).tobytes()
    assert dense_rows([], vectors).shape == (0, rows.shape[1])
