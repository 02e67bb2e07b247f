"""docs/integrations.md names every setting, platform and command of this area."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.integrations.conf import DEFAULTS
from somevakt.registry.models import AccountState
from somevakt.registry.platforms import PLATFORMS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "integrations.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_it_documents_every_setting(name) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("name", [*PLATFORMS, *AccountState.values])
def test_it_documents_every_platform_and_account_state(name) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize(
    "command",
    [
        "somevakt account add --municipality SLUG --platform " + "|".join(PLATFORMS),
        "somevakt account list",
        "somevakt account show ID",
        "somevakt account set-credentials ID",
        "somevakt import FILE --account ID",
        "make bench-ingest",
        "/hooks/meta",
    ],
)
def test_it_documents_every_command_and_endpoint(command) -> None:
    assert command in DOC
