"""docs/jobs.md names the worker's command line and every job the apps register."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.jobs import continuous, periodic
from tests.cli_docs import undocumented

DOC = (Path(__file__).resolve().parents[2] / "docs" / "jobs.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted([*periodic.registered(), *continuous.registered()]))
def test_it_documents_every_job(name) -> None:
    assert f"`{name}`" in DOC


def test_it_documents_its_commands_with_every_subcommand_and_option() -> None:
    assert undocumented(DOC, apps=("somevakt.jobs",)) == {}
