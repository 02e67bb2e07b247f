"""The periodic-job registry: each job once per period, however many workers; failures recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from somevakt.jobs import periodic
from somevakt.jobs.models import PeriodicJobRun


@pytest.fixture
def jobs(monkeypatch):
    """An empty registry for the test; the apps' jobs are back in it afterwards."""
    monkeypatch.setattr(periodic, "JOBS", {})
    return periodic.JOBS


def test_it_runs_a_job_once_per_period(db, jobs):
    calls = []
    periodic.periodic("test.count", every=dt.timedelta(minutes=5))(lambda: calls.append(1))
    now = timezone.now()
    assert periodic.run_due(now) == ["test.count"]
    assert periodic.run_due(now + dt.timedelta(minutes=1)) == []
    assert periodic.run_due(now + dt.timedelta(minutes=5)) == ["test.count"]
    assert len(calls) == 2


def test_it_records_a_failure_and_tries_again_next_period(db, jobs):
    def broken() -> None:
        raise RuntimeError("platform down")

    periodic.periodic("test.broken", every=dt.timedelta(seconds=30))(broken)
    now = timezone.now()
    assert periodic.run_due(now) == ["test.broken"]
    run = PeriodicJobRun.objects.get(name="test.broken")
    assert run.last_error == "RuntimeError: platform down"
    assert run.locked_until is None
    assert periodic.run_due(now + dt.timedelta(seconds=31)) == ["test.broken"]


def test_it_leaves_a_job_alone_while_another_worker_runs_it(db, jobs):
    periodic.periodic("test.slow", every=dt.timedelta(seconds=1))(lambda: None)
    now = timezone.now()
    PeriodicJobRun.objects.create(name="test.slow", locked_until=now + dt.timedelta(minutes=1))
    assert periodic.run_due(now) == []
    # A worker that died holding the lock gives it up when the lock runs out.
    assert periodic.run_due(now + dt.timedelta(minutes=2)) == ["test.slow"]


def test_it_has_the_jobs_every_app_registered_in_ready():
    found = periodic.registered()
    assert {"inbox.triage_sweep", "inbox.reminders"} <= set(found)


# `loop` closes and reopens connections between rounds, as in the worker: outside a test
# transaction (transactional_db), where that is safe.
def stop_after(rounds: int):
    calls = iter(range(rounds))
    return lambda: next(calls, None) is None


def test_it_holds_the_jobs_back_while_the_worker_is_busy(transactional_db, jobs):
    calls = []
    periodic.periodic("test.held", every=dt.timedelta(minutes=5))(lambda: calls.append(1))
    periodic.loop(stop_after(5), tick=0.01, busy=lambda: True, max_defer=3600)
    assert calls == []
    periodic.loop(stop_after(2), tick=0.01, busy=lambda: False)
    assert calls == [1]


def test_it_runs_the_jobs_when_they_have_waited_long_enough(transactional_db, jobs):
    calls = []
    periodic.periodic("test.waited", every=dt.timedelta(minutes=5))(lambda: calls.append(1))
    periodic.loop(stop_after(3), tick=0.01, busy=lambda: True, max_defer=0)
    assert calls == [1]


def test_it_keeps_the_names_the_runs_are_stored_under():
    # A run is found by its job's name: a renamed job would run at once, its old row left behind.
    assert set(periodic.registered()) == {
        "archive.deliver",
        "archive.retention",
        "inbox.closure_comments",
        "inbox.follow_up",
        "inbox.reminders",
        "inbox.triage_sweep",
        "integrations.identity_checks",
        "integrations.mention_texts",
        "integrations.poll_mastodon",
        "integrations.purge_deliveries",
        "integrations.reconcile_meta",
        "integrations.silent_accounts",
        "integrations.sweep_deliveries",
        "integrations.sweep_outbound",
        "publishing.due_posts",
        "tenants.audit_retention",
    }
