"""docs/policy.md names every finding code, action and topic, and documents its commands (those it gives
a synopsis for: check, due, policy) with every subcommand and option their parsers have."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.policy.codes import ACTIONS, FINDING_CODES, TOPICS
from somevakt.policy.packs import list_packs
from tests.cli_docs import commands_documented_in, missing_from

DOC = (Path(__file__).resolve().parents[2] / "docs" / "policy.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", FINDING_CODES)
def test_it_documents_every_finding_code(code):
    assert f"`{code}`" in DOC


@pytest.mark.parametrize("name", ACTIONS + TOPICS + tuple(list_packs()))
def test_it_documents_every_action_topic_and_pack(name):
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("command", commands_documented_in(DOC), ids=str)
def test_it_documents_every_subcommand_and_option_of_its_commands(command):
    assert missing_from(DOC, command) == []
