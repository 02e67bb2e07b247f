"""docs/jobs.md names the worker's command line and every job the apps register."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.jobs import continuous, periodic

DOC = (Path(__file__).resolve().parents[2] / "docs" / "jobs.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted([*periodic.registered(), *continuous.registered()]))
def test_it_documents_every_job(name) -> None:
    assert f"`{name}`" in DOC


def test_it_documents_the_worker_command() -> None:
    assert "somevakt worker [--once] [--interval SECONDS] [--tick SECONDS]" in DOC
