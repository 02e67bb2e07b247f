"""Periodic jobs run by `somevakt worker`: a small registry any app adds to.

An app registers its jobs in a `jobs` module that its `AppConfig.ready()` imports:

    from datetime import timedelta
    from somevakt.jobs.periodic import periodic

    @periodic("integrations.silent_accounts", every=timedelta(minutes=15))
    def silent_accounts() -> None: ...

The name is stored in `PeriodicJobRun`, so renaming a job starts its period afresh.
Several worker processes may run at once; each run of a job is claimed with one
conditional UPDATE on its `PeriodicJobRun` row, so a job runs once per period however
many workers there are. A job that raises is logged and tried again next period.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone

from somevakt.jobs.models import PeriodicJobRun

log = logging.getLogger(__name__)

# A run that has not finished after this long is taken to have died with its worker.
LOCK_FOR = dt.timedelta(minutes=10)
# The longest the jobs wait for a busy worker (see `loop`).
MAX_DEFER_SECONDS = 120.0


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: dt.timedelta
    func: Callable[[], object]


JOBS: dict[str, PeriodicJob] = {}


def periodic(name: str, every: dt.timedelta) -> Callable[[Callable[[], object]], Callable[[], object]]:
    """Register `func` to run every `every` in the worker, under a unique `name`."""

    def register(func: Callable[[], object]) -> Callable[[], object]:
        JOBS[name] = PeriodicJob(name, every, func)
        return func

    return register


def registered() -> dict[str, PeriodicJob]:
    """The jobs the installed apps registered (all of them once Django is set up)."""
    return dict(JOBS)


def _claim(job: PeriodicJob, now: dt.datetime) -> bool:
    try:
        with transaction.atomic():
            PeriodicJobRun.objects.get_or_create(name=job.name)
    except IntegrityError:
        pass  # another worker created the row at the same moment
    free = Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - job.every)
    claimed = (
        PeriodicJobRun.objects.filter(name=job.name)
        .filter(free & due)
        .update(last_started_at=now, locked_until=now + LOCK_FOR)
    )
    return claimed == 1


def run_job(job: PeriodicJob) -> None:
    error = ""
    try:
        job.func()
    except Exception as exc:
        log.exception("periodic job %s failed", job.name)
        error = f"{type(exc).__name__}: {exc}"[:2000]
    PeriodicJobRun.objects.filter(name=job.name).update(
        last_finished_at=timezone.now(), locked_until=None, last_error=error
    )


def run_due(now: dt.datetime | None = None) -> list[str]:
    """Run every registered job whose period has passed; returns the names that ran here."""
    ran = []
    for job in sorted(JOBS.values(), key=lambda j: j.name):
        if _claim(job, now or timezone.now()):
            run_job(job)
            ran.append(job.name)
    return ran


def loop(
    stop: Callable[[], bool],
    tick: float = 5.0,
    busy: Callable[[], bool] = lambda: False,
    max_defer: float = MAX_DEFER_SECONDS,
) -> None:
    """Run due jobs every `tick` seconds until `stop()` (the worker's side thread).

    While `busy()` (the worker is draining a backlog of deliveries) the jobs wait, at most
    `max_defer` seconds: they share the process with triage, and the heavy ones (the
    archive's document capture) would otherwise slow the triage everyone is waiting for.
    """
    deferred_since: float | None = None
    while not stop():
        if busy() and (deferred_since is None or time.monotonic() - deferred_since < max_defer):
            deferred_since = deferred_since if deferred_since is not None else time.monotonic()
            time.sleep(min(tick, 0.5))
            continue
        deferred_since = None
        close_old_connections()
        try:
            run_due()
        except Exception:
            log.exception("periodic jobs: round failed")
        close_old_connections()
        time.sleep(tick)
