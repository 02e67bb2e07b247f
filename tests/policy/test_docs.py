"""docs/policy.md names every finding code, action and topic, and documents its commands (those it gives
a synopsis for: check, due, policy) with every subcommand and option their parsers have."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.policy.codes import ACTIONS, FINDING_CODES, TOPICS
from somevakt.policy.packs import list_packs
from tests.cli_docs import undocumented

DOC = (Path(__file__).resolve().parents[2] / "docs" / "policy.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", FINDING_CODES)
def test_it_documents_every_finding_code(code):
    assert f"`{code}`" in DOC


@pytest.mark.parametrize("name", ACTIONS + TOPICS + tuple(list_packs()))
def test_it_documents_every_action_topic_and_pack(name):
    assert f"`{name}`" in DOC


def test_it_documents_its_commands_with_every_subcommand_and_option():
    assert undocumented(DOC) == {}
