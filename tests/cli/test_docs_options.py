"""Every option that README.md and docs/*.md show on a ``diurna …`` or ``python -m diurna.…``
command line is one that command's ``--help`` lists: a reader who copies a documented command
gets no "no such option", and a reader who asks ``--help`` sees what the docs use.

Only ``--help`` is consulted, so lines naming ``../shared`` data or files a checkout lacks are
checked too: nothing is run, nothing is read.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from diurna.cli import SCORERS, cli

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# Where a documented command line starts: the script, `python -m diurna ...` (the same click
# group), or a module run with `python -m diurna.<module>`; Python's `from diurna import X`
# (docs/python-api.md) is not one.
START = re.compile(r"(?:(?<![\w.-])python -m diurna(?P<module>\.[\w.]+)?|"
                   r"(?<![\w./-])(?<!from )diurna)(?= )")
# Where it ends: the next shell operator or comment.
STOP = {"|", ">", ">>", "<", "&&", "||", ";", "#", "&"}
OPTION = re.compile(r"^-{1,2}[A-Za-z][\w-]*$")
# Options in --help text: "-v, --verbose", "--holdout K", "[--dev-only]".
HELP_OPTION = re.compile(r"(?<![\w-])(-{1,2}[A-Za-z][\w-]*)")


def _snippets(text: str) -> Iterator[str]:
    """Command-bearing text: each command of a fenced or indented block (a line ending in
    ``\\``, or one followed by indented ``[--…]``/``--…`` lines, continues there), each inline
    `code` span elsewhere."""
    fenced = False
    held: str | None = None
    backslash = False
    prose: list[str] = []  # the paragraph so far: a `code` span may run over a line break
    for line in [*text.splitlines(), ""]:
        if held is not None and (backslash or re.match(r"\s+\[?--?\w", line)):
            held = f"{held} {line.strip()}"
            backslash = held.endswith("\\")
            held = held.removesuffix("\\")
            continue
        if held is not None:
            yield held
            held = None
        # An indented code block (four spaces, no inline code) is read as a fenced one.
        code = fenced or line.lstrip().startswith("```") or (
            line.startswith("    ") and "`" not in line)
        if prose and (code or not line.strip()):
            yield from re.findall(r"`([^`]+)`", " ".join(prose))
            prose = []
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif code:
            backslash = line.rstrip().endswith("\\")
            held = line.rstrip().removesuffix("\\")
        elif line.strip():
            prose.append(line.strip())


def _tokens(rest: str) -> list[str]:
    """The words of a command line up to a shell operator or comment; brackets of optional parts
    and ``=value`` tails are dropped, so ``[--holdout=K]`` gives ``--holdout``."""
    try:
        words = shlex.split(rest, comments=False, posix=True)
    except ValueError:  # an unbalanced quote in prose
        words = rest.split()
    out: list[str] = []
    for word in words:
        if word in STOP or word.startswith("#"):
            break
        for part in re.split(r"[|]", word.strip("[]()…,.:;")):
            part = part.strip("[]()…,.:;").split("=", 1)[0]
            if part:  # "…" and bare brackets stand for nothing
                out.append(part)
    return out


def documented_commands() -> list[tuple[str, str | None, list[str]]]:
    """``(where, module, words)`` for every documented command line: ``module`` is
    ``diurna.x.y`` for ``python -m diurna.x.y`` and None for the ``diurna`` group."""
    found: list[tuple[str, str | None, list[str]]] = []
    for path in DOCS:
        for snippet in _snippets(path.read_text(encoding="utf-8")):
            for m in START.finditer(snippet):
                if snippet[m.end():m.end() + 2] == "  ":
                    continue  # a column of printed output naming the system, not a command
                module = m.group("module")
                words = _tokens(snippet[m.end():])
                found.append((f"{path.name}: {snippet.strip()}",
                              f"diurna{module}" if module else None, words))
    return found


def _help_options(help_text: str) -> set[str]:
    """The options named in an argparse ``--help`` text (one hidden with ``SUPPRESS`` is not)."""
    return set(HELP_OPTION.findall(help_text)) | {"-h", "--help"}


def _module_options(module: str) -> set[str] | None:
    """The options ``python -m <module> --help`` lists; None when it has no ``main``."""
    mod = importlib.import_module(module)
    if getattr(mod, "__path__", None) is not None:  # a package: `python -m` runs its __main__
        mod = importlib.import_module(f"{module}.__main__")
    main = getattr(mod, "main", None)
    if main is None:
        return None
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            contextlib.suppress(SystemExit):
        main(["--help"])
    return _help_options(out.getvalue())


def _click_options(command: click.Command) -> set[str]:
    """The options a click command's ``--help`` lists (a hidden one is not listed)."""
    opts = {"--help"}
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            opts.update(param.opts, param.secondary_opts)
    return opts


def allowed_options(module: str | None, words: list[str]) -> tuple[str, set[str] | None]:
    """The command a documented line names (as its help would call it) and the options its
    ``--help`` lists; None when the line names no option-taking command (prose such as
    ``diurna evaluate …``)."""
    if module is not None:
        return f"python -m {module}", _module_options(module)
    command: click.Command = cli
    name = ["diurna"]
    for word in words:
        if not isinstance(command, click.Group) or word.startswith("-"):
            break
        sub = command.get_command(click.Context(command), word)
        if sub is None:
            break
        command, name = sub, [*name, word]
    if name[-2:-1] == ["evaluate"] and name[-1] in SCORERS:
        return " ".join(name), _module_options(SCORERS[name[-1]][0])
    if isinstance(command, click.Group):
        return " ".join(name), None if len(name) > 1 or not words else _click_options(command)
    return " ".join(name), _click_options(command)


DOCUMENTED = documented_commands()


def test_the_docs_show_command_lines() -> None:
    # The extraction itself works: the docs are full of them.
    assert len(DOCUMENTED) > 100
    assert any(w[:2] == ["evaluate", "times"] and "--holdout" in w for _, _, w in DOCUMENTED)


@pytest.mark.parametrize("where,words", [(where, words) for where, module, words in DOCUMENTED
                                         if module is None and words])
def test_every_documented_command_exists(where: str, words: list[str]) -> None:
    assert _unknown_command(words) is None, f"{where}: {_unknown_command(words)}"


def _unknown_command(words: list[str]) -> str | None:
    """What is wrong when the words before the first option or argument do not name a command:
    a group left with a further plain word means a command that is gone or misspelt."""
    command: click.Command = cli
    for word in words:
        if not isinstance(command, click.Group) or word.startswith("-"):
            return None
        sub = command.get_command(click.Context(command), word)
        if sub is None:
            return f"no command {word!r} in {command.name or 'diurna'}"
        command = sub
    return None


def test_an_option_missing_from_help_is_caught() -> None:
    # The check is not vacuous: a made-up option fails it, the TimeML options pass it (they are
    # in the plain `diurna evaluate times --help` since session 21), and so do a click
    # command's flags and an argparse module's options.
    snippet = "diurna evaluate times FILE.tml [--holdout K] [--dev-only] [-v] --no-such  # x --y"
    words = _tokens(snippet.removeprefix("diurna"))
    assert words[-1] == "--no-such" and "--y" not in words
    name, allowed = allowed_options(None, words)
    assert name == "diurna evaluate times" and allowed is not None
    assert {"--holdout", "--dev-only", "-v"} <= allowed and "--no-such" not in allowed
    assert "--no-build" in (allowed_options(None, ["clusters"])[1] or set())
    assert "--split" in (allowed_options("diurna.actors", [])[1] or set())
    assert _unknown_command(["evalute", "times"]) == "no command 'evalute' in diurna"
    assert _unknown_command(["places", "resolve", "Paris"]) is None


def test_continued_command_lines_are_joined() -> None:
    text = ("```\ndiurna clusters --db F \\\n    x --linker rules\n"
            "               [--no-build]\n```\n")
    assert list(_snippets(text)) == ["diurna clusters --db F  x --linker rules [--no-build]"]


@pytest.mark.parametrize("where,module,words", DOCUMENTED,
                         ids=[f"{i}" for i in range(len(DOCUMENTED))])
def test_every_documented_option_is_in_its_help(where: str, module: str | None,
                                                words: list[str]) -> None:
    name, allowed = allowed_options(module, words)
    used = {w for w in words if OPTION.match(w)}
    if allowed is None:
        assert not used, f"{where}: {name} takes no options, the docs use {sorted(used)}"
        return
    assert used <= allowed, f"{where}: {name} --help lacks {sorted(used - allowed)}"


def test_the_readme_filters_are_options_of_events_and_export() -> None:
    # README.md lists the shared event filters once, in a `#   FILTERS:` comment the command-line
    # check above stops at.
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"#\s+FILTERS:(.*?)\n(?!#)", text, re.S)
    assert block is not None
    filters = set(HELP_OPTION.findall(block.group(1)))
    assert len(filters) > 10
    for name in ("events", "export"):
        _, allowed = allowed_options(None, [name])
        assert allowed is not None and filters <= allowed, (name, sorted(filters - allowed))


# An argparse choice in --help: "--sites {all,dev,held}".
HELP_CHOICES = re.compile(r"(?<![\w-])(-{1,2}[A-Za-z][\w-]*) \{([^}]*)\}")


def allowed_choices(module: str | None, words: list[str]) -> dict[str, set[str]]:
    """The options of the command a documented line names that take one of a fixed set of
    values, with the values each accepts (click ``Choice`` or an argparse ``choices``)."""
    if module is None:
        command: click.Command = cli
        name = []
        for word in words:
            sub = (command.get_command(click.Context(command), word)
                   if isinstance(command, click.Group) and not word.startswith("-") else None)
            if sub is None:
                break
            command, name = sub, [*name, word]
        if name[:1] == ["evaluate"] and name[-1] in SCORERS:
            module = SCORERS[name[-1]][0]
        else:
            return {opt: set(param.type.choices) for param in command.params
                    if isinstance(param, click.Option) and isinstance(param.type, click.Choice)
                    for opt in param.opts}
    mod = importlib.import_module(module)
    if getattr(mod, "__path__", None) is not None:
        mod = importlib.import_module(f"{module}.__main__")
    if getattr(mod, "main", None) is None:
        return {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()), \
            contextlib.suppress(SystemExit):
        mod.main(["--help"])
    return {opt: set(values.split(",")) for opt, values in HELP_CHOICES.findall(out.getvalue())}


def shown_values(words: list[str], choices: dict[str, set[str]]) -> list[tuple[str, str]]:
    """``(option, value)`` for each value a documented line gives a fixed-choice option: the next
    word, split at ``|`` (``--format json|jsonl|table``); a placeholder in capitals (``C``,
    ``LINKER``) stands for any value and is left out."""
    out = []
    for option, value in zip(words, words[1:], strict=False):
        if option in choices and not value.startswith("-"):
            out += [(option, v) for v in value.split("|") if v and not v.isupper()]
    return out


def _raw_words(snippet: str) -> list[str]:
    """The words of a documented command with ``a|b|c`` kept whole (``_tokens`` splits it)."""
    try:
        words = shlex.split(snippet, comments=False, posix=True)
    except ValueError:
        words = snippet.split()
    out = []
    for word in words:
        if word in STOP or word.startswith("#"):
            break
        word = word.strip("[]()…,.:;").split("=", 1)[0] if word.startswith("-") else \
            word.strip("[]()…,.:;")
        if word:
            out.append(word)
    return out


def documented_values() -> list[tuple[str, str, str, set[str]]]:
    """``(where, option, value, accepted)`` for every value the docs give a fixed-choice option."""
    found = []
    for path in DOCS:
        for snippet in _snippets(path.read_text(encoding="utf-8")):
            for m in START.finditer(snippet):
                if snippet[m.end():m.end() + 2] == "  ":
                    continue
                module = m.group("module")
                words = _raw_words(snippet[m.end():])
                choices = allowed_choices(f"diurna{module}" if module else None, words)
                for option, value in shown_values(words, choices):
                    found.append((f"{path.name}: {snippet.strip()}", option, value,
                                  choices[option]))
    return found


DOCUMENTED_VALUES = documented_values()


def test_the_docs_give_choice_values() -> None:
    # The extraction works: the README's synopsis alone gives --format, --coder, --gate values.
    options = {option for _, option, _, _ in DOCUMENTED_VALUES}
    assert {"--format", "--coder", "--gate", "--linker", "--sites", "--baseline"} <= options


@pytest.mark.parametrize("where,option,value,accepted", DOCUMENTED_VALUES,
                         ids=[f"{i}" for i in range(len(DOCUMENTED_VALUES))])
def test_every_documented_choice_value_is_accepted(where: str, option: str, value: str,
                                                   accepted: set[str]) -> None:
    # A reader who copies `--format jsonl` or `--coder rules` from the docs gets no "invalid
    # choice": a renamed or dropped value fails here.
    assert value in accepted, f"{where}: {option} {value!r} is not one of {sorted(accepted)}"


def test_a_stale_choice_value_is_caught() -> None:
    words = _raw_words(" places resolve Paris --format json|yaml --limit N")
    choices = allowed_choices(None, words)
    assert choices["--format"] == {"table", "jsonl", "json"}
    assert shown_values(words, choices) == [("--format", "json"), ("--format", "yaml")]
    scorer = allowed_choices(None, _raw_words(" evaluate body --sites dev"))
    assert scorer["--sites"] == {"all", "dev", "held"}
    assert shown_values(["--coder", "C"], {"--coder": {"rules"}}) == []
