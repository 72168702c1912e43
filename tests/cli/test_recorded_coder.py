"""A document's recorded coder names the --args and --gate it was coded with, so that a plain
`diurna recode` re-codes exactly the documents another option coded (before, only Diurna's
version, its code digest and the coder class were recorded: a store coded with `--gate off`
looked up to date to a default recode)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from diurna.batch import coder_version
from diurna.cli import cli
from diurna.events.gate import actor_sentences, gate_name, party_sentences, read_all
from diurna.pipeline import Pipeline


def _coder(db: Path) -> str:
    """The recorded coder of the one stored document (the rejection has none)."""
    with closing(sqlite3.connect(db)) as con:
        return str(con.execute("SELECT coder FROM documents WHERE coder IS NOT NULL").fetchone()[0])


def _recode(db: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["recode", "--db", str(db), *options])
    assert result.exit_code == 0, result.output
    return result.stderr


def test_a_store_coded_with_gate_off_is_stale_for_a_default_recode_only(
        one_event_db: Path) -> None:
    assert "1 recoded" in _recode(one_event_db, "--all", "--gate", "off")
    assert _coder(one_event_db).endswith(" LearnedEventCoder args=learned gate=off")
    # The same options find it up to date ...
    same = _recode(one_event_db, "--gate", "off")
    assert "nothing to re-code: 1 document up to date" in same and "recoded" not in same
    # ... the default gate (actors) re-codes it, and records its own.
    assert "1 recoded" in _recode(one_event_db)
    assert _coder(one_event_db).endswith(" LearnedEventCoder args=learned gate=actors")
    assert "nothing to re-code" in _recode(one_event_db, "--gate", "actors")


def test_other_args_make_a_document_stale(one_event_db: Path) -> None:
    _recode(one_event_db, "--all")
    # the default is --args learned since session 50: the rules are the other args
    assert "1 recoded" in _recode(one_event_db, "--args", "rules")
    assert " args=rules " in _coder(one_event_db)
    assert "nothing to re-code" in _recode(one_event_db, "--args", "rules")


def test_options_that_change_nothing_record_nothing() -> None:
    # The rule coder has no relevance gate, and the keyword baseline never runs the argument
    # ranker: asking for them changes no coding, so it must not make a store stale.
    rules = coder_version(Pipeline.default(coder="rules"))
    assert rules == coder_version(Pipeline.default(coder="rules", gate="off"))
    assert rules.endswith(" EventCoder args=learned") and "gate=" not in rules
    assert coder_version(Pipeline.default(coder="keyword", args="learned")).endswith(
        " KeywordCoder args=rules")
    learned = {gate: coder_version(Pipeline.default(gate=gate))
               for gate in ("actors", "parties", "off")}
    assert len(set(learned.values())) == 3
    assert learned["parties"].endswith(" LearnedEventCoder args=learned gate=parties")


@pytest.mark.parametrize(("gate", "name"), [(actor_sentences, "actors"),
                                            (party_sentences, "parties"), (read_all, "off"),
                                            (None, "off")])
def test_gate_name_gives_back_the_kind(gate: object, name: str) -> None:
    assert gate_name(gate) == name  # type: ignore[arg-type]


def test_a_pipeline_without_an_events_stage_records_no_coder_options() -> None:
    # a custom pipeline (tests, the API's own) records the version and digest alone, as before
    assert coder_version(Pipeline([])).count(" ") == 2


def test_a_recode_with_nothing_to_do_loads_no_model(
        one_event_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`diurna recode` knows what is stale before it builds the pipeline: with every document
    coded by the current version it says so and never calls `Pipeline.default` (which loads the
    models); other options make the document stale and build it (session 34, brief W5)."""
    assert "1 recoded" in _recode(one_event_db, "--all")  # coded by this version's default
    built: list[dict[str, object]] = []

    def loader(**options: object) -> Pipeline:
        built.append(options)
        raise RuntimeError("the models were loaded")

    monkeypatch.setattr(Pipeline, "default", loader)
    assert "nothing to re-code: 1 document up to date" in _recode(one_event_db)
    assert "nothing to re-code" in _recode(one_event_db, "--gate", "actors", "--args", "learned")
    assert built == []
    stale = CliRunner().invoke(cli, ["recode", "--db", str(one_event_db), "--gate", "off"])
    assert isinstance(stale.exception, RuntimeError) and len(built) == 1


@pytest.mark.parametrize(("coder", "args", "gate"), [
    ("learned", "rules", "actors"), ("learned", "rules", "parties"), ("learned", "learned", "off"),
    ("rules", "rules", "off"), ("rules", "learned", "actors"), ("keyword", "learned", "parties"),
])
def test_the_version_known_before_the_build_is_the_built_pipelines(
        coder: str, args: str, gate: str, tmp_path: Path) -> None:
    """What `recode` compares with the stored coders before building is what the built
    pipeline records, for each coder and option (an actor file of the user's too)."""
    from diurna.batch import default_coder_version

    extra = tmp_path / "extra.yaml"
    extra.write_text("actors:\n  - id: XYZGOV\n    name: Xyzland government\n", "utf-8")
    for files in ((), (str(extra),)):
        built = Pipeline.default(actor_files=files, coder=coder, args=args, gate=gate)
        assert default_coder_version(files, coder, args, gate) == coder_version(built)


def test_recode_of_named_documents_given_as_an_iterator_and_a_wrong_version(
        one_event_db: Path) -> None:
    """`recode(doc_ids=…)` re-codes the documents it names even when they come as a one-shot
    iterator and the version given beside a pipeline factory is not the built pipeline's (the
    ids are read again after the build: an exhausted iterator re-coded nothing)."""
    from diurna.batch import recode
    from diurna.store import Store

    with Store(one_event_db) as store:
        done = list(recode(store, pipeline=lambda: Pipeline([]),
                           doc_ids=iter(["0123456789abcdef"]), coder="not this pipeline's"))
    assert [o.status for o in done] == ["recoded"]
    assert _coder(one_event_db) == coder_version(Pipeline([]))
