"""The hand-off from the integrations: idempotent, race-safe, every verb an event, triage enqueued.

`receive_many` is the one implementation; `receive` and `ingest_comment` are a batch of one.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django_tasks_db.models import DBTaskResult

from somevakt.inbox import ingest
from somevakt.inbox.ingest import ingest_comment, receive, receive_many
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


def queued_triage() -> list[str]:
    ids = [task.args_kwargs["args"][0] for task in DBTaskResult.objects.all()]
    keys = dict(Item.objects.filter(pk__in=ids).values_list("pk", "platform_id"))
    return sorted(keys[item_id] for item_id in ids)


@pytest.fixture
def before_the_batch(account):
    """Items stored earlier: one to edit and remove, one hidden, a reply whose parent comes later."""
    ingest_comment(account, parsed("old", "Gammel tekst"), enqueue=False)
    ingest_comment(account, parsed("old-parent", "Hvem har ansvaret for veien?"), enqueue=False)
    ingest_comment(account, parsed("old-hidden", "Ring meg på 912 34 567"), enqueue=False)
    receive(account, parsed("old-hidden", "", verb="hide"), enqueue=False)
    ingest_comment(account, parsed("orphan", "Enig med deg", parent_id="late-parent"), enqueue=False)


def test_it_receives_a_mixed_batch_in_order(
    account, other_account, before_the_batch, django_capture_on_commit_callbacks
):
    comments = [
        (account, parsed("c1", "Når åpner biblioteket?")),
        (account, parsed("c2", "Takk for hjelpen!")),
        (account, parsed("r1", "Det lurer jeg også på", parent_id="c3")),  # before its parent
        (account, parsed("c1", "En annen tekst i en ny levering")),  # a redelivery changes nothing
        (account, parsed("c1", "Når åpner biblioteket igjen?", verb="edited")),
        (account, parsed("c1", "Når åpner biblioteket igjen?", verb="edited")),  # the same edit again
        (account, parsed("old", "Ny tekst", verb="edited")),
        (account, parsed("c3", "Er veien stengt?")),
        (account, parsed("r2", "Kommunen, vel", parent_id="old-parent")),
        (account, parsed("c2", "", verb="hide")),
        (account, parsed("c2", "", verb="hide")),
        (account, parsed("c2", "", verb="unhide")),
        (account, parsed("old", "", verb="remove")),
        (account, parsed("old", "", verb="remove")),
        (account, parsed("never", "", verb="remove")),  # a comment never seen
        (account, parsed("old-hidden", "", verb="unhide")),
        (account, parsed("e1", "Rettet før vi så den", verb="edited")),  # an edit is all we got
        (account, parsed("late-parent", "Veien er fin nå")),
        (other_account, parsed("same", "Hei fra nabokommunen")),
        (account, parsed("same", "Hei")),
        (account, parsed("r1", "", verb="hide")),
        (account, parsed("dm", "Kan jeg sende søknaden hit?", channel="message")),
        (account, parsed("photo", "")),
        (account, parsed("r1", "Det lurer jeg også på!", verb="edited")),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        received = receive_many([(acc, comment, None) for acc, comment in comments])
    assert [(r.item.platform_id if r.item else None, r.created) for r in received][:4] == [
        ("c1", True),
        ("c2", True),
        ("r1", True),
        ("c1", False),
    ]
    assert (received[14].item, received[14].created) == (None, False)  # the removal of a comment never seen
    items = {(item.account_id, item.platform_id): item for item in Item.objects.all()}

    def types(platform_id: str, on=account) -> list[str]:
        return [e.type for e in items[(on.pk, platform_id)].events.all()]

    queue = queued_triage()
    assert queue.count("c1") == 2  # stored, then edited
    assert items[(account.pk, "r1")].parent == items[(account.pk, "c3")]
    assert items[(account.pk, "orphan")].parent == items[(account.pk, "late-parent")]
    assert items[(account.pk, "r2")].parent == items[(account.pk, "old-parent")]
    assert types("old") == ["received", "edited", "deleted"]
    assert types("c2") == ["received", "hidden", "unhidden"]
    assert types("c1") == ["received", "edited"]
    assert items[(account.pk, "c1")].text == "Når åpner biblioteket igjen?"
    assert types("r1") == ["received", "hidden", "edited"]
    assert types("old-hidden") == ["received", "hidden", "unhidden"]
    assert types("e1") == ["received"]
    assert types("same", other_account) == ["received"] and types("same") == ["received"]
    assert items[(account.pk, "dm")].kind == "message"
    assert items[(account.pk, "photo")].text == ""
    assert ("never" not in queue) and ("old" in queue) and ("old-hidden" not in queue)
    call_command("rebuild-status", "--check")


def test_it_touches_nothing_for_an_empty_batch(account, before_the_batch, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert receive_many([]) == []


def test_it_refuses_a_batch_with_a_bad_comment_before_writing_anything(account):
    with pytest.raises(ValueError, match="no platform id"):
        receive_many([(account, parsed("ok"), None), (account, parsed(""), None)])
    with pytest.raises(ValueError, match="unknown verb"):
        receive_many([(account, parsed("ok"), None), (account, parsed("x", verb="like"), None)])
    assert not Item.objects.exists()


def test_it_receives_comments_one_by_one_when_a_batch_keeps_colliding(account, monkeypatch):
    stored_meanwhile = ingest._StoredMeanwhile
    insert_new = ingest._insert_new

    def colliding_for_batches(items):
        if len(items) > 1:
            raise stored_meanwhile
        insert_new(items)

    monkeypatch.setattr(ingest, "_insert_new", colliding_for_batches)
    received = receive_many([(account, parsed(f"c{n}"), None) for n in range(3)], enqueue=False)
    assert [(r.item.platform_id, r.created) for r in received] == [("c0", True), ("c1", True), ("c2", True)]
    assert ItemEvent.objects.filter(type="received").count() == 3


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"
)
@pytest.mark.django_db(transaction=True)
def test_it_stores_one_item_when_two_workers_receive_the_same_comments_at_once(account):
    rounds, size = 8, 20
    for n in range(rounds):
        batch = [(account, parsed(f"race{n}-{k}", f"Kommentar {k}"), None) for k in range(size)]
        barrier = threading.Barrier(2)
        failures: list[BaseException] = []

        def worker(comments) -> None:
            try:
                barrier.wait(timeout=10)
                with transaction.atomic():
                    receive_many(comments, enqueue=False)
            except BaseException as exc:  # reported by the assertion below
                failures.append(exc)
            finally:
                connections.close_all()

        # In the same order: in opposite orders two transactions can deadlock on the unique
        # index, one by one as much as in a batch (the worker then takes its deliveries one by one).
        threads = [threading.Thread(target=worker, args=(batch,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert failures == []
        assert Item.objects.filter(platform_id__startswith=f"race{n}-").count() == size
        assert ItemEvent.objects.filter(item__platform_id__startswith=f"race{n}-").count() == size
    call_command("rebuild-status", "--check")


def test_it_never_lets_an_older_change_overwrite_a_newer_one(account) -> None:
    """A captured older delivery replayed later cannot roll back an edit or re-hide an unhidden comment."""
    at = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    minute = timedelta(minutes=1)
    receive(account, parsed("c1", "Første tekst", changed_at=at), enqueue=False)
    receive(account, parsed("c1", "Rettet tekst", verb="edited", changed_at=at + 2 * minute), enqueue=False)
    receive(account, parsed("c1", "", verb="hide", changed_at=at + 3 * minute), enqueue=False)
    receive(account, parsed("c1", "", verb="unhide", changed_at=at + 4 * minute), enqueue=False)
    replayed = receive_many(
        [
            (account, parsed("c1", "Første tekst, endret", verb="edited", changed_at=at + minute), None),
            (account, parsed("c1", "", verb="hide", changed_at=at + 3 * minute), None),
        ],
        enqueue=False,
    )
    assert [r.stale for r in replayed] == [True, True]
    item = Item.objects.get(platform_id="c1")
    assert item.text == "Rettet tekst"
    assert not item.status.hidden
    assert [e.type for e in item.events.all()] == ["received", "edited", "hidden", "unhidden"]
    assert item.platform_changed_at == at + 4 * minute
