"""The event log is append-only, and every event updates the status in the same transaction."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction

from somevakt.inbox import events
from somevakt.inbox.events import NewEvent, on_events_recorded, record, record_many
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
    item = make_item()
    with pytest.raises(RuntimeError), transaction.atomic():
        record(item, "closed", actor=owner)
        raise RuntimeError("boom")
    item.status.refresh_from_db()
    assert item.status.state == "new"
    assert item.events.count() == 1


def test_it_records_a_batch_in_order_and_projects_each_status(make_item, owner):
    first, second = make_item("a"), make_item("b", "Takk!")
    batch = [
        NewEvent(first, "note", actor=owner, reason="Ringer innbyggeren", payload={"text": "notat"}),
        NewEvent(second, "hidden", actor=owner, reason="personal_data", clauses=("gausdal:7",)),
        NewEvent(first, "closed", actor=owner, reason="Ferdig"),
        NewEvent(second, "deleted", actor_label="platform:facebook", payload={"by": "platform"}),
        NewEvent(first, "reopened", actor=owner),
    ]
    written = record_many(batch)
    assert len(written) == 5
    assert [e.pk for e in written] == sorted(e.pk for e in written)
    assert [(e.item_id, e.type) for e in written] == [(e.item.pk, e.type) for e in batch]
    assert first.status.state == "open" and second.status.deleted
    stored = ItemEvent.objects.get(pk=written[1].pk)
    assert (stored.actor, stored.reason, stored.clauses) == (owner, "personal_data", ["gausdal:7"])
    for item in (first, second):
        item.status.refresh_from_db()
        assert item.status.as_status() == replay([e.as_event() for e in item.events.order_by("id")])
    assert second.status.events == 3
    call_command("rebuild-status", "--check")


@pytest.fixture
def heard(monkeypatch):
    """The batches of events a test listener was called with (the registered ones stay)."""
    monkeypatch.setattr(events, "_listeners", list(events._listeners))
    batches: list[list[ItemEvent]] = []

    def listener(new: list[ItemEvent]) -> None:
        assert transaction.get_connection().in_atomic_block
        assert all(e.item.status.last_event_id is not None for e in new)  # statuses written first
        batches.append(list(new))

    on_events_recorded(listener)
    on_events_recorded(listener)  # registered once
    return batches


def test_it_tells_the_listeners_of_each_batch_once(make_item, owner, heard):
    first, second = make_item("a"), make_item("b")
    heard.clear()
    written = record_many([NewEvent(first, "note", actor=owner), NewEvent(second, "closed", actor=owner)])
    one = record(first, "reopened", actor=owner)
    assert [[e.pk for e in batch] for batch in heard] == [[e.pk for e in written], [one.pk]]
    assert record_many([]) == [] and len(heard) == 2


def test_it_writes_nothing_when_a_listener_fails(make_item, owner, monkeypatch):
    item = make_item()
    monkeypatch.setattr(events, "_listeners", list(events._listeners))

    def failing(new: list[ItemEvent]) -> None:
        raise RuntimeError("listener failed")

    on_events_recorded(failing)
    with pytest.raises(RuntimeError, match="listener failed"):
        record(item, "closed", actor=owner)
    item.status.refresh_from_db()
    assert item.status.state == "new" and item.events.count() == 1
