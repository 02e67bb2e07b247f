"""A journal entry's reason is the inbox action it documents, journaled from that action's event;
the archived documents name every action."""

from __future__ import annotations

from somevakt.archive.formats.records import ACTION_LABELS
from somevakt.archive.journal import JOURNALED_EVENTS
from somevakt.archive.models import Reason
from somevakt.inbox.projection import ACTION_EVENTS
from somevakt.policy.decision import INBOUND_ACTIONS


def test_it_journals_each_reason_from_the_event_of_its_action() -> None:
    assert {event: reason for event, (reason, _kind) in JOURNALED_EVENTS.items()} == {
        ACTION_EVENTS[reason]: reason for reason in Reason.values
    }


def test_its_documents_have_words_for_every_inbound_action() -> None:
    assert set(ACTION_LABELS) == set(INBOUND_ACTIONS)
