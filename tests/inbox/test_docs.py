"""docs/inbox.md names every event type, state, filter, hide ground, periodic job and command of the inbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.inbox import listing
from somevakt.inbox.projection import EVENT_TYPES, STATES
from somevakt.inbox.services import HIDE_GROUNDS
from somevakt.jobs import periodic
from tests.cli_docs import undocumented

DOC = (Path(__file__).resolve().parents[2] / "docs" / "inbox.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [*EVENT_TYPES, *STATES, *listing.FILTER_KEYS, *HIDE_GROUNDS])
def test_it_documents_every_event_state_filter_and_hide_ground(name) -> None:
    assert f"`{name}`" in DOC


@pytest.mark.parametrize("name", [n for n in periodic.registered() if n.startswith("inbox.")])
def test_it_documents_the_inboxs_periodic_jobs(name) -> None:
    assert f"`{name}`" in DOC


def test_it_documents_its_commands_with_every_subcommand_and_option() -> None:
    assert undocumented(DOC, apps=("somevakt.inbox",)) == {}
