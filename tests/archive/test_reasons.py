"""A journal entry's reason is the inbox action it documents, journaled from that action's event,
or the kind of document an app handed in (tenants.documents); the archived documents name every
action and every kind of document."""

from __future__ import annotations

from somevakt.archive.formats.records import ACTION_LABELS
from somevakt.archive.journal import JOURNALED_EVENTS
from somevakt.archive.models import Reason
from somevakt.inbox.projection import ACTION_EVENTS
from somevakt.policy.decision import INBOUND_ACTIONS
from somevakt.tenants.documents import DOCUMENT_KINDS


def test_it_journals_each_reason_from_the_event_of_its_action() -> None:
    assert {event: reason for event, (reason, _kind) in JOURNALED_EVENTS.items()} == {
        ACTION_EVENTS[reason]: reason for reason in Reason.values if reason not in DOCUMENT_KINDS
    }
    assert set(DOCUMENT_KINDS) <= set(Reason.values)


def test_its_documents_have_words_for_every_inbound_action() -> None:
    assert set(ACTION_LABELS) == set(INBOUND_ACTIONS) | set(DOCUMENT_KINDS)
