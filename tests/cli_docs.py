"""The command line as its argument parsers define it, and what the docs say of it (for the doc tests).

The commands are read from the parsers, not listed: the `somevakt` core commands (CORE_COMMANDS in
somevakt/cli.py; each module's `main` runs until it parses its arguments, and that parser is kept)
and the Django management commands of the somevakt apps (`get_commands()`, each command's
`create_parser()`). A subparser, or a first positional argument with choices (`train ner`), makes a
subcommand.

A doc gives a command's synopsis when one of its lines starts with `somevakt WORDS` (after an
optional `$ `), as the command-line sections of README.md and docs/*.md do.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from unittest import mock

from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand

from somevakt.cli import CORE_COMMANDS

ROOT = Path(__file__).resolve().parents[1]

# The apps whose commands are Django's own (and django-tasks-db's `db_worker`, which
# `somevakt worker` replaces): Django documents them. `somevakt` passes them through, and README
# names the few a deployment runs (`migrate`, `collectstatic`, `createsuperuser`).
DJANGOS_OWN = ("django.core", "django.contrib.", "django_tasks_db")


@dataclass(frozen=True)
class Command:
    words: tuple[str, ...]  # ("policy", "show")
    options: tuple[str, ...]  # its own options, long form where it has one: ("--json",)
    choices: tuple[str, ...] = ()  # the values its options choose from: ("comment", "reply", ...)

    def __str__(self) -> str:
        return " ".join(("somevakt", *self.words))


def docs() -> dict[str, str]:
    """{"README.md" | "docs/NAME.md": text}."""
    paths = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8") for path in paths}


def gives_synopsis(text: str, command: Command) -> bool:
    words = r"\s+".join(re.escape(word) for word in command.words)
    return re.search(rf"^\s*(?:\$ )?somevakt\s+{words}(?![\w-])", text, re.MULTILINE) is not None


def names_option(text: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def missing_from(text: str, command: Command) -> list[str]:
    """What a doc lacks to document `command` in full: its synopsis line, options and choices."""
    missing = [] if gives_synopsis(text, command) else [f"a line starting `{command}`"]
    missing += [option for option in command.options if not names_option(text, option)]
    return missing + [choice for choice in command.choices if not names_option(text, choice)]


@cache
def cli_commands() -> tuple[Command, ...]:
    """Every command and subcommand of `somevakt`, from its argument parser."""
    found: list[Command] = []
    for name, module in CORE_COMMANDS.items():
        found += _walk((name,), core_parser(module), ignore=set())
    django_options = _option_strings(BaseCommand().create_parser("somevakt", "command"))
    for name, app in sorted(get_commands().items()):
        if app.startswith(DJANGOS_OWN):
            continue
        parser = load_command_class(app, name).create_parser("somevakt", name)
        found += _walk((name,), parser, ignore=django_options)
    return tuple(found)


def commands_of_app(app: str) -> set[str]:
    """The Django management commands an app defines: {"items", ...}."""
    return {name for name, owner in get_commands().items() if owner == app}


class _Parsed(BaseException):
    """Carries the parser out of a command's `main` (not an Exception: `main` catches those)."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self.parser = parser


def core_parser(module: str) -> argparse.ArgumentParser:
    """The parser a core command's `main` builds (it is stopped when it starts parsing)."""

    def stop(parser, *args, **kwargs):
        raise _Parsed(parser)

    main = importlib.import_module(module).main
    with (
        mock.patch.dict(os.environ),  # `main` may set thread counts for the models it loads
        mock.patch.object(argparse.ArgumentParser, "parse_args", stop),
        mock.patch.object(argparse.ArgumentParser, "parse_known_args", stop),
    ):
        try:
            main([])
        except _Parsed as parsed:
            return parsed.parser
    raise AssertionError(f"{module}.main returned without parsing its arguments")


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


def _walk(words: tuple[str, ...], parser: argparse.ArgumentParser, ignore: set[str]) -> Iterator[Command]:
    options: list[str] = []
    choices: list[str] = []
    subcommands: dict[str, argparse.ArgumentParser | None] = {}
    positionals = [action for action in parser._actions if not action.option_strings]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            subcommands.update(action.choices)
        elif action.option_strings:
            if isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
                continue
            if ignore & set(action.option_strings):
                continue
            options.append(max(action.option_strings, key=len))
            choices += [str(choice) for choice in action.choices or ()]
    if not subcommands and positionals and positionals[0].choices:
        subcommands = dict.fromkeys(positionals[0].choices)
    yield Command(words, tuple(options), tuple(choices))
    for name, subparser in subcommands.items():
        if subparser is None:
            yield Command((*words, name), ())
        else:
            yield from _walk((*words, name), subparser, ignore)


def undocumented(text: str, apps: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """{command: what the doc lacks} for the commands a doc documents in full: those it gives a
    synopsis for and those of `apps`, each with all its subcommands."""
    tops = {command.words[0] for command in cli_commands() if len(command.words) == 1}
    here = {name for name in tops if gives_synopsis(text, Command((name,), ()))}
    here |= {name for app in apps for name in commands_of_app(app)}
    return {
        str(command): missing
        for command in cli_commands()
        if command.words[0] in here and (missing := missing_from(text, command))
    }
