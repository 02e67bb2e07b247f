"""Every command and subcommand of `somevakt`, as its argument parsers define them (tests/cli_docs.py),
has a synopsis line in README.md or docs/*.md, and a doc with that line names each of its options and
the values they choose from."""

from __future__ import annotations

import pytest
from django.core.management import get_commands

from somevakt.cli import CORE_COMMANDS
from tests.cli_docs import DJANGOS_OWN, cli_commands, docs, gives_synopsis, missing_from

DOCS = docs()


@pytest.mark.parametrize("command", cli_commands(), ids=str)
def test_it_gives_every_command_a_synopsis_and_names_its_options(command) -> None:
    homes = [text for text in DOCS.values() if gives_synopsis(text, command)]
    assert homes, f"no line of README.md or docs/*.md starts with `{command}`"
    assert min((missing_from(text, command) for text in homes), key=len) == []


def test_it_reads_the_core_commands_and_every_somevakt_apps_commands() -> None:
    ours = {name: app for name, app in get_commands().items() if not app.startswith(DJANGOS_OWN)}
    # A library's commands are not ours to document: add its app to DJANGOS_OWN with a reason.
    assert all(app.startswith("somevakt.") for app in ours.values()), ours
    assert {command.words[0] for command in cli_commands()} == set(CORE_COMMANDS) | set(ours)
    assert ours
