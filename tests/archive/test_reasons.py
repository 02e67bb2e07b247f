"""A journal entry's reason is the inbox action it documents, journaled from that action's event."""

from __future__ import annotations

from somevakt.archive.journal import JOURNALED_EVENTS
from somevakt.archive.models import Reason
from somevakt.inbox.projection import ACTION_EVENTS


def test_it_journals_each_reason_from_the_event_of_its_action() -> None:
    assert {event: reason for event, (reason, _kind) in JOURNALED_EVENTS.items()} == {
        ACTION_EVENTS[reason]: reason for reason in Reason.values
    }
