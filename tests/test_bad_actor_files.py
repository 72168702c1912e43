"""A bad actor dictionary file named by ``$DIURNA_ACTORS`` (session 39, brief P1).

Until session 39 such a file gave the HTTP API a 500 "internal error (DictionaryError)" on the
first request with an actor id or sector filter, ``diurna events --actor-id X`` a multi-line
YAML error, a file with ``roles: 5`` a TypeError, and an unknown sector was taken as it was
(its events then matched no sector filter). Now every surface names the file and what to do in
one line: the library a ``DictionaryError`` (with ``.path``), the CLI exit 1 (a file error, as
``--actors`` gives it), ``diurna serve`` at start-up (exit 1) and the API a 500 naming the file
if the variable changes under it. Each test fails on ``1010274``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from diurna.actors.dictionary import ActorDictionary, DictionaryError
from diurna.cli import cli
from tests.store.test_copies import three_documents

BAD = {
    "not-yaml.yaml": b"actors: [\n  - id: X\n",
    "scalar.yaml": b"hello\n",
    "roles.yaml": b"roles: 5\n",
    "entry.yaml": b"actors: [1, 2]\n",
    "sector.yaml": b"actors:\n  - {id: XYZ-RHB, name: Red Hand Brigade, sector: QQQ}\n",
    "role-sector.yaml": b"roles:\n  - {sector: MILL, words: [sappers]}\n",
    "latin1.yaml": "actors:\n  - {id: X, name: Caf\u00e9}\n".encode("latin-1"),
}
WHAT = {
    "not-yaml.yaml": "not valid YAML",
    "scalar.yaml": "expected a list of actor entries",
    "roles.yaml": "roles must be a list",
    "entry.yaml": "must be a mapping",
    "sector.yaml": "unknown sector 'QQQ': use one of ACT, ",
    "role-sector.yaml": "unknown sector 'MILL'",
    "latin1.yaml": "not UTF-8 text",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_is_one_line_naming_it_and_the_variable(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / name
    path.write_bytes(BAD[name])
    with pytest.raises(DictionaryError) as given:  # given as a file (--actors, actors=)
        ActorDictionary.load([path], env=False)
    assert str(given.value).startswith(f"{path}") and WHAT[name] in str(given.value)
    assert "\n" not in str(given.value) and given.value.path == str(path)
    assert "$DIURNA_ACTORS" not in str(given.value)
    monkeypatch.setenv("DIURNA_ACTORS", str(path))
    with pytest.raises(DictionaryError) as named:
        ActorDictionary.load()
    assert str(named.value).endswith("the file is named by $DIURNA_ACTORS: fix it, or take it "
                                     "out of $DIURNA_ACTORS")
    assert WHAT[name] in str(named.value) and named.value.path == str(path)


def test_the_built_in_sectors_and_a_good_file_still_load(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("actors:\n  - {id: XYZ-RHB, name: Red Hand Brigade, sector: reb}\n"
                    "  - {id: XYZ-PRX, name: Blue Hand, sector: PRX}\n"
                    "roles:\n  - {sector: MIL, words: [sappers]}\n", encoding="utf-8")
    d = ActorDictionary.load([good], env=False)
    assert d.actors["XYZ-RHB"].sector == "REB" and d.roles["sappers"].sector == "MIL"


@pytest.fixture()
def bad_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_bytes(BAD["not-yaml.yaml"])
    monkeypatch.setenv("DIURNA_ACTORS", str(path))
    return path


@pytest.mark.parametrize("args", [
    ["events", "--actor-id", "FOOBAR"],
    ["events", "--actor-sector", "QQQ"],
    ["export", "--to", "OUT.csv", "--recipient-id", "HEZBOLLAH"],
])
def test_reading_commands_say_it_in_one_line(bad_env: Path, tmp_path: Path,
                                              args: list[str]) -> None:
    db = three_documents(tmp_path / "s.db")
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code == 1, result.output
    (line,) = result.output.splitlines()
    assert line.startswith(f"Error: {bad_env}: not valid YAML")
    assert line.endswith("fix it, or take it out of $DIURNA_ACTORS")


def test_the_server_refuses_to_start_naming_the_file(bad_env: Path, tmp_path: Path) -> None:
    from diurna.api import create_app

    db = three_documents(tmp_path / "s.db")
    with pytest.raises(DictionaryError, match="not valid YAML"):
        create_app(db)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "1"])
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert line.startswith(f"Error: {bad_env}: not valid YAML") and "$DIURNA_ACTORS" in line


def test_a_file_that_goes_bad_under_a_running_server_is_a_500_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diurna.api import create_app

    good = tmp_path / "good.yaml"
    good.write_text("actors:\n  - {id: XYZ-RHB, name: Red Hand Brigade, sector: REB}\n",
                    encoding="utf-8")
    monkeypatch.setenv("DIURNA_ACTORS", str(good))
    client = TestClient(create_app(three_documents(tmp_path / "s.db")),
                        raise_server_exceptions=False)
    assert client.get("/api/events?actor_id=XYZ-RHB").json() == {"events": [], "next": None}
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(BAD["sector.yaml"])
    monkeypatch.setenv("DIURNA_ACTORS", str(bad))  # as a worker started later would see it
    answer = client.get("/api/events?actor_id=FOOBAR")
    assert answer.status_code == 500
    error = answer.json()["error"]
    assert error["file"] == str(bad) and "unknown sector 'QQQ'" in error["message"]
    assert error["message"].startswith("the server's actor dictionary cannot be read: ")
