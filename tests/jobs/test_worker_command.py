"""`somevakt worker`: runs the apps' continuous jobs beside the task loop and the periodic jobs."""

from __future__ import annotations

import io
import threading
import time

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands.db_worker import Worker

from somevakt.jobs import continuous, periodic


def wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


# The threads close and reopen connections between rounds, as in production: outside a test
# transaction (transactional_db), where that is safe.
def test_it_runs_each_continuous_job_in_a_thread_and_holds_the_periodic_jobs_while_it_has_work(
    transactional_db, monkeypatch
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


@pytest.mark.django_db(transaction=True)
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
