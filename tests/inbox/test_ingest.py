"""The hand-off from the integrations: idempotent, race-safe, every verb an event, triage enqueued."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from somevakt.inbox.ingest import ingest_comment, receive
from somevakt.inbox.models import Item, ItemEvent
from tests.inbox.conftest import parsed


def test_it_stores_an_item_with_a_received_event_and_a_new_status(account):
    item, created = ingest_comment(account, parsed("c1"), enqueue=False)
    assert created
    assert item.municipality_id == account.municipality_id
    assert item.kind == "comment"
    assert item.parent is None
    assert [e.type for e in item.events.all()] == ["received"]
    assert item.status.state == "new"
    assert item.status.triage_pending


def test_it_changes_nothing_when_the_same_comment_arrives_again(account):
    first, _ = ingest_comment(account, parsed("c1"), enqueue=False)
    again, created = ingest_comment(account, parsed("c1", "Annen tekst i en ny levering"), enqueue=False)
    assert not created
    assert again.pk == first.pk
    assert Item.objects.count() == 1
    assert ItemEvent.objects.count() == 1
    assert Item.objects.get().text == "Når åpner biblioteket?"


def test_it_keeps_the_same_platform_id_apart_on_two_accounts(account, other_account):
    ingest_comment(account, parsed("same"), enqueue=False)
    item, created = ingest_comment(other_account, parsed("same"), enqueue=False)
    assert created
    assert item.municipality_id == other_account.municipality_id


def test_it_enqueues_triage_only_after_the_transaction_commits(account, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ingest_comment(account, parsed("c1"))
    assert DBTaskResult.objects.count() == 0
    assert len(callbacks) == 1
    callbacks[0]()
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("triage_item")


def test_it_links_a_reply_to_its_parent_even_when_the_reply_comes_first(account):
    reply, _ = ingest_comment(account, parsed("c2", "Enig!", parent_id="c1"), enqueue=False)
    assert reply.kind == "reply"
    assert reply.parent is None
    parent, _ = ingest_comment(account, parsed("c1"), enqueue=False)
    reply.refresh_from_db()
    assert reply.parent == parent
    later, _ = ingest_comment(account, parsed("c3", "Og jeg", parent_id="c1"), enqueue=False)
    assert later.parent == parent


def test_it_records_an_edit_and_keeps_the_previous_text(account):
    item, _ = ingest_comment(account, parsed("c1", "Første tekst"), enqueue=False)
    receive(account, parsed("c1", "Rettet tekst", verb="edited"), enqueue=False)
    receive(account, parsed("c1", "Rettet tekst", verb="edited"), enqueue=False)  # redelivered
    item.refresh_from_db()
    assert item.text == "Rettet tekst"
    edits = list(item.events.filter(type="edited"))
    assert len(edits) == 1
    assert edits[0].payload["previous_text"] == "Første tekst"
    assert item.status.triage_pending


@pytest.mark.parametrize(
    ("verb", "event", "flag"), [("hide", "hidden", "hidden"), ("remove", "deleted", "deleted")]
)
def test_it_records_what_the_platform_did_once(account, verb, event, flag):
    item, _ = ingest_comment(account, parsed("c1"), enqueue=False)
    for _ in range(2):
        receive(account, parsed("c1", "", verb=verb))
    item.refresh_from_db()
    assert item.events.filter(type=event).count() == 1
    assert getattr(item.status, flag)
    assert item.status.archive_pending
    assert item.text == "Når åpner biblioteket?"  # kept in full


def test_it_records_a_platform_unhide(account):
    item, _ = ingest_comment(account, parsed("c1"), enqueue=False)
    receive(account, parsed("c1", "", verb="hide"))
    receive(account, parsed("c1", "", verb="unhide"))
    item.refresh_from_db()
    assert not item.status.hidden
    assert [e.type for e in item.events.all()] == ["received", "hidden", "unhidden"]


def test_it_ignores_a_removal_of_a_comment_it_never_saw(account):
    assert receive(account, parsed("never", "", verb="remove")) is None
    assert Item.objects.count() == 0


def test_it_refuses_an_unknown_verb_and_a_missing_id(account):
    with pytest.raises(ValueError, match="unknown verb"):
        receive(account, parsed("c1", verb="like"))
    with pytest.raises(ValueError, match="no platform id"):
        ingest_comment(account, parsed(""))
