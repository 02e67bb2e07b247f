"""docs/integrations.md names every setting, platform and command of this area."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.integrations.conf import DEFAULTS
from somevakt.registry.models import AccountState
from somevakt.registry.platforms import PLATFORMS
from tests.cli_docs import commands_documented_in, commands_of_app, missing_from

DOC = (Path(__file__).resolve().parents[2] / "docs" / "integrations.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_it_documents_every_setting(name) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("name", [*PLATFORMS, *AccountState.values])
def test_it_documents_every_platform_and_account_state(name) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("command", commands_documented_in(DOC), ids=str)
def test_it_documents_every_subcommand_and_option_of_its_commands(command) -> None:
    assert missing_from(DOC, command) == []


def test_it_documents_the_commands_of_the_registry_and_the_integrations() -> None:
    ours = commands_of_app("somevakt.registry") | commands_of_app("somevakt.integrations")
    assert {command.words[0] for command in commands_documented_in(DOC)} >= ours


@pytest.mark.parametrize("name", ["make bench-ingest", "/hooks/meta"])
def test_it_documents_the_benchmark_and_the_endpoint(name) -> None:
    assert name in DOC
