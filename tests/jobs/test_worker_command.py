"""`somevakt worker`: queued triage, the continuous and the periodic jobs; nothing lost when it stops."""

from __future__ import annotations

import io
import threading
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from somevakt.inbox.ingest import ingest_comment
from somevakt.jobs import continuous, periodic
from tests.factories import parsed

# The worker closes and reopens connections between tasks and rounds, as in production: these
# tests run outside a test transaction (transaction=True), where that is safe.
pytestmark = pytest.mark.django_db(transaction=True)


def test_it_triages_what_ingest_queued(account):
    item, _ = ingest_comment(account, parsed("c1", "Når åpner biblioteket?"))  # queued on commit
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    out = io.StringIO()
    call_command("worker", "--once", stdout=out)
    item.status.refresh_from_db()
    assert item.status.action == "reply"
    assert not item.status.triage_pending
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    assert "queue empty" in out.getvalue()


def test_it_picks_up_an_item_whose_task_was_lost(account):
    # Stored, then the process died before the task was queued.
    item, _ = ingest_comment(account, parsed("c1", "Når kommer brøytebilen?"), enqueue=False)
    assert DBTaskResult.objects.count() == 0
    import datetime as dt

    # The sweep waits a little for the task; pretend that time has passed.
    from django.utils import timezone

    from somevakt.inbox.models import ItemStatus

    ItemStatus.objects.filter(pk=item.pk).update(updated_at=timezone.now() - dt.timedelta(minutes=5))
    call_command("worker", "--once", stdout=io.StringIO())
    item.status.refresh_from_db()
    assert not item.status.triage_pending
    assert item.events.get(type="triaged").actor_label == "sweep"


def test_it_refuses_a_negative_interval():
    with pytest.raises(CommandError) as error:
        call_command("worker", "--once", "--interval", "-1")
    assert error.value.returncode == 2


def test_it_takes_in_stored_deliveries_and_triages_their_items(account):
    import json

    from somevakt.inbox.models import Item
    from somevakt.integrations.deliveries import store_meta_delivery
    from somevakt.integrations.fakes.meta_payloads import feed_comment, page_delivery
    from somevakt.integrations.models import Delivery

    page = account.external_id
    for n in range(3):
        store_meta_delivery(
            json.dumps(page_delivery(page, feed_comment(page, f"c{n}", "Når åpner biblioteket?"))).encode()
        )
    call_command("worker", "--once", stdout=io.StringIO())
    assert set(Delivery.objects.values_list("status", flat=True)) == {"processed"}
    assert [i.status.action for i in Item.objects.select_related("status")] == ["reply"] * 3


def wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_it_runs_each_continuous_job_in_a_thread_and_holds_the_periodic_jobs_while_it_has_work(
    monkeypatch,
):
    monkeypatch.setattr(continuous, "LOOPS", {})
    monkeypatch.setattr(periodic, "JOBS", {})
    backlog = threading.Event()
    backlog.set()
    threads: list[str] = []

    @continuous.continuous("test.take")
    def take() -> int:
        threads.append(threading.current_thread().name)
        return 1 if backlog.is_set() else 0

    seen = {}
    done = threading.Event()

    def periodic_loop(stop, tick, busy) -> None:
        wait_for(lambda: len(threads) >= 2)
        seen["with a backlog"] = busy()
        backlog.clear()
        wait_for(lambda: not busy())
        seen["without"] = busy()
        done.set()

    monkeypatch.setattr(periodic, "loop", periodic_loop)
    monkeypatch.setattr(Worker, "run", lambda self: done.wait(10))
    monkeypatch.setattr(Worker, "configure_signals", lambda self: None)
    call_command("worker", "--interval", "0.01", stdout=io.StringIO())
    assert done.is_set()
    assert seen == {"with a backlog": True, "without": False}
    assert set(threads) == {"test.take"}


def test_it_runs_the_continuous_jobs_until_they_find_nothing_with_once(monkeypatch):
    monkeypatch.setattr(continuous, "LOOPS", {})
    monkeypatch.setattr(periodic, "JOBS", {})
    taken = iter([5, 5, 0, 99])
    rounds = []

    @continuous.continuous("test.take")
    def take() -> int:
        rounds.append(1)
        return next(taken)

    out = io.StringIO()
    call_command("worker", "--once", stdout=out)
    assert len(rounds) == 3
    assert "worker: ran no periodic jobs; queue empty" in out.getvalue()
