"""docs/policy.md names every finding code, action, topic and core command it documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.policy.codes import ACTIONS, FINDING_CODES, TOPICS
from somevakt.policy.packs import list_packs

DOC = (Path(__file__).resolve().parents[2] / "docs" / "policy.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", FINDING_CODES)
def test_it_documents_every_finding_code(code):
    assert f"`{code}`" in DOC


@pytest.mark.parametrize("name", ACTIONS + TOPICS + tuple(list_packs()))
def test_it_documents_every_action_topic_and_pack(name):
    assert f"`{name}`" in DOC


@pytest.mark.parametrize(
    "command",
    [
        "somevakt check --policy SLUG [--kind comment|reply|post|private] [--json] [TEXT|-]",
        "somevakt check --policy SLUG --jsonl",
        "somevakt due --policy SLUG --received ISO8601",
        "somevakt policy list",
        "somevakt policy show SLUG",
        "somevakt policy coverage SLUG",
        "somevakt policy compare",
    ],
)
def test_it_documents_every_core_command(command):
    assert command in DOC
