"""Batches (the worker's ingest): `receive_many` and `triage_many` leave exactly what one at a time leaves.

Each test runs the same comments both ways on the same database: one at a time inside a
transaction that is rolled back, then as a batch, and compares every item, event (in the
order they were written) and status, and what `rebuild-status --check` makes of the log.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django_tasks_db.models import DBTaskResult

from somevakt.archive.models import JournalEntry
from somevakt.inbox.events import NewEvent, record, record_many
from somevakt.inbox.ingest import ingest_comment, receive, receive_many
from somevakt.inbox.models import Item, ItemEvent
from somevakt.inbox.triage import triage, triage_many
from tests.inbox.conftest import parsed


class RolledBack(Exception):
    pass


@contextmanager
def rolled_back():
    """Whatever happens inside is undone (the ids it used are not given back on PostgreSQL)."""
    try:
        with transaction.atomic():
            yield
            raise RolledBack
    except RolledBack:
        pass


def snapshot() -> dict[str, Any]:
    """Everything the inbox keeps, with database ids replaced by what they point at."""
    keys = {item.pk: (item.account_id, item.platform_id) for item in Item.objects.all()}
    items = {}
    for item in Item.objects.select_related("status").order_by("id"):
        events = list(ItemEvent.objects.filter(item=item).order_by("id"))
        status = item.status.as_status()
        # Ids and times differ between two runs; what they refer to must not.
        status["last_event_id"] = [e.pk for e in events].index(status["last_event_id"])
        status["updated_at"] = status["updated_at"] == events[-1].at
        triaged = [e.at for e in events if e.type == "triaged"]
        status["triaged_at"] = status["triaged_at"] == (triaged[-1] if triaged else None)
        items[keys[item.pk]] = {
            "item": (
                item.municipality_id,
                item.kind,
                item.text,
                item.author_name,
                item.author_id,
                item.post_id,
                item.permalink,
                item.received_at,
                item.delivery_id,
                item.parent_platform_id,
                keys.get(item.parent_id),
            ),
            "events": [
                (e.type, e.actor_id, e.actor_label, e.reason, e.clauses, e.payload, e.municipality_id)
                for e in events
            ],
            "status": status,
        }
    order = [keys[item_id] + (type,) for item_id, type in ItemEvent.objects.values_list("item_id", "type")]
    journal = sorted(
        (
            keys[entry.item_id],
            entry.source_event.type,
            entry.reason,
            entry.kind,
            entry.title,
            entry.proposed_screening,
            entry.proposed_basis,
        )
        for entry in JournalEntry.objects.select_related("source_event")
    )
    return {"items": items, "order": order, "journal": journal}


def named(results: list[Item | None]) -> list[tuple[int, str] | None]:
    return [(item.account_id, item.platform_id) if item is not None else None for item in results]


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


def mixed_batch(account, other_account) -> list[tuple[Any, Any, Any]]:
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
    return [(acc, comment, None) for acc, comment in comments]


def test_it_receives_a_mixed_batch_exactly_as_one_comment_at_a_time(
    account, other_account, before_the_batch, django_capture_on_commit_callbacks
):
    batch = mixed_batch(account, other_account)
    with rolled_back():
        with django_capture_on_commit_callbacks(execute=True):
            one_by_one = [receive(acc, comment, delivery) for acc, comment, delivery in batch]
        expected, expected_queue = snapshot(), queued_triage()
    with django_capture_on_commit_callbacks(execute=True):
        batched = receive_many(batch)
    assert named(batched) == named(one_by_one)
    assert snapshot() == expected
    assert queued_triage() == expected_queue
    assert expected_queue.count("c1") == 2  # stored, then edited
    items = expected["items"]
    assert items[(account.pk, "r1")]["item"][-1] == (account.pk, "c3")
    assert items[(account.pk, "orphan")]["item"][-1] == (account.pk, "late-parent")
    assert [e[0] for e in items[(account.pk, "old")]["events"]] == ["received", "edited", "deleted"]
    assert [e[0] for e in items[(account.pk, "c2")]["events"]] == ["received", "hidden", "unhidden"]
    call_command("rebuild-status", "--check")


def test_it_triages_a_received_batch_exactly_as_one_item_at_a_time(account, other_account, before_the_batch):
    items = [item for item in receive_many(mixed_batch(account, other_account), enqueue=False) if item]
    with rolled_back():
        written = [triage(item) for item in dict.fromkeys(items)]
        expected = snapshot()
    assert triage_many(items) == sum(written) > 10
    # The batch writes its items' events grouped by guideline, so only the order across items differs.
    got = snapshot()
    assert sorted(got.pop("order")) == sorted(expected.pop("order"))
    assert got == expected
    call_command("rebuild-status", "--check")


def test_it_records_many_events_as_record_does_one_at_a_time(make_item, owner):
    first, second = make_item("a"), make_item("b", "Takk!")
    events = [
        NewEvent(first, "note", actor=owner, reason="Ringer innbyggeren", payload={"text": "notat"}),
        NewEvent(second, "hidden", actor=owner, reason="personal_data", clauses=("gausdal:7",)),
        NewEvent(first, "closed", actor=owner, reason="Ferdig"),
        NewEvent(second, "deleted", actor_label="platform:facebook", payload={"by": "platform"}),
        NewEvent(first, "reopened", actor=owner),
    ]
    fields = ("actor", "actor_label", "reason", "clauses", "payload")
    with rolled_back():
        for event in events:
            record(event.item, event.type, **{name: getattr(event, name) for name in fields})
        expected = snapshot()
    assert len(record_many(events)) == 5
    assert snapshot() == expected
    assert first.status.state == "open" and second.status.deleted
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
