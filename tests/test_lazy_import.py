"""`import diurna` and the light commands (`--help`, `--version`, `rejections`, `events`,
`export` to CSV) import neither the page stack nor the models' libraries (session 34, brief W5:
`import diurna` took ~0.9 s, paid by every command), and the public API still imports by name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import diurna

# modules only processing needs: the page stack, the pipeline, the places resolver and the
# libraries behind them
HEAVY = ("spacy", "onnxruntime", "ray", "trafilatura", "numpy", "lxml", "diurna.page",
         "diurna.pipeline", "diurna.places.lookup", "diurna.places.resolver", "diurna.time")

SCRIPT = """
import json, sys
from click.testing import CliRunner
from diurna.cli import cli
args = json.loads(sys.argv[1])
result = CliRunner().invoke(cli, args) if args else None
heavy = json.loads(sys.argv[2])
print(json.dumps([result.exit_code if result else 0, [m for m in heavy if m in sys.modules]]))
"""


def _imports(args: list[str]) -> tuple[int, list[str]]:
    """The exit status of `diurna ARGS` in a fresh interpreter and the heavy modules it
    imported (none given: `import diurna.cli` alone)."""
    src = str(Path(diurna.__file__).parents[1])  # this checkout's diurna, as the suite's
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(args), json.dumps(HEAVY)],
                         capture_output=True, text=True, check=True, env=env)
    status, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    return status, loaded


def test_the_light_commands_import_no_page_stack_and_no_model_library(one_event_db: Path) -> None:
    stored = one_event_db  # one document with one event, and one rejection
    db = str(stored)
    commands = [[], ["--help"], ["--version"], ["process", "--help"],
                ["rejections", "--db", db], ["events", "--db", db],
                ["export", "--db", db, "--to", str(stored.parent / "e.csv")]]
    for args in commands:
        assert _imports(args) == (0, []), args
    status, loaded = _imports(["process", "--no-store", str(stored)])  # reading a page does
    assert status == 4 and {"trafilatura", "diurna.page", "diurna.pipeline"} <= set(loaded)


def test_the_public_api_imports_by_name() -> None:
    from diurna import (
        Document,
        Pipeline,
        RawInput,
        Rejected,
        Store,
        __version__,
        default_pipeline,
        process,
        process_file,
        process_paths,
    )
    from diurna.model import Document as ModelDocument
    from diurna.page import RawInput as PageRawInput
    from diurna.pipeline import Pipeline as PipelinePipeline
    from diurna.places import PlaceResolver, resolve
    from diurna.places.resolver import PlaceResolver as ResolverClass
    from diurna.store import Store as StoreStore

    assert (Document, Pipeline, RawInput, Store) == (
        ModelDocument, PipelinePipeline, PageRawInput, StoreStore)
    assert Rejected.__module__ == "diurna.model" and PlaceResolver is ResolverClass
    assert callable(resolve) and __version__ == "0.1.0"
    assert all(callable(f) for f in (default_pipeline, process, process_file, process_paths))
    assert diurna.Store is StoreStore  # as an attribute too
    assert dir(diurna) == sorted([*diurna.__all__, "__version__"])
    star: dict[str, object] = {}
    exec("from diurna import *", star)
    assert set(diurna.__all__) <= set(star)
    with pytest.raises(AttributeError, match="no attribute 'Stor'"):
        diurna.Stor  # noqa: B018 - a misspelt name is an AttributeError, as before
    with pytest.raises(ImportError):
        exec("from diurna import Stor", {})
