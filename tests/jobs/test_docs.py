"""docs/jobs.md names the worker's command line and every job the apps register."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.jobs import continuous, periodic
from tests.cli_docs import commands_documented_in, commands_of_app, missing_from

DOC = (Path(__file__).resolve().parents[2] / "docs" / "jobs.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted([*periodic.registered(), *continuous.registered()]))
def test_it_documents_every_job(name) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("command", commands_documented_in(DOC), ids=str)
def test_it_documents_every_subcommand_and_option_of_its_commands(command) -> None:
    assert missing_from(DOC, command) == []


def test_it_documents_the_jobs_apps_commands() -> None:
    assert {command.words[0] for command in commands_documented_in(DOC)} >= commands_of_app("somevakt.jobs")
