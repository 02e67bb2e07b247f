"""docs/integrations.md names every setting, platform and command of this area."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.integrations.conf import DEFAULTS
from somevakt.registry.models import AccountState
from somevakt.registry.platforms import PLATFORMS
from tests.cli_docs import undocumented

DOC = (Path(__file__).resolve().parents[2] / "docs" / "integrations.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_it_documents_every_setting(name) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("name", [*PLATFORMS, *AccountState.values])
def test_it_documents_every_platform_and_account_state(name) -> None:
    assert f"`{name}`" in DOC


def test_it_documents_its_commands_with_every_subcommand_and_option() -> None:
    # `account add` and the lifecycle steps are in docs/accounts.md, which integrations.md points to.
    accounts = (Path(__file__).resolve().parents[2] / "docs" / "accounts.md").read_text(encoding="utf-8")
    assert undocumented(DOC + "\n" + accounts, apps=("somevakt.registry", "somevakt.integrations")) == {}


@pytest.mark.parametrize("name", ["make bench-ingest", "/hooks/meta"])
def test_it_documents_the_benchmark_and_the_endpoint(name) -> None:
    assert name in DOC
