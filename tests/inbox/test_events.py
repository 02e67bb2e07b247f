"""The event log is append-only, and every event updates the status in the same transaction."""

from __future__ import annotations

import pytest

from somevakt.inbox.events import record
from somevakt.inbox.models import AppendOnly, ItemEvent
from somevakt.inbox.projection import replay


def test_it_refuses_to_change_or_remove_an_event(make_item):
    item = make_item()
    event = item.events.get()
    event.reason = "endret"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        ItemEvent.objects.filter(pk=event.pk).update(reason="endret")
    with pytest.raises(AppendOnly):
        ItemEvent.objects.filter(pk=event.pk).delete()
    assert ItemEvent.objects.get(pk=event.pk).reason == ""


def test_it_updates_the_status_with_each_event(make_item, owner):
    item = make_item()
    record(item, "assigned", actor=owner, payload={"assignee_id": owner.pk})
    item.status.refresh_from_db()
    assert item.status.state == "assigned"
    assert item.status.assignee == owner
    assert item.status.events == 2


def test_it_keeps_the_status_equal_to_the_replayed_log(make_item, owner):
    item = make_item()
    record(item, "note", actor=owner, reason="Ringer tilbake", payload={"tuple": (1, 2)})
    record(item, "hidden", actor=owner, payload={"ground": "personal_data"})
    item.status.refresh_from_db()
    replayed = replay([e.as_event() for e in ItemEvent.objects.filter(item=item).order_by("id")])
    assert item.status.as_status() == replayed


def test_it_records_nothing_when_the_transaction_fails(make_item, owner):
    from django.db import transaction

    item = make_item()
    with pytest.raises(RuntimeError), transaction.atomic():
        record(item, "closed", actor=owner)
        raise RuntimeError("boom")
    item.status.refresh_from_db()
    assert item.status.state == "new"
    assert item.events.count() == 1
