"""purge_items: the one way items leave the database, with their whole event log and status."""

from __future__ import annotations

import pytest

from somevakt.inbox import services
from somevakt.inbox.models import AppendOnly, Item, ItemEvent, ItemStatus
from somevakt.inbox.purge import purge_items
from tests.inbox.conftest import triage_with


def test_it_deletes_items_with_their_events_and_status(make_item, adviser):
    gone = make_item("111222333_1_1")
    triage_with(gone, "intent.question")
    services.claim(gone, adviser)
    kept = make_item("111222333_1_2")
    events = ItemEvent.objects.filter(item=gone).count()
    purged = purge_items(Item.objects.filter(pk=gone.pk), "retention test")
    assert (purged.items, purged.events) == (1, events)
    assert not Item.objects.filter(pk=gone.pk).exists()
    assert not ItemEvent.objects.filter(item_id=gone.pk).exists()
    assert not ItemStatus.objects.filter(pk=gone.pk).exists()
    assert ItemEvent.objects.filter(item=kept).count() == 1


def test_it_keeps_the_replies_to_a_purged_item(make_item):
    parent = make_item("111222333_1_1")
    reply = make_item("111222333_1_9", "Enig!", parent_id="111222333_1_1")
    assert reply.parent_id == parent.pk
    assert purge_items([parent.pk], "retention test").items == 1
    reply.refresh_from_db()
    assert reply.parent_id is None
    assert reply.events.count() == 1


def test_it_needs_a_reason(make_item):
    item = make_item()
    with pytest.raises(ValueError, match="reason"):
        purge_items([item.pk], " ")
    assert Item.objects.filter(pk=item.pk).exists()


def test_it_does_nothing_for_no_items(db):
    assert purge_items([], "retention test").items == 0


def test_it_is_the_only_way_past_the_append_only_log(make_item):
    item = make_item()
    with pytest.raises(AppendOnly):
        ItemEvent.objects.filter(item=item).delete()
    with pytest.raises(AppendOnly):
        item.events.first().delete()
