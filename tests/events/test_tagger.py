"""The fine-tuned trigger tagger (``--coder tagger``): its shipped files, the word-piece alignment
it relies on, its mode head, the coder it drives and the training command's refusals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from diurna.events.finetune import Sentence, encode_batch, main
from diurna.events.learned import MODEL_DIR
from diurna.events.ontology import load_ontology
from diurna.events.tagger import (
    CONTEXT_CHARS,
    ENSEMBLE_FILE,
    SEEN_LEMMA,
    SEEN_TYPE,
    Tagger,
    context_ids,
    load_tagger,
    mode_label,
    mode_labels,
    pieces,
    seen_flags,
    tagger_folders,
    text_before,
    unit_pieces,
)
from diurna.model import Document
from diurna.pipeline import Pipeline


def test_shipped_tagger_loads_and_names_its_training_data() -> None:
    tagger = load_tagger(str(MODEL_DIR))
    assert tagger.labels[0] == "NONE"
    assert {"ASSAULT", "ACCUSE", "DEMAND"} <= set(tagger.labels)
    assert 0.0 < tagger.threshold < 1.0
    meta = json.loads((MODEL_DIR / "tagger.json").read_text(encoding="utf-8"))["meta"]
    assert meta["gold"] and all(len(h) == 64 for h in meta["gold"].values())
    assert not any("test" in name for name in [*meta["gold"], meta["dev"]])
    # small enough to ship in the repository (the ceiling is 100 MB)
    assert (MODEL_DIR / "tagger.onnx").stat().st_size < 100e6


def test_each_word_gets_its_first_piece_and_the_rule_decision_on_it() -> None:
    tagger = load_tagger(str(MODEL_DIR))
    words = ["Peacekeepers", "attacked", "Gbagbo", "."]
    ids, rules, first = pieces(tagger.tokenizer, words, ["NONE", "ASSAULT", "NONE", "NONE"],
                               tagger.label_id)
    assert len(ids) == len(rules) and first[0] == 1  # after [CLS]
    assert first == sorted(first) and len(set(first)) == 4
    assert first[3] < len(ids) - 1  # [SEP] closes the sentence
    assert rules[first[1]] == tagger.label_id["ASSAULT"] + 1
    assert sum(1 for r in rules if r) == 1


def test_a_missing_tagger_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="--coder rules"):
        load_tagger(str(tmp_path))


def _weight_folder(folder: Path, members: list[str] | None = None) -> Path:
    """A weight folder linking the shipped files, naming ``members`` in its ensemble file."""
    folder.mkdir()
    for f in MODEL_DIR.iterdir():
        if f.is_file():
            (folder / f.name).symlink_to(f)
    if members is not None:
        (folder / ENSEMBLE_FILE).write_text(json.dumps({"members": members}), encoding="utf-8")
    return folder


SENTENCES = [(["Rebels", "attacked", "the", "convoy", "."], ["NONE", "ASSAULT"] + ["NONE"] * 3),
             (["He", "demanded", "talks"], ["NONE", "DEMAND", "NONE"])]


def test_one_tagger_folder_reads_as_before_and_a_list_of_one_is_the_same() -> None:
    """The ensemble is an option: a weight folder without the ensemble file, or a list holding
    one folder, gives exactly the single tagger's numbers (byte for byte)."""
    alone = Tagger(MODEL_DIR).probabilities(SENTENCES)
    assert len(load_tagger(str(MODEL_DIR)).members) == 1
    for got, want in zip(Tagger([MODEL_DIR]).probabilities(SENTENCES), alone, strict=True):
        assert got.tobytes() == want.tobytes()


def test_an_ensemble_averages_its_members_word_distributions(tmp_path: Path) -> None:
    folder = _weight_folder(tmp_path / "w", [".", str(MODEL_DIR)])  # relative and absolute
    tagger = load_tagger(str(folder))
    assert len(tagger.members) == 3 and tagger.threshold == load_tagger(str(MODEL_DIR)).threshold
    alone = Tagger(MODEL_DIR).probabilities(SENTENCES)
    # a second model that is sure every word is an ASSAULT, types and modes alike
    width = len(tagger.labels) + len(tagger.modes)
    sure = np.zeros(width, np.float32)
    sure[tagger.label_id["ASSAULT"]] = 1.0
    sure[len(tagger.labels) + tagger.modes.index("ASSAULT/")] = 1.0
    tagger.members[2].probabilities = (  # type: ignore[method-assign]
        lambda sents, batch, seen, before=None: [np.tile(sure, (len(w), 1)) for w, _ in sents])
    for got, one in zip(tagger.probabilities(SENTENCES), alone, strict=True):
        assert got.shape == one.shape
        assert np.allclose(got, (2 * one + sure) / 3)
        assert np.allclose(got.sum(-1), one.sum(-1))  # still distributions


def test_an_ensemble_refuses_members_of_another_label_set(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for name in ("tagger.onnx", "tokenizer.json"):
        (other / name).symlink_to(MODEL_DIR / name)
    spec = json.loads((MODEL_DIR / "tagger.json").read_text(encoding="utf-8"))
    spec["labels"] = list(reversed(spec["labels"]))
    (other / "tagger.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ValueError, match="labels or modes differ"):
        Tagger([MODEL_DIR, other])
    # a member named but missing is the same clear error as a missing tagger
    folder = _weight_folder(tmp_path / "w", [str(tmp_path / "nowhere")])
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load_tagger(str(folder))


def test_the_learned_coder_reads_a_weight_folders_ensemble(tmp_path: Path) -> None:
    """A folder naming its own tagger twice more is an ensemble of three equal members: the
    coder must then code what the single tagger codes."""
    from diurna.actors import ActorResolver
    from diurna.events import LearnedEventCoder

    text = ("Gunmen attacked a police station in Baghdad on Tuesday, killing four officers, "
            "Iraqi officials said. The opposition demanded that the minister resign.")
    folder = _weight_folder(tmp_path / "w", [".", "."])
    got = []
    for model_dir in (MODEL_DIR, folder):
        pipeline = Pipeline.default(coder="rules")
        resolver = ActorResolver()
        pipeline.replace("events", LearnedEventCoder(resolve=resolver.resolve_span,
                                                     model_dir=model_dir))
        doc = pipeline(Document.from_paragraphs("t", "<test>", [text], published="2008-03-01"))
        got.append([(e.type, e.trigger.text, e.mode) for e in doc.events])
    assert len(load_tagger(str(folder)).members) == 3
    assert got[0] == got[1] and ("ASSAULT", "attacked") in [g[:2] for g in got[0]]


def test_training_refuses_bad_gold_in_one_line_before_training(tmp_path: Path, shared: Path,
                                                               capsys: pytest.CaptureFixture[str]
                                                               ) -> None:
    gold = tmp_path / "gold.jsonl"
    line = {"source": "corpus/seed-page.txt", "published": "2018-02-15", "start": 194,
            "end": 391, "events": [{"type": "INVADE", "trigger": {
                "start": 298, "end": 307, "text": "called on"}}]}
    gold.write_text("\n" + json.dumps(line) + "\n", encoding="utf-8")
    assert main([str(gold), "--dev", str(gold), "--out", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gold.jsonl:2: unknown event type 'INVADE'" in err[0]


def test_training_refuses_frozen_test_files(tmp_path: Path) -> None:
    test_file = tmp_path / "events-wikinews-test.jsonl"
    test_file.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit):
        main([str(test_file), "--out", str(tmp_path / "m")])


@pytest.mark.parametrize("context", ["-1", "129"])
def test_training_refuses_a_context_out_of_range_in_one_line(
        tmp_path: Path, context: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--context", context, "--out", str(tmp_path / "m")])
    err = capsys.readouterr().err.strip().splitlines()
    assert "--context must be between 0 and 128" in err[-1]
    assert not (tmp_path / "m").exists()


def test_mode_labels_are_joint_with_their_type_and_include_no_mode() -> None:
    onto = load_ontology()
    labels = mode_labels(onto.types)
    assert mode_label("ASSAULT", "abduct") in labels and mode_label("ASSAULT", None) in labels
    assert mode_label("AGREE", None) in labels  # a type without modes has only "no mode"
    assert not any(lb.startswith("AGREE/") and lb != "AGREE/" for lb in labels)
    assert len(labels) == len(set(labels)) == len(onto.types) + sum(
        len(t.modes) for t in onto.types.values())


def test_the_mode_head_picks_the_likeliest_mode_of_the_decided_type_only() -> None:
    tagger = load_tagger(str(MODEL_DIR))
    assert tagger.modes, "the shipped tagger has a mode head"
    row = np.zeros(len(tagger.labels) + len(tagger.modes), np.float32)

    def put(label: str, p: float) -> None:
        row[len(tagger.labels) + tagger.modes.index(label)] = p

    put("ACCUSE/sue", 0.9)  # likelier, but of another type: never given to an ASSAULT
    put("ASSAULT/abduct", 0.06)
    put("ASSAULT/", 0.04)
    assert tagger.mode_of("ASSAULT", row) == "abduct"
    put("ASSAULT/", 0.08)
    assert tagger.mode_of("ASSAULT", row) is None
    assert tagger.mode_of("ACCUSE", row) == "sue"


def test_the_tagger_gives_each_event_a_mode_of_its_own_type() -> None:
    doc = Pipeline.default(coder="tagger")(Document.from_paragraphs(
        "t", "<test>", ["Gunmen kidnapped two aid workers in Kandahar on Monday, police said.",
                        "The president condemned the attack on Tuesday."],
        published="2008-03-01"))
    onto = load_ontology()
    assert doc.events
    for ev in doc.events:
        assert ev.mode is None or ev.mode in onto.types[ev.type].modes
        assert ev.cameo == onto.cameo(ev.type, ev.mode)


def test_told_before_marks_a_word_whose_story_an_earlier_sentence_told() -> None:
    from diurna.language import Language

    doc = Document(id="t", source="test", published="2008-03-01",
                   text="Gunmen attacked a convoy in Kandahar on Monday. "
                        "The attack killed four soldiers, police said.")
    parsed = Language()(doc).nlp
    by_text = {t.text: t.i for t in parsed}
    rules = {by_text["attacked"]: "ASSAULT", by_text["attack"]: "ASSAULT"}
    told = seen_flags(parsed, rules)
    # the first report is new; the second sentence's "attack" retells it by lemma and rule type
    assert by_text["attacked"] not in told and by_text["convoy"] not in told
    assert told[by_text["attack"]] == SEEN_LEMMA | SEEN_TYPE
    # a word nothing earlier told is new, and a rule type alone is enough
    assert by_text["killed"] not in told
    assert seen_flags(parsed, {**rules, by_text["killed"]: "ASSAULT"})[by_text["killed"]] \
        == SEEN_TYPE


def test_hidden_rules_also_hide_the_rule_half_of_told_before() -> None:
    tagger = load_tagger(str(MODEL_DIR))
    sent = Sentence(words=["The", "attack", "killed", "four"], gold=["NONE"] * 4,
                    rule=["NONE", "ASSAULT", "ASSAULT", "NONE"], cand=[False, True, True, True],
                    source="s", mode=[""] * 4, seen=[0, 3, 2, 0])
    modes = mode_labels(load_ontology().types)
    shown = encode_batch(tagger.tokenizer, [sent], tagger.labels, modes)
    hidden = encode_batch(tagger.tokenizer, [sent], tagger.labels, modes, hide_rules=True)
    assert sorted(shown["seen"][0].tolist())[-2:] == [2, 3]
    assert sorted(set(hidden["seen"][0].tolist())) == [0, SEEN_LEMMA]
    assert not encode_batch(tagger.tokenizer, [sent], tagger.labels, modes,
                            use_seen=False)["seen"].any()


@pytest.mark.parametrize("text", ['{"members": "seedA"', '{"members": "seedA"}', '["seedA"]'])
def test_a_malformed_ensemble_file_is_an_error_naming_it(tmp_path: Path, text: str) -> None:
    """A user writing ``taggers.json`` by hand is told which file is wrong and its form; a bare
    string was read letter by letter ("no fine-tuned event tagger in .../s") and broken JSON
    was an error naming no file."""
    (tmp_path / ENSEMBLE_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"taggers\.json.*members"):
        tagger_folders(tmp_path)


def test_an_ensemble_file_names_its_members_beside_the_folder(tmp_path: Path) -> None:
    (tmp_path / ENSEMBLE_FILE).write_text('{"members": ["seedA", "/abs/seedB"]}',
                                          encoding="utf-8")
    assert tagger_folders(tmp_path) == [tmp_path, tmp_path / "seedA", Path("/abs/seedB")]
    assert tagger_folders(tmp_path / "none") == [tmp_path / "none"]


def test_the_context_is_the_text_before_the_sentence_and_not_after() -> None:
    text = "Rebels seized the town. Troops attacked them on Monday. Talks resumed later."
    start = text.index("Troops")
    assert text_before(text, start) == "Rebels seized the town. "
    assert text_before(text, 0) == ""
    # a long text is cut at a space, never inside a word, and ends where the sentence starts
    long = "word " * 1000 + "Troops attacked."
    cut = text_before(long, long.index("Troops"))
    assert long.endswith(cut + "Troops attacked.") and cut.startswith("word ")
    assert len(cut) <= CONTEXT_CHARS


def test_the_context_keeps_the_last_n_pieces() -> None:
    tagger = load_tagger(str(MODEL_DIR))
    before = "Insurgents ambushed a convoy near Kandahar, killing four soldiers. "
    every = tagger.tokenizer.encode(before, add_special_tokens=False).ids
    assert len(every) > 5
    assert context_ids(tagger.tokenizer, before, 5) == every[-5:]
    assert context_ids(tagger.tokenizer, before, 500) == every
    assert context_ids(tagger.tokenizer, before, 0) == []
    assert context_ids(tagger.tokenizer, "  ", 5) == []


def test_a_sentence_read_with_context_keeps_its_labels_on_its_own_words() -> None:
    tagger = load_tagger(str(MODEL_DIR))
    words = ["Peacekeepers", "attacked", "Gbagbo", "."]
    rules = ["NONE", "ASSAULT", "NONE", "NONE"]
    alone = pieces(tagger.tokenizer, words, rules, tagger.label_id)
    # context 0 is the sentence alone, exactly as before
    assert unit_pieces(tagger.tokenizer, words, rules, tagger.label_id, "Talks failed.", 0) \
        == (*alone, None)
    ids, rule_ids, first, types = unit_pieces(tagger.tokenizer, words, rules, tagger.label_id,
                                              "Talks failed. ", 3)
    ctx = context_ids(tagger.tokenizer, "Talks failed. ", 3)
    # [CLS] context [SEP] sentence [SEP]; the sentence is the second segment
    assert ids == [alone[0][0], *ctx, alone[0][-1], *alone[0][1:]]
    assert types == [0] * (len(ctx) + 2) + [1] * (len(alone[0]) - 1)
    assert [ids[p] for p in first] == [alone[0][p] for p in alone[2]]
    assert rule_ids[first[1]] == tagger.label_id["ASSAULT"] + 1 and sum(map(bool, rule_ids)) == 1
    sent = Sentence(words=words, gold=["NONE", "ASSAULT", "NONE", "NONE"], rule=rules,
                    cand=[False, True, False, False], source="s", mode=[""] * 4,
                    before="Talks failed. ")
    modes = mode_labels(load_ontology().types)
    plain = encode_batch(tagger.tokenizer, [sent], tagger.labels, modes)
    read = encode_batch(tagger.tokenizer, [sent], tagger.labels, modes, context=3)
    assert "types" not in plain and read["types"][0].tolist() == types
    # the same four word labels, on the sentence's pieces only
    assert sorted(read["target"][0][read["target"][0] >= 0].tolist()) \
        == sorted(plain["target"][0][plain["target"][0] >= 0].tolist())
    assert (read["target"][0][:len(ctx) + 2] == -100).all()


def test_the_coder_gives_a_context_tagger_the_text_before_each_sentence() -> None:
    from diurna.events.tagger import TaggerEventCoder
    from diurna.language import Language

    class Stub:
        """Records what the coder hands a tagger that reads context."""

        seen_input = False
        context = 32
        given: list[str] | None = None

        def probabilities(self, sentences: list[tuple[list[str], list[str]]], batch: int = 1,
                          seen: list[list[int]] | None = None,
                          before: list[str] | None = None) -> list[np.ndarray]:
            Stub.given = before
            return [np.zeros((len(w), 2), np.float32) for w, _ in sentences]

    doc = Document(id="t", source="test", published="2008-03-01",
                   text="Gunmen attacked a convoy in Kandahar. Police arrested two men. "
                        "Talks resumed on Friday.")
    parsed = Language()(doc).nlp
    TaggerEventCoder().word_probabilities(Stub(), parsed, {},  # type: ignore[arg-type]
                                          keep=lambda sent: True)
    assert Stub.given == ["", "Gunmen attacked a convoy in Kandahar. ",
                          "Gunmen attacked a convoy in Kandahar. Police arrested two men. "]
